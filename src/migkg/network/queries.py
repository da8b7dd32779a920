"""Run the network queries (``queries/network/*.rq``) on any SELECT source and read their rows as edges.

Every network is defined in SPARQL, so that it runs alike on the embedded store and on a
remote endpoint, and an analyst can run the same file in any SPARQL tool. The row contract
that the queries keep and this module reads:

- ``?source`` and ``?target``: the IRIs of the two ends (for a directed network, the direction);
- ``?source_type`` / ``?target_type`` (a short name: state, person, event, topic...),
  ``?source_class`` / ``?target_class`` (the class IRI), ``?source_ru`` / ``?source_en`` /
  ``?target_ru`` / ``?target_en`` (labels): the nodes' attributes, repeated on every row;
- ``?kind``: what the edge says (took-part, co-participated, held-post...);
- ``?weight``: a count, whose unit each query's header names;
- ``?evidence``: the IRIs of the facts behind the edge, space-separated (``GROUP_CONCAT``);
- any other column is an edge attribute; the columns the query's ``# sets:`` line names (``?evidence``,
  ``?events``, ``?roles``) are sets, read as sorted lists of their values (see
  :mod:`migkg.queries.catalogue`).

Everything here is pure except :func:`edge_rows` and :func:`evidence_spans`, which ask the source.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from migkg.errors import InputError, Location, MigkgError
from migkg.mapping.terms import Term
from migkg.queries.catalogue import Query, read_query
from migkg.schema.resources import queries_dir
from migkg.stores.sources import SelectResult, SelectSource

#: the set-valued columns of a network query whose header declares none: ``# sets:`` lines say it now
DEFAULT_SETS = {"evidence": " ", "events": " ", "roles": " "}
#: columns that describe a node: "<end>_<field>" -> the node attribute it fills
NODE_FIELDS = {"type": "type", "class": "class", "ru": "label_ru", "en": "label_en"}
ENDS = ("source", "target")
INTEGER_TYPES = {"http://www.w3.org/2001/XMLSchema#" + t for t in
                 ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger", "unsignedInt")}
FLOAT_TYPES = {"http://www.w3.org/2001/XMLSchema#" + t for t in ("decimal", "double", "float")}
EVIDENCE_QUERY = ("research", "q11-evidence-of-a-fact.rq")


@dataclass(frozen=True)
class EdgeRow:
    """One row of a network query: an edge, the attributes of both ends, and the edge's own attributes."""

    source: str
    target: str
    source_node: dict[str, object]
    target_node: dict[str, object]
    attributes: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class EvidenceSpan:
    """Where in which release the words behind a fact are: code-point offsets into source.txt."""

    release: str | None
    begin: int | None
    end: int | None
    words: str | None


def network_query_dir() -> Path:
    return queries_dir() / "network"


def network_query(name: str) -> Query:
    """The query file that defines the network ``name`` (``queries/network/<name>.rq``)."""
    return read_query(network_query_dir() / f"{name}.rq")


def python_value(term: Term | None) -> object:
    """An RDF term as the plain value a graph attribute holds: IRIs as strings, numbers as numbers."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype else ""
        if datatype in INTEGER_TYPES:
            return int(term.value)
        if datatype in FLOAT_TYPES:
            return float(term.value)
        return term.value
    raise MigkgError(f"a blank node ({term}) in a network query's answer; the network queries return IRIs and "
                     "literals only.")


def row_to_edge(row: dict[str, object], where: Path, sets: dict[str, str] | None = None) -> EdgeRow:
    """Split one answer row (already plain values) into the two nodes and the edge's attributes; ``sets``: the
    set-valued columns and their separators (the query's ``# sets:`` line)."""
    sets = DEFAULT_SETS if sets is None else sets
    for end in ENDS:
        if not isinstance(row.get(end), str) or not row[end]:
            raise InputError(Location(where), f"a row has no ?{end} IRI.",
                             "every network query returns ?source and ?target on each row.")
    nodes: dict[str, dict[str, object]] = {end: {"iri": row[end]} for end in ENDS}
    attributes: dict[str, object] = {}
    for column, value in row.items():
        if column in ENDS or value is None:
            continue
        end, _, rest = column.partition("_")
        if end in ENDS and rest in NODE_FIELDS:
            nodes[end][NODE_FIELDS[rest]] = value
        elif column in sets:
            attributes[column] = sorted({v for v in str(value).split(sets[column]) if v})
        else:
            attributes[column] = value
    attributes.setdefault("weight", 1)
    attributes.setdefault("evidence", [])
    return EdgeRow(str(row["source"]), str(row["target"]), nodes["source"], nodes["target"], attributes)


def select(source: SelectSource, query: Query, bindings: dict[str, Term] | None = None) -> SelectResult:
    """Run ``query`` on ``source``; a query the store cannot parse is an input error naming the file."""
    try:
        return source.select(query.text, bindings)
    except SyntaxError as err:
        raise InputError(Location(query.path), f"is not valid SPARQL: {err}.",
                         "correct the query (see https://www.w3.org/TR/sparql11-query/).") from None


def edge_rows(source: SelectSource, name: str) -> list[EdgeRow]:
    """The edges of network ``name`` as its query returns them from ``source``."""
    query = network_query(name)
    result = select(source, query)
    rows = [{k: python_value(v) for k, v in row.items()} for row in result.rows]
    return [row_to_edge(row, query.path, query.sets or DEFAULT_SETS) for row in rows]


def _text(term: Term | None) -> str | None:
    """An IRI's or a literal's text, as :func:`python_value` gives it (None where the row has no value)."""
    value = python_value(term)
    return value if value is None or isinstance(value, str) else str(value)


def _offset(term: Term | None) -> int | None:
    """A code-point offset (an xsd:integer literal), as :func:`python_value` gives it."""
    value = python_value(term)
    if value is None or isinstance(value, int):
        return value
    raise MigkgError(f"an evidence offset is {value!r}, not an integer; q11 returns integers (nif:beginIndex).")


def evidence_spans(source: SelectSource) -> dict[str, list[EvidenceSpan]]:
    """Every fact's evidence spans, in text order (the research query q11, run once with ?fact unbound)."""
    query = read_query(queries_dir().joinpath(*EVIDENCE_QUERY))
    spans: dict[str, list[EvidenceSpan]] = {}
    for row in select(source, query).rows:
        spans.setdefault(str(python_value(row["fact"])), []).append(
            EvidenceSpan(_text(row.get("release")), _offset(row.get("begin")), _offset(row.get("end")),
                         _text(row.get("words"))))
    return {fact: sorted(set(found), key=lambda s: (s.release or "", s.begin if s.begin is not None else -1))
            for fact, found in spans.items()}
