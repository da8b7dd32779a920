"""Find the registry's actors, the world's states and the vocabulary's terms in a text.

One Aho-Corasick automaton (pyahocorasick) holds every name twice: as written (folded to
lower case) and as lemmas. The text is matched the same two ways, so «Правительством
Республики Казахстан» meets the label «Правительство Республики Казахстан» through its
lemmas, and «МОМ» meets the alias «МОМ» as written. A match must begin and end on token
boundaries; overlapping matches are settled longest first, then by the trust in the name's
source (registry, then its generated variants, then pycountry).

Names come from:

* the registry: ``labels`` and ``alt_labels`` in every language, plus generated variants —
  a parent organisation's name dropped («Управление Верховного комиссара по делам беженцев»
  for UNHCR, part of the UN), a post's organisation replaced by its aliases («Заместитель
  министра МВД РК», «IOM Deputy Director General»), a state's name replaced by its other names;
* pycountry: every ISO 3166 country in English and, through its gettext catalogues, in
  Russian (stress marks removed: pycountry writes «Исламская Респу́блика Иран»), plus the
  few short names ISO does not list (:data:`EXTRA_STATE_NAMES`);
* the adjectives and demonyms of every ISO 3166 country («казахстанская», «узбекской»,
  «азербайджанцы», "Azerbaijani", "Kazakh", "Kyrgyz"), made by the language front end from the
  country's names (:func:`migkg.draft.russian.state_adjectives`: derivation rules checked against
  pymorphy2's dictionary; :func:`migkg.draft.english.state_adjectives`: English endings), matched
  in any case and number through the lemmas; a form two states share («гвинейский») is left out;
* the vocabulary: event and process classes, topics (their SKOS labels).
"""
from __future__ import annotations

import bisect
import gettext
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ahocorasick
import pycountry
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import OWL, SDO, SKOS

from migkg.cards.registry import Registry
from migkg.draft.text import Analysis, fold, strip_stress
from migkg.mapping.namespaces import MIG, TOPIC
from migkg.schema.vocabulary import Vocabulary

#: short names that ISO 3166 (and so pycountry) does not give, as releases write them
EXTRA_STATE_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "RUS": {"en": ("Russia",), "ru": ("Россия", "РФ")},
    "TUR": {"en": ("Turkey", "Türkiye"), "ru": ("Турция",)},
    "KGZ": {"en": ("Kyrgyzstan",), "ru": ("Кыргызстан", "Киргизия", "Кыргызская Республика")},
    "GBR": {"en": ("United Kingdom", "UK", "Britain"), "ru": ("Великобритания",)},
    "USA": {"en": ("United States", "USA"), "ru": ("США", "Соединенные Штаты Америки")},
    "CZE": {"en": ("Czech Republic",), "ru": ("Чехия",)},
    "MDA": {"en": ("Moldova",), "ru": ("Молдова", "Молдавия")},
    "IRN": {"en": ("Iran",), "ru": ("Иран",)},
    "SYR": {"en": ("Syria",), "ru": ("Сирия",)},
    "KOR": {"en": ("South Korea",), "ru": ("Южная Корея",)},
    "BLR": {"ru": ("Белоруссия",)},
    "KAZ": {"ru": ("Казахстан",)},
}

#: the trust in each source of names: a higher one wins a tie between equally long matches
PRIORITY = {"registry": 4, "registry variant": 3, "pycountry": 2, "vocabulary": 2, "state adjective": 2, "state initialism": 2,
            "pattern": 1}


@dataclass(frozen=True)
class Name:
    """One name of one thing (an actor, an event class, a topic)."""

    entity: str
    type: str
    text: str
    source: str


@dataclass(frozen=True)
class Mention:
    """Where a name was found in the text."""

    start: int
    end: int
    entity: str
    type: str
    source: str
    name: str

    @property
    def method(self) -> str:
        return {"registry": "registry gazetteer", "registry variant": "registry gazetteer (generated variant)",
                "pycountry": "pycountry country names", "vocabulary": "vocabulary labels",
                "state adjective": "adjective or demonym of a state's name",
                "state initialism": "initials of a state's name, the state named otherwise too"}.get(self.source,
                                                                                             self.source)


KeysOf = Callable[[list[str]], list[tuple[tuple[str, ...], tuple[str, ...]]]]
"""Surface keys and lemma keys of each phrase: the language front end's tokeniser and lemmatiser."""


class Gazetteer:
    def __init__(self, names: Iterable[Name], keys_of: KeysOf):
        names = list(dict.fromkeys(n for n in names if n.text.strip()))
        self._automaton = ahocorasick.Automaton()
        payloads: dict[str, list[Name]] = {}
        for name, (surface, lemmas) in zip(names, keys_of([n.text for n in names]), strict=True):
            for keys in {surface, lemmas}:
                if keys:
                    payloads.setdefault(" ".join(keys), []).append(name)
        for key, found in payloads.items():
            self._automaton.add_word(key, (key, tuple(dict.fromkeys(found))))
        self._empty = not payloads
        if payloads:
            self._automaton.make_automaton()

    def find(self, analysis: Analysis) -> list[Mention]:
        """Every name found, without overlaps: the longest wins, then the most trusted source."""
        if self._empty or not analysis.tokens:
            return []
        candidates = []
        for keys in ([t.key for t in analysis.tokens], [t.lemma for t in analysis.tokens]):
            joined, starts, ends = _join(keys)
            for last, (key, names) in self._automaton.iter(joined):
                first_token = starts.get(last - len(key) + 1)
                last_token = ends.get(last + 1)
                if first_token is None or last_token is None:
                    continue
                begin, end = analysis.tokens[first_token].start, analysis.tokens[last_token].end
                for name in names:
                    if _case_fits(name, analysis.text[begin:end]):
                        candidates.append((begin, end, name))
        found = _settle(candidates)
        named_otherwise = {m.entity for m in found if m.source != "state initialism"}
        return [m for m in found if m.source != "state initialism" or m.entity in named_otherwise]


def _join(keys: list[str]) -> tuple[str, dict[int, int], dict[int, int]]:
    """The keys joined by spaces, with the offset where each token starts and ends."""
    starts, ends, offset = {}, {}, 0
    for index, key in enumerate(keys):
        starts[offset] = index
        offset += len(key)
        ends[offset] = index
        offset += 1
    return " ".join(keys), starts, ends


def _case_fits(name: Name, found: str) -> bool:
    """An acronym matches only in capitals («US», not «us»); a proper name only capitalised
    («Того» is not «о том»). Titles of posts are written in lower case inside a sentence."""
    if re.fullmatch(r"[A-ZА-ЯЁ]{2,8}", name.text):
        return found == name.text
    if name.type not in ("post", "topic", "event-kind", "process-kind") and name.text[:1].isupper():
        return found[:1].isupper()
    return True


def _settle(candidates: list[tuple[int, int, Name]]) -> list[Mention]:
    """The longest (then best-ranked) candidates that overlap no candidate taken before them."""
    ranked = sorted(candidates, key=lambda c: (-(c[1] - c[0]), -PRIORITY.get(c[2].source, 0), c[0], c[2].entity))
    taken: list[Mention] = []
    starts: list[int] = []  # of the taken spans, in order; they do not overlap, so their ends are in order too
    ends: list[int] = []
    for begin, end, name in ranked:
        before = bisect.bisect_left(starts, end)  # the taken spans that start before this one ends
        if before and ends[before - 1] > begin:    # the last of them reaches into it
            continue
        starts.insert(before, begin)
        ends.insert(before, end)
        taken.append(Mention(begin, end, name.entity, name.type, name.source, name.text))
    return sorted(taken, key=lambda m: m.start)


# --------------------------------------------------------------------------- names of actors

def actor_names(registry: Registry, languages: tuple[str, ...] = ("ru", "en")) -> list[Name]:
    """Every actor's names: the registry's, their variants, every ISO 3166 country's, and the
    adjectives and demonyms of every state in ``languages``."""
    names = []
    for entity_id, entry in sorted(registry.entries.items()):
        for text in _own_names(entry):
            names.append(Name(entity_id, entry.type, text, "registry"))
        for text in _variants(registry, entity_id):
            names.append(Name(entity_id, entry.type, text, "registry variant"))
    for alpha3, texts in state_names().items():
        source = "registry variant" if alpha3 in registry else "pycountry"
        names.extend(Name(alpha3, "state", text, source) for text in texts)
    taken = {fold(n.text) for n in names}
    for alpha3, initialism in state_initialisms(registry).items():
        if fold(initialism) not in taken:
            names.append(Name(alpha3, "state", initialism, "state initialism"))
    for language in languages:
        for alpha3, forms in state_adjective_names(language).items():
            names.extend(Name(alpha3, "state", form, "state adjective") for form in forms if fold(form) not in taken)
    return names


def state_initialisms(registry: Registry) -> dict[str, str]:
    """«РК», «КР», «КНР», «ОАЭ»: the capitals of a registry state's Russian name of two words or more
    («Республика Казахстан», «Кыргызская Республика»), keyed by alpha-3 code; one two states would
    share is no one's. Such a name counts only in a text that also names the state otherwise
    (:meth:`Gazetteer.find`)."""
    made: dict[str, list[str]] = {}
    for entity_id, entry in sorted(registry.entries.items()):
        if entry.type != "state":
            continue
        for text in [entry.labels.get("ru", "")] + list(entry.alt_labels.get("ru", [])):
            words = [w for w in text.split() if w != "и"]
            if len(words) >= 2 and all(re.fullmatch(r"[А-ЯЁа-яё]+", w) for w in words):
                made.setdefault(entity_id, []).append("".join(w[0].upper() for w in words))
    unshared = _unshared(made)
    return {alpha3: forms[0] for alpha3, forms in unshared.items() if forms}


@lru_cache(maxsize=2)
def state_adjective_names(language: str) -> dict[str, tuple[str, ...]]:
    """The adjectives and demonyms of every ISO 3166 country in one language, keyed by alpha-3
    code; a form made for two states (Nigeria and Niger: «Nigerian») is no one's.

    The Russian forms are checked against pymorphy2's dictionary (a second): the result is kept
    on disk by :mod:`.index_cache`, keyed by the country names it is made from."""
    from migkg.draft.cache import cached

    names = state_names()
    made = cached(f"{language}-state-adjectives", [language, list(names.items())],
                  lambda: _state_adjectives(language, names))
    return _unshared(made)


def _state_adjectives(language: str, names: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    from migkg.draft import english, russian

    front_end = {"ru": russian, "en": english}[language]
    return {alpha3: front_end.state_adjectives(list(texts)) for alpha3, texts in names.items()}


def _unshared(made: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    owners: dict[str, set[str]] = {}
    for alpha3, forms in made.items():
        for form in forms:
            owners.setdefault(fold(form), set()).add(alpha3)
    return {alpha3: tuple(f for f in forms if len(owners[fold(f)]) == 1) for alpha3, forms in sorted(made.items())}


def _own_names(entry) -> list[str]:
    texts = list(entry.labels.values())
    for alts in entry.alt_labels.values():
        texts.extend(alts)
    return list(dict.fromkeys(texts))


@lru_cache(maxsize=1)
def state_names() -> dict[str, tuple[str, ...]]:
    """ISO 3166 country names in English and Russian, keyed by alpha-3 code."""
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    found: dict[str, tuple[str, ...]] = {}
    for country in pycountry.countries:
        english = [e for f in ("name", "official_name", "common_name")
                   if (e := getattr(country, f, None)) and ", " not in e]
        texts = list(english)
        for msgid in (getattr(country, f, None) for f in ("name", "official_name", "common_name")):
            if msgid:
                translated = russian.gettext(msgid)
                if translated != msgid:
                    texts.append(strip_stress(translated))
        for more in EXTRA_STATE_NAMES.get(country.alpha_3, {}).values():
            texts.extend(more)
        found[country.alpha_3] = tuple(dict.fromkeys(texts))
    return found


def _country(alpha3: str) -> Any:
    """The pycountry record of a state the gazetteer found (so its code is ISO 3166-1's)."""
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        raise KeyError(f"{alpha3!r} is not an ISO 3166-1 alpha-3 code")
    return country


def state_label(alpha3: str, language: str) -> str:
    """The short name of a state in English or Russian, for a proposed registry entry."""
    country = _country(alpha3)
    english = getattr(country, "common_name", None) or country.name
    if language == "en":
        return EXTRA_STATE_NAMES.get(alpha3, {}).get("en", (english,))[0]
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    return EXTRA_STATE_NAMES.get(alpha3, {}).get("ru", (strip_stress(russian.gettext(country.name)),))[0]


def state_official(alpha3: str, language: str) -> str:
    """The official (long) name, e.g. «Кыргызская Республика» / «Kyrgyz Republic», else the short one."""
    country = pycountry.countries.get(alpha_3=alpha3)
    official = getattr(country, "official_name", None)
    if not official:
        return state_label(alpha3, language)
    if language == "en":
        return official
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    return strip_stress(russian.gettext(official))


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+|[^\w\s]", text)


def _replace_words(text: str, old: str, new: str) -> str | None:
    """``text`` with the whole words ``old`` replaced by ``new`` (None if ``old`` is not there)."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    if not pattern.search(text):
        return None
    return re.sub(r"\s+", " ", pattern.sub(new, text)).strip(" ,")


def _script(text: str) -> str:
    return "cyrillic" if re.search(r"[А-Яа-яЁё]", text) else "latin"


def _variants(registry: Registry, entity_id: str) -> list[str]:
    """Names a release may use for an entry that its labels do not spell out."""
    entry = registry[entity_id]
    own = _own_names(entry)
    variants: list[str] = []
    chain = _ancestors(registry, entity_id)
    for ancestor in chain:
        if registry.type_of(ancestor) == "state":
            continue
        for name in own:
            for parent_name in _own_names(registry[ancestor]):
                dropped = _replace_words(name, parent_name, "")
                if dropped and dropped != name and len(_words(dropped)) >= 2:
                    variants.append(re.sub(r"\bof the of\b|\bof of\b", "of", dropped))
    if entry.type == "post" and entry.organisation in registry:
        variants += _post_variants(own, _own_names(registry[entry.organisation]))
    for ancestor in chain:
        if registry.type_of(ancestor) == "state":
            state_texts = list(_own_names(registry[ancestor])) + list(state_names().get(ancestor, ()))
            for name in own + variants:
                for old in state_texts:
                    for new in state_texts:
                        if old != new and _script(old) == _script(new) == _script(name):
                            replaced = _replace_words(name, old, new)
                            if replaced:
                                variants.append(replaced)
                                variants.append(re.sub(r"\bthe (?=[A-Z][a-z]+$)", "", replaced))
    if entry.type == "ministry":  # after the states' names are swapped: each initialism comes with every name
        variants += _ministry_initials(own, [a for a in chain if registry.type_of(a) == "state"], registry)
    return [v for v in dict.fromkeys(variants) if v not in own]


def _ministry_initials(names: list[str], states: list[str], registry: Registry) -> list[str]:
    """«МИД Кыргызстана», «МВД КР»: the capitals of a ministry's Russian name before its state's («Министерство
    иностранных дел» → «МИД»), followed by each name of the state (any case matches: the gazetteer compares lemmas)."""
    if not states:
        return []
    state = states[0]
    state_texts = [*_own_names(registry[state]), *state_names().get(state, ())]
    initialism = state_initialisms(registry).get(state)
    found = []
    for name in names:
        words = name.split()
        head = list(itertools.takewhile(lambda w: not w[:1].isupper(), words[1:]))
        if not re.fullmatch(r"Министерств\w+", words[0]) or not head or len(head) + 1 == len(words):
            continue
        letters = "".join(w[0].upper() for w in [words[0], *head] if w != "и")
        found += [f"{letters} {text}" for text in [*state_texts, *([initialism] if initialism else [])]
                  if _script(text) == "cyrillic"]
    return found


def _ancestors(registry: Registry, entity_id: str) -> list[str]:
    entry = registry[entity_id]
    chain: list[str] = []
    current: str | None = getattr(entry, "organisation", None) or getattr(entry, "part_of", None)
    if entry.type == "post" and current is not None and current in registry:
        chain.append(current)
        current = getattr(registry[current], "part_of", None)
    while current and current in registry and current not in chain:
        chain.append(current)
        current = getattr(registry[current], "part_of", None)
    return chain


def _post_variants(post_names: list[str], organisation_names: list[str]) -> list[str]:
    """«Заместитель министра» + «МВД РК»; «IOM Deputy Director General», «Deputy Director General of IOM».

    The title is what is left of a post's name once the tail it shares with its
    organisation's name is cut off; it is then joined to each other name of the organisation.
    """
    variants = []
    for post in post_names:
        post_words = _words(post)
        for organisation in organisation_names:
            shared = _shared_tail(post_words, _words(organisation))
            if not (shared >= 2 or (shared and shared == len(_words(organisation)))):
                continue
            title = " ".join(post_words[:-shared])
            title = re.sub(r"\s+(of|of the)$", "", title)
            if not re.search(r"\w", title):
                continue
            for alias in organisation_names:
                if _script(alias) != _script(title):
                    continue
                if _script(title) == "cyrillic":
                    variants.append(f"{title} {alias}")
                else:
                    variants += [f"{title} of {alias}", f"{alias} {title}", f"{title} of the {alias}"]
    return variants


def _shared_tail(a: list[str], b: list[str]) -> int:
    count = 0
    while count < min(len(a), len(b)) and fold(a[-1 - count]) == fold(b[-1 - count]):
        count += 1
    return count


# --------------------------------------------------------------------------- names of terms

def term_names(vocabulary: Vocabulary) -> list[Name]:
    """Event kinds, the process kind, topics and UN M49 regions, by their labels (``event-kind``, ``process-kind``,
    ``topic``, ``region``: its M49 code)."""
    graph = vocabulary.graph
    names = []
    for cls in sorted(graph.subjects(RDF.type, OWL.Class), key=str):
        if not str(cls).startswith(str(MIG)):
            continue
        local = str(cls)[len(str(MIG)):]
        kind_id = re.sub(r"(?<!^)(?=[A-Z])", "-", local).lower()
        if (cls, RDFS.subClassOf, SDO.Event) in graph:
            term_type = "event-kind"
        elif cls == MIG.RegionalConsultativeProcess:
            term_type = "process-kind"
        else:
            continue
        names += [Name(kind_id, term_type, str(label), "vocabulary") for label in _labels(graph, cls)]
    for concept in sorted(graph.subjects(SKOS.inScheme, TOPIC.scheme), key=str):
        topic = str(concept)[len(str(TOPIC)):]
        names += [Name(topic, "topic", str(label), "vocabulary") for label in _labels(graph, concept)]
    for name, code in vocabulary.region_codes.items():  # UN M49 regions, for groupings ("states of Central Asia")
        labels = _labels(graph, next(iter(graph.subjects(SKOS.prefLabel, Literal(name, lang="en")))))
        names += [Name(code, "region", label, "vocabulary") for label in labels + _short_compass(labels)]
    return names


_COMPASS = {"Western": "West", "Eastern": "East", "Northern": "North", "Southern": "South"}


def _short_compass(labels: list[str]) -> list[str]:
    """"West Africa", "North Africa", "South Asia", "East Africa": the names writers use for the M49 regions
    "Western Africa", "Northern Africa", "Southern Asia", "Eastern Africa"."""
    return [f"{_COMPASS[match.group(1)]} {match.group(2)}" for label in labels
            if (match := re.fullmatch(r"(Western|Eastern|Northern|Southern) (\w+)", label))]


def _labels(graph, node) -> list[str]:
    return sorted({str(o) for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(node, p)
                   if isinstance(o, Literal) and o.language in ("ru", "en")})
