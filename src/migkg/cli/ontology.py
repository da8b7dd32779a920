"""``migkg ontology-docs``: the ontology's documentation as a web page."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from migkg.cli.common import errors_to_exit, say


@errors_to_exit
def ontology_docs(out: Annotated[Path, typer.Argument(
        help="Folder to write the page to (OUT/index.html); not build/, which `migkg build` replaces.")]):
    """Write the ontology's documentation (classes and properties with their Russian and English labels), made
    by pyLODE from ontology/migkg.ttl, as one self-contained HTML page: OUT/index.html."""
    from migkg.schema.docs import write_ontology_docs

    page = write_ontology_docs(out)
    say(f"wrote {page} ({page.stat().st_size:,} bytes): the ontology's documentation; open it in a browser.")
