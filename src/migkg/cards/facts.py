"""Every kind of entry a card states, declared once; and the one walk that finds them in a card.

A :class:`FactKind` says where its entries live in a card (``events[].roles[]``), which pydantic
model they are, how their IRI is made from their fields, which of their fields name something
else (a registry entry, an event of the card, a vocabulary term) and whether their ids must be
unique. The rest of migkg derives its view of a card from :data:`FACT_KINDS` rather than walking
the card its own way: the reference checks (:mod:`migkg.cards.references`), the IRIs of the facts
(:meth:`migkg.mapping.iris.Iris.of`), the mapping's dispatch (:mod:`migkg.mapping.release`), the
card locations of validation issues (:mod:`migkg.validation.card_locations`), the draft writer's
order (:mod:`migkg.draft.card_writer`) and the evaluation's matching (:data:`MATCHINGS`).

To add a kind of fact: its model in :mod:`migkg.cards.models`, its declaration here, its mapping
function in :mod:`migkg.mapping.release`, its classes and shapes in ``ontology/``, and the docs.

>>> card = Card.model_validate({"card": 1, "release": {
...     "id": "r1", "language": "en", "kind": {"kind": "press-release", "evidence": "Press"},
...     "title": {"evidence": "Title"}, "issued": {"date": "2013-06-05", "evidence": "5 June"}},
...     "events": [{"id": "conf", "kind": {"kind": "conference", "evidence": "c"}, "name": {"evidence": "n"},
...                 "roles": [{"role": "host", "agent": "KAZ", "evidence": "KAZ"}]}]})
>>> [(o.kind.name, o.path) for o in walk(card) if o.kind.name.startswith(("event", "participation"))]
[('event', ('events', 0)), ('event-kind', ('events', 0, 'kind')), ('event-name', ('events', 0, 'name')), \
('participation', ('events', 0, 'roles', 0))]
>>> iri_path(next(o for o in walk(card) if o.kind.name == "participation"))
'release/r1/participation/conf--host--KAZ'
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from typing import Literal, NamedTuple

from pydantic import BaseModel

from migkg.cards.models import (
    Adoption,
    AgentFact,
    AttendanceFact,
    Card,
    Claim,
    Contact,
    DateFact,
    Document,
    Event,
    EventRef,
    Grouping,
    GroupRef,
    Handover,
    KindFact,
    Launch,
    Membership,
    NumberFact,
    PeriodFact,
    PlaceFact,
    PlaceInState,
    PostHeld,
    ProcessInRelease,
    ProcessPosition,
    ProcessRef,
    Purpose,
    Relay,
    Release,
    RoleInEvent,
    Statement,
    WordsFact,
    date_text,
)
from migkg.cards.registry import AGENT_TYPES, ORGANISATION_TYPES, OUTLET_TYPES, STATE_TYPES

Path_ = tuple[int | str, ...]

PLACE = frozenset({"city"})
PERSON = frozenset({"person"})
POST = frozenset({"post"})
PROCESS = frozenset({"regional-consultative-process"})

Vocabulary = Literal["classes", "event-classes", "event-roles", "statement-kinds", "topics", "roles",
                     "document-classes", "positions", "statuses", "actions", "regions"]
"""The sets of vocabulary terms a card may name (see :class:`migkg.schema.vocabulary.Vocabulary`)."""


@dataclass(frozen=True)
class Names:
    """A field whose value (or each value, for a list) names something else.

    Exactly one of: ``registry`` (the registry entry types it may name; an empty set means any
    entry, or an event or document of this card), ``event`` (an event of this card), ``vocabulary``
    (a set of vocabulary terms).
    """

    field: str
    registry: frozenset[str] | None = None
    event: bool = False
    vocabulary: Vocabulary | None = None


ANY_ENTRY: frozenset[str] = frozenset()
"""For :attr:`Names.registry`: any registry entry, or an event or document of the card."""


@dataclass(frozen=True)
class FactKind:
    """One kind of entry of a card.

    ``path`` is where the entries live: field names joined by ``.``, ``[]`` after a list. An entry
    whose path extends another's lies inside it (``events[].name`` inside ``events[]``).
    ``iri`` is the IRI of an entry under the data's base: ``{field}`` is a field of the entry,
    ``{^field}`` a field of the entry it lies in, ``{?field}`` ``--`` and an optional field where it is
    set (nothing where not), ``{#}`` the entry's place in its list counting from 1, ``{release}`` the
    card's release id; ``None`` where the entry has no node of its own (a process is a registry
    entity). Keys of several fields are joined by ``--``, as the IRIs have always been.
    """

    name: str
    path: str
    model: type[BaseModel]
    iri: str | None
    names: tuple[Names, ...] = ()
    unique_id: str | None = None
    """What the entries are called in a duplicate-id error, where their ``id`` must be unique in the card."""
    suppliable: bool = False
    """Whether an entry may be ``supplied`` by the curator (release metadata the text does not state)
    instead of citing evidence."""

    @cached_property
    def steps(self) -> tuple[tuple[str, bool], ...]:
        """The path as (field, is a list) steps."""
        return tuple((step.removesuffix("[]"), step.endswith("[]")) for step in self.path.split("."))

    @property
    def field(self) -> str:
        """The field of the enclosing entry (or of the card) that holds these entries."""
        return self.steps[-1][0]

    @property
    def is_list(self) -> bool:
        return self.steps[-1][1]

    @cached_property
    def iri_parts(self) -> tuple[str, ...]:
        """The IRI pattern split once (the build mints an IRI per entry): text, then ``^`` or '', a field name,
        text, ... (empty where the kind has no node of its own)."""
        return tuple(_PLACEHOLDER.split(self.iri)) if self.iri is not None else ()

    @cached_property
    def parent(self) -> str | None:
        """The path of the kind these entries lie in, or None at the top of the card."""
        return self.path.rsplit(".", 1)[0] if "." in self.path else None


_RELEASE_FACT = "release/{release}/"

_GROUP_OF: tuple[Names, ...] = ()  # what a group is of depends on the kind of group: checked by cards.references
_TIMED = (Names("at_event", event=True),)

FACT_KINDS: tuple[FactKind, ...] = (
    FactKind("release", "release", Release, "release/{id}"),
    FactKind("release-kind", "release.kind", KindFact, _RELEASE_FACT + "attestation/release--type",
             (Names("kind", vocabulary="classes"),)),
    FactKind("release-title", "release.title", WordsFact, _RELEASE_FACT + "attestation/release--title"),
    FactKind("release-issued", "release.issued", DateFact, _RELEASE_FACT + "attestation/release--issued",
             suppliable=True),
    FactKind("release-place", "release.place", PlaceFact, _RELEASE_FACT + "attestation/release--place",
             (Names("place", registry=PLACE),)),
    FactKind("publisher", "release.publishers[]", AgentFact, _RELEASE_FACT + "attestation/release--publisher--{agent}",
             (Names("agent", registry=AGENT_TYPES),), suppliable=True),
    FactKind("author", "release.authors[]", AgentFact, _RELEASE_FACT + "attestation/release--author--{agent}",
             (Names("agent", registry=AGENT_TYPES),), suppliable=True),
    FactKind("relay", "release.relays[]", Relay, _RELEASE_FACT + "relayed-report/{outlet}",
             (Names("outlet", registry=OUTLET_TYPES),)),
    FactKind("contact", "release.contacts[]", Contact, _RELEASE_FACT + "contact/{person}",
             (Names("person", registry=PERSON), Names("organisation", registry=ORGANISATION_TYPES))),
    FactKind("place-in-state", "places[]", PlaceInState, _RELEASE_FACT + "attestation/place--{place}--state",
             (Names("place", registry=PLACE), Names("state", registry=STATE_TYPES))),
    FactKind("event", "events[]", Event, "event/{id}", unique_id="event"),
    FactKind("event-kind", "events[].kind", KindFact, _RELEASE_FACT + "attestation/event--{^id}--type",
             (Names("kind", vocabulary="event-classes"),)),
    FactKind("event-name", "events[].name", WordsFact, _RELEASE_FACT + "attestation/event--{^id}--name"),
    FactKind("event-date", "events[].date", DateFact, _RELEASE_FACT + "attestation/event--{^id}--date"),
    FactKind("event-period", "events[].period", PeriodFact, _RELEASE_FACT + "attestation/event--{^id}--period"),
    FactKind("event-place", "events[].place", PlaceFact, _RELEASE_FACT + "attestation/event--{^id}--place",
             (Names("place", registry=PLACE),)),
    FactKind("meeting-of", "events[].meeting_of", ProcessRef, _RELEASE_FACT + "attestation/event--{^id}--meeting-of",
             (Names("process", registry=PROCESS),)),
    FactKind("event-number", "events[].number", NumberFact, _RELEASE_FACT + "attestation/event--{^id}--number"),
    FactKind("part-of", "events[].part_of", EventRef, _RELEASE_FACT + "attestation/event--{^id}--part-of",
             (Names("event", event=True),)),
    FactKind("event-attendance", "events[].attendance", AttendanceFact,
             _RELEASE_FACT + "attestation/event--{^id}--attendance"),
    FactKind("purpose", "events[].purposes[]", Purpose, _RELEASE_FACT + "purpose/{^id}--{#}",
             (Names("topics", vocabulary="topics"),)),
    FactKind("participation", "events[].roles[]", RoleInEvent, _RELEASE_FACT + "participation/{^id}--{role}--{agent}",
             (Names("role", vocabulary="event-roles"), Names("agent", registry=AGENT_TYPES),
              Names("on_behalf_of", registry=ORGANISATION_TYPES))),
    FactKind("post-holding", "posts_held[]", PostHeld, _RELEASE_FACT + "post-holding/{person}--{post}--{at_event}",
             (Names("person", registry=PERSON), Names("post", registry=POST), Names("at_event", event=True))),
    FactKind("process", "processes[]", ProcessInRelease, None, (Names("id", registry=PROCESS),), unique_id="process"),
    FactKind("process-kind", "processes[].kind", KindFact, _RELEASE_FACT + "attestation/process--{^id}--type",
             (Names("kind", vocabulary="classes"),)),
    FactKind("launch", "processes[].launched_at", Launch, _RELEASE_FACT + "launch/{^id}",
             (Names("event", event=True), Names("place", registry=PLACE))),
    FactKind("position", "processes[].positions[]", ProcessPosition,
             _RELEASE_FACT + "position/{^id}--{position}--{holder}{?at_event}{?on}{?period}",
             (Names("position", vocabulary="positions"), Names("holder", registry=AGENT_TYPES), *_TIMED)),
    FactKind("handover", "processes[].handovers[]", Handover,
             _RELEASE_FACT + "handover/{^id}--{position}--{next}{?at_event}{?on}",
             (Names("position", vocabulary="positions"), Names("previous", registry=AGENT_TYPES),
              Names("next", registry=AGENT_TYPES), *_TIMED)),
    FactKind("membership", "processes[].memberships[]", Membership,
             _RELEASE_FACT + "membership/{^id}--{status}--{agent}{?at_event}{?on}{?period}",
             (Names("status", vocabulary="statuses"), Names("agent", registry=AGENT_TYPES), *_TIMED)),
    FactKind("document", "documents[]", Document, "document/{id}", unique_id="document"),
    FactKind("document-kind", "documents[].kind", KindFact, _RELEASE_FACT + "attestation/document--{^id}--type",
             (Names("kind", vocabulary="document-classes"),)),
    FactKind("document-name", "documents[].name", WordsFact, _RELEASE_FACT + "attestation/document--{^id}--name"),
    FactKind("adoption", "documents[].adoptions[]", Adoption, _RELEASE_FACT + "adoption/{^id}--{action}--{at_event}",
             (Names("action", vocabulary="actions"), Names("at_event", event=True),
              Names("parties", registry=AGENT_TYPES))),
    FactKind("party-group", "documents[].adoptions[].party_groups[]", GroupRef, None, _GROUP_OF),
    FactKind("statement", "statements[]", Statement, _RELEASE_FACT + "statement/{id}",
             (Names("kind", vocabulary="statement-kinds"), Names("speakers", registry=AGENT_TYPES),
              Names("topics", vocabulary="topics"), Names("mentions", registry=ANY_ENTRY),
              Names("at_event", event=True), Names("on_behalf_of", registry=ORGANISATION_TYPES),
              Names("about", registry=ANY_ENTRY), Names("proposed_role", vocabulary="roles")),
             unique_id="statement"),
    FactKind("speaker-group", "statements[].speaker_groups[]", GroupRef, None, _GROUP_OF),
    FactKind("claim", "claims[]", Claim, _RELEASE_FACT + "claim/{id}",
             (Names("about", registry=ANY_ENTRY), Names("claimant", registry=AGENT_TYPES),
              Names("counted", vocabulary="classes"), Names("counted_role", vocabulary="roles")),
             unique_id="claim"),
    FactKind("grouping", "groupings[]", Grouping, _RELEASE_FACT + "grouping/{id}",
             (Names("about", registry=ANY_ENTRY), Names("role", vocabulary="event-roles"),
              Names("regions", vocabulary="regions")),
             unique_id="grouping"),
)
"""Every kind of entry, in card order: the walk, the mapping and the draft writer follow this order."""

KIND_NAMED = {kind.name: kind for kind in FACT_KINDS}
_CHILDREN = {kind.path: [child for child in FACT_KINDS if child.parent == kind.path] for kind in FACT_KINDS}
_TOP = [kind for kind in FACT_KINDS if kind.parent is None]


def top_kinds() -> list[FactKind]:
    """The kinds whose entries are fields of the card itself (the release, the events...), in declaration order."""
    return _TOP


def children(kind: FactKind) -> list[FactKind]:
    """The kinds whose entries lie directly inside entries of ``kind``, in declaration order."""
    return _CHILDREN[kind.path]


class Occurrence(NamedTuple):
    """One entry of a card: its kind, its path in the card, the model instance, and what it lies in.

    A named tuple: the build makes one per entry of every card, and a tuple is made several times
    faster than a frozen dataclass."""

    kind: FactKind
    path: Path_
    value: BaseModel
    release_id: str
    parent: Occurrence | None = None


def walk(card: Card) -> Iterator[Occurrence]:
    """Every entry of the card, depth first in card order: each entry, then the entries inside it."""
    release_id = card.release.id
    for kind in _TOP:
        yield from _entries(kind, card, (), None, release_id)


def _entries(kind: FactKind, holder: BaseModel, at: Path_, parent: Occurrence | None,
             release_id: str) -> Iterator[Occurrence]:
    value = getattr(holder, kind.field)
    if value is None:
        return
    items = [((*at, kind.field, index), item) for index, item in enumerate(value)] if kind.is_list \
        else [((*at, kind.field), value)]
    for path, item in items:
        occurrence = Occurrence(kind, path, item, release_id, parent)
        yield occurrence
        for child in children(kind):
            yield from _entries(child, item, path, occurrence, release_id)


_PLACEHOLDER = re.compile(r"\{([\^?#]?)(\w*)\}")


def iri_path(occurrence: Occurrence) -> str | None:
    """The entry's IRI under the data's base, from its kind's pattern (None where it has no node of its own)."""
    parts = occurrence.kind.iri_parts
    if not parts:
        return None
    made = [parts[0]]
    for index in range(1, len(parts), 3):
        flag, name = parts[index], parts[index + 1]
        if name == "release" and not flag:
            made.append(occurrence.release_id)
        elif flag == "#":
            made.append(str(int(occurrence.path[-1]) + 1))
        elif flag == "?":
            value = getattr(occurrence.value, name)
            if value is not None:
                made.append(f"--{date_text(value) if isinstance(value, date) else value}")
        else:
            source = occurrence.parent if flag == "^" else occurrence
            assert source is not None, f"{occurrence.kind.name}: {{^{name}}} needs an enclosing entry"
            made.append(str(getattr(source.value, name)))
        made.append(parts[index + 2])
    return "".join(made)


def named(occurrence: Occurrence, names: Names) -> Iterator[tuple[Path_, str]]:
    """The ids a field of an entry names, each with its path in the card (none where the field is empty)."""
    value = getattr(occurrence.value, names.field)
    key = card_key(type(occurrence.value), names.field)
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield (*occurrence.path, key, index), item
    elif value is not None:
        yield (*occurrence.path, key), value


@cache  # asked for each name an entry gives, and pydantic's model_fields is slow to reach
def card_key(model: type[BaseModel], field: str) -> str:
    """The key a model's field has in a card (its alias, as ``from`` for ``previous``)."""
    info = model.model_fields.get(field)
    return info.alias if info is not None and info.alias else field


# --------------------------------------------------------------------------- what the evaluation of a draft matches


@dataclass(frozen=True)
class Matching:
    """A row of a draft's evaluation: the entries of ``kind``, each known by the values at ``fields``.

    A field is a name on the entry (``person``), a dotted path into it (``period.begins``), ``^id``
    for the id of the entry it lies in, ``a|b`` for the first of the two that is set, or ``a+b`` for
    the items of two lists together. A field ending in ``[]`` makes one unit per item of its list
    (one unit with ``None`` for an empty list): a document adopted by three parties is three units,
    so a draft that finds two of them gets two thirds. Any other list counts as a whole (its
    items sorted). ``words``: the entry's own evidence is compared as words too (names and titles:
    :func:`migkg.draft.evaluate.similar_words`), on top of the fields being equal.
    """

    row: str
    kind: str
    fields: tuple[str, ...]
    words: bool = False


_TIMING = ("at_event", "on", "period.begins", "period.ends")

MATCHINGS: tuple[Matching, ...] = (
    Matching("release kind", "release-kind", ("kind",)),
    Matching("title", "release-title", (), words=True),
    Matching("date of issue", "release-issued", ("date",)),
    Matching("place of issue", "release-place", ("place",)),
    Matching("publishers", "publisher", ("agent",)),
    Matching("authors", "author", ("agent",)),
    Matching("relays", "relay", ("outlet",)),
    Matching("contacts", "contact", ("person", "organisation")),
    Matching("places in states", "place-in-state", ("place", "state")),
    Matching("events", "event", ("id",)),
    Matching("event kinds", "event-kind", ("^id", "kind")),
    Matching("event names", "event-name", ("^id",), words=True),
    Matching("event numbers", "event-number", ("^id", "number")),
    Matching("event dates", "event-date", ("^id", "date")),
    Matching("event periods", "event-period", ("^id", "begins", "ends")),
    Matching("event places", "event-place", ("^id", "place")),
    Matching("meetings of a process", "meeting-of", ("^id", "process")),
    Matching("parts of events", "part-of", ("^id", "event")),
    Matching("attendance modes", "event-attendance", ("^id", "mode")),
    Matching("purposes", "purpose", ("^id", "topics[]")),
    Matching("roles in the event", "participation", ("^id", "role", "agent")),
    Matching("posts", "post-holding", ("person", "post")),
    Matching("process kinds", "process-kind", ("^id", "kind")),
    Matching("process launches", "launch", ("^id",)),
    Matching("positions", "position", ("^id", "position", "holder", *_TIMING)),
    Matching("handovers", "handover", ("^id", "position", "previous", "next", "at_event", "on")),
    Matching("memberships", "membership", ("^id", "status", "agent", *_TIMING)),
    Matching("documents", "document", ("id",)),
    Matching("document kinds", "document-kind", ("^id", "kind")),
    Matching("document names", "document-name", ("^id",), words=True),
    Matching("adoptions", "adoption", ("^id", "action", "at_event", "parties+party_groups[]")),
    Matching("claims", "claim", ("count|duration", "qualifier", "about")),
    Matching("groupings", "grouping", ("about", "role", "regions")),
)
"""The rows of the evaluation table in their order (actors and statements are matched otherwise).

Events and documents are keyed by their id: the evaluation first aligns each draft's event and
document with a reviewed one (:mod:`migkg.draft.evaluate`), so an id stands for that one."""


def field_value(occurrence: Occurrence, field: str) -> object:
    """The value at ``field`` of an entry, as :class:`Matching` spells fields."""
    if "|" in field:
        first, second = field.split("|")
        value = field_value(occurrence, first)
        return value if value is not None else field_value(occurrence, second)
    source: object = occurrence.value
    if field.startswith("^"):
        assert occurrence.parent is not None
        source, field = occurrence.parent.value, field[1:]
    for step in field.split("."):
        if source is None:
            return None
        source = getattr(source, step)
    return source


def matching_keys(occurrence: Occurrence, matching: Matching) -> list[tuple[object, ...]]:
    """The units an entry counts as, each as the values it is matched on (:class:`Matching` spells the fields)."""
    values: list[object] = []
    expanded: int | None = None
    for index, spelled in enumerate(matching.fields):
        field = spelled.removesuffix("[]")
        if field != spelled:
            assert expanded is None, f"{matching.row}: one field at most makes one unit per item"
            expanded = index
        if "+" in field:
            value: object = [item for part in field.split("+") for item in _items(field_value(occurrence, part))]
        else:
            value = field_value(occurrence, field)
        values.append(value)
    if expanded is None:
        return [tuple(_comparable(v) for v in values)]
    items = values[expanded]
    assert isinstance(items, list), f"{matching.row}: {matching.fields[expanded]} is not a list"
    return [tuple(_comparable(item if i == expanded else v) for i, v in enumerate(values)) for item in items or [None]]


def _items(value: object) -> list[object]:
    assert value is None or isinstance(value, list), f"not a list: {value!r}"
    return value or []


def _comparable(value: object) -> object:
    """A value as it is compared: a list as the tuple of its items sorted, a model (a group) as the tuple of its fields."""
    if isinstance(value, BaseModel):
        return tuple(_comparable(v) for v in value.model_dump().values())
    if isinstance(value, list):
        return tuple(sorted((_comparable(v) for v in value), key=repr))
    return value
