"""The streaming build of a corpus of any size (``migkg build``): cached, parallel, and written in parts.

For each release the build reads its card and source and computes its cache key (the content of
its inputs, of the registry, and of the ontology, shapes, rules and code). A release whose key is
in the cache is taken from there; the others are built, in worker processes when there are many
(:mod:`migkg.build.parallel`), and each built release leaves its piece of the outputs in the cache.

The outputs are split into dump parts (:mod:`migkg.build.dumps`): the registry and vocabulary, and the
releases of each year. A part whose releases are all as the previous build left them, in the same
output folder, is not written again: its files are hard-linked from there, and its statistics and
its releases' reports come from the cache in one read. The other parts are written while their
releases are built, piece by piece in publication order, into a staging folder that replaces the
output folder only if the whole build succeeds. The nodes that several releases describe are
checked once all are built (:mod:`migkg.validation.across`), again only where what the releases say changed.
So a rebuild after one card changed costs a little per release (reading and hashing its inputs)
and the rest only for the part and the nodes that card is in.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from migkg.build.cache import Cache, Entry, registry_fingerprint, release_key
from migkg.build.describe import PartStatistics, PartStatisticsBuilder, description_bytes, merge
from migkg.build.dumps import (
    BASE_PART,
    DESCRIPTION_FILE,
    EXTENSIONS,
    DumpWriter,
    Staging,
    Written,
    file_name,
    manifest_text,
    modification_times,
    part_key,
    part_of,
    part_order,
    read_manifest,
    reusable_files,
)
from migkg.build.pipeline import (
    Toolkit,
    Workbench,
    _said,
    dedupe_against,
    each_error,
    find_releases,
    quiet_garbage_collector,
    read_inputs,
)
from migkg.build.serialise import STORED, Piece, PieceStats, Serialiser
from migkg.cards.registry import Registry, registry_files, registry_from_files
from migkg.errors import InputError, InputErrors, Location, MigkgError, ValidationFailed
from migkg.mapping.registry import Triple
from migkg.validation.across import (
    AcrossReleases,
    AcrossState,
    check_across,
    group_digests,
    groups_blob,
    groups_of_blob,
    parse_group,
)
from migkg.validation.card_locations import anchored
from migkg.validation.reports import Issue, Report, issue_order, report_of
from migkg.validation.shacl import Result


@dataclass
class Outcome:
    """What happened to one release: built, reused from the cache, or failed (with its errors)."""

    release_id: str
    folder: Path
    status: str                                  # "built", "reused" or "failed"
    errors: list[tuple[Location, str, str | None]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    entry: Entry | None = None                    # where its piece of the outputs is, in the cache

    @property
    def violates(self) -> bool:
        return any(i.severity == "Violation" for i in self.issues)

    def input_errors(self) -> list[InputError]:
        return [InputError(location, problem, fix) for location, problem, fix in self.errors]


@dataclass
class Job:
    release_id: str
    folder: Path
    card: bytes
    source: bytes
    key: str


def run_job(bench: Workbench, cache: Cache, job: Job) -> Outcome:
    """Build one release and store its piece of the outputs in the cache; never raises for bad input."""
    try:
        built = bench.build(job.folder, job.card, job.source)
    except InputError as err:
        return Outcome(job.release_id, job.folder, "failed",
                       [(e.location, e.problem, e.fix) for e in each_error(err)])
    piece = bench.release_piece(built)
    outcome = Outcome(job.release_id, job.folder, "built", issues=built.issues, results=built.results)
    outcome.entry = cache.put(f"releases/{job.release_id}", job.key, _meta(outcome, piece.stats),
                              _blobs(piece, built.shared))
    return outcome


def _meta(outcome: Outcome, stats: PieceStats) -> dict:
    return {"issues": outcome.issues, "results": outcome.results, "stats": _small(stats)}


_DIGEST_BLOBS = ("shared_triples", "shared_subjects", "shared_objects", "shared_class_members")


def _small(stats: PieceStats) -> PieceStats:
    """The statistics without their digests (those are blobs, read only when the outputs are written)."""
    return replace(stats, **dict.fromkeys(_DIGEST_BLOBS, b""))


#: the blob of a release's cache entry that holds its shared triples (:func:`migkg.validation.across.groups_blob`)
SHARED_BLOB = "shared"


def _blobs(piece: Piece, shared: dict[str, list[Triple]]) -> dict[str, bytes]:
    blobs = {SHARED_BLOB: groups_blob(shared)}
    blobs.update({name: getattr(piece.stats, name) for name in _DIGEST_BLOBS})
    blobs.update(piece.chunks)
    return blobs


def _full_stats(small: PieceStats, digests: dict[str, bytes]) -> PieceStats:
    """A piece's statistics from its counts (metadata) and its digests (blobs)."""
    return replace(small, **{name: digests[name] for name in _DIGEST_BLOBS})


@dataclass
class BuildSummary:
    """What :func:`build_corpus` did: counts for the summary line, the report, what was left out, what was written.

    ``error`` is set when the build failed (bad cards without ``keep_going``, violations); then
    nothing was written, and :meth:`raise_for_failure` raises it.
    """

    built: int = 0
    reused: int = 0
    failed: list[Outcome] = field(default_factory=list)
    invalid: list[Outcome] = field(default_factory=list)
    left_out: list[Outcome] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    written: list[Written] = field(default_factory=list)   # every data file of the build, in publication order
    parts_kept: list[str] = field(default_factory=list)    # dump parts taken unchanged from the previous build
    releases: int = 0
    quads: int = 0
    graphs: int = 0
    seconds: float = 0.0
    engine: str = ""
    error: MigkgError | None = None
    across_violations: int = 0  # violations found only across releases (see migkg.validation.across)

    @property
    def checked(self) -> int:
        return self.built + self.reused

    def raise_for_failure(self) -> None:
        if self.error is not None:
            raise self.error


Progress = Callable[[int], None]


def build_corpus(data_dir: Path | str, out_dir: Path | None, toolkit: Toolkit, *, cache_dir: Path | None = None,
                 workers: int | None = None, keep_going: bool = False, download_base: str | None = None,
                 progress: Callable[[int], Progress] | None = None) -> BuildSummary:
    """Build, validate and (unless ``out_dir`` is None) write the dataset, streaming and cached.

    ``cache_dir`` None: no cache kept (a temporary one holds the pieces while they are written,
    and nothing of a previous build is reused). ``workers``: worker processes for the releases
    not in the cache (None: one per core when there are many, else none). Every release is
    checked, whatever fails. With ``keep_going``, releases that fail or violate the shapes are
    left out and the rest is written; without it, any such release fails the build
    (``summary.error``) and nothing is written. ``progress(total)`` returns a callback told how
    many more releases are done.

    Raises :class:`InputError` only for what stops the whole build (the registry, no releases).
    """
    import shutil
    import tempfile

    started = time.perf_counter()
    data_dir = Path(data_dir)
    files = registry_files(data_dir / "registry")
    context = f"{toolkit.fingerprint}:{registry_fingerprint(files)}"  # what every release's build depends on
    cache = Cache(cache_dir) if cache_dir is not None else None
    registry, parsed = _registry(cache, context, files) if cache is not None else (registry_from_files(files), False)
    folders = find_releases(data_dir)
    scratch_dir = None
    if cache_dir is None:
        scratch_dir = Path(tempfile.mkdtemp(prefix=".migkg-scratch-", dir=data_dir.resolve().parent))
    try:
        run = _CorpusBuild(toolkit, registry, files, context, cache or Cache(scratch_dir),
                           keep_cache=cache is not None, keep_going=keep_going)
        summary = run.build(folders, workers, progress, out_dir, download_base)
        if parsed and Path(cache_dir).is_dir():  # a build that cached nothing else leaves no cache behind
            cache.put("registry", context, {"registry": registry}, {})
    finally:
        if scratch_dir is not None:
            shutil.rmtree(scratch_dir, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    return summary


def _registry(cache: Cache, context: str, files: dict[Path, bytes]) -> tuple[Registry, bool]:
    """The registry, from the cache (the same files, the same code) or else parsed from its files (then
    True: the caller caches it); at 10,000 releases the registry holds thousands of entries, and parsing
    them is a tenth of a rebuild. A bad registry raises here, and nothing is cached."""
    entry = cache.get("registry", context)
    if entry is not None:
        return entry.meta["registry"], False
    return registry_from_files(files), True


@dataclass
class _Part:
    """One dump part during a build: its releases (id, cache key), and how its files come about."""

    name: str
    members: list[tuple[str, str]] = field(default_factory=list)
    complete: bool = True                 # every member's inputs could be read
    key: str = ""
    kept: list[Written] | None = None     # the previous build's files, if they can be taken as they are
    saved: dict | None = None             # the part's cache entry (statistics, outcomes) when kept
    stats: PartStatisticsBuilder = field(default_factory=PartStatisticsBuilder)
    outcomes: list[Outcome] = field(default_factory=list)


class _CorpusBuild:
    """One run of :func:`build_corpus`: cache lookups, builds, the report, and the outputs as releases finish."""

    def __init__(self, toolkit: Toolkit, registry: Registry, files: dict[Path, bytes], context: str, cache: Cache,
                 keep_cache: bool, keep_going: bool):
        self.toolkit, self.registry, self.files, self.cache = toolkit, registry, files, cache
        self.keep_cache, self.keep_going = keep_cache, keep_going
        self.context = context
        self.bench: Workbench | None = None
        self.entries: dict[str, Entry] = {}
        self.keys: dict[str, str] = {}
        self.folders: dict[str, Path] = {}
        self.parts: dict[str, _Part] = {}
        self.part_of: dict[str, str] = {}
        self.included: list[str] = []
        self.described: dict[str, dict[str, bytes]] = {}  # release -> digests of its groups (migkg.validation.across)
        self.previous = AcrossState()

    def workbench(self) -> Workbench:
        if self.bench is None:
            self.bench = Workbench(self.toolkit, self.registry)
            quiet_garbage_collector()
        return self.bench

    # ---------------------------------------------------------------- the run
    def build(self, folders: list[Path], workers: int | None, progress: Callable[[int], Progress] | None,
              out_dir: Path | None, download_base: str | None) -> BuildSummary:
        from migkg.build.parallel import Runner

        summary = BuildSummary(releases=len(folders), engine=self.toolkit.engine)
        tick = progress(len(folders)) if progress else (lambda n: None)
        outcomes: dict[str, Outcome] = {}
        staging = Staging(out_dir) if out_dir is not None else None  # refuses a folder migkg did not write, first
        runner = Runner(self.workbench, self.cache, self.toolkit, self.files, workers, tick)
        writer = None
        try:
            manifest = read_manifest(staging.out_dir) if staging is not None and self.keep_cache else {}

            def look_up(folder: Path, card: bytes, source: bytes) -> None:
                """A release from the cache, or to the runner (which starts workers once there are many)."""
                rid = folder.name
                entry = self.cache.get(f"releases/{rid}", self.keys[rid])
                if entry is not None:
                    outcomes[rid] = Outcome(rid, folder, "reused", issues=entry.meta["issues"],
                                            results=entry.meta["results"])
                    self.entries[rid] = entry
                    tick(1)
                else:
                    runner.add(Job(rid, folder, card, source, self.keys[rid]))

            # with no previous build to keep parts of, releases go to the runner as they are read (the workers
            # start early); else once all are read, and only those of the parts that are not kept
            inputs = self._read(folders, outcomes, tick, None if manifest else look_up)
            self.previous = self._previous_across()
            if manifest:
                self._find_kept(staging.out_dir, manifest)
                for folder, card, source in inputs:
                    if self.parts[self.part_of[folder.name]].kept is None:
                        look_up(folder, card, source)
            self._take_kept(outcomes, tick)
            base_cached, base_meta, base_blobs = self._base()  # while the workers build
            doomed = self._doomed(base_meta["issues"], outcomes.values())
            if staging is not None:
                writer = DumpWriter(staging.folder, Serialiser(self.toolkit.iris))
            self._add_base(writer, base_meta, base_blobs)
            order = [f.name for f in folders]
            frontier = 0
            for outcome in runner.outcomes():
                outcomes[outcome.release_id] = outcome
                if outcome.entry is not None:
                    self.entries[outcome.release_id] = outcome.entry
                doomed = doomed or self._doomed([], [outcome])
                frontier = self._advance(order, outcomes, frontier, None if doomed else writer)
            frontier = self._advance(order, outcomes, frontier, None if doomed else writer)
            ordered = [outcomes[rid] for rid in order]
            if not base_cached and any(o.status != "failed" for o in ordered):  # a build of nothing caches nothing
                self.cache.put("base", f"{self.context}:base", base_meta, base_blobs)
            if self.keep_cache:
                self.cache.prune("releases", set(order))
                self.cache.prune("parts", set(self.parts))
            across, checked = self._across(ordered)
            self._conclude(summary, base_meta["issues"], base_meta["results"], ordered, across, checked)
            statistics = {name: self._statistics(part) for name, part in self.parts.items()}
            summary.quads = sum(s.quads for s in statistics.values())
            summary.graphs = sum(s.graphs for s in statistics.values())
            if writer is not None and summary.error is None:
                fresh = writer.finish()
                writer = None
                self._publish(staging, fresh, statistics, download_base, summary)
        finally:
            runner.close()
            if writer is not None:
                writer.close()
            if staging is not None:
                staging.discard()
        return summary

    def _read(self, folders: list[Path], outcomes: dict[str, Outcome], tick,
              look_up: Callable[[Path, bytes, bytes], None] | None) -> list[tuple[Path, bytes, bytes]]:
        """Every release's cache key, and the dump parts they fall in (a release whose inputs cannot be read
        fails here, and its part cannot be kept); each release's inputs go to ``look_up`` at once, or
        (without it) are returned."""
        self.parts[BASE_PART] = _Part(BASE_PART, key=part_key(f"{self.context}:{BASE_PART}", []))
        inputs = []
        for folder in folders:
            rid = folder.name
            name = self.part_of[rid] = part_of(rid)
            part = self.parts.get(name)
            if part is None:
                part = self.parts[name] = _Part(name)
            try:
                card, source = read_inputs(folder)
            except InputError as err:
                outcomes[rid] = Outcome(rid, folder, "failed", [(err.location, err.problem, err.fix)])
                part.complete = False
                tick(1)
                continue
            self.keys[rid] = release_key(self.context, rid, card, source)
            self.folders[rid] = folder
            part.members.append((rid, self.keys[rid]))
            if look_up is not None:
                look_up(folder, card, source)
            else:
                inputs.append((folder, card, source))
        for name, part in self.parts.items():
            if name != BASE_PART:
                part.key = part_key(self.context, part.members)
        return inputs

    # ---------------------------------------------------------------- parts kept from the previous build
    def _find_kept(self, out_dir: Path, manifest: dict[str, dict]) -> None:
        """The parts whose files the previous build in ``out_dir`` made of the same releases (its
        ``manifest``), and that the cache still describes: those are not written again."""
        for name, part in self.parts.items():
            if not part.complete or name not in manifest:
                continue
            saved = self.cache.get(f"parts/{name}", part.key)
            files = reusable_files(out_dir, manifest[name], part.key, saved.meta["mtimes"]) if saved else None
            # written by a --keep-going build that left one of them out: not this build's part without it
            every_one = self.keep_going or (saved is not None and len(saved.meta["included"]) == len(part.members))
            if files is not None and every_one and all(self._readable(rid, key) for rid, key in part.members):
                part.kept, part.saved = files, saved.meta

    def _readable(self, rid: str, key: str) -> bool:
        """Whether the check across releases can read a release of a kept part: from what the last check
        recorded (that version of it), or else from its cache entry (which a build of another version
        of the card, since the part was written, has replaced)."""
        known = self.previous.releases.get(rid)
        if known is not None and known[0] == key:
            return True
        entry = self.cache.get(f"releases/{rid}", key)
        if entry is not None:
            self.entries[rid] = entry
        return entry is not None

    def _take_kept(self, outcomes: dict[str, Outcome], tick) -> None:
        """The outcomes of the kept parts' releases, as their cache entry recorded them."""
        for part in self.parts.values():
            if part.kept is None or part.name == BASE_PART:
                continue
            for saved in part.saved["outcomes"]:
                outcome = Outcome(saved.release_id, saved.folder, "reused" if saved.status == "built" else saved.status,
                                  saved.errors, saved.issues, saved.results)
                outcomes[outcome.release_id] = outcome
                tick(1)
            self.included += part.saved["included"]

    def _statistics(self, part: _Part) -> PartStatistics:
        return part.saved["stats"] if part.kept is not None else part.stats.result()

    # ---------------------------------------------------------------- writing
    def _doomed(self, base_issues: list[Issue], outcomes: Iterable[Outcome]) -> bool:
        """Whether the build can no longer succeed (then writing the outputs is wasted work). A release's
        violation does not doom it yet: the check across releases may find the node fine with the other
        releases' data (then the violation was not one of the whole graph)."""
        if any(i.severity == "Violation" for i in base_issues):
            return True
        return not self.keep_going and any(o.status == "failed" for o in outcomes)

    def _includable(self, outcome: Outcome) -> bool:
        """Whether a release goes into the outputs: without --keep-going every release built (a violation left
        after the check across releases fails the whole build); with it, those valid on their own."""
        return outcome.status != "failed" and not (self.keep_going and outcome.violates)

    def _advance(self, order: list[str], outcomes: dict[str, Outcome], frontier: int, writer) -> int:
        """Take in every release whose turn has come (all before it are done), in publication order: its
        statistics, what it says about shared nodes, and (unless its part is kept) its chunks to write."""
        while frontier < len(order) and order[frontier] in outcomes:
            rid = order[frontier]
            outcome = outcomes[rid]
            part = self.parts[self.part_of[rid]]
            frontier += 1
            part.outcomes.append(outcome)
            if part.kept is not None or outcome.status == "failed":
                continue
            if not self._includable(outcome):  # --keep-going leaves it out, and so does the check across releases
                continue
            entry = self.entries[rid]
            blobs = entry.read([SHARED_BLOB, *_DIGEST_BLOBS, *STORED] if writer is not None
                               else [SHARED_BLOB, *_DIGEST_BLOBS])
            self.described[rid] = group_digests(groups_of_blob(blobs[SHARED_BLOB]))
            small = entry.meta["stats"]
            part.stats.add(_full_stats(small, blobs), rid)
            self.included.append(rid)
            if writer is not None:
                writer.add(part.name, blobs, small.graph_names)
        return frontier

    def _publish(self, staging: Staging, fresh: list[Written], statistics: dict[str, PartStatistics],
                 download_base: str | None, summary: BuildSummary) -> None:
        """Put the kept parts' files beside the fresh ones, describe them all, record the parts, and commit."""
        written = {w.file_name: w for w in fresh}
        for part in self.parts.values():
            if part.kept is not None:
                staging.reuse([w.file_name for w in part.kept])
                written.update({w.file_name: w for w in part.kept})
                summary.parts_kept.append(part.name)
        names = sorted({self.part_of.get(rid, BASE_PART) for rid in self.included} | {BASE_PART}, key=part_order)
        summary.written = [written[file_name(name, ext)] for name in names for ext in EXTENSIONS]
        statistics = {name: statistics[name] for name in names}
        description = description_bytes(merge(statistics), self.toolkit.iris, sorted(self.included),
                                        summary.written, download_base)
        (staging.folder / DESCRIPTION_FILE).write_bytes(description)
        marker = manifest_text({name: self.parts[name].key for name in names}, summary.written)
        staging.commit(marker)
        if self.keep_cache:  # after the commit: the files' modification times are final
            for name in names:
                part = self.parts[name]
                if part.kept is None:
                    mtimes = modification_times(staging.out_dir, [file_name(name, ext) for ext in EXTENSIONS])
                    self.cache.put(f"parts/{name}", part.key, self._saved(part, statistics[name], mtimes), {})

    def _saved(self, part: _Part, statistics: PartStatistics, mtimes: dict[str, int]) -> dict:
        """What the cache keeps of a written part, for a build that keeps it: its statistics, its releases'
        outcomes (without where their entries are), and its files' modification times."""
        # a release's own issues and results, as built (the check across releases may take some in another build)
        outcomes = [replace(o, entry=None) for o in part.outcomes]
        included = set(self.included)
        return {"stats": statistics, "outcomes": outcomes, "mtimes": mtimes,
                "included": [o.release_id for o in outcomes if o.release_id in included]}

    # ---------------------------------------------------------------- the registry and the vocabulary
    def _base(self) -> tuple[bool, dict, dict[str, bytes]]:
        """The registry and vocabulary pieces, validated once: (whether from the cache, their metadata, their blobs)."""
        entry = self.cache.get("base", f"{self.context}:base")
        if entry is not None:
            return True, entry.meta, entry.read()
        bench = self.workbench()
        results = bench.validate_base()
        registry_piece, vocabulary_piece = bench.base_pieces()
        meta = {"issues": bench.base_issues(results), "results": results,
                "stats": [_small(registry_piece.stats), _small(vocabulary_piece.stats)]}
        blobs = {}
        for label, piece in (("registry", registry_piece), ("vocabulary", vocabulary_piece)):
            blobs.update({f"{label}.{name}": getattr(piece.stats, name) for name in _DIGEST_BLOBS})
            blobs.update({f"{label}.{name}": data for name, data in piece.chunks.items()})
        return False, meta, blobs

    def _add_base(self, writer, meta: dict, blobs: dict[str, bytes]) -> None:
        part = self.parts[BASE_PART]
        for label, small in zip(("registry", "vocabulary"), meta["stats"]):
            if part.kept is None:
                part.stats.add(_full_stats(small, {name: blobs[f"{label}.{name}"] for name in _DIGEST_BLOBS}))
                if writer is not None:
                    writer.add(BASE_PART, {name: blobs[f"{label}.{name}"] for name in STORED}, small.graph_names)

    # ---------------------------------------------------------------- across releases
    def _across(self, ordered: list[Outcome]) -> tuple[AcrossReleases, set[str]]:
        """The corpus-wide check of the nodes several releases describe, and the releases it took: those
        included in the outputs (without --keep-going, every release that was built, as validating their
        whole graph would). What the last build found is kept where nothing changed."""
        included = set(self.included)
        checked = [o.release_id for o in ordered if o.release_id in included]
        previous = self.previous
        described = []
        for rid in checked:
            digests = self.described.get(rid)
            if digests is None:
                known = previous.releases.get(rid)
                digests = known[1] if known is not None and known[0] == self.keys[rid] else \
                    group_digests(self._groups(rid))
            described.append((rid, digests))
        if not any(len(d) for _rid, d in described):
            return AcrossReleases(), set(checked)
        across, state = check_across(self.workbench(), described, self._groups, parse_group, previous)
        state.releases = {rid: (self.keys[rid], digests) for rid, digests in described}
        self.cache.put("across", self._across_key(), {"state": state}, {})
        return across, set(checked)

    def _across_key(self) -> str:
        return hashlib.sha256(self.context.encode()).hexdigest()

    def _previous_across(self) -> AcrossState:
        """What the last check across releases left (with the same code, shapes and registry), or nothing."""
        saved = self.cache.get("across", self._across_key())
        return saved.meta["state"] if saved is not None else AcrossState()

    def _groups(self, rid: str) -> dict[str, bytes]:
        """A release's groups (node -> N-Triples), from its cache entry."""
        entry = self.entries.get(rid) or self.cache.get(f"releases/{rid}", self.keys[rid])
        if entry is None:  # a kept part's release whose entry was removed since: build it again, for its groups
            folder = self.folders[rid]
            entry = run_job(self.workbench(), self.cache, Job(rid, folder, *read_inputs(folder), self.keys[rid])).entry
            if entry is None:
                raise MigkgError(f"{folder}: built fine before, but not now, though its files did not change; "
                                 "build again (with --no-cache if it persists).")
        self.entries[rid] = entry
        return groups_of_blob(entry.read([SHARED_BLOB])[SHARED_BLOB])

    # ---------------------------------------------------------------- the report and the verdict
    def _conclude(self, summary: BuildSummary, base_issues: list[Issue], base_results: list[Result],
                  ordered: list[Outcome], across: AcrossReleases, checked: set[str]) -> None:
        """The report (the registry and vocabulary once, then what each release adds, then what only
        the releases together show), and the verdict. A release the check across releases took has its
        issues on shared nodes replaced by the check's; one it did not take (left out) keeps them. The
        outcomes are copied for the summary: the parts keep each release's own issues, for the cache."""
        known = {_said(i) for i in base_issues}
        report = report_of(base_results, self.toolkit.shapes)
        issues = list(base_issues)
        concluded = []
        for outcome in ordered:
            own_issues, own_results = outcome.issues, outcome.results
            if outcome.release_id in checked:
                own_issues = [i for i in own_issues if not across.replaces_issue(i)]
                own_results = [r for r in own_results if not across.replaces(r)]
            outcome = replace(outcome, issues=dedupe_against(anchored(own_issues, outcome.folder), known),
                              results=own_results)
            concluded.append(outcome)
            issues += outcome.issues
            report._results += outcome.results
        ordered = concluded
        across_issues = dedupe_against(across.issues, known)
        issues += across_issues
        report._results += across.results
        report.issues = sorted(issues, key=issue_order)
        summary.report = report
        summary.built = sum(1 for o in ordered if o.status == "built")
        summary.reused = sum(1 for o in ordered if o.status == "reused")
        summary.failed = [o for o in ordered if o.status == "failed"]
        summary.invalid = [o for o in ordered if o.status != "failed" and o.violates]
        summary.across_violations = sum(1 for i in across_issues if i.severity == "Violation")
        base_violations = sum(1 for i in base_issues if i.severity == "Violation")
        if base_violations:
            summary.error = ValidationFailed(f"the registry or the vocabulary violates the shapes "
                                             f"({base_violations} violation(s)); nothing was written.")
        elif summary.failed and not self.keep_going:
            summary.error = InputErrors([e for o in summary.failed for e in o.input_errors()])
        elif summary.invalid and not self.keep_going:
            summary.error = ValidationFailed(f"the graph violates the shapes ({len(report.violations)} "
                                             "violation(s)); nothing was written.")
        elif summary.across_violations:
            summary.error = ValidationFailed(
                f"{summary.across_violations} violation(s) found across releases, on nodes that several releases "
                "describe (each names the releases that state the values); nothing was written. Fix: correct the "
                "cards that are wrong, or keep a disagreement as claims; --keep-going cannot choose which side of "
                "a disagreement to leave out.")
        if self.keep_going:
            summary.left_out = summary.failed + summary.invalid
