"""Network files and pictures: every export reads back the same, GraphML also in igraph, the bytes repeat,
and the pictures draw Cyrillic and Latin labels with a font that has the glyphs."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
import pytest

from migkg.network import NETWORK_NAMES, add_measures, networks
from migkg.network.draw import FONT, picture_bytes, picture_files
from migkg.network.export import export_files, flatten, read_csv_graph, write_files
from migkg.stores.opening import open_build
from migkg.stores.sources import EmbeddedSource

ROOT = Path(__file__).resolve().parents[1]
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def graphs(built_dir) -> dict[str, nx.Graph]:
    """Each network with its measures, as ``migkg network export`` writes it."""
    nets = networks(EmbeddedSource(open_build(built_dir).store))
    return {name: add_measures(nets[name]) for name in NETWORK_NAMES}


@pytest.fixture(scope="module")
def exported(graphs, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    for name, graph in graphs.items():
        write_files(export_files(graph, name), folder)
    return folder


def _missing(value) -> bool:
    """igraph's stand-in for an attribute an edge lacks: an empty string, or NaN for numbers."""
    return value == "" or (isinstance(value, float) and math.isnan(value))


def edge_map(graph: nx.Graph, drop: tuple[str, ...] = ()) -> dict:
    key = (lambda u, v: (u, v)) if graph.is_directed() else (lambda u, v: frozenset((u, v)))
    return {key(u, v): {k: x for k, x in d.items() if k not in drop} for u, v, d in graph.edges(data=True)}


def assert_same(expected: nx.Graph, got: nx.Graph, drop: tuple[str, ...] = ()) -> None:
    assert got.is_directed() == expected.is_directed()
    assert dict(got.nodes(data=True)) == dict(expected.nodes(data=True))
    assert edge_map(got, drop) == edge_map(expected)


@pytest.mark.parametrize("name", NETWORK_NAMES)
def test_every_export_reads_back_with_the_same_nodes_edges_and_attributes(name, graphs, exported):
    graph, flat = graphs[name], flatten(graphs[name])
    assert_same(flat, nx.read_graphml(exported / f"{name}.graphml"))
    # GEXF gives every edge an id of its own, and a weight as a float (2 == 2.0)
    assert_same(flat, nx.read_gexf(exported / f"{name}.gexf"), drop=("id",))
    data = json.loads((exported / f"{name}.json").read_text(encoding="utf-8"))
    assert_same(graph, nx.node_link_graph(data, edges="edges"))  # JSON keeps lists as lists
    assert_same(flat, read_csv_graph(exported / f"{name}-nodes.csv", exported / f"{name}-edges.csv"))
    assert nx.read_graphml(exported / f"{name}.graphml").graph["name"] == name


@pytest.mark.parametrize("name", NETWORK_NAMES)
def test_graphml_loads_in_igraph_with_the_same_graph(name, graphs, exported):
    flat = flatten(graphs[name])
    loaded = igraph.Graph.Read_GraphML(str(exported / f"{name}.graphml"))
    assert (loaded.vcount(), loaded.ecount(), loaded.is_directed()) == \
        (flat.number_of_nodes(), flat.number_of_edges(), flat.is_directed())
    by_id = {v["id"]: v.attributes() for v in loaded.vs}
    for node, data in flat.nodes(data=True):
        assert {k: by_id[node][k] for k in data} == data
    ids = loaded.vs["id"]
    key = (lambda u, v: (u, v)) if flat.is_directed() else (lambda u, v: frozenset((u, v)))
    # igraph gives every edge every attribute: a missing string reads as "", a missing number as NaN
    edges = {key(ids[e.source], ids[e.target]): {k: x for k, x in e.attributes().items() if not _missing(x)}
             for e in loaded.es}
    assert edges == edge_map(flat)


def test_graphml_holds_only_the_types_graphml_allows(exported):
    for name in NETWORK_NAMES:
        root = ET.parse(exported / f"{name}.graphml").getroot()
        types = {key.get("attr.type") for key in root.iter(f"{GRAPHML}key")}
        assert types <= {"boolean", "int", "long", "float", "double", "string"}, name
        titles = {key.get("attr.name") for key in root.iter(f"{GRAPHML}key")}
        assert {"label", "label_ru", "type", "evidence", "weight", "kind", "betweenness"} <= titles, name


def test_lists_are_joined_and_missing_values_dropped():
    g = nx.Graph(name="t")
    g.add_node("a", label_en=None, roles=["x", "y"])
    g.add_edge("a", "b", evidence=["f1", "f2"], basis=None)
    flat = flatten(g)
    assert dict(flat.nodes(data=True)) == {"a": {"roles": "x y"}, "b": {}}
    assert flat.edges["a", "b"] == {"evidence": "f1 f2"}


def test_exports_repeat_byte_for_byte_and_writes_leave_no_temporary_files(graphs, tmp_path):
    first = export_files(graphs["affiliation"], "affiliation")
    assert export_files(graphs["affiliation"], "affiliation") == first
    assert b"lastmodifieddate" not in first["affiliation.gexf"]
    (tmp_path / "affiliation.gexf").write_text("old")
    (tmp_path / "notes.txt").write_text("mine")
    write_files(first, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*first, "notes.txt"])
    assert (tmp_path / "affiliation.gexf").read_bytes() == first["affiliation.gexf"]
    assert (tmp_path / "affiliation.graphml").stat().st_mode & 0o644 == 0o644


def test_pictures_draw_cyrillic_and_latin_labels_with_a_font_that_has_them(graphs, tmp_path):
    from matplotlib import font_manager

    assert Path(font_manager.findfont(FONT, fallback_to_default=False)).name == "DejaVuSans.ttf"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)" for a missing letter
        files = picture_files(graphs["affiliation"], "affiliation", size_by="betweenness")
    png, svg = files["affiliation.png"], files["affiliation.svg"]
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width >= 1600 and height >= 1200
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and b"<dc:date>" not in svg
    assert picture_bytes(graphs["affiliation"], "svg", "betweenness") == svg  # same graph, same bytes
    written = write_files(files, tmp_path)
    print("pictures:", *written)


def test_the_draw_command_writes_png_svg_and_html(run_migkg, built_dir, tmp_path):
    done = run_migkg("network", "draw", "--build", built_dir, "--out", tmp_path, "--network", "affiliation",
                     "--size-by", "brokerage", "--lang", "ru")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["affiliation.html", "affiliation.png", "affiliation.svg"]
    assert "affiliation.png" in done.stderr
    page = (tmp_path / "affiliation.html").read_text(encoding="utf-8")
    assert json.dumps("Управление Верховного комиссара ООН по делам беженцев") in page  # Bokeh escapes non-ASCII


def test_the_export_command_writes_every_format_with_measures(run_migkg, built_dir, tmp_path):
    done = run_migkg("network", "export", "--build", built_dir, "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    suffixes = (".graphml", ".gexf", "-dynamic.gexf", ".json", "-nodes.csv", "-edges.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(n + s for n in NETWORK_NAMES for s in suffixes)
    loaded = nx.read_graphml(tmp_path / "actors.graphml")
    unhcr = loaded.nodes["https://w3id.org/migkg/organisation/unhcr"]
    assert (unhcr["brokerage"], unhcr["degree"], unhcr["label_ru"]) == \
        (30.0, 18, "Управление Верховного комиссара ООН по делам беженцев")


def test_every_file_repeats_byte_for_byte_across_runs(built_dir, tmp_path):
    """Two processes with different hash seeds (so sets iterate differently) write the same bytes."""
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-m", "migkg", "network", "draw", "--build", str(built_dir),
                               "--out", str(tmp_path / seed), "--network", "affiliation"],
                              capture_output=True, text=True, env=dict(os.environ, PYTHONHASHSEED=seed), cwd=ROOT)
        assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "1").iterdir())
    assert names == ["affiliation.html", "affiliation.png", "affiliation.svg"]
    for name in names:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name
