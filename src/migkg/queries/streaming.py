"""The first rows of a long sorted answer, written before the engine has sorted the rest.

A SELECT with ORDER BY gives no row until every row is computed and sorted: on 10,000 releases a
whole-corpus listing of the catalogue takes seconds before its first row. A catalogue query whose
answer is sorted first by one variable can say so in its header, with a pattern that gives every
value that variable takes::

    # first-rows: ?source from { ?participation mig:agent ?source }

This says three things, which the tests check for every query that has the line: every row binds
``?source``; its value is one the pattern gives; and the query's first ORDER BY key is ``?source``
(ascending), so the rows of the least value come first. (The pattern runs once per answer: write a
UNION of triple patterns there rather than a path of alternatives, ``mig:agent|org:member``, which
Oxigraph evaluated four times slower on 10,000 releases.) ``migkg query`` then writes the answer in two
parts (:func:`first_rows`):

1. the values the pattern gives (one index scan) are sorted as SPARQL sorts IRIs (by their text), and the
   query is run with ``?source`` bound to the least of them (Oxigraph's ``substitutions``), then the
   next, until one gives rows, or :data:`BUDGET` seconds have gone by with none; for ``--limit N``, on
   until the page is full, as long as the rows come fast enough to fill it within :data:`PAGE_BUDGET`
   more seconds (:func:`_go_on`);
2. then the query is run whole, as its own page ``OFFSET n`` (:mod:`migkg.queries.paging`), ``n`` being
   the rows already written: the engine skips exactly those, since they are the first ``n`` rows of
   its sorted answer.

The rows and their order are those of the query run whole; only the first ones come sooner, and only if
the bound query is quick. Oxigraph answers a bound query from its indexes where the binding reaches every
part of it; where the query, written for the whole answer and for every engine, aggregates or joins whole
tables first, the line names another query that gives the rows of one value::

    # first-rows: ?actor from { ... } using first-rows/q17-roles-of-an-actor-by-year.rq

(relative to the query's folder). That query runs on the embedded store only, so it may use Oxigraph's
``LATERAL`` (SEP-0006) to look up what follows from each row for that row; the tests check, value by
value, that it gives the rows of the whole query that have the value, in the same order. It also answers
the query when ``--param`` binds the variable: one value, at the cost of an index lookup.

The line is used only where it can hold: a SELECT with no LIMIT or OFFSET anywhere in it (a sub-select's
would change meaning once the variable is bound inside it), run on the embedded store, with no other
variable bound by ``--param``, and candidate values that are all IRIs. Otherwise the query simply runs
whole. A fourth promise, that binding the variable gives exactly the rows that have its value, is the
query writer's: the tests check it for the catalogue, value by value.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from migkg.errors import InputError, Location
from migkg.queries.paging import Page, limits_anywhere, paged

if TYPE_CHECKING:
    from migkg.mapping.terms import Object

#: runs a query text with bindings on the store, giving Oxigraph's solutions (read lazily)
Evaluate = Callable[[str, Mapping[str, "Object"]], "ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples"]

#: seconds spent on values that give no row before the query is run whole
BUDGET = 0.5
#: at the pace the rows come, the most seconds that filling a page (``--limit N``) may still take
PAGE_BUDGET = 1.0
_LINE = re.compile(r"^\?(?P<variable>[A-Za-z_][A-Za-z0-9_]*)\s+from\s+(?P<pattern>\{.*\})"
                   r"(?:\s+using\s+(?P<head>\S+\.rq))?\s*$")
_FORM = re.compile(r"(?i)^(SELECT|CONSTRUCT|ASK|DESCRIBE)$")


@dataclass(frozen=True)
class FirstRows:
    """A ``# first-rows:`` line: the variable the answer is sorted by first, a pattern giving its values, and the
    text that gives the rows of one value (None: the query's own, bound)."""

    variable: str
    pattern: str
    head: str | None = None
    where: Location | None = None  # the line, for errors
    head_path: Path | None = None  # the file of ``head``, for errors


def parse_first_rows(path: Path, line: int, value: str) -> FirstRows:
    """The ``# first-rows:`` line at ``line`` of ``path``; an :class:`InputError` naming it if it cannot be read.
    A ``using FILE.rq`` at its end names, relative to ``path``'s folder, the query that gives the rows of one value."""
    where = Location(path, line, "first-rows")
    match = _LINE.match(value.strip())
    if not match:
        raise InputError(where, f"cannot read the first-rows line {value!r}.",
                         "write it as `# first-rows: ?variable from { pattern }`, e.g. `# first-rows: ?source from "
                         "{ ?participation mig:agent ?source }`: the variable the answer is sorted by first, and a "
                         "pattern that gives every value it takes (then, optionally, `using FILE.rq`: a query that "
                         "gives the rows of one value sooner).")
    head, head_path = None, None
    if match.group("head"):
        head_path = Path(path).parent / match.group("head")
        try:
            head = head_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(where, f"the query it names, {head_path}, cannot be read ({err}).",
                             "give the path of a UTF-8 .rq file, relative to the folder of this query.") from None
    return FirstRows(match.group("variable"), match.group("pattern"), head, where, head_path)


@dataclass
class Streamed:
    """An answer's ``variables`` and its ``rows`` (Oxigraph solutions) as they come: from :func:`first_rows`, the first
    ones already computed, then the rest."""

    variables: list[str]
    rows: Iterator[ox.QuerySolution]


def prologue(text: str) -> str:
    """The PREFIX and BASE declarations of a query: its text before the query form (SELECT...)."""
    from migkg.stores.binding import tokens

    for match in tokens(text):
        if match.lastgroup == "word" and _FORM.match(match.group()):
            return text[:match.start()]
    return ""


def values_of(store: ox.Store, text: str, first: FirstRows) -> list[ox.NamedNode] | None:
    """Every value ``first``'s pattern gives, sorted as SPARQL orders IRIs (by their text); None if one is not an
    IRI (blank nodes and literals sort by other rules: the query then runs whole)."""
    question = f"{prologue(text)}SELECT DISTINCT ?{first.variable} WHERE {first.pattern}"
    try:
        solutions = store.query(question, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise InputError(first.where or Location(Path("first-rows")), f"its pattern is not valid SPARQL: {err}.",
                         "write a group graph pattern, such as `{ ?participation mig:agent ?source }`, with the "
                         "prefixes the query declares.") from None
    assert isinstance(solutions, ox.QuerySolutions)
    found = [solution[first.variable] for solution in solutions]
    iris = [value for value in found if isinstance(value, ox.NamedNode)]
    return sorted(iris, key=lambda value: value.value) if len(iris) == len(found) else None


def first_rows(store: ox.Store, text: str, first: FirstRows, bindings: Mapping[str, Object], page: Page,
               run: Evaluate | None = None, written: Callable[[], None] | None = None) -> Streamed | None:
    """``page`` of the answer of ``text``, its first rows computed first (see the module's text); None where the
    first-rows line cannot be used (a query with a page of its own, ``first.variable`` bound by the user, a value
    that is not an IRI, or a binding Oxigraph does not take as a substitution): then run the query whole.

    ``run(text, bindings)`` evaluates a text on the store (default: union default graph, ``substitutions``);
    ``written()`` is called once the head's rows are taken and before the rest is asked for, when the writer has
    written them: flush there, or they wait in a buffer until the engine has sorted the rest."""
    # a LIMIT or OFFSET anywhere: a sub-select's changes meaning once the variable is bound inside it
    if limits_anywhere(text):
        return None
    evaluate = run or _substituting(store)
    if first.variable in bindings:  # one value, given: the rows of the head query, if there is one
        return _bound(first, bindings, page, evaluate) if first.head and len(bindings) == 1 else None
    if bindings:  # another variable bound (q11's fact): the query is narrow already, and the values are not
        return None
    values = values_of(store, text, first)
    if values is None:
        return None
    began = time.perf_counter()
    head: list[ox.QuerySolution] = []
    variables: list[str] | None = None
    done = 0  # values whose rows are in head
    for value in values:
        try:
            solutions = evaluate(first.head or text, {first.variable: value})
        except RuntimeError:  # Oxigraph takes no substitution for this variable here
            return None
        except SyntaxError as err:
            raise _head_error(first, err) from None
        if not isinstance(solutions, ox.QuerySolutions):  # not a SELECT: the line does not apply
            return None
        variables = [v.value for v in solutions.variables]
        head.extend(solutions)
        done += 1
        if not _go_on(head, page, time.perf_counter() - began):
            break
    if variables is None:  # the pattern gives no value: the answer is empty, or the line is wrong; run it whole
        return None
    return Streamed(variables, _rows(head, text, page, evaluate, whole=done == len(values), written=written))


def _head_error(first: FirstRows, err: SyntaxError) -> Exception:
    """A head query that Oxigraph cannot parse, named; the query's own text, as it was raised."""
    if first.head is None or first.head_path is None:
        return err
    return InputError(Location(first.head_path), f"is not valid SPARQL for Oxigraph: {err}.",
                      "correct it: it gives the rows of one value of the query whose `# first-rows:` line names it.")


def _bound(first: FirstRows, bindings: Mapping[str, Object], page: Page, evaluate: Evaluate) -> Streamed | None:
    assert first.head is not None
    try:
        solutions = evaluate(paged(first.head, page), bindings)
    except RuntimeError:
        return None
    except SyntaxError as err:
        raise _head_error(first, err) from None
    if not isinstance(solutions, ox.QuerySolutions):
        return None
    return Streamed([v.value for v in solutions.variables], iter(solutions))


def _go_on(head: list[ox.QuerySolution], page: Page, elapsed: float) -> bool:
    """Whether to bind the next value: the head does not reach into ``page`` yet (for a page of a given length,
    does not fill it), and the rows come soon enough: a first one within :data:`BUDGET` seconds, the rest of a
    page, at the pace so far, within :data:`PAGE_BUDGET` seconds more."""
    if page.limit == 0:  # no row asked for: the first value gave the columns
        return False
    if not head:
        return elapsed <= BUDGET
    if page.limit is None:
        return len(head) <= page.offset and elapsed <= BUDGET
    missing = page.offset + page.limit - len(head)
    return missing > 0 and missing * elapsed / len(head) <= PAGE_BUDGET


def _substituting(store: ox.Store) -> Evaluate:
    def evaluate(text: str, bindings: Mapping[str, Object]) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        return store.query(text, use_default_graph_as_union=True,
                           substitutions={ox.Variable(k): v for k, v in bindings.items()})
    return evaluate


def _rows(head: list[ox.QuerySolution], text: str, page: Page, evaluate: Evaluate, whole: bool,
          written: Callable[[], None] | None = None) -> Iterator[ox.QuerySolution]:
    """The rows of ``page``: those of ``head`` (the answer's first ``len(head)`` rows; ``whole``: all its rows) in
    the page, then the rest from the whole query, which skips the rows ``head`` holds."""
    end = None if page.limit is None else page.offset + page.limit
    yield from head[page.offset:end]
    start = max(page.offset, len(head))
    if whole or (end is not None and start >= end):
        return
    if written is not None:  # asked for the next row: the head's are written
        written()
    rest = evaluate(paged(text, Page(None if end is None else end - start, start)), {})
    assert isinstance(rest, ox.QuerySolutions)  # the same query as the head's
    yield from rest
