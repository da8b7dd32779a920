"""N-Quads: the named graphs, one quad a line; no header, so the pieces simply follow each other."""
from __future__ import annotations

from migkg.build.formats.base import Format, SortedPiece


class NQuads(Format):
    extension = "nq"
    media_type = "application/n-quads"
    data_dump = True

    def chunk(self, piece: SortedPiece) -> bytes:
        """Each quad's line joined from its terms' N-Triples texts (the piece's sort keys): the very bytes
        pyoxigraph's N-Quads writer makes of the same quads (tests/test_build_outputs.py checks it), without
        making a quad object for each triple."""
        lines = []
        for (name, _triples), rows in zip(piece.graphs, piece.texts, strict=True):
            end = f" {name} .\n"
            lines += [f"{s} {p} {o}{end}" for s, p, o in rows]
        return "".join(lines).encode("utf-8")
