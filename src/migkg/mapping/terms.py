"""The RDF terms migkg works in, and the one converter between pyoxigraph and rdflib.

pyoxigraph terms are what the build maps to, derives from, validates and serialises; rdflib
terms remain only at the edges that need an rdflib graph (the ontology and the shapes as
parsed, the in-memory build's graphs, pySHACL, tests). Every conversion between the two goes
through :func:`to_ox` and :func:`to_rdflib`, so a literal is normalised the same way everywhere.

>>> from rdflib import BNode, Graph, Literal, URIRef
>>> to_ox(Literal("Алматы", lang="ru"))
<Literal value=Алматы language=ru>
>>> to_ox(URIRef("https://w3id.org/migkg/place/almaty"))
<NamedNode value=https://w3id.org/migkg/place/almaty>
>>> to_rdflib(to_ox(Literal("x"))) == Literal("x")
True
>>> to_ox(BNode("shape1"))
<BlankNode value=shape1>
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, TypeAlias

import pyoxigraph as ox

from migkg.errors import MigkgError

if TYPE_CHECKING:  # rdflib loads where a conversion needs it, not for a query's answer (the command line's start-up)
    from rdflib import Graph
    from rdflib.term import Node

Term: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal
"""Any RDF term: an IRI, a blank node (the shapes graph has them), or a literal."""

Object: TypeAlias = ox.NamedNode | ox.Literal
"""What a triple of the data can point to: the published dataset has no blank nodes."""

Triple: TypeAlias = tuple[ox.NamedNode, ox.NamedNode, Object]
"""A triple of the data, as the mapping makes it: subject and predicate are IRIs, the object an IRI or a literal."""

XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


@lru_cache(maxsize=1 << 16)
def iri(value: str) -> ox.NamedNode:
    """An IRI as a pyoxigraph term; cached, so the vocabulary's terms are made once."""
    return ox.NamedNode(value)


def literal(text: str, language: str | None = None) -> ox.Literal:
    """A plain string literal, or a language-tagged one where ``language`` is given."""
    return ox.Literal(text, language=language) if language else ox.Literal(text)


def typed(text: str, datatype: ox.NamedNode) -> ox.Literal:
    """A literal of ``datatype`` whose lexical form is ``text``."""
    return ox.Literal(text, datatype=datatype)


def to_ox(term: Node) -> Term:
    """An rdflib term as a pyoxigraph term.

    A literal keeps its language or its datatype; a literal with neither is an ``xsd:string``
    (as RDF 1.1 says and as pyoxigraph makes it). A blank node keeps its id, so the nodes of one
    rdflib graph stay the same nodes (the shapes graph's paths and lists are blank nodes). Whether
    a blank node may appear at all is the caller's rule: see :func:`ground`.
    """
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise MigkgError(f"cannot convert {term!r} to an RDF term: only IRIs, blank nodes and literals are data.")


@lru_cache(maxsize=1 << 16)
def to_rdflib(term: Term) -> Node:
    """A pyoxigraph term as rdflib makes it: an ``xsd:string`` literal becomes a plain one
    (``Literal("x")``, which rdflib does not count equal to ``Literal("x", datatype=XSD.string)``)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return BNode(term.value)


def ground(term: Term) -> Object:
    """``term`` where a node of the published data is expected; a blank node is refused (every node needs an IRI)."""
    if isinstance(term, ox.BlankNode):
        raise MigkgError(f"a blank node ({term}) reached the published dataset; every node needs an IRI.")
    return term


def quads(graphs: Mapping[Node, Graph]) -> Iterator[ox.Quad]:
    """Every triple of each named rdflib graph (name -> graph), as a pyoxigraph quad in that graph; a blank
    node is refused, as in the published dataset (how the in-memory build is compared with written files)."""
    for name, graph in graphs.items():
        graph_name = ox.NamedNode(str(name))
        for s, p, o in graph:
            subject = ground(to_ox(s))
            if not isinstance(subject, ox.NamedNode):
                raise MigkgError(f"a literal ({subject}) stands as a subject; RDF allows IRIs only there.")
            yield ox.Quad(subject, ox.NamedNode(str(p)), ground(to_ox(o)), graph_name)
