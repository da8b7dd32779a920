"""The streaming build of a corpus of any size (``migkg build``): cached, parallel, and written in parts.

For each release the build reads its card and source and computes its cache key (the content of
its inputs, of the registry, and of the ontology, shapes, rules and code), unless their ``stat`` is the one
the last build recorded with the key (:mod:`migkg.build.stamps`). A release whose key is
in the cache is taken from there; the others are built, in worker processes when there are many
(:mod:`migkg.build.parallel`), and each built release leaves its piece of the outputs in the cache.

The outputs are split into dump parts (:mod:`migkg.build.dumps`): the registry and vocabulary, and the
releases of each year. A part whose releases are all as the previous build left them, in the same
output folder, is not written again: its files are hard-linked from there, and its statistics and
its releases' reports come from the cache in one read. The other parts are written while their
releases are built, piece by piece in publication order, into a staging folder that replaces the
output folder only if the whole build succeeds. The nodes that several releases describe are
checked once all are built (:mod:`migkg.build.shared`), again only where what the releases say changed.
So a rebuild after one card changed costs a little per release (the ``stat`` of its inputs)
and the rest only for the part and the nodes that card is in.

This is the build's one orchestration; where the pieces go is a sink (:mod:`migkg.build.sinks`): the
dump files for ``migkg build``, graphs in memory for :func:`migkg.build.pipeline.build_dataset`. The
steps are units of their own: planning (:mod:`~migkg.build.plan`), the jobs (:mod:`~migkg.build.jobs`,
:mod:`~migkg.build.parallel`), the check across releases (:mod:`~migkg.build.shared`), the verdict
(:mod:`~migkg.build.verdict`).
"""
from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from migkg.build.cache import Cache, CacheDamaged, Entry, content_hash, registry_fingerprint, release_key
from migkg.build.catalogue import read_catalogue
from migkg.build.describe import coverage_of
from migkg.build.dumps import BASE_PART, CONFLICTS_PART, Written, clean_leftovers, lock_file
from migkg.build.jobs import (
    DIGEST_BLOBS,
    SHARED_BLOB,
    Job,
    Outcome,
    find_releases,
    full_stats,
    read_inputs,
    reused,
    small_stats,
)
from migkg.build.parallel import Runner
from migkg.build.plan import Plan
from migkg.build.serialise import STORED, Serialiser
from migkg.build.shared import SharedNodesCheck, check_same_events
from migkg.build.sinks import SPANS, FileSink, Sink
from migkg.build.stamps import Stamps
from migkg.build.toolkit import Toolkit
from migkg.build.verdict import conclude, doomed, includable
from migkg.build.workbench import (
    REGISTRY_TRIPLES,
    Workbench,
    cached_registry_triples,
    quiet_garbage_collector,
    triples_blob,
)
from migkg.cards.registry import Registry, registry_files, registry_from_files
from migkg.errors import InputError, MigkgError
from migkg.mapping.terms import Triple
from migkg.processes import FolderLock, owned_prefix, stale_folders
from migkg.validation.conflicts import Conflict, conflict_triples
from migkg.validation.reports import Report

#: the name of a build's scratch cache (with --no-cache) begins with this, then the pid of its build
SCRATCH_PREFIX = ".migkg-scratch-"
#: how many damaged cache entries one build meets before it gives up (each is deleted when found)
MAX_DAMAGED_RETRIES = 3


@dataclass
class BuildSummary:
    """What :func:`build_corpus` did: counts for the summary line, the report, what was left out, what was written.

    ``error`` is set when the build failed (bad cards without ``keep_going``, violations); then
    nothing was written.
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
    across_checked_anew: int = 0  # nodes several releases describe that were validated anew, not kept from the last build
    rebuilt_for_across: list[str] = field(default_factory=list)  # releases of kept parts built again for that check
    damaged: list[str] = field(default_factory=list)  # cache entries found damaged, deleted and built again

    @property
    def checked(self) -> int:
        return self.built + self.reused


Progress = Callable[[int], None]


@dataclass
class Warm:
    """What a process that builds one corpus again and again keeps from one build to the next (``migkg build
    --watch``, :mod:`migkg.curation.watch`): its cache folder's :class:`Cache`, warm (the entries it decoded, the
    state of the check across releases, the stamps, each taken again only while its file holds what it held),
    and the main process's workbench (the registry's triples and indexes, the scratch store), kept while the
    build's context (registry, ontology, shapes, rules, code) is the same. What it keeps is read, never changed,
    by the builds: each gives what a build in a fresh process would (tests/test_watch.py)."""

    toolkit: Toolkit | None = None
    cache: Cache | None = None
    bench: Workbench | None = None
    bench_context: str = ""

    def cache_of(self, folder: Path) -> Cache:
        if self.cache is None or self.cache.folder != Path(folder):
            self.cache = Cache(folder, warm=True)
        self.cache.damaged = []  # this build's finds only
        return self.cache

    def check_toolkit(self) -> None:
        """A :class:`MigkgError` if migkg's code, ontology, shapes or rules changed on disk since :attr:`toolkit` was
        loaded: this process still runs the code it started with, and the build's workers would load the new."""
        if self.toolkit is not None and self.toolkit.changed_since_loaded():
            raise MigkgError("migkg's code, ontology, shapes or derivation rules changed since this process loaded "
                             "them. Fix: start the command again.")

    @staticmethod
    def settle() -> None:
        """Between two builds: collect what the last one left, then keep what is left out of the collector's sight
        again (:func:`migkg.build.workbench.quiet_garbage_collector` froze it, for the build's speed)."""
        import gc

        gc.unfreeze()
        gc.collect()
        gc.freeze()


def build_corpus(data_dir: Path | str, out_dir: Path | None, toolkit: Toolkit, *, cache_dir: Path | None = None,
                 workers: int | None = None, keep_going: bool = False, download_base: str | None = None,
                 progress: Callable[[int], Progress] | None = None,
                 note: Callable[[str], None] | None = None, warm: Warm | None = None) -> BuildSummary:
    """Build, validate and (unless ``out_dir`` is None) write the dataset, streaming and cached.

    ``cache_dir`` None: no cache kept (a temporary one beside the data folder holds the pieces while
    they are written, and nothing of a previous build is reused). ``workers``: worker processes for the
    releases not in the cache (None: one per core when there are many, else none). Every release is
    checked, whatever fails. With ``keep_going``, releases that fail or violate the shapes are
    left out and the rest is written; without it, any such release fails the build
    (``summary.error``) and nothing is written. ``progress(total)`` returns a callback told how
    many more releases are done.

    Writing ``out_dir`` takes its lock (:func:`migkg.build.dumps.lock_file`; :class:`migkg.processes.FolderBusy` if another
    build holds it) and first removes what interrupted builds left beside it; ``note`` is told what was removed.

    ``warm``: what the last build in this process kept (:class:`Warm`; with a ``cache_dir`` only), to build again
    without reading it again.

    Raises :class:`InputError` only for what stops the whole build (the registry, no releases).
    """
    data_dir = Path(data_dir)

    catalogue = read_catalogue(data_dir) if out_dir is not None else None  # a bad catalogue.yaml stops it first

    def files(cache: Cache, keep_cache: bool) -> Sink | None:
        return FileSink(out_dir, toolkit.iris, cache, keep_cache, catalogue, note) if out_dir is not None else None

    def run() -> BuildSummary:
        summary, _registry = stream(data_dir, toolkit, files, cache_dir=cache_dir,
                                    scratch_parent=data_dir.resolve().parent, workers=workers, keep_going=keep_going,
                                    download_base=download_base, progress=progress, long_lived=True, note=note,
                                    warm=warm)
        return summary

    if out_dir is None:
        return run()
    target = Path(out_dir).resolve()
    with FolderLock(lock_file(target), f"the build folder {out_dir}"):
        cleaned = clean_leftovers(target)
        if note is not None:
            if cleaned.restored is not None:
                note(f"put back the previous build into {out_dir} from {cleaned.restored.name} (a build was "
                     "stopped between its two renames)")
            for folder in cleaned.removed:
                note(f"removed {folder.name} beside {out_dir}: left by a build that was stopped")
        return run()


def stream(data_dir: Path, toolkit: Toolkit, make_sink: Callable[[Cache, bool], Sink | None], *,
           cache_dir: Path | None, scratch_parent: Path | None = None, workers: int | None = None,
           keep_going: bool = False, download_base: str | None = None,
           progress: Callable[[int], Progress] | None = None, long_lived: bool = False,
           note: Callable[[str], None] | None = None, warm: Warm | None = None) -> tuple[BuildSummary, Registry]:
    """The one build: every release of ``data_dir`` built (or taken from the cache), checked, concluded, and
    its pieces given to the sink ``make_sink(cache, keep_cache)`` makes (None: nowhere). Returns the summary and
    the registry. Without ``cache_dir`` a scratch cache in ``scratch_parent`` (default: the system's temporary
    folder) holds the pieces during the build. ``long_lived``: the process ends with the build, so its garbage
    collector may be told to leave the large objects alone (:func:`migkg.build.workbench.quiet_garbage_collector`).
    Scratch caches that stopped builds left in that folder are removed first (``note`` is told so).
    """
    started = time.perf_counter()
    if long_lived:  # from the start: reading thousands of outcomes from the cache would trigger collection after collection
        quiet_garbage_collector(collect=False)
    if cache_dir is None:
        parent = scratch_parent if scratch_parent is not None else Path(tempfile.gettempdir())
        for folder in stale_folders(parent, (SCRATCH_PREFIX,)):
            shutil.rmtree(folder, ignore_errors=True)
            if note is not None:
                note(f"removed {folder}: the scratch cache of a build that was stopped")
    damaged: list[str] = []
    while True:  # once more after a damaged cache entry (deleted when found), which is then built again
        try:
            summary, registry, cache = _stream_once(data_dir, toolkit, make_sink, cache_dir=cache_dir,
                                                    scratch_parent=scratch_parent, workers=workers,
                                                    keep_going=keep_going, download_base=download_base,
                                                    progress=progress, long_lived=long_lived, warm=warm)
        except CacheDamaged as err:
            if cache_dir is None or len(damaged) >= MAX_DAMAGED_RETRIES:
                raise
            damaged.append(str(err))
            continue
        summary.damaged = damaged + (cache.damaged if cache is not None else [])
        break
    summary.seconds = time.perf_counter() - started
    return summary, registry


def _stream_once(data_dir: Path, toolkit: Toolkit, make_sink: Callable[[Cache, bool], Sink | None], *,
                 cache_dir: Path | None, scratch_parent: Path | None, workers: int | None, keep_going: bool,
                 download_base: str | None, progress: Callable[[int], Progress] | None,
                 long_lived: bool, warm: Warm | None) -> tuple[BuildSummary, Registry, Cache | None]:
    files = registry_files(data_dir / "registry")
    context = f"{toolkit.fingerprint}:{registry_fingerprint(files)}"  # what every release's build depends on
    cache = None if cache_dir is None else warm.cache_of(cache_dir) if warm is not None else Cache(cache_dir)
    post_types = toolkit.vocabulary.post_types
    registry, triples, parsed = (_registry(cache, context, files, post_types) if cache is not None
                                 else (registry_from_files(files, post_types), None, False))
    folders = find_releases(data_dir)
    scratch_dir: Path | None = None
    if cache is not None:
        store = cache
    else:  # the pieces still go through a cache: a scratch one, removed after the build
        scratch_dir = Path(tempfile.mkdtemp(prefix=owned_prefix(SCRATCH_PREFIX), dir=scratch_parent))
        store = Cache(scratch_dir)
    sink = None
    try:
        sink = make_sink(store, cache is not None)
        plan = Plan(context, stamps=Stamps.load(cache, context))
        run = CorpusBuild(toolkit, registry, files, plan, store, keep_cache=cache is not None,
                          keep_going=keep_going, long_lived=long_lived, registry_triples=triples,
                          warm=warm if cache is not None else None)
        summary = run.build(folders, sink, workers, progress, download_base)
        if cache is not None and cache.folder.is_dir():  # a build that cached nothing leaves no cache
            if parsed:  # with its triples, which a workbench then takes instead of mapping the registry again
                cache.put("registry", context, {"registry": registry},
                          {REGISTRY_TRIPLES: triples_blob(run.workbench().registry_triples)})
            plan.stamps.save(cache, context)
    finally:
        if sink is not None:
            sink.close()
        if scratch_dir is not None:
            shutil.rmtree(scratch_dir, ignore_errors=True)
    return summary, registry, cache


def _registry(cache: Cache, context: str, files: dict[Path, bytes],
              post_types: frozenset[str]) -> tuple[Registry, list[Triple] | None, bool]:
    """The registry, from the cache (the same files, the same code and vocabulary) with its triples, or else
    parsed from its files and checked against the vocabulary's types of post (then True: the caller caches it);
    at 10,000 releases the registry holds thousands of entries, and parsing them is a tenth of a rebuild. A bad
    registry raises here, and nothing is cached."""
    entry = cache.get("registry", context)
    if entry is not None:
        return entry.meta["registry"], cached_registry_triples(entry), False
    return registry_from_files(files, post_types), None, True



class CorpusBuild:
    """One run of the build: the releases looked up in the cache or built, taken in publication order
    (statistics, shared nodes, pieces to the sink), then checked across releases and concluded."""

    def __init__(self, toolkit: Toolkit, registry: Registry, files: dict[Path, bytes], plan: Plan, cache: Cache, *,
                 keep_cache: bool, keep_going: bool, long_lived: bool, registry_triples: list[Triple] | None = None,
                 warm: Warm | None = None):
        self.toolkit, self.registry, self.files, self.plan, self.cache = toolkit, registry, files, plan, cache
        self.warm = warm
        self.registry_triples = registry_triples  # as the cache kept them (None: the workbench maps the registry)
        self.keep_cache, self.keep_going, self.long_lived = keep_cache, keep_going, long_lived
        self.bench: Workbench | None = None
        self.entries: dict[str, Entry] = {}   # the release cache entries this build read or wrote
        self.included: list[str] = []         # the releases in the outputs, in the order taken
        self.copies: dict[str, dict[str, list[Any]]] = {}  # part -> release -> [key, where its chunks are] then
        self.shared = SharedNodesCheck(cache, plan, self.entries, self.workbench)

    def workbench(self) -> Workbench:
        """The main process's workbench, made when first needed (a build that reuses everything needs none)."""
        if self.bench is None and self.warm is not None and self.warm.bench_context == self.plan.context:
            self.bench = self.warm.bench  # the last build's, of the same registry, ontology, shapes, rules and code
        if self.bench is None:
            self.bench = Workbench(self.toolkit, self.registry, self.registry_triples)
            if self.long_lived:
                quiet_garbage_collector(collect=False)
            if self.warm is not None:
                self.warm.bench, self.warm.bench_context = self.bench, self.plan.context
        return self.bench

    def build(self, folders: list[Path], sink: Sink | None, workers: int | None,
              progress: Callable[[int], Progress] | None, download_base: str | None) -> BuildSummary:
        summary = BuildSummary(releases=len(folders), engine=self.toolkit.engine)
        tick = progress(len(folders)) if progress else (lambda n: None)
        outcomes: dict[str, Outcome] = {}
        runner = Runner(self.workbench, self.cache, self.toolkit, self.files, workers=workers, tick=tick)
        try:
            manifest = sink.previous_parts() if sink is not None else {}

            def look_up(folder: Path, card: bytes | None, source: bytes | None) -> None:
                """A release from the cache, or to the runner (which starts workers once there are many); its
                inputs read now if they were not (their stamps gave the key)."""
                rid = folder.name
                entry = self.cache.get(f"releases/{rid}", self.plan.keys[rid])
                if entry is not None:
                    outcomes[rid] = reused(rid, folder, entry)
                    self.entries[rid] = entry
                    tick(1)
                    return
                if card is None or source is None:
                    try:
                        card, source = read_inputs(folder)
                    except InputError as err:  # gone since its stamp was taken
                        outcomes[rid] = Outcome(rid, folder, "failed", [(err.location, err.problem, err.fix)])
                        tick(1)
                        return
                    # changed since its stamp was taken, it is built under the key of what was read (its part is
                    # not kept; the next build finds its stamp changed)
                    self.plan.keys[rid] = release_key(self.plan.context, rid, card, source)
                runner.add(Job(rid, folder, card, source, self.plan.keys[rid]))

            # with no previous build to keep parts of, releases go to the runner as they are read (the workers
            # start early); else once all are read, and only those of the parts that are not kept
            inputs = self.plan.read(folders, outcomes, tick, None if manifest else look_up)
            self.shared.load_previous()
            if manifest and sink is not None and sink.out_dir is not None:
                self.plan.find_kept(self.cache, sink.out_dir, manifest, self.keep_going, self.shared.readable)
                for name, part in self.plan.parts.items():  # a part written again: its unchanged releases copied
                    if part.kept is None and name in manifest:
                        self.copies[name] = sink.copyable(name, manifest) or {}
                for folder, card, source in inputs:
                    if not self.plan.kept(self.plan.part_of[folder.name]):
                        look_up(folder, card, source)
            self.included += self.plan.kept_outcomes(outcomes, tick)
            base_cached, base_meta, base_blobs = self._base()  # while the workers build
            hopeless = doomed(base_meta["issues"], outcomes.values(), self.keep_going)
            self._add_base(sink, base_meta, base_blobs)
            order = [f.name for f in folders]
            frontier = 0
            for outcome in runner.outcomes():
                outcomes[outcome.release_id] = outcome
                if outcome.entry is not None:
                    self.entries[outcome.release_id] = outcome.entry
                hopeless = hopeless or doomed([], [outcome], self.keep_going)
                frontier = self._advance(order, outcomes, frontier, self._taker(sink, hopeless))
            self._advance(order, outcomes, frontier, self._taker(sink, hopeless))
            ordered = [outcomes[rid] for rid in order]
            if not base_cached and any(o.status != "failed" for o in ordered):  # a build of nothing caches nothing
                self.cache.put("base", f"{self.plan.context}:base", base_meta, base_blobs)
            if self.keep_cache:
                self.cache.prune("releases", set(order))
                self.cache.prune("parts", set(self.plan.parts) | {CONFLICTS_PART})
                self.cache.prune(SPANS, set(self.plan.parts))
            across, checked = self.shared.check(ordered, set(self.included))
            same = check_same_events(self.cache, self.plan, ordered, checked, self.toolkit.shapes, self.toolkit.iris)
            verdict = conclude(self.toolkit.shapes, base_meta["issues"], base_meta["results"], ordered,
                               across=across, checked=checked, keep_going=self.keep_going,
                               base_conflicts=base_meta["conflicts"], same_events=same)
            summary.report, summary.error = verdict.report, verdict.error
            summary.built, summary.reused = verdict.built, verdict.reused
            summary.failed, summary.invalid, summary.left_out = verdict.failed, verdict.invalid, verdict.left_out
            summary.across_violations = verdict.across_violations
            summary.across_checked_anew, summary.rebuilt_for_across = across.checked_anew, list(self.shared.rebuilt)
            taker = self._taker(sink, summary.error is not None)
            if taker is not None:
                self._add_conflicts(taker, verdict.conflicts, manifest)
            statistics = {name: part.statistics() for name, part in self.plan.parts.items()}
            summary.quads = sum(s.quads for s in statistics.values())
            summary.graphs = sum(s.graphs for s in statistics.values())
            if sink is not None and summary.error is None:
                summary.written, summary.parts_kept = sink.finish(self.plan, statistics, self.included, download_base)
        finally:
            runner.close()
        return summary

    @staticmethod
    def _taker(sink: Sink | None, hopeless: bool) -> Sink | None:
        """The sink to give the pieces to: none once the build cannot succeed, unless the sink wants them anyway."""
        if sink is None or (hopeless and not sink.wants_pieces_of_failed_builds):
            return None
        return sink

    def _advance(self, order: list[str], outcomes: dict[str, Outcome], frontier: int, sink: Sink | None) -> int:
        """Take in every release whose turn has come (all before it are done), in publication order: its
        statistics, what it says about shared nodes, and (unless its part is kept) its piece, to the sink."""
        while frontier < len(order) and order[frontier] in outcomes:
            rid = order[frontier]
            outcome = outcomes[rid]
            part = self.plan.parts[self.plan.part_of[rid]]
            frontier += 1
            part.outcomes.append(outcome)
            if part.kept is not None or outcome.status == "failed":
                continue
            if not includable(outcome, self.keep_going):  # --keep-going leaves it out, and so does the check
                continue
            entry = self.entries[rid]
            known = self.shared.knows(rid)  # a release of a part written again whose card did not change
            copied = self.copies.get(part.name, {}).get(rid)  # its chunks, where the last build wrote them
            if copied is not None and copied[0] != self.plan.keys[rid]:
                copied = None
            blobs = entry.read(([] if known else [SHARED_BLOB]) + [*DIGEST_BLOBS]
                               + ([*STORED] if sink is not None and copied is None else []))
            if not known:
                self.shared.take(rid, blobs[SHARED_BLOB])
            small = entry.meta["stats"]
            part.stats.add(full_stats(small, blobs), rid, entry.meta.get("coverage"))
            self.included.append(rid)
            if sink is not None:
                if copied is not None:
                    sink.add_copy(part.name, rid, copied[1])
                else:
                    sink.add(part.name, rid, blobs, small.graph_names)
        return frontier

    # ---------------------------------------------------------------- the conflicts graph
    def _add_conflicts(self, sink: Sink, conflicts: list[Conflict], manifest: dict[str, dict[str, Any]]) -> None:
        """The conflicts graph, a dump part of its own: its piece made from the conflicts found (or taken from
        the cache, when the same conflicts were written before), and given to the sink, unless the previous
        build in the sink's folder wrote the same, whose files are then kept."""
        iris = self.toolkit.iris
        graph = iris.conflicts_graph()
        triples = conflict_triples(conflicts, iris)
        key = content_hash(self.plan.context.encode(), *sorted(f"{s} {p} {o}".encode() for s, p, o in triples))
        part = self.plan.add_whole_part(CONFLICTS_PART, key, self.cache, sink.out_dir, manifest)
        if part.kept is not None:
            return
        entry = self.cache.get(CONFLICTS_PART, key)
        if entry is None:
            piece = Serialiser(iris).make_piece([(graph, triples)], own_prefix=iris.conflicts_prefix(), counted=graph)
            entry = self.cache.put(CONFLICTS_PART, key, {"stats": small_stats(piece.stats)},
                                   {**{name: getattr(piece.stats, name) for name in DIGEST_BLOBS}, **piece.chunks})
        blobs = entry.read()
        small = entry.meta["stats"]
        part.stats.add(full_stats(small, blobs))
        sink.add(CONFLICTS_PART, None, {name: blobs[name] for name in STORED}, small.graph_names)

    # ---------------------------------------------------------------- the registry and the vocabulary
    def _base(self) -> tuple[bool, dict[str, Any], dict[str, bytes]]:
        """The registry and vocabulary pieces, validated once: (whether from the cache, their metadata, their blobs)."""
        entry = self.cache.get("base", f"{self.plan.context}:base")
        if entry is not None:
            return True, entry.meta, entry.read()
        bench = self.workbench()
        results = bench.validate_base()
        registry_piece, vocabulary_piece = bench.base_pieces()
        meta = {"issues": bench.base_issues(results), "results": results, "conflicts": bench.base_conflicts(results),
                "stats": [small_stats(registry_piece.stats), small_stats(vocabulary_piece.stats)],
                "coverage": coverage_of(bench.registry_triples, self.toolkit.iris)}
        blobs = {}
        for label, piece in (("registry", registry_piece), ("vocabulary", vocabulary_piece)):
            blobs.update({f"{label}.{name}": getattr(piece.stats, name) for name in DIGEST_BLOBS})
            blobs.update({f"{label}.{name}": data for name, data in piece.chunks.items()})
        return False, meta, blobs

    def _add_base(self, sink: Sink | None, meta: dict[str, Any], blobs: dict[str, bytes]) -> None:
        part = self.plan.parts[BASE_PART]
        for label, small in zip(("registry", "vocabulary"), meta["stats"], strict=True):
            if part.kept is None:
                part.stats.add(full_stats(small, {name: blobs[f"{label}.{name}"] for name in DIGEST_BLOBS}), None,
                               meta["coverage"] if label == "registry" else None)
                if sink is not None:
                    sink.add(BASE_PART, None, {name: blobs[f"{label}.{name}"] for name in STORED}, small.graph_names)
