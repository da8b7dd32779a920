"""The SHACL shapes (ontology/shapes.ttl): the seed conforms with exactly one warning, and every
node shape catches what it is there to catch.

Each test starts from the real seed graph, as the build validates it (the release graph, its
derived graph, the registry and the vocabulary in one data graph), breaks one thing with
rdflib on a copy, and checks that ``validate_graph`` reports it from the right shape. A
meta-test keeps the list of cases in step with the node shapes of shapes.ttl.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    XSD,
)
from rdflib.term import Node

from migkg.build.pipeline import build_dataset
from migkg.mapping.namespaces import KIND, MIG, NIF, ROLE, TOPIC
from migkg.mapping.registry import entity_iri
from migkg.mapping.terms import to_rdflib
from migkg.validation.reports import Issue, Report, validate_graph

ROOT = Path(__file__).resolve().parents[1]
SHAPES_FILE = ROOT / "ontology" / "shapes.ttl"
MIGSH = "https://w3id.org/migkg/shapes#"


def shape(local: str) -> URIRef:
    return URIRef(MIGSH + local)


# --------------------------------------------------------------------------- fixtures

@dataclass(frozen=True)
class Nodes:
    """The seed nodes the cases break, found by what they say rather than by IRI patterns."""

    release: URIRef
    text: URIRef
    event: URIRef
    tur_participation: URIRef   # Turkey, a participant
    tur_span: URIRef            # "Республика Турция" in the footnote, its evidence
    last_span: URIRef           # the span that ends last in the text
    guterres_quote: URIRef      # a direct quote by António Guterres
    proposal: URIRef            # Kazakhstan's offer to be the first chair
    commitment: URIRef          # Kazakhstan's commitment
    count_claim: URIRef         # "8 правительств"
    duration_claim: URIRef      # IOM's "60-летней истории"
    holding: URIRef             # Erlan Idrissov, Minister of Foreign Affairs
    launch: URIRef              # the Almaty Process launched at the conference
    contact: URIRef             # Zhanna Dossova, UNHCR
    name_attestation: URIRef    # the event's name
    ref: Callable[[str], URIRef]  # a registry id -> its IRI


def _one(graph: Graph, query: str) -> URIRef:
    rows = list(graph.query(query, initNs={"mig": MIG, "nif": NIF, "role": ROLE, "kind": KIND, "schema": SDO,
                                           "org": ORG, "rdf": RDF, "dcterms": DCTERMS, "prov": PROV}))
    assert len(rows) == 1, f"the seed should have exactly one match for:\n{query}\ngot {rows}"
    return rows[0][0]


def _find_nodes(data: Graph, ref: Callable[[str], URIRef]) -> Nodes:
    tur, kaz = ref("TUR").n3(), ref("KAZ").n3()
    return Nodes(
        release=_one(data, "SELECT ?r { ?r a mig:PressRelease }"),
        text=_one(data, "SELECT ?t { ?t a nif:Context }"),
        event=_one(data, "SELECT ?e { ?e a mig:MinisterialConference }"),
        tur_participation=_one(data, f"SELECT ?p {{ ?p a mig:Participation ; mig:agent {tur} ; mig:role role:participant }}"),
        tur_span=_one(data, f"""SELECT ?s {{ ?p a mig:Participation ; mig:agent {tur} ; mig:role role:participant ;
                                              prov:wasDerivedFrom ?s }}"""),
        last_span=_one(data, "SELECT ?s { ?s a nif:String ; nif:endIndex ?e } ORDER BY DESC(?e) LIMIT 1"),
        guterres_quote=_one(data, f"""SELECT ?s {{ ?s a mig:Statement ; mig:speechKind kind:direct-quote ;
                                                    mig:speaker {ref("antonio-guterres").n3()} }}"""),
        proposal=_one(data, "SELECT ?s { ?s a mig:Proposal ; mig:proposedRole role:first-chair }"),
        commitment=_one(data, f"SELECT ?s {{ ?s a mig:Commitment ; mig:onBehalfOf {kaz} }}"),
        count_claim=_one(data, "SELECT ?c { ?c a mig:CountClaim }"),
        duration_claim=_one(data, "SELECT ?c { ?c a mig:Claim ; mig:claimedDuration ?d }"),
        holding=_one(data, f"SELECT ?h {{ ?h a mig:PostHolding ; org:member {ref('erlan-idrissov').n3()} }}"),
        launch=_one(data, "SELECT ?l { ?l a mig:ProcessLaunch }"),
        contact=_one(data, f"SELECT ?c {{ ?c a mig:PressContact ; mig:contactPerson {ref('zhanna-dossova').n3()} }}"),
        name_attestation=_one(data, "SELECT ?a { ?a a mig:Attestation ; rdf:predicate schema:name }"),
        ref=ref,
    )


@dataclass
class Seed:
    data: Graph      # what validate_graph sees for the seed release
    shapes: Graph    # ontology/shapes.ttl
    report: Report   # the build's own report
    nodes: Nodes

    def copy(self) -> Graph:
        graph = Graph()
        graph += self.data
        return graph

    def name(self, node: Node) -> str:
        """A node as validate_graph writes it in an Issue."""
        return node.n3(self.shapes.namespace_manager) if isinstance(node, URIRef) else str(node)

    def validate(self, graph: Graph) -> Report:
        return validate_graph(graph, self.shapes)


@pytest.fixture(scope="module")
def seed() -> Seed:
    result = build_dataset(ROOT / "data")
    assert len(result.releases) == 1, "these tests are written for the one seed release"
    built = result.releases[0]
    data = Graph()
    for part in (built.facts, built.derived, result.graphs[to_rdflib(result.toolkit.iris.registry_graph())],
                 result.toolkit.vocabulary.graph):
        data += part
    shapes = Graph().parse(SHAPES_FILE, format="turtle")

    def ref(entity_id: str) -> URIRef:
        return to_rdflib(entity_iri(result.registry, result.toolkit.iris, entity_id))

    return Seed(data, shapes, result.report, _find_nodes(data, ref))


# --------------------------------------------------------------------------- helpers

def node_shapes(shapes: Graph) -> set[URIRef]:
    return set(shapes.subjects(RDF.type, SH.NodeShape))


def owned_shapes(shapes: Graph, node_shape: URIRef) -> set[Node]:
    """The shape and its property shapes: the sh:sourceShape of every result it gives."""
    return {node_shape, *shapes.objects(node_shape, SH.property)}


def appliers(shapes: Graph, value_shape: URIRef) -> set[Node]:
    """Property shapes that apply a value shape with sh:node."""
    return set(shapes.subjects(SH.node, value_shape))


def reported_by(seed: Seed, report: Report, node_shape: URIRef, focus: Node, severity: str) -> list[Issue]:
    """Results of ``node_shape`` (or one of its property shapes) about ``focus``.

    A value shape (one that property shapes apply with sh:node) reports through the property
    shape that applies it, with the node as sh:value; pyshacl also nests the value shape's own
    result as sh:detail, which validate_graph lists too. Either counts.
    """
    own = {seed.name(s) for s in owned_shapes(seed.shapes, node_shape)}
    via = {seed.name(s) for s in appliers(seed.shapes, node_shape)}
    name = seed.name(focus)
    return [i for i in report.issues if i.severity == severity and (
        (i.shape in own and i.focus == name) or (i.shape in via and i.value == name))]


def nni(value: int) -> Literal:
    return Literal(value, datatype=XSD.nonNegativeInteger)


def drop(graph: Graph, subject: Node, predicate: Node) -> Node:
    assert (subject, predicate, None) in graph, "nothing to drop: the seed changed"
    graph.remove((subject, predicate, None))
    return subject


def put(graph: Graph, subject: Node, predicate: Node, value: Node) -> Node:
    """Replace every value of ``predicate`` on ``subject`` with ``value``."""
    assert (subject, predicate, None) in graph, "nothing to replace: the seed changed"
    graph.remove((subject, predicate, None))
    graph.add((subject, predicate, value))
    return subject


def add(graph: Graph, subject: Node, predicate: Node, value: Node) -> Node:
    assert (subject, predicate, value) not in graph, "already there: the seed changed"
    graph.add((subject, predicate, value))
    return subject


def drop_label(graph: Graph, subject: Node, language: str) -> Node:
    labels = [label for label in graph.objects(subject, RDFS.label) if label.language == language]
    assert labels, "no such label: the seed changed"
    for label in labels:
        graph.remove((subject, RDFS.label, label))
    return subject


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


# --------------------------------------------------------------------------- one case per shape

@dataclass(frozen=True)
class Case:
    """Break the seed graph in place; return the node that the shape must report on."""

    name: str
    mutate: Callable[[Graph, Nodes], Node]
    severity: str = "Violation"


def _shift_span(g: Graph, n: Nodes) -> Node:
    put(g, n.tur_span, NIF.beginIndex, nni(int(g.value(n.tur_span, NIF.beginIndex)) - 1))
    return n.text


def _span_beyond_text(g: Graph, n: Nodes) -> Node:
    put(g, n.last_span, NIF.endIndex, nni(len(str(g.value(n.text, NIF.isString))) + 3))
    return n.text


def _begin_at_end(g: Graph, n: Nodes) -> Node:
    return put(g, n.tur_span, NIF.beginIndex, g.value(n.tur_span, NIF.endIndex))


def _value_shape(mutate: Callable[[Graph, Nodes], Node],
                 value: Callable[[Nodes], Node]) -> Callable[[Graph, Nodes], Node]:
    """For a value shape: make the mutation, then expect the report on the value node."""
    def run(g: Graph, n: Nodes) -> Node:
        mutate(g, n)
        return value(n)
    return run


HUMAN_RIGHTS = TOPIC["human-rights"]

CASES: dict[str, list[Case]] = {
    "PressReleaseShape": [
        Case("issued-not-a-date", lambda g, n: put(g, n.release, DCTERMS.issued, Literal("5 июня 2013"))),
        Case("no-title", lambda g, n: drop(g, n.release, DCTERMS.title)),
    ],
    "ContextShape": [
        Case("span-words-do-not-match", _shift_span),
        Case("span-ends-beyond-text", _span_beyond_text),
        Case("no-release", lambda g, n: drop(g, n.text, NIF.sourceUrl)),
    ],
    "SpanShape": [
        Case("begin-not-before-end", _begin_at_end),
        Case("empty-words", lambda g, n: put(g, n.tur_span, NIF.anchorOf, Literal(""))),
        Case("begin-not-an-integer", lambda g, n: put(g, n.tur_span, NIF.beginIndex,
                                                      Literal(str(g.value(n.tur_span, NIF.beginIndex))))),
        Case("no-text", lambda g, n: drop(g, n.tur_span, NIF.referenceContext)),
    ],
    "FactShape": [
        Case("no-evidence", lambda g, n: drop(g, n.guterres_quote, PROV.wasDerivedFrom)),
        Case("evidence-not-a-span", lambda g, n: put(g, n.holding, PROV.wasDerivedFrom, n.text)),
    ],
    "ParticipationShape": [
        Case("no-role", lambda g, n: drop(g, n.tur_participation, MIG.role)),
        Case("role-is-a-topic", lambda g, n: put(g, n.tur_participation, MIG.role, HUMAN_RIGHTS)),
        Case("role-is-a-position", lambda g, n: put(g, n.tur_participation, MIG.role, ROLE.chair)),
        Case("two-agents", lambda g, n: add(g, n.tur_participation, MIG.agent, n.ref("KAZ"))),
        Case("agent-is-a-city", lambda g, n: put(g, n.tur_participation, MIG.agent, n.ref("almaty"))),
        Case("no-event", lambda g, n: drop(g, n.tur_participation, MIG.event)),
    ],
    "EventRoleShape": [
        Case("participation-role-without-shortcut", _value_shape(
            lambda g, n: put(g, n.tur_participation, MIG.role, ROLE["secretariat-host"]),
            lambda n: ROLE["secretariat-host"])),
    ],
    "RoleConceptShape": [
        Case("participation-role-is-a-topic", _value_shape(
            lambda g, n: put(g, n.tur_participation, MIG.role, HUMAN_RIGHTS), lambda n: HUMAN_RIGHTS)),
        Case("proposed-role-is-a-kind", _value_shape(
            lambda g, n: put(g, n.proposal, MIG.proposedRole, KIND["joint-outcome"]), lambda n: KIND["joint-outcome"])),
        Case("role-out-of-its-scheme", lambda g, n: drop(g, ROLE.participant, SKOS.inScheme)),
    ],
    "KindConceptShape": [
        Case("speech-kind-is-a-topic", _value_shape(
            lambda g, n: put(g, n.guterres_quote, MIG.speechKind, HUMAN_RIGHTS), lambda n: HUMAN_RIGHTS)),
    ],
    "TopicConceptShape": [
        Case("topic-is-a-kind", _value_shape(
            lambda g, n: add(g, n.guterres_quote, DCTERMS.subject, KIND["direct-quote"]),
            lambda n: KIND["direct-quote"])),
    ],
    "AgentShape": [
        Case("speaker-is-a-city", _value_shape(
            lambda g, n: add(g, n.guterres_quote, MIG.speaker, n.ref("almaty")), lambda n: n.ref("almaty"))),
    ],
    "OrganisationShape": [
        Case("acting-for-a-person", _value_shape(
            lambda g, n: put(g, n.commitment, MIG.onBehalfOf, n.ref("laura-thompson")),
            lambda n: n.ref("laura-thompson"))),
    ],
    "PostHoldingShape": [
        Case("two-persons", lambda g, n: add(g, n.holding, ORG.member, n.ref("erlik-kenenbaev"))),
        Case("post-is-an-organisation", lambda g, n: put(g, n.holding, MIG.post, n.ref("kaz-ministry-foreign-affairs"))),
        Case("date-not-a-date", lambda g, n: put(g, n.holding, MIG.attestedOn, Literal("2013-06-05"))),
        Case("no-organisation", lambda g, n: drop(g, n.holding, ORG.organization)),
    ],
    "ProcessLaunchShape": [
        Case("no-process", lambda g, n: drop(g, n.launch, MIG.process)),
    ],
    "StatementShape": [
        Case("no-speaker", lambda g, n: drop(g, n.guterres_quote, MIG.speaker)),
        Case("two-speech-kinds", lambda g, n: add(g, n.guterres_quote, MIG.speechKind, KIND["reported-speech"])),
        Case("no-speech-kind", lambda g, n: drop(g, n.guterres_quote, MIG.speechKind)),
    ],
    "ProposalShape": [
        Case("no-proposed-role", lambda g, n: drop(g, n.proposal, MIG.proposedRole)),
        Case("on-behalf-of-nobody", lambda g, n: drop(g, n.proposal, MIG.onBehalfOf)),
    ],
    "CommitmentShape": [
        Case("on-behalf-of-nobody", lambda g, n: drop(g, n.commitment, MIG.onBehalfOf)),
    ],
    "ClaimShape": [
        Case("about-nothing", lambda g, n: drop(g, n.duration_claim, SDO.about)),
        Case("duration-not-a-duration", lambda g, n: put(g, n.duration_claim, MIG.claimedDuration, Literal("60 years"))),
    ],
    "CountClaimShape": [
        Case("count-not-a-non-negative-integer", lambda g, n: put(g, n.count_claim, MIG.claimedCount, Literal(8))),
        Case("counted-role-is-a-topic", lambda g, n: put(g, n.count_claim, MIG.countedRole, HUMAN_RIGHTS)),
        Case("about-a-state", lambda g, n: put(g, n.count_claim, SDO.about, n.ref("KAZ"))),
        Case("count-disagrees-as-in-the-seed", lambda g, n: n.count_claim, severity="Warning"),
    ],
    "PressContactShape": [
        Case("telephone-with-spaces", lambda g, n: put(g, n.contact, SDO.telephone, Literal("+7 777 556 22 77"))),
        Case("email-without-at", lambda g, n: put(g, n.contact, SDO.email, Literal("dossova(at)unhcr.org"))),
        Case("contact-person-is-an-organisation", lambda g, n: put(g, n.contact, MIG.contactPerson, n.ref("unhcr"))),
    ],
    "AttestationShape": [
        Case("no-object", lambda g, n: drop(g, n.name_attestation, RDF.object)),
    ],
    "EventShape": [
        Case("two-dates", lambda g, n: add(g, n.event, DCTERMS.date, Literal("2013-06-06", datatype=XSD.date))),
        Case("date-not-a-date", lambda g, n: put(g, n.event, DCTERMS.date, Literal("5 June 2013"))),
        Case("no-name", lambda g, n: drop(g, n.event, SDO.name)),
    ],
    "StateShape": [
        Case("alpha3-lower-case", lambda g, n: put(g, n.ref("KAZ"), MIG.iso3166Alpha3, Literal("kz"))),
        Case("alpha2-three-letters", lambda g, n: put(g, n.ref("KAZ"), MIG.iso3166Alpha2, Literal("KAZ"))),
        Case("no-russian-label", lambda g, n: drop_label(g, n.ref("TUR"), "ru")),
        Case("no-english-label", lambda g, n: drop_label(g, n.ref("TUR"), "en")),
        Case("two-english-labels", lambda g, n: add(g, n.ref("TUR"), RDFS.label, Literal("Turkey", lang="en"))),
        Case("wikidata-not-an-item", lambda g, n: put(g, n.ref("KAZ"), OWL.sameAs,
                                                      URIRef("https://en.wikipedia.org/wiki/Kazakhstan"))),
    ],
    "GovernmentShape": [
        Case("of-no-state", lambda g, n: drop(g, n.ref("kaz-government"), ORG.subOrganizationOf)),
        Case("no-english-label", lambda g, n: drop_label(g, n.ref("kaz-government"), "en")),
    ],
    "MinistryShape": [
        Case("part-of-a-state", lambda g, n: put(g, n.ref("kaz-ministry-foreign-affairs"), ORG.subOrganizationOf,
                                                 n.ref("KAZ"))),
    ],
    "IntergovernmentalOrganizationShape": [
        Case("part-of-a-state", lambda g, n: put(g, n.ref("unhcr"), ORG.subOrganizationOf, n.ref("KAZ"))),
        Case("no-russian-label", lambda g, n: drop_label(g, n.ref("iom"), "ru")),
    ],
    "PersonShape": [
        Case("no-russian-label", lambda g, n: drop_label(g, n.ref("antonio-guterres"), "ru")),
    ],
    "PostShape": [
        Case("in-no-organisation", lambda g, n: drop(g, n.ref("kaz-minister-foreign-affairs"), ORG.postIn)),
        Case("in-a-person", lambda g, n: put(g, n.ref("iom-deputy-director-general"), ORG.postIn,
                                             n.ref("laura-thompson"))),
    ],
    "CityShape": [
        Case("no-english-label", lambda g, n: drop_label(g, n.ref("almaty"), "en")),
    ],
    "RegionalConsultativeProcessShape": [
        Case("no-russian-label", lambda g, n: drop_label(g, n.ref("almaty-process"), "ru")),
        Case("launched-twice", lambda g, n: add(g, n.ref("almaty-process"), MIG.launchedAt,
                                                URIRef(str(n.event) + "-2"))),
    ],
    "ConceptSchemeShape": [
        Case("no-top-concept", lambda g, n: drop(g, KIND.scheme, SKOS.hasTopConcept)),
    ],
    "ConceptShape": [
        Case("in-no-scheme", lambda g, n: drop(g, TOPIC["human-dignity"], SKOS.inScheme)),
        Case("two-english-pref-labels", lambda g, n: add(g, TOPIC["human-dignity"], SKOS.prefLabel,
                                                         Literal("dignity", lang="en"))),
        Case("notation-with-spaces", lambda g, n: put(g, TOPIC["human-dignity"], SKOS.notation,
                                                      Literal("human dignity"))),
    ],
    "OntologyShape": [
        Case("no-version", lambda g, n: drop(g, URIRef("https://w3id.org/migkg/ontology"), OWL.versionInfo)),
    ],
    "VocabularyTermShape": [
        Case("class-without-russian-label", lambda g, n: drop_label(g, MIG.Participation, "ru")),
        Case("property-defined-elsewhere", lambda g, n: put(g, MIG.agent, RDFS.isDefinedBy,
                                                            URIRef("http://example.org/other"))),
    ],
}


def test_every_node_shape_has_a_case(seed):
    shapes = node_shapes(seed.shapes)
    assert all(str(s).startswith(MIGSH) for s in shapes), "node shapes are migsh: IRIs"
    names = {str(s)[len(MIGSH):] for s in shapes}
    assert names - CASES.keys() == set(), "node shapes without a test case"
    assert CASES.keys() - names == set(), "test cases for shapes that are not in shapes.ttl"
    assert all(CASES.values()), "every shape needs at least one case"


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
              RDFS.label, RDFS.comment, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf}


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
    both on nodes that occur once per release (the text, the count claim), never on every span."""
    holders = {seed.name(s) for s in seed.shapes.subjects(SH.sparql, None)}
    assert holders == {"migsh:ContextShape", "migsh:CountClaim-matches"}
    assert len(set(seed.shapes.objects(None, SH.sparql))) == 2
    assert set(seed.shapes.subjects(SH.severity, SH.Warning)) == {shape("CountClaim-matches")}, \
        "the count check, and only it, is a Warning"
