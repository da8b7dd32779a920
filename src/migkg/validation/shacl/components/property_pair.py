"""Property pair constraint components (SHACL 4.5): sh:equals, sh:disjoint, sh:lessThan, sh:lessThanOrEquals.

Each compares the value nodes with the values of another property of the focus node.
"""
from __future__ import annotations

import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rdflib.namespace import SH

from migkg.mapping.terms import to_ox
from migkg.validation.shacl.literals import comparable, plain_int
from migkg.validation.shacl.model import Check
from migkg.validation.shacl.registry import Parameter, compiles

if TYPE_CHECKING:
    from migkg.mapping.terms import Term
    from migkg.validation.shacl.evaluate import Validator
    from migkg.validation.shacl.index import View
    from migkg.validation.shacl.model import Shape
    from migkg.validation.shacl.results import Result


@compiles(SH.equals, SH.EqualsConstraintComponent)
def equals(parameter: Parameter) -> Check:
    other, component = to_ox(parameter.value), parameter.component

    def run(validator: Validator, shape: Shape, focus: Term, values: list[Term], view: View) -> list[Result]:
        others = view.objects(focus, other)
        missing = [v for v in dict.fromkeys(values) if v not in others]
        extra = [o for o in dict.fromkeys(others) if o not in values]
        return [validator.result(shape, component, focus, v) for v in missing + extra]
    return parameter.check(run)


@compiles(SH.disjoint, SH.DisjointConstraintComponent)
def disjoint(parameter: Parameter) -> Check:
    other, component = to_ox(parameter.value), parameter.component

    def run(validator: Validator, shape: Shape, focus: Term, values: list[Term], view: View) -> list[Result]:
        others = view.objects(focus, other)
        return [validator.result(shape, component, focus, v) for v in dict.fromkeys(values) if v in others]
    return parameter.check(run, on_empty=False)


def _ordered(parameter: Parameter, holds: Callable[[Any, Any], bool]) -> Check:
    other, component = to_ox(parameter.value), parameter.component

    def run(validator: Validator, shape: Shape, focus: Term, values: list[Term], view: View) -> list[Result]:
        out = []
        for value in dict.fromkeys(values):
            left, left_text = comparable(value)
            left_int = plain_int(value)
            for right_term in dict.fromkeys(view.objects(focus, other)):
                right, right_text = comparable(right_term)
                right_int = plain_int(right_term) if left_int is not None else None
                if left_text != right_text:
                    failed = True
                elif right_int is not None:
                    failed = not holds(left_int, right_int)  # both integers: as rdflib compares them, faster
                else:
                    try:
                        failed = not holds(left, right)
                    except TypeError:
                        failed = True
                if failed:
                    out.append(validator.result(shape, component, focus, value))
        return out
    return parameter.check(run, on_empty=False)


@compiles(SH.lessThan, SH.LessThanConstraintComponent)
def less_than(parameter: Parameter) -> Check:
    return _ordered(parameter, operator.lt)


@compiles(SH.lessThanOrEquals, SH.LessThanOrEqualsConstraintComponent)
def less_than_or_equals(parameter: Parameter) -> Check:
    return _ordered(parameter, operator.le)
