"""A document's description in the RDF formats a client may ask for, written by pyoxigraph.

The description is every statement with one of the document's members as subject. Turtle,
N-Triples and RDF/XML carry it as triples (a statement made in two graphs once); JSON-LD, TriG and
N-Quads keep each statement in its named graph (JSON-LD as one item per graph, as the build's
JSON-LD dump). Turtle and TriG bind the build's prefixes, except a prefix under which some IRI of
the document would need a backslash escape in its local name (``text\\#char\\=1\\,2``): those IRIs
are written in full, which every parser reads alike.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pyoxigraph as ox

from migkg.pages.documents import Document

#: a local name that needs no escape in Turtle (PN_LOCAL without \ escapes, % or :, and not ending in a dot)
_PLAIN_LOCAL = re.compile(r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?\Z")


@dataclass(frozen=True)
class RdfFormat:
    name: str
    extension: str
    media_type: str
    format: ox.RdfFormat
    graphs: bool  # keeps named graphs


RDF_FORMATS = (
    RdfFormat("Turtle", "ttl", "text/turtle", ox.RdfFormat.TURTLE, False),
    RdfFormat("JSON-LD", "jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, True),
    RdfFormat("N-Triples", "nt", "application/n-triples", ox.RdfFormat.N_TRIPLES, False),
    RdfFormat("TriG", "trig", "application/trig", ox.RdfFormat.TRIG, True),
    RdfFormat("N-Quads", "nq", "application/n-quads", ox.RdfFormat.N_QUADS, True),
    RdfFormat("RDF/XML", "rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML, False),
)
#: the formats ``migkg site`` writes beside each page (the ones a w3id entry redirects to)
SITE_FORMATS = tuple(f for f in RDF_FORMATS if f.extension in ("ttl", "jsonld", "nt"))


def format_path(path: str, kind: RdfFormat) -> str:
    """Where a document's description in ``kind`` is, beside its page: ``state/KAZ.ttl`` for ``state/KAZ``,
    and inside the folder, ``kind/index.ttl``, for an IRI that ends with a slash (``kind/``)."""
    return (path + "index" if path.endswith("/") or not path else path) + "." + kind.extension


def usable_prefixes(prefixes: dict[str, str], terms: list[str]) -> dict[str, str]:
    """The prefixes some of ``terms`` start with, and under which each of those has a plain local name."""
    usable = {}
    for name, namespace in prefixes.items():
        under = [t[len(namespace):] for t in terms if t.startswith(namespace)]
        if under and all(_PLAIN_LOCAL.match(local) for local in under):
            usable[name] = namespace
    return usable


def serialise(document: Document, kind: RdfFormat, prefixes: dict[str, str]) -> bytes:
    """The document's description in ``kind``: the same statements give the same bytes."""
    quads = document.quads()
    if kind.graphs:
        statements: list[ox.Quad] | list[ox.Triple] = quads
    else:
        statements = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
    if kind.format == ox.RdfFormat.JSON_LD:
        data = json.loads(ox.serialize(quads, format=kind.format) or b"[]")
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if kind.format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        terms = [t.value for q in quads for t in (q.subject, q.predicate, q.object, q.graph_name)
                 if isinstance(t, ox.NamedNode)]
        data = ox.serialize(statements, format=kind.format, prefixes=usable_prefixes(prefixes, terms)) or b""
    else:
        data = ox.serialize(statements, format=kind.format) or b""
    return data if not data or data.endswith(b"\n") else data + b"\n"
