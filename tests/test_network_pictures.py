"""Pictures that stay readable, checked on what matplotlib draws, never by eye.

The boxes of the labels (their white background included) and the discs of the node markers (their
white ring included) are measured through the figure's renderer after a full draw; no label box may
cross another or any marker. Above the summarising threshold the picture must draw exactly the top
nodes by the measure (read back from the drawn scatter and labels) and state what it leaves out.
"""
from __future__ import annotations

import math

import networkx as nx
import pytest
from matplotlib.patches import FancyArrowPatch

from migkg.network import NETWORK_NAMES, add_measures, networks
from migkg.network.draw import figure, picture_bytes, positions
from migkg.network.summary import SUMMARISE_ABOVE, TOP, select
from migkg.stores.opening import open_build
from migkg.stores.sources import EmbeddedSource


@pytest.fixture(scope="module")
def seed_networks(built_dir) -> dict[str, nx.Graph]:
    nets = networks(EmbeddedSource(open_build(built_dir).store))
    return {name: nets[name] for name in NETWORK_NAMES}


def drawn(fig):
    """What a network figure shows, measured in pixels after a full draw: {node: label box}, the marker discs
    as [(centre, radius)] in the scatter's order, the scatter's offsets, and the edges (zorder-1 patches)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    labels = {t.get_gid(): t.get_bbox_patch().get_window_extent(renderer) for t in ax.texts if t.get_gid()}
    scatter = next(c for c in ax.collections if c.get_gid() == "nodes")
    ring = float(scatter.get_linewidths()[0])
    centres = ax.transData.transform(scatter.get_offsets())
    discs = [((float(x), float(y)), (math.sqrt(s) / 2 + ring / 2) * fig.dpi / 72)
             for (x, y), s in zip(centres, scatter.get_sizes(), strict=True)]
    edges = [p for p in ax.patches if isinstance(p, FancyArrowPatch) and p.get_zorder() == 1]
    return labels, discs, scatter.get_offsets(), edges


def crossings(labels: dict, discs: list) -> list[str]:
    """Every pair of label boxes that overlap, and every label box that covers part of a marker disc."""
    found = []
    names = sorted(labels)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if labels[a].overlaps(labels[b]):
                found.append(f"label {a} over label {b}")
        box = labels[a]
        for (cx, cy), r in discs:
            if math.hypot(max(box.x0 - cx, 0, cx - box.x1), max(box.y0 - cy, 0, cy - box.y1)) < r:
                found.append(f"label {a} over the marker at ({cx:.0f}, {cy:.0f})")
    return found


@pytest.mark.parametrize("name", NETWORK_NAMES)
def test_no_label_covers_another_label_or_a_node_on_the_seed_networks(name, seed_networks):
    graph = seed_networks[name]
    fig = figure(graph)
    labels, discs, _, edges = drawn(fig)
    assert sorted(labels) == sorted(graph.nodes)  # every node drawn and labelled: the seed needs no summary
    assert len(discs) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    assert crossings(labels, discs) == []
    page = fig.bbox
    assert all(page.x0 <= b.x0 and b.x1 <= page.x1 and page.y0 <= b.y0 and b.y1 <= page.y1 for b in labels.values())
    assert not [t for t in fig.texts if t.get_gid() == "summary"]  # nothing left out, so no note


def test_the_check_finds_a_label_moved_onto_a_node(seed_networks):
    """The overlap check itself can fail: put Idrissov's post label back over his node, as the old picture did."""
    graph = seed_networks["affiliation"]
    idrissov = next(n for n, d in graph.nodes(data=True) if d.get("label_en") == "Erlan Idrissov")
    post = next(iter(graph.successors(idrissov)))
    fig = figure(graph)
    ax = fig.axes[0]
    assert [tuple(o) for o in next(c for c in ax.collections if c.get_gid() == "nodes").get_offsets()] == \
        [positions(graph)[n] for n in graph.nodes]  # the markers sit where the layout puts the nodes
    labels, discs, _, _ = drawn(fig)
    assert crossings(labels, discs) == []
    label = next(t for t in ax.texts if t.get_gid() == post)
    label.set_position(positions(graph)[idrissov])
    labels, discs, _, _ = drawn(fig)
    assert any(c.startswith(f"label {post} over the marker") for c in crossings(labels, discs))


def scale_free(nodes: int) -> nx.Graph:
    """A network above the threshold: a Barabási–Albert graph whose nodes carry the attributes the networks have."""
    graph = nx.barabasi_albert_graph(nodes, 2, seed=3)
    named = nx.Graph(name="test", title="A scale-free test network")
    kinds = ("state", "person", "ministry")
    for n in graph.nodes:
        named.add_node(f"n{n:04d}", label=f"Actor {n}", label_en=f"Actor {n}", label_ru=f"Актор {n}",
                       type=kinds[n % 3])
    named.add_edges_from((f"n{u:04d}", f"n{v:04d}", {"weight": 1 + (u + v) % 3}) for u, v in graph.edges)
    return named


def test_above_the_threshold_the_picture_draws_exactly_the_top_nodes_and_states_the_rest():
    graph = scale_free(SUMMARISE_ABOVE + 100)
    degree = dict(graph.degree())
    top = sorted(graph, key=lambda n: (-degree[n], graph.nodes[n]["label"], n))[:TOP]
    fig = figure(graph, size_by="degree")
    labels, discs, offsets, edges = drawn(fig)
    assert len(discs) == len(offsets) == TOP
    assert sorted(labels) == sorted(top)  # each drawn marker is labelled, and only the top nodes are
    assert len(edges) == graph.subgraph(top).number_of_edges()
    assert crossings(labels, discs) == []
    note = next(t.get_text() for t in fig.texts if t.get_gid() == "summary")
    assert f"top {TOP} of {SUMMARISE_ABOVE + 100} nodes by degree" in note
    left_edges = graph.number_of_edges() - graph.subgraph(top).number_of_edges()
    assert f"the other {SUMMARISE_ABOVE + 100 - TOP} nodes and {left_edges:,} edges" in note
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    drawn_states = sum(1 for n in top if graph.nodes[n]["type"] == "state")
    all_states = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "state")
    assert f"state ({drawn_states} of {all_states})" in legend


def test_the_summary_follows_the_measure_and_the_threshold(seed_networks):
    graph = seed_networks["statements"]  # 33 nodes
    assert not select(graph, "degree", top=5, summarise_above=33).summarised
    fig = figure(graph, size_by="betweenness", top=5, summarise_above=32)
    labels, discs, _, _ = drawn(fig)
    measured = add_measures(graph)
    betweenness = {n: measured.nodes[n]["betweenness"] for n in measured}
    fifth = sorted(betweenness.values(), reverse=True)[4]
    assert len(discs) == 5 and len(labels) == 5
    assert all(betweenness[n] >= fifth for n in labels)
    assert sum(1 for v in betweenness.values() if v > fifth) <= 5
    note = next(t.get_text() for t in fig.texts if t.get_gid() == "summary")
    assert "top 5 of 33 nodes by betweenness" in note
    with pytest.raises(ValueError, match="at least one node"):
        select(graph, "degree", top=0, summarise_above=1)


def test_a_summarised_picture_repeats_byte_for_byte():
    graph = scale_free(SUMMARISE_ABOVE + 20)
    first = picture_bytes(graph, "svg")
    assert b"top 60 of 320 nodes by degree" in first  # the note (matplotlib keeps each text as a comment by its paths)
    assert picture_bytes(graph, "svg") == first


def test_the_command_line_sets_the_top_and_the_threshold(built_dir, invoke_migkg, tmp_path):
    """`migkg network draw --top N --summarise-above M`: the seed's 33-node statements network, summarised."""
    done = invoke_migkg("network", "draw", "--out", built_dir, "--network", "statements", "--no-html",
                     "--summarise-above", "20", "--top", "7", "--to", tmp_path / "pictures")
    assert done.returncode == 0, done.stderr
    assert b"top 7 of 33 nodes by degree" in (tmp_path / "pictures" / "statements.svg").read_bytes()
    whole = invoke_migkg("network", "draw", "--out", built_dir, "--network", "statements", "--no-html",
                      "--to", tmp_path / "whole")
    assert whole.returncode == 0 and b"nodes by degree" not in (tmp_path / "whole" / "statements.svg").read_bytes()
    refused = invoke_migkg("network", "draw", "--out", built_dir, "--top", "0", "--to", tmp_path / "none")
    assert refused.returncode == 2 and "--top" in refused.stderr and not (tmp_path / "none").exists()
