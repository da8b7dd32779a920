"""``migkg query``: run a SPARQL query on the built graph."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import pyoxigraph as ox
import typer

from ..errors import MigkgError
from ..iris import DEFAULT_BASE
from .app import BaseOption, OutOption, app, errors_to_exit


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
@errors_to_exit
def query(file: Annotated[Path, typer.Argument(help="A SPARQL query file (.rq).")],
          out: OutOption = Path("build"), base: BaseOption = DEFAULT_BASE,
          fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv or json (SPARQL results).")] = "table",
          param: Annotated[Optional[list[str]], typer.Option(
              "--param", help="Bind a variable: name=value (an IRI in <...> or a plain string).")] = None):
    """Run a SPARQL query on the built graph (run `migkg build` first)."""
    from ..iris import Iris
    from ..query import RESULT_FORMATS, read_query, render, run
    from ..store import store_from_file

    if fmt not in (*RESULT_FORMATS, "table"):
        raise MigkgError(f"--format {fmt!r}: use table, csv, tsv or json.")
    dataset = out / "migkg.nq"
    if not dataset.is_file():
        raise MigkgError(f"{dataset}: no built graph there. Fix: run `migkg build` first (or give --out).")
    query_file = read_query(file)
    bindings = dict(_parse_param(p) for p in (param or []))
    results = run(store_from_file(dataset), query_file, bindings)
    sys.stdout.write(render(results, fmt, Iris(base)))
