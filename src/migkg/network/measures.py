"""Social-network measures of one network, as a ranked table and as node attributes.

All measures are taken on the undirected form of the network (a directed tie counts as a tie
between its two ends; reciprocal ties merge and their weights add up):

- ``degree``: the number of neighbours;
- ``weighted_degree``: the sum of the weights of the node's ties (its strength);
- ``betweenness``: the share of shortest paths between other pairs that pass through the node
  (networkx ``betweenness_centrality``'s numbers, normalised by (n-1)(n-2)/2; paths
  counted in ties, not weights, since a weight here is a count of shared events or facts, not a distance);
- ``pagerank``: PageRank on the weighted ties (damping 0.85; networkx's power iteration, :func:`pagerank`);
- ``community``: the Louvain community (igraph ``community_multilevel``, seeded: the Louvain method of
  networkx ``louvain_communities``, which migkg used before, about ten times faster; the two give the
  same communities on the seed release, but not node for node on large networks), numbered 1, 2, …
  from the largest; ties broken by the first IRI;
- ``brokerage``: how much the node stands between groups. For every unordered pair of nodes in
  *different* groups (the ``sector`` attribute by default: ``state`` or ``intergovernmental``), the
  share of their shortest paths that pass through the node, summed over the pairs. It is betweenness
  restricted to pairs across groups, unnormalised, so 1.0 means "the only go-between of one pair".
  Nodes with no group (events, posts, topics) are never the ends of a pair but can be go-betweens;
- ``groups_linked``: how many groups other than its own the node's neighbours belong to.

Exact betweenness and brokerage come from one breadth-first search per source for both, 32 sources
at a time, compiled and run on every core (:mod:`.brandes`, numba); estimates and communities from
igraph (:mod:`.igraph_backend`), PageRank from networkx's power iteration on the same matrix. The
ties are read out of networkx once (:class:`~migkg.network.ties.Ties`) for all of them. The searches
still cost about nodes × edges. On a network of more than
``exact_up_to`` nodes (:data:`EXACT_UP_TO`) both are *estimated*
from ``samples`` source nodes (:data:`SAMPLES`) drawn with the seed ``seed`` (the one Louvain uses),
so the same network gives the same values every time: betweenness as networkx
``betweenness_centrality(k=samples, seed=seed)`` estimates it (the same sources, the same
scaling), brokerage from sources drawn among the grouped nodes, both scaled up to the whole
network (unbiased). :func:`sampling` tells which measures a network gets estimated, and
:func:`add_measures` records it on the graph (``betweenness_sample``, ``brokerage_sample``: the
number of sources; ``sample_seed``). Degree, weighted degree, PageRank, Louvain and
``groups_linked`` are never sampled. docs/analysts.md gives the error and the timings.
"""
from __future__ import annotations

import random
from collections.abc import Mapping

import networkx as nx
import numpy as np
import scipy.sparse

from migkg.network import brandes
from migkg.network.graphs import add_edge
from migkg.network.igraph_backend import IndexedGraph, louvain_membership, path_betweenness, to_igraph
from migkg.network.ties import Ties

MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank", "community", "brokerage", "groups_linked")
DEFAULT_SEED = 42
DEFAULT_GROUP = "sector"
#: networks with more nodes than this get betweenness and brokerage estimated from sampled sources: every
#: network of 10,000 synthetic releases (2,576 to 11,663 nodes) is exact, the five in 7-12 s on this 2-core
#: machine (docs/analysts.md); the searches cost about nodes × edges, so a network at the threshold with
#: as many ties per node as actor-event costs some 1.7 times that network's 3-6 s
EXACT_UP_TO = 15000
#: how many source nodes the estimates start from
SAMPLES = 100
#: the node attributes each row of the table repeats before the measures
NODE_COLUMNS = ("iri", "label", "label_ru", "label_en", "type", "side_label", "sector")


def undirected(graph: nx.Graph, weights_only: bool = False) -> nx.Graph:
    """The network as an undirected graph; reciprocal directed ties merge (weights added, evidence joined). With
    ``weights_only`` the ties carry their weights and nothing else: what the measures read (copying the evidence
    cost them a second at 10,000 releases)."""
    if not graph.is_directed():
        return graph
    result = nx.Graph(**graph.graph)
    result.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        add_edge(result, u, v, ({"weight": data["weight"]} if "weight" in data else {}) if weights_only else data)
    return result


def sampling(graph: nx.Graph, group: str = DEFAULT_GROUP, exact_up_to: int = EXACT_UP_TO,
             samples: int = SAMPLES) -> dict[str, int]:
    """The measures estimated on this graph, each with its number of sampled sources; empty when all are exact.

    A network of at most ``exact_up_to`` nodes is measured exactly. A larger one gets betweenness
    from ``samples`` of its nodes and brokerage from ``samples`` of its grouped nodes, unless there
    are no more of those than ``samples`` (then that measure is exact anyway).
    """
    if graph.number_of_nodes() <= exact_up_to:
        return {}
    if samples < 2:
        raise ValueError(f"samples={samples}: an estimate needs at least 2 sampled sources")
    grouped = sum(1 for _, value in graph.nodes(data=group) if value is not None)
    return {name: samples for name, population in (("betweenness", graph.number_of_nodes()), ("brokerage", grouped))
            if samples < population}


def betweenness(graph: nx.Graph, sources: int | None = None, seed: int = DEFAULT_SEED,
                indexed: IndexedGraph | None = None) -> dict[str, float]:
    """Betweenness, normalised as networkx's ``betweenness_centrality(normalized=True)``.

    Exact (``sources`` None, or at least as many as nodes): every pair (:func:`exact_pair_measures`). Else
    estimated by igraph from ``sources`` nodes drawn as networkx draws them (``random.Random(seed).sample`` of
    the nodes in the graph's order) and scaled as networkx 3.5+ scales them, so the values are networkx's
    ``betweenness_centrality(k=sources, seed=seed)``. ``graph`` is undirected; ``indexed``, its
    copy in igraph if the caller already has one (:func:`~migkg.network.igraph_backend.to_igraph`).
    """
    n = graph.number_of_nodes()
    if sources is None or sources >= n:
        return exact_pair_measures(graph, {})[0]
    indexed = to_igraph(graph) if indexed is None else indexed
    drawn = random.Random(seed).sample(list(graph.nodes()), sources)
    raw = path_betweenness(indexed, sources=drawn)  # from the drawn sources to every node, halved
    if n < 3:
        return indexed.by_node(raw)
    chosen = set(drawn)
    on_source, on_other = 2 / ((sources - 1) * (n - 2)), 2 / (sources * (n - 2))
    return {node: value * (on_source if node in chosen else on_other) for node, value in zip(indexed.nodes, raw, strict=True)}


def brokerage(graph: nx.Graph, groups: Mapping[str, str], sources: int | None = None,
              seed: int = DEFAULT_SEED, indexed: IndexedGraph | None = None) -> dict[str, float]:
    """Betweenness restricted to pairs of nodes in different groups, unnormalised (see the module docstring).

    Exact (``sources`` None): :func:`exact_pair_measures`, each pair across groups counted once.
    Estimated: see :func:`sampled_brokerage`.
    """
    if sources is not None and sources < sum(1 for node in graph if node in groups):
        return sampled_brokerage(graph, groups, sources, seed, indexed)
    return exact_pair_measures(graph, groups)[1]


def exact_pair_measures(graph: nx.Graph | Ties, groups: Mapping[str, str]) -> tuple[dict[str, float], dict[str, float]]:
    """Exact betweenness (normalised as networkx's) and brokerage (``groups``: node -> group) of every node of
    the undirected ``graph`` (or its :class:`Ties`), from one breadth-first search per source for both
    (:mod:`.brandes`)."""
    ties = graph if isinstance(graph, Ties) else Ties.of(graph)
    codes = {name: number for number, name in enumerate(sorted(set(groups.values())))}
    group = np.fromiter((codes[groups[node]] if node in groups else -1 for node in ties.nodes), dtype=np.int32,
                        count=len(ties.nodes))
    ordered_pairs, across = brandes.pair_dependencies(ties, group)
    n = len(ties.nodes)
    # every ordered pair (s, t): networkx divides betweenness by (n-1)(n-2); brokerage counts each unordered pair once
    scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return (dict(zip(ties.nodes, (ordered_pairs * scale).tolist(), strict=True)),
            dict(zip(ties.nodes, (across / 2).tolist(), strict=True)))


def pagerank(ties: Ties, alpha: float = 0.85, max_iter: int = 100, tol: float = 1.0e-6) -> dict[str, float]:
    """PageRank on the weighted ties: networkx ``pagerank(g, weight="weight")``'s power iteration, step for step
    (``networkx.algorithms.link_analysis.pagerank_alg._pagerank_scipy``, networkx 3.5-3.6), on the matrix
    ``to_scipy_sparse_array`` builds from the same ties in the same order, so the numbers are networkx's;
    without reading the ties out of the graph a second time."""
    n = len(ties.nodes)
    if n == 0:
        return {}
    loops = ties.rows == ties.cols
    weights = np.asarray(ties.weights, dtype=float)
    data = np.concatenate([weights, weights, -weights[loops]])  # a self-loop symmetrised twice, then once removed
    row = np.concatenate([ties.rows, ties.cols, ties.rows[loops]])
    col = np.concatenate([ties.cols, ties.rows, ties.rows[loops]])
    matrix = scipy.sparse.coo_array((data, (row, col)), shape=(n, n), dtype=float).asformat("csr")
    out = matrix.sum(axis=1)
    out[out != 0] = 1.0 / out[out != 0]
    matrix = scipy.sparse.dia_array((out.T, 0), shape=matrix.shape).tocsr() @ matrix
    x = np.repeat(1.0 / n, n)
    p = np.repeat(1.0 / n, n)
    dangling = np.where(out == 0)[0]
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ matrix + sum(x[dangling]) * p) + (1 - alpha) * p
        if np.absolute(x - last).sum() < n * tol:
            return dict(zip(ties.nodes, map(float, x), strict=True))
    raise nx.PowerIterationFailedConvergence(max_iter)


def sampled_brokerage(graph: nx.Graph, groups: Mapping[str, str], sources: int,
                      seed: int = DEFAULT_SEED, indexed: IndexedGraph | None = None) -> dict[str, float]:
    """Brokerage estimated from ``sources`` grouped nodes drawn with ``seed`` (``random.Random(seed).sample``).

    For the drawn sources of each group, the betweenness from them to the grouped nodes of the other
    groups (igraph; the numbers of networkx's ``betweenness_centrality_subset(normalized=False)``,
    which halves as the exact count does); the sum is scaled up to all grouped nodes as networkx
    scales sampled betweenness: a node's own search adds nothing to it, so a drawn node's score is
    scaled by (N−1)/(k−1), another grouped node's by (N−1)/k and an ungrouped node's by N/k (N
    grouped nodes, k drawn). With k = N this is the exact count.
    """
    grouped = [node for node in graph if node in groups]
    if sources < 2:
        raise ValueError(f"sources={sources}: an estimate needs at least 2 sampled sources")
    indexed = to_igraph(graph) if indexed is None else indexed
    drawn = random.Random(seed).sample(grouped, min(sources, len(grouped)))
    score = [0.0] * graph.number_of_nodes()
    for name in sorted({groups[node] for node in drawn}):
        part = path_betweenness(indexed, sources=[node for node in drawn if groups[node] == name],
                                targets=[node for node in grouped if groups[node] != name])
        score = [total + value for total, value in zip(score, part, strict=True)]
    population, k, chosen = len(grouped), len(drawn), set(drawn)
    if k == population:  # every source: nothing to scale
        return indexed.by_node(score)
    return {node: value * ((population - 1) / (k - 1) if node in chosen else
                           (population - 1) / k if node in groups else population / k)
            for node, value in zip(indexed.nodes, score, strict=True)}


def communities(graph: nx.Graph, seed: int = DEFAULT_SEED, indexed: IndexedGraph | None = None) -> dict[str, int]:
    """Louvain communities (igraph, seeded), numbered from 1 by size (largest first), then by their first IRI."""
    indexed = to_igraph(graph) if indexed is None else indexed
    found: dict[int, list[str]] = {}
    for node, label in zip(indexed.nodes, louvain_membership(indexed, seed), strict=True):
        found.setdefault(label, []).append(node)
    ordered = sorted((sorted(members) for members in found.values()), key=lambda members: (-len(members), members[0]))
    return {node: number for number, members in enumerate(ordered, start=1) for node in members}


def measure_values(graph: nx.Graph, group: str = DEFAULT_GROUP, seed: int = DEFAULT_SEED,
                   exact_up_to: int = EXACT_UP_TO, samples: int = SAMPLES) -> dict[str, dict[str, object]]:
    """Every measure of every node: node IRI -> measure name -> value (estimates as :func:`sampling` says)."""
    g = undirected(graph, weights_only=True)
    groups = {n: str(d[group]) for n, d in g.nodes(data=True) if d.get(group) is not None}
    sampled = sampling(g, group, exact_up_to, samples)
    ties = Ties.of(g)
    degrees, strengths = ties.degrees()
    degree = dict(zip(ties.nodes, degrees, strict=True))
    strength = dict(g.degree(weight="weight")) if strengths is None else dict(zip(ties.nodes, strengths, strict=True))
    indexed = to_igraph(ties)
    if sampled:
        between = betweenness(g, sampled.get("betweenness"), seed, indexed)
        broker = brokerage(g, groups, sampled.get("brokerage"), seed, indexed)
    else:
        between, broker = exact_pair_measures(ties, groups)
    ranks = pagerank(ties)
    community = communities(g, seed, indexed)
    values: dict[str, dict[str, object]] = {}
    for node in g:
        linked = {groups[n] for n in g[node] if n in groups} - {groups.get(node)}
        values[node] = {"degree": degree[node], "weighted_degree": strength[node],
                        "betweenness": between[node], "pagerank": ranks[node],
                        "community": community[node], "brokerage": broker[node], "groups_linked": len(linked)}
    return values


def measure_table(graph: nx.Graph, by: str = "degree", group: str = DEFAULT_GROUP, seed: int = DEFAULT_SEED,
                  exact_up_to: int = EXACT_UP_TO, samples: int = SAMPLES) -> list[dict[str, object]]:
    """One row per node, ranked by the measure ``by`` (highest first; ties by betweenness, then label).

    Which measures are estimates: :func:`sampling` with the same arguments.
    """
    if by not in MEASURES:
        raise ValueError(f"{by!r}: no such measure; choose one of {', '.join(MEASURES)}")
    values = measure_values(graph, group, seed, exact_up_to, samples)
    rows = []
    for node, measures in values.items():
        data = graph.nodes[node]
        rows.append({**{c: data.get(c) for c in NODE_COLUMNS}, **measures})
    rows.sort(key=lambda r: (-r[by], -r["betweenness"], str(r["label"]), str(r["iri"])))
    return [{"rank": rank, **row} for rank, row in enumerate(rows, start=1)]


def add_measures(graph: nx.Graph, group: str = DEFAULT_GROUP, seed: int = DEFAULT_SEED,
                 exact_up_to: int = EXACT_UP_TO, samples: int = SAMPLES) -> nx.Graph:
    """A copy of the graph whose nodes also carry every measure (for exports and pictures).

    Where a measure is estimated, the graph says so: ``betweenness_sample`` and ``brokerage_sample``
    (the number of sampled sources) and ``sample_seed``; an exactly measured graph gets none of them.
    """
    values = measure_values(graph, group, seed, exact_up_to, samples)
    return carrying(graph, values, sampling(graph, group, exact_up_to, samples), seed)


def carrying(graph: nx.Graph, values: Mapping[str, Mapping[str, object]], sampled: Mapping[str, int],
             seed: int = DEFAULT_SEED) -> nx.Graph:
    """A copy of the graph whose nodes also carry ``values`` (:func:`measure_values`), and whose graph says which
    were estimated (``sampled``: :func:`sampling`) and with what seed."""
    result = graph.copy()
    for node, measures in values.items():
        result.nodes[node].update(measures)
    for name, sources in sampled.items():
        result.graph[f"{name}_sample"] = sources
    if sampled:
        result.graph["sample_seed"] = seed
    return result


def ties_by_side(graph: nx.Graph) -> dict[str, int]:
    """How many ties each side holds: the distinct edges with at least one end among its members."""
    counts: dict[str, int] = {}
    for u, v in graph.edges():
        for side in {graph.nodes[u].get("side"), graph.nodes[v].get("side")} - {None}:
            counts[side] = counts.get(side, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
