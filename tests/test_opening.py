"""Opening a build: the one way `migkg query`, `serve`, `publish`, the networks and the tests read a build."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from migkg.errors import MigkgError
from migkg.stores.opening import open_build
from migkg.stores.sources import EmbeddedSource

BASE = "https://w3id.org/migkg/"
RELEASE = f"{BASE}release/2013-06-05-unhcr-iom-almaty-ministerial"


def test_a_build_opens_with_its_graphs_and_its_description(built_dir):
    build = open_build(built_dir)
    assert build.base == BASE and build.description_graph == f"{BASE}graph/dataset"
    assert build.graph_names() == [f"{BASE}graph/conflicts", f"{BASE}graph/dataset", f"{BASE}graph/registry",
                                   f"{BASE}graph/vocabulary", f"{RELEASE}/derived", f"{RELEASE}/graph"]
    assert [path.name for path in build.files] == ["migkg-registry.nq", "migkg-2013.nq", "migkg-conflicts.nq"]
    described = ox.Literal(BASE, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#string"))
    assert ox.Quad(ox.NamedNode(f"{BASE}dataset"), ox.NamedNode("http://rdfs.org/ns/void#uriSpace"), described,
                   ox.NamedNode(build.description_graph)) in build.store
    # the embedded source sees the description too, as a query on `migkg serve` does
    rows = EmbeddedSource(build.store).select("SELECT ?space WHERE { ?d <http://rdfs.org/ns/void#uriSpace> ?space }")
    assert [row["space"].value for row in rows.rows] == [BASE]


def test_a_graph_is_given_as_the_same_sorted_ntriples_each_time(built_dir):
    first, again = open_build(built_dir), open_build(built_dir)
    for name in first.graph_names():
        text = first.ntriples(name)
        assert text == again.ntriples(name) and text.splitlines() == sorted(text.splitlines())


def test_a_folder_without_a_build_is_named(tmp_path):
    with pytest.raises(MigkgError, match=f"{tmp_path}: no built dataset there"):
        open_build(tmp_path)


def test_a_description_without_its_base_is_a_clear_error(built_dir, tmp_path):
    out = tmp_path / "build"
    shutil.copytree(built_dir, out)
    (out / "void.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n")
    with pytest.raises(MigkgError, match=r"void\.ttl: no void:uriSpace, so the base IRI is unknown"):
        open_build(out)
    (out / "void.ttl").write_text("this is not turtle")
    with pytest.raises(MigkgError, match=r"the build cannot be read .*Fix: run `migkg build` again"):
        open_build(out)
