"""`migkg serve`: the built dataset on a real Oxigraph server on 127.0.0.1, asked from other processes."""
from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from tests.servers import ROOT, Serving, free_port

RELEASE = "https://w3id.org/migkg/release/2013-06-05-unhcr-iom-almaty-ministerial"


@pytest.fixture
def serving(built_dir):
    server = Serving("--port", "0", "--out", built_dir)
    yield server
    if server.process.poll() is None:
        server.stop()


def test_serve_answers_another_process_with_the_rows_of_migkg_query(serving, run_migkg, built_dir):
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/query", serving.query_url)
    for name in ("q03-organisers-funders-supporters", "q10-joint-outcomes"):
        text = (ROOT / "queries" / "research" / f"{name}.rq").read_text(encoding="utf-8")
        by_curl = subprocess.run(["curl", "-sf", "-H", "Accept: text/csv", "--data-urlencode", f"query={text}",
                                  serving.query_url], capture_output=True, text=True, encoding="utf-8", check=True)
        local = run_migkg("query", name, "--out", built_dir, "--format", "csv")
        assert by_curl.stdout == local.stdout and len(local.stdout.splitlines()) > 1
    wrapper = SPARQLWrapper(serving.query_url)
    wrapper.setQuery("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    wrapper.setReturnFormat(JSON)
    graphs = [b["g"]["value"] for b in wrapper.queryAndConvert()["results"]["bindings"]]
    assert graphs == ["https://w3id.org/migkg/graph/conflicts", "https://w3id.org/migkg/graph/dataset",
                      "https://w3id.org/migkg/graph/registry",
                      "https://w3id.org/migkg/graph/vocabulary", f"{RELEASE}/derived", f"{RELEASE}/graph"]


def test_serve_is_read_only_with_its_query_page(serving):
    with urllib.request.urlopen(serving.base + "/", timeout=10) as page:
        assert page.status == 200 and "text/html" in page.headers["Content-Type"]
        assert "yasgui" in page.read().decode("utf-8", "replace").lower()
    for request in (
        urllib.request.Request(f"{serving.base}/update", method="POST", data=b"update=CLEAR+ALL",
                               headers={"Content-Type": "application/x-www-form-urlencoded"}),
        urllib.request.Request(f"{serving.base}/store?graph=urn:x", method="PUT", data=b"<urn:a> <urn:b> <urn:c> .",
                               headers={"Content-Type": "application/n-triples"}),
    ):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 403


def test_ctrl_c_stops_the_server_and_removes_its_data(serving):
    folder = Path(serving.printed["data folder"])
    port = urllib.parse.urlsplit(serving.query_url).port
    assert folder.is_dir()
    code, err = serving.stop(signal.SIGINT)
    assert code == 0 and "stopping the server" in err and "Traceback" not in err
    assert not folder.exists()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_sigterm_stops_it_too_and_a_writable_server_takes_updates(built_dir):
    server = Serving("--port", "0", "--out", built_dir, "--writable")
    try:
        request = urllib.request.Request(f"{server.base}/update", method="POST",
                                         data=b"update=INSERT+DATA+%7B+%3Curn%3Aa%3E+%3Curn%3Ab%3E+%3Curn%3Ac%3E+%7D",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert urllib.request.urlopen(request, timeout=10).status == 204
        ask = urllib.parse.quote("ASK { <urn:a> <urn:b> <urn:c> }")
        with urllib.request.urlopen(f"{server.query_url}?query={ask}", timeout=10) as answer:
            assert json.loads(answer.read())["boolean"] is True
    finally:
        code, _ = server.stop(signal.SIGTERM)
    assert code == 0 and not Path(server.printed["data folder"]).exists()


def test_a_taken_port_is_a_clear_error(built_dir, run_migkg):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", free_port()))
        taken.listen(1)
        done = run_migkg("serve", "--port", taken.getsockname()[1], "--out", built_dir)
    assert done.returncode == 1 and "is in use" in done.stderr and "--port" in done.stderr
    assert "Traceback" not in done.stderr
