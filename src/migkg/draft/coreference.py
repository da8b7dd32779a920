"""One meeting, one id: a drafted meeting that another release's card already reports takes that card's event id.

Event ids are shared by all releases (docs/card-format.md), so that three reports of one meeting meet on
one node. A drafted meeting is the event of a card in ``releases/*/card.yaml`` when they are meetings of
the same process with the same number and kind, or, failing that, of the same kind on the same day (or
period start) in the same city. The cards are read as plain YAML (a card under review may not load yet);
the draft's own release is left out. The kind fact's note says which card gave the id and why.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from migkg.draft.meetings import Meeting


@dataclass(frozen=True)
class KnownEvent:
    """An event of a card: what it is matched on, and the release that reports it."""

    id: str
    kind: str | None
    process: str | None
    number: int | None
    day: str | None
    place: str | None
    release: str


def _value(entry: object, *keys: str) -> object:
    for key in keys:
        if not isinstance(entry, dict):
            return None
        entry = entry.get(key)
    return entry


def known_events(releases: Path, leave_out: str) -> list[KnownEvent]:
    """The events of every card under ``releases`` except the release ``leave_out``; unreadable cards are skipped."""
    yaml = YAML(typ="safe")
    found = []
    for card_file in sorted(releases.glob("*/card.yaml")):
        if card_file.parent.name == leave_out:
            continue
        try:
            card = yaml.load(card_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, YAMLError):
            continue
        for event in (card or {}).get("events") or []:
            if not isinstance(event, dict) or not event.get("id"):
                continue
            day = _value(event, "date", "date") or _value(event, "period", "from")
            number = _value(event, "number", "number")
            found.append(KnownEvent(str(event["id"]), _text(_value(event, "kind", "kind")),
                                    _text(_value(event, "meeting_of", "process")),
                                    number if isinstance(number, int) else None, _text(day),
                                    _text(_value(event, "place", "place")), card_file.parent.name))
    return found


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _match(meeting: Meeting, known: list[KnownEvent]) -> tuple[KnownEvent, str] | None:
    event = meeting.event
    kind = str(event.kind.fields["kind"])
    process = event.meeting_of.fields["process"] if event.meeting_of else None
    number = meeting.number
    if process and number:
        for other in known:
            if (other.kind, other.process, other.number) == (kind, process, number):
                return other, f"the same process ({process}) and number ({number})"
    day = event.date.fields["date"] if event.date else event.period.fields.get("from") if event.period else None
    place = event.place.fields["place"] if event.place else None
    if day and place:
        for other in known:
            if (other.kind, other.day, other.place) == (kind, str(day), place):
                return other, f"the same kind, date ({day}) and place ({place})"
    return None


def corefer(meetings: list[Meeting], known: list[KnownEvent]) -> None:
    """Give each drafted meeting the id of the known event it matches, and mend references to the old id."""
    renamed: dict[str, str] = {}
    taken = {m.event.id for m in meetings}
    for meeting in meetings:
        found = _match(meeting, known)
        if found is None or found[0].id in taken:
            continue
        other, why = found
        renamed[meeting.event.id] = other.id
        taken.add(other.id)
        meeting.event.id = other.id
        said = f"Event id from the card of {other.release}: {why}."
        kind = meeting.event.kind
        kind.note = f"{kind.note} {said}" if kind.note else said
    for meeting in meetings:
        part_of = meeting.event.part_of
        if part_of and part_of.fields["event"] in renamed:
            part_of.fields["event"] = renamed[part_of.fields["event"]]
