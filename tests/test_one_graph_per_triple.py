"""No triple stands in two named graphs of a build unless it must: ad-hoc counts over the union default
graph then agree on every engine (a store that keeps a quad per graph counts a triple twice, one that
merges the union counts it once).

The only triples allowed in more than one graph are those two *releases* state alike, each in its own
graph of the same kind (facts with facts, derived edges with derived edges): every release's graphs are
built, cached and replaced on their own, so each keeps all that follows from its text (two reports of one
meeting both state its participants' group; three releases each derive that Kazakhstan chairs the Almaty
Process). A release's graphs never repeat the registry, the vocabulary, the conflicts or the dataset
description, nor does its derived graph repeat its facts.
"""
from __future__ import annotations

import collections
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.servers import ROOT

RELEASE_GRAPH = re.compile(r"^(?P<release>.+/release/[^/]+)/(?P<kind>graph|derived)$")


def graphs_of_each_triple(build: Path) -> dict[ox.Triple, set[str]]:
    """Every triple of the build's N-Quads files and of void.ttl (which `migkg serve` and `publish` load into the
    dataset graph), with the names of the graphs that state it."""
    graphs: dict[ox.Triple, set[str]] = collections.defaultdict(set)
    for path in sorted(build.glob("*.nq")):
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            graphs[ox.Triple(quad.subject, quad.predicate, quad.object)].add(str(quad.graph_name.value))
    for quad in ox.parse(path=str(build / "void.ttl"), format=ox.RdfFormat.TURTLE):
        graphs[ox.Triple(quad.subject, quad.predicate, quad.object)].add("void.ttl (the dataset graph)")
    return graphs


def needless(graphs: dict[ox.Triple, set[str]]) -> list[tuple[str, list[str]]]:
    """The triples in more than one graph other than the same kind of graph of different releases."""
    found = []
    for triple, names in graphs.items():
        if len(names) < 2:
            continue
        parts = [RELEASE_GRAPH.match(name) for name in names]
        kinds = {p.group("kind") for p in parts if p}
        releases = [p.group("release") for p in parts if p]
        if all(parts) and len(kinds) == 1 and len(set(releases)) == len(releases):
            continue
        found.append((str(triple), sorted(names)))
    return found


def test_the_seed_states_each_triple_in_one_graph(built_dir):
    graphs = graphs_of_each_triple(built_dir)
    assert [(t, g) for t, g in graphs.items() if len(g) > 1] == []
    almaty = ox.Triple(ox.NamedNode("https://w3id.org/migkg/process/almaty-process"),
                       ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                       ox.NamedNode("https://w3id.org/migkg/ontology#RegionalConsultativeProcess"))
    assert graphs[almaty] == {"https://w3id.org/migkg/graph/registry"}  # the release keeps its attestation only


@pytest.fixture(scope="module")
def domain_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("domain") / "build"
    done = subprocess.run([sys.executable, "-m", "migkg", "build", "--data", str(ROOT / "tests/fixtures/domain"),
                           "--out", str(out), "--no-cache"], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return out


def test_across_releases_only_releases_repeat_each_other(domain_build):
    graphs = graphs_of_each_triple(domain_build)
    assert needless(graphs) == []
    repeated = [names for names in graphs.values() if len(names) > 1]
    assert repeated, "the domain corpus has releases that derive the same edge: the allowance is exercised"


def test_the_check_sees_a_derived_triple_that_repeats_the_registry():
    registry = "https://w3id.org/migkg/graph/registry"
    derived = "https://w3id.org/migkg/release/r1/derived"
    triple = ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.NamedNode("urn:b"))
    assert needless({triple: {registry, derived}}) == [(str(triple), [registry, derived])]
    own = {"https://w3id.org/migkg/release/r1/graph", derived}
    assert needless({triple: own}) == [(str(triple), sorted(own))]
    assert needless({triple: {derived, "https://w3id.org/migkg/release/r2/derived"}}) == []
