"""The seed graph as the shape tests break it, and one case per node shape of ontology/shapes.ttl.

Shared by ``tests/test_shapes.py`` (the shapes file, the seed's report, and the list of cases in step with
the node shapes) and ``tests/test_scale_shacl.py`` (each case run once through pyshacl: its shape reports
it, and the compiled engine gives exactly pyshacl's issues). Each case breaks one thing with rdflib on a
copy of the seed's data graph and names the node the shape must report on. The seed has no node of most
kinds issue 12 added: their cases first add a well-formed one (:data:`WELL_FORMED`), then break it.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
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
from migkg.mapping.namespaces import ACTION, KIND, MIG, NIF, QUALIFIER, REGION, ROLE, TIME, TOPIC
from migkg.mapping.registry import entity_iri
from migkg.mapping.terms import to_rdflib
from migkg.validation.native_checks import NATIVE_CHECKS
from migkg.validation.reports import Issue, Report, validate_graph
from migkg.validation.shacl import Shapes, compile_shapes

ROOT = Path(__file__).resolve().parents[1]
SHAPES_FILE = ROOT / "ontology" / "shapes.ttl"
MIGSH = "https://w3id.org/migkg/shapes#"


def shape(local: str) -> URIRef:
    return URIRef(MIGSH + local)


# --------------------------------------------------------------------------- the seed

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
    issued: URIRef              # the release's date of issue, attested by its dateline
    purpose: URIRef             # the conference's stated purpose
    ref: Callable[[str], URIRef]  # a registry id -> its IRI


def one(graph: Graph, query: str) -> URIRef:
    rows = list(graph.query(query, initNs={"mig": MIG, "nif": NIF, "role": ROLE, "kind": KIND, "schema": SDO,
                                           "org": ORG, "rdf": RDF, "dcterms": DCTERMS, "prov": PROV}))
    assert len(rows) == 1, f"the seed should have exactly one match for:\n{query}\ngot {rows}"
    return rows[0][0]


def find_nodes(data: Graph, ref: Callable[[str], URIRef]) -> Nodes:
    tur, kaz = ref("TUR").n3(), ref("KAZ").n3()
    return Nodes(
        release=one(data, "SELECT ?r { ?r a mig:PressRelease }"),
        text=one(data, "SELECT ?t { ?t a nif:Context }"),
        event=one(data, "SELECT ?e { ?e a mig:MinisterialConference }"),
        tur_participation=one(data, f"SELECT ?p {{ ?p a mig:Participation ; mig:agent {tur} ; mig:role role:participant }}"),
        tur_span=one(data, f"""SELECT ?s {{ ?p a mig:Participation ; mig:agent {tur} ; mig:role role:participant ;
                                              prov:wasDerivedFrom ?s }}"""),
        last_span=one(data, "SELECT ?s { ?s a nif:String ; nif:endIndex ?e } ORDER BY DESC(?e) LIMIT 1"),
        guterres_quote=one(data, f"""SELECT ?s {{ ?s a mig:Statement ; mig:speechKind kind:direct-quote ;
                                                    mig:speaker {ref("antonio-guterres").n3()} }}"""),
        proposal=one(data, "SELECT ?s { ?s a mig:Proposal ; mig:proposedRole role:first-chair }"),
        commitment=one(data, f"SELECT ?s {{ ?s a mig:Commitment ; mig:onBehalfOf {kaz} }}"),
        count_claim=one(data, "SELECT ?c { ?c a mig:CountClaim }"),
        duration_claim=one(data, "SELECT ?c { ?c a mig:Claim ; mig:claimedDuration ?d }"),
        holding=one(data, f"SELECT ?h {{ ?h a mig:PostHolding ; org:member {ref('erlan-idrissov').n3()} }}"),
        launch=one(data, "SELECT ?l { ?l a mig:ProcessLaunch }"),
        contact=one(data, f"SELECT ?c {{ ?c a mig:PressContact ; mig:contactPerson {ref('zhanna-dossova').n3()} }}"),
        name_attestation=one(data, "SELECT ?a { ?a a mig:Attestation ; rdf:predicate schema:name }"),
        issued=one(data, "SELECT ?a { ?a a mig:Attestation ; rdf:predicate dcterms:issued }"),
        purpose=one(data, "SELECT ?p { ?p a mig:StatedPurpose }"),
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

    @functools.cached_property
    def compiled(self) -> Shapes:
        """The shapes compiled once, as the build compiles them (the SHACL-SPARQL checks answered in Python:
        :mod:`migkg.validation.native_checks`), for the many graphs the compiled engine validates beside pyshacl."""
        return compile_shapes(self.shapes, natives=NATIVE_CHECKS)



def load_seed() -> Seed:
    """The seed release's data graph as the build validates it (the release graph, its derived graph,
    the registry and the vocabulary in one graph), the shapes, the build's report and the nodes to break."""
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

    return Seed(data, shapes, result.report, find_nodes(data, ref))


# --------------------------------------------------------------------------- what a shape reports

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


def message_template(message: Node) -> re.Pattern:
    """An sh:message as a pattern: SPARQL-based messages fill in {?variables}."""
    parts = re.split(r"\{[?$]\w+\}", str(message))
    return re.compile(".*?".join(re.escape(p) for p in parts), flags=re.DOTALL)


# --------------------------------------------------------------------------- breaking the graph

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


def add_all(graph: Graph, subject: Node, predicate: Node, values: list[Node]) -> Node:
    for value in values:
        add(graph, subject, predicate, value)
    return subject


def drop_label(graph: Graph, subject: Node, language: str) -> Node:
    labels = [label for label in graph.objects(subject, RDFS.label) if label.language == language]
    assert labels, "no such label: the seed changed"
    for label in labels:
        graph.remove((subject, RDFS.label, label))
    return subject


# --------------------------------------------------------------------------- well-formed nodes of the new kinds
# The seed has none of these (but its conference's stated purpose): a case adds one, as the build writes it
# (evidence: the seed's span of "Республика Турция"), breaks one thing and names the node to report on.
# Each builder returns its node and may be called again (adding the same triples twice changes nothing).

DATA = "https://w3id.org/migkg/"
SUPPLIED_FROM = URIRef("https://example.org/unhcr/press-releases/2013-06-05")
DAY, MONTH, YEAR = (Literal("2013-06-05", datatype=XSD.date), Literal("2013-06", datatype=XSD.gYearMonth),
                    Literal("2013", datatype=XSD.gYear))
INSTANT_OF = {XSD.date: TIME.inXSDDate, XSD.gYearMonth: TIME.inXSDgYearMonth, XSD.gYear: TIME.inXSDgYear}


def new(graph: Graph, node: URIRef, *pairs: tuple[URIRef, Node]) -> URIRef:
    """``node`` with these (property, value) pairs."""
    for predicate, value in pairs:
        graph.add((node, predicate, value))
    return node


def fact(n: Nodes, path: str) -> URIRef:
    """A fact node of the seed release: ``release/<id>/<path>``."""
    return URIRef(f"{n.release}/{path}")


def attested(graph: Graph, n: Nodes, path: str, subject: URIRef, predicate: URIRef, value: Node) -> URIRef:
    """An attestation of the seed release, and the direct triple the rules derive from it."""
    graph.add((subject, predicate, value))
    return new(graph, fact(n, f"attestation/{path}"), (RDF.type, MIG.Attestation), (RDF.subject, subject),
               (RDF.predicate, predicate), (RDF.object, value), (PROV.wasDerivedFrom, n.tur_span))


def interval(graph: Graph, node: URIRef, begins: Literal, ends: Literal) -> URIRef:
    """A time:Interval with both ends, each an instant of the precision its literal has."""
    graph.add((node, RDF.type, TIME.Interval))
    for name, end, predicate in (("beginning", begins, TIME.hasBeginning), ("end", ends, TIME.hasEnd)):
        instant = URIRef(f"{node}/{name}")
        graph.add((node, predicate, instant))
        new(graph, instant, (RDF.type, TIME.Instant), (INSTANT_OF[end.datatype], end))
    return node


def event_period(g: Graph, n: Nodes) -> URIRef:
    """The conference's period (one day, so both ends are days); returns the interval."""
    node = URIRef(f"{str(n.event).rsplit('/event/', 1)[0]}/interval/{DAY}..{DAY}")
    attested(g, n, f"event--{str(n.event).rsplit('/', 1)[1]}--period", n.event, MIG.period, node)
    return interval(g, node, DAY, DAY)


def relayed_report(g: Graph, n: Nodes) -> URIRef:
    """The UN's report that the release relays (the UN standing in for a news outlet)."""
    g.add((n.release, SDO.isBasedOn, fact(n, "relayed-report/un")))  # the derived edge
    return new(g, fact(n, "relayed-report/un"), (RDF.type, MIG.RelayedReport), (RDF.type, SDO.CreativeWork),
               (SDO.publisher, n.ref("un")), (MIG.relayedIn, n.release),
               (SDO.url, URIRef("https://example.org/un/report/1")), (PROV.wasDerivedFrom, n.tur_span))


def position(g: Graph, n: Nodes) -> URIRef:
    """Kazakhstan the chair of the Almaty Process, at the conference, on its day, from 2013 to June 2014."""
    node = new(g, fact(n, "position/almaty-process--chair--KAZ--2013-06-05-almaty-ministerial-conference"),
               (RDF.type, MIG.ProcessPosition), (ORG.member, n.ref("KAZ")), (ORG.organization, n.ref("almaty-process")),
               (ORG.role, ROLE.chair), (MIG.attestedAt, n.event), (MIG.attestedOn, DAY),
               (PROV.wasDerivedFrom, n.tur_span))
    period = interval(g, URIRef(f"{node}/period"), YEAR, Literal("2014-06", datatype=XSD.gYearMonth))
    g.add((node, ORG.memberDuring, period))
    g.add((n.ref("KAZ"), MIG.chairOf, n.ref("almaty-process")))  # the derived edge
    return node


def membership(g: Graph, n: Nodes) -> URIRef:
    """Turkey a member of the Almaty Process, as of 2013."""
    g.add((n.ref("TUR"), ORG.memberOf, n.ref("almaty-process")))  # the derived edge
    return new(g, fact(n, "membership/almaty-process--member--TUR--2013"), (RDF.type, MIG.ProcessMembership),
               (ORG.member, n.ref("TUR")), (ORG.organization, n.ref("almaty-process")), (ORG.role, ROLE.member),
               (MIG.attestedOn, YEAR), (PROV.wasDerivedFrom, n.tur_span))


def handover(g: Graph, n: Nodes) -> URIRef:
    """The chair of the Almaty Process handed from Turkey to Kazakhstan at the conference, in June 2013."""
    return new(g, fact(n, "handover/almaty-process--chair--KAZ--2013-06-05-almaty-ministerial-conference--2013-06"),
               (RDF.type, MIG.Handover), (MIG.process, n.ref("almaty-process")), (ORG.role, ROLE.chair),
               (MIG.previousHolder, n.ref("TUR")), (MIG.nextHolder, n.ref("KAZ")), (MIG.attestedAt, n.event),
               (MIG.attestedOn, MONTH), (PROV.wasDerivedFrom, n.tur_span))


def document(g: Graph, n: Nodes) -> URIRef:
    """A declaration, with its kind and name attested."""
    node = URIRef(f"{DATA}document/2013-almaty-declaration")
    attested(g, n, "document--2013-almaty-declaration--type", node, RDF.type, MIG.Declaration)
    attested(g, n, "document--2013-almaty-declaration--name", node, SDO.name,
             Literal("Алматинская декларация", lang="ru"))
    return node


def participants(g: Graph, n: Nodes) -> URIRef:
    """The participants of the conference as a group."""
    return new(g, URIRef(f"{n.event}/participants"), (RDF.type, MIG.EventParticipants), (RDF.type, FOAF.Group),
               (MIG.groupOf, n.event), (RDFS.label, Literal("participants of the conference", lang="en")),
               (RDFS.label, Literal("участники конференции", lang="ru")))


def adoption(g: Graph, n: Nodes) -> URIRef:
    """The declaration adopted at the conference by Kazakhstan and the participants."""
    node = new(g, fact(n, "adoption/2013-almaty-declaration--adopted--2013-06-05-almaty-ministerial-conference"),
               (RDF.type, MIG.DocumentAdoption), (MIG.document, document(g, n)), (MIG.action, ACTION.adopted),
               (MIG.event, n.event), (MIG.party, n.ref("KAZ")), (MIG.party, participants(g, n)),
               (PROV.wasDerivedFrom, n.tur_span))
    for party in (n.ref("KAZ"), participants(g, n)):  # the derived edges
        g.add((party, MIG.adopted, document(g, n)))
    g.add((document(g, n), MIG.adoptedAt, n.event))
    return node


def grouping(g: Graph, n: Nodes) -> URIRef:
    """"Central Asia and neighbouring countries": the participants so described (and the region the words name,
    where region:scheme is in the vocabulary)."""
    node = new(g, fact(n, "grouping/central-asia-and-neighbours"), (RDF.type, MIG.StatedGrouping),
               (SDO.name, Literal("Центральной Азии и соседних стран", lang="ru")), (SDO.about, n.event),
               (MIG.groupedRole, ROLE.participant), (PROV.wasDerivedFrom, n.tur_span))
    if (REGION["143"], RDF.type, SKOS.Concept) in g:
        g.add((node, MIG.namesRegion, REGION["143"]))
    return node


def supplied_issued(g: Graph, n: Nodes) -> URIRef:
    """The release's date of issue as the curator supplied it (from a URL), not as its dateline states it."""
    g.remove((n.issued, PROV.wasDerivedFrom, None))
    return new(g, n.issued, (RDF.type, MIG.SuppliedFact), (DCTERMS.source, SUPPLIED_FROM))


def _status_out_of_its_group(g: Graph, n: Nodes) -> Node:
    """role:member no longer narrower than role:membership-status, and a membership with it."""
    drop(g, ROLE.member, SKOS.broader)
    membership(g, n)
    return ROLE.member


WELL_FORMED: dict[str, Callable[[Graph, Nodes], URIRef]] = {
    "RelayedReportShape": relayed_report,
    "StatedPurposeShape": lambda g, n: n.purpose,
    "ProcessPositionShape": position,
    "ProcessMembershipShape": membership,
    "HandoverShape": handover,
    "PositionConceptShape": position,
    "StatusConceptShape": membership,
    "OutcomeDocumentShape": document,
    "DocumentAdoptionShape": adoption,
    "CollectiveAgentShape": participants,
    "StatedGroupingShape": grouping,
    "IntervalShape": event_period,
    "InstantShape": event_period,
    "InstantDay": event_period,
    "InstantMonth": position,
    "InstantYear": position,
    "DayValue": position,
    "MonthValue": handover,
    "YearValue": membership,
    "EvidencedFact": membership,
    "SuppliedFactShape": supplied_issued,
}
"""For each new node shape, a builder of a well-formed node it checks: the seed with it conforms as the seed does."""




# --------------------------------------------------------------------------- one case per shape

@dataclass(frozen=True)
class Case:
    """Break the seed graph in place; return the node that the shape must report on."""

    name: str
    mutate: Callable[[Graph, Nodes], Node]
    severity: str = "Violation"


def _fewer_than_the_list(g: Graph, n: Nodes) -> Node:
    """The seed's count made 10, as many as it lists (no warning), then "fewer than 10" (a warning of its own)."""
    put(g, n.count_claim, MIG.claimedCount, Literal(10, datatype=XSD.nonNegativeInteger))
    return add(g, n.count_claim, MIG.countQualifier, QUALIFIER["fewer-than"])


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


def put_geonames(g: Graph, n: Nodes, value: URIRef) -> Node:
    """Replace Almaty's GeoNames link (and only it: its Wikidata link stays)."""
    almaty = n.ref("almaty")
    geonames = [o for o in g.objects(almaty, OWL.sameAs) if str(o).startswith("https://sws.geonames.org/")]
    assert len(geonames) == 1, "Almaty has no GeoNames link: the seed changed"
    g.remove((almaty, OWL.sameAs, geonames[0]))
    g.add((almaty, OWL.sameAs, value))
    return almaty


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
        # a launch at no event of the card: when or where the text says, or else nothing to say it by
        Case("neither-event-nor-date-nor-place", lambda g, n: drop(g, n.launch, MIG.event)),
        Case("launch-date-not-a-date", lambda g, n: add(g, n.launch, DCTERMS.date, Literal("in 2014"))),
        Case("two-launch-dates", lambda g, n: add_all(g, n.launch, DCTERMS.date,
                                                      [Literal(year, datatype=XSD.gYear) for year in ("2014", "2015")])),
        Case("launched-in-a-state", lambda g, n: add(g, n.launch, SDO.location, n.ref("KAZ"))),
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
        # naming only some of those counted excuses naming fewer, never more (the seed names 10 for its 8)
        Case("names-more-than-a-partial-count", lambda g, n: add(g, n.count_claim, MIG.namesOnlySome,
                                                                  Literal(True)), severity="Warning"),
        Case("names-only-some-not-a-boolean", lambda g, n: add(g, n.count_claim, MIG.namesOnlySome, Literal("yes"))),
        # a count of 10 agrees with the 10 listed, "fewer than 10" does not; no qualifier outside the scheme
        Case("names-more-than-an-upper-bound", _fewer_than_the_list, severity="Warning"),
        Case("qualifier-not-a-concept", lambda g, n: add(g, n.count_claim, MIG.countQualifier, Literal("more than"))),
        Case("two-qualifiers", lambda g, n: add_all(g, n.count_claim, MIG.countQualifier,
                                                    [QUALIFIER["more-than"], QUALIFIER.about])),
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
        Case("two-dates", lambda g, n: add(g, n.event, DCTERMS.date, Literal("2013-06-06", datatype=XSD.date)),
             "Warning"),
        Case("two-places", lambda g, n: add(g, n.event, SDO.location, n.ref("almaty-process")), "Warning"),
        Case("date-not-a-date", lambda g, n: put(g, n.event, DCTERMS.date, Literal("5 June 2013"))),
        Case("place-a-state", lambda g, n: put(g, n.event, SDO.location, n.ref("KAZ"))),
        Case("no-name", lambda g, n: drop(g, n.event, SDO.name)),
        Case("attendance-not-a-mode", lambda g, n: add(g, n.event, SDO.eventAttendanceMode, SDO.VirtualLocation)),
        Case("two-attendance-modes", lambda g, n: add_all(g, n.event, SDO.eventAttendanceMode,
                                                          [SDO.OnlineEventAttendanceMode,
                                                           SDO.OfflineEventAttendanceMode]), "Warning"),
    ],
    "StateShape": [
        Case("alpha3-lower-case", lambda g, n: put(g, n.ref("KAZ"), MIG.iso3166Alpha3, Literal("kz"))),
        Case("alpha2-three-letters", lambda g, n: put(g, n.ref("KAZ"), MIG.iso3166Alpha2, Literal("KAZ"))),
        Case("no-russian-label", lambda g, n: drop_label(g, n.ref("TUR"), "ru")),
        Case("no-english-label", lambda g, n: drop_label(g, n.ref("TUR"), "en")),
        Case("two-english-labels", lambda g, n: add(g, n.ref("TUR"), RDFS.label, Literal("Turkey", lang="en"))),
        Case("wikidata-not-an-item", lambda g, n: put(g, n.ref("KAZ"), OWL.sameAs,
                                                      URIRef("https://en.wikipedia.org/wiki/Kazakhstan"))),
        Case("in-two-regions", lambda g, n: add(g, n.ref("KAZ"), MIG.inRegion, REGION["145"])),
        Case("region-is-a-topic", lambda g, n: put(g, n.ref("KAZ"), MIG.inRegion, HUMAN_RIGHTS)),
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
        Case("two-types", lambda g, n: add(g, n.ref("kaz-minister-foreign-affairs"), ORG.role, ROLE["deputy-minister"])),
        Case("type-is-a-topic", lambda g, n: put(g, n.ref("kaz-minister-foreign-affairs"), ORG.role, HUMAN_RIGHTS)),
    ],
    "PostTypeShape": [
        Case("post-type-is-an-event-role", _value_shape(
            lambda g, n: put(g, n.ref("kaz-minister-foreign-affairs"), ORG.role, ROLE.participant),
            lambda n: ROLE.participant)),
        Case("post-type-out-of-its-group", _value_shape(
            lambda g, n: drop(g, ROLE.minister, SKOS.broader), lambda n: ROLE.minister)),
        Case("post-type-out-of-its-scheme", _value_shape(
            lambda g, n: put(g, ROLE.minister, SKOS.inScheme, TOPIC.scheme), lambda n: ROLE.minister)),
    ],
    "CityShape": [
        Case("no-english-label", lambda g, n: drop_label(g, n.ref("almaty"), "en")),
        Case("in-two-states", lambda g, n: add(g, n.ref("almaty"), SDO.containedInPlace, n.ref("KGZ"))),
        Case("in-a-government", lambda g, n: put(g, n.ref("almaty"), SDO.containedInPlace, n.ref("kaz-government"))),
        Case("two-geonames-places", lambda g, n: add(g, n.ref("almaty"), OWL.sameAs,
                                                     URIRef("https://sws.geonames.org/1526273/"))),
        Case("two-wikidata-items", lambda g, n: add(g, n.ref("almaty"), OWL.sameAs,
                                                    URIRef("http://www.wikidata.org/entity/Q1520"))),
        Case("geonames-web-page", lambda g, n: put_geonames(g, n, URIRef("https://www.geonames.org/1526384"))),
    ],
    "RegionalConsultativeProcessShape": [
        Case("no-russian-label", lambda g, n: drop_label(g, n.ref("almaty-process"), "ru")),
        Case("launched-twice", lambda g, n: add(g, n.ref("almaty-process"), MIG.launchedAt,
                                                URIRef(str(n.event) + "-2"))),
        Case("founding-date-not-a-date", lambda g, n: put(g, n.ref("almaty-process"), SDO.foundingDate,
                                                          Literal("June 2013"))),
        Case("founded-in-a-state", lambda g, n: put(g, n.ref("almaty-process"), SDO.foundingLocation, n.ref("KAZ"))),
        Case("two-founding-dates", lambda g, n: add(g, n.ref("almaty-process"), SDO.foundingDate,
                                                    Literal("2014", datatype=XSD.gYear)), "Warning"),
        Case("two-founding-places", lambda g, n: add(g, n.ref("almaty-process"), SDO.foundingLocation,
                                                     n.ref("almaty-process")), "Warning"),
    ],
    "RegionConceptShape": [
        Case("region-is-a-topic", _value_shape(
            lambda g, n: put(g, n.ref("KAZ"), MIG.inRegion, HUMAN_RIGHTS), lambda n: HUMAN_RIGHTS)),
        Case("region-out-of-its-scheme", _value_shape(
            lambda g, n: put(g, REGION["143"], SKOS.inScheme, TOPIC.scheme), lambda n: REGION["143"])),
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
    # ----------------------------------------------------------------------- issue 12: each case adds a
    # well-formed node of a new kind (the builders above), breaks one thing, and names the node to report on
    "RelayedReportShape": [
        Case("no-outlet", lambda g, n: drop(g, relayed_report(g, n), SDO.publisher)),
        Case("outlet-is-a-person", lambda g, n: put(g, relayed_report(g, n), SDO.publisher, n.ref("laura-thompson"))),
        Case("two-addresses", lambda g, n: add(g, relayed_report(g, n), SDO.url, URIRef("https://example.org/un/2"))),
    ],
    "StatedPurposeShape": [
        Case("no-topic", lambda g, n: drop(g, n.purpose, DCTERMS.subject)),
        Case("topic-is-a-kind", lambda g, n: add(g, n.purpose, DCTERMS.subject, KIND["direct-quote"])),
        Case("purpose-of-a-state", lambda g, n: put(g, n.purpose, MIG.purposeOf, n.ref("KAZ"))),
        Case("words-without-language", lambda g, n: put(g, n.purpose, SDO.description, Literal("words"))),
    ],
    "ProcessPositionShape": [
        Case("no-holder", lambda g, n: drop(g, position(g, n), ORG.member)),
        Case("holder-is-a-city", lambda g, n: put(g, position(g, n), ORG.member, n.ref("almaty"))),
        Case("position-is-a-status", lambda g, n: put(g, position(g, n), ORG.role, ROLE.member)),
        Case("in-an-event", lambda g, n: put(g, position(g, n), ORG.organization, n.event)),
        Case("two-dates", lambda g, n: add(g, position(g, n), MIG.attestedOn, MONTH)),
        Case("date-as-text", lambda g, n: put(g, position(g, n), MIG.attestedOn, Literal("2013-06-05"))),
    ],
    "ProcessMembershipShape": [
        Case("status-is-a-position", lambda g, n: put(g, membership(g, n), ORG.role, ROLE.chair)),
        Case("two-members", lambda g, n: add(g, membership(g, n), ORG.member, n.ref("KAZ"))),
        Case("period-is-an-event", lambda g, n: add(g, membership(g, n), ORG.memberDuring, n.event)),
    ],
    "HandoverShape": [
        Case("no-next-holder", lambda g, n: drop(g, handover(g, n), MIG.nextHolder)),
        Case("two-previous-holders", lambda g, n: add(g, handover(g, n), MIG.previousHolder, n.ref("AZE"))),
        Case("position-is-an-event-role", lambda g, n: put(g, handover(g, n), ORG.role, ROLE.participant)),
        Case("at-a-state", lambda g, n: put(g, handover(g, n), MIG.attestedAt, n.ref("KAZ"))),
    ],
    "PositionConceptShape": [
        Case("held-position-is-a-status", _value_shape(
            lambda g, n: put(g, position(g, n), ORG.role, ROLE.member), lambda n: ROLE.member)),
        Case("handed-over-position-is-an-event-role", _value_shape(
            lambda g, n: put(g, handover(g, n), ORG.role, ROLE.host), lambda n: ROLE.host)),
    ],
    "StatusConceptShape": [
        Case("status-is-a-position", _value_shape(
            lambda g, n: put(g, membership(g, n), ORG.role, ROLE.chair), lambda n: ROLE.chair)),
        Case("status-out-of-its-group", _status_out_of_its_group),
    ],
    "OutcomeDocumentShape": [
        Case("no-name", lambda g, n: drop(g, document(g, n), SDO.name)),
        Case("name-without-language", lambda g, n: put(g, document(g, n), SDO.name, Literal("Алматинская декларация"))),
    ],
    "DocumentAdoptionShape": [
        Case("no-party", lambda g, n: drop(g, adoption(g, n), MIG.party)),
        Case("party-is-a-city", lambda g, n: add(g, adoption(g, n), MIG.party, n.ref("almaty"))),
        Case("action-is-a-role", lambda g, n: put(g, adoption(g, n), MIG.action, ROLE.participant)),
        Case("document-is-an-event", lambda g, n: put(g, adoption(g, n), MIG.document, n.event)),
        Case("no-event", lambda g, n: drop(g, adoption(g, n), MIG.event)),
    ],
    "CollectiveAgentShape": [
        Case("group-of-nothing", lambda g, n: drop(g, participants(g, n), MIG.groupOf)),
        Case("group-of-two", lambda g, n: add(g, participants(g, n), MIG.groupOf, n.ref("KAZ"))),
    ],
    "StatedGroupingShape": [
        Case("role-without-shortcut", lambda g, n: put(g, grouping(g, n), MIG.groupedRole, ROLE.chair)),
        Case("about-a-state", lambda g, n: put(g, grouping(g, n), SDO.about, n.ref("KAZ"))),
        Case("two-wordings", lambda g, n: add(g, grouping(g, n), SDO.name, Literal("Central Asia", lang="en"))),
        Case("region-is-a-state", lambda g, n: add(g, grouping(g, n), MIG.namesRegion, n.ref("KAZ"))),
    ],
    "IntervalShape": [
        Case("two-beginnings", lambda g, n: add(g, event_period(g, n), TIME.hasBeginning,
                                                URIRef(f"{event_period(g, n)}/end"))),
        Case("end-is-an-event", lambda g, n: put(g, event_period(g, n), TIME.hasEnd, n.event)),
    ],
    "InstantShape": [
        Case("no-date", lambda g, n: drop(g, URIRef(f"{event_period(g, n)}/beginning"), TIME.inXSDDate)),
        Case("a-day-and-a-year", lambda g, n: add(g, URIRef(f"{event_period(g, n)}/beginning"), TIME.inXSDgYear, YEAR)),
        Case("month-as-text", lambda g, n: put(g, URIRef(f"{position(g, n)}/period/end"), TIME.inXSDgYearMonth,
                                               Literal("2014-06"))),
    ],
    "InstantDay": [
        Case("two-days", lambda g, n: add(g, URIRef(f"{event_period(g, n)}/end"), TIME.inXSDDate,
                                          Literal("2013-06-06", datatype=XSD.date))),
    ],
    "InstantMonth": [
        Case("two-months", lambda g, n: add(g, URIRef(f"{position(g, n)}/period/end"), TIME.inXSDgYearMonth,
                                            Literal("2014-07", datatype=XSD.gYearMonth))),
    ],
    "InstantYear": [
        Case("two-years", lambda g, n: add(g, URIRef(f"{position(g, n)}/period/beginning"), TIME.inXSDgYear,
                                           Literal("2014", datatype=XSD.gYear))),
    ],
    "DayValue": [
        Case("held-on-a-date-and-time", _value_shape(
            lambda g, n: put(g, n.holding, MIG.attestedOn, Literal("2013-06-05T10:00:00", datatype=XSD.dateTime)),
            lambda n: Literal("2013-06-05T10:00:00", datatype=XSD.dateTime))),
        Case("position-on-a-day-as-text", _value_shape(
            lambda g, n: put(g, position(g, n), MIG.attestedOn, Literal("2013-06-05")), lambda n: Literal("2013-06-05"))),
    ],
    "MonthValue": [
        Case("handed-over-in-a-month-as-text", _value_shape(
            lambda g, n: put(g, handover(g, n), MIG.attestedOn, Literal("2013-06")), lambda n: Literal("2013-06"))),
    ],
    "YearValue": [
        Case("member-in-a-year-as-a-number", _value_shape(
            lambda g, n: put(g, membership(g, n), MIG.attestedOn, Literal(2013)), lambda n: Literal(2013))),
        Case("event-in-a-year-as-a-number", _value_shape(
            lambda g, n: put(g, n.event, DCTERMS.date, Literal(2013)), lambda n: Literal(2013))),
    ],
    "EvidencedFact": [
        Case("membership-without-evidence", lambda g, n: drop(g, membership(g, n), PROV.wasDerivedFrom)),
        Case("adoption-without-evidence", lambda g, n: drop(g, adoption(g, n), PROV.wasDerivedFrom)),
    ],
    "SuppliedFactShape": [
        Case("supplied-with-evidence", lambda g, n: add(g, supplied_issued(g, n), PROV.wasDerivedFrom, n.tur_span)),
        Case("no-source", lambda g, n: drop(g, supplied_issued(g, n), DCTERMS.source)),
        Case("source-as-text", lambda g, n: put(g, supplied_issued(g, n), DCTERMS.source, Literal(str(SUPPLIED_FROM)))),
    ],
}


#: a shape with a feature the compiled engine lacks (sh:or), to make a build fall back to pyshacl;
#: it passes for every state, so it changes no report
#: a shape with a feature the compiled engine lacks (a sequence path), so the build falls back to pyshacl;
#: it passes for every state. (It used sh:or until the engine learnt the logical components.)
LACKING_SHAPE = """
migsh:StateTypesShape
    a sh:NodeShape ;
    sh:targetClass mig:State ;
    rdfs:label "State (a shape with a sequence path, for the fallback test)"@en ;
    rdfs:comment "Passes for every state."@en ;
    sh:property [ sh:path ( rdf:type rdf:type ) ; sh:maxCount 1000 ; sh:message "Too many types of types." ] .
"""
