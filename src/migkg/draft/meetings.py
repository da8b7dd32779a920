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

from migkg.draft.actors import ADJECTIVE_ENDING, Actor, Actors
from migkg.draft.facts import Drafted, DraftEvent
from migkg.draft.header import RelativeDate, month_number, weekday_number
from migkg.draft.lexicon import DOMAIN_LEXICONS, DomainLexicon
from migkg.draft.text import Analysis, Token
from migkg.draft.timing import Timing, dates, period_fields

SHORT_KIND = {"ministerial-conference": "ministerial", "senior-officials-meeting": "senior-officials",
              "thematic-meeting": "thematic", "expert-meeting": "expert", "working-group-meeting": "working-group",
              "vice-ministerial-meeting": "vice-ministerial", "steering-committee-meeting": "steering-committee"}
ORDINAL_WORDS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth")
def _roman(number: int) -> str:
    tens, units = divmod(number, 10)
    return "X" * tens + ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")[units]


ROMAN = {_roman(n): n for n in range(1, 40)}
"""Roman numerals, as meetings are numbered ("the XXVIII Vice-Ministerial Meeting"), up to XXXIX."""


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
    place_line: tuple[int, int] | None = None
    """A dateline with a place and no date ("ASTANA – …"): its city is where the text was issued, not a venue."""

    @property
    def year(self) -> str | None:
        date = self.issued.fields.get("date") if self.issued else None
        return str(date)[:4] if date else None


def kind_mentions(text: str, lexicon: DomainLexicon, start: int, end: int,
                  modified: bool = False) -> list[tuple[int, int, str]]:
    """Phrasings of event classes in ``text[start:end]``, the longest where they overlap; ``modified``: the
    phrasings of any head noun with a modifier that tells a class (:func:`_modified_heads`) instead."""
    found = _modified_heads(text, lexicon, start, end) if modified else \
        [(m.start() + start, m.end() + start, kind) for kind, pattern in lexicon.event_kinds
         for m in re.finditer(pattern, text[start:end], re.I)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str]] = []
    for mention in found:
        if not kept or mention[0] >= kept[-1][1]:
            kept.append(mention)
    return kept


MODIFIERS_BEFORE = r"(?:[\w'’-]+\s+){1,3}$"
"""The words right before a meeting's head noun, in its clause, that may tell its class ("XXVIII Vice-Ministerial")."""
MODIFIERS_AFTER = r"^\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+"
"""Russian: the words right after the head noun that may tell its class («совещание на уровне заместителей министров»)."""

LINKING = r"(?<![\w-])(?:the|a|an|at|of|in|to|on|for|with|by|and|from|its|their|this|that|в|во|на|с|со|для|и|по|о|об|к|от|при)(?![\w-])"
"""A small word between a cue and the head noun: the cue is no modifier of it ("ministers at the meeting")."""
LEVEL = r"на\s+уровне\s+"
"""«на уровне …» between the head noun and its cue: the level of the meeting, a modifier all the same."""


def _modified_heads(text: str, lexicon: DomainLexicon, start: int, end: int) -> list[tuple[int, int, str]]:
    """Any head noun of a meeting (:attr:`~.lexicon.DomainLexicon.meeting_heads`: meeting, conference, consultation,
    workshop, forum, seminar; «совещание», «встреча», «семинар», «форум»...) whose modifiers tell an event class
    (:attr:`~.lexicon.DomainLexicon.kind_cues`): "Vice-Ministerial Meeting", "Technical Workshop", "Senior Officials'
    Consultation", «экспертный семинар», «совещание на уровне заместителей министров» — a phrasing of that class, the
    nearest in the scheme, that no phrasing of the lexicon spells. The modifiers are the three words before the noun
    in its clause, and in Russian also the four after it; the phrasing runs from the word with the cue to the noun
    (or from the noun to the cue)."""
    found: list[tuple[int, int, str]] = []
    for head in re.finditer(rf"(?<![\w-])(?:{lexicon.meeting_heads})(?!\w)", text[start:end], re.I):
        head_start, head_end = start + head.start(), start + head.end()
        before = re.search(MODIFIERS_BEFORE, text[max(start, head_start - 60):head_start])
        words_before = before.group() if before else ""
        after = re.match(MODIFIERS_AFTER, text[head_end:min(end, head_end + 60)]) \
            if lexicon is DOMAIN_LEXICONS.get("ru") else None
        for kind, cue in lexicon.kind_cues:
            hit = re.search(cue, words_before, re.I)
            if hit and not re.search(LINKING, words_before[hit.end():], re.I) \
                    and not _noun_between(words_before, hit, lexicon):
                word = head_start - len(words_before) + hit.start()
                word -= len(re.search(r"[\w'’-]*$", text[:word]).group())  # type: ignore[union-attr]
                found.append((word, head_end, kind))
                break
            hit = re.search(cue, after.group(), re.I) if after else None
            if after and hit and not re.search(LINKING, re.sub(LEVEL, "", after.group()[:hit.start()], flags=re.I),
                                               re.I):
                found.append((head_start, head_end + hit.end(), kind))
                break
    return found


def _noun_between(words: str, hit: re.Match, lexicon: DomainLexicon) -> bool:
    """«Техническую поддержку конференции»: in Russian a cue that is an adjective, with a word between it and the
    meeting's noun that is no adjective, modifies that word (the meeting's noun depends on it), not the meeting
    («Министры стран … конференции», a noun, still tells who met)."""
    cue_word = re.search(r"[^\W\d_]*", words[hit.start():]).group()  # type: ignore[union-attr]
    return lexicon is DOMAIN_LEXICONS.get("ru") and bool(re.search(ADJECTIVE_ENDING, cue_word, re.I)) and any(
        not re.search(ADJECTIVE_ENDING, word, re.I) for word in re.findall(r"[^\W\d_]+", words[hit.end():]))


#: a word right before a meeting's kind that says how often or how widely it meets, part of its name ("ninth annual
#: meeting of senior officials", "regional thematic workshop", «региональное совещание экспертов», «ежегодное
#: совещание»); an ordinal may stand before it
_RECURRING = re.compile(r"(?:(?<=\s)|^)(?:annual|regular|regional|ежегодн\w*|регулярн\w*|региональн\w*)\s+$", re.I)


def ordinal_before(text: str, start: int, lexicon: DomainLexicon) -> tuple[int, int] | None:
    """The ordinal right before ``start`` and its number, as (offset of the ordinal, number); in English also before
    capitalised words that name whose meeting it is ("the 14th Bali Process Ad Hoc Group Senior Officials' Meeting")."""
    recurring = _RECURRING.search(text[max(0, start - 30):start])
    start -= len(recurring.group()) if recurring else 0  # "ninth annual meeting": the ordinal before the word
    match = re.search(r"([\w]+)(?:-(?:я|е|й|ое|ая|ий|th|st|nd|rd))?\s+$", text[max(0, start - 30):start])
    if match and lexicon is DOMAIN_LEXICONS.get("en"):
        named = re.search(r"\b(\w+)\s+(?:[A-Z][\w'’-]*\s+){1,6}$", text[max(0, start - 80):start])
        if named and (_ordinal_word(named.group(1), lexicon) or named.group(1) in ROMAN):
            start = max(0, start - 80) + named.end(1) + 1
            match = re.search(r"([\w]+)(?:-(?:я|е|й|ое|ая|ий|th|st|nd|rd))?\s+$", text[max(0, start - 30):start])
    if not match:
        return None
    offset = max(0, start - 30) + match.start()
    word = match.group(1)
    if word.isdigit():
        return (offset, int(word)) if int(word) < 100 else None  # "the June 2013 ministerial conference": a year
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


def _ordinal_word(word: str, lexicon: DomainLexicon) -> int | None:
    low = word.lower()
    digits = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th|-?(?:я|е|й|ое|ая|ий))", low)
    if digits:
        return int(digits.group(1))
    if low in lexicon.ordinals:
        return lexicon.ordinals[low]
    for stem, number in sorted(lexicon.ordinals.items(), key=lambda s: -len(s[0])):
        if not stem.isascii() and low.startswith(stem) and len(low) - len(stem) <= 4:
            return number
    return None


def _numbers_in_apposition(analysis: Analysis, actors: Actors, meetings: list[Meeting], body: tuple[int, int],
                           lexicon: DomainLexicon) -> None:
    """"The Senior Officials' Meeting, the seventh in the process's history", «Встречу, вторую в этом формате»:
    an ordinal after a comma right after the meeting (or a noun referring back to the last meeting named) is
    its number; a process named right after the ordinal ("The meeting, the 12th of the IGAD-RCP", «Встреча,
    третья в рамках Алматинского процесса») is the process it is a meeting of."""
    text = analysis.text
    nouns = "|".join(pattern for _, pattern in lexicon.event_nouns)
    mentions = sorted(((start, end, meeting) for meeting in meetings for start, end in meeting.mentions),
                      key=lambda m: m[0])
    # "The gathering, described by organizers as the 11th regular meeting of the process": a noun referring back,
    # and an ordinal after words that describe it as such
    for match in re.finditer(rf"\b(?:{nouns}|gathering|event)\w*,\s+(?:(?:described|billed|referred\s+to)\s+"
                             rf"(?:by\s+(?:\w+\s+){{1,3}}?)?as\s+)?(?:the\s+)?([\w-]+)", text[body[0]:body[1]], re.I):
        start, end = body[0] + match.start(), body[0] + match.end()
        number = _ordinal_word(match.group(1), lexicon)
        before = [m for m in mentions if m[0] <= start]
        if number is None or not before:
            continue
        meeting = before[-1][2]
        if meeting.event.number is None:
            meeting.number = number
            meeting.event.number = Drafted({"number": number}, [(start, end)],
                                           "an ordinal in apposition to the meeting", 0.7)
        process = _process_after_ordinal(analysis, actors, end)
        if process is not None and meeting.event.meeting_of is None:
            meeting.event.meeting_of = Drafted({"process": process.entity}, [(start, process.end)],
                                               "the process named after an ordinal in apposition to the meeting", 0.7)


#: words between an ordinal in apposition and the process whose meeting it numbers ("the 12th of the", «третья в
#: рамках»)
_ORDINAL_OF = r"\s+(?:of|in|within)\s+(?:the\s+)?(?:framework\s+of\s+(?:the\s+)?)?|\s+(?:в\s+рамках|в\s+истории)\s+"


def _process_after_ordinal(analysis: Analysis, actors: Actors, end: int) -> Actor | None:
    """The process named right after an ordinal in apposition to a meeting ("the 12th of the IGAD-RCP")."""
    return next((p for p in actors.mentions if p.type == "regional-consultative-process" and p.start >= end
                 and re.fullmatch(_ORDINAL_OF, analysis.text[end:p.start], re.I)), None)


def _reported(text: str, sentence: tuple[int, int], start: int, end: int, lexicon: DomainLexicon) -> bool:
    window = text[max(sentence[0], start - 60):min(sentence[1], end + 60)]
    if re.search(lexicon.not_reported, window, re.I) or \
            re.search(lexicon.planned_before, text[max(sentence[0], start - 60):start], re.I):
        return False
    return not re.search(lexicon.indefinite, text[max(sentence[0], start - 40):start], re.I)


def _counted(analysis: Analysis, start: int, end: int, lexicon: DomainLexicon) -> bool:
    """"five thematic workshops", «пять тематических семинаров»: meetings counted (a cardinal number before a plural),
    not one meeting with its number."""
    if not re.search(rf"(?:^|\s)(?:{lexicon.cardinals})\s+$", analysis.text[max(0, start - 20):start], re.I):
        return False
    last = analysis.tokens_in(start, end)[-1:]
    if analysis.language == "ru":
        return bool(last) and last[0].feats.get("Number") == "Plur"
    return analysis.text[:end].endswith("s") or analysis.text[end:end + 1] == "s"  # "workshops"


def _bare_meeting(analysis: Analysis, actors: Actors, body: tuple[int, int],
                  lexicon: DomainLexicon, as_object: bool = False) -> tuple[int, int, str, str, str | None] | None:
    """A meeting the text names by its head noun alone, with words around it that tell no event class of the
    lexicon ("at a meeting of the process's steering committee", «в ежегодной встрече Сети … (MIRPAL)»), when it
    names no meeting otherwise: the first such noun that someone is at ("at a", «участие в») or that was held,
    in a sentence that names a process and does not plan it. Its class is the one its modifiers tell
    (:attr:`~.lexicon.DomainLexicon.kind_cues`: "steering committee" → a working group's meeting), else an expert
    meeting, the class for a meeting of officials with no rank named (a bare conference, whose rank the text
    leaves open, is not drafted). Returns (start, end, class, method, note)."""
    text = analysis.text
    if not lexicon.kind_cues:
        return None
    nouns = "|".join(pattern for _, pattern in lexicon.event_nouns)
    processes = [m for m in actors.mentions if m.type == "regional-consultative-process"]
    for match in re.finditer(rf"\b(?:{nouns})s?\b", text[body[0]:body[1]], re.I):
        start, end = body[0] + match.start(), body[0] + match.end()
        sentence = analysis.sentence_of(start)
        attended = re.search(lexicon.attending, text[sentence[0]:start], re.I)
        held = bool(lexicon.held and re.search(lexicon.held, text[sentence[0]:sentence[1]], re.I))
        # "Member states … on Tuesday wrapped up a two-day meeting of the IGAD-RCP", «провели встречу …»: a verb of
        # holding, opening or closing whose object is this noun
        held = held or bool(as_object and lexicon.held_own and any(sentence[0] + h.end() == end for h in re.finditer(
            lexicon.held_own, text[sentence[0]:end], re.I)))
        if not (attended or held) or not _reported(text, sentence, start, end, lexicon) \
                or not any(sentence[0] <= p.start < sentence[1] for p in processes):
            continue
        if analysis.language == "ru":  # the adjectives before it: «ежегодной встрече»
            for token in reversed(analysis.tokens_in(sentence[0], start)):
                if token.pos != "ADJ" or token.text[:1].isupper() or token.end < start - 1 - len(token.text):
                    break
                start = token.start
        body_after = re.match(rf"\s+(?:of\s+(?:the\s+|its\s+)?)?(?:[\w'’-]+\s+){{0,3}}?(?:{lexicon.standing_body})",
                              text[end:sentence[1]], re.I) if lexicon.standing_body else None
        if body_after:
            end += body_after.end()
        modifiers = text[max(sentence[0], start - 30):end]
        kind = next((kind for kind, cue in lexicon.kind_cues if re.search(cue, modifiers, re.I)), None) or next(
            (kind for head, _, kind in _modified_heads(text, lexicon, match.start() + body[0], sentence[1])
             if head == body[0] + match.start()), None)  # «совещание на уровне заместителей министров»
        if kind is None and re.match(lexicon.event_nouns[0][1], match.group(), re.I):
            continue  # "a regional conference": its rank is not said
        # «Заместители министров … завершили … совещание», "Senior officials … wrapped up a meeting": who held it
        who = None if kind else _subject_kind(text, sentence, start, lexicon)
        if who:
            return start, end, who, "a meeting named by its head noun; the class from who held it, before it", None
        method = "a meeting named by its head noun; the class from the words with it" if kind else \
            "a meeting named by its head noun alone: an expert meeting, the class for officials of no rank named"
        note = None if kind else "The text names the meeting with no class; check its kind."
        return start, end, kind or "expert-meeting", method, note
    return None


def _subject_kind(text: str, sentence: tuple[int, int], start: int, lexicon: DomainLexicon) -> str | None:
    """The class that the subject of a sentence tells, when it opens the sentence and the meeting noun at ``start``
    comes after it: "Senior officials of the process … wrapped up a meeting", «Заместители министров государств –
    членов … завершили … совещание» (a dateline in slashes before it, «/Корр. ТАСС/.», is passed over)."""
    words = text[sentence[0]:start]
    opening = re.search(r"/\.?\s*(?=[A-ZА-ЯЁ])", words)  # «МЕХИКО, 14 ноября. /Корр. ТАСС …/. Заместители …»
    if opening:
        words = words[opening.end():]
    return next((kind for kind, cue in lexicon.kind_cues
                 if re.match(rf"\s*(?:the\s+)?(?:[\w'’-]+\s+){{0,1}}?(?:{cue})", words, re.I)), None)


def _body_meeting(analysis: Analysis, body: tuple[int, int],
                  lexicon: DomainLexicon) -> tuple[int, int, str, str, str | None] | None:
    """A meeting named by the body that meets, or by a session of the whole body, when the text names no meeting
    otherwise (:attr:`~.lexicon.DomainLexicon.meeting_bodies`: "met in Bern for the spring Full Round", "The Panel met
    in Baku", «заседание Панели …», «пленарное заседание»): the first such name in a sentence that says it was held,
    met, opened or closed, and does not plan it. Its class is the one the body's words tell (a steering committee or
    group; a panel, a standing body: a working group's, :attr:`~.lexicon.DomainLexicon.body_kinds`), else the one the words before it in its sentence tell (who
    met: "Heads of migration authorities", ministers), else a senior officials' meeting, the class of a process's
    regular meeting of officials, noted for the reviewer. Returns (start, end, class, method, note)."""
    text = analysis.text
    if not lexicon.kind_cues:
        return None
    verbs = "|".join(v for v in (lexicon.met, lexicon.held, lexicon.opened, lexicon.closed) if v)
    for match in re.finditer(lexicon.meeting_bodies, text[body[0]:body[1]]):
        start, end = body[0] + match.start("body"), body[0] + match.end("body")
        sentence = analysis.sentence_of(start)
        verb = re.search(verbs, text[sentence[0]:sentence[1]], re.I)
        if verb is None or not _reported(text, sentence, start, end, lexicon) \
                or (lexicon.to_come and re.search(lexicon.to_come, text[sentence[0]:sentence[0] + verb.start()], re.I)):
            continue  # "will meet in Vienna for the Full Round": one to come
        own = next((kind for kind, cue in lexicon.kind_cues if re.search(cue, match.group("body"), re.I)), None) \
            or next((kind for kind, cue in lexicon.body_kinds if re.search(cue, match.group("body"))), None)
        who = next((kind for kind, cue in lexicon.kind_cues if re.search(cue, text[sentence[0]:start], re.I)), None)
        if own:
            return start, end, own, "a meeting named by the body that meets; the class from the body's name", None
        if who:
            return start, end, who, "a meeting named by the body that meets; the class from who met", None
        return start, end, "senior-officials-meeting", "a meeting named by the body that meets, no class named", \
            "The text names the meeting by its body, with no class; a senior officials' meeting is a guess: check it."
    return None


def _who_met(analysis: Analysis, body: tuple[int, int], lexicon: DomainLexicon) -> list[tuple[int, int, str, int, int]]:
    """Meetings the text names by who met, when it names none by a class: a subject whose words tell a class
    (:attr:`~.lexicon.DomainLexicon.kind_cues`) before a verb of meeting or of holding its own meeting ("Senior
    officials of the Bali Process met in ...", "the Working Group on Return met", "Ministers concluded their two-day
    meeting", «Рабочая группа … провела свое второе заседание»); not one still to come ("will meet"). The subject is
    the words after the last comma or dash before the verb. Returns (start, end, class, the verb's start, the
    meeting noun's start or -1) for each, in the text's order, one a class."""
    text = analysis.text
    if not (lexicon.kind_cues and lexicon.met):
        return []
    found: list[tuple[int, int, str, int, int]] = []
    verbs = rf"(?P<held>{lexicon.held_own})|(?:{lexicon.met})" if lexicon.held_own else lexicon.met
    for sentence in analysis.sentences:
        if not (body[0] <= sentence[0] < body[1]):
            continue
        for verb in re.finditer(verbs, text[sentence[0]:sentence[1]], re.I):
            start = sentence[0] + verb.start()
            before = text[sentence[0]:start]
            clause = re.split(r"[,;(]|\s(?:[–—-]|--)\s", _without_brackets(before))[-1]
            subject_start = start - len(clause)
            if re.search(lexicon.to_come, before, re.I) or re.search(lexicon.not_reported, clause, re.I):
                break
            for kind, cue in lexicon.kind_cues:
                head = re.match(rf"\s*(?:the\s+|its\s+)?(?:[\w'’-]+\s+){{0,2}}?(?P<cue>{cue})", clause, re.I)
                if head:
                    if kind not in {f[2] for f in found}:
                        noun = _word_start(text, sentence[0] + verb.end()) if verb.groupdict().get("held") else -1
                        found.append((subject_start + head.start("cue"), subject_start + head.end("cue"), kind,
                                      start, noun))
                    break
            break
    return found


def _without_brackets(words: str) -> str:
    """``words`` with what stands in brackets blanked out, as long as before: "Senior officials of the Intergovernmental
    Authority on Development (IGAD) on Thursday wrapped up" is one clause."""
    return re.sub(r"\([^()]*\)", lambda bracket: " " * len(bracket.group()), words)


def _word_end(text: str, start: int) -> int:
    """The end of the word at ``start``."""
    word = re.compile(r"\w*").match(text, start)
    return word.end() if word else start


def _word_start(text: str, end: int) -> int:
    """The start of the word that ends at ``end``."""
    return end - len(re.search(r"\w*$", text[max(0, end - 40):end]).group())  # type: ignore[union-attr]


def _by_who_met(analysis: Analysis, meeting: Meeting, subject: tuple[int, int], verb: int, noun: int,
                lexicon: DomainLexicon) -> None:
    """A meeting found by who met (:func:`_who_met`): its class is said by the subject and the verb; its number is
    the ordinal before the noun of the meeting they held («свое третье заседание»); a meeting of people (not of
    a standing body, whose name is the meeting's) is named by the noun that refers to it, in its sentence or the
    next ("concluded their meeting", "The meeting was hosted by ...")."""
    text, event = analysis.text, meeting.event
    event.kind = Drafted({"kind": meeting.kind}, [subject, (verb, _word_end(text, verb))],
                         "the words of who met or held their meeting, before the verb", 0.6)
    ordinal = ordinal_before(text, noun, lexicon) if noun >= 0 else None
    if ordinal and event.number is None:
        meeting.number = ordinal[1]
        event.number = Drafted({"number": ordinal[1]}, [(ordinal[0], _word_end(text, noun))],
                               "the ordinal before the meeting they held", 0.7)
    if lexicon.standing_body and re.search(lexicon.standing_body, text[subject[0]:subject[1]], re.I):
        return
    nouns = "|".join(pattern for _, pattern in lexicon.event_nouns)
    sentence = analysis.sentence_of(verb)
    following = analysis.sentence_of(sentence[1] + 1) if sentence[1] < len(text) else sentence
    referring = re.compile(rf"\b(?:the|their|its|this)\s+(?:[\w-]+\s+)?(?P<noun>{nouns})\b", re.I)
    named = next((m for m in referring.finditer(text, verb, following[1])
                  if not re.search(lexicon.not_reported, m.group(), re.I)), None)
    if named:
        event.name = Drafted({}, [named.span("noun")], "the noun that refers to the meeting, after the verb of who met",
                             0.5)


def find_meetings(analysis: Analysis, actors: Actors, body: tuple[int, int], title: tuple[int, int] | None,
                  setting: Setting) -> list[Meeting]:
    """The meetings the release reports, the release's own first."""
    text, lexicon = analysis.text, DOMAIN_LEXICONS[analysis.language]
    mentions = kind_mentions(text, lexicon, *body)
    if not mentions and title:
        mentions = kind_mentions(text, lexicon, *title)
    mentions = [(start, end, kind) for start, end, kind in mentions
                if _reported(text, analysis.sentence_of(start), start, end, lexicon)
                and not _counted(analysis, start, end, lexicon)]
    bare = _bare_meeting(analysis, actors, body, lexicon) if not mentions else None
    if bare:
        mentions = [bare[:3]]
    if not mentions:  # "met in Bern for the spring Full Round", «заседание Панели»: named by the body that meets
        bare = _body_meeting(analysis, body, lexicon)
        mentions = [bare[:3]] if bare else []
    met = _who_met(analysis, body, lexicon) if not mentions else []
    # "the Technical Workshop of the Bali Process", «экспертный семинар»: the nearest class's phrasing, unless who
    # met is named before it
    modified = [(start, end, kind) for start, end, kind in kind_mentions(text, lexicon, *body, modified=True)
                if _reported(text, analysis.sentence_of(start), start, end, lexicon)
                and not _counted(analysis, start, end, lexicon)] if not mentions else []
    if modified and (not met or modified[0][0] < met[0][0]):
        mentions, met = modified, []
    mentions = mentions or [m[:3] for m in met]
    if not mentions:  # the last resort: a head noun that is the object of a verb of holding, opening or closing
        bare = _bare_meeting(analysis, actors, body, lexicon, as_object=True)
        mentions = [bare[:3]] if bare else []
    meetings: list[Meeting] = []
    for start, end, kind in mentions:
        sentence = analysis.sentence_of(start)
        if not _reported(text, sentence, start, end, lexicon):
            continue
        ordinal = ordinal_before(text, start, lexicon)
        number = ordinal[1] if ordinal else None
        same = next((m for m in meetings if m.kind == kind and (number is None or m.number in (None, number))), None)
        if same is None:
            event = DraftEvent("", Drafted({"kind": kind}, [(start, end)], bare[3], 0.4, bare[4]) if bare else
                               Drafted({"kind": kind}, [(start, end)], "a phrasing of the event class", 0.8),
                               Drafted({}, [(start, end)], "", 0.6))
            same = Meeting(event)
            meetings.append(same)
        same.mentions.append((start, end))
        if ordinal and same.event.number is None:
            same.number = number
            same.event.number = Drafted({"number": number}, [(ordinal[0], end)], "the ordinal before the meeting's kind",
                                        0.8)
    if title and len(meetings) > 1:
        named = {kind for start, end, kind in kind_mentions(text, lexicon, *title)
                 if _reported(text, title, start, end, lexicon)}
        own = next((m for m in meetings if m.kind in named), None)
        if own is not None and meetings[0].kind not in named:  # the headline's meeting is the release's own
            meetings.remove(own)
            meetings.insert(0, own)
    _numbers_in_apposition(analysis, actors, meetings, body, lexicon)
    for index, meeting in enumerate(meetings):
        _describe(analysis, actors, meeting, setting, first=index == 0)
    for start, end, _, verb, noun in met:
        for meeting in (m for m in meetings if m.mentions[0][0] == start):
            _by_who_met(analysis, meeting, (start, end), verb, noun, lexicon)
    _name_ids(meetings, setting, [m.event.id for m in meetings])
    if meetings:
        main = meetings[0]
        for meeting in meetings[1:]:
            start = meeting.mentions[0][0]
            sentence = analysis.sentence_of(start)
            cue = re.search(lexicon.part_of, text[sentence[0]:start], re.I)
            later = re.search(lexicon.part_of_after, text[meeting.mentions[0][1]:sentence[1]], re.I) \
                if lexicon.part_of_after else None
            if later and not cue and meeting.kind != main.kind:
                meeting.event.part_of = Drafted({"event": main.event.id}, [(start, meeting.mentions[0][1] + later.end())],
                                                "words after the meeting that make it part of the release's first "
                                                "meeting", 0.7)
            if cue and meeting.kind != main.kind:
                meeting.event.part_of = Drafted({"event": main.event.id}, [(sentence[0] + cue.start(), meeting.mentions[0][1])],
                                                "words before the meeting that make it part of the release's first "
                                                "meeting", 0.7)
    return meetings


def _describe(analysis: Analysis, actors: Actors, meeting: Meeting, setting: Setting, first: bool) -> None:
    text, lexicon = analysis.text, DOMAIN_LEXICONS[analysis.language]
    event = meeting.event
    start, end = _main_mention(analysis, meeting)
    sentence = analysis.sentence_of(start)
    lead = _lead_sentence(analysis, sentence, lexicon) if first else None
    processes = [m for m in actors.mentions if m.type == "regional-consultative-process"]
    for mention_start, mention_end in sorted(meeting.mentions, key=lambda m: m[0] != start):  # the main one first
        after = next((p for p in processes if p.start >= mention_end
                      and re.fullmatch(r"\s+(?:of\s+(?:the\s+)?)?", text[mention_end:p.start], re.I)), None)
        before = next((p for p in processes if p.end <= mention_start and analysis.language == "en"
                       and re.fullmatch(r"(?:['’]s)?\s+(?:[A-Z][\w'’-]*\s+){0,4}", text[p.end:mention_start])), None)
        # "Bali Process Ad Hoc Group Senior Officials' Meeting": a body of the process named between them
        if after or before:
            process = after or before
            assert process is not None
            event.meeting_of = Drafted({"process": process.entity}, [(min(mention_start, process.start),
                                                                      max(mention_end, process.end))],
                                       f"the process named right {'after' if after else 'before'} the meeting's kind",
                                       0.8)
            if mention_start == start:
                start, end = min(start, process.start), max(end, process.end)
            break
        bare = re.match(lexicon.process_word, text[mention_end:], re.I) if lexicon.process_word else None
        if bare and len({p.entity for p in processes}) == 1:  # «совещании старших должностных лиц процесса»
            event.meeting_of = Drafted({"process": processes[0].entity}, [(mention_start, mention_end + bare.end()),
                                                                          (processes[0].start, processes[0].end)],
                                       "«the process» right after the meeting's kind, the only process the text "
                                       "names", 0.6)
            if mention_start == start:
                end = mention_end + bare.end()
            break
    if event.meeting_of is None and first:
        for where, method in ((sentence, "the sentence that names the meeting"),
                              (lead, "the sentence before, that says where and when they met")):
            whole = analysis.sentence_of(where[0]) if where else None
            named = [p for p in processes if whole and whole[0] <= p.start < whole[1]
                     and not (where == sentence and lexicon.launching and p.start > end
                              and re.search(lexicon.launching, text[end:p.start], re.I))]
            if len({p.entity for p in named}) == 1:
                event.meeting_of = Drafted({"process": named[0].entity}, sorted({(named[0].start, named[0].end),
                                                                                 (start, end)}),
                                           f"the only process named in {method}", 0.5)
                break
    if event.meeting_of is None and first and len({p.entity for p in processes}) == 1 \
            and not (lexicon.launching and re.search(lexicon.launching, text, re.I)):  # not a process's founding
        # "Senior officials from Bali Process member countries called for ... The Senior Officials' Meeting ..."
        only = processes[0]
        event.meeting_of = Drafted({"process": only.entity}, sorted({(only.start, only.end), (start, end)}),
                                   "the only process the text names, for the release's own meeting", 0.4)
    places = {m.start for m in actors.mentions if m.type in ("city", "state")}
    kind_start, start = start, _with_ordinal(event, start)
    recurring = _RECURRING.search(text[max(0, start - 30):start]) if start == kind_start else None
    start -= len(recurring.group()) if recurring else 0  # "regional thematic workshop", «ежегодное совещание»
    if analysis.language == "en" and start == kind_start:  # "the ADD Senior Officials' Meeting"
        start = _capitalised_before(text, sentence, start, actors.mentions)
    if analysis.language == "ru":  # «экспертное совещание Панели Восточного партнерства …», «… Пражского процесса «…»»
        end = _genitive_owner_end(text, end, [(m.start, m.end) for m in actors.mentions if m.type in OWNER_TYPES])
    event.name = Drafted({}, [(start, _name_end(analysis, end, lexicon, places))],
                         "the ordinal, the meeting's kind, the process and the subject named after it", 0.6)
    held = _held_sentence(analysis, meeting, sentence)
    _when(analysis, meeting, setting, first, sentence, lead, held)
    _where(analysis, actors, meeting, setting, first, sentence, lead, held)
    if first:
        _attendance(analysis, meeting, sentence, lead)


#: how a meeting was attended, the mixed mode first ("in a hybrid format", «в гибридном формате»); online is the
#: lexicon's ``online`` ("met online", "by videoconference", «в режиме видеоконференции»)
HYBRID = {"en": r"\bhybrid\b|\bin\s+(?:a\s+)?(?:mixed|blended)\s+format\b",
          "ru": r"гибридн\w+|смешанн\w+\s+формат\w*"}


def _attendance(analysis: Analysis, meeting: Meeting, sentence: tuple[int, int], lead: tuple[int, int] | None) -> None:
    """How the release's own meeting was attended, where the sentence naming it (or the one before that says they
    met) says it: ``hybrid``, else ``online``; nothing where the text says neither (in person is not assumed)."""
    text, lexicon = analysis.text, DOMAIN_LEXICONS[analysis.language]
    for where in (sentence, lead):
        if where is None:
            continue
        for mode, pattern in (("hybrid", HYBRID.get(analysis.language, "")), ("online", lexicon.online)):
            hit = re.search(pattern, text[where[0]:where[1]], re.I) if pattern else None
            if hit:
                meeting.event.attendance = Drafted({"mode": mode}, [(where[0] + hit.start(), where[0] + hit.end())],
                                                   f"«{hit.group()}» in the sentence about the meeting", 0.6)
                return


def _capitalised_before(text: str, sentence: tuple[int, int], start: int, mentions: list[Actor]) -> int:
    """Where an English meeting's name begins when capitalised words stand right before its kind, after "the" or
    "at"/"of" (not at the sentence's start): "the ADD Senior Officials' Meeting", "the Bali Process Ad Hoc Group
    Senior Officials' Meeting", "the Rabat Process Steering Committee meeting" — the body or process is in the name.
    A city or a state, a month or a weekday first among them says where or when it met, no part of its name ("the
    Astana Senior Officials' Meeting", "the March Senior Officials' Meeting"); so does a word the text names after
    "in" elsewhere ("the Bangkok Senior Officials' Meeting … held in Bangkok": a city the registry may not know)."""
    words = re.search(r"\b(?:[Tt]he|at|of|an?)\s+((?:(?:[A-Z][\w'’-]*|[A-Z]{2,}[\w-]*)\s+){1,4})$",
                      text[sentence[0]:start])
    if words is None or not words.group(1)[:1].isupper():
        return start
    first = sentence[0] + words.start(1)
    while first < start:
        word = re.match(r"[\w'’-]+", text[first:start])
        if word is None:
            break
        covering = [m for m in mentions if m.start <= first < m.end]
        if covering and all(m.type in ("city", "state") for m in covering):
            first = max(m.end for m in covering)
        elif month_number(word.group()) or weekday_number(word.group()) \
                or re.search(rf"\b[Ii]n\s+{re.escape(word.group())}\b(?!\s+[A-Z])", text):
            first += word.end()  # a month, a weekday, or a word the text names as where ("held in Bangkok")
        else:
            break
        first += len(text[first:start]) - len(text[first:start].lstrip())
    return first


def _with_ordinal(event: DraftEvent, start: int) -> int:
    """Where a meeting's name begins: at the ordinal read right before its kind ("Seventh Ministerial Consultation",
    "XXVII Vice-Ministerial Meeting", «шестая министерская конференция»), as the writers name it, else at the kind."""
    if event.number is None:
        return start
    ordinal_start, ordinal_end = event.number.spans[0]
    return ordinal_start if ordinal_start < start < ordinal_end else start


def _held_sentence(analysis: Analysis, meeting: Meeting, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """Another sentence naming the meeting that says it was held ("Kazakhstan took part in the consultation. The
    Seventh Ministerial Consultation took place on Wednesday in Abu Dhabi"): its date and place stand in where the
    sentence naming the meeting first gives none."""
    lexicon = DOMAIN_LEXICONS[analysis.language]
    if not lexicon.held:
        return None
    for start, _ in sorted(meeting.mentions):
        other = analysis.sentence_of(start)
        if other != sentence and re.search(lexicon.held, analysis.text[other[0]:other[1]], re.I):
            return other
    return None


def _main_mention(analysis: Analysis, meeting: Meeting) -> tuple[int, int]:
    """The first mention in a sentence of the body, not in a headline (a line with no full stop)."""
    text = analysis.text
    return next(((s, e) for s, e in meeting.mentions
                 if re.search(r"[.!?…»\"”]\s*$", text[slice(*analysis.sentence_of(s))])), meeting.mentions[0])


def _online(analysis: Analysis, sentence: tuple[int, int], lead: tuple[int, int] | None) -> bool:
    """Whether the sentence naming the meeting, or the one before that says they met, says it was held online."""
    lexicon = DOMAIN_LEXICONS[analysis.language]
    return bool(lexicon.online) and any(re.search(lexicon.online, analysis.text[where[0]:where[1]], re.I)
                                        for where in (sentence, lead) if where)


def _lead_sentence(analysis: Analysis, sentence: tuple[int, int], lexicon: DomainLexicon) -> tuple[int, int] | None:
    """"Senior officials ... met in Colombo on 22-23 May 2024. The Senior Officials' Meeting was hosted by ...": the
    sentence right before the one naming the release's meeting, when it says that they met; from its verb on."""
    if not lexicon.met or sentence[0] == 0:
        return None
    before = analysis.sentence_of(sentence[0] - 1)
    if before == sentence:
        return None
    verb = re.search(lexicon.met, analysis.text[before[0]:before[1]], re.I)
    return (before[0] + verb.start(), before[1]) if verb else None


def _explicit(analysis: Analysis, where: tuple[int, int], setting: Setting,
              others: list[tuple[int, int]] | None = None) -> list[tuple[Timing, tuple[int, int]]]:
    """The dates of ``text[where]`` that are not the dateline's nor the beginning or end of something else, nor
    those of another meeting (``others``: where they are named): "the 2011 ministerial conference", "a meeting in
    Bishkek on 3 May"."""
    text, skip = analysis.text, setting.dateline

    def anothers(start: int, end: int) -> bool:
        return any((0 <= other[0] - end <= 20 and not re.search(r"[,;(]", text[end:other[0]]))
                   or (0 <= start - other[1] <= 40 and not re.search(r"[,;(]", text[other[1]:start]))
                   for other in others or [])
    return [(t, (where[0] + t.start, where[0] + t.end))
            for t in dates(text[where[0]:where[1]], analysis.language, setting.year)
            if not (skip and skip[0] <= where[0] + t.start < skip[1])
            and not anothers(where[0] + t.start, where[0] + t.end)
            and not re.search(r"(?:since|from|until|\bс|\bдо|на)\s+$", text[max(0, where[0] + t.start - 8):
                                                                           where[0] + t.start], re.I)]


def _one_end(analysis: Analysis, sentence: tuple[int, int], lexicon: DomainLexicon) -> str | None:
    """``from`` when the sentence says the meeting opened, ``to`` when it says it closed (not both)."""
    words = analysis.text[sentence[0]:sentence[1]]
    opened = bool(lexicon.opened and re.search(lexicon.opened, words, re.I))
    closed = bool(lexicon.closed and re.search(lexicon.closed, words, re.I))
    return "from" if opened and not closed else "to" if closed and not opened else None


def _joined_day(text: str, near: list[RelativeDate]) -> RelativeDate | None:
    """The second of two days joined by "and", «и» or a dash ("Monday and Tuesday"), when it is a later one."""
    if len(near) < 2:
        return None
    first, second = near[0], near[1]
    joined = re.fullmatch(r"\s*(?:and|и|to|–|—|-)\s*(?:on\s+|во?\s+)?", text[first.end:second.start], re.I)
    return second if joined and second.date > first.date else None


def _day_end(analysis: Analysis, sentence: tuple[int, int], day: int, lexicon: DomainLexicon) -> str | None:
    """A day read from another sentence than the meeting's ("… a two-day thematic workshop. The workshop, which
    opened on Tuesday, …"): ``from`` or ``to`` as that sentence says the meeting opened or closed then."""
    own = analysis.sentence_of(day)
    if own == sentence or not _lasted_days(analysis, own, lexicon):
        return None
    return _one_end(analysis, own, lexicon)


def _lasted_days(analysis: Analysis, sentence: tuple[int, int], lexicon: DomainLexicon) -> bool:
    """Whether the text says the meeting lasted more than a day: "two-day" in its sentence, or before a noun for
    a meeting anywhere («Двухдневная встреча организована ...»). Only then is a day it opened (closed) on its
    first (last) day, and not its date."""
    if not lexicon.multi_day:
        return False
    nouns = "|".join([pattern for _, pattern in lexicon.event_nouns] + [pattern for _, pattern in lexicon.event_kinds])
    return bool(re.search(lexicon.multi_day, analysis.text[sentence[0]:sentence[1]], re.I)
                or re.search(rf"(?:{lexicon.multi_day})\s+(?:{nouns})", analysis.text, re.I))


def _when(analysis: Analysis, meeting: Meeting, setting: Setting, first: bool, sentence: tuple[int, int],
          lead: tuple[int, int] | None, held: tuple[int, int] | None = None) -> None:
    """The meeting's date or period: a period the sentence naming it gives, else one the sentence before (that says
    they met) or a sentence after in its paragraph that refers back to it («Встреча проходила 20–21 ноября») gives;
    else the day its sentence gives ("today" included) — the first day if it says the meeting opened, the last if
    it closed, where the text says it lasted days («двухдневная»); else (the release's meeting only) a day the sentence before gives, else the dateline's date."""
    text, lexicon, event = analysis.text, DOMAIN_LEXICONS[analysis.language], meeting.event
    rivals = [(start, end) for start, end, _ in kind_mentions(text, lexicon, 0, len(text))
              if start not in {s for s, _ in meeting.mentions}]
    own = _explicit(analysis, sentence, setting, rivals)
    others: list[tuple[Timing, tuple[int, int]]] = []
    if first:
        nouns = "|".join(pattern for _, pattern in lexicon.event_nouns)
        paragraph = analysis.paragraph_of(sentence[0])
        # its paragraph, or the next one's first sentence ("The meeting on Protection at Sea, held on 23 and 24
        # September, …" right after the lead paragraph)
        following = next((p for p in analysis.paragraphs if p[0] >= paragraph[1]), paragraph)
        next_first = next((s for s in analysis.sentences if following[0] <= s[0] < following[1]), None)
        back = [s for s in analysis.sentences if (sentence[1] <= s[0] < paragraph[1] or s == next_first)
                and re.match(rf"\s*(?:the\s+)?(?:{nouns})", text[s[0]:s[1]], re.I)]
        for where in ([lead] if lead else []) + back:
            others += _explicit(analysis, where, setting, rivals)
    near = [r for r in setting.relative if sentence[0] <= r.start < sentence[1]]
    if held and not own and not near:  # the sentence naming it has no date: one saying it was held may
        own = _explicit(analysis, held, setting, rivals)
        near = [r for r in setting.relative if held[0] <= r.start < held[1]]
        sentence = held if own or near else sentence
    if first and not near and setting.dateline_tail is not None:
        paragraph = analysis.paragraph_of(setting.dateline_tail)
        near = [r for r in setting.relative if setting.dateline_tail <= r.start < paragraph[1]]
    end = _one_end(analysis, sentence, lexicon) if _lasted_days(analysis, sentence, lexicon) else None
    period = next(((t, span, "the period the sentence naming the meeting gives") for t, span in own
                   if t.kind == "period"), None) or \
        next(((t, span, "the period a sentence about the meeting gives") for t, span in others if t.kind == "period"),
             None)
    day = next(((t, span) for t, span in own if t.start_value), None)
    if period:
        timing, span, method = period
        event.period = Drafted(period_fields(timing), [span], method, 0.7)
    elif day:
        timing, span = day
        year_note = " (the year of the release)" if len(timing.start_value or "") > 4 and \
            str(timing.start_value)[:4] not in text[span[0]:span[1]] else ""
        if end and len(timing.start_value or "") == 10:
            event.period = Drafted({end: timing.start_value}, [span], f"the {'first' if end == 'from' else 'last'} "
                                   f"day the sentence naming the meeting gives{year_note}", 0.6)
        else:
            event.date = Drafted({"date": timing.start_value}, [span], "the date the sentence naming the meeting gives"
                                 + year_note, 0.7)
    elif near:
        when = near[0]
        end = _day_end(analysis, sentence, when.start, lexicon) or end
        issued_spans = setting.issued.spans[:1] if setting.issued else []
        spans = [*issued_spans, (when.start, when.end)]
        note = f"The text says \"{when.words}\"; the date of issue is {when.issued.isoformat()}."
        last = _joined_day(text, near)
        both = _opened_and_closed(text, sentence, near, lexicon)
        if both is not None:  # «открывшееся в среду, завершилось сегодня», "opened on Monday and closed today"
            opened, closed = both
            event.period = Drafted({"from": opened.date.isoformat(), "to": closed.date.isoformat()},
                                   [*issued_spans, (opened.start, opened.end), (closed.start, closed.end)],
                                   f"«{opened.words}» and «{closed.words}», the days its sentence says the meeting "
                                   "opened and closed, resolved against the date of issue", 0.6,
                                   f"The text says \"{opened.words}\" and \"{closed.words}\"; the date of issue is "
                                   f"{when.issued.isoformat()}.")
        elif last is not None:  # "last Monday and Tuesday", «в понедельник и вторник»: the first and last days
            event.period = Drafted({"from": when.date.isoformat(), "to": last.date.isoformat()},
                                   [*issued_spans, (when.start, last.end)], f"«{text[when.start:last.end]}» resolved "
                                   "against the date of issue, the first and last days", 0.6, note)
        elif end:
            event.period = Drafted({end: when.date.isoformat()}, spans, f"«{when.words}» resolved against the date of "
                                   f"issue, the {'first' if end == 'from' else 'last'} day", 0.6, note)
        else:
            event.date = Drafted({"date": when.date.isoformat()}, spans, f"«{when.words}» resolved against the date "
                                 "of issue", 0.7, note)
    elif others and others[0][0].start_value and others[0][0].kind == "date":
        timing, span = others[0]
        event.date = Drafted({"date": timing.start_value}, [span], "the date the sentence before gives, where they "
                             "met", 0.6)
    elif first and setting.issued and setting.issued.fields.get("date") and setting.dateline:
        event.date = Drafted({"date": setting.issued.fields["date"]}, [setting.dateline], "the dateline's date", 0.5,
                             "From the dateline; the text gives the meeting no date of its own.")
    if first and not period:
        _opened_elsewhere(analysis, meeting, setting, rivals, sentence)


def _opened_and_closed(text: str, sentence: tuple[int, int], near: list[RelativeDate],
                       lexicon: DomainLexicon) -> tuple[RelativeDate, RelativeDate] | None:
    """Two days of one sentence, one right after a verb of opening and a later one right after a verb of closing
    («открывшееся в среду, завершилось сегодня», "which opened on Monday, closed today"): the first and last days of
    the meeting, whatever the text says of its length."""
    if not (lexicon.opened and lexicon.closed) or len(near) < 2:
        return None

    def after(verbs: str, day: RelativeDate) -> bool:
        return bool(re.search(rf"(?:{verbs})(?:\s+(?:on|в|во))?\s*$", text[max(sentence[0], day.start - 40):day.start],
                              re.I))
    opened = next((d for d in near if after(lexicon.opened, d)), None)
    closed = next((d for d in near if after(lexicon.closed, d)), None)
    if opened is None or closed is None or closed.date <= opened.date or closed.start <= opened.start:
        return None
    return opened, closed


def _opened_elsewhere(analysis: Analysis, meeting: Meeting, setting: Setting, rivals: list[tuple[int, int]],
                      sentence: tuple[int, int]) -> None:
    """"… are attending the two-day meeting at a city hotel, which began yesterday", «Двухдневное совещание,
    открывшееся в среду, …», "the two-day meeting, which was opened on 14 June": a later sentence about a meeting of
    days, naming no other meeting, that says when it opened gives the period's first day; the day drafted before
    stays as its last only where its own sentence says the meeting closed then ("concluded today")."""
    text, lexicon, event = analysis.text, DOMAIN_LEXICONS[analysis.language], meeting.event
    if not (lexicon.opened and lexicon.multi_day) or (event.period and "from" in event.period.fields):
        return
    for later in (s for s in analysis.sentences if s[0] >= sentence[1]):
        if any(later[0] <= r[0] < later[1] for r in rivals):
            continue
        found = _opened_on(text[later[0]:later[1]], lexicon) if _lasted_days(analysis, later, lexicon) else None
        if found is None:
            continue
        noun_start, verb_end = found
        at = later[0] + verb_end
        days = [(r.date.isoformat(), (r.start, r.end)) for r in setting.relative if at <= r.start <= at + 20] + \
            [(str(t.start_value), span) for t, span in _explicit(analysis, (at, min(later[1], at + 30)), setting)
             if t.kind == "date" and len(str(t.start_value or "")) == 10]
        if not days:
            continue
        day, span = days[0]
        ends = event.period.fields.get("to") if event.period else None
        fields = {"from": day, **({"to": ends} if ends and ends > day else {})}
        spans = [(later[0] + noun_start, span[1])] + (event.period.spans if event.period and ends else [])
        event.period = Drafted(fields, spans, "the day a later sentence says the meeting of days opened"
                               + (", and the last day drafted before" if "to" in fields else ""), 0.6)
        event.date = None
        return


def _opened_on(words: str, lexicon: DomainLexicon) -> tuple[int, int] | None:
    """Where a sentence says a meeting of days opened, as (where its words begin, where the day may follow): the
    meeting of days and a verb of opening after it ("the two-day meeting, which began yesterday"), or a verb of
    opening with the meeting as its object ("Opening the meeting on Wednesday, the Minister …", «Открывая совещание
    во вторник»)."""
    nouns = lexicon.meeting_nouns
    noun = re.search(rf"(?:{lexicon.multi_day})\s+(?:{nouns})", words, re.I)
    if noun is not None:
        verb = re.search(lexicon.opened, words[noun.end():], re.I)
        between = words[noun.end():noun.end() + verb.start()] if verb else ""
        if verb is not None and not re.search(r"[.;]", between) and len(between) <= 80:
            return noun.start(), noun.end() + verb.end()
    opening = re.search(rf"(?:{lexicon.opening})\s+(?:\w+\s+){{0,2}}?(?:{nouns})(?!\w)", words, re.I) \
        if lexicon.opening else None
    return (opening.start(), opening.end()) if opening else None


def _where(analysis: Analysis, actors: Actors, meeting: Meeting, setting: Setting, first: bool,
           sentence: tuple[int, int], lead: tuple[int, int] | None, held: tuple[int, int] | None = None) -> None:
    """The meeting's city: the one named right after it ("conference in Almaty"), else the first its sentence names
    (not the dateline's), else where the sentence before says they met, else (the release's meeting) the dateline's."""
    text, skip, event = analysis.text, setting.dateline, meeting.event
    mention_end = _main_mention(analysis, meeting)[1]

    def cities_in(where: tuple[int, int]) -> list[Actor]:
        return [c for c in actors.within(*where, frozenset({"city"}))
                if not any(s and s[0] <= c.start < s[1] for s in (skip, setting.place_line))]

    def lead_in(city: Actor) -> re.Match[str] | None:
        return re.search(r"(?:\b(?:in|at)|\bв|\bво)\s+$", text[max(sentence[0], city.start - 6):city.start], re.I)

    def right_after(city: Actor, end: int) -> bool:
        return city.start >= end and city.start - end <= 40 and bool(lead_in(city)) \
            and not re.search(r"[,;(]", text[end:city.start])

    others = [end for start, end, _ in kind_mentions(text, DOMAIN_LEXICONS[analysis.language], *sentence)
              if start not in {s for s, _ in meeting.mentions}]
    own = [c for c in cities_in(sentence) if not any(right_after(c, end) for end in others)]  # another's venue
    right_after_it = [c for c in own if right_after(c, mention_end)]
    found = right_after_it or own or (cities_in(lead) if lead else []) or (cities_in(held) if held else [])
    line = setting.place_line
    heading = actors.within(*line, frozenset({"city"})) if line else []
    if found:
        city = found[0]
        lead_words = lead_in(city)
        begin = city.start - len(lead_words.group()) if lead_words else city.start
        method = "the city named right after the meeting" if right_after_it else "the city named in the sentence naming " \
            "the meeting" if own else "the city where the sentence before says they met" if lead and city in \
            cities_in(lead) else "the city where a sentence naming the meeting says it was held"
        event.place = Drafted({"place": city.entity}, [(begin, city.end)], method, 0.7)
    elif first and line and heading and not _online(analysis, sentence, lead):  # "BISHKEK (AKIpress) - ...", no other
        event.place = Drafted({"place": heading[0].entity}, [line], "the dateline's place (it has no "
                              "date)", 0.5, "From the dateline; check that the text names no other venue.")
    elif first and setting.city and setting.dateline and not _online(analysis, sentence, lead):
        event.place = Drafted({"place": setting.city}, [setting.dateline], "the dateline's place", 0.5,
                              "From the dateline; check that the text names no other venue.")


#: the bodies whose name, in the genitive after a Russian meeting noun, is part of the meeting's name
OWNER_TYPES = frozenset({"regional-consultative-process", "intergovernmental-organization"})


def _genitive_owner_end(text: str, end: int, owners: list[tuple[int, int]]) -> int:
    """A Russian meeting's name goes on over the body it is of, named in the genitive right after it («экспертное
    совещание Панели Восточного партнерства по миграции …», «совещание заместителей министров государств – участников
    Алматинского процесса», «ежегодное совещание сети MIRPAL»), and over a title in quotes after that («тематическое
    совещание Пражского процесса «Возвращение …»», «семинар … на тему «…»»)."""
    between = re.match(r"(?:\s+(?:государств|стран)\w*\s*[–—-]\s*(?:участни|член)\w*|\s+сет[иь])?\s+", text[end:])
    if between:
        owner = next((e for s, e in owners if s == end + between.end()), None)
        if owner is not None:
            end = owner
    title = re.match(r"\s+(?:на\s+тему\s+)?«[^«»\n]{3,200}»", text[end:])
    return end + title.end() if title else end


#: a date or a weekday after a meeting's name and its preposition: when it met, no part of its name
_A_DAY = (r"(?:\d{1,2}\b|(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")


def _name_end(analysis: Analysis, end: int, lexicon: DomainLexicon, places: set[int] | frozenset[int] = frozenset()) -> int:
    """Where a name goes on: a preposition of its subject and the words after it, up to a verb or punctuation;
    ``places`` (where a city or state is named) are not part of it ("... on Trafficking in Bangkok")."""
    text = analysis.text
    sentence_end = analysis.sentence_of(end)[1]
    tail = re.match(rf"\s+(?:{lexicon.name_tail})\s+", text[end:sentence_end], re.I)
    if not tail or re.match(_A_DAY, text[end + tail.end():sentence_end]):
        return end  # "Senior Officials' Meeting on 13 March", "… on Monday and Tuesday": when, not what about
    last = end
    for token in analysis.tokens_in(end + tail.end(), sentence_end):
        if not re.fullmatch(r"[\w'’–-]+", token.text) or "\n" in text[last:token.start]:
            break
        low = token.text.lower()
        if (token.pos in ("VERB", "AUX") or low in lexicon.name_stop or (lexicon.met and re.fullmatch(lexicon.met, low)) or
                (analysis.language == "en" and re.fullmatch(r"[a-z]+ed", token.text))) \
                and not _inside_proper_name(analysis, token, last, places) \
                and not _coordinated_subject(analysis, token, last, end + tail.end(), places):
            break
        last = token.end
    words = text[end:last]
    trimmed = re.sub(r"(?:\s+(?:and|of|the|и|в|на|по))+$", "", words, flags=re.I)
    return end + len(trimmed) if last > end + tail.end() else end


#: English verbs with no "-ed" past that may follow "and" after a meeting's subject ("… on X and took note of …")
_IRREGULAR_PAST = frozenset({"took", "held", "met", "gave", "made", "brought", "began", "saw", "went", "came", "said",
                             "set", "led", "heard", "spoke", "will", "would", "was", "were", "is", "are", "has", "have",
                             "had", "also"})


def _coordinated_subject(analysis: Analysis, token: Token, last: int, begin: int,
                         places: set[int] | frozenset[int]) -> bool:
    """A subject of two nouns joined by "and", in lower case, goes on with the name ("thematic meeting on legal
    migration and youth mobility", "workshop on the recognition of skills and qualifications of migrant workers"): the
    word after "and" is a lower-case word that is no verb, and a word of the subject comes before it."""
    if analysis.language != "en" or token.text != "and" or last <= begin:
        return False
    after = re.match(r"\s+([a-z][\w'’-]*)", analysis.text[token.end:])
    if after is None:
        return False
    word = after.group(1)
    return not re.fullmatch(r"[a-z]+ed", word) and word not in _IRREGULAR_PAST and word not in ("the", "a", "an") \
        and token.end + after.start(1) not in places


def _inside_proper_name(analysis: Analysis, token: Token, last: int, places: set[int] | frozenset[int]) -> bool:
    """English names are written in capitals: a small word between two capitalised words goes on with the name
    ("Working Group on Skills and Qualification Recognition", "on Trafficking in Persons")."""
    if analysis.language != "en" or not re.fullmatch(r"and|in|of|for|on|the|to", token.text):
        return False
    before = analysis.text[:last].split()
    after = re.match(r"\s+(?:(?:the|of|and)\s+)?([\w'’-]+)", analysis.text[token.end:])
    return bool(before and before[-1][:1].isupper() and after and after.group(1)[:1].isupper()
                and token.end + after.start(1) not in places)


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
