"""Claims a release makes in numbers: how many took part, how long something lasted or has existed.

* **counts**: a number, in figures or words ("10", "seven", «десяти»), before a counted noun ("states",
  «государств»), with at most a name between them ("seven Colombo Process Member States"), in a sentence about
  taking part ("met", "brought together", «участвовали») or after the people who came ("representatives of ten
  states", «Представители десяти государств»). "24 experts from six states" counts the states only (experts are
  no counted class). Where the words after the counted noun say the names that follow are some of them
  ("23 countries, including Italy", «14 государств, в том числе …»), the count is ``listed: some``: the card then
  checks only that the release names no more than it counts.
* **durations**: a meeting of N days ("a two-day meeting", «двухдневная встреча») → ``P{N}D`` about the meeting;
  a process that "turns ten" or marks its "tenth anniversary" → ``P10Y`` about the process; N years before a
  body's name ("its 60-year history", «60-летней истории МОМ») → ``P{N}Y`` about that body.
"""
from __future__ import annotations

import re

from migkg.draft.actors import BODY_TYPES, Actor, Actors
from migkg.draft.facts import Drafted, slug
from migkg.draft.lexicon import DOMAIN_LEXICONS, Lexicon
from migkg.draft.text import Analysis, Token

NUMBER_WORDS = {
    "en": {word: number for number, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"), 1)}
    | {"thirty": 30, "forty": 40, "fifty": 50},
    "ru": {word: number for number, word in enumerate(
        ("один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "одиннадцать",
         "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать",
         "девятнадцать", "двадцать"), 1)} | {"тридцать": 30, "сорок": 40, "пятьдесят": 50},
}
"""Numbers in words (Russian by the lemma: «десяти» → десять), as a reader counts states at a meeting."""

DAY_PREFIXES = {"ru": {"одно": 1, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5}}
"""«двухдневная»: the first part of a Russian compound of days (English writes "two-day")."""

PEOPLE = {"en": r"\b(?:representatives|officials|delegates|delegations|experts|ministers)\s+(?:of|from)\s+$",
          "ru": r"(?:представител|делегаци|эксперт|министр)\w*\s+(?:из\s+)?$"}
"""The people who came, before the number of states they came from."""

DAY_PATTERN = {"en": r"\b(?P<n>\w+)-day\b", "ru": r"\b(?P<n>[а-яё]+?|\d+-?)дневн\w*"}
ANNIVERSARY = {"en": r"^\s+(?:turns|marks|celebrates|reaches)\s+(?:its\s+)?(?P<n>\w+)(?:\s+years)?\b",
               "ru": r"^\s+(?:исполни\w+|исполня\w+)\s+(?P<n>\w+)\s+лет"}


def number_of(token: Token, language: str) -> int | None:
    """The number a token says, in figures or in words; None if it says none."""
    if token.text.isdigit():
        return int(token.text)
    words = NUMBER_WORDS.get(language, {})
    return words.get(token.text.lower()) or words.get(token.lemma)


#: words before a number that make it approximate ("some 30 countries", "more than forty", «более 120», «около»)
APPROXIMATE = (r"(?:\b(?:some|about|around|approximately|nearly|almost|over|roughly|more\s+than|less\s+than|fewer\s+than|"
               r"up\s+to|at\s+least)|(?<!\w)(?:около|более|свыше|почти|порядка|примерно|приблизительно|не\s+менее|"
               r"менее|до))\s+$")


def count_claims(analysis: Analysis, lexicon: Lexicon, event: str | None, body: tuple[int, int],
                 skip_before: int) -> list[Drafted]:
    if event is None:
        return []
    text, language = analysis.text, analysis.language
    drafted: list[Drafted] = []
    tokens = [t for t in analysis.tokens if body[0] <= t.start < body[1]]
    counted_at: tuple[tuple[int, int], int] | None = None  # the sentence of the last count, and where its noun ends
    all_of_them: set[int] = set()  # numbers that count all a body's members after some of them were counted
    for index, token in enumerate(tokens[:-1]):
        number = number_of(token, language)
        if number is None or number < 2 or token.start in all_of_them:
            continue  # «Ни одно государство…»: one is no count of those taking part
        if counted_at and _breakdown(text, counted_at, token.start, analysis.sentence_of(token.start)):
            continue
        if re.search(APPROXIMATE, text[max(0, token.start - 30):token.start], re.I):
            continue  # "more than forty states", «около 30 стран»: no exact count to state
        noun, counted = _counted_after(tokens[index + 1:index + 7], lexicon)
        of_theirs = re.match(SOME_OF_THE_MEMBERS[language], text[token.end:])
        if of_theirs:  # "10 of the process's 12 member states": the ten, counted by the noun after the twelve
            later = [t for t in tokens[index + 1:index + 12] if t.start >= token.end + of_theirs.end()]
            if later and number_of(later[0], language) is not None:
                noun, counted = _counted_after(later[1:7], lexicon)
                all_of_them.add(later[0].start)  # the twelve are the body's members, not who took part
        if noun is None or counted is None:
            continue
        sentence = analysis.sentence_of(token.start)
        people = re.search(PEOPLE[language], text[sentence[0]:token.start], re.I)
        if not people and not _mentions_gathering(analysis, sentence, lexicon):
            continue
        start = max(sentence[0], skip_before) if skip_before <= token.start else sentence[0]  # a dateline at the end
        mark = re.search(r"[¹²³⁴⁵⁶⁷⁸⁹⁰,;]", text[noun.end:sentence[1]])
        end = noun.end + mark.start() if mark else noun.end
        counted_at = (sentence, noun.end)
        fields: dict[str, object] = {"id": f"count-of-{counted}s-{len(drafted) + 1}", "about": event,
                                     "count": number, "counted": counted, "counted_role": "participant"}
        if re.match(SOME_OF_THEM[language], text[noun.end:sentence[1]]):  # case matters: a name follows
            fields["listed"] = "some"  # "including ...": the names that follow are some of those counted
        drafted.append(Drafted(fields,
                               [(start, end)], f"a number before «{noun.text}» in a sentence about taking part", 0.7))
    return drafted


#: right after a number, words that make it some of a body's members counted after: "10 of the process's 12 member
#: states", "14 of the Dialogue's 18", "nine of its eleven"
SOME_OF_THE_MEMBERS = {"en": r"^\s+of\s+(?:(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?['’]s?|its|their)\s+(?=\w)",
                       "ru": r"^\s+из\s+(?=\d)"}


#: right after a counted noun, words that make the names that follow some of those counted: "delegations of 23
#: countries, including Italy", "states from Europe and Asia, among them Kazakhstan", «14 государств, в том числе
#: Казахстана». Between the noun and the cue, a bracket or a run of names and small words only ("from Europe and
#: Asia", «Европы и Азии»: no verb, nothing the states did); after the cue, a capitalised name ("including six
#: ministers" lists no states)
SOME_OF_THEM = {
    "en": r"^(?:\s*\([^)]*\))?(?:\s+(?:[A-Z][\w'’.-]*|from|of|and|the|in))*\s*[,–—]?\s+(?:including|among\s+"
          r"(?:them|which|whom)|such\s+as)\s+(?:the\s+)?[A-Z]",
    "ru": r"^(?:\s*\([^)]*\))?(?:\s+(?:[А-ЯЁA-Z][\w'’.-]*|из|и))*\s*[,–—]?\s+(?:в\s+том\s+числе|среди\s+"
          r"(?:них|которых)|включая)\s+[А-ЯЁA-Z]",
}


def _breakdown(text: str, counted_at: tuple[tuple[int, int], int], start: int, sentence: tuple[int, int]) -> bool:
    """"the Dialogue's 18 member states – the six countries of the GCC and twelve Asian countries of origin": numbers
    after a dash or a bracket that follows a count, in its sentence, break that count down; they count no one else."""
    counted_sentence, noun_end = counted_at
    return counted_sentence == sentence and noun_end <= start \
        and re.search(r"\s[–—-]\s|\(|:", text[noun_end:start]) is not None


def _counted_after(following: list[Token], lexicon: Lexicon) -> tuple[Token | None, str | None]:
    """The counted noun after a number: the next word, or the first after a name ("seven Colombo Process Member
    States")."""
    for token in following:
        counted = lexicon.counted_nouns.get(token.lemma) or lexicon.counted_nouns.get(token.key)
        if counted:
            return token, counted
        if not token.text[:1].isupper() and token.text.lower() not in COUNTED_MODIFIERS:
            return None, None
    return None, None


#: lower-case words between a number and its counted noun that leave it the count of those taking part: "11 member
#: states", "eleven member countries", "seven participating governments"
COUNTED_MODIFIERS = frozenset({"member", "participating"})


def _mentions_gathering(analysis: Analysis, sentence: tuple[int, int], lexicon: Lexicon) -> bool:
    return any(t.lemma in lexicon.gathering_words or t.key in lexicon.gathering_words
               or t.lemma in lexicon.collective_subjects or t.key in lexicon.collective_subjects
               for t in analysis.tokens_in(*sentence))


def duration_claims(analysis: Analysis, actors: Actors, quotes_by_speaker: list[tuple[tuple[int, int], str]],
                    body_end: int, event: str | None = None) -> list[Drafted]:
    text = analysis.text
    drafted: list[Drafted] = []
    for match in re.finditer(r"\b(\d{1,3})[-\s](?:летн\w*|year|years)\b", text[:body_end], re.I):
        sentence = analysis.sentence_of(match.start())
        after = [m for m in actors.within(match.end(), sentence[1], BODY_TYPES) if m.start - match.end() <= 40]
        if not after:
            continue
        quote = next(((s, e), who) for (s, e), who in quotes_by_speaker if s <= match.start() < e) \
            if any(s <= match.start() < e for (s, e), _ in quotes_by_speaker) else (None, None)
        start = max(sentence[0], quote[0][0]) if quote[0] else sentence[0]
        fields = {"id": f"duration-{slug(after[0].entity)}-{len(drafted) + 1}", "about": after[0].entity,
                  "duration": f"P{int(match.group(1))}Y"}
        if quote[1]:
            fields["claimant"] = quote[1]
        drafted.append(Drafted(fields, [(start, after[0].end)], "a number of years before a body's name", 0.6))
    drafted += _meeting_days(analysis, event, body_end) + _process_years(analysis, actors, body_end)
    return _unique(drafted)


def _number_word(word: str, language: str) -> int | None:
    word = word.lower().rstrip("-")
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(language, {}).get(word) or DAY_PREFIXES.get(language, {}).get(word)


def _meeting_days(analysis: Analysis, event: str | None, body_end: int) -> list[Drafted]:
    """"A two-day meeting", «двухдневная экспертная встреча»: the meeting's length, when a meeting noun follows."""
    if event is None:
        return []
    text, language = analysis.text, analysis.language
    nouns = "|".join(pattern for _, pattern in DOMAIN_LEXICONS[language].event_nouns)
    drafted: list[Drafted] = []
    for match in re.finditer(DAY_PATTERN[language], text[:body_end], re.I):
        days = _number_word(match.group("n"), language)
        if not days or not re.match(rf"\s+(?:[\w'’-]+\s+){{0,2}}?(?:{nouns})", text[match.end():], re.I):
            continue
        noun = re.match(rf"\s+(?:[\w'’-]+\s+){{0,2}}?(?:{nouns})\w*", text[match.end():], re.I)
        end = match.end() + (noun.end() if noun else 0)
        drafted.append(Drafted({"id": f"duration-of-the-meeting-{len(drafted) + 1}", "about": event,
                                "duration": f"P{days}D"}, [(match.start(), end)],
                               "a number of days before a meeting noun", 0.7))
    return drafted


def _process_years(analysis: Analysis, actors: Actors, body_end: int) -> list[Drafted]:
    """"The Almaty Process turns ten": the process's age, when the number follows the process's name."""
    text, language = analysis.text, analysis.language
    drafted: list[Drafted] = []
    for process in (m for m in actors.mentions if m.type == "regional-consultative-process" and m.end < body_end):
        match = re.match(ANNIVERSARY[language], text[process.end:])
        if not match:
            continue
        years = _number_word(match.group("n"), language)
        if years:
            drafted.append(Drafted({"id": f"duration-{slug(process.entity)}-{len(drafted) + 1}",
                                    "about": process.entity, "duration": f"P{years}Y"},
                                   [(process.start, process.end + match.end())],
                                   "a number of years after a process's name and «turns»", 0.6))
    return drafted


#: a verb whose subject is a process and whose object is its members counted: "has 12 Member States", "brings together
#: 12 countries", «объединяет 50 государств»; "today"/«сегодня» may stand between
MEMBERS_VERB = {"en": r"(?:has|have|comprises|brings\s+together|unites|includes|counts)\s+(?:today\s+|now\s+)?",
                "ru": r"(?:объединяет|включает|насчитывает)\s+(?:сегодня\s+|ныне\s+|в\s+настоящее\s+время\s+)?"}
#: the members as the subject of «входят» and the process after «в»: «Пражский процесс, в который входят 50
#: государств, …»; in the next sentence, «В него (В конференцию) входят 11 государств»
MEMBERS_IN_WHICH = {"ru": r"\s*,\s*в\s+котор(?:ый|ую|ое|ой|ые)\s+(?:сегодня\s+|ныне\s+)?входя?т\s+"}
MEMBERS_IN_IT = {"ru": r"\s*В\s+(?:него|нее|неё|них|процесс|диалог|конференцию|консультации|панель)\s+"
                       r"(?:сегодня\s+|ныне\s+)?входя?т\s+"}
#: the members named as the subject after the process: «членами Алматинского процесса являются семь государств»
MEMBERS_ARE = {"en": r"\b(?:the\s+)?members\s+of\s+(?:the\s+)?$", "ru": r"(?<!\w)членами\s+$"}
MEMBERS_ARE_AFTER = {"en": r"^\s+(?:are|include)\s+", "ru": r"^\s+(?:являются|стали)\s+"}


def member_counts(analysis: Analysis, actors: Actors, lexicon: Lexicon, body_end: int) -> list[Drafted]:
    """A count of a process's members: the process as the subject (its name, or "It"/«Он» opening the sentence after
    the one naming it; a clause in commas may stand between: "The Colombo Process, set up in 2003, brings together 12
    countries", «Пражский процесс, в котором …, объединяет сегодня 50 государств») of a verb of having or uniting, or
    the process's members as the subject («членами Алматинского процесса являются семь государств»), and a number
    with a counted noun ("12 Member States") after it: about the process, its ``member`` status counted;
    ``listed: some`` where "including"/«в том числе» names some of them. Not an approximate number ("more than 40")."""
    text, language = analysis.text, analysis.language
    drafted: list[Drafted] = []
    processes = [m for m in actors.mentions if m.type == "regional-consultative-process" and m.end < body_end]
    for process in processes:
        sentence = analysis.sentence_of(process.start)
        after = text[process.end:sentence[1]]
        verb = re.match(rf"(?:\s*\([^()]*\))?(?:\s*,[^,;.]{{1,120}},)?\s+{MEMBERS_VERB[language]}", after, re.I) or \
            re.match(rf"(?:\s*\([^()]*\))?{MEMBERS_IN_WHICH.get(language, '$^')}", after, re.I) or \
            (re.match(MEMBERS_ARE_AFTER[language], after, re.I)
             if re.search(MEMBERS_ARE[language], text[sentence[0]:process.start], re.I) else None)
        at = process.end + verb.end() if verb else None
        if at is None:
            following = analysis.sentence_of(sentence[1] + 1) if sentence[1] < len(text) else sentence
            named = [m for m in processes if sentence[0] <= m.start < following[0]]
            pronoun = re.match(rf"\s*(?:It|Он|Она)\s+(?:[^.;]{{0,60}}?\s(?:and|и)\s+)?{MEMBERS_VERB[language]}",
                               text[following[0]:following[1]], re.I) or \
                re.match(MEMBERS_IN_IT.get(language, "$^"), text[following[0]:following[1]], re.I)
            if pronoun and following != sentence and named and named[-1] is process:
                sentence, at = following, following[0] + pronoun.end()
        if at is None or re.search(APPROXIMATE, text[max(sentence[0], at - 30):at], re.I):
            continue
        tokens = [t for t in analysis.tokens_in(at, sentence[1])][:7]
        number = number_of(tokens[0], language) if tokens else None
        if number is None or number < 2:
            continue
        noun, counted = _counted_after(tokens[1:], lexicon)
        if noun is None or counted is None:
            continue
        fields: dict[str, object] = {"id": f"count-of-members-{slug(process.entity)}", "about": process.entity,
                                     "count": number, "counted": counted, "counted_role": "member"}
        if re.match(SOME_OF_THEM[language], text[noun.end:sentence[1]]):
            fields["listed"] = "some"
        start = process.start if sentence == analysis.sentence_of(process.start) else sentence[0]
        drafted.append(Drafted(fields, [(start, noun.end)], f"a number before «{noun.text}» after a verb whose "
                               "subject is the process: its members counted", 0.6))
    if language == "en":
        drafted += _members_of_theirs(analysis, processes, lexicon, {c.fields["about"] for c in drafted})
    return drafted


#: a process's members counted after its possessive, where the text counts some of them before it ("10 of the
#: process's 12 member states", "14 of the Dialogue's 18 member states", "nine of its eleven member states")
THEIR_MEMBERS = r"\b(?P<whose>(?:the\s+)?(?:process|dialogue|conference|consultations|panel)['’]s?|its)\s+$"
SOME_OF = r"\b(?:\d+|" + "|".join(NUMBER_WORDS["en"]) + r")\s+of\s+$"


def _members_of_theirs(analysis: Analysis, processes: list[Actor], lexicon: Lexicon,
                       done: set[object]) -> list[Drafted]:
    """"Delegations of 10 of the Process's 12 member states attended": the process named last before (in the
    sentence, for "its") has that many members, ``member`` counted (the ten are who took part). Not where the
    possessive alone stands in a sentence of attending ("the Conference's eleven member countries took part": the
    writers read those as who took part, and some of them as the members too)."""
    text = analysis.text
    drafted: list[Drafted] = []
    for index, token in enumerate(analysis.tokens):
        number = number_of(token, "en")
        if number is None or number < 2:
            continue
        sentence = analysis.sentence_of(token.start)
        whose = re.search(THEIR_MEMBERS, text[sentence[0]:token.start], re.I)
        if not whose:
            continue
        before = [m for m in processes if m.end <= token.start]
        if whose.group("whose").lower() == "its":
            before = [m for m in before if m.start >= sentence[0]]
        if not before or before[-1].entity in done:
            continue
        some_of = re.search(SOME_OF, text[sentence[0]:sentence[0] + whose.start()], re.I)
        if not some_of:
            continue
        if re.search(APPROXIMATE, text[max(0, token.start - 30):token.start], re.I):
            continue
        following = analysis.tokens[index + 1:index + 7]
        noun, counted = _counted_after(following, lexicon)
        if noun is None or counted is None or not any(t.text.lower() == "member" for t in following
                                                       if t.start < noun.start):
            continue
        process = before[-1].entity
        done = done | {process}
        fields: dict[str, object] = {"id": f"count-of-members-{slug(process)}", "about": process, "count": number,
                                     "counted": counted, "counted_role": "member"}
        if re.match(SOME_OF_THEM["en"], text[noun.end:sentence[1]]):
            fields["listed"] = "some"
        drafted.append(Drafted(fields, [(sentence[0] + whose.start(), noun.end)], f"a number of «member "
                               f"{noun.text}» after the process's possessive, some of them counted before it", 0.6))
    return drafted


def _unique(drafted: list[Drafted]) -> list[Drafted]:
    seen, kept = set(), []
    for claim in drafted:
        key = (claim.fields["about"], claim.fields.get("duration"))
        if key not in seen:
            seen.add(key)
            kept.append(claim)
    return kept
