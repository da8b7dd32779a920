"""The query catalogue: headers, listing, running by name, typed parameters, and the same answers on
the embedded store, on an Oxigraph server and on Virtuoso, each loaded by `migkg publish`."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from migkg.errors import InputError
from migkg.queries.catalogue import PARAMETER_TYPES, bind, load_catalogue, parse_assignments, read_query
from migkg.queries.running import answer_embedded
from migkg.stores.endpoint import EndpointSource
from migkg.stores.opening import open_build
from migkg.stores.sources import SelectResult
from tests.servers import Oxigraph, term_key

CATALOGUE = load_catalogue()
XSD = "http://www.w3.org/2001/XMLSchema#"
RELEASE = "https://w3id.org/migkg/release/2013-06-05-unhcr-iom-almaty-ministerial"
CHAIR = f"{RELEASE}/statement/kazakhstan-proposal-chair"
#: every catalogue query, with the parameters each test run binds (none: the query's unbound form)
#: the research questions across releases, which the one seed release may leave empty (tests/test_domain_corpus.py
#: runs them on the multi-release fixture corpus, here and on a server)
ACROSS_RELEASES = {"q13-chairs-over-time", "q14-meetings-of-a-process", "q15-members-over-time",
                   "q16-documents-adopted", "q17-roles-of-an-actor-by-year",
                   # derivation rules of facts the seed does not state (no meeting of a process, no position
                   # held, no document): tests/test_domain_corpus.py checks the edges they derive
                   "documents", "meetings", "membership-shortcuts"}
RUNS = [(q.name, {}) for q in CATALOGUE.queries] + [("q11-evidence-of-a-fact", {"fact": CHAIR})]
ECHO_QUERY = """# title: Echo a value
# question: Does a value come back exactly as given?
# param: text string — any text
# param: tagged langstring — text with a language tag
# example: migkg query echo.rq --param text=hello
SELECT ?text_back ?tagged_back ?triples WHERE {
  BIND(?text AS ?text_back)
  BIND(?tagged AS ?tagged_back)
  { SELECT (COUNT(*) AS ?triples) WHERE {
      ?s ?p ?o
      # the build's triples: a store also holds the list of graphs migkg publish put there (issue 13)
      FILTER(?p NOT IN (<http://www.w3.org/ns/sparql-service-description#namedGraph>,
                        <http://www.w3.org/ns/sparql-service-description#name>)) } }
}
"""
HOSTILE = ['x" } ; DROP ALL ; SELECT * { "', "} ; DROP ALL", "'''}", "\\u0022 } #", "a\nb"]


# --------------------------------------------------------------------------- the headers
def test_the_catalogue_holds_every_query_file(repo_root):
    files = sorted(p.stem for p in (repo_root / "queries").glob("*/*.rq"))
    assert sorted(q.name for q in CATALOGUE.queries) == files
    assert {q.kind for q in CATALOGUE.queries} == {"research", "network", "rule"}


@pytest.mark.parametrize("query", CATALOGUE.queries, ids=lambda q: q.name)
def test_every_query_says_what_it_answers(query):
    assert query.title and query.title != query.name
    assert len(query.question) > 20
    if query.kind != "rule":  # the rules are run by `migkg build`, not by people
        assert query.header["returns"] and query.header["example"]
        assert all(e.startswith("migkg query ") for e in query.header["example"])
    for parameter in query.parameters:
        assert parameter.type in {t for t, _ in PARAMETER_TYPES.values()}
        assert parameter.description
        assert f"?{parameter.name}" in query.text


def test_header_errors_point_at_the_line(tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: x\n# param: when datetime — a time\nSELECT * { ?s ?p ?o }\n")
    with pytest.raises(InputError, match=r"bad\.rq:2: param: unknown parameter type 'datetime'"):
        read_query(bad)
    bad.write_text("# title: x\n# param: just a sentence\nSELECT * { ?s ?p ?o }\n")
    with pytest.raises(InputError, match=r"bad\.rq:2: param: cannot read the parameter line"):
        read_query(bad)


@pytest.mark.parametrize("type_name, good, term, bad", [
    ("iri", "<https://w3id.org/migkg/state/KAZ>", ox.NamedNode("https://w3id.org/migkg/state/KAZ"), "KAZ"),
    ("string", "Almaty", ox.Literal("Almaty"), None),
    ("langstring", "Almaty Process@en", ox.Literal("Almaty Process", language="en"), "Almaty Process"),
    ("date", "2013-06-05", ox.Literal("2013-06-05", datatype=ox.NamedNode(XSD + "date")), "2013-13-05"),
    ("xsd:integer", "10", ox.Literal("10", datatype=ox.NamedNode(XSD + "integer")), "ten"),
    ("decimal", "2.5", ox.Literal("2.5", datatype=ox.NamedNode(XSD + "decimal")), "2,5"),
    ("boolean", "true", ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")), "yes"),
])
def test_values_become_terms_of_the_declared_type(tmp_path, type_name, good, term, bad):
    path = tmp_path / "typed.rq"
    path.write_text(f"# title: typed\n# param: v {type_name} — a value\nSELECT ?v WHERE {{ }}\n")
    query = read_query(path)
    assert bind(query, {"v": good}) == {"v": term}
    if bad is not None:
        with pytest.raises(InputError, match=rf"typed\.rq:2: --param v: '{bad}' is not a valid"):
            bind(query, {"v": bad})
    with pytest.raises(InputError, match="this query has no parameter 'w'"):
        bind(query, {"w": good})


def test_assignments_are_name_equals_value():
    assert parse_assignments(["fact=https://x/a=b", "?n=2"]) == {"fact": "https://x/a=b", "n": "2"}
    for wrong in (["fact"], ["a b=1"], ["n=1", "n=2"]):
        with pytest.raises(InputError):
            parse_assignments(wrong)


# --------------------------------------------------------------------------- the command line
def test_migkg_queries_lists_the_catalogue(invoke_migkg):
    done = invoke_migkg("queries")
    assert done.returncode == 0
    for query in CATALOGUE.queries:
        assert query.name in done.stdout and query.title in done.stdout
    assert done.stdout.index("Research questions") < done.stdout.index("Networks") < done.stdout.index(
        "Derivation rules")
    assert "fact (iri)" in done.stdout
    detail = invoke_migkg("queries", "q11")
    assert "param: fact (iri: an absolute IRI" in detail.stdout and "example: migkg query" in detail.stdout


def test_a_query_runs_by_name_by_short_name_and_by_path(invoke_migkg, built_dir, repo_root):
    by_path = invoke_migkg("query", repo_root / "queries/research/q03-organisers-funders-supporters.rq",
                        "--out", built_dir, "--format", "csv")
    for name in ("q03-organisers-funders-supporters", "q03"):
        assert invoke_migkg("query", name, "--out", built_dir, "--format", "csv").stdout == by_path.stdout
    assert by_path.returncode == 0 and len(by_path.stdout.splitlines()) == 5
    unknown = invoke_migkg("query", "q99", "--out", built_dir)
    assert unknown.returncode == 2 and "no query named 'q99'" in unknown.stderr and "q01-participating" in unknown.stderr


def test_construct_prints_turtle_and_select_the_w3c_formats(invoke_migkg, built_dir):
    turtle = invoke_migkg("query", "post-holdings", "--out", built_dir)
    assert turtle.returncode == 0 and "org:holds" in turtle.stdout
    assert len(list(ox.parse(turtle.stdout.encode(), format=ox.RdfFormat.TURTLE))) > 0
    as_json = json.loads(invoke_migkg("query", "q11", "--out", built_dir, "--param", f"fact={CHAIR}",
                                   "--format", "json").stdout)
    assert [b["words"]["value"] for b in as_json["results"]["bindings"]] == [
        "предложение Правительства страны", "стать его первым Председателем"]
    table = invoke_migkg("query", "q11", "--out", built_dir, "--param", f"fact=<{CHAIR}>")
    assert "стать его первым" in table.stdout and table.stdout.endswith("2 row(s)\n")


def test_bad_parameter_values_are_input_errors(invoke_migkg, built_dir):
    done = invoke_migkg("query", "q11", "--out", built_dir, "--param", "fact=http://x/a> } ; DROP ALL ; <")
    assert done.returncode == 2 and "--param fact" in done.stderr and "is not a valid iri" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_stay_values_here_and_on_a_server(run_migkg, invoke_migkg, built_dir, oxigraph, tmp_path,
                                                         value):
    echo = tmp_path / "echo.rq"
    echo.write_text(ECHO_QUERY)
    server = oxigraph()
    # the publish only fills the server (in-process); the values go through a real process's argv below
    assert invoke_migkg("publish", "--endpoint", server.store_url, "--out", built_dir).returncode == 0
    arguments = ["query", echo, "--param", f"text={value}", "--param", f"tagged={value}@ru", "--format", "json"]
    answers = [run_migkg(*arguments, "--out", built_dir), run_migkg(*arguments, "--endpoint", server.query_url)]
    for answer in answers:
        assert answer.returncode == 0, answer.stderr
        row = json.loads(answer.stdout)["results"]["bindings"][0]
        assert row["text_back"] == {"type": "literal", "value": value}
        assert row["tagged_back"] == {"type": "literal", "value": value, "xml:lang": "ru"}
    assert json.loads(answers[0].stdout) == json.loads(answers[1].stdout)  # and nothing was dropped


# --------------------------------------------------------------------------- same answers everywhere
def comparable(answer, virtuoso: bool = False, unordered_lists: frozenset = frozenset()) -> list:
    """Rows as tuples of N-Triples terms; ``unordered_lists``: columns holding a space-separated list
    whose order the query leaves open (GROUP_CONCAT without ORDER BY), compared as sorted lists."""
    if isinstance(answer, SelectResult):
        def key(row, v):
            if v in unordered_lists and isinstance(row[v], ox.Literal):
                return " ".join(sorted(row[v].value.split()))
            return term_key(row[v], virtuoso)
        return [tuple(key(row, v) for v in answer.variables) for row in answer.rows]
    if isinstance(answer, bool):
        return [answer]
    return sorted(" ".join(term_key(t, virtuoso) for t in (x.subject, x.predicate, x.object)) for x in answer)


@pytest.fixture(scope="module")
def embedded(built_dir):
    store = open_build(built_dir).store
    return {(name, tuple(values.items())): answer_embedded(store, CATALOGUE.find(name),
                                                           bind(CATALOGUE.find(name), values))
            for name, values in RUNS}


def publish_with_cli(store_url: str, built_dir: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "migkg", "publish", "--endpoint", store_url, "--out", str(built_dir)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def published_oxigraph(built_dir, tmp_path_factory):
    server = Oxigraph(tmp_path_factory.mktemp("oxigraph-catalogue")).start()
    publish_with_cli(server.store_url, built_dir)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def published_virtuoso(built_dir, virtuoso):
    publish_with_cli(virtuoso.store_url, built_dir)
    return virtuoso


RUN_IDS = [f"{name}{'+' + ','.join(values) if values else ''}" for name, values in RUNS]


def answers(query_url: str, name: str, values: dict, embedded: dict, virtuoso: bool = False) -> tuple[list, list]:
    """The rows of one catalogue run on a server and on the embedded store, ready to compare."""
    query = CATALOGUE.find(name)
    remote = EndpointSource(query_url).query(query.text, bind(query, values))
    here = embedded[(name, tuple(values.items()))]
    lists = unordered_lists(query)
    return comparable(remote, virtuoso, lists), comparable(here, virtuoso, lists)


@pytest.mark.parametrize("name, values", RUNS, ids=RUN_IDS)
def test_same_answers_on_an_oxigraph_server_as_embedded(name, values, embedded, published_oxigraph):
    remote, here = answers(published_oxigraph.query_url, name, values, embedded)
    assert remote == here  # the same rows, in the same order
    assert here or name in ACROSS_RELEASES, "every catalogue query answers something on the seed"


@pytest.mark.parametrize("name, values", RUNS, ids=RUN_IDS)
def test_same_answers_on_virtuoso_as_embedded(name, values, embedded, published_virtuoso):
    remote, here = answers(published_virtuoso.sparql_url, name, values, embedded, virtuoso=True)
    assert sorted(remote, key=str) == sorted(here, key=str)  # Virtuoso orders ties its own way


def unordered_lists(query) -> frozenset:
    """The set-valued columns the query's `# sets:` line declares (the network queries' evidence, events, roles)."""
    return frozenset(query.sets)
