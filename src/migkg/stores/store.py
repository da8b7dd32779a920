"""rdflib graphs as pyoxigraph quads: how the tests compare the in-memory build with the written files.

A build folder is opened with :func:`migkg.stores.opening.open_build`, not here.
"""
from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import Graph, URIRef

from migkg.mapping.terms import ground, to_ox


def quads(graphs: dict[URIRef, Graph]) -> Iterator[ox.Quad]:
    """Every triple of each named graph, as a pyoxigraph quad in that graph; a blank node is refused
    (the published dataset has none)."""
    for name, graph in graphs.items():
        ox_name = ox.NamedNode(str(name))
        for s, p, o in graph:
            subject = ground(to_ox(s))
            assert isinstance(subject, ox.NamedNode)  # ground() refused blank nodes; a literal is never a subject
            yield ox.Quad(subject, ox.NamedNode(str(p)), ground(to_ox(o)), ox_name)
