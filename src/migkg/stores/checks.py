"""What a SPARQL text is, decided by a SPARQL parser before it is sent anywhere or run.

The read path (``migkg query``, the network analysis, the pages of ``migkg serve``) only ever
sends queries: every text is parsed by rdflib's SPARQL 1.1 parser first, as a query, and one
that is not a query is never sent. A text that parses as a SPARQL Update instead (``DROP ALL``,
``CLEAR GRAPH``, ``INSERT DATA``...) is named as one, so that nobody reads "expected CONSTRUCT"
or "not valid SPARQL results" after a server has already run it (Virtuoso runs an update given
as ``query=``). A query and an update are disjoint in the grammar, so a text that parses as a
query is no update on any server that follows it.

:func:`calls_service` tells whether a query or update holds a ``SERVICE`` pattern (a call from
the server to another address), for ``migkg serve``, which refuses those unless asked.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from migkg.errors import MigkgError
from migkg.stores.binding import _TOKEN

#: what ``migkg query`` says of an update given to it
UPDATE_REFUSED = "is a SPARQL Update; migkg query only reads"


class NotAQuery(MigkgError):
    """A text given as a query is an update, or no SPARQL query at all: bad input, never sent."""

    exit_code = 2

    def __init__(self, problem: str, fix: str, update: bool):
        super().__init__(f"{problem} Fix: {fix}")
        self.problem, self.fix, self.update = problem, fix, update


@functools.lru_cache(maxsize=512)
def parsed_query(text: str) -> ParseResults:
    """``text`` parsed as a SPARQL 1.1 query, or :class:`NotAQuery` saying whether it is an update."""
    try:
        return parseQuery(text)
    except ParseBaseException as not_query:
        if is_update(text):
            raise NotAQuery(f"{UPDATE_REFUSED}.", "run updates with a tool made for writing (`migkg publish` "
                            "loads a build); `migkg query` sends queries only (SELECT, ASK, CONSTRUCT, DESCRIBE).",
                            update=True) from None
        raise NotAQuery(f"is not a valid SPARQL 1.1 query ({_short(not_query)}).",
                        "correct the query (see https://www.w3.org/TR/sparql11-query/).", update=False) from None


def check_query(text: str) -> None:
    """Nothing if ``text`` is a SPARQL 1.1 query; :class:`NotAQuery` otherwise."""
    parsed_query(text)


def is_update(text: str) -> bool:
    """Whether ``text`` parses as a SPARQL 1.1 Update (one or more operations)."""
    try:
        parseUpdate(text)
    except ParseBaseException:
        return False
    return True


def calls_service(text: str) -> bool:
    """Whether a query or update holds a ``SERVICE`` pattern, read by the parser; a text it reads as
    neither (a server's own extension of SPARQL) is scanned for the keyword instead, outside its strings,
    IRIs and comments, so that no call slips by unread."""
    for parse in (parseQuery, parseUpdate):
        try:
            return "ServiceGraphPattern" in set(_names(parse(text)))
        except ParseBaseException:
            continue
    return any(match.lastgroup == "word" and match.group().upper() == "SERVICE"
               for match in _TOKEN.finditer(_unescaped(text)))


def _names(node: object) -> Iterator[str]:
    """The names of the grammar rules in a parse (``SelectQuery``, ``ServiceGraphPattern``...)."""
    if isinstance(node, CompValue):
        yield node.name
        for value in node.values():
            yield from _names(value)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            yield from _names(value)


def _unescaped(text: str) -> str:
    """``\\uXXXX`` and ``\\UXXXXXXXX`` escapes decoded, as SPARQL 1.1 (section 19.2) lets a server do first."""
    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _short(err: ParseBaseException) -> str:
    return f"line {err.lineno}, column {err.col}: {err.msg}"
