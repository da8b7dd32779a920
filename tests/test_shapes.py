"""The SHACL shapes (ontology/shapes.ttl): the seed conforms with exactly one warning, and every
node shape catches what it is there to catch.

Each test starts from the real seed graph, as the build validates it (the release graph, its
derived graph, the registry and the vocabulary in one data graph), changes it with rdflib on a
copy, and checks what ``validate_graph`` (pyshacl) reports and from which shape. The cases of
tests/shape_cases.py (one or more per node shape, each breaking one thing) are run in
tests/test_scale_shacl.py, once each through pyshacl: there each case's shape must report it, and
the compiled engine must report exactly the same. Here a meta-test keeps the list of cases in step
with the node shapes of shapes.ttl, and the nodes the cases of issue 12's shapes start from conform.
"""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import (
    FOAF,
    ORG,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
)

from migkg.mapping.namespaces import MIG, NIF, ROLE
from migkg.validation.reports import Report
from tests.shape_cases import CASES, MIGSH, WELL_FORMED, Seed, load_seed, nni, put, reported_by, shape


@pytest.fixture(scope="module")
def seed() -> Seed:
    return load_seed()


@pytest.fixture(scope="module")
def seed_report(seed: Seed) -> Report:
    """What pyshacl reports on an untouched copy of the seed (computed once: the seed is never changed)."""
    return seed.validate(seed.copy())


@pytest.fixture(scope="module")
def seed_issues(seed_report: Report) -> list[tuple[str, str, str]]:
    return _issues(seed_report)


# --------------------------------------------------------------------------- helpers

def node_shapes(shapes: Graph) -> set[URIRef]:
    """The node shapes a SHACL engine applies (a deactivated one states a rule the build checks itself)."""
    return set(shapes.subjects(RDF.type, SH.NodeShape)) - set(shapes.subjects(SH.deactivated, Literal(True)))



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


def test_the_seed_data_graph_gives_the_same_report_here(seed, seed_report):
    assert [(i.severity, i.focus, i.shape) for i in seed_report.issues] == \
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


def _builders() -> list:
    """Each builder of WELL_FORMED once, with the shapes whose cases start from its node (several shapes share
    one: the same graph need not be validated again for each)."""
    shapes_of: dict[object, list[str]] = {}
    for name in sorted(WELL_FORMED):
        shapes_of.setdefault(WELL_FORMED[name], []).append(name)
    return [pytest.param(build, id="+".join(names)) for build, names in shapes_of.items()]


@pytest.mark.parametrize("build", _builders())
def test_the_node_a_case_adds_conforms_before_the_case_breaks_it(seed, seed_issues, build):
    """A shape of issue 12 checks nodes the seed does not have: its cases add a well-formed one, as the build
    writes it, then break it. Unbroken, it gives no new result (and a new shape's case tests one thing).
    The seed with a node of every new kind at once: tests/test_scale_shacl.py."""
    graph = seed.copy()
    build(graph, seed.nodes)
    assert _issues(seed.validate(graph)) == seed_issues


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
    dates, places, processes, numbers, periods or attendance modes of one event, two founding dates or places of one process (two
    releases disagree), one event under two ids. The build publishes each in its conflicts graph; everything else
    fails the build."""
    assert {seed.name(s) for s in seed.shapes.subjects(SH.severity, SH.Warning)} == \
        {"migsh:CountClaim-matches", "migsh:Event-one-date", "migsh:Event-one-place", "migsh:Event-process",
         "migsh:Event-number", "migsh:Event-period", "migsh:SameEventShape",
         "migsh:RegionalConsultativeProcess-one-founding-date", "migsh:RegionalConsultativeProcess-one-founding-place",
         "migsh:Event-one-attendance-mode"}
    for name in ("Event-one-date", "Event-one-place", "RegionalConsultativeProcess-one-founding-date",
                 "RegionalConsultativeProcess-one-founding-place", "Event-one-attendance-mode"):
        assert int(seed.shapes.value(shape(name), SH.maxCount)) == 1
        assert set(seed.shapes.predicates(shape(name), None)) & {SH.datatype, SH["class"], SH["or"]} == set(), \
            "what a value must be stays a Violation, in a shape of its own"
