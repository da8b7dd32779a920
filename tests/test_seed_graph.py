"""The seed release as a graph: every fact has evidence, the evidence is the source's words,
and the graph says what the release says and no more."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SDO

from migkg.build.pipeline import build_dataset
from migkg.mapping.namespaces import MIG, NIF, ROLE

ROOT = Path(__file__).resolve().parents[1]
RELEASE = "2013-06-05-unhcr-iom-almaty-ministerial"
SOURCE = ROOT / "data" / "releases" / RELEASE / "source.txt"
BASE = "https://w3id.org/migkg/"
EVENT = URIRef(BASE + "event/2013-06-05-almaty-ministerial-conference")
#: sha256 of ../shared/seeds/000_9ccef17058d77ff0.txt: the source is copied, never edited
SEED_SHA256 = "02e6fdb5845367a8a2186f4ada890289b262f2c107818c5ad7cc67ac82ab3457"


@pytest.fixture(scope="module")
def result():
    return build_dataset(ROOT / "data")


@pytest.fixture(scope="module")
def union(result) -> Graph:
    return result.union()


@pytest.fixture(scope="module")
def facts(result) -> Graph:
    return result.graphs[URIRef(BASE + f"release/{RELEASE}/graph")]


def test_source_is_the_seed_verbatim():
    assert hashlib.sha256(SOURCE.read_bytes()).hexdigest() == SEED_SHA256


def test_seed_conforms_to_the_shapes(result):
    assert result.report.conforms, [i for i in result.report.violations]


def test_every_fact_has_evidence(union):
    fact_classes = {MIG.Participation, MIG.PostHolding, MIG.Statement, MIG.Claim, MIG.ProcessLaunch,
                    MIG.PressContact, MIG.Attestation}
    nodes = {s for c in fact_classes for s in union.subjects(RDF.type, c)}
    assert len(nodes) > 50
    for node in nodes:
        spans = list(union.objects(node, PROV.wasDerivedFrom))
        assert spans, f"{node} has no evidence"
        for span in spans:
            assert (span, RDF.type, NIF.String) in union


def test_every_span_is_the_source_words_at_its_offsets(union):
    text = SOURCE.read_text(encoding="utf-8")
    published_text = str(union.value(URIRef(BASE + f"release/{RELEASE}/text"), NIF.isString))
    assert published_text == text
    spans = set(union.subjects(RDF.type, NIF.String))
    assert len(spans) > 40
    for span in spans:
        begin, end = int(union.value(span, NIF.beginIndex)), int(union.value(span, NIF.endIndex))
        assert str(union.value(span, NIF.anchorOf)) == text[begin:end]
        assert str(span).endswith(f"#char={begin},{end}")


def test_footnote_split_sentence_is_cited_as_two_spans(union):
    statement = URIRef(BASE + f"release/{RELEASE}/statement/thompson-drivers")
    spans = sorted(union.objects(statement, PROV.wasDerivedFrom), key=lambda s: int(union.value(s, NIF.beginIndex)))
    assert [str(union.value(s, NIF.anchorOf)).split()[-1] for s in spans] == ["для", "региона."]
    text = SOURCE.read_text(encoding="utf-8")
    gap = text[int(union.value(spans[0], NIF.endIndex)):int(union.value(spans[1], NIF.beginIndex))]
    assert "¹ Республика Казахстан" in gap  # the footnote stands between the two parts


def test_all_ten_states_of_the_footnote_participate(union):
    participants = {str(union.value(p, MIG.agent)).rsplit("/", 1)[1]
                    for p in union.subjects(MIG.role, ROLE.participant) if (p, MIG.event, EVENT) in union}
    assert participants == {"KAZ", "KGZ", "TJK", "TKM", "AFG", "AZE", "CHN", "IRN", "PAK", "TUR"}


def test_the_stated_count_is_kept_and_flagged(result, union):
    claim = URIRef(BASE + f"release/{RELEASE}/claim/count-of-governments")
    assert union.value(claim, MIG.claimedCount) == Literal(8, datatype=URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger"))
    warnings = [i for i in result.report.warnings if i.focus.endswith("count-of-governments>") or "count-of-governments" in i.focus]
    assert len(warnings) == 1
    assert "8" in warnings[0].message and "10" in warnings[0].message


def test_nothing_the_release_does_not_say(union):
    # no interval for posts, no start or end of the event, no members of the process
    for predicate in (SDO.startDate, SDO.endDate, ORG.memberDuring, SDO.member, ORG.hasMember,
                      URIRef("http://www.w3.org/2006/time#hasBeginning"), URIRef("http://www.w3.org/2006/time#hasEnd")):
        assert not list(union.triples((None, predicate, None))), predicate
    assert list(union.objects(EVENT, DCTERMS.date)) == [Literal("2013-06-05", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))]
    assert list(union.objects(EVENT, SDO.location)) == [URIRef(BASE + "place/almaty")]
    # the delegation: only Kenenbaev is said to be in it
    members = [union.value(p, MIG.agent) for p in union.subjects(MIG.role, ROLE["delegation-member"])]
    assert members == [URIRef(BASE + "person/erlik-kenenbaev")]


def test_every_iri_is_ascii_and_under_the_base(union):
    for triple in union:
        for term in triple:
            if isinstance(term, URIRef):
                assert str(term).isascii(), term
                if str(term).startswith("https://w3id.org/migkg/") and "/ontology#" not in str(term):
                    assert " " not in str(term)


def test_the_shortcut_edges_are_derived_not_written(result, facts):
    derived = result.graphs[URIRef(BASE + f"release/{RELEASE}/derived")]
    assert (EVENT, SDO.organizer, URIRef(BASE + "organisation/kaz-government")) in derived
    assert (EVENT, SDO.attendee, URIRef(BASE + "state/TUR")) in derived
    assert (URIRef(BASE + "person/erlan-idrissov"), ORG.holds, URIRef(BASE + "post/kaz-minister-foreign-affairs")) in derived
    assert (URIRef(BASE + "process/almaty-process"), MIG.launchedAt, EVENT) in derived
    groupings = set(facts.subjects(RDF.type, MIG.StatedGrouping))  # a grouping's own words are its schema:name
    for predicate in (SDO.organizer, SDO.attendee, ORG.holds, MIG.launchedAt, SDO.name, DCTERMS.date):
        assert not [s for s in facts.subjects(predicate, None) if s not in groupings], predicate
