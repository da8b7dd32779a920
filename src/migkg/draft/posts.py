"""Titles next to names, the posts they name, and who held which post.

A title is either a registry post the gazetteer found («Министром иностранных дел
Республики Казахстан», «IOM Deputy Director General») or a title head from the lexicon
(«Minister», «Representative», «заместитель министра») with what follows it («of Foreign
Affairs of the Kyrgyz Republic») and an organisation before it («UNHCR Representative»).
A title names a post when its organisation is known: a registry or proposed organisation
inside or just before it; for a minister of a state, the ministry the title implies
(«Minister of Foreign Affairs of the Kyrgyz Republic» → «Ministry of Foreign Affairs of the
Kyrgyz Republic», part of that state's government). A person holds the post when the title
stands right before the name («Министр … г-н Ерлан Идрисов») or right after it, after a comma
(«Антониу Гутерриш, Верховный комиссар по делам беженцев»).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from migkg.cards.registry import Registry
from migkg.draft.actors import BODY_TYPES, Actor, Actors, copied_labels, government_of, with_article
from migkg.draft.english import is_title_word
from migkg.draft.facts import ID_STOP_WORDS, Drafted, Proposal, slug
from migkg.draft.gazetteer import Mention, state_label
from migkg.draft.lexicon import Lexicon
from migkg.draft.text import Analysis, Token, fold

ORGANISATION_TYPES = frozenset({"government", "ministry", "intergovernmental-organization"})


@dataclass(frozen=True)
class Title:
    start: int
    end: int
    post: str | None        # registry or proposed post id; None when its organisation is unknown
    method: str
    confidence: float


#: words right before a post's name that make it another post: «заместитель министра …» is not the minister's post,
#: nor "Deputy Minister of …" the minister's
DEPUTY_BEFORE = r"(?<![\w-])(?:(?:перв\w+\s+)?заместител\w*|зам\.|замглав\w*|исполняющ\w+\s+обязанности|и\.\s*о\.|" \
                r"deputy|vice|assistant|acting|first\s+deputy)[\s-]+$"


def find_titles(analysis: Analysis, found: list[Mention], actors: Actors, registry: Registry,
                lexicon: Lexicon) -> list[Title]:
    titles = [Title(m.start, m.end, m.entity, m.method, 0.85) for m in found if m.type == "post"
              and not re.search(DEPUTY_BEFORE, analysis.text[max(0, m.start - 40):m.start], re.I)]
    for person in (m for m in actors.mentions if m.type == "person"):
        for span in (_title_before(analysis, person, lexicon, actors), _title_after(analysis, person, lexicon)):
            if span and not any(t.start < span[1] and span[0] < t.end for t in titles):
                titles.append(_new_title(analysis, span, actors, registry, lexicon))
    return sorted(titles, key=lambda t: t.start)


def _head_at(tokens: list[Token], index: int, lexicon: Lexicon) -> int:
    """How many tokens a title head starting at ``index`` spans (0: none)."""
    for head in lexicon.title_heads:
        words = tokens[index:index + len(head)]
        if len(words) == len(head) and all(h in (w.lemma, w.key) for w, h in zip(words, head, strict=True)):
            return len(head)
    return 0


def _title_tokens(analysis: Analysis, start_index: int, lexicon: Lexicon, stop: int | None = None
                  ) -> tuple[int, int] | None:
    """A title beginning at a head: the head and the words that complete it, up to a name
    (``stop``, an honorific), a comma or a verb."""
    tokens = analysis.tokens
    size = _head_at(tokens, start_index, lexicon)
    if not size or _headed_by(tokens, start_index):
        return None
    end = start_index + size - 1
    probe = end + 1
    while probe < len(tokens):
        token = tokens[probe]
        gap = analysis.text[tokens[probe - 1].end:token.start]
        if "\n" in gap or fold(token.text).replace(".", "") in lexicon.honorifics or (stop and token.start >= stop):
            break
        if analysis.language == "ru":
            if token.text == "," and _russian_list_follows(analysis, probe):
                probe += 1
                continue
            if token.pos not in ("ADJ", "NOUN", "PROPN", "ADP", "CCONJ", "DET") or token.text in ",.;:":
                break
        else:
            if token.text == "," and _region_list_follows(analysis, probe):
                probe += 1
                continue
            if token.text[:1].isupper() or token.text == "-":
                pass
            elif not gap and re.match(r"['’]s\s+[A-Z]", analysis.text[token.start - (token.text == "s"):][:5]) \
                    and tokens[probe - 1 - (token.text == "s")].text[:1].isupper():
                probe += 1  # "at Hungary's Ministry of Interior": a possessive inside the title
                continue
            elif token.text.lower() in ("of", "for", "in", "the", "and", "on", "to", "at"):
                probe += 1
                continue
            else:
                break
        end = probe
        probe += 1
    return tokens[start_index].start, tokens[end].end


def _headed_by(tokens: list[Token], index: int) -> bool:
    """«делегация во главе с заместителем министра …» ("headed by"): «главе» there is no title; the title
    follows «с»."""
    return index > 0 and tokens[index].lemma == "глава" and tokens[index - 1].lemma in ("во", "в")


def _russian_list_follows(analysis: Analysis, comma: int) -> bool:
    """«министр труда, миграции и занятости населения»: a comma inside a list of nouns that ends in
    «и …» belongs to the title."""
    words: list[Token] = []
    for token in analysis.tokens[comma + 1:comma + 8]:
        if token.text in ",.;:" or token.lemma == "и":
            return bool(words) and token.lemma == "и" and all(w.pos == "NOUN" for w in words)
        words.append(token)
    return False


def _region_list_follows(analysis: Analysis, comma: int) -> bool:
    """«for South-Eastern Europe, Eastern Europe and Central Asia»: a comma inside a list of names
    that ends in «and …» belongs to the title."""
    words: list[str] = []
    for token in analysis.tokens[comma + 1:comma + 12]:
        if token.text in ".;:" or (token.text == "," and words):
            break
        words.append(token.text)
    return bool(words) and "and" in words and all(w[:1].isupper() or w in ("and", "the", "of", "-") for w in words)


def _title_before(analysis: Analysis, person: Actor, lexicon: Lexicon, actors: Actors) -> tuple[int, int] | None:
    """A title ending just before the name (honorifics between are allowed)."""
    tokens = analysis.tokens
    last = analysis.ending_by(person.start) - 1
    if last < 0:
        return None
    while last >= 0 and (tokens[last].text in ".," or fold(tokens[last].text).replace(".", "") in lexicon.honorifics):
        if tokens[last].text == "." and not (last > 0 and fold(tokens[last - 1].text).replace(".", "")
                                             in lexicon.honorifics):
            return None  # "… Migration Management. Gábor Németh": a sentence ends between them
        last -= 1
    for first in range(max(0, last - 12), last + 1):
        span = _title_tokens(analysis, first, lexicon, stop=person.start)
        if span and span[1] == tokens[last].end:
            return _with_organisation_before(analysis, span, first, actors)
    return None


def _title_after(analysis: Analysis, person: Actor, lexicon: Lexicon) -> tuple[int, int] | None:
    """A title right after the name and a comma: «Helena Marsh, Deputy Director General of IOM»."""
    tokens = analysis.tokens
    after = analysis.starting_from(person.end)
    if len(tokens) - after < 2 or tokens[after].text != ",":
        return None
    first = after + 1
    for skip in (0, 1, 2):  # «UNHCR Representative», «the IOM Director General»
        span = _title_tokens(analysis, first + skip, lexicon)
        if span:
            return tokens[first].start if skip else span[0], span[1]
    return None


def _with_organisation_before(analysis: Analysis, span: tuple[int, int], first: int, actors: Actors
                              ) -> tuple[int, int]:
    """«IOM Deputy Director General», «Uzbekistan's Minister of …», "Turkish Deputy Interior Minister": an
    acronym, a possessive name, or (in English) a state's name or adjective right before the head belongs to
    the title."""
    tokens = analysis.tokens
    if analysis.language == "en":
        begin = first
        while begin > 0 and first - begin < 3 and tokens[begin - 1].text[:1].isupper() \
                and analysis.text[tokens[begin - 1].end:tokens[begin].start] == " ":
            begin -= 1  # "Turkish Deputy Interior Minister": the head's capitalised modifiers
        for edge in range(first, begin - 1, -1):
            state = next((m for m in actors.within(max(0, tokens[edge].start - 40), tokens[edge].start,
                                                   frozenset({"state"}))
                          if not analysis.text[m.end:tokens[edge].start].strip()), None)
            if state is not None:
                return state.start, span[1]
    if first > 0 and re.fullmatch(r"[A-ZА-ЯЁ]{2,8}", tokens[first - 1].text):
        return tokens[first - 1].start, span[1]
    if first > 2 and tokens[first - 1].text == "s" and tokens[first - 2].text in ("'", "’") \
            and tokens[first - 3].text[:1].isupper():
        return tokens[first - 3].start, span[1]
    return span


def _new_title(analysis: Analysis, span: tuple[int, int], actors: Actors, registry: Registry,
               lexicon: Lexicon) -> Title:
    start, end = span
    inside = [m for m in actors.mentions if start <= m.start and m.end <= end and m.type in BODY_TYPES]
    organisations = [m for m in inside if m.type in ORGANISATION_TYPES]
    states = [m for m in inside if m.type == "state"]
    head_tokens = analysis.tokens_in(start, end)
    head = next((t for t in head_tokens if t.lemma in lexicon.ministerial_heads or t.key in lexicon.ministerial_heads),
                None)
    organisation = None
    if organisations:
        organisation = organisations[0].entity
    elif states and head is not None and re.search(r"\w", analysis.text[head.end:end]):
        organisation = _ministry(analysis, head, end, states[-1].entity, actors, registry, lexicon)
    elif states:
        organisation = government_of(states[-1].entity, actors, registry)
    if organisation is None:
        return Title(start, end, None, "title pattern (no organisation)", 0.3)
    return Title(start, end, _post(analysis, start, end, organisation, actors, registry), "title pattern", 0.6)


def _written(analysis: Analysis, start: int, end: int, actors: Actors) -> str:
    """A title as a label: in the nominative; «Uzbekistan's Minister of X» as «Minister of X of the
    Republic of Uzbekistan» (the registry's form)."""
    if analysis.language == "ru":
        from migkg.draft.russian import nominative_of_span
        text = nominative_of_span(analysis.text, start, end, analysis.tokens)
    else:
        text = analysis.text[start:end]
        possessive = re.match(r"(.+?)['’]s\s+", text)
        states = [m for m in actors.within(start, start + len(possessive.group(1)), frozenset({"state"}))
                  if m.start == start] if possessive else []
        before = next((m for m in actors.within(start, end, frozenset({"state"})) if m.start == start), None)
        if possessive and states:
            text = f"{text[possessive.end():]} of {with_article(states[0].entity)}"
        elif before is not None and re.match(r"\s+[A-Z]", text[before.end - start:]):
            # "Hungarian State Secretary for Security Policy" → "State Secretary for Security Policy of Hungary"
            text = f"{_minister_of(text[before.end - start:].strip())} of {with_article(before.entity)}"
        inner = next((m for m in actors.within(start + 1, end, frozenset({"state"}))
                      if re.match(r"['’]s\s+[A-Z]", analysis.text[m.end:end])), None)
        if inner is not None and not states:
            # "Deputy State Secretary at Hungary's Ministry of Interior" → "… at the Ministry of Interior of Hungary"
            cut = inner.start - start
            body = re.sub(r"^['’]s\s+", "", text[inner.end - start:])
            text = f"{text[:cut]}the {body} of {with_article(inner.entity)}"
    return text[:1].upper() + text[1:]


def _minister_of(title: str) -> str:
    """"Deputy Foreign Minister" → "Deputy Minister of Foreign Affairs", "Interior Minister" → "Minister of
    Interior": an English minister's title with its portfolio before the head, written as the registry writes
    posts (the portfolio after "of"; "Foreign" and "Home" portfolios are "… Affairs")."""
    found = re.fullmatch(r"((?:First\s+)?(?:Deputy\s+|Vice\s+)?)((?:[A-Z][a-z]+\s+){1,2}?)(Minister)", title)
    if found is None or is_title_word(found.group(2).split()[0]):
        return title
    portfolio = found.group(2).strip()
    portfolio += " Affairs" if portfolio in ("Foreign", "Home") else ""
    return f"{found.group(1)}Minister of {portfolio}"


def _ministry(analysis: Analysis, head: Token, end: int, state: str, actors: Actors, registry: Registry,
              lexicon: Lexicon) -> str:
    """The ministry a minister's title implies: «Minister of X of S» → «Ministry of X of S»."""
    rest = analysis.text[head.end:end]
    if analysis.language == "en" and not actors.within(head.end, end, frozenset({"state"})):
        rest += f" of {with_article(state)}"  # «Uzbekistan's Minister of X»: the state came before the head
    labels, comment = copied_labels(analysis.language, f"{lexicon.ministry_word}{rest}")
    leave_out = ID_STOP_WORDS | _name_words(state, actors, registry)
    return actors.propose(registry, f"{state.lower()}-ministry-{slug(labels['en'], 40, leave_out | {'ministry', 'ministerstvo'})}",
                          Proposal("", "ministry", labels, "derived from a minister's title", 0.5,
                                   part_of=government_of(state, actors, registry), comment=comment))


def _with_official_states(analysis: Analysis, start: int, end: int, written: str, actors: Actors,
                          registry: Registry) -> str:
    """A Russian title with each state it names in the genitive written by the state's official name, as the
    registry's posts are («министр … Таджикистана» → «Министр … Республики Таджикистан»,
    «посол России» → «Посол Российской Федерации», «министр … КР» → «Министр … Кыргызской Республики»)."""
    if analysis.language != "ru":
        return written
    from migkg.draft.actors import genitive_ru
    for state in actors.within(start, end, frozenset({"state"})):
        tokens = analysis.tokens_in(state.start, state.end)
        as_written = analysis.text[state.start:state.end]
        if tokens and (tokens[0].feats.get("Case") == "Gen" or re.fullmatch(r"[А-ЯЁ]{2,5}", as_written)):
            written = written.replace(as_written, genitive_ru(state.entity, registry), 1)  # «МИД КР»: a state's initials
    return written


def _post(analysis: Analysis, start: int, end: int, organisation: str, actors: Actors, registry: Registry) -> str:
    as_written = _written(analysis, start, end, actors)
    official = _with_official_states(analysis, start, end, as_written, actors, registry)
    labels, comment = copied_labels(analysis.language, official)
    raw = analysis.text[start:end]
    states = actors.within(start, end, frozenset({"state"}))
    short = [official.replace(f"of {with_article(states[0].entity)}", f"of {state_label(states[0].entity, 'en')}")
             ] if analysis.language == "en" and states else []
    others = [w for w in dict.fromkeys((as_written, raw[:1].upper() + raw[1:], *short)) if w != official]
    alt_labels = {analysis.language: others} if others else {}
    known = _registry_post(registry, [official, *others])
    if known is not None:
        return known  # the registry holds the post under one of these names
    state = _state_of(organisation, actors, registry)
    leave_out = ID_STOP_WORDS | _name_words(state, actors, registry)
    if getattr(_entry(organisation, actors, registry), "type", None) != "ministry":
        leave_out |= _name_words(organisation, actors, registry)
    return actors.propose(registry, f"{(state or organisation).lower()}-{slug(labels['en'], 50, leave_out)}",
                          Proposal("", "post", labels, "title pattern", 0.6, organisation=organisation,
                                   alt_labels=alt_labels,
                                   comment=f"A post named by a title in the text. {comment}"))


def _registry_post(registry: Registry, names: list[str]) -> str | None:
    """The registry's post with one of ``names`` among its labels (a title the gazetteer did not find as written:
    "Kazakh Deputy Foreign Minister" is «Deputy Minister of Foreign Affairs of the Republic of Kazakhstan»)."""
    wanted = {fold(n) for n in names}
    for entity, entry in sorted(registry.entries.items()):
        if getattr(entry, "type", None) != "post":
            continue
        labels = list(entry.labels.values()) + [a for alts in entry.alt_labels.values() for a in alts]
        if wanted & {fold(label) for label in labels}:
            return entity
    return None


def _entry(entity: str | None, actors: Actors, registry: Registry) -> Any:
    """The registry's entry of ``entity``, else the entry proposed for it in this draft, else None."""
    if entity is not None and entity in registry:
        return registry[entity]
    return actors.proposals.get(entity) if entity else None


def _name_words(entity: str | None, actors: Actors, registry: Registry) -> frozenset[str]:
    """The ASCII words of an actor's names (and of its ISO names, for a state): left out of derived ids."""
    if entity is None:
        return frozenset()
    entry = _entry(entity, actors, registry)
    if entry is None:
        return frozenset()
    names = list(entry.labels.values()) + [a for alts in entry.alt_labels.values() for a in alts]
    if getattr(entry, "type", None) == "state":
        from migkg.draft.gazetteer import state_names
        names += list(state_names().get(entity, ()))
    return frozenset(w for n in names for w in slug(n, 200).split("-")) | {entity.lower()}


def _state_of(organisation: str, actors: Actors, registry: Registry) -> str | None:
    """The state an organisation belongs to (through part_of), if any."""
    seen = set()
    current: str | None = organisation
    while current and current not in seen:
        seen.add(current)
        entry = _entry(current, actors, registry)
        if entry is None:
            return None
        if entry.type == "state":
            return current
        current = getattr(entry, "part_of", None)
    return None


def posts_held(analysis: Analysis, titles: list[Title], actors: Actors, event_id: str | None,
               lexicon: Lexicon) -> tuple[list[Drafted], dict[str, str]]:
    """Who held which post (first attestation each), and each post's holder (to resolve «the Minister»)."""
    held: list[Drafted] = []
    holders: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for person in (m for m in actors.mentions if m.type == "person"):
        for title in titles:
            if title.post is None or not _adjacent(analysis.text, title, person, lexicon):
                continue
            holders.setdefault(title.post, person.entity)
            if (person.entity, title.post) in seen or event_id is None:
                continue
            seen.add((person.entity, title.post))
            held.append(Drafted({"person": person.entity, "post": title.post, "at_event": event_id},
                                [(min(title.start, person.start), max(title.end, person.end))],
                                f"{title.method} next to a name ({person.method})",
                                round(min(title.confidence, person.confidence), 2)))
    return held, holders


#: the most characters between a title and a name that can still fold to the 16 that :func:`_adjacent` allows
#: (folding drops stress marks); the check looks no further, so that a long text costs no more per pair
_MAX_RAW_GAP = 64


def _adjacent(text: str, title: Title, person: Actor, lexicon: Lexicon) -> bool:
    if title.end <= person.start:
        if person.start - title.end > _MAX_RAW_GAP:
            return False
        gap = fold(text[title.end:person.start])
        if re.match(r"\s*\.", gap):
            return False  # "… of Migration Management. Gábor Németh": a sentence ends between them
        words = [w for w in re.split(r"[\s.,]+", gap) if w]
        return len(gap) < 16 and all(w in lexicon.honorifics for w in words)
    if person.end <= title.start:
        gap = text[person.end:title.start]
        return bool(re.fullmatch(r"\s*[,(]\s*", gap))
    return False
