"""Memberships of a process: who is a member, an observer, a partner or an invited guest, and who observed
a meeting.

* **memberships**: a status noun ("an observer", «в качестве наблюдателя», "as member states", "an invited
  guest") and the holder (or the list of holders) named before it. Timing only as the clause gives it
  (:mod:`.governance_context`).
"""
from __future__ import annotations

import re

from migkg.draft.actors import Actor
from migkg.draft.claims import number_of
from migkg.draft.facts import Drafted
from migkg.draft.governance_context import Governance, GovernanceContext, clause_end
from migkg.draft.timing import Timing, timings

#: words that link a holder to its status ("which are partners", "attended as", «в качестве», «является»)
STATUS_LINK = r"\b(?:are|were|is|was|as|been|one\s+of)\b|явля\w+|в\s+качестве|стал\w*|одн\w+\s+из"

LOOK_AHEAD = 3
"""Counted member states: the sentences after the count that may list them."""

#: between two groups of a list, each with what it is ("… as countries of origin, and …", «… как страны
#: происхождения, а также …»)
GROUPS_GAP = r"\s+(?:as|как)\s+[^,.;()]{2,50},\s*(?:and|и|а\s+также)\s+(?:the\s+)?"


def find_memberships(context: GovernanceContext, found: Governance) -> None:
    text = context.text
    for sentence in context.sentences:
        if _counted_list(context, found, sentence) or _composed_of(context, found, sentence):
            continue
        words = text[sentence[0]:sentence[1]]
        taken: list[tuple[int, int]] = []
        for status, pattern in context.lexicon.statuses:
            for cue in re.finditer(pattern, words, re.I):
                start, end = sentence[0] + cue.start(), sentence[0] + cue.end()
                if any(s < end and start < e for s, e in taken) or context.in_quote(start):
                    continue
                taken.append((start, end))
                process = context.process_of(sentence)
                if process is None and status != "observer":
                    continue  # «Мексика и Испания присутствовали в качестве наблюдателей»: observers of the meeting
                    #           need no process the drafter knows; a membership does
                if status == "member" and process is not None and \
                        _counted_members(context, found, process, sentence, start, end):
                    continue
                # "Twelve SADC member states, among them A, B …": members of another body, listed
                listed = [] if status == "member" and _of_another_acronym(context, start, sentence) else \
                    _listed_after(context, end, sentence)
                if listed and process is not None:
                    # "together with the observer organizations of the Conference, among them IOM, …"
                    _members_listed(context, found, process, status, (start, end), listed, sentence)
                    continue
                if re.search(context.cues.status_of_others, text[sentence[0]:start], re.I):
                    # "officials from member states": others, unnamed, not the holders named before; "from the EU
                    # Member States": the body whose members they are takes no part by these words
                    found.busy += [(h.start, h.end) for h in context.holders_in(max(sentence[0], start - 12), start)]
                    continue
                before = context.holders_in(sentence[0], start)
                if status == "observer" and not before and _observers_after(context, found, (start, end), sentence):
                    continue
                if not before or len(_without_aside(text[before[-1].end:start])) > 80:
                    continue
                if status == "member" and _member_of_another_body(context, end, sentence):
                    continue  # «государств – членов ЕС», "member states of the EU": members of another body
                if re.search(context.cues.asking, text[before[-1].end:start], re.I) or \
                        (status == "partner" and re.search(context.cues.qualified_partner, text[sentence[0]:start],
                                                           re.I)):
                    continue  # "Mongolia's request to join as an observer", "joined as a resource partner"
                clause = context.clause_of(sentence, start)
                plural = re.search(r"s\b|ы\b|и\b|ей\b", text[start:end]) is not None or \
                    re.match(r"\s+(?:countries|governments|organi[sz]ations)\b", text[end:sentence[1]]) is not None
                holders = context.list_from(before[-1], False, (sentence[0], start)) if plural else [before[-1]]
                if plural and len(holders) == 1 and not re.search(STATUS_LINK, text[holders[0].end:start], re.I):
                    # "the EU Member States": no participant "the EU" either (the others listed in the sentence
                    # still take part: "Experts from Armenia, …, as well as from several EU Member States")
                    found.busy.append((holders[0].start, holders[0].end))
                    continue  # "DENPASAR, Indonesia … Bali Process member countries": one holder, a plural noun
                timing = context.timing_in(*clause) or _joined_on(context, clause)
                same_clause = holders[0].start >= clause[0]
                span_end = max(end, timing[1][1]) if timing else end
                at = context.at_meeting(holders[-1].start if same_clause else clause[0], clause[1]) or \
                    _joined_at_meeting(context, holders[-1].start if same_clause else clause[0], clause[1], timing) or \
                    (status == "invited-guest" and timing is None)  # a guest is invited to a meeting: the one reported
                if status == "observer" and timing is None and _observing(context, holders, start, clause):
                    for holder in holders:  # "Japan attended as an observer": an observer of the meeting
                        found.roles.append((context.main, Drafted(  # type: ignore[arg-type]
                            {"role": "event-observer", "agent": holder.entity},
                            [(holder.start, max(end, clause_end(text, clause)))] if len(holders) == 1 else
                            [(holder.start, holder.end), (start, end)],
                            f"status «{text[start:end]}» of who attended the meeting, not of a member of the "
                            "process", 0.65)))
                    found.busy.append(sentence)
                    continue
                if process is None:
                    continue
                for holder in holders:
                    fields: dict = {"status": status, "agent": holder.entity}
                    if at:
                        fields["at_event"] = context.main
                        span_end = max(span_end, clause_end(text, clause))
                    context.timed(fields, timing)
                    spans = [(holder.start, span_end)] if len(holders) == 1 else \
                        [(holder.start, holder.end), (start, end)]
                    found.process(process).memberships.append(
                        Drafted(fields, spans, f"status «{text[start:end]}» after the holder", 0.7))
                found.busy.append(sentence)


#: a verb whose subject is the process and whose object lists its members ("The X Process brings together A, B and
#: C", «X процесс объединяет А, Б и В»), after the process's name (an acronym in brackets or an aside in commas may
#: stand between); present tense only: what the process is made of, not who met
COMPOSED_VERB = {
    "en": r"^(?:\s*\([^()]*\))?(?:\s*,[^,;.]{1,120},)?\s+(?:brings\s+together|comprises|consists\s+of|"
          r"is\s+(?:made\s+up|composed)\s+of|unites|includes|groups)\s+",
    "ru": r"^(?:\s*\([^()]*\))?(?:\s*,[^,;.]{1,120},)?\s+(?:объединяет|включает(?:\s+в\s+себя)?|"
          r"состоит\s+из)\s+",
}
#: the members (or observers) named as the subject around the process: "the members of the X Process are A and B",
#: "the X Process's members are", «членами X процесса являются А и Б», «в (состав) X процесса входят А и Б» (the
#: words before the process's name, the words after it, and the status)
COMPOSED_AROUND = {
    "en": ((r"\b(?:the\s+)?members\s+of\s+(?:the\s+)?$", r"^\s+(?:are|include)\s+", "member"),
           (r"\b(?:the\s+)?observers\s+(?:of|to)\s+(?:the\s+)?$", r"^\s+(?:are|include)\s+", "observer"),
           (r"(?:^|\s)$", r"^[’']s\s+(?:\w+\s+)?members\s+(?:are|include)\s+", "member"),
           (r"(?:^|\s)$", r"^[’']s\s+observers\s+(?:are|include)\s+", "observer")),
    "ru": ((r"(?<!\w)членами\s+$", r"^\s+(?:являются|стали)\s+", "member"),
           (r"(?<!\w)наблюдателями\s+(?:в\s+)?$", r"^\s+(?:являются|стали)\s+", "observer"),
           (r"(?<!\w)[Вв]\s+(?:состав\s+)?$", r"^(?:\s*,[^;.]{1,120}?,)?\s+вход(?:ят|ит)\s+", "member")),
}
#: between the verb and the first member: a counted noun ("12 countries:", «государства»), or "including"
COMPOSED_GAP = (r"^\s*(?:(?:the|its|\d+|[a-zа-яё-]+)\s+){0,3}?(?:(?:member\s+)?(?:states|countries|governments)|"
                r"государств\w*|стран\w*)?\s*(?::|[–—]|,?\s*(?:including|among\s+them|namely|в\s+том\s+числе|"
                r"а\s+именно|включая))?\s*(?:the\s+)?$")


def _composed_of(context: GovernanceContext, found: Governance, sentence: tuple[int, int]) -> bool:
    """"The X Process brings together A, B and C", "The members of the X Process are A and B", «В X процесс,
    учрежденный в 2013 году, входят А, Б и В», «Членами X процесса являются А и Б»: the process (named) as the
    subject of a verb of being made of, or its members (observers) as the subject of a verb of being, and the
    holders listed right after it: each is a member (observer) of the process, with no timing and at no meeting
    (the present: what the process is made of, not who met)."""
    text, language = context.text, context.analysis.language
    for process in [p for p in context.processes if sentence[0] <= p.start < sentence[1]]:
        before, after = text[sentence[0]:process.start], text[process.end:sentence[1]]
        cue = re.match(COMPOSED_VERB[language], after, re.I)
        status, start = "member", process.start
        if cue is None:
            for ahead, behind, as_status in COMPOSED_AROUND[language]:
                lead = re.search(ahead, before, re.I)
                cue = re.match(behind, after, re.I) if lead else None
                if lead and cue:
                    status, start = as_status, sentence[0] + lead.start()
                    break
        if cue is None:
            continue
        at = process.end + cue.end()
        first = next(iter(context.holders_in(at, sentence[1])), None)
        if first is None or first.type not in ("state", "intergovernmental-organization") or \
                not re.match(COMPOSED_GAP, text[at:first.start], re.I):
            continue
        listed = context.list_from(first, True, (first.start, sentence[1]))
        for holder in listed:
            found.process(process.entity).memberships.append(
                Drafted({"status": status, "agent": holder.entity}, [(start, at), (holder.start, holder.end)],
                        "the process as the subject of a verb of being made of, and the holders listed after it",
                        0.65))
        found.busy.append(sentence)
        return True
    return False


def _count(context: GovernanceContext, words: str, start: int, end: int) -> int | None:
    """The number a count's words say ("11", "eleven", «двенадцати»): digits as they are, else the number of the
    token of those words between ``start`` and ``end``."""
    if words.isdigit():
        return int(words)
    return next((n for token in context.analysis.tokens_in(start, end) if token.text.lower() == words
                 for n in [number_of(token, context.analysis.language)] if n), None)


def _counted_list(context: GovernanceContext, found: Governance, sentence: tuple[int, int]) -> bool:
    """"Senior officials from 11 member states - A, B, … and K - are attending the meeting", «В состав процесса
    входят 12 государств: А, Б, …»: a count of members, then a dash or a colon and a list of as many states; each
    is a member of the process the sentence names (else the text's), attested at the meeting reported where the
    sentence says they take part in it; there the states stay participants of it too (the sentence states both)."""
    text = context.text
    for first in (h for h in context.holders_in(*sentence) if h.type == "state"):
        counted = re.search(context.cues.counted_list, text[sentence[0]:first.start], re.I)
        if counted is None:
            continue
        start, end = sentence[0] + counted.start(), sentence[0] + counted.end()
        if context.holders_in(start, end) or not re.search(context.cues.membership_words,
                                                           text[max(sentence[0], start - 40):end], re.I):
            return False
        words = counted.group("number").lower()
        number = _count(context, words, start, start + len(words))
        listed = context.list_from(first, True, (first.start, sentence[1]))
        process = context.process_of(sentence)
        if process is None or not _as_many(listed, number):
            return False
        taking_part = re.search(context.cues.taking_part, text[sentence[0]:sentence[1]], re.I) is not None
        # "the Conference's 11 member countries took part: A, B …", «шести государств – участников процесса: А, Б …»:
        # the states named by their standing in the process (no time given; as the writers since test-11 read it)
        standing = counted.groupdict().get("standing") is not None
        at = context.main is not None and (context.at_meeting(*sentence) or taking_part) and not standing
        cue = (sentence[0] + counted.start("number"), sentence[0] + len(counted.group().rstrip(" :–—-")) + counted.start())
        for holder in listed:
            fields: dict = {"status": "member", "agent": holder.entity}
            if at:
                fields["at_event"] = context.main
            found.process(process).memberships.append(
                Drafted(fields, [cue, (holder.start, holder.end)], "members counted, then listed after a dash or "
                        "a colon, as many as the count", 0.65))
        if not taking_part:  # "delegations of nine member states took part: …": members, and participants too
            found.busy.append(sentence)
            found.roles += _all_of_them_took_part(context, listed, sentence)
        return True
    return False


def _all_of_them_took_part(context: GovernanceContext, listed: list[Actor], sentence: tuple[int, int]) -> list[tuple[str, Drafted]]:
    """"… is made up of eleven Member Countries: A, B, … K. All of them took part in this year's meeting": a next
    sentence whose subject takes up the whole list («Все они приняли участие …») and says they took part makes
    each listed state a participant of the meeting reported."""
    text = context.text
    if context.main is None or sentence[1] >= len(text):
        return []
    following = context.analysis.sentence_of(sentence[1] + 1)
    words = text[following[0]:following[1]]
    subject = re.search(context.cues.all_of_them, words, re.I)
    verb = re.search(context.cues.taking_part, words[subject.end():subject.end() + 40], re.I) if subject else None
    if following == sentence or subject is None or verb is None:
        return []
    said = (following[0] + subject.start(), following[0] + subject.end() + verb.end())
    return [(context.main, Drafted({"role": "participant", "agent": holder.entity}, [(holder.start, holder.end), said],
                                   "a state listed in the sentence before, which the subject «" +
                                   text[slice(*said)].strip() + "» takes up", 0.6)) for holder in listed]


def _observers_after(context: GovernanceContext, found: Governance, status: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """«В качестве наблюдателя на встрече присутствовала делегация Узбекистана», "As observers, Japan and Korea
    attended": the status first, then a verb of attending and the holders after it, no process named in the
    sentence; each is an observer of the meeting reported (``event-observer``)."""
    text = context.text
    verb = re.search(context.cues.attending_as, text[status[1]:sentence[1]], re.I)
    if verb is None or context.main is None or any(sentence[0] <= p.start < sentence[1] for p in context.processes) \
            or re.search(context.cues.joining, text[status[1]:status[1] + verb.start()], re.I):
        return False
    after = context.holders_in(status[1], sentence[1])
    if not after:
        return False
    holders = context.list_from(after[0], True, (after[0].start, sentence[1]))
    for holder in holders:
        found.roles.append((context.main, Drafted({"role": "event-observer", "agent": holder.entity},
                                                  [(status[0], holder.end)], f"status «{text[slice(*status)]}» "
                                                  "before a verb of attending and who attended", 0.6)))
    found.busy.append(sentence)
    return True


def _observing(context: GovernanceContext, holders: list[Actor], start: int, clause: tuple[int, int]) -> bool:
    """"Japan and Malaysia attended as observers", «участвовали во встрече в качестве наблюдателей»: a verb of
    attending between the holders and the status, no verb of joining, and no process named in the clause (an
    observer of the process is a membership status)."""
    between = context.text[holders[-1].end:start]
    return re.search(context.cues.attending_as, between, re.I) is not None \
        and not re.search(context.cues.joining, between, re.I) \
        and not any(clause[0] <= p.start < clause[1] for p in context.processes) \
        and not (context.lexicon.process_word and re.search(context.lexicon.process_word, context.text[start:clause[1]],
                                                            re.I))


def _listed_after(context: GovernanceContext, end: int, sentence: tuple[int, int]) -> list[Actor]:
    """"the Member States of the Dialogue, among them A, B and C", «государства-члены процесса, в том числе A и
    B»: the holders listed after the status (and the process, named or as «the process»), by a word that lists."""
    text = context.text
    noun = re.match(r"\s+(?:organi[sz]ations|countries|states|governments|организаци\w*|стран\w*|государств\w*)"
                    r"(?!\w)", text[end:sentence[1]], re.I)  # "the observer organizations of the Conference"
    end += noun.end() if noun else 0
    process = re.match(context.lexicon.process_word, text[end:sentence[1]], re.I) if context.lexicon.process_word \
        else None
    if process is None and noun:
        process = re.match(r"\s+of\s+the\s+(?:[A-Z][\w'’-]*\s*){1,3}", text[end:sentence[1]])
    after = end + process.end() if process else next(
        (p.end for p in context.processes if p.start >= end and re.fullmatch(r"\s+(?:of\s+(?:the\s+)?)?",
                                                                           text[end:p.start], re.I)), end)
    first = next((h for h in context.holders_in(after, sentence[1])), None)
    if first is None or not re.search(context.cues.listed_after, text[after:first.start], re.I):
        return []
    listed = context.list_from(first, True, (first.start, sentence[1]))
    while True:  # "A and B as countries of origin, and C and D as countries of destination": lists in groups
        nxt = next((h for h in context.holders_in(listed[-1].end, sentence[1])), None)
        if nxt is None or not re.fullmatch(GROUPS_GAP, text[listed[-1].end:nxt.start], re.I) \
                or nxt.entity in {h.entity for h in listed}:
            return listed
        listed += context.list_from(nxt, True, (nxt.start, sentence[1]))


def _members_listed(context: GovernanceContext, found: Governance, process: str, status: str, cue: tuple[int, int],
                    holders: list[Actor], sentence: tuple[int, int]) -> None:
    """Memberships of the holders listed after their status; at the meeting reported where the sentence says
    they took part ("The meeting brought together the delegations of the Member States, among them …")."""
    text = context.text
    at = context.at_meeting(*sentence) or (context.main is not None and re.search(
        context.cues.taking_part, text[sentence[0]:cue[0]], re.I) is not None)
    if re.match(r"\s+(?:attended|took\s+part|participated)\b", text[cue[1]:sentence[1]]):
        # "Delegations of 11 of the Process's 12 member states attended, among them A, B …": the members named by
        # their standing in the process, the verb the delegations' (no time given, as the writers since test-11 read it)
        at = False
    observing = status == "observer" and at and context.main is not None
    for holder in holders:
        fields: dict = {"status": status, "agent": holder.entity}
        if at and not observing:
            fields["at_event"] = context.main
        found.process(process).memberships.append(
            Drafted(fields, [cue, (holder.start, holder.end)], f"status «{text[cue[0]:cue[1]]}» and the holders "
                    "listed after it", 0.65))
        if observing:
            # "All of them took part …, together with the observer organizations of the Conference, among them
            # IOM, UNHCR and the ICRC": observers of the process (their status, with no timing) who attended this
            # meeting as such (the meeting's event-observer)
            found.roles.append((context.main, Drafted({"role": "event-observer", "agent": holder.entity},  # type: ignore[arg-type]
                                                      [cue, (holder.start, holder.end)], "observers of the process "
                                                      "listed in a sentence that says they took part", 0.6)))


def _of_another_acronym(context: GovernanceContext, start: int, sentence: tuple[int, int]) -> bool:
    """"SADC member states", "EU Member States": an acronym right before the status that is no process named there."""
    before = re.search(r"\b[A-Z]{2,8}\s+$", context.text[sentence[0]:start])
    return before is not None and not any(sentence[0] + before.start() <= p.start < start for p in context.processes)


def _member_of_another_body(context: GovernanceContext, end: int, sentence: tuple[int, int]) -> bool:
    """«государств – членов ЕС», "member states of the EU": a name right after the status that is not the
    process's."""
    name = re.match(r"\s*(?:of\s+(?:the\s+)?)?(?=[A-ZА-ЯЁ])", context.text[end:sentence[1]])
    if context.lexicon.process_word and re.match(context.lexicon.process_word, context.text[end:sentence[1]], re.I):
        return False  # "members of the Process": the process the text is about
    return name is not None and not any(p.start == end + name.end() for p in context.processes)


def _joined_on(context: GovernanceContext, clause: tuple[int, int]) -> tuple[Timing, tuple[int, int]] | None:
    """"which joined the process as a full member in 2020", «стал членом процесса в 2019 году»: a status taken
    on a date begins then (its period from that date)."""
    if not re.search(context.cues.joining, context.text[clause[0]:clause[1]], re.I):
        return None
    dated = next((t for t in timings(context.text[clause[0]:clause[1]], context.analysis.language, context.year)
                  if t.kind == "date" and t.start_value), None)
    return None if dated is None else (Timing(dated.start, dated.end, "from", dated.start_value, None),
                                       (clause[0] + dated.start, clause[0] + dated.end))


def _joined_at_meeting(context: GovernanceContext, start: int, end: int, timing: object) -> bool:
    """"Malaysia joined as an observer", with no timing and no process named: it joined the meeting reported."""
    return context.main is not None and timing is None and \
        re.search(context.cues.joining, context.text[start:end], re.I) is not None and \
        not any(start <= p.start < end for p in context.processes)


def _counted_members(context: GovernanceContext, found: Governance, process: str, sentence: tuple[int, int], start: int,
                     end: int) -> bool:
    """"Officials of seven Colombo Process Member States met …. Delegates from Bangladesh, India, … and Viet Nam
    took part.": the states the first list after it names (in the next three sentences) are the members
    counted, when their number is the count."""
    text = context.text
    counted = re.search(context.cues.counted_members, text[max(sentence[0], start - 60):end])
    if not counted or context.holders_in(sentence[0], start):
        return False
    number = _count(context, counted.group("number").lower(), start - 60, start)
    if not number:
        return False
    lists = [context.list_from(states[0], True, later) for later in
             [s for s in context.sentences if s[0] >= sentence[1]][:LOOK_AHEAD]
             for states in [[h for h in context.holders_in(*later) if h.type == "state"]] if len(states) > 1]
    listed = lists[0] if lists else []
    if not _as_many(listed, number):
        return False
    for holder in listed:
        found.process(process).memberships.append(
            Drafted({"status": "member", "agent": holder.entity}, [(start, end), (holder.start, holder.end)],
                    "member states counted, and as many states listed after", 0.6,
                    "The states listed after are taken for the member states the text counts."))
    return True


def find_partners_by_support(context: GovernanceContext, found: Governance) -> None:
    """"IOM, which provides technical support to the Colombo Process", «Техническую поддержку Коломбскому
    процессу оказывает МОМ»: an organisation that supports the process is its partner (in the present tense,
    as the text says it; no timing)."""
    text = context.text
    for sentence in context.sentences:
        for process in [p for p in context.processes if sentence[0] <= p.start < sentence[1]]:
            if not re.search(context.cues.support, text[max(sentence[0], process.start - 120):process.start], re.I):
                continue
            organisations = [h for h in context.holders_in(*sentence) if h.type == "intergovernmental-organization"
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


def _without_aside(words: str) -> str:
    """The words between a holder and its status without an aside between commas ("Turkmenistan, which had
    followed the process as an observer, was admitted as a full member"): how far the status really is."""
    return re.sub(r",[^,]*,", ",", words, count=1)


def _as_many(listed: list[Actor], number: int | None) -> bool:
    """Whether a list names as many distinct actors as it was counted."""
    return bool(number) and len(listed) == number and len({h.entity for h in listed}) == number
