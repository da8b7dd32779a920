"""Value range constraint components (SHACL 4.3): sh:minExclusive, sh:minInclusive, sh:maxExclusive, sh:maxInclusive.

A value node conforms when ``value OPERATOR bound`` holds in SPARQL's order (see :func:`.literals.in_range`).
"""
from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import SH

from migkg.validation.shacl.literals import in_range
from migkg.validation.shacl.model import Check
from migkg.validation.shacl.registry import Parameter, compiles
from migkg.validation.shacl.terms import Unsupported


def _range(parameter: Parameter, operator: str) -> Check:
    bound = parameter.value
    if not isinstance(bound, Literal):
        raise Unsupported(f"{parameter.name.n3()} {bound.n3()}: a bound that is not a literal")
    return parameter.each_value(lambda v, view: in_range(bound, operator, v))


@compiles(SH.minInclusive, SH.MinInclusiveConstraintComponent)
def min_inclusive(parameter: Parameter) -> Check:
    return _range(parameter, ">=")


@compiles(SH.minExclusive, SH.MinExclusiveConstraintComponent)
def min_exclusive(parameter: Parameter) -> Check:
    return _range(parameter, ">")


@compiles(SH.maxInclusive, SH.MaxInclusiveConstraintComponent)
def max_inclusive(parameter: Parameter) -> Check:
    return _range(parameter, "<=")


@compiles(SH.maxExclusive, SH.MaxExclusiveConstraintComponent)
def max_exclusive(parameter: Parameter) -> Check:
    return _range(parameter, "<")
