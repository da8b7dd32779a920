"""The bridge between rdflib terms (the shapes graph, the reports) and pyoxigraph terms (the data).

The engine reads data as pyoxigraph terms, which hash and compare in C; the shapes graph and the
results stay rdflib terms, so that a report reads the same whichever engine made it.
"""
from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

Term = ox.NamedNode | ox.Literal | ox.BlankNode

RDF_TYPE = ox.NamedNode(str(RDF.type))
SUBCLASS_OF = ox.NamedNode(str(RDFS.subClassOf))
XSD_STRING = ox.NamedNode(str(XSD.string))


class Unsupported(Exception):
    """The shapes use a SHACL feature this engine does not evaluate; validate with pyshacl instead."""


@lru_cache(maxsize=1 << 16)
def to_rdflib(term: Term) -> Node:
    """A pyoxigraph term as rdflib builds it (literals normalised and typed as rdflib does)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return BNode(term.value)


def to_ox(term: Node) -> Term:
    """An rdflib term as pyoxigraph's (a plain literal becomes an xsd:string one, as RDF 1.1 has it)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    return ox.BlankNode(str(term))
