"""The questions across releases (queries/research/q13-q17, q12) on the test corpus of tests/fixtures/domain.

The corpus is 13 short releases and news items written for these tests (see its README.md): a process's
meetings over eleven years, chairs handed over, co-chairs, members and observers, documents adopted,
relayed news, texts dated only by a year or a month or not at all, and two reports of one meeting that
disagree on its date. The expected rows below were read off the cards by a person
(tests/fixtures/domain/EXPECTED.md), not produced by the code; each query must give exactly them, in this
order, on the embedded store, on a live Oxigraph server the build is published to, and (as a set) on
rdflib's own SPARQL engine. IRIs are compared by their last segment.
"""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from migkg.mapping.terms import to_ox
from migkg.queries.catalogue import bind, load_catalogue
from migkg.stores.endpoint import EndpointSource
from migkg.stores.opening import open_build
from tests.servers import Oxigraph

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "domain"
BASE = "https://w3id.org/migkg/"
CATALOGUE = load_catalogue()

R01 = "2013-06-05-iom-almaty-declaration"
R02 = "2014-unhcr-almaty-process-in-2014"
R03 = "2015-05-iom-unodc-bishkek-senior-officials"
R04 = "2016-10-13-tengrinews-almaty-second-ministerial"
R05 = "2017-11-02-iom-ashgabat-senior-officials"
R06 = "2017-11-04-kabar-ashgabat-senior-officials"
R07 = "2018-06-iom-unhcr-almaty-process-data-project"
R08 = "2018-10-17-icmpd-budapest-process-istanbul"
R09 = "2019-04-24-trend-baku-third-ministerial"
R10 = "2022-10-06-kaz-mfa-astana-fourth-ministerial"
R11 = "2023-06-14-kgz-mfa-bishkek-fifth-senior-officials"
R12 = "2024-02-15-astana-times-action-plan"
R13 = "2024-03-21-kazinform-budapest-process-ministerial"

ALMATY_PROCESS = BASE + "process/almaty-process"
KAZ = BASE + "state/KAZ"

#: each run: (query, parameters, the columns compared)
RUNS = {
    "q13-chairs-over-time": ({"process": ALMATY_PROCESS},
                             ("date", "position", "holder", "how", "event", "period_from", "period_to", "release")),
    "q14-meetings-of-a-process": ({"process": ALMATY_PROCESS},
                                  ("date", "event", "kind", "number", "host", "place", "place_state", "release")),
    "q15-members-over-time": ({"process": ALMATY_PROCESS},
                              ("date", "status", "agent", "event", "period_from", "period_to", "release")),
    "q16-documents-adopted": ({}, ("date", "document", "kind", "action", "event", "party", "release")),
    "q17-roles-of-an-actor-by-year": ({"actor": KAZ}, ("year", "date", "what", "role", "context", "release")),
}

EXPECTED = {
    "q13-chairs-over-time": [
        ('2013-06-05', 'chair', 'KAZ', 'holds', '2013-06-05-almaty-first-ministerial', None, None, R01),
        ('2014', 'chair', 'KAZ', 'holds', None, '2014', '2014', R02),
        ('2014', 'secretariat-host', 'KAZ', 'holds', None, None, None, R02),
        ('2016-10', 'chair', 'AZE', 'holds', None, '2016-10', None, R05),
        ('2016-10-12', 'chair', 'KAZ', 'hands over', '2016-10-12-almaty-second-ministerial', None, None, R04),
        ('2016-10-12', 'chair', 'AZE', 'holds', '2016-10-12-almaty-second-ministerial', None, None, R04),
        ('2016-10-12', 'chair', 'AZE', 'takes over', '2016-10-12-almaty-second-ministerial', None, None, R04),
        ('2016-10-13', 'secretariat-host', 'KAZ', 'holds', None, None, None, R04),
        ('2017-11-03', 'chair', 'AZE', 'holds', '2017-11-ashgabat-third-senior-officials', None, None, R06),
        ('2018-06', 'secretariat-host', 'KAZ', 'holds', None, None, None, R07),
        ('2019-04-24', 'chair', 'AZE', 'hands over', '2019-04-24-baku-third-ministerial', None, None, R09),
        ('2019-04-24', 'chair', 'KAZ', 'holds', '2019-04-24-baku-third-ministerial', None, '2022', R09),
        ('2019-04-24', 'chair', 'KAZ', 'takes over', '2019-04-24-baku-third-ministerial', None, None, R09),
        ('2022-10-06', 'chair', 'KAZ', 'hands over', '2022-10-06-astana-fourth-ministerial', None, None, R10),
        ('2022-10-06', 'chair', 'KGZ', 'takes over', '2022-10-06-astana-fourth-ministerial', None, None, R10),
        ('2022-10-06', 'secretariat-host', 'KAZ', 'holds', '2022-10-06-astana-fourth-ministerial', None, None, R10),
        ('2023', 'chair', 'KGZ', 'holds', None, '2023', '2024', R10),
        ('2023', 'chair', 'KGZ', 'holds', None, '2023', '2024', R12),
        ('2023', 'vice-chair', 'KAZ', 'holds', None, '2023', '2024', R10),
        ('2023-01', 'chair', 'KGZ', 'holds', None, '2023-01', None, R11),
        ('2024-02-15', 'secretariat-host', 'KAZ', 'holds', None, None, None, R12),
        ('2024-02-15', 'vice-chair', 'KAZ', 'holds', None, None, None, R12),
    ],
    "q14-meetings-of-a-process": [
        ('2013-06-05', '2013-06-05-almaty-first-ministerial', 'MinisterialConference', '1', 'KAZ', 'almaty', 'KAZ', R01),
        ('2014', '2014-almaty-first-senior-officials', 'SeniorOfficialsMeeting', '1', None, 'almaty', 'KAZ', R02),
        ('2015-05', '2015-05-bishkek-second-senior-officials', 'SeniorOfficialsMeeting', '2', 'KGZ', 'bishkek', 'KGZ', R03),
        ('2016-10-12', '2016-10-12-almaty-second-ministerial', 'MinisterialConference', '2', None, 'almaty', 'KAZ', R04),
        ('2017-11-02', '2017-11-ashgabat-third-senior-officials', 'SeniorOfficialsMeeting', '3', 'tkm-government', 'ashgabat', 'TKM', R05),
        ('2017-11-03', '2017-11-ashgabat-third-senior-officials', 'SeniorOfficialsMeeting', '3', 'TKM', 'ashgabat', 'TKM', R06),
        ('2019-04-24', '2019-04-24-baku-third-ministerial', 'MinisterialConference', '3', 'AZE', 'baku', 'AZE', R09),
        ('2022-10-06', '2022-10-06-astana-fourth-ministerial', 'MinisterialConference', '4', 'KAZ', 'astana', 'KAZ', R10),
        ('2023-06-14', '2023-06-14-bishkek-fifth-senior-officials', 'SeniorOfficialsMeeting', '5', None, 'bishkek', 'KGZ', R11),
    ],
    "q15-members-over-time": [
        ('2015', 'observer', 'UZB', None, '2015', None, R09),
        ('2015-05', 'observer', 'UZB', '2015-05-bishkek-second-senior-officials', None, None, R03),
        ('2015-05', 'partner', 'unodc', '2015-05-bishkek-second-senior-officials', None, None, R03),
        ('2015-05', 'partner', 'unodc', None, '2015-05', None, R10),
        ('2015-05', 'partner', 'unodc', None, '2015-05', None, R12),
        ('2017-11-02', 'observer', 'UZB', '2017-11-ashgabat-third-senior-officials', None, None, R05),
        ('2018-06', 'member', 'AFG', None, None, None, R07),
        ('2018-06', 'member', 'AZE', None, None, None, R07),
        ('2018-06', 'member', 'IRN', None, None, None, R07),
        ('2018-06', 'member', 'KAZ', None, None, None, R07),
        ('2018-06', 'member', 'KGZ', None, None, None, R07),
        ('2018-06', 'member', 'PAK', None, None, None, R07),
        ('2018-06', 'member', 'TJK', None, None, None, R07),
        ('2018-06', 'member', 'TKM', None, None, None, R07),
        ('2018-06', 'member', 'TUR', None, None, None, R07),
        ('2018-06', 'observer', 'UZB', None, None, None, R07),
        ('2019-04-24', 'invited-guest', 'HUN', '2019-04-24-baku-third-ministerial', None, None, R09),
        ('2019-04-24', 'member', 'UZB', '2019-04-24-baku-third-ministerial', None, None, R09),
    ],
    "q16-documents-adopted": [
        ('2013-06-05', 'almaty-declaration', 'Declaration', 'adopted', '2013-06-05-almaty-first-ministerial', 'participants', R01),
        ('2019-04-24', 'baku-declaration', 'Declaration', 'adopted', '2019-04-24-baku-third-ministerial', 'participants', R09),
        ('2022-10-06', 'almaty-process-action-plan-2023-2024', 'ActionPlan', 'endorsed', '2022-10-06-astana-fourth-ministerial', 'KAZ', R10),
        ('2022-10-06', 'almaty-process-action-plan-2023-2024', 'ActionPlan', 'endorsed', '2022-10-06-astana-fourth-ministerial', 'KGZ', R10),
        ('2022-10-06', 'almaty-process-action-plan-2023-2024', 'ActionPlan', 'endorsed', '2022-10-06-astana-fourth-ministerial', 'TJK', R10),
        ('2022-10-06', 'almaty-process-action-plan-2023-2024', 'ActionPlan', 'endorsed', '2022-10-06-astana-fourth-ministerial', 'TKM', R10),
        ('2022-10-06', 'almaty-process-action-plan-2023-2024', 'ActionPlan', 'endorsed', '2022-10-06-astana-fourth-ministerial', 'UZB', R10),
        ('2024-03-20', 'budapest-declaration-2024', 'Declaration', 'adopted', '2024-03-20-budapest-seventh-ministerial', 'participants', R13),
        ('2024-03-20', 'budapest-process-action-plan-2024-2028', 'ActionPlan', 'endorsed', '2024-03-20-budapest-seventh-ministerial', 'participants', R13),
    ],
    "q17-roles-of-an-actor-by-year": [
        ('2013', '2013-06-05', 'adopted a document, as a participant', 'adopted', 'almaty-declaration', R01),
        ('2013', '2013-06-05', 'position', 'chair', 'almaty-process', R01),
        ('2013', '2013-06-05', 'role in an event', 'host', '2013-06-05-almaty-first-ministerial', R01),
        ('2013', '2013-06-05', 'role in an event', 'participant', '2013-06-05-almaty-first-ministerial', R01),
        ('2014', '2014', 'position', 'chair', 'almaty-process', R02),
        ('2014', '2014', 'position', 'secretariat-host', 'almaty-process', R02),
        ('2016', '2016-10-12', 'hands over', 'chair', 'almaty-process', R04),
        ('2016', '2016-10-13', 'position', 'secretariat-host', 'almaty-process', R04),
        ('2017', '2017-11-02', 'role in an event', 'participant', '2017-11-ashgabat-third-senior-officials', R05),
        ('2018', '2018-06', 'membership', 'member', 'almaty-process', R07),
        ('2018', '2018-06', 'position', 'secretariat-host', 'almaty-process', R07),
        ('2018', '2018-10-16', 'membership', 'invited-guest', 'budapest-process', R08),
        ('2019', '2019-04-24', 'adopted a document, as a participant', 'adopted', 'baku-declaration', R09),
        ('2019', '2019-04-24', 'position', 'chair', 'almaty-process', R09),
        ('2019', '2019-04-24', 'role in an event', 'participant', '2019-04-24-baku-third-ministerial', R09),
        ('2019', '2019-04-24', 'takes over', 'chair', 'almaty-process', R09),
        ('2022', '2022-10-06', 'adopted a document', 'endorsed', 'almaty-process-action-plan-2023-2024', R10),
        ('2022', '2022-10-06', 'hands over', 'chair', 'almaty-process', R10),
        ('2022', '2022-10-06', 'position', 'secretariat-host', 'almaty-process', R10),
        ('2022', '2022-10-06', 'role in an event', 'host', '2022-10-06-astana-fourth-ministerial', R10),
        ('2023', '2023', 'position', 'vice-chair', 'almaty-process', R10),
        ('2024', '2024-02-15', 'position', 'secretariat-host', 'almaty-process', R12),
        ('2024', '2024-02-15', 'position', 'vice-chair', 'almaty-process', R12),
        ('2024', '2024-02-15', 'statement by its officials', 'reported-speech', None, R12),
        ('2024', '2024-03-20', 'membership', 'invited-guest', 'budapest-process', R13),
    ],
}


@pytest.fixture(scope="module")
def built(tmp_path_factory, run_migkg) -> Path:
    out = tmp_path_factory.mktemp("domain") / "build"
    done = run_migkg("build", "--data", CORPUS, "--out", out, "--no-cache")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def store(built) -> ox.Store:
    return open_build(built).store


@pytest.fixture(scope="module")
def published(built, run_migkg, tmp_path_factory):
    """A real Oxigraph server on loopback, the build published to it with `migkg publish`."""
    server = Oxigraph(tmp_path_factory.mktemp("oxigraph-domain")).start()
    done = run_migkg("publish", "--endpoint", server.store_url, "--out", built)
    assert done.returncode == 0, done.stderr
    yield server
    server.stop()


def short(term) -> str | None:
    """A term as the tables above write it: an IRI by its last segment, a literal by its text."""
    if term is None:
        return None
    return re.split(r"[/#]", term.value)[-1] if isinstance(term, ox.NamedNode) else term.value


def rows(solutions, columns) -> list[tuple]:
    return [tuple(short(solution[c]) for c in columns) for solution in solutions]


def embedded(store: ox.Store, name: str) -> list[tuple]:
    values, columns = RUNS[name]
    query = CATALOGUE.find(name)
    return rows(store.query(query.text, use_default_graph_as_union=True,
                            substitutions={ox.Variable(k): ox.NamedNode(v) for k, v in values.items()}), columns)


def test_the_corpus_builds_with_one_warning_the_two_dates_of_one_meeting(run_migkg, tmp_path):
    done = run_migkg("build", "--data", CORPUS, "--out", tmp_path / "build", "--no-cache")
    assert done.returncode == 0, done.stderr
    assert "0 violation(s), 1 warning(s)." in done.stderr + done.stdout
    warning = next(line for line in (done.stderr + done.stdout).splitlines() if line.startswith("Warning:"))
    assert "2017-11-ashgabat-third-senior-officials" in warning and "dcterms:date" in warning
    assert R05 in warning and R06 in warning


@pytest.mark.parametrize("name", list(RUNS))
def test_each_question_gives_exactly_the_rows_read_off_the_cards(store, name):
    assert embedded(store, name) == EXPECTED[name]


@pytest.mark.parametrize("name", list(RUNS))
def test_a_live_oxigraph_server_gives_the_same_rows_in_the_same_order(store, published, name):
    values, columns = RUNS[name]
    query = CATALOGUE.find(name)
    remote = EndpointSource(published.query_url).query(query.text, bind(query, values))
    assert rows(remote.rows, columns) == EXPECTED[name]


@pytest.mark.parametrize("name", list(RUNS))
def test_rdflib_gives_the_same_rows(built, name):
    values, columns = RUNS[name]
    build = open_build(built)
    union = Graph()
    for graph in build.graph_names():
        union.parse(data=build.ntriples(graph), format="nt")
    query = CATALOGUE.find(name)
    text = query.text
    for key, value in values.items():  # rdflib: bind the parameter as the catalogue binds it for an endpoint
        text = text.replace("WHERE {", f"WHERE {{ VALUES ?{key} {{ <{value}> }}", 1)
    answer = union.query(text)
    names = [str(v) for v in answer.vars]
    got = {tuple(None if row[names.index(c)] is None else short(to_ox(row[names.index(c)])) for c in columns)
           for row in answer}
    assert got == set(EXPECTED[name])


def test_the_shortcuts_a_researcher_expects(store):
    def ask(pattern: str) -> bool:
        return bool(store.query(f"PREFIX mig: <https://w3id.org/migkg/ontology#> PREFIX org: <http://www.w3.org/ns/org#> "
                                f"PREFIX schema: <https://schema.org/> ASK {{ {pattern} }}", use_default_graph_as_union=True))
    kaz, aze, kgz, uzb = (f"<{BASE}state/{c}>" for c in ("KAZ", "AZE", "KGZ", "UZB"))
    process = f"<{ALMATY_PROCESS}>"
    assert ask(f"{kaz} mig:chairOf {process} . {aze} mig:chairOf {process} . {kgz} mig:chairOf {process} .")
    assert ask(f"{kaz} mig:viceChairOf {process} . {kaz} mig:hostsSecretariatOf {process} .")
    assert ask(f"{uzb} org:memberOf {process} . {uzb} mig:observerOf {process} .")
    assert ask(f"{process} schema:event <{BASE}event/2019-04-24-baku-third-ministerial> .")
    assert ask(f"<{BASE}event/2015-05-bishkek-second-senior-officials> schema:subEvent "
               f"<{BASE}event/2015-05-bishkek-thematic-trafficking> .")
    assert ask(f"<{BASE}document/baku-declaration> mig:adoptedAt <{BASE}event/2019-04-24-baku-third-ministerial> .")
    assert ask(f"{kaz} mig:adopted <{BASE}document/almaty-process-action-plan-2023-2024> .")
    assert not ask(f"<{BASE}state/TUR> mig:chairOf {process} .")  # it co-chairs the Budapest Process only
