"""The table of constraint components the engine compiles: parameter IRI -> (component IRI, compiler).

Each family module in :mod:`.components` registers its components with :func:`compiles`; the
compiler (:mod:`.compile`) looks a shape's parameters up here, and declines (``Unsupported``) any
parameter in the sh: namespace that no component claims. To add a component: write its compiler
in the module of its family (the SHACL spec's section 4.x) and decorate it with :func:`compiles`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.term import Node

from migkg.validation.shacl.model import Check, Shape
from migkg.validation.shacl.terms import Term


@dataclass(frozen=True)
class Parameter:
    """What a component's compiler is given: the value of its parameter on one shape."""

    graph: Graph  # the shapes graph
    shape: Node  # the shape node
    name: URIRef  # the parameter (sh:minCount, ...)
    value: Node  # its value on this shape
    component: URIRef  # the sh:sourceConstraintComponent of its results
    compile_shape: Callable[[Node], Shape]  # compile a shape this one refers to (sh:node, sh:not, ...)

    def check(self, run: Callable[..., list], nested: tuple[Shape, ...] = (), reports_nested: bool = False) -> Check:
        return Check(self.name, run, nested, reports_nested)

    def each_value(self, ok: Callable[[Term, object], bool]) -> Check:
        """A check that reports every value node ``ok(value, view)`` refuses, with the value as sh:value."""
        component = self.component

        def run(validator, shape, focus, values, view):
            return [validator.result(shape, component, focus, v) for v in values if not ok(v, view)]
        return self.check(run)


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
