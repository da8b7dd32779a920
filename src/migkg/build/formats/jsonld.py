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
        self.written = JsonTexts()

    def make_header(self) -> bytes:
        return b"[\n"

    def chunk(self, piece: SortedPiece) -> bytes:
        written = self.written
        written.fresh()
        return ",\n".join(graph_item(name, triples, rows, written)
                          for (name, triples), rows in zip(piece.graphs, piece.texts, strict=True)).encode("utf-8")


class JsonTexts(Memo[str, str]):
    """What a term is written as in JSON-LD, by its N-Triples text: an IRI's JSON string (as a subject or
    predicate, under ``"i"`` + text) or an object's whole node (under its text). Kept across pieces, as the
    same predicates and registry nodes come in every release (:class:`Memo`)."""


def graph_item(name: ox.NamedNode, triples: list[Triple], rows: list[tuple[str, str, str]], written: JsonTexts) -> str:
    """One named graph as JSON-LD, exactly as ``json.dumps(…, ensure_ascii=False, indent=1)`` lays out
    pyoxigraph's JSON-LD for these sorted triples, at the depth of an item of the top-level array
    (written directly: re-indenting pyoxigraph's output with the json module costs 3 ms a release).

    ``rows`` are the triples' N-Triples texts (the piece's sort keys): a term is told from the one before by its
    text, and written once per text into ``written``."""
    out = [" {\n  \"@id\": ", _json_string(name.value), ",\n  \"@graph\": [\n"]
    subject = predicate = None
    for (s, p, o), (ts, tp, to) in zip(triples, rows, strict=True):
        if ts != subject:
            if subject is not None:
                out.append("\n    ]\n   },\n")
            out += ["   {\n    \"@id\": ", _iri(written, ts, s), ",\n    ", _iri(written, tp, p), ": [\n"]
            subject, predicate = ts, tp
        elif tp != predicate:
            out += ["\n    ],\n    ", _iri(written, tp, p), ": [\n"]
            predicate = tp
        else:
            out.append(",\n")
        node = written.get(to)
        if node is None:
            node = written[to] = _object(o)
        out.append(node)
    out.append("\n    ]\n   }\n  ]\n }")
    return "".join(out)


def _iri(written: JsonTexts, text: str, term: ox.NamedNode) -> str:
    key = "i" + text  # an N-Triples text never starts with i: no clash with the objects' entries
    found = written.get(key)
    if found is None:
        found = written[key] = _json_string(term.value)
    return found


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
