"""Measures in igraph's C code: betweenness from sampled sources (the estimates) and Louvain communities.

networkx computes betweenness in pure Python (a breadth-first search from every node, about
nodes × edges steps): 45 s on the 1,441-node actor-event network of 1,000 synthetic releases,
where igraph takes about a second for the same numbers. (Exact betweenness and brokerage are
:mod:`.brandes`'s, faster still.) :func:`to_igraph` copies an undirected networkx graph (or its
:class:`~migkg.network.ties.Ties`) into igraph once (vertex ``i`` is the ``i``-th node in the graph's
own order), and the functions here take that copy and answer per node, in the same order.

- :func:`path_betweenness`: igraph ``Graph.betweenness``, unweighted. Unlike networkx, igraph counts
  each unordered pair of an undirected graph once, and with ``sources``/``targets`` it counts the
  pairs from a source to a target, halved (so that every pair, reached from both ends, counts once);
  :mod:`.measures` scales the sums as networkx does.
- :func:`louvain_membership`: igraph ``community_multilevel`` (Blondel et al.'s Louvain method, as
  networkx's ``louvain_communities``), weighted, resolution 1, the last level. igraph draws its random
  numbers from a Python ``random.Random``; here a private one seeded with ``seed``, so the same
  network and seed give the same partition every time, whatever else uses ``random``.
"""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import igraph as ig
import networkx as nx

from migkg.network.ties import Ties


@dataclass(frozen=True)
class IndexedGraph:
    """An undirected networkx graph copied into igraph: ``nodes[i]`` is igraph's vertex ``i``."""

    graph: ig.Graph
    nodes: list[str]
    index: dict[str, int]
    weights: list[float]

    def vertices(self, nodes: Sequence[str]) -> list[int]:
        return [self.index[node] for node in nodes]

    def by_node(self, values: Sequence[float]) -> dict[str, float]:
        return dict(zip(self.nodes, values, strict=True))


def to_igraph(graph: nx.Graph | Ties, weight: str = "weight") -> IndexedGraph:
    """The graph in igraph (undirected: the caller passes the undirected form, or its :class:`Ties`); weights
    default to 1."""
    ties = graph if isinstance(graph, Ties) else Ties.of(graph, weight)
    graph_copy = ig.Graph(n=len(ties.nodes), directed=False)
    graph_copy.add_edges(list(zip(ties.rows.tolist(), ties.cols.tolist(), strict=True)))
    return IndexedGraph(graph_copy, ties.nodes, ties.index, ties.weights)


def path_betweenness(indexed: IndexedGraph, sources: Sequence[str] | None = None,
                     targets: Sequence[str] | None = None) -> list[float]:
    """igraph's unnormalised, unweighted betweenness of every vertex (see the module docstring for how it counts)."""
    if not indexed.nodes:
        return []
    if sources is None and targets is None:
        return list(indexed.graph.betweenness(directed=False))
    return list(indexed.graph.betweenness(
        directed=False, sources=None if sources is None else indexed.vertices(sources),
        targets=None if targets is None else indexed.vertices(targets)))


def louvain_membership(indexed: IndexedGraph, seed: int) -> list[int]:
    """The community of every vertex (igraph's numbers), by Louvain on the weighted ties, seeded."""
    previous = random  # igraph's default generator is the random module itself
    ig.set_random_number_generator(random.Random(seed))
    try:
        found = indexed.graph.community_multilevel(weights=indexed.weights or None, return_levels=False)
    finally:
        ig.set_random_number_generator(previous)
    return list(found.membership)
