"""SHACL-SPARQL constraints (SHACL 5): sh:sparql with sh:select, run on Oxigraph with $this pre-bound.

The SELECT text stays in the shapes graph as its published definition; the compiled engine runs it
as it is, once per focus node. Pre-bound variables other than $this ($PATH, $shapesGraph,
$currentShape) and ?failure are declined (``Unsupported``): pyshacl evaluates those.

A caller may give, for a constraint, its answer in Python (:class:`~.model.NativeSparql`) for one exact
text of its SELECT: the engine then asks it first, and runs the SPARQL only where it declines (returns None).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from rdflib import Graph, Literal
from rdflib.namespace import OWL, SH
from rdflib.term import Node

from migkg.mapping.terms import Term, to_rdflib
from migkg.validation.shacl.index import View
from migkg.validation.shacl.model import NativeSparql, Shape, SparqlSpec
from migkg.validation.shacl.results import Result, fill
from migkg.validation.shacl.terms import Unsupported, rdflib_order

#: what SHACL 5.3.1 forbids in a query with pre-bound variables (a validation failure in pyshacl)
_FORBIDDEN = re.compile(r"\b(MINUS|SERVICE|VALUES)\b|\bAS\s+[$?](this|currentShape|shapesGraph)\b", re.IGNORECASE)
#: where SHACL's pre-binding (the variable replaced everywhere) and Oxigraph's substitutions (a binding
#: joined with the pattern) differ: a group that is only a FILTER, and a BIND that reads $this
_BINDING_DIFFERS = re.compile(r"\{\s*FILTER\b|\bBIND\s*\([^)]*[$?]this\b", re.IGNORECASE)
_SUBQUERY = re.compile(r"\{\s*SELECT\b([^{]*)\{", re.IGNORECASE)


def _check_prebinding(node: Node, text: str) -> None:
    """Decline a query whose $this binding Oxigraph would not evaluate as SHACL pre-binding defines it."""
    if _FORBIDDEN.search(text):
        raise Unsupported(f"{node.n3()}: MINUS, SERVICE, VALUES or AS on a pre-bound variable (SHACL 5.3.1)")
    if _BINDING_DIFFERS.search(text):
        raise Unsupported(f"{node.n3()}: $this in a FILTER-only group or a BIND")
    for projection in _SUBQUERY.findall(text):
        if not re.search(r"[$?]this\b", projection):
            raise Unsupported(f"{node.n3()}: a subquery that does not return $this (SHACL 5.3.1)")


def _prefix_sources(graph: Graph, node: Node) -> list[Node]:
    """The nodes whose sh:declare apply: the values of sh:prefixes and what they owl:imports, transitively."""
    found: list[Node] = []
    todo = list(graph.objects(node, SH.prefixes))
    while todo:
        source = todo.pop()
        if source not in found:
            found.append(source)
            todo += list(graph.objects(source, OWL.imports))
    return found


def query_sha256(query: str) -> str:
    """The SHA-256 of a constraint's query as compiled (its declared prefixes, then its ``sh:select`` as the
    shapes graph has it): what a :class:`NativeSparql` names."""
    return hashlib.sha256(query.encode("utf-8")).hexdigest()


def compile_sparql(graph: Graph, node: Node, natives: Mapping[Node, NativeSparql] | None = None) -> SparqlSpec:
    """One sh:sparql constraint as a query text with its declared prefixes, and its answer in Python where
    ``natives`` has one for this constraint and exactly this text."""
    select = graph.value(node, SH.select)
    if select is None or (node, SH.deactivated, Literal(True)) in graph:
        raise Unsupported(f"{node.n3()}: only sh:select SPARQL constraints")
    if re.search(r"[$?](PATH|shapesGraph|currentShape|failure)\b", str(select)):
        raise Unsupported(f"{node.n3()}: $PATH, $shapesGraph, $currentShape and ?failure are not evaluated here")
    _check_prebinding(node, str(select))
    prefixes = []
    for source in _prefix_sources(graph, node):
        for declaration in graph.objects(source, SH.declare):
            prefixes.append(f"PREFIX {graph.value(declaration, SH.prefix)}: <{graph.value(declaration, SH.namespace)}>")
    query = "\n".join([*sorted(set(prefixes)), str(select)])
    messages = tuple(m for m in rdflib_order(graph.objects(node, SH.message)) if isinstance(m, Literal))
    native = (natives or {}).get(node)
    rows = native.rows if native is not None and native.query_sha256 == query_sha256(query) else None
    return SparqlSpec(node, query, messages, rows)


def evaluate_sparql(shape: Shape, spec: SparqlSpec, focus: Term, view: View) -> list[Result]:
    """The results of one SPARQL constraint on one focus node: a result per distinct solution row."""
    rows = spec.native(view, {"this": focus}) if spec.native is not None else None
    if rows is None:
        rows = view.select(spec.query, {"this": focus})
    violations: list[tuple[Term | None, Term | None, Term | None, tuple[tuple[str, Term], ...]]] = []
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
