"""Turtle and TriG as every store reads them alike: a prefixed name only where its local part is plain.

A prefixed name whose local part needs a backslash escape (``release:x\\/graph``,
``text\\#char\\=115\\,133``) is valid Turtle, but Virtuoso's bulk loader keeps the backslashes in
the IRI. So a term is written as a prefixed name only when the rest of its IRI after a declared
namespace is plain: ASCII letters, digits, ``_`` and ``-``, not starting with ``-``
(:data:`PLAIN_LOCAL`; no escape, no dot, colon or percent sign, which some loaders also read
differently); any other IRI is written whole, ``<…>``. Literals are written in their N-Triples form
(which Turtle reads as is), a datatype IRI by the same rule.

The writer works on the terms' N-Triples texts, which the serialiser has already made for sorting
(:class:`migkg.build.formats.base.SortedPiece`), and turns each distinct text into Turtle once per
piece (:class:`TermWriter`): per triple it only compares and joins strings. Its layout is that of
pyoxigraph's TriG writer (a tab before a subject, two before a further predicate, ``,`` between
objects), so each statement line of a graph block starts with a tab, which the Turtle dump relies
on (:mod:`migkg.build.formats.turtle`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox

from migkg.build.formats.base import Memo

#: a local part written as a prefixed name: what every Turtle parser reads alike
PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"

TextTriple = tuple[str, str, str]   # a triple's terms in N-Triples form


def prefix_header(prefixes: dict[str, str]) -> bytes:
    """The ``@prefix`` lines a Turtle or TriG file starts with, in the order of ``prefixes`` (name -> namespace)."""
    return "".join(f"@prefix {name}: <{namespace}> .\n" for name, namespace in prefixes.items()).encode("utf-8")


class TermWriter(Memo[str, str]):
    """A term's N-Triples text -> its Turtle text; a dict, so a term seen again costs one lookup (the TriG format
    keeps one across pieces: :class:`~migkg.build.formats.base.Memo`)."""

    def __init__(self, prefixes: dict[str, str]):
        super().__init__()
        # a namespace ending in / or # is found by cutting an IRI after its last / or #: a plain local part
        # holds neither, so that is the only namespace of the IRI that can leave one (one dict lookup)
        self.by_namespace = {namespace: name for name, namespace in prefixes.items() if namespace[-1:] in ("/", "#")}
        # any other namespace (none of migkg's) is tried first, the longest first: only one that reaches
        # past the last / or # can leave a plain local part, and it is longer than the one cut there
        self.others = sorted(((namespace, name) for name, namespace in prefixes.items()
                              if namespace[-1:] not in ("/", "#")), key=lambda pair: (-len(pair[0]), pair[0]))
        self.verbs = _Verbs(self)

    def clear(self) -> None:
        super().clear()
        self.verbs = _Verbs(self)

    def __missing__(self, text: str) -> str:
        if text[0] == "<":
            written = self.iri(text)
        elif text[-1] == ">":  # a typed literal, "…"^^<datatype> (an IRI holds no ^, so the last ^^< is it)
            cut = text.rindex("^^<") + 2
            written = text[:cut] + self.iri(text[cut:])
        else:
            written = text  # a plain or language-tagged string: its N-Triples form is Turtle
        self[text] = written
        return written

    def iri(self, text: str) -> str:
        """``<iri>`` as a prefixed name, if a declared namespace leaves a plain local part; else as it is."""
        if self.others:
            iri = text[1:-1]
            for namespace, other in self.others:
                if iri.startswith(namespace) and PLAIN_LOCAL.fullmatch(iri, len(namespace)):
                    return f"{other}:{iri[len(namespace):]}"
        slash, hash_ = text.rfind("/"), text.rfind("#")
        cut = (slash if slash > hash_ else hash_) + 1
        name = self.by_namespace.get(text[1:cut])
        if name is not None and PLAIN_LOCAL.fullmatch(text, cut, len(text) - 1):
            return f"{name}:{text[cut:-1]}"
        return text


class _Verbs(dict[str, str]):
    """A predicate's Turtle text: ``a`` for rdf:type, else the term's."""

    def __init__(self, terms: TermWriter):
        super().__init__({RDF_TYPE: "a"})
        self.terms = terms

    def __missing__(self, text: str) -> str:
        written = self[text] = self.terms[text]
        return written


def statements(rows: Iterable[TextTriple], terms: TermWriter, indent: str = "") -> list[str]:
    """The statements of sorted, distinct triples, grouped by subject and predicate, as pieces of text."""
    verbs = terms.verbs
    out: list[str] = []
    subject = predicate = None
    first, further = indent, indent + "\t"
    for s, p, o in rows:
        if s != subject:
            if subject is not None:
                out.append(" .\n")
            out += (first, terms[s], " ", verbs[p], " ", terms[o])
            subject, predicate = s, p
        elif p != predicate:
            out += (" ;\n", further, verbs[p], " ", terms[o])
            predicate = p
        else:
            out += (" , ", terms[o])
    if subject is not None:
        out.append(" .\n")
    return out


def trig_blocks(graphs: Iterable[tuple[str, list[TextTriple]]], prefixes: dict[str, str],
                terms: TermWriter | None = None) -> bytes:
    """Named graphs (name and sorted triples, as N-Triples texts) as TriG graph blocks, without the header;
    ``terms``, a writer for these ``prefixes`` to reuse (its terms already written), or a new one."""
    terms = TermWriter(prefixes) if terms is None else terms
    out: list[str] = []
    for name, rows in graphs:
        out += (terms[name], " {\n", *statements(rows, terms, "\t"), "}\n")
    return "".join(out).encode("utf-8")


def turtle_bytes(triples: Iterable[ox.Triple | tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]],
                 prefixes: dict[str, str]) -> bytes:
    """A Turtle document of ``triples`` (in the order given; sort them for a stable file), with the prefix
    header; for small graphs (a description, one resource's page), the dumps go through :func:`trig_blocks`."""
    rows = []
    for triple in triples:
        s, p, o = triple
        rows.append((str(s), str(p), str(o)))
    return turtle_text_bytes(rows, prefixes)


def turtle_text_bytes(rows: Iterable[TextTriple], prefixes: dict[str, str]) -> bytes:
    """:func:`turtle_bytes` of triples given as their terms' N-Triples texts."""
    return prefix_header(prefixes) + "".join(statements(rows, TermWriter(prefixes))).encode("utf-8")
