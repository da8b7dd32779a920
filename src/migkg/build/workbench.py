"""The steps of one release's build: load, resolve, map, derive, validate, serialise.

Each release is handled on its own (its card, its graph, its derived edges, its validation,
its share of every output file), so the cost grows with the number of releases and nothing
more, and the releases can be built in parallel worker processes (:mod:`migkg.build.parallel`).
The registry and the vocabulary are validated once, not with every release; the nodes that
several releases describe are validated once more on what all of them say
(:mod:`migkg.validation.across`, for which the :class:`Workbench` is the validator).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import msgpack  # type: ignore[import-untyped]
import pyoxigraph as ox
from rdflib import Graph, URIRef

from migkg.build.cache import Entry
from migkg.build.serialise import Piece, Serialiser
from migkg.build.toolkit import Toolkit
from migkg.cards.evidence import resolve_card
from migkg.cards.references import check_references
from migkg.cards.registry import Registry
from migkg.cards.release import CARD_NAME, SOURCE_NAME, LoadedRelease, decode_source, loaded_release
from migkg.cards.values import check_values
from migkg.cards.yamlfile import decode_text
from migkg.errors import InputError, InputErrors
from migkg.mapping.registry import map_registry
from migkg.mapping.release import map_release
from migkg.mapping.terms import Term, Triple, to_ox, to_rdflib
from migkg.schema.rules import Scratch, Select
from migkg.validation.across import AcrossReleases, check_groups, shared_groups
from migkg.validation.card_locations import located
from migkg.validation.conflicts import Conflict, conflicts_in
from migkg.validation.reports import Issue, issue_order, report_of, results_of, validate_graph
from migkg.validation.same_event import EventSignature, event_signatures
from migkg.validation.shacl import Index, Result, Validator, View, superclass_closure

SUBCLASS_OF = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
SH_INVERSE_PATH = URIRef("http://www.w3.org/ns/shacl#inversePath")


@dataclass
class Built:
    """One release, built: its card, its triples, and what validation found."""

    release_id: str
    loaded: LoadedRelease
    facts: list[Triple]
    derived: list[Triple]
    results: list[Result]
    issues: list[Issue]
    shared: dict[str, list[Triple]] = field(default_factory=dict)  # for the corpus-wide check (Workbench.shared_triples)
    conflicts: list[Conflict] = field(default_factory=list)  # its Warnings, with the values its graph states
    events: tuple[EventSignature, ...] = ()  # what its card says of each event, for the check of one event's ids


def quiet_garbage_collector(collect: bool = True) -> None:
    """Keep Python's cycle collector off the large, long-lived objects (registry, indexes, shapes).

    Building a release allocates tens of thousands of small objects; every collection of the
    oldest generation would walk the whole registry too (at 10,000 releases that cost more than
    a tenth of the build). ``gc.freeze`` moves what exists now out of the collector's sight,
    and a larger first threshold makes collections rarer. Nothing here makes reference cycles.
    Used by the streaming build and its workers (processes that end with the build), not by
    :func:`build_dataset`, which a notebook may call again and again. ``collect`` False: freeze without the
    collection first (a collection walks every object there is: after a rebuild has read 10,000 releases'
    outcomes from the cache, a third of a second, to free nothing, as nothing here makes reference cycles).
    """
    import gc

    if collect:
        gc.collect()
    gc.freeze()
    if gc.get_threshold()[0] < 50_000:
        gc.set_threshold(50_000, 20, 100)


class Workbench:
    """The steps of a release's build, with everything they share loaded once (per worker process).

    Holds the registry's triples and an index of them and of the vocabulary (what a release's
    nodes are checked against), and a scratch Oxigraph store for the rules and the SPARQL checks.
    """

    def __init__(self, toolkit: Toolkit, registry: Registry | Callable[[], Registry],
                 registry_triples: list[Triple] | None = None):
        """``registry_triples``: the registry's triples as :func:`map_registry` makes them, when the caller has them
        (the build cache keeps them beside the registry: :func:`triples_blob`); else they are made here.
        ``registry``: the registry, or (with ``registry_triples``) what reads it when a card is first checked
        against it: a workbench that only validates (the shared nodes of a one-release check) never reads it."""
        self.toolkit = toolkit
        self._registry = registry if isinstance(registry, Registry) else None
        self._read_registry = None if isinstance(registry, Registry) else registry
        self.iris = toolkit.iris
        self.vocabulary_triples: list[Triple] = [cast(Triple, (to_ox(s), to_ox(p), to_ox(o))) for s, p, o in
                                                 sorted(toolkit.vocabulary.graph)]
        self.registry_triples = (registry_triples if registry_triples is not None
                                 else map_registry(self.registry, toolkit.iris, toolkit.vocabulary.region_codes))
        needed = toolkit.needed.keeps if toolkit.needed else (lambda triple: True)
        self.scratch = Scratch([t for t in self.vocabulary_triples if needed(t)],
                               [t for t in self.registry_triples if needed(t)], toolkit.rules, self.vocabulary_triples)
        self.serialiser = Serialiser(toolkit.iris)
        base = self.vocabulary_triples + self.registry_triples
        self.stated = frozenset(base)  # what a release's derived graph does not state again
        # the predicates some shape reads backwards (sh:inversePath), whichever engine validates
        self.inverse_predicates = frozenset(
            ox.NamedNode(str(o)) for o in toolkit.shapes.objects(None, SH_INVERSE_PATH) if isinstance(o, URIRef))
        self.base_index = Index(base, self.inverse_predicates)
        self.base_pairs = [(s, o) for s, p, o in base if p == SUBCLASS_OF]
        self.closure = superclass_closure(self.base_pairs)
        self.validator = Validator(toolkit.compiled, self.closure) if toolkit.compiled else None
        self.registry_subjects = {s for s, _p, _o in self.registry_triples}
        # the rules evaluated on the scratch store (the others are planned in Python: migkg.schema.rule_plans)
        self.store_rules = any(rule.plan is None for rule in toolkit.rules)
        # the graphs of the release at hand in the scratch store, each with the list of triples it was filled from
        self.staged: dict[ox.NamedNode, list[Triple]] = {}

    @property
    def registry(self) -> Registry:
        """The registry the cards are checked against and mapped with (read when first needed, if it was not given)."""
        if self._registry is None:
            assert self._read_registry is not None
            self._registry = self._read_registry()
        return self._registry

    # ---------------------------------------------------------------- the steps
    def load(self, folder: Path, card: bytes, source: bytes) -> LoadedRelease:
        """Read, check and resolve a card; every problem of the card as one :class:`InputError(s)`."""
        card_text = decode_text(folder / CARD_NAME, card)
        source_text = decode_source(folder / SOURCE_NAME, source)
        release = loaded_release(folder, card_text, source_text)
        errors: list[InputError] = []
        checks: list[Callable[[], object]] = [
            lambda: check_references(release, self.registry, self.toolkit.vocabulary), lambda: resolve_card(release)]
        for check in checks:
            try:
                check()
            except InputError as err:
                errors.extend(each_error(err))
        if not errors:  # the values against their quotes, once the quotes are resolved
            errors = check_values(release)
        if errors:
            raise errors[0] if len(errors) == 1 else InputErrors(errors)
        return release

    def map(self, release: LoadedRelease) -> list[Triple]:
        return map_release(release, self.registry, self.iris)

    def graphs(self, release_id: str) -> tuple[ox.NamedNode, ox.NamedNode]:
        """A release's two graphs: its facts, and the edges derived from them."""
        return self.iris.release_graph(release_id), self.iris.derived_graph(release_id)

    def derive(self, release_id: str, facts: list[Triple]) -> list[Triple]:
        """Derived edges. The facts go into the scratch store only if some rule runs there (the shipped rules are
        all evaluated in Python), and then only the triples some rule or check can match (see
        :class:`migkg.schema.rules.Needed`): loading them is most of the cost, and only they are made into quads.

        A derived triple that the registry, the vocabulary or the release's own facts already state is left
        out, so no triple stands in two graphs of the build for no reason (a release attesting that the
        Almaty Process is a mig:RegionalConsultativeProcess, which the registry says too, keeps its
        attestation, with the evidence, in its facts; the registry's triple is the only direct one)."""
        facts_graph = self.graphs(release_id)[0]
        self.staged = {}
        if self.store_rules:
            self._stage(facts_graph, facts)
        own = set(facts)
        return [t for t in self.scratch.derive(self.toolkit.rules, facts_graph, facts)
                if t not in self.stated and t not in own]

    def _stage(self, graph: ox.NamedNode, triples: list[Triple]) -> None:
        """Put ``triples`` into the scratch store as ``graph``: the first graph of a release in a store made anew
        every so often (:meth:`migkg.schema.rules.Scratch.load`), the others beside it."""
        quads = self._needed(triples, graph)
        if self.staged:
            self.scratch.store.extend(quads)
        else:
            self.scratch.load(graph, quads)
        self.staged[graph] = triples

    def _select_on(self, parts: list[tuple[ox.NamedNode, list[Triple]]]) -> Select:
        """SPARQL over these graphs of triples, the registry and the vocabulary, for the SHACL-SPARQL checks not
        answered in Python (:mod:`migkg.validation.native_checks`): the graphs go into the scratch store when a
        check first asks, so that a release none asks about costs no store at all."""
        on_store: Select | None = None

        def select(query: str, bindings: dict[str, Any]) -> list[dict[str, Any]]:
            nonlocal on_store
            if on_store is None:
                if any(graph in self.staged and self.staged[graph] is not triples for graph, triples in parts):
                    self.staged = {}  # a graph of other triples under the same name: all anew, in a new store
                for graph, triples in parts:
                    if graph not in self.staged:
                        self._stage(graph, triples)
                on_store = self.scratch.selector([graph for graph, _triples in parts])
            return on_store(query, bindings)
        return select

    def _needed(self, triples: list[Triple], graph: ox.NamedNode) -> list[ox.Quad]:
        """The quads in ``graph`` of the ``triples`` the scratch store needs (all, without a :class:`Needed`)."""
        needed = self.toolkit.needed
        if needed is None:
            return [ox.Quad(s, p, o, graph) for s, p, o in triples]
        predicates, typed = needed.predicates, needed.typed  # Needed.keeps, inlined: this runs on every triple
        return [ox.Quad(s, p, o, graph) for s, p, o in triples if p in predicates or (p, o) in typed]

    def validate(self, release_id: str, facts: list[Triple], derived: list[Triple]) -> list[Result]:
        """The release's own nodes checked against the shapes, with the registry and vocabulary beside them
        (after :meth:`derive` of the same release)."""
        facts_graph, derived_graph = self.graphs(release_id)
        return self.validate_on(facts + derived, [(facts_graph, facts), (derived_graph, derived)])

    def validate_on(self, triples: list[Triple], parts: list[tuple[ox.NamedNode, list[Triple]]],
                    candidates: list[Term] | None = None) -> list[Result]:
        """The shapes on the ``candidates`` (default: every node ``triples`` describe), on ``triples`` with the
        registry and vocabulary beside them; the SHACL-SPARQL checks that run as SPARQL read ``parts`` (graph,
        its triples: together ``triples``) in the scratch store."""
        if self.validator is None:
            results = self._validate_with_pyshacl(triples)
            if candidates is None:
                return results
            wanted = {to_rdflib(node) for node in candidates}
            return [r for r in results if r.focus in wanted]
        top = Index(triples, self.inverse_predicates)
        extra = [(s, o) for s, p, o in triples if p == SUBCLASS_OF]
        closure = superclass_closure(self.base_pairs + extra) if extra else self.closure
        view = View(self.base_index, top, closure, self._select_on(parts))
        if candidates is None:
            candidates = list(top.spo)
            for predicate in self.inverse_predicates:
                candidates += [node for node in top.inverse(predicate) if node not in top.spo]
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
        derived = self.derive(rid, facts)
        results = self.validate(rid, facts, derived)
        graph = self.iris.release_graph(rid).value
        issues = located(report_of(results, self.toolkit.shapes, graph).issues, release, self.iris)
        return Built(rid, release, facts, derived, results, issues, self.shared_triples(rid, facts + derived),
                     conflicts_in(results, facts + derived, graph), event_signatures(release.card))

    # ---------------------------------------------------------------- across releases (migkg.validation.across)
    @property
    def shapes(self) -> Graph:
        return self.toolkit.shapes

    @property
    def release_prefix(self) -> str:
        return self.iris.releases_prefix()

    def release_graph(self, release_id: str) -> str:
        return self.iris.release_graph(release_id).value

    def validate_shared(self, triples: list[Triple], nodes: list[ox.NamedNode]) -> list[Result]:
        """The shared ``nodes`` validated on what all their describers say (``triples``), in a scratch graph of
        their own (:class:`migkg.validation.across.SharedNodeValidator`)."""
        self.staged = {}
        return self.validate_on(triples, [(self.iris.across_graph(), triples)], list(nodes))

    def shared_triples(self, release_id: str, triples: list[Triple]) -> dict[str, list[Triple]]:
        """What a release says about nodes other releases may describe too, by node (:func:`migkg.validation.across.shared_groups`)."""
        return shared_groups(self.iris.release(release_id).value, triples, self.inverse_predicates)

    def check_across(self, shared: list[tuple[str, dict[str, list[Triple]]]]) -> AcrossReleases:
        """The nodes several releases describe, validated on all they say (:func:`migkg.validation.across.check_groups`)."""
        return check_groups(self, shared)

    # ---------------------------------------------------------------- parts of the outputs
    def release_piece(self, built: Built) -> Piece:
        rid = built.release_id
        graph, derived = self.graphs(rid)
        return self.serialiser.make_piece([(graph, built.facts), (derived, built.derived)],
                                         own_prefix=self.iris.release(rid).value, counted=graph)

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

    def base_conflicts(self, results: list[Result]) -> list[Conflict]:
        """The Warnings of the registry and the vocabulary as conflicts, each stated in the graph of its focus node."""
        graphs = {True: (self.iris.registry_graph().value, self.registry_triples),
                  False: (self.iris.vocabulary_graph().value, self.vocabulary_triples)}
        conflicts = []
        for result in results:
            graph, triples = graphs[to_ox(result.focus) in self.registry_subjects]
            conflicts += conflicts_in([result], triples, graph)
        return conflicts


#: the blob of the registry's cache entry that holds its triples (:func:`triples_blob`)
REGISTRY_TRIPLES = "triples"


def triples_blob(triples: list[Triple]) -> bytes:
    """Triples of IRIs and literals as a cache blob: a table of their distinct terms and, for each triple, the
    places of its three terms in it (MessagePack, plain data). Reading the registry's 17,500 triples back this way
    takes a fifth of the time of mapping the registry again (:func:`map_registry`), which a one-release check
    pays before it can build the release or check a shared node."""
    places: dict[Term, int] = {}
    terms: list[list[Any]] = []
    flat: list[int] = []
    for triple in triples:
        for term in triple:
            at = places.get(term)
            if at is None:
                if isinstance(term, ox.NamedNode):
                    terms.append([0, term.value])
                elif isinstance(term, ox.Literal) and term.language is not None:
                    terms.append([1, term.value, term.language])
                elif isinstance(term, ox.Literal):
                    terms.append([2, term.value, term.datatype.value])
                else:
                    raise TypeError(f"no blank node in a triples blob: {term}")
                at = places[term] = len(terms) - 1
            flat.append(at)
    return msgpack.packb([terms, flat])


def triples_of_blob(blob: bytes) -> list[Triple]:
    """The triples :func:`triples_blob` kept, in their order; a ValueError for anything else."""
    try:
        terms, flat = msgpack.unpackb(blob, use_list=False)
        made: list[ox.NamedNode | ox.Literal] = [
            ox.NamedNode(row[1]) if row[0] == 0 else ox.Literal(row[1], language=row[2]) if row[0] == 1
            else ox.Literal(row[1], datatype=ox.NamedNode(row[2])) for row in terms]
        found = [cast(Triple, (made[flat[at]], made[flat[at + 1]], made[flat[at + 2]])) for at in range(0, len(flat), 3)]
    except Exception as err:
        raise ValueError(f"not a triples blob: {type(err).__name__}: {err}") from None
    if len(flat) % 3:
        raise ValueError("not a triples blob: a triple cut short")
    return found


def cached_registry_triples(entry: Entry) -> list[Triple] | None:
    """The registry's triples its cache entry keeps (None: an entry without them, or whose blob is not one)."""
    if REGISTRY_TRIPLES not in entry.blobs:
        return None
    try:
        return triples_of_blob(entry.read([REGISTRY_TRIPLES])[REGISTRY_TRIPLES])
    except ValueError:
        return None


def each_error(err: InputError) -> list[InputError]:
    """The single errors an :class:`InputError` stands for (several, for :class:`InputErrors`)."""
    return list(err.errors) if isinstance(err, InputErrors) else [err]
