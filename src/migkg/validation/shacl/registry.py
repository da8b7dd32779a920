"""The table of constraint components the engine compiles: parameter IRI -> (component IRI, compiler).

Each family module in :mod:`.components` registers its components with :func:`compiles`; the
compiler (:mod:`.compile`) looks a shape's parameters up here, and declines (``Unsupported``) any
parameter in the sh: namespace that no component claims. To add a component: write its compiler
in the module of its family (the SHACL spec's section 4.x) and decorate it with :func:`compiles`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from migkg.mapping.terms import Term
from migkg.validation.shacl.model import Check, Run, Shape
from migkg.validation.shacl.results import Result

if TYPE_CHECKING:
    from migkg.validation.shacl.evaluate import Validator
    from migkg.validation.shacl.index import View


@dataclass(frozen=True)
class Parameter:
    """What a component's compiler is given: the value of its parameter on one shape."""

    graph: Graph  # the shapes graph
    shape: Node  # the shape node
    name: URIRef  # the parameter (sh:minCount, ...)
    value: Node  # its value on this shape
    component: URIRef  # the sh:sourceConstraintComponent of its results
    compile_shape: Callable[[Node], Shape]  # compile a shape this one refers to (sh:node, sh:not, ...)

    def check(self, run: Run, nested: tuple[Shape, ...] = (), reports_nested: bool = False,
              on_empty: bool = True, counts: tuple[int, float] | None = None) -> Check:
        """``on_empty=False``: the check reports nothing when there are no value nodes (so it is not run then);
        ``counts``: it reports nothing when the number of values is within these bounds (sh:minCount, sh:maxCount)."""
        return Check(self.name, run, nested, reports_nested, on_empty, counts)

    @property
    def number(self) -> int:
        """The value as an integer (sh:minCount 1, sh:maxLength 10, ...)."""
        return int(self.value.toPython()) if isinstance(self.value, Literal) else int(str(self.value))

    def each_value(self, ok: Callable[[Term, View], bool]) -> Check:
        """A check that reports every value node ``ok(value, view)`` refuses, with the value as sh:value."""
        component = self.component

        def run(validator: Validator, shape: Shape, focus: Term, values: list[Term], view: View) -> list[Result]:
            return [validator.result(shape, component, focus, v) for v in values if not ok(v, view)]
        return self.check(run, on_empty=False)


Compiler = Callable[[Parameter], Check]

#: parameter -> (component, compiler): filled by the family modules of .components
COMPILERS: dict[URIRef, tuple[URIRef, Compiler]] = {}
#: parameters that a component reads beside its main one (sh:flags for sh:pattern, ...)
SECONDARY: set[URIRef] = set()


def compiles(parameter: URIRef, component: URIRef, secondary: tuple[URIRef, ...] = ()) -> Callable[[Compiler], Compiler]:
    """Register a compiler for the component whose main parameter is ``parameter``."""
    def register(compiler: Compiler) -> Compiler:
        if parameter in COMPILERS:
            raise ValueError(f"{parameter} has a compiler already")
        COMPILERS[parameter] = (component, compiler)
        SECONDARY.update(secondary)
        return compiler
    return register
