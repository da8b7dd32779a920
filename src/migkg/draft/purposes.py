"""What the meetings were for.

* **purposes**: "convened to ...", «для того, чтобы ...» to the end of the sentence, with the topics of the
  vocabulary found in those words; the purpose of the meeting last named before it.
"""
from __future__ import annotations

import re

from migkg.draft.facts import Drafted
from migkg.draft.gazetteer import Mention
from migkg.draft.governance_context import GovernanceContext, clause_end
from migkg.draft.lexicon import DOMAIN_LEXICONS
from migkg.draft.meetings import Meeting
from migkg.draft.text import Analysis

#: the word "priorities" among a process's own work (:func:`_process_work`)
PRIORITIES = r"priorit|приоритет"

#: meetings held on a theme: the subject their name gives is what they were held for
THEMED_KINDS = frozenset({"thematic-meeting", "expert-meeting"})


def find_purposes(context: GovernanceContext, terms: list[Mention]) -> None:
    text = context.text
    for sentence in context.sentences:
        for cue in re.finditer(context.lexicon.purpose, text[sentence[0]:sentence[1]], re.I):
            start = sentence[0] + cue.start() + len(cue.group()) - len(cue.group().lstrip())
            if context.in_quote(start) or re.search(rf"(?:{context.lexicon.agreeing_only})\s*$", text[sentence[0]:start],
                                                    re.I):
                continue  # "the participants agreed to prepare ...": an outcome, not what the meeting was for
            end = clause_end(text, (start, sentence[1]), sentence_end=True)
            said = re.search(context.lexicon.reporting_tail, text[start:end], re.I) if context.lexicon.reporting_tail \
                else None
            end = start + said.start() if said else end  # «…, передает корреспондент агентства»: who reports it
            topics = topics_in(context.analysis, terms, start, end)
            topics += [t for t in _process_work(context, start, end, bool(topics)) if t not in topics]
            meeting = _meeting_before(context, start)
            if meeting is not None and _they_met(context, meeting, sentence, start):
                meeting = context.meetings[0]  # "... gathered in Astana on June 7 to take stock": the gathering's
            if not topics or meeting is None:
                continue
            meeting.event.purposes.append(Drafted({"topics": topics}, [(start, end)],
                                                  "a purpose cue and the topics of the vocabulary in its words",
                                                  0.6))
            break
    for meeting in context.meetings:
        _purpose_in_name(context, meeting, terms)


def _purpose_in_name(context: GovernanceContext, meeting: Meeting, terms: list[Mention]) -> None:
    """"a thematic session on the protection of domestic workers", «встреча … по вопросам возвращения и
    реинтеграции»: the subject a meeting's name gives after its preposition is what the meeting is for
    (the topics of the vocabulary in those words), unless a purpose the text states already has them. Only for
    meetings held on a theme (thematic and expert meetings): a conference's title («Министерская конференция …
    по защите беженцев …») is its name; and not after a standing body («рабочей группы … по …», "working group
    on ..."): that is the body's remit."""
    name = meeting.event.name
    if meeting.kind not in THEMED_KINDS or name is None or not name.spans or not context.lexicon.name_subject:
        return
    start, end = name.spans[0]
    # «семинар Панели … по миграции, мобильности и … управлению границами»: the subject of the process's own name,
    # within the meeting's, is the process's remit; the meeting's subject comes after it
    after = max([start] + [p.end for p in context.processes if start <= p.start < end])
    subject = re.search(context.lexicon.name_subject, context.text[after:end], re.I)
    if subject is None:
        return
    begin = after + subject.start()
    if context.lexicon.standing_body and re.search(context.lexicon.standing_body, context.text[start:begin], re.I):
        return  # «заседание рабочей группы … по противодействию торговле людьми»: the group's remit, not this
                # meeting's purpose
    topics = topics_in(context.analysis, terms, begin, end)
    known = {t for p in meeting.event.purposes for t in p.fields["topics"]}
    if topics and not set(topics) <= known:
        meeting.event.purposes.append(Drafted(
            {"topics": topics}, [(begin, end)], "the subject in the meeting's name and the topics of the "
            "vocabulary in its words", 0.6, "The purpose is read from the meeting's name."))


def _they_met(context: GovernanceContext, meeting: Meeting, sentence: tuple[int, int], start: int) -> bool:
    """Whether the words between the meeting last named (or the sentence's start) and ``start`` say that they met:
    then a purpose is the release's own meeting's ("A decade after the 2013 conference, officials gathered in
    Astana to take stock")."""
    if not context.lexicon.met:
        return False
    named = [s for s, _ in meeting.mentions if s <= start]
    begin = max([sentence[0], *named])
    return re.search(context.lexicon.met, context.text[begin:start], re.I) is not None


def _process_work(context: GovernanceContext, start: int, end: int, other_topics: bool) -> list[str]:
    """A purpose about the process's own work — its priorities, agenda, plans, its next meetings ("to prepare
    the agenda of the Eighth Ministerial Consultation") — is about the regional consultative process. Priorities
    of a subject the purpose names ("priorities for protecting migrants", «приоритетов сотрудничества в области
    законной миграции») are that subject's, not the process's."""
    words, lexicon = context.text[start:end], context.lexicon
    if not lexicon.process_work:
        return []
    work = [m.group() for m in re.finditer(lexicon.process_work, words, re.I)]
    if other_topics and work and all(re.match(PRIORITIES, w, re.I) for w in work):
        work = []
    if work or any(re.search(p, words, re.I) for _, p in lexicon.event_kinds):
        return ["regional-consultative-process"]
    return []


def _meeting_before(context: GovernanceContext, offset: int) -> Meeting | None:
    named = [(s, m) for m in context.meetings for s, _ in m.mentions if s <= offset]
    if named:
        return max(named, key=lambda n: n[0])[1]
    return context.meetings[0] if context.meetings else None


def topics_in(analysis: Analysis, terms: list[Mention], start: int, end: int) -> list[str]:
    """The topics of the vocabulary named in ``text[start:end]``, by their labels and the lexicon's phrasings."""
    found = [(t.start, t.entity) for t in terms if t.type == "topic" and start <= t.start and t.end <= end]
    for topic, pattern in DOMAIN_LEXICONS[analysis.language].topic_phrasings:
        found += [(start + m.start(), topic) for m in re.finditer(pattern, analysis.text[start:end], re.I)]
    return list(dict.fromkeys(entity for _, entity in sorted(found)))
