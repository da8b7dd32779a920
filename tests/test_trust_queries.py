"""Queries that only read, and query time bounded everywhere (issue 13, items 1 and 7, and 11's update message).

Every server here is real: a writable Oxigraph (`oxigraph serve`), Virtuoso, `migkg serve`, and the
misbehaving servers of tests/servers.py (FaultServer, CuttingProxy) where a fault must be exact.
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.servers import ROOT, SELECT_ANSWER, Behaviour, CuttingProxy, FaultServer, Serving, free_port

#: a 4-way cross join over the seed (3,290 quads): about 10^14 rows, never done in a test's time
FOUR_WAY_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }\n"
FOUR_WAY_ROWS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }\n"
UPDATES = {
    "drop-all.rq": "DROP ALL\n",
    "clear.rq": "# looks like a query file\n# title: not one\nCLEAR GRAPH <urn:x:g>\n",
    "insert.rq": "PREFIX ex: <urn:x:>\nINSERT DATA { GRAPH ex:g { ex:a ex:b ex:c } }\n",
    "delete-where.rq": "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }\n",
    "two-operations.rq": "CLEAR DEFAULT ;\nDROP ALL\n",
}
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def quads(query_url: str) -> int:
    request = urllib.request.Request(f"{query_url}?{urllib.parse.urlencode({'query': COUNT_ALL})}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return int(json.load(answer)["results"]["bindings"][0]["n"]["value"])


def loaded_oxigraph(oxigraph, built_dir: Path):
    """A writable Oxigraph holding the built seed (its N-Quads posted to the Graph Store)."""
    server = oxigraph()
    for part in sorted(built_dir.glob("migkg-*.nq")):
        request = urllib.request.Request(server.store_url, data=part.read_bytes(), method="POST",
                                         headers={"Content-Type": "application/n-quads"})
        urllib.request.urlopen(request, timeout=60).close()
    return server


def refused_as_update(done: subprocess.CompletedProcess, name: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "is a SPARQL Update; migkg query only reads" in done.stderr and name in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1


# --------------------------------------------------------------------------- item 1: the read path only reads
def test_an_update_given_to_migkg_query_never_reaches_a_writable_oxigraph(oxigraph, built_dir, tmp_path,
                                                                          invoke_migkg):
    """In-process runs (the refusal is the app's, not the process's: test_an_update_on_the_built_dataset_is_named_as_one
    sees it from a real `python -m migkg`)."""
    server = loaded_oxigraph(oxigraph, built_dir)
    before = quads(server.query_url)
    assert before > 1000
    for name, text in UPDATES.items():
        path = write(tmp_path, name, text)
        for endpoint in (server.update_url, server.query_url):
            refused_as_update(invoke_migkg("query", path, "--endpoint", endpoint, "--format", "csv"), name)
    assert quads(server.query_url) == before


def test_an_update_is_never_sent_to_any_server(tmp_path, invoke_migkg):
    with FaultServer(lambda n: Behaviour(200, {"Content-Type": "application/sparql-results+json"},
                                         SELECT_ANSWER)) as fault:
        for name, text in UPDATES.items():
            long_text = "# " + "x" * 2500 + "\n" + text  # POSTed, not a GET
            for given in (write(tmp_path, name, text), write(tmp_path, "long-" + name, long_text)):
                refused_as_update(invoke_migkg("query", given, "--endpoint", fault.url), given.name)
        assert fault.requests == []


def test_an_update_sent_as_a_query_does_not_empty_virtuoso(virtuoso, tmp_path, run_migkg):
    """Virtuoso runs an update given as `query=` at its query endpoint: this is where one emptied a store."""
    graph = "urn:migkg:test:trust-queries"
    virtuoso.sparql(f"INSERT DATA {{ GRAPH <{graph}> {{ <urn:x:a> <urn:x:b> 1, 2, 3 }} }}",
                    "application/sparql-results+json")

    def count() -> int:
        answer = json.loads(virtuoso.sparql(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                                            "application/sparql-results+json"))
        return int(answer["results"]["bindings"][0]["n"]["value"])

    assert count() == 3
    path = write(tmp_path, "clear.rq", f"CLEAR GRAPH <{graph}>\n")
    refused_as_update(run_migkg("query", path, "--endpoint", virtuoso.sparql_url), "clear.rq")
    assert count() == 3


def test_an_update_on_the_built_dataset_is_named_as_one(built_dir, tmp_path, run_migkg):
    for name, text in UPDATES.items():
        done = run_migkg("query", write(tmp_path, name, text), "--out", built_dir)
        refused_as_update(done, name)
        assert "expected" not in done.stderr.lower()


def test_a_query_that_is_neither_is_bad_input_and_not_sent(tmp_path, run_migkg):
    path = write(tmp_path, "broken.rq", "SELECT ?x WHERE { ?x ?y }\n")
    with FaultServer(lambda n: Behaviour(200, {"Content-Type": "application/sparql-results+json"},
                                         SELECT_ANSWER)) as fault:
        done = run_migkg("query", path, "--endpoint", fault.url)
        assert fault.requests == []
    assert done.returncode == 2 and "broken.rq: is not a valid SPARQL 1.1 query" in done.stderr, done.stderr


def test_every_catalogue_query_is_still_sent(built_dir, run_migkg):
    """The check lets the catalogue through: each query reaches a real server (here through `migkg query`
    on the embedded store and the same text parsed as a query)."""
    from migkg.queries.catalogue import load_catalogue
    from migkg.stores.checks import check_query

    for entry in load_catalogue().queries:
        check_query(entry.text)


# --------------------------------------------------------------------------- item 7: embedded queries stop
def test_an_embedded_query_stops_at_its_timeout(built_dir, tmp_path, run_migkg):
    path = write(tmp_path, "slow.rq", FOUR_WAY_COUNT)
    started = time.monotonic()
    done = run_migkg("query", path, "--out", built_dir, "--timeout", "1")  # the query never ends: 1 s is reached
    took = time.monotonic() - started
    assert done.returncode == 1, done.stderr
    assert "slow.rq: stopped after 1 s" in done.stderr and "--timeout" in done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert took < 15, took


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def states(pid: int) -> list[str]:
    """Each process of the tree under ``pid`` (itself first): its pid, state and the kernel function it waits in."""
    found = []
    for each in [pid, *children(pid)]:
        proc = Path(f"/proc/{each}")
        try:
            state = next(line for line in (proc / "status").read_text().splitlines() if line.startswith("State:"))
            found.append(f"{each} {state.split(':', 1)[1].strip()} in {(proc / 'wchan').read_text() or '-'}")
        except (OSError, StopIteration):
            found.append(f"{each} gone")
    return found


def test_ctrl_c_stops_an_embedded_query(built_dir, tmp_path):
    path = write(tmp_path, "slow.rq", FOUR_WAY_COUNT)
    process = subprocess.Popen([sys.executable, "-m", "migkg", "query", str(path), "--out", str(built_dir),
                                "--timeout", "0"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    runner = None
    try:
        deadline = time.monotonic() + 60
        while not children(process.pid):  # the query runs once the child that runs it is there
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        runner = children(process.pid)[0]
        time.sleep(1.0)  # well inside the query
        process.send_signal(signal.SIGINT)
        sent = time.monotonic()
        try:
            out, err = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:  # say what the command and its children were doing (seen under load)
            state = states(process.pid)
            process.kill()
            pytest.fail(f"no exit 10 s after Ctrl-C; the process tree then: {state}; its stderr: "
                        f"{process.communicate()[1]!r}")
        assert time.monotonic() - sent < 5
    finally:
        if process.poll() is None:
            process.kill()
        left_running = runner is not None and Path(f"/proc/{runner}").exists()
        if left_running:  # a failure (asserted below), but not one left running the 10^14-row join for the session
            os.kill(runner, signal.SIGKILL)
    assert process.returncode == 130, err
    assert "stopped (Ctrl-C)" in err and "Traceback" not in err and out == ""
    assert not left_running  # the child that ran the query is gone too


def test_an_embedded_query_whose_service_is_down_is_one_error(built_dir, tmp_path, run_migkg):
    path = write(tmp_path, "service.rq", f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{free_port()}/sparql> "
                                         "{ ?s ?p ?o } }\n")
    done = run_migkg("query", path, "--out", built_dir)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert "service.rq: the query failed (a SERVICE call in it could not be answered)" in done.stderr


def test_the_child_process_costs_little(built_dir):
    """The fork that makes an embedded query stoppable, measured on the seed (median of 9)."""
    from migkg.queries.catalogue import resolve
    from migkg.queries.running import answer_embedded
    from migkg.stores.opening import open_build

    store, query = open_build(built_dir).store, resolve("q01")
    assert answer_embedded(store, query, timeout=30) == answer_embedded(store, query)
    took = []
    for _ in range(9):
        started = time.perf_counter()
        answer_embedded(store, query, timeout=30)
        took.append(time.perf_counter() - started)
    assert sorted(took)[4] < 0.5, took


# --------------------------------------------------------------------------- item 7: remote answers cut off
def cut_off(done: subprocess.CompletedProcess) -> None:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert done.stdout == "", "a cut-off answer must print no rows"
    assert "Traceback" not in done.stderr


XML_HEAD = (b'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
            b'<variable name="x"/></head><results>')
XML_ROW = b'<result><binding name="x"><literal>row</literal></binding></result>'


@pytest.mark.parametrize(("media_type", "body"), [
    ("application/sparql-results+xml", XML_HEAD + XML_ROW * 3),           # stops after a whole row
    ("application/sparql-results+xml", XML_HEAD + XML_ROW + XML_ROW[:20]),
    ("application/sparql-results+json", b'{"head":{"vars":["x"]},"results":{"bindings":['
                                        b'The SPARQL operation has been cancelled'),  # Oxigraph's own timeout
    ("application/sparql-results+json", SELECT_ANSWER[:-2]),
])
def test_an_answer_that_is_not_a_whole_results_document_prints_no_rows(media_type, body, tmp_path, run_migkg):
    path = write(tmp_path, "q.rq", "SELECT ?x WHERE { ?x ?y ?z }\n")
    with FaultServer(lambda n: Behaviour(200, {"Content-Type": media_type}, body)) as fault:
        done = run_migkg("query", path, "--endpoint", fault.url, "--format", "csv")
    cut_off(done)
    assert "(cut off, or not one complete document)" in done.stderr


def test_an_answer_cut_on_the_wire_prints_no_rows(oxigraph, built_dir, tmp_path, run_migkg):
    """Fewer bytes than the Content-Length (a FaultServer's answer), and a chunked body without its last
    chunk (Oxigraph's answer), each cut by the proxy: an error, never the rows that came."""
    big = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
        {"x": {"type": "literal", "value": f"row {i}"}} for i in range(2000)]}}).encode()
    path = write(tmp_path, "q.rq", "SELECT ?x WHERE { ?x ?y ?z }\n")
    with FaultServer(lambda n: Behaviour(200, {"Content-Type": "application/sparql-results+json"}, big)) as fault, \
            CuttingProxy(fault.port, cut_at=1, answer_bytes=len(big) // 2) as proxy:
        cut_off(run_migkg("query", path, "--endpoint", proxy.url("/sparql"), "--format", "csv"))
    server = loaded_oxigraph(oxigraph, built_dir)
    rows = write(tmp_path, "rows.rq", "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }\n")
    whole = run_migkg("query", rows, "--endpoint", server.query_url, "--format", "csv")
    assert whole.returncode == 0 and len(whole.stdout) > 100_000
    with CuttingProxy(server.port, cut_at=1, answer_bytes=50_000) as proxy:
        cut_off(run_migkg("query", rows, "--endpoint", proxy.url("/query"), "--format", "csv"))


def test_a_query_cancelled_by_oxigraphs_own_timeout_prints_no_rows(built_dir, tmp_path, run_migkg):
    """`oxigraph serve --timeout-s` answers 200 and puts its cancel message in the results document."""
    folder = tmp_path / "store"
    binary = str(Path(sys.executable).parent / "oxigraph")
    subprocess.run([binary, "load", "--location", str(folder), "--file", *map(str, built_dir.glob("migkg-*.nq"))],
                   check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([binary, "serve-read-only", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                               "--union-default-graph", "--timeout-s", "1"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        from tests.servers import wait_for

        wait_for(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", server)
        slow = write(tmp_path, "slow3.rq", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n")
        cut_off(run_migkg("query", slow, "--endpoint", f"http://127.0.0.1:{port}/query", "--format", "csv"))
    finally:
        server.kill()
        server.wait()


# --------------------------------------------------------------------------- item 7: migkg serve
def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ask(url: str, text: str, accept: str, timeout: float = 30) -> tuple[int, bytes]:
    request = urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': text})}", headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


@contextlib.contextmanager
def served(*args: str | Path):
    """`migkg serve ARGS`, stopped with Ctrl-C after the test (exit status 0), or killed with its Oxigraph
    child if it does not stop (as the code before the fix did not, waiting on a query that never ended)."""
    serving = Serving("--port", "0", *args)
    try:
        yield serving
    finally:
        helpers = children(serving.process.pid) if serving.process.poll() is None else []
        try:
            assert serving.stop()[0] == 0
        except BaseException:
            for pid in [serving.process.pid, *helpers]:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            raise


def test_serve_stops_a_slow_query_and_its_work(built_dir, tmp_path, run_migkg):
    with served("--out", built_dir, "--query-timeout", "1") as serving:  # never-ending queries: 1 s is reached
        for text, accept in ((FOUR_WAY_COUNT, "application/sparql-results+json"), (FOUR_WAY_ROWS, "text/csv"),
                             (FOUR_WAY_ROWS, "application/sparql-results+json")):
            started = time.monotonic()
            status, body = ask(serving.query_url, text, accept)
            assert status == 504, body[:300]
            assert b"stopped after 1 s" in body
            assert time.monotonic() - started < 8
        (oxigraph_pid,) = [pid for pid in children(serving.process.pid)  # not serve's watchdog
                           if b"oxigraph" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]]
        before = cpu_seconds(oxigraph_pid)
        time.sleep(2)
        assert cpu_seconds(oxigraph_pid) - before < 0.3  # no query runs on in the server
        path = write(tmp_path, "slow.rq", FOUR_WAY_COUNT)
        done = run_migkg("query", path, "--endpoint", serving.query_url, "--format", "csv")
        cut_off(done)
        assert "HTTP 504" in done.stderr and "stopped after 1 s" in done.stderr
        status, body = ask(serving.query_url, "SELECT * WHERE { ?s ?p ?o } LIMIT 3", "text/csv")
        assert status == 200 and len(body.splitlines()) == 4  # and the endpoint answers the next query


def service_query(url: str) -> str:
    return f"SELECT ?x WHERE {{ SERVICE <{url}> {{ ?x ?y ?z }} }}"


def test_serve_refuses_service_calls_unless_asked(built_dir):
    answer = Behaviour(200, {"Content-Type": "application/sparql-results+json"}, SELECT_ANSWER)
    with FaultServer(lambda n: answer) as fault:
        with served("--out", built_dir) as serving:
            text = service_query(fault.url)
            status, body = ask(serving.query_url, text, "application/sparql-results+json")
            assert status == 403 and b"--allow-service" in body
            for data, content_type in ((urllib.parse.urlencode({"query": text}).encode(),
                                        "application/x-www-form-urlencoded"),
                                       (text.encode(), "application/sparql-query"),
                                       (service_query(fault.url).replace("SERVICE", "SERV\\u0049CE").encode(),
                                        "application/sparql-query")):
                request = urllib.request.Request(serving.query_url, data=data, headers={"Content-Type": content_type})
                with pytest.raises(urllib.error.HTTPError) as refused:
                    urllib.request.urlopen(request, timeout=30)
                assert refused.value.code == 403
            assert fault.requests == []
        with served("--out", built_dir, "--allow-service") as allowed:
            status, body = ask(allowed.query_url, service_query(fault.url), "application/sparql-results+json")
            assert status == 200 and b'"ok"' in body
            assert len(fault.requests) == 1
