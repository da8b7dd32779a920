"""The build, step by step: load, resolve, map, derive, validate, serialise.

Each release is handled on its own (its card, its graph, its derived edges, its validation,
its share of every output file), so the cost grows with the number of releases and nothing
more, the releases can be built in parallel worker processes, and a release whose inputs
did not change is taken from the cache (:mod:`migkg.build.cache`). The registry and the
vocabulary are validated once, not with every release; the nodes that several releases
describe are validated once more on what all of them say (:mod:`migkg.validation.across`).

Two entry points share these steps:

- :func:`build_dataset` builds in memory and returns rdflib graphs: for notebooks, tests and
  small corpora;
- :func:`migkg.build.corpus.build_corpus` streams: it writes the output files piece by piece and
  holds no graph of the whole corpus, for corpora of any size (``migkg build``).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from migkg.build.cache import toolkit_fingerprint
from migkg.build.serialise import Piece, Serialiser
from migkg.cards.evidence import resolve_card
from migkg.cards.references import check_references
from migkg.cards.registry import Registry, registry_files, registry_from_files
from migkg.cards.release import CARD_NAME, SOURCE_NAME, LoadedRelease, decode_source, loaded_release, release_folders
from migkg.cards.yamlfile import decode_text
from migkg.errors import InputError, InputErrors, Location
from migkg.mapping.iris import DEFAULT_BASE, Iris
from migkg.mapping.registry import Triple, map_registry
from migkg.mapping.release import map_release
from migkg.mapping.terms import Term, to_ox, to_rdflib
from migkg.schema.resources import ontology_dir, queries_dir
from migkg.schema.rules import Needed, Rule, Scratch, load_rules, needed_triples
from migkg.schema.vocabulary import ONTOLOGY_FILES, Vocabulary, load_vocabulary
from migkg.validation.across import AcrossReleases, check_groups, shared_groups
from migkg.validation.card_locations import anchored, located
from migkg.validation.reports import Issue, Report, issue_order, report_of, results_of, validate_graph
from migkg.validation.shacl import (
    Index,
    Result,
    Shapes,
    Unsupported,
    Validator,
    View,
    compile_shapes,
    superclass_closure,
)

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
    compiled: Shapes | None = None   # None: the shapes need pyshacl (see migkg.validation.shacl.Unsupported)
    fingerprint: str = ""
    ontology: Path | None = None
    queries: Path | None = None
    needed: Needed | None = None     # which triples the rules and SPARQL checks can match (None: all)

    @classmethod
    def load(cls, base: str = DEFAULT_BASE, ontology: Path | None = None, queries: Path | None = None) -> Toolkit:
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
        return self.iris.release_graph(release_id), self.iris.derived_graph(release_id)

    def derive(self, release_id: str, facts: list[Triple]) -> list[Triple]:
        """The derived edges; leaves facts and derived edges in the scratch store for :meth:`validate`."""
        return self._derive(release_id, facts)[0]

    def _derive(self, release_id: str, facts: list[Triple]) -> tuple[list[Triple], dict]:
        """Derived edges, and the quads of both graphs; only triples some rule or check can match go
        into the scratch store (see :class:`migkg.schema.rules.Needed`): loading them is most of the cost."""
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
        issues = located(report_of(results, self.toolkit.shapes, self.iris.release_graph(rid).value).issues,
                         release, self.iris)
        return Built(rid, release, facts, derived, results, issues, quads, self.shared_triples(rid, facts + derived))

    # ---------------------------------------------------------------- across releases (migkg.validation.across)
    def shared_triples(self, release_id: str, triples: list[Triple]) -> dict[str, list[Triple]]:
        """What a release says about nodes other releases may describe too, by node (:func:`migkg.validation.across.shared_groups`)."""
        return shared_groups(self.iris.release(release_id).value, triples, self.inverse_predicates)

    def check_across(self, shared: list[tuple[str, dict[str, list[Triple]]]]) -> AcrossReleases:
        """The nodes several releases describe, validated on all they say (:func:`migkg.validation.across.check_groups`)."""
        return check_groups(self, shared)

    def needed_quads(self, triples: list[Triple], graph: ox.NamedNode) -> list[ox.Quad]:
        """The triples some rule or check can match, as quads in ``graph`` (for the scratch store)."""
        return self._needed(triples, [ox.Quad(s, p, o, graph) for s, p, o in triples])

    # ---------------------------------------------------------------- parts of the outputs
    def release_piece(self, built: Built) -> Piece:
        rid = built.release_id
        graph, derived = self.graphs(rid)
        return self.serialiser.make_piece([(graph, built.facts), (derived, built.derived)],
                                         own_prefix=self.iris.release(rid).value, counted=graph, quads=built.quads)

    def base_pieces(self) -> list[Piece]:
        return [self.serialiser.make_piece([(self.iris.registry_graph(), self.registry_triples)]),
                self.serialiser.make_piece([(self.iris.vocabulary_graph(), self.vocabulary_triples)])]

    def base_issues(self, results: list[Result]) -> list[Issue]:
        """Issues of the registry and the vocabulary, each in the graph its focus node is described in."""
        issues = []
        registry_graph, vocabulary_graph = self.iris.registry_graph().value, self.iris.vocabulary_graph().value
        for result in results:
            in_registry = to_ox(result.focus) in self.registry_subjects
            issues += report_of([result], self.toolkit.shapes, registry_graph if in_registry else vocabulary_graph).issues
        return sorted(issues, key=issue_order)


def each_error(err: InputError) -> list[InputError]:
    return list(err.errors) if isinstance(err, InputErrors) else [err]


def read_inputs(folder: Path) -> tuple[bytes, bytes]:
    """A release's card and source text, as bytes; a missing file is an :class:`InputError`."""
    where = str(folder)  # plain strings: at 10,000 releases, Path arithmetic is a tenth of a rebuild
    try:
        with open(f"{where}/{CARD_NAME}", "rb") as handle:
            card = handle.read()
    except (FileNotFoundError, IsADirectoryError):
        raise InputError(Location(folder / CARD_NAME), "is missing.",
                         "write a card for this release (see docs/card-format.md).") from None
    try:
        with open(f"{where}/{SOURCE_NAME}", "rb") as handle:
            source = handle.read()
    except FileNotFoundError:
        raise InputError(Location(folder / SOURCE_NAME), "is missing.",
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
    For large corpora use :func:`migkg.build.corpus.build_corpus`, which streams to files and caches.
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
    result.graphs[to_rdflib(toolkit.iris.vocabulary_graph())] = toolkit.vocabulary.graph
    result.graphs[to_rdflib(toolkit.iris.registry_graph())] = as_graph(bench.registry_triples)
    known = {_said(i) for i in base_issues}
    for release in built:
        facts, derived = as_graph(release.facts), as_graph(release.derived)
        result.releases.append(BuiltRelease(release.release_id, release.loaded, facts, derived))
        own_results = [r for r in release.results if not across.replaces(r)]
        part = report_of(own_results, toolkit.shapes, toolkit.iris.release_graph(release.release_id).value)
        own_issues = [i for i in release.issues if not across.replaces_issue(i)]  # as migkg.build.corpus keeps them
        part.issues = dedupe_against(anchored(own_issues, release.loaded.folder), known)
        result.report.extend(part)
        result.graphs[to_rdflib(toolkit.iris.release_graph(release.release_id))] = facts
        result.graphs[to_rdflib(toolkit.iris.derived_graph(release.release_id))] = derived
    part = report_of(across.results, toolkit.shapes)
    part.issues = dedupe_against(across.issues, known)
    result.report.extend(part)
    return result
