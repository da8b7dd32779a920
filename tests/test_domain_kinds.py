"""Every kind of fact issue 12 added, built end to end: the test text of ``tests/fixtures/kinds/`` (a news
item with invented persons and words, see :mod:`tests.kinds`) beside the seed release, through ``migkg build``.

The build must report no violation (the seed's count warning, and nothing else), and its output
(``migkg-2019.nq``, read into Oxigraph) must hold the triples the design of issue 12 promises
(``spec-issue12.md``, "RDF"): each node's IRI, its classes, every property with its value and datatype,
its evidence (the span of the exact words quoted), and the direct edges the rules derive. Each node is
compared whole, property by property: nothing missing, nothing more.
"""
from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.kinds import CARD, REGIONS, RELEASE, ROOT, make_corpus

SEED = "2013-06-05-unhcr-iom-almaty-ministerial"
BASE = "https://w3id.org/migkg/"
RELEASE_IRI = f"{BASE}release/{RELEASE}"
SOURCE_TEXT = (Path(__file__).resolve().parent / "fixtures" / "kinds" / "releases" / RELEASE / "source.txt") \
    .read_text(encoding="utf-8")
PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#", "mig": f"{BASE}ontology#", "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#", "prov": "http://www.w3.org/ns/prov#", "dcterms": "http://purl.org/dc/terms/",
    "time": "http://www.w3.org/2006/time#", "foaf": "http://xmlns.com/foaf/0.1/", "skos": "http://www.w3.org/2004/02/skos/core#",
    "role": f"{BASE}role/", "topic": f"{BASE}topic/", "kind": f"{BASE}kind/", "action": f"{BASE}action/",
    "region": f"{BASE}region/", "state": f"{BASE}state/", "organisation": f"{BASE}organisation/",
    "person": f"{BASE}person/", "place": f"{BASE}place/", "process": f"{BASE}process/", "event": f"{BASE}event/",
    "document": f"{BASE}document/", "interval": f"{BASE}interval/", "rel": f"{RELEASE_IRI}/",
}
MINISTERIAL = "event:2019-04-24-baku-ministerial"


# --------------------------------------------------------------------------- helpers

def short(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> str:
    """A term as the expectations below write it: ``prefix:local``, ``<release>`` for the release itself,
    ``"words"@en``, ``"2019-04"^^xsd:gYearMonth``."""
    if isinstance(term, ox.Literal):
        if term.language:
            return f'"{term.value}"@{term.language}'
        if term.datatype.value == PREFIXES["xsd"] + "string":
            return f'"{term.value}"'
        return f'"{term.value}"^^{short(term.datatype)}'
    if isinstance(term, ox.BlankNode):
        raise AssertionError(f"a blank node in the published output: {term}")
    if term.value == RELEASE_IRI:
        return "<release>"
    best = max((p for p, ns in PREFIXES.items() if term.value.startswith(ns)), key=lambda p: len(PREFIXES[p]),
               default=None)
    return f"{best}:{term.value[len(PREFIXES[best]):]}" if best else f"<{term.value}>"


def full(name: str) -> ox.NamedNode:
    """The IRI a short name stands for."""
    if name == "<release>":
        return ox.NamedNode(RELEASE_IRI)
    if name.startswith("<"):
        return ox.NamedNode(name[1:-1])
    prefix, local = name.split(":", 1)
    return ox.NamedNode(PREFIXES[prefix] + local)


def span(words: str, occurrence: int = 1) -> str:
    """The evidence span of the ``occurrence``-th occurrence of ``words`` in the test text."""
    begin = -1
    for _ in range(occurrence):
        begin = SOURCE_TEXT.index(words, begin + 1)
    return f"rel:text#char={begin},{begin + len(words)}"


def facts(store: ox.Store, node: str) -> set[tuple[str, str]]:
    """Every (property, value) of a node in the release's own graph."""
    return described(store, node, "rel:graph")


def derived(store: ox.Store, node: str) -> set[tuple[str, str]]:
    """Every (property, value) of a node in the release's derived graph."""
    return described(store, node, "rel:derived")


def described(store: ox.Store, node: str, graph: str) -> set[tuple[str, str]]:
    rows = store.query(f"SELECT ?p ?o WHERE {{ GRAPH {full(graph)} {{ {full(node)} ?p ?o }} }}")
    assert isinstance(rows, ox.QuerySolutions)
    return {(short(row["p"]), short(row["o"])) for row in rows}


def ask(store: ox.Store, pattern: str) -> bool:
    """Whether the pattern matches in some graph of the store."""
    answer = store.query(f"ASK {{ GRAPH ?g {{ {pattern} }} }}")
    assert isinstance(answer, ox.QueryBoolean)
    return bool(answer)


def quads(path: Path) -> set[tuple[str, str, str, str]]:
    """The quads of an N-Quads file as text (an IRI by its value, a literal in N-Triples form), read as written."""
    def text(term: object) -> str:
        return term.value if isinstance(term, ox.NamedNode) else str(term)
    return {(text(q.subject), text(q.predicate), text(q.object), text(q.graph_name))
            for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)}


def attestation(subject: str, predicate: str, obj: str, evidence: str) -> set[tuple[str, str]]:
    return {("rdf:type", "mig:Attestation"), ("rdf:subject", subject), ("rdf:predicate", predicate),
            ("rdf:object", obj), ("prov:wasDerivedFrom", evidence)}


# --------------------------------------------------------------------------- the build

@pytest.fixture(scope="module")
def build(tmp_path_factory, run_migkg):
    """``migkg build`` of the seed and the test text; the finished process and the output folder."""
    base = tmp_path_factory.mktemp("kinds")
    data = make_corpus(base)
    done = run_migkg("build", "--data", data, "--out", base / "out", cwd=base)
    return done, base / "out"


@pytest.fixture(scope="module")
def store(build) -> ox.Store:
    """The test release's dump part (``migkg-2019.nq``) and the registry's, with the vocabulary, in Oxigraph."""
    done, out = build
    assert done.returncode == 0, done.stderr
    store = ox.Store()
    for part in ("2019", "registry"):
        store.load(path=str(out / f"migkg-{part}.nq"), format=ox.RdfFormat.N_QUADS)
    return store


@pytest.fixture(scope="module")
def raw(build) -> Callable[[str, str, str], set[str]]:
    """The values of (subject, property) in a graph of ``migkg-2019.nq`` as the file writes them (Oxigraph
    reads every integer type, xsd:positiveInteger..., as xsd:integer; the file keeps the type written)."""
    _done, out = build
    read = list(ox.parse(path=str(out / "migkg-2019.nq"), format=ox.RdfFormat.N_QUADS))

    def values(subject: str, predicate: str, graph: str) -> set[str]:
        return {short(q.object) for q in read
                if q.subject == full(subject) and q.predicate == full(predicate) and q.graph_name == full(graph)}
    return values


def test_the_build_reports_no_violation_and_only_the_seeds_warning(build):
    done, out = build
    assert done.returncode == 0, done.stderr
    assert "0 violation(s), 1 warning(s)." in done.stderr, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1 and "migsh:CountClaim-matches" in warnings[0], warnings
    assert (out / "migkg-2019.nq").is_file() and (out / "migkg-2013.nq").is_file()


# --------------------------------------------------------------------------- events

def test_an_event_period_is_an_interval_of_two_instants(store):
    """``period: {from: 2019-04-24, to: 2019-04-25}``: attested as mig:period, to the interval
    ``interval/<from>..<to>``, named by its ends so that releases giving one event the same period give
    it one interval (only different periods make the Event-period Warning); its ends are instants."""
    interval = "interval:2019-04-24..2019-04-25"
    assert facts(store, "rel:attestation/event--2019-04-24-baku-ministerial--period") == attestation(
        MINISTERIAL, "mig:period", interval, span("from 24 to 25 April 2019"))
    assert facts(store, interval) == {("rdf:type", "time:Interval"), ("time:hasBeginning", f"{interval}/beginning"),
                                      ("time:hasEnd", f"{interval}/end")}
    assert facts(store, f"{interval}/beginning") == {("rdf:type", "time:Instant"),
                                                     ("time:inXSDDate", '"2019-04-24"^^xsd:date')}
    assert facts(store, f"{interval}/end") == {("rdf:type", "time:Instant"), ("time:inXSDDate", '"2019-04-25"^^xsd:date')}
    assert ("mig:period", interval) in derived(store, MINISTERIAL)


def test_an_event_meeting_of_a_process_with_its_number_and_the_event_it_is_part_of(store, raw):
    prefix = "rel:attestation/event--2019-04-24-baku-ministerial"
    assert facts(store, f"{prefix}--meeting-of") == attestation(
        MINISTERIAL, "mig:meetingOf", "process:almaty-process", span("Ministerial Conference of the Almaty Process"))
    assert facts(store, f"{prefix}--part-of") == attestation(
        MINISTERIAL, "schema:superEvent", "event:2019-04-baku-migration-week", span("as part of the Baku Migration Week"))
    # an xsd:integer, as the file writes it (Oxigraph would read any integer type, xsd:positiveInteger too, as one)
    assert raw(f"{prefix}--number", "rdf:object", "rel:graph") == {'"3"^^xsd:integer'}
    assert raw(MINISTERIAL, "mig:numberInSeries", "rel:derived") == {'"3"^^xsd:integer'}
    assert facts(store, f"{prefix}--number") == attestation(
        MINISTERIAL, "mig:numberInSeries", '"3"^^xsd:integer', span("3rd"))
    assert derived(store, MINISTERIAL) == {
        ("rdf:type", "mig:MinisterialConference"), ("schema:name", '"3rd Ministerial Conference of the Almaty Process"@en'),
        ("dcterms:date", '"2019-04-24"^^xsd:date'), ("schema:location", "place:baku"),
        ("mig:period", "interval:2019-04-24..2019-04-25"),
        ("mig:meetingOf", "process:almaty-process"), ("mig:numberInSeries", '"3"^^xsd:integer'),
        ("schema:superEvent", "event:2019-04-baku-migration-week"),
        ("dcterms:subject", "topic:mixed-migration"), ("dcterms:subject", "topic:refugee-protection")}
    assert derived(store, "event:2019-04-baku-migration-week") == {
        ("rdf:type", "mig:ThematicMeeting"), ("schema:name", '"Baku Migration Week"@en'),
        ("dcterms:date", '"2019-04"^^xsd:gYearMonth'), ("schema:subEvent", MINISTERIAL)}
    assert derived(store, "process:almaty-process") == {("schema:event", MINISTERIAL)}


def test_an_event_stated_purpose_gives_the_event_its_topics(store):
    assert facts(store, "rel:purpose/2019-04-24-baku-ministerial--1") == {
        ("rdf:type", "mig:StatedPurpose"), ("mig:purposeOf", MINISTERIAL),
        ("dcterms:subject", "topic:mixed-migration"), ("dcterms:subject", "topic:refugee-protection"),
        ("schema:description", '"to consider joint action on mixed migration and the protection of refugees"@en'),
        ("prov:wasDerivedFrom", span("to consider joint action on mixed migration and the protection of refugees"))}


# --------------------------------------------------------------------------- release metadata

def test_release_metadata_with_a_month_for_its_date_and_a_supplied_publisher(store):
    assert facts(store, "<release>") == {("dcterms:language", "<http://id.loc.gov/vocabulary/iso639-1/en>"),
                                        ("schema:url", "<https://example.org/news/2019/04/almaty-process-baku>")}
    assert derived(store, "<release>") == {
        ("rdf:type", "mig:NewsItem"), ("dcterms:title", '"The Almaty Process meets in Baku and adopts a declaration"@en'),
        ("dcterms:issued", '"2019-04"^^xsd:gYearMonth'), ("schema:locationCreated", "place:baku"),
        ("schema:publisher", "organisation:iom"), ("schema:publisher", "organisation:unhcr"),
        ("schema:author", "person:dana-vell"), ("schema:isBasedOn", "rel:relayed-report/steppe-wire")}
    assert facts(store, "rel:attestation/release--issued") == attestation(
        "<release>", "dcterms:issued", '"2019-04"^^xsd:gYearMonth', span("BAKU, Azerbaijan, April 2019"))
    assert facts(store, "rel:attestation/release--publisher--iom") == attestation(
        "<release>", "schema:publisher", "organisation:iom", span("NEWS ITEM | IOM"))
    assert facts(store, "rel:attestation/release--author--dana-vell") == attestation(
        "<release>", "schema:author", "person:dana-vell", span("By Dana Vell"))
    assert facts(store, "rel:relayed-report/steppe-wire") == {
        ("rdf:type", "mig:RelayedReport"), ("rdf:type", "schema:CreativeWork"),
        ("schema:publisher", "organisation:steppe-wire"), ("schema:url", "<https://example.org/steppe-wire/123>"),
        ("mig:relayedIn", "<release>"), ("prov:wasDerivedFrom", span("as reported by Steppe Wire"))}


def test_a_supplied_fact_names_its_source_and_cites_no_words(store):
    supplied = "rel:attestation/release--publisher--unhcr"
    assert facts(store, supplied) == {
        ("rdf:type", "mig:Attestation"), ("rdf:type", "mig:SuppliedFact"), ("rdf:subject", "<release>"),
        ("rdf:predicate", "schema:publisher"), ("rdf:object", "organisation:unhcr"),
        ("dcterms:source", "<https://example.org/unhcr/news>")}
    rows = store.query("PREFIX mig: <https://w3id.org/migkg/ontology#> "
                       "SELECT ?fact WHERE { GRAPH ?g { ?fact a mig:SuppliedFact } }")
    assert isinstance(rows, ox.QuerySolutions)
    assert [short(row["fact"]) for row in rows] == [supplied], "the only supplied fact of the card"


def test_a_city_in_a_state_as_the_text_says(store):
    assert facts(store, "rel:attestation/place--baku--state") == attestation(
        "place:baku", "schema:containedInPlace", "state:AZE", span("BAKU, Azerbaijan"))
    assert derived(store, "place:baku") == {("schema:containedInPlace", "state:AZE")}


# --------------------------------------------------------------------------- processes over time

PROCESS = {("org:organization", "process:almaty-process")}


def test_positions_in_a_process_at_an_event_on_a_date_and_for_a_period(store):
    kaz = "rel:position/almaty-process--chair--KAZ--2019-04-24-baku-ministerial"
    aze = "rel:position/almaty-process--chair--AZE--2016..2018"
    tur = "rel:position/almaty-process--co-chair--TUR--2015-05"
    assert facts(store, kaz) == PROCESS | {
        ("rdf:type", "mig:ProcessPosition"), ("org:member", "state:KAZ"), ("org:role", "role:chair"),
        ("mig:attestedAt", MINISTERIAL), ("mig:attestedOn", '"2019-04-24"^^xsd:date'),  # the event's date
        ("prov:wasDerivedFrom", span("Kazakhstan took the chair"))}
    assert facts(store, aze) == PROCESS | {
        ("rdf:type", "mig:ProcessPosition"), ("org:member", "state:AZE"), ("org:role", "role:chair"),
        ("org:memberDuring", f"{aze}/period"),
        ("prov:wasDerivedFrom", span("Azerbaijan, which chaired the process from 2016 to 2018"))}
    assert facts(store, f"{aze}/period") == {("rdf:type", "time:Interval"), ("time:hasBeginning", f"{aze}/period/beginning"),
                                             ("time:hasEnd", f"{aze}/period/end")}
    assert facts(store, f"{aze}/period/beginning") == {("rdf:type", "time:Instant"), ("time:inXSDgYear", '"2016"^^xsd:gYear')}
    assert facts(store, f"{aze}/period/end") == {("rdf:type", "time:Instant"), ("time:inXSDgYear", '"2018"^^xsd:gYear')}
    assert facts(store, tur) == PROCESS | {
        ("rdf:type", "mig:ProcessPosition"), ("org:member", "state:TUR"), ("org:role", "role:co-chair"),
        ("mig:attestedOn", '"2015-05"^^xsd:gYearMonth'), ("prov:wasDerivedFrom", span("In May 2015 Turkey was named a co-chair"))}


def test_a_handover_from_one_holder_to_the_next(store):
    assert facts(store, "rel:handover/almaty-process--chair--KAZ--2019-04-24-baku-ministerial") == {
        ("rdf:type", "mig:Handover"), ("mig:process", "process:almaty-process"), ("org:role", "role:chair"),
        ("mig:previousHolder", "state:AZE"), ("mig:nextHolder", "state:KAZ"),
        ("mig:attestedAt", MINISTERIAL), ("mig:attestedOn", '"2019-04-24"^^xsd:date'),
        ("prov:wasDerivedFrom", span("handed the chairmanship over to Kazakhstan at the conference"))}


def test_memberships_of_every_status(store):
    membership = "rel:membership/almaty-process--"
    assert facts(store, f"{membership}member--TUR--2019-04-24-baku-ministerial") == PROCESS | {
        ("rdf:type", "mig:ProcessMembership"), ("org:member", "state:TUR"), ("org:role", "role:member"),
        ("mig:attestedAt", MINISTERIAL), ("mig:attestedOn", '"2019-04-24"^^xsd:date'),
        ("prov:wasDerivedFrom", span("at the conference Turkey took part as a member of the process"))}
    assert facts(store, f"{membership}observer--IRN--2016") == PROCESS | {
        ("rdf:type", "mig:ProcessMembership"), ("org:member", "state:IRN"), ("org:role", "role:observer"),
        ("mig:attestedOn", '"2016"^^xsd:gYear'), ("prov:wasDerivedFrom", span("Iran joined the process as an observer in 2016"))}
    partner = f"{membership}partner--iom--2015-05.."
    assert facts(store, partner) == PROCESS | {
        ("rdf:type", "mig:ProcessMembership"), ("org:member", "organisation:iom"), ("org:role", "role:partner"),
        ("org:memberDuring", f"{partner}/period"),
        ("prov:wasDerivedFrom", span("IOM has been a partner of the process since May 2015"))}
    assert facts(store, f"{partner}/period") == {("rdf:type", "time:Interval"),
                                                 ("time:hasBeginning", f"{partner}/period/beginning")}, "no end given"
    assert facts(store, f"{partner}/period/beginning") == {("rdf:type", "time:Instant"),
                                                           ("time:inXSDgYearMonth", '"2015-05"^^xsd:gYearMonth')}
    assert facts(store, f"{membership}invited-guest--unhcr") == PROCESS | {
        ("rdf:type", "mig:ProcessMembership"), ("org:member", "organisation:unhcr"), ("org:role", "role:invited-guest"),
        ("prov:wasDerivedFrom", span("UNHCR is an invited guest of the process"))}


def test_holders_get_the_edge_their_position_or_status_names(store):
    declaration = ("mig:adopted", "document:2019-baku-declaration")
    assert derived(store, "state:KAZ") == {("mig:chairOf", "process:almaty-process"), declaration}
    assert derived(store, "state:AZE") == {("mig:chairOf", "process:almaty-process"), declaration}
    assert derived(store, "state:TUR") == {("mig:coChairOf", "process:almaty-process"),
                                           ("org:memberOf", "process:almaty-process")}
    assert derived(store, "state:IRN") == {("mig:observerOf", "process:almaty-process")}
    assert derived(store, "organisation:iom") == {("mig:partnerOf", "process:almaty-process")}
    assert derived(store, "organisation:unhcr") == {("mig:invitedGuestOf", "process:almaty-process")}


def test_positions_and_memberships_are_org_memberships(store):
    for cls in ("mig:ProcessPosition", "mig:ProcessMembership"):
        assert ask(store, f"{full(cls)} <{PREFIXES['rdfs']}subClassOf>+ {full('org:Membership')}"), cls


# --------------------------------------------------------------------------- documents and collective agents

def test_a_document_adopted_at_an_event_by_states_and_the_participants(store):
    document = "document:2019-baku-declaration"
    participants = f"{MINISTERIAL}/participants"
    assert facts(store, "rel:attestation/document--2019-baku-declaration--type") == attestation(
        document, "rdf:type", "mig:Declaration", span("Declaration"))
    assert facts(store, "rel:attestation/document--2019-baku-declaration--name") == attestation(
        document, "schema:name", '"Baku Declaration"@en', span("Baku Declaration"))
    assert facts(store, "rel:adoption/2019-baku-declaration--adopted--2019-04-24-baku-ministerial") == {
        ("rdf:type", "mig:DocumentAdoption"), ("mig:document", document), ("mig:action", "action:adopted"),
        ("mig:event", MINISTERIAL), ("mig:party", "state:KAZ"), ("mig:party", "state:AZE"), ("mig:party", participants),
        ("prov:wasDerivedFrom", span("Kazakhstan, Azerbaijan and the other participants adopted the Baku Declaration"))}
    assert derived(store, document) == {("rdf:type", "mig:Declaration"), ("schema:name", '"Baku Declaration"@en'),
                                        ("mig:adoptedAt", MINISTERIAL)}
    assert derived(store, participants) == {("mig:adopted", document)}
    for cls in ("mig:OutcomeDocument", "schema:CreativeWork", "prov:Entity"):
        assert ask(store, f"{full('mig:Declaration')} <{PREFIXES['rdfs']}subClassOf>+ {full(cls)}"), cls


def test_collective_speakers_are_typed_groups_of_their_event_or_agent(store):
    participants, meeting, officials = f"{MINISTERIAL}/participants", f"{MINISTERIAL}/meeting", "state:KAZ/officials"
    assert facts(store, "rel:statement/participants-welcome-declaration") == {
        ("rdf:type", "mig:Statement"), ("mig:speechKind", "kind:joint-outcome"),
        ("mig:speaker", participants), ("mig:speaker", meeting), ("mig:madeAt", MINISTERIAL),
        ("dcterms:subject", "topic:regional-cooperation"), ("schema:about", "document:2019-baku-declaration"),
        ("prov:wasDerivedFrom", span("The participants agreed to meet again, and the conference as a whole welcomed "
                                     "the declaration"))}
    assert facts(store, "rel:statement/kazakh-officials-next-meeting") == {
        ("rdf:type", "mig:Statement"), ("mig:speechKind", "kind:reported-speech"), ("mig:speaker", officials),
        ("mig:madeAt", MINISTERIAL), ("dcterms:subject", "topic:regional-consultative-process"),
        ("schema:mentions", "place:almaty"),
        ("prov:wasDerivedFrom", span("Kazakh officials announced that the next meeting would be held in Almaty"))}
    for group, cls, of, english in ((participants, "mig:EventParticipants", MINISTERIAL, "participants of "),
                                    (meeting, "mig:EventAsABody", MINISTERIAL, "as a body: "),
                                    (officials, "mig:UnnamedOfficials", "state:KAZ", "officials of ")):
        said = facts(store, group)
        labels = {o for p, o in said if p == "rdfs:label"}
        assert said - {("rdfs:label", label) for label in labels} == {
            ("rdf:type", cls), ("rdf:type", "foaf:Group"), ("mig:groupOf", of)}, group
        assert sorted(label.rsplit("@", 1)[1] for label in labels) == ["en", "ru"], labels
        assert any(label.startswith(f'"{english}') and label.endswith("@en") for label in labels), labels
        for superclass in ("mig:CollectiveAgent", "foaf:Group", "prov:Agent"):
            assert ask(store, f"{full(cls)} <{PREFIXES['rdfs']}subClassOf>+ {full(superclass)}"), (cls, superclass)


def test_a_grouping_the_release_states(store):
    regions = {("mig:namesRegion", "region:143")} if REGIONS else set()
    assert facts(store, "rel:grouping/central-asia-and-neighbours") == regions | {
        ("rdf:type", "mig:StatedGrouping"), ("schema:name", '"Central Asia and neighbouring countries"@en'),
        ("schema:about", MINISTERIAL), ("mig:groupedRole", "role:participant"),
        ("prov:wasDerivedFrom", span("Central Asia and neighbouring countries"))}


# --------------------------------------------------------------------------- cards written before

def test_the_seed_builds_as_a_build_of_data_alone_builds_it(build, built_dir):
    """The test release changes nothing of the seed's part of the dataset."""
    _done, out = build
    assert (out / "migkg-2013.nq").read_bytes() == (built_dir / "migkg-2013.nq").read_bytes()


def test_the_seed_card_as_written_before_builds_the_same_graph_less_its_new_entries(tmp_path, run_migkg, built_dir):
    """The seed card without its entries of the new kinds (the conference's purpose, the release's grouping of the
    participants) is the card as written before issue 12: it builds with no new issue, and to the same quads less
    those two nodes, their evidence spans and the topics the purpose gives the event."""
    data = Path(shutil.copytree(ROOT / "data", tmp_path / "data"))
    card = data / "releases" / SEED / "card.yaml"
    text = card.read_text(encoding="utf-8")
    start, end = text.index("    purposes:\n"), text.index("    roles:\n")
    text = text[:start] + text[end:]
    card.write_text(text[:text.index("\ngroupings:\n")] + "\n", encoding="utf-8")
    done = run_migkg("build", "--data", data, "--out", tmp_path / "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "0 violation(s), 1 warning(s)." in done.stderr
    before, now = quads(tmp_path / "out" / "migkg-2013.nq"), quads(built_dir / "migkg-2013.nq")
    assert before <= now
    new_entries = {f"{BASE}release/{SEED}/purpose/2013-06-05-almaty-ministerial-conference--1",
                   f"{BASE}release/{SEED}/grouping/central-asia-and-neighbouring-countries"}
    spans = {o for s, p, o, _g in now - before if s in new_entries and p == f"{PREFIXES['prov']}wasDerivedFrom"}
    assert len(spans) == 2
    event = f"{BASE}event/2013-06-05-almaty-ministerial-conference"
    assert {(s, p, o) for s, p, o, _g in now - before if s not in new_entries | spans} == {
        (event, f"{PREFIXES['dcterms']}subject", f"{PREFIXES['topic']}{topic}")
        for topic in ("mixed-migration", "refugee-protection")}


# --------------------------------------------------------------------------- bad input

@dataclass(frozen=True)
class Mistake:
    """The commonest mistake in one new kind of entry: one edit of the test card, and what the error must say."""

    name: str
    old: str
    new: str
    field: str                 # the field the message names
    says: tuple[str, ...]      # what is wrong, and how to fix it
    line_of: str | None = None  # words of the edited card on the line the message names (default: the edit's start)


MISTAKES = [
    Mistake("position-chairman", "{position: chair, holder: KAZ,", "{position: chairman, holder: KAZ,",
            "processes[0].positions[0].position", ("unknown term 'chairman'", "Fix: did you mean 'chair'")),
    Mistake("membership-status-a-position", "{status: observer, agent: IRN", "{status: chair, agent: IRN",
            "processes[0].memberships[1].status",
            ("'chair' is a position in a process, not a membership status",
             "Use a membership status", "'invited-guest', 'member', 'observer', 'partner'")),
    Mistake("supplied-on-a-membership", "{status: invited-guest, agent: unhcr, evidence: UNHCR is an invited guest of the process}",
            "{status: invited-guest, agent: unhcr, supplied: https://example.org/unhcr/guests}",
            "processes[0].memberships[3].supplied",
            ("only release metadata the text does not state may be supplied", "Fix: quote the words of source.txt")),
    Mistake("supplied-not-a-url", "{agent: unhcr, supplied: https://example.org/unhcr/news}",
            "{agent: unhcr, supplied: unhcr.org/news}", "release.publishers[1].supplied",
            ("not a web address", "write the full http:// or https:// URL", "(got 'unhcr.org/news')")),
    Mistake("issued-month-13", "issued: {date: 2019-04,", "issued: {date: 2019-13,", "release.issued.date",
            ("not a valid date", "(got '2019-13')", "YYYY-MM-DD", "YYYY-MM or YYYY")),
    Mistake("period-ends-before-it-begins", "period: {from: 2019-04-24, to: 2019-04-25,",
            "period: {from: 2019-04-25, to: 2019-04-24,", "events[1].period",
            ("a period cannot end before it begins", "check from and to")),
    Mistake("period-with-neither-end", "period: {from: 2016, to: 2018}", "period: {}",
            "processes[0].positions[1].period", ("a period needs from, to, or both", "from: 2015-05")),
    Mistake("statement-with-no-speaker", "    speaker_groups: [{group: officials, of: KAZ}]\n", "", "statements[1]",
            ("a statement needs speakers (registry ids) or speaker_groups", "{group: participants, of: <event id>}"),
            line_of="  - id: kazakh-officials-next-meeting"),
    Mistake("speaker-group-crowd", "{group: officials, of: KAZ}", "{group: crowd, of: KAZ}",
            "statements[1].speaker_groups[0].group",
            ("not one of those allowed (got 'crowd')", "Fix: use one of 'participants', 'meeting' or 'officials'")),
    Mistake("document-kind-an-event-class", "{kind: declaration, evidence: Declaration}",
            "{kind: ministerial-conference, evidence: Declaration}", "documents[0].kind.kind",
            ("'ministerial-conference' is an event class, not a document class",
             "'action-plan', 'communique', 'declaration', 'joint-statement', 'recommendations'")),
    Mistake("adoption-at-an-event-not-in-the-card", "        at_event: 2019-04-24-baku-ministerial\n        parties",
            "        at_event: 2019-04-25-baku-ministerial\n        parties", "documents[0].adoptions[0].at_event",
            ("unknown event '2019-04-25-baku-ministerial'",
             "use the id of an event listed under events: (2019-04-baku-migration-week, 2019-04-24-baku-ministerial)")),
    Mistake("number-zero", "number: {number: 3,", "number: {number: 0,", "events[1].number.number",
            ("a number greater than 0 is expected here (got 0)", "Fix: write a whole number from 1 up")),
    Mistake("meeting-of-a-state", "meeting_of: {process: almaty-process,", "meeting_of: {process: AZE,",
            "events[1].meeting_of.process",
            ("'AZE' is a state, but here a regional-consultative-process is expected", "data/registry/")),
    Mistake("relay-outlet-a-person", "{outlet: steppe-wire,", "{outlet: dana-vell,", "release.relays[0].outlet",
            ("'dana-vell' is a person, but here a", "news-outlet", "Fix: use the id of an entry of that type")),
]


@pytest.fixture(scope="module")
def mistaken(tmp_path_factory, run_migkg) -> tuple[subprocess.CompletedProcess, dict[str, tuple[Path, str]], Path]:
    """One ``migkg build`` of the seed beside a copy of the test release for each mistake (the release id and its
    folder named after the mistake), each copy with its one edit: every copy fails on its own card, so one build
    shows each mistake's message (a build reports the failure of every release, not only the first).
    Returns the finished process, each mistake's card and its text before the edit, and the output folder."""
    base = tmp_path_factory.mktemp("mistakes")
    data = make_corpus(base, regions=False)
    original = data / CARD
    text = original.read_text(encoding="utf-8")
    cards = {}
    for mistake in MISTAKES:
        release = f"{RELEASE}-{mistake.name}"
        card = Path(shutil.copytree(original.parent, data / "releases" / release)) / "card.yaml"
        assert text.count(f"  id: {RELEASE}\n") == 1, "the test card changed: its release id"
        before = text.replace(f"  id: {RELEASE}\n", f"  id: {release}\n")
        assert before.count(mistake.old) == 1, f"the test card changed: {mistake.old!r}"
        card.write_text(before.replace(mistake.old, mistake.new), encoding="utf-8")
        cards[mistake.name] = card, before
    shutil.rmtree(original.parent)  # every test release has a mistake
    out = base / "out"
    return run_migkg("build", "--data", data, "--out", out, cwd=base), cards, out


def test_the_releases_with_a_mistake_stop_the_build_and_nothing_is_written(mistaken):
    done, _cards, out = mistaken
    assert done.returncode == 2, f"exit status {done.returncode}:\n{done.stderr}"
    assert "Traceback" not in done.stderr, done.stderr
    errors = [each for each in done.stderr.splitlines() if each.startswith("error: ")]  # the seed builds, and warns
    assert errors and all("Fix:" in each for each in errors), done.stderr
    assert not any(each.startswith("Violation") for each in done.stderr.splitlines()), done.stderr
    assert not out.exists(), "nothing is written"


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_a_mistake_in_a_new_kind_of_entry_stops_the_build_with_a_located_message(mistake, mistaken):
    done, cards, _out = mistaken
    card, text = cards[mistake.name]
    edited = card.read_text(encoding="utf-8")
    assert edited == text.replace(mistake.old, mistake.new)
    line = edited.count("\n", 0, edited.index(mistake.line_of or mistake.new, text.index(mistake.old) if
                                              mistake.line_of is None else 0)) + 1
    errors = [each for each in done.stderr.splitlines() if each.startswith("error: ")]
    [message] = [each for each in errors if str(card) in each]
    assert message.startswith(f"error: {card}:{line}: {mistake.field}: "), message
    for words in mistake.says:
        assert words in message, f"{words!r} not in: {message}"
