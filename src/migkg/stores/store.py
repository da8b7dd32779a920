"""rdflib graphs as pyoxigraph quads: how the tests compare the in-memory build with the written files.

A build folder is opened with :func:`migkg.stores.opening.open_build`, not here. ``to_ox`` is to
give way to the one in ``migkg.mapping.terms`` once that exists.
"""
from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from migkg.errors import MigkgError


def to_ox(term: Node) -> ox.NamedNode | ox.Literal:
    """An rdflib term as a pyoxigraph term; blank nodes are refused (the dataset has none)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        raise MigkgError(f"a blank node ({term.n3()}) reached the published dataset; every node needs an IRI.")
    raise MigkgError(f"cannot convert {term!r} to an RDF term.")


def quads(graphs: dict[URIRef, Graph]) -> Iterator[ox.Quad]:
    """Every triple of each named graph, as a pyoxigraph quad in that graph."""
    for name, graph in graphs.items():
        ox_name = ox.NamedNode(str(name))
        for s, p, o in graph:
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox_name)
