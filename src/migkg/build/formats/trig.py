"""TriG: the named graphs, with prefixes; a piece's chunk is its graph blocks (:mod:`migkg.build.formats.terms`)."""
from __future__ import annotations

from migkg.build.formats.base import Format, SortedPiece
from migkg.build.formats.terms import TermWriter, prefix_header, trig_blocks


class TriG(Format):
    extension = "trig"
    media_type = "application/trig"
    void_feature = "http://www.w3.org/ns/formats/TriG"

    def __init__(self, prefixes: dict[str, str]):
        super().__init__(prefixes)
        self.terms = TermWriter(prefixes)  # kept across pieces: each release names the same predicates and classes

    def make_header(self) -> bytes:
        return prefix_header(self.prefixes)

    def chunk(self, piece: SortedPiece) -> bytes:
        self.terms.fresh()
        return trig_blocks(((str(name), rows) for (name, _triples), rows in zip(piece.graphs, piece.texts, strict=True)),
                           self.prefixes, self.terms)
