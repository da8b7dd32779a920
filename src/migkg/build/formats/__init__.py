"""The output formats of a build, one module each, all behind :class:`~migkg.build.formats.base.Format`.

A build writes every dump part once per format in :data:`FORMATS`, in this order (the order the
files are listed and described in). Adding a format is one new module here and one line in
:data:`FORMATS`; the serialiser, the dump writer and the description are generic over the list.
"""
from __future__ import annotations

from migkg.build.formats.base import Format, SortedPiece
from migkg.build.formats.jsonld import JsonLd
from migkg.build.formats.nquads import NQuads
from migkg.build.formats.ntriples import NTriples
from migkg.build.formats.trig import TriG
from migkg.build.formats.turtle import Turtle

__all__ = ["FORMATS", "Format", "SortedPiece", "extensions", "formats_for", "media_type"]

#: every format a build writes, in publication order (TriG, N-Quads and JSON-LD keep the named graphs)
FORMATS: tuple[type[Format], ...] = (TriG, NQuads, JsonLd, Turtle, NTriples)


def formats_for(prefixes: dict[str, str]) -> list[Format]:
    """One instance of each format, with the namespace prefixes the Turtle-family formats declare."""
    return [kind(prefixes) for kind in FORMATS]


def extensions() -> tuple[str, ...]:
    """The file extensions of :data:`FORMATS`, in order."""
    return tuple(kind.extension for kind in FORMATS)


def media_type(extension: str) -> str:
    """The IANA media type of the format with this file extension."""
    for kind in FORMATS:
        if kind.extension == extension:
            return kind.media_type
    raise KeyError(extension)
