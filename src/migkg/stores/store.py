"""Put a built dataset on Oxigraph, the embedded SPARQL store used for queries.

The store's default graph is the union of all named graphs, so a query need not name the
graph of each release (as on most SPARQL servers configured for a dataset like this).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

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
    for name, graph in graphs.items():
        ox_name = ox.NamedNode(str(name))
        for s, p, o in graph:
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox_name)


def store_from_graphs(graphs: dict[URIRef, Graph]) -> ox.Store:
    store = ox.Store()
    store.extend(quads(graphs))
    return store


def store_from_files(paths: Iterable[Path]) -> ox.Store:
    """Load published TriG or N-Quads files (as written by ``migkg build``: every dump part of a format)."""
    store = ox.Store()
    for path in paths:
        fmt = ox.RdfFormat.from_extension(Path(path).suffix.lstrip("."))
        store.bulk_load(path=str(path), format=fmt)
    return store


def all_quads(store: ox.Store) -> Iterable[ox.Quad]:
    return store.quads_for_pattern(None, None, None, None)
