"""The ontology's Turtle files as an rdflib graph, parsed by pyoxigraph.

rdflib's own Turtle parser takes a fifth of a second for the ontology and the shapes, in every process that
builds or checks a release (``migkg validate --release`` among them); pyoxigraph's parser reads the same files
in a tenth of that, and the triples are then added to an rdflib graph, which is what the vocabulary, the shapes
and pySHACL read. The graph is the one rdflib's parser makes: the same triples (blank nodes aside, which are
fresh in either), and the prefixes the files declare bound as rdflib binds them.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from migkg.errors import InputError, Location
from migkg.mapping.terms import to_rdflib

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node


def turtle_graph(paths: Iterable[Path]) -> Graph:
    """One rdflib graph of the triples of the Turtle files ``paths``, with their prefixes bound; a file that
    is not Turtle is an :class:`InputError` at its line."""
    from rdflib import Graph

    graph = Graph()
    terms: dict[ox.NamedNode | ox.BlankNode | ox.Literal, Node] = {}  # each term made once: IRIs repeat a lot

    def term(value) -> Node:
        found = terms.get(value)
        if found is None:
            found = terms[value] = to_rdflib(value)
        return found

    for path in paths:
        parser = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        try:
            graph.addN((term(quad.subject), term(quad.predicate), term(quad.object), graph) for quad in parser)
        except SyntaxError as err:
            raise InputError(Location(Path(path), err.lineno), f"is not valid Turtle: {err.msg}.",
                             "correct the file, or restore it from the migkg release it came with.") from None
        for prefix, namespace in parser.prefixes.items():
            graph.bind(prefix, namespace)
    return graph
