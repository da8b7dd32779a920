"""Values checked against their own words: a phone, an e-mail or a date must be in the quotes that cite it.

A card states some facts twice: as a value (``phone: +77775562277``, ``date: 2013-06-05``) and as
the words that state it (``evidence: "тел. + 7 777 556 22 77"``). The quotes are checked against the
source text by :mod:`migkg.cards.evidence`; this module checks each value against its quotes, so a
value the words do not give (a mistyped digit, a date from the wrong line) is refused:

- a phone number: its digits (in international form, or national without the country code) occur
  in the digits of its quotes, whatever the spacing;
- an e-mail address: it occurs in its quotes, ignoring case (NFKC-normalised);
- a date: every part the quotes state agrees with it. A year the quotes give must be the date's,
  a month they name (in the release's language or English, by dateparser's language data) the
  date's month, and a day the date's day, unless the quotes date it relatively ("today",
  «в среду»: the day follows from the date of issue). Quotes that state no part of a date at all
  cannot cite one.
- a quote with fewer than two letters or digits cites next to nothing: the fact needs a ``note``
  saying why those words are the evidence.

Only facts with evidence are checked; ``supplied`` values come from outside the text. The build runs the
check on every card (:meth:`migkg.build.workbench.Workbench.load`); a draft being evaluated is not
refused for a wrong value, it is scored.
"""
from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import re
import typing
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from migkg.cards.evidence import model_fields_with_models
from migkg.cards.models import Contact, DateFact, Fact, date_text
from migkg.cards.release import LoadedRelease
from migkg.cards.yamlfile import field_path, line_of
from migkg.errors import InputError, Location

FieldPath = tuple[int | str, ...]
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE_DAYS = ("0 day ago", "1 day ago", "2 day ago", "in 1 day", "in 2 day")
_RELATIVE_YEARS = ("0 year ago", "1 year ago", "in 1 year")
_WORD = re.compile(r"\w+")


def check_values(loaded: LoadedRelease) -> list[InputError]:
    """Every value of the card that its own (resolved) quotes do not give, as located errors."""
    errors: list[InputError] = []
    for path, fact in _facts(loaded.card, ()):
        if fact.evidence is None or not fact.evidence.spans:
            continue
        words = " / ".join(span.text for span in fact.evidence.spans)
        for field, problem, fix in _problems(fact, words, loaded.card.release.language):
            where = path + (field,)
            errors.append(InputError(Location(loaded.card_path, line_of(loaded.located_tree, where), field_path(where)),
                                     problem, fix))
    return errors


def _problems(fact: Fact, words: str, language: str) -> Iterator[tuple[str, str, str]]:
    assert fact.evidence is not None
    short = [span.text for span in fact.evidence.spans if len("".join(_WORD.findall(span.text))) < 2]
    if short and fact.note is None:
        yield ("evidence", f"cites '{short[0]}', which is shorter than a word.",
               "quote the words that state the fact; if these really are its evidence, add a note: saying why.")
    if isinstance(fact, Contact):
        if fact.phone is not None and not _phone_in(fact.phone, words):
            yield ("phone", f"{fact.phone} is not in its evidence ('{_short(words)}').",
                   "copy the number from the quoted words, or quote the words that give it.")
        if fact.email is not None and _fold(fact.email) not in _fold(words):
            yield ("email", f"{fact.email} is not in its evidence ('{_short(words)}').",
                   "copy the address from the quoted words, or quote the words that give it.")
    if isinstance(fact, DateFact):
        problem = date_disagreement(fact.date, words, language)
        if problem:
            yield ("date", f"{date_text(fact.date)} {problem} ('{_short(words)}').",
                   "write the date the quoted words give, or quote the words that give this date.")


def date_disagreement(date: dt.date | str, words: str, language: str) -> str | None:
    """Why ``words`` do not give ``date`` (a :data:`~migkg.cards.models.PartialDate`), or None if they agree."""
    text = date_text(date)
    year, month, day = (text.split("-") + [None, None])[:3]
    lowered = _fold(words)
    terms = _date_terms(language)
    numeric = [(int(d), int(m)) for d, m in re.findall(r"\b(\d{1,2})[./](\d{1,2})\b", lowered)]
    years = {y for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", lowered)}
    months = {number for number, names in enumerate(terms.months, 1) if _names_in(names, lowered)}
    months |= {m for _d, m in numeric if 1 <= m <= 12}
    days = {int(d) for d in re.findall(r"(?<!\d)(\d{1,2})(?!\d)", lowered) if 1 <= int(d) <= 31}
    relative = _names_in(terms.relative, lowered)
    if not (years or months or days or relative or _names_in(terms.relative_years, lowered)):
        return "is cited by words that state no date"
    if years and year not in years:
        return f"has the year {year}, but its evidence gives {', '.join(sorted(years))}"
    if month is not None and months and int(month) not in months:
        return f"has the month {int(month)}, but its evidence names {', '.join(str(m) for m in sorted(months))}"
    if day is not None and not relative and int(day) not in days:
        return f"has the day {int(day)}, which its evidence does not give"
    return None


class _Terms:
    def __init__(self, months: list[tuple[str, ...]], relative: tuple[str, ...], relative_years: tuple[str, ...]):
        self.months = months
        self.relative = relative              # words that date a day relatively: "today", "on Thursday"
        self.relative_years = relative_years  # and a year: "last year", «в прошлом году» (they give no day)


@functools.cache
def _date_terms(language: str) -> _Terms:
    """Month names and the words that date a day relatively, in ``language`` and English (dateparser's data)."""
    tables = [_language_table("en")]
    if language != "en":
        tables.append(_language_table(language))
    months = [tuple(_fold(name) for table in tables for name in table.get(month, [])) for month in MONTHS]
    if language == "ru":
        months = [names + _russian_prepositional(names) for names in months]
    relative = tuple(_fold(word) for table in tables for key in (*WEEKDAYS,) for word in table.get(key, [])
                     if len(word) > 3)
    relative += tuple(_fold(word) for table in tables for key in _RELATIVE_DAYS
                      for word in table.get("relative-type", {}).get(key, []))
    relative_years = tuple(_fold(word) for table in tables for key in _RELATIVE_YEARS
                           for word in table.get("relative-type", {}).get(key, []))
    return _Terms(months, relative, relative_years)


def _russian_prepositional(names: tuple[str, ...]) -> tuple[str, ...]:
    """The prepositional case of a Russian month's name («в ноябре», «в мае»), which dateparser's table lacks: it
    gives the genitive («ноября», «мая»), and every month's name makes its prepositional by changing the genitive's
    last letter, а or я, to е. A genitive is a name in а or я whose nominative (its stem, alone or with ь or й) is a
    name too: so not the abbreviation «ноя»."""
    return tuple(f"{name[:-1]}е" for name in names
                 if name[-1:] in ("а", "я") and {name[:-1], f"{name[:-1]}ь", f"{name[:-1]}й"} & set(names))


def _language_table(language: str) -> dict[str, Any]:
    """dateparser's table of ``language`` ({} if it has none), read from its data module alone: importing it as
    ``dateparser.data.date_translation_data.<language>`` would import the ``dateparser`` package first, a fifth of a
    second of every ``migkg validate --release`` that checks a card."""
    package = importlib.util.find_spec("dateparser")
    if package is None or not package.submodule_search_locations or not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z]+)?",
                                                                                     language):
        return {}
    path = Path(package.submodule_search_locations[0]) / "data" / "date_translation_data" / f"{language}.py"
    spec = importlib.util.spec_from_file_location(f"_migkg_dates_{language.replace('-', '_')}", path)
    if spec is None or spec.loader is None or not path.is_file():
        return {}
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # a module of one dict literal, ``info``, importing nothing
    table: dict[str, Any] = module.info
    return table


def _names_in(names: tuple[str, ...], text: str) -> bool:
    """Whether one of ``names`` stands in ``text`` as a whole word (not inside a longer one)."""
    pattern = _any_of(names)
    return pattern is not None and pattern.search(text) is not None


@functools.cache
def _any_of(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a whole word among ``names``: an alternative that fails its word boundary gives way to
    the next at the same place, so it matches where any one name's own pattern would (None for no names)."""
    alternatives = [re.escape(name) for name in names if name]
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)") if alternatives else None


def _phone_in(phone: str, words: str) -> bool:
    import phonenumbers  # only for the cards that give a phone number

    digits = re.sub(r"\D", "", words)
    number = phonenumbers.parse(phone, None)
    return phone.lstrip("+") in digits or str(number.national_number) in digits


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _short(words: str, limit: int = 70) -> str:
    return words if len(words) <= limit else words[: limit - 1] + "…"


@functools.cache
def _fields_with_facts(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that can hold a fact, at any depth (the others need no visit: an evidence's quotes,
    a name's labels)."""
    return tuple(name for name in model_fields_with_models(model)
                 if _may_hold_facts(model.model_fields[name].annotation, {model}))


def _may_hold_facts(annotation: object, seen: set[type]) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if issubclass(annotation, Fact) or annotation in seen:  # a model within itself: taken as holding facts
            return True
        return any(_may_hold_facts(info.annotation, seen | {annotation}) for info in annotation.model_fields.values())
    return any(_may_hold_facts(arg, seen) for arg in typing.get_args(annotation))


def _facts(node: object, path: FieldPath) -> Iterator[tuple[FieldPath, Fact]]:
    if isinstance(node, Fact):
        yield path, node
    if isinstance(node, BaseModel):
        for name in _fields_with_facts(type(node)):
            value = getattr(node, name)
            if isinstance(value, BaseModel | list):
                yield from _facts(value, path + (name,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _facts(item, path + (index,))
