"""How good is a draft? Precision and recall per kind of fact, against a reviewed card of the same text.

Matching rules (also in docs/drafting.md):

* **Events** — a draft's event stands for the reviewed event of the same kind, date and place.
* **Actors** — a draft's id stands for a reviewed id when it is the same id, or when the
  draft's (proposed) entry and the reviewed entry share a label or alternative label
  (compared folded: case, ё/е and stress marks ignored). So a proposed ``helena-marsh``
  matches a reviewed ``helena-marsh`` and a proposed ``kgz-minister-foreign-affairs``
  labelled «Minister of Foreign Affairs of the Kyrgyz Republic» matches a reviewed post of
  that label whatever its id.
* **states, organisations, persons** — the set of actors of that type the card uses
  anywhere (roles, speakers, mentions, posts held, contacts, claims).
* **posts** — (person, post) of ``posts_held``. **roles** — (role, agent) of the events'
  roles. **contacts** — (person, organisation). **events** — (kind, date, place).
  **claims** — (count or duration, what it is about). **process launches** — the process.
  (These keys are declared with the kinds of fact: :data:`migkg.cards.facts.MATCHINGS`.)
* **direct quotes, reported statements, joint outcomes** — statements of that kind
  (``direct-quote``; ``reported-speech``, proposals and commitments included;
  ``joint-outcome``) match when they share a speaker and their evidence overlaps by at least
  half of the shorter one (characters in common / characters of the shorter evidence ≥ 0.5);
  each reviewed statement is matched at most once, best overlap first.
* **overall** — all the kinds above together (micro-average).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from migkg.cards.facts import MATCHINGS, Matching, matching_key, named, walk
from migkg.cards.models import Card
from migkg.cards.registry import Registry
from migkg.draft.text import fold

STATEMENT_KINDS = {"direct quotes": ("direct-quote",), "reported statements": ("reported-speech",),
                   "joint outcomes": ("joint-outcome",)}
ORGANISATION_TYPES = frozenset({"government", "ministry", "intergovernmental-organization"})
OVERLAP = 0.5


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
        def figure(value: float | None) -> str:
            return "   –" if value is None else f"{value:.2f}"
        lines = [f"{'kind of fact':<22}{'drafted':>8}{'reviewed':>9}{'matched':>8}{'precision':>10}{'recall':>7}"]
        for row in self.rows:
            if row.kind == "overall":
                lines.append("-" * 64)
            lines.append(f"{row.kind:<22}{row.drafted:>8}{row.reviewed:>9}{row.matched_reviewed:>8}"
                         f"{figure(row.precision):>10}{figure(row.recall):>7}")
        return "\n".join(lines)


@dataclass(frozen=True)
class CardWithSpans:
    """A card whose evidence is resolved (``loaded.card``), and the registry its ids live in."""

    card: Card
    registry: Registry


def evaluate(draft: CardWithSpans, reviewed: CardWithSpans) -> Evaluation:
    align = _with_events(_aligner(draft.registry, reviewed.registry), draft.card, reviewed.card)
    rows = []
    for kind, types in (("states", frozenset({"state"})), ("organisations", ORGANISATION_TYPES),
                        ("persons", frozenset({"person"}))):
        drafted = {align(i) for i in _actor_ids(draft.card) if _type(draft.registry, i) in types}
        wanted = {i for i in _actor_ids(reviewed.card) if _type(reviewed.registry, i) in types}
        rows.append(_set_row(kind, drafted, wanted))
    for matching in MATCHINGS:
        rows.append(_set_row(matching.row, _aligned(_keys(draft.card, matching), align), _keys(reviewed.card, matching)))
    for kind, kinds in STATEMENT_KINDS.items():
        rows.append(_statement_row(kind, [s for s in draft.card.statements if s.kind in kinds],
                                   [s for s in reviewed.card.statements if s.kind in kinds], align))
    rows.append(Row("overall", sum(r.drafted for r in rows), sum(r.reviewed for r in rows),
                    sum(r.matched_drafted for r in rows), sum(r.matched_reviewed for r in rows)))
    return Evaluation(rows)


def _type(registry: Registry, entity: str) -> str | None:
    return registry.type_of(entity) if entity in registry else None


def _names(registry: Registry, entity: str) -> set[str]:
    entry = registry[entity]
    names = list(entry.labels.values()) + [a for alts in entry.alt_labels.values() for a in alts]
    return {fold(n) for n in names}


def _aligner(draft: Registry, reviewed: Registry) -> Callable[[Any], Any]:
    """A function mapping a draft's id to the reviewed registry's id for the same actor."""
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


def _with_events(align: Callable[[Any], Any], draft: Card, reviewed: Card) -> Callable[[Any], Any]:
    """Also map a draft's event id to the reviewed event of the same kind, date and place."""
    def key(event, place_of) -> tuple:
        return (event.kind.kind, event.date.date if event.date else None,
                place_of(event.place.place) if event.place else None)
    reviewed_ids = {key(e, lambda p: p): e.id for e in reviewed.events}
    events = {e.id: reviewed_ids[key(e, align)] for e in draft.events if key(e, align) in reviewed_ids}

    def align_with_events(value: Any) -> Any:
        return events.get(value, align(value)) if isinstance(value, str) else value
    return align_with_events


def _aligned(items: set, align: Callable[[Any], Any]) -> set:
    return {tuple(align(v) for v in item) if isinstance(item, tuple) else align(item) for item in items}


def _keys(card: Card, matching: Matching) -> set[tuple[object, ...]]:
    """What each entry of the matching's kind is known by (:data:`migkg.cards.facts.MATCHINGS`)."""
    return {matching_key(entry, matching) for entry in walk(card) if entry.kind.name == matching.kind}


def _actor_ids(card: Card) -> set[str]:
    """Every registry id the card names, in any field declared to name a registry entry."""
    return {value for entry in walk(card) for names in entry.kind.names if names.registry is not None
            for _, value in named(entry, names)}


def _set_row(kind: str, drafted: set, wanted: set) -> Row:
    common = len(drafted & wanted)
    return Row(kind, len(drafted), len(wanted), common, common)


def _characters(statement) -> set[int]:
    return {i for span in statement.evidence.spans for i in range(span.begin, span.end)}


def _statement_row(kind: str, drafted: list, wanted: list, align: Callable[[Any], Any]) -> Row:
    pairs = []
    for i, made in enumerate(drafted):
        made_chars, speakers = _characters(made), {align(s) for s in made.speakers}
        for j, want in enumerate(wanted):
            if not speakers & set(want.speakers):
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
