"""N-Quads: the named graphs, one quad a line; no header, so the pieces simply follow each other."""
from __future__ import annotations

import pyoxigraph as ox

from migkg.build.formats.base import Format, SortedPiece, serialised


class NQuads(Format):
    extension = "nq"
    media_type = "application/n-quads"
    data_dump = True

    def chunk(self, piece: SortedPiece) -> bytes:
        return serialised(ox.serialize(piece.quads, format=ox.RdfFormat.N_QUADS))
