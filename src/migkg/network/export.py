"""Write a network for the tools analysts use: GraphML, GEXF, node-link JSON, CSV node and edge lists.

GraphML (Gephi, Cytoscape, yEd, igraph) and GEXF (Gephi) allow only strings, numbers and
booleans as attribute values, so :func:`flatten` turns each list into one string (its items
space-separated: they are IRIs and ids, which hold no space) and drops missing values. Node-link
JSON keeps lists as lists. The CSV files follow Gephi's spreadsheet import (``Id``, ``Label`` /
``Source``, ``Target``, ``Type``) and :func:`read_csv_graph` reads them back.

Files are built in memory (pure functions returning bytes) and written by :func:`write_files`,
each through a temporary file in the same folder and an atomic rename. The bytes are the same for
the same graph: GEXF's ``lastmodifieddate`` (today's date) is left out.

:func:`dynamic_gexf_bytes` writes a GEXF 1.3 file for Gephi's timeline (``mode="dynamic"``,
``timeformat="date"``): each edge carries the spells (closed ranges of days) of the facts behind it,
merged, and each node the union of its edges' spells (see :mod:`migkg.network.slices` for what a
fact's time is). A spell with no ``end`` is open: a period that has not ended.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from pathlib import Path

import networkx as nx

from migkg.atomic import write_bytes_atomically
from migkg.network.slices import Span, Timeline, merge

#: node attributes first in the CSV (then the rest alphabetically)
NODE_ORDER = ("label", "label_ru", "label_en", "type", "class", "iri", "side", "side_label", "sector", "bipartite")
EDGE_ORDER = ("kind", "weight", "basis", "roles", "events", "evidence")
INTEGER = re.compile(r"-?\d+")
LAST_MODIFIED = re.compile(rb' lastmodifieddate="[^"]*"')
#: networkx 3.6 writes GEXF 1.3 with the XML Schema instance namespace misspelt (``http://w3.org/...``)
WRONG_XSI, XSI = b'"http://w3.org/2001/XMLSchema-instance"', b'"http://www.w3.org/2001/XMLSchema-instance"'


def _flat(attributes: Mapping[str, object]) -> dict[str, object]:
    flat = {}
    for key, value in attributes.items():
        if value is None:
            continue
        flat[key] = " ".join(map(str, value)) if isinstance(value, (list, tuple, set)) else value
    return flat


def flatten(graph: nx.Graph) -> nx.Graph:
    """A copy whose attribute values are all strings or numbers: lists joined by spaces, None dropped."""
    result = graph.__class__(**_flat(graph.graph))
    for node, data in graph.nodes(data=True):
        result.add_node(node, **_flat(data))
    for u, v, data in graph.edges(data=True):
        result.add_edge(u, v, **_flat(data))
    return result


def graphml_bytes(graph: nx.Graph) -> bytes:
    return "\n".join(nx.generate_graphml(flatten(graph), encoding="utf-8")).encode("utf-8") + b"\n"


def gexf_bytes(graph: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_gexf(flatten(graph), buffer, encoding="utf-8")
    return LAST_MODIFIED.sub(b"", buffer.getvalue())


def _spells(spans: list[Span]) -> list[tuple[str | None, str | None]]:
    return [(s.start.isoformat() if s.start else None, s.end.isoformat() if s.end else None) for s in spans]


def dynamic_graph(graph: nx.Graph, timeline: Timeline) -> nx.Graph:
    """A flattened copy (see :func:`flatten`) whose edges and nodes carry ``spells``: when their facts hold."""
    result = flatten(graph)
    result.graph["mode"] = "dynamic"
    node_spans: dict[str, list[Span]] = {node: [] for node in graph}
    for u, v, evidence in graph.edges(data="evidence", default=[]):
        spans = timeline.spans(evidence)
        node_spans[u] += spans
        node_spans[v] += spans
        result.edges[u, v]["spells"] = _spells(spans)
    for node, spans in node_spans.items():
        result.nodes[node]["spells"] = _spells(merge(spans))
    return result


def dynamic_gexf_bytes(graph: nx.Graph, timeline: Timeline) -> bytes:
    """GEXF 1.3 for Gephi's timeline: the static file's nodes, edges and attributes, with their spells."""
    buffer = io.BytesIO()
    nx.write_gexf(dynamic_graph(graph, timeline), buffer, encoding="utf-8", version="1.3")
    return LAST_MODIFIED.sub(b"", buffer.getvalue()).replace(WRONG_XSI, XSI)


def node_link_bytes(graph: nx.Graph) -> bytes:
    data = nx.node_link_data(graph, edges="edges")
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _columns(records: list[dict[str, object]], first: tuple[str, ...]) -> list[str]:
    present = {key for record in records for key in record}
    return [c for c in first if c in present] + sorted(present - set(first))


def _csv_bytes(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def csv_nodes_bytes(graph: nx.Graph) -> bytes:
    """One row per node: ``Id`` (the IRI), ``Label``, then every attribute."""
    records = [_flat(data) for _, data in graph.nodes(data=True)]
    columns = [c for c in _columns(records, NODE_ORDER) if c != "label"]
    rows = [[node, record.get("label", "")] + [record.get(c, "") for c in columns]
            for node, record in zip(graph.nodes, records, strict=True)]
    return _csv_bytes(["Id", "Label", *columns], rows)


def csv_edges_bytes(graph: nx.Graph) -> bytes:
    """One row per edge: ``Source``, ``Target``, ``Type`` (Directed or Undirected), then every attribute."""
    edges = list(graph.edges(data=True))
    records = [_flat(data) for _, _, data in edges]
    columns = _columns(records, EDGE_ORDER)
    kind = "Directed" if graph.is_directed() else "Undirected"
    rows = [[u, v, kind] + [record.get(c, "") for c in columns] for (u, v, _), record in zip(edges, records, strict=True)]
    return _csv_bytes(["Source", "Target", "Type", *columns], rows)


def _parse_cell(text: str) -> object:
    if INTEGER.fullmatch(text):
        return int(text)
    try:
        return float(text)
    except ValueError:
        return text


def _cells(row: Mapping[str, str], skip: tuple[str, ...]) -> dict[str, object]:
    return {k: _parse_cell(v) for k, v in row.items() if k not in skip and v != ""}


def read_csv_graph(nodes_csv: Path, edges_csv: Path) -> nx.Graph:
    """Read back the two CSV files; numbers become numbers again (a string that looks like one would too)."""
    with open(edges_csv, encoding="utf-8", newline="") as handle:
        edge_rows = list(csv.DictReader(handle))
    directed = any(row["Type"] == "Directed" for row in edge_rows)
    graph: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    with open(nodes_csv, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            attributes = _cells(row, ("Id", "Label"))
            if row["Label"]:
                attributes["label"] = row["Label"]
            graph.add_node(row["Id"], **attributes)
    for row in edge_rows:
        graph.add_edge(row["Source"], row["Target"], **_cells(row, ("Source", "Target", "Type")))
    return graph


EXPORTS = {".graphml": graphml_bytes, ".gexf": gexf_bytes, ".json": node_link_bytes,
           "-nodes.csv": csv_nodes_bytes, "-edges.csv": csv_edges_bytes}


def export_files(graph: nx.Graph, name: str) -> dict[str, bytes]:
    """Every export of one network, by file name: NAME.graphml, NAME.gexf, NAME.json, NAME-nodes.csv, NAME-edges.csv."""
    return {name + suffix: render(graph) for suffix, render in EXPORTS.items()}


def write_files(files: Mapping[str, bytes], out_dir: Path) -> list[Path]:
    """Write each file atomically (a temporary file in the same folder, then a rename); other files stay."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in sorted(files.items()):
        target = out_dir / name
        write_bytes_atomically(target, data)
        written.append(target)
    return written
