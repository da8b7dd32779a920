"""The ontology's documentation for people: one HTML page made from ``ontology/migkg.ttl`` by pyLODE.

pyLODE (its OntPub profile) lists the ontology's metadata, then every class and property with its
labels and definitions in each language the ontology gives (Russian and English), its super-classes,
domains and ranges. The page is self-contained (its styles and icons inline), so it opens offline and
from any web server. ``migkg ontology-docs OUT`` writes it; nothing in the repository is generated.
"""
from __future__ import annotations

import logging
from pathlib import Path

from migkg.atomic import write_bytes_atomically
from migkg.schema.resources import ontology_dir

#: the ontology file documented, in ``ontology/``
ONTOLOGY_FILE = "migkg.ttl"
PAGE = "index.html"


def ontology_html() -> str:
    """The documentation page, as pyLODE makes it (its subjects sorted, so that the page is the same each time)."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    from pylode import OntPub  # type: ignore[import-untyped]  # imported only when asked: slow to import

    # importing pyLODE configures the root logger (a DEBUG level and a handler): undo that, so that its
    # progress messages do not reach the terminal
    root.setLevel(level)
    for handler in root.handlers[len(handlers):]:
        root.removeHandler(handler)
    return str(OntPub(ontology=str(ontology_dir() / ONTOLOGY_FILE), sort_subjects=True).make_html())


def write_ontology_docs(out_dir: Path) -> Path:
    """Write the page to ``out_dir/index.html`` (atomically); returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / PAGE
    write_bytes_atomically(page, ontology_html().encode("utf-8"))
    return page
