"""Logical constraint components (SHACL 4.6): sh:not, sh:and, sh:or, sh:xone.

Each value node is checked against the listed shapes (conforms or not); a result names the value.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rdflib.collection import Collection
from rdflib.namespace import SH

from migkg.validation.shacl.model import Check, Shape
from migkg.validation.shacl.registry import Parameter, compiles

if TYPE_CHECKING:
    from migkg.mapping.terms import Term
    from migkg.validation.shacl.evaluate import Validator
    from migkg.validation.shacl.index import View
    from migkg.validation.shacl.results import Result


def _logical(parameter: Parameter, shapes: list[Shape], accept: Callable[[int], bool], decided: int) -> Check:
    """A check that passes a value when ``accept(number of shapes the value conforms to)``.

    The shapes are tried in order and no further once ``decided`` of them conform: no more can change the
    outcome (sh:or after one, sh:xone after two). Only the outcome is kept (the inner shapes' results are not
    reported), so the results are the same; a fact with evidence is no longer also evaluated, and its
    results made, against the shape of a supplied fact."""
    component = parameter.component

    def run(validator: Validator, shape: Shape, focus: Term, values: list[Term], view: View) -> list[Result]:
        out = []
        for v in values:
            conforming = 0
            for inner in shapes:
                if validator.evaluate_value(inner, v, view)[0]:
                    conforming += 1
                    if conforming == decided:
                        break
            if not accept(conforming):
                out.append(validator.result(shape, component, focus, v))
        return out
    return parameter.check(run, tuple(shapes), on_empty=False)


def _listed(parameter: Parameter) -> list[Shape]:
    return [parameter.compile_shape(member) for member in Collection(parameter.graph, parameter.value)]


@compiles(SH["not"], SH.NotConstraintComponent)
def not_(parameter: Parameter) -> Check:
    return _logical(parameter, [parameter.compile_shape(parameter.value)], lambda n: n == 0, 1)


@compiles(SH["and"], SH.AndConstraintComponent)
def and_(parameter: Parameter) -> Check:
    shapes = _listed(parameter)
    return _logical(parameter, shapes, lambda n: n == len(shapes), len(shapes))


@compiles(SH["or"], SH.OrConstraintComponent)
def or_(parameter: Parameter) -> Check:
    return _logical(parameter, _listed(parameter), lambda n: n >= 1, 1)


@compiles(SH.xone, SH.XoneConstraintComponent)
def xone(parameter: Parameter) -> Check:
    return _logical(parameter, _listed(parameter), lambda n: n == 1, 2)
