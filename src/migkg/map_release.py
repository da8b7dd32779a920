"""Map one resolved release card to RDF: a pure function, one named graph per release.

Every fact becomes a node that carries its evidence (``prov:wasDerivedFrom`` a NIF
string with offsets into the source text, which the graph also carries). Simple
attributes (an event's name, date, place) become :class:`mig:Attestation` nodes, reified
triples with evidence; the direct triples are derived from them by the rules in
``queries/derive/``, never written here.
"""
from __future__ import annotations

from datetime import date

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .iris import Iris
from .map_registry import entity_iri
from .models import Fact, Span
from .namespaces import (DCTERMS, ISO639, KIND, MIG, NIF, ORG, PROV, RDF, ROLE, SDO, SKOS, TOPIC, XSD,
                         class_for_kind)
from .registry import Registry
from .release import LoadedRelease


class ReleaseMapper:
    """Holds what every triple of one release needs: its id, the registry, the IRIs."""

    def __init__(self, loaded: LoadedRelease, registry: Registry, iris: Iris):
        self.loaded = loaded
        self.card = loaded.card
        self.rid = loaded.card.release.id
        self.registry = registry
        self.iris = iris
        self.language = loaded.card.release.language
        self.graph = Graph()
        self.event_ids = {e.id for e in self.card.events}

    # ------------------------------------------------------------------ helpers
    def ref(self, some_id: str) -> URIRef:
        """The IRI of an id from the registry or of an event of this card."""
        if some_id in self.event_ids:
            return self.iris.event(some_id)
        return entity_iri(self.registry, self.iris, some_id)

    def add(self, subject: Node, predicate: Node, obj: Node) -> None:
        self.graph.add((subject, predicate, obj))

    def span(self, span: Span) -> URIRef:
        node = self.iris.span(self.rid, span)
        self.add(node, RDF.type, NIF.String)
        self.add(node, RDF.type, NIF.OffsetBasedString)
        self.add(node, NIF.referenceContext, self.iris.text(self.rid))
        self.add(node, NIF.beginIndex, Literal(span.begin, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.anchorOf, Literal(span.text))
        return node

    def fact(self, kind: str, key: tuple[str, ...], classes: tuple[URIRef, ...], source: Fact) -> URIRef:
        node = self.iris.fact(self.rid, kind, *key)
        for cls in classes:
            self.add(node, RDF.type, cls)
        for span in source.evidence.spans:
            self.add(node, PROV.wasDerivedFrom, self.span(span))
        if source.note:
            self.add(node, SKOS.editorialNote, Literal(source.note, lang="en"))
        return node

    def attest(self, key: tuple[str, ...], subject: URIRef, predicate: URIRef, obj: Node, source: Fact) -> None:
        node = self.fact("attestation", key, (MIG.Attestation,), source)
        self.add(node, RDF.subject, subject)
        self.add(node, RDF.predicate, predicate)
        self.add(node, RDF.object, obj)

    def words(self, source: Fact) -> Literal:
        return Literal(" ".join(s.text for s in source.evidence.spans), lang=self.language)

    @staticmethod
    def day(value: date) -> Literal:
        return Literal(value.isoformat(), datatype=XSD.date)

    # ------------------------------------------------------------------ the release
    def map_release(self) -> None:
        r = self.card.release
        node = self.iris.release(self.rid)
        text = self.iris.text(self.rid)
        self.add(text, RDF.type, NIF.Context)
        self.add(text, NIF.isString, Literal(self.loaded.text))
        self.add(text, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger))
        self.add(text, NIF.endIndex, Literal(len(self.loaded.text), datatype=XSD.nonNegativeInteger))
        self.add(text, NIF.sourceUrl, node)
        self.add(node, DCTERMS.language, ISO639[self.language])
        self.attest(("release", "type"), node, RDF.type, class_for_kind(r.kind.kind), r.kind)
        self.attest(("release", "title"), node, DCTERMS.title, self.words(r.title), r.title)
        self.attest(("release", "issued"), node, DCTERMS.issued, self.day(r.issued.date), r.issued)
        if r.place:
            self.attest(("release", "place"), node, SDO.locationCreated, self.ref(r.place.place), r.place)
        for contact in r.contacts:
            cp = self.fact("contact", (contact.person,), (MIG.PressContact, SDO.ContactPoint), contact)
            self.add(node, SDO.contactPoint, cp)
            self.add(cp, MIG.contactPerson, self.ref(contact.person))
            self.add(cp, MIG.contactFor, self.ref(contact.organisation))
            if contact.phone:
                self.add(cp, SDO.telephone, Literal(contact.phone))
            if contact.email:
                self.add(cp, SDO.email, Literal(contact.email))

    # ------------------------------------------------------------------ events
    def map_events(self) -> None:
        for event in self.card.events:
            node = self.iris.event(event.id)
            key = ("event", event.id)
            self.attest(key + ("type",), node, RDF.type, class_for_kind(event.kind.kind), event.kind)
            self.attest(key + ("name",), node, SDO.name, self.words(event.name), event.name)
            if event.date:
                self.attest(key + ("date",), node, DCTERMS.date, self.day(event.date.date), event.date)
            if event.place:
                self.attest(key + ("place",), node, SDO.location, self.ref(event.place.place), event.place)
            for role in event.roles:
                p = self.fact("participation", (event.id, role.role, role.agent), (MIG.Participation,), role)
                self.add(p, MIG.event, node)
                self.add(p, MIG.agent, self.ref(role.agent))
                self.add(p, MIG.role, ROLE[role.role])
                if role.on_behalf_of:
                    self.add(p, MIG.onBehalfOf, self.ref(role.on_behalf_of))

    def map_posts_held(self) -> None:
        dates = {e.id: e.date.date for e in self.card.events if e.date}
        for held in self.card.posts_held:
            node = self.fact("post-holding", (held.person, held.post, held.at_event), (MIG.PostHolding,), held)
            post = self.registry[held.post]
            self.add(node, ORG.member, self.ref(held.person))
            self.add(node, MIG.post, self.ref(held.post))
            self.add(node, ORG.organization, self.ref(post.organisation))
            self.add(node, MIG.attestedAt, self.iris.event(held.at_event))
            if held.at_event in dates:
                self.add(node, MIG.attestedOn, self.day(dates[held.at_event]))

    def map_processes(self) -> None:
        for process in self.card.processes:
            node = self.ref(process.id)
            if process.kind:
                self.attest(("process", process.id, "type"), node, RDF.type, class_for_kind(process.kind.kind),
                            process.kind)
            if process.launched_at:
                launch = self.fact("launch", (process.id,), (MIG.ProcessLaunch,), process.launched_at)
                self.add(launch, MIG.process, node)
                self.add(launch, MIG.event, self.iris.event(process.launched_at.event))

    def map_statements(self) -> None:
        classes = {"statement": (MIG.Statement,), "proposal": (MIG.Statement, MIG.Proposal),
                   "commitment": (MIG.Statement, MIG.Commitment)}
        for s in self.card.statements:
            node = self.fact("statement", (s.id,), classes[s.type], s)
            self.add(node, MIG.speechKind, KIND[s.kind])
            for speaker in s.speakers:
                self.add(node, MIG.speaker, self.ref(speaker))
            for topic in s.topics:
                self.add(node, DCTERMS.subject, TOPIC[topic])
            for mentioned in s.mentions:
                self.add(node, SDO.mentions, self.ref(mentioned))
            if s.at_event:
                self.add(node, MIG.madeAt, self.iris.event(s.at_event))
            if s.on_behalf_of:
                self.add(node, MIG.onBehalfOf, self.ref(s.on_behalf_of))
            if s.about:
                self.add(node, SDO.about, self.ref(s.about))
            if s.proposed_role:
                self.add(node, MIG.proposedRole, ROLE[s.proposed_role])

    def map_claims(self) -> None:
        for c in self.card.claims:
            classes = (MIG.Claim, MIG.CountClaim) if c.count is not None else (MIG.Claim,)
            node = self.fact("claim", (c.id,), classes, c)
            self.add(node, SDO.about, self.ref(c.about))
            if c.claimant:
                self.add(node, MIG.claimant, self.ref(c.claimant))
            if c.count is not None:
                self.add(node, MIG.claimedCount, Literal(c.count, datatype=XSD.nonNegativeInteger))
                self.add(node, MIG.countedClass, class_for_kind(c.counted))
                self.add(node, MIG.countedRole, ROLE[c.counted_role])
            if c.duration:
                self.add(node, MIG.claimedDuration, Literal(c.duration, datatype=XSD.duration))


def map_release(loaded: LoadedRelease, registry: Registry, iris: Iris) -> Graph:
    """The release's own graph: its text, its evidence spans, and every fact of its card."""
    mapper = ReleaseMapper(loaded, registry, iris)
    mapper.map_release()
    mapper.map_events()
    mapper.map_posts_held()
    mapper.map_processes()
    mapper.map_statements()
    mapper.map_claims()
    return mapper.graph
