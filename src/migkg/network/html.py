"""An interactive view of a network in one HTML file that works offline.

Built with Bokeh, whose JavaScript library (BokehJS) ships inside the ``bokeh`` wheel and is
inlined into the page (``bokeh.resources.INLINE``): the file loads nothing from the network, so
it can be mailed, archived and opened on a machine with no connection. The page offers:

- zoom (mouse wheel, box zoom) and pan, and a reset button;
- hover on a node for its labels (ru, en), type, side and measures; hover on an edge for its kind,
  weight and evidence — the words of the release behind each fact, with the fact's IRI;
- a search box: nodes whose Russian or English label contains the text are selected;
- a check box per node type: unticked types are hidden, with their edges;
- given the facts' times (a :class:`~migkg.network.slices.Timeline`), a year menu: a year shows
  only the edges whose facts reach into that year, and the nodes of those edges.

The positions are those of the static pictures (:func:`migkg.network.draw.positions`). The
nodes' ColumnDataSource is named ``nodes`` (and the edges' ``edges``), so a script or a test
finds them in ``Bokeh.documents[0]``.
"""
from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import cast

import networkx as nx

from migkg.network.draw import colour, positions
from migkg.network.measures import MEASURES, add_measures
from migkg.network.queries import EvidenceSpan
from migkg.network.slices import Span, Timeline, merge, years_of

#: how much evidence an edge's tooltip shows
MAX_FACTS_SHOWN = 6
MAX_WORDS_SHOWN = 160
SMALLEST, LARGEST = 12.0, 42.0  # node diameters, screen pixels

ALL_YEARS = "all years"
#: type boxes and year menu together; a node or edge's ``years`` column is " 2013 2016 " (spaces around each year)
FILTER_JS = """
const on = new Set(types.active.map((i) => types.labels[i]));
const year = years === null || years.value === all_years ? null : " " + years.value + " ";
const keep = nodes.data.type.map((t, i) => on.has(t) && (year === null || nodes.data.years[i].includes(year)));
const row = new Map(nodes.data.iri.map((iri, i) => [iri, i]));
node_filter.booleans = keep;
edge_filter.booleans = edges.data.source.map((s, i) => keep[row.get(s)] && keep[row.get(edges.data.target[i])]
                                              && (year === null || edges.data.years[i].includes(year)));
nodes.change.emit();
edges.change.emit();
"""
LANGUAGE_JS = """
labels.text = {field: columns[language.active]};
"""
#: the label buttons: what each shows on the canvas
LABEL_CHOICES = {"en": "label", "ru": "label_ru", "ru / en": "label_both"}
SEARCH_JS = """
const text = (search.value_input || "").trim().toLowerCase();
const hits = [];
if (text) {
  nodes.data.label_ru.forEach((ru, i) => {
    if ((ru + " " + nodes.data.label_en[i]).toLowerCase().includes(text)) hits.push(i);
  });
}
nodes.selected.indices = hits;
found.text = text ? (hits.length + " found: " + hits.map((i) => nodes.data.label[i]).join(", ")) : "";
"""


def _quote(spans: list[EvidenceSpan]) -> str:
    words = " … ".join(s.words for s in spans if s.words)
    return words if len(words) <= MAX_WORDS_SHOWN else words[: MAX_WORDS_SHOWN - 1] + "…"


def evidence_text(facts: list[str], spans: Mapping[str, list[EvidenceSpan]]) -> str:
    """The evidence of one edge as HTML for its tooltip: the quoted words of each fact, then its IRI's end."""
    items = []
    for fact in facts[:MAX_FACTS_SHOWN]:
        quote = _quote(spans.get(fact, []))
        name = fact.rsplit("/", 2)[-2:]
        items.append(f"<li>«{html.escape(quote)}» <small>{html.escape('/'.join(name))}</small></li>")
    more = f"<li>… and {len(facts) - MAX_FACTS_SHOWN} more facts</li>" if len(facts) > MAX_FACTS_SHOWN else ""
    return f"<ul style='margin:0;padding-left:1.2em;max-width:32em'>{''.join(items)}{more}</ul>"


def _diameters(values: list[float]) -> list[float]:
    low, high = min(values, default=0.0), max(values, default=0.0)
    if high == low:
        return [(SMALLEST + LARGEST) / 2] * len(values)
    return [SMALLEST + (LARGEST - SMALLEST) * (v - low) / (high - low) for v in values]


def _years(graph: nx.Graph, timeline: Timeline) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Each node's and edge's years as one text, " 2013 2016 " (spaces around each), for the year menu."""
    node_spans: dict[str, list[Span]] = {n: [] for n in graph}
    edge_years = {}
    for u, v, evidence in graph.edges(data="evidence", default=[]):
        spans = timeline.spans(evidence)
        node_spans[u] += spans
        node_spans[v] += spans
        edge_years[u, v] = f" {' '.join(map(str, years_of(timeline, spans)))} "
    return ({n: f" {' '.join(map(str, years_of(timeline, merge(found))))} " for n, found in node_spans.items()},
            edge_years)


def _columns(graph: nx.Graph, size_by: str, spans: Mapping[str, list[EvidenceSpan]],
             timeline: Timeline | None = None) -> tuple[dict, dict]:
    where = positions(graph)
    nodes = list(graph.nodes)
    data = [graph.nodes[n] for n in nodes]
    node_columns = {
        "iri": nodes,
        "x": [where[n][0] for n in nodes], "y": [where[n][1] for n in nodes],
        "label": [str(d.get("label", "")) for d in data],
        "label_ru": [str(d.get("label_ru", "")) for d in data],
        "label_en": [str(d.get("label_en", "")) for d in data],
        "label_both": ["\n".join(dict.fromkeys(x for x in (d.get("label_ru"), d.get("label_en")) if x)) or
                       str(d.get("label", "")) for d in data],
        "type": [str(d.get("type", "other")) for d in data],
        "side": [str(d.get("side_label", "")) for d in data],
        "colour": [colour(d.get("type")) for d in data],
        "diameter": _diameters([float(d[size_by]) for d in data]),
        **{m: [d[m] for d in data] for m in MEASURES},
    }
    edges = list(graph.edges(data=True))
    strongest = max((d.get("weight", 1) for _, _, d in edges), default=1)
    arrow = "→" if graph.is_directed() else "—"  # the view draws no arrowheads: the tooltip gives the direction
    edge_columns = {
        "source": [u for u, _, _ in edges], "target": [v for _, v, _ in edges],
        "xs": [[where[u][0], where[v][0]] for u, v, _ in edges],
        "ys": [[where[u][1], where[v][1]] for u, v, _ in edges],
        "ends": [f"{graph.nodes[u]['label']} {arrow} {graph.nodes[v]['label']}" for u, v, _ in edges],
        "kind": [str(d.get("kind", "")) for _, _, d in edges],
        "weight": [d.get("weight", 1) for _, _, d in edges],
        "width": [1 + 4 * d.get("weight", 1) / strongest for _, _, d in edges],
        "evidence": [evidence_text(list(d.get("evidence", [])), spans) for _, _, d in edges],
    }
    if timeline is not None:
        node_years, edge_years = _years(graph, timeline)
        node_columns["years"] = [node_years[n] for n in nodes]
        edge_columns["years"] = [edge_years[u, v] for u, v, _ in edges]
    return node_columns, edge_columns


def page(graph: nx.Graph, spans: Mapping[str, list[EvidenceSpan]] | None = None, size_by: str = "degree",
         timeline: Timeline | None = None) -> str:
    """The whole HTML page, BokehJS inlined; ``spans`` (from :func:`migkg.network.queries.evidence_spans`)
    gives the words behind each fact for the edges' tooltips; ``timeline`` (the networks' ``timeline``) adds a
    year menu."""
    from bokeh.embed import file_html
    from bokeh.layouts import column, row
    from bokeh.models import BooleanFilter, CDSView, ColumnDataSource, CustomJS, DataRange1d, HoverTool
    from bokeh.models.widgets import CheckboxGroup, Div, RadioButtonGroup, Select, TextInput
    from bokeh.plotting import figure
    from bokeh.resources import INLINE

    if size_by not in MEASURES:
        raise ValueError(f"{size_by!r}: no such measure; choose one of {', '.join(MEASURES)}")
    graph = add_measures(graph)
    node_columns, edge_columns = _columns(graph, size_by, spans or {}, timeline)
    nodes = ColumnDataSource(node_columns, name="nodes")
    edges = ColumnDataSource(edge_columns, name="edges")
    node_filter = BooleanFilter(booleans=[True] * len(node_columns["iri"]), name="node-filter")
    edge_filter = BooleanFilter(booleans=[True] * len(edge_columns["source"]), name="edge-filter")

    title = f"{graph.graph.get('title', graph.graph.get('name', ''))} — {graph.number_of_nodes()} nodes, " \
            f"{graph.number_of_edges()} edges"
    plot = figure(title=title, sizing_mode="stretch_both", min_width=600, min_height=500, match_aspect=True,
                  tools="pan,wheel_zoom,box_zoom,reset,save", active_scroll="wheel_zoom", toolbar_location="above")
    for axis_range in (plot.x_range, plot.y_range):
        if isinstance(axis_range, DataRange1d):  # what figure() makes: ranges fitted to the data
            axis_range.range_padding = 0.15  # room for the labels at the edges
    plot.axis.visible = False
    plot.grid.visible = False
    edge_glyphs = plot.multi_line("xs", "ys", source=edges, view=CDSView(filter=edge_filter), line_color="#777777",
                                  line_alpha=0.45, line_width="width", hover_line_color="#222222",
                                  hover_line_alpha=1.0, name="edge-glyphs")
    node_glyphs = plot.scatter("x", "y", source=nodes, view=CDSView(filter=node_filter), size="diameter",
                               fill_color="colour", line_color="white", line_width=1.5, legend_group="type",
                               selection_line_color="#000000", selection_line_width=3,
                               nonselection_fill_alpha=0.35, hover_line_color="#000000", name="node-glyphs")
    labels = plot.text("x", "y", text="label", source=nodes, view=CDSView(filter=node_filter),
                       text_font_size="9pt", text_align="center", text_baseline="top", y_offset=12,
                       text_color="#222222", name="node-labels")
    plot.legend.title = "node type"
    plot.add_layout(plot.legend[0], "right")  # beside the plot, where it hides no node
    plot.add_tools(
        HoverTool(renderers=[node_glyphs], attachment="above",
                  tooltips="<b>@label_ru</b><br><b>@label_en</b><br>@type · @side<br>"
                           "degree @degree, weighted @weighted_degree<br>betweenness @betweenness{0.000}, "
                           "PageRank @pagerank{0.000}<br>community @community, brokerage @brokerage{0.0}<br>"
                           "<small>@iri</small>"),
        HoverTool(renderers=[edge_glyphs], line_policy="interp", attachment="below",
                  tooltips="<b>@ends</b><br>@kind · weight @weight<br>@evidence{safe}"))

    types = sorted(set(node_columns["type"]))
    type_boxes = CheckboxGroup(labels=types, active=list(range(len(types))), name="types")
    search = TextInput(title="Search by name (ru or en)", placeholder="e.g. Казахстан or UNHCR", name="search")
    found = Div(text="", name="found", styles={"max-width": "16em"})
    year_menu = None
    if timeline is not None:
        shown_years = sorted({int(y) for text in edge_columns["years"] for y in text.split()})
        year_menu = Select(title="Year", value=ALL_YEARS, options=cast("list[str | None]", [ALL_YEARS, *map(str, shown_years)]),
                           name="year")
    refilter = CustomJS(args={"types": type_boxes, "years": year_menu, "all_years": ALL_YEARS, "nodes": nodes,
                              "edges": edges, "node_filter": node_filter, "edge_filter": edge_filter}, code=FILTER_JS)
    type_boxes.js_on_change("active", refilter)
    if year_menu is not None:
        year_menu.js_on_change("value", refilter)
    search.js_on_change("value_input", CustomJS(args={"search": search, "nodes": nodes, "found": found},
                                                code=SEARCH_JS))
    language = RadioButtonGroup(labels=list(LABEL_CHOICES), active=0, name="language")
    language.js_on_change("active", CustomJS(args={"language": language, "labels": labels.glyph,
                                                   "columns": list(LABEL_CHOICES.values())}, code=LANGUAGE_JS))
    guide = Div(text="<p>Wheel to zoom, drag to pan. Hover a node or an edge for its labels and evidence.</p>"
                     f"<p>Node size: {size_by.replace('_', ' ')}. Edge width: weight.</p>"
                     "<p><b>Labels</b></p>", styles={"max-width": "16em"})
    controls = [search, found, guide, language, *([year_menu] if year_menu else []), Div(text="<b>Show types</b>"),
                type_boxes]
    layout = row(column(*controls, width=240), plot, sizing_mode="stretch_both")
    return _stable(file_html(layout, resources=INLINE, title=title))


#: Bokeh's ids, always a whole quoted string in the page (JSON or script): a document's uuid, a model's "p1234"
_UUID = re.compile(r"""(?<=["'])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=["'])""")
_MODEL_ID = re.compile(r"""(?<=["'])p\d{4,}(?=["'])""")


def _stable(text: str) -> str:
    """The same page for the same graph: in the document part (after the inlined BokehJS), Bokeh's random
    document ids and per-process model numbers are renumbered in order of appearance."""
    start = text.rfind("<div", 0, text.index("data-root-id"))
    head, document = text[:start], text[start:]
    names: dict[str, str] = {}
    for pattern, make in ((_UUID, lambda i: f"00000000-0000-4000-8000-{i:012d}"),
                          (_MODEL_ID, lambda i: f"p{9000 + i}")):
        for found in pattern.findall(document):
            names.setdefault(found, make(len(names)))
        document = pattern.sub(lambda m: names[m.group(0)], document)
    return head + document


def html_files(graph: nx.Graph, name: str, spans: Mapping[str, list[EvidenceSpan]] | None = None,
               size_by: str = "degree", timeline: Timeline | None = None) -> dict[str, bytes]:
    """NAME.html."""
    return {f"{name}.html": page(graph, spans, size_by, timeline).encode("utf-8")}
