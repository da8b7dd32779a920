"""Dates, periods and timings as a text gives them, as precise as it gives them.

«24-25 апреля», "April 24-25, 2019", "16-17 October 2018", "6 and 7 October" are periods; «12 октября», "on 16 October"
are days; «мая 2015 года», "October 2016" are months; "2014" a year; "2023-2024", «2023–2024 годах»
a span of years. A day or month without its year takes the year of the release (``year``), as a
reader would. The words before a date say what it is to a fact: "since"/«с» begins a period,
"until"/«до» ends it, "throughout"/«в» (a span or one year) gives both ends, "as of" dates it.

>>> [(t.kind, t.start_value, t.end_value) for t in timings("chaired it since October 2016 and in 2023-2024", "en", "2019")]
[('from', '2016-10', None), ('range', '2023', '2024')]
>>> [(t.kind, t.start_value, t.end_value) for t in timings("прошла 24–25 апреля в Баку", "ru", "2019")]
[('period', '2019-04-24', '2019-04-25')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from migkg.draft.lexicon import DOMAIN_LEXICONS, DomainLexicon

_DASH = r"\s*[-–—]\s*"
#: two days of a period: a dash, or "and" between two days that follow each other ("on 6 and 7 October", «6 и 7 октября»)
_JOIN = rf"(?:{_DASH}|\s+(?P<both>and|и)\s+)"


@dataclass(frozen=True)
class Timing:
    """A date expression at ``start``-``end``: ``kind`` is ``date``, ``period`` (both read from the words),
    ``from``, ``to``, ``range`` (a timing word made it one end, or both) or ``on``."""

    start: int
    end: int
    kind: str
    start_value: str | None
    end_value: str | None


def _month_pattern(lexicon: DomainLexicon) -> str:
    words = sorted(lexicon.months, key=len, reverse=True)
    if "январ" in lexicon.months:
        return r"(?P<NAME>(?:" + "|".join(words) + r")[а-яё]{0,4})"
    return r"(?P<NAME>(?:" + "|".join(words) + r")|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?)"


def _month_number(word: str, lexicon: DomainLexicon) -> int | None:
    word = word.lower().rstrip(".")
    for stem, number in sorted(lexicon.months.items(), key=lambda m: -len(m[0])):
        if word.startswith(stem) or (len(word) >= 3 and stem.startswith(word)):
            return number
    return None


def _patterns(lexicon: DomainLexicon) -> list[tuple[str, re.Pattern[str]]]:
    month = _month_pattern(lexicon)
    year = r"(?:,?\s+(?P<y>\d{4})(?:\s*(?:г\.|года|год))?)?"
    return [
        ("dd-dd-m", re.compile(rf"\b(?P<d1>\d{{1,2}}){_JOIN}(?P<d2>\d{{1,2}})\s+{month.replace('NAME', 'm')}{year}", re.I)),
        ("m-dd-dd", re.compile(rf"\b{month.replace('NAME', 'm')}\s+(?P<d1>\d{{1,2}}){_JOIN}(?P<d2>\d{{1,2}}){year}", re.I)),
        ("d-m", re.compile(rf"\b(?P<d1>\d{{1,2}})\s+{month.replace('NAME', 'm')}{year}", re.I)),
        ("m-d", re.compile(rf"\b{month.replace('NAME', 'm')}\s+(?P<d1>\d{{1,2}})(?!\d)(?:,\s+(?P<y>\d{{4}}))?", re.I)),
        ("m-y", re.compile(rf"\b{month.replace('NAME', 'm')}\s+(?P<y>\d{{4}})", re.I)),
        ("y-y", re.compile(rf"\b(?P<y1>(?:19|20)\d{{2}}){_DASH}(?P<y2>(?:19|20)\d{{2}})\b")),
        ("y", re.compile(r"\b(?P<y>(?:19|20)\d{2})\b")),
    ]


_CACHE: dict[str, list[tuple[str, re.Pattern[str]]]] = {}


def dates(text: str, language: str, year: str | None) -> list[Timing]:
    """Every date expression of ``text`` (offsets into it), longest first where they overlap; a day or month
    without a year and no ``year`` to take is left out."""
    lexicon = DOMAIN_LEXICONS[language]
    patterns = _CACHE.setdefault(language, _patterns(lexicon))
    found: list[Timing] = []
    for shape, pattern in patterns:
        for match in pattern.finditer(text):
            if any(t.start <= match.start() < t.end or match.start() <= t.start < match.end() for t in found):
                continue
            timing = _read(shape, match, lexicon, year)
            if timing:
                found.append(timing)
    return sorted(found, key=lambda t: t.start)


def _read(shape: str, match: re.Match[str], lexicon: DomainLexicon, year: str | None) -> Timing | None:
    groups = match.groupdict()
    if shape == "y":
        return Timing(match.start(), match.end(), "date", groups["y"], None)
    if shape == "y-y":
        return Timing(match.start(), match.end(), "range", groups["y1"], groups["y2"])
    month = _month_number(groups["m"], lexicon)
    the_year = groups.get("y") or year
    if month is None or the_year is None:
        return None
    if shape == "m-y":
        return Timing(match.start(), match.end(), "date", f"{the_year}-{month:02d}", None)
    first = f"{the_year}-{month:02d}-{int(groups['d1']):02d}"
    if not 1 <= int(groups["d1"]) <= 31:
        return None
    if shape in ("d-m", "m-d"):
        return Timing(match.start(), match.end(), "date", first, None)
    if groups.get("both") and int(groups["d2"]) != int(groups["d1"]) + 1:
        return None  # "on 6 and 9 October": two days, not a period
    return Timing(match.start(), match.end(), "period", first, f"{the_year}-{month:02d}-{int(groups['d2']):02d}")


def timings(text: str, language: str, year: str | None) -> list[Timing]:
    """The dates of ``text`` with what the words before each make of it: ``from`` ("since May 2015"),
    ``to`` ("until 2022"), ``range`` ("throughout 2014", "in 2023-2024"), ``on`` ("as of January 2019"),
    or, with no such word, the date or period itself."""
    lexicon = DOMAIN_LEXICONS[language]
    found = []
    for timing in dates(text, language, year):
        before = text[max(0, timing.start - 30):timing.start]
        value = timing.start_value
        last = timing.end_value or value
        if re.search(lexicon.since, before, re.I):
            found.append(Timing(timing.start, timing.end, "from", value, None))
        elif re.search(lexicon.until, before, re.I):
            if found and found[-1].kind == "from" and re.fullmatch(r"\s*\S+\s*", text[found[-1].end:timing.start]):
                begun = found.pop()  # "from its creation in 1991 until 2006": one period, both ends
                found.append(Timing(begun.start, timing.end, "range", begun.start_value, last))
            else:
                found.append(Timing(timing.start, timing.end, "to", None, last))
        elif re.search(lexicon.as_of, before, re.I) and timing.kind == "date" and re.search(r"as\s+of|состоянию",
                                                                                            before, re.I):
            found.append(Timing(timing.start, timing.end, "on", value, None))
        elif timing.kind == "range" or (re.search(lexicon.during, before, re.I) and timing.kind == "date"
                                        and value is not None and len(value) == 4
                                        and re.search(r"throughout|в\s+течение|на\s+протяжении", before, re.I)):
            found.append(Timing(timing.start, timing.end, "range", value, last))
        else:
            found.append(timing)
    return found


def period_fields(timing: Timing) -> dict[str, str]:
    """A timing as a card's ``period`` (``from`` and/or ``to``)."""
    fields = {}
    if timing.start_value and timing.kind in ("from", "range", "period"):
        fields["from"] = timing.start_value
    if timing.end_value and timing.kind in ("to", "range", "period"):
        fields["to"] = timing.end_value
    return fields
