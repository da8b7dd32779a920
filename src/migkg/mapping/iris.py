"""Every IRI the graph uses for data, minted from ids under one configurable base.

IRIs are built from ids, never from labels, so a corrected name never changes an IRI.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from migkg.cards.models import Span

DEFAULT_BASE = "https://w3id.org/migkg/"

#: the IRI path segment of each registry type
SEGMENT_OF_TYPE = {
    "state": "state",
    "government": "organisation",
    "ministry": "organisation",
    "intergovernmental-organization": "organisation",
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

    def _iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    # shared things
    def entity(self, entity_type: str, entity_id: str) -> URIRef:
        return self._iri(SEGMENT_OF_TYPE[entity_type], entity_id)

    def event(self, event_id: str) -> URIRef:
        return self._iri("event", event_id)

    def dataset(self) -> URIRef:
        return self._iri("dataset")

    def registry_graph(self) -> URIRef:
        return self._iri("graph", "registry")

    def vocabulary_graph(self) -> URIRef:
        return self._iri("graph", "vocabulary")

    def distribution(self, file_name: str) -> URIRef:
        return self._iri("dataset", "distribution", file_name)

    # one release
    def release(self, release_id: str) -> URIRef:
        return self._iri("release", release_id)

    def release_graph(self, release_id: str) -> URIRef:
        return self._iri("release", release_id, "graph")

    def derived_graph(self, release_id: str) -> URIRef:
        return self._iri("release", release_id, "derived")

    def text(self, release_id: str) -> URIRef:
        return self._iri("release", release_id, "text")

    def span(self, release_id: str, span: Span) -> URIRef:
        """An RFC 5147 fragment on the text, as NIF 2.0 names strings: ``…/text#char=b,e``."""
        return URIRef(f"{self.text(release_id)}#char={span.begin},{span.end}")

    def fact(self, release_id: str, kind: str, *key: str) -> URIRef:
        return self._iri("release", release_id, kind, "--".join(key))
