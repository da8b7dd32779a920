"""Social-network measures of one network, as a ranked table and as node attributes.

All measures are taken on the undirected form of the network (a directed tie counts as a tie
between its two ends; reciprocal ties merge and their weights add up):

- ``degree``: the number of neighbours;
- ``weighted_degree``: the sum of the weights of the node's ties (its strength);
- ``betweenness``: the share of shortest paths between other pairs that pass through the node
  (networkx ``betweenness_centrality``, normalised by (n-1)(n-2)/2; paths counted in ties, not weights,
  since a weight here is a count of shared events or facts, not a distance);
- ``pagerank``: PageRank on the weighted ties (damping 0.85);
- ``community``: the Louvain community (networkx ``louvain_communities`` with a fixed seed),
  numbered 1, 2, … from the largest; ties broken by the first IRI;
- ``brokerage``: how much the node stands between groups. For every unordered pair of nodes in
  *different* groups (the ``sector`` attribute by default: ``state`` or ``intergovernmental``), the
  share of their shortest paths that pass through the node, summed over the pairs. It is betweenness
  restricted to pairs across groups, unnormalised, so 1.0 means "the only go-between of one pair".
  Nodes with no group (events, posts, topics) are never the ends of a pair but can be go-betweens;
- ``groups_linked``: how many groups other than its own the node's neighbours belong to.

Betweenness and brokerage cost a breadth-first search from every source node (time about nodes ×
edges): exact, they took 18 s on the 830-node combined network of 1,000 synthetic releases and
would take about 40 minutes on the five networks of 10,000 (estimated as below: about 1 minute).
On a network of more than ``exact_up_to`` nodes (:data:`EXACT_UP_TO`) both are *estimated* from
``samples`` source nodes (:data:`SAMPLES`) drawn with the seed ``seed`` (the one Louvain uses), so
the same network gives the same values every time: betweenness by networkx
``betweenness_centrality(k=samples, seed=seed)``, brokerage by networkx
``betweenness_centrality_subset`` from sources drawn among the grouped nodes, both scaled up to the
whole network (unbiased). :func:`sampling` tells which measures a network gets estimated, and
:func:`add_measures` records it on the graph (``betweenness_sample``, ``brokerage_sample``: the
number of sources; ``sample_seed``). Degree, weighted degree, PageRank, Louvain and
``groups_linked`` are never sampled. docs/analysts.md gives the error and the timings.
"""
from __future__ import annotations

import random
from collections import deque
from collections.abc import Mapping

import networkx as nx

from migkg.network.graphs import add_edge

MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank", "community", "brokerage", "groups_linked")
DEFAULT_SEED = 42
DEFAULT_GROUP = "sector"
#: networks with more nodes than this get betweenness and brokerage estimated from sampled sources
EXACT_UP_TO = 1000
#: how many source nodes the estimates start from
SAMPLES = 100
#: the node attributes each row of the table repeats before the measures
NODE_COLUMNS = ("iri", "label", "label_ru", "label_en", "type", "side_label", "sector")


def undirected(graph: nx.Graph) -> nx.Graph:
    """The network as an undirected graph; reciprocal directed ties merge (weights added, evidence joined)."""
    if not graph.is_directed():
        return graph
    result = nx.Graph(**graph.graph)
    result.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        add_edge(result, u, v, data)
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


def betweenness(graph: nx.Graph, sources: int | None = None, seed: int = DEFAULT_SEED) -> dict[str, float]:
    """networkx betweenness, normalised; from ``sources`` nodes drawn with ``seed`` if given, else exact."""
    if sources is None or sources >= graph.number_of_nodes():
        return nx.betweenness_centrality(graph, normalized=True)
    return nx.betweenness_centrality(graph, k=sources, normalized=True, seed=seed)


def brokerage(graph: nx.Graph, groups: Mapping[str, str], sources: int | None = None,
              seed: int = DEFAULT_SEED) -> dict[str, float]:
    """Betweenness restricted to pairs of nodes in different groups, unnormalised (see the module docstring).

    Exact (``sources`` None): Brandes' accumulation, with only the nodes of another group than the
    source counting as targets; every pair is reached from both its ends, hence the halving at the end.
    Estimated: see :func:`sampled_brokerage`.
    """
    if sources is not None and sources < sum(1 for node in graph if node in groups):
        return sampled_brokerage(graph, groups, sources, seed)
    score = dict.fromkeys(graph, 0.0)
    for source in graph:
        if source not in groups:
            continue
        order: list[str] = []
        predecessors: dict[str, list[str]] = {source: []}
        paths = {source: 1}
        distance = {source: 0}
        queue = deque([source])
        while queue:
            v = queue.popleft()
            order.append(v)
            for w in graph[v]:
                if w not in distance:
                    distance[w] = distance[v] + 1
                    paths[w] = 0
                    predecessors[w] = []
                    queue.append(w)
                if distance[w] == distance[v] + 1:
                    paths[w] += paths[v]
                    predecessors[w].append(v)
        dependency = dict.fromkeys(order, 0.0)
        for w in reversed(order):
            is_target = 1.0 if w in groups and groups[w] != groups[source] else 0.0
            for v in predecessors[w]:
                dependency[v] += paths[v] / paths[w] * (is_target + dependency[w])
            if w != source:
                score[w] += dependency[w]
    return {node: value / 2 for node, value in score.items()}


def sampled_brokerage(graph: nx.Graph, groups: Mapping[str, str], sources: int,
                      seed: int = DEFAULT_SEED) -> dict[str, float]:
    """Brokerage estimated from ``sources`` grouped nodes drawn with ``seed`` (``random.Random(seed).sample``).

    For the drawn sources of each group, networkx ``betweenness_centrality_subset`` with the grouped
    nodes of the other groups as targets (unnormalised, it halves as the exact count does); the sum
    is scaled up to all grouped nodes as networkx scales sampled betweenness: a node's own search
    adds nothing to it, so a drawn node's score is scaled by (N−1)/(k−1), another grouped node's by
    (N−1)/k and an ungrouped node's by N/k (N grouped nodes, k drawn). With k = N this is the exact count.
    """
    grouped = [node for node in graph if node in groups]
    if sources < 2:
        raise ValueError(f"sources={sources}: an estimate needs at least 2 sampled sources")
    drawn = random.Random(seed).sample(grouped, min(sources, len(grouped)))
    score = dict.fromkeys(graph, 0.0)
    for name in sorted({groups[node] for node in drawn}):
        part = nx.betweenness_centrality_subset(graph, sources=[node for node in drawn if groups[node] == name],
                                                targets=[node for node in grouped if groups[node] != name],
                                                normalized=False)
        for node, value in part.items():
            score[node] += value
    population, k, chosen = len(grouped), len(drawn), set(drawn)
    if k == population:  # every source: nothing to scale
        return score
    return {node: value * ((population - 1) / (k - 1) if node in chosen else
                           (population - 1) / k if node in groups else population / k)
            for node, value in score.items()}


def communities(graph: nx.Graph, seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Louvain communities, numbered from 1 by size (largest first), then by their first IRI."""
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed) if graph.number_of_edges() else \
        [{n} for n in graph]
    ordered = sorted((sorted(c) for c in found), key=lambda members: (-len(members), members[0]))
    return {node: number for number, members in enumerate(ordered, start=1) for node in members}


def measure_values(graph: nx.Graph, group: str = DEFAULT_GROUP, seed: int = DEFAULT_SEED,
                   exact_up_to: int = EXACT_UP_TO, samples: int = SAMPLES) -> dict[str, dict[str, object]]:
    """Every measure of every node: node IRI -> measure name -> value (estimates as :func:`sampling` says)."""
    g = undirected(graph)
    groups = {n: str(d[group]) for n, d in g.nodes(data=True) if d.get(group) is not None}
    sampled = sampling(g, group, exact_up_to, samples)
    degree = dict(g.degree())
    strength = dict(g.degree(weight="weight"))
    between = betweenness(g, sampled.get("betweenness"), seed)
    pagerank = nx.pagerank(g, weight="weight") if g.number_of_nodes() else {}
    community = communities(g, seed)
    broker = brokerage(g, groups, sampled.get("brokerage"), seed)
    values = {}
    for node in g:
        linked = {groups[n] for n in g[node] if n in groups} - {groups.get(node)}
        values[node] = {"degree": degree[node], "weighted_degree": strength[node],
                        "betweenness": between[node], "pagerank": pagerank[node],
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
    result = graph.copy()
    for node, measures in measure_values(graph, group, seed, exact_up_to, samples).items():
        result.nodes[node].update(measures)
    sampled = sampling(graph, group, exact_up_to, samples)
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
