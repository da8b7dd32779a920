"""Other constraint components (SHACL 4.8): sh:closed, sh:hasValue, sh:in."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from migkg.mapping.terms import to_ox, to_rdflib
from migkg.validation.shacl.literals import same
from migkg.validation.shacl.model import Check
from migkg.validation.shacl.registry import Parameter, compiles
from migkg.validation.shacl.results import Result
from migkg.validation.shacl.terms import Unsupported

if TYPE_CHECKING:
    from migkg.mapping.terms import Term
    from migkg.validation.shacl.evaluate import Validator
    from migkg.validation.shacl.index import View
    from migkg.validation.shacl.model import Shape


@compiles(SH.hasValue, SH.HasValueConstraintComponent)
def has_value(parameter: Parameter) -> Check:
    value, component = parameter.value, parameter.component

    def has(validator: Validator, shape: Shape, focus: Term, values: list[Term], view: View) -> list[Result]:
        return [] if any(same(v, value) for v in values) else [validator.result(shape, component, focus)]
    return parameter.check(has)


@compiles(SH["in"], SH.InConstraintComponent)
def in_(parameter: Parameter) -> Check:
    allowed = list(Collection(parameter.graph, parameter.value))
    iris = {str(a) for a in allowed if isinstance(a, URIRef)}
    others = [a for a in allowed if not isinstance(a, URIRef)]
    return parameter.each_value(lambda v, view: (isinstance(v, ox.NamedNode) and v.value in iris)
                                or any(same(v, a) for a in others))


@compiles(SH.closed, SH.ClosedConstraintComponent, secondary=(SH.ignoredProperties,))
def closed(parameter: Parameter) -> Check:
    """Each value of a predicate that neither a property shape's path nor sh:ignoredProperties names
    is a result, with that predicate as sh:resultPath."""
    graph, node, component = parameter.graph, parameter.shape, parameter.component
    if parameter.value != Literal(True):  # only true activates it, as for sh:uniqueLang
        return parameter.check(lambda *args: [])
    if (node, SH.path, None) in graph:
        raise Unsupported(f"{node.n3()}: sh:closed on a property shape")
    allowed = {to_ox(path) for prop in graph.objects(node, SH.property)
               for path in graph.objects(prop, SH.path) if isinstance(path, URIRef)}
    for ignored in graph.objects(node, SH.ignoredProperties):
        allowed |= {to_ox(p) for p in Collection(graph, ignored)}

    def run(validator: Validator, shape: Shape, focus: Term, values: list[Term], view: View) -> list[Result]:
        out = []
        for value in values:
            for predicate in view.predicates(value):
                if predicate in allowed:
                    continue
                for obj in view.objects(value, predicate):
                    out.append(Result(to_rdflib(value), to_rdflib(predicate), to_rdflib(obj), shape.severity,
                                      shape.node, component, tuple(str(m) for m in shape.messages)))
        return out
    return parameter.check(run)
