"""A synthetic corpus of release folders, deterministic by seed, for the benchmarks and the scale tests.

It writes what a person would: ``registry/*.yaml`` and ``releases/<id>/{source.txt,card.yaml}``.
Each source text is written in Russian or English from sentence frames, and the card cites
its exact words, so every stage of the real pipeline runs on it, evidence resolution included:
quotes that occur more than once in the text say which one they mean (``occurrence:`` or
``after:``), some facts cite two spans (a sentence split by a footnote, a post and a name),
and some releases report an event that an earlier release reported too (the same event IRI).

The registry grows as a real one does: about 200 states (names from pycountry, Russian from
its ISO 3166 translations), a government and two ministries per state, their posts, recurring
intergovernmental organisations, several regional consultative processes, and a pool of
persons that grows with the corpus. Release ``i`` depends only on the seed and ``i``, so the
corpus of N releases is the first N releases of any larger one.

    python bench/synth.py OUT --releases 1000 [--seed 0]
"""
from __future__ import annotations

import argparse
import datetime as dt
import gettext
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from migkg.cards.evidence import occurrences as _occurrences

STRESS = "\u0301"  # the combining acute accent that marks stress in some Russian names

CITIES = [  # id, ru, en
    ("almaty", "Алматы", "Almaty"), ("astana", "Астана", "Astana"), ("bishkek", "Бишкек", "Bishkek"),
    ("dushanbe", "Душанбе", "Dushanbe"), ("tashkent", "Ташкент", "Tashkent"), ("ashgabat", "Ашхабад", "Ashgabat"),
    ("kabul", "Кабул", "Kabul"), ("baku", "Баку", "Baku"), ("tehran", "Тегеран", "Tehran"),
    ("islamabad", "Исламабад", "Islamabad"), ("ankara", "Анкара", "Ankara"), ("beijing", "Пекин", "Beijing"),
    ("moscow", "Москва", "Moscow"), ("geneva", "Женева", "Geneva"), ("vienna", "Вена", "Vienna"),
    ("budapest", "Будапешт", "Budapest"), ("prague", "Прага", "Prague"), ("colombo", "Коломбо", "Colombo"),
    ("bangkok", "Бангкок", "Bangkok"), ("abu-dhabi", "Абу-Даби", "Abu Dhabi"), ("rabat", "Рабат", "Rabat"),
    ("cairo", "Каир", "Cairo"), ("amman", "Амман", "Amman"), ("tbilisi", "Тбилиси", "Tbilisi"),
    ("yerevan", "Ереван", "Yerevan"), ("chisinau", "Кишинёв", "Chisinau"), ("minsk", "Минск", "Minsk"),
    ("warsaw", "Варшава", "Warsaw"), ("brussels", "Брюссель", "Brussels"), ("nairobi", "Найроби", "Nairobi"),
    ("addis-ababa", "Аддис-Абеба", "Addis Ababa"), ("dakar", "Дакар", "Dakar"), ("rome", "Рим", "Rome"),
    ("new-york", "Нью-Йорк", "New York"), ("jakarta", "Джакарта", "Jakarta"), ("manila", "Манила", "Manila"),
]

PROCESSES = [  # id, ru, en
    ("almaty-process", "Алматинский процесс", "Almaty Process"),
    ("budapest-process", "Будапештский процесс", "Budapest Process"),
    ("prague-process", "Пражский процесс", "Prague Process"),
    ("colombo-process", "Коломбо процесс", "Colombo Process"),
    ("bali-process", "Балийский процесс", "Bali Process"),
    ("abu-dhabi-dialogue", "Абу-Дабийский диалог", "Abu Dhabi Dialogue"),
    ("rabat-process", "Рабатский процесс", "Rabat Process"),
    ("khartoum-process", "Хартумский процесс", "Khartoum Process"),
]

ORGANISATIONS = [  # id, ru, en, ru short, en short, part_of
    ("un", "Организация Объединённых Наций", "United Nations", "ООН", "UN", None),
    ("unhcr", "Управление Верховного комиссара ООН по делам беженцев",
     "Office of the United Nations High Commissioner for Refugees", "УВКБ ООН", "UNHCR", "un"),
    ("iom", "Международная организация по миграции", "International Organization for Migration", "МОМ", "IOM", "un"),
    ("ilo", "Международная организация труда", "International Labour Organization", "МОТ", "ILO", "un"),
    ("unodc", "Управление ООН по наркотикам и преступности", "United Nations Office on Drugs and Crime",
     "УНП ООН", "UNODC", "un"),
    ("osce", "Организация по безопасности и сотрудничеству в Европе",
     "Organization for Security and Co-operation in Europe", "ОБСЕ", "OSCE", None),
    ("icmpd", "Международный центр по развитию миграционной политики",
     "International Centre for Migration Policy Development", "МЦРМП", "ICMPD", None),
    ("cis", "Содружество Независимых Государств", "Commonwealth of Independent States", "СНГ", "CIS", None),
]
ORGANISATION_POSTS = [  # suffix, ru, en
    ("director-general", "Генеральный директор", "Director General"),
    ("deputy-director-general", "Заместитель Генерального директора", "Deputy Director General"),
    ("regional-director", "Региональный директор", "Regional Director"),
    ("spokesperson", "Официальный представитель", "Spokesperson"),
]
MINISTRIES = [  # suffix, ru, en, minister ru, minister en
    ("mfa", "Министерство иностранных дел", "Ministry of Foreign Affairs",
     "Министр иностранных дел", "Minister of Foreign Affairs"),
    ("mia", "Министерство внутренних дел", "Ministry of Internal Affairs",
     "Министр внутренних дел", "Minister of Internal Affairs"),
]

FIRST_NAMES = [  # ru, en, female
    ("Ерлан", "Erlan", False), ("Айгуль", "Aigul", True), ("Нурлан", "Nurlan", False), ("Динара", "Dinara", True),
    ("Бахтияр", "Bakhtiyar", False), ("Гульнара", "Gulnara", True), ("Тимур", "Timur", False),
    ("Лаура", "Laura", True), ("Антон", "Anton", False), ("Мария", "Maria", True), ("Рустам", "Rustam", False),
    ("Жанна", "Zhanna", True), ("Фарход", "Farkhod", False), ("Зарина", "Zarina", True), ("Карим", "Karim", False),
    ("Елена", "Elena", True), ("Давид", "David", False), ("Нино", "Nino", True), ("Самир", "Samir", False),
    ("Алия", "Aliya", True), ("Петер", "Peter", False), ("Анна", "Anna", True), ("Омар", "Omar", False),
    ("Сара", "Sara", True),
]
LAST_NAMES = [  # ru (male), ru (female), en
    ("Идрисов", "Идрисова", "Idrissov"), ("Касымов", "Касымова", "Kassymov"), ("Садыков", "Садыкова", "Sadykov"),
    ("Алиев", "Алиева", "Aliyev"), ("Рахимов", "Рахимова", "Rakhimov"), ("Назаров", "Назарова", "Nazarov"),
    ("Юсупов", "Юсупова", "Yusupov"), ("Ибрагимов", "Ибрагимова", "Ibragimov"), ("Томпсон", "Томпсон", "Thompson"),
    ("Мюллер", "Мюллер", "Mueller"), ("Новак", "Новак", "Novak"), ("Хасанов", "Хасанова", "Khasanov"),
    ("Ким", "Ким", "Kim"), ("Петров", "Петрова", "Petrov"), ("Бекова", "Бекова", "Bekova"),
    ("Мартинес", "Мартинес", "Martinez"), ("Росси", "Росси", "Rossi"), ("Шарма", "Шарма", "Sharma"),
    ("Ахмади", "Ахмади", "Ahmadi"), ("Сато", "Сато", "Sato"),
]

TOPICS = ["access-to-asylum", "border-management", "drivers-of-migration", "human-dignity", "human-rights",
          "humanitarian-cooperation", "international-migration", "international-protection", "migration-flows",
          "migration-governance", "migration-policy", "mixed-migration", "national-security", "refugee-protection",
          "regional-consultative-process", "regional-cooperation", "regular-migration", "rights-of-migrants"]

# What a speaker says: (ru clause, en clause); the words a statement cites.
CLAUSES = [
    ("регион нуждается в общих подходах к управлению смешанными миграционными потоками",
     "the region needs shared approaches to managing mixed migration flows"),
    ("защита беженцев остаётся общей ответственностью всех государств",
     "refugee protection remains a responsibility that all states share"),
    ("доступ к убежищу должен быть обеспечен всем нуждающимся в нём",
     "access to asylum must be ensured for everyone who needs it"),
    ("регулярные каналы трудовой миграции снижают риски для мигрантов",
     "regular channels of labour migration lower the risks that migrants face"),
    ("обмен данными между странами укрепит управление границами",
     "sharing data between countries will strengthen border management"),
    ("права мигрантов должны соблюдаться на всех этапах их пути",
     "the rights of migrants must be respected at every stage of their journey"),
    ("региональный диалог помогает находить решения, которые практичны и гуманны",
     "regional dialogue helps to find solutions that are practical and humane"),
    ("экономическая нестабильность и природные бедствия будут и дальше вызывать миграцию",
     "economic instability and natural disasters will continue to drive migration"),
    ("национальная безопасность и международная защита не противоречат друг другу",
     "national security and international protection do not contradict each other"),
    ("сотрудничество с международными организациями является приоритетом миграционной политики",
     "cooperation with international organisations is a priority of migration policy"),
]
QUOTES = [
    ("Ни одна страна не может в одиночку справиться с вызовами международной миграции",
     "No country can meet the challenges of international migration on its own"),
    ("Мы готовы делиться опытом и учиться у наших соседей",
     "We are ready to share our experience and to learn from our neighbours"),
    ("Достоинство каждого человека должно быть в центре нашей политики",
     "The dignity of every person must be at the centre of our policy"),
    ("Этот процесс даёт нам площадку для честного и открытого диалога",
     "This process gives us a platform for an honest and open dialogue"),
]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]


# --------------------------------------------------------------------------- the registry

@dataclass
class Registry:
    states: list[dict]
    governments: dict[str, dict]
    ministries: dict[str, dict]
    organisations: list[dict]
    posts: list[dict]
    persons: list[dict]
    cities: list[dict]
    processes: list[dict]
    #: person id -> post id: each person holds one post throughout the corpus
    post_of: dict[str, str] = field(default_factory=dict)

    @property
    def post_by_id(self) -> dict[str, dict]:
        if not hasattr(self, "_post_by_id"):
            self._post_by_id = {p["id"]: p for p in self.posts}
        return self._post_by_id


def _ru_name(translation: gettext.NullTranslations, english: str) -> str:
    return translation.gettext(english).replace(STRESS, "")


def _states() -> list[dict]:
    """About 200 states with a Russian short name: ISO 3166-1 alpha-3 ids, names as ISO spells them."""
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    states = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        ru = _ru_name(russian, country.name)
        if ru == country.name:
            continue  # no Russian name: not usable in a Russian release
        entry = {"id": country.alpha_3, "ru": ru, "en": country.name, "alt": {}}
        official = getattr(country, "official_name", None)
        if official and official != country.name:
            entry["alt"]["en"] = [official]
            official_ru = _ru_name(russian, official)
            if official_ru != official and official_ru != ru:
                entry["alt"]["ru"] = [official_ru]
        states.append(entry)
    return states[:200]


def person_pool_size(releases: int) -> int:
    """The registry's persons grow with the corpus, as they would with real releases."""
    return 40 + releases // 4


def _person(index: int) -> dict:
    first_ru, first_en, female = FIRST_NAMES[index % len(FIRST_NAMES)]
    last_m, last_f, last_en = LAST_NAMES[(index // len(FIRST_NAMES)) % len(LAST_NAMES)]
    serial = index // (len(FIRST_NAMES) * len(LAST_NAMES))
    suffix = f"-{serial + 1}" if serial else ""
    last_ru = last_f if female else last_m
    return {"id": f"{first_en.lower()}-{last_en.lower()}{suffix}", "ru": f"{first_ru} {last_ru}",
            "en": f"{first_en} {last_en}", "female": female, "alt": {"ru": [f"{last_ru} {first_ru}"]}}


def make_registry(releases: int, seed: int) -> Registry:
    states = _states()
    governments, ministries, posts = {}, {}, []
    for state in states:
        code = state["id"].lower()
        governments[state["id"]] = {"id": f"{code}-government", "type": "government",
                                    "ru": f"Правительство — {state['ru']}", "en": f"Government of {state['en']}",
                                    "part_of": state["id"]}
        for suffix, ru, en, minister_ru, minister_en in MINISTRIES:
            ministry = {"id": f"{code}-{suffix}", "type": "ministry", "ru": f"{ru} — {state['ru']}",
                        "en": f"{en} of {state['en']}", "part_of": f"{code}-government", "state": state["id"]}
            ministries[ministry["id"]] = ministry
            posts.append({"id": f"{code}-minister-{suffix}", "ru": f"{minister_ru} — {state['ru']}",
                          "en": f"{minister_en} of {state['en']}", "organisation": ministry["id"],
                          "title_ru": minister_ru, "title_en": minister_en, "state": state["id"]})
            posts.append({"id": f"{code}-deputy-minister-{suffix}", "ru": f"Заместитель министра — {ru} — {state['ru']}",
                          "en": f"Deputy Minister, {en} of {state['en']}", "organisation": ministry["id"],
                          "title_ru": "Заместитель министра", "title_en": "Deputy Minister", "state": state["id"]})
    organisations = [{"id": i, "ru": ru, "en": en, "short_ru": sru, "short_en": sen, "part_of": parent}
                     for i, ru, en, sru, sen, parent in ORGANISATIONS]
    for org in organisations:
        for suffix, ru, en in ORGANISATION_POSTS:
            posts.append({"id": f"{org['id']}-{suffix}", "ru": f"{ru} {org['short_ru']}", "en": f"{en} of {org['short_en']}",
                          "organisation": org["id"], "title_ru": ru, "title_en": en, "state": None})
    persons = [_person(i) for i in range(person_pool_size(releases))]
    rng = random.Random(f"{seed}-posts")
    post_of = {p["id"]: rng.choice(posts)["id"] for p in persons}
    cities = [{"id": i, "ru": ru, "en": en} for i, ru, en in CITIES]
    processes = [{"id": i, "ru": ru, "en": en} for i, ru, en in PROCESSES]
    return Registry(states, governments, ministries, organisations, posts, persons, cities, processes, post_of)


# --------------------------------------------------------------------------- YAML, written as a person would

_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]*[A-Za-z0-9.]|[A-Za-z]")
_NUMBER_LIKE = re.compile(r"[-+]?[0-9][0-9_.:eE+-]*")


def scalar(value: object) -> str:
    """A YAML scalar: plain where that is unambiguous, else a double-quoted (JSON) string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text  # a date, plain, as the seed card writes it
    if _PLAIN.fullmatch(text) and not _NUMBER_LIKE.fullmatch(text) and text.lower() not in ("true", "false", "null", "yes", "no", "on", "off", "y", "n"):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(mapping: dict) -> str:
    return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in mapping.items()) + "}"


def _value(value: object) -> str:
    if isinstance(value, dict):
        return flow(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return scalar(value)


def block(value: object, indent: int = 0) -> list[str]:
    """Block-style YAML lines for a mapping; lists of mappings as '- ' items; short things in flow style."""
    pad = " " * indent
    lines = []
    for key, item in value.items():
        if isinstance(item, dict) and len(_value(item)) > 100:
            lines.append(f"{pad}{key}:")
            lines += block(item, indent + 2)
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            lines.append(f"{pad}{key}:")
            for entry in item:
                text = _value(entry)
                if len(text) <= 110:
                    lines.append(f"{pad}  - {text}")
                else:
                    inner = block(entry, indent + 4)
                    lines.append(f"{pad}  - {inner[0].lstrip()}")
                    lines += inner[1:]
        else:
            lines.append(f"{pad}{key}: {_value(item)}")
    return lines


def registry_files(registry: Registry) -> dict[str, str]:
    def entries(items: list[dict]) -> str:
        return "entries:\n" + "\n".join(block({"entries": items})[1:]) + "\n"

    def entity(kind: str, e: dict, **extra) -> dict:
        out = {"id": e["id"], "type": kind, "labels": {"ru": e["ru"], "en": e["en"]}}
        alt = {lang: names for lang, names in e.get("alt", {}).items() if names}
        if alt:
            out["alt_labels"] = alt
        out.update({k: v for k, v in extra.items() if v is not None})
        return out

    orgs = [entity("government", g, part_of=g["part_of"]) for g in registry.governments.values()]
    orgs += [entity("ministry", m, part_of=m["part_of"]) for m in registry.ministries.values()]
    orgs += [entity("intergovernmental-organization",
                    dict(o, alt={"ru": [o["short_ru"]], "en": [o["short_en"]]}), part_of=o["part_of"])
             for o in registry.organisations]
    return {
        "states.yaml": "# Synthetic: states from ISO 3166-1 (pycountry), Russian names from its translations.\n"
                       + entries([entity("state", s) for s in registry.states]),
        "organisations.yaml": "# Synthetic: a government and two ministries per state; recurring organisations.\n"
                              + entries(orgs),
        "posts.yaml": entries([entity("post", p, organisation=p["organisation"]) for p in registry.posts]),
        "persons.yaml": "# Synthetic persons: the pool grows with the corpus.\n"
                        + entries([entity("person", p) for p in registry.persons]),
        "places-and-processes.yaml": entries([entity("city", c) for c in registry.cities]
                                             + [entity("regional-consultative-process", p) for p in registry.processes]),
    }


# --------------------------------------------------------------------------- one release

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
        for state, cite in zip(participants, self.put(*pieces)):
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

        card = resolve(card)
        lines = [f"# Synthetic release {self.index} (bench/synth.py): its source.txt is synthetic too.", "card: 1", ""]
        lines += block({"release": card["release"]})
        for key in ("events", "processes", "posts_held", "statements", "claims"):
            if card[key]:
                lines += [""] + block({key: card[key]})
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


# --------------------------------------------------------------------------- the corpus

def generate(out: Path, releases: int, seed: int = 0) -> Path:
    """Write ``out/registry/*.yaml`` and ``out/releases/<id>/`` for ``releases`` releases; return ``out``."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    registry = make_registry(releases, seed)
    (out / "registry").mkdir(parents=True)
    for name, content in registry_files(registry).items():
        (out / "registry" / name).write_text(content, encoding="utf-8")
    for index in range(releases):
        writer = ReleaseWriter(registry, seed, index)
        text, card = writer.write()
        folder = out / "releases" / writer.release_id
        folder.mkdir(parents=True)
        (folder / "source.txt").write_text(text, encoding="utf-8")
        (folder / "card.yaml").write_text(card, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--releases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    generate(args.out, args.releases, args.seed)
    print(f"wrote {args.releases} releases to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
