"""Words given to a group: the meeting speaking as one body, and the text's own groupings of those taking part.

* **collective speakers**: "the conference agreed", «Конференция постановила» → the meeting as a body ("the
  participants agreed", the participants of the meeting as a group, is :mod:`.speech`'s).
* **groupings**: "states of Central Asia and neighbouring countries", «государств – членов ЕС» among those taking
  part → a grouping of the meeting's participants, with the regions its words name.
"""
from __future__ import annotations

import re

from migkg.draft.facts import Drafted, slug
from migkg.draft.gazetteer import Mention
from migkg.draft.governance_context import Governance, GovernanceContext, sentence_start


def find_groupings(context: GovernanceContext, found: Governance, terms: list[Mention]) -> None:
    """"states of Central Asia and neighbouring countries", «государств Центральной Азии и сопредельных стран»:
    the release's own grouping of those taking part, with the M49 regions its words name; «государств – членов
    ЕС», "member states of the EU" among those taking part: a grouping that names no region."""
    if context.main is None:
        return
    text, cues = context.text, context.cues
    for sentence in context.sentences:
        if not _about_taking_part(context, sentence):
            continue
        words = text[sentence[0]:sentence[1]]
        for match in re.finditer(cues.grouping, words):  # capitals matter: names of regions
            start, end = sentence[0] + match.start(), sentence[0] + match.end()
            regions = [t for t in terms if t.type == "region" and start <= t.start < end]
            if not regions and not re.search(cues.member_word, match.group(), re.I):
                continue
            if not regions and any(p.start < end and start < p.end for p in context.processes):
                continue  # "Bali Process member states": the process's own members, no grouping
            codes = list(dict.fromkeys(r.entity for r in regions))
            identifier = slug(match.group(), 50)
            if any(g.fields["id"] == identifier for g in found.groupings):
                continue
            fields: dict = {"id": identifier, "about": context.main, "role": "participant"}
            if codes:
                fields["regions"] = codes
            found.groupings.append(Drafted(fields, [(start, end)], "the text's own grouping of those taking "
                                           "part" + (", with the regions its words name" if codes else ""), 0.6))


def _about_taking_part(context: GovernanceContext, sentence: tuple[int, int]) -> bool:
    words = context.text[sentence[0]:sentence[1]]
    return re.search(context.cues.taking_part, words, re.I) is not None or context.at_meeting(*sentence)


def find_group_speakers(context: GovernanceContext, found: Governance, topics_of) -> None:
    """«The conference agreed ...»: a joint outcome of the meeting as a body."""
    if context.main is None:
        return
    text = context.text
    for sentence in context.sentences:
        start = sentence_start(text, sentence)
        subject = re.match(context.lexicon.meeting_subject, text[start:sentence[1]], re.I)
        if not subject:
            continue
        verb = re.search(context.lexicon.agreeing, text[start + subject.end():start + subject.end() + 40], re.I)
        if not verb or re.search(r"\b(?:was|were|is|are|been|be)\s+$", text[start + subject.end():start + subject.end()
                                                                               + verb.start()], re.I):
            continue  # "The meeting was called to prepare…": a passive, not the meeting speaking
        if sentence in found.adopting and not re.search(context.lexicon.agreeing_only, verb.group(), re.I):
            continue  # "The working group adopted the … Joint Statement": an adoption, drafted as such
        end = sentence[1]
        while end > start and text[end - 1] in ".!?; \n":
            end -= 1
        # "The conference called on member states to…": a call is what the meeting said, not what it agreed
        calling = re.match(r"(?:called|urged|призвал\w*)", verb.group(), re.I) is not None
        fields: dict = {"id": f"meeting-outcome-{len(found.statements) + 1}",
                        "kind": "reported-speech" if calling else "joint-outcome",
                        "speaker_groups": [{"group": "meeting", "of": _meeting_called(context, subject.group())}],
                        "at_event": context.main}
        topics = topics_of(start, end)
        if topics:
            fields["topics"] = topics
        found.statements.append(Drafted(fields, [(start, end)], "the meeting as the subject of a calling verb"
                                        if calling else "the meeting as the subject of an agreeing verb", 0.7))


def _meeting_called(context: GovernanceContext, noun: str) -> str:
    """The meeting a bare noun refers to: «the conference» is the ministerial conference, else the main one."""
    for kind, pattern in context.lexicon.event_nouns:
        if kind and re.search(pattern, noun, re.I):
            return next((m.event.id for m in context.meetings if m.kind == kind), str(context.main))
    return str(context.main)
