"""The build, step by step: load, resolve, map, derive, validate, serialise.

Each release is handled on its own (its card, its graph, its derived edges, its validation,
its share of every output file), so the cost grows with the number of releases and nothing
more, the releases can be built in parallel worker processes, and a release whose inputs
did not change is taken from the cache (:mod:`migkg.cache`). The registry and the
vocabulary are validated once, not with every release; the nodes that several releases
describe are validated once more on what all of them say (:mod:`migkg.across`).

Two entry points share these steps:

- :func:`build_dataset` builds in memory and returns rdflib graphs: for notebooks, tests and
  small corpora;
- :func:`build_corpus` streams: it writes the output files part by part and holds no graph
  of the whole corpus, for corpora of any size (``migkg build``).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from .across import AcrossReleases, check_across, groups_blob, groups_of_blob, parse_group, shared_groups
from .cache import Cache, Entry, registry_fingerprint, release_key, toolkit_fingerprint
from .derive import Needed, Rule, Scratch, load_rules, needed_triples
from .describe import StatisticsBuilder, description_bytes
from .errors import InputError, InputErrors, Location, MigkgError, ValidationFailed
from .evidence import resolve_card
from .iris import DEFAULT_BASE, Iris
from .map_registry import Triple, map_registry
from .map_release import map_release
from .outputs import DESCRIPTION_FILE, STORED, Part, PartStats, Serialiser, Written
from .paths import ontology_dir, queries_dir
from .references import check_references
from .registry import Registry, registry_files, registry_from_files
from .release import CARD_NAME, SOURCE_NAME, LoadedRelease, decode_source, loaded_release, release_folders
from .shacl import (Index, Result, Shapes, Term, Unsupported, Validator, View, compile_shapes, superclass_closure,
                    to_ox, to_rdflib)
from .validate import Issue, Report, issue_order, report_of, results_of, validate_graph
from .vocabulary import ONTOLOGY_FILES, Vocabulary, load_vocabulary
from .yamlfile import decode_text

SHAPES_FILE = "shapes.ttl"
SUBCLASS_OF = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
SH_INVERSE_PATH = URIRef("http://www.w3.org/ns/shacl#inversePath")


# --------------------------------------------------------------------------- what every release is built with

@dataclass
class Toolkit:
    """What every release is built with: vocabulary, shapes, rules, IRIs; and a fingerprint of them all."""

    vocabulary: Vocabulary
    shapes: Graph
    rules: list[Rule]
    iris: Iris
    compiled: Shapes | None = None   # None: the shapes need pyshacl (see migkg.shacl.Unsupported)
    fingerprint: str = ""
    ontology: Path | None = None
    queries: Path | None = None
    needed: Needed | None = None     # which triples the rules and SPARQL checks can match (None: all)

    @classmethod
    def load(cls, base: str = DEFAULT_BASE, ontology: Path | None = None, queries: Path | None = None) -> "Toolkit":
        ontology = Path(ontology or ontology_dir())
        queries = Path(queries or queries_dir())
        shapes = Graph().parse(ontology / SHAPES_FILE, format="turtle")
        try:
            compiled = compile_shapes(shapes)
        except Unsupported:
            compiled = None
        rules = load_rules(queries / "derive")
        files = [ontology / name for name in (*ONTOLOGY_FILES, SHAPES_FILE)] + [rule.path for rule in rules]
        iris = Iris(base)
        fingerprint = toolkit_fingerprint(iris.base, files, "compiled" if compiled else "pyshacl")
        checks = [spec.query for shape in compiled.shapes.values() for spec in shape.sparql] if compiled else []
        needed = needed_triples([rule.text for rule in rules] + checks)
        return cls(load_vocabulary(ontology), shapes, rules, iris, compiled, fingerprint, ontology, queries, needed)

    @property
    def engine(self) -> str:
        return "compiled" if self.compiled else "pyshacl"


@dataclass
class Built:
    """One release, built: its card, its triples (and the same as quads), and what validation found."""

    release_id: str
    loaded: LoadedRelease
    facts: list[Triple]
    derived: list[Triple]
    results: list[Result]
    issues: list[Issue]
    quads: dict[ox.NamedNode, list[ox.Quad]] = field(default_factory=dict)
    shared: dict[str, list[Triple]] = field(default_factory=dict)  # for the corpus-wide check (Workbench.shared_triples)


def quiet_garbage_collector() -> None:
    """Keep Python's cycle collector off the large, long-lived objects (registry, indexes, shapes).

    Building a release allocates tens of thousands of small objects; every collection of the
    oldest generation would walk the whole registry too (at 10,000 releases that cost more than
    a tenth of the build). ``gc.freeze`` moves what exists now out of the collector's sight,
    and a larger first threshold makes collections rarer. Nothing here makes reference cycles.
    Used by the streaming build and its workers (processes that end with the build), not by
    :func:`build_dataset`, which a notebook may call again and again.
    """
    import gc

    gc.collect()
    gc.freeze()
    if gc.get_threshold()[0] < 50_000:
        gc.set_threshold(50_000, 20, 100)


class Workbench:
    """The steps of a release's build, with everything they share loaded once (per worker process).

    Holds the registry's triples and an index of them and of the vocabulary (what a release's
    nodes are checked against), and a scratch Oxigraph store for the rules and the SPARQL checks.
    """

    def __init__(self, toolkit: Toolkit, registry: Registry):
        self.toolkit = toolkit
        self.registry = registry
        self.iris = toolkit.iris
        self.vocabulary_triples: list[Triple] = [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in
                                                 sorted(toolkit.vocabulary.graph)]
        self.registry_triples = map_registry(registry, toolkit.iris)
        needed = toolkit.needed.keeps if toolkit.needed else (lambda triple: True)
        self.scratch = Scratch([t for t in self.vocabulary_triples if needed(t)],
                               [t for t in self.registry_triples if needed(t)])
        self.serialiser = Serialiser(toolkit.iris)
        base = self.vocabulary_triples + self.registry_triples
        # the predicates some shape reads backwards (sh:inversePath), whichever engine validates
        self.inverse_predicates = frozenset(
            to_ox(o) for o in toolkit.shapes.objects(None, SH_INVERSE_PATH) if isinstance(o, URIRef))
        self.base_index = Index(base, self.inverse_predicates)
        self.base_pairs = [(s, o) for s, p, o in base if p == SUBCLASS_OF]
        self.closure = superclass_closure(self.base_pairs)
        self.validator = Validator(toolkit.compiled, self.closure) if toolkit.compiled else None
        self.registry_subjects = {s for s, _p, _o in self.registry_triples}


    # ---------------------------------------------------------------- the steps
    def load(self, folder: Path, card: bytes, source: bytes) -> LoadedRelease:
        """Read, check and resolve a card; every problem of the card as one :class:`InputError(s)`."""
        card_text = decode_text(folder / CARD_NAME, card)
        source_text = decode_source(folder / SOURCE_NAME, source)
        release = loaded_release(folder, card_text, source_text)
        errors: list[InputError] = []
        for check in (lambda: check_references(release, self.registry, self.toolkit.vocabulary),
                      lambda: resolve_card(release)):
            try:
                check()
            except InputError as err:
                errors.extend(each_error(err))
        if errors:
            raise errors[0] if len(errors) == 1 else InputErrors(errors)
        return release

    def map(self, release: LoadedRelease) -> list[Triple]:
        return map_release(release, self.registry, self.iris)

    def graphs(self, release_id: str) -> tuple[ox.NamedNode, ox.NamedNode]:
        """A release's two graphs: its facts, and the edges derived from them."""
        return ox.NamedNode(self.iris.release_graph(release_id)), ox.NamedNode(self.iris.derived_graph(release_id))

    def derive(self, release_id: str, facts: list[Triple]) -> list[Triple]:
        """The derived edges; leaves facts and derived edges in the scratch store for :meth:`validate`."""
        return self._derive(release_id, facts)[0]

    def _derive(self, release_id: str, facts: list[Triple]) -> tuple[list[Triple], dict]:
        """Derived edges, and the quads of both graphs; only triples some rule or check can match go
        into the scratch store (see :class:`migkg.derive.Needed`): loading them is most of the cost."""
        facts_graph, derived_graph = self.graphs(release_id)
        quads = {facts_graph: [ox.Quad(s, p, o, facts_graph) for s, p, o in facts]}
        self.scratch.load(facts_graph, self._needed(facts, quads[facts_graph]))
        derived = self.scratch.derive(self.toolkit.rules, facts_graph)
        quads[derived_graph] = [ox.Quad(s, p, o, derived_graph) for s, p, o in derived]
        self.scratch.store.extend(self._needed(derived, quads[derived_graph]))
        return derived, quads

    def _needed(self, triples: list[Triple], quads: list[ox.Quad]) -> list[ox.Quad]:
        needed = self.toolkit.needed
        if needed is None:
            return quads
        keeps = needed.keeps
        return [q for t, q in zip(triples, quads) if keeps(t)]

    def validate(self, release_id: str, facts: list[Triple], derived: list[Triple]) -> list[Result]:
        """The release's own nodes checked against the shapes, with the registry and vocabulary beside them."""
        return self.validate_on(facts + derived, list(self.graphs(release_id)))

    def validate_on(self, triples: list[Triple], graphs: list[ox.NamedNode],
                    candidates: list[Term] | None = None) -> list[Result]:
        """The shapes on the ``candidates`` (default: every node ``triples`` describe), on ``triples`` with the
        registry and vocabulary beside them; SHACL-SPARQL reads those ``graphs`` of the scratch store."""
        if self.validator is None:
            results = self._validate_with_pyshacl(triples)
            if candidates is None:
                return results
            wanted = {to_rdflib(node) for node in candidates}
            return [r for r in results if r.focus in wanted]
        top = Index(triples, self.inverse_predicates)
        extra = [(s, o) for s, p, o in triples if p == SUBCLASS_OF]
        closure = superclass_closure(self.base_pairs + extra) if extra else self.closure
        view = View(self.base_index, top, closure, self.scratch.selector(graphs))
        if candidates is None:
            candidates = list(top.spo)
            for predicate in self.inverse_predicates:
                candidates += [node for node in top.pos.get(predicate, {}) if node not in top.spo]
            candidates = list(dict.fromkeys(candidates))
        return self.validator.validate(view, candidates)

    def validate_base(self) -> list[Result]:
        """The registry and the vocabulary, every node of them: once per build."""
        if self.validator is None:
            return self._validate_with_pyshacl([])
        view = View(self.base_index, None, self.closure, self.scratch.selector([]))
        return self.validator.validate(view)

    def _validate_with_pyshacl(self, triples: list[Triple]) -> list[Result]:
        """The slow way, for shapes the compiled engine does not cover: pyshacl on the whole union."""
        graph = Graph()
        for s, p, o in self.vocabulary_triples + self.registry_triples + triples:
            graph.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
        return results_of(validate_graph(graph, self.toolkit.shapes))

    def build(self, folder: Path, card: bytes, source: bytes) -> Built:
        release = self.load(folder, card, source)
        rid = release.card.release.id
        facts = self.map(release)
        derived, quads = self._derive(rid, facts)
        results = self.validate(rid, facts, derived)
        issues = report_of(results, self.toolkit.shapes, str(self.iris.release_graph(rid))).issues
        return Built(rid, release, facts, derived, results, issues, quads, self.shared_triples(rid, facts + derived))

    # ---------------------------------------------------------------- across releases (migkg.across)
    def shared_triples(self, release_id: str, triples: list[Triple]) -> dict[str, list[Triple]]:
        """What a release says about nodes other releases may describe too, by node (:func:`migkg.across.shared_groups`)."""
        return shared_groups(str(self.iris.release(release_id)), triples, self.inverse_predicates)

    def check_across(self, shared: list[tuple[str, dict[str, object]]],
                     parse: Callable[[object], list[Triple]] = lambda group: group) -> AcrossReleases:
        """The nodes several releases describe, validated on all they say (:func:`migkg.across.check_across`)."""
        return check_across(self, shared, parse)

    def needed_quads(self, triples: list[Triple], graph: ox.NamedNode) -> list[ox.Quad]:
        """The triples some rule or check can match, as quads in ``graph`` (for the scratch store)."""
        return self._needed(triples, [ox.Quad(s, p, o, graph) for s, p, o in triples])

    # ---------------------------------------------------------------- parts of the outputs
    def release_part(self, built: Built) -> Part:
        rid = built.release_id
        graph, derived = self.graphs(rid)
        return self.serialiser.make_part([(graph, built.facts), (derived, built.derived)],
                                         own_prefix=str(self.iris.release(rid)), counted=graph, quads=built.quads)

    def base_parts(self) -> list[Part]:
        return [self.serialiser.make_part([(ox.NamedNode(self.iris.registry_graph()), self.registry_triples)]),
                self.serialiser.make_part([(ox.NamedNode(self.iris.vocabulary_graph()), self.vocabulary_triples)])]

    def base_issues(self, results: list[Result]) -> list[Issue]:
        """Issues of the registry and the vocabulary, each in the graph its focus node is described in."""
        issues = []
        registry_graph, vocabulary_graph = str(self.iris.registry_graph()), str(self.iris.vocabulary_graph())
        for result in results:
            in_registry = to_ox(result.focus) in self.registry_subjects
            issues += report_of([result], self.toolkit.shapes, registry_graph if in_registry else vocabulary_graph).issues
        return sorted(issues, key=issue_order)


def each_error(err: InputError) -> list[InputError]:
    return list(err.errors) if isinstance(err, InputErrors) else [err]


def read_inputs(folder: Path) -> tuple[bytes, bytes]:
    """A release's card and source text, as bytes; a missing file is an :class:`InputError`."""
    card_path, source_path = folder / CARD_NAME, folder / SOURCE_NAME
    if not card_path.is_file():
        raise InputError(Location(card_path), "is missing.", "write a card for this release (see docs/card-format.md).")
    card = card_path.read_bytes()
    try:
        source = source_path.read_bytes()
    except FileNotFoundError:
        raise InputError(Location(source_path), "is missing.",
                         f"put the release's verbatim text in {SOURCE_NAME} beside the card.") from None
    return card, source


def find_releases(data_dir: Path) -> list[Path]:
    """The release folders, in the order their graphs are published (by graph IRI, i.e. by id)."""
    folders = release_folders(data_dir / "releases")
    if not folders:
        raise InputError(Location(data_dir / "releases"), "holds no release folders.",
                         "add data/releases/<release-id>/ with source.txt and card.yaml.")
    return sorted(folders, key=lambda f: f.name + "/")


def _said(issue: Issue) -> tuple:
    return (issue.severity, issue.focus, issue.path, issue.message, issue.shape, issue.value)


def dedupe_against(issues: Iterable[Issue], known: set[tuple]) -> list[Issue]:
    """A release's issues less those the registry and vocabulary already report (the same node, the same words):
    ``known`` holds :func:`_said` of those."""
    return [i for i in issues if _said(i) not in known]


# --------------------------------------------------------------------------- in memory: rdflib graphs

@dataclass
class BuiltRelease:
    release_id: str
    loaded: LoadedRelease
    facts: Graph
    derived: Graph


@dataclass
class BuildResult:
    """Named graphs (IRI -> graph) in publication order, and the validation report."""

    graphs: dict[URIRef, Graph] = field(default_factory=dict)
    releases: list[BuiltRelease] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    registry: Registry | None = None
    toolkit: Toolkit | None = None

    def union(self) -> Graph:
        graph = Graph()
        for part in self.graphs.values():
            for triple in part:
                graph.add(triple)
        return graph


def as_graph(triples: Iterable[Triple]) -> Graph:
    graph = Graph()
    for s, p, o in triples:
        graph.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    return graph


def build_dataset(data_dir: Path | str = "data", toolkit: Toolkit | None = None) -> BuildResult:
    """Build the whole dataset in memory from ``data_dir`` (``registry/`` and ``releases/``), as rdflib graphs.

    Every bad card of the corpus is reported (one :class:`InputErrors`), not just the first.
    For large corpora use :func:`build_corpus`, which streams to files and caches.
    """
    data_dir = Path(data_dir)
    toolkit = toolkit or Toolkit.load()
    registry = registry_from_files(registry_files(data_dir / "registry"))
    bench = Workbench(toolkit, registry)
    built, errors = [], []
    for folder in find_releases(data_dir):
        try:
            built.append(bench.build(folder, *read_inputs(folder)))
        except InputError as err:
            errors.extend(each_error(err))
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)
    base_results = bench.validate_base()
    base_issues = bench.base_issues(base_results)
    built.sort(key=lambda b: b.release_id)
    across = bench.check_across([(b.release_id, b.shared) for b in built])
    result = BuildResult(registry=registry, toolkit=toolkit)
    result.report = report_of(base_results, toolkit.shapes)
    result.report.issues = list(base_issues)
    result.graphs[toolkit.iris.vocabulary_graph()] = toolkit.vocabulary.graph
    result.graphs[toolkit.iris.registry_graph()] = as_graph(bench.registry_triples)
    known = {_said(i) for i in base_issues}
    for release in built:
        facts, derived = as_graph(release.facts), as_graph(release.derived)
        result.releases.append(BuiltRelease(release.release_id, release.loaded, facts, derived))
        own_results = [r for r in release.results if not across.replaces(r)]
        part = report_of(own_results, toolkit.shapes, str(toolkit.iris.release_graph(release.release_id)))
        part.issues = dedupe_against(part.issues, known)
        result.report.extend(part)
        result.graphs[toolkit.iris.release_graph(release.release_id)] = facts
        result.graphs[toolkit.iris.derived_graph(release.release_id)] = derived
    part = report_of(across.results, toolkit.shapes)
    part.issues = dedupe_against(across.issues, known)
    result.report.extend(part)
    return result


# --------------------------------------------------------------------------- streaming: any size, cached, parallel

@dataclass
class Outcome:
    """What happened to one release: built, reused from the cache, or failed (with its errors)."""

    release_id: str
    folder: Path
    status: str                                  # "built", "reused" or "failed"
    errors: list[tuple[Location, str, str | None]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    entry: Entry | None = None                    # where its part of the outputs is, in the cache

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
    """Build one release and store its part of the outputs in the cache; never raises for bad input."""
    try:
        built = bench.build(job.folder, job.card, job.source)
    except InputError as err:
        return Outcome(job.release_id, job.folder, "failed",
                       [(e.location, e.problem, e.fix) for e in each_error(err)])
    part = bench.release_part(built)
    outcome = Outcome(job.release_id, job.folder, "built", issues=built.issues, results=built.results)
    outcome.entry = cache.put(f"releases/{job.release_id}", job.key, _meta(outcome, part.stats),
                              _blobs(part, built.shared))
    return outcome


def _meta(outcome: Outcome, stats: PartStats) -> dict:
    return {"issues": outcome.issues, "results": outcome.results, "stats": _small(stats)}


def _small(stats: PartStats) -> PartStats:
    """The statistics without their digests (those are blobs, read only when the outputs are written)."""
    return PartStats(stats.graph_triples, stats.private_triples, stats.private_subjects, stats.private_objects,
                     stats.private_classes, stats.predicates, shared_classes=stats.shared_classes,
                     quads=stats.quads, graphs=stats.graphs, graph_names=stats.graph_names)


_DIGEST_BLOBS = ("shared_triples", "shared_subjects", "shared_objects", "shared_class_members")


#: the blob of a release's cache entry that holds its shared triples (:func:`migkg.across.groups_blob`)
SHARED_BLOB = "shared"


def _blobs(part: Part, shared: dict[str, list[Triple]]) -> dict[str, bytes]:
    blobs = {SHARED_BLOB: groups_blob(shared)}
    blobs.update({name: getattr(part.stats, name) for name in _DIGEST_BLOBS})
    blobs.update(part.chunks)
    return blobs


def _full_stats(entry: Entry, digests: dict[str, bytes]) -> PartStats:
    """A release's statistics from its cache entry: the counts (metadata) and the digests (blobs, read already)."""
    stats = entry.meta["stats"]
    return PartStats(stats.graph_triples, stats.private_triples, stats.private_subjects, stats.private_objects,
                     stats.private_classes, stats.predicates, digests["shared_triples"], digests["shared_subjects"],
                     digests["shared_objects"], digests["shared_class_members"], stats.shared_classes,
                     stats.quads, stats.graphs, stats.graph_names)


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
    written: list[Written] = field(default_factory=list)
    releases: int = 0
    quads: int = 0
    graphs: int = 0
    seconds: float = 0.0
    engine: str = ""
    error: MigkgError | None = None
    across_violations: int = 0  # violations found only across releases (see migkg.across)

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

    ``cache_dir`` None: no cache kept (a temporary one holds the parts while they are written).
    ``workers``: worker processes for the releases not in the cache (None: one per core when
    there are many, else none). Every release is checked, whatever fails. With ``keep_going``,
    releases that fail or violate the shapes are left out and the rest is written; without
    it, any such release fails the build (``summary.error``) and nothing is written.
    ``progress(total)`` returns a callback told how many more releases are done.

    The output files are written while the releases are built, part by part in publication
    order, into a staging folder that replaces ``out_dir`` only if the whole build succeeds.

    Raises :class:`InputError` only for what stops the whole build (the registry, no releases).
    """
    import shutil
    import tempfile

    started = time.perf_counter()
    data_dir = Path(data_dir)
    files = registry_files(data_dir / "registry")
    registry = registry_from_files(files)
    folders = find_releases(data_dir)
    scratch_dir = None
    if cache_dir is None:
        scratch_dir = Path(tempfile.mkdtemp(prefix=".migkg-scratch-", dir=data_dir.resolve().parent))
    try:
        run = _CorpusBuild(toolkit, registry, files, Cache(cache_dir if cache_dir is not None else scratch_dir),
                           keep_cache=cache_dir is not None, keep_going=keep_going)
        summary = run.build(folders, workers, progress, out_dir, download_base)
    finally:
        if scratch_dir is not None:
            shutil.rmtree(scratch_dir, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    return summary


class _CorpusBuild:
    """One run of :func:`build_corpus`: cache lookups, builds, the report, and the outputs as releases finish."""

    def __init__(self, toolkit: Toolkit, registry: Registry, files: dict[Path, bytes], cache: Cache,
                 keep_cache: bool, keep_going: bool):
        self.toolkit, self.registry, self.files, self.cache = toolkit, registry, files, cache
        self.keep_cache, self.keep_going = keep_cache, keep_going
        self.context = f"{toolkit.fingerprint}:{registry_fingerprint(files)}"
        self.bench: Workbench | None = None
        self.entries: dict[str, Entry] = {}
        self.stats = StatisticsBuilder()
        self.included: list[str] = []
        self.shared: list[tuple[str, dict[str, bytes]]] = []  # each built release's shared groups (N-Triples)
        self.quads = self.graphs = 0

    def workbench(self) -> Workbench:
        if self.bench is None:
            self.bench = Workbench(self.toolkit, self.registry)
            quiet_garbage_collector()
        return self.bench

    # ---------------------------------------------------------------- the run
    def build(self, folders: list[Path], workers: int | None, progress: Callable[[int], Progress] | None,
              out_dir: Path | None, download_base: str | None) -> BuildSummary:
        from .outputs import DatasetWriter, Staging
        from .parallel import Runner

        summary = BuildSummary(releases=len(folders), engine=self.toolkit.engine)
        tick = progress(len(folders)) if progress else (lambda n: None)
        outcomes: dict[str, Outcome] = {}
        staging = Staging(out_dir) if out_dir is not None else None  # refuses a folder migkg did not write, first
        runner = Runner(self.workbench, self.cache, self.toolkit, self.files, workers, tick)
        writer = None
        try:
            for folder in folders:  # releases to build go to the runner as they are found (workers start early)
                rid = folder.name
                try:
                    card, source = read_inputs(folder)
                except InputError as err:
                    outcomes[rid] = Outcome(rid, folder, "failed", [(err.location, err.problem, err.fix)])
                    tick(1)
                    continue
                key = release_key(self.context, rid, card, source)
                entry = self.cache.get(f"releases/{rid}", key)
                if entry is not None:
                    outcomes[rid] = Outcome(rid, folder, "reused", issues=entry.meta["issues"],
                                            results=entry.meta["results"])
                    self.entries[rid] = entry
                    tick(1)
                else:
                    runner.add(Job(rid, folder, card, source, key))
            base, base_meta, base_blobs = self._base()  # while the workers build
            doomed = self._doomed(base_meta["issues"], outcomes.values())
            writer = DatasetWriter(staging.folder, Serialiser(self.toolkit.iris)) if staging else None
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
            if base is None and (any(o.status != "failed" for o in ordered) or not self.keep_cache):
                self.cache.put("base", f"{self.context}:base", base_meta, base_blobs)
            if self.keep_cache:
                self.cache.prune("releases", set(order))
            across, checked = self._across() if self.shared else (AcrossReleases(), set())
            self._conclude(summary, base_meta["issues"], base_meta["results"], ordered, across, checked)
            if writer is not None and summary.error is None:
                summary.written = writer.finish()
                writer = None
                release_ids = sorted(self.included)
                description = description_bytes(self.stats.result(), self.toolkit.iris, release_ids,
                                                 summary.written, download_base)
                (staging.folder / DESCRIPTION_FILE).write_bytes(description)
                staging.commit()
        finally:
            runner.close()
            if writer is not None:
                writer.close()
            if staging is not None:
                staging.__exit__(None, None, None)
        summary.quads, summary.graphs = self.quads, self.graphs
        return summary

    def _doomed(self, base_issues: list[Issue], outcomes: Iterable[Outcome]) -> bool:
        """Whether the build can no longer succeed (then writing the outputs is wasted work)."""
        if any(i.severity == "Violation" for i in base_issues):
            return True
        return not self.keep_going and any(o.status == "failed" or o.violates for o in outcomes)

    def _includable(self, outcome: Outcome) -> bool:
        return outcome.status != "failed" and not outcome.violates

    def _advance(self, order: list[str], outcomes: dict[str, Outcome], frontier: int, writer) -> int:
        """Write every release whose turn has come (all before it are done), in publication order."""
        while frontier < len(order) and order[frontier] in outcomes:
            outcome = outcomes[order[frontier]]
            if outcome.status != "failed" and not self._includable(outcome):
                # left out of the outputs, but (without --keep-going) still part of the check across releases
                shared = self.entries[outcome.release_id].read([SHARED_BLOB])[SHARED_BLOB]
                self.shared.append((outcome.release_id, groups_of_blob(shared)))
            if self._includable(outcome):
                entry = self.entries[outcome.release_id]
                blobs = entry.read([SHARED_BLOB, *_DIGEST_BLOBS, *STORED] if writer is not None
                                   else [SHARED_BLOB, *_DIGEST_BLOBS])
                self.shared.append((outcome.release_id, groups_of_blob(blobs[SHARED_BLOB])))
                full = _full_stats(entry, blobs)
                self.stats.add(full, outcome.release_id)
                self.quads += full.quads
                self.graphs += full.graphs
                self.included.append(outcome.release_id)
                if writer is not None:
                    writer.add({name: blobs[name] for name in STORED}, full.graph_names)
            frontier += 1
        return frontier

    # ---------------------------------------------------------------- the registry and the vocabulary
    def _base(self) -> tuple[Entry | None, dict, dict[str, bytes]]:
        """The registry and vocabulary part, validated once: (the cache entry or None, its metadata, its blobs)."""
        key = f"{self.context}:base"
        entry = self.cache.get("base", key)
        if entry is not None:
            return entry, entry.meta, entry.read()
        bench = self.workbench()
        results = bench.validate_base()
        registry_part, vocabulary_part = bench.base_parts()
        meta = {"issues": bench.base_issues(results), "results": results,
                "stats": [_small(registry_part.stats), _small(vocabulary_part.stats)]}
        blobs = {}
        for label, part in (("registry", registry_part), ("vocabulary", vocabulary_part)):
            blobs.update({f"{label}.{name}": getattr(part.stats, name) for name in _DIGEST_BLOBS})
            blobs.update({f"{label}.{name}": data for name, data in part.chunks.items()})
        return None, meta, blobs

    def _add_base(self, writer, meta: dict, blobs: dict[str, bytes]) -> None:
        for label, small in zip(("registry", "vocabulary"), meta["stats"]):
            self.stats.add(PartStats(small.graph_triples, 0, 0, 0, small.private_classes, small.predicates,
                                     *(blobs[f"{label}.{name}"] for name in _DIGEST_BLOBS), small.shared_classes))
            self.quads += small.quads
            self.graphs += small.graphs
            if writer is not None:
                writer.add({name: blobs[f"{label}.{name}"] for name in STORED}, small.graph_names)

    # ---------------------------------------------------------------- across releases
    def _checked_across(self) -> list[tuple[str, dict[str, bytes]]]:
        """The releases the check across releases takes: with --keep-going those written (the dataset as
        published); without it, every release that was built, as validating their whole graph would."""
        if self.keep_going:
            included = set(self.included)
            return [(rid, groups) for rid, groups in self.shared if rid in included]
        return self.shared

    def _across(self) -> tuple[AcrossReleases, set[str]]:
        """The corpus-wide check of the nodes several releases describe, and the releases it took; cached,
        keyed by what each of those releases says about shared nodes."""
        import hashlib

        checked = sorted(self._checked_across())
        key = hashlib.sha256(self.context.encode())
        for release_id, groups in checked:
            key.update(len(release_id).to_bytes(4, "big") + release_id.encode() + len(groups).to_bytes(4, "big"))
            for node, data in groups.items():
                key.update(len(node).to_bytes(4, "big") + node.encode() + hashlib.sha256(data).digest())
        key = key.hexdigest()
        releases = {rid for rid, _groups in checked}
        entry = self.cache.get("across", key)
        if entry is not None:
            return entry.meta["across"], releases
        across = self.workbench().check_across(checked, parse_group)
        self.cache.put("across", key, {"across": across}, {})
        return across, releases

    # ---------------------------------------------------------------- the report and the verdict
    def _conclude(self, summary: BuildSummary, base_issues: list[Issue], base_results: list[Result],
                  ordered: list[Outcome], across: AcrossReleases, checked: set[str]) -> None:
        """The report (the registry and vocabulary once, then what each release adds, then what only
        the releases together show), and the verdict. A release the check across releases took has its
        issues on shared nodes replaced by the check's; one it did not take (left out) keeps them."""
        known = {_said(i) for i in base_issues}
        report = report_of(base_results, self.toolkit.shapes)
        issues = list(base_issues)
        for outcome in ordered:
            if outcome.release_id in checked:
                outcome.issues = [i for i in outcome.issues if not across.replaces_issue(i)]
                outcome.results = [r for r in outcome.results if not across.replaces(r)]
            outcome.issues = dedupe_against(outcome.issues, known)
            issues += outcome.issues
            report._results += outcome.results
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
