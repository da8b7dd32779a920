"""The bridge between rdflib terms (the shapes graph, the reports) and pyoxigraph terms (the data).

The engine reads data as pyoxigraph terms, which hash and compare in C; the shapes graph and the
results stay rdflib terms, so that a report reads the same whichever engine made it.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import pyoxigraph as ox
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Identifier, Node

from migkg.mapping.terms import to_rdflib

RDF_TYPE = ox.NamedNode(str(RDF.type))
SUBCLASS_OF = ox.NamedNode(str(RDFS.subClassOf))
XSD_STRING = ox.NamedNode(str(XSD.string))


class Unsupported(Exception):
    """The shapes use a SHACL feature this engine does not evaluate; validate with pyshacl instead."""


def literal_of(term: ox.Literal) -> Literal:
    """:func:`to_rdflib` of a literal, typed as one."""
    return cast(Literal, to_rdflib(term))


def rdflib_order(nodes: Iterable[Node]) -> list[Identifier]:
    """Shapes-graph terms sorted as rdflib sorts them (which fixes the order of checks, and of results)."""
    return sorted(cast("Iterable[Identifier]", nodes))


