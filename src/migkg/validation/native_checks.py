"""The SHACL-SPARQL constraints of ``ontology/shapes.ttl``, answered in Python on the engine's view.

The two constraints the build evaluates per release (``migsh:Context-spans``: every span quotes its
text; ``migsh:CountClaim-listed``: a stated count against the agents listed) are SPARQL in the shapes
graph, their published definition. Answering them on Oxigraph cost a release about 5 ms of its 25:
its triples made into quads and loaded into a store, and the two queries parsed and run. Each
function here gives the same solution rows as its query from the triples the engine already holds,
for the query text whose SHA-256 it names (:class:`~migkg.validation.shacl.NativeSparql`): edit the
query, and the engine runs the SPARQL again until the function is brought in line and its digest
updated. Where a value is of a kind the function does not reproduce SPARQL's answer for (a text with a
language tag, an offset that is no plain integer or past Oxigraph's 64-bit integers, several notes of
which SPARQL's SAMPLE picks one, a typed note, a literal where the build writes an IRI, a count not written in
its canonical form (``"08"``, which the message quotes), two qualifiers of one count or one that is a literal), it declines
(returns None) and the engine runs the SPARQL on the store (:mod:`migkg.build.workbench` fills it then).

The rows name the data's own terms, as pyshacl's do: Oxigraph's store gives a literal of a type derived
from xsd:integer back as an xsd:integer of the same value (the published conflicts restore the data's
term either way: :func:`migkg.validation.conflicts.as_stated`). ``tests/test_native_checks.py`` holds
each function to Oxigraph's answer, and the shape cases (``tests/test_scale_shacl.py``) hold the
compiled engine with them to pyshacl's.
"""
from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from migkg.mapping.prefixes import SHAPES_NAMESPACE, VOCABULARY_PREFIXES
from migkg.mapping.terms import Term
from migkg.validation.shacl import NativeSparql, View

_NIF, _MIG, _XSD = VOCABULARY_PREFIXES["nif"], VOCABULARY_PREFIXES["mig"], VOCABULARY_PREFIXES["xsd"]
IS_STRING = ox.NamedNode(_NIF + "isString")
REFERENCE_CONTEXT = ox.NamedNode(_NIF + "referenceContext")
ANCHOR_OF = ox.NamedNode(_NIF + "anchorOf")
BEGIN_INDEX = ox.NamedNode(_NIF + "beginIndex")
END_INDEX = ox.NamedNode(_NIF + "endIndex")
CLAIMED_COUNT = ox.NamedNode(_MIG + "claimedCount")
COUNTED_ROLE = ox.NamedNode(_MIG + "countedRole")
NAMES_ONLY_SOME = ox.NamedNode(_MIG + "namesOnlySome")
COUNT_QUALIFIER = ox.NamedNode(_MIG + "countQualifier")
MORE_THAN, AT_LEAST, FEWER_THAN, UP_TO, ABOUT_COUNT = (ox.NamedNode(VOCABULARY_PREFIXES["qualifier"] + name) for name in
                                                       ("more-than", "at-least", "fewer-than", "up-to", "about"))
#: the words the message gives a qualified count ("more than 40")
_QUALIFIER_WORDS = {MORE_THAN: "more than ", AT_LEAST: "at least ", FEWER_THAN: "fewer than ", UP_TO: "up to ",
                    ABOUT_COUNT: "about "}
XSD_BOOLEAN = ox.NamedNode(_XSD + "boolean")
PARTICIPATION = ox.NamedNode(_MIG + "Participation")
PROCESS_MEMBERSHIP = ox.NamedNode(_MIG + "ProcessMembership")
PROCESS = ox.NamedNode(_MIG + "RegionalConsultativeProcess")
ORG_ORGANIZATION = ox.NamedNode(VOCABULARY_PREFIXES["org"] + "organization")
ORG_ROLE = ox.NamedNode(VOCABULARY_PREFIXES["org"] + "role")
ORG_MEMBER = ox.NamedNode(VOCABULARY_PREFIXES["org"] + "member")
EVENT = ox.NamedNode(_MIG + "event")
ROLE = ox.NamedNode(_MIG + "role")
AGENT = ox.NamedNode(_MIG + "agent")
ABOUT = ox.NamedNode(VOCABULARY_PREFIXES["schema"] + "about")
EDITORIAL_NOTE = ox.NamedNode(VOCABULARY_PREFIXES["skos"] + "editorialNote")
WAS_DERIVED_FROM = ox.NamedNode(VOCABULARY_PREFIXES["prov"] + "wasDerivedFrom")
RDF_TYPE = ox.NamedNode(VOCABULARY_PREFIXES["rdf"] + "type")
XSD_STRING = ox.NamedNode(_XSD + "string")
XSD_INTEGER = ox.NamedNode(_XSD + "integer")
#: the integer datatypes whose values are read here (SPARQL's arithmetic and comparisons on them are a Python int's)
_INTEGERS = frozenset({XSD_INTEGER, ox.NamedNode(_XSD + "nonNegativeInteger")})
_DIGITS = re.compile(r"[0-9]+")
#: Oxigraph's xsd:integer is a signed 64-bit integer: past it a value is an error there, and SUBSTR's begin + 1 too
_LARGEST = 2**63 - 1
#: the notes quoted as they are: Oxigraph's STR of a literal of another datatype reads its canonical form ("1.5")
_TEXTS = frozenset({XSD_STRING, ox.NamedNode(VOCABULARY_PREFIXES["rdf"] + "langString")})


class Declined(Exception):
    """A value whose SPARQL answer is not reproduced here: the engine runs the query instead."""


def _plain_string(term: Term) -> str:
    if isinstance(term, ox.Literal) and term.datatype == XSD_STRING and term.language is None:
        return term.value
    raise Declined


def _integer(term: Term) -> int:
    if isinstance(term, ox.Literal) and term.datatype in _INTEGERS and _DIGITS.fullmatch(term.value):
        value = int(term.value)
        if value < _LARGEST:
            return value
    raise Declined  # not a plain integer, or one Oxigraph cannot hold (or add 1 to)


def _iri(term: Term) -> Term:
    """A node the count's join reads, where the build writes only IRIs: a literal there may join or count with
    another of equal value but another form in Oxigraph's store (``1`` and ``01``), not here."""
    if isinstance(term, ox.Literal):
        raise Declined
    return term


def _integer_literal(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


def _contexts(view: View, node: Term) -> set[Term]:
    """The values of ``prov:wasDerivedFrom/nif:referenceContext`` of ``node`` (:class:`Declined` if one is a literal)."""
    return {_iri(context) for span in view.objects(node, WAS_DERIVED_FROM)
            for context in view.objects(span, REFERENCE_CONTEXT)}


def context_spans(view: View, bindings: dict[str, Term]) -> list[dict[str, Term]] | None:
    """``migsh:Context-spans`` on ``$this``, a release text: each span of it whose words (``nif:anchorOf``) are not
    the text between its offsets, or whose end is past the text's end.

    SPARQL's ``SUBSTR(?text, ?begin + 1, ?end - ?begin)`` counts code points from 1, as a Python str's slice
    ``text[begin:end]`` counts them from 0; it is empty where ``end <= begin`` or ``begin`` is past the end."""
    this = bindings["this"]
    spans = view.subjects(REFERENCE_CONTEXT, this)
    rows: list[dict[str, Term]] = []
    try:
        for text_term in view.objects(this, IS_STRING) if spans else ():
            text = _plain_string(text_term)
            length = len(text)
            for span in spans:
                for anchor in view.objects(span, ANCHOR_OF):
                    words = _plain_string(anchor)
                    for begin in view.objects(span, BEGIN_INDEX):
                        first = _integer(begin)
                        for end in view.objects(span, END_INDEX):
                            last = _integer(end)
                            found = text[first:last]
                            if last > length or found != words:
                                rows.append({"this": this, "value": span, "anchor": anchor, "begin": begin, "end": end,
                                             "found": ox.Literal(found), "length": _integer_literal(length)})
    except Declined:
        return None
    return rows


#: the two advices of migsh:CountClaim-listed: the claim's note quoted, or what to check
_NOTE_ADVICE = '. The claim\'s note says why: "{}"'
_CHECK_ADVICE = (": check the card's claims entry (`count:`, `counted_role:`) against the entries with that role "
                 "(events[].roles, or a process's memberships), and say in the claim's `note:` why they differ (where "
                 "the text names only some of those it counts, as in 'including ...', write `listed: some`; where it "
                 "bounds its number, as in 'more than 40', `qualifier:`).")


def count_claim_listed(view: View, bindings: dict[str, Term]) -> list[dict[str, Term]] | None:
    """``migsh:CountClaim-listed`` on ``$this``, a count claim: for each count, subject (an event, or a process) and
    counted role it states, the number of distinct agents of the ``mig:Participation`` nodes with that event and
    role, and of distinct members of the ``mig:ProcessMembership`` nodes of that process with that status, that are
    derived from a text the claim is derived from, where it is outside what the count allows (the count itself; with
    a ``mig:countQualifier``, more than it, at least it, fewer than it, up to it, or anything: :func:`_bounds`; for a
    release that names only some of those it counts, only above the upper bound): one row per group, as GROUP BY ...
    HAVING gives, with the count as the text words it (``?stated``: "more than 40"). A claim derived from no text has
    no row (the subquery binds nothing)."""
    this = bindings["this"]
    counts, subjects, roles = view.objects(this, CLAIMED_COUNT), view.objects(this, ABOUT), view.objects(this, COUNTED_ROLE)
    if not (counts and subjects and roles):
        return []
    try:
        contexts = _contexts(view, this)
        if not contexts:
            return []
        notes = view.objects(this, EDITORIAL_NOTE)
        if len(notes) > 1 or any(not (isinstance(note, ox.Literal) and note.datatype in _TEXTS) for note in notes):
            return None  # SAMPLE picks one of several notes as the store has it; STR reads a typed one's canonical form
        advice = ox.Literal(_NOTE_ADVICE.format(notes[0].value) if notes else _CHECK_ADVICE)
        some = _names_only_some(view.objects(this, NAMES_ONLY_SOME))
        qualifier = _qualifier(view.objects(this, COUNT_QUALIFIER))
        rows: list[dict[str, Term]] = []
        # each subject's facts: participations at it (an event), memberships in it (a process); ?at says which it is
        held = {subject: ([(fact, ROLE, AGENT, PARTICIPATION) for fact in view.subjects(EVENT, _iri(subject))]
                          + [(fact, ORG_ROLE, ORG_MEMBER, PROCESS_MEMBERSHIP)
                             for fact in view.subjects(ORG_ORGANIZATION, subject)])
                for subject in subjects}
        for count in counts:
            stated = _integer(count)
            if count.value != str(stated):
                raise Declined  # STR(?value) of "08": the form Oxigraph's store gives back is not reproduced here
            least, most = _bounds(stated, qualifier)
            words = ox.Literal((_QUALIFIER_WORDS.get(qualifier, "") if qualifier else "") + str(stated))
            for subject in subjects:
                at = ox.Literal("process" if PROCESS in view.objects(subject, RDF_TYPE) else "event")
                for role in roles:
                    agents: set[Term] = set()
                    for fact, role_of, agent_of, cls in held[subject]:
                        if _iri(role) in view.objects(fact, role_of) and cls in view.objects(fact, RDF_TYPE) \
                                and not contexts.isdisjoint(_contexts(view, fact)):
                            agents.update(_iri(agent) for agent in view.objects(fact, agent_of))
                    if (most is not None and len(agents) > most) or (not some and len(agents) < least):
                        rows.append({"this": this, "value": count, "stated": words, "subject": subject, "at": at,
                                     "role": role, "listed": _integer_literal(len(agents)), "advice": advice})
    except Declined:
        return None
    return rows


def _qualifier(values: list[Term]) -> ox.NamedNode | None:
    """The claim's one ``mig:countQualifier`` (None without one); :class:`Declined` for two (SPARQL makes a group of
    each) or a literal (SPARQL's ``=`` between a literal and an IRI is not reproduced here)."""
    if not values:
        return None
    if len(values) == 1 and isinstance(values[0], ox.NamedNode):
        return values[0]
    raise Declined


def _bounds(stated: int, qualifier: ox.NamedNode | None) -> tuple[int, int | None]:
    """``?least`` and ``?most`` of the query: what the count allows the list (None: no upper bound, ``?most`` unbound).
    Without a qualifier the count itself; an IRI that is none of the five bounds nothing, as ``about`` does."""
    if qualifier is None:
        return stated, stated
    least = stated + 1 if qualifier == MORE_THAN else stated if qualifier == AT_LEAST else 0
    most = stated - 1 if qualifier == FEWER_THAN else stated if qualifier == UP_TO else None
    return least, most


def _names_only_some(values: list[Term]) -> bool:
    """``COALESCE(?names_only_some, false)`` of the claim's one ``mig:namesOnlySome`` (false without one), where it is
    written as the build writes it; :class:`Declined` for two values (SPARQL makes a group of each) or any other form
    (``"1"^^xsd:boolean``, a string: SPARQL's effective boolean value of those is not reproduced here)."""
    if not values:
        return False
    if len(values) == 1 and isinstance(values[0], ox.Literal) and values[0].datatype == XSD_BOOLEAN \
            and values[0].value in ("true", "false"):
        return values[0].value == "true"
    raise Declined


#: the answers in Python, by constraint, each for the query (prefixes and sh:select) its digest names
NATIVE_CHECKS: dict[Node, NativeSparql] = {
    URIRef(SHAPES_NAMESPACE + "Context-spans"): NativeSparql(
        "cc2470f236ad2e77ddedc11bd233ec2e8cc58dcb8c3368d9cbe1d674ef9be9fa", context_spans),
    URIRef(SHAPES_NAMESPACE + "CountClaim-listed"): NativeSparql(
        "d46227d47b69d9a1f9a1ab96e1a2de64b791b99de90e51b713452110ed9c9524", count_claim_listed),
}
