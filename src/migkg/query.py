"""Run SPARQL queries on the built dataset and print the answers.

Queries run on Oxigraph with the default graph as the union of all named graphs. Values
for parameters are bound as RDF terms (``substitutions``), never pasted into query text.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, Location, MigkgError
from .outputs import prefixes
from .iris import Iris

RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
                  "tsv": ox.QueryResultsFormat.TSV}
HEADER = re.compile(r"^#\s*(title|question|returns|param|example|description):\s*(.*)$")


@dataclass
class QueryFile:
    path: Path
    text: str
    header: dict[str, list[str]] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return (self.header.get("title") or [self.path.stem])[0]


def read_query(path: Path) -> QueryFile:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(Location(path), "no such query file.", "give the path of a .rq file, e.g. "
                         "queries/research/q01-participating-states.rq.") from None
    except UnicodeDecodeError:
        raise InputError(Location(path), "is not UTF-8 text.", "save the query as UTF-8.") from None
    header: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = HEADER.match(line)
        if match:
            header.setdefault(match.group(1), []).append(match.group(2).strip())
    return QueryFile(path, text, header)


def run(store: ox.Store, query: QueryFile, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None):
    try:
        return store.query(query.text, use_default_graph_as_union=True,
                           substitutions={ox.Variable(k): v for k, v in (bindings or {}).items()})
    except SyntaxError as err:
        raise InputError(Location(query.path), f"is not valid SPARQL: {err}.",
                         "correct the query (see https://www.w3.org/TR/sparql11-query/).") from None
    except OSError as err:
        raise MigkgError(f"{query.path}: the query failed: {err}") from None


def _cell(term, names: dict[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in names.items():
            if term.value.startswith(namespace) and re.fullmatch(r"[\w\-.]+", term.value[len(namespace):]):
                return f"{prefix}:{term.value[len(namespace):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value + (f" @{term.language}" if term.language else "")
    return str(term)


def rows_as_text(results, iris: Iris) -> list[list[str]]:
    names = prefixes(iris)
    return [[_cell(solution[v], names) for v in results.variables] for solution in results]


def render(results, fmt: str, iris: Iris) -> str:
    """The results as a table (for people), or in a W3C SPARQL results format; graphs as Turtle."""
    if isinstance(results, ox.QueryTriples):
        return ox.serialize(list(results), format=ox.RdfFormat.TURTLE, prefixes=prefixes(iris)).decode("utf-8")
    if isinstance(results, ox.QueryBoolean):
        return ("true" if bool(results) else "false") + "\n"
    if fmt in RESULT_FORMATS:
        return results.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8")
    from rich.console import Console
    from rich.table import Table

    variables = [v.value for v in results.variables]
    table = Table(*variables, show_lines=False)
    rows = rows_as_text(results, iris)
    for row in rows:
        table.add_row(*row)
    buffer = io.StringIO()
    Console(file=buffer, width=220, force_terminal=False).print(table)
    return buffer.getvalue() + f"{len(rows)} row(s)\n"
