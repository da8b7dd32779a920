"""What every output format tells the build: its file, its header and footer, its piece of a release, how pieces join.

The dataset is serialised piece by piece (the registry, the vocabulary, each release), each piece
once per format, and a file is its header, its part's pieces in order, and its footer. A format
either makes a piece's chunk from the piece's sorted quads (:meth:`Format.chunk`; the chunk is kept
in the build cache), or, when it is a cheap byte transformation of another format's chunk, makes it
only when the file is written (:attr:`Format.made_from` and :meth:`Format.file_chunk`), so the cache
does not hold the same data twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import pyoxigraph as ox

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]
K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """What a pure function made of a term (its text, its digest, its Turtle or JSON-LD form), kept across the
    pieces a process serialises: the predicates, classes and registry nodes every release names are made once,
    not once per release. A subclass makes a missing value in ``__missing__``. Emptied by :meth:`fresh` once it
    holds more than :attr:`LIMIT` entries (a release's own nodes are never seen again)."""

    LIMIT = 200_000

    def fresh(self) -> Memo[K, V]:
        """This memo, emptied first if it has grown past :attr:`LIMIT` entries."""
        if len(self) > self.LIMIT:
            self.clear()
        return self


@dataclass
class SortedPiece:
    """One piece of the dataset, ready to serialise: its graphs in name order, each with its triples sorted by
    subject, predicate and object (name, its triples in that order), and the same again as the terms'
    N-Triples texts (what the order is of; the N-Quads writer and the Turtle-family writer work on them,
    :mod:`migkg.build.formats.terms`)."""

    graphs: list[tuple[ox.NamedNode, list[Triple]]]
    texts: list[list[tuple[str, str, str]]]

    @property
    def graph_names(self) -> list[str]:
        return [name.value for name, _triples in self.graphs]


class Format:
    """One output format. Subclasses set the class attributes and override :meth:`chunk` (a stored format)
    or :meth:`file_chunk` (a format made from another's chunk when written)."""

    extension: str = ""
    media_type: str = ""                 # its IANA media type
    made_from: str | None = None         # the extension of the stored format its chunks are made from
    separator: bytes = b""               # written between two non-empty chunks of one file
    footer: bytes = b""
    void_feature: str | None = None      # a void:feature the dataset description names for this format
    data_dump: bool = False              # its files are the void:dataDump links (with a download base)

    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = prefixes
        self.header = self.make_header()

    @property
    def stored(self) -> bool:
        """Whether a piece's chunk of this format is made when the piece is built, and kept in the cache."""
        return self.made_from is None

    def make_header(self) -> bytes:
        """The bytes a file of this format starts with (prefix declarations, an opening bracket)."""
        return b""

    def chunk(self, piece: SortedPiece) -> bytes:
        """A piece's chunk, for a stored format."""
        raise NotImplementedError(f"{type(self).__name__} is made from {self.made_from}, not from quads")

    def file_chunk(self, stored: dict[str, bytes], graph_names: list[str]) -> bytes:
        """A piece's chunk as written to the file, from the stored chunks of the piece (by extension)."""
        return stored[self.extension]


def serialised(data: bytes | None) -> bytes:
    """What :func:`pyoxigraph.serialize` returned, when asked for bytes (not to write a file)."""
    assert data is not None, "serialised to bytes, not to a file"
    return data
