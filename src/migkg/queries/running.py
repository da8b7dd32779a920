"""Run a catalogue query on the built dataset or on any SPARQL endpoint, and print the answer.

On the built dataset, queries run on an embedded Oxigraph store with the default graph as
the union of all named graphs, and parameter values are bound as RDF terms through
Oxigraph's ``substitutions``. On an endpoint they go through :class:`migkg.stores.endpoint.EndpointSource`,
which binds them with a VALUES block of serialised terms. Either way a value is never pasted
into the query text.

Either way the text is parsed as a SPARQL 1.1 query first (:mod:`migkg.stores.checks`): an update
is refused, with exit status 2, before it reaches any store ("is a SPARQL Update; migkg query only
reads"). On the built dataset a query with a ``timeout`` runs in a child process that can be
stopped (:mod:`migkg.queries.bounded`); a SERVICE call that fails is one error line, exit status 1.

Answers print as a table for people, as a W3C SPARQL results format (JSON, CSV, TSV) for
programs, and, for CONSTRUCT and DESCRIBE, as Turtle. Every answer, embedded or remote, is
parsed into terms first, its set-valued columns (the query's ``# sets:`` line) sorted, and then
written by :mod:`migkg.queries.results`: the same rows print the same text on every engine.

``migkg query`` writes as it reads (:func:`write_embedded`, :func:`write_remote`): in a results format
each row is written as the engine yields it, set-valued columns sorted row by row, so the first rows
are out before the last are computed and no answer is held whole. A page of the answer
(``--limit``, ``--offset``) is asked of the engine as the query's own LIMIT and OFFSET
(:mod:`migkg.queries.paging`), here and through an endpoint alike.
"""
from __future__ import annotations

import contextlib
import dataclasses
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, TextIO

import pyoxigraph as ox

from migkg.console import table_width
from migkg.errors import InputError, Location, MigkgError
from migkg.mapping.iris import Iris
from migkg.mapping.prefixes import prefixes
from migkg.mapping.terms import Object, Term
from migkg.queries.bounded import in_child, streamed_in_child
from migkg.queries.catalogue import Query, read_query
from migkg.queries.paging import Page, paged
from migkg.queries.results import FORMATS as RESULT_FORMATS
from migkg.queries.results import sorted_sets, sorting_sets, write_boolean, write_rows
from migkg.queries.streaming import Streamed, first_rows
from migkg.stores.sources import Answer, SelectResult, as_answer

if TYPE_CHECKING:  # rdflib's SPARQL parser (checks, binding) and requests (endpoint) load only where used
    from migkg.stores.endpoint import EndpointSource

FORMATS = ("table", *RESULT_FORMATS)
__all__ = ["answer", "answer_embedded", "answer_remote", "evaluate", "output", "read_query", "render", "run",
           "write_answer", "write_embedded", "write_remote"]
WHOLE = Page()


def checked(query: Query, text: str | None = None, *, strict: bool = True) -> None:
    """Nothing if the query's text (or ``text``, the text to send) is a SPARQL 1.1 query; an
    :class:`InputError` naming the file otherwise: an update is never run, nor sent.

    Not ``strict`` (the embedded store, which runs queries only, whatever the text), a text that is
    neither a query nor an update for rdflib's parser is left to Oxigraph, which reads SPARQL 1.2 too."""
    from migkg.stores.checks import NotAQuery, check_query

    try:
        check_query(query.text if text is None else text)
    except NotAQuery as refused:
        if strict or refused.update:
            raise InputError(Location(query.path), refused.problem, refused.fix) from None


def run(store: ox.Store, query: Query, bindings: Mapping[str, Object] | None = None) -> Answer:
    """The answer of ``query`` on the embedded store (union default graph), read in full.

    Reading the answer runs the query (and any SERVICE call in it), so it is read here, where a
    failure becomes one message (see :func:`evaluate`).
    """
    with failures_named(query):
        return as_answer(evaluate(store, query, bindings))


def evaluate(store: ox.Store, query: Query, bindings: Mapping[str, Object] | None = None
             ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Oxigraph's results for ``query`` on the embedded store (union default graph), not read yet: the
    query runs as they are read, so read them inside :func:`failures_named`.

    Values are bound through Oxigraph's ``substitutions`` (pre-binding). Oxigraph takes only
    variables that the query returns there; for a query that binds any other, the values go
    in the VALUES block that remote endpoints get (:func:`migkg.stores.binding.bind_values`).
    """
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(k): v for k, v in (bindings or {}).items()}
    with failures_named(query):
        try:
            return store.query(query.text, use_default_graph_as_union=True, substitutions=substitutions)
        except RuntimeError:
            if not substitutions:
                raise
            from migkg.stores.binding import bind_values

            return store.query(bind_values(query.text, bindings), use_default_graph_as_union=True)


@contextlib.contextmanager
def failures_named(query: Query) -> Iterator[None]:
    """A query that Oxigraph cannot parse is an :class:`InputError` naming the file (an update named as one, by
    rdflib's parser: :func:`checked`); one that fails while it runs (a SERVICE endpoint down...) one
    :class:`MigkgError` line."""
    try:
        yield
    except SyntaxError as err:
        checked(query, strict=False)  # an update, named as one
        raise InputError(Location(query.path), f"is not valid SPARQL: {err}.",
                         "correct the query (see https://www.w3.org/TR/sparql11-query/).") from None
    except (OSError, RuntimeError) as err:
        service = " (a SERVICE call in it could not be answered)" if "SERVICE" in query.text.upper() else ""
        raise MigkgError(f"{query.path}: the query failed{service}: {err}. Fix: check the query, and that every "
                         "SERVICE endpoint it names is up.") from None


def answer_embedded(store: ox.Store, query: Query, bindings: Mapping[str, Object] | None = None,
                    timeout: float | None = None) -> Answer:
    """The answer on the embedded store, parsed, with its set-valued columns sorted.

    With ``timeout`` (seconds; 0 for no deadline) the query runs in a child process that is stopped
    at the deadline or on Ctrl-C (:func:`migkg.queries.bounded.in_child`); without, in this process.
    """
    if timeout is None:
        return answer(run(store, query, bindings), query)
    return answer(in_child(lambda: run(store, query, bindings), timeout, str(query.path)), query)


def answer_remote(source: EndpointSource, query: Query, bindings: Mapping[str, Object] | None = None) -> Answer:
    """The answer of an endpoint (asked for JSON or XML results, parsed), with its set-valued columns sorted.
    The text is parsed as a query before it is sent: an update never leaves."""
    from migkg.stores.binding import bind_values

    checked(query, bind_values(query.text, bindings))
    return answer(source.query(query.text, bindings), query)


def answer(parsed: Answer, query: Query) -> Answer:
    """A parsed answer with the set-valued columns that ``query``'s header declares sorted."""
    return sorted_sets(parsed, query.sets) if isinstance(parsed, SelectResult) else parsed


def page_of(query: Query, page: Page) -> Query:
    """``query`` asking for ``page`` of its answer only (its own LIMIT and OFFSET: see :mod:`migkg.queries.paging`)."""
    return query if page.whole else dataclasses.replace(query, text=paged(query.text, page))


# --------------------------------------------------------------------------- writing an answer as it comes
def write_embedded(store: ox.Store, query: Query, bindings: Mapping[str, Object] | None, fmt: str, iris: Iris,
                   out: TextIO, timeout: float | None = None, page: Page = WHOLE) -> None:
    """``page`` of the answer on the embedded store, written to ``out`` in ``fmt``.

    The results formats (json, csv, tsv) are written row by row as Oxigraph yields them: the first rows
    are out as soon as the engine has them (after its sort, for a query with ORDER BY; before it, for a
    query whose header has a ``# first-rows:`` line: :mod:`migkg.queries.streaming`), and the whole
    answer is never held. A table, which sizes its columns to every row, is written once all are read.
    With ``timeout`` the query runs in a child process (:func:`migkg.queries.bounded.streamed_in_child`)
    that sends what it writes as it goes.
    """
    if timeout is None:
        _write_embedded(store, query, bindings, fmt, iris, out, page)
        return
    streamed_in_child(lambda piped: _write_embedded(store, query, bindings, fmt, iris, piped, page), out, timeout,
                      str(query.path))


def _write_embedded(store: ox.Store, query: Query, bindings: Mapping[str, Object] | None, fmt: str, iris: Iris,
                    out: TextIO, page: Page) -> None:
    rows: Streamed | None = None
    if fmt in RESULT_FORMATS and query.first_rows is not None:
        with failures_named(query):
            rows = first_rows(store, query.text, query.first_rows, bindings or {}, page, written=out.flush)
    if rows is None:
        query = page_of(query, page)
        results = evaluate(store, query, bindings)
        if fmt not in RESULT_FORMATS or not isinstance(results, ox.QuerySolutions):
            with failures_named(query):
                parsed = as_answer(results)
            write_answer(answer(parsed, query), fmt, iris, out)
            return
        rows = Streamed([v.value for v in results.variables], results)
    write_rows(rows.variables, sorting_sets(rows.variables, _reading(rows.rows, rows.variables, query), query.sets),
               fmt, out)


def _reading(solutions: Iterable[ox.QuerySolution], variables: list[str], query: Query
             ) -> Iterator[dict[str, Term | None]]:
    with failures_named(query):
        for solution in solutions:
            yield {v: solution[v] for v in variables}


def write_remote(source: EndpointSource, query: Query, bindings: Mapping[str, Object] | None, fmt: str, iris: Iris,
                 out: TextIO, page: Page = WHOLE) -> None:
    """``page`` of an endpoint's answer, written to ``out`` in ``fmt`` by migkg (never the server's text).
    The page is asked of the server (its LIMIT and OFFSET), which sends that page only."""
    write_answer(answer_remote(source, page_of(query, page), bindings), fmt, iris, out)


def write_answer(parsed: Answer, fmt: str, iris: Iris, out: TextIO) -> None:
    """A parsed answer written to ``out``: a W3C results format for SELECT and ASK; otherwise (a table, or a
    graph) :func:`render`."""
    if fmt in RESULT_FORMATS and isinstance(parsed, SelectResult):
        write_rows(parsed.variables, parsed.rows, fmt, out)
    elif fmt in RESULT_FORMATS and isinstance(parsed, bool):
        write_boolean(parsed, fmt, out)
    else:
        out.write(render(parsed, iris))


def output(parsed: Answer, fmt: str, iris: Iris) -> str:
    """:func:`write_answer` as one string."""
    buffer = io.StringIO()
    write_answer(parsed, fmt, iris, buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- rendering
def render(answer: Answer, iris: Iris) -> str:
    """A table (SELECT), true/false (ASK), or Turtle (CONSTRUCT, DESCRIBE)."""
    if isinstance(answer, bool):
        return ("true" if answer else "false") + "\n"
    if isinstance(answer, list):
        turtle = (ox.serialize(answer, format=ox.RdfFormat.TURTLE, prefixes=prefixes(iris)) or b"").decode("utf-8")
        return turtle if turtle.endswith("\n") else turtle + "\n"
    return table(answer, iris)


def table(result: SelectResult, iris: Iris) -> str:
    from rich.console import Console
    from rich.table import Table

    view = Table(*result.variables, show_lines=False)
    rows = rows_as_text(result, iris)
    for row in rows:
        view.add_row(*row)
    buffer = io.StringIO()
    Console(file=buffer, width=table_width(view), force_terminal=False).print(view)
    return buffer.getvalue() + f"{len(rows)} row(s)\n"


def rows_as_text(result: SelectResult, iris: Iris) -> list[list[str]]:
    names = prefixes(iris)
    return [[_cell(row[v], names) for v in result.variables] for row in result.rows]


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

