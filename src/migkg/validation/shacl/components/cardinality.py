"""Cardinality constraint components (SHACL 4.2): sh:minCount, sh:maxCount."""
from __future__ import annotations

from rdflib.namespace import SH

from migkg.validation.shacl.model import Check
from migkg.validation.shacl.registry import Parameter, compiles


def _count(parameter: Parameter, at_least: bool) -> Check:
    bound, component = int(parameter.value), parameter.component

    def count(validator, shape, focus, values, view):
        bad = len(values) < bound if at_least else len(values) > bound
        return [validator.result(shape, component, focus)] if bad else []
    return parameter.check(count)


@compiles(SH.minCount, SH.MinCountConstraintComponent)
def min_count(parameter: Parameter) -> Check:
    return _count(parameter, at_least=True)


@compiles(SH.maxCount, SH.MaxCountConstraintComponent)
def max_count(parameter: Parameter) -> Check:
    return _count(parameter, at_least=False)
