"""The dataset's IRIs answer: `migkg serve` (its front server before a real Oxigraph server) and the static
`migkg site` served by Python's http.server, asked by plain HTTP clients; `serve`'s port choice.

Each RDF answer is parsed by rdflib and must hold the resource's own triples, read independently from
the build's N-Quads; an unknown IRI is a 404; the SPARQL endpoint answers through the front server.
"""
from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import rdflib
import requests

from tests.servers import ROOT, Serving, free_port

BASE = "https://w3id.org/migkg/"
RELEASE = "release/2013-06-05-unhcr-iom-almaty-ministerial"
PATHS = ["state/KAZ", "person/erlan-idrissov", "event/2013-06-05-almaty-ministerial-conference", RELEASE,
         f"{RELEASE}/participation/2013-06-05-almaty-ministerial-conference--participant--KAZ"]
FORMATS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt"}
EXTENSIONS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}


@pytest.fixture(scope="module")
def dataset(built_dir) -> rdflib.Dataset:
    """The build as rdflib reads its N-Quads files: the expected triples, apart from migkg's own reading."""
    data = rdflib.Dataset()
    for path in sorted(built_dir.glob("*.nq")):
        data.parse(path, format="nquads")
    return data


def own_triples(dataset: rdflib.Dataset, iri: str) -> set[tuple]:
    return {(s, p, o) for s, p, o, _ in dataset.quads((rdflib.URIRef(iri), None, None, None))}


def parsed(body: bytes, fmt: str) -> rdflib.Dataset:
    graph = rdflib.Dataset()
    graph.parse(data=body, format=fmt)
    return graph


def triples_of(graph: rdflib.Dataset) -> set[tuple]:
    return {(s, p, o) for s, p, o, _ in graph.quads((None, None, None, None))}


@pytest.mark.parametrize("path", PATHS)
def test_each_iri_answers_each_format_by_content_negotiation(served, dataset, path):
    expected = own_triples(dataset, BASE + path)
    assert expected, path
    for media, fmt in FORMATS.items():
        answer = requests.get(f"{served}/{path}", headers={"Accept": media}, timeout=30)
        assert answer.status_code == 200 and answer.headers["Content-Type"].startswith(media), (path, media)
        assert answer.headers["Vary"] == "Accept"
        assert triples_of(parsed(answer.content, fmt)) == expected, (path, media)
    page = requests.get(f"{served}/{path}", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}, timeout=30)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert f"<p class=\"iri\">{BASE}{path}</p>" in page.text


def test_an_extension_or_format_parameter_wins_over_accept(served, dataset):
    expected = own_triples(dataset, BASE + "state/KAZ")
    for extension, fmt in EXTENSIONS.items():
        by_extension = requests.get(f"{served}/state/KAZ.{extension}", headers={"Accept": "text/html"}, timeout=30)
        by_parameter = requests.get(f"{served}/state/KAZ", params={"format": extension}, timeout=30)
        for answer in (by_extension, by_parameter):
            assert answer.status_code == 200 and "Vary" not in answer.headers
            assert triples_of(parsed(answer.content, fmt)) == expected
    # JSON-LD keeps the named graph each statement is in
    graphs = {g["@id"] for g in requests.get(f"{served}/state/KAZ.jsonld", timeout=30).json()}
    assert graphs == {BASE + "graph/registry"}
    assert requests.get(f"{served}/state/KAZ", headers={"Accept": "image/png"}, timeout=30).status_code == 406


def test_the_text_of_a_release_describes_its_spans_as_fragments(served):
    """`text#char=b,e` is described on the page of `text`, as a client that drops the fragment asks."""
    answer = requests.get(f"{served}/{RELEASE}/text", headers={"Accept": "text/turtle"}, timeout=30)
    graph = parsed(answer.content, "turtle")
    span = rdflib.URIRef(f"{BASE}{RELEASE}/text#char=2739,2759")
    words = graph.value(span, rdflib.URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf"))
    assert str(words) == "Республика Казахстан"
    assert "\\#" not in answer.text and "\\," not in answer.text  # no escaped local names
    page = requests.get(f"{served}/{RELEASE}/text", timeout=30).text
    assert 'id="char=2739,2759"' in page


def test_an_unknown_iri_is_a_404_with_a_helpful_page(served):
    page = requests.get(f"{served}/state/KAZZ", timeout=30)
    assert page.status_code == 404 and page.headers["Content-Type"].startswith("text/html")
    assert "Not in the dataset" in page.text and f"{BASE}state/KAZZ" in page.text
    assert 'href="/state/KAZ"' in page.text  # the nearest pages are offered
    turtle = requests.get(f"{served}/state/KAZZ", headers={"Accept": "text/turtle"}, timeout=30)
    assert turtle.status_code == 404 and "not in the dataset" in turtle.text
    assert requests.get(f"{served}/no/such/thing.ttl", timeout=30).status_code == 404


def test_the_sparql_endpoint_and_the_query_page_still_answer_through_the_front_server(served):
    select = requests.post(f"{served}/query", data={"query": f"SELECT ?l WHERE {{ <{BASE}state/KAZ> "
                                                            "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"},
                           headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert select.status_code == 200
    assert sorted(b["l"]["value"] for b in select.json()["results"]["bindings"]) == ["Kazakhstan", "Казахстан"]
    store = requests.get(f"{served}/store", params={"graph": BASE + "graph/registry"},
                         headers={"Accept": "application/n-triples"}, timeout=30)
    assert store.status_code == 200 and f"<{BASE}state/KAZ>" in store.text
    assert requests.post(f"{served}/update", data={"update": "CLEAR ALL"}, timeout=30).status_code == 403
    page = requests.get(f"{served}/", timeout=30).text
    assert "yasgui.min.js" in page and "q11-evidence-of-a-fact" in page and "co-participation" in page
    assert "PREFIX mig: <https://w3id.org/migkg/ontology#>" in json.loads(
        re.search(r'<script type="application/json" id="first-query">(.*?)</script>', page, re.S).group(1))
    assert "prefix.cc" not in page
    prefixes = requests.get(f"{served}/prefixes.json", timeout=30).json()
    assert prefixes["mig"] == "https://w3id.org/migkg/ontology#" and prefixes["state"] == BASE + "state/"
    for asset in ("/yasgui.min.js", "/yasgui.min.css"):
        assert requests.get(served + asset, timeout=30).status_code == 200


# --------------------------------------------------------------------------- the static site
@pytest.mark.parametrize("path", PATHS)
def test_the_site_holds_the_same_descriptions_and_pages(site, served, dataset, path):
    _, address = site
    expected = own_triples(dataset, BASE + path)
    for extension, fmt in EXTENSIONS.items():
        static = requests.get(f"{address}/{path}.{extension}", timeout=30)
        assert static.status_code == 200 and triples_of(parsed(static.content, fmt)) == expected
        assert static.content == requests.get(f"{served}/{path}.{extension}", timeout=30).content
    page = requests.get(f"{address}/{path}/", timeout=30)
    assert page.status_code == 200 and f"<p class=\"iri\">{BASE}{path}</p>" in page.text
    assert requests.get(f"{address}/state/KAZZ/", timeout=30).status_code == 404


def test_the_site_is_deterministic_and_replaces_itself_whole(site, built_dir, run_migkg, tmp_path):
    folder, _ = site
    again = tmp_path / "again"
    assert run_migkg("site", again, "--out", built_dir, "--publish-at", "https://example.org/migkg/").returncode == 0
    first = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys() and first == second
    assert Path("state/KAZ/index.html") in first and Path("state/KAZ.ttl") in first and Path("index.html") in first
    # rewritten in place: the same bytes; a failure (a build that is not there) leaves it as it was
    assert run_migkg("site", again, "--out", built_dir, "--publish-at", "https://example.org/migkg/").returncode == 0
    failed = run_migkg("site", again, "--out", tmp_path / "no-build")
    assert failed.returncode != 0 and "Traceback" not in failed.stderr
    assert {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()} == first
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".again.")]  # no staging left behind


def test_the_site_refuses_a_folder_it_did_not_write_and_a_bad_address(built_dir, run_migkg, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    refused = run_migkg("site", tmp_path / "mine", "--out", built_dir)
    assert refused.returncode == 2 and refused.stderr.startswith("error: ") and "new or empty folder" in refused.stderr
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"
    bad = run_migkg("site", tmp_path / "new", "--out", built_dir, "--publish-at", "example.org/migkg")
    assert bad.returncode == 2 and "--publish-at" in bad.stderr and not (tmp_path / "new").exists()


def test_the_w3id_rules_send_each_accept_to_its_file(site):
    folder, _ = site
    rules = (folder / "w3id" / ".htaccess").read_text()
    assert "RewriteEngine on" in rules
    for media, extension in (("text/turtle", "ttl"), ("application/ld\\+json", "jsonld"), ("application/n-triples", "nt")):
        block = re.search(rf"RewriteCond %{{HTTP_ACCEPT}} {re.escape(media)}\nRewriteRule \^\(\.\+\)\$ (\S+) \[R=303,L\]",
                          rules)
        assert block and block.group(1) == f"https://example.org/migkg/$1.{extension}", media
    assert "RewriteRule ^(.*[^/])$ https://example.org/migkg/$1/ [R=303,L]" in rules
    # the targets exist in the site for a path the rules would send there
    for extension in ("ttl", "jsonld", "nt"):
        assert (folder / f"state/KAZ.{extension}").is_file()
    assert (folder / "state/KAZ/index.html").is_file()


# --------------------------------------------------------------------------- the port
def _serve_until_ready(built_dir, *args):
    process = subprocess.Popen([sys.executable, "-m", "migkg", "serve", "--out", str(built_dir), *args], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    lines = []
    deadline = time.monotonic() + 60
    while not any(line.startswith("  data folder") for line in lines):
        line = process.stdout.readline()
        assert line and time.monotonic() < deadline, process.stderr.read()
        lines.append(line)
    process.send_signal(2)
    _, err = process.communicate(timeout=30)
    return "".join(lines), err


def test_a_taken_7878_is_said_on_stderr(built_dir):
    with socket.socket() as holder:
        try:
            holder.bind(("127.0.0.1", 7878))
            holder.listen(1)
        except OSError:
            pass  # something else holds 7878 already: the same case
        out, err = _serve_until_ready(built_dir)
    port = re.search(r"query page:\s+http://127\.0\.0\.1:(\d+)/", out).group(1)
    assert port != "7878" and f"7878 is in use; serving on {port}" in err


def test_a_port_held_only_by_time_wait_sockets_is_served(built_dir):
    port = free_port()
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(1)
        client = socket.create_connection(("127.0.0.1", port))
        accepted, _ = listener.accept()
        accepted.close()  # the server side closes first: its end of the connection goes to TIME_WAIT
        client.recv(1)
        client.close()
    states = subprocess.run(["ss", "-tan", f"sport = :{port}"], capture_output=True, text=True).stdout
    assert "TIME-WAIT" in states
    out, err = _serve_until_ready(built_dir, "--port", str(port))
    assert f"http://127.0.0.1:{port}/" in out and "in use" not in err
    with pytest.raises((urllib.error.URLError, OSError)):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)  # and stopped again


def test_a_writable_servers_pages_show_what_was_written(built_dir):
    """The pages are read from the Oxigraph server itself, so an IRI added by SPARQL Update has a page at once."""
    server = Serving("--port", "0", "--out", built_dir, "--writable")
    try:
        assert requests.get(f"{server.base}/state/XKX", timeout=30).status_code == 404
        insert = (f"INSERT DATA {{ GRAPH <{BASE}graph/registry> {{ <{BASE}state/XKX> "
                  "<http://www.w3.org/2000/01/rdf-schema#label> \"Kosovo\"@en , \"Косово\"@ru } }")
        assert requests.post(f"{server.base}/update", data={"update": insert}, timeout=30).status_code == 204
        page = requests.get(f"{server.base}/state/XKX", timeout=30)
        assert page.status_code == 200 and 'lang="ru" class="label">Косово<' in page.text
        turtle = parsed(requests.get(f"{server.base}/state/XKX.ttl", timeout=30).content, "turtle")
        assert len(triples_of(turtle)) == 2
    finally:
        server.stop()
