"""Map one resolved release card to RDF: a pure function, one named graph per release.

Every fact becomes a node that carries its evidence (``prov:wasDerivedFrom`` a NIF
string with offsets into the source text, which the graph also carries). Simple
attributes (an event's name, date, place) become :class:`mig:Attestation` nodes, reified
triples with evidence; the direct triples are derived from them by the rules in
``queries/derive/``, never written here.

The triples are tuples of pyoxigraph terms, in the order they are made, without repeats:
what Oxigraph derives from, validates and serialises, with no rdflib graph in between.
The vocabulary's terms are made once (:data:`T`), and data IRIs are built as
:class:`migkg.mapping.iris.Iris` builds them, without an rdflib term for each (mapping a release
this way costs about a millisecond; through rdflib's ``Graph.add`` it cost ten).
"""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pyoxigraph as ox

from migkg.cards.models import Fact, Span
from migkg.cards.registry import Registry
from migkg.cards.release import LoadedRelease
from migkg.mapping.iris import SEGMENT_OF_TYPE, Iris
from migkg.mapping.namespaces import DCTERMS, ISO639, KIND, MIG, NIF, ORG, PROV, RDF, ROLE, SDO, SKOS, TOPIC, XSD, class_for_kind
from migkg.mapping.terms import Triple, iri, literal, typed


def _terms(namespace, names: str, **renamed: str) -> SimpleNamespace:
    terms = {name: ox.NamedNode(str(namespace) + name) for name in names.split()}
    terms.update({alias: ox.NamedNode(str(namespace) + name) for alias, name in renamed.items()})
    return SimpleNamespace(**terms)


#: every vocabulary term the mapping writes, as pyoxigraph terms
T = SimpleNamespace(
    rdf=_terms(RDF, "type subject predicate object"),
    nif=_terms(NIF, "String OffsetBasedString Context referenceContext beginIndex endIndex anchorOf isString sourceUrl"),
    mig=_terms(MIG, "Attestation PressContact Participation PostHolding ProcessLaunch Statement Proposal Commitment "
                    "Claim CountClaim contactPerson contactFor event agent role onBehalfOf post attestedAt attestedOn "
                    "process speechKind speaker madeAt proposedRole claimant claimedCount countedClass countedRole "
                    "claimedDuration"),
    dcterms=_terms(DCTERMS, "language title issued date subject"),
    sdo=_terms(SDO, "locationCreated ContactPoint contactPoint telephone email name location mentions about"),
    org=_terms(ORG, "member organization"),
    prov=_terms(PROV, "wasDerivedFrom"),
    skos=_terms(SKOS, "editorialNote"),
    xsd=_terms(XSD, "nonNegativeInteger date duration"),
)
_ROLE, _KIND, _TOPIC, _LANGUAGE = str(ROLE), str(KIND), str(TOPIC), str(ISO639)
_STATEMENT_CLASSES = {"statement": (T.mig.Statement,), "proposal": (T.mig.Statement, T.mig.Proposal),
                      "commitment": (T.mig.Statement, T.mig.Commitment)}


class ReleaseMapper:
    """Holds what every triple of one release needs: its id, the registry, the IRIs."""

    def __init__(self, loaded: LoadedRelease, registry: Registry, iris: Iris):
        self.loaded = loaded
        self.card = loaded.card
        self.rid = loaded.card.release.id
        self.registry = registry
        self.iris = iris
        self.language = loaded.card.release.language
        self.triples: dict[Triple, None] = {}
        self.event_ids = {e.id for e in self.card.events}
        self.release_node = ox.NamedNode(str(iris.release(self.rid)))
        self.text_node = ox.NamedNode(str(iris.text(self.rid)))
        self.prefix = f"{self.release_node.value}/"
        self.base = iris.base
        self.spans: dict[Span, ox.NamedNode] = {}

    # ------------------------------------------------------------------ helpers
    def ref(self, some_id: str) -> ox.NamedNode:
        """The IRI of an id from the registry or of an event of this card (as :meth:`Iris.entity`/``event`` make it)."""
        if some_id in self.event_ids:
            return self.event(some_id)
        return iri(f"{self.base}{SEGMENT_OF_TYPE[self.registry.type_of(some_id)]}/{some_id}")

    def event(self, event_id: str) -> ox.NamedNode:
        return iri(f"{self.base}event/{event_id}")

    def add(self, subject: ox.NamedNode, predicate: ox.NamedNode, obj: ox.NamedNode | ox.Literal) -> None:
        self.triples[(subject, predicate, obj)] = None

    def span(self, span: Span) -> ox.NamedNode:
        node = self.spans.get(span)
        if node is not None:
            return node
        node = self.spans[span] = ox.NamedNode(f"{self.text_node.value}#char={span.begin},{span.end}")
        add = self.add
        add(node, T.rdf.type, T.nif.String)
        add(node, T.rdf.type, T.nif.OffsetBasedString)
        add(node, T.nif.referenceContext, self.text_node)
        add(node, T.nif.beginIndex, typed(str(span.begin), T.xsd.nonNegativeInteger))
        add(node, T.nif.endIndex, typed(str(span.end), T.xsd.nonNegativeInteger))
        add(node, T.nif.anchorOf, literal(span.text))
        return node

    def fact(self, kind: str, key: tuple[str, ...], classes: tuple[ox.NamedNode, ...], source: Fact) -> ox.NamedNode:
        node = ox.NamedNode(self.prefix + kind + "/" + "--".join(key))
        for cls in classes:
            self.add(node, T.rdf.type, cls)
        for span in source.evidence.spans:
            self.add(node, T.prov.wasDerivedFrom, self.span(span))
        if source.note:
            self.add(node, T.skos.editorialNote, literal(source.note, "en"))
        return node

    def attest(self, key: tuple[str, ...], subject: ox.NamedNode, predicate: ox.NamedNode,
               obj: ox.NamedNode | ox.Literal, source: Fact) -> None:
        node = self.fact("attestation", key, (T.mig.Attestation,), source)
        self.add(node, T.rdf.subject, subject)
        self.add(node, T.rdf.predicate, predicate)
        self.add(node, T.rdf.object, obj)

    def words(self, source: Fact) -> ox.Literal:
        return literal(" ".join(s.text for s in source.evidence.spans), self.language)

    @staticmethod
    def day(value: date) -> ox.Literal:
        return typed(value.isoformat(), T.xsd.date)

    @staticmethod
    def kind(kind_id: str) -> ox.NamedNode:
        return iri(class_for_kind(kind_id))

    # ------------------------------------------------------------------ the release
    def map_release(self) -> None:
        r = self.card.release
        node, text = self.release_node, self.text_node
        self.add(text, T.rdf.type, T.nif.Context)
        self.add(text, T.nif.isString, literal(self.loaded.text))
        self.add(text, T.nif.beginIndex, typed("0", T.xsd.nonNegativeInteger))
        self.add(text, T.nif.endIndex, typed(str(len(self.loaded.text)), T.xsd.nonNegativeInteger))
        self.add(text, T.nif.sourceUrl, node)
        self.add(node, T.dcterms.language, iri(_LANGUAGE + self.language))
        self.attest(("release", "type"), node, T.rdf.type, self.kind(r.kind.kind), r.kind)
        self.attest(("release", "title"), node, T.dcterms.title, self.words(r.title), r.title)
        self.attest(("release", "issued"), node, T.dcterms.issued, self.day(r.issued.date), r.issued)
        if r.place:
            self.attest(("release", "place"), node, T.sdo.locationCreated, self.ref(r.place.place), r.place)
        for contact in r.contacts:
            cp = self.fact("contact", (contact.person,), (T.mig.PressContact, T.sdo.ContactPoint), contact)
            self.add(node, T.sdo.contactPoint, cp)
            self.add(cp, T.mig.contactPerson, self.ref(contact.person))
            self.add(cp, T.mig.contactFor, self.ref(contact.organisation))
            if contact.phone:
                self.add(cp, T.sdo.telephone, literal(contact.phone))
            if contact.email:
                self.add(cp, T.sdo.email, literal(contact.email))

    # ------------------------------------------------------------------ events
    def map_events(self) -> None:
        for event in self.card.events:
            node = self.event(event.id)
            key = ("event", event.id)
            self.attest(key + ("type",), node, T.rdf.type, self.kind(event.kind.kind), event.kind)
            self.attest(key + ("name",), node, T.sdo.name, self.words(event.name), event.name)
            if event.date:
                self.attest(key + ("date",), node, T.dcterms.date, self.day(event.date.date), event.date)
            if event.place:
                self.attest(key + ("place",), node, T.sdo.location, self.ref(event.place.place), event.place)
            for role in event.roles:
                p = self.fact("participation", (event.id, role.role, role.agent), (T.mig.Participation,), role)
                self.add(p, T.mig.event, node)
                self.add(p, T.mig.agent, self.ref(role.agent))
                self.add(p, T.mig.role, iri(_ROLE + role.role))
                if role.on_behalf_of:
                    self.add(p, T.mig.onBehalfOf, self.ref(role.on_behalf_of))

    def map_posts_held(self) -> None:
        dates = {e.id: e.date.date for e in self.card.events if e.date}
        for held in self.card.posts_held:
            node = self.fact("post-holding", (held.person, held.post, held.at_event), (T.mig.PostHolding,), held)
            post = self.registry[held.post]
            self.add(node, T.org.member, self.ref(held.person))
            self.add(node, T.mig.post, self.ref(held.post))
            self.add(node, T.org.organization, self.ref(post.organisation))
            self.add(node, T.mig.attestedAt, self.event(held.at_event))
            if held.at_event in dates:
                self.add(node, T.mig.attestedOn, self.day(dates[held.at_event]))

    def map_processes(self) -> None:
        for process in self.card.processes:
            node = self.ref(process.id)
            if process.kind:
                self.attest(("process", process.id, "type"), node, T.rdf.type, self.kind(process.kind.kind),
                            process.kind)
            if process.launched_at:
                launch = self.fact("launch", (process.id,), (T.mig.ProcessLaunch,), process.launched_at)
                self.add(launch, T.mig.process, node)
                self.add(launch, T.mig.event, self.event(process.launched_at.event))

    def map_statements(self) -> None:
        for s in self.card.statements:
            node = self.fact("statement", (s.id,), _STATEMENT_CLASSES[s.type], s)
            self.add(node, T.mig.speechKind, iri(_KIND + s.kind))
            for speaker in s.speakers:
                self.add(node, T.mig.speaker, self.ref(speaker))
            for topic in s.topics:
                self.add(node, T.dcterms.subject, iri(_TOPIC + topic))
            for mentioned in s.mentions:
                self.add(node, T.sdo.mentions, self.ref(mentioned))
            if s.at_event:
                self.add(node, T.mig.madeAt, self.event(s.at_event))
            if s.on_behalf_of:
                self.add(node, T.mig.onBehalfOf, self.ref(s.on_behalf_of))
            if s.about:
                self.add(node, T.sdo.about, self.ref(s.about))
            if s.proposed_role:
                self.add(node, T.mig.proposedRole, iri(_ROLE + s.proposed_role))

    def map_claims(self) -> None:
        for c in self.card.claims:
            classes = (T.mig.Claim, T.mig.CountClaim) if c.count is not None else (T.mig.Claim,)
            node = self.fact("claim", (c.id,), classes, c)
            self.add(node, T.sdo.about, self.ref(c.about))
            if c.claimant:
                self.add(node, T.mig.claimant, self.ref(c.claimant))
            if c.count is not None:
                self.add(node, T.mig.claimedCount, typed(str(c.count), T.xsd.nonNegativeInteger))
                self.add(node, T.mig.countedClass, self.kind(c.counted))
                self.add(node, T.mig.countedRole, iri(_ROLE + c.counted_role))
            if c.duration:
                self.add(node, T.mig.claimedDuration, typed(c.duration, T.xsd.duration))


def map_release(loaded: LoadedRelease, registry: Registry, iris: Iris) -> list[Triple]:
    """The release's own graph: its text, its evidence spans, and every fact of its card."""
    mapper = ReleaseMapper(loaded, registry, iris)
    mapper.map_release()
    mapper.map_events()
    mapper.map_posts_held()
    mapper.map_processes()
    mapper.map_statements()
    mapper.map_claims()
    return list(mapper.triples)
