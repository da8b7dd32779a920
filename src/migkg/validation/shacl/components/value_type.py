"""Value type constraint components (SHACL 4.1): sh:class, sh:datatype, sh:nodeKind."""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import SH

from migkg.mapping.terms import to_ox
from migkg.validation.shacl.literals import datatype_ok
from migkg.validation.shacl.model import Check
from migkg.validation.shacl.registry import Parameter, compiles
from migkg.validation.shacl.terms import Unsupported

_NODE_KINDS: dict[URIRef, type | tuple[type, ...]] = {
    SH.IRI: ox.NamedNode, SH.Literal: ox.Literal, SH.BlankNode: ox.BlankNode,
    SH.IRIOrLiteral: (ox.NamedNode, ox.Literal), SH.BlankNodeOrIRI: (ox.BlankNode, ox.NamedNode),
    SH.BlankNodeOrLiteral: (ox.BlankNode, ox.Literal),
}


@compiles(SH["class"], SH.ClassConstraintComponent)
def class_(parameter: Parameter) -> Check:
    cls = to_ox(parameter.value)
    return parameter.each_value(lambda v, view: not isinstance(v, ox.Literal) and view.is_instance(v, cls))


@compiles(SH.datatype, SH.DatatypeConstraintComponent)
def datatype(parameter: Parameter) -> Check:
    rule = str(parameter.value)
    return parameter.each_value(lambda v, view: datatype_ok(rule, v))


@compiles(SH.nodeKind, SH.NodeKindConstraintComponent)
def node_kind(parameter: Parameter) -> Check:
    kinds = _NODE_KINDS.get(parameter.value) if isinstance(parameter.value, URIRef) else None
    if kinds is None:
        raise Unsupported(f"sh:nodeKind {parameter.value.n3()}")
    return parameter.each_value(lambda v, view: isinstance(v, kinds))
