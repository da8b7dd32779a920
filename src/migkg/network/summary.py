"""The part of a large network that a picture draws: its top actors by a measure, and what is left out.

Above :data:`SUMMARISE_ABOVE` nodes a picture of everything is a hairball whose labels nobody can
read; the picture then draws the :data:`TOP` nodes ranked highest by the measure that sizes the
nodes (ties broken by label, then IRI, so the choice repeats), the edges among them, and a note of
how many nodes and edges it leaves out. The measures are those of the whole network.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

#: networks with more nodes than this are drawn summarised
SUMMARISE_ABOVE = 300
#: nodes a summarised picture draws
TOP = 60


@dataclass(frozen=True)
class Selection:
    """The nodes drawn (in rank order) out of a network, and what that leaves out."""

    nodes: list[str]
    measure: str
    total_nodes: int
    total_edges: int
    drawn_edges: int

    @property
    def summarised(self) -> bool:
        return len(self.nodes) < self.total_nodes

    def note(self) -> str:
        """What the picture leaves out, in words (empty when it draws everything)."""
        if not self.summarised:
            return ""
        left_nodes = self.total_nodes - len(self.nodes)
        left_edges = self.total_edges - self.drawn_edges
        return (f"top {len(self.nodes):,} of {self.total_nodes:,} nodes by {self.measure.replace('_', ' ')}, "
                f"with the {self.drawn_edges:,} edges among them;\n"
                f"not drawn: the other {left_nodes:,} nodes and {left_edges:,} edges "
                f"(all are in the GraphML, GEXF and HTML files)")


def ranked(graph: nx.Graph, measure: str) -> list[str]:
    """The nodes from the highest ``measure`` down; ties by label, then by IRI."""
    return sorted(graph.nodes, key=lambda n: (-float(graph.nodes[n].get(measure) or 0.0),
                                              str(graph.nodes[n].get("label", "")), str(n)))


def select(graph: nx.Graph, measure: str, top: int = TOP, summarise_above: int = SUMMARISE_ABOVE) -> Selection:
    """All nodes of a network up to ``summarise_above`` nodes, else its ``top`` nodes by ``measure``
    (the graph's nodes carry the measures: :func:`migkg.network.measures.add_measures`)."""
    if top < 1:
        raise ValueError(f"top={top}: a summarised picture draws at least one node")
    nodes = list(graph.nodes) if graph.number_of_nodes() <= summarise_above else ranked(graph, measure)[:top]
    drawn = graph.subgraph(nodes).number_of_edges()
    return Selection(nodes, measure, graph.number_of_nodes(), graph.number_of_edges(), drawn)


def subgraph(graph: nx.Graph, selection: Selection) -> nx.Graph:
    """A copy of the graph restricted to the selected nodes (the graph itself when nothing is left out),
    built in sorted order so that its layout repeats (a subgraph view follows a set's hash order)."""
    if not selection.summarised:
        return graph
    chosen = set(selection.nodes)
    part = graph.__class__()
    part.graph.update(graph.graph)
    part.add_nodes_from((n, graph.nodes[n]) for n in sorted(chosen))
    part.add_edges_from(sorted(((u, v, d) for u, v, d in graph.edges(data=True) if u in chosen and v in chosen),
                               key=lambda e: (e[0], e[1])))
    return part
