"""`migkg publish`: whole graphs into real stores (Oxigraph, Virtuoso), idempotent, and after a failure
part-way each graph wholly old or wholly new, with a message that says which releases were published."""
from __future__ import annotations

import shutil
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from migkg.stores.endpoint import EndpointSource
from migkg.stores.opening import open_build
from migkg.stores.publish import graphs_of, listing, plan, replacement_update
from tests.servers import Behaviour, CuttingProxy, FaultServer, free_port, term_key

OLD = ox.Triple(ox.NamedNode("urn:migkg-test:old"), ox.NamedNode("urn:migkg-test:was"), ox.Literal("old content"))
BASE = "https://w3id.org/migkg/"


# --------------------------------------------------------------------------- helpers
def graph_content(query_url: str, graph: str, virtuoso: bool = False) -> set[str]:
    triples = EndpointSource(query_url).query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {" ".join(term_key(t, virtuoso) for t in (x.subject, x.predicate, x.object)) for x in triples}


def build_content(out_dir: Path) -> dict[str, set[str]]:
    """Each graph as publish puts it: the build's graphs, the description with the list of the graphs put."""
    build = open_build(out_dir)
    content = {g.name: {" ".join(term_key(t) for t in (q.subject, q.predicate, q.object))
                        for q in build.store.quads_for_pattern(None, None, None, ox.NamedNode(g.name))}
               for g in graphs_of(build)}
    content[build.description_graph] |= {" ".join(term_key(t) for t in (x.subject, x.predicate, x.object))
                                         for x in listing(build, graphs_of(build))}
    return content


def put_old_content(store_url: str, graphs) -> None:
    body = ox.serialize([OLD], format=ox.RdfFormat.N_TRIPLES)
    for graph in graphs:
        request = urllib.request.Request(f"{store_url}?graph={urllib.parse.quote(graph, safe='')}", data=body,
                                         method="PUT", headers={"Content-Type": "application/n-triples",
                                                                "Accept": "*/*"})
        urllib.request.urlopen(request, timeout=30).close()


OLD_KEY = " ".join(term_key(t) for t in (OLD.subject, OLD.predicate, OLD.object))


@pytest.fixture(scope="module")
def three_releases(built_dir, tmp_path_factory) -> Path:
    """The seed build with its release graphs copied under two more release ids: a build of three releases."""
    out = tmp_path_factory.mktemp("three") / "build"
    shutil.copytree(built_dir, out)
    release_file = out / "migkg-2013.nq"  # the seed's release; the copies go into the same dump part
    quads = list(ox.parse(path=str(release_file), format=ox.RdfFormat.N_QUADS))
    extra = []
    for quad in quads:
        name = quad.graph_name.value
        if "/release/" in name:
            for suffix in ("-b", "-c"):
                renamed = name.replace("/graph", f"{suffix}/graph").replace("/derived", f"{suffix}/derived")
                extra.append(ox.Quad(quad.subject, quad.predicate, quad.object, ox.NamedNode(renamed)))
    release_file.write_bytes(ox.serialize(quads + extra, format=ox.RdfFormat.N_QUADS))
    return out


# --------------------------------------------------------------------------- the plan
def test_graphs_go_shared_first_then_release_by_release_then_the_description():
    names = [f"{BASE}release/b/derived", f"{BASE}graph/dataset", f"{BASE}release/a/graph", f"{BASE}graph/registry",
             f"{BASE}release/b/graph", f"{BASE}graph/vocabulary", f"{BASE}release/a/derived", "http://other.org/g",
             f"{BASE}graph/conflicts"]
    assert [g.label for g in plan(sorted(names), BASE)] == [
        "vocabulary", "registry", "graph <http://other.org/g>", "release a (graph)", "release a (derived)",
        "release b (graph)", "release b (derived)", "conflicts", "dataset description"]


def test_an_update_replaces_one_graph():
    text = replacement_update("https://w3id.org/migkg/graph/registry", b'<http://a> <http://b> "c" .\n').decode()
    assert text.startswith("DROP SILENT GRAPH <https://w3id.org/migkg/graph/registry> ;\nINSERT DATA {")
    store = ox.Store()
    store.update(text)
    store.update(text)
    assert len(store) == 1


# --------------------------------------------------------------------------- into real stores
@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_publish_to_oxigraph_puts_every_graph_whole_and_twice_is_once(oxigraph, built_dir, run_migkg, protocol):
    server = oxigraph()
    url = server.store_url if protocol == "gsp" else server.update_url
    expected = build_content(built_dir)
    assert set(expected) == {f"{BASE}graph/vocabulary", f"{BASE}graph/registry", f"{BASE}graph/dataset",
                             f"{BASE}release/2013-06-05-unhcr-iom-almaty-ministerial/graph",
                             f"{BASE}release/2013-06-05-unhcr-iom-almaty-ministerial/derived", f"{BASE}graph/conflicts"}
    for attempt in (1, 2):
        done = run_migkg("publish", "--endpoint", url, "--out", built_dir, "--protocol", protocol)
        assert done.returncode == 0, done.stderr
        assert done.stderr.startswith("published 6 graphs (1 release(s), ")
        assert "\x1b[" not in done.stderr  # no progress bar when stderr is not a terminal
        for graph, triples in expected.items():
            assert graph_content(server.query_url, graph) == triples, (attempt, graph)
    total = EndpointSource(server.query_url).select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(total.rows[0]["n"].value) == sum(len(t) for t in expected.values())


def test_publish_to_virtuoso_and_twice_is_once(virtuoso, three_releases, run_migkg):
    expected = build_content(three_releases)
    for _ in (1, 2):
        done = run_migkg("publish", "--endpoint", virtuoso.store_url, "--out", three_releases)
        assert done.returncode == 0, done.stderr
        assert "published 10 graphs (3 release(s)" in done.stderr
    for graph, triples in expected.items():
        want = {" ".join(term_key(ox_term, True) for ox_term in _terms(line)) for line in triples}
        assert graph_content(virtuoso.sparql_url, graph, virtuoso=True) == want, graph


def _terms(key: str):
    quad = next(iter(ox.parse(key.encode() + b" .", format=ox.RdfFormat.N_TRIPLES)))
    return quad.subject, quad.predicate, quad.object


# --------------------------------------------------------------------------- failures part-way
@pytest.mark.parametrize("store", ["oxigraph", "virtuoso"])
def test_a_connection_dropped_mid_publish_leaves_each_graph_old_or_new(store, oxigraph, virtuoso, three_releases,
                                                                       run_migkg):
    if store == "oxigraph":
        server = oxigraph()
        port, path, query_url = server.port, "/store", server.query_url
    else:
        server = virtuoso
        port, path, query_url = server.http_port, "/sparql-graph-crud", server.sparql_url
    expected = build_content(three_releases)
    order = [g.name for g in graphs_of(open_build(three_releases))]
    assert len(order) == 10
    put_old_content(f"http://127.0.0.1:{port}{path}", order)

    with CuttingProxy(port, cut_at=5) as proxy:  # vocabulary, registry, release a (both graphs), then cut
        done = run_migkg("publish", "--endpoint", proxy.url(path), "--out", three_releases)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    release = "2013-06-05-unhcr-iom-almaty-ministerial"
    lines = done.stderr.splitlines()
    assert lines[0].startswith(f"error: publishing stopped at release {release}-b (graph) <")
    assert "the server closed the connection before the exchange was complete" in lines[0]
    assert lines[1] == f"error: published (each graph replaced whole): vocabulary; registry; 1 release(s): {release}"
    assert lines[2] == f"error: being sent when it stopped (now wholly old or wholly new): release {release}-b (graph)"
    assert lines[3] == f"error: not published (left as they were): conflicts; dataset description; 1 release(s): {release}-c"
    for number, graph in enumerate(order, start=1):
        content = graph_content(query_url, graph, virtuoso=store == "virtuoso")
        if number < 5:
            assert content == _expected(expected[graph], store), graph
        else:
            assert content == {OLD_KEY}, graph  # wholly old, the cut one (5) included

    again = run_migkg("publish", "--endpoint", f"http://127.0.0.1:{port}{path}", "--out", three_releases)
    assert again.returncode == 0
    for graph in order:
        assert graph_content(query_url, graph, virtuoso=store == "virtuoso") == _expected(expected[graph], store)


def _expected(triples: set[str], store: str) -> set[str]:
    if store == "oxigraph":
        return triples
    return {" ".join(term_key(t, True) for t in _terms(line)) for line in triples}


def test_a_store_slower_than_the_read_timeout_part_way(oxigraph, three_releases, run_migkg):
    """The store replaces graph 3 but answers after the client stopped waiting: the message says graph 3
    may be old or new, and the store holds it whole, whichever it is."""
    server = oxigraph()
    expected = build_content(three_releases)
    order = [g.name for g in graphs_of(open_build(three_releases))]
    put_old_content(server.store_url, order)
    with CuttingProxy(server.port, cut_at=3, stall=True) as proxy:
        done = run_migkg("publish", "--endpoint", proxy.url("/store"), "--out", three_releases,
                         "--read-timeout", "0.5")
    assert done.returncode == 1
    assert "no answer within 0.5 s (read timeout)" in done.stderr
    assert "being sent when it stopped (now wholly old or wholly new): release" in done.stderr
    contents = [graph_content(server.query_url, graph) for graph in order]
    assert contents[:2] == [expected[g] for g in order[:2]]
    assert contents[2] in (expected[order[2]], {OLD_KEY})  # here new: the server had done it
    assert contents[3:] == [{OLD_KEY}] * (len(order) - 3)


def test_http_500_part_way(built_dir, invoke_migkg):
    with FaultServer(lambda n: Behaviour(500 if n == 3 else 204, {"Content-Type": "text/plain"},
                                         b"disk full" if n == 3 else b"")) as server:
        done = invoke_migkg("publish", "--endpoint", server.url, "--out", built_dir)
    assert done.returncode == 1 and len(server.requests) == 3
    assert "publishing stopped at release 2013-06-05-unhcr-iom-almaty-ministerial (graph)" in done.stderr
    assert "HTTP 500 Internal Server Error (the server says: disk full)" in done.stderr
    assert [r["method"] for r in server.requests] == ["PUT"] * 3
    assert server.requests[0]["path"] == "/sparql?graph=https%3A%2F%2Fw3id.org%2Fmigkg%2Fgraph%2Fvocabulary"
    assert server.requests[0]["headers"]["Content-Type"].startswith("application/n-triples")


def test_store_down(built_dir, invoke_migkg):
    done = invoke_migkg("publish", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "--out", built_dir)
    assert done.returncode == 1
    assert "connection refused" in done.stderr and "published (each graph replaced whole): nothing" in done.stderr


def test_store_slower_than_the_read_timeout(built_dir, invoke_migkg):
    with FaultServer(lambda n: Behaviour(204, delay=2 if n == 2 else 0)) as server:
        done = invoke_migkg("publish", "--endpoint", server.url, "--out", built_dir, "--read-timeout", "0.5")
    assert done.returncode == 1
    assert "publishing stopped at registry" in done.stderr and "no answer within 0.5 s (read timeout)" in done.stderr
    assert "published (each graph replaced whole): vocabulary" in done.stderr


def test_no_build_no_publish(tmp_path, invoke_migkg):
    done = invoke_migkg("publish", "--endpoint", "http://127.0.0.1:1/store", "--out", tmp_path)
    assert done.returncode == 2 and "no built dataset there" in done.stderr and "migkg build" in done.stderr
