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

from migkg.cards.facts import Occurrence, field_value
from migkg.cards.models import (
    Adoption,
    AgentFact,
    AttendanceFact,
    Claim,
    Contact,
    DateFact,
    Fact,
    Grouping,
    GroupRef,
    Handover,
    KindFact,
    Launch,
    Membership,
    NumberFact,
    Period,
    PeriodFact,
    PlaceFact,
    PlaceInState,
    Post,
    PostHeld,
    ProcessPosition,
    ProcessRef,
    Purpose,
    Relay,
    RoleInEvent,
    Span,
    Statement,
    date_precision,
    date_text,
)
from migkg.cards.registry import Registry
from migkg.cards.release import LoadedRelease
from migkg.mapping.iris import Iris
from migkg.mapping.namespaces import (
    ACTION,
    DCTERMS,
    FOAF,
    ISO639,
    KIND,
    MIG,
    NIF,
    ORG,
    PROV,
    QUALIFIER,
    RDF,
    RDFS,
    REGION,
    ROLE,
    SDO,
    SKOS,
    TIME,
    TOPIC,
    XSD,
    class_for_kind,
)
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
                    "claimedDuration namesOnlySome SuppliedFact RelayedReport relayedIn period meetingOf numberInSeries StatedPurpose "
                    "purposeOf ProcessPosition ProcessMembership Handover previousHolder nextHolder DocumentAdoption "
                    "document action party EventParticipants EventAsABody UnnamedOfficials groupOf StatedGrouping "
                    "groupedRole namesRegion countQualifier"),
    dcterms=_terms(DCTERMS, "language title issued date subject source"),
    sdo=_terms(SDO, "locationCreated ContactPoint contactPoint telephone email name location mentions about url publisher "
                    "author CreativeWork containedInPlace superEvent description eventAttendanceMode OnlineEventAttendanceMode "
                    "MixedEventAttendanceMode OfflineEventAttendanceMode"),
    org=_terms(ORG, "member organization role memberDuring"),
    prov=_terms(PROV, "wasDerivedFrom"),
    skos=_terms(SKOS, "editorialNote"),
    xsd=_terms(XSD, "nonNegativeInteger integer date gYearMonth gYear duration boolean"),
    time=_terms(TIME, "Interval Instant hasBeginning hasEnd inXSDDate inXSDgYearMonth inXSDgYear"),
    rdfs=_terms(RDFS, "label"),
    foaf=_terms(FOAF, "Group"),
)
_ROLE, _KIND, _TOPIC, _LANGUAGE, _ACTION, _REGION = str(ROLE), str(KIND), str(TOPIC), str(ISO639), str(ACTION), str(REGION)
_QUALIFIER = str(QUALIFIER)
#: the card's attendance modes, as schema.org's EventAttendanceModeEnumeration
_ATTENDANCE_MODES = {"online": T.sdo.OnlineEventAttendanceMode, "hybrid": T.sdo.MixedEventAttendanceMode,
                     "in-person": T.sdo.OfflineEventAttendanceMode}
_DATATYPE_OF_PRECISION = {"day": T.xsd.date, "month": T.xsd.gYearMonth, "year": T.xsd.gYear}
_INSTANT_OF_PRECISION = {"day": T.time.inXSDDate, "month": T.time.inXSDgYearMonth, "year": T.time.inXSDgYear}
_GROUP_CLASSES = {"participants": T.mig.EventParticipants, "meeting": T.mig.EventAsABody,
                  "officials": T.mig.UnnamedOfficials}
_GROUP_LABELS = {"participants": ("participants of", "участники"), "meeting": ("as a body:", "в целом:"),
                 "officials": ("officials of", "официальные лица:")}
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
        self.document_ids = {d.id for d in self.card.documents}
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
        if some_id in self.document_ids:
            return self.iris.document(some_id)
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
        for span in source.spans:
            self.add(node, T.prov.wasDerivedFrom, self.span(span))
        if source.supplied is not None:
            self.add(node, T.rdf.type, T.mig.SuppliedFact)
            self.add(node, T.dcterms.source, ox.NamedNode(source.supplied))
        if source.note:
            self.add(node, T.skos.editorialNote, literal(source.note, "en"))
        return node

    def attest(self, entry: Occurrence, predicate: ox.NamedNode, obj: Object,
               subject: ox.NamedNode | None = None) -> ox.NamedNode:
        """An attribute of the entry holding ``entry`` (a release, event or process), or of ``subject``,
        reified with its evidence."""
        if subject is None:
            assert entry.parent is not None
            subject = self.node(entry.parent)
        node = self.fact(entry, T.mig.Attestation)
        self.add(node, T.rdf.subject, subject)
        self.add(node, T.rdf.predicate, predicate)
        self.add(node, T.rdf.object, obj)
        return node

    def words(self, source: Fact) -> ox.Literal:
        return literal(" ".join(s.text for s in source.spans), self.language)

    @staticmethod
    def day(value: str | date) -> ox.Literal:
        """A date as precise as the card gives it: xsd:date, xsd:gYearMonth or xsd:gYear."""
        return typed(date_text(value), _DATATYPE_OF_PRECISION[date_precision(value)])

    def interval(self, node: ox.NamedNode, begins: str | date | None, ends: str | date | None) -> None:
        """An OWL-Time interval with the ends the text gives, each an instant as precise as the text."""
        self.add(node, T.rdf.type, T.time.Interval)
        for end, predicate, name in ((begins, T.time.hasBeginning, "beginning"), (ends, T.time.hasEnd, "end")):
            if end is None:
                continue
            instant = ox.NamedNode(f"{node.value}/{name}")
            self.add(node, predicate, instant)
            self.add(instant, T.rdf.type, T.time.Instant)
            self.add(instant, _INSTANT_OF_PRECISION[date_precision(end)], self.day(end))

    def group(self, ref: GroupRef) -> ox.NamedNode:
        """A collective or unnamed agent (the participants of an event, an event as a body, unnamed officials),
        typed and labelled here: ``<event>/participants``, ``<event>/meeting``, ``<agent>/officials``."""
        of = self.ref(ref.of)
        node = ox.NamedNode(f"{of.value}/{ref.group}")
        self.add(node, T.rdf.type, _GROUP_CLASSES[ref.group])
        self.add(node, T.rdf.type, T.foaf.Group)
        self.add(node, T.mig.groupOf, of)
        english, russian = _GROUP_LABELS[ref.group]
        self.add(node, T.rdfs.label, literal(f"{english} {ref.of}", "en"))
        self.add(node, T.rdfs.label, literal(f"{russian} {ref.of}", "ru"))
        return node

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
    _release_url(m)


def _nothing(m: ReleaseMapper, entry: Occurrence) -> None:
    """An event, a process or a document says nothing itself: its attributes are attested, each with evidence.
    (A collective speaker or party is made by the statement or adoption that names it.)"""


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
    if launch.event:
        m.add(node, T.mig.event, m.iris.event(launch.event))
    if launch.on is not None:  # launched in a year (month, day) the text names, not at a meeting of the card
        m.add(node, T.dcterms.date, m.day(launch.on))
    if launch.place:
        m.add(node, T.sdo.location, m.ref(launch.place))


def _statement(m: ReleaseMapper, entry: Occurrence) -> None:
    s = entry.value
    assert isinstance(s, Statement)
    node = m.fact(entry, *_STATEMENT_CLASSES[s.type])
    m.add(node, T.mig.speechKind, iri(_KIND + s.kind))
    for speaker in s.speakers:
        m.add(node, T.mig.speaker, m.ref(speaker))
    for group in s.speaker_groups:
        m.add(node, T.mig.speaker, m.group(group))
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
        if c.listed == "some":  # "all", or nothing, is the default: the release names every one it counts
            m.add(node, T.mig.namesOnlySome, typed("true", T.xsd.boolean))
        if c.qualifier is not None:  # none: the count is exact
            m.add(node, T.mig.countQualifier, iri(_QUALIFIER + c.qualifier))  # a concept of qualifier:scheme
    if c.duration:
        m.add(node, T.mig.claimedDuration, typed(c.duration, T.xsd.duration))


def _release_url(m: ReleaseMapper) -> None:
    if m.card.release.url:
        m.add(m.release_node, T.sdo.url, ox.NamedNode(m.card.release.url))


def _agent(predicate: ox.NamedNode) -> Mapping:
    def mapping(m: ReleaseMapper, entry: Occurrence) -> None:
        assert isinstance(entry.value, AgentFact)
        m.attest(entry, predicate, m.ref(entry.value.agent))
    return mapping


def _relay(m: ReleaseMapper, entry: Occurrence) -> None:
    relay = entry.value
    assert isinstance(relay, Relay)
    node = m.fact(entry, T.mig.RelayedReport, T.sdo.CreativeWork)
    m.add(node, T.mig.relayedIn, m.release_node)
    m.add(node, T.sdo.publisher, m.ref(relay.outlet))
    if relay.url:
        m.add(node, T.sdo.url, ox.NamedNode(relay.url))


def _place_in_state(m: ReleaseMapper, entry: Occurrence) -> None:
    fact = entry.value
    assert isinstance(fact, PlaceInState)
    m.attest(entry, T.sdo.containedInPlace, m.ref(fact.state), subject=m.ref(fact.place))


def _period(m: ReleaseMapper, entry: Occurrence) -> None:
    fact = entry.value
    assert isinstance(fact, PeriodFact) and entry.parent is not None
    interval = m.iris.interval(fact.begins, fact.ends)
    m.attest(entry, T.mig.period, interval)
    m.interval(interval, fact.begins, fact.ends)


def _meeting_of(m: ReleaseMapper, entry: Occurrence) -> None:
    assert isinstance(entry.value, ProcessRef)
    m.attest(entry, T.mig.meetingOf, m.ref(entry.value.process))


def _number(m: ReleaseMapper, entry: Occurrence) -> None:
    assert isinstance(entry.value, NumberFact)
    m.attest(entry, T.mig.numberInSeries, typed(str(entry.value.number), T.xsd.integer))


def _attendance(m: ReleaseMapper, entry: Occurrence) -> None:
    assert isinstance(entry.value, AttendanceFact)
    m.attest(entry, T.sdo.eventAttendanceMode, _ATTENDANCE_MODES[entry.value.mode])


def _part_of(m: ReleaseMapper, entry: Occurrence) -> None:
    m.attest(entry, T.sdo.superEvent, m.iris.event(str(field_value(entry, "event"))))


def _purpose(m: ReleaseMapper, entry: Occurrence) -> None:
    purpose = entry.value
    assert isinstance(purpose, Purpose) and entry.parent is not None
    node = m.fact(entry, T.mig.StatedPurpose)
    m.add(node, T.mig.purposeOf, m.node(entry.parent))
    m.add(node, T.sdo.description, m.words(purpose))
    for topic in purpose.topics:
        m.add(node, T.dcterms.subject, iri(_TOPIC + topic))


def _timed(m: ReleaseMapper, node: ox.NamedNode, at_event: str | None, on: str | date | None,
           period: Period | None = None) -> None:
    """When a fact about a process holds, as the card gives it: the event, the date (the event's date where the
    card gives no other), the period."""
    if at_event:
        m.add(node, T.mig.attestedAt, m.iris.event(at_event))
    if on is not None:
        m.add(node, T.mig.attestedOn, m.day(on))
    elif at_event in m.event_dates:
        m.add(node, T.mig.attestedOn, m.day(m.event_dates[at_event]))
    if period is not None:
        interval = ox.NamedNode(f"{node.value}/period")
        m.add(node, T.org.memberDuring, interval)
        m.interval(interval, period.begins, period.ends)


def _held(cls: ox.NamedNode, holder: str, role: str) -> Mapping:
    """A position or membership in the process the entry lies in: an org:Membership of ``cls``, its holder and
    its role read from the entry's fields ``holder`` and ``role``."""
    def mapping(m: ReleaseMapper, entry: Occurrence) -> None:
        held = entry.value
        assert isinstance(held, ProcessPosition | Membership) and entry.parent is not None
        node = m.fact(entry, cls)
        m.add(node, T.org.member, m.ref(str(field_value(entry, holder))))
        m.add(node, T.org.organization, m.node(entry.parent))
        m.add(node, T.org.role, iri(_ROLE + str(field_value(entry, role))))
        _timed(m, node, held.at_event, held.on, held.period)
    return mapping


def _handover(m: ReleaseMapper, entry: Occurrence) -> None:
    handover = entry.value
    assert isinstance(handover, Handover) and entry.parent is not None
    node = m.fact(entry, T.mig.Handover)
    m.add(node, T.mig.process, m.node(entry.parent))
    m.add(node, T.org.role, iri(_ROLE + handover.position))
    if handover.previous:
        m.add(node, T.mig.previousHolder, m.ref(handover.previous))
    m.add(node, T.mig.nextHolder, m.ref(handover.next))
    _timed(m, node, handover.at_event, handover.on)


def _adoption(m: ReleaseMapper, entry: Occurrence) -> None:
    adoption = entry.value
    assert isinstance(adoption, Adoption) and entry.parent is not None
    node = m.fact(entry, T.mig.DocumentAdoption)
    m.add(node, T.mig.document, m.node(entry.parent))
    m.add(node, T.mig.action, iri(_ACTION + adoption.action))
    m.add(node, T.mig.event, m.iris.event(adoption.at_event))
    for party in adoption.parties:
        m.add(node, T.mig.party, m.ref(party))
    for group in adoption.party_groups:
        m.add(node, T.mig.party, m.group(group))


def _grouping(m: ReleaseMapper, entry: Occurrence) -> None:
    grouping = entry.value
    assert isinstance(grouping, Grouping)
    node = m.fact(entry, T.mig.StatedGrouping)
    m.add(node, T.sdo.name, m.words(grouping))
    m.add(node, T.sdo.about, m.ref(grouping.about))
    m.add(node, T.mig.groupedRole, iri(_ROLE + grouping.role))
    for region in grouping.regions:
        m.add(node, T.mig.namesRegion, iri(_REGION + region))


MAPPINGS: dict[str, Mapping] = {
    "release": _release,
    "release-kind": _type,
    "release-title": _words(T.dcterms.title),
    "release-issued": _day(T.dcterms.issued),
    "release-place": _place(T.sdo.locationCreated),
    "publisher": _agent(T.sdo.publisher),
    "author": _agent(T.sdo.author),
    "relay": _relay,
    "contact": _contact,
    "place-in-state": _place_in_state,
    "event": _nothing,
    "event-kind": _type,
    "event-name": _words(T.sdo.name),
    "event-date": _day(T.dcterms.date),
    "event-period": _period,
    "event-place": _place(T.sdo.location),
    "meeting-of": _meeting_of,
    "event-number": _number,
    "part-of": _part_of,
    "event-attendance": _attendance,
    "purpose": _purpose,
    "participation": _participation,
    "post-holding": _post_holding,
    "process": _nothing,
    "process-kind": _type,
    "launch": _launch,
    "position": _held(T.mig.ProcessPosition, "holder", "position"),
    "handover": _handover,
    "membership": _held(T.mig.ProcessMembership, "agent", "status"),
    "document": _nothing,
    "document-kind": _type,
    "document-name": _words(T.sdo.name),
    "adoption": _adoption,
    "party-group": _nothing,
    "statement": _statement,
    "speaker-group": _nothing,
    "claim": _claim,
    "grouping": _grouping,
}
"""The triples of each kind of entry (:data:`migkg.cards.facts.FACT_KINDS`), by the kind's name."""


def map_release(loaded: LoadedRelease, registry: Registry, iris: Iris) -> list[Triple]:
    """The release's own graph: its text, its evidence spans, and every fact of its card."""
    mapper = ReleaseMapper(loaded, registry, iris)
    for entry in loaded.entries:
        MAPPINGS[entry.kind.name](mapper, entry)
    return list(mapper.triples)
