"""The networks from a remote SPARQL endpoint: a real Oxigraph server on 127.0.0.1 holding the built
dataset gives exactly the networks that the embedded store gives, through the library and the CLI."""
from __future__ import annotations

import urllib.request

import networkx as nx

from migkg.build.dumps import dump_files
from migkg.network import NETWORK_NAMES, load
from migkg.stores.endpoint import EndpointSource


def serve(oxigraph, built_dir):
    """A fresh Oxigraph server (union default graph) loaded with the built N-Quads over the Graph Store protocol."""
    server = oxigraph()
    for path in dump_files(built_dir, "nq"):  # every dump part
        upload = urllib.request.Request(server.store_url, data=path.read_bytes(), method="POST",
                                        headers={"Content-Type": "application/n-quads"})
        with urllib.request.urlopen(upload, timeout=60) as answer:
            assert answer.status in (200, 201, 204)
    return server


def test_an_endpoint_gives_the_same_networks_as_the_built_files(oxigraph, built_dir):
    server = serve(oxigraph, built_dir)
    remote, local = load(server.query_url), load(built_dir)
    assert list(remote) == list(local) == list(NETWORK_NAMES)
    for name in NETWORK_NAMES:
        assert nx.utils.graphs_equal(remote[name], local[name]), name
    assert load(EndpointSource(server.query_url))["actors"].number_of_edges() == 143


def test_network_stats_runs_on_an_endpoint(oxigraph, built_dir, run_migkg, tmp_path):
    server = serve(oxigraph, built_dir)
    done = run_migkg("network", "stats", "--endpoint", server.query_url, "--to", tmp_path, "--network", "actors")
    assert done.returncode == 0, done.stderr
    assert f"from {server.query_url}" in done.stderr
    assert done.stdout.split("ties held by each side")[1].splitlines()[1].split() == ["62", "Kazakhstan"]
    assert (tmp_path / "actors-measures.csv").read_text(encoding="utf-8").count("\n") == 23
