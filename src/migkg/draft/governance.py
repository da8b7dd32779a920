"""A process over time, and what its meetings produce: positions, handovers, memberships, documents and their
adoptions, the purposes of meetings, and words given to a group.

Each finder reads one sentence at a time, with the cue patterns of :data:`~.lexicon.DOMAIN_LEXICONS`:

* **handovers**: a position noun and a passing verb in one sentence ("the chairmanship ... passed from
  Azerbaijan to Kazakhstan", «председательство ... перешло от Казахстана к Кыргызстану»): ``from`` the holder
  after "from"/«от», ``to`` the one after "to"/«к». A state that hands over the chair is not made a participant.
* **positions**: a cue ("chairs", «председательствует», "vice-chair", «заместителя председателя», "hosts" with
  "secretariat" nearby); the holder is the state or organisation named nearest before the cue, or the ones
  after it where the cue says so ("co-chaired by Türkiye and Hungary", «Председателем ... стал Казахстан»).
* **memberships**: a status noun ("an observer", «в качестве наблюдателя», "as member states", "an invited
  guest") and the holder (or the list of holders) named before it.
* Timing, for both, only as the clause gives it: "since May 2015" → ``period: {from}``, "until 2022" →
  ``{to}``, "in 2023-2024" → both ends, "as of" → ``on``; "at the conference", "attended", «по итогам
  совещания» → ``at_event``. A chair with no timing, reported in the account of a meeting, is attested at it.
* **documents**: a document class ("Declaration", «План действий») named as a proper name (a capital
  beyond the sentence's first word); its name runs from the capitalised words before it to its subject
  after ("on ...", «о ...», «на 2023–2024 годы»). An **adoption** is an action verb nearest to it in the
  sentence (adopted, endorsed, signed; «приняли», «одобрили», «подписали»); its parties are "the
  participants" (a group), "the conference" (the meeting as a body), or the states listed next to the verb.
* **purposes**: "convened to ...", «для того, чтобы ...» to the end of the sentence, with the topics of the
  vocabulary found in those words; the purpose of the meeting last named before it.
* **collective speakers**: "the participants agreed" → the participants of the meeting as a group; "the
  conference agreed", «Конференция постановила» → the meeting as a body.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from migkg.cards.registry import Registry
from migkg.draft.actors import BODY_TYPES, Actor, Actors
from migkg.draft.claims import number_of
from migkg.draft.facts import DraftDocument, Drafted, DraftProcess, slug
from migkg.draft.gazetteer import Mention
from migkg.draft.header import RelativeDate
from migkg.draft.lexicon import DOMAIN_LEXICONS, GOVERNANCE_CUES, DomainLexicon
from migkg.draft.meetings import Meeting
from migkg.draft.text import Analysis, fold
from migkg.draft.timing import Timing, period_fields, timings

PARTICIPLE = r"(?:ого|ому|ым|ом|ой|ая|ое|ые|ых|ую|ий|ый|ыми)$"
"""Russian participles («организованного»), adjectives in form: inside a document's subject, not its verb."""
#: a lower-case word that may stand between an action verb and a document's class ("a joint", «совместное»)
MODIFIER = r"(?!(?:on|of|in|for|to|and|with|by|at|и|в|на|по|о|об|с|со|к)\b)[a-zа-яё][\w-]*"
#: words that link a holder to its status ("which are partners", "attended as", «в качестве», «является»)
STATUS_LINK = r"\b(?:are|were|is|was|as|been|one\s+of)\b|явля\w+|в\s+качестве|стал\w*|одн\w+\s+из"
LOOK_AHEAD = 3
"""Counted member states: the sentences after the count that may list them."""
LIST_GAP = r"\s*(?:,|and|и|,\s*and|,\s*и)\s*(?:the\s+)?"
#: between two groups of a list, each with what it is ("… as countries of origin, and …", «… как страны
#: происхождения, а также …»)
GROUPS_GAP = r"\s+(?:as|как)\s+[^,.;()]{2,50},\s*(?:and|и|а\s+также)\s+(?:the\s+)?"

#: the delegations, as those who adopt a document ("adopted by the delegations of …", «делегации … приняли»); not
#: among the lexicon's participants, whose joint outcomes go to the states listed when a text lists them
DELEGATIONS = r"\bdelegations\b|делегаци(?:и|ями)\b"

#: the word "priorities" among a process's own work (:meth:`_Reader._process_work`)
PRIORITIES = r"priorit|приоритет"

#: meetings held on a theme: the subject their name gives is what they were held for
THEMED_KINDS = frozenset({"thematic-meeting", "expert-meeting"})


@dataclass
class Governance:
    """What :func:`find_governance` drafts, and the sentences it read facts from (no participants there)."""

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


class _Reader:
    def __init__(self, analysis: Analysis, actors: Actors, meetings: list[Meeting], body: tuple[int, int],
                 quotes: list[tuple[int, int]], year: str | None, titles: list[tuple[int, int]],
                 issued: str | None = None):
        self.analysis, self.text = analysis, analysis.text
        self.issued = issued  # the date of issue: "currently chairs" holds on it
        self.cues = GOVERNANCE_CUES[analysis.language]
        self.relative: list[RelativeDate] = []  # day words with the dates they stand for (:func:`find_governance`)
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

    # ------------------------------------------------------------------ helpers

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

    def _relative_timing(self, clause: tuple[int, int], sentence: tuple[int, int]) \
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

    # ------------------------------------------------------------------ handovers

    def handovers(self, found: Governance) -> None:
        lexicon, text = self.lexicon, self.text
        for sentence in self.sentences:
            words = text[sentence[0]:sentence[1]]
            noun = re.search(lexicon.handover_noun, words, re.I)
            verb = re.search(lexicon.handover_verb, words, re.I)
            cue = verb or re.search(lexicon.handover_take, words, re.I)
            if not noun or not cue or _still_to_come(sentence[0] + cue.start(), sentence[0] + cue.end(), lexicon,
                                                     self.analysis):
                continue  # "will hand over the chair to Nepal next year": no handover yet
            holders = self.holders_in(*sentence)
            first = sentence[0] + min(noun.start(), cue.start())
            after = [h for h in holders if h.start >= min(noun.end(), cue.end()) + sentence[0]]
            source = next((h for h in after if re.search(lexicon.handover_from, text[max(0, h.start - 6):h.start],
                                                         re.I)), None)
            to: Actor | None
            if verb is None:  # "Uzbekistan took over the chairmanship from Kyrgyzstan": the subject takes it
                subject = [h for h in holders if h.end <= first]
                if not subject or source is None:
                    continue
                to = subject[-1]
            else:
                to = next((h for h in after if re.search(lexicon.handover_to, text[max(0, h.start - 6):h.start],
                                                         re.I)), None)
            if to is None and after and analysis_is_ru(self.analysis):
                to = next((h for h in after if h is not source), None)
            if to is None:
                continue
            if source is None:
                before = [h for h in holders if h.end <= first]
                source = before[-1] if before else None
            position = "co-chair" if re.search(r"co-?chair|сопредседател", noun.group(), re.I) else "chair"
            fields: dict = {"position": position}
            if source is not None and source.entity != to.entity:
                fields["from"] = source.entity
            fields["to"] = to.entity
            note = None
            if self.main:
                fields["at_event"] = self.main
                if not self.at_meeting(*sentence):
                    note = "The text reports the handover in its account of the meeting; check that it was made there."
            day = self._day_of(sentence, self.clause_of(sentence, sentence[0] + cue.start()))
            if day is not None:
                fields["on"] = day.date.isoformat()
            start = _sentence_start(text, sentence)
            process = self.process_of(sentence)
            if process is None:
                continue
            same = [h for h in found.process(process).handovers
                    if h.fields["to"] == to.entity and h.fields["position"] == position]
            if same and ("from" in same[0].fields or "from" not in fields):
                continue
            for old in same:
                found.process(process).handovers.remove(old)
            found.process(process).handovers.append(
                Drafted(fields, [(start, max(to.end, source.end if source else 0))]
                        + ([(day.start, day.end)] if day is not None else []),
                        "a position noun and a passing verb; the holders after «from»/«to»" if verb else
                        "a position noun and a verb of taking it; its subject the next holder, the previous after "
                        "«from»", 0.75, note))
            found.busy.append(sentence)
            term = self._term_of_next(to, position, sentence)
            if term:
                found.process(process).positions.append(term)

    def _day_of(self, sentence: tuple[int, int], clause: tuple[int, int]) -> RelativeDate | None:
        """The day a handover was made: a day word in the clause of its verb ("Kenya on Tuesday took over the
        chairmanship"; not "Opening the meeting on Tuesday, X said that …"), or in the next sentence where that one
        says an act took place and names no one («Церемония состоялась в четверг»)."""
        inside = [r for r in self.relative if clause[0] <= r.start < clause[1]]
        if inside:
            return inside[0]
        later = next((s for s in self.sentences if s[0] >= sentence[1]), None)
        if later is None or self.holders_in(*later) or not self.lexicon.held \
                or not re.search(self.lexicon.held, self.text[later[0]:later[1]], re.I):
            return None
        return next((r for r in self.relative if later[0] <= r.start < later[1]), None)

    def _term_of_next(self, to: Actor, position: str, sentence: tuple[int, int]) -> Drafted | None:
        """«… перешло … к Шри-Ланке, которая будет возглавлять его в 2025–2027 годах»: the new holder's term, from
        a relative clause right after it with a verb of holding and a timing (when no position cue says it)."""
        text = self.text
        clause = next((c for c in self.clauses(sentence) if c[0] >= to.end), None)
        if clause is None or not re.match(self.cues.relative, text[clause[0]:clause[1]], re.I):
            return None
        words = text[clause[0]:clause[1]]
        if not re.search(self.cues.holding_verb, words, re.I) or \
                any(re.search(pattern, words, re.I) for _, pattern in self.lexicon.positions):
            return None
        timing = self.timing_in(*clause)
        if timing is None or timing[0].kind not in ("from", "to", "range"):
            return None
        fields: dict = {"position": position, "holder": to.entity}
        self.timed(fields, timing)
        return Drafted(fields, [(to.start, max(timing[1][1], to.end))],
                       "the new holder of a handover, and its term in the relative clause after it", 0.7)

    # ------------------------------------------------------------------ positions

    def positions(self, found: Governance) -> None:
        lexicon, text = self.lexicon, self.text
        for sentence in self.sentences:
            words = text[sentence[0]:sentence[1]]
            verb = re.search(lexicon.handover_verb, words, re.I)
            # the position noun nearest the passing verb is the one handed over («Кыргызстан, председательствовавший
            # с мая 2025 года, передал председательство»: not the participle, which is a chair of its own)
            handover = min(re.finditer(lexicon.handover_noun, words, re.I),
                           key=lambda noun: abs(noun.start() - verb.start()), default=None) if verb else None
            taken: list[tuple[int, int]] = [(sentence[0] + handover.start(), sentence[0] + handover.end())] \
                if handover else []
            for position, pattern in lexicon.positions:
                for cue in re.finditer(pattern, words, re.I):
                    start, end = sentence[0] + cue.start(), sentence[0] + cue.end()
                    if any(s < end and start < e for s, e in taken) or self.in_quote(start) \
                            or any(s <= start < e for s, e in self.titles):
                        continue
                    if re.search(self.cues.person_relative, text[sentence[0]:start], re.I):
                        # "..., who chaired the meeting": a person chairs a meeting, not a process
                        self._person_chair(found, start, end, sentence)
                        continue
                    if re.search(REFERRING_BEFORE, text[max(sentence[0], start - 30):start], re.I):
                        continue  # "on behalf of the outgoing chair": a holder named elsewhere, referred to
                    if re.search(OTHER_BODY_BEFORE, text[max(sentence[0], start - 80):start], re.I):
                        continue  # "the working group on trafficking, chaired by Thailand": a position in that body
                    taken.append((start, end))
                    held = "co-chair" if position == "chair" and re.search(self.cues.jointly, text[sentence[0]:start],
                                                                            re.I) else position
                    # "Indonesia and Australia jointly chaired the meeting": co-chairs
                    fact = self._position(held, start, end, sentence, handover is not None)
                    meeting = self._meeting_chaired(start, end, sentence) if fact and handover is None else None
                    if fact and meeting is not None:  # "The meeting was chaired by X": the meeting's chair
                        found.roles += [(meeting, Drafted({"role": "meeting-chair", "agent": f.fields["holder"]},
                                                           f.spans, f"cue «{text[start:end]}» about the meeting, not "
                                                           "the process, and who chaired it", 0.65)) for f in fact]
                        found.busy.append(sentence)
                        continue
                    if fact:
                        process = self.process_of(sentence)
                        if process:
                            for drafted in fact:
                                found.process(process).positions.append(drafted)
                            clause = self.clause_of(sentence, start)
                            # "…, as well as ICMPD, which provides the secretariat of the process": only the
                            # relative clause states a position; those the sentence says took part still did
                            relative = re.match(self.cues.relative, text[clause[0]:clause[1]], re.I) and \
                                fact[0].spans[0][0] >= clause[0] - 120 and position == "secretariat-host"
                            found.busy.append(clause if relative else sentence)
                            if position == "secretariat-host":
                                found.secretariat.append((start, end))
        for drafted_process in found.processes.values():
            drafted_process.positions = _implied_left_out(drafted_process.positions)

    def _meeting_chaired(self, start: int, end: int, sentence: tuple[int, int]) -> str | None:
        """The meeting a chair cue is about, when its words are about chairing one meeting and not the process:
        a verb of chairing ("chaired", "co-chaired", "presided", «председательствовал», «под председательством»,
        not "chairs" nor "the chairmanship"), or a chair's noun with a meeting's right after it («Сопредседателем
        встречи выступила Италия», "the chair of the session"), with a meeting's noun as its object or subject in the clause ("the
        meeting was chaired jointly by X and Y", "X chaired the session", «Встреча прошла под председательством
        X») and no process, no timing of its own and no present tense ("is chaired by"); the meeting named in the
        sentence, else the release's."""
        text = self.text
        of_a_meeting = re.match(rf"\s+(?:of\s+(?:the|this)\s+)?(?:{self.lexicon.meeting_nouns})(?!\w)", text[end:end + 40],
                                re.I)  # «Сопредседателем встречи выступила Италия», "the chair of the session"
        if not re.fullmatch(self.cues.chaired_meeting, text[start:end], re.I) and not re.search(
                self.cues.chaired_meeting_before, text[max(sentence[0], start - 30):start], re.I) and not of_a_meeting:
            return None
        clause = self.clause_of(sentence, start)
        around = (sentence[0], min(sentence[1], end + 40))
        noun = re.search(rf"(?<![\w-])(?:{self.lexicon.meeting_nouns})(?!\w)|(?<!\w)(?:it|она|оно|он)(?!\w)",
                         text[around[0]:around[1]], re.I)
        if noun is None or any(around[0] <= p.start < around[1] and clause[0] <= p.start < clause[1]
                           for p in self.processes) or (self.lexicon.process_word and re.search(
                               self.lexicon.process_word, text[end:clause[1]], re.I)) \
                or self.timing_in(*clause) is not None \
                or re.search(self.cues.holding_now, text[clause[0]:clause[1]], re.I):
            return None
        named = [m for m in self.meetings for s, _ in m.mentions if sentence[0] <= s < sentence[1]]
        return named[0].event.id if named else self.main

    def _person_chair(self, found: Governance, start: int, end: int, sentence: tuple[int, int]) -> None:
        """"said Rashida Karim, Additional Secretary …, who chaired the meeting": the person before "who" chaired the
        meeting."""
        meeting = self._meeting_chaired(start, end, sentence)
        person = next(iter(reversed(self.actors.within(sentence[0], start, frozenset({"person"})))), None)
        if meeting is None or person is None or start - person.end > 150:
            return
        found.roles.append((meeting, Drafted({"role": "meeting-chair", "agent": person.entity},
                                              [(person.start, person.end), (start, end)],
                                              f"a person before «who {self.text[start:end]}» the meeting", 0.6)))

    def _position(self, position: str, start: int, end: int, sentence: tuple[int, int],
                  in_handover: bool) -> list[Drafted]:
        text, lexicon = self.text, self.lexicon
        clause = self.clause_of(sentence, start)
        if position == "secretariat-host" and not re.search(lexicon.secretariat, text[max(sentence[0], start - 50):
                                                                                     min(clause[1], end + 40)], re.I):
            return []  # "The meeting was hosted by X and organised by the Secretariat": X hosts the meeting
        before = [h for h in self.holders_in(sentence[0], start)]
        after_cue = text[end:clause[1]]
        # "served as the Secretariat of the Process": what follows «of» is the process, not the holder
        of_process = re.search(rf"(?:{lexicon.secretariat})$", text[start:end], re.I) is not None
        # "Türkiye and Kazakhstan, the co-chairs of the Budapest Process, …": the process follows, the holders precede
        of_named = re.match(r"\s*of\s+(?:the\s+)?", after_cue, re.I)
        of_process = of_process or (of_named is not None and any(p.start == end + of_named.end()
                                                                  for p in self.processes)) \
            or bool(lexicon.process_word and re.match(lexicon.process_word, after_cue, re.I))  # "vice-chair of the process"
        holder_after = (re.match(lexicon.holder_after, after_cue, re.I) and not of_process) or re.search(
            r"(?:under\s+the|под)\s+$", text[sentence[0]:start], re.I) or text[start:end].lower().endswith((" в", " in", " at"))
        holders: list[Actor]
        if holder_after or not before:
            following = self.holders_in(end, sentence[1])
            if not following or following[0].start - end > 60:
                return []
            holders = self.list_from(following[0], True, (end, sentence[1]))
            span_start, span_end = start, holders[-1].end
        else:
            plural = re.search(r"s\b|и\b|ей\b", text[start:end], re.I) or \
                re.search(self.cues.jointly, text[sentence[0]:start], re.I)
            holders = self.list_from(before[-1], False, (sentence[0], start)) if plural else [before[-1]]
            span_start, span_end = holders[0].start, end
        if holders and holders[0].start < start and start - holders[-1].end > 120:
            return []
        timing = self.timing_in(*clause)
        if timing is None and re.match(r"\s*а\s", text[clause[0] + 1:clause[1]]) and " – " in text[clause[0]:clause[1]]:
            previous = [c for c in self.clauses(sentence) if c[1] <= clause[0]]
            timing = self.timing_in(*previous[-1]) if previous else None
        if timing is None:
            timing = self._relative_timing(clause, sentence)
        fields_base: dict = {"position": position}
        note = None
        if timing is None and self.issued and re.search(self.cues.currently, text[clause[0]:end], re.I):
            fields_base["on"] = self.issued
            note = "«Currently»: read as on the date of issue."
        spans = [(span_start, span_end)]
        if timing:
            if timing[1][0] >= span_end:
                spans = [(span_start, timing[1][1])]
            elif timing[1][1] <= span_start:
                spans = [timing[1], (span_start, span_end)]
        # a term with a beginning of its own ("since January 2024", «с мая 2025 года»): not taken at the meeting
        period_of_its_own = timing is not None and timing[0].kind in ("from", "range")
        if self.main and not period_of_its_own and (in_handover or self.at_meeting(*clause)):
            fields_base["at_event"] = self.main
        elif self.main and timing is None and "on" not in fields_base and position in ("chair", "co-chair") \
                and not re.search(self.cues.holding_now, text[sentence[0]:sentence[1]], re.I):
            fields_base["at_event"] = self.main
            note = "No timing in the text; reported in its account of the meeting."
        drafted = []
        for holder in holders:
            fields = {"position": position, "holder": holder.entity}
            fields.update({k: v for k, v in fields_base.items() if k != "position"})
            self.timed(fields, timing)
            drafted.append(Drafted(fields, spans, f"cue «{text[start:end]}» and the holder "
                                   + ("after it" if holder_after or not before else "named before it"), 0.7, note))
        return drafted

    # ------------------------------------------------------------------ memberships

    def memberships(self, found: Governance) -> None:
        text = self.text
        for sentence in self.sentences:
            if self._counted_list(found, sentence):
                continue
            words = text[sentence[0]:sentence[1]]
            taken: list[tuple[int, int]] = []
            for status, pattern in self.lexicon.statuses:
                for cue in re.finditer(pattern, words, re.I):
                    start, end = sentence[0] + cue.start(), sentence[0] + cue.end()
                    if any(s < end and start < e for s, e in taken) or self.in_quote(start):
                        continue
                    taken.append((start, end))
                    process = self.process_of(sentence)
                    if process is None:
                        continue
                    if status == "member" and self._counted_members(found, process, sentence, start, end):
                        continue
                    listed = self._listed_after(end, sentence)
                    if listed:  # "together with the observer organizations of the Conference, among them IOM, …"
                        self._members_listed(found, process, status, (start, end), listed, sentence)
                        continue
                    if re.search(self.cues.status_of_others, text[sentence[0]:start], re.I):
                        # "officials from member states": others, unnamed, not the holders named before; "from the EU
                        # Member States": the body whose members they are takes no part by these words
                        found.busy += [(h.start, h.end) for h in self.holders_in(max(sentence[0], start - 12), start)]
                        continue
                    before = self.holders_in(sentence[0], start)
                    if status == "observer" and not before and self._observers_after(found, (start, end), sentence):
                        continue
                    if not before or len(_without_aside(text[before[-1].end:start])) > 80:
                        continue
                    if status == "member" and self._member_of_another_body(end, sentence):
                        continue  # «государств – членов ЕС», "member states of the EU": members of another body
                    if re.search(self.cues.asking, text[before[-1].end:start], re.I) or \
                            (status == "partner" and re.search(self.cues.qualified_partner, text[sentence[0]:start],
                                                               re.I)):
                        continue  # "Mongolia's request to join as an observer", "joined as a resource partner"
                    clause = self.clause_of(sentence, start)
                    plural = re.search(r"s\b|ы\b|и\b|ей\b", text[start:end]) is not None or \
                        re.match(r"\s+(?:countries|governments|organi[sz]ations)\b", text[end:sentence[1]]) is not None
                    holders = self.list_from(before[-1], False, (sentence[0], start)) if plural else [before[-1]]
                    if plural and len(holders) == 1 and not re.search(STATUS_LINK, text[holders[0].end:start], re.I):
                        # "the EU Member States": no participant "the EU" either (the others listed in the sentence
                        # still take part: "Experts from Armenia, …, as well as from several EU Member States")
                        found.busy.append((holders[0].start, holders[0].end))
                        continue  # "DENPASAR, Indonesia … Bali Process member countries": one holder, a plural noun
                    timing = self.timing_in(*clause) or self._joined_on(clause)
                    same_clause = holders[0].start >= clause[0]
                    span_end = max(end, timing[1][1]) if timing else end
                    at = self.at_meeting(holders[-1].start if same_clause else clause[0], clause[1]) or \
                        self._joined_at_meeting(holders[-1].start if same_clause else clause[0], clause[1], timing) or \
                        (status == "invited-guest" and timing is None)  # a guest is invited to a meeting: the one reported
                    if status == "observer" and timing is None and self._observing(holders, start, clause):
                        for holder in holders:  # "Japan attended as an observer": an observer of the meeting
                            found.roles.append((self.main, Drafted(  # type: ignore[arg-type]
                                {"role": "event-observer", "agent": holder.entity},
                                [(holder.start, max(end, _clause_end(text, clause)))] if len(holders) == 1 else
                                [(holder.start, holder.end), (start, end)],
                                f"status «{text[start:end]}» of who attended the meeting, not of a member of the "
                                "process", 0.65)))
                        found.busy.append(sentence)
                        continue
                    for holder in holders:
                        fields: dict = {"status": status, "agent": holder.entity}
                        if at:
                            fields["at_event"] = self.main
                            span_end = max(span_end, _clause_end(text, clause))
                        self.timed(fields, timing)
                        spans = [(holder.start, span_end)] if len(holders) == 1 else \
                            [(holder.start, holder.end), (start, end)]
                        found.process(process).memberships.append(
                            Drafted(fields, spans, f"status «{text[start:end]}» after the holder", 0.7))
                    found.busy.append(sentence)

    def _count(self, words: str, start: int, end: int) -> int | None:
        """The number a count's words say ("11", "eleven", «двенадцати»): digits as they are, else the number of the
        token of those words between ``start`` and ``end``."""
        if words.isdigit():
            return int(words)
        return next((n for token in self.analysis.tokens_in(start, end) if token.text.lower() == words
                     for n in [number_of(token, self.analysis.language)] if n), None)

    def _counted_list(self, found: Governance, sentence: tuple[int, int]) -> bool:
        """"Senior officials from 11 member states - A, B, … and K - are attending the meeting", «В состав процесса
        входят 12 государств: А, Б, …»: a count of members, then a dash or a colon and a list of as many states; each
        is a member of the process the sentence names (else the text's), attested at the meeting reported where the
        sentence says they take part in it; there the states stay participants of it too (the sentence states both)."""
        text = self.text
        for first in (h for h in self.holders_in(*sentence) if h.type == "state"):
            counted = re.search(self.cues.counted_list, text[sentence[0]:first.start], re.I)
            if counted is None:
                continue
            start, end = sentence[0] + counted.start(), sentence[0] + counted.end()
            if self.holders_in(start, end) or not re.search(self.cues.membership_words,
                                                            text[max(sentence[0], start - 40):end], re.I):
                return False
            words = counted.group("number").lower()
            number = self._count(words, start, start + len(words))
            listed = self.list_from(first, True, (first.start, sentence[1]))
            process = self.process_of(sentence)
            if process is None or not _as_many(listed, number):
                return False
            taking_part = re.search(self.cues.taking_part, text[sentence[0]:sentence[1]], re.I) is not None
            at = self.main is not None and (self.at_meeting(*sentence) or taking_part)
            cue = (sentence[0] + counted.start("number"), sentence[0] + len(counted.group().rstrip(" :–—-")) + counted.start())
            for holder in listed:
                fields: dict = {"status": "member", "agent": holder.entity}
                if at:
                    fields["at_event"] = self.main
                found.process(process).memberships.append(
                    Drafted(fields, [cue, (holder.start, holder.end)], "members counted, then listed after a dash or "
                            "a colon, as many as the count", 0.65))
            if not taking_part:  # "delegations of nine member states took part: …": members, and participants too
                found.busy.append(sentence)
                found.roles += self._all_of_them_took_part(listed, sentence)
            return True
        return False

    def _all_of_them_took_part(self, listed: list[Actor], sentence: tuple[int, int]) -> list[tuple[str, Drafted]]:
        """"… is made up of eleven Member Countries: A, B, … K. All of them took part in this year's meeting": a next
        sentence whose subject takes up the whole list («Все они приняли участие …») and says they took part makes
        each listed state a participant of the meeting reported."""
        text = self.text
        if self.main is None or sentence[1] >= len(text):
            return []
        following = self.analysis.sentence_of(sentence[1] + 1)
        words = text[following[0]:following[1]]
        subject = re.search(self.cues.all_of_them, words, re.I)
        verb = re.search(self.cues.taking_part, words[subject.end():subject.end() + 40], re.I) if subject else None
        if following == sentence or subject is None or verb is None:
            return []
        said = (following[0] + subject.start(), following[0] + subject.end() + verb.end())
        return [(self.main, Drafted({"role": "participant", "agent": holder.entity}, [(holder.start, holder.end), said],
                                    "a state listed in the sentence before, which the subject «" +
                                    text[slice(*said)].strip() + "» takes up", 0.6)) for holder in listed]

    def _observers_after(self, found: Governance, status: tuple[int, int], sentence: tuple[int, int]) -> bool:
        """«В качестве наблюдателя на встрече присутствовала делегация Узбекистана», "As observers, Japan and Korea
        attended": the status first, then a verb of attending and the holders after it, no process named in the
        sentence; each is an observer of the meeting reported (``event-observer``)."""
        text = self.text
        verb = re.search(self.cues.attending_as, text[status[1]:sentence[1]], re.I)
        if verb is None or self.main is None or any(sentence[0] <= p.start < sentence[1] for p in self.processes) \
                or re.search(self.cues.joining, text[status[1]:status[1] + verb.start()], re.I):
            return False
        after = self.holders_in(status[1], sentence[1])
        if not after:
            return False
        holders = self.list_from(after[0], True, (after[0].start, sentence[1]))
        for holder in holders:
            found.roles.append((self.main, Drafted({"role": "event-observer", "agent": holder.entity},
                                                   [(status[0], holder.end)], f"status «{text[slice(*status)]}» "
                                                   "before a verb of attending and who attended", 0.6)))
        found.busy.append(sentence)
        return True

    def _observing(self, holders: list[Actor], start: int, clause: tuple[int, int]) -> bool:
        """"Japan and Malaysia attended as observers", «участвовали во встрече в качестве наблюдателей»: a verb of
        attending between the holders and the status, no verb of joining, and no process named in the clause (an
        observer of the process is a membership status)."""
        between = self.text[holders[-1].end:start]
        return re.search(self.cues.attending_as, between, re.I) is not None \
            and not re.search(self.cues.joining, between, re.I) \
            and not any(clause[0] <= p.start < clause[1] for p in self.processes) \
            and not (self.lexicon.process_word and re.search(self.lexicon.process_word, self.text[start:clause[1]],
                                                             re.I))

    def _listed_after(self, end: int, sentence: tuple[int, int]) -> list[Actor]:
        """"the Member States of the Dialogue, among them A, B and C", «государства-члены процесса, в том числе A и
        B»: the holders listed after the status (and the process, named or as «the process»), by a word that lists."""
        text = self.text
        noun = re.match(r"\s+(?:organi[sz]ations|countries|states|governments|организаци\w*|стран\w*|государств\w*)"
                        r"(?!\w)", text[end:sentence[1]], re.I)  # "the observer organizations of the Conference"
        end += noun.end() if noun else 0
        process = re.match(self.lexicon.process_word, text[end:sentence[1]], re.I) if self.lexicon.process_word \
            else None
        if process is None and noun:
            process = re.match(r"\s+of\s+the\s+(?:[A-Z][\w'’-]*\s*){1,3}", text[end:sentence[1]])
        after = end + process.end() if process else next(
            (p.end for p in self.processes if p.start >= end and re.fullmatch(r"\s+(?:of\s+(?:the\s+)?)?",
                                                                               text[end:p.start], re.I)), end)
        first = next((h for h in self.holders_in(after, sentence[1])), None)
        if first is None or not re.search(self.cues.listed_after, text[after:first.start], re.I):
            return []
        listed = self.list_from(first, True, (first.start, sentence[1]))
        while True:  # "A and B as countries of origin, and C and D as countries of destination": lists in groups
            nxt = next((h for h in self.holders_in(listed[-1].end, sentence[1])), None)
            if nxt is None or not re.fullmatch(GROUPS_GAP, text[listed[-1].end:nxt.start], re.I) \
                    or nxt.entity in {h.entity for h in listed}:
                return listed
            listed += self.list_from(nxt, True, (nxt.start, sentence[1]))

    def _members_listed(self, found: Governance, process: str, status: str, cue: tuple[int, int],
                        holders: list[Actor], sentence: tuple[int, int]) -> None:
        """Memberships of the holders listed after their status; at the meeting reported where the sentence says
        they took part ("The meeting brought together the delegations of the Member States, among them …")."""
        text = self.text
        at = self.at_meeting(*sentence) or (self.main is not None and re.search(
            self.cues.taking_part, text[sentence[0]:cue[0]], re.I) is not None)
        observing = status == "observer" and at and self.main is not None
        for holder in holders:
            fields: dict = {"status": status, "agent": holder.entity}
            if at and not observing:
                fields["at_event"] = self.main
            found.process(process).memberships.append(
                Drafted(fields, [cue, (holder.start, holder.end)], f"status «{text[cue[0]:cue[1]]}» and the holders "
                        "listed after it", 0.65))
            if observing:
                # "All of them took part …, together with the observer organizations of the Conference, among them
                # IOM, UNHCR and the ICRC": observers of the process (their status, with no timing) who attended this
                # meeting as such (the meeting's event-observer)
                found.roles.append((self.main, Drafted({"role": "event-observer", "agent": holder.entity},  # type: ignore[arg-type]
                                                       [cue, (holder.start, holder.end)], "observers of the process "
                                                       "listed in a sentence that says they took part", 0.6)))

    def _member_of_another_body(self, end: int, sentence: tuple[int, int]) -> bool:
        """«государств – членов ЕС», "member states of the EU": a name right after the status that is not the
        process's."""
        name = re.match(r"\s*(?:of\s+(?:the\s+)?)?(?=[A-ZА-ЯЁ])", self.text[end:sentence[1]])
        if self.lexicon.process_word and re.match(self.lexicon.process_word, self.text[end:sentence[1]], re.I):
            return False  # "members of the Process": the process the text is about
        return name is not None and not any(p.start == end + name.end() for p in self.processes)

    def _joined_on(self, clause: tuple[int, int]) -> tuple[Timing, tuple[int, int]] | None:
        """"which joined the process as a full member in 2020", «стал членом процесса в 2019 году»: a status taken
        on a date begins then (its period from that date)."""
        if not re.search(self.cues.joining, self.text[clause[0]:clause[1]], re.I):
            return None
        dated = next((t for t in timings(self.text[clause[0]:clause[1]], self.analysis.language, self.year)
                      if t.kind == "date" and t.start_value), None)
        return None if dated is None else (Timing(dated.start, dated.end, "from", dated.start_value, None),
                                           (clause[0] + dated.start, clause[0] + dated.end))

    def _joined_at_meeting(self, start: int, end: int, timing: object) -> bool:
        """"Malaysia joined as an observer", with no timing and no process named: it joined the meeting reported."""
        return self.main is not None and timing is None and \
            re.search(self.cues.joining, self.text[start:end], re.I) is not None and \
            not any(start <= p.start < end for p in self.processes)

    def _counted_members(self, found: Governance, process: str, sentence: tuple[int, int], start: int,
                         end: int) -> bool:
        """"Officials of seven Colombo Process Member States met …. Delegates from Bangladesh, India, … and Viet Nam
        took part.": the states the first list after it names (in the next three sentences) are the members
        counted, when their number is the count."""
        text = self.text
        counted = re.search(self.cues.counted_members, text[max(sentence[0], start - 60):end])
        if not counted or self.holders_in(sentence[0], start):
            return False
        number = self._count(counted.group("number").lower(), start - 60, start)
        if not number:
            return False
        lists = [self.list_from(states[0], True, later) for later in
                 [s for s in self.sentences if s[0] >= sentence[1]][:LOOK_AHEAD]
                 for states in [[h for h in self.holders_in(*later) if h.type == "state"]] if len(states) > 1]
        listed = lists[0] if lists else []
        if not _as_many(listed, number):
            return False
        for holder in listed:
            found.process(process).memberships.append(
                Drafted({"status": "member", "agent": holder.entity}, [(start, end), (holder.start, holder.end)],
                        "member states counted, and as many states listed after", 0.6,
                        "The states listed after are taken for the member states the text counts."))
        return True

    def partners_by_support(self, found: Governance) -> None:
        """"IOM, which provides technical support to the Colombo Process", «Техническую поддержку Коломбскому
        процессу оказывает МОМ»: an organisation that supports the process is its partner (in the present tense,
        as the text says it; no timing)."""
        text = self.text
        for sentence in self.sentences:
            for process in [p for p in self.processes if sentence[0] <= p.start < sentence[1]]:
                if not re.search(self.cues.support, text[max(sentence[0], process.start - 120):process.start], re.I):
                    continue
                organisations = [h for h in self.holders_in(*sentence) if h.type == "intergovernmental-organization"
                                 and not (process.start <= h.start < process.end)]
                if not organisations:
                    continue
                holder = min(organisations, key=lambda h: abs(h.start - process.start))
                memberships = found.process(process.entity).memberships
                if any(m.fields["agent"] == holder.entity for m in memberships):
                    continue
                memberships.append(Drafted({"status": "partner", "agent": holder.entity},
                                           [(min(holder.start, process.start), max(holder.end, process.end))],
                                           "an organisation that gives the process support", 0.6))

    # ------------------------------------------------------------------ documents and adoptions

    def documents(self, found: Governance, registry: Registry) -> None:
        text, lexicon = self.text, self.lexicon
        seen: dict[str, DraftDocument] = {}
        for sentence in self.sentences:
            words = text[sentence[0]:sentence[1]]
            kinds = [(kind, pattern, False) for kind, pattern in lexicon.document_kinds] + \
                [(kind, pattern, True) for kind, pattern in lexicon.named_document_kinds]
            for kind, pattern, nearest in kinds:
                for cue in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)" if nearest else pattern, words, re.I):
                    start, end = sentence[0] + cue.start(), sentence[0] + cue.end()
                    if self.in_quote(start) and not re.search(r"[«\"“]\s*$", text[sentence[0]:start]):
                        continue
                    name_start = self._name_start(start, sentence)
                    name_end = self._name_end(end, sentence)
                    name = text[name_start:name_end]
                    first_word = name_start == _sentence_start(text, sentence)
                    capitals = re.findall(r"\b[A-ZА-ЯЁ]", name[1:] if first_word else name)
                    if nearest and not re.match(r"[A-ZА-ЯЁ]", text[start:end]) and not re.search(
                            r"(?<![.!?]\s)\b[A-ZА-ЯЁ][\w'’-]*\s+$", text[max(sentence[0], start - 40):start]):
                        continue  # "the Jakarta Recommendations", «Ашхабадские рекомендации»: capitalised, or after
                        # a capitalised word; not "recommendations for the Bali Process Senior Officials' Meeting"
                    if not capitals:
                        if nearest or not self._acted_on(sentence, start):
                            continue  # "recommendations", «выводы»: a document only as a proper name
                        # "signed a joint statement on …", «подписали совместное заявление о …»: a document not
                        # named as a proper name, but the object of an action; its name runs to its subject's end
                        name_start = self._modifiers_after_action(sentence, start) or start
                        name_end = self._name_end(end, sentence, lowercase=True)
                    identifier = self._document_id(kind, name_start, name_end, registry)
                    earlier = [key for key, d in seen.items() if d.kind.fields["kind"] == kind]
                    if (name_start, name_end) == (start, end) and earlier:
                        identifier = earlier[-1]  # "the Addis Ababa Action Plan …. The Action Plan was adopted
                        # by …": the class alone names again the document of that class named before
                    document = seen.get(identifier)
                    if document is None:
                        document = DraftDocument(identifier, Drafted(
                            {"kind": kind}, [(start, end)], "a kind of document the ontology lacks, named as a proper "
                            "name: the nearest document class" if nearest else "a phrasing of the document class",
                            0.6 if nearest else 0.8, f"«{text[start:end]}» is no document class of the ontology; the "
                            "nearest outcome document class is used." if nearest else None),
                                                 Drafted({}, [(name_start, name_end)], "the document's name: the "
                                                         "capitalised words before its class and its subject after",
                                                         0.6))
                        seen[identifier] = document
                        found.documents.append(document)
                    adoption = self._adoption(sentence, name_start, name_end)
                    if not capitals and adoption and adoption.fields.get("parties") and \
                            document.id == identifier and len(document.adoptions) == 0:
                        # an unnamed document is known by who signed it: 2025-kaz-uzb-joint-statement
                        document.id = "-".join([*([self.year] if self.year else []),
                                                *(slug(p) for p in adoption.fields["parties"]), kind])
                    if adoption and not any(a.fields["action"] == adoption.fields["action"]
                                            for a in document.adoptions):
                        document.adoptions.append(adoption)
                        found.busy.append(sentence)
                        found.adopting.append(sentence)

    def _acted_on(self, sentence: tuple[int, int], start: int) -> bool:
        """The document class right after an action verb ("signed a joint statement", «подписали совместное
        заявление»)."""
        return self._modifiers_after_action(sentence, start) is not None

    def _modifiers_after_action(self, sentence: tuple[int, int], start: int) -> int | None:
        """Where the words between an action verb and the document class begin: an article and up to two
        modifiers ("adopted a joint communiqué", «приняли совместное коммюнике», «одобрили новый план действий»);
        None when no action verb comes right before the class."""
        before = self.text[sentence[0]:start]
        for _, pattern in self.lexicon.actions:
            # «приняли декларацию и план действий», "adopted the declaration and a two-year action plan": the class
            # after «и»/"and" that follows the acted-on words is acted on too
            match = re.search(rf"(?:{pattern})\s+(?:[^.;:!?]{{1,80}}?\s(?:and|и)\s+)?(?:(?:a|an|the)\s+)?"
                              rf"((?:{MODIFIER}\s+){{0,2}})$", before, re.I)
            if match:
                return sentence[0] + match.start(1)
        return None

    def _name_start(self, start: int, sentence: tuple[int, int]) -> int:
        text = self.text
        begin = start
        while True:
            match = re.search(r"([A-ZА-ЯЁ][\w'’-]*)\s+$", text[max(sentence[0], begin - 40):begin])
            if not match or match.group(1) in ("The", "A", "An"):
                return begin
            candidate = max(sentence[0], begin - 40) + match.start(1)
            if self.analysis.language == "ru" and not re.search(r"(?:ую|ая|ой|ий|ый|ое|ые|ых|ого)$",
                                                                match.group(1)):
                return begin
            begin = candidate

    def _name_end(self, end: int, sentence: tuple[int, int], lowercase: bool = False) -> int:
        text, lexicon = self.text, self.lexicon
        last = end
        years = re.match(r"\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\b", text[end:sentence[1]])
        if years and self.analysis.language == "en":  # "the ADD Action Plan 2024-2025"
            last = end + years.end()
        process = next((p for p in self.processes if p.start >= end and re.fullmatch(r"\s+(?:of\s+(?:the\s+)?)?",
                                                                                      text[end:p.start], re.I)), None)
        if process:
            last = process.end
        tail = re.match(rf"\s+(?:{lexicon.name_tail})\s+", text[last:sentence[1]], re.I)
        if not tail:
            return last
        stop = last
        for token in self.analysis.tokens_in(last + tail.end(), sentence[1]):
            if not re.fullmatch(r"[\w'’–-]+", token.text):
                break
            if self.analysis.language == "en" and lowercase:
                if token.text.lower() in lexicon.name_stop - {"in", "and", "to"}:
                    break
            elif self.analysis.language == "en":
                if not (token.text[:1].isupper() or token.text[:1].isdigit() or token.text.lower() in
                        ("and", "of", "on", "the", "in", "for", "to")):
                    break
            elif token.pos in ("VERB", "AUX") and not (lowercase and re.search(PARTICIPLE, token.text)):
                break
            stop = token.end
        words = text[last:stop]
        trimmed = re.sub(r"(?:\s+(?:and|of|the|on|for|in|to|и|в|на|по))+$", "", words, flags=re.I)
        return last + len(trimmed) if stop > last + tail.end() else last

    def _document_id(self, kind: str, start: int, end: int, registry: Registry) -> str:
        text = self.text
        years = re.findall(r"\b(?:19|20)\d{2}\b", text[start:end])
        process = next((p for p in self.processes if start <= p.start and p.end <= end), None)
        if self.analysis.language == "en":
            head = re.match(r".*?\b(?:declaration|plan|communiqu[eé]|statement)\b", text[start:end], re.I | re.S)
            base = slug(head.group() if head else text[start:end], 50)
        elif process:
            base = f"{process.entity}-{kind}"
        else:
            adjective = re.match(r"[А-ЯЁ]\w+", text[start:end])
            city = _city_of_adjective(adjective.group(), registry) if adjective else None
            base = f"{city}-{kind}" if city else slug(text[start:end], 50)
        return "-".join([base, *years]) if years and not base.endswith(years[-1]) else base

    def _adoption(self, sentence: tuple[int, int], name_start: int, name_end: int) -> Drafted | None:
        if self.main is None:
            return None
        text, lexicon = self.text, self.lexicon
        verbs = [(action, sentence[0] + m.start(), sentence[0] + m.end()) for action, pattern in lexicon.actions
                 for m in re.finditer(pattern, text[sentence[0]:sentence[1]], re.I)]
        verbs = [v for v in verbs if not (name_start <= v[1] < name_end)]
        if not verbs:
            return None
        action, verb_start, verb_end = min(verbs, key=lambda v: (name_start - v[2]) if v[2] <= name_start
                                           else 1000 + v[1] - name_end)
        if _still_to_come(verb_start, verb_end, lexicon, self.analysis):
            return None  # "Ministers are expected to adopt the Declaration on Friday": not adopted yet
        if verb_end <= name_start and re.match(r"\W*(?:\w+\W+){0,3}?(?:draft|проект\w*)\b", text[verb_end:name_end],
                                               re.I):
            return None  # «одобрили проект Бакинской декларации»: approving a draft adopts nothing
        fields: dict = {"action": action, "at_event": self.main}
        subject = text[sentence[0]:min(verb_start, name_start)]
        adopters = rf"{lexicon.participants}|{DELEGATIONS}"
        group = re.search(adopters, subject, re.I)
        if group is None and name_start < verb_start:  # "The Action Plan was adopted by the delegations of ..."
            agent = re.match(rf"\s+(?:by\s+(?:the\s+)?)?(?:{adopters})", text[verb_end:sentence[1]], re.I)
            group = re.search(adopters, agent.group(), re.I) if agent else None
            offset = verb_end if group else sentence[0]
        else:
            offset = sentence[0]
        named = self._states_of_group(offset + group.start(), offset + group.end(), sentence) if group else []
        meeting = re.match(lexicon.meeting_subject, text[_sentence_start(text, sentence):sentence[1]], re.I)
        spans: list[tuple[int, int]]
        if named:  # «министры Азербайджана, Казахстана … приняли», «узбекская и чешская стороны подписали»
            fields["parties"] = list(dict.fromkeys(p.entity for p in named))
            begin = min(named[0].start, offset + group.start(), name_start, verb_start)  # type: ignore[union-attr]
            method = "an action verb with a group of the states it names as the subject"
            group = None
        elif group:
            fields["party_groups"] = [{"group": "participants", "of": self.main}]
            begin = sentence[0] + group.start()
            method = "an action verb with «the participants» as the subject"
        elif meeting and verb_start < name_start:
            fields["party_groups"] = [{"group": "meeting", "of": self.main}]
            begin = _sentence_start(text, sentence)
            method = "an action verb with the meeting as the subject"
        else:
            pool = [h for h in self.holders_in(*sentence) if not (name_start <= h.start < name_end)]
            near = [h for h in pool if h.start >= verb_end and h.start - verb_end < 10] or \
                   [h for h in pool if h.end <= verb_start and verb_start - h.end < 10]
            if not near:
                return None
            forward = near[0].start >= verb_end
            parties = self.list_from(near[0], forward, sentence)
            fields["parties"] = list(dict.fromkeys(p.entity for p in parties))
            begin = min(parties[0].start, name_start, verb_start)
            method = "an action verb and the parties listed next to it"
        end = max(name_end if verb_start > name_start else min(name_end, _kind_end(text, name_start, name_end)),
                  verb_end, *(p_end for p_end in [self._parties_end(fields, sentence)] if p_end))
        if begin < name_start and verb_start < name_start and begin < verb_start and group and \
                text[begin:verb_start].count(" ") > 6:
            spans = [(begin, sentence[0] + group.end()), (verb_start, end)]
        else:
            spans = [(begin, end)]
        note = None if self.at_meeting(*sentence) else \
            "The text reports it in its account of the meeting; check that it was done there."
        return Drafted(fields, spans, method, 0.7, note)

    def _states_of_group(self, start: int, end: int, sentence: tuple[int, int]) -> list[Actor]:
        """The states a group of participants names: listed right after it ("the delegations of Djibouti, Ethiopia
        ... together with France", «министры Азербайджана, Казахстана …»: the genitive) or by their adjectives right
        before it («узбекская и чешская стороны»). None: the group stands for every participant."""
        states = [h for h in self.holders_in(*sentence) if h.type == "state"]
        after = [h for h in states if h.start >= end]
        if after and re.fullmatch(r"\s+(?:of\s+(?:the\s+)?)?", self.text[end:after[0].start], re.I):
            listed = self.list_from(after[0], True, sentence)
            more = next((h for h in after if h.start >= listed[-1].end), None)
            while more is not None and re.fullmatch(r"\s*,?\s*(?:together\s+with|as\s+well\s+as|along\s+with|"
                                                    r"а\s+также|вместе\s+с)\s+(?:the\s+)?",
                                                    self.text[listed[-1].end:more.start], re.I):
                listed += self.list_from(more, True, sentence)
                more = next((h for h in after if h.start >= listed[-1].end), None)
            return [h for h in listed if h.type == "state"]
        before = [h for h in states if h.end <= end and h.start < start]
        if before and "adjective" in before[-1].method and re.fullmatch(r"\s*", self.text[min(before[-1].end, start):
                                                                                        start]):
            listed = self.list_from(before[-1], False, sentence)
            if all("adjective" in h.method for h in listed):
                return listed
        return []

    def _parties_end(self, fields: dict, sentence: tuple[int, int]) -> int | None:
        parties = fields.get("parties")
        if not parties:
            return None
        ends = [h.end for h in self.holders_in(*sentence) if h.entity == parties[-1]]
        return ends[-1] if ends else None

    # ------------------------------------------------------------------ purposes and group speakers

    def purposes(self, terms: list[Mention]) -> None:
        text = self.text
        for sentence in self.sentences:
            for cue in re.finditer(self.lexicon.purpose, text[sentence[0]:sentence[1]], re.I):
                start = sentence[0] + cue.start() + len(cue.group()) - len(cue.group().lstrip())
                if self.in_quote(start) or re.search(rf"(?:{self.lexicon.agreeing_only})\s*$", text[sentence[0]:start],
                                                     re.I):
                    continue  # "the participants agreed to prepare ...": an outcome, not what the meeting was for
                end = _clause_end(text, (start, sentence[1]), sentence_end=True)
                said = re.search(self.lexicon.reporting_tail, text[start:end], re.I) if self.lexicon.reporting_tail \
                    else None
                end = start + said.start() if said else end  # «…, передает корреспондент агентства»: who reports it
                topics = topics_in(self.analysis, terms, start, end)
                topics += [t for t in self._process_work(start, end, bool(topics)) if t not in topics]
                meeting = self._meeting_before(start)
                if meeting is not None and self._they_met(meeting, sentence, start):
                    meeting = self.meetings[0]  # "... gathered in Astana on June 7 to take stock": the gathering's
                if not topics or meeting is None:
                    continue
                meeting.event.purposes.append(Drafted({"topics": topics}, [(start, end)],
                                                      "a purpose cue and the topics of the vocabulary in its words",
                                                      0.6))
                break
        for meeting in self.meetings:
            self._purpose_in_name(meeting, terms)

    def _purpose_in_name(self, meeting: Meeting, terms: list[Mention]) -> None:
        """"a thematic session on the protection of domestic workers", «встреча … по вопросам возвращения и
        реинтеграции»: the subject a meeting's name gives after its preposition is what the meeting is for
        (the topics of the vocabulary in those words), unless a purpose the text states already has them. Only for
        meetings held on a theme (thematic and expert meetings): a conference's title («Министерская конференция …
        по защите беженцев …») is its name; and not after a standing body («рабочей группы … по …», "working group
        on ..."): that is the body's remit."""
        name = meeting.event.name
        if meeting.kind not in THEMED_KINDS or name is None or not name.spans or not self.lexicon.name_subject:
            return
        start, end = name.spans[0]
        subject = re.search(self.lexicon.name_subject, self.text[start:end], re.I)
        if subject is None:
            return
        begin = start + subject.start()
        if self.lexicon.standing_body and re.search(self.lexicon.standing_body, self.text[start:begin], re.I):
            return  # «заседание рабочей группы … по противодействию торговле людьми»: the group's remit, not this
                    # meeting's purpose
        topics = topics_in(self.analysis, terms, begin, end)
        known = {t for p in meeting.event.purposes for t in p.fields["topics"]}
        if topics and not set(topics) <= known:
            meeting.event.purposes.append(Drafted(
                {"topics": topics}, [(begin, end)], "the subject in the meeting's name and the topics of the "
                "vocabulary in its words", 0.6, "The purpose is read from the meeting's name."))

    def _they_met(self, meeting: Meeting, sentence: tuple[int, int], start: int) -> bool:
        """Whether the words between the meeting last named (or the sentence's start) and ``start`` say that they met:
        then a purpose is the release's own meeting's ("A decade after the 2013 conference, officials gathered in
        Astana to take stock")."""
        if not self.lexicon.met:
            return False
        named = [s for s, _ in meeting.mentions if s <= start]
        begin = max([sentence[0], *named])
        return re.search(self.lexicon.met, self.text[begin:start], re.I) is not None

    def _process_work(self, start: int, end: int, other_topics: bool) -> list[str]:
        """A purpose about the process's own work — its priorities, agenda, plans, its next meetings ("to prepare
        the agenda of the Eighth Ministerial Consultation") — is about the regional consultative process. Priorities
        of a subject the purpose names ("priorities for protecting migrants", «приоритетов сотрудничества в области
        законной миграции») are that subject's, not the process's."""
        words, lexicon = self.text[start:end], self.lexicon
        if not lexicon.process_work:
            return []
        work = [m.group() for m in re.finditer(lexicon.process_work, words, re.I)]
        if other_topics and work and all(re.match(PRIORITIES, w, re.I) for w in work):
            work = []
        if work or any(re.search(p, words, re.I) for _, p in lexicon.event_kinds):
            return ["regional-consultative-process"]
        return []

    def _meeting_before(self, offset: int) -> Meeting | None:
        named = [(s, m) for m in self.meetings for s, _ in m.mentions if s <= offset]
        if named:
            return max(named, key=lambda n: n[0])[1]
        return self.meetings[0] if self.meetings else None

    def _meeting_called(self, noun: str) -> str:
        """The meeting a bare noun refers to: «the conference» is the ministerial conference, else the main one."""
        for kind, pattern in self.lexicon.event_nouns:
            if kind and re.search(pattern, noun, re.I):
                return next((m.event.id for m in self.meetings if m.kind == kind), str(self.main))
        return str(self.main)

    def groupings(self, found: Governance, terms: list[Mention]) -> None:
        """"states of Central Asia and neighbouring countries", «государств Центральной Азии и сопредельных стран»:
        the release's own grouping of those taking part, with the M49 regions its words name; «государств – членов
        ЕС», "member states of the EU" among those taking part: a grouping that names no region."""
        if self.main is None:
            return
        text, cues = self.text, self.cues
        for sentence in self.sentences:
            if not self._about_taking_part(sentence):
                continue
            words = text[sentence[0]:sentence[1]]
            for match in re.finditer(cues.grouping, words):  # capitals matter: names of regions
                start, end = sentence[0] + match.start(), sentence[0] + match.end()
                regions = [t for t in terms if t.type == "region" and start <= t.start < end]
                if not regions and not re.search(cues.member_word, match.group(), re.I):
                    continue
                if not regions and any(p.start < end and start < p.end for p in self.processes):
                    continue  # "Bali Process member states": the process's own members, no grouping
                codes = list(dict.fromkeys(r.entity for r in regions))
                identifier = slug(match.group(), 50)
                if any(g.fields["id"] == identifier for g in found.groupings):
                    continue
                fields: dict = {"id": identifier, "about": self.main, "role": "participant"}
                if codes:
                    fields["regions"] = codes
                found.groupings.append(Drafted(fields, [(start, end)], "the text's own grouping of those taking "
                                               "part" + (", with the regions its words name" if codes else ""), 0.6))

    def _about_taking_part(self, sentence: tuple[int, int]) -> bool:
        words = self.text[sentence[0]:sentence[1]]
        return re.search(self.cues.taking_part, words, re.I) is not None or self.at_meeting(*sentence)

    def group_speakers(self, found: Governance, topics_of) -> None:
        """«The conference agreed ...»: a joint outcome of the meeting as a body."""
        if self.main is None:
            return
        text = self.text
        for sentence in self.sentences:
            start = _sentence_start(text, sentence)
            subject = re.match(self.lexicon.meeting_subject, text[start:sentence[1]], re.I)
            if not subject:
                continue
            verb = re.search(self.lexicon.agreeing, text[start + subject.end():start + subject.end() + 40], re.I)
            if not verb or re.search(r"\b(?:was|were|is|are|been|be)\s+$", text[start + subject.end():start + subject.end()
                                                                                   + verb.start()], re.I):
                continue  # "The meeting was called to prepare…": a passive, not the meeting speaking
            if sentence in found.adopting and not re.search(self.lexicon.agreeing_only, verb.group(), re.I):
                continue  # "The working group adopted the … Joint Statement": an adoption, drafted as such
            end = sentence[1]
            while end > start and text[end - 1] in ".!?; \n":
                end -= 1
            # "The conference called on member states to…": a call is what the meeting said, not what it agreed
            calling = re.match(r"(?:called|urged|призвал\w*)", verb.group(), re.I) is not None
            fields: dict = {"id": f"meeting-outcome-{len(found.statements) + 1}",
                            "kind": "reported-speech" if calling else "joint-outcome",
                            "speaker_groups": [{"group": "meeting", "of": self._meeting_called(subject.group())}],
                            "at_event": self.main}
            topics = topics_of(start, end)
            if topics:
                fields["topics"] = topics
            found.statements.append(Drafted(fields, [(start, end)], "the meeting as the subject of a calling verb"
                                            if calling else "the meeting as the subject of an agreeing verb", 0.7))


#: words before a position's noun that refer to its holder named elsewhere ("the outgoing chair", «новый председатель»)
REFERRING_BEFORE = r"(?<![\w-])(?:the\s+)?(?:outgoing|incoming|former|previous|new|next|уходящ\w+|бывш\w+|нов\w+|" \
                   r"следующ\w+|предыдущ\w+)\s+$"
#: a body of the process named right before ", chaired by": the position is in that body, not in the process
OTHER_BODY_BEFORE = r"(?<![\w-])(?:working\s+group|committee|task\s+force|рабоч\w+\s+групп\w*|комитет\w*)" \
                    r"(?:\s+(?:on|for|по)\s+[^,;.]{1,60})?,\s*$"


def _without_aside(words: str) -> str:
    """The words between a holder and its status without an aside between commas ("Turkmenistan, which had
    followed the process as an observer, was admitted as a full member"): how far the status really is."""
    return re.sub(r",[^,]*,", ",", words, count=1)


def _implied_left_out(positions: list[Drafted]) -> list[Drafted]:
    """One fact per position, holder and timing; a chair attested only at the meeting is left out when the text
    also gives the holder's term ("chaired by Kazakhstan, which has chaired the process since 2019"): the term
    says more, and the meeting lies in it as the text tells it."""
    timed = {(p.fields["position"], p.fields["holder"]) for p in positions if "on" in p.fields or "period" in p.fields}
    kept: list[Drafted] = []
    for fact in positions:
        key = (fact.fields["position"], fact.fields["holder"])
        if key in timed and "on" not in fact.fields and "period" not in fact.fields:
            continue
        if any(k.fields == fact.fields for k in kept):
            continue
        kept.append(fact)
    return kept


def topics_in(analysis: Analysis, terms: list[Mention], start: int, end: int) -> list[str]:
    """The topics of the vocabulary named in ``text[start:end]``, by their labels and the lexicon's phrasings."""
    found = [(t.start, t.entity) for t in terms if t.type == "topic" and start <= t.start and t.end <= end]
    for topic, pattern in DOMAIN_LEXICONS[analysis.language].topic_phrasings:
        found += [(start + m.start(), topic) for m in re.finditer(pattern, analysis.text[start:end], re.I)]
    return list(dict.fromkeys(entity for _, entity in sorted(found)))


def analysis_is_ru(analysis: Analysis) -> bool:
    return analysis.language == "ru"


def _sentence_start(text: str, sentence: tuple[int, int]) -> int:
    """A sentence's first word, after a dateline's dash when the sentence begins with the dateline."""
    words = text[sentence[0]:sentence[1]]
    dash = re.match(r"[^–—\n]{0,60}\d{4}(?:\s+года)?\s*[–—-]\s*", words)
    return sentence[0] + (dash.end() if dash else 0)


def _clause_end(text: str, clause: tuple[int, int], sentence_end: bool = False) -> int:
    end = clause[1]
    while end > clause[0] and text[end - 1] in ".,;!? \n":
        end -= 1
    return end


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


def find_governance(analysis: Analysis, actors: Actors, meetings: list[Meeting], terms: list[Mention],
                    body: tuple[int, int], quotes: list[tuple[int, int]], year: str | None,
                    registry: Registry, topics_of, titles: Sequence[tuple[int, int]] = (),
                    issued: str | None = None, relative: Sequence[RelativeDate] = ()) -> Governance:
    """Handovers, positions, memberships, documents, purposes and the meeting's own outcomes; ``titles`` are
    the spans of posts' titles (:func:`.posts.find_titles`), whose words («Председатель Комитета…») hold no
    position in a process; ``issued``, the date of issue, dates what holds "currently"; ``relative``, the day words
    resolved against it ("on Tuesday", «в четверг»), the day a handover was made."""
    reader = _Reader(analysis, actors, meetings, body, quotes, year, list(titles), issued)
    reader.relative = list(relative)
    found = Governance()
    reader.handovers(found)
    reader.positions(found)
    reader.memberships(found)
    reader.partners_by_support(found)
    reader.documents(found, registry)
    reader.purposes(terms)
    reader.groupings(found, terms)
    reader.group_speakers(found, topics_of)
    return found


def _still_to_come(start: int, end: int, lexicon: DomainLexicon, analysis: Analysis) -> bool:
    """"will hand over the chair", "are expected to adopt", «будет передано», «передаст», «планируется принять»: an
    act the verb at ``start``-``end`` names that the text announces, not one done."""
    if re.search(lexicon.to_come, analysis.text[max(0, start - 40):start], re.I):
        return True
    tokens = analysis.tokens_in(start, end)
    return bool(tokens) and tokens[0].feats.get("Tense") == "Fut"


def _as_many(listed: list[Actor], number: int | None) -> bool:
    """Whether a list names as many distinct actors as it was counted."""
    return bool(number) and len(listed) == number and len({h.entity for h in listed}) == number
