"""``migkg build`` and ``migkg validate``."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import MigkgError
from ..iris import DEFAULT_BASE
from .app import BaseOption, DataOption, OutOption, app, errors_to_exit, say


@app.command()
@errors_to_exit
def build(data: DataOption = Path("data"), out: OutOption = Path("build"), base: BaseOption = DEFAULT_BASE,
          download_base: Annotated[Optional[str], typer.Option(
              "--download-base", help="URL the files will be published under (for dcat:downloadURL).")] = None):
    """Build the graph from DATA, validate it, and write TriG, N-Quads, JSON-LD, Turtle, N-Triples and VoID."""
    from ..outputs import render, write_atomically
    from ..pipeline import Toolkit, build_dataset
    from ..validate import readable

    started = time.perf_counter()
    result = build_dataset(data, Toolkit.load(base))
    if result.report.issues:
        say(readable(result.report))
    if not result.report.conforms:
        raise MigkgError(f"the graph violates the shapes ({len(result.report.violations)} violation(s)); "
                         f"nothing was written to {out}.")
    files = render(result.graphs, result.toolkit.iris, [r.release_id for r in result.releases], download_base)
    write_atomically(files, out)
    triples = sum(len(g) for g in result.graphs.values())
    say(f"built {len(result.releases)} release(s), {triples} quads in {len(result.graphs)} named graphs, "
         f"{len(result.report.warnings)} warning(s), in {time.perf_counter() - started:.2f} s")
    for name in sorted(files):
        say(f"  {out / name}  ({len(files[name]):,} bytes)")


@app.command()
@errors_to_exit
def validate(data: DataOption = Path("data"), base: BaseOption = DEFAULT_BASE,
             turtle: Annotated[bool, typer.Option("--turtle", help="Print the sh:ValidationReport as Turtle.")] = False,
             report: Annotated[Optional[Path], typer.Option(
                 "--report", help="Also write the sh:ValidationReport as Turtle to this file.")] = None):
    """Validate the cards and the graph against the SHACL shapes; exit 1 on violations."""
    from ..pipeline import Toolkit, build_dataset
    from ..validate import readable, report_graph

    result = build_dataset(data, Toolkit.load(base))
    if turtle or report:
        text = report_graph(result.report).serialize(format="turtle")
        if report:
            report.write_text(text, encoding="utf-8")
        if turtle:
            typer.echo(text)
    if not turtle:
        typer.echo(readable(result.report))
    if not result.report.conforms:
        raise typer.Exit(1)
