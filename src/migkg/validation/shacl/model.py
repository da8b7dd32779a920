"""Compiled shapes: what the compiler (:mod:`.compile`) makes of a shapes graph and the evaluator runs."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from migkg.mapping.terms import Term

if TYPE_CHECKING:
    from migkg.validation.shacl.evaluate import Validator
    from migkg.validation.shacl.index import View
    from migkg.validation.shacl.results import Result

#: what a compiled constraint runs: (validator, shape, focus node, value nodes, view) -> failing results
Run = Callable[["Validator", "Shape", Term, list[Term], "View"], list["Result"]]
#: a SHACL-SPARQL constraint answered in Python: (view, pre-bound variables) -> the SELECT's solution rows, or
#: None where it cannot answer exactly as SPARQL does (the query then runs on the view's store)
NativeSelect = Callable[["View", dict[str, Term]], "list[dict[str, Term]] | None"]


@dataclass(frozen=True)
class PathSpec:
    """A property path the engine follows: one predicate, forwards or inverse."""

    predicate: Term
    inverse: bool
    node: Node  # the path as the shapes graph has it (an IRI, or the blank node of [sh:inversePath p])


@dataclass(frozen=True)
class NativeSparql:
    """The Python answer to one SHACL-SPARQL constraint, for one text of its query: the SHA-256 of the query it
    was written for and tested against (:func:`~.sparql.query_sha256`). A constraint whose query differs is run
    as SPARQL, so that the shapes graph stays the definition."""

    query_sha256: str
    rows: NativeSelect


@dataclass
class SparqlSpec:
    """One SHACL-SPARQL constraint (sh:sparql): its SELECT text with the prefixes it declares, and its answer in
    Python where one is given for exactly this text (:class:`NativeSparql`)."""

    node: Node
    query: str
    messages: tuple[Literal, ...]
    native: NativeSelect | None = None


@dataclass(eq=False)
class Check:
    """One constraint of a shape, ready to run: ``run(validator, shape, focus, values, view)`` -> failing results.

    ``nested`` are the shapes it evaluates on value nodes (sh:node, sh:not, ...); ``reports_nested``
    says whether their results surface (as sh:detail, for sh:node), so that they need messages too.
    """

    parameter: URIRef
    run: Run
    nested: tuple[Shape, ...] = ()
    reports_nested: bool = False
    on_empty: bool = True  # whether it may report when there are no value nodes (sh:minCount); if not, it is not run then
    counts: tuple[int, float] | None = None  # sh:minCount/sh:maxCount: the numbers of values it accepts (least, most)


@dataclass(frozen=True)
class CheckPlan:
    """Which of a shape's checks can report, by the number of value nodes: with none, only those that report on
    none (``on_empty``); with a number every sh:minCount and sh:maxCount accepts, not those counts. The checks
    left out would report nothing, so the results are the same, in the same order."""

    least: int
    most: float
    every: tuple[Check, ...]
    every_on_none: tuple[Check, ...]
    counted: tuple[Check, ...]  # the number of values is within [least, most]
    counted_on_none: tuple[Check, ...]

    @classmethod
    def of(cls, checks: list[Check]) -> CheckPlan:
        least, most = 0, float("inf")
        for check in checks:
            if check.counts is not None:
                least, most = max(least, check.counts[0]), min(most, check.counts[1])
        on_none = tuple(c for c in checks if c.on_empty)
        return cls(least, most, tuple(checks), on_none, tuple(c for c in checks if c.counts is None),
                   tuple(c for c in on_none if c.counts is None))


@dataclass(frozen=True)
class Targets:
    """A shape's targets (SHACL 2.1.3): classes (explicit or implicit), nodes, subjects and objects of predicates."""

    classes: tuple[Term, ...] = ()
    nodes: tuple[Term, ...] = ()
    subjects_of: tuple[Term, ...] = ()
    objects_of: tuple[Term, ...] = ()

    def by_node(self) -> bool:
        """Whether some target is not a class (such a shape is looked up for every candidate node)."""
        return bool(self.nodes or self.subjects_of or self.objects_of)


@dataclass(eq=False)
class Shape:
    """A node or property shape, compiled: its path, severity, messages and constraints."""

    node: Node
    path: PathSpec | None
    severity: URIRef
    messages: tuple[Literal, ...]
    checks: list[Check] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)
    sparql: list[SparqlSpec] = field(default_factory=list)
    targets: list[Term] = field(default_factory=list)  # target classes (sh:targetClass, or the shape is a class)
    other_targets: Targets = field(default_factory=Targets)
    soft: bool = False  # a Warning or Info shape: with pyshacl's allow_warnings its results do not break conformance
    uses_sparql: bool = True  # whether evaluating it may run SPARQL (itself or a shape it uses): set by compile
    deactivated: bool = False  # sh:deactivated true: no results, conforms
    check_plan: CheckPlan | None = None  # which checks to run, by the number of values (set by compile; None: all)

    @property
    def is_property(self) -> bool:
        return self.path is not None


@dataclass
class Shapes:
    """Every shape, and for each set of classes the shapes that target its instances."""

    graph: Graph
    shapes: dict[Node, Shape]
    targeted: list[Shape]
    inverse_predicates: frozenset[Term]
    by_node: list[Shape] = field(default_factory=list)  # shapes with a node-based target
    _by_types: dict[tuple[tuple[Term, ...], int], list[Shape]] = field(default_factory=dict, repr=False)

    def shapes_for(self, node_types: list[Term], superclasses: dict[Term, frozenset[Term]]) -> list[Shape]:
        key = (tuple(node_types), id(superclasses))
        found = self._by_types.get(key)
        if found is None:
            classes: set[Term] = set()
            for t in node_types:
                classes |= superclasses.get(t, {t})
            found = [s for s in self.targeted if any(c in classes for c in s.targets)]
            if len(self._by_types) > 4096:
                self._by_types.clear()
            self._by_types[key] = found
        return found
