"""Derive the direct ("shortcut") edges from the qualified facts, by SPARQL CONSTRUCT rules.

The rules are files (``queries/derive/*.rq``) so that a reader sees, and any SPARQL store
can rerun, exactly how each direct edge follows from the facts behind it. They are evaluated
one release at a time, over its facts and the vocabulary: in Python where a rule is plain triple
patterns (:mod:`migkg.schema.rule_plans`, the same triples as SPARQL, without loading or parsing
anything per release), else on Oxigraph (:class:`Scratch`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox

from migkg import index_cache
from migkg.errors import InputError, Location
from migkg.mapping.terms import Triple
from migkg.schema import rule_plans
from migkg.schema.rule_plans import Facts, Plan, plan_as_data, plan_from_data, plan_of

VOCABULARY = ox.NamedNode("urn:migkg:scratch:vocabulary")
REGISTRY = ox.NamedNode("urn:migkg:scratch:registry")

#: a SELECT over the scratch store: (query, pre-bound variables) -> solutions (variable -> term)
Select = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


@dataclass(frozen=True)
class Rule:
    path: Path
    text: str

    @property
    def plan(self) -> Plan | None:
        """The rule evaluated in Python (None: it needs SPARQL, and runs on the scratch store)."""
        return _plan(self.text)


@lru_cache(maxsize=256)
def _plan(text: str) -> Plan | None:
    """The rule's plan, kept on disk between runs (:mod:`migkg.index_cache`, keyed by its text, rdflib's version
    and the planner's source): reading the rules with rdflib's SPARQL parser takes a third of a second, in every
    process that builds a release (``migkg validate --release`` after a card changed)."""
    data = index_cache.cached("rule-plan", text, lambda: plan_as_data(plan_of(text)), libraries=("rdflib", "pyparsing"),
                              sources=(Path(rule_plans.__file__),))
    return plan_from_data(data)


def load_rules(folder: Path) -> list[Rule]:
    rules = [Rule(p, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))]
    if not rules:
        raise InputError(Location(folder), "holds no derivation rules (*.rq).",
                         "restore queries/derive/ from the repository.")
    for rule in rules:
        try:
            kind = ox.Store().query(rule.text)
        except SyntaxError as err:
            raise InputError(Location(rule.path), f"is not a valid SPARQL CONSTRUCT rule: {err}.") from None
        if not isinstance(kind, ox.QueryTriples):
            raise InputError(Location(rule.path), "is not a SPARQL CONSTRUCT rule.",
                             "write the rule as CONSTRUCT { ... } WHERE { ... }.")
    return rules


class Scratch:
    """An in-memory Oxigraph store holding the vocabulary and the registry, and the releases being built.

    Each release goes into graphs of its own (its facts, its derived edges), so the rules see
    a release's facts and the vocabulary, and the SHACL-SPARQL checks see what pyshacl saw:
    the union of facts, derived edges, registry and vocabulary. Releases are not removed one
    by one (removing 400 quads costs Oxigraph as much as adding them); instead the store is
    made anew every :data:`RECYCLE` releases, which keeps it small and its queries fast. Only
    triples some rule or check can match are loaded (:class:`Needed`), so the vocabulary and
    registry part is a handful of triples and a new store costs next to nothing. When that part
    has at most :data:`SMALL_BASE` triples (none, with the shipped rules and checks), the store is
    made anew for every release: an empty Oxigraph store costs about a microsecond, and filling
    and querying a store with one release in it is cheaper than with 32.
    """

    RECYCLE = 32
    SMALL_BASE = 16

    def __init__(self, vocabulary: list[Triple], registry: list[Triple], rules: list[Rule] | None = None,
                 rule_vocabulary: list[Triple] | None = None):
        self.vocabulary, self.registry = vocabulary, registry
        self.loaded = 0
        self.recycle = 1 if len(vocabulary) + len(registry) <= self.SMALL_BASE else self.RECYCLE
        self.store = self._fresh()
        # what the rules evaluated in Python match: the vocabulary indexed once, and the predicates of a release's facts
        self.rule_predicates = frozenset(p for rule in rules or [] if rule.plan
                                     for p in rule.plan.predicates)
        self.rule_vocabulary = Facts(vocabulary if rule_vocabulary is None else rule_vocabulary, self.rule_predicates)

    def _fresh(self) -> ox.Store:
        store = ox.Store()
        store.extend(ox.Quad(s, p, o, VOCABULARY) for s, p, o in self.vocabulary)
        store.extend(ox.Quad(s, p, o, REGISTRY) for s, p, o in self.registry)
        return store

    def load(self, graph: ox.NamedNode, quads: list[ox.Quad]) -> None:
        """Put a release's facts (quads in ``graph``) into the store (a new store first, every ``recycle`` releases)."""
        if self.loaded >= self.recycle or self.store.contains_named_graph(graph):
            self.store, self.loaded = self._fresh(), 0
        self.store.extend(quads)
        self.loaded += 1

    def derive(self, rules: list[Rule], facts: ox.NamedNode, triples: list[Triple]) -> list[Triple]:
        """The union of every rule's CONSTRUCT over a release's facts (``triples``, loaded in graph ``facts``
        as far as the rules that need SPARQL can match them) and the vocabulary, in rule order."""
        derived: dict[Triple, None] = {}
        default_graph: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [facts, VOCABULARY]
        indexed: tuple[Facts, ...] | None = None
        for rule in rules:
            plan = rule.plan
            if plan is not None:
                if indexed is None:
                    indexed = (Facts(triples, self.rule_predicates), self.rule_vocabulary)
                derived.update(dict.fromkeys(plan.construct(indexed)))
                continue
            answer = self.store.query(rule.text, default_graph=default_graph)
            assert isinstance(answer, ox.QueryTriples), "load_rules takes CONSTRUCT rules only"
            for triple in answer:
                derived[cast(Triple, (triple.subject, triple.predicate, triple.object))] = None
        return list(derived)

    def selector(self, graphs: list[ox.NamedNode]) -> Select:
        """A SELECT function over these graphs, the registry and the vocabulary, variables pre-bound
        (the ``select`` of :class:`migkg.validation.shacl.View`)."""
        default_graph: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [*graphs, REGISTRY, VOCABULARY]

        def select(query: str, bindings: dict[str, Any]) -> list[dict[str, Any]]:
            solutions = self.store.query(query, substitutions={ox.Variable(k): v for k, v in bindings.items()},
                                         default_graph=default_graph)
            assert isinstance(solutions, ox.QuerySolutions), "a SHACL-SPARQL constraint is a SELECT query"
            names = [v.value for v in solutions.variables]
            return [{n: s[n] for n in names if s[n] is not None} for s in solutions]
        return select


@dataclass(frozen=True)
class Needed:
    """Which triples some query could match: a triple that matches no triple pattern of any of them
    cannot change any of their answers, so it need not be loaded into the scratch store."""

    predicates: frozenset[ox.NamedNode]              # patterns (?s p ?o): every triple with p
    typed: frozenset[tuple[ox.NamedNode, ox.NamedNode]]  # patterns (?s rdf:type C): those with that class

    def keeps(self, triple: Triple) -> bool:
        return triple[1] in self.predicates or (triple[1], triple[2]) in self.typed


def needed_triples(queries: list[str]) -> Needed | None:
    """The triple patterns of these SPARQL queries (rdflib's parser, only to read them); None when some
    pattern could match any triple (a variable or negated predicate) or a query cannot be read."""
    from rdflib import URIRef, Variable
    from rdflib.namespace import RDF
    from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    predicates: set[ox.NamedNode] = set()
    typed: set[tuple[ox.NamedNode, ox.NamedNode]] = set()

    class Anything(Exception):
        pass

    def path_iris(path: object) -> list[URIRef]:
        if isinstance(path, URIRef):
            return [path]
        if isinstance(path, (SequencePath, AlternativePath)):
            return [iri for part in path.args for iri in path_iris(part)]
        if isinstance(path, InvPath):
            return path_iris(path.arg)
        if isinstance(path, MulPath):
            return path_iris(path.path)
        raise Anything

    def walk(node: object) -> None:
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                raise Anything
            for key, value in node.items():
                if key == "triples" and isinstance(value, list):
                    for _s, p, o in value:
                        if isinstance(p, Variable):
                            raise Anything
                        if p == RDF.type and isinstance(o, URIRef):
                            typed.add((ox.NamedNode(str(p)), ox.NamedNode(str(o))))
                        else:
                            predicates.update(ox.NamedNode(str(i)) for i in path_iris(p))
                else:
                    walk(value)
        elif isinstance(node, (list, tuple)):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for item in node.values():
                walk(item)

    try:
        for query in queries:
            walk(prepareQuery(query).algebra)
    except Exception:  # Anything, or a query rdflib's parser reads otherwise than Oxigraph: load everything
        return None
    return Needed(frozenset(predicates), frozenset(typed))
