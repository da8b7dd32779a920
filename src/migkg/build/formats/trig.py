"""TriG: the named graphs, with prefixes; a piece is pyoxigraph's TriG of its sorted quads, less the header."""
from __future__ import annotations

import pyoxigraph as ox

from migkg.build.formats.base import SAMPLE, Format, SortedPiece, prefix_lines, serialised


class TriG(Format):
    extension = "trig"
    media_type = "application/trig"
    void_feature = "http://www.w3.org/ns/formats/TriG"

    def make_header(self) -> bytes:
        return prefix_lines(serialised(ox.serialize([SAMPLE], format=ox.RdfFormat.TRIG, prefixes=self.prefixes)))

    def chunk(self, piece: SortedPiece) -> bytes:
        data = ox.serialize(piece.quads, format=ox.RdfFormat.TRIG, prefixes=self.prefixes)
        return self.without_header(serialised(data))
