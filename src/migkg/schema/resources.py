"""Where migkg finds its own files (ontology, shapes, rules, queries).

In a source checkout (or an editable install) they are the repository's folders; in an
installed wheel they are packaged under ``migkg/_resources``.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # src/migkg (or site-packages/migkg)


def resource_dir(name: str) -> Path:
    """``ontology`` or ``queries``: the packaged copy if there is one, else the repository's."""
    packaged = _PACKAGE / "_resources" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parents[1] / name


def ontology_dir() -> Path:
    return resource_dir("ontology")


def queries_dir() -> Path:
    return resource_dir("queries")
