"""The compiled shapes (migkg.validation.shacl) report exactly what pyshacl reports.

The build validates with the compiled shapes, for speed; pyshacl is the reference. Every violation
case of tests/shape_cases.py (the mutation table, one or more per node shape) is run through both,
and the issues must be the same: severity, focus node, path, message, shape and value, as many times.
The same pyshacl report of a case also shows that the case's node shape catches it (a result of that
shape, or of the shape applying it, about the case's node, with a message of shapes.ttl): pyshacl runs
once per case for both checks. So are the issues of real synthetic releases, and a shapes file with a
feature the compiled engine lacks makes the build fall back to pyshacl.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import SH, XSD

from migkg import synthetic
from migkg.build.pipeline import Toolkit, build_dataset
from migkg.mapping.namespaces import MIG
from migkg.mapping.terms import to_rdflib
from migkg.validation.reports import Report, report_of, results_of, validate_graph, validate_graph_compiled
from migkg.validation.shacl import Unsupported, compile_shapes
from tests.shape_cases import (
    CASES,
    LACKING_SHAPE,
    WELL_FORMED,
    Seed,
    load_seed,
    message_template,
    reported_by,
    shape,
)

ROOT = Path(__file__).resolve().parents[1]


def said(report) -> list[tuple]:
    return [(i.severity, i.focus, i.path, i.message, i.shape, i.value) for i in report.issues]


@pytest.fixture(scope="module")
def seed() -> Seed:
    return load_seed()


@pytest.fixture(scope="module")
def reports() -> dict[frozenset, Report]:
    """pyshacl's report of each data graph the cases make, by the graph's triples: a few cases of two shapes make
    the same graph (a role that is a topic: the participation's shape and the role concept's shape report it)."""
    return {}


def test_the_seed_gets_the_same_report(seed):
    assert said(validate_graph_compiled(seed.copy(), seed.shapes, compiled=seed.compiled)) == said(validate_graph(seed.copy(), seed.shapes))


@pytest.mark.parametrize("shape_name, case", [pytest.param(name, case, id=f"{name}-{case.name}")
                                              for name, cases in CASES.items() for case in cases])
def test_the_shape_reports_its_case_and_both_engines_agree(seed, reports, shape_name, case):
    """pyshacl reports the case from its shape, with a message of shapes.ttl; the compiled engine gives the
    same issues (one pyshacl run serves both checks, and the cases that make the same graph)."""
    graph = seed.copy()
    focus = case.mutate(graph, seed.nodes)
    triples = frozenset(graph)
    if triples not in reports:
        reports[triples] = validate_graph(graph, seed.shapes)
    report = reports[triples]
    found = reported_by(seed, report, shape(shape_name), focus, case.severity)
    assert found, (f"{shape_name} did not report a {case.severity} on {seed.name(focus)}; got:\n"
                   + "\n".join(f"{i.severity} {i.focus} {i.shape}: {i.message}" for i in report.issues))
    templates = [message_template(m) for m in seed.shapes.objects(None, SH.message)]
    for issue in found:
        assert any(t.fullmatch(issue.message) for t in templates), \
            f"not a message of shapes.ttl (a constraint without its own sh:message?): {issue.message}"
    assert said(validate_graph_compiled(graph, seed.shapes, compiled=seed.compiled)) == said(report)


def test_the_seed_with_a_node_of_every_new_kind_conforms_and_both_engines_agree(seed):
    """The well-formed nodes the cases of issue 12's shapes start from (tests/shape_cases.py WELL_FORMED), all
    at once: pyshacl gives the seed's one warning and no more, and the compiled engine the same."""
    graph = seed.copy()
    for build in WELL_FORMED.values():
        build(graph, seed.nodes)
    report = validate_graph(graph, seed.shapes)
    assert [(i.severity, i.focus, i.shape) for i in report.issues] == \
        [("Warning", seed.name(seed.nodes.count_claim), seed.name(shape("CountClaim-matches")))]
    assert said(validate_graph_compiled(graph, seed.shapes, compiled=seed.compiled)) == said(report)


def test_the_fallback_names_an_inverse_path_as_the_compiled_engine_does(seed):
    """The build's pyshacl fallback turns pyshacl's report into results (``results_of``) and words them
    with the shapes (``report_of``): an inverse path must read ``^nif:sourceUrl`` there too, not ''."""
    graph = seed.copy()
    no_text = next(case for case in CASES["ContextShape"] + CASES["PressReleaseShape"]
                   if case.name == "no-release")
    no_text.mutate(graph, seed.nodes)
    by_fallback = said(report_of(results_of(validate_graph(graph, seed.shapes)), seed.shapes))
    assert any(path == "^nif:sourceUrl" for _severity, _focus, path, *_rest in by_fallback)
    assert by_fallback == said(validate_graph_compiled(graph, seed.shapes, compiled=seed.compiled))


def test_synthetic_releases_get_the_report_pyshacl_gives(tmp_path: Path):
    data = synthetic.generate(tmp_path / "data", 6, seed=12)  # counts that disagree, and most new kinds of entry
    result = build_dataset(data)
    registry = result.graphs[to_rdflib(result.toolkit.iris.registry_graph())]
    assert result.report.warnings, "the corpus should hold a count that disagrees with its participants"
    for release in result.releases:
        union = Graph()
        for part in (release.facts, release.derived, registry, result.toolkit.vocabulary.graph):
            union += part
        expected = said(validate_graph(union, result.toolkit.shapes))
        graph = result.toolkit.iris.release_graph(release.release_id).value
        found = [(i.severity, i.focus, i.path, i.message, i.shape, i.value)
                 for i in result.report.issues if i.graph == graph]
        assert found == expected, release.release_id


def test_shapes_the_compiled_engine_lacks_fall_back_to_pyshacl(tmp_path: Path):
    ontology = Path(shutil.copytree(ROOT / "ontology", tmp_path / "ontology"))
    shapes = ontology / "shapes.ttl"
    shapes.write_text(shapes.read_text(encoding="utf-8") + LACKING_SHAPE, encoding="utf-8")
    with pytest.raises(Unsupported):
        compile_shapes(Graph().parse(shapes, format="turtle"))
    toolkit = Toolkit.load(ontology=ontology)
    assert toolkit.compiled is None and toolkit.engine == "pyshacl"
    fallback = build_dataset(ROOT / "data", toolkit)
    compiled = build_dataset(ROOT / "data")
    assert said(fallback.report) == said(compiled.report)
    assert [i.shape for i in fallback.report.warnings] == ["migsh:CountClaim-matches"]


@pytest.mark.parametrize(("count", "some", "warned"), [(12, True, False), (12, False, True), (10, True, False),
                                                        (8, True, True)])
def test_a_count_that_names_only_some_warns_only_of_more_names_in_both_engines(seed, count, some, warned):
    """The seed names 10 of its counted governments: a count of 12 whose release names only some of them is no
    disagreement (the suppression the flag is for); a count of 8 is one, flag or not. Both engines alike."""
    graph = seed.copy()
    claim = seed.nodes.count_claim
    graph.set((claim, MIG.claimedCount, Literal(count, datatype=XSD.nonNegativeInteger)))
    if some:
        graph.add((claim, MIG.namesOnlySome, Literal(True)))
    report = validate_graph(graph, seed.shapes)
    matches = [i for i in report.issues if i.shape.endswith("CountClaim-matches")]
    assert bool(matches) == warned, [i.message for i in matches]
    assert said(validate_graph_compiled(graph, seed.shapes, compiled=seed.compiled)) == said(report)
