"""How good is a draft? Precision and recall per kind of fact, against a reviewed card of the same text.

Matching rules (also in docs/drafting.md, section 5):

* **Actors** — a draft's id stands for a reviewed id when it is the same id, or when the
  draft's (proposed) entry and the reviewed entry share a label or alternative label
  (compared folded: case, ё/е and stress marks ignored). So a proposed ``helena-marsh``
  matches a reviewed ``helena-marsh`` and a proposed ``kgz-minister-foreign-affairs``
  labelled «Minister of Foreign Affairs of the Kyrgyz Republic» matches a reviewed post of
  that label whatever its id.
* **Events** — each draft's event stands for at most one reviewed event, and each reviewed event
  for at most one draft's event, tried in this order: the same id; else the same process and
  number (``meeting_of``, ``number``); else the same kind, the same date (or beginning of the
  period, or its end when only the end is known) and the same place (or no place in either card:
  an online meeting); else, when both cards have exactly one event of that kind, that one. A draft's event that stands for none matches nothing, and nor does any fact about it.
* **Documents** — likewise: the same id; else the same kind and a similar name (below); else,
  when both cards have exactly one document of that kind, that one.
* **states, organisations, persons, processes** — the set of actors of that type the card uses
  anywhere (roles, speakers, mentions, posts held, contacts, claims, positions...).
* **every other kind of fact** but statements — the values declared with the kind of fact
  (:data:`migkg.cards.facts.MATCHINGS`, listed in docs/drafting.md) must be equal once ids are
  aligned; names and titles must also be **similar words** (:func:`similar_words`).
* **direct quotes, reported statements, joint outcomes** — statements of that kind
  (``direct-quote``; ``reported-speech``, proposals and commitments included;
  ``joint-outcome``) match when they share a speaker — a group (``speaker_groups``: the
  participants of an event, an event as a body, officials of a state) counts as a speaker — and
  their evidence overlaps by at least half of the shorter one (characters in common / characters
  of the shorter evidence ≥ 0.5); each is matched at most once, best overlap first.
* **overall** — all the kinds above together (micro-average).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from migkg.cards.facts import MATCHINGS, Matching, matching_keys, named, walk
from migkg.cards.models import Card, Document, Event, Fact, Statement
from migkg.cards.registry import Registry
from migkg.draft.text import fold

STATEMENT_KINDS = {"direct quotes": ("direct-quote",), "reported statements": ("reported-speech",),
                   "joint outcomes": ("joint-outcome",)}
ACTOR_ROWS = (("states", frozenset({"state"})),
              ("organisations", frozenset({"government", "ministry", "intergovernmental-organization"})),
              ("persons", frozenset({"person"})),
              ("processes", frozenset({"regional-consultative-process"})))
OVERLAP = 0.5
"""Statements: the share of the shorter evidence the two must have in common."""
SIMILAR_WORDS = 0.8
"""Names and titles: the share of their words (stems) the two must have in common (:func:`similar_words`)."""
STEM = 5
"""Words are compared by their first letters only, so that «конференции» meets «конференция»."""

Align = Callable[[Any], Any]


@dataclass(frozen=True)
class Row:
    kind: str
    drafted: int
    reviewed: int
    matched_drafted: int
    matched_reviewed: int

    @property
    def precision(self) -> float | None:
        return self.matched_drafted / self.drafted if self.drafted else None

    @property
    def recall(self) -> float | None:
        return self.matched_reviewed / self.reviewed if self.reviewed else None


@dataclass(frozen=True)
class Evaluation:
    rows: list[Row]

    def row(self, kind: str) -> Row:
        return next(r for r in self.rows if r.kind == kind)

    def table(self) -> str:
        """The rows as a text table; kinds of fact neither card has are left out."""
        def figure(value: float | None) -> str:
            return "   –" if value is None else f"{value:.2f}"
        lines = [f"{'kind of fact':<24}{'drafted':>8}{'reviewed':>9}{'matched':>8}{'precision':>10}{'recall':>7}"]
        for row in self.rows:
            if not row.drafted and not row.reviewed:
                continue  # a kind of fact neither card has
            if row.kind == "overall":
                lines.append("-" * 66)
            lines.append(f"{row.kind:<24}{row.drafted:>8}{row.reviewed:>9}{row.matched_reviewed:>8}"
                         f"{figure(row.precision):>10}{figure(row.recall):>7}")
        return "\n".join(lines)


@dataclass(frozen=True)
class CardWithSpans:
    """A card whose evidence is resolved (``loaded.card``), and the registry its ids live in."""

    card: Card
    registry: Registry


def evaluate(draft: CardWithSpans, reviewed: CardWithSpans) -> Evaluation:
    """Precision and recall of ``draft`` per kind of fact, ``reviewed`` being right (rules: the module's docstring)."""
    actors = _aligner(draft.registry, reviewed.registry)
    events = align_events(draft.card.events, reviewed.card.events, actors)
    documents = align_documents(draft.card.documents, reviewed.card.documents)
    align = _with_ids(actors, {**events, **documents}, {e.id for e in draft.card.events}
                      | {d.id for d in draft.card.documents})
    rows = []
    for kind, types in ACTOR_ROWS:
        drafted = {align(i) for i in _actor_ids(draft.card) if _type(draft.registry, i) in types}
        wanted = {i for i in _actor_ids(reviewed.card) if _type(reviewed.registry, i) in types}
        rows.append(_set_row(kind, drafted, wanted))
    for matching in MATCHINGS:
        rows.append(_fact_row(matching, draft.card, reviewed.card, align))
    for kind, kinds in STATEMENT_KINDS.items():
        rows.append(_statement_row(kind, [s for s in draft.card.statements if s.kind in kinds],
                                   [s for s in reviewed.card.statements if s.kind in kinds], align))
    rows.append(Row("overall", sum(r.drafted for r in rows), sum(r.reviewed for r in rows),
                    sum(r.matched_drafted for r in rows), sum(r.matched_reviewed for r in rows)))
    return Evaluation(rows)


# --------------------------------------------------------------------------- aligning ids


def _type(registry: Registry, entity: str) -> str | None:
    return registry.type_of(entity) if entity in registry else None


def _names(registry: Registry, entity: str) -> set[str]:
    entry = registry[entity]
    names = list(entry.labels.values()) + [a for alts in entry.alt_labels.values() for a in alts]
    return {fold(n) for n in names}


def _aligner(draft: Registry, reviewed: Registry) -> Align:
    """A function mapping a draft's actor id to the reviewed registry's id for the same actor."""
    by_name: dict[tuple[str, str], str] = {}
    for entity in sorted(reviewed.entries):
        for name in _names(reviewed, entity):
            by_name.setdefault((reviewed.type_of(entity), name), entity)

    def align(value: Any) -> Any:
        if not isinstance(value, str) or value in reviewed or value not in draft:
            return value
        kind = draft.type_of(value)
        hits = sorted({by_name[(kind, n)] for n in _names(draft, value) if (kind, n) in by_name})
        return hits[0] if hits else value
    return align


def _pair(drafted: list, reviewed: list, rules: Iterable[Callable[[Any, Any], bool]]) -> dict[str, str]:
    """One-to-one pairs of drafted and reviewed entries (by id), the first rule first, each in card order."""
    pairs: dict[str, str] = {}
    taken: set[str] = set()
    for same in rules:
        for made in drafted:
            if made.id in pairs:
                continue
            want = next((w for w in reviewed if w.id not in taken and same(made, w)), None)
            if want is not None:
                pairs[made.id] = want.id
                taken.add(want.id)
    return pairs


def _only_one_of_its_kind(drafted: list, reviewed: list) -> Callable[[Any, Any], bool]:
    drafted_kinds = Counter(e.kind.kind for e in drafted)
    reviewed_kinds = Counter(e.kind.kind for e in reviewed)
    return lambda made, want: (made.kind.kind == want.kind.kind and drafted_kinds[made.kind.kind] == 1
                               and reviewed_kinds[want.kind.kind] == 1)


def align_events(drafted: list[Event], reviewed: list[Event], actors: Align) -> dict[str, str]:
    """Which reviewed event each draft's event stands for (by id): the same id; the same process and number;
    the same kind, date (or beginning of the period, else its end) and place (or none in both); the only event of
    its kind in both cards."""
    def process_and_number(event: Event, align: Align) -> tuple | None:
        if event.meeting_of is None or event.number is None:
            return None
        return align(event.meeting_of.process), event.number.number

    def when_and_where(event: Event, align: Align) -> tuple | None:
        day = event.date.date if event.date else (event.period.begins or event.period.ends) if event.period else None
        if day is None:  # a period known only by its last day ("ended on Thursday") is dated by that day
            return None
        return event.kind.kind, day, align(event.place.place) if event.place else None  # an online one: no place

    def same_key(key: Callable[[Event, Align], tuple | None]) -> Callable[[Event, Event], bool]:
        def same(made: Event, want: Event) -> bool:
            made_key = key(made, actors)
            return made_key is not None and made_key == key(want, lambda v: v)
        return same

    return _pair(drafted, reviewed, (lambda made, want: made.id == want.id, same_key(process_and_number),
                                     same_key(when_and_where), _only_one_of_its_kind(drafted, reviewed)))


def align_documents(drafted: list[Document], reviewed: list[Document]) -> dict[str, str]:
    """Which reviewed document each draft's document stands for: the same id; the same kind and a similar
    name; the only document of its kind in both cards."""
    def kind_and_name(made: Document, want: Document) -> bool:
        return made.kind.kind == want.kind.kind and similar_words(_words(made.name), _words(want.name))
    return _pair(drafted, reviewed, (lambda made, want: made.id == want.id, kind_and_name,
                                     _only_one_of_its_kind(drafted, reviewed)))


def _with_ids(actors: Align, paired: dict[str, str], drafted_ids: set[str]) -> Align:
    """Align actors, and the draft's events and documents to those they stand for; an event or document that
    stands for none becomes a value no reviewed id equals. Tuples (a group: kind and whose) are aligned item by item."""
    def align(value: Any) -> Any:
        if isinstance(value, tuple):
            return tuple(align(v) for v in value)
        if not isinstance(value, str):
            return value
        if value in paired:
            return paired[value]
        if value in drafted_ids:
            return ("unaligned", value)
        return actors(value)
    return align


# --------------------------------------------------------------------------- counting


def _actor_ids(card: Card) -> set[str]:
    """Every registry id the card names, in any field declared to name a registry entry."""
    return {value for entry in walk(card) for names in entry.kind.names if names.registry is not None
            for _, value in named(entry, names)}


def _set_row(kind: str, drafted: set, wanted: set) -> Row:
    common = len(drafted & wanted)
    return Row(kind, len(drafted), len(wanted), common, common)


def _words(fact: Fact) -> str:
    return " ".join(span.text for span in fact.spans)


def _stems(text: str) -> Counter[str]:
    return Counter(word[:STEM] for word in re.findall(r"\w+", fold(text)))


def similar_words(one: str, other: str) -> bool:
    """Whether two names or titles are the same words: their word stems (the first five letters, folded) in
    common are at least 0.8 of all (a multiset Jaccard). "the 3rd Ministerial Conference of the Almaty Process"
    is "3rd Ministerial Conference of the Almaty Process"; "Ministerial Conference" is not.

    >>> similar_words("the 3rd Ministerial Conference of the Almaty Process", "3rd Ministerial Conference of the Almaty Process")
    True
    >>> similar_words("Ministerial Conference", "3rd Ministerial Conference of the Almaty Process")
    False
    >>> similar_words("Третьей министерской конференции", "Третья министерская конференция")
    True
    """
    first, second = _stems(one), _stems(other)
    union = sum((first | second).values())
    return union > 0 and sum((first & second).values()) / union >= SIMILAR_WORDS


def _fact_row(matching: Matching, draft: Card, reviewed: Card, align: Align) -> Row:
    """The row of one kind of fact: sets of keys, or, for names, one-to-one pairs of equal keys and similar words."""
    def units(card: Card, align: Align) -> list[tuple[tuple, str]]:
        return [(align(key), _words(entry.value) if matching.words else "")  # type: ignore[arg-type]
                for entry in walk(card) if entry.kind.name == matching.kind for key in matching_keys(entry, matching)]
    made, wanted = units(draft, align), units(reviewed, lambda v: v)
    if not matching.words:
        return _set_row(matching.row, {key for key, _ in made}, {key for key, _ in wanted})
    used_wanted: set[int] = set()
    matched = 0
    for key, words in made:
        hit = next((j for j, (other_key, other_words) in enumerate(wanted) if j not in used_wanted
                    and other_key == key and similar_words(words, other_words)), None)
        if hit is not None:
            used_wanted.add(hit)
            matched += 1
    return Row(matching.row, len(made), len(wanted), matched, matched)


def _characters(statement: Statement) -> set[int]:
    return {i for span in statement.spans for i in range(span.begin, span.end)}


def _speakers(statement: Statement, align: Align) -> set:
    """Who said it: the speakers' ids and the groups (``("group", kind, whose)``), aligned."""
    return {align(s) for s in statement.speakers} | {("group", g.group, align(g.of)) for g in statement.speaker_groups}


def _statement_row(kind: str, drafted: list[Statement], wanted: list[Statement], align: Align) -> Row:
    pairs = []
    for i, made in enumerate(drafted):
        made_chars, speakers = _characters(made), _speakers(made, align)
        for j, want in enumerate(wanted):
            if not speakers & _speakers(want, lambda v: v):
                continue
            want_chars = _characters(want)
            shorter = min(len(made_chars), len(want_chars)) or 1
            overlap = len(made_chars & want_chars) / shorter
            if overlap >= OVERLAP:
                pairs.append((overlap, i, j))
    used_made, used_wanted = set(), set()
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i not in used_made and j not in used_wanted:
            used_made.add(i)
            used_wanted.add(j)
    return Row(kind, len(drafted), len(wanted), len(used_made), len(used_wanted))
