"""Cities the body names with the state they lie in (the card's ``places``), as a reader finds them:

* **a city, a comma and a state** ("scheduled for 2024 in Kampala, Uganda", "held in Muscat, Sultanate of Oman",
  "RCM Technical Secretariat, San José, Costa Rica"): capitalised words right before ", <state>", after "in", "at",
  "from", "to" or a comma, that name no other actor; the city is the registry's, or proposed as written (one
  proposal for one name, the dateline's included).
* **a state's capital named after it** ("the Ethiopian capital, Addis Ababa"): that city lies in the state. «в
  столице Казахстана» alone names no city (the dateline's is the reader's inference, which the older cards do not
  write).

English only (a Russian city is inflected: «в Найроби»). A city found so is an actor mention too, so that a
meeting "held in Muscat" has its place (:mod:`.meetings`).
"""
from __future__ import annotations

import re

from migkg.cards.registry import Registry
from migkg.draft.actors import Actor, Actors, copied_labels
from migkg.draft.english import ORG_HEADS, is_title_word
from migkg.draft.facts import Drafted, Proposal, slug
from migkg.draft.text import Analysis, fold

CITY_WORDS = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’-]*){0,2}"
"""A city's name as English writes it: one to three capitalised words ("San José", "Addis Ababa")."""
BEFORE_CITY = r"(?:\b(?:in|at|from|to)\s+|,\s+)$"
"""What comes right before a city named with its state."""
CAPITAL = r"\bcapital\b"
"""The noun for a state's capital."""


def places_in_states(analysis: Analysis, actors: Actors, registry: Registry, body: tuple[int, int]) -> list[Drafted]:
    """Cities the body names with their states, each once (see the module's description)."""
    if analysis.language != "en":
        return []
    found = _city_comma_state(analysis, actors, registry, body) + _capitals(analysis, actors, registry, body)
    kept: list[Drafted] = []
    for place in found:
        if not any(k.fields == place.fields for k in kept):
            kept.append(place)
    return kept


def _city_comma_state(analysis: Analysis, actors: Actors, registry: Registry, body: tuple[int, int]) -> list[Drafted]:
    text = analysis.text
    found: list[Drafted] = []
    for state in (m for m in actors.mentions if m.type == "state" and body[0] <= m.start < body[1]):
        city = re.search(rf"(?P<city>{CITY_WORDS}),\s+(?:the\s+)?$", text[max(body[0], state.start - 60):state.start])
        if city is None:
            continue
        start = max(body[0], state.start - 60) + city.start("city")
        end = max(body[0], state.start - 60) + city.end("city")
        if not re.search(BEFORE_CITY, text[max(0, start - 8):start]) or _other_actor(actors, start, end, text[start:end]) \
                or re.match(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z]", text[state.end:state.end + 8]):
            continue  # "Djibouti, Eritrea, …": a list of states; "Tajikistan, Kazakhstan and …" too
        if re.match(r"[ \t]+[A-Z]", text[state.end:state.end + 3]):
            continue  # "in Nairobi, the Kenya News Agency reported": the state begins another name
        entity = _city(analysis, actors, registry, start, end)
        found.append(Drafted({"place": entity, "state": state.entity}, [(start, state.end)],
                             "a city, a comma and the state it lies in", 0.7))
    return found


def _capitals(analysis: Analysis, actors: Actors, registry: Registry, body: tuple[int, int]) -> list[Drafted]:
    """"the Ethiopian capital, Addis Ababa": the state's adjective or name right before the noun for a capital, and
    the city named right after it."""
    text = analysis.text
    found: list[Drafted] = []
    for capital in re.finditer(CAPITAL, text[body[0]:body[1]], re.I):
        start, end = body[0] + capital.start(), body[0] + capital.end()
        state = next((m for m in actors.mentions if m.type == "state" and 0 <= start - m.end <= 2), None)
        if state is None:
            continue
        named = re.match(rf",\s+(?P<city>{CITY_WORDS})", text[end:end + 40]) if analysis.language == "en" else None
        if named is None:
            continue  # «в столице Казахстана» alone: which city the writer means is the reader's inference
        city_start, city_end = end + named.start("city"), end + named.end("city")
        if _other_actor(actors, city_start, city_end, text[city_start:city_end]):
            continue
        entity = _city(analysis, actors, registry, city_start, city_end)
        found.append(Drafted({"place": entity, "state": state.entity}, [(min(state.start, start), city_end)],
                             "a state's capital, named after it", 0.6))
    return found


def _other_actor(actors: Actors, start: int, end: int, words: str = "") -> bool:
    """Whether words name an actor other than a city (a state, a person, a body), or hold a body's head noun or a
    title's word ("the Regional Office, Thailand", "Chief of Mission, Bangladesh")."""
    return any(m.start < end and start < m.end and m.type != "city" for m in actors.mentions) \
        or any(fold(word) in ORG_HEADS or is_title_word(word) for word in words.split())


def _city(analysis: Analysis, actors: Actors, registry: Registry, start: int, end: int) -> str:
    """The city named at ``text[start:end]``: the registry's, a city proposed for the same name (the dateline's
    «ADDIS ABABA» included), or a new proposal; a mention of it is added."""
    known = actors.within(start, end, frozenset({"city"}))
    if known:
        return known[0].entity
    words = analysis.text[start:end]
    same = next((p for p in actors.proposals.values() if p.type == "city"
                 and fold(words) in {fold(label) for label in p.labels.values()}), None)
    if same is not None:
        entity = same.id
    else:
        labels, comment = copied_labels(analysis.language, words)
        entity = actors.propose(registry, slug(labels["en"]), Proposal(
            "", "city", labels, "a city named with its state", 0.6, comment=f"A city the text names. {comment}"))
    actors.mentions.append(Actor(start, end, entity, "city", "a city named with its state", 0.6))
    actors.mentions.sort(key=lambda m: (m.start, m.end))
    return entity
