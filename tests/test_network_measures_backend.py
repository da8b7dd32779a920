"""The measures computed by igraph and by the one-pass search (:mod:`migkg.network.brandes`) give networkx's own
numbers: betweenness exact and sampled, brokerage against networkx's subset betweenness, on the seed's five
networks, on forty synthetic releases and on graphs with the shapes that trip a port up (self-loops,
isolated nodes, several components, three groups, twins and pendants), on one core or two.

Louvain moved from networkx to igraph: its partition is checked against igraph's own result for the
same seed, for staying the same from run to run whatever else draws random numbers, for giving the
seed release the communities networkx gave it, and for a modularity as good as networkx's.
(At 1,000 synthetic releases the same comparison runs in bench/network_measures.py --check: the build
alone takes over a minute.)
"""
from __future__ import annotations

import itertools
import random

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from migkg.network import brandes, networks
from migkg.network.igraph_backend import louvain_membership, to_igraph
from migkg.network.measures import (
    DEFAULT_GROUP,
    betweenness,
    brokerage,
    communities,
    exact_pair_measures,
    measure_values,
    sampled_brokerage,
    undirected,
)
from migkg.network.ties import Ties
from migkg.stores.opening import open_build
from migkg.stores.sources import EmbeddedSource


def networkx_brokerage(graph: nx.Graph, groups: dict[str, str]) -> dict[str, float]:
    """Brokerage from networkx alone: for each group, the subset betweenness from its nodes to the other
    groups' nodes (networkx halves it on an undirected graph; both directions add up to one per pair)."""
    score = dict.fromkeys(graph, 0.0)
    for name in sorted(set(groups.values())):
        part = nx.betweenness_centrality_subset(graph, sources=[n for n in graph if groups.get(n) == name],
                                                targets=[n for n in graph if n in groups and groups[n] != name],
                                                normalized=False)
        for node, value in part.items():
            score[node] += value
    return score


def groups_of(graph: nx.Graph) -> dict[str, str]:
    return {n: str(d[DEFAULT_GROUP]) for n, d in graph.nodes(data=True) if d.get(DEFAULT_GROUP) is not None}


def assert_same(ours: dict[str, float], theirs: dict[str, float]) -> None:
    assert ours.keys() == theirs.keys()
    largest = max([abs(v) for v in theirs.values()] + [1.0])
    for node, value in theirs.items():  # floating point: the sums run in another order
        assert ours[node] == pytest.approx(value, rel=1e-9, abs=1e-12 * largest), node


def odd_graph() -> nx.Graph:
    """Three groups, a self-loop, an isolated node, two components, equal-length paths, and weights."""
    g = nx.gnm_random_graph(120, 300, seed=5)
    g = nx.relabel_nodes(g, {n: f"urn:n{n:03d}" for n in g})
    g.add_edge("urn:n000", "urn:n000")
    g.add_edges_from([("urn:x1", "urn:x2"), ("urn:x2", "urn:x3")])
    g.add_node("urn:alone")
    rng = random.Random(1)
    for u, v in g.edges():
        g.edges[u, v]["weight"] = rng.randint(1, 4)
    for node in g:
        choice = rng.choice(["state", "intergovernmental", "other", None])
        if choice:
            g.nodes[node][DEFAULT_GROUP] = choice
    return g


@pytest.fixture(scope="module")
def seed_nets(built_dir):
    return networks(EmbeddedSource(open_build(built_dir).store))


@pytest.fixture(scope="module")
def synthetic_nets(tmp_path_factory):
    """Forty synthetic releases: events that share actors, people with posts, statements."""
    import subprocess
    import sys

    from migkg import synthetic

    where = tmp_path_factory.mktemp("synthetic-measures")
    data = synthetic.generate(where / "data", 40, seed=3)
    done = subprocess.run([sys.executable, "-m", "migkg", "build", "--data", str(data), "--out", str(where / "build"),
                           "--no-cache"], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return networks(EmbeddedSource(open_build(where / "build").store))


@pytest.mark.parametrize("which", ["seed_nets", "synthetic_nets"])
def test_exact_betweenness_and_brokerage_are_networkx_numbers_on_every_network(which, request):
    nets = request.getfixturevalue(which)
    for name, graph in nets.items():
        g = undirected(graph)
        groups = groups_of(g)
        assert len(set(groups.values())) == 2, name
        assert_same(betweenness(g), nx.betweenness_centrality(g, normalized=True))
        assert_same(brokerage(g, groups), networkx_brokerage(g, groups))
        values = measure_values(graph)  # the table's columns are those numbers
        assert_same({n: v["betweenness"] for n, v in values.items()}, nx.betweenness_centrality(g, normalized=True))


def test_exact_numbers_hold_on_odd_shapes_and_three_groups():
    g = odd_graph()
    groups = groups_of(g)
    assert_same(betweenness(g), nx.betweenness_centrality(g, normalized=True))
    assert_same(brokerage(g, groups), networkx_brokerage(g, groups))
    for small in (nx.Graph(), nx.path_graph(1), nx.path_graph(2), nx.path_graph(3)):
        tiny = nx.relabel_nodes(small, str)
        assert betweenness(tiny) == nx.betweenness_centrality(tiny, normalized=True)
        assert brokerage(tiny, {}) == dict.fromkeys(tiny, 0.0)


def test_sampled_betweenness_is_networkxs_estimate_from_the_same_sources():
    g = odd_graph()
    for k, seed in ((10, 42), (37, 3), (len(g) - 1, 42)):
        assert_same(betweenness(g, k, seed), nx.betweenness_centrality(g, k=k, seed=seed, normalized=True))
    assert_same(betweenness(g, len(g), 42), nx.betweenness_centrality(g, normalized=True))  # every node: exact


def test_sampled_brokerage_scales_networkxs_subset_betweenness_from_the_drawn_sources():
    g = odd_graph()
    groups = groups_of(g)
    grouped = [n for n in g if n in groups]
    k, seed = 20, 9
    drawn = random.Random(seed).sample(grouped, k)
    raw = dict.fromkeys(g, 0.0)
    for name in sorted({groups[n] for n in drawn}):
        part = nx.betweenness_centrality_subset(g, sources=[n for n in drawn if groups[n] == name],
                                                targets=[n for n in grouped if groups[n] != name], normalized=False)
        for node, value in part.items():
            raw[node] += value
    population = len(grouped)
    expected = {n: v * ((population - 1) / (k - 1) if n in drawn else
                        (population - 1) / k if n in groups else population / k) for n, v in raw.items()}
    assert_same(sampled_brokerage(g, groups, k, seed), expected)
    assert_same(sampled_brokerage(g, groups, population, seed), networkx_brokerage(g, groups))


def _partition(numbered: dict[str, int]) -> set[frozenset[str]]:
    return {frozenset(n for n in numbered if numbered[n] == c) for c in set(numbered.values())}


def test_communities_are_igraphs_louvain_for_the_seed_and_the_same_on_every_run():
    g = odd_graph()
    indexed = to_igraph(g)
    ig.set_random_number_generator(random.Random(42))
    try:
        reference = ig.Graph(n=len(indexed.nodes), edges=indexed.graph.get_edgelist()).community_multilevel(
            weights=indexed.weights)
    finally:
        ig.set_random_number_generator(random)
    ours = communities(g, seed=42)
    assert _partition(ours) == {frozenset(indexed.nodes[i] for i in part) for part in reference}
    random.seed(0)  # the global generator's state does not matter
    assert communities(g, seed=42) == ours
    random.random()
    assert louvain_membership(indexed, 42) == louvain_membership(indexed, 42)
    # numbered by size, largest first
    sizes = [sum(1 for n in ours if ours[n] == c) for c in range(1, max(ours.values()) + 1)]
    assert sizes == sorted(sizes, reverse=True)
    # the isolated node and the separate component are communities of their own
    assert {ours["urn:x1"]} == {ours["urn:x2"], ours["urn:x3"]} and ours["urn:alone"] not in {ours["urn:x1"]}


def test_the_seed_gets_the_communities_networkx_gave_it(seed_nets):
    for name, graph in seed_nets.items():
        g = undirected(graph)
        found = nx.community.louvain_communities(g, weight="weight", seed=42) if g.number_of_edges() else \
            [{n} for n in g]
        assert _partition(communities(g)) == {frozenset(c) for c in found}, name


def test_louvain_finds_as_much_modularity_as_networkx(synthetic_nets):
    for name, graph in synthetic_nets.items():
        g = undirected(graph)
        ours = nx.community.modularity(g, _partition(communities(g)), weight="weight")
        theirs = nx.community.modularity(g, nx.community.louvain_communities(g, weight="weight", seed=42),
                                         weight="weight")
        assert ours >= theirs - 0.02, name


def test_an_empty_or_edgeless_network_gets_every_measure():
    assert measure_values(nx.Graph()) == {}
    g = nx.Graph()
    g.add_nodes_from(["urn:a", "urn:b"])
    values = measure_values(g)
    assert {n: (v["betweenness"], v["brokerage"], v["community"]) for n, v in values.items()} == \
        {"urn:a": (0.0, 0.0, 1), "urn:b": (0.0, 0.0, 2)}


def twins_and_pendants_graph() -> nx.Graph:
    """A two-mode graph full of what the one-pass search folds: events with the same participants (open
    twins, some in one group, some in two), a clique of actors tied to the same others (closed twins),
    actors in one event only (pendants), a self-loop, an isolated node and a second component."""
    rng = random.Random(7)
    g = nx.Graph()
    actors = [f"urn:a{i:02d}" for i in range(30)]
    for i, actor in enumerate(actors):
        g.add_node(actor, **{DEFAULT_GROUP: ("state", "intergovernmental", "other")[i % 3]})
    for e in range(25):
        for actor in rng.sample(actors[:20], rng.randint(2, 6)):
            g.add_edge(f"urn:e{e:02d}", actor)
    for copy in ("urn:e90", "urn:e91", "urn:e92"):  # ungrouped twins of urn:e00
        g.add_edges_from((copy, actor) for actor in g["urn:e00"])
    for twin in ("urn:a40", "urn:a41"):  # grouped open twins of urn:a00, one in another group
        g.add_edges_from((twin, n) for n in g["urn:a00"])
    g.nodes["urn:a40"][DEFAULT_GROUP] = g.nodes["urn:a00"][DEFAULT_GROUP]
    g.nodes["urn:a41"][DEFAULT_GROUP] = "intergovernmental" if g.nodes["urn:a00"][DEFAULT_GROUP] != "intergovernmental" else "state"
    clique = ["urn:c1", "urn:c2", "urn:c3"]  # closed twins: tied to each other and to the same two events
    for i, u in enumerate(clique):
        g.add_node(u, **{DEFAULT_GROUP: "state"})
        g.add_edges_from([(u, "urn:e01"), (u, "urn:e02")] + [(u, v) for v in clique[i + 1:]])
    for actor in actors[20:]:  # pendants: one event each
        g.add_edge(actor, f"urn:e{rng.randrange(25):02d}")
    g.add_edge("urn:e03", "urn:e03")
    g.add_node("urn:alone", **{DEFAULT_GROUP: "state"})
    g.add_edges_from([("urn:y1", "urn:y2"), ("urn:y2", "urn:y3"), ("urn:y3", "urn:y1")])
    g.nodes["urn:y1"][DEFAULT_GROUP] = "state"
    g.nodes["urn:y3"][DEFAULT_GROUP] = "intergovernmental"
    return g


def test_one_pass_with_twins_folded_gives_networkxs_numbers():
    g = twins_and_pendants_graph()
    groups = groups_of(g)
    indptr, indices = Ties.of(g).adjacency()
    codes = {"intergovernmental": 0, "other": 1, "state": 2}
    sources, weights = brandes.twin_sources(indptr, indices,
                                            np.array([codes.get(groups.get(n, ""), -1) for n in g], dtype=np.int32))
    assert len(sources) < len(g) and weights.sum() == len(g)  # twins were folded, every node still counted
    between, broker = exact_pair_measures(g, groups)
    assert_same(between, nx.betweenness_centrality(g, normalized=True))
    assert_same(broker, networkx_brokerage(g, groups))
    values = measure_values(g)
    assert_same({n: v["brokerage"] for n, v in values.items()}, networkx_brokerage(g, groups))


def test_twins_are_found_whatever_follows_them_in_node_order():
    """The last nodes with ties are twins, and isolated nodes come after them: both are still one search."""
    g = nx.Graph([("urn:hub", "urn:a"), ("urn:hub", "urn:b"), ("urn:x", "urn:a"), ("urn:x", "urn:b"),
                  ("urn:y", "urn:a"), ("urn:y", "urn:b")])
    g.add_nodes_from(["urn:alone1", "urn:alone2"])
    indptr, indices = Ties.of(g).adjacency()
    sources, weights = brandes.twin_sources(indptr, indices, np.full(len(g), -1, dtype=np.int32))
    nodes = list(g)
    assert dict(zip([nodes[i] for i in sources], weights.tolist(), strict=True)) == {
        "urn:hub": 3.0, "urn:a": 2.0, "urn:alone1": 2.0}  # the isolated pair: twins too
    assert_same(exact_pair_measures(g, {})[0], nx.betweenness_centrality(g, normalized=True))


@pytest.mark.parametrize("make", ["odd_graph", "many_batches_graph"])
def test_the_one_pass_numbers_are_the_same_on_one_core_or_two(make):
    """On a graph of four batches, and on one whose blocks search several batches each."""
    import numba

    g = globals()[make]()
    groups = groups_of(g)
    before = numba.get_num_threads()
    try:
        numba.set_num_threads(1)
        one = exact_pair_measures(g, groups)
        numba.set_num_threads(min(2, numba.config.NUMBA_NUM_THREADS))
        two = exact_pair_measures(g, groups)
    finally:
        numba.set_num_threads(before)
    assert one == two  # the same sums in the same order, bit for bit


def many_batches_graph() -> nx.Graph:
    """More sources than the blocks hold in one batch each (2,500 nodes > 64 blocks × 32 lanes), so that blocks
    search several batches: a two-mode graph of 600 grouped actors and 1,700 events, with a chain of 200 nodes
    hung from one actor (breadth-first searches of over 200 levels, more than a mask has bits)."""
    rng = random.Random(11)
    g = nx.Graph()
    actors = [f"urn:a{i:04d}" for i in range(600)]
    for i, actor in enumerate(actors):
        g.add_node(actor, **{DEFAULT_GROUP: "state" if i % 3 else "intergovernmental"})
    for e in range(1700):
        g.add_edges_from((f"urn:e{e:04d}", actor) for actor in rng.sample(actors, rng.randint(1, 5)))
    chain = [actors[0]] + [f"urn:c{i:03d}" for i in range(200)]
    g.add_edges_from(itertools.pairwise(chain))
    return g


def test_the_batched_searches_give_igraphs_numbers_on_a_graph_of_many_batches_and_deep_searches():
    g = many_batches_graph()
    assert len(g) > brandes.BLOCKS * brandes.LANES
    groups = groups_of(g)
    between, broker = exact_pair_measures(g, groups)
    n = len(g)
    indexed = to_igraph(g)
    # igraph counts each unordered pair once; networkx's normalisation divides the ordered pairs by (n-1)(n-2)
    reference = {node: 2 * value / ((n - 1) * (n - 2)) for node, value in
                 zip(indexed.nodes, indexed.graph.betweenness(directed=False), strict=True)}
    assert_same(between, reference)
    assert_same(broker, sampled_brokerage(g, groups, len(groups)))  # from every grouped source: igraph's exact count
    assert between["urn:c100"] > 0 and between["urn:c199"] == 0.0  # the chain's inside carries paths, its end none


def test_every_source_is_searched_in_one_lane_with_its_weight_and_its_group():
    g = twins_and_pendants_graph()
    groups = groups_of(g)
    codes = {"intergovernmental": 0, "other": 1, "state": 2}
    group = np.array([codes.get(groups.get(n, ""), -1) for n in g], dtype=np.int32)
    indptr, indices = Ties.of(g).adjacency()
    sources, weights = brandes.twin_sources(indptr, indices, group)
    lanes, lane_weights, owners = brandes.batches(indptr, indices, group, sources, weights, lanes=8)
    filled = lanes[lanes >= 0]
    assert sorted(filled.tolist()) == sorted(sources.tolist()) and len(set(filled.tolist())) == len(filled)
    assert (lane_weights[lanes < 0] == 0).all() and (owners[lanes < 0] == -1).all()
    weight_of = dict(zip(sources.tolist(), weights.tolist(), strict=True))
    for batch, lane in zip(*np.nonzero(lanes >= 0), strict=True):
        source = lanes[batch, lane]
        assert lane_weights[batch, lane] == weight_of[source]
        assert owners[batch, lane] == group[source]
    with pytest.raises(ValueError, match="1 to 64 sources"):
        brandes.batches(indptr, indices, group, sources, weights, lanes=65)


def test_pagerank_and_degrees_are_networkxs_to_the_bit():
    from migkg.network.measures import pagerank

    dangling = nx.Graph([("urn:a", "urn:b", {"weight": 0}), ("urn:b", "urn:c", {"weight": 2.5}),
                         ("urn:c", "urn:c", {"weight": 1.5})])
    dangling.add_node("urn:alone")
    for g in (odd_graph(), twins_and_pendants_graph(), many_batches_graph(), dangling):
        ties = Ties.of(g)
        assert pagerank(ties) == nx.pagerank(g, weight="weight")
        degree, strength = ties.degrees()
        assert dict(zip(ties.nodes, degree, strict=True)) == dict(g.degree())
        expected = dict(g.degree(weight="weight"))
        if g is dangling:  # fractional weights: networkx's own sum, in its own order
            assert strength is None
            assert {n: v["weighted_degree"] for n, v in measure_values(g).items()} == expected
            continue
        assert strength is not None and dict(zip(ties.nodes, strength, strict=True)) == expected
        assert {type(value) for value in strength} == {int}
    with pytest.raises(ValueError, match="undirected"):
        Ties.of(nx.DiGraph())


def test_the_seeds_measures_take_pagerank_and_degrees_from_networkx(seed_nets):
    for name, graph in seed_nets.items():
        g = undirected(graph)
        values = measure_values(graph)
        assert {n: v["pagerank"] for n, v in values.items()} == nx.pagerank(g, weight="weight"), name
        assert {n: v["weighted_degree"] for n, v in values.items()} == dict(g.degree(weight="weight")), name
        assert {n: v["degree"] for n, v in values.items()} == dict(g.degree()), name
