"""``migkg queries`` (the catalogue) and ``migkg query`` (run one, here or on an endpoint)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from migkg.cli.common import DEFAULT_BASE, BaseOption, OutOption, errors_to_exit, say
from migkg.errors import InputError, Location

if TYPE_CHECKING:
    from migkg.queries.paging import Page

EndpointOption = Annotated[str | None, typer.Option(
    "--endpoint", metavar="URL", help="A SPARQL 1.1 query endpoint URL (e.g. http://127.0.0.1:7878/query); without it, the "
                       "built dataset. A login comes from MIGKG_ENDPOINT_USER and MIGKG_ENDPOINT_PASSWORD.")]
ConnectTimeoutOption = Annotated[float, typer.Option(
    "--connect-timeout", metavar="SECONDS", help="Seconds to wait for the connection to the endpoint.")]
ReadTimeoutOption = Annotated[float, typer.Option(
    "--read-timeout", metavar="SECONDS", help="Seconds to wait for the endpoint's next bytes once connected.")]
#: seconds an embedded query may run before it is stopped, unless --timeout says otherwise
DEFAULT_TIMEOUT = 300.0
LimitOption = Annotated[str | None, typer.Option(
    "--limit", metavar="N", help="Print at most N rows: the query's LIMIT, after its ORDER BY (a page, with --offset).")]
OffsetOption = Annotated[str | None, typer.Option(
    "--offset", metavar="M", help="Skip the first M rows of the ordered answer: the query's OFFSET.")]
TimeoutOption = Annotated[float, typer.Option(
    "--timeout", metavar="SECONDS", min=0, help="Stop a query on the built dataset after this many seconds (exit "
                                                "status 1); 0: no limit. Ctrl-C stops it too (exit status 130).")]


@errors_to_exit
def query(name: Annotated[str, typer.Argument(help="A catalogue name (see `migkg queries`; q01 for short) or "
                                                    "the path of a .rq file.")], *,
          out: OutOption = Path("build"), base: BaseOption = DEFAULT_BASE,
          fmt: Annotated[str, typer.Option("--format", metavar="FORMAT", help="table, or json, csv, tsv (W3C SPARQL results); "
                                                            "CONSTRUCT and DESCRIBE print Turtle.")] = "table",
          param: Annotated[list[str] | None, typer.Option(
              "--param", metavar="NAME=VALUE", help="Bind a parameter: name=value, typed as the query's `# param:` line says.")] = None,
          endpoint: EndpointOption = None,
          connect_timeout: ConnectTimeoutOption = 10.0, read_timeout: ReadTimeoutOption = 120.0,
          timeout: TimeoutOption = DEFAULT_TIMEOUT, limit: LimitOption = None, offset: OffsetOption = None):
    """Run a query on the built graph (run `migkg build` first) or, with --endpoint, on any SPARQL endpoint.
    Only queries are run or sent: a SPARQL Update is refused (exit status 2). Rows are printed as the
    engine yields them (json, csv, tsv); --limit and --offset ask it for one page of the answer."""
    from migkg.queries.paging import Page

    try:
        page = Page(count_option("--limit", limit), count_option("--offset", offset) or 0)
        _query(name, out, base, fmt, param, endpoint, connect_timeout, read_timeout, timeout, page)
    except KeyboardInterrupt:
        say("migkg: query stopped (Ctrl-C)")
        raise typer.Exit(130) from None


def count_option(option: str, value: str | None) -> int | None:
    """A whole number of rows given to ``option`` (0 or more), None if not given; an :class:`InputError`
    naming the option otherwise."""
    if value is None:
        return None
    text = value.strip()
    if not text.isascii() or not text.isdigit():
        raise InputError(Location(Path(option)), f"{value!r} is not a number of rows.",
                         f"give a whole number, 0 or more: {option} 100.")
    return int(text)


def _query(name: str, out: Path, base: str, fmt: str, param: list[str] | None, endpoint: str | None,
           connect_timeout: float, read_timeout: float, timeout: float, page: Page) -> None:
    from migkg.mapping.iris import Iris
    from migkg.queries.catalogue import bind, parse_assignments, resolve
    from migkg.queries.running import FORMATS, write_embedded, write_remote

    fmt = fmt.lower()  # CSV as well as csv
    if fmt not in FORMATS:
        raise InputError(Location(Path("--format")), f"no format named {fmt!r}.", f"use one of: {', '.join(FORMATS)}.")
    chosen = resolve(name)
    bindings = bind(chosen, parse_assignments(param or []))
    iris = Iris(base)
    if endpoint:
        from migkg.stores.endpoint import EndpointSource
        from migkg.stores.http import Timeouts

        source = EndpointSource(endpoint, Timeouts(connect_timeout, read_timeout))
        write_remote(source, chosen, bindings, fmt, iris, sys.stdout, page)
    else:
        from migkg.stores.opening import open_build

        write_embedded(open_build(out).store, chosen, bindings, fmt, iris, sys.stdout, timeout, page)


@errors_to_exit
def queries(name: Annotated[str | None, typer.Argument(help="Show this query's whole header.")] = None):
    """List the query catalogue: research questions, networks, derivation rules, and their parameters."""
    from migkg.queries.catalogue import KIND_TITLES, load_catalogue

    catalogue = load_catalogue()
    if name:
        sys.stdout.write(describe(catalogue.find(name)))
        return
    from rich.console import Console
    from rich.table import Table

    from migkg.console import table_width

    tables = []
    for kind, title in KIND_TITLES.items():
        entries = catalogue.of_kind(kind)
        if not entries:
            continue
        table = Table("name", "title", "parameters", title=title, title_justify="left", box=None, padding=(0, 2, 0, 0))
        for entry in entries:
            table.add_row(entry.name, entry.title, ", ".join(f"{p.name} ({p.type})" for p in entry.parameters))
        tables.append(table)
    console = Console(width=max((table_width(table) for table in tables), default=80), force_terminal=False, soft_wrap=False)
    for table in tables:
        console.print(table)
        console.print()
    console.print("Run one: migkg query NAME [--param name=value] [--format table|json|csv|tsv] [--endpoint URL]; "
                  "its details: migkg queries NAME")
    console.print("One page of its rows: --limit N --offset M")


def describe(entry) -> str:
    lines = [f"{entry.name}  ({entry.kind}, {entry.form}, {entry.path})", f"title: {entry.title}"]
    if entry.question:
        lines.append(f"question: {entry.question}")
    for returns in entry.header.get("returns", []):
        lines.append(f"returns: {returns}")
    for parameter in entry.parameters:
        lines.append(f"param: {parameter.name} ({parameter.type}: {parameter.how_to_write}) — {parameter.description}")
    for example in entry.header.get("example", []):
        lines.append(f"example: {example}")
    return "\n".join(lines) + "\n"
