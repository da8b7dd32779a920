"""What the governance finders (:mod:`.governance`) share: one reading of a release's body, and what they draft.

:class:`GovernanceContext` holds the sentences of the body outside quotes, the states and organisations named there
(who may hold a position or a status), the processes named, the meeting reported, and the helpers the finders share:
a sentence's clauses, the holders listed together, the timing a clause gives, and whether words are about the meeting.
:class:`Governance` is what the finders draft.

* Timing, for positions and memberships, only as the clause gives it: "since May 2015" → ``period: {from}``,
  "until 2022" → ``{to}``, "in 2023-2024" → both ends, "as of" → ``on``; "at the conference", "attended", «по итогам
  совещания» → ``at_event``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from migkg.draft.actors import BODY_TYPES, Actor, Actors
from migkg.draft.facts import DraftDocument, Drafted, DraftProcess
from migkg.draft.header import RelativeDate
from migkg.draft.lexicon import DOMAIN_LEXICONS, GOVERNANCE_CUES, DomainLexicon
from migkg.draft.meetings import Meeting
from migkg.draft.text import Analysis
from migkg.draft.timing import Timing, period_fields, timings

LIST_GAP = r"\s*(?:,|and|и|,\s*and|,\s*и)\s*(?:the\s+)?"


@dataclass
class Governance:
    """What :func:`~.governance.find_governance` drafts, and the sentences it read facts from (no participants there)."""

    processes: dict[str, DraftProcess] = field(default_factory=dict)
    documents: list[DraftDocument] = field(default_factory=list)
    statements: list[Drafted] = field(default_factory=list)
    groupings: list[Drafted] = field(default_factory=list)
    busy: list[tuple[int, int]] = field(default_factory=list)
    secretariat: list[tuple[int, int]] = field(default_factory=list)
    adopting: list[tuple[int, int]] = field(default_factory=list)
    roles: list[tuple[str, Drafted]] = field(default_factory=list)
    """Who chaired a meeting or attended it as an observer (the event's id, its ``meeting-chair`` or
    ``event-observer`` role): not a position or a membership status in the process."""

    def process(self, entity: str) -> DraftProcess:
        return self.processes.setdefault(entity, DraftProcess(entity))


class GovernanceContext:
    """One release's body as the governance finders read it, and the helpers they share."""

    def __init__(self, analysis: Analysis, actors: Actors, meetings: list[Meeting], body: tuple[int, int],
                 quotes: list[tuple[int, int]], year: str | None, titles: list[tuple[int, int]],
                 issued: str | None = None, relative: Sequence[RelativeDate] = ()):
        self.analysis, self.text = analysis, analysis.text
        self.issued = issued  # the date of issue: "currently chairs" holds on it
        self.cues = GOVERNANCE_CUES[analysis.language]
        self.relative = list(relative)  # day words with the dates they stand for ("on Tuesday", «в четверг»)
        self.titles = titles  # posts' titles («Председатель Комитета по миграции»): their words are no positions
        self.lexicon: DomainLexicon = DOMAIN_LEXICONS[analysis.language]
        self.actors, self.meetings, self.body, self.quotes, self.year = actors, meetings, body, quotes, year
        self.holders = [m for m in actors.mentions if m.type in BODY_TYPES and body[0] <= m.start < body[1]]
        self.processes = [m for m in actors.mentions if m.type == "regional-consultative-process"]
        self.sentences = [s for s in analysis.sentences if body[0] <= s[0] < body[1]
                          and not any(q[0] <= s[0] and s[1] <= q[1] for q in quotes)]
        self.main = meetings[0].event.id if meetings else None
        self.default_process = next((str(m.event.meeting_of.fields["process"]) for m in meetings if m.event.meeting_of),
                                    None) or next((p.entity for p in self.processes if p.start >= body[0]),
                                                  self.processes[0].entity if self.processes else None)

    def in_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quotes)

    def process_of(self, sentence: tuple[int, int]) -> str | None:
        inside = [p for p in self.processes if sentence[0] <= p.start < sentence[1]]
        return inside[0].entity if inside else self.default_process

    def holders_in(self, start: int, end: int) -> list[Actor]:
        return [h for h in self.holders if start <= h.start and h.end <= end]

    def list_from(self, first: Actor, forward: bool, limit: tuple[int, int]) -> list[Actor]:
        """The holders listed with ``first`` ("A, B and C"), going forward or backward from it."""
        found = [first]
        pool = self.holders_in(*limit)
        while True:
            edge = found[-1]
            if forward:
                nxt = next((h for h in pool if h.start >= edge.end), None)
                gap = self.text[edge.end:nxt.start] if nxt else ""
            else:
                nxt = next((h for h in reversed(pool) if h.end <= edge.start), None)
                gap = self.text[nxt.end:edge.start] if nxt else ""
            if nxt is None or not re.fullmatch(LIST_GAP, gap, re.I) or nxt.entity in {f.entity for f in found}:
                break
            found.append(nxt)
        return found if forward else list(reversed(found))

    def clauses(self, sentence: tuple[int, int]) -> list[tuple[int, int]]:
        """The sentence cut at commas, semicolons and dashes that are not inside a name."""
        cuts = [sentence[0]]
        for match in re.finditer(r"[,;]|\s[–—]\s", self.text[sentence[0]:sentence[1]]):
            cuts.append(sentence[0] + match.start())
        cuts.append(sentence[1])
        return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1) if cuts[i + 1] > cuts[i]]

    def clause_of(self, sentence: tuple[int, int], offset: int) -> tuple[int, int]:
        return next((c for c in self.clauses(sentence) if c[0] <= offset < c[1]), sentence)

    def timing_in(self, start: int, end: int) -> tuple[Timing, tuple[int, int]] | None:
        for timing in timings(self.text[start:end], self.analysis.language, self.year):
            if timing.kind in ("from", "to", "range", "on"):
                return timing, (start + timing.start, start + timing.end)
        return None

    def relative_timing(self, clause: tuple[int, int], sentence: tuple[int, int]) \
            -> tuple[Timing, tuple[int, int]] | None:
        """"hosting the secretariat, which has been based in Almaty since 2014": the period a relative clause right
        after the cue's clause gives (a beginning, an end or both; not a single day)."""
        following = [c for c in self.clauses(sentence) if c[0] >= clause[1]]
        if not following or not re.match(self.cues.relative, self.text[following[0][0]:following[0][1]], re.I):
            return None
        timing = self.timing_in(*following[0])
        return timing if timing and timing[0].kind in ("from", "to", "range") else None

    def at_meeting(self, start: int, end: int) -> bool:
        """A cue of the meeting reported between ``start`` and ``end``; "participated in the Almaty Process",
        «участвовавший в Алматинском процессе» (taking part in the process itself) is none."""
        if self.main is None:
            return False
        return any(not any(0 <= p.start - (start + cue.end()) <= 12 and re.fullmatch(
                           r"\s+(?:in\s+(?:the\s+)?|в\s+)", self.text[start + cue.end():p.start], re.I)
                           for p in self.processes)
                   for cue in re.finditer(self.lexicon.at_meeting, self.text[start:end], re.I))

    def timed(self, fields: dict, timing: tuple[Timing, tuple[int, int]] | None) -> None:
        if timing is None:
            return
        if timing[0].kind == "on":
            fields["on"] = timing[0].start_value
        else:
            period = period_fields(timing[0])
            if period:
                fields["period"] = period


def sentence_start(text: str, sentence: tuple[int, int]) -> int:
    """A sentence's first word, after a dateline's dash when the sentence begins with the dateline."""
    words = text[sentence[0]:sentence[1]]
    dash = re.match(r"[^–—\n]{0,60}\d{4}(?:\s+года)?\s*[–—-]\s*", words)
    return sentence[0] + (dash.end() if dash else 0)


def clause_end(text: str, clause: tuple[int, int], sentence_end: bool = False) -> int:
    end = clause[1]
    while end > clause[0] and text[end - 1] in ".,;!? \n":
        end -= 1
    return end


def still_to_come(start: int, end: int, lexicon: DomainLexicon, analysis: Analysis) -> bool:
    """"will hand over the chair", "are expected to adopt", «будет передано», «передаст», «планируется принять»: an
    act the verb at ``start``-``end`` names that the text announces, not one done."""
    if re.search(lexicon.to_come, analysis.text[max(0, start - 40):start], re.I):
        return True
    tokens = analysis.tokens_in(start, end)
    return bool(tokens) and tokens[0].feats.get("Tense") == "Fut"
