"""The data as the engine reads it: triples indexed as dictionaries, and views over them.

A build validates a release on top of the registry and the vocabulary: :class:`View` reads both
indexes as one graph without copying the base for every release. :class:`Recording` notes what an
evaluation read, so that a value shape's result on a base node can be kept across releases.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

import pyoxigraph as ox

from migkg.mapping.terms import Term
from migkg.validation.shacl.terms import RDF_TYPE, SUBCLASS_OF

if TYPE_CHECKING:
    from migkg.validation.shacl.results import Result

_NONE: dict[Term, list[Term]] = {}
_NO_TERMS: list[Term] = []

#: what an evaluation read: ``(None, s)`` the values of s, ``(p, o)`` the subjects with value o of p
Read = tuple[Term | None, Term]
#: a SPARQL SELECT with variables pre-bound: (query, bindings) -> solution rows
Select = Callable[[str, dict[str, Term]], list[dict[str, Term]]]


class Index:
    """Triples as dictionaries: subject -> predicate -> objects, and the inverse (object -> subjects) for the
    chosen predicates at once, for any other the first time it is asked for."""

    def __init__(self, triples: Iterable[tuple[Term, Term, Term]], inverse: frozenset[Term] = frozenset()) -> None:
        spo: dict[Term, dict[Term, list[Term]]] = {}
        pos: dict[Term, dict[Term, list[Term]]] = {}
        for s, p, o in triples:
            objects = spo.setdefault(s, {}).setdefault(p, [])
            if o not in objects:
                objects.append(o)
                if p in inverse:
                    pos.setdefault(p, {}).setdefault(o, []).append(s)
        self.spo = spo
        self.pos = pos

    def objects(self, s: Term, p: Term) -> list[Term]:
        return self.spo.get(s, _NONE).get(p, _NO_TERMS)

    def subjects(self, p: Term, o: Term) -> list[Term]:
        return self.inverse(p).get(o, _NO_TERMS)

    def inverse(self, p: Term) -> dict[Term, list[Term]]:
        """Object -> subjects of predicate ``p`` (made on the first call for a predicate not chosen at the start)."""
        found = self.pos.get(p)
        if found is None:
            found = {}
            for s, by_predicate in self.spo.items():
                for o in by_predicate.get(p, _NO_TERMS):
                    found.setdefault(o, []).append(s)
            self.pos[p] = found
        return found


class View:
    """What a validation sees: an index of base triples (registry, vocabulary) and one of a release on top.

    Values are read as from one graph, the union of both. ``select`` runs a SPARQL SELECT on
    the same union (for SHACL-SPARQL), with variables pre-bound.
    """

    def __init__(self, base: Index, top: Index | None, superclasses: dict[Term, frozenset[Term]],
                 select: Select) -> None:
        self.base, self.top = base, top
        self.superclasses = superclasses
        self.select = select
        self.memo: dict[tuple[int, Term], tuple[bool, list[Result]]] = {}  # value-shape results, within this view
        self.own = self._own_values()

    def _own_values(self) -> dict[Term, dict[Term, list[Term]]]:
        """Predicate -> values of each node the top describes, over both indexes: the base's values first,
        then the top's not among them (the node's own dictionary in the top when the base says nothing of it)."""
        own: dict[Term, dict[Term, list[Term]]] = {}
        if self.top is None:
            return own
        base = self.base.spo
        for s, by_predicate in self.top.spo.items():
            in_base = base.get(s)
            if in_base is None:
                own[s] = by_predicate
                continue
            merged = dict(in_base)
            for p, more in by_predicate.items():
                found = in_base.get(p)
                merged[p] = list(dict.fromkeys([*found, *more])) if found else more
            own[s] = merged
        return own

    def objects(self, s: Term, p: Term) -> list[Term]:
        by_predicate = self.own.get(s)
        if by_predicate is None:
            by_predicate = self.base.spo.get(s, _NONE)
        return by_predicate.get(p, _NO_TERMS)

    def subjects(self, p: Term, o: Term) -> list[Term]:
        found = self.base.subjects(p, o)
        if self.top is not None:
            more = self.top.subjects(p, o)
            if more:
                return list(dict.fromkeys([*found, *more])) if found else more
        return found

    def predicates(self, s: Term) -> list[Term]:
        """The predicates ``s`` has values of (for sh:closed)."""
        found = list(self.base.spo.get(s, _NONE))
        if self.top is not None:
            found += [p for p in self.top.spo.get(s, _NONE) if p not in found]
        return found

    def types(self, s: Term) -> list[Term]:
        return self.objects(s, RDF_TYPE)

    def is_instance(self, node: Term, cls: Term) -> bool:
        return any(t == cls or cls in self.superclasses.get(t, ()) for t in self.types(node))

    def touches(self, reads: frozenset[Read]) -> bool:
        """Whether the release on top says anything about what an evaluation read (see :class:`Recording`)."""
        top = self.top
        if top is None:
            return False
        for read in reads:
            if read[0] is None:
                if read[1] in top.spo:
                    return True
            elif read[1] in top.inverse(read[0]):  # read[0] is a predicate here
                return True
        return False


class Recording(View):
    """A view of the base alone that notes every node it was asked about: ``(None, s)`` for the
    values of s, ``(p, o)`` for the subjects with value o of p. A value shape's result on a base
    node is the same for any release that says nothing about the nodes so read."""

    def __init__(self, view: View) -> None:
        super().__init__(view.base, None, view.superclasses, view.select)
        self.reads: set[Read] = set()

    def objects(self, s: Term, p: Term) -> list[Term]:
        self.reads.add((None, s))
        return self.base.objects(s, p)

    def predicates(self, s: Term) -> list[Term]:
        self.reads.add((None, s))
        return list(self.base.spo.get(s, _NONE))

    def subjects(self, p: Term, o: Term) -> list[Term]:
        self.reads.add((p, o))
        return self.base.subjects(p, o)


def superclass_closure(subclass_pairs: Iterable[tuple[Term, Term]]) -> dict[Term, frozenset[Term]]:
    """Class -> every class it is rdfs:subClassOf, transitively, itself included (as pyshacl follows them)."""
    parents: dict[Term, set[Term]] = {}
    for sub, sup in subclass_pairs:
        parents.setdefault(sub, set()).add(sup)
    closure: dict[Term, frozenset[Term]] = {}

    def up(cls: Term, seen: set[Term]) -> frozenset[Term]:
        if cls in closure:
            return closure[cls]
        found = {cls}
        for parent in parents.get(cls, ()):
            if parent not in seen:
                found |= up(parent, seen | {cls})
        closure[cls] = frozenset(found)
        return closure[cls]

    for cls in list(parents):
        up(cls, set())
    return closure


def typed_subjects(view: View) -> list[Term]:
    """The nodes with an rdf:type, base first: the candidate focus nodes of class-based targets."""
    subjects = [s for s, predicates in view.base.spo.items() if RDF_TYPE in predicates]
    if view.top is not None:
        subjects += [s for s, predicates in view.top.spo.items() if RDF_TYPE in predicates and s not in view.base.spo]
    return subjects


def store_select(store: ox.Store, default_graph: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None) -> Select:
    """A ``select`` for :class:`View`: SPARQL on an Oxigraph store, variables pre-bound, unbound ones left out."""
    def select(query: str, bindings: dict[str, Term]) -> list[dict[str, Term]]:
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): v for k, v in bindings.items()}
        if default_graph is not None:
            answer = store.query(query, substitutions=substitutions, default_graph=default_graph)
        else:
            answer = store.query(query, substitutions=substitutions)
        solutions = cast(ox.QuerySolutions, answer)  # a SELECT (sh:select) answers with solutions
        names = [v.value for v in solutions.variables]
        rows = []
        for solution in solutions:
            rows.append({name: cast(Term, solution[name]) for name in names if solution[name] is not None})
        return rows
    return select


def graph_view(triples: list[tuple[Term, Term, Term]], inverse_predicates: frozenset[Term]) -> View:
    """A view of one graph alone (as pyshacl validates a graph), SPARQL included."""
    store = ox.Store()
    store.extend(ox.Quad(cast(ox.NamedNode, s), cast(ox.NamedNode, p), o, ox.DefaultGraph()) for s, p, o in triples)
    index = Index(triples, inverse_predicates)
    closure = superclass_closure((s, o) for s, p, o in triples if p == SUBCLASS_OF)
    return View(index, None, closure, store_select(store))
