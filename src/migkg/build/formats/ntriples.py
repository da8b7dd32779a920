"""N-Triples: every graph's triples without graph names, made from the N-Quads chunk when the file is written."""
from __future__ import annotations

from migkg.build.formats.base import Format


class NTriples(Format):
    extension = "nt"
    media_type = "application/n-triples"
    made_from = "nq"

    def file_chunk(self, stored: dict[str, bytes], graph_names: list[str]) -> bytes:
        """The N-Quads chunk with its graph names cut off each line (a few byte replacements)."""
        data = stored["nq"]
        for name in graph_names:
            data = data.replace(f" <{name}> .\n".encode(), b" .\n")
        return data
