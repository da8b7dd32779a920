"""One synthetic release: its source text, sentence by sentence, and beside it the card that cites it.

What a release says of its event is decided once per event (:class:`Events`), so that every release
reporting the same event says the same of it: its kind, its date or period and how precisely the text
gives it, the process it is a meeting of and its number in that process's series, the meeting held as
part of it, the document adopted at it, whether it was held online. What else a release says is drawn per release, in the
proportions below: who chairs the process or hosts its secretariat, who handed the chair over, who
joined or observes it, the event's purpose, what the participants or the meeting as a body said, the
release's kind (a press release, or a news item whose date of issue and publisher are supplied from
its address), its publisher, its author, the outlet it relays, whether it bounds its count ("more than N").
"""
from __future__ import annotations

import datetime as dt
import random
import zlib
from dataclasses import dataclass
from typing import TypeVar

from migkg.cards.evidence import occurrences as _occurrences
from migkg.synthetic.names import (
    CITY_STATES,
    CLAUSES,
    DOCUMENT_KIND_WEIGHTS,
    DOCUMENT_KINDS,
    EVENT_KINDS,
    EVENT_TOPICS,
    MONTHS_RU,
    MONTHS_RU_IN,
    MONTHS_RU_NOMINATIVE,
    OTHER_EVENT_KINDS,
    PROCESS_EVENT_KINDS,
    QUOTES,
    TOPICS,
)
from migkg.synthetic.registry import Registry, person_pool_size
from migkg.synthetic.yamltext import block

_T = TypeVar("_T")
Piece = str | tuple[str]
"""A piece of text to write: a 1-tuple is cited."""

# ---- per event: how precisely its date is given, what else it has
PRECISIONS = (("day", 72), ("period", 16), ("month", 8), ("year", 4))
MEETING_OF_A_PROCESS = 0.5
NUMBER_STATED = 0.75
SIDE_EVENT = 0.08
DOCUMENT = 0.35
# ---- per release
NEWS_ITEM = 0.2  # of the releases on an event dated to the day or a period (those dated to a month or year: all)
PLACE_IN_STATE = 0.2
PUBLISHER_CITED, PUBLISHER_SUPPLIED = 0.4, 0.3  # of press releases (else none)
PRESS_RELEASE_URL = 0.5
RELAY, RELAY_URL, AUTHOR = 0.6, 0.5, 0.3  # of news items
PURPOSE = 0.3
CHAIR, HANDOVER, HANDOVER_FROM_UNSAID, CO_CHAIRS, SECRETARIAT = 0.4, 0.2, 0.15, 0.1, 0.12  # of meetings of a process
MEMBER, OBSERVER, PARTNER = 0.2, 0.12, 0.15
PARTICIPANTS_SPEAK, MEETING_SPEAKS, OFFICIALS_SPEAK = 0.3, 0.15, 0.15
GROUPING = 0.1
#: the share of events held online (every release that reports one says so), and of releases that bound their count
#: ("more than N governments"); each drawn from a random source of its own, so that the corpus is otherwise the one
#: these features were added to
ONLINE = 0.05
BOUNDED_COUNT = 0.1


class Text:
    """A source text being written: remembers where each cited phrase was put."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> int:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def value(self) -> str:
        return "".join(self.parts)


@dataclass
class Cite:
    """Words of the text at a known offset, to be cited; resolved into a card quote at the end."""

    words: str
    at: int

    def start(self, words: str) -> Cite:
        """The first words of these (a document's kind in its name)."""
        assert self.words.startswith(words), (self.words, words)
        return Cite(words, self.at)


@dataclass
class Event:
    id: str
    date: dt.date
    city: dict
    host: dict
    process: dict | None
    topic_ru: str
    topic_en: str
    topics: list[str]
    kind: str
    precision: str  # how precisely the texts date it: day, period, month or year
    ends: dt.date | None  # the last day, for a period
    number_stated: bool  # whether the texts give its number in its process's series
    side: bool  # whether an expert meeting was held as part of it
    document: str | None  # the kind of document adopted at it
    launches: bool = False  # the process was launched at this event (each process at one event only)
    number: int | None = None  # its number in its process's series (set by Events)
    online: bool = False  # held online: every report of it says so


def _weighted(rng: random.Random, choices: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([c for c, _ in choices], [w for _, w in choices])[0]


def _event(registry: Registry, seed: int, index: int) -> Event:
    rng = random.Random(f"{seed}-event-{index}")
    date = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(20 * 365))
    city = rng.choice(registry.cities)
    host = rng.choice(registry.states[:60])
    process = rng.choice(registry.processes) if rng.random() < MEETING_OF_A_PROCESS else None
    launches = index < len(registry.processes)  # the first events launch the processes, one each
    if launches:
        process = registry.processes[index]
    topic_ru, topic_en, topics = rng.choice(EVENT_TOPICS)
    kind = _weighted(rng, PROCESS_EVENT_KINDS if process else OTHER_EVENT_KINDS)
    if launches:
        kind = "ministerial-conference"
    precision = _weighted(rng, PRECISIONS)
    ends = date + dt.timedelta(days=rng.randint(1, 2)) if precision == "period" else None
    number_stated = rng.random() < NUMBER_STATED
    side = rng.random() < SIDE_EVENT
    document = _weighted(rng, DOCUMENT_KIND_WEIGHTS) if rng.random() < DOCUMENT else None
    online = random.Random(f"{seed}-online-{index}").random() < ONLINE
    return Event(f"{date.isoformat()}-{city['id']}-{kind}-{index}", date, city, host, process, topic_ru, topic_en,
                 topics, kind, precision, ends, number_stated, side, document, launches, online=online)


class Events:
    """The events of a corpus by index, each made once. An event depends only on the seed and its index, and its
    number in its process's series on the events before it (the meetings of a process are numbered in the order
    of their indexes, the launch first)."""

    def __init__(self, registry: Registry, seed: int):
        self.registry, self.seed = registry, seed
        self.made: list[Event] = []
        self.meetings: dict[str, int] = {}  # process id -> its meetings so far

    def __getitem__(self, index: int) -> Event:
        while len(self.made) <= index:
            event = _event(self.registry, self.seed, len(self.made))
            if event.process is not None:
                event.number = self.meetings[event.process["id"]] = self.meetings.get(event.process["id"], 0) + 1
            self.made.append(event)
        return self.made[index]


def _date_words(date: dt.date, language: str) -> str:
    if language == "ru":
        return f"{date.day} {MONTHS_RU[date.month - 1]} {date.year}"
    return f"{date.day} {date.strftime('%B')} {date.year}"


def _period_words(begins: dt.date, ends: dt.date, language: str) -> str:
    """``24–25 апреля 2019 года``, ``30 April – 1 May 2019``: a span of days as a text gives it."""
    if language == "ru":
        if (begins.year, begins.month) == (ends.year, ends.month):
            return f"{begins.day}–{ends.day} {MONTHS_RU[ends.month - 1]} {ends.year} года"
        if begins.year == ends.year:
            return f"{begins.day} {MONTHS_RU[begins.month - 1]} – {_date_words(ends, language)} года"
        return f"{_date_words(begins, language)} года – {_date_words(ends, language)} года"
    if (begins.year, begins.month) == (ends.year, ends.month):
        return f"{begins.day}–{ends.day} {ends.strftime('%B')} {ends.year}"
    if begins.year == ends.year:
        return f"{begins.day} {begins.strftime('%B')} – {_date_words(ends, language)}"
    return f"{_date_words(begins, language)} – {_date_words(ends, language)}"


def _when_words(ev: Event, language: str) -> str:
    """When the event took place, as precisely as the texts say: a day, a span of days, a month, a year."""
    ru = language == "ru"
    if ev.precision == "period":
        assert ev.ends is not None
        return _period_words(ev.date, ev.ends, language) if ru else "On " + _period_words(ev.date, ev.ends, language)
    if ev.precision == "month":
        return f"В {MONTHS_RU_IN[ev.date.month - 1]} {ev.date.year} года" if ru else f"In {ev.date:%B} {ev.date.year}"
    if ev.precision == "year":
        return f"В {ev.date.year} году" if ru else f"In {ev.date.year}"
    return f"{_date_words(ev.date, language)} года" if ru else f"On {_date_words(ev.date, language)}"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _partner_since(process: dict, organisation: dict) -> int:
    """The year since which an organisation has been a partner of a process: the same in every release."""
    return 1998 + zlib.crc32(f"{process['id']}-{organisation['id']}".encode()) % 8


class ReleaseWriter:
    """Writes one release: the text sentence by sentence, and beside it the card that cites it."""

    def __init__(self, registry: Registry, seed: int, index: int, events: Events | None = None):
        self.registry = registry
        self.index = index
        self.rng = random.Random(f"{seed}-release-{index}")
        self.bounded_count = random.Random(f"{seed}-bounded-count-{index}").random() < BOUNDED_COUNT
        self.lang = "ru" if self.rng.random() < 0.7 else "en"
        self.text = Text()
        recurring = index > 0 and self.rng.random() < 0.1
        events = events if events is not None else Events(registry, seed)
        self.event = events[self.rng.randrange(index) if recurring else index]
        self.org = self.rng.choice(registry.organisations[1:4])
        pool = person_pool_size(index + 1)
        self.persons = [registry.persons[i] for i in self.rng.sample(range(pool), 4)]
        self.release_id = f"{self.event.date.isoformat()}-{self.org['id']}-{self.event.city['id']}-{index:05d}"

    def t(self, ru: _T, en: _T) -> _T:
        """The Russian or the English, as the release's language is."""
        return ru if self.lang == "ru" else en

    def either(self, ru: tuple[Piece, ...], en: tuple[Piece, ...]) -> tuple[Piece, ...]:
        """The Russian or the English pieces of text (for :meth:`put`), as the release's language is."""
        return ru if self.lang == "ru" else en

    def name(self, entry: dict) -> str:
        return entry[self.lang]

    def put(self, *pieces: Piece) -> list[Cite]:
        """Write pieces of text; a piece in a 1-tuple is cited (its offset is remembered)."""
        cites = []
        for piece in pieces:
            if isinstance(piece, tuple):
                cites.append(Cite(piece[0], self.text.add(piece[0])))
            else:
                self.text.add(piece)
        return cites

    def cover(self, *pieces: Piece) -> list[Cite]:
        """Write pieces of text and cite them all as one (first), then each piece in a 1-tuple."""
        at = self.text.length
        inner = self.put(*pieces)
        return [Cite("".join(p[0] if isinstance(p, tuple) else p for p in pieces), at), *inner]

    # -------------------------------------------------------------- the card, from what was written
    def write(self) -> tuple[str, str]:
        reg, ev, rng = self.registry, self.event, self.rng
        host_gov = reg.governments[ev.host["id"]]
        news = ev.precision in ("month", "year") or rng.random() < NEWS_ITEM
        kind_ru, kind_en, opened_ru, held_ru = EVENT_KINDS[ev.kind]
        kind = self.put((self.t("НОВОСТИ", "NEWS") if news else self.t("ПРЕСС-РЕЛИЗ", "PRESS RELEASE"),), "\n\n")[0]
        event_name = self.t(f"{kind_ru} по {ev.topic_ru}", f"{kind_en} on {ev.topic_en}")
        title = self.put((event_name,), "\n\n")[0]
        participants = rng.sample(reg.states, rng.randint(3, 8))
        opener, speaker2, speaker3, contact_person = self.persons
        supporters = rng.sample(reg.organisations[1:], 2)
        release: dict = {"id": self.release_id, "language": self.lang,
                         "kind": {"kind": "news-item" if news else "press-release", "evidence": kind},
                         "title": {"evidence": title}}
        event: dict = {"id": ev.id, "kind": None, "name": None}
        places = []

        # the opening: a news item says when and where the event was held; a press release has a dateline
        if news:
            if self.lang == "ru":
                when, place, name_cite = self.put((_when_words(ev, "ru"),), " ", (f"в городе {ev.city['ru']}",),
                                                  f" {held_ru} ", (event_name,), ".\n\n")
            else:
                when, name_cite, place = self.put((_when_words(ev, "en"),), ", the ", (event_name,), " was held ",
                                                  (f"in {ev.city['en']}",), ".\n\n")
            issued = ev.date + dt.timedelta(days=rng.randint(0, 20 if ev.precision in ("month", "year") else 3))
            outlet = rng.choice(reg.outlets)
            url = f"https://{outlet['site']}/news/{issued:%Y/%m/%d}/{self.index:05d}"
            release.update({"issued": {"date": issued.isoformat(), "supplied": url}, "url": url,
                            "publishers": [{"agent": outlet["id"], "supplied": url}]})
            if ev.precision == "period":
                assert ev.ends is not None
                event["period"] = {"from": ev.date.isoformat(), "to": ev.ends.isoformat(), "evidence": when}
            else:
                value = {"day": ev.date.isoformat(), "month": f"{ev.date:%Y-%m}", "year": ev.date.year}
                event["date"] = {"date": value[ev.precision], "evidence": when}
            event["place"] = {"place": ev.city["id"], "evidence": place}
        else:
            state = reg.state_by_id.get(CITY_STATES.get(ev.city["id"], "")) if rng.random() < PLACE_IN_STATE else None
            where = self.name(ev.city) + (f", {self.name(state)}" if state else "")
            dateline = self.put((f"{where} {_date_words(ev.date, self.lang)}",), " – ")[0]
            if state:
                places.append({"place": ev.city["id"], "state": state["id"], "evidence": dateline.start(where)})
            name_cite = self.put(self.t("Сегодня в городе ", "Today in "), self.name(ev.city),
                                 self.t(f" {opened_ru} ", " the "), (event_name,), self.t(". ", " opened. "))[0]
            release.update({"issued": {"date": ev.date.isoformat(), "evidence": dateline},
                            "place": {"place": ev.city["id"], "evidence": dateline}})
            if ev.precision == "period":
                assert ev.ends is not None
                span = self.put(self.t("Мероприятие проходит ", "The meeting takes place "),
                                (_when_words(ev, self.lang)[0].lower() + _when_words(ev, self.lang)[1:],), ". ")[0]
                event["period"] = {"from": ev.date.isoformat(), "to": ev.ends.isoformat(), "evidence": span}
            else:
                event["date"] = {"date": ev.date.isoformat(), "evidence": dateline}
            event["place"] = {"place": ev.city["id"], "evidence": dateline}
        event["kind"] = {"kind": ev.kind, "evidence": name_cite.start(self.t(kind_ru, kind_en))}
        event["name"] = {"evidence": name_cite}

        # its organiser and supporters, who opened it
        organiser, support_a, support_b = self.put(
            self.t("Мероприятие было организовано: ", "The meeting was organised by "), (self.name(host_gov),),
            self.t(", при поддержке: ", ", with the support of "), (self.name(supporters[0]),),
            self.t(" и ", " and "), (self.name(supporters[1]),), ".\n\n")
        opened = self.put(self.t("Мероприятие было открыто: ", "The meeting was opened by "),
                          (self._post_title(opener) + " " + self.name(opener),), ".\n\n")[0]
        if ev.online:
            event["attendance"] = {"mode": "online", "evidence": self.put(
                (self.t("Мероприятие прошло в режиме видеоконференции", "The meeting was held online"),), ".\n\n")[0]}
        roles = [
            {"role": "opener", "agent": opener["id"], "evidence": opened},
            {"role": "organiser", "agent": host_gov["id"], "evidence": organiser},
            {"role": "supporter", "agent": supporters[0]["id"], "evidence": support_a},
            {"role": "supporter", "agent": supporters[1]["id"], "evidence": support_b},
        ]
        if rng.random() < 0.5:
            roles.insert(2, {"role": "funder", "agent": host_gov["id"], "evidence": organiser})

        # the participants: a list of states, each name cited
        pieces: list = [self.t("В работе мероприятия приняли участие делегации государств: ",
                               "Delegations of the following states took part: ")]
        for i, state in enumerate(participants):
            pieces += [(self.name(state),), ", " if i < len(participants) - 1 else ".\n\n"]
        for state, cite in zip(participants, self.put(*pieces), strict=True):
            roles.append({"role": "participant", "agent": state["id"], "evidence": cite})

        listed = len(participants)
        stated = listed if rng.random() < 0.9 else listed + 1  # now and then the text counts otherwise
        qualifier = None
        if self.bounded_count and stated == listed:  # "more than N", N one fewer than it lists: a bound that holds
            stated, qualifier = listed - 1, "more-than"
        groupings = []
        count_cite = self.put(self.t("Мероприятие собрало вместе ", "The event brought together "),
                              (self.t(f"более {stated} правительств" if qualifier else f"{stated} правительств",
                                      f"more than {stated} governments" if qualifier else f"{stated} governments"),))[0]
        if rng.random() < GROUPING:  # the release's own words for who took part
            grouping = self.put(self.t(" ", " of "), (self.t("стран региона", "the countries of the region"),), ". ")[0]
            groupings.append({"id": "countries-of-the-region", "about": ev.id, "role": "participant",
                              "evidence": grouping})
        else:
            self.put(self.t(" региона. ", " of the region. "))

        # speeches: who spoke, in which post, what they said
        statements, posts_held = [], []
        for n, person in enumerate((opener, speaker2, speaker3)[:3 if rng.random() < 0.4 else 2]):
            said = "отметила" if person["female"] else "отметил"
            post_title = self._post_title(person)
            post_cite, name_cite2 = self.put("\n\n", (post_title,), " ", (self.name(person),), " ")
            verb_clause_ru, verb_clause_en = CLAUSES[(self.index + n) % len(CLAUSES)]
            spoke = self.put((self.t(f"{said}, что {verb_clause_ru}", f"said that {verb_clause_en}"),), ". ")[0]
            roles.append({"role": "speaker", "agent": person["id"], "evidence": spoke})
            posts_held.append({"person": person["id"], "post": reg.post_of[person["id"]], "at_event": ev.id,
                               "evidence": [post_cite, name_cite2]})
            statements.append({"id": f"{person['id'].split('-')[1]}-{n + 1}", "kind": "reported-speech",
                               "speakers": [person["id"]], "at_event": ev.id,
                               "topics": rng.sample(TOPICS, rng.randint(1, 3)), "evidence": spoke})
            if n == 1:
                quote_ru, quote_en = QUOTES[self.index % len(QUOTES)]
                quote = self.put("«" if self.lang == "ru" else "“", (self.t(quote_ru, quote_en),),
                                 "»" if self.lang == "ru" else "”", self.t(", – сказал(а) ", ", said "),
                                 (self.name(person),), ".")
                statements.append({"id": f"quote-{n + 1}", "kind": "direct-quote", "speakers": [person["id"]],
                                   "at_event": ev.id, "topics": rng.sample(TOPICS, 2), "evidence": quote[0]})
                # the speaker's name occurs again: the card must say which occurrence it means
                roles.append({"role": "delegation-member", "agent": person["id"],
                              "on_behalf_of": reg.governments[ev.host["id"]]["part_of"], "evidence": quote[1]})

        # the joint outcome, spoken by all participating states (the card names them once, as &participants)
        outcome = self.put("\n\n", (self.t("Страны-участницы согласились укреплять региональное сотрудничество по миграции",
                                           "The participating states agreed to strengthen regional cooperation on migration"),),
                           ".")[0]
        statements.append({"id": "outcome-cooperation", "kind": "joint-outcome", "speakers": "&participants",
                           "at_event": ev.id, "topics": ["regional-cooperation", "migration-governance"],
                           "evidence": outcome})
        # a sentence that a footnote splits in two: cited as two spans
        if rng.random() < 0.3:
            first, second = self.put(" ", (self.t("Участники договорились продолжить консультации и представить их итоги",
                                                  "The participants agreed to continue the consultations and to present their results"),),
                                     "¹\n\n¹ ", self.t("Список делегаций прилагается.", "The list of delegations is attached."),
                                     "\n\n", (self.t("на следующей встрече.", "at the next meeting."),))
            statements.append({"id": "outcome-next-meeting", "kind": "joint-outcome",
                               "speakers": "*participants", "at_event": ev.id,
                               "topics": ["regional-cooperation"], "evidence": [first, second]})
        commitment = self.put(" ", (self.t(f"{self.org['short_ru']} выразила готовность оказать поддержку",
                                           f"{self.org['short_en']} stated its readiness to give support"),), ".")[0]
        statements.append({"id": "org-commitment", "type": "commitment", "kind": "reported-speech",
                           "speakers": [speaker2["id"]], "on_behalf_of": self.org["id"], "at_event": ev.id,
                           "topics": ["humanitarian-cooperation"], "evidence": commitment})
        statements += self._collective_statements()

        if rng.random() < PURPOSE:
            purpose = self.put(" ", (self.t(f"Цель встречи — содействовать сотрудничеству по {ev.topic_ru}",
                                            f"The meeting aims to advance cooperation on {ev.topic_en}"),), ".")[0]
            event["purposes"] = [{"topics": ev.topics, "evidence": purpose}]
        documents = self._document(participants)
        events = [event]
        if ev.side:  # an expert meeting held as part of the event
            side_name = self.t(f"{EVENT_KINDS['expert-meeting'][0]} по {ev.topic_ru}",
                               f"{EVENT_KINDS['expert-meeting'][1]} on {ev.topic_en}")
            self.put(" ")
            part_of, side = self.cover(*self.either(("В рамках мероприятия также состоялось ", (side_name,)),
                                                    ("An ", (side_name,), " was held as part of the meeting")))
            self.put(".")
            events.append({"id": f"{ev.id}-experts",
                           "kind": {"kind": "expert-meeting",
                                    "evidence": side.start(self.t(*EVENT_KINDS["expert-meeting"][:2]))},
                           "name": {"evidence": side}, "part_of": {"event": ev.id, "evidence": part_of}})

        processes = []
        if ev.process:
            self.put("\n\n")
            meeting_of, proc = self.cover(self.t("Мероприятие прошло в рамках процесса ", "The meeting was held within the "),
                                          (self.name(ev.process),))
            self.put(".")
            event["meeting_of"] = {"process": ev.process["id"], "evidence": meeting_of}
            if ev.number_stated and ev.number is not None:
                number = self.put(self.t(" Это ", " It was the "),
                                  (self.t(f"{ev.number}-е заседание процесса", f"{_ordinal(ev.number)} meeting of the process"),),
                                  ".")[0]
                event["number"] = {"number": ev.number, "evidence": number}
            entry = {"id": ev.process["id"], "kind": {"kind": "regional-consultative-process", "evidence": proc}}
            if ev.launches:  # a process is launched at one event; releases that report that event say so too
                launch = self.put(" ", (self.t("Конференция дала старт новому этапу работы", "The conference launched a new phase of work"),),
                                  ".")[0]
                entry["launched_at"] = {"event": ev.id, "evidence": launch}
            if self.rng.random() < 0.3:
                proposal = self.put(" ", (self.t("Правительство предложило стать председателем процесса",
                                                 "The government offered to chair the process"),), ".")[0]
                statements.append({"id": "host-proposal", "type": "proposal", "kind": "reported-speech",
                                   "speakers": [opener["id"]], "on_behalf_of": host_gov["id"],
                                   "about": ev.process["id"], "proposed_role": "chair", "at_event": ev.id,
                                   "topics": ["regional-consultative-process"], "evidence": proposal})
            entry.update(self._process_over_time(participants))
            processes.append(entry)
        # move the event's entries into the card's order
        event = {key: event[key] for key in ("id", "kind", "name", "date", "period", "place", "attendance", "meeting_of",
                                             "number", "purposes") if key in event}
        event["roles"] = roles
        events[0] = event

        self._release_metadata(release, news, contact_person)
        if not self.text.parts[-1].endswith("\n"):
            self.put("\n")
        text = self.text.value()
        claims = [{"id": "count-of-governments", "about": ev.id, "count": stated, "counted": "government",
                   "counted_role": "participant", **({"qualifier": qualifier} if qualifier else {}),
                   "evidence": count_cite}]
        card = {"card": 1, "release": release, "places": places, "events": events, "processes": processes,
                "posts_held": posts_held, "documents": documents, "statements": statements, "claims": claims,
                "groupings": groupings}
        return text, self._card_yaml(card, text, [s["id"] for s in participants])

    def _collective_statements(self) -> list[dict]:
        """What the participants as a group, the meeting as a body, or unnamed officials said."""
        ev, rng, statements = self.event, self.rng, []
        if rng.random() < PARTICIPANTS_SPEAK:
            said = self.put(" ", (self.t("Участники встречи призвали расширять обмен информацией о миграционных потоках",
                                         "The participants called for a wider exchange of information on migration flows"),),
                            ".")[0]
            statements.append({"id": "participants-call", "kind": "joint-outcome",
                               "speaker_groups": [{"group": "participants", "of": ev.id}], "at_event": ev.id,
                               "topics": ["migration-flows", "regional-cooperation"], "evidence": said})
        if rng.random() < MEETING_SPEAKS:
            said = self.put(" ", (self.t("Мероприятие призвало государства региона продолжить диалог",
                                         "The meeting called on the states of the region to continue the dialogue"),),
                            ".")[0]
            statements.append({"id": "meeting-call", "kind": "joint-outcome",
                               "speaker_groups": [{"group": "meeting", "of": ev.id}], "at_event": ev.id,
                               "topics": ["regional-cooperation"], "evidence": said})
        if rng.random() < OFFICIALS_SPEAK:
            self.put(" ")
            said = self.cover(*self.either(("Официальные лица страны (", (ev.host["ru"],), ") заявили о поддержке процесса"),
                                           ("Officials of ", (ev.host["en"],), " announced their support for the process")))[0]
            self.put(".")
            statements.append({"id": "officials-support", "kind": "reported-speech",
                               "speaker_groups": [{"group": "officials", "of": ev.host["id"]}], "at_event": ev.id,
                               "topics": ["regional-cooperation"], "evidence": said})
        return statements

    def _process_over_time(self, participants: list[dict]) -> dict:
        """Who chairs the process, who handed the chair over, who co-chairs, who hosts its secretariat, who
        joined it, observes it or is its partner: as this release says, each attested at the event, on a date
        or for a period."""
        reg, ev, rng = self.registry, self.event, self.rng
        assert ev.process is not None
        host = ev.host
        positions, handovers, memberships = [], [], []

        def sentence(*pieces: Piece) -> Cite:
            self.put(" ")
            cited = self.cover(*pieces)[0]
            self.put(".")
            return cited

        if rng.random() < CHAIR:
            said = sentence(self.t("Председателем процесса является: ", "The process is chaired by "), (self.name(host),))
            positions.append({"position": "chair", "holder": host["id"], "at_event": ev.id, "evidence": said})
        if rng.random() < HANDOVER:
            previous = rng.choice([s for s in reg.states[:60] if s["id"] != host["id"]])
            if rng.random() < HANDOVER_FROM_UNSAID:
                said = sentence(self.t("Председательство в процессе передано. Новый председатель: ",
                                       "The chairmanship of the process passed to "), (self.name(host),))
                handovers.append({"position": "chair", "to": host["id"], "at_event": ev.id, "evidence": said})
            else:
                said = sentence(*self.either(("Председательство в процессе передано. Прежний председатель: ",
                                             (previous["ru"],), ". Новый председатель: ", (host["ru"],)),
                                             ("The chairmanship of the process passed from ", (previous["en"],), " to ",
                                             (host["en"],))))
                handovers.append({"position": "chair", "from": previous["id"], "to": host["id"], "at_event": ev.id,
                                  "evidence": said})
        others = [s for s in participants if s["id"] != host["id"]]
        if others and rng.random() < CO_CHAIRS:
            other = rng.choice(others)
            said = sentence(self.t("Сопредседателями заседания выступили: ", "The meeting was co-chaired by "),
                            (self.name(host),), self.t(" и ", " and "), (self.name(other),))
            positions += [{"position": "co-chair", "holder": s["id"], "at_event": ev.id, "evidence": said}
                          for s in (host, other)]
        if rng.random() < SECRETARIAT:
            state = reg.state_by_id[ev.process["secretariat"]]
            since = ev.process["since"]
            said = sentence(self.t(f"Секретариат процесса с {since} года размещается в стране: ",
                                   f"Since {since}, the secretariat of the process has been hosted by "),
                            (self.name(state),))
            positions.append({"position": "secretariat-host", "holder": state["id"], "period": {"from": since},
                              "evidence": said})
        if rng.random() < MEMBER:
            state = rng.choice(reg.states)
            said = sentence(*self.either(("Новым членом процесса стало государство: ", (state["ru"],)),
                                         ((state["en"],), " joined the process as a member")))
            memberships.append({"status": "member", "agent": state["id"], "at_event": ev.id, "evidence": said})
        if rng.random() < OBSERVER:
            state = rng.choice(reg.states)
            month = self.t(f"{MONTHS_RU_NOMINATIVE[ev.date.month - 1]} {ev.date.year} года", f"{ev.date:%B} {ev.date.year}")
            said = sentence(*self.either((f"По состоянию на {month} наблюдателем в процессе является: ", (state["ru"],)),
                                         (f"As of {month}, ", (state["en"],), " is an observer in the process")))
            memberships.append({"status": "observer", "agent": state["id"], "on": f"{ev.date:%Y-%m}",
                                "evidence": said})
        if rng.random() < PARTNER:
            organisation = rng.choice(reg.organisations[1:])
            since = _partner_since(ev.process, organisation)
            said = sentence((organisation[f"short_{self.lang}"],),
                            self.t(f" является партнёром процесса с {since} года",
                                   f" has been a partner of the process since {since}"))
            memberships.append({"status": "partner", "agent": organisation["id"], "period": {"from": since},
                                "evidence": said})
        return {key: value for key, value in (("positions", positions), ("handovers", handovers),
                                              ("memberships", memberships)) if value}

    def _document(self, participants: list[dict]) -> list[dict]:
        """The document adopted at the event, if any: adopted or endorsed by the participants, or signed by some."""
        ev, rng = self.event, self.rng
        if ev.document is None:
            return []
        kind_ru, kind_en = DOCUMENT_KINDS[ev.document]
        name = self.t(f"{kind_ru} по {ev.topic_ru}", f"{kind_en} on {ev.topic_en}")
        self.put("\n\n")
        how = rng.random()
        participants_group = [{"group": "participants", "of": ev.id}]
        if how < 0.6:
            said, cited = self.cover(*self.either(("По итогам встречи участники приняли документ «", (name,), "»"),
                                                  ("At the close of the meeting the participants adopted the ", (name,))))
            adoption: dict = {"action": "adopted", "at_event": ev.id, "party_groups": participants_group}
        elif how < 0.85:
            parties = participants[:rng.randint(2, min(4, len(participants)))]
            pieces: list[Piece] = list(self.either(("Документ «", (name,), "» подписали: "), ("The ", (name,), " was signed by ")))
            for i, state in enumerate(parties):
                pieces += [(self.name(state),)]
                if i < len(parties) - 1:
                    pieces.append(", " if i < len(parties) - 2 else self.t(" и ", " and "))
            said, cited, *_ = self.cover(*pieces)
            adoption = {"action": "signed", "at_event": ev.id, "parties": [s["id"] for s in parties]}
        else:
            said, cited = self.cover(*self.either(("Участники одобрили документ «", (name,), "»"),
                                                  ("The participants endorsed the ", (name,))))
            adoption = {"action": "endorsed", "at_event": ev.id, "party_groups": participants_group}
        self.put(".")
        adoption["evidence"] = said
        return [{"id": f"{ev.id}-{ev.document}", "kind": {"kind": ev.document, "evidence": cited.start(self.t(kind_ru, kind_en))},
                 "name": {"evidence": cited}, "adoptions": [adoption]}]

    def _release_metadata(self, release: dict, news: bool, person: dict) -> None:
        """Its publisher, address, author, the outlet it relays (a news item) or its press contacts (a press release)."""
        rng, org = self.rng, self.org
        if news:
            if rng.random() < RELAY:
                outlet = rng.choice([o for o in self.registry.outlets if o["id"] != release["publishers"][0]["agent"]])
                said = self.put("\n\n", (self.t(f"По сообщению агентства {outlet['ru']}", f"As reported by {outlet['en']}"),),
                                ".")[0]
                relay = {"outlet": outlet["id"], "evidence": said}
                if rng.random() < RELAY_URL:
                    relay = {"outlet": outlet["id"], "url": f"https://{outlet['site']}/news/{self.index:05d}",
                             "evidence": said}
                release["relays"] = [relay]
            if rng.random() < AUTHOR:
                said = self.put("\n\n", (self.t(f"Автор: {person['ru']}", f"By {person['en']}"),), "\n")[0]
                release["authors"] = [{"agent": person["id"], "evidence": said}]
            return
        site = f"https://{org['id']}.example.org/press-releases"
        if rng.random() < PRESS_RELEASE_URL:
            release["url"] = f"{site}/{self.release_id}"
        publisher = rng.random()
        if publisher < PUBLISHER_CITED:
            said = self.put("\n\n", (self.t(f"Пресс-релиз распространён: {org['short_ru']}", f"Issued by {org['short_en']}"),),
                            ".")[0]
            release["publishers"] = [{"agent": org["id"], "evidence": said}]
        elif publisher < PUBLISHER_CITED + PUBLISHER_SUPPLIED:
            release["publishers"] = [{"agent": org["id"], "supplied": site}]
        # contacts for the press
        phone = f"+7 777 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        email = f"{person['id'].replace('-', '.')}@{org['id']}.int"
        contact = self.put("\n\n", self.t("Контакты для СМИ: ", "Media contacts: "),
                           (f"{org[f'short_{self.lang}']}: {self.name(person)}, "
                            + self.t(f"тел. {phone}", f"tel. {phone}") + f", {email}",), "\n")[0]
        release["contacts"] = [{"person": person["id"], "organisation": org["id"], "phone": phone, "email": email,
                                "evidence": contact}]

    def _post_title(self, person: dict) -> str:
        return self.registry.post_by_id[self.registry.post_of[person["id"]]][self.lang]

    # -------------------------------------------------------------- evidence: say which occurrence
    def _quote(self, cite: Cite, text: str) -> object:
        """The card's quote for words at a known offset: plain when they occur once, else with
        occurrence: N or after: '<words just before>'."""
        starts = _occurrences(text, cite.words)
        assert cite.at in starts, (cite.words, cite.at)
        if len(starts) == 1:
            return cite.words
        index = starts.index(cite.at)
        if self.rng.random() < 0.5:
            for width in (12, 20, 30, 45):
                after = text[max(0, cite.at - width):cite.at].strip()
                if after and "\n" not in after and _resolves_after(text, cite, after):
                    return {"quote": cite.words, "after": after}
        return {"quote": cite.words, "occurrence": index + 1}

    def _card_yaml(self, card: dict, text: str, participants: list[str]) -> str:
        def resolve(node: object) -> object:
            if isinstance(node, Cite):
                return self._quote(node, text)
            if isinstance(node, dict):
                return {k: resolve(v) for k, v in node.items()}
            if isinstance(node, list):
                return [resolve(v) for v in node]
            return node

        card = {key: resolve(value) for key, value in card.items()}
        lines = [f"# Synthetic release {self.index} (migkg.synthetic): its source.txt is synthetic too.", "card: 1", ""]
        lines += block({"release": card["release"]})
        for key in ("places", "events", "processes", "posts_held", "documents", "statements", "claims", "groupings"):
            if card[key]:
                lines += ["", *block({key: card[key]})]
        yaml = "\n".join(lines) + "\n"
        anchor = "[" + ", ".join(participants) + "]"
        yaml = yaml.replace('"&participants"', f"&participants {anchor}").replace('"*participants"', "*participants")
        return yaml


def _resolves_after(text: str, cite: Cite, after: str) -> bool:
    anchors = _occurrences(text, after)
    if not anchors:
        return False
    later = [s for s in _occurrences(text, cite.words) if s >= anchors[0] + len(after)]
    return bool(later) and later[0] == cite.at
