"""Delegations at a meeting: who led or belonged to a state's delegation, and on whose behalf.

* «в состав казахстанской делегации», "the Turkish delegation was led by …", «делегацию возглавил …», "X headed
  the delegation", «глава кыргызской делегации, …»: the person (or, leading it, a ministry) and the state the
  delegation names by its name or adjective; the head is ``delegation-head``, not also ``delegation-member``.
* "the delegation" with no state of its own is the one the sentence before names with its state; "his country's
  delegation" is the state of the person's own title.
* "Hungary was represented by …", "is represented by", «Венгрию на встрече представлял …», «Чехия была представлена
  …»: a member of that state's delegation, unless the same words make them its head.
* the state a delegation at the meeting acts for takes part in it (:func:`delegations_take_part`).
"""
from __future__ import annotations

import re

from migkg.draft.actors import Actors
from migkg.draft.facts import Drafted
from migkg.draft.gazetteer import state_label
from migkg.draft.lexicon import Lexicon
from migkg.draft.text import Analysis, Token, fold


def delegation_members(analysis: Analysis, actors: Actors, lexicon: Lexicon, body_end: int) -> list[Drafted]:
    text = analysis.text
    drafted = []
    state_words = {fold(state_label(m.entity, language)): m.entity for m in actors.mentions if m.type == "state"
                   for language in ("ru", "en")}
    for token in analysis.tokens:
        if token.start >= body_end or (token.lemma not in lexicon.delegation_words and token.key not in lexicon.delegation_words):
            continue
        sentence = analysis.sentence_of(token.start)
        persons = [m for m in actors.within(sentence[0], token.start, frozenset({"person"}))]
        led = re.search(lexicon.delegation_led, text[token.end:sentence[1]], re.I) if lexicon.delegation_led else None
        head = re.search(lexicon.delegation_head, text[max(sentence[0], token.start - 40):token.start], re.I) \
            if lexicon.delegation_head else None
        if led:  # "the Turkish delegation was led by ... Mehmet Arslanoğlu", «делегацию возглавил ... Игорь Малинин»
            persons = actors.within(token.end + led.end(), sentence[1], frozenset({"person"}))[:1]
        elif head:  # «глава кыргызской делегации, заместитель министра ... Таалайбек Сулайманов»
            persons = [p for p in actors.within(token.end, sentence[1], frozenset({"person"}))
                       if p.start - token.end <= 150][:1] or persons
        led_before = not (led or head) and lexicon.delegation_led_before and re.search(
            lexicon.delegation_led_before, text[max(sentence[0], token.start - 40):token.start], re.I)
        if not persons and led_before:  # "The Department of Migrant Workers led the Philippine delegation"
            persons = actors.within(sentence[0], token.start, frozenset({"ministry", "government"}))
        if not persons:
            continue
        person = persons[-1]
        near = analysis.tokens_in(max(sentence[0], token.start - 40), min(sentence[1], token.end + 40))
        states = [m for m in actors.within(max(sentence[0], token.start - 40), min(sentence[1], token.end + 40),
                                           frozenset({"state"}))]  # not the last state of the sentence before
        state, end = None, token.end
        if states:
            state, end = states[0].entity, max(token.end, states[0].end)
        else:
            adjective = next((t for t in reversed(near) if t.end <= token.start and _state_of_adjective(t, state_words)),
                             None)
            if adjective:
                state = _state_of_adjective(adjective, state_words)
        if state is None and re.search(r"\bthe\s+$", text[max(sentence[0], token.start - 5):token.start], re.I):
            state = _delegation_named_before(analysis, actors, lexicon, sentence, state_words)
        if state is None and re.search(OWN_COUNTRY, text[max(sentence[0], token.start - 40):token.start], re.I):
            named = actors.within(sentence[0], person.start, frozenset({"state"}))  # "Zimbabwe's Deputy Minister …"
            state = named[-1].entity if named else None
        if state is None:
            continue
        spans = [(min(person.start, token.start), max(end, person.end))]
        # who led it is its head ("was led by", «делегацию возглавлял», "X headed the delegation"), not also a member
        leads = bool(led or head or led_before)
        drafted.append(Drafted({"role": "delegation-head" if leads else "delegation-member", "agent": person.entity,
                                "on_behalf_of": state}, spans,
                               f"«{text[token.start:token.end]}» with a state, "
                               + ("and who led it" if leads else "after a name"), 0.7))
    if lexicon.represented:
        drafted += _representatives(analysis, actors, lexicon, body_end)
    # "Indonesia was represented by Deputy Foreign Minister Ratna Wulandari, who led the Indonesian delegation":
    # the head of a delegation is not also drafted its member
    heads = {(r.fields["agent"], r.fields["on_behalf_of"]) for r in drafted if r.fields["role"] == "delegation-head"}
    return [r for r in drafted if r.fields["role"] != "delegation-member"
            or (r.fields["agent"], r.fields["on_behalf_of"]) not in heads]


OWN_COUNTRY = r"(?:\b(?:his|her|their)\s+country['’]s|(?<!\w)(?:своей|своего)\s+(?:страны|государства))\s+$"
""""who headed his country's delegation", «возглавил делегацию своей страны»: the state of the person's own title."""


def _delegation_named_before(analysis: Analysis, actors: Actors, lexicon: Lexicon, sentence: tuple[int, int],
                             state_words: dict[str, str]) -> str | None:
    """"X led the Philippine delegation to the meeting. Undersecretary Y headed the delegation": "the delegation"
    with no state of its own is the one the sentence before names with its state (by name or adjective)."""
    if sentence[0] == 0:
        return None
    before = analysis.sentence_of(sentence[0] - 1)
    if before == sentence:
        return None
    for token in analysis.tokens_in(*before):
        if token.lemma not in lexicon.delegation_words and token.key not in lexicon.delegation_words:
            continue
        states = actors.within(max(before[0], token.start - 40), min(before[1], token.end + 40), frozenset({"state"}))
        if states:
            return states[0].entity
        near = analysis.tokens_in(max(before[0], token.start - 40), token.start)
        adjective = next((t for t in reversed(near) if _state_of_adjective(t, state_words)), None)
        if adjective:
            return _state_of_adjective(adjective, state_words)
    return None


def _representatives(analysis: Analysis, actors: Actors, lexicon: Lexicon, body_end: int) -> list[Drafted]:
    """«Венгрию на встрече представлял посол Венгрии в Казахстане Золтан Киш», "Hungary was represented by ...":
    the person right after the verb is of the delegation of the state named first in the clause before it."""
    text, drafted = analysis.text, []
    for verb in re.finditer(lexicon.represented, text[:body_end], re.I):
        sentence = analysis.sentence_of(verb.start())
        states = actors.within(sentence[0], verb.start(), frozenset({"state"}))
        person = next(iter(actors.within(verb.end(), sentence[1], frozenset({"person"}))), None)
        if not states or person is None or person.start - verb.end() > 120:
            continue
        drafted.append(Drafted({"role": "delegation-member", "agent": person.entity, "on_behalf_of": states[0].entity},
                               [(states[0].start, person.end)], f"«{verb.group()}»: a state and who represented it",
                               0.6))
    return drafted


def _state_of_adjective(token: Token, state_words: dict[str, str]) -> str | None:
    """«казахстанской», «Kyrgyz» → the state whose short name shares its first five letters or more."""
    if len(token.lemma) < 5 or token.pos not in ("ADJ", "") or (token.pos == "" and not token.text[:1].isupper()):
        return None
    for word, state in sorted(state_words.items()):
        common = 0
        while common < min(len(word), len(token.lemma)) and word[common] == token.lemma[common]:
            common += 1
        if common >= 5:
            return state
    return None


# --------------------------------------------------------------------------- processes and claims


def delegations_take_part(roles: list[Drafted]) -> list[Drafted]:
    """«Глава итальянской делегации …», "Hungary was represented by …", "X led the Philippine delegation": the state
    a delegation at the meeting acts for takes part in it, a participant where no other words say so."""
    taking_part = {r.fields["agent"] for r in roles if r.fields["role"] == "participant"}
    drafted: list[Drafted] = []
    for role in roles:
        state = role.fields.get("on_behalf_of")
        if role.fields["role"] in ("delegation-head", "delegation-member") and state and state not in taking_part:
            taking_part.add(state)
            drafted.append(Drafted({"role": "participant", "agent": state}, role.spans[:1],
                                   "the state a delegation at the meeting acts for", 0.6))
    return drafted
