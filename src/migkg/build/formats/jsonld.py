"""JSON-LD: the named graphs as one top-level array, an item per graph; pieces are joined by commas."""
from __future__ import annotations

from json.encoder import encode_basestring as _json_string

import pyoxigraph as ox

from migkg.build.formats.base import Format, Memo, SortedPiece, Triple

_XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


class JsonLd(Format):
    extension = "jsonld"
    media_type = "application/ld+json"
    separator = b",\n"      # between the items of the top-level array, whichever pieces they come from
    footer = b"\n]\n"

    def __init__(self, prefixes: dict[str, str]):
        super().__init__(prefixes)
        self.iris = JsonIris()
        self.objects = JsonObjects()

    def make_header(self) -> bytes:
        return b"[\n"

    def chunk(self, piece: SortedPiece) -> bytes:
        self.iris.fresh()
        self.objects.fresh()
        return ",\n".join(graph_item(name, triples, rows, self.iris, self.objects)
                          for (name, triples), rows in zip(piece.graphs, piece.texts, strict=True)).encode("utf-8")


class JsonIris(Memo[str, str]):
    """An IRI's JSON string, by its N-Triples text (``<iri>``: pyoxigraph writes an IRI as it is, unescaped)."""

    def __missing__(self, text: str) -> str:
        made = self[text] = _json_string(text[1:-1])
        return made


class JsonObjects(Memo[str, str]):
    """An object's JSON-LD node (the lines of an item of a predicate's array), by its N-Triples text; made by
    :func:`graph_item` from the term itself."""


def graph_item(name: ox.NamedNode, triples: list[Triple], rows: list[tuple[str, str, str]], iris: JsonIris,
               objects: JsonObjects) -> str:
    """One named graph as JSON-LD, exactly as ``json.dumps(…, ensure_ascii=False, indent=1)`` lays out
    pyoxigraph's JSON-LD for these sorted triples, at the depth of an item of the top-level array
    (written directly: re-indenting pyoxigraph's output with the json module costs 3 ms a release).

    ``rows`` are the triples' N-Triples texts (the piece's sort keys): a term is told from the one before by its
    text, and its JSON made once per text (``iris``, ``objects``: kept across pieces, as the same predicates and
    registry nodes come in every release)."""
    out = [" {\n  \"@id\": ", _json_string(name.value), ",\n  \"@graph\": [\n"]
    append = out.append
    subject = predicate = None
    for (ts, tp, to), triple in zip(rows, triples, strict=True):
        if ts != subject:
            if subject is not None:
                append("\n    ]\n   },\n")
            out += ["   {\n    \"@id\": ", iris[ts], ",\n    ", iris[tp], ": [\n"]
            subject, predicate = ts, tp
        elif tp != predicate:
            out += ["\n    ],\n    ", iris[tp], ": [\n"]
            predicate = tp
        else:
            append(",\n")
        node = objects.get(to)
        if node is None:
            node = objects[to] = _object(triple[2])
        append(node)
    append("\n    ]\n   }\n  ]\n }")
    return "".join(out)


def _object(o: ox.NamedNode | ox.Literal) -> str:
    """An object's JSON-LD node, as the lines of an item of a predicate's array."""
    if isinstance(o, ox.NamedNode):
        return "".join(["     {\n      \"@id\": ", _json_string(o.value), "\n     }"])
    if o.language:
        return "".join(["     {\n      \"@language\": ", _json_string(o.language), ",\n      \"@value\": ",
                        _json_string(o.value), "\n     }"])
    if o.datatype == _XSD_STRING:
        return "".join(["     {\n      \"@value\": ", _json_string(o.value), "\n     }"])
    return "".join(["     {\n      \"@type\": ", _json_string(o.datatype.value), ",\n      \"@value\": ",
                    _json_string(o.value), "\n     }"])
