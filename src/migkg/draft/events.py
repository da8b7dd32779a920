"""The event a release reports, with roles, processes and claims.

* The release's header (kind line, title, dateline) is :mod:`.header`'s; the dateline gives,
  noted as such, the event's date and place.
* The **event** is the first mention of an event class of the vocabulary («Министерская
  конференция», «Ministerial Conference») in the body; its name is the title when the body
  repeats the title, else the proper name around the mention.
* **Roles** follow cue words: «была открыта», «организована», «при поддержке»; «opened by»,
  «organized by», «with the support of». Cues joined by «и»/«and» share the agents after them
  («организована и профинансирована Правительством…»). States listed in a footnote (or in a
  sentence about taking part) are participants; speakers are those who made statements (delegations:
  :mod:`.delegations`).
* A **process** is launched at the event where a launch word («запуска», «launch») precedes
  its name in a sentence that names no other year; a process-class phrase right before the
  name («регионального консультативного процесса по миграции - Алматинского процесса»)
  attests its kind.
* **Claims**: a number before a counted noun («8 правительств», «11 governments») in a
  sentence about taking part; «60-летней», «60-year» before an organisation's name.
"""
from __future__ import annotations

import re

from migkg.draft.actors import AGENT_TYPES, Actor, Actors, copied_labels
from migkg.draft.facts import Drafted, DraftProcess, Proposal, slug
from migkg.draft.gazetteer import Mention
from migkg.draft.lexicon import DOMAIN_LEXICONS, Lexicon
from migkg.draft.posts import Title
from migkg.draft.text import Analysis, Token, is_footnote

# --------------------------------------------------------------------------- roles

def _cue_positions(analysis: Analysis, lexicon: Lexicon, body: tuple[int, int]) -> list[tuple[str, int, int]]:
    tokens = [t for t in analysis.tokens if body[0] <= t.start and t.end <= body[1]]
    found = []
    for index in range(len(tokens)):
        for role, cues in lexicon.role_cues.items():
            for cue in cues:
                words = tokens[index:index + len(cue)]
                if len(words) == len(cue) and all(c in (w.lemma, w.key) for w, c in zip(words, cue, strict=True)):
                    found.append((role, words[0].start, words[-1].end))
    found.sort(key=lambda c: (c[1], -c[2]))
    kept: list[tuple[str, int, int]] = []
    for candidate in found:
        if not any(k[1] <= candidate[1] < k[2] for k in kept):
            kept.append(candidate)
    return kept


def roles_from_cues(analysis: Analysis, actors: Actors, titles: list[Title], lexicon: Lexicon,
                    body: tuple[int, int], quotes: list[tuple[int, int]]) -> list[Drafted]:
    """Agents after cue words, up to the next cue group or the end of the sentence."""
    text = analysis.text
    cues = [c for c in _cue_positions(analysis, lexicon, body) if not any(s <= c[1] < e for s, e in quotes)]
    agents = [m for m in actors.mentions if m.type in AGENT_TYPES and body[0] <= m.start < body[1]
              and not any(t.start <= m.start and m.end <= t.end for t in titles)]
    groups: list[list[tuple[str, int, int]]] = []
    for cue in cues:
        if groups and re.fullmatch(r"[\s,]*(и|and|,)?[\s,]*", text[groups[-1][-1][2]:cue[1]], re.I):
            groups[-1].append(cue)
        else:
            groups.append([cue])
    drafted = []
    for index, group in enumerate(groups):
        sentence = analysis.sentence_of(group[0][1])
        limit = sentence[1]
        if index + 1 < len(groups):
            limit = min(limit, groups[index + 1][0][1])
        window = _without_appositions(text, [m for m in agents if group[-1][2] <= m.start and m.end <= limit
                                             and not _secretariat_of(text, m)])
        window = _before_next_verb(analysis, window)
        if window and _verb_between(analysis, group[-1][2], window[0].start):
            window = []  # «…, выступившей организатором встречи, в ней приняли участие представители Армении»
        if group[0][0] == "opener" and not [m for m in window if m.type == "person"]:
            drafted += _opener_before(text, group[0], [m for m in agents if sentence[0] <= m.start])
        if not window:
            continue
        for role, cue_start, cue_end in group:
            if _attributive(text[cue_start:cue_end]) and not re.fullmatch(r"\s*", text[cue_end:window[0].start]):
                continue  # «организованного набора граждан Узбекистана»: a participle describing something else
            wanted = [m for m in window if (m.type == "person") == (role == "opener")] or window
            plural = any(t.feats.get("Number") == "Plur" and t.pos in ("VERB", "AUX")
                         for t in analysis.tokens_in(cue_start, cue_end))  # «открыли X и Y»: both opened it
            for mention in _distinct(wanted):
                if role == "opener" and mention is not wanted[0] and not (plural and mention.type == "person"):
                    continue
                spans = [(cue_start, mention.end)] if mention is wanted[0] and mention.start - cue_end <= 80 \
                    else [(cue_start, cue_end), (mention.start, mention.end)]
                drafted.append(Drafted({"role": role, "agent": mention.entity}, spans,
                                       f"cue «{text[cue_start:cue_end]}» before the agent ({mention.method})",
                                       round(min(0.8, mention.confidence), 2)))
    if lexicon.opened_relative:  # "Zulfiqar Ahmed Qureshi, who inaugurated the meeting, said", «…, открывший встречу»
        for person in (m for m in agents if m.type == "person"):
            opened = re.match(lexicon.opened_relative, text[person.end:person.end + 120], re.I)
            if opened and not any(d.fields["role"] == "opener" for d in drafted):
                drafted.append(Drafted({"role": "opener", "agent": person.entity},
                                       [(person.start, person.end + opened.end())],
                                       f"a relative clause of opening after the person ({person.method})",
                                       round(min(0.7, person.confidence), 2)))
    return drafted


def _secretariat_of(text: str, mention: Actor) -> bool:
    """"the Prague Process Secretariat", «Секретариатом Пражского процесса»: the process names whose secretariat acts
    (the body hosting it is the agent, when the text names it), it is no agent itself."""
    return mention.type == "regional-consultative-process" and bool(
        re.search(r"(?<![\w-])секретариат\w*\s+$", text[max(0, mention.start - 20):mention.start], re.I)
        or re.match(r"(?:['’]s)?\s+secretariat\b", text[mention.end:mention.end + 20], re.I))


def _opener_before(text: str, cue: tuple[str, int, int], agents: list[Actor]) -> list[Drafted]:
    """«– заявил министр … Сурендра Лал Шрестха, открывая встречу», "Ms Lind, opening the session, said": the person
    named right before the participle and its comma opened the meeting."""
    _, cue_start, cue_end = cue
    before = [m for m in agents if m.type == "person" and m.end <= cue_start and re.fullmatch(r"\s*,\s*",
                                                                                          text[m.end:cue_start])]
    if not before:
        return []
    person = before[-1]
    return [Drafted({"role": "opener", "agent": person.entity}, [(person.start, cue_end)],
                    f"the person named right before «{text[cue_start:cue_end]}» ({person.method})",
                    round(min(0.7, person.confidence), 2))]


_EN_VERBS = frozenset({"is", "was", "were", "are", "has", "have", "had", "will", "would", "said", "gave"})


def _before_next_verb(analysis: Analysis, mentions: list[Actor]) -> list[Actor]:
    """The agents of a cue up to the next verb: «при поддержке МОМ и УВКБ ООН, дала старт Алматинскому процессу»
    names no supporter after «дала», nor "hosted by Kazakhstan and chaired by Uzbekistan" a host after "chaired by"."""
    if not mentions:
        return mentions
    text = analysis.text
    verb = next((t for t in analysis.tokens_in(mentions[0].end, mentions[-1].start)
                 if t.pos in ("VERB", "AUX") or (analysis.language == "en" and (
                     t.text.lower() in _EN_VERBS or  # "hosted by X and co-chaired by Y": Y is another participle's
                     (re.fullmatch(r"[a-z-]+ed", t.text) and re.match(r"\s+by\b", text[t.end:])) or
                     _joined_predicate(text, t)))), None)
    return [m for m in mentions if verb is None or m.start < verb.start]


#: English past tenses not in -ed that a second predicate joined by "and" starts with
_EN_IRREGULAR_PAST = frozenset({"brought", "took", "met", "held", "led", "made", "saw", "drew", "gave", "began",
                                "heard", "found", "set", "put", "went", "came", "sent", "spoke", "chose", "became"})


def _joined_predicate(text: str, token: Token) -> bool:
    """"hosted by the Ministry of Labour and brought together officials from …": a past tense right after "and" or a
    comma (a lower-case word in -ed or an irregular one) starts a second predicate; the cue's agents end before it."""
    word = token.text
    if not (re.fullmatch(r"[a-z]+ed", word) or word in _EN_IRREGULAR_PAST):
        return False
    # "The conference, hosted by Nigeria, brought together delegations …": after a comma as after "and"
    return bool(re.search(r"(?:\band|,)\s+$", text[max(0, token.start - 6):token.start]))


def _verb_between(analysis: Analysis, start: int, end: int) -> bool:
    """Whether a finite verb stands between a cue and the first agent after it: the agent is then in another
    clause, with a verb of its own («организатором встречи, в ней приняли участие представители Армении»); not a
    link verb («Принимающей стороной выступил Непал», "The host was Kazakhstan")."""
    return any(((t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") not in ("Part", "Conv", "Inf"))
                or (analysis.language == "en" and t.text.lower() in _EN_VERBS)) and t.lemma.lower() not in _LINKS
               and t.text.lower() not in _LINKS for t in analysis.tokens_in(start, end))


#: link verbs between a role and its agent («Организатором выступило министерство», "The hosts were ...")
_LINKS = frozenset({"выступить", "выступать", "являться", "стать", "быть", "is", "was", "were", "are", "be"})


def _attributive(words: str) -> bool:
    """A Russian full participle («организованного», «организованная»): it describes a noun, and names an agent
    only right after it («организованная казахстанской стороной»), unlike the predicate «организована»."""
    return bool(re.fullmatch(r"[а-яё]+(?:нн|ем|им|вш)(?:ый|ий|ая|ое|ые|ого|ому|ым|ых|ыми|ой|ую|ом)", words.lower()))


def _without_appositions(text: str, mentions: list[Actor]) -> list[Actor]:
    """«IOM, the UN Migration Agency»: a name right after another, after «, the», describes it; a state whose body or
    official follows it ("Ghana's Ministry of the Interior", "Guatemala's Vice-Minister") is not an agent of its own."""
    kept: list[Actor] = []
    for mention in mentions:
        if mention.type == "state" and re.match(r"['’]s\s+[A-Z]", text[mention.end:mention.end + 4]):
            continue  # "hosted by Ethiopia's Ministry of Labor", "opened by Guatemala's Vice-Minister …, Ana …": the
            #           state whose body or official it is, not an agent of its own
        if kept and re.fullmatch(r",\s+(the|a)\s+", text[kept[-1].end:mention.start], re.I):
            continue
        if kept and mention.type == "state" and kept[-1].type in ("ministry", "government") \
                and re.fullmatch(r"[^,;()]{0,80}\bof\s+(?:the\s+)?", text[kept[-1].end:mention.start], re.I):
            continue  # "the Ministry of Expatriates' Welfare ... of Bangladesh": the end of the ministry's name
        kept.append(mention)
    return kept


def _distinct(mentions: list[Actor]) -> list[Actor]:
    seen, found = set(), []
    for mention in mentions:
        if mention.entity not in seen:
            seen.add(mention.entity)
            found.append(mention)
    return found


def participants(analysis: Analysis, actors: Actors, lexicon: Lexicon, body_end: int) -> list[Drafted]:
    """States listed in a footnote (or in a sentence about taking part): participants."""
    text = analysis.text
    drafted, seen = [], set()
    for start, end in analysis.paragraphs:
        if start >= body_end:
            continue
        states = [m for m in actors.within(start, end, frozenset({"state"}))]
        if len(_distinct(states)) < 2:
            continue
        if is_footnote(text, start):
            mark = text[start]
            anchor = text.find(mark)
            about = analysis.sentence_of(anchor) if anchor < start else None
            gathering = about and _mentions_gathering(analysis, about, lexicon)
            method, confidence = f"states listed in footnote {mark}", 0.8 if gathering else 0.5
            note = f"Listed in footnote {mark}."
        else:
            sentences = [s for s in analysis.sentences if start <= s[0] < end]
            hits = [s for s in sentences if _mentions_gathering(analysis, s, lexicon)
                    and len(_distinct(actors.within(*s, frozenset({"state"})))) >= 2
                    and not _about_a_later_meeting(analysis, s)]
            if not hits:
                continue
            hits.sort(key=lambda s: -len(_distinct(actors.within(s[0], s[1], frozenset({"state"})))))  # the list first:
            # a state also named in a sentence that hands over the chair keeps its place in the list as evidence
            states = [m for s in hits for m in actors.within(*s, frozenset({"state"}))
                      if not re.search(STILL_TO_COME[analysis.language], text[max(s[0], m.start - 80):m.start], re.I)]
            method, confidence, note = "states listed in a sentence about taking part", 0.6, None
        for mention in _distinct(states):
            if mention.entity in seen:
                continue
            seen.add(mention.entity)
            drafted.append(Drafted({"role": "participant", "agent": mention.entity}, [(mention.start, mention.end)],
                                   f"{method} ({mention.method})", round(min(confidence, mention.confidence), 2),
                                   note))
    return drafted


#: a clause about what is still to come before a state, in its sentence: "a working group …, to be led by the
#: Netherlands and Norway", "which Kenya will chair": those states take no part in the meeting by it
STILL_TO_COME = {"en": r"\b(?:to\s+be\s+[a-z]+\s+(?:jointly\s+)?by|will\s+be\s+[a-z]+\s+by)\b[^.;]*$",
                 "ru": r"(?<!\w)(?:будет|будут)\s+(?:\w+\s+){0,2}?(?:возглавлять|руководить|председательствовать)"
                       r"[^.;]*$"}

_LIST_GLUE = r"\s*(?:\([^)]*\))?\s*(?:,|,?\s+(?:and|и))\s+(?:the\s+)?"
"""What stands between two names of a list: a comma or «и»/"and", after an acronym in brackets."""
_ALSO = r"\s*(?:\([^)]*\))?\s*,?\s*(?:together\s+with|along\s+with|as\s+well\s+as|as\s+did|а\s+также|вместе\s+с)\s+" \
        r"(?:the\s+)?(?:(?:representatives|delegations|officials|experts)\s+(?:of|from)\s+(?:the\s+)?|" \
        r"представител\w+\s+|эксперт\w+\s+|делегаци\w+\s+)?"
"""Those taking part "together with", "along with", "as well as", "as did", «а также», «вместе с» the ones named
before: a list goes on after them."""


def roles_around_verbs(analysis: Analysis, actors: Actors, lexicon: Lexicon, body: tuple[int, int]) -> list[Drafted]:
    """Agents named before the verb: "Kyrgyzstan ... co-organized the event with the Kazakh Foreign Ministry, IOM
    and UNHCR" (the subject at the sentence's start, and those listed after "with"), and after a meeting put first,
    «Встречу ... принимало Министерство труда» (the agents listed right after the verb). The meeting is the one
    last named before (the caller's to find: the roles' spans begin in the sentence)."""
    text = analysis.text
    drafted: list[Drafted] = []
    for sentence in analysis.sentences:
        if not (body[0] <= sentence[0] < body[1]):
            continue
        words = text[sentence[0]:sentence[1]]
        agents = sorted(actors.within(*sentence, AGENT_TYPES - {"person"}), key=lambda m: m.start)
        for role, pattern in lexicon.subject_roles:
            verb = re.search(pattern, words, re.I)
            subject = agents[0] if agents else None
            if not verb or subject is None or subject.start >= sentence[0] + verb.start() or \
                    not re.fullmatch(r"(?:[^.!?\n]{0,80}?\s[–—-]\s*)?\s*(?:the\s+)?", text[sentence[0]:subject.start], re.I):
                continue  # the subject opens the sentence, or the body after the dateline's dash
            found = [subject]
            for mention in agents[1:]:  # "IOM, UNHCR and UNODC supported the meeting": a listed subject
                if mention.start >= sentence[0] + verb.start() or \
                        not re.fullmatch(_LIST_GLUE, text[found[-1].end:mention.start], re.I):
                    break
                found.append(mention)
            partners = re.match(lexicon.partners, words[verb.end():], re.I) if lexicon.partners else None
            if partners:
                for mention in (m for m in agents if m.start >= sentence[0] + verb.end()):
                    first_partner = found[-1].end < sentence[0] + verb.end()
                    glue = text[sentence[0] + verb.end() + partners.end() if first_partner else found[-1].end:
                                mention.start]
                    if (first_partner and glue.strip() in ("", "the")) or re.fullmatch(_LIST_GLUE, glue, re.I):
                        found.append(mention)
                    else:
                        break
            for mention in _distinct(found):
                drafted.append(Drafted({"role": role, "agent": mention.entity},
                                       [(mention.start, mention.end), (sentence[0] + verb.start(), sentence[0] + verb.end())],
                                       f"the subject of «{verb.group()}», or an agent listed after its «with»", 0.6))
        for role, pattern in lexicon.object_first_roles:
            verb = re.match(pattern, words, re.I)
            after = [m for m in agents if verb and m.start >= sentence[0] + verb.end()]
            if not (verb and after and not text[sentence[0] + verb.end():after[0].start].strip()):
                continue
            found = [after[0]]
            for mention in after[1:]:
                if not re.fullmatch(_LIST_GLUE, text[found[-1].end:mention.start], re.I):
                    break
                found.append(mention)
            for mention in _distinct(found):
                drafted.append(Drafted({"role": role, "agent": mention.entity}, [(sentence[0], mention.end)]
                                       if mention is found[0] else [(sentence[0], sentence[0] + verb.end()),
                                                                    (mention.start, mention.end)],
                                       "an agent right after the verb, the meeting put first", 0.6))
    return drafted


def subjects_taking_part(analysis: Analysis, actors: Actors, lexicon: Lexicon, body: tuple[int, int]) -> list[Drafted]:
    """The agents listed as the subject of a verb of taking part: participants, whatever status the sentence gives
    them ("Switzerland attended as an observer", "Malaysia and IOM took part as observers", "Representatives of
    France, Spain and the European Union attended the meeting", «Узбекистан впервые принял участие в
    конференции»). The subject is the list of states and organisations ending nearest before the verb, with at
    most a few words between (no verb, no other clause); a verb still to come ("will attend") or taking part in
    the process itself ("participates in the Almaty Process") makes none."""
    if not lexicon.taking_part:
        return []
    text = analysis.text
    to_come = DOMAIN_LEXICONS[analysis.language].to_come
    drafted: list[Drafted] = []
    for sentence in analysis.sentences:
        if not (body[0] <= sentence[0] < body[1]):
            continue
        agents = sorted((m for m in actors.within(*sentence, AGENT_TYPES - {"person", "regional-consultative-process"})
                         if m.confidence >= 0.75), key=lambda m: m.start)  # not a name only NER proposes
        for verb in re.finditer(lexicon.taking_part, text[sentence[0]:sentence[1]], re.I):
            start, end = sentence[0] + verb.start(), sentence[0] + verb.end()
            if re.search(to_come, text[max(sentence[0], start - 40):start], re.I) or \
                    (lexicon.taking_part_process and re.match(lexicon.taking_part_process, text[end:sentence[1]])):
                continue
            before = [m for m in agents if m.end <= start]
            if not before:
                continue
            gap = text[before[-1].end:start]
            if len(gap) > 40 or re.search(r"[;:«»\"“”]|\b(?:which|who|that|котор\w+)\b", gap, re.I) or \
                    (gap.count(",") == 1):
                continue  # "X, which chairs the process, ..." or a clause between: not the subject
            listed = [before[-1]]
            for mention in reversed(before[:-1]):
                if not re.fullmatch(_LIST_GLUE, text[mention.end:listed[-1].start], re.I):
                    break
                listed.append(mention)
            for mention in _distinct(list(reversed(listed))):
                drafted.append(Drafted({"role": "participant", "agent": mention.entity},
                                       [(mention.start, mention.end), (start, end)],
                                       f"the subject of «{verb.group()}» ({mention.method})",
                                       round(min(0.6, mention.confidence), 2)))
            for mention in _also_after(text, agents, end, sentence):
                drafted.append(Drafted({"role": "participant", "agent": mention.entity},
                                       [(start, end), (mention.start, mention.end)],
                                       f"taking part with the subject of «{verb.group()}» ({mention.method})",
                                       round(min(0.6, mention.confidence), 2)))
    return drafted


def _also_after(text: str, agents: list[Actor], end: int, sentence: tuple[int, int]) -> list[Actor]:
    """"Delegations from A and B took part, together with IOM, UNHCR and UNODC", "… also attended the talks, as did
    ICMPD", "are attending, along with IOM": the list after such words, right after the verb (and its object)."""
    after = [m for m in agents if m.start >= end]
    if not after:
        return []
    lead = re.fullmatch(rf"(?:\s+(?:the\s+)?[a-z]+){{0,2}}?{_ALSO}", text[end:after[0].start], re.I)
    if lead is None:
        return []
    listed = [after[0]]
    for mention in after[1:]:
        if not re.fullmatch(_LIST_GLUE, text[listed[-1].end:mention.start], re.I):
            break
        listed.append(mention)
    return _distinct(listed)


def organisation_participants(analysis: Analysis, actors: Actors, lexicon: Lexicon, body_end: int) -> list[Drafted]:
    """«а также представители МОТ и МОМ», "together with representatives of IOM, UNHCR and ILO": in a sentence
    about taking part, the organisations listed right after the word for their representatives, or after "along
    with"/"together with" following the verb of taking part."""
    text = analysis.text
    drafted: list[Drafted] = []
    kinds = frozenset({"intergovernmental-organization", "ministry", "government"})
    for sentence in analysis.sentences:
        if sentence[0] >= body_end or not _mentions_gathering(analysis, sentence, lexicon):
            continue
        listed: list[Actor] = []
        # states carry a list on («представители Беларуси, …, Швеции, а также Европейской комиссии и МОМ»);
        # only the organisations are drafted here
        for mention in sorted(actors.within(*sentence, kinds | {"state"}), key=lambda m: m.start):
            before = text[listed[-1].end:mention.start] if listed else ""
            if listed and (re.fullmatch(_LIST_GLUE, before, re.I) or re.fullmatch(_ALSO, before, re.I)):
                listed.append(mention)
            elif re.search(lexicon.representatives, text[max(sentence[0], mention.start - 80):mention.start], re.I) \
                    or _after_unknown_names(text, lexicon, max(sentence[0], mention.start - 160), mention.start) \
                    or re.search(BROUGHT_TOGETHER_ALSO, text[sentence[0]:mention.start], re.I) \
                    or re.search(ATTENDING_ALONG_WITH, text[sentence[0]:mention.start], re.I):
                listed = [mention]
            else:
                listed = []
                continue
            if mention.type == "state":
                continue
            drafted.append(Drafted({"role": "participant", "agent": mention.entity}, [(mention.start, mention.end)],
                                   f"an organisation whose representatives take part ({mention.method})",
                                   round(min(0.6, mention.confidence), 2)))
    return drafted


#: names the registry does not know between the word for representatives and a known organisation in their list
#: («представители Еврокомиссии, Африканского союза, МОМ …»): capitalised words, commas and «и»/"and"
_UNKNOWN_NAMES = r"(?:[A-ZА-ЯЁ«\"][^.;:!?]{0,90}?(?:,\s+|\s+(?:and|и)\s+))$"


def _after_unknown_names(text: str, lexicon: Lexicon, start: int, end: int) -> bool:
    """Whether an organisation comes in a list after the word for representatives, past names no actor was found
    for («а также представители Еврокомиссии, Африканского союза, Международной организации по миграции»)."""
    cue = lexicon.representatives.removesuffix("$")
    return re.search(cue + _UNKNOWN_NAMES, text[start:end], re.I) is not None


#: "brought together delegations of 38 member countries as well as IOM, UNHCR and UNODC", «собрало делегации …, а
#: также МОМ»: the organisations after "as well as" are brought together with those taking part
ATTENDING_ALONG_WITH = r"\b(?:attend(?:ed|s|ing)?|took\s+part|tak(?:e|es|ing)\s+part|participat(?:ed|es|ing))\b[^.;]{0,40}?,?" \
                       r"\s*(?:together|along)\s+with\s+(?:the\s+)?$"
""""Delegations from 16 member states are attending, along with the ILO and IOM", "took part, together with the
European Commission": the organisations after it take part."""
BROUGHT_TOGETHER_ALSO = r"\b(?:brought\s+together|gathered|собрал\w*)\b[^.;]*?(?:\bas\s+well\s+as|(?<!\w)а\s+также)\s+" \
                        r"(?:from\s+)?(?:the\s+)?$"


def _about_a_later_meeting(analysis: Analysis, sentence: tuple[int, int]) -> bool:
    """"Afghanistan and Bangladesh had offered to host thematic meetings next year", «следующая встреча пройдет в …»:
    the states a sentence about a meeting still to come names are not those taking part in this one."""
    lexicon = DOMAIN_LEXICONS[analysis.language]
    return re.search(lexicon.not_reported, analysis.text[sentence[0]:sentence[1]], re.I) is not None


def _mentions_gathering(analysis: Analysis, sentence: tuple[int, int], lexicon: Lexicon) -> bool:
    return any(t.lemma in lexicon.gathering_words or t.key in lexicon.gathering_words
               or t.lemma in lexicon.collective_subjects or t.key in lexicon.collective_subjects
               for t in analysis.tokens_in(*sentence))


def processes(analysis: Analysis, actors: Actors, terms: list[Mention], lexicon: Lexicon, event: str | None,
              event_year: str | None) -> list[DraftProcess]:
    text = analysis.text
    found: dict[str, DraftProcess] = {}
    kinds = [t for t in terms if t.type == "process-kind"]
    for mention in (m for m in actors.mentions if m.type == "regional-consultative-process"):
        process = found.get(mention.entity) or DraftProcess(mention.entity)
        kind = next((k for k in kinds if 0 <= mention.start - k.end <= 4), None)
        if kind and process.kind is None:
            process.kind = Drafted({"kind": kind.entity}, [(kind.start, mention.end)],
                                   "process-class phrase right before the name", 0.8)
        if process.kind is None:
            process.kind = _kind_said_of(text, mention, kinds)
        sentence = analysis.sentence_of(mention.start)
        years = set(re.findall(r"\b(?:19|20)\d{2}\b", text[sentence[0]:sentence[1]]))
        launch = [t for t in analysis.tokens_in(sentence[0], mention.start)
                  if t.lemma in lexicon.launch_words or t.key in lexicon.launch_words]
        if launch and event and process.launched_at is None and years <= {event_year}:
            process.launched_at = Drafted({"event": event}, [(launch[-1].start, mention.end)],
                                          f"launch word «{launch[-1].text}» before the process's name", 0.6)
        if process.launched_at is None:
            process.launched_at = _dated_launch(analysis, actors, lexicon, mention)
        if process.kind or process.launched_at:
            found[mention.entity] = process
    return list(found.values())


#: a year, and the month before it where the text gives one ("in June 2013", «в июне 2013 года»)
_LAUNCH_YEAR = re.compile(r"^[^.;]{0,40}?(?<!\d)(?:(?P<month>[^\W\d_]+)\s+)?(?P<year>(?:19|20)\d{2})(?!\d)")


def _dated_launch(analysis: Analysis, actors: Actors, lexicon: Lexicon, mention: Actor) -> Drafted | None:
    """A launch the text dates (and places) without naming the meeting it was launched at: "The Khartoum Process was
    launched in Rome in 2014", «Абу-Дабийский диалог был создан в 2008 году», "Launched in 2006, the Rabat Process …",
    and "It was founded in 1985" opening the sentence after the one naming the process: ``on`` the year (and month)
    right after the verb, ``place`` a city of the registry named after it ("in Rome"). Not where a meeting is named
    after the verb («запущен в 2013 году на министерской конференции в Алматы»: launched at that meeting), nor in a
    clause that begins after the process ("since it was established in 2002")."""
    text = analysis.text
    sentence = analysis.sentence_of(mention.start)
    verb = re.match(rf"\s*(?:\([^()]*\)\s*)?,?\s*(?:{lexicon.launched})", text[mention.end:sentence[1]], re.I) \
        if lexicon.launched else None
    at, start = (mention.end + verb.end(), mention.start) if verb else (None, mention.start)
    stop = sentence[1]
    if at is None:  # "Launched in 2006, the Rabat Process …": the process right after the participle's clause
        opening = re.match(lexicon.launched_first, text[sentence[0]:mention.start])
        clause_end = text.find(",", sentence[0] + opening.end(), mention.start) if opening else -1
        if opening and clause_end >= 0 and re.fullmatch(r",\s*(?:the\s+)?", text[clause_end:mention.start], re.I):
            at, start = sentence[0] + opening.end(), sentence[0] + len(opening.group()) - len(opening.group().lstrip())
            stop = clause_end  # the participle's clause: "Launched in 2006,"
    if at is None:  # "It was founded in 1985." right after the sentence naming the process
        following = analysis.sentence_of(sentence[1] + 1) if sentence[1] < len(text) else sentence
        pronoun = re.match(rf"\s*(?:It|Он|Она)\s+(?:{lexicon.launched})", text[following[0]:following[1]])
        later = [m for m in actors.mentions if m.type == "regional-consultative-process" and sentence[1] <= m.start
                 < following[0]]
        last = [m for m in actors.mentions if m.type == "regional-consultative-process"
                and sentence[0] <= m.start < sentence[1]]
        if pronoun and following != sentence and not later and last and last[-1] is mention:
            blank = len(pronoun.group()) - len(pronoun.group().lstrip())
            sentence, at, start, stop = following, following[0] + pronoun.end(), following[0] + blank, following[1]
    if at is None:
        return None
    clause = re.split(r"[;]|,\s+(?:and|but|while|а|но)\s|\s(?:and|и)\s+(?:has|have|is|are|serves|brings|объединяет|"
                      r"является)\b", text[at:stop])[0]
    meeting = DOMAIN_LEXICONS[analysis.language].meeting_nouns
    if re.search(rf"(?:{meeting})", clause, re.I):
        return None  # launched at a meeting the text names
    year = _LAUNCH_YEAR.match(clause)
    if year is None:
        return None
    month = _month(year.group("month") or "", analysis.language)
    on = year.group("year") + (f"-{month:02d}" if month else "")
    fields: dict[str, object] = {"on": on}
    city = next((c for c in actors.within(at, at + len(clause), frozenset({"city"}))), None)
    if city is not None and re.search(r"(?:\bin|\bв|\bво)\s+$", text[max(at, city.start - 5):city.start], re.I):
        fields["place"] = city.entity
    end = max(at + year.end(), city.end if "place" in fields and city else 0)
    return Drafted(fields, [(start, end)], "a launch the text dates after its verb, no meeting named", 0.6)


def _month(word: str, language: str) -> int | None:
    months = DOMAIN_LEXICONS[language].months
    low = word.lower()
    return next((number for stem, number in months.items() if low.startswith(stem) and len(low) - len(stem) <= 4
                 and len(stem) >= 2), None)


#: words between a process and a class phrase that say the process is of that class ("MIDSA was established in 2000
#: as a regional consultative process", «Алматинский процесс является региональным консультативным процессом»)
_IS_OF_CLASS = r"[^.;:]{0,60}?(?:\b(?:as|is|was)\s+an?|(?<!\w)(?:как|является|был\s+создан\s+как))\s+$"


def _kind_said_of(text: str, mention: Actor, kinds: list[Mention]) -> Drafted | None:
    """A process's class where its own name holds the class phrase ("the IGAD Regional Consultative Process on
    Migration") or its sentence says it is of that class ("MIDSA was established in 2000 as a regional consultative
    process")."""
    inside = next((k for k in kinds if mention.start <= k.start and k.end <= mention.end), None)
    if inside is not None:
        return Drafted({"kind": inside.entity}, [(inside.start, inside.end)], "the process's name holds its class", 0.7)
    said = next((k for k in kinds if k.start >= mention.end and re.fullmatch(_IS_OF_CLASS, text[mention.end:k.start],
                                                                              re.I)), None)
    if said is not None:
        return Drafted({"kind": said.entity}, [(mention.start, said.end)], "the process said to be of a class", 0.7)
    phrase = re.match(_IS_OF_CLASS.removesuffix("$") + RCP_PHRASE, text[mention.end:mention.end + 160], re.I)
    if phrase is not None:  # the class's label goes on "on migration"; the text may stop before it
        return Drafted({"kind": "regional-consultative-process"}, [(mention.start, mention.end + phrase.end())],
                       "the process said to be a regional consultative process", 0.7)
    return None


RCP_PHRASE = r"(?:regional\s+consultative\s+process|региональн\w+\s+консультативн\w+\s+процесс\w*)(?!\w)"
"""The class phrase of a regional consultative process, short of the label's "on migration"."""


def place_proposal(analysis: Analysis, start: int, end: int, actors: Actors, registry) -> str | None:
    """The city a dateline names: a registry city, or a proposed one (labelled as written)."""
    cities = actors.within(start, end, frozenset({"city"}))
    if cities:
        return cities[0].entity
    words = analysis.text[start:end].strip()
    if not re.fullmatch(r"[^\W\d_][\w\s-]{1,40}", words) or len(words.split()) > 3:
        return None
    labels, comment = copied_labels(analysis.language, words)
    entity = actors.propose(registry, slug(labels["en"]), Proposal("", "city", labels, "the dateline's place", 0.6,
                                                                   comment=f"A city named by the dateline. {comment}"))
    actors.mentions.append(Actor(start, end, entity, "city", "the dateline's place", 0.6))
    return entity


