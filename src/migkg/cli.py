"""The ``migkg`` command: a thin shell over the library.

Exit status: 0 success; 1 the data violates the shapes (or another failure); 2 bad input
(a card, the registry, a source text, a query) — with one line per problem on stderr
naming the file, line and field, and the fix. Nothing is written unless all went well.
"""
from __future__ import annotations

import functools
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import pyoxigraph as ox
import typer

from .errors import MigkgError
from .iris import DEFAULT_BASE

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Build, validate and query the migkg knowledge graph of migration-dialogue press releases.")

DataOption = Annotated[Path, typer.Option("--data", help="Folder with registry/ and releases/.")]
OutOption = Annotated[Path, typer.Option("--out", help="Output folder of the build.")]
BaseOption = Annotated[str, typer.Option("--base", help="Base IRI of the data (actors, releases, facts).")]


def _errors_to_exit(command):
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except MigkgError as err:
            for line in str(getattr(err, "message", err)).splitlines():
                typer.echo(f"error: {line}", err=True)
            raise typer.Exit(err.exit_code) from None
    return wrapper


def _say(text: str) -> None:
    typer.echo(text, err=True)


@app.command()
@_errors_to_exit
def build(data: DataOption = Path("data"), out: OutOption = Path("build"), base: BaseOption = DEFAULT_BASE,
          download_base: Annotated[Optional[str], typer.Option(
              "--download-base", help="URL the files will be published under (for dcat:downloadURL).")] = None):
    """Build the graph from DATA, validate it, and write TriG, N-Quads, JSON-LD, Turtle, N-Triples and VoID."""
    from .outputs import render, write_atomically
    from .pipeline import Toolkit, build_dataset
    from .validate import readable

    started = time.perf_counter()
    result = build_dataset(data, Toolkit.load(base))
    if result.report.issues:
        _say(readable(result.report))
    if not result.report.conforms:
        raise MigkgError(f"the graph violates the shapes ({len(result.report.violations)} violation(s)); "
                         f"nothing was written to {out}.")
    files = render(result.graphs, result.toolkit.iris, [r.release_id for r in result.releases], download_base)
    write_atomically(files, out)
    triples = sum(len(g) for g in result.graphs.values())
    _say(f"built {len(result.releases)} release(s), {triples} quads in {len(result.graphs)} named graphs, "
         f"{len(result.report.warnings)} warning(s), in {time.perf_counter() - started:.2f} s")
    for name in sorted(files):
        _say(f"  {out / name}  ({len(files[name]):,} bytes)")


@app.command()
@_errors_to_exit
def validate(data: DataOption = Path("data"), base: BaseOption = DEFAULT_BASE,
             turtle: Annotated[bool, typer.Option("--turtle", help="Print the sh:ValidationReport as Turtle.")] = False,
             report: Annotated[Optional[Path], typer.Option(
                 "--report", help="Also write the sh:ValidationReport as Turtle to this file.")] = None):
    """Validate the cards and the graph against the SHACL shapes; exit 1 on violations."""
    from .pipeline import Toolkit, build_dataset
    from .validate import readable, report_graph

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


def _parse_param(text: str) -> tuple[str, ox.NamedNode | ox.Literal]:
    if "=" not in text:
        raise MigkgError(f"--param {text!r}: write it as name=value.")
    name, value = text.split("=", 1)
    if value.startswith("<") and value.endswith(">"):
        return name, ox.NamedNode(value[1:-1])
    if value.startswith(("http://", "https://", "urn:")):
        return name, ox.NamedNode(value)
    return name, ox.Literal(value)


@app.command()
@_errors_to_exit
def query(file: Annotated[Path, typer.Argument(help="A SPARQL query file (.rq).")],
          out: OutOption = Path("build"), base: BaseOption = DEFAULT_BASE,
          fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv or json (SPARQL results).")] = "table",
          param: Annotated[Optional[list[str]], typer.Option(
              "--param", help="Bind a variable: name=value (an IRI in <...> or a plain string).")] = None):
    """Run a SPARQL query on the built graph (run `migkg build` first)."""
    from .iris import Iris
    from .query import RESULT_FORMATS, read_query, render, run
    from .store import store_from_file

    if fmt not in (*RESULT_FORMATS, "table"):
        raise MigkgError(f"--format {fmt!r}: use table, csv, tsv or json.")
    dataset = out / "migkg.nq"
    if not dataset.is_file():
        raise MigkgError(f"{dataset}: no built graph there. Fix: run `migkg build` first (or give --out).")
    query_file = read_query(file)
    bindings = dict(_parse_param(p) for p in (param or []))
    results = run(store_from_file(dataset), query_file, bindings)
    sys.stdout.write(render(results, fmt, Iris(base)))


def main() -> None:  # pragma: no cover - the console script
    app()
