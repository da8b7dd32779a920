"""One synthetic release: its source text, sentence by sentence, and beside it the card that cites it."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from migkg.cards.evidence import occurrences as _occurrences
from migkg.synthetic.names import CLAUSES, MONTHS_RU, QUOTES, TOPICS
from migkg.synthetic.registry import Registry, person_pool_size
from migkg.synthetic.yamltext import block


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


@dataclass
class Event:
    id: str
    date: dt.date
    city: dict
    host: dict
    process: dict | None
    topic_ru: str
    topic_en: str
    launches: bool = False  # the process was launched at this event (each process at one event only)


def _event(registry: Registry, seed: int, index: int) -> Event:
    rng = random.Random(f"{seed}-event-{index}")
    date = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(20 * 365))
    city = rng.choice(registry.cities)
    host = rng.choice(registry.states[:60])
    process = rng.choice(registry.processes) if rng.random() < 0.5 else None
    launches = index < len(registry.processes)  # the first events launch the processes, one each
    if launches:
        process = registry.processes[index]
    topic_ru, topic_en = rng.choice([("защите беженцев и международной миграции", "refugee protection and international migration"),
                                      ("трудовой миграции", "labour migration"),
                                      ("управлению границами", "border management"),
                                      ("смешанным миграционным потокам", "mixed migration flows")])
    return Event(f"{date.isoformat()}-{city['id']}-conference-{index}", date, city, host, process, topic_ru, topic_en,
                 launches)


def _date_words(date: dt.date, language: str) -> str:
    if language == "ru":
        return f"{date.day} {MONTHS_RU[date.month - 1]} {date.year}"
    return f"{date.day} {date.strftime('%B')} {date.year}"


class ReleaseWriter:
    """Writes one release: the text sentence by sentence, and beside it the card that cites it."""

    def __init__(self, registry: Registry, seed: int, index: int):
        self.registry = registry
        self.index = index
        self.rng = random.Random(f"{seed}-release-{index}")
        self.lang = "ru" if self.rng.random() < 0.7 else "en"
        self.text = Text()
        recurring = index > 0 and self.rng.random() < 0.1
        self.event = _event(registry, seed, self.rng.randrange(index) if recurring else index)
        self.org = self.rng.choice(registry.organisations[1:4])
        pool = person_pool_size(index + 1)
        self.persons = [registry.persons[i] for i in self.rng.sample(range(pool), 4)]
        self.release_id = f"{self.event.date.isoformat()}-{self.org['id']}-{self.event.city['id']}-{index:05d}"

    def t(self, ru: str, en: str) -> str:
        return ru if self.lang == "ru" else en

    def name(self, entry: dict) -> str:
        return entry[self.lang]

    def put(self, *pieces: str | tuple[str]) -> list[Cite]:
        """Write pieces of text; a piece in a 1-tuple is cited (its offset is remembered)."""
        cites = []
        for piece in pieces:
            if isinstance(piece, tuple):
                cites.append(Cite(piece[0], self.text.add(piece[0])))
            else:
                self.text.add(piece)
        return cites

    # -------------------------------------------------------------- the card, from what was written
    def write(self) -> tuple[str, str]:
        reg, ev, rng = self.registry, self.event, self.rng
        host_gov = reg.governments[ev.host["id"]]
        kind = self.put((self.t("ПРЕСС-РЕЛИЗ", "PRESS RELEASE"),), "\n\n")[0]
        event_name = self.t(f"Министерская конференция по {ev.topic_ru}", f"Ministerial Conference on {ev.topic_en}")
        title = self.put((event_name,), "\n\n")[0]
        dateline = self.put((f"{self.name(ev.city)} {_date_words(ev.date, self.lang)}",), " – ")[0]
        participants = rng.sample(reg.states, rng.randint(3, 8))
        opener, speaker2, speaker3, contact_person = self.persons
        supporters = rng.sample(reg.organisations[1:], 2)

        # the opening paragraph: the event, its name again, its organiser and supporters
        body = self.put(self.t("Сегодня в городе ", "Today in "), self.name(ev.city),
                        self.t(" открылась ", " the "), (event_name,),
                        self.t(". Конференция была организована: ", " opened. The conference was organised by "),
                        (self.name(host_gov),),
                        self.t(", при поддержке: ", ", with the support of "), (self.name(supporters[0]),),
                        self.t(" и ", " and "), (self.name(supporters[1]),), ".\n\n")
        name_cite, organiser, support_a, support_b = body
        opened = self.put(self.t("Конференция была открыта: ", "The conference was opened by "),
                          (self._post_title(opener) + " " + self.name(opener),), ".\n\n")[0]
        roles = [
            {"role": "opener", "agent": opener["id"], "evidence": opened},
            {"role": "organiser", "agent": host_gov["id"], "evidence": organiser},
            {"role": "supporter", "agent": supporters[0]["id"], "evidence": support_a},
            {"role": "supporter", "agent": supporters[1]["id"], "evidence": support_b},
        ]
        if rng.random() < 0.5:
            roles.insert(2, {"role": "funder", "agent": host_gov["id"], "evidence": organiser})

        # the participants: a list of states, each name cited
        pieces: list = [self.t("В работе конференции приняли участие делегации государств: ",
                               "Delegations of the following states took part: ")]
        for i, state in enumerate(participants):
            pieces += [(self.name(state),), ", " if i < len(participants) - 1 else ".\n\n"]
        for state, cite in zip(participants, self.put(*pieces), strict=True):
            roles.append({"role": "participant", "agent": state["id"], "evidence": cite})

        listed = len(participants)
        stated = listed if rng.random() < 0.9 else listed + 1  # now and then the text counts otherwise
        count_cite = self.put(self.t("Мероприятие собрало вместе ", "The event brought together "),
                              (self.t(f"{stated} правительств", f"{stated} governments"),),
                              self.t(" региона. ", " of the region. "))[0]

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

        processes = []
        if ev.process:
            proc = self.put("\n\n", self.t("Конференция прошла в рамках процесса ", "The conference was held within the "),
                            (self.name(ev.process),), ". ")[0]
            entry = {"id": ev.process["id"], "kind": {"kind": "regional-consultative-process", "evidence": proc}}
            if ev.launches:  # a process is launched at one event; releases that report that event say so too
                launch = self.put((self.t("Конференция дала старт новому этапу работы", "The conference launched a new phase of work"),),
                                  ".")[0]
                entry["launched_at"] = {"event": ev.id, "evidence": launch}
            if self.rng.random() < 0.3:
                proposal = self.put(" ", (self.t("Правительство предложило стать председателем процесса",
                                                 "The government offered to chair the process"),), ".")[0]
                statements.append({"id": "host-proposal", "type": "proposal", "kind": "reported-speech",
                                   "speakers": [opener["id"]], "on_behalf_of": host_gov["id"],
                                   "about": ev.process["id"], "proposed_role": "chair", "at_event": ev.id,
                                   "topics": ["regional-consultative-process"], "evidence": proposal})
            processes.append(entry)

        # contacts for the press
        contact_org = self.org
        phone = f"+7 777 {self.rng.randint(100, 999)} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)}"
        email = f"{contact_person['id'].replace('-', '.')}@{contact_org['id']}.int"
        contact = self.put("\n\n", self.t("Контакты для СМИ: ", "Media contacts: "),
                           (f"{contact_org[f'short_{self.lang}']}: {self.name(contact_person)}, "
                            + self.t(f"тел. {phone}", f"tel. {phone}") + f", {email}",), "\n")[0]

        text = self.text.value()
        release = {"id": self.release_id, "language": self.lang,
                   "kind": {"kind": "press-release", "evidence": kind},
                   "title": {"evidence": title}, "issued": {"date": ev.date, "evidence": dateline},
                   "place": {"place": ev.city["id"], "evidence": dateline},
                   "contacts": [{"person": contact_person["id"], "organisation": contact_org["id"], "phone": phone,
                                 "email": email, "evidence": contact}]}
        event = {"id": ev.id, "kind": {"kind": "ministerial-conference", "evidence": name_cite},
                 "name": {"evidence": name_cite}, "date": {"date": ev.date, "evidence": dateline},
                 "place": {"place": ev.city["id"], "evidence": dateline}, "roles": roles}
        claims = [{"id": "count-of-governments", "about": ev.id, "count": stated, "counted": "government",
                   "counted_role": "participant", "evidence": count_cite}]
        card = {"card": 1, "release": release, "events": [event], "processes": processes,
                "posts_held": posts_held, "statements": statements, "claims": claims}
        return text, self._card_yaml(card, text, [s["id"] for s in participants])

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
        for key in ("events", "processes", "posts_held", "statements", "claims"):
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
