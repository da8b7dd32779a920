"""What the dataset says about one IRI path: the document a GET on that IRI answers with.

A document is an IRI without a fragment, ``<base>state/KAZ``; it describes the resource of that IRI
and every fragment IRI under it (``<base>release/…/text#char=115,133`` is described on the page of
``<base>release/…/text``, as HTTP never sends a fragment). For each of these members it holds the
statements with the member as subject (its description, what the RDF formats carry) and as object
(where it is used), each with its named graph; for every fact node on the page (a node with
``prov:wasDerivedFrom``), its evidence spans walked as the research query q11 walks them (span →
``nif:referenceContext`` → ``nif:sourceUrl``, ``nif:beginIndex``, ``nif:endIndex``, ``nif:anchorOf``)
and the release text they index (``nif:isString``); and labels in every language for the IRIs shown.

Everything is asked of a :class:`~migkg.stores.sources.SelectSource` with SPARQL, so the same code
reads the embedded store of a build (``migkg site``) and the Oxigraph server of ``migkg serve``
(where it sees what a ``--writable`` server was sent). Every list is sorted: the same data gives the
same page, byte for byte.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from migkg.mapping.terms import Term
from migkg.stores.sources import SelectSource

PROV_DERIVED_FROM = "http://www.w3.org/ns/prov#wasDerivedFrom"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#: the properties a label is read from, most preferred first
LABEL_PROPERTIES = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://xmlns.com/foaf/0.1/name",
    "https://schema.org/name",
    "http://purl.org/dc/terms/title",
)
#: at most this many statements with a member as object are listed on a page (the rest are counted)
INCOMING_LIMIT = 500

_NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


@dataclass(frozen=True)
class Span:
    """One evidence span of a fact: where its words are in which release's text (offsets in code points)."""

    iri: str
    release: str | None
    context: str | None
    begin: int | None
    end: int | None
    words: str | None


@dataclass
class Document:
    iri: str
    members: list[str]
    outgoing: dict[str, list[ox.Quad]] = field(default_factory=dict)
    incoming: dict[str, list[ox.Quad]] = field(default_factory=dict)
    incoming_total: dict[str, int] = field(default_factory=dict)
    #: a fact node named on the page (not a member) -> its own statements
    details: dict[str, list[ox.Quad]] = field(default_factory=dict)
    evidence: dict[str, list[Span]] = field(default_factory=dict)
    #: a release text (nif:Context) -> its nif:isString
    texts: dict[str, str] = field(default_factory=dict)
    #: the text of a member release, or a member that is a text -> every evidence span in it
    full_texts: dict[str, list[Span]] = field(default_factory=dict)
    #: an IRI -> language tag ("" for none) -> its label in that language
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    #: how many statements the named graph of this IRI holds (0: it names no graph)
    graph_size: int = 0

    @property
    def exists(self) -> bool:
        return self.graph_size > 0 or any(self.outgoing.values()) or any(self.incoming_total.values())

    def quads(self) -> list[ox.Quad]:
        """The description of the document: every statement with a member as subject, in its graph, sorted."""
        return sorted({q for quads in self.outgoing.values() for q in quads}, key=quad_key)


def quad_key(quad: ox.Quad) -> tuple[str, str, str, str]:
    return str(quad.subject), str(quad.predicate), str(quad.object), str(quad.graph_name)


def document_of(iri: str) -> str:
    """The document an IRI is described in: the IRI without its fragment."""
    return iri.split("#", 1)[0]


def _values(iris: Iterable[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in sorted(set(iris)))


def _value(term: Term | None) -> str | None:
    return None if term is None else term.value


def _integer(term: Term | None) -> int | None:
    try:
        return None if term is None else int(term.value)
    except ValueError:
        return None


@dataclass
class Index:
    """Every document of a dataset under its base, and the fragment IRIs each one describes."""

    base: str
    documents: list[str]
    fragments: dict[str, list[str]]

    @classmethod
    def of(cls, source: SelectSource, base: str) -> Index:
        """One pass over the dataset: every IRI under ``base`` as subject, object or graph name."""
        rows = source.select(
            "SELECT DISTINCT ?i WHERE { { ?i ?p ?o } UNION { ?s ?p ?i } UNION { GRAPH ?i { ?s ?p ?o } } "
            f"FILTER(isIRI(?i) && STRSTARTS(STR(?i), {ox.Literal(base)})) }}").rows
        iris = sorted({str(_value(row["i"])) for row in rows})
        fragments: dict[str, list[str]] = {}
        for iri in iris:
            if "#" in iri:
                fragments.setdefault(document_of(iri), []).append(iri)
        documents = sorted({document_of(iri) for iri in iris} - {base})
        return cls(base, documents, fragments)

    def members(self, document: str) -> list[str]:
        return [document, *self.fragments.get(document, [])]


def read_document(source: SelectSource, document: str, members: list[str]) -> Document:
    """Everything a page of ``document`` shows, asked of ``source`` in a handful of queries."""
    doc = Document(document, members)
    values = _values(members)
    rows = source.select(f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}").rows
    for member in members:
        doc.outgoing[member] = []
    for row in rows:
        doc.outgoing[str(_value(row["s"]))].append(_quad(row))
    for member in members:
        doc.outgoing[member].sort(key=quad_key)
        doc.incoming[member], doc.incoming_total[member] = _incoming(source, member)
    graph = source.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {ox.NamedNode(document)} {{ ?s ?p ?o }} }}")
    doc.graph_size = _integer(graph.rows[0]["n"]) or 0 if graph.rows else 0

    shown = set(members)
    for quads in [*doc.outgoing.values(), *doc.incoming.values()]:
        for quad in quads:
            shown.update(t.value for t in (quad.subject, quad.object, quad.predicate) if isinstance(t, ox.NamedNode))
    doc.evidence = _evidence(source, shown)
    facts = sorted(set(doc.evidence) - set(members))
    if facts:
        for row in source.select(f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {_values(facts)} }} "
                                 "GRAPH ?g { ?s ?p ?o } }").rows:
            doc.details.setdefault(str(_value(row["s"])), []).append(_quad(row))
        for quads in doc.details.values():
            quads.sort(key=quad_key)
            shown.update(q.object.value for q in quads if isinstance(q.object, ox.NamedNode))
    whole = {m for m in members if any(q.predicate.value == _NIF + "isString" for q in doc.outgoing[m])}
    whole |= {str(_value(row["c"])) for row in source.select(
        f"SELECT ?c WHERE {{ VALUES ?r {{ {values} }} ?c <{_NIF}sourceUrl> ?r }}").rows}
    for context in sorted(whole):
        doc.full_texts[context] = _spans_in(source, context)
    contexts = {s.context for spans in doc.evidence.values() for s in spans if s.context} | whole
    shown |= {s.release for spans in doc.evidence.values() for s in spans if s.release}
    if contexts:
        for row in source.select(f"SELECT ?c ?text WHERE {{ VALUES ?c {{ {_values(contexts)} }} "
                                 f"?c <{_NIF}isString> ?text }}").rows:
            doc.texts[str(_value(row["c"]))] = str(_value(row["text"]))
    doc.labels = _labels(source, shown)
    return doc


def _quad(row: dict[str, Term | None]) -> ox.Quad:
    s, p, o, g = row["s"], row["p"], row["o"], row["g"]
    assert isinstance(s, ox.NamedNode | ox.BlankNode) and isinstance(p, ox.NamedNode) and o is not None
    assert isinstance(g, ox.NamedNode | ox.BlankNode)
    return ox.Quad(s, p, o, g)


def _incoming(source: SelectSource, member: str) -> tuple[list[ox.Quad], int]:
    node = ox.NamedNode(member)
    rows = source.select(f"SELECT ?s ?p ?g WHERE {{ GRAPH ?g {{ ?s ?p {node} }} }} ORDER BY ?s ?p ?g "
                         f"LIMIT {INCOMING_LIMIT + 1}").rows
    quads = [_quad({**row, "o": node}) for row in rows[:INCOMING_LIMIT]]
    if len(rows) <= INCOMING_LIMIT:
        return quads, len(quads)
    count = source.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p {node} }} }}")
    return quads, _integer(count.rows[0]["n"]) or len(quads)


def _evidence(source: SelectSource, iris: set[str]) -> dict[str, list[Span]]:
    """The evidence spans of every fact among ``iris``, as q11 finds them, in text order."""
    rows = source.select(
        f"SELECT DISTINCT ?fact ?span ?context ?release ?begin ?end ?words WHERE {{ VALUES ?fact {{ {_values(iris)} }} "
        f"?fact <{PROV_DERIVED_FROM}> ?span . "
        f"OPTIONAL {{ ?span <{_NIF}referenceContext> ?context OPTIONAL {{ ?context <{_NIF}sourceUrl> ?release }} }} "
        f"OPTIONAL {{ ?span <{_NIF}beginIndex> ?begin }} OPTIONAL {{ ?span <{_NIF}endIndex> ?end }} "
        f"OPTIONAL {{ ?span <{_NIF}anchorOf> ?words }} }}").rows
    found: dict[str, set[Span]] = {}
    for row in rows:
        found.setdefault(str(_value(row["fact"])), set()).add(Span(
            str(_value(row["span"])), _value(row["release"]), _value(row["context"]),
            _integer(row["begin"]), _integer(row["end"]), _value(row["words"])))
    return {fact: sorted(spans, key=lambda s: (s.release or "", s.begin if s.begin is not None else -1, s.iri))
            for fact, spans in sorted(found.items())}


def _spans_in(source: SelectSource, context: str) -> list[Span]:
    """Every span that indexes the text ``context``, in text order."""
    rows = source.select(f"SELECT DISTINCT ?span ?begin ?end ?words WHERE {{ ?span <{_NIF}referenceContext> {ox.NamedNode(context)} ; "
                         f"<{_NIF}beginIndex> ?begin ; <{_NIF}endIndex> ?end OPTIONAL {{ ?span <{_NIF}anchorOf> ?words }} }}").rows
    spans = {Span(str(_value(r["span"])), None, context, _integer(r["begin"]), _integer(r["end"]), _value(r["words"]))
             for r in rows}
    return sorted(spans, key=lambda s: (s.begin or 0, s.end or 0, s.iri))


def _labels(source: SelectSource, iris: set[str]) -> dict[str, dict[str, str]]:
    """Each IRI's label per language: from the first of :data:`LABEL_PROPERTIES` that has one, the least
    label of it where there are several (an alternative spelling stays in the facts)."""
    properties = " ".join(f"<{p}>" for p in LABEL_PROPERTIES)
    rows = source.select(f"SELECT DISTINCT ?i ?p ?l WHERE {{ VALUES ?i {{ {_values(iris)} }} "
                         f"VALUES ?p {{ {properties} }} ?i ?p ?l FILTER(isLiteral(?l)) }}").rows
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for row in rows:
        label = row["l"]
        assert isinstance(label, ox.Literal)
        key = (str(_value(row["i"])), label.language or "")
        rank = (LABEL_PROPERTIES.index(str(_value(row["p"]))), label.value)
        if key not in best or rank < best[key]:
            best[key] = rank
    labels: dict[str, dict[str, str]] = {}
    for (iri, language), (_, text) in sorted(best.items()):
        labels.setdefault(iri, {})[language] = text
    return labels
