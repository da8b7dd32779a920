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
"""
from __future__ import annotations

from collections import deque
from collections.abc import Mapping

import networkx as nx

from .graphs import add_edge

MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank", "community", "brokerage", "groups_linked")
DEFAULT_SEED = 42
DEFAULT_GROUP = "sector"
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


def brokerage(graph: nx.Graph, groups: Mapping[str, str]) -> dict[str, float]:
    """Betweenness restricted to pairs of nodes in different groups, unnormalised (see the module docstring).

    Brandes' accumulation, with only the nodes of another group than the source counting as targets;
    every pair is reached from both its ends, hence the halving at the end.
    """
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


def communities(graph: nx.Graph, seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Louvain communities, numbered from 1 by size (largest first), then by their first IRI."""
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed) if graph.number_of_edges() else \
        [{n} for n in graph]
    ordered = sorted((sorted(c) for c in found), key=lambda members: (-len(members), members[0]))
    return {node: number for number, members in enumerate(ordered, start=1) for node in members}


def measure_values(graph: nx.Graph, group: str = DEFAULT_GROUP, seed: int = DEFAULT_SEED) -> dict[str, dict[str, object]]:
    """Every measure of every node: node IRI -> measure name -> value."""
    g = undirected(graph)
    groups = {n: str(d[group]) for n, d in g.nodes(data=True) if d.get(group) is not None}
    degree = dict(g.degree())
    strength = dict(g.degree(weight="weight"))
    betweenness = nx.betweenness_centrality(g, normalized=True)
    pagerank = nx.pagerank(g, weight="weight") if g.number_of_nodes() else {}
    community = communities(g, seed)
    broker = brokerage(g, groups)
    values = {}
    for node in g:
        linked = {groups[n] for n in g[node] if n in groups} - {groups.get(node)}
        values[node] = {"degree": degree[node], "weighted_degree": strength[node],
                        "betweenness": betweenness[node], "pagerank": pagerank[node],
                        "community": community[node], "brokerage": broker[node], "groups_linked": len(linked)}
    return values


def measure_table(graph: nx.Graph, by: str = "degree", group: str = DEFAULT_GROUP,
                  seed: int = DEFAULT_SEED) -> list[dict[str, object]]:
    """One row per node, ranked by the measure ``by`` (highest first; ties by betweenness, then label)."""
    if by not in MEASURES:
        raise ValueError(f"{by!r}: no such measure; choose one of {', '.join(MEASURES)}")
    values = measure_values(graph, group, seed)
    rows = []
    for node, measures in values.items():
        data = graph.nodes[node]
        rows.append({**{c: data.get(c) for c in NODE_COLUMNS}, **measures})
    rows.sort(key=lambda r: (-r[by], -r["betweenness"], str(r["label"]), str(r["iri"])))  # type: ignore[operator]
    return [{"rank": rank, **row} for rank, row in enumerate(rows, start=1)]


def add_measures(graph: nx.Graph, group: str = DEFAULT_GROUP, seed: int = DEFAULT_SEED) -> nx.Graph:
    """A copy of the graph whose nodes also carry every measure (for exports and pictures)."""
    result = graph.copy()
    for node, measures in measure_values(graph, group, seed).items():
        result.nodes[node].update(measures)
    return result


def ties_by_side(graph: nx.Graph) -> dict[str, int]:
    """How many ties each side holds: the distinct edges with at least one end among its members."""
    counts: dict[str, int] = {}
    for u, v in graph.edges():
        for side in {graph.nodes[u].get("side"), graph.nodes[v].get("side")} - {None}:
            counts[side] = counts.get(side, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
