"""The endpoint client: binding values remotely, timeouts, retries, credentials, clear failures.

Every server here is real and on 127.0.0.1: Oxigraph and Virtuoso for the answers, and a tiny
http.server of our own (tests/servers.py) for the faults a real server shows only under load.
"""
from __future__ import annotations

import base64
import json

import pyoxigraph as ox
import pytest
import rdflib

from migkg.stores.binding import bind_values, query_form, sparql_term, where_brace
from migkg.stores.endpoint import EndpointSource
from migkg.stores.failures import EndpointError
from migkg.stores.http import USER_AGENT, Credentials, RetryPolicy, Timeouts, credentials_from_env, retry_delay
from migkg.stores.opening import open_build
from migkg.stores.sources import EmbeddedSource, SelectResult
from tests.servers import SELECT_ANSWER, Behaviour, FaultServer, free_port, full_backlog

XSD = "http://www.w3.org/2001/XMLSchema#"
HOSTILE = [
    'x" } ; DROP ALL ; SELECT * { "',
    "} ; DROP ALL",
    "'''\"\"\" } #",
    "back\\slash at the end \\",
    "\\u0022 } ; DROP ALL ; #",
    "\\\\u0022 and \\U00000022",
    "line\nbreak\r\tand tab",
    "<http://example.org/> { } . ;",
    "Алматинский процесс ✓",
]


# --------------------------------------------------------------------------- where VALUES goes
@pytest.mark.parametrize("query, marker", [
    ("SELECT ?x WHERE { ?x ?p ?o }", "WHERE {"),
    ("PREFIX ex: <http://ex.org/{}>\nSELECT ?x { ?x ex:where '{' }", "?x {"),
    ("# SELECT { in a comment\nSELECT ?where WHERE { ?where ?p \"}\" }", "WHERE {"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "WHERE {"),
    ("CONSTRUCT { ?s ?p ?o . { } } FROM <http://ex.org/g> { ?s ?p ?o }", "> {"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "WHERE {"),
    ("PREFIX ex: <http://ex.org/>\nASK { ?s ex:select '''{ } SELECT {''' }", "ASK {"),
    ("DESCRIBE ?x WHERE { ?x ?p ?o }", "WHERE {"),
    ("SELECT ?x WHERE { { SELECT ?x { ?x ?p ?o } } FILTER(?x < <http://ex.org/>) }", "WHERE {"),
])
def test_values_go_first_in_the_where_clause(query, marker):
    assert where_brace(query) == query.index(marker) + len(marker)


def test_a_query_without_where_clause_cannot_take_values():
    with pytest.raises(EndpointError, match="no WHERE clause"):
        bind_values("DESCRIBE <http://ex.org/a>", {"x": ox.NamedNode("http://ex.org/b")})


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_literal_stays_one_value_for_oxigraph_and_rdflib(value):
    for term in (ox.Literal(value), ox.Literal(value, language="en"),
                 ox.Literal(value, datatype=ox.NamedNode("http://ex.org/type"))):
        query = bind_values("SELECT ?echo WHERE { BIND(?v AS ?echo) }", {"v": term})
        rows = list(ox.Store().query(query))
        assert [row["echo"] for row in rows] == [term]
        parsed = list(rdflib.Graph().query(query))
        assert len(parsed) == 1 and str(parsed[0][0]) == value


def test_terms_are_written_as_sparql_terms():
    assert sparql_term(ox.NamedNode("https://w3id.org/migkg/state/KAZ")) == "<https://w3id.org/migkg/state/KAZ>"
    assert sparql_term(ox.Literal("2013-06-05", datatype=ox.NamedNode(XSD + "date"))) == \
        f'"2013-06-05"^^<{XSD}date>'
    assert sparql_term(ox.Literal('a "b"', language="ru")) == '"a \\"b\\""@ru'
    # a value's backslash-u is written so that no \\u escape in the output decodes to a quote
    assert sparql_term(ox.Literal("\\u0022")) == '"\\\\\\u0075\\u0030\\u0030\\u0032\\u0032"'



# --------------------------------------------------------------------------- answers, like the embedded store
def test_an_endpoint_is_a_select_source_with_the_embedded_terms(oxigraph, built_dir, run_migkg):
    server = oxigraph()
    assert run_migkg("publish", "--endpoint", server.store_url, "--out", built_dir).returncode == 0
    query = ("PREFIX mig: <https://w3id.org/migkg/ontology#> SELECT ?state ?code ?label WHERE { "
             "?state mig:iso3166Alpha3 ?code ; <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?code ?label")
    remote = EndpointSource(server.query_url).select(query)
    embedded = EmbeddedSource(open_build(built_dir).store).select(query)
    assert isinstance(remote, SelectResult) and remote.variables == ["state", "code", "label"]
    assert remote.rows == embedded.rows and len(remote.rows) >= 20
    kaz = {"code": ox.Literal("KAZ")}
    assert EndpointSource(server.query_url).select(query.replace("WHERE {", "WHERE { ?state mig:iso3166Alpha3 ?code ."),
                                                   kaz).rows == [r for r in embedded.rows if r["code"] == kaz["code"]]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_stay_values_on_virtuoso_which_would_run_an_update(virtuoso, value):
    """Virtuoso's /sparql runs updates sent as queries (writes are granted here), so text pasted into a query
    could do harm there: the value must come back unchanged, and the store keep its triples."""
    source = EndpointSource(virtuoso.sparql_url)
    graph = "http://example.org/hostile-test"
    source_update = EndpointSource(virtuoso.sparql_url, update_url=virtuoso.sparql_url)
    source_update.update(f"INSERT DATA {{ GRAPH <{graph}> {{ <http://ex.org/s> <http://ex.org/p> 'kept' }} }}")
    echo = source.select("SELECT ?echo WHERE { BIND(?v AS ?echo) }", {"v": ox.Literal(value)})
    assert [row["echo"] for row in echo.rows] == [ox.Literal(value)]
    kept = source.select(f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert [row["o"] for row in kept.rows] == [ox.Literal("kept")]


def test_long_queries_are_posted_short_ones_got_and_the_agent_is_ours():
    with FaultServer(lambda n: Behaviour(200, {"Content-Type": "application/sparql-results+json"},
                                         SELECT_ANSWER)) as server:
        source = EndpointSource(server.url)
        assert source.select("SELECT ?x WHERE { ?x ?p ?o }").rows == [{"x": ox.Literal("ok")}]
        long_query = "SELECT ?x WHERE { ?x ?p ?o " + " ".join(f"OPTIONAL {{ ?x ?p{i} ?o{i} }}" for i in range(200)) + "}"
        source.select(long_query)
    get, post = server.requests
    assert get["method"] == "GET" and "query=SELECT" in get["path"]
    assert post["method"] == "POST" and post["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert get["headers"]["User-Agent"] == post["headers"]["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("migkg/") and "+https://" in USER_AGENT
    assert "application/sparql-results+json" in get["headers"]["Accept"]


# --------------------------------------------------------------------------- failures, each one clear
def test_endpoint_down():
    with pytest.raises(EndpointError, match=r"GET http://127\.0\.0\.1:\d+/sparql: connection refused"):
        EndpointSource(f"http://127.0.0.1:{free_port()}/sparql").select("SELECT * WHERE { ?s ?p ?o }")


def test_http_500_gives_the_servers_words():
    with (FaultServer(lambda n: Behaviour(500, {"Content-Type": "text/plain"}, b"storage <on fire>")) as server,
          pytest.raises(EndpointError, match=r"HTTP 500 Internal Server Error \(the server says: storage <on fire>\)")):
        EndpointSource(server.url).select("SELECT * WHERE { ?s ?p ?o }")
    assert len(server.requests) == 1  # a 500 is not retried


def test_slow_answer_beyond_the_read_timeout():
    with (FaultServer(lambda n: Behaviour(200, {"Content-Type": "application/sparql-results+json"}, SELECT_ANSWER,
                                         delay=1.5)) as server,
          pytest.raises(EndpointError, match=r"no answer within 0\.3 s \(read timeout\)")):
        EndpointSource(server.url, Timeouts(connect=5, read=0.3)).select("SELECT * WHERE { ?s ?p ?o }")


def test_no_connection_within_the_connect_timeout():
    with full_backlog() as port, pytest.raises(EndpointError, match=r"no connection within 0\.3 s \(connect timeout\)"):
        EndpointSource(f"http://127.0.0.1:{port}/sparql", Timeouts(connect=0.3, read=30)).select(
            "SELECT * WHERE { ?s ?p ?o }")


def test_503_is_retried_after_the_time_the_server_asks():
    def script(n):
        if n < 3:
            return Behaviour(503, {"Retry-After": "0"}, b"busy")
        return Behaviour(200, {"Content-Type": "application/sparql-results+json"}, SELECT_ANSWER)

    with FaultServer(script) as server:
        waits = []
        source = EndpointSource(server.url, retry=RetryPolicy(sleep=waits.append))
        assert source.select("SELECT ?x WHERE { ?x ?p ?o }").rows == [{"x": ox.Literal("ok")}]
    assert len(server.requests) == 3 and waits == [0.0, 0.0]


def test_429_retries_are_bounded_in_number_and_in_total_wait():
    with FaultServer(lambda n: Behaviour(429, {"Retry-After": "1"}, b"slow down")) as server:
        waits = []
        source = EndpointSource(server.url, retry=RetryPolicy(attempts=3, max_wait=10, sleep=waits.append))
        with pytest.raises(EndpointError, match=r"HTTP 429 Too Many Requests after 3 attempt\(s\) over 2 s"):
            source.select("SELECT * WHERE { ?s ?p ?o }")
    assert len(server.requests) == 3 and waits == [1.0, 1.0]

    with (FaultServer(lambda n: Behaviour(503, {"Retry-After": "3600"}, b"maintenance")) as server,
          pytest.raises(EndpointError, match=r"HTTP 503 Service Unavailable after 1 attempt")):
        EndpointSource(server.url, retry=RetryPolicy(attempts=5, max_wait=60)).select("SELECT * WHERE {}")
    assert len(server.requests) == 1  # an hour is beyond the budget: no pointless wait


def test_retry_after_as_a_date_and_backoff_without_it():
    assert retry_delay("Wed, 21 Oct 2015 07:28:00 GMT", 1, 1.0) == 0.0  # in the past
    assert [retry_delay(None, attempt, 0.5) for attempt in (1, 2, 3)] == [0.5, 1.0, 2.0]
    assert retry_delay("7", 1, 1.0) == 7.0


def test_updates_are_not_retried_unless_idempotent():
    with FaultServer(lambda n: Behaviour(503, {"Retry-After": "0"})) as server:
        source = EndpointSource(server.url, update_url=server.url)
        with pytest.raises(EndpointError, match="after 1 attempt"):
            source.update("INSERT DATA { <http://ex.org/a> <http://ex.org/b> 1 }")
    assert len(server.requests) == 1


def test_the_answer_must_be_sparql_results():
    with (FaultServer(lambda n: Behaviour(200, {"Content-Type": "text/html"}, b"<html>a login page</html>")) as server,
          pytest.raises(EndpointError, match=r"the answer \(text/html\) is not valid SPARQL results")):
        EndpointSource(server.url).select("SELECT * WHERE { ?s ?p ?o }")


# --------------------------------------------------------------------------- credentials
def test_credentials_come_from_the_environment_only():
    assert credentials_from_env({}) is None
    assert credentials_from_env({"MIGKG_ENDPOINT_USER": "u", "MIGKG_ENDPOINT_PASSWORD": "p"}) == Credentials("u", "p")
    with pytest.raises(EndpointError, match="only one of MIGKG_ENDPOINT_USER and MIGKG_ENDPOINT_PASSWORD"):
        credentials_from_env({"MIGKG_ENDPOINT_USER": "u"})
    with pytest.raises(EndpointError, match="the URL holds credentials"):
        EndpointSource("http://user:secret@127.0.0.1:1/sparql")


def test_basic_login_is_sent_when_the_server_asks():
    expected = "Basic " + base64.b64encode(b"reader:s3cret").decode()

    def script(n):
        if n == 1:
            return Behaviour(401, {"WWW-Authenticate": 'Basic realm="sparql"'})
        return Behaviour(200, {"Content-Type": "application/sparql-results+json"}, SELECT_ANSWER)

    with FaultServer(script) as server:
        source = EndpointSource(server.url, credentials=Credentials("reader", "s3cret"))
        assert source.select("SELECT ?x WHERE { ?x ?p ?o }").rows == [{"x": ox.Literal("ok")}]
    assert "Authorization" not in server.requests[0]["headers"]
    assert server.requests[1]["headers"]["Authorization"] == expected


def test_virtuoso_digest_login_from_the_environment(virtuoso, run_migkg, monkeypatch, built_dir):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    monkeypatch.setenv("MIGKG_ENDPOINT_USER", "dba")
    monkeypatch.setenv("MIGKG_ENDPOINT_PASSWORD", "dba")
    assert int(EndpointSource(virtuoso.sparql_auth_url).select(query).rows[0]["n"].value) > 0
    monkeypatch.setenv("MIGKG_ENDPOINT_PASSWORD", "wrong")
    with pytest.raises(EndpointError, match=r"HTTP 401 .*refused the login"):
        EndpointSource(virtuoso.sparql_auth_url).select(query)
    monkeypatch.delenv("MIGKG_ENDPOINT_USER")
    monkeypatch.delenv("MIGKG_ENDPOINT_PASSWORD")
    done = run_migkg("query", "q02", "--endpoint", virtuoso.sparql_auth_url)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "HTTP 401" in done.stderr and "set MIGKG_ENDPOINT_USER and MIGKG_ENDPOINT_PASSWORD" in done.stderr


# --------------------------------------------------------------------------- the command line
def test_cli_failures_are_one_clear_message_and_a_nonzero_exit(invoke_migkg, built_dir):
    down = invoke_migkg("query", "q01", "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    assert down.returncode == 1 and down.stdout == ""
    assert down.stderr.startswith("error: POST http://127.0.0.1:") and "connection refused" in down.stderr
    assert len(down.stderr.strip().splitlines()) == 1

    with FaultServer(lambda n: Behaviour(500, {"Content-Type": "text/plain"}, b"boom")) as server:
        failed = invoke_migkg("query", "q02", "--endpoint", server.url)
    assert failed.returncode == 1 and "HTTP 500" in failed.stderr and "boom" in failed.stderr
    assert "Traceback" not in failed.stderr

    with FaultServer(lambda n: Behaviour(200, {"Content-Type": "application/sparql-results+json"}, SELECT_ANSWER,
                                         delay=2)) as server:
        slow = invoke_migkg("query", "q02", "--endpoint", server.url, "--read-timeout", "0.5")
    assert slow.returncode == 1 and "no answer within 0.5 s (read timeout)" in slow.stderr

    not_url = invoke_migkg("query", "q02", "--endpoint", "127.0.0.1:7878")
    assert not_url.returncode == 2 and "is not an http(s) URL" in not_url.stderr  # bad input, as any bad option


def test_results_formats_are_written_by_migkg_alike_from_a_server_and_here(oxigraph, built_dir, run_migkg):
    server = oxigraph()
    run_migkg("publish", "--endpoint", server.store_url, "--out", built_dir)
    outputs = {}
    for fmt in ("json", "csv", "tsv", "table"):
        remote = run_migkg("query", "q03", "--endpoint", server.query_url, "--format", fmt)
        local = run_migkg("query", "q03", "--out", built_dir, "--format", fmt)
        assert remote.returncode == 0 and remote.stdout == local.stdout
        outputs[fmt] = remote.stdout
    assert json.loads(outputs["json"])["head"]["vars"][:2] == ["event", "role"]
    assert outputs["csv"].startswith("event,role,") and outputs["tsv"].startswith("?event\t?role\t")
    assert outputs["table"].endswith("4 row(s)\n")


# --------------------------------------------------------------------------- the query form, by a SPARQL parser
@pytest.mark.parametrize("query, form", [
    ("SELECT ?x WHERE { ?x ?p ?o }", "SELECT"),
    ("# CONSTRUCT in a comment\nPREFIX ask: <http://ex.org/describe#>\nSELECT * { ?s ask:p 'CONSTRUCT' }", "SELECT"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("PREFIX ex: <http://ex.org/>\nDESCRIBE ex:a", "DESCRIBE"),
    ("ASK { ?s <http://ex.org/select> \"\"\"SELECT\"\"\" }", "ASK"),
    ("INSERT DATA { <http://ex.org/a> <http://ex.org/b> 1 }", None),  # an update is not a query
    ("SELECT ?x WHERE { ?x ?p ", None),  # not SPARQL
])
def test_the_query_form_is_read_by_a_sparql_parser(query, form):
    assert query_form(query) == form


def test_construct_on_an_endpoint_gives_triples_and_asks_for_rdf():
    turtle = b"<http://ex.org/a> <http://ex.org/b> \"c\" ."
    with FaultServer(lambda n: Behaviour(200, {"Content-Type": "text/turtle"}, turtle)) as server:
        answer = EndpointSource(server.url).query("# SELECT\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert answer == [ox.Triple(ox.NamedNode("http://ex.org/a"), ox.NamedNode("http://ex.org/b"), ox.Literal("c"))]
    assert "text/turtle" in server.requests[0]["headers"]["Accept"]


# --------------------------------------------------------------------------- logins migkg cannot give, or not from here
def test_a_login_scheme_other_than_basic_or_digest_is_a_clear_error():
    with (FaultServer(lambda n: Behaviour(401, {"WWW-Authenticate": 'Bearer realm="sparql"'})) as server,
          pytest.raises(EndpointError, match=r"asks for a login migkg cannot give \(it speaks HTTP Basic and Digest\)")):
        EndpointSource(server.url, credentials=Credentials("reader", "s3cret")).select("SELECT * WHERE { ?s ?p ?o }")
    assert len(server.requests) == 1 and "Authorization" not in server.requests[0]["headers"]


def test_no_login_is_taken_from_a_netrc_file(tmp_path, monkeypatch):
    """The login comes from MIGKG_ENDPOINT_USER and MIGKG_ENDPOINT_PASSWORD only: not from a .netrc, which
    the HTTP library would read by itself."""
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login reader password s3cret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.delenv("MIGKG_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("MIGKG_ENDPOINT_PASSWORD", raising=False)
    with (FaultServer(lambda n: Behaviour(401, {"WWW-Authenticate": 'Basic realm="sparql"'})) as server,
          pytest.raises(EndpointError, match=r"HTTP 401 .*set MIGKG_ENDPOINT_USER and MIGKG_ENDPOINT_PASSWORD")):
        EndpointSource(server.url).select("SELECT * WHERE { ?s ?p ?o }")
    assert all("Authorization" not in request["headers"] for request in server.requests)
