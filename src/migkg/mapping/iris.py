"""Every IRI the graph uses for data, minted from ids under one configurable base, as pyoxigraph terms.

IRIs are built from ids, never from labels, so a corrected name never changes an IRI. This is the
one place they are made: the IRI of a card's entry comes from its kind's pattern
(:data:`migkg.cards.facts.FACT_KINDS`), and every other module asks :class:`Iris` rather than
joining strings. Where an rdflib term is needed, convert with :func:`migkg.mapping.terms.to_rdflib`.

>>> iris = Iris("https://example.org/kg")
>>> iris.entity("city", "almaty")
<NamedNode value=https://example.org/kg/place/almaty>
>>> iris.fact("r1", "claim", "c1").value
'https://example.org/kg/release/r1/claim/c1'
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:  # the cards' models (pydantic) load only when a card's IRI is made, not for a query's prefixes
    from migkg.cards.facts import Occurrence
    from migkg.cards.models import Span

DEFAULT_BASE = "https://w3id.org/migkg/"

#: the IRI path segment of each registry type
SEGMENT_OF_TYPE = {
    "state": "state",
    "government": "organisation",
    "ministry": "organisation",
    "intergovernmental-organization": "organisation",
    "news-outlet": "organisation",
    "person": "person",
    "post": "post",
    "city": "place",
    "regional-consultative-process": "process",
}


@dataclass(frozen=True)
class Iris:
    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not self.base.endswith(("/", "#")):
            object.__setattr__(self, "base", self.base + "/")

    def _iri(self, *parts: str) -> ox.NamedNode:
        return ox.NamedNode(self.base + "/".join(parts))

    # shared things
    def entity(self, entity_type: str, entity_id: str) -> ox.NamedNode:
        return self._iri(SEGMENT_OF_TYPE[entity_type], entity_id)

    def event(self, event_id: str) -> ox.NamedNode:
        return self._iri("event", event_id)

    def document(self, document_id: str) -> ox.NamedNode:
        return self._iri("document", document_id)

    def interval(self, begins: str | date | None, ends: str | date | None) -> ox.NamedNode:
        """An event's period, named by its ends (``interval/2019-04-24..2019-04-25``, ``interval/2015..``):
        releases that give an event the same period give it one interval, and only different periods
        are two (the Event-period Warning)."""
        from migkg.cards.models import date_text

        return self._iri("interval", f"{date_text(begins) if begins else ''}..{date_text(ends) if ends else ''}")

    def dataset(self) -> ox.NamedNode:
        return self._iri("dataset")

    def registry_graph(self) -> ox.NamedNode:
        return self._iri("graph", "registry")

    def vocabulary_graph(self) -> ox.NamedNode:
        return self._iri("graph", "vocabulary")

    def description_graph(self) -> ox.NamedNode:
        """The graph the dataset description (``void.ttl``) is published in."""
        return self._iri("graph", "dataset")

    def across_graph(self) -> ox.NamedNode:
        """The graph of what the check across releases derives."""
        return self._iri("graph", "across-releases")

    def conflicts_graph(self) -> ox.NamedNode:
        """The graph of what the build warns about: each Warning as an ``sh:ValidationResult`` (the conflicts)."""
        return self._iri("graph", "conflicts")

    def conflict(self, key: str) -> ox.NamedNode:
        """One conflict (an ``sh:ValidationResult`` of the conflicts graph), named by a short stable hash."""
        return self._iri("conflict", key)

    def conflicts_report(self) -> ox.NamedNode:
        """The ``sh:ValidationReport`` of the conflicts graph (the hashes of :meth:`conflict` are hexadecimal)."""
        return self._iri("conflict", "report")

    def conflicts_prefix(self) -> str:
        """What every node of the conflicts graph is, or starts with plus ``/``: no other graph describes them."""
        return self.base + "conflict"

    def conflicts_subset(self) -> ox.NamedNode:
        """The dataset's subset (``void:subset``) of the conflicts graph."""
        return self._iri("dataset", "graph", "conflicts")

    def distribution(self, file_name: str) -> ox.NamedNode:
        return self._iri("dataset", "distribution", file_name)

    def checksum(self, file_name: str) -> ox.NamedNode:
        """The ``spdx:Checksum`` node of a distribution."""
        return self._iri("dataset", "distribution", file_name, "sha256")

    def release_subset(self, release_id: str) -> ox.NamedNode:
        """The dataset's subset (``void:subset``) of one release's triples."""
        return self._iri("dataset", "release", release_id)

    def part_subset(self, part: str) -> ox.NamedNode:
        """The dataset's subset of one dump part (``registry``, a year...)."""
        return self._iri("dataset", "part", part)

    def class_partition(self, class_iri: str) -> ox.NamedNode:
        """The dataset's ``void:classPartition`` of one class, named by a short hash of the class IRI."""
        return self._iri("dataset", "class", hashlib.sha1(class_iri.encode()).hexdigest()[:12])

    # one release
    def release(self, release_id: str) -> ox.NamedNode:
        return self._iri("release", release_id)

    def release_graph(self, release_id: str) -> ox.NamedNode:
        return self._iri("release", release_id, "graph")

    def derived_graph(self, release_id: str) -> ox.NamedNode:
        return self._iri("release", release_id, "derived")

    def text(self, release_id: str) -> ox.NamedNode:
        return self._iri("release", release_id, "text")

    def span(self, release_id: str, span: Span) -> ox.NamedNode:
        """An RFC 5147 fragment on the text, as NIF 2.0 names strings: ``…/text#char=b,e``."""
        return ox.NamedNode(f"{self.text(release_id).value}#char={span.begin},{span.end}")

    def releases_prefix(self) -> str:
        """What every release's own IRIs start with (its facts, text and graphs; no other release describes them)."""
        return self.namespace("release")

    def namespace(self, segment: str) -> str:
        """The namespace of one kind of node (``state``, ``event``, ``release``...), as a prefix binds it."""
        return f"{self.base}{segment}/"

    def fact(self, release_id: str, segment: str, *key: str) -> ox.NamedNode:
        """A fact node of a release by its IRI segment and key, as :meth:`of` makes it from a card entry."""
        return self._iri("release", release_id, segment, "--".join(key))

    def of(self, entry: Occurrence) -> ox.NamedNode | None:
        """The node of a card's entry (a release, an event, a fact), from its kind's IRI pattern;
        None for an entry without a node of its own."""
        from migkg.cards.facts import iri_path

        path = iri_path(entry)
        return None if path is None else ox.NamedNode(self.base + path)
