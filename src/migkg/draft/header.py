"""The release's header: its kind, title, dateline and date of issue, who published and who wrote it,
whose report it relays, and the dates the text gives relative to the date of issue.

* The **kind line** («ПРЕСС-РЕЛИЗ МОМ», "IOM PRESS RELEASE", «КАБАР – НОВОСТИ», "TREND NEWS")
  says press release or news item; the names beside the kind word are the publishers.
* The **dateline** comes in the forms agencies and press offices use, city first or agency
  first, with or without the year: "BAKU, Azerbaijan, April 24 (Trend) –", "ASTANA, Oct 12
  (Kazinform)", «АСТАНА. 12 октября. КАЗИНФОРМ –», «Бишкек, 3 марта /Кабар/.», «Алматы 5 июня
  2013», «Бишкек, май 2015 года». Month and weekday names are dateparser's, in both languages.
  A dateline without the year takes it from the date of issue the curator gave, else from a
  date of the same month in the text ("April 24-25, 2019").
* **What the curator knows** from where the text was taken (:class:`Supplied`: ``--issued``,
  ``--publisher``, ``--url`` or a ``.meta.yaml`` file) fills what the text does not state, as
  ``supplied:`` facts; what the text states always comes from the text.
* **Relative dates** ("today", "yesterday", "on Thursday", «сегодня», «вчера», «в четверг»,
  «накануне») are resolved against the date of issue.
* **By-lines and relays**: "By Trend" (an outlet: publisher), "By Dana Omarova", «Автор: …»
  (a person: author); "as reported by X", «сообщает X», «со ссылкой на X» (a relayed report).

Pure functions of the text (and the actors already resolved); no I/O.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser
from dateparser.languages.loader import default_loader
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from migkg.cards.models import Id
from migkg.cards.registry import Registry
from migkg.draft.actors import Actor, Actors, copied_labels
from migkg.draft.facts import Drafted, Proposal, slug
from migkg.draft.gazetteer import Mention
from migkg.draft.lexicon import Lexicon
from migkg.draft.text import Analysis

# --------------------------------------------------------------------------- words of the header, as data

#: the kind words of a kind line, per kind of release (lower case, regular expressions)
KIND_WORDS = {
    "press-release": r"press[\s-]*release|news[\s-]*release|media[\s-]*release|press\s+briefing\s+note|"
                     r"media\s+advisory|"
                     r"пресс[\s-]*релиз|сообщение\s+для\s+прессы|информационное\s+сообщение",
    "news-item": r"news|новости|новость|лента\s+новостей",
}
#: words of a rubric (breadcrumb) line that say the page is a press office's: the text is a press release
PRESS_OFFICE_WORDS = (r"пресс[\s-]*служб\w*|пресс[\s-]*центр\w*|press\s+(?:office|service|centre|center|room)|"
                      r"media\s+(?:centre|center|room)|newsroom")
#: sections of a news site or a ministry's site that a rubric line names beside the outlet (lower case): they
#: are no outlet's name. The outlet is the other part of the line («Азия-Плюс | Общество»)
SECTION_WORDS = frozenset({
    "home", "news", "latest news", "nation", "world", "region", "regions", "politics", "society", "economy",
    "business", "international", "diplomacy", "opinion", "analysis", "central asia", "asia", "press room",
    "главная", "новости", "лента новостей", "политика", "общество", "экономика", "в мире", "мир", "регионы",
    "международная панорама", "международные новости", "дипломатия", "аналитика", "центральная азия", "пресс-служба",
    "пресс-центр", "происшествия", "страна", "казахстан", "бизнес"})
#: what separates the parts of a rubric line: «Политика | Казинформ», "The Astana Times › Nation"
RUBRIC_BAR = r"\s+[|›»>/]\s+|\s*[|›]\s*"
RUBRIC_DASH = r"\s+[–—-]\s+"
#: words that open a line naming who issued the text ("Issued by the ... Office, Bangkok.")
ISSUED_BY = r"(?:Issued|Published|Released|Distributed)\s+by|Подготовлено|Распространено|Опубликовано"
#: words that open a line signing a release off for a body's press service: «Пресс-служба <body>», "Press Office of
#: <body>"
PRESS_SERVICE_OF = r"(?i:пресс[\s-]*служб[аы]|пресс[\s-]*центр(?:а)?|информационная\s+служба|" \
                   r"press\s+(?:office|service|centre|center)\s+of(?:\s+the)?|media\s+(?:office|centre|center)\s+of" \
                   r"(?:\s+the)?)"
SIGNATURE = "a press service's line signing the text off"
#: words that open a by-line; what follows is an author (a person) or a publisher (an outlet)
BYLINE = r"(?:By|Text|Author|Автор|Текст|Автор\s+текста)\s*:?"
#: phrases that introduce the outlet whose report a text relays, before its name
#: ", Antara news agency reported", «, передает агентство Синьхуа»: a news agency named as such, reporting
NAMED_AGENCY = {
    # "the state-run Ethiopian News Agency (ENA) reported": words in lower case before the name, its acronym in brackets
    "en": r"(?<=,\s)(?P<relay>(?:the\s+)?(?:[a-z]+(?:-[a-z]+)*\s+)?(?:(?P<name>(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)"
          r"\s+news\s+agency|(?P<full>(?:[A-Z][\w'’-]*\s+){1,2}News\s+Agency)\s+(?:(?P<acronym>[A-Z]{2,6})|"
          r"\((?P<bracketed>[A-Z]{2,6})\)))\s+(?:reported|said|quoted|wrote)\b)",
    # «сообщило ближневосточное информационное агентство MENA»: up to two words in lower case before «агентство»
    "ru": r"(?P<relay>(?:сообщает|сообщило|передает|передаёт)\s+(?:[а-яё-]+\s+){0,2}агентство\s+«?"
          r"(?P<name>[A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*){0,2})»?)",
}
RELAY_BEFORE = {
    "en": ("as reported by", "reported by", "according to", "citing", "quoting", "as reported in"),
    "ru": ("как сообщает", "как сообщил", "как сообщило", "как сообщили в", "сообщает", "сообщил", "сообщило",
           "сообщили в", "со ссылкой на", "по сообщению", "по данным", "передает", "передаёт", "пишет"),
}
#: after a relay's cue, the press service of a ministry the text named before («как сообщили в пресс-службе
#: министерства», "the ministry's press service said"): that ministry, when the text named one only
RELAY_OF_THE_MINISTRY = {
    "en": r"(?:the\s+)?ministry(?:['’]s)?(?:\s+press\s+(?:service|office))?\b|(?:the\s+)?press\s+(?:service|office)"
          r"\s+of\s+the\s+ministry\b",
    "ru": r"пресс-служб\w*\s+(?:министерства|ведомства)\b|(?:министерстве|ведомстве)\b",
}
#: types of actor a text can relay or be published by
OUTLET_TYPES = frozenset({"news-outlet", "intergovernmental-organization", "ministry", "government", "organization"})
#: types of actor a by-line may name
BYLINE_TYPES = OUTLET_TYPES | {"person"}
#: types of actor that publish a text when a line of its header names them («ABU DHABI DIALOGUE – PERMANENT
#: SECRETARIAT» over the kind line: the process's secretariat publishes for the process)
HEADER_TYPES = OUTLET_TYPES | {"regional-consultative-process"}
#: relative day words → days after the date of issue
RELATIVE_DAYS = {
    "en": {"today": 0, "yesterday": -1, "tomorrow": 1},
    "ru": {"сегодня": 0, "вчера": -1, "накануне": -1, "завтра": 1, "позавчера": -2},
}
#: first words of a line that are no place («On 12 October…», «В Бишкеке 3 марта…»)
NOT_PLACES = frozenset({"by", "text", "author", "the", "on", "in", "at", "since", "from", "автор", "текст", "в", "во",
                        "на", "с", "со", "по", "до", "к"})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")


@dataclass(frozen=True)
class Supplied:
    """What the curator knows of a release from where it was taken, not from its words."""

    issued: dt.date | None = None
    publisher: str | None = None
    url: str | None = None
    origin: str = "the command line"  # where it was given: said in the notes
    publisher_origin: str = "--publisher"  # where the publisher was given: an unknown id is reported there
    issued_month: str | None = None  # the date of issue known to the month or year only ("2018-06", "2018")

    @property
    def issued_written(self) -> str | None:
        """The curator's date of issue as precise as it was given."""
        return self.issued.isoformat() if self.issued else self.issued_month

    def said(self) -> str:
        return f"given by the curator ({self.origin})"


class SuppliedFile(BaseModel):
    """The curator's metadata file beside a text (``<source>.meta.yaml``): what is known from where it was taken."""

    model_config = ConfigDict(extra="forbid")
    issued: dt.date | str | None = Field(None, description="The date of issue, YYYY-MM-DD (or YYYY-MM, YYYY when "
                                                           "only the month or the year is known).")

    @field_validator("issued", mode="before")
    @classmethod
    def _a_date_a_month_or_a_year(cls, value: object) -> object:
        """"2018-06" and "2018" stay as written (a month, a year); anything else must be a day's date."""
        if isinstance(value, int) and 1900 <= value <= 2100:
            value = str(value)
        if isinstance(value, str) and re.fullmatch(r"(19|20)\d{2}(-(0[1-9]|1[0-2]))?", value.strip()):
            return value.strip()
        if isinstance(value, str | dt.date):
            return value if isinstance(value, dt.date) else dt.date.fromisoformat(value.strip()) \
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()) else _not_a_date(value)
        return value
    publisher: Id | None = Field(None, description="The registry id of the publisher.")
    url: HttpUrl | None = Field(None, description="The address of the page the text was taken from.")


def _not_a_date(value: str) -> object:
    raise ValueError("write the date as YYYY-MM-DD (or YYYY-MM, YYYY when only the month or year is known)")


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int                   # the end of the date (the evidence of the date of issue)
    date: str | None           # ISO, as precise as the line (``2015-05``); None: no year found
    place_start: int | None
    place_end: int | None
    tail_end: int              # the end of the whole dateline, agency included
    agency: tuple[int, int] | None = None
    year_span: tuple[int, int] | None = None  # where the year came from when the line lacks it
    year_from: str | None = None              # "text" or "supplied"
    agency_sure: bool = True                  # False: «… – Word.» may be a short first sentence, not an agency
    author: tuple[int, int] | None = None     # «КАЗИНФОРМ /Айгерим Нурланова/ –»: the correspondent after the agency
    byline: bool = False                      # "By Dana Abilova on 8 June 2023": the date of a by-line, no place
    region: tuple[int, int] | None = None     # "BAKU, Azerbaijan, April 10": what follows the place (a state?)


# --------------------------------------------------------------------------- names of months and weekdays

@lru_cache(maxsize=1)
def _calendar_words() -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday names of both languages (dateparser's locale data), lower case → 1-12 / 0-6."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for language in ("ru", "en"):
        info = default_loader.get_locale(language).info
        for number, month in enumerate(MONTHS, 1):
            months.update((w.lower().rstrip("."), number) for w in info.get(month, []) if len(w) >= 3)
        for number, day in enumerate(WEEKDAYS):
            weekdays.update((w.lower(), number) for w in info.get(day, []) if len(w) >= 4)
    return months, weekdays


def month_number(word: str) -> int | None:
    """«октября», "Oct.", "Sept", "май" → the month; None for any other word."""
    months, _ = _calendar_words()
    word = word.lower().rstrip(".")
    if word in months:
        return months[word]
    if len(word) >= 3:
        hits = {n for w, n in months.items() if len(w) > 4 and w.startswith(word)}
        if len(hits) == 1:
            return hits.pop()
    return None


def weekday_number(word: str) -> int | None:
    _, weekdays = _calendar_words()
    return weekdays.get(word.lower())


# --------------------------------------------------------------------------- the dateline

_WORD = r"[^\W\d_][^\W\d_'’-]*"
_PLACE = rf"{_WORD}(?:[ \t]{_WORD}){{0,2}}"
_YEAR = r"(?:19|20)\d{2}"
_DATE = (rf"(?:\d{{1,2}}[ \t]+{_WORD}\.?(?:,?[ \t]+{_YEAR})?"            # 5 июня 2013, 12 октября, 24 April 2019
         rf"|{_WORD}\.?[ \t]+\d{{1,2}}(?![\d:])(?:(?:,|[ \t])[ \t]*{_YEAR})?"  # April 24, 2019 / Oct 12
         rf"|{_WORD}[ \t]+{_YEAR}"                                     # май 2015
         rf"|\d{{1,2}}\.\d{{1,2}}\.{_YEAR}|{_YEAR}-\d{{2}}-\d{{2}})"
         r"(?:[ \t]*(?:года|г\.))?")
_AGENCY = r"[^\W\d_][\w.&’'-]*(?:[ \t][^\W\d_][\w.&’'-]*){0,2}"
DATELINE = re.compile(rf"^[ \t]*(?P<place>{_PLACE})(?:,[ \t]*(?P<region>{_PLACE}))?[,.]?[ \t]+(?P<date>{_DATE})", re.M)
YEAR_LINE = re.compile(rf"^[ \t]*[^\W\d_][^\n,\d]{{1,50}},[ \t]*(?P<date>{_YEAR})[ \t]*$", re.M)  # Bulletin, 2014
DATE_LINE = re.compile(rf"^[ \t]*(?P<date>{_DATE})(?:,?[ \t]+\d{{1,2}}:\d{{2}})?[ \t]*$", re.M)
#: inside brackets or slashes an agency's name may begin with a digit ("/24.kg/"), a letter in it
_BRACKETED_AGENCY = r"(?=[\d.]*[^\W\d_])[^\W_][\w.&’'-]*(?:[ \t][^\W\d_][\w.&’'-]*){0,2}"
AGENCY_TAILS = (
    re.compile(rf"\.?\s*\((?P<agency>{_BRACKETED_AGENCY})\)"),           # April 24 (Trend)
    re.compile(rf"\.?\s*/(?P<agency>{_BRACKETED_AGENCY})/"),             # 3 марта /Кабар/, /24.kg/
    re.compile(rf"\.?\s*[–—-]\s*(?P<agency>{_AGENCY})(?=\s*[.–—-]|[ \t]*$)", re.M),  # 2024 – Казинформ
    re.compile(rf"\.?[ \t]+(?P<agency>{_AGENCY})(?:[ \t]*/(?P<author>[^/\n\d]{{3,60}})/)?[ \t]*[.]?[ \t]*[–—-]"),
    # 12 октября. КАЗИНФОРМ – ; 5 июня. КАЗИНФОРМ /Айгерим Нурланова/ –
    re.compile(r"\.?[ \t]+(?P<agency>[A-ZА-ЯЁ]{2,10})\.(?=\s)"),  # Баку. 5 марта. АПА. Сегодня …: capitals between stops
    # an agency's name in quotes after the dash, «ИА» or «агентство» before it: «11 апр — «Азия-Плюс».», «– ИА «Дунё».»
    re.compile(r"\.?\s*[–—-]\s*(?:(?:ИА|МИА|агентство|IA)[ \t]+)?«(?P<agency>[^»\n]{2,30})»(?=\s*[.–—-]|[ \t]*$)", re.M),
    # a correspondent's line in slashes, the agency in capitals first: «14 ноября. /Корр. ТАСС Ирина Волкова/.»
    re.compile(r"\.?\s*/[ \t]*(?:[Кк]орр\.|[Сс]обкор|[Сс]пецкор\.?)[ \t]+(?P<agency>[A-ZА-ЯЁ]{2,10})"
               r"(?:[ \t]+(?P<author>[^/\n\d]{3,60}?))?[ \t]*/"),
)
#: the dash between a multi-word name in title case and what follows makes it an agency only where the name opens with
#: capitals («10 дек – РИА Новости.», "– AKI Press.") and no word of it is in lower case: «2013 – Министры собрались.»
#: and «– МИД Казахстана сообщил.» are the text's first sentence
AGENCY_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,}(?:[ \t]|$)")
#: the agency in capitals first, a dash, then the city in title case and the date: «ИНТЕРФАКС – Кишинев, 15 октября
#: 2025 г.» (the agency's own form of a dateline, as «МОЛДПРЕС, 28 мая 2026. Кишинев –» is another)
AGENCY_FIRST = re.compile(r"^[ \t]*(?P<agency>[A-ZА-ЯЁ]{3,}(?:[ \t][A-ZА-ЯЁ]{2,})?)[ \t]*[–—-][ \t]*"
                          r"(?P<place>[A-ZА-ЯЁ][a-zа-яё-]+(?:[ \t][A-ZА-ЯЁ][a-zа-яё-]+)?),[ \t]*"
                          rf"(?P<date>{_DATE})", re.M)
#: a by-line that dates the text: "By Dana Abilova on 8 June 2023", «Автор: Дана Абилова, 8 июня 2023»
BYLINE_DATE = re.compile(rf"^[ \t]*(?:By|Автор:?|Text:?|Текст:?)[ \t]+[^\n\d]{{2,60}}?(?:[ \t]+on|,|[ \t]+[|–—])[ \t]+"
                         rf"(?P<date>{_DATE})(?:,?[ \t]+\d{{1,2}}:\d{{2}})?[ \t]*$", re.M)
#: a dateline with a place and no date: "ASTANA – A decade after…", «АСТАНА – …» (the place in capitals)
#: "BISHKEK (Kabar) – …", «БИШКЕК (АКИpress) – …»: with the agency in brackets
#: «АСТАНА. КАЗИНФОРМ – …»: the agency in capitals after a full stop
PLACE_LINE = re.compile(r"^[ \t]*(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+(?:[ \t][A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+){0,2})"
                        rf"(?:,[ \t]*[^\W\d_][\w ]{{1,30}})?(?:[ \t]*\((?P<agency>{_AGENCY})\)|"
                        r"\.[ \t]+(?P<dotted>[A-ZА-ЯЁ]{2,}(?:[ \t][A-ZА-ЯЁ]{2,})?))?[ \t]*[–—-][ \t]", re.M)


def read_date(words: str) -> tuple[int | None, int, int | None] | None:
    """(year, month, day) of a date as written, the year or the day None where the words lack them."""
    numeric = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2})", words.strip())
    if numeric:
        day, month, year = (numeric.group(1), numeric.group(2), numeric.group(3)) if numeric.group(1) else \
            (numeric.group(6), numeric.group(5), numeric.group(4))
        return _checked(int(year), int(month), int(day))
    words = re.sub(r"\s*(года|г\.)$", "", words.strip())
    year_match = re.search(rf"\b{_YEAR}\b", words)
    year = int(year_match.group()) if year_match else None
    day_match = re.search(r"(?<!\d)\d{1,2}(?!\d)", words)
    month = next((n for w in re.findall(r"[^\W\d_]+\.?", words) if (n := month_number(w))), None)
    if month is None:
        return None
    return _checked(year, month, int(day_match.group()) if day_match else None)


def _checked(year: int | None, month: int, day: int | None) -> tuple[int | None, int, int | None] | None:
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if year is not None and day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
    return year, month, day


def iso(year: int, month: int, day: int | None) -> str:
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def find_dateline(text: str, language: str, supplied: Supplied | None = None) -> Dateline | None:
    """The first line that opens with a place and a date (or is a date alone), in the head of the text."""
    head = text[: max(len(text) // 2, 2000)]
    candidates = [(m, True) for m in DATELINE.finditer(head)] + [(m, False) for m in DATE_LINE.finditer(head)] \
        + [(m, False) for m in BYLINE_DATE.finditer(head)] + [(m, True) for m in AGENCY_FIRST.finditer(head)]
    placed = [m for m, with_place in candidates if with_place and _looks_like_place(m.group("place"))]
    stamp: re.Match[str] | None = None
    for match, with_place in sorted(candidates, key=lambda c: c[0].start()):
        if with_place and not _looks_like_place(match.group("place")):
            continue
        if match.re is DATE_LINE and any(text[match.end():m.start()].strip() == "" and m.start() > match.end()
                                         for m in placed):
            stamp = match
            continue  # «14 ноября 2025, 06:40» above «МЕХИКО, 14 ноября. /ТАСС/.»: the page's stamp; the dateline is next
        read = read_date(match.group("date"))
        if read is None:
            continue
        year, month, day = read
        place = (match.start("place"), match.end("place")) if with_place else (None, None)
        tail_end, agency, sure, author = match.end("date"), None, True, None
        first = match.re is AGENCY_FIRST
        if first:
            agency = match.span("agency")
        for number, tail in enumerate(() if first else AGENCY_TAILS):
            found = tail.match(text, match.end("date"))
            if found:
                words = found.group("agency")
                if number == 2 and not words.isupper() and len(words.split()) > 1 \
                        and (not AGENCY_ACRONYM.match(words) or any(w[:1].islower() for w in words.split()[1:])):
                    continue  # «2013 – Министры собрались.», «– МИД Казахстана сообщил.»: the text's first words
                if re.match(rf"(?:{BYLINE})\s", words):
                    continue  # ". By Leyla Hasanova – Trend:": a by-line, the outlet after its dash
                tail_end, agency = found.end(), found.span("agency")
                sure = number != 2 or words.isupper() or AGENCY_ACRONYM.match(words) is not None
                if "author" in found.groupdict() and found.group("author"):
                    author = found.span("author")
                break
        if with_place and agency and not first and number == 3 and match.group("place").isupper() \
                and re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё-]+", text[agency[0]:agency[1]]) \
                and text[match.end("date"):agency[0]].strip() == ".":
            # «МОЛДПРЕС, 28 мая 2026. Кишинев –», "AGENCY, date. City –": the agency in capitals first, the city (a
            # word in title case) after the date's full stop
            place, agency = agency, (match.start("place"), match.end("place"))
        if match.re is BYLINE_DATE:
            tail_end = match.end("date")
        year_span, year_from = None, None
        stamped = read_date(stamp.group("date")) if stamp else None
        if year is None and stamp and stamped and stamped[0] and stamped[1] == month:  # the stamp's year
            year, year_span, year_from = stamped[0], stamp.span("date"), "text"
        if year is None:
            year, year_span, year_from = _year_for(text, month, day, supplied)
        date = iso(year, month, day) if year else None
        return Dateline(match.start("agency") if first else match.start("place") if with_place else match.start("date"),
                        match.end("date"), date,
                        place[0], place[1], tail_end, agency, year_span, year_from, sure, author,
                        match.re is BYLINE_DATE,
                        match.span("region") if with_place and not first and match.group("region") else None)
    kind = find_kind_line(text)
    if kind:  # «UNHCR NEWS / Central Asia Bulletin, 2014»: a line of the header giving the year alone
        year_line = YEAR_LINE.match(text, kind.end + 1)
        if year_line and text[kind.end:year_line.start()].strip() == "":
            return Dateline(year_line.start() + len(year_line.group()) - len(year_line.group().lstrip()),
                            year_line.end("date"), year_line.group("date"), None, None, year_line.end("date"))
    return None


def find_place_line(text: str, start: int, end: int) -> tuple[int, int, int, tuple[int, int] | None] | None:
    """A dateline that names the place alone, in capitals, before a dash ("ASTANA – A decade after…"), in the
    first line of the body between ``start`` and ``end``: (the place's start, its end, the end of the dash, the
    agency in brackets after the place or None)."""
    for match in PLACE_LINE.finditer(text, start, end):
        if _looks_like_place(match.group("place").title()):
            agency = "agency" if match.group("agency") else "dotted" if match.group("dotted") else None
            return match.start("place"), match.end("place"), match.end(), match.span(agency) if agency else None
        return None
    return None


def _looks_like_place(words: str) -> bool:
    """A place name: capitalised words, none a month or a weekday («May 2015» is no place)."""
    parts = words.split()
    return all(p[:1].isupper() for p in parts) and not any(month_number(p) or weekday_number(p) for p in parts) \
        and parts[0].lower() not in NOT_PLACES


def _year_for(text: str, month: int, day: int | None, supplied: Supplied | None
              ) -> tuple[int | None, tuple[int, int] | None, str | None]:
    """The year of a dateline that lacks it: the curator's date of issue, else a date of that month in the text."""
    if supplied and supplied.issued:
        issued = supplied.issued
        years = [y for y in (issued.year - 1, issued.year, issued.year + 1)
                 if _checked(y, month, day or 1) is not None]
        # a dateline is of the day of issue or shortly before it: the latest such date, at most two days after
        before = [y for y in years if dt.date(y, month, day or 1) <= issued + dt.timedelta(days=2)]
        best = max(before) if before else min(years)
        return best, None, "supplied"
    if supplied and supplied.issued_month and (len(supplied.issued_month) == 4 or
                                               int(supplied.issued_month[5:7]) == month):
        return int(supplied.issued_month[:4]), None, "supplied"
    for match in re.finditer(rf"(?P<date>(?:\d{{1,2}}(?:\s*[–—-]\s*\d{{1,2}})?\s+{_WORD}|{_WORD}\.?\s+\d{{1,2}}"
                             rf"(?:\s*[–—-]\s*\d{{1,2}})?),?\s+(?P<year>{_YEAR}))", text):
        words = re.findall(r"[^\W\d_]+", match.group("date"))
        if words and month_number(words[0]) == month:
            return int(match.group("year")), match.span("date"), "text"
    return None, None, None


def parse_date(words: str, language: str) -> str | None:
    parsed = dateparser.parse(words, languages=[language], settings={"STRICT_PARSING": True,
                                                                       "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None


_MONTH_DATE = r"\d{1,2}\s+[^\W\d_]{3,12}\.?,?\s+\d{4}|[^\W\d_]{3,12}\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}"
ANY_DATE = re.compile(rf"(?<!\w)(?P<date>{_MONTH_DATE})")


def first_date(text: str, language: str) -> tuple[int, int, str] | None:
    for match in ANY_DATE.finditer(text):
        date = parse_date(match.group("date"), language)
        if date:
            return match.start("date"), match.end("date"), date
    return None


# --------------------------------------------------------------------------- the kind line and the title

@dataclass(frozen=True)
class KindLine:
    start: int
    end: int
    kind: str
    word: tuple[int, int]  # the kind word itself


def find_kind_line(text: str) -> KindLine | None:
    """A short line among the first lines that names the kind: «ПРЕСС-РЕЛИЗ МОМ», "TREND NEWS"."""
    for match in list(re.finditer(r"[^\n]+", text))[:6]:
        line = match.group()
        if len(line.split()) > 7 or re.search(r"[.!?:]\s*$", line.strip()):
            continue
        rubric = re.search(RUBRIC_BAR, line) is not None
        office = re.search(rf"(?i)(?<![\w-])(?:{PRESS_OFFICE_WORDS})(?![\w-])", line) if rubric else None
        if office:  # «Главная › Пресс-служба › Новости»: the news of a press office are its press releases
            lead = len(line) - len(line.lstrip())
            return KindLine(match.start() + lead, match.start() + len(line.rstrip()), "press-release",
                            (match.start() + office.start(), match.start() + office.end()))
        for kind, words in KIND_WORDS.items():
            found = re.search(rf"(?i)(?<![\w-])(?:{words})(?![\w-])", line)
            if found and (kind == "press-release" or line.strip().upper() == line.strip()
                          or rubric or re.search(RUBRIC_DASH, line)):
                lead = len(line) - len(line.lstrip())
                return KindLine(match.start() + lead, match.start() + len(line.rstrip()), kind,
                                (match.start() + found.start(), match.start() + found.end()))
    return None


@dataclass(frozen=True)
class RubricLine:
    start: int
    end: int
    parts: tuple[tuple[int, int], ...]  # the outlet's name and the site's sections, each a span
    sections: tuple[bool, ...]          # whether each part is a section of the site (not a name)


def find_rubric_line(text: str, kind: KindLine | None, agency: str | None = None) -> RubricLine | None:
    """The line of a web page's sections above the title: «Политика | Казинформ», "The Astana Times › Nation",
    «ТАСС – Международная панорама». Its parts are separated by bars or arrows, or by a dash when a part is a
    section's name or the dateline's agency («ТАСС»). It is no title; the outlet on it published the text."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()][:3]
    for match in lines:
        line = match.group()
        if (kind and kind.start <= match.start() + len(line) - len(line.lstrip()) < kind.end) \
                or len(line.split()) > 8 or re.search(r"[.!?:,;]\s*$", line.strip()):
            continue
        barred = re.search(RUBRIC_BAR, line) is not None
        separator = RUBRIC_BAR if barred else RUBRIC_DASH
        parts, offset = [], match.start()
        for piece in re.split(f"({separator})", line):
            words = piece.strip()
            if words and not re.fullmatch(separator, piece):
                start = offset + piece.index(words)
                parts.append((start, start + len(words)))
            offset += len(piece)
        if not 2 <= len(parts) <= 4 or any(len(text[a:b].split()) > 4 for a, b in parts):
            continue
        sections = tuple(_folded(text[a:b]) in SECTION_WORDS for a, b in parts)
        agency_part = agency is not None and any(_folded(text[a:b]) == _folded(agency) for a, b in parts)
        if barred or any(sections) or agency_part:
            return RubricLine(parts[0][0], parts[-1][1], tuple(parts), sections)
    return None


def _folded(words: str) -> str:
    return re.sub(r"\s+", " ", words.strip().lower().replace("ё", "е"))


def kind_line(text: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """The kind line's span (kept for callers that only need where it is)."""
    found = find_kind_line(text)
    return (found.start, found.end) if found else None


def title_line(text: str, skip: list[tuple[int, int] | None], after: int = 0) -> tuple[int, int] | None:
    """The first line with a word in it that is not the kind line, a rubric line or a line of the header
    (``skip``), holds no dateline, and begins after ``after`` (the end of the kind line: what stands above
    the kind line is the publisher's name, «ABU DHABI DIALOGUE – PERMANENT SECRETARIAT»)."""
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        start = match.start() + len(line) - len(line.lstrip())
        end = match.start() + len(line.rstrip())
        if start < after:
            continue
        if any((s and s[0] <= start < s[1]) or (s and start <= s[0] < end) for s in skip):
            continue
        if re.search(r"[^\W\d_]{2}", line):
            return start, end
    return None


def header_lines(text: str, actors: Actors, kind: KindLine | None) -> list[tuple[int, int, Actor]]:
    """Lines of the head of the text that are only the name of a body (a ministry under the kind line)."""
    found = []
    lines = list(re.finditer(r"[^\n]+", text))[:5]
    for match in lines:
        line = match.group()
        start = match.start() + len(line) - len(line.lstrip())
        end = match.start() + len(line.rstrip())
        if kind and kind.start <= start < kind.end:
            continue
        if kind and end <= kind.start and len(line.split()) <= 8 and not re.search(r"[.!?]\s*$", line):
            # above the kind line: the publisher's name, perhaps with its office («… – PERMANENT SECRETARIAT»)
            bodies = actors.within(start, end, HEADER_TYPES)
            if bodies and not (bodies[0].start <= start + 4 and re.match(r"\s*(?:$|[^\w\s])", text[bodies[0].end:end])):
                continue  # "Kazakhstan Hosts Almaty Process …": a headline naming a body, not the body's name
            known = [b for b in bodies if b.entity not in actors.proposals]  # not its office's name, guessed
            found += [(start, end, body) for body in known or bodies]
            continue
        bodies = actors.within(start, end, OUTLET_TYPES)
        if len(bodies) == 1 and bodies[0].start == start and bodies[0].end >= end - 1:
            found.append((start, end, bodies[0]))
        elif found or kind is None:
            break
    return found


# --------------------------------------------------------------------------- publishers, authors, relays

def publishers_and_authors(analysis: Analysis, actors: Actors, found: list[Mention], registry: Registry,
                           kind: KindLine | None, dateline: Dateline | None, body_start: int,
                           rubric: RubricLine | None = None, place_agency: tuple[int, int] | None = None
                           ) -> tuple[list[Drafted], list[Drafted]]:
    """Publishers from the kind line, a body's name above or under it, the rubric line, the dateline's agency (or
    the agency in brackets after a dateline's place with no date, ``place_agency``), a
    by-line naming an outlet and an "Issued by …" line; authors from a by-line naming a person and the
    correspondent the dateline names after its agency."""
    text = analysis.text
    publishers: list[Drafted] = []
    authors: list[Drafted] = []

    def add(target: list[Drafted], field: str, actor: Actor, spans: list[tuple[int, int]], method: str,
            confidence: float) -> None:
        if any(d.fields.get(field) == actor.entity for d in target):
            return
        target.append(Drafted({field: actor.entity}, spans, method, round(min(confidence, actor.confidence), 2)))

    if kind:
        # the gazetteer's own matches: NER may read «ПРЕСС-РЕЛИЗ МОМ» as one name and hide «МОМ» inside it
        on_line = [Actor(m.start, m.end, m.entity, m.type, m.method, 0.95) for m in found
                   if kind.start <= m.start and m.end <= kind.end and m.type in OUTLET_TYPES]
        for actor in on_line:
            add(publishers, "agent", actor, [(kind.start, kind.end)], "a name on the kind line", 0.85)
        if not on_line:
            rest = _rest_of_kind_line(text, kind)
            if rest and kind.kind == "news-item":
                actor = _propose_outlet(analysis, actors, registry, rest, "a name on the kind line")
                add(publishers, "agent", actor, [(kind.start, kind.end)], "a name on the kind line (new)", 0.5)
    for start, end, actor in header_lines(text, actors, kind):
        add(publishers, "agent", actor, [(start, end)], "a body's name on a line of the header", 0.75)
    if rubric:
        for (start, end), section in zip(rubric.parts, rubric.sections, strict=True):
            known = actors.within(start, end, OUTLET_TYPES)
            if known:
                add(publishers, "agent", known[0], [(start, end)], "a name on the rubric line", 0.8)
            elif not section and sum(not s for s in rubric.sections) == 1 \
                    and all(w[:1].isupper() for w in re.findall(r"[^\W\d_][\w’'-]*", text[start:end])):
                actor = _propose_outlet(analysis, actors, registry, (start, end), "the rubric line's outlet")
                add(publishers, "agent", actor, [(start, end)], "the name beside the sections on the rubric line (new)",
                    0.5)
    if dateline and dateline.agency:
        start, end = dateline.agency
        known = actors.within(start, end, OUTLET_TYPES)
        actor = known[0] if known else _propose_outlet(analysis, actors, registry, (start, end),
                                                        "the dateline's agency")
        add(publishers, "agent", actor, [(dateline.start, dateline.tail_end)], "the agency of the dateline",
            0.8 if known else 0.5)
    elif place_agency:  # «БИШКЕК (АКИpress) – …»: a dateline with no date, its agency in brackets
        known = actors.within(*place_agency, OUTLET_TYPES)
        actor = known[0] if known else _propose_outlet(analysis, actors, registry, place_agency,
                                                        "the agency in brackets after the dateline's place")
        add(publishers, "agent", actor, [place_agency], "the agency in brackets after the dateline's place",
            0.75 if known else 0.5)
    if dateline and dateline.author:
        start, end = dateline.author
        named = actors.within(start, end, frozenset({"person"}))
        person = named[0] if named else _propose_person(analysis, actors, registry, (start, end),
                                                          "the correspondent after the dateline's agency")
        if person:
            add(authors, "agent", person, [(start - 1, end + 1)], "the correspondent after the dateline's agency",
                0.7)
    for match in re.finditer(rf"(?m)^[ \t]*(?P<cue>{PRESS_SERVICE_OF})\s+(?P<name>[^\n.,;:]{{3,120}}?)[ \t]*$", text):
        # «Пресс-служба Агентства внешней трудовой миграции» on a line of its own: the body signs its release
        known = [a for a in actors.within(*match.span("name"), OUTLET_TYPES) if a.start - match.start("name") <= 4]
        if known and match.start() > body_start and not publishers:  # the head names none
            add(publishers, "agent", known[0], [(match.start("cue"), match.end("name"))], SIGNATURE, 0.7)
    for match in re.finditer(rf"(?m)^[ \t]*(?P<cue>{ISSUED_BY})\s+(?P<name>[^\n.,;]{{3,120}})", text):
        name = (match.start("name"), match.start("name") + len(match.group("name").rstrip()))
        issuer = _issuer(analysis, actors, registry, name)
        if issuer:
            add(publishers, "agent", issuer, [(match.start(), issuer.end)], f"«{match.group('cue')}» and a name", 0.75)
    for match in re.finditer(rf"(?m)(?:^|(?<=[.–—]\s))[ \t]*(?P<cue>{BYLINE})\s+(?P<name>[^\n.,]{{2,60}})", text):
        if match.start() > body_start + 400 and not _signs_off(text, match.end()):
            continue  # a by-line heads the text, or signs it off on its last line («Автор: Нигяр Мамедова»)
        # "By Dana Abilova on 8 June 2023", «Автор: Дана Абилова | 8 июня»: the name ends before the date
        words = re.split(r"\s+(?:on|at|от)\s+(?=\d|[^\W\d_]+\.?\s+\d)|\s*[|–—]\s*|\s+\d", match.group("name"))[0]
        name = (match.start("name"), match.start("name") + len(words.rstrip()))
        named = actors.within(*name, BYLINE_TYPES)
        if named and named[0].type == "person":
            add(authors, "agent", named[0], [(match.start("cue"), named[0].end)], "a by-line naming a person", 0.8)
        elif named:
            add(publishers, "agent", named[0], [(match.start("cue"), named[0].end)], "a by-line naming an outlet",
                0.8)
        elif person := _propose_person(analysis, actors, registry, name, "a by-line"):
            add(authors, "agent", person, [(match.start("cue"), name[1])], "a by-line naming a person (new)", 0.6)
        # "By Leyla Hasanova – Trend:", «Автор: Дана Абилова | Казинформ»: the outlet after the author's name
        line_end = text.find("\n", name[1])
        outlet = re.match(rf"\s*[|–—]\s*(?P<outlet>{_AGENCY})[ \t]*:?[ \t]*$",
                          text[name[1]:line_end if line_end >= 0 else len(text)])
        if outlet and (named or authors):
            span = (name[1] + outlet.start("outlet"), name[1] + outlet.end("outlet"))
            known = actors.within(*span, OUTLET_TYPES)
            if known:
                add(publishers, "agent", known[0], [(match.start("cue"), span[1])], "the outlet after a by-line", 0.75)
    return publishers, authors


def _signs_off(text: str, end: int) -> bool:
    """Whether the words ending at ``end`` end the text's last line."""
    return re.fullmatch(r"[ \t]*(?:\n\s*)?", text[end:]) is not None


def _propose_person(analysis: Analysis, actors: Actors, registry: Registry, span: tuple[int, int],
                    method: str) -> Actor | None:
    """A person a by-line names, new to the registry: two or three capitalised words, else None."""
    words = analysis.text[span[0]:span[1]].strip()
    if not (re.fullmatch(r"[^\W\d_][\w’'-]+(?:\s[^\W\d_][\w’'-]+){1,2}", words)
            and all(w[:1].isupper() for w in words.split())):
        return None
    start = analysis.text.index(words, span[0])
    labels, comment = copied_labels(analysis.language, words)
    entity = actors.propose(registry, slug(labels["en"]), Proposal("", "person", labels, method, 0.6, comment=comment))
    actor = Actor(start, start + len(words), entity, "person", method, 0.6)
    actors.mentions.append(actor)
    return actor


def _issuer(analysis: Analysis, actors: Actors, registry: Registry, span: tuple[int, int]) -> Actor | None:
    """Who an "Issued by …" line names: a known body that is the whole name, else a new organisation."""
    text = analysis.text
    words = re.sub(r"^(?:the|The)\s+", "", text[span[0]:span[1]].strip())
    start = text.index(words, span[0])
    end = start + len(words)
    whole = [a for a in actors.within(start, end, HEADER_TYPES) if a.start <= start + 1 and a.end >= end - 1]
    if whole:
        return whole[0]
    if not re.fullmatch(r"[^\W\d_][\w’'()-]*(?:\s[\w’'()-]+){0,10}", words) or not words[:1].isupper():
        return None
    kind = "ministry" if re.search(r"(?i)ministry|министерств", words) else "intergovernmental-organization"
    labels, comment = copied_labels(analysis.language, words)
    entity = actors.propose(registry, slug(labels["en"]), Proposal(
        "", kind, labels, "an «issued by» line", 0.5,
        comment=f"The body that issued the text; check its type and add part_of. {comment}"))
    actor = Actor(start, end, entity, kind, "an «issued by» line", 0.5)
    actors.mentions.append(actor)
    return actor


def _rest_of_kind_line(text: str, kind: KindLine) -> tuple[int, int] | None:
    """«КАБАР – НОВОСТИ» → «КАБАР»: the words beside the kind word, when they look like a name."""
    before = (kind.start, kind.word[0])
    after = (kind.word[1], kind.end)
    for start, end in (before, after):
        words = text[start:end].strip(" –—-|:")
        if words and re.search(r"[^\W\d_]{2}", words) and len(words.split()) <= 4:
            offset = text.find(words, start)
            return offset, offset + len(words)
    return None


def _propose_outlet(analysis: Analysis, actors: Actors, registry: Registry, span: tuple[int, int],
                    method: str) -> Actor:
    words = re.sub(r"^(?:the|The|THE)\s+", "", analysis.text[span[0]:span[1]])
    labels, comment = copied_labels(analysis.language, words)
    entity = actors.propose(registry, slug(labels["en"]), Proposal(
        "", "news-outlet", labels, method, 0.5, comment=f"A news outlet the header names. {comment}"))
    actor = Actor(span[0], span[1], entity, "news-outlet", method, 0.5)
    actors.mentions.append(actor)
    return actor


def relays(analysis: Analysis, actors: Actors, body_end: int, registry: Registry | None = None) -> list[Drafted]:
    """"as reported by Kazinform", «сообщает Кабар», «со ссылкой на пресс-службу МИД»: a relayed report; ", Antara
    news agency reported", «передает агентство Синьхуа»: an agency named as such (proposed if the registry lacks it)."""
    text = analysis.text
    drafted: list[Drafted] = []
    for match in re.finditer(NAMED_AGENCY[analysis.language], text[:body_end]):
        # "the Emirates News Agency WAM reported": the agency by its full name, its acronym after it
        groups = match.groupdict()
        span = match.span("acronym") if groups.get("acronym") else match.span("full") if groups.get("bracketed") \
            else match.span("name")
        if groups.get("acronym") and not actors.within(*span, OUTLET_TYPES):
            span = match.span("full")
        named = actors.within(*span, OUTLET_TYPES)
        outlet = named[0] if named else _propose_outlet(analysis, actors, registry, span, "an agency named as such "
                                                        "with a verb of reporting") if registry is not None else None
        if outlet is not None and not any(d.fields["outlet"] == outlet.entity for d in drafted):
            drafted.append(Drafted({"outlet": outlet.entity}, [match.span("relay")], "a news agency named as such "
                                   "with a verb of reporting", round(min(0.7, outlet.confidence), 2)))
    cues = "|".join(re.escape(c) for c in sorted(RELAY_BEFORE[analysis.language], key=len, reverse=True))
    for match in re.finditer(rf"(?i)(?<![\w-])(?:{cues})\s+", text[:body_end]):
        # the outlet's name begins near the cue and may be long («пресс-служба Министерства труда, миграции и
        # занятости населения Республики Таджикистан»)
        named = [a for a in actors.within(match.end(), body_end, OUTLET_TYPES) if a.start - match.end() <= 25]
        method = f"«{match.group().strip()}» before an outlet's name"
        the_ministry = re.match(RELAY_OF_THE_MINISTRY[analysis.language], text[match.end():body_end], re.I)
        if not named and the_ministry:
            before = {a.entity: a for a in actors.mentions if a.type == "ministry" and a.end <= match.start()}
            if len(before) == 1:
                named = [dataclasses.replace(next(iter(before.values())), start=match.end(),
                                             end=match.end() + the_ministry.end(), confidence=0.6)]
                method = f"«{match.group().strip()}» before the press service of the one ministry the text named"
        if not named or any(d.fields["outlet"] == named[0].entity for d in drafted):
            continue
        outlet = named[0]
        if match.group().lower().startswith(("according", "по данным")) and outlet.type != "news-outlet":
            continue  # "according to IOM" gives a source of a figure, not a report passed on
        drafted.append(Drafted({"outlet": outlet.entity}, [(match.start(), outlet.end)], method,
                               round(min(0.8, outlet.confidence), 2)))
    return drafted


def release_kind(kind: KindLine | None, title: tuple[int, int], publishers: list[Drafted], actors: Actors,
                 relayed: list[Drafted] | None = None) -> Drafted:
    if kind and kind.kind == "news-item" and publishers:
        types = {a.type for p in publishers if (a := actors.first(p.fields["agent"]))}
        if types and "news-outlet" not in types:  # "ICMPD | News", "NEWS | Budapest Process": a body's own news page
            return Drafted({"kind": "press-release"}, [(kind.start, kind.end)], "the kind line says news, and the text's "
                           "publishers are no news outlet: a body's news page", 0.6,
                           "The page heads it news; its publisher is no news outlet, so the text is its press release.")
    if kind:
        return Drafted({"kind": kind.kind}, [(kind.start, kind.end)], "the kind line", 0.95)
    signed = [p for p in publishers if p.method == SIGNATURE]
    if signed:
        return Drafted({"kind": "press-release"}, signed[0].spans, "no kind line: a press service signs it", 0.6,
                       "The text does not name its kind; a body's press service signs it off.")
    outlets = [p for p in publishers if (a := actors.first(p.fields["agent"])) and a.type == "news-outlet"]
    if outlets:
        return Drafted({"kind": "news-item"}, outlets[0].spans, "no kind line: published by a news outlet", 0.6,
                       "The text does not name its kind; a news outlet published it.")
    agencies = [r for r in relayed or [] if (a := actors.first(r.fields["outlet"])) and a.type == "news-outlet"]
    if agencies:  # "…, the Emirates News Agency WAM reported": an outlet passing on an agency's report
        return Drafted({"kind": "news-item"}, agencies[0].spans, "no kind line: it relays a news agency's report", 0.5,
                       "The text does not name its kind; it relays a news agency's report.")
    return Drafted({"kind": "press-release"}, [title], "assumed: the text names no kind", 0.3,
                   "The text does not say it is a press release; check.")


# --------------------------------------------------------------------------- the date of issue

def date_of_issue(text: str, language: str, dateline: Dateline | None, supplied: Supplied) -> Drafted | None:
    """The date of issue: the dateline's (its year completed if need be), else the curator's, else the first
    full date of the text (said to be a guess); None when nothing gives it."""
    if dateline and dateline.date:
        spans = [(dateline.start, dateline.end)] + ([dateline.year_span] if dateline.year_span else [])
        note = None
        if dateline.year_from == "text":
            note = "The dateline gives no year; the year is that of the same month elsewhere in the text."
        elif dateline.year_from == "supplied":
            note = f"The dateline gives no year; the year is that of the date of issue {supplied.said()}."
        given = supplied.issued_written
        if given and given[:len(dateline.date)] != dateline.date[:len(given)]:
            note = (f"{note} " if note else "") + (f"The date of issue {supplied.said()} is "
                                                    f"{given}; the text says otherwise: check.")
        return Drafted({"date": dateline.date}, spans, "the dateline" + (", year completed" if note else ""),
                       0.9 if dateline.year_from is None else 0.75, note)
    if supplied.issued_written:
        fields: dict[str, object] = {"date": supplied.issued_written}
        if supplied.url:
            fields["supplied"] = supplied.url
        return Drafted(fields, [], "the date of issue given by the curator", 0.9,
                       f"The text gives no date of issue; {supplied.said()}.")
    found = first_date(text, language)
    if found is None:
        return None
    start, end, date = found
    return Drafted({"date": date}, [(start, end)], "the first full date in the text (no dateline)", 0.4,
                   "No dateline: the first date of the text is taken as the date of issue; check.")


def supplied_publisher(supplied: Supplied, publishers: list[Drafted]) -> Drafted | None:
    """The curator's publisher, unless the text names it already."""
    if supplied.publisher is None or any(p.fields["agent"] == supplied.publisher for p in publishers):
        return None
    fields: dict[str, object] = {"agent": supplied.publisher}
    if supplied.url:
        fields["supplied"] = supplied.url
    return Drafted(fields, [], "the publisher given by the curator", 0.9,
                   f"The text does not name this publisher; {supplied.said()}.")


def unknown_publisher_note(supplied: Supplied) -> str:
    """What the draft says (in ``not_drafted`` and on stderr) of a publisher id the registry does not hold: the
    text is drafted without it, never refused."""
    return (f"release.publishers: '{supplied.publisher}' ({supplied.publisher_origin}) is not in the registry, so "
            f"the draft leaves it out; add that entry to the registry, then write {{agent: {supplied.publisher}, "
            "supplied: <the address the text comes from>}.")


# --------------------------------------------------------------------------- dates relative to the date of issue

@dataclass(frozen=True)
class RelativeDate:
    start: int
    end: int
    date: dt.date
    words: str
    issued: dt.date  # the date of issue it was resolved against


def relative_dates(analysis: Analysis, issued: dt.date) -> list[RelativeDate]:
    """"today", «вчера», "on Thursday", «в четверг» with the date they stand for, given the date of issue.

    A weekday is the last such day on or before the date of issue (news report what has happened)."""
    days = RELATIVE_DAYS[analysis.language]
    found = []
    for token in analysis.tokens:
        word = token.text.lower()
        if word in days or token.lemma in days:
            shift = days.get(word, days.get(token.lemma, 0))
            found.append(RelativeDate(token.start, token.end, issued + dt.timedelta(days=shift), token.text, issued))
            continue
        weekday = weekday_number(word) if len(word) >= 4 else None
        if weekday is None and analysis.language == "ru" and len(token.lemma) >= 4:
            weekday = weekday_number(token.lemma)
        if weekday is not None:
            before = analysis.text[max(0, token.start - 4):token.start].lower()
            start = token.start - 3 if before.endswith(("on ", " в ", "\nв ")) else \
                token.start - 3 if before.endswith("во ") else token.start
            date = issued - dt.timedelta(days=(issued.weekday() - weekday) % 7)
            found.append(RelativeDate(start, token.end, date, analysis.text[start:token.end], issued))
    return found


def as_date(iso_date: str | None) -> dt.date | None:
    """An ISO date of a day (not a month or year alone) as a date."""
    if iso_date is None or len(iso_date) != 10:
        return None
    return dt.date.fromisoformat(iso_date)
