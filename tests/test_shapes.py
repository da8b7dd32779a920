"""The SHACL shapes (ontology/shapes.ttl): the seed conforms with exactly one warning, and every
node shape catches what it is there to catch.

Each test starts from the real seed graph, as the build validates it (the release graph, its
derived graph, the registry and the vocabulary in one data graph), breaks one thing with
rdflib on a copy, and checks that ``validate_graph`` reports it from the right shape. A
meta-test keeps the list of cases in step with the node shapes of shapes.ttl.
"""
from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import (
    FOAF,
    ORG,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
)
from rdflib.term import Node

from migkg.mapping.namespaces import MIG, NIF, ROLE
from migkg.validation.reports import Issue, Report
from tests.shape_cases import CASES, MIGSH, WELL_FORMED, Seed, load_seed, nni, put, shape


@pytest.fixture(scope="module")
def seed() -> Seed:
    return load_seed()


@pytest.fixture(scope="module")
def seed_issues(seed: Seed) -> list[tuple[str, str, str]]:
    """What pyshacl reports on an untouched copy of the seed (computed once: the seed is never changed)."""
    return _issues(seed.validate(seed.copy()))


# --------------------------------------------------------------------------- helpers

def node_shapes(shapes: Graph) -> set[URIRef]:
    """The node shapes a SHACL engine applies (a deactivated one states a rule the build checks itself)."""
    return set(shapes.subjects(RDF.type, SH.NodeShape)) - set(shapes.subjects(SH.deactivated, Literal(True)))


def owned_shapes(shapes: Graph, node_shape: URIRef) -> set[Node]:
    """The shape and its property shapes: the sh:sourceShape of every result it gives."""
    return {node_shape, *shapes.objects(node_shape, SH.property)}


def appliers(shapes: Graph, value_shape: URIRef) -> set[Node]:
    """The shapes that apply a value shape: property shapes with sh:node, and shapes (property or node) that
    list it in an sh:or or sh:xone (a date "as precise as the text", an instant, evidence or supplied)."""
    listed = {holder for logic in (SH["or"], SH.xone) for holder, members in shapes.subject_objects(logic)
              if value_shape in Collection(shapes, members)}
    return set(shapes.subjects(SH.node, value_shape)) | listed


def reported_by(seed: Seed, report: Report, node_shape: URIRef, focus: Node, severity: str) -> list[Issue]:
    """Results of ``node_shape`` (or one of its property shapes) about ``focus``.

    A value shape (one that property shapes apply with sh:node, or that a shape lists in sh:or or
    sh:xone) reports through the shape that applies it, with the node as sh:value; pyshacl also nests
    the value shape's own result as sh:detail, which validate_graph lists too. Either counts.
    """
    own = {seed.name(s) for s in owned_shapes(seed.shapes, node_shape)}
    via = {seed.name(s) for s in appliers(seed.shapes, node_shape)}
    name = seed.name(focus)
    return [i for i in report.issues if i.severity == severity and (
        (i.shape in own and i.focus == name) or (i.shape in via and i.value == name))]



# --------------------------------------------------------------------------- the seed

def test_seed_conforms_with_exactly_the_count_warning(seed):
    assert seed.report.violations == []
    warnings = seed.report.warnings
    assert len(warnings) == 1, warnings
    warning = warnings[0]
    assert warning.focus == seed.name(seed.nodes.count_claim)
    assert warning.shape == seed.name(shape("CountClaim-matches"))
    assert warning.path == seed.name(MIG.claimedCount)
    assert " 8 " in warning.message and " 10 " in warning.message, warning.message


def test_the_seed_data_graph_gives_the_same_report_here(seed):
    report = seed.validate(seed.copy())
    assert [(i.severity, i.focus, i.shape) for i in report.issues] == \
        [("Warning", seed.name(seed.nodes.count_claim), seed.name(shape("CountClaim-matches")))]


def test_count_warning_goes_when_the_count_matches_the_participants(seed):
    graph = seed.copy()
    put(graph, seed.nodes.count_claim, MIG.claimedCount, nni(10))
    assert seed.validate(graph).issues == []


def test_count_warning_follows_the_listed_participants(seed):
    graph = seed.copy()
    for code in ("AFG", "TUR"):
        for p in list(graph.subjects(MIG.agent, seed.nodes.ref(code))):
            if (p, MIG.role, ROLE.participant) in graph:
                graph.remove((p, None, None))
    assert seed.validate(graph).issues == [], "8 claimed, 8 listed: no warning"


def test_count_with_no_agent_in_the_role_counts_zero(seed):
    graph = seed.copy()
    put(graph, seed.nodes.count_claim, MIG.countedRole, ROLE.host)
    report = seed.validate(graph)
    [warning] = reported_by(seed, report, shape("CountClaimShape"), seed.nodes.count_claim, "Warning")
    assert " 8 " in warning.message and " 0 " in warning.message, warning.message
    assert report.violations == []


def test_span_mismatch_message_gives_the_words_and_the_text(seed):
    graph = seed.copy()
    n = seed.nodes
    begin = int(graph.value(n.tur_span, NIF.beginIndex))
    end = int(graph.value(n.tur_span, NIF.endIndex))
    put(graph, n.tur_span, NIF.beginIndex, nni(begin - 1))
    report = seed.validate(graph)
    [issue] = reported_by(seed, report, shape("ContextShape"), n.text, "Violation")
    assert issue.value == seed.name(n.tur_span)
    assert '"Республика Турция"' in issue.message and '" Республика Турция"' in issue.message, issue.message
    assert f" {begin - 1} to {end} " in issue.message, issue.message



def test_a_news_item_conforms_as_a_press_release_does(seed):
    """A release of kind news-item (mig:NewsItem) has its text and press contacts as a press release has:
    the text's nif:sourceUrl and a contact's release may be either (they asked for a mig:PressRelease,
    so no news item could build)."""
    graph = seed.copy()
    graph.remove((seed.nodes.release, RDF.type, MIG.PressRelease))
    graph.add((seed.nodes.release, RDF.type, MIG.NewsItem))
    assert [(i.severity, i.shape) for i in seed.validate(graph).issues] == \
        [("Warning", seed.name(shape("CountClaim-matches")))]


def test_every_node_shape_has_a_case(seed):
    shapes = node_shapes(seed.shapes)
    assert all(str(s).startswith(MIGSH) for s in shapes), "node shapes are migsh: IRIs"
    names = {str(s)[len(MIGSH):] for s in shapes}
    assert names - CASES.keys() == set(), "node shapes without a test case"
    assert CASES.keys() - names == set(), "test cases for shapes that are not in shapes.ttl"
    assert all(CASES.values()), "every shape needs at least one case"


def _issues(report: Report) -> list[tuple[str, str, str]]:
    return [(i.severity, i.focus, i.shape) for i in report.issues]


@pytest.mark.parametrize("shape_name", sorted(WELL_FORMED))
def test_the_node_a_case_adds_conforms_before_the_case_breaks_it(seed, seed_issues, shape_name):
    """A shape of issue 12 checks nodes the seed does not have: its cases add a well-formed one, as the build
    writes it, then break it. Unbroken, it gives no new result (and a new shape's case tests one thing)."""
    graph = seed.copy()
    WELL_FORMED[shape_name](graph, seed.nodes)
    assert _issues(seed.validate(graph)) == seed_issues


def test_the_seed_with_a_node_of_every_new_kind_conforms(seed):
    graph = seed.copy()
    for build in WELL_FORMED.values():
        build(graph, seed.nodes)
    assert _issues(seed.validate(graph)) == [("Warning", seed.name(seed.nodes.count_claim),
                                                    seed.name(shape("CountClaim-matches")))]


@pytest.mark.parametrize("shape_name, case", [pytest.param(name, case, id=f"{name}-{case.name}")
                                              for name, cases in CASES.items() for case in cases])
def test_shape_reports_its_case(seed, shape_name, case):
    graph = seed.copy()
    focus = case.mutate(graph, seed.nodes)
    report = seed.validate(graph)
    found = reported_by(seed, report, shape(shape_name), focus, case.severity)
    assert found, (f"{shape_name} did not report a {case.severity} on {seed.name(focus)}; got:\n"
                   + "\n".join(f"{i.severity} {i.focus} {i.shape}: {i.message}" for i in report.issues))
    templates = [_template(m) for m in seed.shapes.objects(None, SH.message)]
    for issue in found:
        assert any(t.fullmatch(issue.message) for t in templates), \
            f"not a message of shapes.ttl (a constraint without its own sh:message?): {issue.message}"


def _template(message: Node) -> re.Pattern:
    """An sh:message as a pattern: SPARQL-based messages fill in {?variables}."""
    parts = re.split(r"\{[?$]\w+\}", str(message))
    return re.compile(".*?".join(re.escape(p) for p in parts), flags=re.DOTALL)


# --------------------------------------------------------------------------- the shapes file itself

SHAPE_KEYS = {SH.targetClass, SH.property, SH.sparql, SH.severity, SH.message, SH.path, RDF.type,
              RDFS.label, RDFS.comment, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.deactivated}


def test_every_class_with_instances_is_a_target(seed):
    """Every typed node of the data graph is the focus of at least one node shape."""
    targets = {c for s in node_shapes(seed.shapes) for c in seed.shapes.objects(s, SH.targetClass)}
    missing = {}
    for cls in set(seed.data.objects(None, RDF.type)):
        for node in seed.data.subjects(RDF.type, cls):
            classes = {c for t in seed.data.objects(node, RDF.type)
                       for c in seed.data.transitive_objects(t, RDFS.subClassOf)}
            if not classes & targets:
                missing.setdefault(seed.name(cls), seed.name(node))
    assert missing == {}, f"classes whose instances no shape checks (class: an instance): {missing}"
    for expected in (MIG.PressRelease, NIF.Context, NIF.String, MIG.State, MIG.Government, MIG.Ministry,
                     MIG.IntergovernmentalOrganization, FOAF.Person, ORG.Post, SDO.City,
                     MIG.RegionalConsultativeProcess, MIG.Participation, MIG.PostHolding, MIG.Statement,
                     MIG.Proposal, MIG.Commitment, MIG.Claim, MIG.CountClaim, MIG.ProcessLaunch,
                     MIG.PressContact, MIG.Attestation, SKOS.Concept, SKOS.ConceptScheme):
        assert expected in targets, f"no shape targets {seed.name(expected)} itself"


def test_every_shape_is_named_labelled_and_commented(seed):
    shapes = seed.shapes
    named = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape)) \
        | set(shapes.subjects(RDF.type, SH.SPARQLConstraint))
    with_path = set(shapes.subjects(SH.path, None))
    assert all(isinstance(s, URIRef) and str(s).startswith(MIGSH) for s in named | with_path), \
        "every node shape, property shape and SPARQL constraint is a migsh: IRI"
    assert with_path <= named, "every property shape is typed sh:PropertyShape"
    for s in named:
        assert shapes.value(s, RDFS.label) is not None, f"{seed.name(s)} has no rdfs:label"
        assert shapes.value(s, RDFS.comment) is not None, f"{seed.name(s)} has no rdfs:comment"
    for s in shapes.subjects(SH.property, None):
        for prop in shapes.objects(s, SH.property):
            assert prop in named, f"{seed.name(s)} uses an unnamed property shape"


def test_every_constraint_has_a_message(seed):
    shapes = seed.shapes
    for s in set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape)):
        constraints = set(shapes.predicates(s, None)) - SHAPE_KEYS
        if constraints:
            assert shapes.value(s, SH.message) is not None, f"{seed.name(s)} has constraints but no sh:message"
    for s in shapes.subjects(RDF.type, SH.SPARQLConstraint):
        assert shapes.value(s, SH.message) is not None, f"{seed.name(s)} has no sh:message"


def test_only_two_sparql_constraints(seed):
    """SHACL-SPARQL costs pyshacl a query parse per focus node: keep it to the two checks that need it,
    both on nodes that occur once per release (the text, the count claim), never on every span. The
    rules of one event reported under two ids are SHACL-SPARQL too, but deactivated: the build checks
    them itself, across releases (migkg.validation.same_event)."""
    deactivated = set(seed.shapes.subjects(SH.deactivated, Literal(True)))
    holders = {seed.name(s) for s in seed.shapes.subjects(SH.sparql, None) if s not in deactivated}
    assert holders == {"migsh:ContextShape", "migsh:CountClaim-matches"}
    active = {c for s in seed.shapes.subjects(SH.sparql, None) if s not in deactivated
              for c in seed.shapes.objects(s, SH.sparql)}
    assert len(active) == 2
    assert {seed.name(s) for s in deactivated} == {"migsh:SameEventShape"}
    assert {seed.name(c) for c in seed.shapes.objects(shape("SameEventShape"), SH.sparql)} == \
        {"migsh:SameEvent-kind-date-place", "migsh:SameEvent-series-number"}


def test_the_warnings_are_the_disagreements_the_data_keeps(seed):
    """A Warning, not a Violation: a count that differs from the list (the release disagrees with itself), two
    dates, places, processes, numbers or periods of one event (two releases disagree), one event under two ids.
    The build publishes each in its conflicts graph; everything else fails the build."""
    assert {seed.name(s) for s in seed.shapes.subjects(SH.severity, SH.Warning)} == \
        {"migsh:CountClaim-matches", "migsh:Event-one-date", "migsh:Event-one-place", "migsh:Event-process",
         "migsh:Event-number", "migsh:Event-period", "migsh:SameEventShape"}
    for name in ("Event-one-date", "Event-one-place"):
        assert int(seed.shapes.value(shape(name), SH.maxCount)) == 1
        assert set(seed.shapes.predicates(shape(name), None)) & {SH.datatype, SH["class"], SH["or"]} == set(), \
            "what a value must be stays a Violation, in a shape of its own"
