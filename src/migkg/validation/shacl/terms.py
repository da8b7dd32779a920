"""The bridge between rdflib terms (the shapes graph, the reports) and pyoxigraph terms (the data).

The engine reads data as pyoxigraph terms, which hash and compare in C; the shapes graph and the
results stay rdflib terms, so that a report reads the same whichever engine made it.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import cast

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Identifier, Node

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


def literal_of(term: ox.Literal) -> Literal:
    """:func:`to_rdflib` of a literal, typed as one."""
    return cast(Literal, to_rdflib(term))


def rdflib_order(nodes: Iterable[Node]) -> list[Identifier]:
    """Shapes-graph terms sorted as rdflib sorts them (which fixes the order of checks, and of results)."""
    return sorted(cast("Iterable[Identifier]", nodes))


def to_ox(term: Node) -> Term:
    """An rdflib term as pyoxigraph's (a plain literal becomes an xsd:string one, as RDF 1.1 has it)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    return ox.BlankNode(str(term))
