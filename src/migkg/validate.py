"""Validate release graphs against the SHACL shapes, one release at a time.

Each release is checked together with the registry and the vocabulary it refers to, so a
corpus costs one small validation per release. Warnings (such as a stated count that
disagrees with the listed participants) are reported but do not fail a build.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

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


@dataclass
class Report:
    issues: list[Issue] = field(default_factory=list)
    results: Graph = field(default_factory=Graph)

    @property
    def violations(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "Violation"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "Warning"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def extend(self, other: "Report") -> None:
        self.issues.extend(other.issues)
        self.issues.sort(key=lambda i: (SEVERITY_ORDER.get(i.severity, 9), i))
        for triple in other.results:
            self.results.add(triple)


def _text(graph: Graph, node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return node.n3(graph.namespace_manager) if graph.namespace_manager else str(node)
    if isinstance(node, Literal):
        return str(node)
    return node.n3()


def validate_graph(data: Graph, shapes: Graph, graph_name: str = "") -> Report:
    """Run pyshacl on one data graph (a release with its registry and vocabulary)."""
    _conforms, results, _text_report = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True,
        abort_on_first=False)
    report = Report(results=results)
    # only the top-level results: those nested under sh:detail (from sh:node value shapes)
    # explain a top-level one and are not separate problems
    top_level = [r for node in results.subjects(RDF.type, SH.ValidationReport) for r in results.objects(node, SH.result)]
    for result in top_level:
        severity = results.value(result, SH.resultSeverity)
        report.issues.append(Issue(
            severity=str(severity).removeprefix(str(SH)),
            graph=graph_name,
            focus=_text(shapes, results.value(result, SH.focusNode)),
            path=_text(shapes, results.value(result, SH.resultPath)),
            message=" ".join(str(m) for m in sorted(results.objects(result, SH.resultMessage))),
            shape=_text(shapes, results.value(result, SH.sourceShape)),
            value=_text(shapes, results.value(result, SH.value)),
        ))
    report.issues.sort(key=lambda i: (SEVERITY_ORDER.get(i.severity, 9), i))
    return report


def readable(report: Report) -> str:
    """The report as lines a person reads: severity, where, what to do."""
    if not report.issues:
        return "Conforms: no violations, no warnings."
    lines = []
    for issue in report.issues:
        where = issue.focus + (f" {issue.path}" if issue.path else "")
        lines.append(f"{issue.severity}: {where}: {issue.message}" + (f" [value: {issue.value}]" if issue.value else "")
                     + f" (shape {issue.shape})")
    lines.append(f"{len(report.violations)} violation(s), {len(report.warnings)} warning(s).")
    return "\n".join(lines)


def report_graph(report: Report) -> Graph:
    """One ``sh:ValidationReport`` for the whole dataset, joining the per-release results."""
    from rdflib import BNode
    from rdflib.namespace import XSD

    graph = Graph()
    graph.bind("sh", SH)
    node = BNode("report")
    graph.add((node, RDF.type, SH.ValidationReport))
    graph.add((node, SH.conforms, Literal(report.conforms, datatype=XSD.boolean)))
    for part in report.results.subjects(RDF.type, SH.ValidationReport):
        for result in report.results.objects(part, SH.result):
            graph.add((node, SH.result, result))
    for s, p, o in report.results:
        if p == SH.result or (p == RDF.type and o == SH.ValidationReport) or p == SH.conforms:
            continue
        graph.add((s, p, o))
    return graph
