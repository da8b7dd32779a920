"""One page of a query's answer: ``--limit N`` and ``--offset M`` written into the query as its own
``LIMIT`` and ``OFFSET``, so that the engine (embedded, or any endpoint) computes and sends that page only.

The clause goes after the query's solution modifiers (``ORDER BY`` is kept, so a page is a slice of
the same ordered answer) and before a trailing ``VALUES`` block, where SPARQL 1.1 puts it. A query
that has a ``LIMIT`` or ``OFFSET`` of its own is paged within its own answer: its clause is replaced
by one that gives the page of that answer (``LIMIT 100`` with ``--offset 90 --limit 20`` gives its
rows 91 to 100). Only the top level counts: a sub-select's ``LIMIT`` stays as it is.

The places are found by the tokenizer of :mod:`migkg.stores.binding`, which skips strings, IRIs and
comments, so a ``LIMIT`` in a literal or a comment is never taken for the query's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(r"\s*(\d+)")


@dataclass(frozen=True)
class Page:
    """Rows ``offset + 1`` to ``offset + limit`` of an answer (``limit`` None: to the end)."""

    limit: int | None = None
    offset: int = 0

    @property
    def whole(self) -> bool:
        return self.limit is None and self.offset == 0


@dataclass
class _Modifier:
    keyword: str  # LIMIT or OFFSET
    value: int
    start: int
    end: int


def paged(text: str, page: Page) -> str:
    """``text`` with the LIMIT and OFFSET that give ``page`` of its answer (``text`` itself for the whole)."""
    if page.whole:
        return text
    own, insert_at = _top_level_modifiers(text)
    own_limit = next((m.value for m in own if m.keyword == "LIMIT"), None)
    own_offset = next((m.value for m in own if m.keyword == "OFFSET"), 0)
    offset = own_offset + page.offset
    if own_limit is None:
        limit = page.limit
    else:
        left = max(own_limit - page.offset, 0)
        limit = left if page.limit is None else min(left, page.limit)
    clause = " ".join(part for part in (f"LIMIT {limit}" if limit is not None else "",
                                        f"OFFSET {offset}" if offset else "") if part)
    for modifier in sorted(own, key=lambda m: -m.start):  # cut the query's own clause, last first
        text = text[:modifier.start] + text[modifier.end:]
    if own:  # the new clause takes the place of the first one cut
        insert_at = min(m.start for m in own)
    return f"{text[:insert_at].rstrip()}\n{clause}\n{text[insert_at:].lstrip()}"


def limits_anywhere(text: str) -> bool:
    """True if the query has a LIMIT or OFFSET anywhere: its own, or a sub-select's (strings, IRIs and comments
    skipped)."""
    from migkg.stores.binding import tokens

    return any(match.lastgroup == "word" and match.group().upper() in ("LIMIT", "OFFSET") for match in tokens(text))


def _top_level_modifiers(text: str) -> tuple[list[_Modifier], int]:
    """The LIMIT and OFFSET clauses after the query's WHERE group, and where a new clause goes: before a
    trailing VALUES block, else at the end."""
    from migkg.stores.binding import tokens, where_brace  # with rdflib's parser: loaded only to page

    depth = 0
    brace = where_brace(text)
    modifiers: list[_Modifier] = []
    insert_at = len(text)
    for match in tokens(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
        if match.start() < brace or depth != 0 or kind != "word":
            continue
        word = match.group().upper()
        if word in ("LIMIT", "OFFSET"):
            number = _NUMBER.match(text, match.end())
            if number:
                modifiers.append(_Modifier(word, int(number.group(1)), match.start(), number.end()))
        elif word == "VALUES":
            insert_at = match.start()
            break
    return modifiers, insert_at
