"""Validation reports: SHACL results flattened for people, and the sh:ValidationReport.

The build validates with the compiled shapes of :mod:`migkg.validation.shacl` (the registry and the
vocabulary once, then each release's own nodes); :func:`validate_graph` runs pyshacl on a
whole graph, the reference that the compiled shapes are tested against. Warnings (such as a
stated count that disagrees with the listed participants) are reported but do not fail a build.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from migkg.mapping.terms import Term, to_rdflib
from migkg.validation.shacl import Result, Shapes, add_result, rdflib_order

SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True, order=True)
class Issue:
    """One SHACL result, flattened for people: where, what, how bad."""

    severity: str
    graph: str
    focus: str
    path: str
    message: str
    shape: str
    value: str = ""
    where: str = ""  # the input that stated the focus node: ``card.yaml:255: claims[0]`` (migkg.validation.card_locations)


@dataclass
class Report:
    """The issues, and the sh:ValidationResult nodes behind them (a graph, built when asked for)."""

    issues: list[Issue] = field(default_factory=list)
    _graphs: list[Graph] = field(default_factory=list, repr=False)
    _results: list[Result] = field(default_factory=list, repr=False)
    _paths: Graph | None = field(default=None, repr=False)

    @property
    def results(self) -> Graph:
        """Every result as pyshacl writes them (sh:ValidationReport nodes holding sh:result)."""
        graph = Graph()
        for part in self._graphs:
            graph += part
        if self._results:
            report = BNode()
            graph.add((report, RDF.type, SH.ValidationReport))
            for result in self._results:
                graph.add((report, SH.result, add_result(graph, result, self._path_triples)))
        return graph

    def _path_triples(self, path: Node) -> Iterable[tuple[Node, Node, Node]]:
        if isinstance(path, BNode) and self._paths is not None:
            return list(self._paths.triples((path, None, None)))
        return []

    @property
    def violations(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "Violation"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "Warning"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def add_results(self, results: Iterable[Result]) -> None:
        """Add the results behind issues the caller keeps in :attr:`issues` itself (a build's, part by part)."""
        self._results.extend(results)

    def extend(self, other: Report) -> None:
        self.issues.extend(other.issues)
        self.issues.sort(key=issue_order)
        self._graphs.extend(other._graphs)
        self._results.extend(other._results)
        self._paths = self._paths if self._paths is not None else other._paths


def issue_order(issue: Issue) -> tuple[int, Issue]:
    return (SEVERITY_ORDER.get(issue.severity, 9), issue)


def _text(graph: Graph, node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return node.n3(graph.namespace_manager) if graph.namespace_manager else str(node)
    if isinstance(node, Literal):
        return str(node)
    return node.n3()


def _path_text(shapes: Graph, results: Graph | None, path: Node | None) -> str:
    """A result path as text; an inverse path as ``^prefix:name`` (not a blank node id, which differs per run)."""
    if isinstance(path, BNode):
        for graph in (results, shapes):
            inverse = graph.value(path, SH.inversePath) if graph is not None else None
            if inverse is not None:
                return "^" + _text(shapes, inverse)
    return _text(shapes, path)


def issue_of_focus(shapes: Graph, node: Node | Term) -> str:
    """A focus node (rdflib or pyoxigraph term) as :class:`Issue` names it."""
    return _text(shapes, node if isinstance(node, Node) else to_rdflib(node))


def issue_of(result: Result, shapes: Graph, graph_name: str = "") -> Issue:
    """A compiled-shapes result as an :class:`Issue`, worded as :func:`validate_graph` words pyshacl's."""
    return Issue(severity=str(result.severity).removeprefix(str(SH)), graph=graph_name,
                 focus=issue_of_focus(shapes, result.focus), path=_path_text(shapes, None, result.path),
                 message=" ".join(sorted(set(result.messages))), shape=_text(shapes, result.shape),
                 value=_text(shapes, result.value))


def report_of(results: list[Result], shapes: Graph, graph_name: str = "") -> Report:
    report = Report(issues=sorted((issue_of(r, shapes, graph_name) for r in results), key=issue_order))
    report._results = list(results)
    report._paths = shapes
    return report


def validate_graph(data: Graph, shapes: Graph, graph_name: str = "") -> Report:
    """Run pyshacl on one data graph (a release with its registry and vocabulary): the reference engine."""
    import pyshacl

    _conforms, results, _text_report = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True,
        abort_on_first=False)
    report = Report(_graphs=[results], _paths=shapes)  # the shapes name blank-node paths (see results_of)
    # only the top-level results: those nested under sh:detail (from sh:node value shapes)
    # explain a top-level one and are not separate problems
    top_level = [r for node in results.subjects(RDF.type, SH.ValidationReport) for r in results.objects(node, SH.result)]
    for result in top_level:
        severity = results.value(result, SH.resultSeverity)
        report.issues.append(Issue(
            severity=str(severity).removeprefix(str(SH)),
            graph=graph_name,
            focus=_text(shapes, results.value(result, SH.focusNode)),
            path=_path_text(shapes, results, results.value(result, SH.resultPath)),
            message=" ".join(str(m) for m in sorted(results.objects(result, SH.resultMessage))),
            shape=_text(shapes, results.value(result, SH.sourceShape)),
            value=_text(shapes, results.value(result, SH.value)),
        ))
    report.issues.sort(key=issue_order)
    return report


def validate_graph_compiled(data: Graph, shapes: Graph, graph_name: str = "", compiled: Shapes | None = None) -> Report:
    """The same as :func:`validate_graph`, with the compiled shapes of :mod:`migkg.validation.shacl` (all of the graph's
    nodes); ``compiled``: the shapes already compiled, for a caller that validates many graphs with them."""
    from migkg.mapping.terms import to_ox
    from migkg.validation.native_checks import NATIVE_CHECKS
    from migkg.validation.shacl import Validator, compile_shapes, whole_graph_view

    compiled = compiled if compiled is not None else compile_shapes(shapes, natives=NATIVE_CHECKS)
    triples = [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in data]
    return report_of(Validator(compiled).validate(whole_graph_view(triples, compiled)), shapes, graph_name)


def _across(issue: Issue) -> str:
    """For an issue found across releases (its graph names several), which releases state the values."""
    graphs = issue.graph.split()
    if len(graphs) < 2:
        return ""
    ids = [g.removesuffix("/graph").rsplit("/", 1)[-1] for g in graphs]
    shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
    return f" [found across releases: stated by {shown}]"


def readable(report: Report) -> str:
    """The report as lines a person reads: severity, where (the card entry first, where known), what to do."""
    if not report.issues:
        return "Conforms: no violations, no warnings."
    lines = []
    for issue in report.issues:
        where = (f"{issue.where}: " if issue.where else "") + issue.focus + (f" {issue.path}" if issue.path else "")
        lines.append(f"{issue.severity}: {where}: {issue.message}" + (f" [value: {issue.value}]" if issue.value else "")
                     + f" (shape {issue.shape})" + _across(issue))
    lines.append(f"{len(report.violations)} violation(s), {len(report.warnings)} warning(s).")
    return "\n".join(lines)


def report_graph(report: Report) -> Graph:
    """One ``sh:ValidationReport`` for the whole dataset, joining the per-release results."""
    from rdflib.namespace import XSD

    graph = Graph()
    graph.bind("sh", SH)
    node = BNode("report")
    graph.add((node, RDF.type, SH.ValidationReport))
    graph.add((node, SH.conforms, Literal(report.conforms, datatype=XSD.boolean)))
    results = report.results
    for part in results.subjects(RDF.type, SH.ValidationReport):
        for result in results.objects(part, SH.result):
            graph.add((node, SH.result, result))
    for s, p, o in results:
        if p == SH.result or (p == RDF.type and o == SH.ValidationReport) or p == SH.conforms:
            continue
        graph.add((s, p, o))
    return graph


def results_of(report: Report) -> list[Result]:
    """pyshacl's top-level results as :class:`migkg.validation.shacl.Result` records (for the pyshacl fallback).

    pyshacl writes a copy of a blank-node path (``[sh:inversePath nif:sourceUrl]``) into its report;
    a result names the path as the shapes graph has it (its source shape's ``sh:path``), as the
    compiled engine does, so that :func:`issue_of` reads it (``^nif:sourceUrl``) whichever engine ran.
    """
    results, shapes = report.results, report._paths

    def shapes_path(shape: Node, path: Node | None) -> Node | None:
        if not isinstance(path, BNode):
            return path
        return shapes.value(shape, SH.path) if shapes is not None else None

    def convert(node: Node) -> Result:
        shape = cast(Node, results.value(node, SH.sourceShape))
        details = tuple(convert(d) for d in rdflib_order(results.objects(node, SH.detail)))
        return Result(cast(Node, results.value(node, SH.focusNode)), shapes_path(shape, results.value(node, SH.resultPath)),
                      results.value(node, SH.value), cast(URIRef, results.value(node, SH.resultSeverity)), shape,
                      cast(URIRef, results.value(node, SH.sourceConstraintComponent)),
                      tuple(sorted(str(m) for m in results.objects(node, SH.resultMessage))),
                      results.value(node, SH.sourceConstraint), details)

    out = []
    for top in results.subjects(RDF.type, SH.ValidationReport):
        for node in results.objects(top, SH.result):
            out.append(convert(node))
    return out
