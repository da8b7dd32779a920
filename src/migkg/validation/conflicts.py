"""Conflicts as data: what the build warns about, published as SHACL results in a graph of its own.

A warning of the build is a disagreement the data keeps rather than corrects: a release that counts
8 governments and lists 10 states, two releases that give one event two dates, two event ids that
look like one meeting. Each side stays in its release's graph as that release's claim; the build
publishes the disagreement itself in the named graph ``<base>graph/conflicts``
(:meth:`migkg.mapping.iris.Iris.conflicts_graph`), so that a query can find it and both sides.

A :class:`Conflict` is one Warning-severity :class:`~migkg.validation.shacl.Result` and its sides:
each value the disagreement is about (the result's ``sh:value``, or, for a result without one such
as ``sh:maxCount``, each value of its path) with the graphs of the releases that state it. It is
made where those are known: by the release's own validation (:func:`conflicts_in`), by the check
across releases (:mod:`migkg.validation.across`), or by the check of one event reported under two
ids (:mod:`migkg.validation.same_event`); each is plain data, kept in the build cache.

:func:`conflict_triples` writes them as plain SHACL: one ``sh:ValidationResult`` per side (SHACL
allows a result at most one ``sh:value``), with ``sh:focusNode``, ``sh:resultPath`` (an IRI path
only), ``sh:value``, ``sh:resultSeverity``, ``sh:sourceShape``, ``sh:sourceConstraintComponent``,
``sh:sourceConstraint`` (for SHACL-SPARQL), ``sh:resultMessage`` (English) and ``mig:statedIn`` for
each release graph that states the value; all held by one ``sh:ValidationReport``. There are no
blank nodes: a result is named by a short hash of what it says (focus, path, shape, component,
constraint, value), so the same disagreement has the same IRI in every build.

>>> from rdflib import Literal, URIRef
>>> from rdflib.namespace import SH
>>> result = Result(URIRef("https://example.org/kg/release/r1/claim/c"), URIRef("https://example.org/count"),
...                 Literal(8), SH.Warning, URIRef("https://example.org/shapes#Count"),
...                 SH.SPARQLConstraintComponent, ("The release counts 8.",))
>>> [conflict] = conflicts_in([result], [], "https://example.org/kg/release/r1/graph")
>>> conflict.sides
(Side(value=rdflib.term.Literal('8', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')), graphs=('https://example.org/kg/release/r1/graph',)),)
>>> triples = conflict_triples([conflict], Iris("https://example.org/kg"))
>>> sorted({s.value for s, _p, _o in triples})
['https://example.org/kg/conflict/a087a1fb9293d06e', 'https://example.org/kg/conflict/report']
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from migkg.digests import digest_of_parts
from migkg.mapping.iris import Iris
from migkg.mapping.namespaces import MIG
from migkg.mapping.terms import Object, Triple, to_ox, to_rdflib
from migkg.validation.reports import Issue
from migkg.validation.shacl import Result

#: the hexadecimal digits of a conflict's IRI: 64 bits, no collision expected among a corpus's warnings
KEY_LENGTH = 16


@dataclass(frozen=True)
class Side:
    """One side of a conflict: a value (None where there is none to name) and the graphs that state it."""

    value: Node | None
    graphs: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    """A Warning of the build (one SHACL result) and its sides."""

    result: Result
    sides: tuple[Side, ...]


@dataclass
class Findings:
    """What a check the build runs itself (not a SHACL engine) found: results, their issues, their conflicts."""

    results: list[Result] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def is_warning(result: Result) -> bool:
    return result.severity == SH.Warning


def simple_path(result: Result) -> URIRef | None:
    """The result's path where it is one predicate (an inverse or longer path is a blank node)."""
    return result.path if isinstance(result.path, URIRef) else None


def conflicts_in(results: Iterable[Result], triples: Sequence[Triple], graph: str) -> list[Conflict]:
    """The Warnings among ``results`` of validating one graph (a release's, or the registry's) as conflicts,
    every side stated in ``graph``. A result without a value (``sh:maxCount``) has a side for each value of
    its path at its focus node in ``triples``, the data that graph stated."""
    conflicts = []
    for result in results:
        if not is_warning(result):
            continue
        values: list[Node | None] = [result.value]
        path = simple_path(result)
        if path is not None and (result.value is None or isinstance(result.value, Literal)):
            focus, predicate = to_ox(result.focus), ox.NamedNode(str(path))
            stated = list(dict.fromkeys(o for s, p, o in triples if s == focus and p == predicate))
            values = [to_rdflib(o) for o in stated] if result.value is None else [as_stated(result.value, stated)]
        conflicts.append(Conflict(result, tuple(Side(value, (graph,)) for value in values or [None])))
    return conflicts


def as_stated(value: Node, stated: Iterable[ox.NamedNode | ox.Literal]) -> Node:
    """A result's value as the data states it, among the ``stated`` values of its path: a SHACL-SPARQL
    engine may give a literal of the same value with another datatype (Oxigraph groups the 8 of an
    ``xsd:nonNegativeInteger`` as an ``xsd:integer`` 8), and the published side must be the data's term, so
    that a query finds which graph states it."""
    if not isinstance(value, Literal):
        return value
    candidates = [to_rdflib(term) for term in stated if isinstance(term, ox.Literal)]
    if value in candidates:
        return value
    return next((candidate for candidate in candidates if isinstance(candidate, Literal) and candidate.eq(value)),
                value)


def side_text(result: Result, value: Node | None) -> tuple[str, ...]:
    """What one side of a result says, as text: two sides that say the same are one published result.
    A blank-node path or shape (the shapes name every shape and their paths are IRIs or inverse paths)
    is left out: its label differs from run to run, and the shape IRI or the path's shape says it."""
    return (_text(result.focus), _text(simple_path(result)), _text(result.shape), _text(result.component),
            _text(result.source_constraint), _text(value))


@functools.lru_cache(maxsize=65536)
def _text(term: Node | None) -> str:
    """A term as N-Triples (a blank node as nothing); kept for the terms met again: a corpus's thousand conflicts
    name a few dozen shapes, components and constraints, and converting each anew was a third of their graph."""
    return "" if term is None or isinstance(term, BNode) else str(to_ox(term))


def conflict_key(result: Result, value: Node | None) -> str:
    """The short stable hash a side's IRI ends with."""
    return digest_of_parts(*(part.encode() for part in side_text(result, value))).hex()[:KEY_LENGTH]


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


RDF_TYPE = _n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_BOOLEAN = _n("http://www.w3.org/2001/XMLSchema#boolean")
STATED_IN = _n(str(MIG.statedIn))
#: the SHACL terms of a published result, made once
_SH = {name: _n(str(SH[name])) for name in ("ValidationReport", "conforms", "result", "ValidationResult",
                                             "resultSeverity", "sourceConstraintComponent", "focusNode", "resultPath",
                                             "value", "sourceShape", "sourceConstraint", "resultMessage")}


def conflict_triples(conflicts: Iterable[Conflict], iris: Iris) -> list[Triple]:
    """The conflicts graph: each side of each conflict an ``sh:ValidationResult``, all held by one
    ``sh:ValidationReport`` (``sh:conforms`` false when it holds any result, as SHACL defines it).
    Sides that say the same (see :func:`side_text`) are one result, stated in the graphs of all of them."""
    nodes: dict[str, tuple[Result, Node | None, dict[str, None], dict[str, None]]] = {}
    for conflict in conflicts:
        for side in conflict.sides:
            key = conflict_key(conflict.result, side.value)
            _result, _value, graphs, messages = nodes.setdefault(key, (conflict.result, side.value, {}, {}))
            graphs.update(dict.fromkeys(side.graphs))
            messages.update(dict.fromkeys(conflict.result.messages))
    report = iris.conflicts_report()
    triples: list[Triple] = [(report, RDF_TYPE, _SH["ValidationReport"]),
                             (report, _SH["conforms"], ox.Literal("false" if nodes else "true", datatype=XSD_BOOLEAN))]
    for key, (result, value, graphs, messages) in sorted(nodes.items()):
        node = iris.conflict(key)
        triples += [(report, _SH["result"], node), (node, RDF_TYPE, _SH["ValidationResult"]),
                    (node, _SH["resultSeverity"], _n(str(result.severity))),
                    (node, _SH["sourceConstraintComponent"], _n(str(result.component)))]
        focus = _object(result.focus)
        if focus is not None:
            triples.append((node, _SH["focusNode"], focus))
        path = simple_path(result)
        if path is not None:
            triples.append((node, _SH["resultPath"], _n(str(path))))
        for name, term in (("value", value), ("sourceShape", result.shape), ("sourceConstraint", result.source_constraint)):
            published = _object(term) if name == "value" else (_n(str(term)) if isinstance(term, URIRef) else None)
            if published is not None:
                triples.append((node, _SH[name], published))
        triples += [(node, _SH["resultMessage"], ox.Literal(message, language="en")) for message in messages]
        triples += [(node, STATED_IN, _n(graph)) for graph in sorted(graphs)]
    return triples


def _object(term: Node | None) -> Object | None:
    """A data term as the published graph may hold it (an IRI or a literal; never a blank node)."""
    if term is None:
        return None
    converted = to_ox(term)
    return converted if isinstance(converted, (ox.NamedNode, ox.Literal)) else None
