"""Documents a meeting produces, and their adoptions.

* **documents**: a document class ("Declaration", «План действий») named as a proper name (a capital
  beyond the sentence's first word); its name runs from the capitalised words before it to its subject
  after ("on ...", «о ...», «на 2023–2024 годы»). An **adoption** is an action verb nearest to it in the
  sentence (adopted, endorsed, signed; «приняли», «одобрили», «подписали»); its parties are "the
  participants" (a group), "the conference" (the meeting as a body), or the states listed next to the verb.
"""
from __future__ import annotations

import re

from migkg.cards.registry import Registry
from migkg.draft.actors import Actor
from migkg.draft.facts import DraftDocument, Drafted, slug
from migkg.draft.governance_context import Governance, GovernanceContext, sentence_start, still_to_come
from migkg.draft.text import fold

PARTICIPLE = r"(?:ого|ому|ым|ом|ой|ая|ое|ые|ых|ую|ий|ый|ыми)$"
"""Russian participles («организованного»), adjectives in form: inside a document's subject, not its verb."""

#: a lower-case word that may stand between an action verb and a document's class ("a joint", «совместное»)
MODIFIER = r"(?!(?:on|of|in|for|to|and|with|by|at|и|в|на|по|о|об|с|со|к)\b)[a-zа-яё][\w-]*"

#: the delegations, as those who adopt a document ("adopted by the delegations of …", «делегации … приняли»); not
#: among the lexicon's participants, whose joint outcomes go to the states listed when a text lists them
DELEGATIONS = r"\bdelegations\b|делегаци(?:и|ями)\b"


def find_documents(context: GovernanceContext, found: Governance, registry: Registry) -> None:
    text, lexicon = context.text, context.lexicon
    seen: dict[str, DraftDocument] = {}
    for sentence in context.sentences:
        words = text[sentence[0]:sentence[1]]
        # a kind drafted only as a proper name: the format's own ("the Dakar Recommendations": recommendations), or
        # one the ontology lacks, as its nearest class ("Regional Guidelines": an action plan)
        kinds = [(kind, pattern, False, False) for kind, pattern in lexicon.document_kinds] + \
            [(kind, pattern, True, False) for kind, pattern in lexicon.named_kinds] + \
            [(kind, pattern, True, True) for kind, pattern in lexicon.named_document_kinds]
        for kind, pattern, named_only, nearest in kinds:
            for cue in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)" if named_only else pattern, words, re.I):
                start, end = sentence[0] + cue.start(), sentence[0] + cue.end()
                if context.in_quote(start) and not re.search(r"[«\"“]\s*$", text[sentence[0]:start]):
                    continue
                name_start = _name_start(context, start, sentence)
                name_end = _name_end(context, end, sentence)
                name = text[name_start:name_end]
                first_word = name_start == sentence_start(text, sentence)
                capitals = re.findall(r"\b[A-ZА-ЯЁ]", name[1:] if first_word else name)
                if named_only and not re.match(r"[A-ZА-ЯЁ]", text[start:end]) and not re.search(
                        r"(?<![.!?]\s)\b[A-ZА-ЯЁ][\w'’-]*\s+$", text[max(sentence[0], start - 40):start]):
                    continue  # "the Jakarta Recommendations", «Ашхабадские рекомендации»: capitalised, or after
                    # a capitalised word; not "recommendations for the Bali Process Senior Officials' Meeting"
                if not capitals:
                    if named_only or not _acted_on(context, sentence, start):
                        continue  # "recommendations", «выводы»: a document only as a proper name
                    # "signed a joint statement on …", «подписали совместное заявление о …»: a document not
                    # named as a proper name, but the object of an action; its name runs to its subject's end
                    name_start = _modifiers_after_action(context, sentence, start) or start
                    name_end = _name_end(context, end, sentence, lowercase=True)
                identifier = _document_id(context, kind, name_start, name_end, registry)
                earlier = [key for key, d in seen.items() if d.kind.fields["kind"] == kind]
                if (name_start, name_end) == (start, end) and earlier:
                    identifier = earlier[-1]  # "the Addis Ababa Action Plan …. The Action Plan was adopted
                    # by …": the class alone names again the document of that class named before
                document = seen.get(identifier)
                if document is None:
                    document = DraftDocument(identifier, Drafted(
                        {"kind": kind}, [(start, end)], "a kind of document the ontology lacks, named as a proper "
                        "name: the nearest document class" if nearest else "a document class named as a proper name"
                        if named_only else "a phrasing of the document class",
                        0.6 if nearest else 0.7 if named_only else 0.8, f"«{text[start:end]}» is no document class of "
                        "the ontology; the nearest outcome document class is used." if nearest else None),
                                             Drafted({}, [(name_start, name_end)], "the document's name: the "
                                                     "capitalised words before its class and its subject after",
                                                     0.6))
                    seen[identifier] = document
                    found.documents.append(document)
                adoption = _adoption(context, sentence, name_start, name_end)
                if not capitals and adoption and adoption.fields.get("parties") and \
                        document.id == identifier and len(document.adoptions) == 0:
                    # an unnamed document is known by who signed it: 2025-kaz-uzb-joint-statement
                    document.id = "-".join([*([context.year] if context.year else []),
                                            *(slug(p) for p in adoption.fields["parties"]), kind])
                if adoption and not any(a.fields["action"] == adoption.fields["action"]
                                        for a in document.adoptions):
                    document.adoptions.append(adoption)
                    found.busy.append(sentence)
                    found.adopting.append(sentence)


def _acted_on(context: GovernanceContext, sentence: tuple[int, int], start: int) -> bool:
    """The document class right after an action verb ("signed a joint statement", «подписали совместное
    заявление»)."""
    return _modifiers_after_action(context, sentence, start) is not None


def _modifiers_after_action(context: GovernanceContext, sentence: tuple[int, int], start: int) -> int | None:
    """Where the words between an action verb and the document class begin: an article and up to two
    modifiers ("adopted a joint communiqué", «приняли совместное коммюнике», «одобрили новый план действий»);
    None when no action verb comes right before the class."""
    before = context.text[sentence[0]:start]
    for _, pattern in context.lexicon.actions:
        # «приняли декларацию и план действий», "adopted the declaration and a two-year action plan": the class
        # after «и»/"and" that follows the acted-on words is acted on too
        match = re.search(rf"(?:{pattern})\s+(?:[^.;:!?]{{1,80}}?\s(?:and|и)\s+)?(?:(?:a|an|the)\s+)?"
                          rf"((?:{MODIFIER}\s+){{0,2}})$", before, re.I)
        if match:
            return sentence[0] + match.start(1)
    return None


def _name_start(context: GovernanceContext, start: int, sentence: tuple[int, int]) -> int:
    text = context.text
    begin = start
    while True:
        match = re.search(r"([A-ZА-ЯЁ][\w'’-]*)\s+$", text[max(sentence[0], begin - 40):begin])
        if not match or match.group(1) in ("The", "A", "An"):
            return begin
        candidate = max(sentence[0], begin - 40) + match.start(1)
        if context.analysis.language == "ru" and not re.search(r"(?:ую|юю|ая|яя|ой|ей|ий|ый|ое|ее|ые|ие|ых|их|ого|его)$",
                                                               match.group(1)):
            return begin
        begin = candidate


#: the period a document covers, ending its name ("for 2023-2024", «на 2023–2027 годы»)
PERIOD_ENDS_NAME = r"(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)?\d{2}(?:\s+(?:годы|годов|гг))?$|(?:19|20)\d{2}\s+(?:год|г)$"


def _name_end(context: GovernanceContext, end: int, sentence: tuple[int, int], lowercase: bool = False) -> int:
    text, lexicon = context.text, context.lexicon
    last = end
    years = re.match(r"\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\b", text[end:sentence[1]])
    if years and context.analysis.language == "en":  # "the ADD Action Plan 2024-2025"
        last = end + years.end()
    process = next((p for p in context.processes if p.start >= end and re.fullmatch(r"\s+(?:of\s+(?:the\s+)?)?",
                                                                                  text[end:p.start], re.I)), None)
    if process:
        last = process.end
    tail = re.match(rf"\s+(?:{lexicon.name_tail})\s+", text[last:sentence[1]], re.I)
    if not tail:
        return last
    stop = last
    for token in context.analysis.tokens_in(last + tail.end(), sentence[1]):
        if not re.fullmatch(r"[\w'’–-]+", token.text):
            break
        if context.analysis.language == "en" and lowercase:
            if token.text.lower() in lexicon.name_stop - {"in", "and", "to"}:
                break
        elif context.analysis.language == "en":
            if not (token.text[:1].isupper() or token.text[:1].isdigit() or token.text.lower() in
                    ("and", "of", "on", "the", "in", "for", "to")):
                break
        elif token.pos in ("VERB", "AUX") and not (lowercase and re.search(PARTICIPLE, token.text)):
            break
        stop = token.end
        if re.search(PERIOD_ENDS_NAME, text[last:stop], re.I) and not re.match(r"\s+(?:годы|годов|год|гг?)\b",
                                                                                text[stop:], re.I):
            break  # «План действий … на 2023–2027 годы и подготовку к …»: the name ends with the period it covers
    words = text[last:stop]
    trimmed = re.sub(r"(?:\s+(?:and|of|the|on|for|in|to|и|в|на|по))+$", "", words, flags=re.I)
    return last + len(trimmed) if stop > last + tail.end() else last


def _document_id(context: GovernanceContext, kind: str, start: int, end: int, registry: Registry) -> str:
    text = context.text
    years = re.findall(r"\b(?:19|20)\d{2}\b", text[start:end])
    process = next((p for p in context.processes if start <= p.start and p.end <= end), None)
    if context.analysis.language == "en":
        head = re.match(r".*?\b(?:declaration|plan|communiqu[eé]|statement)\b", text[start:end], re.I | re.S)
        base = slug(head.group() if head else text[start:end], 50)
    elif process:
        base = f"{process.entity}-{kind}"
    else:
        adjective = re.match(r"[А-ЯЁ]\w+", text[start:end])
        city = _city_of_adjective(adjective.group(), registry) if adjective else None
        base = f"{city}-{kind}" if city else slug(text[start:end], 50)
    return "-".join([base, *years]) if years and not base.endswith(years[-1]) else base


def _adoption(context: GovernanceContext, sentence: tuple[int, int], name_start: int, name_end: int) -> Drafted | None:
    if context.main is None:
        return None
    text, lexicon = context.text, context.lexicon
    verbs = [(action, sentence[0] + m.start(), sentence[0] + m.end()) for action, pattern in lexicon.actions
             for m in re.finditer(pattern, text[sentence[0]:sentence[1]], re.I)]
    verbs = [v for v in verbs if not (name_start <= v[1] < name_end)]
    if not verbs:
        return None
    action, verb_start, verb_end = min(verbs, key=lambda v: (name_start - v[2]) if v[2] <= name_start
                                       else 1000 + v[1] - name_end)
    if still_to_come(verb_start, verb_end, lexicon, context.analysis):
        return None  # "Ministers are expected to adopt the Declaration on Friday": not adopted yet
    if verb_end <= name_start and re.match(r"\W*(?:\w+\W+){0,3}?(?:draft|проект\w*)\b", text[verb_end:name_end],
                                           re.I):
        return None  # «одобрили проект Бакинской декларации»: approving a draft adopts nothing
    fields: dict = {"action": action, "at_event": context.main}
    subject = text[sentence[0]:min(verb_start, name_start)]
    adopters = rf"{lexicon.participants}|{DELEGATIONS}"
    group = re.search(adopters, subject, re.I)
    if group is None and name_start < verb_start:  # "The Action Plan was adopted by the delegations of ..."
        agent = re.match(rf"\s+(?:by\s+(?:the\s+)?)?(?:{adopters})", text[verb_end:sentence[1]], re.I)
        group = re.search(adopters, agent.group(), re.I) if agent else None
        offset = verb_end if group else sentence[0]
    else:
        offset = sentence[0]
    named = _states_of_group(context, offset + group.start(), offset + group.end(), sentence) if group else []
    meeting = re.match(lexicon.meeting_subject, text[sentence_start(text, sentence):sentence[1]], re.I)
    spans: list[tuple[int, int]]
    if named:  # «министры Азербайджана, Казахстана … приняли», «узбекская и чешская стороны подписали»
        fields["parties"] = list(dict.fromkeys(p.entity for p in named))
        begin = min(named[0].start, offset + group.start(), name_start, verb_start)  # type: ignore[union-attr]
        method = "an action verb with a group of the states it names as the subject"
        group = None
    elif group:
        fields["party_groups"] = [{"group": "participants", "of": context.main}]
        begin = sentence[0] + group.start()
        method = "an action verb with «the participants» as the subject"
    elif meeting and verb_start < name_start:
        fields["party_groups"] = [{"group": "meeting", "of": context.main}]
        begin = sentence_start(text, sentence)
        method = "an action verb with the meeting as the subject"
    else:
        pool = [h for h in context.holders_in(*sentence) if not (name_start <= h.start < name_end)]
        near = [h for h in pool if h.start >= verb_end and h.start - verb_end < 10] or \
               [h for h in pool if h.end <= verb_start and verb_start - h.end < 10]
        if not near:
            return None
        forward = near[0].start >= verb_end
        parties = context.list_from(near[0], forward, sentence)
        fields["parties"] = list(dict.fromkeys(p.entity for p in parties))
        begin = min(parties[0].start, name_start, verb_start)
        method = "an action verb and the parties listed next to it"
    end = max(name_end if verb_start > name_start else min(name_end, _kind_end(text, name_start, name_end)),
              verb_end, *(p_end for p_end in [_parties_end(context, fields, sentence)] if p_end))
    if begin < name_start and verb_start < name_start and begin < verb_start and group and \
            text[begin:verb_start].count(" ") > 6:
        spans = [(begin, sentence[0] + group.end()), (verb_start, end)]
    else:
        spans = [(begin, end)]
    note = None if context.at_meeting(*sentence) else \
        "The text reports it in its account of the meeting; check that it was done there."
    return Drafted(fields, spans, method, 0.7, note)


def _states_of_group(context: GovernanceContext, start: int, end: int, sentence: tuple[int, int]) -> list[Actor]:
    """The states a group of participants names: listed right after it ("the delegations of Djibouti, Ethiopia
    ... together with France", «министры Азербайджана, Казахстана …»: the genitive) or by their adjectives right
    before it («узбекская и чешская стороны»). None: the group stands for every participant."""
    states = [h for h in context.holders_in(*sentence) if h.type == "state"]
    after = [h for h in states if h.start >= end]
    if after and re.fullmatch(r"\s+(?:of\s+(?:the\s+)?)?", context.text[end:after[0].start], re.I):
        listed = context.list_from(after[0], True, sentence)
        more = next((h for h in after if h.start >= listed[-1].end), None)
        while more is not None and re.fullmatch(r"\s*,?\s*(?:together\s+with|as\s+well\s+as|along\s+with|"
                                                r"а\s+также|вместе\s+с)\s+(?:the\s+)?",
                                                context.text[listed[-1].end:more.start], re.I):
            listed += context.list_from(more, True, sentence)
            more = next((h for h in after if h.start >= listed[-1].end), None)
        return [h for h in listed if h.type == "state"]
    before = [h for h in states if h.end <= end and h.start < start]
    if before and "adjective" in before[-1].method and re.fullmatch(r"\s*", context.text[min(before[-1].end, start):
                                                                                    start]):
        listed = context.list_from(before[-1], False, sentence)
        if all("adjective" in h.method for h in listed):
            return listed
    return []


def _parties_end(context: GovernanceContext, fields: dict, sentence: tuple[int, int]) -> int | None:
    parties = fields.get("parties")
    if not parties:
        return None
    ends = [h.end for h in context.holders_in(*sentence) if h.entity == parties[-1]]
    return ends[-1] if ends else None


def _kind_end(text: str, start: int, end: int) -> int:
    return end


def _city_of_adjective(adjective: str, registry: Registry) -> str | None:
    """«Алматинскую» → ``almaty``: a registry city whose Russian name shares the adjective's first five letters."""
    stem = fold(adjective)[:5]
    for entity_id, entry in sorted(registry.entries.items()):
        if getattr(entry, "type", None) != "city":
            continue
        names = [entry.labels.get("ru", "")] + list(getattr(entry, "alt_labels", {}).get("ru", []))
        if any(len(name) >= 4 and fold(name)[:5] == stem for name in names if name):
            return entity_id
    return None
