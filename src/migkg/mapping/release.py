"""Map one resolved release card to RDF: a pure function, one named graph per release.

Every fact becomes a node that carries its evidence (``prov:wasDerivedFrom`` a NIF
string with offsets into the source text, which the graph also carries). Simple
attributes (an event's name, date, place) become :class:`mig:Attestation` nodes, reified
triples with evidence; the direct triples are derived from them by the rules in
``queries/derive/``, never written here.

The triples are tuples of pyoxigraph terms, in the order they are made, without repeats:
what Oxigraph derives from, validates and serialises, with no rdflib graph in between.
The vocabulary's terms are made once (:data:`T`), and data IRIs come from
:class:`migkg.mapping.iris.Iris`, already pyoxigraph terms (mapping a release this way costs about a
millisecond; through rdflib's ``Graph.add`` it cost ten).

The card is read through the one walk over its declared kinds of entry (:func:`migkg.cards.facts.walk`);
each kind's triples are made by its function in :data:`MAPPINGS`, and its node is the IRI its
declaration gives (:meth:`migkg.mapping.iris.Iris.of`).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from types import SimpleNamespace

import pyoxigraph as ox
from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

from migkg.cards.facts import Occurrence, field_value, walk
from migkg.cards.models import (
    Claim,
    Contact,
    DateFact,
    Fact,
    KindFact,
    Launch,
    PlaceFact,
    Post,
    PostHeld,
    RoleInEvent,
    Span,
    Statement,
)
from migkg.cards.registry import Registry
from migkg.cards.release import LoadedRelease
from migkg.mapping.iris import Iris
from migkg.mapping.namespaces import DCTERMS, ISO639, KIND, MIG, NIF, ORG, PROV, RDF, ROLE, SDO, SKOS, TOPIC, XSD, class_for_kind
from migkg.mapping.terms import Object, Triple, iri, literal, typed


def _terms(namespace: Namespace | type[DefinedNamespace], names: str, **renamed: str) -> SimpleNamespace:
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
Mapping = Callable[["ReleaseMapper", Occurrence], None]
"""The triples of one card entry, added to the mapper's."""
_STATEMENT_CLASSES = {"statement": (T.mig.Statement,), "proposal": (T.mig.Statement, T.mig.Proposal),
                      "commitment": (T.mig.Statement, T.mig.Commitment)}


class ReleaseMapper:
    """Holds what every triple of one release needs: its id, the registry, the IRIs, the triples so far."""

    def __init__(self, loaded: LoadedRelease, registry: Registry, iris: Iris):
        self.loaded = loaded
        self.card = loaded.card
        self.registry = registry
        self.iris = iris
        self.language = loaded.card.release.language
        self.triples: dict[Triple, None] = {}
        self.event_ids = {e.id for e in self.card.events}
        self.event_dates = {e.id: e.date.date for e in self.card.events if e.date}
        self.release_node = iris.release(self.card.release.id)
        self.text_node = iris.text(self.card.release.id)
        self.spans: dict[Span, ox.NamedNode] = {}
        self.nodes: dict[tuple[int | str, ...], ox.NamedNode] = {}  # by card path: a parent is asked for by each child

    # ------------------------------------------------------------------ helpers
    def ref(self, some_id: str) -> ox.NamedNode:
        """The IRI of an id from the registry or of an event of this card."""
        if some_id in self.event_ids:
            return self.iris.event(some_id)
        return self.iris.entity(self.registry.type_of(some_id), some_id)

    def node(self, entry: Occurrence) -> ox.NamedNode:
        """The node of a card entry: its own IRI, or (a process) the registry entity it names."""
        node = self.nodes.get(entry.path)
        if node is None:
            node = self.iris.of(entry)
            if node is None:
                node = self.ref(str(field_value(entry, "id")))
            self.nodes[entry.path] = node
        return node

    def add(self, subject: ox.NamedNode, predicate: ox.NamedNode, obj: Object) -> None:
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

    def fact(self, entry: Occurrence, *classes: ox.NamedNode) -> ox.NamedNode:
        """The entry's fact node, typed, with its evidence and its note."""
        node = self.node(entry)
        source = entry.value
        assert isinstance(source, Fact), f"{entry.kind.name} is not a fact"
        for cls in classes:
            self.add(node, T.rdf.type, cls)
        for span in source.evidence.spans:
            self.add(node, T.prov.wasDerivedFrom, self.span(span))
        if source.note:
            self.add(node, T.skos.editorialNote, literal(source.note, "en"))
        return node

    def attest(self, entry: Occurrence, predicate: ox.NamedNode, obj: Object) -> None:
        """An attribute of the entry holding ``entry`` (a release, event or process), reified with its evidence."""
        assert entry.parent is not None
        node = self.fact(entry, T.mig.Attestation)
        self.add(node, T.rdf.subject, self.node(entry.parent))
        self.add(node, T.rdf.predicate, predicate)
        self.add(node, T.rdf.object, obj)

    def words(self, source: Fact) -> ox.Literal:
        return literal(" ".join(s.text for s in source.evidence.spans), self.language)

    @staticmethod
    def day(value: str | date) -> ox.Literal:
        return typed(value.isoformat() if isinstance(value, date) else value, T.xsd.date)

    @staticmethod
    def kind(kind_id: str) -> ox.NamedNode:
        return iri(class_for_kind(kind_id))


# ---------------------------------------------------------------------- one function per kind of entry


def _release(m: ReleaseMapper, entry: Occurrence) -> None:
    text, node = m.text_node, m.release_node
    m.add(text, T.rdf.type, T.nif.Context)
    m.add(text, T.nif.isString, literal(m.loaded.text))
    m.add(text, T.nif.beginIndex, typed("0", T.xsd.nonNegativeInteger))
    m.add(text, T.nif.endIndex, typed(str(len(m.loaded.text)), T.xsd.nonNegativeInteger))
    m.add(text, T.nif.sourceUrl, node)
    m.add(node, T.dcterms.language, iri(_LANGUAGE + m.language))


def _nothing(m: ReleaseMapper, entry: Occurrence) -> None:
    """An event or a process says nothing itself: its attributes are attested, each with evidence."""


def _type(m: ReleaseMapper, entry: Occurrence) -> None:
    assert isinstance(entry.value, KindFact)
    m.attest(entry, T.rdf.type, m.kind(entry.value.kind))


def _words(predicate: ox.NamedNode) -> Mapping:
    def mapping(m: ReleaseMapper, entry: Occurrence) -> None:
        assert isinstance(entry.value, Fact)
        m.attest(entry, predicate, m.words(entry.value))
    return mapping


def _day(predicate: ox.NamedNode) -> Mapping:
    def mapping(m: ReleaseMapper, entry: Occurrence) -> None:
        assert isinstance(entry.value, DateFact)
        m.attest(entry, predicate, m.day(entry.value.date))
    return mapping


def _place(predicate: ox.NamedNode) -> Mapping:
    def mapping(m: ReleaseMapper, entry: Occurrence) -> None:
        assert isinstance(entry.value, PlaceFact)
        m.attest(entry, predicate, m.ref(entry.value.place))
    return mapping


def _contact(m: ReleaseMapper, entry: Occurrence) -> None:
    contact = entry.value
    assert isinstance(contact, Contact)
    cp = m.fact(entry, T.mig.PressContact, T.sdo.ContactPoint)
    m.add(m.release_node, T.sdo.contactPoint, cp)
    m.add(cp, T.mig.contactPerson, m.ref(contact.person))
    m.add(cp, T.mig.contactFor, m.ref(contact.organisation))
    if contact.phone:
        m.add(cp, T.sdo.telephone, literal(contact.phone))
    if contact.email:
        m.add(cp, T.sdo.email, literal(contact.email))


def _participation(m: ReleaseMapper, entry: Occurrence) -> None:
    role = entry.value
    assert isinstance(role, RoleInEvent) and entry.parent is not None
    p = m.fact(entry, T.mig.Participation)
    m.add(p, T.mig.event, m.node(entry.parent))
    m.add(p, T.mig.agent, m.ref(role.agent))
    m.add(p, T.mig.role, iri(_ROLE + role.role))
    if role.on_behalf_of:
        m.add(p, T.mig.onBehalfOf, m.ref(role.on_behalf_of))


def _post_holding(m: ReleaseMapper, entry: Occurrence) -> None:
    held = entry.value
    assert isinstance(held, PostHeld)
    node = m.fact(entry, T.mig.PostHolding)
    post = m.registry[held.post]
    assert isinstance(post, Post)
    m.add(node, T.org.member, m.ref(held.person))
    m.add(node, T.mig.post, m.ref(held.post))
    m.add(node, T.org.organization, m.ref(post.organisation))
    m.add(node, T.mig.attestedAt, m.iris.event(held.at_event))
    if held.at_event in m.event_dates:
        m.add(node, T.mig.attestedOn, m.day(m.event_dates[held.at_event]))


def _launch(m: ReleaseMapper, entry: Occurrence) -> None:
    launch = entry.value
    assert isinstance(launch, Launch) and entry.parent is not None
    node = m.fact(entry, T.mig.ProcessLaunch)
    m.add(node, T.mig.process, m.node(entry.parent))
    m.add(node, T.mig.event, m.iris.event(launch.event))


def _statement(m: ReleaseMapper, entry: Occurrence) -> None:
    s = entry.value
    assert isinstance(s, Statement)
    node = m.fact(entry, *_STATEMENT_CLASSES[s.type])
    m.add(node, T.mig.speechKind, iri(_KIND + s.kind))
    for speaker in s.speakers:
        m.add(node, T.mig.speaker, m.ref(speaker))
    for topic in s.topics:
        m.add(node, T.dcterms.subject, iri(_TOPIC + topic))
    for mentioned in s.mentions:
        m.add(node, T.sdo.mentions, m.ref(mentioned))
    if s.at_event:
        m.add(node, T.mig.madeAt, m.iris.event(s.at_event))
    if s.on_behalf_of:
        m.add(node, T.mig.onBehalfOf, m.ref(s.on_behalf_of))
    if s.about:
        m.add(node, T.sdo.about, m.ref(s.about))
    if s.proposed_role:
        m.add(node, T.mig.proposedRole, iri(_ROLE + s.proposed_role))


def _claim(m: ReleaseMapper, entry: Occurrence) -> None:
    c = entry.value
    assert isinstance(c, Claim)
    node = m.fact(entry, *((T.mig.Claim, T.mig.CountClaim) if c.count is not None else (T.mig.Claim,)))
    m.add(node, T.sdo.about, m.ref(c.about))
    if c.claimant:
        m.add(node, T.mig.claimant, m.ref(c.claimant))
    if c.count is not None:
        assert c.counted is not None and c.counted_role is not None
        m.add(node, T.mig.claimedCount, typed(str(c.count), T.xsd.nonNegativeInteger))
        m.add(node, T.mig.countedClass, m.kind(c.counted))
        m.add(node, T.mig.countedRole, iri(_ROLE + c.counted_role))
    if c.duration:
        m.add(node, T.mig.claimedDuration, typed(c.duration, T.xsd.duration))


MAPPINGS: dict[str, Mapping] = {
    "release": _release,
    "release-kind": _type,
    "release-title": _words(T.dcterms.title),
    "release-issued": _day(T.dcterms.issued),
    "release-place": _place(T.sdo.locationCreated),
    "contact": _contact,
    "event": _nothing,
    "event-kind": _type,
    "event-name": _words(T.sdo.name),
    "event-date": _day(T.dcterms.date),
    "event-place": _place(T.sdo.location),
    "participation": _participation,
    "post-holding": _post_holding,
    "process": _nothing,
    "process-kind": _type,
    "launch": _launch,
    "statement": _statement,
    "claim": _claim,
}
"""The triples of each kind of entry (:data:`migkg.cards.facts.FACT_KINDS`), by the kind's name."""


def map_release(loaded: LoadedRelease, registry: Registry, iris: Iris) -> list[Triple]:
    """The release's own graph: its text, its evidence spans, and every fact of its card."""
    mapper = ReleaseMapper(loaded, registry, iris)
    for entry in walk(loaded.card):
        MAPPINGS[entry.kind.name](mapper, entry)
    return list(mapper.triples)
