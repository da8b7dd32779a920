"""Conflicts as data: what the build warns about is published in its own graph, ``<base>graph/conflicts``.

Each Warning of the build (a release's own, the check across releases, one event under two ids) is an
``sh:ValidationResult`` there, with ``mig:statedIn`` naming the graph of each release that states its
value (migkg.validation.conflicts). Corpora are made from the seed: its release copied under a second
id, the copy's event date changed (two releases that give one event two dates: a Warning, the build
succeeds and publishes both sides), or its event given another id (one event, two ids: a located
Warning naming both card entries).
"""
from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SH, VOID

from migkg.build.corpus import build_corpus
from migkg.build.dumps import dump_files
from migkg.build.pipeline import Toolkit, build_dataset
from migkg.mapping.iris import DEFAULT_BASE, Iris
from migkg.mapping.terms import quads
from migkg.validation.reports import validate_graph
from migkg.validation.same_event import RULES, EventSignature, same_events
from tests.shape_cases import LACKING_SHAPE

ROOT = Path(__file__).resolve().parents[1]
RELEASE = "2013-06-05-unhcr-iom-almaty-ministerial"
EVENT = "2013-06-05-almaty-ministerial-conference"
COPY = "2013-06-06-unhcr-almaty-copy"
IRIS = Iris(DEFAULT_BASE)
SH_NS = "http://www.w3.org/ns/shacl#"
STATED_IN = "https://w3id.org/migkg/ontology#statedIn"
LAUNCH = re.compile(r"^    launched_at:\n      event: .*\n      evidence: .*\n", re.M)


def second_report(data: Path, *replacements: tuple[str, str]) -> Path:
    """The seed release copied under the id ``COPY``, its card changed by ``replacements`` (old, new)."""
    folder = Path(shutil.copytree(data / "releases" / RELEASE, data / "releases" / COPY))
    card = folder / "card.yaml"
    text = card.read_text(encoding="utf-8").replace(f"  id: {RELEASE}\n", f"  id: {COPY}\n")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    card.write_text(text, encoding="utf-8")
    return folder


def another_date(data: Path) -> Path:
    """A second release that dates the seed's event a day later (its `date.date`, not its words)."""
    return second_report(data, ("      date: 2013-06-05\n", "      date: 2013-06-06\n"))


def another_id(data: Path, event: str = "2013-06-05-almaty-conference-on-migration") -> Path:
    """A second release that reports the seed's event (the same kind, date and place) under another id, and
    does not say the process was launched there (the seed's card does: that would be a disagreement too)."""
    folder = second_report(data, (EVENT, event))
    card = folder / "card.yaml"
    card.write_text(LAUNCH.sub("", card.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    return folder


def conflicts_of(out: Path) -> list[ox.Triple]:
    """The conflicts graph as written (its N-Quads dump part)."""
    graph = IRIS.conflicts_graph()
    found = [q.triple for q in ox.parse(path=str(out / "migkg-conflicts.nq"), format=ox.RdfFormat.N_QUADS)]
    assert all(q.graph_name == graph for q in ox.parse(path=str(out / "migkg-conflicts.nq"),
                                                         format=ox.RdfFormat.N_QUADS))
    return found


def sides(triples: list[ox.Triple], shape: str) -> list[tuple[str, str | None, list[str]]]:
    """(focus, value, graphs that state it) of each result of ``shape`` in the conflicts graph, sorted."""
    by_node: dict[ox.NamedNode, dict[str, list[ox.NamedNode | ox.Literal]]] = {}
    for s, p, o in triples:
        by_node.setdefault(s, {}).setdefault(p.value, []).append(o)
    out = []
    for node in by_node.values():
        if [o.value for o in node.get(SH_NS + "sourceShape", [])] == [f"https://w3id.org/migkg/shapes#{shape}"]:
            values = node.get(SH_NS + "value", [])
            out.append((node[SH_NS + "focusNode"][0].value, values[0].value if values else None,
                        sorted(g.value for g in node.get(STATED_IN, []))))
    return sorted(out)


def graph_of(release: str) -> str:
    return IRIS.release_graph(release).value


PROCESS = f"{DEFAULT_BASE}process/almaty-process"
LAUNCH_WORDS = "посредством запуска регионального консультативного процесса по миграции - Алматинского процесса"
ASTANA = """  - id: astana
    type: city
    labels: {ru: Астана, en: Astana}
    state: KAZ
"""


# --------------------------------------------------------------------------- two dates of one event
def test_two_dates_of_one_event_are_a_warning_and_both_are_published(seed_data: Path, tmp_path: Path, run_migkg, toolkit):
    another_date(seed_data)
    out = tmp_path / "build"
    done = run_migkg("build", "--data", seed_data, "--out", out, "--no-cache")
    assert done.returncode == 0, done.stdout + done.stderr
    text = done.stdout + done.stderr
    assert re.search(rf"^Warning: <{DEFAULT_BASE}event/{EVENT}> dcterms:date: An event has at most one date .*"
                     rf"\(shape migsh:Event-one-date\) \[found across releases: stated by {RELEASE}, {COPY}\]$", text, re.M)
    # and each release's count claim, and the process's founding date (both say it was launched at that event)
    assert "0 violation(s), 4 warning(s)." in text
    triples = conflicts_of(out)
    assert sides(triples, "Event-one-date") == [(f"{DEFAULT_BASE}event/{EVENT}", "2013-06-05", [graph_of(RELEASE)]),
                                            (f"{DEFAULT_BASE}event/{EVENT}", "2013-06-06", [graph_of(COPY)])]
    assert sides(triples, "RegionalConsultativeProcess-one-founding-date") == [
        (PROCESS, "2013-06-05", [graph_of(RELEASE)]), (PROCESS, "2013-06-06", [graph_of(COPY)])]
    # each side is what that release's graphs say (the derived date, from its attestation)
    written = {q for path in dump_files(out, "nq") for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)}
    date = ox.NamedNode("http://purl.org/dc/terms/date")
    said = {(q.object.value, q.graph_name.value) for q in written
            if q.subject == IRIS.event(EVENT) and q.predicate == date}
    assert said == {("2013-06-05", IRIS.derived_graph(RELEASE).value), ("2013-06-06", IRIS.derived_graph(COPY).value)}
    assert sides(triples, "CountClaim-matches") == [
        (f"{DEFAULT_BASE}release/{release}/claim/count-of-governments", "8", [graph_of(release)])
        for release in (RELEASE, COPY)]
    # the in-memory build holds the same graph
    assert set(quads(build_dataset(seed_data, toolkit).graphs)) == written


@pytest.mark.parametrize("fallback", [False, True], ids=["compiled", "pyshacl"])
def test_either_engine_reports_two_dates_or_places_as_warnings(seed_data: Path, tmp_path: Path, fallback: bool):
    another_date(seed_data)
    ontology = Path(shutil.copytree(ROOT / "ontology", tmp_path / "ontology"))
    if fallback:
        shapes = ontology / "shapes.ttl"
        shapes.write_text(shapes.read_text(encoding="utf-8") + LACKING_SHAPE, encoding="utf-8")
    toolkit = Toolkit.load(ontology=ontology)
    assert toolkit.engine == ("pyshacl" if fallback else "compiled")
    summary = build_corpus(seed_data, tmp_path / "out", toolkit, cache_dir=None)
    assert summary.error is None and not summary.report.violations
    found = [(i.severity, i.focus, i.path, i.shape) for i in summary.report.issues if i.shape != "migsh:CountClaim-matches"]
    assert found == [("Warning", f"<{DEFAULT_BASE}event/{EVENT}>", "dcterms:date", "migsh:Event-one-date"),
                     ("Warning", f"<{PROCESS}>", "schema:foundingDate",
                      "migsh:RegionalConsultativeProcess-one-founding-date")]
    assert sides(conflicts_of(tmp_path / "out"), "Event-one-date")[1][1] == "2013-06-06"


# --------------------------------------------------------------------------- two launches of one process
@pytest.mark.parametrize(("launch", "warned"), [
    ("on: 2013-06-05\n      place: almaty", set()),                      # what the seed's event gives: no warning
    ("on: 2014\n      place: almaty", {("schema:foundingDate", "2014")}),
    ("on: 2013-06-05\n      place: astana", {("schema:foundingLocation", f"{DEFAULT_BASE}place/astana")}),
], ids=["same", "another-year", "another-city"])
def test_two_releases_that_found_one_process_differently_are_a_warning_with_both_sides(
        seed_data: Path, tmp_path: Path, toolkit, launch: str, warned: set[tuple[str, str]]):
    """The seed says the process was launched at its conference (of 5 June 2013, in Almaty); a second release
    that says when and where it was launched, without that meeting, gives the process its own founding date and
    place: only a value of its own is a second one, a Warning published with the graph of each side."""
    registry = seed_data / "registry" / "places-and-processes.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("entries:\n", "entries:\n" + ASTANA, 1),
                        encoding="utf-8")
    copy = another_id(seed_data)  # a report of its own meeting, which it does not say the process was launched at
    card = copy / "card.yaml"
    text = card.read_text(encoding="utf-8")
    anchor = "  - id: almaty-process\n"
    assert text.count(anchor) == 1
    card.write_text(text.replace(anchor, anchor + f"    launched_at:\n      {launch}\n      evidence: {LAUNCH_WORDS}\n", 1),
                    encoding="utf-8")
    summary = build_corpus(seed_data, tmp_path / "out", toolkit, cache_dir=None)
    assert summary.error is None and not summary.report.violations, summary.report.violations
    founding = {(i.path, i.shape) for i in summary.report.issues if i.focus == f"<{PROCESS}>"}
    assert founding == {(path, "migsh:RegionalConsultativeProcess-one-" + ("founding-date" if path.endswith("Date")
                                                                            else "founding-place"))
                        for path, _value in warned}
    triples = conflicts_of(tmp_path / "out")
    published = sides(triples, "RegionalConsultativeProcess-one-founding-date") + \
        sides(triples, "RegionalConsultativeProcess-one-founding-place")
    expected = []
    for path, value in warned:
        seed_value = "2013-06-05" if path == "schema:foundingDate" else f"{DEFAULT_BASE}place/almaty"
        expected += [(PROCESS, seed_value, [graph_of(RELEASE)]), (PROCESS, value, [graph_of(COPY)])]
    assert published == sorted(expected)


# --------------------------------------------------------------------------- one event, two ids
def test_one_event_under_two_ids_is_a_warning_naming_both_card_entries(seed_data: Path, tmp_path: Path, run_migkg):
    other = "2013-06-05-almaty-conference-on-migration"
    another_id(seed_data, other)
    out = tmp_path / "build"
    done = run_migkg("build", "--data", seed_data, "--out", out, "--no-cache")
    assert done.returncode == 0, done.stdout + done.stderr
    text = done.stdout + done.stderr
    first, second = (f"{seed_data}/releases/{rid}/card.yaml:26: events[0]" for rid in (COPY, RELEASE))
    lines = [line for line in text.splitlines() if "migsh:SameEventShape" in line]
    # the first event id (by IRI) is the focus, the other the value; the cards are named at their events entries
    assert lines == [f"Warning: {first} and {second}: <{DEFAULT_BASE}event/{other}>: Another event id has the same "
                     "kind, date and place: perhaps one event reported under two ids. If it is one event, give every "
                     "card that reports it the same events[].id; if two meetings, nothing is wrong. "
                     f"[value: <{DEFAULT_BASE}event/{EVENT}>] (shape migsh:SameEventShape) "
                     f"[found across releases: stated by {RELEASE}, {COPY}]"]
    assert (seed_data / "releases" / COPY / "card.yaml").read_text(encoding="utf-8").splitlines()[25] == f"  - id: {other}"
    assert sides(conflicts_of(out), "SameEventShape") == [
        (f"{DEFAULT_BASE}event/{other}", f"{DEFAULT_BASE}event/{EVENT}", sorted([graph_of(RELEASE), graph_of(COPY)]))]
    triples = conflicts_of(out)
    constraint = ox.NamedNode("https://w3id.org/migkg/shapes#SameEvent-kind-date-place")
    assert any(p.value == SH_NS + "sourceConstraint" and o == constraint for _s, p, o in triples)


def test_one_event_under_one_id_in_two_releases_is_no_such_warning(seed_data: Path, tmp_path: Path, toolkit):
    second_report(seed_data)
    summary = build_corpus(seed_data, None, toolkit, cache_dir=None)
    assert summary.error is None
    assert [i.shape for i in summary.report.warnings] == ["migsh:CountClaim-matches"] * 2


def test_the_build_finds_what_the_deactivated_shape_finds_on_the_whole_graph(seed_data: Path, toolkit):
    """migsh:SameEventShape states the rule as SHACL-SPARQL, deactivated (no release sees another's events);
    activated, pyshacl on the union of the graphs reports the pairs the build reports."""
    another_id(seed_data)
    result = build_dataset(seed_data, toolkit)
    found = same_event_issues(result)
    assert len(found) == 1
    assert found == same_event_issues(result, whole_graph=True)


DOMAIN = ROOT / "tests" / "fixtures" / "domain"
SECOND = "2016-10-13-tengrinews-almaty-second-ministerial"  # the Almaty Process's 2nd ministerial conference


def test_the_test_corpus_has_its_one_conflict_and_numbers_each_series_apart(tmp_path: Path, toolkit):
    """tests/fixtures/domain: its one disagreement (two dates of one meeting, EXPECTED.md question 6) is the
    only warning, published with both sides; the Almaty Process numbers its ministerial conferences and its
    senior officials' meetings each on its own (two "third" meetings), and that is no pair of one event."""
    out = tmp_path / "out"
    summary = build_corpus(DOMAIN, out, toolkit, cache_dir=None)
    assert summary.error is None
    assert [(i.focus, i.shape) for i in summary.report.warnings] == [
        (f"<{DEFAULT_BASE}event/2017-11-ashgabat-third-senior-officials>", "migsh:Event-one-date")]
    assert sides(conflicts_of(out), "Event-one-date") == [
        (f"{DEFAULT_BASE}event/2017-11-ashgabat-third-senior-officials", "2017-11-02",
         [graph_of("2017-11-02-iom-ashgabat-senior-officials")]),
        (f"{DEFAULT_BASE}event/2017-11-ashgabat-third-senior-officials", "2017-11-03",
         [graph_of("2017-11-04-kabar-ashgabat-senior-officials")])]


def test_one_meeting_under_two_ids_with_one_number_in_its_series_is_a_warning(tmp_path: Path, toolkit):
    """A second report of the Almaty Process's second ministerial conference, under another id and a day later:
    the same number in the same series names both card entries; pyshacl with migsh:SameEventShape activated
    finds the same pair on the whole graph."""
    data = Path(shutil.copytree(DOMAIN, tmp_path / "data"))
    copy = "2016-10-14-tengrinews-copy"
    folder = Path(shutil.copytree(data / "releases" / SECOND, data / "releases" / copy))
    card = folder / "card.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace(f"  id: {SECOND}\n", f"  id: {copy}\n")
                    .replace("2016-10-12-almaty-second-ministerial", "2016-10-almaty-ministerial-two")
                    .replace("      date: 2016-10-12\n", "      date: 2016-10-13\n"), encoding="utf-8")
    result = build_dataset(data, toolkit)
    [found] = [i for i in result.report.issues if i.shape == "migsh:SameEventShape"]
    assert found.where == (f"{data}/releases/{SECOND}/card.yaml:21: events[0] and "
                           f"{data}/releases/{copy}/card.yaml:21: events[0]")
    assert (found.focus, found.value) == (f"<{DEFAULT_BASE}event/2016-10-12-almaty-second-ministerial>",
                                          f"<{DEFAULT_BASE}event/2016-10-almaty-ministerial-two>")
    assert found.message.startswith("Another event id is a meeting of the same kind of the same process")
    assert same_event_issues(result) == same_event_issues(result, whole_graph=True)


def same_event_issues(result, whole_graph: bool = False) -> list[tuple]:
    """The build's pairs of one event's ids, or (``whole_graph``) pyshacl's on the union of its graphs with
    migsh:SameEventShape activated."""
    issues = result.report.issues
    if whole_graph:
        union = Graph()
        for name, graph in result.graphs.items():
            if name != URIRef(IRIS.conflicts_graph().value):
                union += graph
        shapes = Graph()
        for prefix, namespace in result.toolkit.shapes.namespaces():  # the issues name shapes by prefix
            shapes.bind(prefix, namespace)
        shapes += result.toolkit.shapes
        shapes.remove((URIRef("https://w3id.org/migkg/shapes#SameEventShape"), SH.deactivated, Literal(True)))
        issues = validate_graph(union, shapes).issues
    return sorted((i.severity, i.focus, i.value, i.message, i.shape) for i in issues
                  if i.shape == "migsh:SameEventShape")


def test_the_pairs_by_series_and_number_and_by_what_every_describer_says():
    number = EventSignature("third", 0, kind="ministerial-conference", process="almaty-process", number=3)
    again = EventSignature("baku-2019", 1, kind="ministerial-conference", process="almaty-process", number=3)
    fourth = EventSignature("fourth", 0, kind="ministerial-conference", process="almaty-process", number=4)
    officials = EventSignature("third-officials", 0, kind="senior-officials-meeting", process="almaty-process",
                               number=3)  # another series of the same process: its own third
    assert [(s.rule, s.first, s.second, s.first_in, s.second_in) for s in
            same_events([("r1", (number, fourth)), ("r2", (again,)), ("r3", (officials,))])] == \
        [("series-number", "baku-2019", "third", (("r2", 1),), (("r1", 0),))]
    # an event two releases date differently matches another event on either date, as the whole graph would
    a1 = EventSignature("a", 0, kind="conference", date="2013-06-05", place="almaty")
    a2 = EventSignature("a", 0, kind="conference", date="2013-06-06", place="almaty")
    b = EventSignature("b", 0, kind="conference", date="2013-06-06", place="almaty")
    [pair] = same_events([("r1", (a1,)), ("r2", (a2,)), ("r3", (b,))])
    assert (pair.first, pair.second, pair.first_in, pair.second_in) == ("a", "b", (("r1", 0), ("r2", 0)), (("r3", 0),))
    assert same_events([("r1", (a1,)), ("r2", (EventSignature("b", 0, kind="expert-meeting", date="2013-06-05",
                                                                place="almaty"),))]) == []



def _pairs_by_definition(described):
    """The pairs as the rules define them, pair by pair: two events are alike under a rule when some combination of
    the values their entries give (the union) is the same for both; each side's entries are those giving any of the
    values of such a combination."""
    order = {rid: at for at, (rid, _s) in enumerate(described)}
    said = {}
    for rid, signatures in described:
        for signature in signatures:
            said.setdefault(signature.event, []).append((rid, signature))

    def keys(event, names):
        values = [{getattr(s, n) for _r, s in said[event]} - {None} for n in names]
        return set(itertools.product(*values))

    found = []
    for rule, names in RULES.items():
        for first, second in itertools.combinations(sorted(said), 2):
            shared = keys(first, names) & keys(second, names)
            if not shared:
                continue
            sides = []
            for event in (first, second):
                entries = {(r, s.entry) for r, s in said[event]
                           if any(getattr(s, n) == v for key in shared for n, v in zip(names, key, strict=True))}
                sides.append(tuple(sorted(entries, key=lambda e: (order[e[0]], e[1]))))
            found.append((rule, first, second, *sides))
    return sorted(found)


@given(st.lists(st.lists(st.builds(
    EventSignature, st.sampled_from(["a", "b", "c", "d"]), st.integers(0, 2),
    kind=st.sampled_from(["conference", "workshop", None]), date=st.sampled_from(["2013-06-05", "2013-06", None]),
    place=st.sampled_from(["almaty", "baku", None]), process=st.sampled_from(["almaty-process", None]),
    number=st.sampled_from([3, 4, None])), max_size=3), max_size=6))
def test_the_pairs_are_those_the_rules_define(signatures_by_release):
    described = [(f"r{at}", tuple(signatures)) for at, signatures in enumerate(signatures_by_release)]
    assert [(s.rule, s.first, s.second, s.first_in, s.second_in) for s in same_events(described)] == \
        _pairs_by_definition(described)


# --------------------------------------------------------------------------- cached, kept, described
def test_an_unchanged_rebuild_keeps_the_conflicts_part_and_a_change_rewrites_it(seed_data: Path, tmp_path: Path,
                                                                              monkeypatch, toolkit):
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build_corpus(seed_data, out, toolkit, cache_dir=cache)
    assert first.error is None
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = build_corpus(seed_data, out, toolkit, cache_dir=cache)
    assert (again.built, again.reused) == (0, 1) and set(again.parts_kept) == {"registry", "2013", "conflicts"}
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    # a second report under another id: the 2013 part and the conflicts are written again, as a cold build writes them
    another_id(seed_data)
    changed = build_corpus(seed_data, out, toolkit, cache_dir=cache)
    assert (changed.built, changed.reused) == (1, 1) and changed.parts_kept == ["registry"]
    cold = build_corpus(seed_data, tmp_path / "cold", toolkit, cache_dir=None)
    for name in sorted(p.name for p in out.iterdir()):
        assert (out / name).read_bytes() == (tmp_path / "cold" / name).read_bytes(), name
    assert (out / "migkg-conflicts.nq").read_bytes() != before["migkg-conflicts.nq"]
    # the pair is found from the cache alone (both releases reused), and named at both cards' lines again,
    # which the cache keeps too: no card is read again for them
    from migkg.validation.card_locations import EntryLocations

    def unread(self, folder, path):
        raise AssertionError(f"{folder}: read again for the line of {path}")
    monkeypatch.setattr(EntryLocations, "line", unread)
    reused = build_corpus(seed_data, out, toolkit, cache_dir=cache)
    assert reused.reused == 2 and "conflicts" in reused.parts_kept
    assert [i.where for i in reused.report.issues if i.shape == "migsh:SameEventShape"] == \
        [i.where for i in cold.report.issues if i.shape == "migsh:SameEventShape"] != []


def test_a_release_left_out_has_no_conflicts_published(seed_data: Path, tmp_path: Path, toolkit):
    folder = another_date(seed_data)
    card = folder / "card.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("  - {role: participant, agent: KAZ,",
                                                             "  - {role: participant, agent: nobody,"),
                    encoding="utf-8")
    summary = build_corpus(seed_data, tmp_path / "out", toolkit, cache_dir=None, keep_going=True)
    assert [o.release_id for o in summary.left_out] == [COPY]
    graphs = {o.value for _s, p, o in conflicts_of(tmp_path / "out") if p.value == STATED_IN}
    assert graphs == {graph_of(RELEASE)}


def test_the_description_lists_the_conflicts_graph(seed_data: Path, tmp_path: Path, toolkit):
    out = tmp_path / "out"
    assert build_corpus(seed_data, out, toolkit, cache_dir=None).error is None
    void = Graph().parse(out / "void.ttl", format="turtle")
    dataset = URIRef(IRIS.dataset().value)
    subset = URIRef(IRIS.conflicts_subset().value)
    assert (dataset, VOID.subset, subset) in void and (subset, RDF.type, VOID.Dataset) in void
    assert (subset, URIRef("https://schema.org/url"), URIRef(IRIS.conflicts_graph().value)) in void
    assert int(void.value(subset, VOID.triples)) == len(conflicts_of(out))
    part = URIRef(f"{dataset}/part/conflicts")
    assert (part, DCTERMS.isPartOf, dataset) in void
    assert sorted(str(void.value(d, DCTERMS.title)) for d in void.objects(part, URIRef("http://www.w3.org/ns/dcat#distribution"))) == \
        [f"migkg-conflicts.{ext}" for ext in ("jsonld", "nq", "nt", "trig", "ttl")]


def test_a_build_without_warnings_publishes_a_report_that_conforms(seed_data: Path, tmp_path: Path, toolkit):
    card = seed_data / "releases" / RELEASE / "card.yaml"
    text = card.read_text(encoding="utf-8")
    claim = re.search(r"^claims:\n(  .*\n|\s*\n)*", text, re.M)
    card.write_text(text[:claim.start()] + text[claim.end():], encoding="utf-8")
    out = tmp_path / "out"
    summary = build_corpus(seed_data, out, toolkit, cache_dir=None)
    assert summary.error is None and summary.report.issues == []
    assert sorted((s.value, p.value, o.value) for s, p, o in conflicts_of(out)) == [
        (IRIS.conflicts_report().value, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", SH_NS + "ValidationReport"),
        (IRIS.conflicts_report().value, SH_NS + "conforms", "true")]


# --------------------------------------------------------------------------- one period, or two
SEED_DATE = "    date:\n      date: 2013-06-05\n"


def _with_period(card: Path, ends: str) -> None:
    text = card.read_text(encoding="utf-8")
    assert SEED_DATE in text
    card.write_text(text.replace(SEED_DATE, f"    period: {{from: 2013-06-05, to: {ends}, evidence: Алматы 5 июня 2013}}\n"
                                            + SEED_DATE), encoding="utf-8")


@pytest.mark.parametrize("ends, warned", [("2013-06-05", False), ("2013-06-06", True)], ids=["same", "different"])
def test_two_reports_of_one_period_give_one_interval_and_only_different_periods_warn(
        seed_data: Path, tmp_path: Path, ends: str, warned: bool, toolkit):
    """An event's period is named by its ends (``interval/<from>..<to>``): two releases that give it the
    same period give it one interval and no Warning; a different period is a second interval, a Warning."""
    copy = second_report(seed_data)
    _with_period(seed_data / "releases" / RELEASE / "card.yaml", "2013-06-05")
    _with_period(copy / "card.yaml", ends)
    summary = build_corpus(seed_data, tmp_path / "out", toolkit, cache_dir=None)
    assert summary.error is None and not summary.report.violations
    found = [(i.focus, i.shape) for i in summary.report.issues if i.shape == "migsh:Event-period"]
    assert found == ([(f"<{DEFAULT_BASE}event/{EVENT}>", "migsh:Event-period")] if warned else [])
    written = {q for path in dump_files(tmp_path / "out", "nq") for q in ox.parse(path=str(path),
                                                                                  format=ox.RdfFormat.N_QUADS)}
    period = ox.NamedNode("https://w3id.org/migkg/ontology#period")
    intervals = {q.object.value for q in written if q.subject == IRIS.event(EVENT) and q.predicate == period}
    assert intervals == {f"{DEFAULT_BASE}interval/2013-06-05..{e}" for e in {"2013-06-05", ends}}
