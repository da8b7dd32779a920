"""One event, many reports: two event ids that look like one meeting, across every release of the build.

Each release names the events it reports by id, and two releases that report one meeting should
give it one id (its IRI, ``<base>event/<id>``, is then shared). Two different ids that have

- the same number in the same series: meetings of the same process (``meeting_of``), of the same
  kind, with the same ``number`` (a process numbers each kind of meeting on its own: its third
  ministerial conference and its third senior officials' meeting are two events), or
- the same kind, date and place,

are probably one meeting reported twice: the build warns, naming the card entry of each, and
publishes the pair as a conflict. It is a Warning (two meetings may share a day and a city): each
release keeps its account. ``ontology/shapes.ttl`` states both rules as SHACL-SPARQL
(``migsh:SameEventShape``, deactivated there: a release is validated without the others, so no
per-release validation could see the other id); this module finds what those constraints would
find on the whole graph, without the graph: each release's job hands over a tiny signature per
event (:class:`EventSignature`, kept in its cache entry), and :func:`same_events` groups them.
A release reused from the cache costs nothing more; at 10,000 releases the grouping takes a few
milliseconds. An event is compared on everything its describers say of it (the union, as the whole
graph has it): an event two releases date differently matches another on either date.

>>> a = EventSignature("conf-a", 0, kind="ministerial-conference", date="2013-06-05", place="almaty")
>>> b = EventSignature("conf-b", 0, kind="ministerial-conference", date="2013-06-05", place="almaty")
>>> [(s.rule, s.first, s.second, s.first_in, s.second_in) for s in same_events([("r1", (a,)), ("r2", (b,))])]
[('kind-date-place', 'conf-a', 'conf-b', (('r1', 0),), (('r2', 0),))]
>>> same_events([("r1", (a,)), ("r2", (a,))])
[]
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from migkg.cards.models import Card
from migkg.mapping.iris import Iris
from migkg.mapping.prefixes import SHAPES_NAMESPACE
from migkg.validation.conflicts import Conflict, Findings, Side
from migkg.validation.reports import issue_of
from migkg.validation.shacl import Result

MIGSH = SHAPES_NAMESPACE
#: the shape that states the rules (deactivated in shapes.ttl), and each rule's SPARQL constraint
SHAPE = URIRef(MIGSH + "SameEventShape")
#: rule -> the signature's fields that must agree
RULES: dict[str, tuple[str, ...]] = {"kind-date-place": ("kind", "date", "place"),
                                     "series-number": ("process", "kind", "number")}
FIELDS = ("kind", "date", "place", "process", "number")


@dataclass(frozen=True)
class EventSignature:
    """What a card says about one of its events that the rules compare, and which entry says it."""

    event: str                 # the event id
    entry: int                 # its index in the card's ``events``
    kind: str | None = None
    date: str | None = None
    place: str | None = None
    process: str | None = None  # ``meeting_of.process``
    number: int | None = None   # ``number.number``


def event_signatures(card: Card) -> tuple[EventSignature, ...]:
    """The signature of every event of a card (its date as precise as the card gives it: ``2013-06-05``,
    ``2013-06`` or ``2013``, so a month matches only the same month, as the published literals do)."""
    signatures = []
    for index, event in enumerate(card.events):
        signatures.append(EventSignature(
            event.id, index, event.kind.kind,
            str(event.date.date) if event.date is not None else None,  # a day's date as YYYY-MM-DD, as published
            event.place.place if event.place is not None else None,
            event.meeting_of.process if event.meeting_of is not None else None,
            event.number.number if event.number is not None else None))
    return tuple(signatures)


@dataclass(frozen=True)
class SameEvent:
    """Two event ids a rule finds alike (``first`` < ``second``), and the card entries (release id, index
    in ``events``) that give each the values they agree on, in release order."""

    rule: str
    first: str
    second: str
    first_in: tuple[tuple[str, int], ...]
    second_in: tuple[tuple[str, int], ...]


def same_events(described: Iterable[tuple[str, Sequence[EventSignature]]]) -> list[SameEvent]:
    """Every pair of different event ids that a rule finds alike, over the signatures of the releases
    ``described`` (release id, its events' signatures), in release order. Sorted by rule and ids."""
    order: dict[str, int] = {}
    said: dict[str, list[tuple[str, EventSignature]]] = {}  # event -> (release, signature) of every entry about it
    for release_id, signatures in described:
        order.setdefault(release_id, len(order))
        for signature in signatures:
            said.setdefault(signature.event, []).append((release_id, signature))
    alike: dict[str, dict[tuple[Any, ...], list[str]]] = {rule: {} for rule in RULES}
    for event, entries in said.items():
        for rule, names in RULES.items():
            for key in _keys(entries, names):
                alike[rule].setdefault(key, []).append(event)
    found: dict[tuple[str, str, str], tuple[dict[tuple[str, int], None], dict[tuple[str, int], None]]] = {}
    for rule, names in RULES.items():
        for key, events in alike[rule].items():
            if len(events) < 2:  # nearly every key: one event
                continue
            for first, second in itertools.combinations(sorted(events), 2):
                first_in, second_in = found.setdefault((rule, first, second), ({}, {}))
                for event, into in ((first, first_in), (second, second_in)):
                    into.update(dict.fromkeys((rid, signature.entry) for rid, signature in said[event]
                                              if any(getattr(signature, name) == value
                                                     for name, value in zip(names, key, strict=True))))

    def in_order(entries: dict[tuple[str, int], None]) -> tuple[tuple[str, int], ...]:
        return tuple(sorted(entries, key=lambda entry: (order[entry[0]], entry[1])))

    return [SameEvent(rule, first, second, in_order(first_in), in_order(second_in))
            for (rule, first, second), (first_in, second_in) in sorted(found.items())]


def _keys(entries: list[tuple[str, EventSignature]], names: tuple[str, ...]) -> Iterable[tuple[Any, ...]]:
    """The values of ``names`` an event has, by what all its entries say (the union: one entry may give its date,
    another its place): one key from its one entry (nearly every event), every combination from several."""
    if len(entries) == 1:
        key = tuple(getattr(entries[0][1], name) for name in names)
        return () if None in key else (key,)
    values = [dict.fromkeys(value for _rid, signature in entries
                            if (value := getattr(signature, name)) is not None) for name in names]
    return itertools.product(*values)


def same_event_findings(found: list[SameEvent], shapes: Graph, iris: Iris, graph_of: Callable[[str], str],
                        where: Callable[[str, int], str]) -> Findings:
    """The pairs as the build reports them: a Warning per pair (and rule) as ``migsh:SameEventShape`` would
    give it on the whole graph (focus the first event, value the second), its issue located at both card
    entries (``where(release id, index)``: ``card.yaml:LINE: events[i]``), and its conflict, stated in the
    graphs (``graph_of(release id)``) of every release that gives either event the values they agree on.
    A rule whose constraint the shapes do not state is not checked."""
    findings = Findings()
    severity = shapes.value(SHAPE, SH.severity)
    for same in found:
        constraint = URIRef(f"{MIGSH}SameEvent-{same.rule}")
        message = shapes.value(constraint, SH.message)
        if message is None:
            continue
        result = Result(URIRef(iris.event(same.first).value), None, URIRef(iris.event(same.second).value),
                        severity if isinstance(severity, URIRef) else SH.Warning, SHAPE, SH.SPARQLConstraintComponent,
                        (str(message),), constraint)
        graphs = tuple(sorted({graph_of(release_id) for release_id, _entry in same.first_in + same.second_in}))
        issue = issue_of(result, shapes, " ".join(graphs))
        findings.results.append(result)
        findings.issues.append(replace(issue, where=f"{where(*same.first_in[0])} and {where(*same.second_in[0])}"))
        findings.conflicts.append(Conflict(result, (Side(result.value, graphs),)))
    return findings
