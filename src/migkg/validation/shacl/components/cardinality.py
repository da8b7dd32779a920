"""Cardinality constraint components (SHACL 4.2): sh:minCount, sh:maxCount."""
from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib.namespace import SH

from migkg.validation.shacl.model import Check
from migkg.validation.shacl.registry import Parameter, compiles

if TYPE_CHECKING:
    from migkg.mapping.terms import Term
    from migkg.validation.shacl.evaluate import Validator
    from migkg.validation.shacl.index import View
    from migkg.validation.shacl.model import Shape
    from migkg.validation.shacl.results import Result


def _count(parameter: Parameter, at_least: bool) -> Check:
    bound, component = parameter.number, parameter.component

    def count(validator: Validator, shape: Shape, focus: Term, values: list[Term], view: View) -> list[Result]:
        bad = len(values) < bound if at_least else len(values) > bound
        return [validator.result(shape, component, focus)] if bad else []
    return parameter.check(count, on_empty=at_least and bound > 0,
                           counts=(bound, float("inf")) if at_least else (0, bound))


@compiles(SH.minCount, SH.MinCountConstraintComponent)
def min_count(parameter: Parameter) -> Check:
    return _count(parameter, at_least=True)


@compiles(SH.maxCount, SH.MaxCountConstraintComponent)
def max_count(parameter: Parameter) -> Check:
    return _count(parameter, at_least=False)
