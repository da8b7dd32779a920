"""One release checked as a whole-corpus validation would check it, without validating the corpus.

:func:`check_release` gives the issues that ``migkg validate`` reports for one release, and only
those: the release's own (its card against the registry and the vocabulary, its graph against the
shapes), less those the check across releases replaces or the registry and vocabulary already give;
the issues found across releases on the nodes it shares with others (an event two cards report under
one id and date differently, a process two cards launch at two events), each naming the releases that
state the values; and two ids of one event, where one of the two is its. An issue of the whole
report belongs to the release when its graph, or one of the graphs an issue found across releases
names, is the release's.

How, at the cost of a few releases rather than of the corpus:

- the release itself is taken from the build cache when its files are as built, else built (and cached);
- what the other releases say comes from the corpus index (:mod:`migkg.curation.corpus_index`),
  brought up to date by a stat of their files; a release that changed since is read again, and built
  if the cache does not have it (many of them: the whole corpus is validated first, in parallel, as
  ``migkg validate`` would, which fills the cache);
- the nodes it shares are validated on what all their describers say (:func:`migkg.validation.across.check_across`
  on those describers alone: each node's result depends only on its describers' groups and on those of
  the shared nodes they name, which is what lets a rebuild keep the others' results too);
- two ids of one event are looked for over every release's signatures (milliseconds at 10,000), and
  only the pairs with one of its events are kept.
"""
from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox

from migkg.build.cache import Cache, Entry, registry_fingerprint, release_key
from migkg.build.jobs import SHARED_BLOB, Job, Outcome, find_releases, read_inputs, reused, run_job
from migkg.build.toolkit import Toolkit
from migkg.build.verdict import dedupe_against, said
from migkg.build.workbench import Workbench, cached_registry_triples
from migkg.cards.registry import Registry, registry_files, registry_from_files
from migkg.cards.release import release_folder
from migkg.curation.corpus_index import AcrossSplit, CorpusIndex, stamp_of
from migkg.errors import InputError, Location, MigkgError
from migkg.mapping.terms import Triple
from migkg.processes import Aside, aside
from migkg.validation.across import check_across, group_digests, groups_of_blob, parse_group
from migkg.validation.card_locations import EntryLocations, anchored
from migkg.validation.conflicts import Findings
from migkg.validation.reports import Issue, Report, issue_of_focus, issue_order
from migkg.validation.same_event import FIELDS, RULES, EventSignature, same_event_findings, same_events
from migkg.validation.shacl import Result

#: more releases than this missing from the cache: the whole corpus is validated first (in parallel), as
#: ``migkg validate`` would, instead of building them one by one here
WARM_UP_ABOVE = 64


@dataclass
class ReleaseCheck:
    """What :func:`check_release` found for one release, and what it read to find it."""

    release_id: str
    folder: Path
    report: Report = field(default_factory=Report)
    errors: list[InputError] = field(default_factory=list)  # the release's bad input (then the report is empty)
    status: str = ""            # "built" or "reused" (from the cache), or "failed"
    releases: int = 0           # releases in the corpus
    read_again: int = 0         # other releases read again (new, or changed since the index was written)
    built_others: int = 0       # other releases built here (changed, and not in the cache)
    sharing: list[str] = field(default_factory=list)  # the releases that describe a node it describes
    checked_anew: int = 0       # of the shared nodes it describes, those validated anew (the others: as last found)
    base_issues: int = 0        # issues of the registry and vocabulary (not the release's; `migkg validate` lists them)
    warmed_up: bool = False     # the cache lacked much: the whole corpus was validated first
    seconds: float = 0.0


def unknown_release(data_dir: Path, release_id: str) -> InputError:
    releases = data_dir / "releases"
    return InputError(Location(Path("--release")), f"no release {release_id!r} in {releases}.",
                      f"give the name of one of the release folders in {releases} (its id, e.g. "
                      f"`ls {releases}`).")


class _Context:
    """What the check builds with, made only when needed (a release taken from the cache needs no workbench)."""

    def __init__(self, data_dir: Path, toolkit: Toolkit, cache: Cache):
        self.toolkit, self.cache = toolkit, cache
        self.files = registry_files(data_dir / "registry")
        self.key = f"{toolkit.fingerprint}:{registry_fingerprint(self.files)}"  # as the build's context
        self._registry: Registry | None = None
        self._triples: list[Triple] | None = None  # the registry's, as the build cached them beside it
        self._bench: Workbench | None = None

    def registry(self) -> Registry:
        if self._registry is None:
            entry = self.cache.get("registry", self.key)
            if entry is not None:
                self._registry, self._triples = entry.meta["registry"], cached_registry_triples(entry)
            else:
                self._registry = registry_from_files(self.files, self.toolkit.vocabulary.post_types)
        assert self._registry is not None
        return self._registry

    def workbench(self) -> Workbench:
        """The workbench: with the registry's triples from the cache, the registry itself is read only when a card
        is first checked against it (by the copy that builds the release, in parallel with this process's index
        work; a shared node's check here needs only the triples)."""
        if self._bench is None:
            if self._registry is None:
                entry = self.cache.get("registry", self.key, meta=False)
                self._triples = cached_registry_triples(entry) if entry is not None else None
            if self._triples is not None:
                self._bench = Workbench(self.toolkit, self.registry, self._triples)
            else:
                self._bench = Workbench(self.toolkit, self.registry())
        return self._bench


def check_release(data_dir: Path | str, release_id: str, toolkit: Toolkit, cache_dir: Path | None, *,
                  workers: int | None = None, note: Callable[[str], None] | None = None) -> ReleaseCheck:
    """The issues ``migkg validate`` reports for the release ``release_id`` of ``data_dir`` (see the module).

    ``cache_dir``: the build cache (None: a scratch one, removed after: then the whole corpus is validated
    first, as with an empty cache). An :class:`InputError` for an unknown release or a bad registry; the
    release's own bad input is in ``errors``."""
    if cache_dir is None:
        scratch = Path(tempfile.mkdtemp(prefix="migkg-release-check-"))
        try:
            return check_release(data_dir, release_id, toolkit, scratch, workers=workers, note=note)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    started = time.perf_counter()
    data_dir = Path(data_dir)
    folder = release_folder(data_dir / "releases", release_id)
    if folder is None:
        raise unknown_release(data_dir, release_id)
    cache = Cache(cache_dir)
    context = _Context(data_dir, toolkit, cache)
    check = ReleaseCheck(release_id, folder)
    base = cache.get("base", f"{context.key}:base")
    if base is None:  # a cold cache: the registry and vocabulary were never checked under this context
        if note is not None:
            note("the build cache has not seen this corpus (or this code, ontology or registry): validating the "
                 "whole corpus once first, to fill it")
        base = _warm_up(data_dir, toolkit, cache, context.key, workers, check)

    index = CorpusIndex(cache, context.key)  # its time first: every stamp it keeps is taken after it
    stamp = stamp_of(folder)
    own = _OwnRelease(context, folder)
    try:
        folders = find_releases(data_dir)  # the corpus listed while the release is built aside
        by_id = {f.name: f for f in folders}
        check.releases = len(folders)
        if own.outcome is None:  # being built aside: the index is brought up to date meanwhile, without it
            index.load()
            missing = index.refresh([f for f in folders if f.name != release_id])
        outcome = own.result()
        check.status = outcome.status
        if outcome.status == "failed":
            check.errors = outcome.input_errors()
            check.seconds = time.perf_counter() - started
            return check
        assert outcome.entry is not None
        if own.aside is None:
            index.load()
            index.take(release_id, stamp, own.key, outcome.entry)
            missing = index.refresh(folders)
        else:
            index.take(release_id, stamp, own.key, outcome.entry)
    finally:
        own.stop()
    if len(missing) > WARM_UP_ABOVE:
        if note is not None:
            note(f"{len(missing):,} releases changed since they were last built: validating the whole corpus "
                 "once first, to fill the build cache")
        _warm_up(data_dir, toolkit, cache, context.key, workers, check)
        missing = index.refresh(folders)
    for job_stamp, job in missing:
        index.take_outcome(job_stamp, job, run_job(context.workbench(), cache, job))
        check.built_others += 1
    check.read_again = index.read_again
    index.save()

    order = [f.name for f in folders]
    graph = toolkit.iris.release_graph(release_id).value
    base_issues: list[Issue] = base.meta["issues"]
    known = {said(i) for i in base_issues}
    check.base_issues = len(base_issues)
    across = _across(context, index, order, release_id, outcome.entry)
    check.sharing, check.checked_anew = across.sharing, across.checked_anew
    same = _same_events(toolkit, index, order, by_id, release_id)
    own_issues = [i for i in outcome.issues if i.focus not in across.focus_texts]
    own_results = [r for r in outcome.results if str(r.focus) not in across.nodes]
    issues = dedupe_against(anchored(own_issues, folder), known)
    issues += [i for i in dedupe_against(across.issues, known) if graph in i.graph.split()]
    issues += [i for i in same.issues if graph in i.graph.split()]
    check.report = Report(issues=sorted(issues, key=issue_order), _paths=toolkit.shapes)
    check.report.add_results(own_results + [r for r, i in across.results if graph in i.graph.split()]
                             + [r for r, i in zip(same.results, same.issues, strict=True) if graph in i.graph.split()])
    check.seconds = time.perf_counter() - started
    return check


def _warm_up(data_dir: Path, toolkit: Toolkit, cache: Cache, context: str, workers: int | None,
             check: ReleaseCheck) -> Entry:
    """Validate the whole corpus once (in parallel, as ``migkg validate`` does), which leaves every release,
    the registry and the vocabulary in the cache; its report is not used (the check below makes the
    release's). The registry's and vocabulary's cache entry."""
    from migkg.build.corpus import stream  # the whole build (and numpy, for its statistics): only to fill the cache

    stream(data_dir, toolkit, lambda _cache, _keep: None, cache_dir=cache.folder, workers=workers)
    check.warmed_up = True
    base = cache.get("base", f"{context}:base")
    if base is None:
        raise MigkgError(f"{data_dir}: no release could be built, so the registry was not checked. Fix: run "
                         "`migkg validate` on the whole corpus and correct what it reports.")
    return base


class _OwnRelease:
    """The release's cache key and outcome: from the cache when its files are as built, else built, in a forked
    copy of this process (:func:`migkg.processes.aside`) while this one brings the corpus index up to date (on a
    second core): the copy leaves the release's entry in the build cache, which is read here once it is done.
    Should the copy fail (bad input, which leaves no entry), the release is built here, where its errors are
    collected. The workbench (the registry read and mapped, the vocabulary and their index: a fifth of a second
    at 10,000 releases) is made here before the copy is forked, so the copy builds with it and this process has
    it for the shared nodes the release's change makes validated anew: made once, not once in each process (on
    a machine whose second core is busy, the copy's own making of it was on the check's critical path)."""

    def __init__(self, context: _Context, folder: Path):
        self.context, self.folder = context, folder
        self.key = ""
        self.outcome: Outcome | None = None   # known: read from the cache, or failed on its inputs
        self.job: Job | None = None           # else the build, aside
        self.aside: Aside | None = None
        rid = folder.name
        try:
            card, source = read_inputs(folder)
        except InputError as err:
            self.outcome = Outcome(rid, folder, "failed", [(err.location, err.problem, err.fix)])
            return
        self.key = release_key(context.key, rid, card, source)
        entry = context.cache.get(f"releases/{rid}", self.key)
        if entry is not None:
            self.outcome = replace(reused(rid, folder, entry), entry=entry)
            return
        job = self.job = Job(rid, folder, card, source, self.key)
        bench = context.workbench()  # before the fork: the copy's, and this process's for the shared nodes' check
        self.aside = aside(lambda: run_job(bench, context.cache, job))

    def result(self) -> Outcome:
        if self.outcome is None:
            assert self.aside is not None and self.job is not None
            rid, cache = self.folder.name, self.context.cache
            entry = cache.get(f"releases/{rid}", self.key) if self.aside.wait() else None
            self.outcome = (replace(reused(rid, self.folder, entry), status="built", entry=entry) if entry is not None
                            else run_job(self.context.workbench(), cache, self.job))
        return self.outcome

    def stop(self) -> None:
        if self.aside is not None:
            self.aside.stop()


@dataclass
class _Across:
    """The part of the check across releases that can name the release: the shared nodes it describes (as
    the whole-corpus check names them), each issue with its result, and the releases read."""

    nodes: frozenset[str] = frozenset()
    focus_texts: frozenset[str] = frozenset()
    issues: list[Issue] = field(default_factory=list)
    results: list[tuple[Result, Issue]] = field(default_factory=list)
    sharing: list[str] = field(default_factory=list)
    checked_anew: int = 0


class _Groups:
    """Releases' groups (node -> N-Triples), read from their cache entries once each."""

    def __init__(self, cache: Cache, index: CorpusIndex, known: dict[str, dict[str, bytes]]):
        self.cache, self.index, self.read = cache, index, dict(known)

    def __call__(self, rid: str) -> dict[str, bytes]:
        if rid not in self.read:
            found = self.cache.read(f"releases/{rid}", self.index.releases[rid].key, [SHARED_BLOB])
            if found is None:
                raise MigkgError(f"the build cache lost the entry of the release {rid} while it was read. Fix: "
                                 "run the command again.")
            self.read[rid] = groups_of_blob(found[SHARED_BLOB])
        return self.read[rid]


def _across(context: _Context, index: CorpusIndex, order: list[str], release_id: str, entry: Entry) -> _Across:
    """The shared nodes the release describes that another release describes too, each as the whole-corpus
    check (:func:`migkg.validation.across.check_across`) finds it: kept from what the last whole check
    found (its cache entry, read in pieces: :class:`AcrossSplit`) when no release said anything else about
    the node or the shared nodes its describers name, else validated anew on what all their describers say."""
    own_groups = groups_of_blob(entry.read([SHARED_BLOB])[SHARED_BLOB])
    describers = index.describers(order, own_groups)
    shared = [node for node in own_groups if len(describers.get(node, ())) > 1]
    if not shared:
        return _Across()
    position = {rid: at for at, rid in enumerate(order)}
    groups = _Groups(context.cache, index, {release_id: own_groups})
    previous = AcrossSplit.of(context.cache, hashlib.sha256(context.key.encode()).hexdigest())  # as the build keys it

    def digests(rid: str) -> dict[str, bytes]:
        if previous.keys.get(rid) == index.releases[rid].key:
            return previous.digests(rid)
        return group_digests(groups(rid))

    parsed: dict[bytes, list[Triple]] = {}

    def parse(group: bytes) -> list[Triple]:
        """A group's triples, parsed once: the describers' groups of a node to check are read for the shared nodes
        they name, then by the check (hundreds of groups for a node such as a process)."""
        found = parsed.get(group)
        if found is None:
            found = parsed[group] = parse_group(group)
        return found

    touched = _touched(previous, index, order, digests)
    todo = [node for node in shared if not previous.has_node(node) or touched is None
            or touched & ({node} | previous.node(node).values)]
    checks = [previous.node(node) for node in shared if node not in todo]
    if todo:
        bench = context.workbench()
        named: set[str] = set()
        for node in todo:
            for rid in describers[node]:
                for s, _p, o in parse(groups(rid)[node]):
                    for term in (s, o):
                        if isinstance(term, ox.NamedNode) and term.value != node \
                                and not term.value.startswith(bench.release_prefix):
                            named.add(term.value)
        wanted = set(todo) | named
        describers.update(index.describers(order, named - describers.keys()))
        readers = sorted({rid for node in wanted for rid in describers.get(node, ())}, key=position.__getitem__)
        described = [(rid, {n: d for n, d in digests(rid).items() if n in wanted}) for rid in readers]
        _found, state = check_across(bench, described, groups, parse)
        checks += [state.nodes[node] for node in todo]
    shapes = context.toolkit.shapes
    return _Across(frozenset(shared), frozenset(issue_of_focus(shapes, ox.NamedNode(node)) for node in shared),
                   sorted((i for c in checks for i in c.issues), key=issue_order),
                   [(r, i) for c in checks for r, i in zip(c.results, c.issues, strict=True)],
                   sorted({rid for node in shared for rid in describers[node]} - {release_id}, key=position.__getitem__),
                   len(todo))


def _touched(previous: AcrossSplit, index: CorpusIndex, order: list[str],
             digests: Callable[[str], dict[str, bytes]]) -> set[str] | None:
    """The shared nodes that some release describes otherwise than when the last whole check ran (None: there
    was none): those of the releases changed, added or gone since, or failing now."""
    if not previous:
        return None
    touched: set[str] = set()
    current = set()
    for rid in order:
        known = index.releases.get(rid)
        if known is None or known.failed:
            continue
        current.add(rid)
        if previous.keys.get(rid) == known.key:
            continue
        now, then = digests(rid), previous.digests(rid)
        touched |= {node for node in now.keys() | then.keys() if now.get(node) != then.get(node)}
    for rid in previous.keys:
        if rid not in current:
            touched |= set(previous.digests(rid))
    return touched


def _same_events(toolkit: Toolkit, index: CorpusIndex, order: list[str], folders: dict[str, Path],
                 release_id: str) -> Findings:
    """Two ids of one event where one of the two entries is the release's: located and worded as the build's
    check (:func:`migkg.build.shared.check_same_events`) does, over the events that can pair with one of
    its events (:func:`_comparable`)."""
    described = _comparable(index, order, release_id)
    found = [pair for pair in same_events(described)
             if any(rid == release_id for rid, _entry in pair.first_in + pair.second_in)]
    if not found:
        return Findings()
    iris = toolkit.iris
    locations = EntryLocations()
    return same_event_findings(found, toolkit.shapes, iris, lambda rid: iris.release_graph(rid).value,
                               lambda rid, entry: locations(folders[rid], ("events", entry)))


def _comparable(index: CorpusIndex, order: list[str], release_id: str) -> list[tuple[str, tuple[EventSignature, ...]]]:
    """Every signature of the events that may pair with one of the release's, by release in release order:
    its own events, and those that some describer gives a value of each field of a rule that some describer
    gives one of its events (a rule compares what all the describers of each event say: see
    :func:`migkg.validation.same_event.same_events`). Every signature of an event kept is kept, so each pair
    is found with the same entries as over the whole corpus."""
    rows = [(rid, known.events) for rid in order
            if (known := index.releases.get(rid)) is not None and not known.failed and known.events]
    own = {row[0] for row in index.releases[release_id].events}
    columns = {name: 2 + at for at, name in enumerate(FIELDS)}  # a row: event, entry, then the fields
    wanted: dict[str, set[object]] = {name: set() for name in FIELDS}
    for _rid, events in rows:
        for row in events:
            if row[0] in own:
                for name, column in columns.items():
                    if row[column] is not None:
                        wanted[name].add(row[column])
    having: dict[str, set[str]] = {name: set() for name in FIELDS}  # field -> events given a wanted value of it
    for _rid, events in rows:
        for row in events:
            for name, column in columns.items():
                if row[column] in wanted[name]:
                    having[name].add(row[0])
    kept = set(own)
    for names in RULES.values():
        kept |= set.intersection(*(having[name] for name in names))
    return [(rid, tuple(EventSignature(*row) for row in events if row[0] in kept)) for rid, events in rows
            if any(row[0] in kept for row in events)]
