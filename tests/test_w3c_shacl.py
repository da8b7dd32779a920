"""The W3C SHACL test suite (Core and SHACL-SPARQL), run against our engines.

The suite is copied unchanged under ``tests/w3c-shacl/`` (see its ORIGIN.md). Each ``sht:Validate``
entry of its manifests is one case: a data graph, a shapes graph and the expected
``sh:ValidationReport``. If the compiled engine (:mod:`migkg.validation.shacl`) accepts the shapes,
its report must be the expected one; if it declines them (:class:`Unsupported`), the build would
validate with pyshacl, so pyshacl must pass the case. A report matches when ``sh:conforms`` agrees
and the results, as a set of (focus node, path, value, source constraint component, severity),
are the same; blank nodes are compared by their structure, not by their labels.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, Namespace
from rdflib.term import Node

from migkg.mapping.terms import to_ox
from migkg.validation.shacl import Unsupported, Validator, compile_shapes, whole_graph_view

SUITE = Path(__file__).resolve().parent / "w3c-shacl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")

#: cases pyshacl (the fallback) is known to get wrong, with the reason; each is checked to still fail
PYSHACL_KNOWN_FAILURES: dict[str, str] = {
    "sparql/pre-binding/shapesGraph-001": "pyshacl does not bind $shapesGraph (SHACL 5.3.1 leaves it optional); "
                                          "the compiled engine declines it too",
}
#: cases the compiled engine accepts but gets wrong, with the reason; each is checked to still fail
COMPILED_KNOWN_FAILURES: dict[str, str] = {
    "core/property/or-datatypes-001": 'rdflib reads the ill-formed "none"^^xsd:boolean as "false" (marked '
                                      "ill-typed); the bridge to pyoxigraph (to_ox) keeps the lexical form only, "
                                      "so the value looks well-formed to the compiled engine",
    "core/property/uniqueLang-002": 'rdflib normalises "1"^^xsd:boolean to "true" when it parses the shapes, '
                                    "so sh:uniqueLang reads true and is active (pyshacl, on the same parse, fails too)",
}

#: files of the suite that its own manifests do not list (so the suite does not run them either)
NOT_IN_THE_MANIFESTS = {"sparql/component/nodeValidator-001.ttl"}  # its folder's manifest.ttl omits it


@dataclass(frozen=True)
class Case:
    """One sht:Validate entry: where its graphs are and what report it expects."""

    name: str
    status: str
    manifest: Path
    data_file: Path
    shapes_file: Path
    expected_conforms: bool
    expected_rows: frozenset
    expects_failure: bool = False  # mf:result sht:Failure: the engine must refuse the shapes, not report


def _file_of(iri: Node) -> Path:
    return Path(str(iri).removeprefix("file://"))


def _parse(path: Path) -> Graph:
    with warnings.catch_warnings():  # or-datatypes-001 has "none"^^xsd:boolean on purpose
        warnings.filterwarnings("ignore", "Parsing weird boolean")
        return Graph().parse(path, format="turtle", publicID=path.as_uri())


def canonical(graph: Graph, node: Node | None, depth: int = 0) -> object:
    """A term as a comparable value: IRIs and literals as they are, a blank node by what it says
    (its predicates and their objects, lists as tuples), so that labels do not matter."""
    if node is None or not isinstance(node, BNode):
        return node
    if depth > 8:
        return "_:deep"
    if (node, RDF.first, None) in graph:
        return ("list", tuple(canonical(graph, item, depth + 1) for item in Collection(graph, node)))
    return ("_", frozenset((p, canonical(graph, o, depth + 1)) for p, o in graph.predicate_objects(node)))


def _row(graph: Graph, focus, path, value, component, severity, data: Graph | None = None) -> tuple:
    where = data if data is not None else graph
    return (canonical(where, focus), canonical(graph, path), canonical(where, value), component, severity)


def _manifest_cases(manifest: Path) -> list[Case]:
    graph = _parse(manifest)
    cases: list[Case] = []
    for included in graph.objects(None, MF.include):
        cases += _manifest_cases(_file_of(included))
    for entries in graph.objects(None, MF.entries):
        for entry in Collection(graph, entries):
            if (entry, RDF.type, SHT.Validate) not in graph:
                continue
            action = graph.value(entry, MF.action)
            data_file = _file_of(graph.value(action, SHT.dataGraph))
            shapes_file = _file_of(graph.value(action, SHT.shapesGraph))
            report = graph.value(entry, MF.result)
            conforms = graph.value(report, SH.conforms)
            data = _parse(data_file) if data_file != manifest else graph
            rows = frozenset(
                _row(graph, graph.value(r, SH.focusNode), graph.value(r, SH.resultPath), graph.value(r, SH.value),
                     graph.value(r, SH.sourceConstraintComponent), graph.value(r, SH.resultSeverity), data)
                for r in graph.objects(report, SH.result))
            name = str(entry).removeprefix(SUITE.as_uri() + "/")
            status = str(graph.value(entry, MF.status) or "").removeprefix(str(SHT))
            cases.append(Case(name, status, manifest, data_file, shapes_file,
                              isinstance(conforms, Literal) and conforms.toPython() is True, rows,
                              report == SHT.Failure))
    return cases


CASES = _manifest_cases(SUITE / "manifest.ttl")


def by_compiled_engine(data: Graph, shapes: Graph) -> tuple[bool, frozenset]:
    """(conforms, result rows) from our compiled engine; :class:`Unsupported` if it declines the shapes."""
    compiled = compile_shapes(shapes, require_messages=False)
    triples = [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in data]
    results = Validator(compiled).validate(whole_graph_view(triples, compiled))
    rows = frozenset(_row(shapes, r.focus, r.path, r.value, r.component, r.severity, data) for r in results)
    return not results, rows


class Failed(Exception):
    """The engine refused to validate (a SHACL validation failure, or an error of its own)."""


def by_pyshacl(data: Graph, shapes: Graph) -> tuple[bool, frozenset]:
    """(conforms, result rows) from pyshacl, the fallback engine, on the same graphs; :class:`Failed` if it refuses."""
    import pyshacl
    from pyshacl.errors import ReportableRuntimeError, ValidationFailure

    try:
        conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                                   abort_on_first=False)
    except (ReportableRuntimeError, NotImplementedError) as error:
        raise Failed(f"pyshacl: {error}") from error
    if isinstance(report, ValidationFailure):
        raise Failed(f"pyshacl: {report}")
    rows = frozenset(
        _row(report, report.value(r, SH.focusNode), report.value(r, SH.resultPath), report.value(r, SH.value),
             report.value(r, SH.sourceConstraintComponent), report.value(r, SH.resultSeverity), data)
        for top in report.subjects(RDF.type, SH.ValidationReport) for r in report.objects(top, SH.result))
    return bool(conforms), rows


def run_case(case: Case) -> tuple[str, bool, frozenset]:
    """Which engine validated the case ('compiled' or 'pyshacl'), and its conforms and rows
    (:class:`Failed` if the fallback refuses the shapes)."""
    data = _parse(case.data_file)
    shapes = data if case.shapes_file == case.data_file else _parse(case.shapes_file)
    try:
        return ("compiled", *by_compiled_engine(data, shapes))
    except Unsupported:
        return ("pyshacl", *by_pyshacl(data, shapes))


def test_the_manifests_list_the_whole_suite():
    """Every test file of the copied suite is reached from the top manifest (none is silently left out)."""
    assert len(CASES) >= 120
    listed = {case.data_file for case in CASES} | {case.shapes_file for case in CASES} \
        | {case.manifest for case in CASES}
    on_disk = {p for p in SUITE.rglob("*.ttl") if p.name != "manifest.ttl"}
    assert {str(p.relative_to(SUITE)) for p in on_disk - listed} == NOT_IN_THE_MANIFESTS


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_w3c_case(case: Case):
    if case.expects_failure:
        with pytest.raises(Unsupported):  # the compiled engine declines such shapes ...
            by_compiled_engine(_parse(case.data_file), _parse(case.shapes_file))
        with pytest.raises(Failed):  # ... and pyshacl, the fallback, refuses them
            run_case(case)
        return
    try:
        engine, conforms, rows = run_case(case)
    except Failed:
        assert case.name in PYSHACL_KNOWN_FAILURES, "pyshacl refused to validate"
        return
    if engine == "compiled" and case.name in COMPILED_KNOWN_FAILURES:
        assert (conforms, rows) != (case.expected_conforms, case.expected_rows), \
            f"the compiled engine passes {case.name} now: take it off COMPILED_KNOWN_FAILURES"
        return
    if engine == "pyshacl" and case.name in PYSHACL_KNOWN_FAILURES:
        assert (conforms, rows) != (case.expected_conforms, case.expected_rows), \
            f"pyshacl passes {case.name} now: take it off PYSHACL_KNOWN_FAILURES"
        return
    assert conforms == case.expected_conforms, f"{engine}: sh:conforms"
    assert rows == case.expected_rows, f"{engine}: results differ"
