"""What the drafter produces before it is written out: facts with spans, method and confidence.

A :class:`Drafted` fact carries the card fields it will have, the character spans of its
evidence, how it was found (``method``) and how sure the drafter is (``confidence``, 0-1).
The card writer turns spans into quotes and method and confidence into the fact's note.

The drafted card mirrors the card (:mod:`migkg.cards.models`): its lists and attributes are named
as the card's fields (``events``, ``roles``, ``posts_held``...), because the writer nests and orders
them by the declared kinds of entry (:data:`migkg.cards.facts.FACT_KINDS`), field by field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from unidecode import unidecode


@dataclass
class Drafted:
    fields: dict[str, Any]
    spans: list[tuple[int, int]]
    method: str
    confidence: float
    note: str | None = None


@dataclass
class Proposal:
    """A registry entry the drafter proposes for an actor the registry does not know."""

    id: str
    type: str
    labels: dict[str, str]
    method: str
    confidence: float
    alt_labels: dict[str, list[str]] = field(default_factory=dict)
    part_of: str | None = None
    organisation: str | None = None
    comment: str | None = None


@dataclass
class DraftEvent:
    id: str
    kind: Drafted
    name: Drafted
    date: Drafted | None = None
    period: Drafted | None = None
    place: Drafted | None = None
    meeting_of: Drafted | None = None
    number: Drafted | None = None
    part_of: Drafted | None = None
    attendance: Drafted | None = None
    purposes: list[Drafted] = field(default_factory=list)
    roles: list[Drafted] = field(default_factory=list)


@dataclass
class DraftProcess:
    id: str
    kind: Drafted | None = None
    launched_at: Drafted | None = None
    positions: list[Drafted] = field(default_factory=list)
    handovers: list[Drafted] = field(default_factory=list)
    memberships: list[Drafted] = field(default_factory=list)


@dataclass
class DraftDocument:
    id: str
    kind: Drafted
    name: Drafted
    adoptions: list[Drafted] = field(default_factory=list)


@dataclass
class DraftCard:
    release_id: str
    language: str
    kind: Drafted
    title: Drafted
    issued: Drafted | None
    url: str | None = None
    place: Drafted | None = None
    publishers: list[Drafted] = field(default_factory=list)
    authors: list[Drafted] = field(default_factory=list)
    relays: list[Drafted] = field(default_factory=list)
    contacts: list[Drafted] = field(default_factory=list)
    places: list[Drafted] = field(default_factory=list)
    events: list[DraftEvent] = field(default_factory=list)
    posts_held: list[Drafted] = field(default_factory=list)
    processes: list[DraftProcess] = field(default_factory=list)
    statements: list[Drafted] = field(default_factory=list)
    claims: list[Drafted] = field(default_factory=list)
    documents: list[DraftDocument] = field(default_factory=list)
    groupings: list[Drafted] = field(default_factory=list)
    proposals: dict[str, Proposal] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


#: words left out of ids made from titles and names («Minister of the Interior» → ``minister-interior``)
ID_STOP_WORDS = frozenset({"of", "the", "for", "in", "and", "on", "to", "po", "i", "v", "na", "s"})


def slug(text: str, limit: int = 60, leave_out: frozenset[str] = frozenset()) -> str:
    """An ASCII id from a name: «Жанна Досова» → ``zhanna-dosova``."""
    ascii_text = unidecode(text).lower()
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_text) if w not in leave_out]
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > limit:
            break
        result = candidate
    return result or "x"
