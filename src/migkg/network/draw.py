"""Static pictures of a network (PNG and SVG) with matplotlib: colour by type, size by a measure, a legend.

Labels are drawn in DejaVu Sans, which ships with matplotlib and covers Latin and Cyrillic, so
a picture is legible on any machine; the SVG draws text as paths, so it needs no font at all.
The layout is networkx's spring layout with a fixed seed, and the files carry no date, so the
same graph gives the same bytes. Labels are placed off the markers and off each other
(:mod:`migkg.network.labels`); above a few hundred nodes the picture draws the top actors by the
size measure and says what it leaves out (:mod:`migkg.network.summary`).
"""
from __future__ import annotations

import io
import math
import textwrap

import networkx as nx

from migkg.network.labels import place_labels
from migkg.network.measures import MEASURES, add_measures
from migkg.network.summary import SUMMARISE_ABOVE, TOP, ranked, select, subgraph

FONT = "DejaVu Sans"
#: colour of each node type (Okabe–Ito palette, safe for colour-blind readers); the legend follows this order
TYPE_COLOURS = {
    "state": "#0072B2",
    "government": "#56B4E9",
    "ministry": "#009E73",
    "intergovernmental-organization": "#D55E00",
    "person": "#E69F00",
    "post": "#CC79A7",
    "event": "#332288",
    "topic": "#F0E442",
    "process": "#882255",
}
OTHER_COLOUR = "#999999"
LANGUAGES = ("both", "ru", "en")
SEED = 7
SMALLEST, LARGEST = 120.0, 1600.0  # marker areas, points²
MARKER_EDGE = 1.2  # width of the white ring round a marker, points


def colour(node_type: object) -> str:
    return TYPE_COLOURS.get(str(node_type), OTHER_COLOUR)


def node_text(data: dict, lang: str = "both", width: int = 26) -> str:
    """The label to draw: Russian and English on two lines (or one language), wrapped to ``width``."""
    names = {"ru": data.get("label_ru"), "en": data.get("label_en")}
    chosen = [names["ru"], names["en"]] if lang == "both" else [names[lang]]
    lines = [textwrap.fill(str(n), width) for n in dict.fromkeys(chosen) if n] or [str(data.get("label"))]
    return "\n".join(lines)


def _spread(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """One connected graph in the unit disc: a spring layout (fixed seed), spread out by rank.

    A hub-and-clique network (many actors at one event) puts most nodes in a small core and a few
    far out; each node keeps its direction from the centre, and its distance becomes the mean of its
    distance (over the largest) and its rank among the distances (square-rooted, which alone would
    spread the nodes evenly over the disc): the core opens up, and a chain keeps its proportions.
    """
    if graph.number_of_nodes() == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    layout = nx.spring_layout(graph, seed=seed, weight=None, iterations=200)
    cx = sum(float(p[0]) for p in layout.values()) / len(layout)
    cy = sum(float(p[1]) for p in layout.values()) / len(layout)
    polar = {n: (math.hypot(x - cx, y - cy), math.atan2(y - cy, x - cx)) for n, (x, y) in layout.items()}
    order = sorted(polar, key=lambda n: (polar[n][0], n))
    farthest = max(polar[n][0] for n in order) or 1.0
    radius = {n: (polar[n][0] / farthest + math.sqrt((i + 1) / len(order))) / 2 for i, n in enumerate(order)}
    return {n: (radius[n] * math.cos(polar[n][1]), radius[n] * math.sin(polar[n][1])) for n in layout}


def positions(graph: nx.Graph, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Each connected component laid out on its own (:func:`_spread`), in a disc whose area grows with its
    size, and the discs placed in rows, largest first, so that no component is squeezed by another."""
    undirected = graph.to_undirected() if graph.is_directed() else graph
    components = sorted((sorted(c) for c in nx.connected_components(undirected)), key=lambda c: (-len(c), c[0]))
    radii = [0.55 * math.sqrt(len(c)) for c in components]
    row_width = max([2 * r for r in radii] + [1.15 * math.sqrt(sum((2 * r) ** 2 for r in radii))])
    result: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for members, r in zip(components, radii, strict=True):
        if x > 0 and x + 2 * r > row_width:
            x, y, row_height = 0.0, y - row_height - 0.6, 0.0
        component = nx.Graph()  # built in sorted order: a subgraph view would follow a set's (hash) order
        component.add_nodes_from(members)
        component.add_edges_from(sorted(tuple(sorted(e)) for e in undirected.edges(members)))
        for node, (px, py) in _spread(component, seed).items():
            result[node] = (x + r + r * px, y - r + r * py)
        x += 2 * r + 0.6
        row_height = max(row_height, 2 * r)
    return result


def sizes(values: list[float]) -> list[float]:
    """Marker areas proportional to the measure, between SMALLEST and LARGEST."""
    low, high = min(values, default=0.0), max(values, default=0.0)
    if high == low:
        return [(SMALLEST + LARGEST) / 3] * len(values)
    return [SMALLEST + (LARGEST - SMALLEST) * (v - low) / (high - low) for v in values]


def _legend_handles(graph: nx.Graph, drawn: nx.Graph) -> list:
    """One marker per node type present, with its count (drawn of all, when the picture leaves nodes out)."""
    from matplotlib.lines import Line2D

    def count(g: nx.Graph, t: str | None) -> int:
        return sum(1 for _, d in g.nodes(data=True) if (d.get("type") if d.get("type") in TYPE_COLOURS else None) == t)

    summarised = drawn.number_of_nodes() < graph.number_of_nodes()
    handles = []
    for t in [*(t for t in TYPE_COLOURS if count(graph, t)), *([None] if count(graph, None) else [])]:
        shown = f"{count(drawn, t):,} of {count(graph, t):,}" if summarised else f"{count(graph, t):,}"
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=10, markerfacecolor=colour(t),
                              markeredgecolor="white", label=f"{t or 'other'} ({shown})"))
    return handles


def figure(graph: nx.Graph, size_by: str = "degree", lang: str = "both", seed: int = SEED, top: int = TOP,
           summarise_above: int = SUMMARISE_ABOVE):
    """A matplotlib Figure of the network (no pyplot, so nothing global changes).

    Up to ``summarise_above`` nodes it draws every node; above, the ``top`` nodes by ``size_by`` and the
    edges among them, and says what it leaves out (:mod:`migkg.network.summary`). Labels are placed off
    the markers and off each other (:mod:`migkg.network.labels`); each label's ``gid`` is its node.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch

    if size_by not in MEASURES:
        raise ValueError(f"{size_by!r}: no such measure; choose one of {', '.join(MEASURES)}")
    graph = add_measures(graph)
    selection = select(graph, size_by, top, summarise_above)
    drawn = subgraph(graph, selection)
    nodes = list(drawn.nodes)
    where = positions(drawn, seed)
    areas = dict(zip(nodes, sizes([float(drawn.nodes[n][size_by]) for n in nodes]), strict=True))
    radii = {n: math.sqrt(areas[n]) / 2 + MARKER_EDGE / 2 for n in nodes}  # points
    side = 10 + 4 * math.sqrt(max(len(nodes), 1) / 10)
    fig = Figure(figsize=(side * 1.25, side), dpi=110)
    ax = fig.add_axes((0.01, 0.01, 0.78, 0.93))
    ax.set_axis_off()
    strongest = max((d.get("weight", 1) for _, _, d in drawn.edges(data=True)), default=1)
    for u, v, data in drawn.edges(data=True):
        ax.add_patch(FancyArrowPatch(
            where[u], where[v], arrowstyle="-|>" if drawn.is_directed() else "-", mutation_scale=12,
            shrinkA=radii[u], shrinkB=radii[v] + 1, color="#555555",
            alpha=0.25 + 0.5 * data.get("weight", 1) / strongest, linewidth=0.6 + 2.4 * data.get("weight", 1) / strongest,
            zorder=1))
    markers = ax.scatter([where[n][0] for n in nodes], [where[n][1] for n in nodes], s=[areas[n] for n in nodes],
                         c=[colour(drawn.nodes[n].get("type")) for n in nodes], edgecolors="white",
                         linewidths=MARKER_EDGE, zorder=2, gid="nodes")
    xs = [p[0] for p in where.values()] or [0.0]
    ys = [p[1] for p in where.values()] or [0.0]
    margin = 0.08 * max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
    ax.set_xlim(min(xs) - margin, max(xs) + margin)
    ax.set_ylim(min(ys) - 1.6 * margin, max(ys) + margin)
    by_rank = [n for n in selection.nodes if n in where] if selection.summarised else ranked(drawn, size_by)
    unlabelled = place_labels(ax, by_rank, [node_text(drawn.nodes[n], lang) for n in by_rank], where, radii, markers,
                              8.5, FONT)
    fig.legend(handles=_legend_handles(graph, drawn), loc="upper left", bbox_to_anchor=(0.8, 0.93), frameon=False,
               title="node type", prop={"family": FONT, "size": 10}, title_fontproperties={"family": FONT})
    fig.text(0.8, 0.05, f"node size: {size_by.replace('_', ' ')}\nedge width: weight", fontsize=9, fontfamily=FONT,
             va="bottom")
    notes = [selection.note()] if selection.summarised else []
    if unlabelled:
        notes.append(f"{len(unlabelled):,} of the smaller nodes unlabelled, for want of room")
    if notes:
        fig.text(0.01, 0.955, "\n".join(notes), fontsize=10, fontfamily=FONT, va="top", gid="summary")
    fig.suptitle(f"{graph.graph.get('title', graph.graph.get('name', ''))} — {graph.number_of_nodes():,} nodes, "
                 f"{graph.number_of_edges():,} edges", fontsize=13, fontfamily=FONT, x=0.01, ha="left")
    return fig


def _saved(fig, fmt: str) -> bytes:
    """The figure as PNG or SVG bytes, without dates or tool versions, so they repeat exactly."""
    from matplotlib import rc_context

    buffer = io.BytesIO()
    metadata = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
    with rc_context({"svg.hashsalt": "migkg", "svg.fonttype": "path"}):
        fig.savefig(buffer, format=fmt, metadata=metadata, facecolor="white")
    return buffer.getvalue()


def picture_bytes(graph: nx.Graph, fmt: str, size_by: str = "degree", lang: str = "both") -> bytes:
    """The picture as PNG or SVG bytes (the same bytes for the same graph)."""
    return _saved(figure(graph, size_by, lang), fmt)


def picture_files(graph: nx.Graph, name: str, size_by: str = "degree", lang: str = "both", top: int = TOP,
                  summarise_above: int = SUMMARISE_ABOVE) -> dict[str, bytes]:
    """NAME.png and NAME.svg, of one figure (its labels are placed once)."""
    fig = figure(graph, size_by, lang, top=top, summarise_above=summarise_above)
    return {f"{name}.{fmt}": _saved(fig, fmt) for fmt in ("png", "svg")}
