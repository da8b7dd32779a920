"""Labels of a network picture, placed so that none covers another label or a node marker.

The library textalloc places them: label by label, in the order given (the nodes ranked highest
first, so they get the nearest places), it tries places around the node from the nearest outward
and keeps the first whose box clears every node marker, every label already placed and the edge of
the plot. It has no randomness and no time limit, so the same figure gets the same placement. A
label for which no place is free within reach is left out rather than drawn over something, and
the caller says so on the picture. A label placed away from its node gets a thin leader line.

Each label is a text artist whose ``gid`` is its node, so a reader of the figure (a test, a notebook)
finds which label belongs to which node.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

LEADER_COLOUR = "#333333"
#: how far (a fraction of the plot's width) a label may go from its node, and the gap kept round a label
REACH, GAP = 0.25, 0.003
#: places tried round each node
CANDIDATES = 400


def renderer(fig):
    """The figure's renderer, from an Agg canvas (a bare Figure has none; no pyplot figure is made)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    return fig.canvas.get_renderer()


def place_labels(ax, nodes: Sequence[str], texts: Sequence[str], where: dict[str, tuple[float, float]],
                 radii: dict[str, float], markers, fontsize: float, font: str) -> list[str]:
    """Label each node (in the order of ``nodes``) with its text off the ``markers`` (the scatter of the nodes,
    ``radii`` their radii in points) and off each other; the nodes left unlabelled for want of room."""
    import textalloc
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.text import Text

    if not nodes:
        return []
    renderer(ax.figure)
    scale = ax.figure.dpi / 72  # points to pixels
    _, _, labels, _ = textalloc.allocate(
        ax, [where[n][0] for n in nodes], [where[n][1] for n in nodes], list(texts), scatter_plot=markers,
        text_scatter_sizes=[radii[n] * scale for n in nodes], textsize=fontsize, margin=GAP, min_distance=0.004,
        max_distance=REACH, nbr_candidates=CANDIDATES, draw_lines=False, draw_all=False, va="bottom",
        fontfamily=font, zorder=3, linespacing=1.1,
        bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.75})
    unlabelled = []
    drawn = renderer(ax.figure)
    to_data = ax.transData.inverted()
    for node, label in zip(nodes, labels, strict=True):
        if not isinstance(label, Text):
            unlabelled.append(node)
            continue
        label.set_gid(node)
        box = label.get_window_extent(drawn)
        cx, cy = ax.transData.transform(where[node])
        nearest = (min(max(cx, box.x0), box.x1), min(max(cy, box.y0), box.y1))  # the box's point nearest the node
        if math.dist(nearest, (cx, cy)) > (radii[node] + 8) * scale:
            ax.add_patch(FancyArrowPatch(tuple(to_data.transform(nearest)), where[node], arrowstyle="-", shrinkA=0,
                                         shrinkB=radii[node] + 1, color=LEADER_COLOUR, linewidth=0.7, zorder=2.5))
    return unlabelled
