"""Turtle: every graph's triples without graph names, made from the TriG chunk when the file is written."""
from __future__ import annotations

import re

from migkg.build.formats.base import Format
from migkg.build.formats.terms import prefix_header

#: a statement line of a TriG graph block, without its leading tab (a line ends at \n: a chunk holds no \r)
_STATEMENT_LINE = re.compile(rb"^\t([^\n]*\n?)", re.MULTILINE)


class Turtle(Format):
    extension = "ttl"
    media_type = "text/turtle"
    made_from = "trig"

    def make_header(self) -> bytes:
        return prefix_header(self.prefixes)

    def file_chunk(self, stored: dict[str, bytes], graph_names: list[str]) -> bytes:
        """The statements inside each TriG ``<g> { … }`` block, one tab less indented.

        Safe line by line: literals are written with their line breaks escaped, so every line of a
        block is either its opening, its closing ``}``, or a statement line starting with a tab.
        So each graph's triples come in order, and a triple in two graphs is written twice
        (still the same RDF graph).
        """
        trig = stored["trig"]
        if b"\r" in trig:  # never written (literals escape it), but then lines would end there too
            return b"".join(line[1:] for line in trig.splitlines(keepends=True) if line.startswith(b"\t"))
        return b"".join(_STATEMENT_LINE.findall(trig))
