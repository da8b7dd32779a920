"""Every kind of fact issue 12 added, built end to end: the test text of ``tests/fixtures/kinds/`` (a news
item with invented persons and words, see :mod:`tests.kinds`) beside the seed release, through ``migkg build``.

The build must report no violation (the seed's count warning, and nothing else), and its output
(``migkg-2019.nq``, read into Oxigraph) must hold the triples the design of issue 12 promises
(``spec-issue12.md``, "RDF"): each node's IRI, its classes, every property with its value and datatype,
its evidence (the span of the exact words quoted), and the direct edges the rules derive. Each node is
compared whole, property by property: nothing missing, nothing more.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.kinds import RELEASE, make_corpus

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
    "document": f"{BASE}document/", "rel": f"{RELEASE_IRI}/",
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
    """The test release's dump part (``migkg-2019.nq``) in Oxigraph."""
    done, out = build
    assert done.returncode == 0, done.stderr
    store = ox.Store()
    store.load(path=str(out / "migkg-2019.nq"), format=ox.RdfFormat.N_QUADS)
    return store


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
    ``release/<r>/period/event--<event>`` (the IRI spec-issue12.md gives it), whose ends are instants."""
    interval = "rel:period/event--2019-04-24-baku-ministerial"
    assert facts(store, "rel:attestation/event--2019-04-24-baku-ministerial--period") == attestation(
        MINISTERIAL, "mig:period", interval, span("from 24 to 25 April 2019"))
    assert facts(store, interval) == {("rdf:type", "time:Interval"), ("time:hasBeginning", f"{interval}/beginning"),
                                      ("time:hasEnd", f"{interval}/end")}
    assert facts(store, f"{interval}/beginning") == {("rdf:type", "time:Instant"),
                                                     ("time:inXSDDate", '"2019-04-24"^^xsd:date')}
    assert facts(store, f"{interval}/end") == {("rdf:type", "time:Instant"), ("time:inXSDDate", '"2019-04-25"^^xsd:date')}
    assert ("mig:period", interval) in derived(store, MINISTERIAL)
