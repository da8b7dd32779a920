"""Networks over time and by process, on the multi-release test corpus (tests/fixtures/domain: 13 releases,
2013-2024, the Almaty and the Budapest Process).

The expected facts, nodes and edges are read from the corpus's cards and EXPECTED.md (which meeting is
dated how by which release, who took part where), not from the code. The slices must hold exactly them;
the dynamic GEXF must read back with the days of those facts and have the structure Gephi's timeline reads;
bad options give one located error line and exit 2.
"""
from __future__ import annotations

import csv
import io
import itertools
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

from migkg.errors import InputError
from migkg.network import NETWORK_NAMES, load
from migkg.network.export import dynamic_gexf_bytes, flatten
from migkg.network.over_time import measures_by_year
from migkg.network.slices import FactTime, Span, Timeline, Window, days, fact_time, merge, window

B = "https://w3id.org/migkg/"
R = B + "release/"
GEXF = "{http://gexf.net/1.3}"
NINE = ["AFG", "AZE", "IRN", "KAZ", "KGZ", "PAK", "TJK", "TKM", "TUR"]  # the participants of R01, R05 and R09
BAKU = B + "event/2019-04-24-baku-third-ministerial"
ISTANBUL = B + "event/2018-10-istanbul-budapest-senior-officials"
BUDAPEST = B + "event/2024-03-20-budapest-seventh-ministerial"
QUERY_NETWORKS = ("actor-event", "affiliation", "statements")


def state(code: str) -> str:
    return f"{B}state/{code}"


def edges(graph: nx.Graph) -> set:
    return {(u, v) if graph.is_directed() else frozenset((u, v)) for u, v in graph.edges}


@pytest.fixture(scope="module")
def nets(domain_built_dir):
    return load(domain_built_dir)


# ----------------------------------------------------------------------------------------------- dates and spans
def test_a_date_stands_for_every_day_it_names():
    assert days("2023") == (date(2023, 1, 1), date(2023, 12, 31))
    assert days("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert days("2023-02") == (date(2023, 2, 1), date(2023, 2, 28))
    assert days("2023-06-14") == (date(2023, 6, 14), date(2023, 6, 14))
    for bad in ("23", "2023/01", "2023-13", "2023-02-30", "2023-1", ""):
        with pytest.raises(ValueError):
            days(bad)


def test_a_fact_takes_its_time_from_the_first_source_that_has_one():
    row = {"issued": "2019-04-24", "event_from": "2019-04-24", "event_to": "2019-04-25"}
    assert fact_time("f", row) == FactTime("f", Span(date(2019, 4, 24), date(2019, 4, 25)), "event period")
    assert fact_time("f", {**row, "on": "2019"}).span == Span(date(2019, 1, 1), date(2019, 12, 31))
    assert fact_time("f", {**row, "to": "2022"}) == FactTime("f", Span(date(2019, 4, 24), date(2022, 12, 31)), "period")
    assert fact_time("f", {"issued": "2013-06-05+06:00"}).span == Span(date(2013, 6, 5), date(2013, 6, 5))
    assert fact_time("f", {"issued": "2013-06-05T10:00:00Z"}).span == Span(date(2013, 6, 5), date(2013, 6, 5))
    assert fact_time("f", {"issued": "soon"}).span == Span(None, None)


def test_spans_overlap_a_window_and_merge_day_after_day():
    year_2023 = Span(*days("2023"))
    assert year_2023.overlaps(Span(*days("2023-06")))  # a fact known to the year is in a month of it
    assert not year_2023.overlaps(Span(date(2024, 1, 1), None))
    assert Span(date(2016, 10, 1), None).overlaps(Span(*days("2020")))  # an open period runs on
    assert Span(None, date(2022, 12, 31)).overlaps(Span(*days("1990")))
    assert merge([Span(date(2017, 11, 3), date(2017, 11, 3)), Span(date(2017, 11, 2), date(2017, 11, 2)),
                  Span(date(2019, 4, 24), date(2019, 4, 25))]) == [
        Span(date(2017, 11, 2), date(2017, 11, 3)), Span(date(2019, 4, 24), date(2019, 4, 25))]
    assert merge([Span(date(2015, 1, 1), None), Span(date(2019, 1, 1), date(2019, 2, 1))]) == [
        Span(date(2015, 1, 1), None)]


def test_a_window_is_checked_and_names_what_is_wrong():
    assert window("2016", "2019") == Window(date(2016, 1, 1), date(2019, 12, 31))
    assert window(year=2023) == Window(date(2023, 1, 1), date(2023, 12, 31))
    assert window(start="2019-04") == Window(date(2019, 4, 1), None)
    for kwargs, name in [({"start": "2020", "end": "2019"}, "start"), ({"year": "19"}, "year"),
                         ({"year": 2019, "start": "2018"}, "year"), ({"end": "2019-02-30"}, "end")]:
        with pytest.raises(InputError) as caught:
            window(**kwargs)
        assert str(caught.value).startswith(f"{name}: ")


# ----------------------------------------------------------------------------------------------- the facts' times
@pytest.mark.parametrize(("fact", "span", "basis", "processes"), [
    # the fact's own date (a post held, attested at the first ministerial)
    ("2013-06-05-iom-almaty-declaration/post-holding/marat-seitkali--kaz-deputy-minister-foreign-affairs--"
     "2013-06-05-almaty-first-ministerial", ("2013-06-05", "2013-06-05"), "date", {"almaty-process"}),
    # R05 and R06 date the Ashgabat meeting a day apart: each fact takes its own release's date
    ("2017-11-02-iom-ashgabat-senior-officials/participation/2017-11-ashgabat-third-senior-officials--participant--AFG",
     ("2017-11-02", "2017-11-02"), "event date", {"almaty-process"}),
    ("2017-11-04-kabar-ashgabat-senior-officials/participation/2017-11-ashgabat-third-senior-officials--participant--KGZ",
     ("2017-11-03", "2017-11-03"), "event date", {"almaty-process"}),
    # the Baku conference has a period and no date
    ("2019-04-24-trend-baku-third-ministerial/participation/2019-04-24-baku-third-ministerial--participant--AFG",
     ("2019-04-24", "2019-04-25"), "event period", {"almaty-process"}),
    # a thematic meeting with no date, part of the 2nd SOM (2015-05): the release's month; the process by the part
    ("2015-05-iom-unodc-bishkek-senior-officials/participation/2015-05-bishkek-thematic-trafficking--organiser--iom",
     ("2015-05-01", "2015-05-31"), "release issued", {"almaty-process"}),
    # a statement of a release dated to the year, at no event
    ("2014-unhcr-almaty-process-in-2014/statement/lind-ready-to-talk", ("2014-01-01", "2014-12-31"),
     "release issued", set()),
    # own periods: "since October 2016" (open) and "until 2022", said at the Baku conference
    ("2017-11-02-iom-ashgabat-senior-officials/position/almaty-process--chair--AZE--2016-10..",
     ("2016-10-01", None), "period", set()),
    ("2019-04-24-trend-baku-third-ministerial/position/almaty-process--chair--KAZ--2019-04-24-baku-third-ministerial--..2022",
     ("2019-04-24", "2022-12-31"), "period", {"almaty-process"}),
    ("2018-10-17-icmpd-budapest-process-istanbul/participation/2018-10-istanbul-budapest-senior-officials--organiser--icmpd",
     ("2018-10-16", "2018-10-17"), "event period", {"budapest-process"}),
])
def test_each_fact_takes_the_first_time_the_graph_gives_it(nets, fact, span, basis, processes):
    found = nets.timeline.facts[R + fact]
    assert found.span == Span(*(date.fromisoformat(d) if d else None for d in span))
    assert found.basis == basis
    assert found.processes == {B + "process/" + p for p in processes}


def test_the_timeline_knows_both_processes_and_the_years(nets):
    assert nets.timeline.processes == {B + "process/almaty-process": "Almaty Process",
                                       B + "process/budapest-process": "Budapest Process"}
    assert nets.years() == [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2022, 2023, 2024]


# ----------------------------------------------------------------------------------------------- slices
def test_the_year_of_the_baku_conference_is_its_nine_participants(nets):
    sliced = nets.slice(year=2019)
    co = sliced["co-participation"]
    assert sorted(co.nodes) == [state(c) for c in NINE]
    assert edges(co) == {frozenset(pair) for pair in itertools.combinations([state(c) for c in NINE], 2)}
    assert {d["weight"] for _, _, d in co.edges(data=True)} == {1}
    assert all(d["events"] == [BAKU] for _, _, d in co.edges(data=True))
    two_mode = sliced["actor-event"]
    assert edges(two_mode) == {frozenset((state(c), BAKU)) for c in NINE}
    assert two_mode.edges[state("AZE"), BAKU]["roles"] == ["host", "participant"]
    assert two_mode.edges[state("AZE"), BAKU]["weight"] == 2
    assert two_mode.edges[state("AFG"), BAKU]["roles"] == ["participant"]
    assert sliced["affiliation"].number_of_edges() == 0  # R09 names no post and no press contact
    # the whole graph: AFG and AZE met three times (2013, 2017, 2019)
    assert nets["co-participation"].edges[state("AFG"), state("AZE")]["weight"] == 3


def test_a_year_with_one_speaker_and_a_year_with_no_event(nets):
    seitkali, second = B + "person/marat-seitkali", B + "event/2016-10-12-almaty-second-ministerial"
    y2016 = nets.slice(year=2016)
    assert edges(y2016["actor-event"]) == {frozenset((seitkali, second))}
    assert y2016["actor-event"].edges[seitkali, second]["roles"] == ["speaker"]
    assert y2016["co-participation"].number_of_nodes() == 0
    y2014 = nets.slice(year=2014)  # R02: statements, dated by the release (2014), and no participation
    assert y2014["actor-event"].number_of_nodes() == 0
    lind, unhcr = B + "person/johanna-lind", B + "organisation/unhcr"
    assert edges(y2014["statements"]) == {
        (unhcr, unhcr), (unhcr, B + "process/almaty-process"), (unhcr, B + "topic/regional-consultative-process"),
        (lind, B + "process/almaty-process"), (lind, B + "topic/refugee-protection"),
        (lind, B + "topic/regional-consultative-process")}
    assert edges(y2014["affiliation"]) == {(unhcr, B + "organisation/un")}  # the registry's edge, named in 2014


def test_a_fact_known_only_to_its_year_or_month_is_in_every_window_inside_it(nets):
    june_2014 = nets.slice(start="2014-06", end="2014-06")
    assert edges(june_2014["statements"]) == edges(nets.slice(year=2014)["statements"])
    may_10_2015 = nets.slice(start="2015-05-10", end="2015-05-10")  # R03: the meeting of 2015-05
    assert edges(may_10_2015["actor-event"]) == edges(nets.slice(year=2015)["actor-event"])
    assert nets.slice(start="2015-06", end="2015-12")["actor-event"].number_of_nodes() == 0
    # the Baku conference (24-25 April 2019) is in a window of its second day, and not in one of the day after
    assert BAKU in nets.slice(start="2019-04-25", end="2019-04-25")["actor-event"]
    assert BAKU not in nets.slice(start="2019-04-26", end="2019-12-31")["actor-event"]


def test_a_process_slice_holds_the_meetings_of_that_process_only(nets):
    budapest = nets.slice(process="budapest-process")
    organisation, person = B + "organisation/", B + "person/"
    assert edges(budapest["actor-event"]) == {
        frozenset((organisation + "tur-ministry-interior", ISTANBUL)), frozenset((person + "selim-aydemir", ISTANBUL)),
        frozenset((organisation + "icmpd", ISTANBUL)), frozenset((person + "yerlan-sabitov", BUDAPEST)),
        frozenset((organisation + "hun-government", BUDAPEST))}
    assert budapest["actor-event"].edges[person + "yerlan-sabitov", BUDAPEST]["roles"] == ["delegation-member",
                                                                                           "speaker"]
    assert edges(budapest["co-participation"]) == {
        frozenset((organisation + "hun-government", person + "yerlan-sabitov")),
        frozenset((organisation + "icmpd", organisation + "tur-ministry-interior")),
        frozenset((organisation + "icmpd", person + "selim-aydemir")),
        frozenset((organisation + "tur-ministry-interior", person + "selim-aydemir"))}
    almaty = nets.slice(process=B + "process/almaty-process")  # by IRI too
    events = {n for n, part in almaty["actor-event"].nodes(data="bipartite") if part == 1}
    # the meetings of EXPECTED.md (2) that name a participant (not the 1st SOM, 2014), and the thematic meeting
    # that is part of the 2nd SOM
    assert events == {B + "event/" + e for e in (
        "2013-06-05-almaty-first-ministerial", "2015-05-bishkek-second-senior-officials",
        "2015-05-bishkek-thematic-trafficking", "2016-10-12-almaty-second-ministerial",
        "2017-11-ashgabat-third-senior-officials", "2019-04-24-baku-third-ministerial",
        "2022-10-06-astana-fourth-ministerial", "2023-06-14-bishkek-fifth-senior-officials")}
    both = nets.slice(year=2024, process="budapest-process")
    assert edges(both["actor-event"]) == {frozenset((person + "yerlan-sabitov", BUDAPEST)),
                                          frozenset((organisation + "hun-government", BUDAPEST))}
    with pytest.raises(InputError, match=r"no process 'nowhere'.*almaty-process.*budapest-process"):
        nets.slice(process="nowhere")


@pytest.mark.parametrize("name", QUERY_NETWORKS)
def test_every_slice_is_the_part_of_the_whole_graph_its_facts_make(nets, name):
    """An edge is in a slice exactly when one of its facts is in the window, with those facts and no other."""
    whole, timeline = nets[name], nets.timeline
    chosen = [*({"year": y} for y in nets.years()), {"process": "almaty-process"}, {"process": "budapest-process"},
              {"start": "2016-10", "end": "2019-04"}]
    for kwargs in chosen:
        sliced = nets.slice(**kwargs)[name]
        for u, v, data in whole.edges(data=True):
            facts = [f for f in data["evidence"] if _in(nets, kwargs, timeline.facts[f])]
            assert sliced.has_edge(u, v) == bool(facts), (kwargs, u, v)
            if facts:
                assert sliced.edges[u, v]["evidence"] == facts
        assert set(sliced.nodes) == {n for e in sliced.edges for n in e}
    # the years together give back the whole graph
    assert set().union(*(edges(nets.slice(year=y)[name]) for y in nets.years())) == edges(whole)


def _in(nets, kwargs, fact) -> bool:
    chosen = window(**kwargs, timeline=nets.timeline)
    return fact.span.overlaps(chosen.span) and (chosen.process is None or chosen.process in fact.processes)


def test_actors_keep_their_side_in_a_slice(nets):
    sliced = nets.slice(year=2013)["actors"]
    whole = nets["actors"]
    for node, data in sliced.nodes(data=True):
        assert data.get("side") == whole.nodes[node].get("side")


def test_an_endpoint_gives_the_same_times_and_slices(oxigraph, domain_built_dir, nets, invoke_migkg):
    """fact-times.rq on a real Oxigraph server (the build published to it): the same timeline, so the same slices."""
    server = oxigraph()
    done = invoke_migkg("publish", "--endpoint", server.store_url, "--out", domain_built_dir)
    assert done.returncode == 0, done.stderr
    remote = load(server.query_url)
    assert remote.timeline == nets.timeline
    for kwargs in ({"year": 2019}, {"process": "budapest-process"}, {"start": "2016-10", "end": "2019-04"}):
        there, here = remote.slice(**kwargs), nets.slice(**kwargs)
        for name in NETWORK_NAMES:
            assert nx.utils.graphs_equal(there[name], here[name]), (kwargs, name)


# ----------------------------------------------------------------------------------------------- measures by year
def test_the_measures_year_by_year(nets):
    table = measures_by_year(nets, ["co-participation"])["co-participation"]
    assert sorted({row["year"] for row in table}) == [2013, 2015, 2017, 2018, 2019, 2022, 2023, 2024]
    y2019 = [row for row in table if row["year"] == 2019]
    assert sorted(row["iri"] for row in y2019) == [state(c) for c in NINE]
    assert {row["degree"] for row in y2019} == {8}
    by_process = measures_by_year(nets.slice(process="budapest-process"), ["actor-event"])["actor-event"]
    assert sorted({row["year"] for row in by_process}) == [2018, 2024]


# ----------------------------------------------------------------------------------------------- dynamic GEXF
def spells_of(element) -> list[tuple[str, str | None]]:
    found = element.findall(f"{GEXF}spells")
    assert len(found) == 1, element.attrib
    return [(s.get("start"), s.get("end")) for s in found[0].findall(f"{GEXF}spell")]


@pytest.mark.parametrize("name", NETWORK_NAMES)
def test_the_dynamic_gexf_has_the_structure_gephis_timeline_reads(nets, name):
    data = dynamic_gexf_bytes(nets[name], nets.timeline)
    root = ET.fromstring(data)
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    assert b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' in data and b"lastmodifieddate" not in data
    graph = root.find(f"{GEXF}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    assert graph.get("defaultedgetype") == ("directed" if nets[name].is_directed() else "undirected")
    nodes, links = graph.findall(f"{GEXF}nodes/{GEXF}node"), graph.findall(f"{GEXF}edges/{GEXF}edge")
    assert len(nodes) == nets[name].number_of_nodes() and len(links) == nets[name].number_of_edges()
    node_days: dict[str, list] = {}
    for element in nodes + links:
        spells = spells_of(element)
        assert spells
        for start, end in spells:  # xs:date both, in order (every fact behind these networks has an end)
            assert end is not None and date.fromisoformat(start) <= date.fromisoformat(end)
        if element.tag == f"{GEXF}node":
            node_days[element.get("id")] = spells
    for element in links:  # Gephi shows an edge only while both its ends are shown
        for start, end in spells_of(element):
            for end_node in (element.get("source"), element.get("target")):
                assert any(s <= start and end <= e for s, e in node_days[end_node])


def test_the_dynamic_gexf_reads_back_with_the_days_of_the_facts(nets, tmp_path):
    graph = nets["co-participation"]
    path = tmp_path / "co-participation-dynamic.gexf"
    path.write_bytes(dynamic_gexf_bytes(graph, nets.timeline))
    back = nx.read_gexf(path)
    assert back.graph["mode"] == "dynamic"
    # AFG and AZE: the first ministerial (2013-06-05), Ashgabat as R05 dates it, Baku (a period of two days)
    assert back.edges[state("AFG"), state("AZE")]["spells"] == [
        ("2013-06-05", "2013-06-05"), ("2017-11-02", "2017-11-02"), ("2019-04-24", "2019-04-25")]
    # AFG and KGZ: R05 dates Ashgabat 2 November (AFG, KGZ), R06 3 November (KGZ): one spell of two days
    assert back.edges[state("AFG"), state("KGZ")]["spells"] == [
        ("2013-06-05", "2013-06-05"), ("2017-11-02", "2017-11-03"), ("2019-04-24", "2019-04-25")]
    assert back.nodes[state("AFG")]["spells"] == [
        ("2013-06-05", "2013-06-05"), ("2017-11-02", "2017-11-03"), ("2019-04-24", "2019-04-25")]
    # the rest as the static file has it
    flat = flatten(graph)
    assert set(back.nodes) == set(flat.nodes) and edges(back) == edges(flat)
    for node, data in flat.nodes(data=True):
        assert {k: v for k, v in back.nodes[node].items() if k not in ("spells", "id")} == data
    for u, v, data in flat.edges(data=True):
        assert {k: x for k, x in back.edges[u, v].items() if k not in ("spells", "id")} == data


# ----------------------------------------------------------------------------------------------- the command line
def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_the_command_line_slices_by_year_and_process(invoke_migkg, domain_built_dir, tmp_path):
    done = invoke_migkg("network", "stats", "--out", domain_built_dir, "--to", tmp_path / "y", "--network",
                     "co-participation", "--year", "2019")
    assert done.returncode == 0, done.stderr
    assert "sliced to year 2019" in done.stderr
    assert sorted(r["iri"] for r in read_csv(tmp_path / "y" / "co-participation-measures.csv")) == [
        state(c) for c in NINE]
    done = invoke_migkg("network", "export", "--out", domain_built_dir, "--to", tmp_path / "p", "--network",
                     "actor-event", "--process", "budapest-process", "--from", "2018", "--until", "2018-12")
    assert done.returncode == 0, done.stderr
    back = nx.read_gexf(tmp_path / "p" / "actor-event-dynamic.gexf")
    assert set(back.nodes) == {ISTANBUL, B + "organisation/tur-ministry-interior", B + "person/selim-aydemir",
                               B + "organisation/icmpd"}
    assert {tuple(s) for _, _, s in back.edges(data="spells")} == {(("2018-10-16", "2018-10-17"),)}
    static = nx.read_gexf(tmp_path / "p" / "actor-event.gexf")
    assert set(static.nodes) == set(back.nodes)


def test_the_command_line_writes_the_measures_by_year(invoke_migkg, domain_built_dir, tmp_path):
    done = invoke_migkg("network", "stats", "--out", domain_built_dir, "--to", tmp_path, "--network", "co-participation",
                     "--by-year")
    assert done.returncode == 0, done.stderr
    rows = read_csv(tmp_path / "co-participation-measures-by-year.csv")
    assert list(rows[0])[:3] == ["year", "rank", "iri"]
    assert sorted({r["year"] for r in rows}) == ["2013", "2015", "2017", "2018", "2019", "2022", "2023", "2024"]
    assert sorted(r["iri"] for r in rows if r["year"] == "2019") == [state(c) for c in NINE]


BAD_OPTIONS = [
    (["--from", "2020", "--until", "2019"], "--from", "2020 is after --until 2019"),
    (["--process", "nowhere"], "--process", "no process 'nowhere'"),
    (["--year", "23"], "--year", "'23' is not a year"),
    (["--year", "2019-04"], "--year", "'2019-04' is not a year"),
    (["--from", "2019-13"], "--from", "there is no month 13"),
    (["--until", "2019-02-30"], "--until", "'2019-02-30' is not a day of the calendar"),
    (["--from", "April"], "--from", "'April' is not a date"),
    (["--from", ""], "--from", "'' is not a date"),
    (["--year", "2019", "--from", "2018"], "--year", "is given with --from or --until"),
]


@pytest.mark.parametrize(("command", "options", "option", "says"),
                         [("stats", *bad) for bad in BAD_OPTIONS] + [("export", *BAD_OPTIONS[0]),
                                                                     ("draw", *BAD_OPTIONS[1])])
def test_bad_slice_options_give_one_located_error_line(invoke_migkg, domain_built_dir, tmp_path, command, options,
                                                       option, says):
    done = invoke_migkg("network", command, "--out", domain_built_dir, "--to", tmp_path / "files", "--network",
                     "actors", *options)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {option}: ") and says in lines[0], done.stderr
    assert "Fix:" in lines[0]
    assert not (tmp_path / "files").exists()


def test_a_process_is_found_by_its_id_under_any_base():
    """A build made with --base https://example.org/kg/ names its processes under that base; --process takes
    their id all the same, and a slice says the id, not the IRI."""
    iri = "https://example.org/kg/process/almaty-process"
    timeline = Timeline(facts={}, processes={iri: "Almaty Process", "https://example.org/kg/process/bali-process":
                                             "Bali Process"})
    assert timeline.process("almaty-process") == iri
    assert timeline.process(iri) == iri
    assert Window(process=iri).describe() == "all time, process almaty-process"
    with pytest.raises(InputError, match="use one of: almaty-process \\(Almaty Process\\), bali-process"):
        timeline.process("budapest-process")
