"""Who the text names: gazetteer matches and NER names resolved to registry ids or proposed entries.

The registry always wins: a name that the gazetteer matched is that actor, whatever NER
thinks of it (natasha reads «Алматинский» in «Алматинский процесс» as a person). A name
that NER or a pattern found is compared with the registry's persons by its parts, in any
order («Кененбаев Ерлик» is «Ерлик Кененбаев»), and a family name alone («Г-жа Томпсон»)
with the persons named before it. Only names that match nothing become proposals.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from migkg.cards.registry import Registry
from migkg.draft.facts import Proposal, slug
from migkg.draft.gazetteer import Mention, state_label, state_official
from migkg.draft.lexicon import Lexicon
from migkg.draft.text import Analysis, NameSpan, OrgSpan, fold

AGENT_TYPES = frozenset({"state", "government", "ministry", "intergovernmental-organization", "person",
                         "regional-consultative-process"})
BODY_TYPES = frozenset({"state", "government", "ministry", "intergovernmental-organization"})
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"\b(?:https?://|www\.)\S+")

CONFIDENCE = {"registry": 0.95, "registry variant": 0.85, "pycountry": 0.85, "state adjective": 0.75, "pattern": 0.6}


@dataclass(frozen=True)
class Actor:
    """A mention of an actor, resolved to a registry id or to a proposal's id."""

    start: int
    end: int
    entity: str
    type: str
    method: str
    confidence: float


@dataclass
class Actors:
    mentions: list[Actor]
    proposals: dict[str, Proposal] = field(default_factory=dict)
    #: what the reviewer should know about how an actor was recognised (a person's other spelling)
    notes: dict[str, str] = field(default_factory=dict)

    def within(self, start: int, end: int, types: frozenset[str] = AGENT_TYPES) -> list[Actor]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and m.type in types]

    def first(self, entity: str) -> Actor | None:
        return next((m for m in self.mentions if m.entity == entity), None)

    def propose(self, registry: Registry, base_id: str, proposal: Proposal) -> str:
        """Add a proposal (or reuse one of the same type and label); its id made unique from ``base_id``."""
        for existing in self.proposals.values():
            if (existing.type == proposal.type and existing.organisation == proposal.organisation
                    and set(proposal.labels.values()) & set(existing.labels.values())):
                return existing.id
        candidate, number = base_id, 2
        while candidate in registry or candidate in self.proposals:
            candidate, number = f"{base_id}-{number}", number + 1
        proposal.id = candidate
        self.proposals[candidate] = proposal
        return candidate


def copied_labels(language: str, label: str) -> tuple[dict[str, str], str]:
    """Both labels of a proposal from a name in one language, and what the reviewer must do about the other."""
    if language == "ru":
        from unidecode import unidecode
        return {"ru": label, "en": unidecode(label).replace("'", "")}, \
            "The English label is a transliteration: use the official or usual spelling."
    return {"ru": label, "en": label}, "The Russian label is a copy of the English one: write it in Russian."


def resolve(analysis: Analysis, found: list[Mention], registry: Registry, lexicon: Lexicon) -> Actors:
    text = analysis.text
    hidden = [m.span() for m in EMAIL.finditer(text)] + [m.span() for m in URL.finditer(text)]
    mentions = [Actor(m.start, m.end, m.entity, m.type, m.method, CONFIDENCE.get(m.source, 0.6))
                for m in found if not any(s < m.end and m.start < e for s, e in hidden)]
    mentions = _join_acronyms(text, mentions, registry)
    adjectives = {m.start for m in found if m.source == "state adjective"}
    mentions = _family_names_not_demonyms(analysis, mentions, adjectives)
    mentions = _state_sides(analysis, mentions, adjectives, lexicon)
    actors = Actors(mentions)
    for mention in mentions:
        if mention.entity not in registry and mention.type == "state":
            actors.proposals[mention.entity] = _state_proposal(mention.entity)
    _governments_of_states(analysis, actors, registry, lexicon)
    analysis.organisations = [_with_state_of(analysis, o, actors.mentions) for o in analysis.organisations
                              if _plausible_organisation(analysis, o, lexicon)]
    _drop_modifiers(analysis, actors)
    _persons(analysis, actors, registry)
    _processes(analysis, actors, registry, lexicon)
    _networks_by_acronym(analysis, actors, registry)
    _organisations(analysis, actors, registry)
    actors.mentions.sort(key=lambda m: (m.start, m.end))
    return actors


def _join_acronyms(text: str, mentions: list[Actor], registry: Registry) -> list[Actor]:
    """«Международной организации по миграции (МОМ)» is one mention; so is «… беженцев (УВКБ) ООН».

    Two mentions of the same actor joined by a bracket become one; a mention of an actor's
    parent right after it («ООН» after «(УВКБ)») is part of its name, not a mention of its own.
    """
    joined: list[Actor] = []
    for mention in mentions:
        if joined:
            last = joined[-1]
            gap = text[last.end:mention.start]
            same = mention.entity == last.entity and re.fullmatch(r"\s*\(\s*", gap)
            parent = (re.fullmatch(r"\)?\s*", gap) and last.entity in registry
                      and mention.entity == getattr(registry[last.entity], "part_of", None))
            if same or parent:
                end = mention.end + (1 if same and text[mention.end:mention.end + 1] == ")" else 0)
                joined[-1] = Actor(last.start, end, last.entity, last.type, last.method, last.confidence)
                continue
        joined.append(mention)
    return joined


def _family_names_not_demonyms(analysis: Analysis, mentions: list[Actor], adjectives: set[int]) -> list[Actor]:
    """«Жужанна Хорват», «Ж.Хорват», "Anna Frank": a demonym after a first name or an initial, inside a person's
    name (NER), is a family name, not a mention of the state."""
    text = analysis.text
    dropped = {id(m) for m in mentions if m.type == "state" and m.start in adjectives and m.start > 0
               and (any(n.start < m.start and m.end <= n.end and text[n.start:m.start].strip()[:1].isupper()
                        and not any(o.start <= n.start < o.end for o in mentions) for n in analysis.names)
                    or re.search(r"(?<![\w.])[A-ZА-ЯЁ]\.\s?$", text[max(0, m.start - 3):m.start]))}
    return [m for m in mentions if id(m) not in dropped]


def _state_sides(analysis: Analysis, mentions: list[Actor], adjectives: set[int], lexicon: Lexicon) -> list[Actor]:
    """«казахстанская сторона», "the Kazakh side": the state's adjective and the noun after it are
    one mention of the state (so it can be a speaker or hold a role as the state would)."""
    extended = []
    for mention in mentions:
        following = analysis.tokens_in(mention.end, mention.end + 30)[:1] if mention.start in adjectives else []
        if following and following[0].lemma in lexicon.state_side_words \
                and not analysis.text[mention.end:following[0].start].strip():
            extended.append(Actor(mention.start, following[0].end, mention.entity, mention.type,
                                  f"{mention.method} with «{following[0].text}»", mention.confidence))
        else:
            extended.append(mention)
    return extended


def _state_proposal(alpha3: str) -> Proposal:
    return Proposal(alpha3, "state", {"ru": state_label(alpha3, "ru"), "en": state_label(alpha3, "en")},
                    "pycountry country names", 0.85,
                    alt_labels={"ru": [state_official(alpha3, "ru")], "en": [state_official(alpha3, "en")]},
                    comment="A state found through ISO 3166 (pycountry); add its Wikidata id if certain.")


def government_of(state: str, actors: Actors, registry: Registry, as_written: dict[str, str] | None = None) -> str:
    """The registry's government of a state, or a proposed one (``kgz-government``).

    A proposal is labelled as the text writes it in the text's language, and from the
    state's ISO name in the other.
    """
    for entity_id, entry in sorted(registry.entries.items()):
        if entry.type == "government" and entry.part_of == state:
            return entity_id
    proposal_id = f"{state.lower()}-government"
    if proposal_id not in actors.proposals:
        actors.proposals[proposal_id] = Proposal(
            proposal_id, "government",
            {"ru": f"Правительство {genitive_ru(state, registry)}", "en": f"Government of {with_article(state)}",
             **(as_written or {})},
            "derived from the state's name", 0.7, part_of=state,
            comment="Proposed as the government of a state the text names; check the labels.")
    return proposal_id


def genitive_ru(state: str, registry: Registry) -> str:
    """The state's official Russian name in the genitive: the registry's first alias, else ISO's."""
    from migkg.draft.russian import genitive
    official = state_official(state, "ru")
    if state in registry:
        official = (registry[state].alt_labels.get("ru") or [registry[state].labels["ru"]])[0]
    return genitive(official)


def with_article(state: str) -> str:
    """A state's official English name as it follows «of»: «the Kyrgyz Republic», «Turkmenistan»."""
    name = state_official(state, "en")
    return f"the {name}" if re.match(r"(Republic|Islamic|Kyrgyz|People|United|Russian|Czech|Democratic)", name) else name


def _governments_of_states(analysis: Analysis, actors: Actors, registry: Registry, lexicon: Lexicon) -> None:
    """«the Government of the Kyrgyz Republic», «Правительством Кыргызской Республики»: a government."""
    word = fold(lexicon.government_word)
    replaced = []
    for mention in actors.mentions:
        if mention.type != "state":
            replaced.append(mention)
            continue
        count = analysis.ending_by(mention.start)
        before = analysis.tokens[max(0, count - 3):count]
        heads = [t for t in before if t.lemma == word]
        gap_ok = heads and re.fullmatch(r"(\s+(of|of the))?\s+", analysis.text[heads[-1].end:mention.start], re.I)
        if heads and gap_ok:
            written = analysis.text[heads[-1].start:mention.end]
            if analysis.language == "ru":
                from migkg.draft.russian import nominative_of_span
                written = nominative_of_span(analysis.text, heads[-1].start, mention.end, analysis.tokens)
            government = government_of(mention.entity, actors, registry, {analysis.language: written})
            replaced.append(Actor(heads[-1].start, mention.end, government, "government",
                                  "pattern: government + state name", 0.75))
        else:
            replaced.append(mention)
    actors.mentions = replaced


#: the endings of a Russian adjective or participle
ADJECTIVE_ENDING = r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ую|юю|ого|его|ому|ему|ых|их|ым|им|ыми|ими|ей)$"
#: Russian head nouns of a body's name («комиссия», «организация», «служба»…), after its first adjective
ORG_HEAD_NOUNS = r"(?:комисси|организаци|служб|агентств|союз|банк|фонд|программ|управлени|комитет|совет|центр|" \
                 r"сообществ|секретариат|министерств|ведомств|бюро|инспекци)"


def _plausible_organisation(analysis: Analysis, candidate: OrgSpan, lexicon: Lexicon) -> bool:
    """Whether an NER or pattern span can be an organisation's name.

    Not when it holds a heading's words («ПРЕСС-РЕЛИЗ МОМ»: the kind line and its publisher),
    nor when it is a common noun and one word more with no capital or acronym to make it a
    name («Секретариат процесса», the secretariat of a process named before).
    """
    words = [t for t in analysis.tokens_in(candidate.start, candidate.end) if t.pos != "PUNCT" and t.text.strip("-")]
    if any(t.key in lexicon.heading_words or t.lemma in lexicon.heading_words for t in words):
        return False
    named = any(t.text[:1].isupper() for t in words[1:]) or any(re.fullmatch(r"[A-ZА-ЯЁ]{2,}", t.text) for t in words)
    # «представители Европейской комиссии»: in Russian only a name's first word is capitalised, and an adjective
    # capitalised inside a sentence opens a name (a common noun so written, «Секретариатом процесса», does not)
    adjective_opens = len(words) >= 2 and words[0].pos == "ADJ" and words[0].text[:1].isupper() \
        and analysis.sentence_of(words[0].start)[0] < words[0].start and re.match(ORG_HEAD_NOUNS, words[1].lemma)
    return named or bool(adjective_opens) or len(words) >= 3


def _with_state_of(analysis: Analysis, candidate: OrgSpan, mentions: list[Actor]) -> OrgSpan:
    """A body's name goes on to the state whose body it is: «Министерство труда … населения» followed by
    «Республики Казахстан» (a state named in the genitive, right after it) is one name; NER stops before
    the state. The state's words stay as written (the genitive belongs to the name)."""
    if analysis.language != "ru":
        return candidate
    state = min((m for m in mentions if m.type == "state" and m.start >= candidate.end),
                key=lambda m: m.start, default=None)
    if state is None or not re.fullmatch(r"[ \t]+", analysis.text[candidate.end:state.start]):
        return candidate
    words = [t for t in analysis.tokens_in(state.start, state.end) if t.pos != "PUNCT"]
    if not words or words[0].feats.get("Case") != "Gen":
        return candidate
    normal = f"{candidate.normal} {analysis.text[state.start:state.end]}"
    return OrgSpan(candidate.start, state.end, normal, candidate.method)


def _drop_modifiers(analysis: Analysis, actors: Actors) -> None:
    """«the UN Migration Agency» is not the UN: a body's name strictly inside a longer name of a body
    (that no mention covers) only modifies it."""
    longer = [o for o in analysis.organisations
              if not any(m.start <= o.start and o.end <= m.end for m in actors.mentions)]
    actors.mentions = [m for m in actors.mentions
                       if not (m.type in BODY_TYPES and any(o.start <= m.start and m.end <= o.end
                                                            and (o.end - o.start) > (m.end - m.start)
                                                            for o in longer))]


def _person_parts(registry: Registry) -> dict[str, set[frozenset[str]]]:
    parts: dict[str, set[frozenset[str]]] = {}
    for entity_id, entry in registry.entries.items():
        if entry.type != "person":
            continue
        names = list(entry.labels.values()) + [a for alts in entry.alt_labels.values() for a in alts]
        parts[entity_id] = {frozenset(fold(w) for w in n.split()) for n in names}
    return parts


def spelling_key(word: str) -> str:
    """A key that the usual spellings and transliterations of one name share.

    «Кененбаев», "Kenenbayev" and "Kenenbaev" all give ``kenenbaev``; «Ерлан» and "Yerlan"
    ``erlan``; «Жанна» and "Janna" ``jana``. unidecode transliterates Cyrillic; then the
    letters that transliteration systems write differently are made one: a word-initial
    «Е» as Ye, «й» and the iotated vowels as y (dropped between vowels, else i), zh/dzh/j,
    kh/h, w/v; doubled letters count once.
    """
    from unidecode import unidecode

    key = unidecode(fold(word)).lower().replace("'", "")
    key = re.sub(r"[^a-z]", "", key)
    for old, new in (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("w", "v"), ("yo", "e"), ("ye", "e"),
                     ("ie", "e"), ("yu", "iu"), ("ya", "ia")):
        key = key.replace(old, new)
    key = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "", key).replace("y", "i")
    key = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", key)
    return re.sub(r"(.)\1+", r"\1", key)


def _spelling_keys(parts: set[frozenset[str]]) -> set[frozenset[str]]:
    return {frozenset(spelling_key(p) for p in name) for name in parts}


def _persons(analysis: Analysis, actors: Actors, registry: Registry) -> None:
    known = _person_parts(registry)
    known_keys = {entity: _spelling_keys(names) for entity, names in known.items()}
    seen: dict[str, set[frozenset[str]]] = {}
    for mention in actors.mentions:
        if mention.type == "person":
            seen.setdefault(mention.entity, set()).update(known.get(mention.entity, set()))
    for found in analysis.names:
        name = _without_actors(analysis.text, found, actors.mentions)
        if name is None:
            continue  # the gazetteer named it (a person, or not a person at all)
        parts = frozenset(name.parts)
        entity = _match_person(parts, seen) or _match_person(_written_parts(analysis.text, name), seen) \
            or _match_person(parts, known)
        method, confidence = name.method, 0.75
        if entity is None and len(parts) >= 2:
            keys = frozenset(spelling_key(p) for p in parts)
            entity = _match_person(keys, {e: _spelling_keys(n) for e, n in seen.items()}) \
                or _match_person(keys, known_keys)
            if entity is not None:
                spelt = " / ".join(sorted({n for n in registry[entity].labels.values()}))
                method = f"{name.method}; the registry's person under another spelling"
                confidence = 0.7
                actors.notes[entity] = (f"«{analysis.text[name.start:name.end]}» is taken for the registry's "
                                        f"{entity} ({spelt}): the same name in another spelling or "
                                        f"transliteration; check.")
        if entity is None:
            if len(parts) < 2:
                continue  # a family name alone, of nobody named before: too little to propose
            entity = _person_proposal(name.normal, analysis.language, actors, registry, name.method)
            confidence = 0.65
        seen.setdefault(entity, set()).add(parts)
        actors.mentions.append(Actor(name.start, name.end, entity, "person", method, confidence))


def _written_parts(text: str, name: NameSpan) -> frozenset[str]:
    """The parts of a name as written, for a person named before: «Д. Асанова» after «Динары Асановой» is she,
    though the tagger reads «Асанова» as the genitive of a man's «Асанов»."""
    return frozenset(fold(w) for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text[name.start:name.end]))


def _without_actors(text: str, name: NameSpan, mentions: list[Actor]) -> NameSpan | None:
    """The name without the words at its edges that the gazetteer named («Thailand Kanokwan Srisuk said»:
    a state's name before the person's); None when the gazetteer named a word inside it, or all of it."""
    if not any(m.start < name.end and name.start < m.end for m in mentions):
        return name
    words = [(name.start + w.start(), name.start + w.end()) for w in re.finditer(r"\S+", text[name.start:name.end])]
    if len(words) != len(name.parts):
        return None
    keep = [not any(m.start < end and start < m.end for m in mentions) for start, end in words]
    first = keep.index(True) if True in keep else len(keep)
    last = len(keep) - keep[::-1].index(True) if True in keep else 0
    if first >= last or not all(keep[first:last]):
        return None
    normal = " ".join(name.normal.split()[first:last]) if len(name.normal.split()) == len(words) else \
        " ".join(text[s:e] for s, e in words[first:last])
    return NameSpan(words[first][0], words[last - 1][1], normal, name.parts[first:last], name.method)


def _match_person(parts: frozenset[str], candidates: dict[str, set[frozenset[str]]]) -> str | None:
    """The person whose name has all these parts (a family name alone matches the full name; an initial, «Ф.
    Саидзода», "N. Sharma", matches a part it begins)."""
    initials = frozenset(p for p in parts if len(p) == 1)
    rest = parts - initials

    def matches(name: frozenset[str]) -> bool:
        return bool(rest) and rest <= name and all(any(n.startswith(i) for n in name - rest) for i in initials)
    hits = sorted(e for e, names in candidates.items() if any(matches(n) for n in names))
    return hits[0] if len(hits) == 1 else None


def note_spellings(card: object, actors: Actors) -> None:
    """Add to the note of every drafted fact that names such an actor what :attr:`Actors.notes` says of it."""
    from dataclasses import fields, is_dataclass

    from migkg.draft.facts import Drafted

    def values(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, list | tuple):
            return [v for item in value for v in values(item)]
        if isinstance(value, dict):
            return [v for item in value.values() for v in values(item)]
        return []

    def visit(node: object) -> None:
        if isinstance(node, Drafted):
            said = [actors.notes[v] for v in dict.fromkeys(values(node.fields)) if v in actors.notes]
            if said:
                node.note = " ".join(([node.note] if node.note else []) + said)
        elif isinstance(node, list | tuple):
            for item in node:
                visit(item)
        elif is_dataclass(node):
            for f in fields(node):
                visit(getattr(node, f.name))

    if actors.notes:
        visit(card)


def _person_proposal(normal: str, language: str, actors: Actors, registry: Registry, method: str) -> str:
    labels, comment = copied_labels(language, normal)
    return actors.propose(registry, slug(labels["en"]), Proposal("", "person", labels, method, 0.65, comment=comment))


#: words of a capitalised run before «Process» that do not name one ("the Regional Consultative Process")
_NOT_PROCESS_NAMES = frozenset({"regional", "consultative", "the", "this", "our", "peace", "political", "a"})
#: words that end a capitalised run before «Process» looking back: no part of the name before them
_NOT_PROCESS_WORDS = frozenset({"the", "this", "our", "peace", "political", "a"})
#: words of a capitalised run before «Panel» that make it a panel of rank or advice, no process of states: "the
#: High-Level Panel on Migration", "the Independent Expert Panel", "the Intergovernmental Panel on Climate Change"
_NOT_PANEL_NAMES = frozenset({"high", "level", "high-level", "expert", "experts", "advisory", "independent",
                              "scientific", "intergovernmental", "eminent", "global", "international"})


_PROCESS_ACRONYM = r"[A-ZА-ЯЁ]{2,8}(?:-[A-ZА-ЯЁ]{2,8})?"
"""An acronym in brackets after a process's name: "(RCM)", "(IGAD-RCP)"."""


def _english_name_start(tokens: list, index: int) -> int:
    """The first word of an English process's name ending at ``tokens[index]`` («Process», «Dialogue»): up to four
    capitalised words before it. Words that name no process on their own ("Regional Consultative") belong to the
    name only after a word that does ("the IGAD Regional Consultative Process"); "the Regional Consultative
    Process" names none."""
    first = index
    while first > 0 and index - first < 4 and tokens[first - 1].text[:1].isupper() \
            and fold(tokens[first - 1].text) not in _NOT_PROCESS_WORDS:
        first -= 1
    while first < index and fold(tokens[first].text) in _NOT_PROCESS_NAMES:
        first += 1
    return first


def _subject_in_name(after: str) -> int:
    """How far an English process's name goes on after its head: "on" or "for" and capitalised words ("Regional
    Consultative Process on Migration", "Migration Dialogue for Southern Africa"), small words between capitals, and
    a list of them closed by "and" ("Panel on Migration, Mobility and Integrated Border Management")."""
    capitals = r"[A-Z][\w'’-]*(?:\s+(?:(?:and|of|in|for|the)\s+)?[A-Z][\w'’-]*)*"
    tail = re.match(rf"\s+(?:on|for)\s+{capitals}(?:(?:,\s+[A-Z][\w'’-]*)+,?\s+and\s+{capitals})?", after)
    return tail.end() if tail else 0


def _russian_name_after_head(analysis: Analysis, index: int) -> int:
    """Where a Russian process's name ends when it follows its capitalised head (``process_heads_first``): a
    capitalised adjective and its noun in the genitive («Панели Восточного партнерства»), then the subject after
    «по», its nouns listed with commas and «и» («по миграции, мобильности и интегрированному управлению
    границами»), up to a word that is no noun or adjective. 0 where no such name follows."""
    tokens = analysis.tokens
    head = tokens[index]
    if not head.text[:1].isupper() or index + 2 >= len(tokens):
        return 0
    adjective, noun = tokens[index + 1], tokens[index + 2]
    if not (adjective.text[:1].isupper() and adjective.pos == "ADJ" and noun.pos in ("NOUN", "PROPN")
            and noun.feats.get("Case") == "Gen"):
        return 0
    end, following = noun.end, tokens[index + 3:index + 20]
    if following and following[0].text == "по":
        last = following[0].end
        for previous, token in itertools.pairwise(following):
            if token.text in (",", "и"):
                continue
            if token.pos not in ("NOUN", "ADJ") or (previous.text == "," and token.pos != "NOUN") \
                    or "\n" in analysis.text[last:token.start]:
                break
            last = end = token.end
    return end


def _acronym_mentions(text: str, actors: Actors, acronym: str, entity: str,
                      kind: str = "regional-consultative-process") -> None:
    """Every other mention of a proposed actor's acronym ("the IGAD-RCP", «организована ГМС») is that actor."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
        if not any(m.start < match.end() and match.start() < m.end for m in actors.mentions):
            actors.mentions.append(Actor(match.start(), match.end(), entity, kind,
                                         "pattern: the acronym given after the name", 0.55))


def _processes(analysis: Analysis, actors: Actors, registry: Registry, lexicon: Lexicon) -> None:
    """Processes the registry does not know, by name: "the Bali Process", «в рамках Пражского процесса».

    English: one to three capitalised words before a capitalised head («Process», «Dialogue»).
    Russian: a capitalised adjective before the head noun in any case, the name put in the
    nominative («Пражского процесса» → «Пражский процесс»). An acronym in brackets right
    after the name becomes its alternative label. Proposed as a regional consultative process.
    """
    tokens = analysis.tokens
    for index, token in enumerate(tokens):
        if token.lemma not in lexicon.process_heads or index == 0:
            continue
        first = index
        after_head = 0  # a Russian name that follows its head: «Панели Восточного партнерства по миграции …»
        if analysis.language == "en":
            if not token.text[:1].isupper():
                continue
            first = _english_name_start(tokens, index)
            if fold(token.text) == "panel" and any(fold(t.text) in _NOT_PANEL_NAMES for t in tokens[first:index]):
                continue  # "the High-Level Panel on Migration": a panel of rank, not the Eastern Partnership Panel
        elif token.lemma in lexicon.process_heads_first:
            after_head = _russian_name_after_head(analysis, index)
            if not after_head:
                continue
        elif tokens[index - 1].pos == "ADJ" and tokens[index - 1].text[:1].isupper() \
                and re.search(ADJECTIVE_ENDING, tokens[index - 1].text, re.I):
            first = index - 1  # «Пражского процесса»; not «Председательством процесса» (a noun the tagger took)
        if first == index and not after_head:
            continue
        start, end = tokens[first].start, max(token.end, after_head)
        if any(m.start < end and start < m.end for m in actors.mentions):
            continue  # the registry's process (or another actor)
        if analysis.language == "en":
            end += _subject_in_name(analysis.text[end:])
        name = analysis.text[start:end]
        if analysis.language == "ru" and after_head:  # the head in the nominative, its genitive words as written
            from migkg.draft.russian import nominative_of_span
            name = nominative_of_span(analysis.text, start, token.end, analysis.tokens) + analysis.text[token.end:end]
        elif analysis.language == "ru":
            from migkg.draft.russian import nominative_of_span
            name = nominative_of_span(analysis.text, start, end, analysis.tokens)
        acronym = re.match(rf"\s*\(({_PROCESS_ACRONYM})\)", analysis.text[end:])
        if acronym:
            end += acronym.end()
        named = next((m for m in actors.mentions if m.type == "regional-consultative-process"
                      and re.fullmatch(r",\s+(?:the\s+)?", analysis.text[m.end:tokens[first].start], re.I)), None)
        if named is not None:  # "the Rabat Process, the Euro-African Dialogue on ...": its other name, in apposition
            actors.mentions.append(Actor(start, end, named.entity, named.type, "the other name of a process, in "
                                         "apposition to it", named.confidence))
            if named.entity in actors.proposals:
                actors.proposals[named.entity].alt_labels.setdefault(analysis.language, []).append(name)
            continue
        labels, comment = copied_labels(analysis.language, name)
        entity = actors.propose(registry, slug(labels["en"]), Proposal(
            "", "regional-consultative-process", labels, "the name of a process (a capitalised name before "
            f"«{token.text}»)", 0.6, alt_labels={analysis.language: [acronym.group(1)]} if acronym else {},
            comment=f"{comment} A process the registry does not know: check that it is one."))
        actors.mentions.append(Actor(start, end, entity, "regional-consultative-process",
                                     "pattern: the name of a process", 0.6))
        if acronym:
            _acronym_mentions(analysis.text, actors, acronym.group(1), entity)


#: head nouns of a body of states that meets as a process: with an acronym of Latin capitals next to it, a
#: process the registry may not know («сети MIRPAL», «Сети по вопросам миграции … (MIRPAL)», "the XYZ Network")
_NETWORK_HEADS = r"(?:[Сс]ет|[Фф]орум|[Дд]иалог|[Пп]роцесс)\w*|[Nn]etwork|[Ff]orum|[Dd]ialogue|[Pp]rocess"
_ACRONYM = r"[A-Z][A-Z0-9]{2,7}"
#: the plural head of a process named as consultations, with its name before it and its acronym in brackets after
#: ("Intergovernmental Consultations on Migration, Asylum and Refugees (IGC)"); not a meeting's "Ministerial
#: Consultation" (singular, and no acronym)
_CONSULTATIONS = r"Consultations"


def _networks_by_acronym(analysis: Analysis, actors: Actors, registry: Registry) -> None:
    """A process named by an acronym next to the noun for a network, forum, dialogue or process: «сети
    MIRPAL», "the MIRPAL network", or the noun, capitalised, with its name and the acronym in brackets
    («Сети по вопросам миграции и денежных переводов (MIRPAL)»). Proposed once, under the acronym, and every
    other mention of the acronym in the text is that process too. Acronyms the registry or another mention
    already knows are left alone."""
    text = analysis.text
    found: dict[str, tuple[int, int, str]] = {}  # acronym -> (start, end, name) of the fullest mention
    for match in re.finditer(rf"\b(?P<head>{_NETWORK_HEADS})\s+(?P<acr>{_ACRONYM})\b|\b(?P<acr2>{_ACRONYM})\s+"
                             rf"(?P<head2>[Nn]etwork|[Ff]orum)\b|\b(?P<cap>(?:Сет|Форум|Диалог|Процесс)\w*|Network|Forum|Dialogue|Process|"
                             rf"{_CONSULTATIONS})"
                             rf"\s+(?P<name>[^().;\n]{{3,90}}?)"
                             rf"\s*\((?P<acr3>{_ACRONYM})\)", text):
        acronym = match.group("acr") or match.group("acr2") or match.group("acr3")
        if acronym in registry or any(m.start < match.end() and match.start() < m.end for m in actors.mentions):
            continue
        name = match.group() if match.group("acr3") else acronym
        start = match.start()
        if match.group("cap") and re.fullmatch(_CONSULTATIONS, match.group("cap")):
            # "the Intergovernmental Consultations on Migration, Asylum and Refugees (IGC)": the capitalised words
            # before the plural head are the name's
            before = re.search(r"(?:(?<=\s)|^)((?:[A-ZА-ЯЁ][\w'’-]*\s+){1,2})$", text[max(0, start - 60):start])
            if before is None:
                continue  # "Consultations on … (XYZ)" with no name before: a meeting's, not a process's
            start -= len(before.group(1))
            name = text[start:match.end()]
        if match.group("acr3") and analysis.language == "ru":
            from migkg.draft.russian import nominative_of_span
            head_end = match.start("name")
            name = nominative_of_span(text, match.start(), head_end, analysis.tokens).strip() + " " + \
                text[match.start("name"):match.end()]
        previous = found.get(acronym)
        if previous is None or len(name) > len(previous[2]):
            found[acronym] = (start, match.end(), name)
    for acronym, (_, _, name) in found.items():
        labels, _ = copied_labels(analysis.language, name[:1].upper() + name[1:])
        if name == acronym:
            labels = {"ru": acronym, "en": acronym}
        entity = actors.propose(registry, slug(acronym.lower()), Proposal(
            "", "regional-consultative-process", labels, "an acronym beside the noun for a network or process", 0.5,
            alt_labels={analysis.language: [acronym]},
            comment="A process (network) the registry does not know: check that it is one, and add its name in "
                    "the other language."))
        for match in re.finditer(rf"(?:\b(?:{_NETWORK_HEADS})\s+[^().;\n]{{0,90}}?\s*\()?\b{acronym}\b\)?", text):
            if not any(m.start < match.end() and match.start() < m.end for m in actors.mentions):
                actors.mentions.append(Actor(match.start(), match.end(), entity, "regional-consultative-process",
                                             "pattern: a process by its acronym", 0.5))


#: head nouns of a state's executive bodies other than a ministry (a service, an agency, a bureau...), which the
#: registry enters as ``ministry``; "State", «государственная», "National" before them say whose they are
STATE_BODY_HEADS = (r"служб\w*|агентств\w*|комитет\w*|бюро|департамент\w*|инспекци\w*|ведомств\w*|"
                    r"Service|Agency|Bureau|Department|Directorate|Inspectorate|Committee")
#: words of a body of several states or of none: its service or agency is no state's
NOT_OF_A_STATE = (r"международн\w*|европейск\w*|ООН|объединенных\s+наций|всемирн\w*|регионал\w*|"
                  r"International|European|United\s+Nations|World|Global|Regional|Joint")


#: the acronyms of a state's ministries that Russian writes for their names («МИД Узбекистана»)
MINISTRY_ACRONYMS = {"МИД": "Министерство иностранных дел", "МВД": "Министерство внутренних дел"}


def _state_body(name: str) -> bool:
    """«Государственная служба миграции», «Агентство внешней трудовой миграции», "State Migration Service": a body
    of a state's executive (the registry's ``ministry``), not an organisation of several states."""
    return bool(re.search(rf"(?<!\w)(?:{STATE_BODY_HEADS})(?!\w)", name, re.I)) and \
        not re.search(rf"(?<!\w)(?:{NOT_OF_A_STATE})(?!\w)", name, re.I) and \
        not re.search(r"(?<!\w)(?:пресс|press|media|медиа)", name, re.I)


def _possessive_state(text: str, actors: Actors, start: int) -> Actor | None:
    """The state named in the possessive right before ``start`` ("Ethiopia's Ministry of …", "Oman’s Ministry …")."""
    return next((m for m in actors.mentions if m.type == "state" and m.end < start
                 and re.fullmatch(r"['’]s\s+", text[m.end:start])), None)


def _organisations(analysis: Analysis, actors: Actors, registry: Registry) -> None:
    """Organisations NER or the English patterns found and the registry does not know: proposals."""
    for candidate in analysis.organisations:
        if any(m.start < candidate.end and candidate.start < m.end for m in actors.mentions):
            continue
        known = next((m for m in actors.mentions if m.type in BODY_TYPES and m.start >= candidate.end
                      and re.fullmatch(r"[ \t]*\([ \t]*", analysis.text[candidate.end:m.start])
                      and re.match(r"[ \t]*\)", analysis.text[m.end:])), None)
        if known is not None:  # "The UN Refugee Agency (UNHCR)": the name of the body its acronym names
            actors.mentions.append(Actor(candidate.start, candidate.end, known.entity, known.type,
                                         f"{candidate.method}; named by the acronym in brackets after it", 0.7))
            continue
        name = re.sub(r"^[Tt]he\s+", "", candidate.normal)  # "The Ministry of Labour …" opening a sentence
        # «Государственной миграционной службе (ГМС)», «Государственная миграционная служба (ГМС) Азербайджана»: an
        # acronym in brackets after the body's words, before its state or at the end, is an alternative label
        acronym = re.search(r"\s*\(([A-ZА-ЯЁ]{2,8})\)(?=\s|$)", name)
        name = f"{name[:acronym.start()]}{name[acronym.end():]}" if acronym else name
        alternatives = [acronym.group(1)] if acronym else []
        expanded = MINISTRY_ACRONYMS.get(name.split()[0]) if len(name.split()) >= 2 else None  # not «МИД» alone
        if expanded:  # «МИД Республики Узбекистан»: the ministry's name spelt out, as written an alternative
            alternatives.append(name)
            name = f"{expanded}{name[len(name.split()[0]):]}"
        words = name.split()
        if len(words) < 2:
            continue  # «Правительства», «Secretariat»: a common noun, not a name
        head = fold(words[0])
        # "Royal Thai Government", "the Federal Government": a government named with its head noun last
        kind = ("ministry" if head.startswith(("министерств", "ministry")) or _state_body(name) else
                "government" if head.startswith(("правительств", "government")) or fold(words[-1]) == "government"
                else "intergovernmental-organization")
        whose = _possessive_state(analysis.text, actors, candidate.start) if kind == "ministry" \
            and analysis.language == "en" and head == "ministry" else None
        if whose:  # "Ethiopia's Ministry of Labor and Skills": the registry's "Ministry of Labor and Skills of Ethiopia"
            alternatives.append(f"{analysis.text[whose.start:candidate.start]}{name}")
            name = f"{name} of {state_label(whose.entity, 'en')}"
        labels, comment = copied_labels(analysis.language, name)
        entity = actors.propose(registry, slug(re.sub(r"^the\s+", "", labels["en"], flags=re.I)),
                                Proposal("", kind, labels, candidate.method, 0.5,
                                         alt_labels={analysis.language: alternatives} if alternatives else {},
                                         comment=f"{comment} Check the type and add part_of."))
        actors.mentions.append(Actor(candidate.start, candidate.end, entity, kind, candidate.method, 0.5))
        if acronym:
            _acronym_mentions(analysis.text, actors, acronym.group(1), entity, kind)
