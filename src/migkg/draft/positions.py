"""Positions in a process and their handovers (a state's or an organisation's position: chair, co-chair,
vice-chair, secretariat host; a person's post is :mod:`.posts`), and the chairs of a meeting.

* **handovers**: a position noun and a passing verb in one sentence ("the chairmanship ... passed from
  Azerbaijan to Kazakhstan", «председательство ... перешло от Казахстана к Кыргызстану»): ``from`` the holder
  after "from"/«от», ``to`` the one after "to"/«к». A state that hands over the chair is not made a participant.
* **positions**: a cue ("chairs", «председательствует», "vice-chair", «заместителя председателя», "hosts" with
  "secretariat" nearby); the holder is the state or organisation named nearest before the cue, or the ones
  after it where the cue says so ("co-chaired by Türkiye and Hungary", «Председателем ... стал Казахстан»).
  Timing only as the clause gives it (:mod:`.governance_context`); a chair with no timing, reported in the account
  of a meeting, is attested at it.
"""
from __future__ import annotations

import re

from migkg.draft.actors import Actor
from migkg.draft.english import TITLE_WORDS, is_title_word
from migkg.draft.facts import Drafted
from migkg.draft.governance_context import Governance, GovernanceContext, sentence_start, still_to_come
from migkg.draft.header import RelativeDate
from migkg.draft.lexicon import LEXICONS
from migkg.draft.text import Analysis

#: words before a position's noun that refer to its holder named elsewhere ("the outgoing chair", «новый председатель»)
REFERRING_BEFORE = r"(?<![\w-])(?:the\s+)?(?:outgoing|incoming|former|previous|new|next|уходящ\w+|бывш\w+|нов\w+|" \
                   r"следующ\w+|предыдущ\w+)\s+$"

#: a body of the process named right before ", chaired by": the position is in that body, not in the process
OTHER_BODY_BEFORE = r"(?<![\w-])(?:working\s+group|committee|task\s+force|рабоч\w+\s+групп\w*|комитет\w*)" \
                    r"(?:\s+(?:on|for|по)\s+[^,;.]{1,60})?,\s*$"


def find_handovers(context: GovernanceContext, found: Governance) -> None:
    lexicon, text = context.lexicon, context.text
    for sentence in context.sentences:
        words = text[sentence[0]:sentence[1]]
        noun = re.search(lexicon.handover_noun, words, re.I)
        verb = re.search(lexicon.handover_verb, words, re.I)
        cue = verb or re.search(lexicon.handover_take, words, re.I)
        if not noun or not cue or still_to_come(sentence[0] + cue.start(), sentence[0] + cue.end(), lexicon,
                                                context.analysis):
            continue  # "will hand over the chair to Nepal next year": no handover yet
        holders = context.holders_in(*sentence)
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
        if to is None and after and analysis_is_ru(context.analysis):
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
        if context.main:
            fields["at_event"] = context.main
            if not context.at_meeting(*sentence):
                note = "The text reports the handover in its account of the meeting; check that it was made there."
        day = _day_of(context, sentence, context.clause_of(sentence, sentence[0] + cue.start()))
        if day is not None:
            fields["on"] = day.date.isoformat()
        start = sentence_start(text, sentence)
        process = context.process_of(sentence)
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
        term = _term_of_next(context, to, position, sentence)
        if term:
            found.process(process).positions.append(term)


def _day_of(context: GovernanceContext, sentence: tuple[int, int], clause: tuple[int, int]) -> RelativeDate | None:
    """The day a handover was made: a day word in the clause of its verb ("Kenya on Tuesday took over the
    chairmanship"; not "Opening the meeting on Tuesday, X said that …"), or in the next sentence where that one
    says an act took place and names no one («Церемония состоялась в четверг»)."""
    inside = [r for r in context.relative if clause[0] <= r.start < clause[1]]
    if inside:
        return inside[0]
    later = next((s for s in context.sentences if s[0] >= sentence[1]), None)
    if later is None or context.holders_in(*later) or not context.lexicon.held \
            or not re.search(context.lexicon.held, context.text[later[0]:later[1]], re.I):
        return None
    return next((r for r in context.relative if later[0] <= r.start < later[1]), None)


def _term_of_next(context: GovernanceContext, to: Actor, position: str, sentence: tuple[int, int]) -> Drafted | None:
    """«… перешло … к Шри-Ланке, которая будет возглавлять его в 2025–2027 годах»: the new holder's term, from
    a relative clause right after it with a verb of holding and a timing (when no position cue says it)."""
    text = context.text
    clause = next((c for c in context.clauses(sentence) if c[0] >= to.end), None)
    if clause is None or not re.match(context.cues.relative, text[clause[0]:clause[1]], re.I):
        return None
    words = text[clause[0]:clause[1]]
    if not re.search(context.cues.holding_verb, words, re.I) or \
            any(re.search(pattern, words, re.I) for _, pattern in context.lexicon.positions):
        return None
    timing = context.timing_in(*clause)
    if timing is None or timing[0].kind not in ("from", "to", "range"):
        return None
    fields: dict = {"position": position, "holder": to.entity}
    context.timed(fields, timing)
    return Drafted(fields, [(to.start, max(timing[1][1], to.end))],
                   "the new holder of a handover, and its term in the relative clause after it", 0.7)


def hand_over_from_the_holder(found: Governance) -> None:
    """"Switzerland has held the IGC Chair since 1 July 2024. … Mr Brunner handed the Chair over to Canada": a
    handover that names no one it passes from passes from the one holder of that position the text names in the
    process, when that holder is not the one it passes to (noted)."""
    for process in found.processes.values():
        for handover in process.handovers:
            if "from" in handover.fields:
                continue
            holders = {p.fields["holder"] for p in process.positions
                       if p.fields["position"] == handover.fields["position"]}
            if len(holders) == 1 and handover.fields.get("to") not in holders:
                handover.fields["from"] = holders.pop()
                handover.note = ((handover.note + " ") if handover.note else "") + \
                    "Handed over by the holder of the position the text names; check it."


def find_positions(context: GovernanceContext, found: Governance) -> None:
    lexicon, text = context.lexicon, context.text
    for sentence in context.sentences:
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
                if any(s < end and start < e for s, e in taken) or context.in_quote(start) \
                        or any(s <= start < e for s, e in context.titles):
                    continue
                if re.search(context.cues.person_relative, text[sentence[0]:start], re.I):
                    # "..., who chaired the meeting": a person chairs a meeting, not a process
                    _person_chair(context, found, start, end, sentence)
                    continue
                if re.search(REFERRING_BEFORE, text[max(sentence[0], start - 30):start], re.I):
                    continue  # "on behalf of the outgoing chair": a holder named elsewhere, referred to
                if re.search(OTHER_BODY_BEFORE, text[max(sentence[0], start - 80):start], re.I):
                    continue  # "the working group on trafficking, chaired by Thailand": a position in that body
                meeting = _meeting_chaired(context, start, end, sentence) \
                    if position in ("chair", "co-chair") and handover is None else None
                chairs = _chairing_persons(context, start, end, sentence) if meeting else []
                if meeting and chairs:  # "The meeting was chaired by Kenya's Principal Secretary …, Dr. X"
                    taken.append((start, end))
                    found.roles += [(meeting, Drafted({"role": "meeting-chair", "agent": person.entity},
                                                      [(min(start, person.start), max(end, person.end))],
                                                      f"cue «{text[start:end]}» about the meeting, and the person "
                                                      "who chaired it (a title between)", 0.6)) for person in chairs]
                    found.busy.append(sentence)
                    continue
                taken.append((start, end))
                held = "co-chair" if position == "chair" and re.search(context.cues.jointly, text[sentence[0]:start],
                                                                        re.I) else position
                # "Indonesia and Australia jointly chaired the meeting": co-chairs
                fact = _position(context, held, start, end, sentence, handover is not None)
                meeting = _meeting_chaired(context, start, end, sentence) if fact and handover is None else None
                if fact and meeting is not None:  # "The meeting was chaired by X": the meeting's chair
                    found.roles += [(meeting, Drafted({"role": "meeting-chair", "agent": f.fields["holder"]},
                                                       f.spans, f"cue «{text[start:end]}» about the meeting, not "
                                                       "the process, and who chaired it", 0.65)) for f in fact]
                    found.busy.append(sentence)
                    continue
                if fact:
                    process = context.process_of(sentence)
                    if process:
                        for drafted in fact:
                            found.process(process).positions.append(drafted)
                        clause = context.clause_of(sentence, start)
                        # "…, as well as ICMPD, which provides the secretariat of the process": only the
                        # relative clause states a position; those the sentence says took part still did
                        relative = re.match(context.cues.relative, text[clause[0]:clause[1]], re.I) and \
                            fact[0].spans[0][0] >= clause[0] - 120 and position == "secretariat-host"
                        found.busy.append(clause if relative else sentence)
                        if position == "secretariat-host":
                            found.secretariat.append((start, end))
    for drafted_process in found.processes.values():
        drafted_process.positions = _implied_left_out(drafted_process.positions)


def _meeting_chaired(context: GovernanceContext, start: int, end: int, sentence: tuple[int, int]) -> str | None:
    """The meeting a chair cue is about, when its words are about chairing one meeting and not the process:
    a verb of chairing ("chaired", "co-chaired", "presided", «председательствовал», «под председательством»,
    not "chairs" nor "the chairmanship"), or a chair's noun with a meeting's right after it («Сопредседателем
    встречи выступила Италия», "the chair of the session"), with a meeting's noun as its object or subject in the clause ("the
    meeting was chaired jointly by X and Y", "X chaired the session", «Встреча прошла под председательством
    X») and no process, no timing of its own and no present tense ("is chaired by"); the meeting named in the
    sentence, else the release's."""
    text = context.text
    of_a_meeting = re.match(rf"\s+(?:of\s+(?:the|this)\s+)?(?:{context.lexicon.meeting_nouns})(?!\w)", text[end:end + 40],
                            re.I)  # «Сопредседателем встречи выступила Италия», "the chair of the session"
    if not re.fullmatch(context.cues.chaired_meeting, text[start:end], re.I) and not re.search(
            context.cues.chaired_meeting_before, text[max(sentence[0], start - 30):start], re.I) and not of_a_meeting:
        return None
    clause = context.clause_of(sentence, start)
    around = (sentence[0], min(sentence[1], end + 40))
    noun = re.search(rf"(?<![\w-])(?:{context.lexicon.meeting_nouns})(?!\w)|(?<!\w)(?:it|она|оно|он)(?!\w)",
                     text[around[0]:around[1]], re.I)
    own = [p for p in context.processes if clause[0] <= p.start < clause[1] and _of_a_meeting(context, p, clause)]
    if noun is None or any(around[0] <= p.start < around[1] and clause[0] <= p.start < clause[1] and p not in own
                           for p in context.processes) or (context.lexicon.process_word and any(
                               not any(p.start <= end + w.start() < p.end for p in own)
                               for w in re.finditer(context.lexicon.process_word, text[end:clause[1]], re.I))) \
            or context.timing_in(*clause) is not None \
            or re.search(context.cues.holding_now, text[clause[0]:clause[1]], re.I):
        return None
    named = [m for m in context.meetings for s, _ in m.mentions if sentence[0] <= s < sentence[1]]
    return named[0].event.id if named else context.main


#: an honorific before a name ("Dr.", «г-жа»)
HONORIFIC = r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Hon|H\.\s?E)\.?|(?<!\w)(?:г-н|г-жа|господин|госпожа))\s*"


def _chairing_persons(context: GovernanceContext, start: int, end: int, sentence: tuple[int, int]) -> list[Actor]:
    """The persons a cue of chairing one meeting names as its chairs: the person right before a participle or a
    relative clause («Хишама Абдель-Латифа, председательствовавшего на заседании», "X, who presides over the
    meeting"), or the first person after the cue («под председательством заместителя министра … Айгерим
    Сапаровой», "was chaired by Kenya's Principal Secretary for Immigration, Dr. X, and by Ms. Y»), where only a
    title (and a state or body inside it), or an honorific, stands between; others joined to it by «и»/"and (by)"
    and a title or honorific."""
    text = context.text
    persons = context.actors.within(sentence[0], sentence[1], frozenset({"person"}))
    before = [p for p in persons if p.end <= start]
    if before and re.fullmatch(r"\s*,\s*(?:who\s+(?:\w+\s+)?)?", text[before[-1].end:start], re.I):
        return [before[-1]]
    after = [p for p in persons if p.start >= end]
    if not after or after[0].start - end > 160 or re.search(r"[.;:]", re.sub(HONORIFIC, " ", text[end:after[0].start])):
        return []
    if context.holders_in(end, after[0].start) and not _title_in(context, end, after[0].start):
        return []  # "chaired by Kenya and Ms. X": the state is a chair
    chairs = [after[0]]
    for person in after[1:]:
        gap = re.fullmatch(r"\s*,?\s*(?:and|и)\s+(?:by\s+)?(.{0,100}?)", text[chairs[-1].end:person.start],
                           re.I | re.S)
        if gap is None or not (re.fullmatch(HONORIFIC + "|", gap.group(1), re.I)
                               or _title_in(context, chairs[-1].end + gap.start(1), person.start)):
            break
        chairs.append(person)
    return chairs


def _title_in(context: GovernanceContext, start: int, end: int) -> bool:
    """Whether the words between hold a title's noun ("Principal Secretary", «заместителя министра»)."""
    words = {word for head in LEXICONS[context.analysis.language].title_heads for word in head} | TITLE_WORDS
    return any(t.lemma in words or is_title_word(t.text) for t in context.analysis.tokens_in(start, end))


def _of_a_meeting(context: GovernanceContext, process: Actor, clause: tuple[int, int]) -> bool:
    """Whether a process is named as the meeting's own («состоялось совещание старших должностных лиц Пражского
    процесса», "the meeting of the Bali Process"): a meeting's noun within the few words before it."""
    before = context.text[max(clause[0], process.start - 60):process.start]
    return re.search(rf"(?<![\w-])(?:{context.lexicon.meeting_nouns})\w*(?:\s+[^\s,;.]+){{0,4}}\s+$", before,
                     re.I) is not None


def _person_chair(context: GovernanceContext, found: Governance, start: int, end: int, sentence: tuple[int, int]) -> None:
    """"said Rashida Karim, Additional Secretary …, who chaired the meeting": the person before "who" chaired the
    meeting."""
    meeting = _meeting_chaired(context, start, end, sentence)
    person = next(iter(reversed(context.actors.within(sentence[0], start, frozenset({"person"})))), None)
    if meeting is None or person is None or start - person.end > 150:
        return
    found.roles.append((meeting, Drafted({"role": "meeting-chair", "agent": person.entity},
                                          [(person.start, person.end), (start, end)],
                                          f"a person before «who {context.text[start:end]}» the meeting", 0.6)))


def _position(context: GovernanceContext, position: str, start: int, end: int, sentence: tuple[int, int],
              in_handover: bool) -> list[Drafted]:
    text, lexicon = context.text, context.lexicon
    clause = context.clause_of(sentence, start)
    if position == "secretariat-host" and not re.search(lexicon.secretariat, text[max(sentence[0], start - 50):
                                                                                 min(clause[1], end + 40)], re.I):
        return []  # "The meeting was hosted by X and organised by the Secretariat": X hosts the meeting
    before = [h for h in context.holders_in(sentence[0], start)]
    after_cue = text[end:clause[1]]
    # "served as the Secretariat of the Process": what follows «of» is the process, not the holder
    of_process = re.search(rf"(?:{lexicon.secretariat})$", text[start:end], re.I) is not None
    # "Türkiye and Kazakhstan, the co-chairs of the Budapest Process, …": the process follows, the holders precede
    of_named = re.match(r"\s*of\s+(?:the\s+)?", after_cue, re.I)
    of_process = of_process or (of_named is not None and any(p.start == end + of_named.end()
                                                              for p in context.processes)) \
        or bool(lexicon.process_word and re.match(lexicon.process_word, after_cue, re.I))  # "vice-chair of the process"
    holder_after = (re.match(lexicon.holder_after, after_cue, re.I) and not of_process) or re.search(
        r"(?:under\s+the|под)\s+$", text[sentence[0]:start], re.I) or text[start:end].lower().endswith((" в", " in", " at", "выполняет", "выполнял"))
    holders: list[Actor]
    if holder_after or not before:
        following = context.holders_in(end, sentence[1])
        if not following or following[0].start - end > 60:
            return []
        holders = context.list_from(following[0], True, (end, sentence[1]))
        span_start, span_end = start, holders[-1].end
    else:
        plural = re.search(r"s\b|и\b|ей\b", text[start:end], re.I) or \
            re.search(context.cues.jointly, text[sentence[0]:start], re.I)
        holders = context.list_from(before[-1], False, (sentence[0], start)) if plural else [before[-1]]
        span_start, span_end = holders[0].start, end
    if holders and holders[0].start < start and start - holders[-1].end > 120:
        return []
    timing = context.timing_in(*clause)
    if timing is None and re.match(r"\s*а\s", text[clause[0] + 1:clause[1]]) and " – " in text[clause[0]:clause[1]]:
        previous = [c for c in context.clauses(sentence) if c[1] <= clause[0]]
        timing = context.timing_in(*previous[-1]) if previous else None
    if timing is None:
        timing = context.relative_timing(clause, sentence)
    fields_base: dict = {"position": position}
    note = None
    if timing is None and context.issued and re.search(context.cues.currently, text[clause[0]:end], re.I):
        fields_base["on"] = context.issued
        note = "«Currently»: read as on the date of issue."
    spans = [(span_start, span_end)]
    if timing:
        if timing[1][0] >= span_end:
            spans = [(span_start, timing[1][1])]
        elif timing[1][1] <= span_start:
            spans = [timing[1], (span_start, span_end)]
    # a term with a beginning of its own ("since January 2024", «с мая 2025 года»): not taken at the meeting
    period_of_its_own = timing is not None and timing[0].kind in ("from", "range")
    if context.main and not period_of_its_own and (in_handover or context.at_meeting(*clause)):
        fields_base["at_event"] = context.main
    elif context.main and timing is None and "on" not in fields_base and position in ("chair", "co-chair") \
            and not re.search(context.cues.holding_now, text[sentence[0]:sentence[1]], re.I):
        fields_base["at_event"] = context.main
        note = "No timing in the text; reported in its account of the meeting."
    drafted = []
    for holder in holders:
        fields = {"position": position, "holder": holder.entity}
        fields.update({k: v for k, v in fields_base.items() if k != "position"})
        context.timed(fields, timing)
        drafted.append(Drafted(fields, spans, f"cue «{text[start:end]}» and the holder "
                               + ("after it" if holder_after or not before else "named before it"), 0.7, note))
    return drafted


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


def analysis_is_ru(analysis: Analysis) -> bool:
    return analysis.language == "ru"
