"""Time and process for the networks: when each fact behind an edge holds, and slices of the edges by both.

Every edge carries ``evidence``, the facts behind it; the graph dates each fact as precisely as
the text does. ``queries/network/time/fact-times.rq`` gives, per fact, its own date or period,
its event's date or period (as the same release gives them), its release's date of issue, and
the process whose meeting its event is (or is part of). :func:`fact_times` reads it into a
:class:`Timeline`, where each fact has one :class:`Span` of days, from the first of:

1. the fact's own date (``mig:attestedOn``);
2. the fact's own period (``org:memberDuring``); one with no beginning, stated at an event, begins with the event;
3. its event's date (``mig:event``, ``mig:madeAt`` or ``mig:attestedAt``), as the same release gives it;
4. its event's period, as the same release gives it;
5. the release's date of issue.

A date stands for every day it names: ``2023-06-14`` is that day, ``2023-06`` the 1st to the 30th
of June, ``2023`` the 1st of January to the 31st of December. A period runs from the first day of
its beginning to the last day of its end; a period with no end is open (it has not ended).

A :class:`Window` is a range of days (either end open) and optionally a process. A fact is in a
window when its span *overlaps* the window's days (so a fact known only to the year 2023 is in
every window that reaches into 2023) and, with a process, when its event belongs to that process.
:func:`slice_rows` keeps the edges that have at least one fact in the window, with only those
facts as evidence and their weight counted again from them.

Everything here is pure except :func:`fact_times`, which asks the source.
"""
from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from migkg.errors import InputError, Location
from migkg.network.queries import EdgeRow, python_value, select
from migkg.queries.catalogue import read_query
from migkg.schema.resources import queries_dir
from migkg.stores.sources import SelectSource

DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
#: the facts' time columns, in the order they are read (see the module's docstring)
OWN, OWN_PERIOD, EVENT, EVENT_PERIOD, ISSUED = "date", "period", "event date", "event period", "release issued"


def last_segment(iri: str) -> str:
    """The id at the end of an IRI (a process's ``almaty-process``), whatever the build's base."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


def days(text: str) -> tuple[date, date]:
    """The first and last day a date names (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); ValueError if it is none."""
    found = DATE.fullmatch(text.strip())
    if not found:
        raise ValueError(f"{text!r} is not a date as YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(found["year"])
    if found["day"]:
        try:
            day = date(year, int(found["month"]), int(found["day"]))
        except ValueError as err:  # 2023-02-30
            raise ValueError(f"{text!r} is not a day of the calendar ({err})") from None
        return day, day
    if found["month"]:
        month = int(found["month"])
        if not 1 <= month <= 12:
            raise ValueError(f"{text!r}: there is no month {month}")
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


@dataclass(frozen=True, order=True)
class Span:
    """A closed range of days; ``None`` at an end: open on that side."""

    start: date | None
    end: date | None

    def overlaps(self, other: Span) -> bool:
        return ((self.end is None or other.start is None or self.end >= other.start)
                and (self.start is None or other.end is None or self.start <= other.end))

    def years(self, first: int, last: int) -> list[int]:
        """The years the span reaches into, an open end bounded by ``first`` or ``last``."""
        low = self.start.year if self.start else first
        high = self.end.year if self.end else last
        return list(range(max(low, first), min(high, last) + 1))


def merge(spans: Iterable[Span]) -> list[Span]:
    """The union of spans as the fewest spans, in time order (touching spans, day after day, become one)."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start or date.min, s.end or date.max)):
        if merged:
            last = merged[-1]
            if last.end is None or span.start is None or span.start <= last.end + timedelta(days=1):
                ends = None if last.end is None or span.end is None else max(last.end, span.end)
                merged[-1] = Span(last.start, ends)
                continue
        merged.append(span)
    return merged


@dataclass(frozen=True)
class FactTime:
    """When one fact holds (and from which of the five sources of time), and the processes of its event."""

    fact: str
    span: Span
    basis: str
    processes: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Timeline:
    """Every fact's time, and the processes the graph knows (IRI → English, else Russian, name)."""

    facts: Mapping[str, FactTime]
    processes: Mapping[str, str] = field(default_factory=dict)

    def spans(self, facts: Iterable[str]) -> list[Span]:
        """The time of a group of facts (an edge's evidence) as merged spans; facts the timeline lacks count not."""
        return merge(self.facts[f].span for f in facts if f in self.facts)

    def process(self, name: str, option: str = "process") -> str:
        """The process named by its IRI or its id (``almaty-process``), under whatever base the build used; an
        InputError naming ``option`` if none."""
        if name in self.processes:
            return name
        for iri in sorted(self.processes):
            if last_segment(iri) == name:
                return iri
        known = ", ".join(f"{last_segment(iri)} ({label})" for iri, label in sorted(self.processes.items()))
        raise InputError(Location(Path(option)), f"no process {name!r} in the graph.",
                         f"use one of: {known}." if known else "the graph has no process to slice by.")


@functools.lru_cache(maxsize=65536)  # a corpus has few distinct dates, each on many facts
def _span(text: object) -> tuple[date, date] | None:
    """The days of a date in the data; its time zone or time of day (``2013-06-05+06:00``, from an endpoint) is
    left out, and a value that is no date gives None (no time from it)."""
    found = DATE.match(str(text)) if text is not None else None
    if not found:
        return None
    try:
        return days(found.group(0))
    except ValueError:
        return None


def fact_time(fact: str, row: Mapping[str, object], processes: frozenset[str] = frozenset(),
              roles: frozenset[str] = frozenset()) -> FactTime:
    """One fact's time from one row of ``fact-times.rq`` (plain values), by the first source that has it."""
    sources = ((OWN, row.get("on"), row.get("on")), (OWN_PERIOD, row.get("from"), row.get("to")),
               (EVENT, row.get("event_date"), row.get("event_date")),
               (EVENT_PERIOD, row.get("event_from"), row.get("event_to")), (ISSUED, row.get("issued"), row.get("issued")))
    for basis, first, last in sources:
        if first is None and last is None:
            continue
        if basis == OWN_PERIOD and first is None:  # "until 2022", said at an event: from the event on
            start, end = _span(row.get("event_date") or row.get("event_from")), _span(last)
        else:
            start, end = _span(first), _span(last)
        return FactTime(fact, Span(start[0] if start else None, end[1] if end else None), basis, processes, roles)
    return FactTime(fact, Span(None, None), "unknown", processes, roles)


def timeline_from_rows(rows: Iterable[Mapping[str, object]], processes: Mapping[str, str]) -> Timeline:
    """The timeline from the rows of ``fact-times.rq``: a fact with several rows (two processes, two roles, two
    dates one release gives its event) takes every process and role, and the span from the earliest start to the
    latest end."""
    facts: dict[str, FactTime] = {}
    for row in rows:
        name = str(row["fact"])
        in_processes = frozenset({str(row["process"])} if row.get("process") else ())
        roles = frozenset({str(row["role"])} if row.get("role") else ())
        found = fact_time(name, row, in_processes, roles)
        old = facts.get(name)
        if old is None:
            facts[name] = found
            continue
        start = None if old.span.start is None or found.span.start is None else min(old.span.start, found.span.start)
        end = None if old.span.end is None or found.span.end is None else max(old.span.end, found.span.end)
        facts[name] = replace(old, span=Span(start, end), processes=old.processes | in_processes,
                              roles=old.roles | roles)
    return Timeline(facts, dict(processes))


def _rows(source: SelectSource, name: str) -> list[dict[str, object]]:
    query = read_query(queries_dir() / "network" / "time" / name)
    return [{k: python_value(v) for k, v in row.items()} for row in select(source, query).rows]


def fact_times(source: SelectSource) -> Timeline:
    """Every fact's time and processes, and the processes the graph knows, from any SELECT source."""
    processes = {str(r["process"]): str(r.get("process_en") or r.get("process_ru") or r["process"])
                 for r in _rows(source, "processes.rq")}
    return timeline_from_rows(_rows(source, "fact-times.rq"), processes)


@dataclass(frozen=True)
class Window:
    """A slice: the days from ``start`` to ``end`` (both included; None: open) and, if set, one process (IRI)."""

    start: date | None = None
    end: date | None = None
    process: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def holds(self, fact: FactTime | None) -> bool:
        if fact is None:
            return False
        return fact.span.overlaps(self.span) and (self.process is None or self.process in fact.processes)

    def describe(self) -> str:
        if self.start and self.end and self.start.year == self.end.year and (self.start, self.end) == (
                date(self.start.year, 1, 1), date(self.start.year, 12, 31)):
            when = f"year {self.start.year}"
        else:
            when = f"{self.start or '…'} to {self.end or '…'}" if (self.start or self.end) else "all time"
        return when + (f", process {last_segment(self.process)}" if self.process else "")


def _bound(text: str | int | None, option: str, last: bool) -> date | None:
    if text is None:
        return None
    try:
        first_day, last_day = days(str(text))
    except ValueError as err:
        raise InputError(Location(Path(option)), f"{err}.",
                         "give a year (2019), a month (2019-04) or a day (2019-04-24).") from None
    return last_day if last else first_day


def window(start: str | int | None = None, end: str | int | None = None, year: str | int | None = None,
           process: str | None = None, timeline: Timeline | None = None,
           names: tuple[str, str, str, str] = ("start", "end", "year", "process")) -> Window:
    """The window of ``start`` to ``end`` (dates as YYYY, YYYY-MM or YYYY-MM-DD: from the first day of ``start``
    to the last day of ``end``) or of one ``year``, and ``process`` (an IRI or id, looked up in ``timeline``).
    ``names`` are the names the errors give these four (the command line passes its option names)."""
    if year is not None and (start is not None or end is not None):
        raise InputError(Location(Path(names[2])), f"is given with {names[0]} or {names[1]}.",
                         f"give either {names[2]} or {names[0]}/{names[1]}, not both.")
    if year is not None:
        if not re.fullmatch(r"\d{4}", str(year)):
            raise InputError(Location(Path(names[2])), f"{str(year)!r} is not a year.", "give four digits, e.g. 2019.")
        start = end = str(year)
    first, last = _bound(start, names[0], last=False), _bound(end, names[1], last=True)
    if first and last and first > last:
        raise InputError(Location(Path(names[0])), f"{start} is after {names[1]} {end}.",
                         f"give a {names[0]} that is not after {names[1]}.")
    iri = None
    if process is not None:
        iri = (timeline or Timeline({})).process(process, names[3])
    return Window(first, last, iri)


def slice_rows(rows: Iterable[EdgeRow], timeline: Timeline, within: Window) -> list[EdgeRow]:
    """The rows (edges of one query network) that have a fact in the window, each with only those facts: its
    ``evidence`` cut down to them, its ``weight`` the number left (1 still for an edge from the registry), and the
    ``roles`` of an actor–event edge those of the participations left."""
    kept: list[EdgeRow] = []
    for row in rows:
        evidence = [f for f in row.attributes.get("evidence", []) if within.holds(timeline.facts.get(f))]  # type: ignore[attr-defined]
        if not evidence:
            continue
        attributes = dict(row.attributes, evidence=evidence)
        if attributes.get("basis") != "registry":
            attributes["weight"] = len(evidence)
        if "roles" in attributes:
            attributes["roles"] = sorted({r for f in evidence for r in timeline.facts[f].roles})
        kept.append(EdgeRow(row.source, row.target, row.source_node, row.target_node, attributes))
    return kept


def years(timeline: Timeline, facts: Iterable[str]) -> list[int]:
    """The years any of ``facts`` reaches into (see :func:`years_of`)."""
    return years_of(timeline, timeline.spans(facts))


def years_of(timeline: Timeline, spans: Iterable[Span]) -> list[int]:
    """The years ``spans`` reach into, an open end stopping at the first or last year the timeline names."""
    known = [s for f in timeline.facts.values() for s in (f.span.start, f.span.end) if s is not None]
    if not known:
        return []
    first, last = min(known).year, max(known).year
    return sorted({y for span in spans for y in span.years(first, last)})
