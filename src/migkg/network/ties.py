"""A network's ties as arrays, read from the networkx graph once and shared by every measure.

Reading 600,000 ties out of networkx costs about a second at 10,000 releases; the breadth-first
searches (:mod:`.brandes`), igraph (:mod:`.igraph_backend`) and PageRank (:mod:`.measures`) each
used to read them again. :meth:`Ties.of` reads them in the graph's own order (``graph.edges()``),
so every array below lists them as networkx does.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np


@dataclass(frozen=True)
class Ties:
    """An undirected graph's nodes (``nodes[i]`` is node ``i``) and ties (``rows[k]``–``cols[k]``, weighing
    ``weights[k]``; a self-loop has ``rows[k] == cols[k]``)."""

    nodes: list[str]
    index: dict[str, int]
    rows: np.ndarray
    cols: np.ndarray
    weights: list[float]

    @classmethod
    def of(cls, graph: nx.Graph, weight: str = "weight") -> Ties:
        """The ties of an undirected graph; a tie without ``weight`` weighs 1."""
        if graph.is_directed():
            raise ValueError("Ties.of takes an undirected graph (measures.undirected gives one)")
        adjacency = list(graph.adjacency())  # in the order of list(graph)
        nodes = [node for node, _ in adjacency]
        index = {node: i for i, node in enumerate(nodes)}
        rows: list[int] = []
        cols: list[int] = []
        weights: list[float] = []
        # each tie once, from its end that comes first: the order of graph.edges(), read without its views
        for i, (_, neighbours) in enumerate(adjacency):
            for neighbour, data in neighbours.items():
                j = index[neighbour]
                if j >= i:
                    rows.append(i)
                    cols.append(j)
                    weights.append(data.get(weight, 1))
        return cls(nodes, index, np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64), weights)

    def degrees(self) -> tuple[list[int], list[int] | None]:
        """Each node's degree and, when every tie weighs a whole number (an ``int``: the networks' counts), its
        weighted degree (strength), a self-loop counted twice, as networkx's ``degree()`` and
        ``degree(weight=...)`` count them; None for the strengths when some weight is fractional (networkx's sum
        then depends on the order it adds them in: ask networkx)."""
        n = len(self.nodes)
        ends = np.concatenate([self.rows, self.cols])
        degree = np.bincount(ends, minlength=n).tolist()
        weights = self.weights * 2
        if not all(type(w) is int for w in weights):
            return degree, None
        return degree, np.bincount(ends, weights=np.asarray(weights, dtype=float), minlength=n).astype(np.int64).tolist()

    def adjacency(self) -> tuple[np.ndarray, np.ndarray]:
        """CSR arrays (``indptr``, ``indices``) of the ties in both directions, self-loops left out; a node's
        neighbours in the order of its ties."""
        n = len(self.nodes)
        kept = self.rows != self.cols
        u, v = self.rows[kept], self.cols[kept]
        row = np.stack([u, v], axis=1).ravel()
        col = np.stack([v, u], axis=1).ravel().astype(np.int32)
        by_row = np.argsort(row, kind="stable")
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.add.at(indptr, row + 1, 1)
        return np.cumsum(indptr), col[by_row]
