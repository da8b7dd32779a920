"""SHACL-SPARQL constraints (SHACL 5): sh:sparql with sh:select, run on Oxigraph with $this pre-bound.

The SELECT text stays in the shapes graph as its published definition; the compiled engine runs it
as it is, once per focus node. Pre-bound variables other than $this ($PATH, $shapesGraph,
$currentShape) and ?failure are declined (``Unsupported``): pyshacl evaluates those.
"""
from __future__ import annotations

import re

from rdflib import Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from migkg.validation.shacl.model import Shape, SparqlSpec
from migkg.validation.shacl.results import Result, fill
from migkg.validation.shacl.terms import Term, Unsupported, to_rdflib


def compile_sparql(graph: Graph, node: Node) -> SparqlSpec:
    """One sh:sparql constraint as a query text with its declared prefixes."""
    select = graph.value(node, SH.select)
    if select is None or (node, SH.deactivated, Literal(True)) in graph:
        raise Unsupported(f"{node.n3()}: only sh:select SPARQL constraints")
    if re.search(r"[$?](PATH|shapesGraph|currentShape|failure)\b", str(select)):
        raise Unsupported(f"{node.n3()}: $PATH, $shapesGraph, $currentShape and ?failure are not evaluated here")
    prefixes = []
    for source in graph.objects(node, SH.prefixes):
        for declaration in graph.objects(source, SH.declare):
            prefixes.append(f"PREFIX {graph.value(declaration, SH.prefix)}: <{graph.value(declaration, SH.namespace)}>")
    query = "\n".join([*sorted(prefixes), str(select)])
    return SparqlSpec(node, query, tuple(sorted(graph.objects(node, SH.message))))


def evaluate_sparql(shape: Shape, spec: SparqlSpec, focus: Term, view) -> list[Result]:
    """The results of one SPARQL constraint on one focus node: a result per distinct solution row."""
    rows = view.select(spec.query, {"this": focus})
    violations: list[tuple] = []
    for row in rows:
        bound = dict(row)
        p, v, t = bound.pop("path", None), bound.pop("value", None), bound.pop("this", None)
        if p is None and v is None and t is None:
            continue
        key = (t, p, v, tuple(sorted(bound.items(), key=lambda kv: kv[0])))
        if key not in violations:
            violations.append(key)
    out = []
    for t, p, bound_value, others in violations:
        v = focus if bound_value is None and not shape.is_property else bound_value
        substitutions = dict(others)
        for name, term in (("this", t), ("path", p), ("value", v)):
            if term is not None:
                substitutions[name] = term
        messages = {fill(str(m), substitutions) for m in (*shape.messages, *spec.messages)}
        path = to_rdflib(p) if p is not None else (shape.path.node if shape.path else None)
        out.append(Result(to_rdflib(t if t is not None else focus), path, to_rdflib(v) if v is not None else None,
                          shape.severity, shape.node, SH.SPARQLConstraintComponent, tuple(sorted(messages)),
                          spec.node))
    return out
