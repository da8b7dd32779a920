"""Shape-based constraint components (SHACL 4.7): sh:node and sh:qualifiedValueShape.

(sh:property, the third of the family, is the structure of a shape: :mod:`..compile` reads it.)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal
from rdflib.namespace import SH

from migkg.validation.shacl.model import Check
from migkg.validation.shacl.registry import Parameter, compiles
from migkg.validation.shacl.terms import Unsupported

if TYPE_CHECKING:
    from migkg.mapping.terms import Term
    from migkg.validation.shacl.evaluate import Validator
    from migkg.validation.shacl.index import View
    from migkg.validation.shacl.model import Shape
    from migkg.validation.shacl.results import Result


def _count(value: object) -> int:
    return int(value.toPython()) if isinstance(value, Literal) else int(str(value))


@compiles(SH.node, SH.NodeConstraintComponent)
def node(parameter: Parameter) -> Check:
    """A result per value node that does not conform to the shape; its results become sh:detail."""
    target, component = parameter.compile_shape(parameter.value), parameter.component
    if target.is_property:
        raise Unsupported(f"{parameter.value.n3()} is used as a node shape but has a path")

    def run(validator: Validator, shape: Shape, focus: Term, values: list[Term], view: View) -> list[Result]:
        out = []
        for v in values:
            conforms, nested = validator.evaluate_value(target, v, view)
            if not conforms or nested:
                out.append(validator.result(shape, component, focus, v, tuple(nested)))
        return out
    return parameter.check(run, (target,), reports_nested=True, on_empty=False)


@compiles(SH.qualifiedValueShape, SH.QualifiedMinCountConstraintComponent,  # and QualifiedMaxCount
          secondary=(SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint))
def qualified_value_shape(parameter: Parameter) -> Check:
    graph, shape_node = parameter.graph, parameter.shape
    if (shape_node, SH.qualifiedValueShapesDisjoint, Literal(True)) in graph:
        raise Unsupported(f"{shape_node.n3()} uses disjoint qualified value shapes")
    inner = parameter.compile_shape(parameter.value)
    if inner.is_property:
        raise Unsupported(f"{parameter.value.n3()} is used as a node shape but has a path")
    low, high = graph.value(shape_node, SH.qualifiedMinCount), graph.value(shape_node, SH.qualifiedMaxCount)
    least, most = (_count(low) if low is not None else None), (_count(high) if high is not None else None)

    def run(validator: Validator, shape: Shape, focus: Term, values: list[Term], view: View) -> list[Result]:
        count = sum(1 for v in values if validator.evaluate_value(inner, v, view)[0])
        out = []
        if most is not None and count > most:
            out.append(validator.result(shape, SH.QualifiedMaxCountConstraintComponent, focus))
        if least is not None and count < least:
            out.append(validator.result(shape, SH.QualifiedMinCountConstraintComponent, focus))
        return out
    return parameter.check(run, (inner,))
