"""The synthetic registry: states from pycountry, their governments, ministries and posts, recurring
organisations, processes (each with the state that hosts its secretariat), cities, news outlets, and a pool
of persons that grows with the corpus; and its YAML files."""
from __future__ import annotations

import gettext
import random
from dataclasses import dataclass, field

import pycountry

from migkg.synthetic.names import (
    CITIES,
    FIRST_NAMES,
    LAST_NAMES,
    MINISTRIES,
    NEWS_OUTLETS,
    ORGANISATION_POSTS,
    ORGANISATIONS,
    PROCESSES,
    STRESS,
)
from migkg.synthetic.yamltext import block


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
    #: news agencies and outlets: the publishers of news items, and the outlets whose reports they relay
    outlets: list[dict] = field(default_factory=list)

    @property
    def post_by_id(self) -> dict[str, dict]:
        if not hasattr(self, "_post_by_id"):
            self._post_by_id = {p["id"]: p for p in self.posts}
        return self._post_by_id

    @property
    def state_by_id(self) -> dict[str, dict]:
        if not hasattr(self, "_state_by_id"):
            self._state_by_id = {s["id"]: s for s in self.states}
        return self._state_by_id


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
        alt: dict[str, list[str]] = {}
        entry = {"id": country.alpha_3, "ru": ru, "en": country.name, "alt": alt}
        official = getattr(country, "official_name", None)
        if official and official != country.name:
            alt["en"] = [official]
            official_ru = _ru_name(russian, official)
            if official_ru not in (official, ru):
                alt["ru"] = [official_ru]
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
    rng = random.Random(f"{seed}-processes")
    # each process's secretariat is hosted by one state, since a year before the corpus begins
    processes = [{"id": i, "ru": ru, "en": en, "secretariat": rng.choice(states[:60])["id"],
                  "since": rng.randint(1996, 2004)} for i, ru, en in PROCESSES]
    outlets = [{"id": i, "ru": ru, "en": en, "site": site} for i, ru, en, site in NEWS_OUTLETS]
    return Registry(states, governments, ministries, organisations, posts, persons, cities, processes, post_of,
                    outlets)


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
    orgs += [entity("news-outlet", o) for o in registry.outlets]
    return {
        "states.yaml": "# Synthetic: states from ISO 3166-1 (pycountry), Russian names from its translations.\n"
                       + entries([entity("state", s) for s in registry.states]),
        "organisations.yaml": "# Synthetic: a government and two ministries per state; recurring organisations; "
                              "news outlets.\n"
                              + entries(orgs),
        "posts.yaml": entries([entity("post", p, organisation=p["organisation"]) for p in registry.posts]),
        "persons.yaml": "# Synthetic persons: the pool grows with the corpus.\n"
                        + entries([entity("person", p) for p in registry.persons]),
        "places-and-processes.yaml": entries([entity("city", c) for c in registry.cities]
                                             + [entity("regional-consultative-process", p) for p in registry.processes]),
    }
