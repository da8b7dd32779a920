"""Derivation rules evaluated in Python, on a release's triples, where that is exactly what SPARQL gives.

A rule (``queries/derive/*.rq``) stays a SPARQL CONSTRUCT file that any store can run; the build ran
each on Oxigraph, which for a release costs more to load and to parse than to answer (about a
millisecond a release for the rules). Most rules are a few triple patterns with constant
predicates, joined, alternated (UNION) or extended (OPTIONAL): :func:`plan_of` reads such a rule's
algebra (rdflib's parser, only to read it) into a :class:`Plan`, which matches the patterns on
dictionaries of the release's facts and the vocabulary and fills the template as CONSTRUCT does (a
template triple with an unbound variable, a literal subject or a predicate that is not an IRI is left
out). Anything else (a FILTER, BIND, property path, variable predicate, blank node in the template,
a dataset clause, a subquery...) gives ``None``, and the rule runs on Oxigraph as before.
``tests/test_rule_plans.py`` holds the two to the same triples.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast

import pyoxigraph as ox

from migkg.mapping.terms import Triple

Binding = dict[str, Any]
#: a pattern position: a variable's name (str) or a constant term
Slot = str | ox.NamedNode | ox.Literal


@dataclass(frozen=True)
class Pattern:
    subject: Slot
    predicate: ox.NamedNode
    object: Slot


@dataclass(frozen=True)
class Node:
    """A graph pattern: ``bgp`` (patterns), ``join``, ``union`` or ``optional`` (left, right)."""

    kind: str
    patterns: tuple[Pattern, ...] = ()
    left: Node | None = None
    right: Node | None = None


class Unplanned(Exception):
    """The rule uses something :class:`Plan` does not evaluate: Oxigraph runs it."""


class Facts:
    """The triples a set of plans can match, indexed by predicate: subject -> objects and object -> subjects."""

    def __init__(self, triples: Iterable[Triple], predicates: frozenset[ox.NamedNode]) -> None:
        forward: dict[ox.NamedNode, dict[object, list[object]]] = {}
        backward: dict[ox.NamedNode, dict[object, list[object]]] = {}
        for s, p, o in triples:
            if p in predicates:
                forward.setdefault(p, {}).setdefault(s, []).append(o)
                backward.setdefault(p, {}).setdefault(o, []).append(s)
        self.forward, self.backward = forward, backward


_NOTHING: dict[object, list[object]] = {}


def _match(pattern: Pattern, binding: Binding, facts: Iterable[Facts]) -> Iterator[Binding]:
    s: Any = binding.get(pattern.subject, pattern.subject) if isinstance(pattern.subject, str) else pattern.subject
    o: Any = binding.get(pattern.object, pattern.object) if isinstance(pattern.object, str) else pattern.object
    s_free = isinstance(s, str)
    o_free = isinstance(o, str)
    for part in facts:
        if not s_free:
            for value in part.forward.get(pattern.predicate, _NOTHING).get(s, ()):
                if o_free:
                    yield {**binding, o: value}
                elif value == o:
                    yield binding
        elif not o_free:
            for value in part.backward.get(pattern.predicate, _NOTHING).get(o, ()):
                yield {**binding, s: value}
        else:
            for subject, objects in part.forward.get(pattern.predicate, _NOTHING).items():
                for value in objects:
                    if s == o:  # ?x p ?x: only the triples whose subject is their object
                        if value == subject:
                            yield {**binding, s: subject}
                    else:
                        yield {**binding, s: subject, o: value}


def _solutions(node: Node, binding: Binding, facts: tuple[Facts, ...]) -> Iterator[Binding]:
    if node.kind == "bgp":
        yield from _bgp(node.patterns, 0, binding, facts)
    elif node.kind == "union":
        assert node.left is not None and node.right is not None
        yield from _solutions(node.left, binding, facts)
        yield from _solutions(node.right, binding, facts)
    elif node.kind == "join":
        assert node.left is not None and node.right is not None
        for left in _solutions(node.left, binding, facts):
            yield from _solutions(node.right, left, facts)
    else:  # optional
        assert node.left is not None and node.right is not None
        for left in _solutions(node.left, binding, facts):
            extended = False
            for right in _solutions(node.right, left, facts):
                extended = True
                yield right
            if not extended:
                yield left


def _bgp(patterns: tuple[Pattern, ...], at: int, binding: Binding, facts: tuple[Facts, ...]) -> Iterator[Binding]:
    """The solutions of triple patterns, matched in the order :func:`_ordered` gave them."""
    if at == len(patterns):
        yield binding
        return
    for extended in _match(patterns[at], binding, facts):
        yield from _bgp(patterns, at + 1, extended, facts)


def _ordered(patterns: list[Pattern], bound: set[str]) -> tuple[Pattern, ...]:
    """The patterns, most bound first given the variables ``bound`` before them (the order of a join
    changes its cost, not its solutions: _match reads at run time which variables are bound)."""
    def bound_slots(pattern: Pattern) -> int:
        return sum(1 for slot in (pattern.subject, pattern.object) if not isinstance(slot, str) or slot in bound)
    out: list[Pattern] = []
    todo = list(patterns)
    bound = set(bound)
    while todo:
        best = max(range(len(todo)), key=lambda i: (bound_slots(todo[i]), -i))
        pattern = todo.pop(best)
        out.append(pattern)
        bound |= {slot for slot in (pattern.subject, pattern.object) if isinstance(slot, str)}
    return tuple(out)


def _variables(node: Node) -> set[str]:
    found = {slot for p in node.patterns for slot in (p.subject, p.object) if isinstance(slot, str)}
    for part in (node.left, node.right):
        if part is not None:
            found |= _variables(part)
    return found


@dataclass(frozen=True)
class Plan:
    """A CONSTRUCT rule as patterns on dictionaries: ``where`` matched, ``template`` filled."""

    where: Node
    template: tuple[tuple[Slot, Slot, Slot], ...]
    predicates: frozenset[ox.NamedNode]

    def construct(self, facts: tuple[Facts, ...]) -> Iterator[Triple]:
        """The template's triples for every solution of ``where`` (with repeats: the caller keeps one of each)."""
        for solution in _solutions(self.where, {}, facts):
            for slots in self.template:
                s, p, o = (solution.get(slot) if isinstance(slot, str) else slot for slot in slots)
                if isinstance(s, (ox.NamedNode, ox.BlankNode)) and isinstance(p, ox.NamedNode) \
                        and isinstance(o, (ox.NamedNode, ox.BlankNode, ox.Literal)):
                    yield cast(Triple, (s, p, o))


def plan_of(text: str) -> Plan | None:
    """The :class:`Plan` of a CONSTRUCT rule, or None when it uses more than one evaluates."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        algebra = prepareQuery(text).algebra
    except Exception:  # a rule rdflib's parser reads otherwise than Oxigraph: Oxigraph runs it
        return None
    try:
        if algebra.name != "ConstructQuery" or algebra.get("datasetClause") or algebra.p.name != "Project":
            raise Unplanned
        where = _node(algebra.p.p, set())
        template = tuple(tuple(_slot(term, template=True) for term in triple) for triple in algebra.template)
    except Unplanned:
        return None
    return Plan(where, template, frozenset(_predicates(where)))  # type: ignore[arg-type]


def plan_as_data(plan: Plan | None) -> Any:
    """A plan (or None) as JSON data, for the on-disk cache of plans (:func:`plan_from_data` makes it again):
    a slot is ``"?name"`` for a variable, ``"<iri>"`` for an IRI."""
    def slot(value: Slot) -> str:
        return value if isinstance(value, str) else f"<{value.value}>"

    def node(part: Node | None) -> Any:
        if part is None:
            return None
        return [part.kind, [[slot(p.subject), slot(p.predicate), slot(p.object)] for p in part.patterns],
                node(part.left), node(part.right)]
    if plan is None:
        return None
    return [node(plan.where), [[slot(term) for term in triple] for triple in plan.template]]


def plan_from_data(data: Any) -> Plan | None:
    """The plan :func:`plan_as_data` wrote."""
    def slot(text: str) -> Slot:
        return text if text.startswith("?") else ox.NamedNode(text[1:-1])

    def node(part: Any) -> Node | None:
        if part is None:
            return None
        kind, patterns, left, right = part
        return Node(kind, tuple(Pattern(slot(s), cast(ox.NamedNode, slot(p)), slot(o)) for s, p, o in patterns),
                    node(left), node(right))
    if data is None:
        return None
    where = cast(Node, node(data[0]))
    template = tuple(cast(tuple[Slot, Slot, Slot], tuple(slot(term) for term in triple)) for triple in data[1])
    return Plan(where, template, frozenset(_predicates(where)))


def _predicates(node: Node) -> Iterator[ox.NamedNode]:
    yield from (pattern.predicate for pattern in node.patterns)
    for part in (node.left, node.right):
        if part is not None:
            yield from _predicates(part)


def _node(part: object, bound: set[str]) -> Node:
    """The graph pattern ``part``, its triple patterns ordered for the variables ``bound`` on entry."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if not isinstance(part, CompValue):
        raise Unplanned
    if part.name == "BGP":
        return Node("bgp", _ordered([_pattern(triple) for triple in part.triples], bound))
    if part.name == "Union":
        return Node("union", left=_node(part.p1, bound), right=_node(part.p2, bound))
    if part.name == "Join":
        left = _node(part.p1, bound)
        right = _node(part.p2, bound | _variables(left))
        if _has_optional(right):
            raise Unplanned  # a nested OPTIONAL on the right: its bindings would not be SPARQL's
        return Node("join", left=left, right=right)
    if part.name == "LeftJoin":
        expr = part.get("expr")
        if not (isinstance(expr, CompValue) and expr.name == "TrueFilter"):
            raise Unplanned  # OPTIONAL { ... FILTER ... }
        left = _node(part.p1, bound)
        right = _node(part.p2, bound | _variables(left))
        if _has_optional(right):
            raise Unplanned
        return Node("optional", left=left, right=right)
    raise Unplanned


def _has_optional(node: Node) -> bool:
    return node.kind == "optional" or any(_has_optional(n) for n in (node.left, node.right) if n is not None)


def _pattern(triple: tuple[object, object, object]) -> Pattern:
    s, p, o = (_slot(term) for term in triple)
    if not isinstance(p, ox.NamedNode):
        raise Unplanned  # a variable predicate or a property path
    return Pattern(s, p, o)


def _slot(term: object, template: bool = False) -> Slot:
    from rdflib import Literal, URIRef, Variable

    if isinstance(term, Variable):
        return "?" + str(term)
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal) and template:
        raise Unplanned  # a literal in a template: its datatype and form as Oxigraph writes them, not checked here
    raise Unplanned  # a literal or blank node in a pattern, a path, a blank node in the template
