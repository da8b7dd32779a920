"""Validation results: the records the engine makes, and how they are written as SHACL (section 3.6)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from migkg.mapping.terms import Term


@dataclass(frozen=True)
class Result:
    """One sh:ValidationResult, with rdflib terms: what pyshacl would have written."""

    focus: Node
    path: Node | None
    value: Node | None
    severity: URIRef
    shape: Node
    component: URIRef
    messages: tuple[str, ...]
    source_constraint: Node | None = None
    details: tuple[Result, ...] = ()


def add_result(graph: Graph, result: Result, path_triples: Callable[[Node], Iterable[tuple[Node, Node, Node]]]) -> BNode:
    """Write a result (and its sh:detail results) into a results graph, as pyshacl does."""
    node = BNode()
    graph.add((node, RDF.type, SH.ValidationResult))
    graph.add((node, SH.sourceConstraintComponent, result.component))
    graph.add((node, SH.sourceShape, result.shape))
    graph.add((node, SH.resultSeverity, result.severity))
    graph.add((node, SH.focusNode, result.focus))
    if result.value is not None:
        graph.add((node, SH.value, result.value))
    if result.path is not None:
        graph.add((node, SH.resultPath, result.path))
        for triple in path_triples(result.path):
            graph.add(triple)
    if result.source_constraint is not None:
        graph.add((node, SH.sourceConstraint, result.source_constraint))
    for message in result.messages:
        graph.add((node, SH.resultMessage, Literal(message)))
    for detail in result.details:
        graph.add((node, SH.detail, add_result(graph, detail, path_triples)))
    return node



def fill(message: str, substitutions: dict[str, Term]) -> str:
    """An sh:message with {?var} and {$var} replaced by the bound values (as pyshacl words them)."""
    for name, term in substitutions.items():
        text = term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)
        message = re.sub(r"\{[?$]" + re.escape(name) + r"\}", lambda _match, text=text: text, message)  # type: ignore[misc]
    return message
