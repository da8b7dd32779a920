"""The meetings a release reports: their kind, number in the series, process, name, date or period, place,
and the larger meeting a smaller one is part of.

* A **meeting** is a phrasing of an event class (:data:`~.lexicon.DomainLexicon.event_kinds`: «Министерская
  конференция», "Senior Officials' Meeting", «тематическая встреча»...) in the body. A meeting the text
  only plans ("the next Ministerial Conference", «пятая Министерская конференция пройдет», «провести»)
  or names without naming it ("launched at a ministerial conference") is not drafted. Mentions of one
  kind are one meeting, unless they give it different numbers.
* Its **number** is the ordinal right before the kind ("third", "3rd", «Второе», «III», «3-я»); its
  **process** (``meeting_of``) the process named right after it ("of the Almaty Process",
  «Алматинского процесса»); its **name** the kind with the process and the subject after it
  ("on return and reintegration", «по защите беженцев ...»), the ordinal left out (it is the number).
* Its **date or period** and **place** are those of the sentence that first names it ("opened in Baku
  today and will run on April 24-25, 2019", «3 ноября в Ашхабаде состоялось»); "today"/«сегодня» is the
  date of issue. For the first meeting only, where the sentence gives none, the dateline's date and city
  stand in, and the note says so.
* The first meeting is the release's own; another is ``part_of`` it where the words before it say so
  ("As part of the Senior Officials' Meeting", «В рамках совещания»).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from migkg.draft.actors import Actors
from migkg.draft.facts import Drafted, DraftEvent
from migkg.draft.header import RelativeDate
from migkg.draft.lexicon import DOMAIN_LEXICONS, DomainLexicon
from migkg.draft.text import Analysis
from migkg.draft.timing import dates, period_fields

SHORT_KIND = {"ministerial-conference": "ministerial", "senior-officials-meeting": "senior-officials",
              "thematic-meeting": "thematic", "expert-meeting": "expert", "working-group-meeting": "working-group"}
ORDINAL_WORDS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11,
         "XII": 12}


@dataclass
class Meeting:
    """A drafted event and where the text names it."""

    event: DraftEvent
    mentions: list[tuple[int, int]] = field(default_factory=list)
    number: int | None = None

    @property
    def kind(self) -> str:
        return str(self.event.kind.fields["kind"])


@dataclass(frozen=True)
class Setting:
    """What the release says around its meetings: the date of issue and the dateline."""

    release_id: str
    issued: Drafted | None
    dateline: tuple[int, int] | None
    city: str | None
    relative: list[RelativeDate] = field(default_factory=list)
    """"today", "on Thursday", «накануне»... with the dates they stand for (:func:`.header.relative_dates`)."""
    dateline_tail: int | None = None
    """Where the dateline's agency and dash end: a relative date after it, in its paragraph, dates the first meeting."""

    @property
    def year(self) -> str | None:
        date = self.issued.fields.get("date") if self.issued else None
        return str(date)[:4] if date else None


def kind_mentions(text: str, lexicon: DomainLexicon, start: int, end: int) -> list[tuple[int, int, str]]:
    """Phrasings of event classes in ``text[start:end]``, the longest where they overlap."""
    found = [(m.start() + start, m.end() + start, kind) for kind, pattern in lexicon.event_kinds
             for m in re.finditer(pattern, text[start:end], re.I)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str]] = []
    for mention in found:
        if not kept or mention[0] >= kept[-1][1]:
            kept.append(mention)
    return kept


def ordinal_before(text: str, start: int, lexicon: DomainLexicon) -> tuple[int, int] | None:
    """The ordinal right before ``start`` and its number, as (offset of the ordinal, number)."""
    match = re.search(r"([\w]+)(?:-(?:я|е|й|ое|ая|ий|th|st|nd|rd))?\s+$", text[max(0, start - 30):start])
    if not match:
        return None
    offset = max(0, start - 30) + match.start()
    word = match.group(1)
    if word.isdigit():
        return offset, int(word)
    if word in ROMAN:
        return offset, ROMAN[word]
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    if digits:
        return offset, int(digits.group(1))
    low = word.lower()
    if low in lexicon.ordinals:
        return offset, lexicon.ordinals[low]
    for stem, number in sorted(lexicon.ordinals.items(), key=lambda s: -len(s[0])):
        if not stem.isascii() and low.startswith(stem) and len(low) - len(stem) <= 4:
            return offset, number
    return None


def _reported(text: str, sentence: tuple[int, int], start: int, end: int, lexicon: DomainLexicon) -> bool:
    window = text[max(sentence[0], start - 60):min(sentence[1], end + 60)]
    if re.search(lexicon.not_reported, window, re.I):
        return False
    return not re.search(lexicon.indefinite, text[max(sentence[0], start - 40):start], re.I)


def find_meetings(analysis: Analysis, actors: Actors, body: tuple[int, int], title: tuple[int, int] | None,
                  setting: Setting) -> list[Meeting]:
    """The meetings the release reports, the release's own first."""
    text, lexicon = analysis.text, DOMAIN_LEXICONS[analysis.language]
    mentions = kind_mentions(text, lexicon, *body)
    if not mentions and title:
        mentions = kind_mentions(text, lexicon, *title)
    meetings: list[Meeting] = []
    for start, end, kind in mentions:
        sentence = analysis.sentence_of(start)
        if not _reported(text, sentence, start, end, lexicon):
            continue
        ordinal = ordinal_before(text, start, lexicon)
        number = ordinal[1] if ordinal else None
        same = next((m for m in meetings if m.kind == kind and (number is None or m.number in (None, number))), None)
        if same is None:
            event = DraftEvent("", Drafted({"kind": kind}, [(start, end)], "a phrasing of the event class", 0.8),
                               Drafted({}, [(start, end)], "", 0.6))
            same = Meeting(event)
            meetings.append(same)
        same.mentions.append((start, end))
        if ordinal and same.event.number is None:
            same.number = number
            same.event.number = Drafted({"number": number}, [(ordinal[0], end)], "the ordinal before the meeting's kind",
                                        0.8)
    if title and len(meetings) > 1:  # a meeting of the kind the title names is the release's own
        named = {kind for _, _, kind in kind_mentions(text, lexicon, *title)}
        own = next((m for m in meetings if m.kind in named), None)
        if own is not None and meetings[0].kind not in named:
            meetings.remove(own)
            meetings.insert(0, own)
    for index, meeting in enumerate(meetings):
        _describe(analysis, actors, meeting, setting, first=index == 0)
    _name_ids(meetings, setting, [m.event.id for m in meetings])
    if meetings:
        main = meetings[0]
        for meeting in meetings[1:]:
            start = meeting.mentions[0][0]
            sentence = analysis.sentence_of(start)
            cue = re.search(lexicon.part_of, text[sentence[0]:start], re.I)
            if cue and meeting.kind != main.kind:
                meeting.event.part_of = Drafted({"event": main.event.id}, [(sentence[0] + cue.start(), meeting.mentions[0][1])],
                                                "words before the meeting that make it part of the release's first "
                                                "meeting", 0.7)
    return meetings


def _describe(analysis: Analysis, actors: Actors, meeting: Meeting, setting: Setting, first: bool) -> None:
    text, lexicon = analysis.text, DOMAIN_LEXICONS[analysis.language]
    event = meeting.event
    start, end = meeting.mentions[0]
    processes = [m for m in actors.mentions if m.type == "regional-consultative-process"]
    for mention_start, mention_end in meeting.mentions:
        after = next((p for p in processes if p.start >= mention_end
                      and re.fullmatch(r"\s+(?:of\s+(?:the\s+)?)?", text[mention_end:p.start], re.I)), None)
        if after:
            begin = event.number.spans[0][0] if event.number and event.number.spans[0][1] == mention_end \
                else mention_start
            event.meeting_of = Drafted({"process": after.entity}, [(begin, after.end)],
                                       "the process named right after the meeting's kind", 0.8)
            if mention_start == start:
                end = after.end
            break
    sentence = analysis.sentence_of(start)
    if event.meeting_of is None and first:
        named = [p for p in processes if sentence[0] <= p.start < sentence[1]]
        if len({p.entity for p in named}) == 1:
            event.meeting_of = Drafted({"process": named[0].entity}, sorted({(named[0].start, named[0].end),
                                                                             (start, meeting.mentions[0][1])}),
                                       "the only process named in the sentence that names the meeting", 0.5)
    ordinal = event.number.spans[0] if event.number and event.number.spans[0][1] == meeting.mentions[0][1] else None
    event.name = Drafted({}, [(ordinal[0] if ordinal else start, _name_end(analysis, end, lexicon))],
                         "the meeting's kind" + (" with its number" if ordinal else "")
                         + ", the process and the subject named after it", 0.6)
    sentence = analysis.sentence_of(start)
    skip = setting.dateline
    found = [t for t in dates(text[sentence[0]:sentence[1]], analysis.language, setting.year)
             if not (skip and skip[0] <= sentence[0] + t.start < skip[1])
             and not re.search(r"(?:since|from|until|\bс|\bдо|на)\s+$", text[max(0, sentence[0] + t.start - 8):
                                                                            sentence[0] + t.start], re.I)]
    near = [r for r in setting.relative if sentence[0] <= r.start < sentence[1]]
    if first and not near and setting.dateline_tail is not None:
        paragraph = analysis.paragraph_of(setting.dateline_tail)
        near = [r for r in setting.relative if setting.dateline_tail <= r.start < paragraph[1]]
    if found:
        timing = found[0]
        span = (sentence[0] + timing.start, sentence[0] + timing.end)
        if timing.kind == "period":
            event.period = Drafted(period_fields(timing), [span], "the period the sentence naming the meeting gives", 0.7)
        elif timing.start_value:
            event.date = Drafted({"date": timing.start_value}, [span], "the date the sentence naming the meeting gives"
                                 + (" (the year of the release)" if len(timing.start_value) > 4 and
                                    timing.start_value[:4] not in text[span[0]:span[1]] else ""), 0.7)
    elif near:
        when = near[0]
        issued_spans = setting.issued.spans[:1] if setting.issued else []
        event.date = Drafted({"date": when.date.isoformat()}, [*issued_spans, (when.start, when.end)],
                             f"«{when.words}» resolved against the date of issue", 0.7,
                             f"The text says \"{when.words}\"; the date of issue is {when.issued.isoformat()}.")
    elif first and setting.issued and setting.issued.fields.get("date") and setting.dateline:
        event.date = Drafted({"date": setting.issued.fields["date"]}, [setting.dateline], "the dateline's date", 0.5,
                             "From the dateline; the text gives the meeting no date of its own.")
    cities = [c for c in actors.within(*sentence, frozenset({"city"}))
              if not (skip and skip[0] <= c.start < skip[1])]
    if cities:
        city = cities[0]
        lead = re.search(r"(?:\b(?:in|at)|\bв|\bво)\s+$", text[max(sentence[0], city.start - 6):city.start], re.I)
        begin = city.start - len(lead.group()) if lead else city.start
        event.place = Drafted({"place": city.entity}, [(begin, city.end)], "the city named in the sentence naming "
                              "the meeting", 0.7)
    elif first and setting.city and setting.dateline:
        event.place = Drafted({"place": setting.city}, [setting.dateline], "the dateline's place", 0.5,
                              "From the dateline; check that the text names no other venue.")


def _name_end(analysis: Analysis, end: int, lexicon: DomainLexicon) -> int:
    """Where a name goes on: a preposition of its subject and the words after it, up to a verb or punctuation."""
    text = analysis.text
    sentence_end = analysis.sentence_of(end)[1]
    tail = re.match(rf"\s+(?:{lexicon.name_tail})\s+", text[end:sentence_end], re.I)
    if not tail:
        return end
    last = end
    for token in analysis.tokens_in(end + tail.end(), sentence_end):
        if not re.fullmatch(r"[\w'’–-]+", token.text) or "\n" in text[last:token.start]:
            break
        low = token.text.lower()
        if token.pos in ("VERB", "AUX") or low in lexicon.name_stop or \
                (analysis.language == "en" and re.fullmatch(r"[a-z]+ed", token.text)):
            break
        last = token.end
    words = text[end:last]
    trimmed = re.sub(r"(?:\s+(?:and|of|the|и|в|на|по))+$", "", words, flags=re.I)
    return end + len(trimmed) if last > end + tail.end() else end


def _name_ids(meetings: list[Meeting], setting: Setting, _: list[str]) -> None:
    """An id for each meeting from its date, place, number and kind (2019-04-24-baku-third-ministerial)."""
    taken: set[str] = set()
    for meeting in meetings:
        event = meeting.event
        when = event.date.fields["date"] if event.date else event.period.fields.get("from") if event.period else None
        where = event.place.fields["place"] if event.place else None
        number = ORDINAL_WORDS[meeting.number] if meeting.number and meeting.number < len(ORDINAL_WORDS) else \
            (str(meeting.number) if meeting.number else None)
        if when is None:
            dated = re.match(r"\d{4}(?:-\d{2}){0,2}(?=-|$)", setting.release_id)
            when = dated.group() if dated else setting.release_id
        parts = [str(when), where, number, SHORT_KIND.get(meeting.kind, meeting.kind)]
        base = "-".join(p for p in parts if p)
        candidate, count = base, 2
        while candidate in taken:
            candidate, count = f"{base}-{count}", count + 1
        taken.add(candidate)
        event.id = candidate
