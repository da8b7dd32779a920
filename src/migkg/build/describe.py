"""The VoID/DCAT description of a built dataset: what it holds, where it comes from, its files.

Everything here is computed from the data and the file contents, never from the clock,
so the description is as reproducible as the data. The statistics are exact: they are
summed from what each piece of the dataset (the vocabulary, the registry, each release)
says it holds (:class:`migkg.build.serialise.PieceStats`), first per dump part (:class:`PartStatistics`,
kept in the cache) and then over the parts, counting once what several pieces share; so they
cost no query over the whole dataset, and a rebuild recounts only the parts that changed.

The dataset is a ``void:Dataset`` and ``dcat:Dataset``; each dump part is a ``void:subset`` of
it (``dcterms:isPartOf`` back) with its files as ``dcat:Distribution``s (media type, size,
SHA-256); each release is a ``void:subset`` too, with the size of its graph; and so is the conflicts
graph (what the build warns about, as SHACL results: :mod:`migkg.validation.conflicts`).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Namespace

from migkg import __version__
from migkg.build.catalogue import Catalogue
from migkg.build.codec import storable
from migkg.build.dumps import BASE_PART, CONFLICTS_PART, UNDATED_PART, Written, part_order
from migkg.build.formats import FORMATS
from migkg.build.formats.terms import TextTriple, turtle_text_bytes
from migkg.build.serialise import PieceStats, prefixes
from migkg.mapping.iris import Iris
from migkg.mapping.namespaces import (
    DCAT,
    DCTERMS,
    FOAF,
    KIND,
    MIG,
    NIF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    ROLE,
    SDO,
    SKOS,
    SPDX,
    TOPIC,
    VOID,
    WD,
    XSD,
)
from migkg.mapping.terms import Triple

if TYPE_CHECKING:  # numpy is imported where the statistics are made: a tenth of a second of every command's start-up
    import numpy as np

LICENSE = "https://creativecommons.org/licenses/by/4.0/"
VOCABULARIES = (MIG, ROLE, TOPIC, KIND, ORG, PROV, SDO, FOAF, SKOS, DCTERMS, NIF, OWL)
ONTOLOGY = "https://w3id.org/migkg/ontology"
KEYWORDS = ("migration", "refugee protection", "regional consultative process", "Almaty Process")
#: the EU's authority tables (the Publications Office's controlled vocabularies, which DCAT-AP asks for)
EU_AUTHORITY = "http://publications.europa.eu/resource/authority"
ADMS_LICENCE_TYPE = "http://purl.org/adms/licencetype"
ADMS_PUBLISHER_TYPE = "http://purl.org/adms/publishertype"
#: EU data themes: SOCI population and society (migration), GOVE government and public sector (the actors),
#: INTR international issues (intergovernmental processes)
THEMES = (("SOCI", "Population and society"), ("GOVE", "Government and public sector"),
          ("INTR", "International issues"))
#: the languages of the texts and labels: Russian and English
LANGUAGES = (("RUS", "Russian"), ("ENG", "English"))
#: a file's extension -> its code and name in the EU's file-type table
FILE_TYPES = {"trig": ("RDF_TRIG", "RDF TriG"), "nq": ("RDF_N_QUADS", "RDF N-Quads"),
              "jsonld": ("JSON_LD", "JSON-LD"), "ttl": ("RDF_TURTLE", "RDF Turtle"),
              "nt": ("RDF_N_TRIPLES", "RDF N-Triples")}
_FORMAT_NAMES = {"trig": "TriG", "nq": "N-Quads", "jsonld": "JSON-LD", "ttl": "Turtle", "nt": "N-Triples"}
DCAT_VERSION = "http://www.w3.org/ns/dcat#version"  # DCAT 3's; rdflib's DCAT namespace is DCAT 2's
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
_DIGEST = 16


@storable
@dataclass(frozen=True)
class Coverage:
    """What a piece of the dataset covers, for the description: computed from its triples
    (:func:`coverage_of`) where the piece is built, kept in the cache with it, and joined (``|``) over a
    part's pieces and over the parts."""

    places: frozenset[str] = frozenset()             # IRIs of the states and places it names
    first: IssueDate | None = None                   # the earliest and the newest date of issue of its releases
    last: IssueDate | None = None
    links: frozenset[tuple[str, str]] = frozenset()  # (subject, object) of its owl:sameAs links to other datasets

    def __or__(self, other: Coverage) -> Coverage:
        firsts = [d for d in (self.first, other.first) if d is not None]
        lasts = [d for d in (self.last, other.last) if d is not None]
        return Coverage(self.places | other.places, min(firsts, key=_starts, default=None),
                        max(lasts, key=_ends, default=None), self.links | other.links)


#: a release's date of issue as the data gives it, with its precision: (lexical form, datatype IRI), the
#: datatype xsd:date, xsd:gYearMonth or xsd:gYear
IssueDate = tuple[str, str]
_YEAR, _YEAR_MONTH = str(XSD.gYear), str(XSD.gYearMonth)


def _starts(when: IssueDate) -> dt.date:
    """The first day a date of issue may be (its year's or month's first for a year or month)."""
    text, datatype = when
    if datatype == _YEAR:
        return dt.date(int(text), 1, 1)
    if datatype == _YEAR_MONTH:
        year, month = text.split("-")
        return dt.date(int(year), int(month), 1)
    return dt.date.fromisoformat(text)


def _ends(when: IssueDate) -> dt.date:
    """The last day a date of issue may be."""
    text, datatype = when
    if datatype == _YEAR:
        return dt.date(int(text), 12, 31)
    if datatype == _YEAR_MONTH:
        year, month = (int(part) for part in text.split("-"))
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date.fromisoformat(text)


@dataclass
class Statistics:
    triples: int
    subjects: int
    objects: int
    properties: int
    classes: dict[str, int]          # class IRI -> distinct instances, over all graphs
    release_triples: dict[str, int]  # release id -> triples of its own graph
    part_triples: dict[str, int] = field(default_factory=dict)  # dump part -> distinct triples in its files
    coverage: Coverage = field(default_factory=Coverage)                 # of the whole dataset
    part_coverage: dict[str, Coverage] = field(default_factory=dict)               # dump part -> its coverage


def _unique(blobs: list[bytes]) -> np.ndarray:
    """Digests (16 bytes each, concatenated) as a sorted array without repeats: sorted, then each kept where it
    differs from the one before (as ``np.unique`` does, whose first call on such records imports ``numpy.ma``,
    20 ms of a rebuild's start-up)."""
    import numpy as np

    digests = np.sort(np.frombuffer(b"".join(blobs), dtype=np.dtype(f"V{_DIGEST}")))
    if len(digests) < 2:
        return digests
    words = digests.view(">u8").reshape(len(digests), -1)
    keep = np.empty(len(digests), dtype=bool)
    keep[0] = True
    np.any(words[1:] != words[:-1], axis=1, out=keep[1:])
    return digests[keep]


@storable
@dataclass
class PartStatistics:
    """What one dump part (:mod:`migkg.build.dumps`) holds, for the statistics: counts of what its pieces own,
    and sorted digests of what other parts may hold too (counted once over all parts by :func:`merge`).
    Kept in the cache with the part, so a rebuild counts an unchanged part without reading its releases."""

    private_triples: int = 0
    private_subjects: int = 0
    private_objects: int = 0
    triples: np.ndarray = field(default_factory=lambda: _unique([]))
    subjects: np.ndarray = field(default_factory=lambda: _unique([]))
    objects: np.ndarray = field(default_factory=lambda: _unique([]))
    predicates: frozenset[str] = frozenset()
    private_classes: dict[str, int] = field(default_factory=dict)
    members: dict[str, np.ndarray] = field(default_factory=dict)   # class IRI -> digests of shared members
    release_triples: dict[str, int] = field(default_factory=dict)
    quads: int = 0
    graphs: int = 0
    coverage: Coverage = field(default_factory=Coverage)

    @property
    def distinct_triples(self) -> int:
        return self.private_triples + len(self.triples)


class PartStatisticsBuilder:
    """Adds up the :class:`PieceStats` of one part's pieces (the registry and vocabulary, or releases)."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.blobs: dict[str, list[bytes]] = {"triples": [], "subjects": [], "objects": []}
        self.predicates: set[str] = set()
        self.private_classes: Counter[str] = Counter()
        self.members: dict[str, list[bytes]] = {}
        self.release_triples: dict[str, int] = {}
        self.coverage = Coverage()

    def add(self, stats: PieceStats, release_id: str | None = None, coverage: Coverage | None = None) -> None:
        if coverage is not None:
            self.coverage = self.coverage | coverage
        self.counts.update(private_triples=stats.private_triples, private_subjects=stats.private_subjects,
                           private_objects=stats.private_objects, quads=stats.quads, graphs=stats.graphs)
        self.blobs["triples"].append(stats.shared_triples)
        self.blobs["subjects"].append(stats.shared_subjects)
        self.blobs["objects"].append(stats.shared_objects)
        self.predicates.update(stats.predicates)
        self.private_classes.update(stats.private_classes)
        members = stats.shared_class_members
        for i, cls in enumerate(stats.shared_classes):
            self.members.setdefault(cls, []).append(members[i * _DIGEST:(i + 1) * _DIGEST])
        if release_id is not None:
            self.release_triples[release_id] = stats.graph_triples

    def result(self) -> PartStatistics:
        return PartStatistics(self.counts["private_triples"], self.counts["private_subjects"],
                              self.counts["private_objects"], _unique(self.blobs["triples"]),
                              _unique(self.blobs["subjects"]), _unique(self.blobs["objects"]),
                              frozenset(self.predicates), dict(sorted(self.private_classes.items())),
                              {cls: _unique(blobs) for cls, blobs in sorted(self.members.items())},
                              dict(self.release_triples), self.counts["quads"], self.counts["graphs"], self.coverage)


def _distinct(arrays: list[np.ndarray]) -> int:
    """How many distinct digests the arrays hold together. Sorted as numbers by their first eight bytes (a sort
    of integers, several times faster than one of 16-byte records); only where two first halves are equal
    and the second halves differ (almost never) are the whole digests counted one by one."""
    import numpy as np

    if not arrays:
        return 0
    digests = np.concatenate(arrays)
    if len(digests) < 2:
        return len(digests)
    halves = digests.view(">u8").reshape(-1, 2)
    order = np.argsort(halves[:, 0], kind="stable")
    first, second = halves[order, 0], halves[order, 1]
    same_first = first[1:] == first[:-1]
    if np.any(same_first & (second[1:] != second[:-1])):
        return len(np.unique(digests))
    return int(len(digests) - np.count_nonzero(same_first))


def merge(parts: dict[str, PartStatistics]) -> Statistics:
    """The dataset's statistics from its parts': owned things summed, shared things counted once."""
    values = list(parts.values())
    classes: Counter[str] = Counter()
    for part in values:
        classes.update(part.private_classes)
    for cls in sorted({cls for part in values for cls in part.members}):
        classes[cls] += _distinct([part.members[cls] for part in values if cls in part.members])
    release_triples: dict[str, int] = {}
    coverage = Coverage()
    for part in values:
        release_triples.update(part.release_triples)
        coverage = coverage | part.coverage
    return Statistics(sum(p.private_triples for p in values) + _distinct([p.triples for p in values]),
                      sum(p.private_subjects for p in values) + _distinct([p.subjects for p in values]),
                      sum(p.private_objects for p in values) + _distinct([p.objects for p in values]),
                      len(set().union(*(p.predicates for p in values))), dict(sorted(classes.items())),
                      release_triples, {name: part.distinct_triples for name, part in parts.items()}, coverage,
                      {name: part.coverage for name, part in parts.items()})


def coverage_of(triples: Iterable[Triple], iris: Iris) -> Coverage:
    """What one piece covers (its release's, or the registry's triples): the states and places it names, the
    dates of issue of the releases it describes, and its owl:sameAs links to the datasets of :data:`LINK_TARGETS`."""
    spaces = (iris.namespace("state"), iris.namespace("place"))
    releases = iris.releases_prefix()
    issued, same_as = ox.NamedNode(str(DCTERMS.issued)), ox.NamedNode(str(OWL.sameAs))
    datatypes = {str(XSD.date), _YEAR_MONTH, _YEAR}
    # each distinct node once (a release names its nodes many times), and only the triples of the two predicates
    rows = list(triples)
    nodes: set[ox.NamedNode | ox.Literal] = {s for s, _p, _o in rows}
    nodes.update([o for _s, _p, o in rows])
    places = {term.value for term in nodes if isinstance(term, ox.NamedNode) and term.value.startswith(spaces)}
    dates: list[IssueDate] = []
    links: set[tuple[str, str]] = set()
    for s, p, o in [t for t in rows if t[1] == issued or t[1] == same_as]:
        if p == issued:
            if isinstance(o, ox.Literal) and s.value.startswith(releases) and o.datatype.value in datatypes:
                dates.append((o.value, o.datatype.value))
        elif isinstance(o, ox.NamedNode) and o.value.startswith(_LINK_SPACES):
            links.add((s.value, o.value))
    return Coverage(frozenset(places), min(dates, key=_starts, default=None), max(dates, key=_ends, default=None),
                    frozenset(links))


@dataclass(frozen=True)
class LinkTarget:
    """A dataset the data links to with owl:sameAs: a void:Linkset each."""

    key: str
    title: str
    homepage: str
    uri_space: str


LINK_TARGETS = (LinkTarget("wikidata", "Wikidata", "https://www.wikidata.org/", str(WD)),
                LinkTarget("geonames", "GeoNames", "https://www.geonames.org/", "https://sws.geonames.org/"))
_LINK_SPACES = tuple(target.uri_space for target in LINK_TARGETS)


def _n(value: str) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def _integer(value: int, datatype: str = XSD.integer) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n(datatype))


def _date(value: IssueDate) -> ox.Literal:
    return ox.Literal(value[0], datatype=_n(value[1]))


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


@dataclass
class Publication:
    """What the description says about where and by whom the dataset is published: the publisher's
    :class:`migkg.build.catalogue.Catalogue` settings with ``--download-base``, and the defaults."""

    catalogue: Catalogue = field(default_factory=Catalogue)
    download_base: str | None = None

    def files_url(self) -> str | None:
        base = self.download_base or (str(self.catalogue.download_base) if self.catalogue.download_base else None)
        return base.rstrip("/") + "/" if base else None


class Description:
    """The triples of the description, made once per build (:func:`describe`)."""

    def __init__(self, stats: Statistics, iris: Iris, publication: Publication):
        self.stats, self.iris, self.publication = stats, iris, publication
        self.catalogue = publication.catalogue
        self.triples: list[ox.Triple] = []
        self.ds = iris.dataset()
        self.landing = _n(str(self.catalogue.landing_page) if self.catalogue.landing_page else iris.base)
        self.files_url = publication.files_url()
        # where a distribution is reached: the folder of the files when known, else the landing page
        self.access = _n(self.files_url) if self.files_url else self.landing
        geonames = LINK_TARGETS[1].uri_space
        self.geonames = {s: o for s, o in sorted(stats.coverage.links) if o.startswith(geonames)}  # place -> GeoNames
        self.place_nodes: dict[str, ox.NamedNode] = {}  # a place's IRI in the data -> its node here

    def node(self, *path: str) -> ox.NamedNode:
        return _n(self.iris.base + "/".join(path))

    def add(self, s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        self.triples.append(ox.Triple(s, _n(p), o))

    def concept(self, iri: str, scheme: str, scheme_title: str, label: str, *types: str) -> ox.NamedNode:
        """A term of an EU (or ADMS) vocabulary, with what the DCAT-AP shapes want to see of it in the data."""
        node, scheme_node = _n(iri), _n(scheme)
        self.add(node, RDF.type, _n(SKOS.Concept))
        for cls in types:
            self.add(node, RDF.type, _n(cls))
        self.add(node, SKOS.prefLabel, _en(label))
        self.add(node, SKOS.inScheme, scheme_node)
        self.add(scheme_node, RDF.type, _n(SKOS.ConceptScheme))
        self.add(scheme_node, DCTERMS.title, _en(scheme_title))
        return node

    def standard(self, iri: str, title: str) -> ox.NamedNode:
        node = _n(iri)
        self.add(node, RDF.type, _n(DCTERMS.Standard))
        self.add(node, DCTERMS.title, _en(title))
        return node

    # ------------------------------------------------------------ who, where, under which terms
    def publisher(self) -> ox.NamedNode:
        settings = self.catalogue.publisher
        node = _n(str(settings.iri)) if settings.iri else self.node("publisher")
        self.add(node, RDF.type, _n(FOAF.Agent))
        self.add(node, FOAF.name, ox.Literal(settings.name))
        if settings.type:
            self.add(node, DCTERMS.type, self.concept(f"{ADMS_PUBLISHER_TYPE}/{settings.type}",
                                                      f"{ADMS_PUBLISHER_TYPE}/1.0", "ADMS publisher type", settings.type))
        if settings.homepage:
            self.add(node, FOAF.homepage, _n(str(settings.homepage)))
        return node

    def contact(self) -> ox.NamedNode:
        settings = self.catalogue.contact
        node = self.node("dataset", "contact")
        self.add(node, RDF.type, _n(VCARD.Kind))
        self.add(node, RDF.type, _n(VCARD.Organization))
        self.add(node, VCARD.fn, ox.Literal(settings.name or self.catalogue.publisher.name))
        if settings.email:
            self.add(node, VCARD.hasEmail, _n(f"mailto:{settings.email}"))
        self.add(node, VCARD.hasURL, _n(str(settings.url)) if settings.url else self.landing)
        return node

    def licence(self) -> ox.NamedNode:
        node = _n(LICENSE)
        self.add(node, RDF.type, _n(DCTERMS.LicenseDocument))
        self.add(node, RDFS.label, _en("Creative Commons Attribution 4.0 International (CC BY 4.0)"))
        self.add(node, DCTERMS.type, self.concept(f"{ADMS_LICENCE_TYPE}/Attribution", f"{ADMS_LICENCE_TYPE}/1.0",
                                                  "ADMS licence type", "Attribution"))
        return node

    def rights(self) -> ox.NamedNode:
        """The source texts (``nif:isString``) are their publishers' words, quoted verbatim as evidence."""
        node = self.node("dataset", "rights", "source-texts")
        self.add(node, RDF.type, _n(DCTERMS.RightsStatement))
        self.add(node, RDFS.label, _en("The source texts remain their publishers' words"))
        self.add(node, DCTERMS.description, _en(
            "Each release's full text (nif:isString of its nif:Context) and the quoted words of each piece of "
            "evidence (nif:anchorOf) are the words of the press release's publisher, reproduced verbatim and "
            "unchanged so that every fact can be checked against its source; the release names its publisher "
            "and where it was published. Those texts remain their publishers' work, under their publishers' "
            "terms: the licence of this dataset covers the structured description migkg made of them (the "
            "facts, identifiers, labels and offsets), not the quoted texts themselves."))
        self.add(node, DCTERMS.description, ox.Literal(
            "Полный текст каждого пресс-релиза (nif:isString) и цитаты-свидетельства (nif:anchorOf) — слова "
            "издателя пресс-релиза, воспроизведённые дословно, чтобы каждый факт можно было проверить по "
            "источнику. Эти тексты остаются произведениями их издателей; лицензия набора данных относится к "
            "структурированному описанию (фактам, идентификаторам, меткам и смещениям), а не к самим текстам.",
            language="ru"))
        return node

    def period(self, node: ox.NamedNode, coverage: Coverage) -> ox.NamedNode | None:
        if coverage.first is None or coverage.last is None:
            return None
        self.add(node, RDF.type, _n(DCTERMS.PeriodOfTime))
        self.add(node, DCAT.startDate, _date(coverage.first))
        self.add(node, DCAT.endDate, _date(coverage.last))
        return node

    def places(self, coverage: Coverage) -> list[ox.NamedNode]:
        """The states (as the EU's country authority names them, by their ISO 3166-1 alpha-3 code) and the
        places (by their GeoNames IRI where the registry gives one, else the dataset's own) that the data names;
        each place's own triples are added the first time it is named (the dataset and every part name it)."""
        return sorted({self._place(iri) for iri in coverage.places}, key=str)

    def _place(self, iri: str) -> ox.NamedNode:
        node = self.place_nodes.get(iri)
        if node is None:
            states = self.iris.namespace("state")
            if iri.startswith(states):
                node = _n(f"{EU_AUTHORITY}/country/{iri[len(states):]}")
                self.add(node, SKOS.inScheme, _n(f"{EU_AUTHORITY}/country"))
            else:
                node = _n(self.geonames.get(iri, iri))
            self.add(node, RDF.type, _n(DCTERMS.Location))
            self.place_nodes[iri] = node
        return node

    def media(self, dist: ox.NamedNode, media_type: str, extension: str) -> None:
        mt = _n(f"https://www.iana.org/assignments/media-types/{media_type}")
        self.add(dist, DCAT.mediaType, mt)
        self.add(mt, RDF.type, _n(DCTERMS.MediaType))
        if extension in FILE_TYPES:
            code, label = FILE_TYPES[extension]
            self.add(dist, DCTERMS.format, self.concept(f"{EU_AUTHORITY}/file-type/{code}",
                                                        f"{EU_AUTHORITY}/file-type", "File type", label,
                                                        DCTERMS.MediaTypeOrExtent))


def describe(stats: Statistics, iris: Iris, release_ids: list[str], distributions: list[Written],
             download_base: str | None = None, catalogue: Catalogue | None = None) -> list[ox.Triple]:
    """The description: a dcat:Catalog holding the dataset (a void:Dataset and dcat:Dataset) with its
    statistics, coverage, parts, files, links to other datasets and the terms it is published under; what it says
    of each release is made apart, as text (:func:`release_rows`)."""
    d = Description(stats, iris, Publication(catalogue or Catalogue(), download_base))
    ds, add = d.ds, d.add
    publisher, contact, licence, rights = d.publisher(), d.contact(), d.licence(), d.rights()
    issued, modified = _dates(d.catalogue, stats.coverage)
    themes = [d.concept(f"{EU_AUTHORITY}/data-theme/{code}", f"{EU_AUTHORITY}/data-theme", "Data theme", label)
              for code, label in THEMES]
    languages = [d.concept(f"{EU_AUTHORITY}/language/{code}", f"{EU_AUTHORITY}/language", "Language", label,
                           DCTERMS.LinguisticSystem) for code, label in LANGUAGES]
    spatial = d.places(stats.coverage)
    add(d.landing, RDF.type, _n(FOAF.Document))

    catalog = d.node("catalog")
    add(catalog, RDF.type, _n(DCAT.Catalog))
    add(catalog, DCTERMS.title, _en("migkg: a catalogue of the knowledge graph of regional migration dialogues"))
    add(catalog, DCTERMS.description, _en(
        "The catalogue of the migkg dataset: press releases on regional consultative processes on migration, "
        "as a validated, multilingual RDF knowledge graph where every fact points to the exact words of its source."))
    add(catalog, DCAT.dataset, ds)
    add(catalog, DCAT.themeTaxonomy, _n(f"{EU_AUTHORITY}/data-theme"))
    add(catalog, FOAF.homepage, d.landing)
    for node, predicate in ((publisher, DCTERMS.publisher), (licence, DCTERMS.license)):
        add(catalog, predicate, node)
    for language in languages:
        add(catalog, DCTERMS.language, language)
    for place in spatial:
        add(catalog, DCTERMS.spatial, place)

    add(ds, RDF.type, _n(VOID.Dataset))
    add(ds, RDF.type, _n(DCAT.Dataset))
    add(ds, DCTERMS.title, _en("migkg: actors of regional migration dialogues"))
    add(ds, DCTERMS.title, ox.Literal("migkg: участники региональных диалогов по миграции", language="ru"))
    add(ds, DCTERMS.description, _en(
        "States, officials, international organisations, regional consultative processes, events and "
        "statements, as reported by press releases; every fact points to the exact words of its source."))
    add(ds, DCTERMS.license, licence)
    add(ds, DCAT_VERSION, ox.Literal(__version__))
    add(ds, OWL.versionInfo, ox.Literal(__version__))
    add(ds, DCTERMS.conformsTo, d.standard(ONTOLOGY, "migkg ontology"))
    add(ds, DCAT.landingPage, d.landing)
    add(ds, DCTERMS.publisher, publisher)
    add(ds, DCAT.contactPoint, contact)
    add(ds, DCTERMS.accessRights, d.concept(f"{EU_AUTHORITY}/access-right/PUBLIC", f"{EU_AUTHORITY}/access-right",
                                            "Access right", "public", DCTERMS.RightsStatement))
    add(ds, DCTERMS.rights, rights)
    add(ds, VOID.uriSpace, ox.Literal(iris.base))
    for when, predicate in ((issued, DCTERMS.issued), (modified, DCTERMS.modified)):
        if when is not None:
            add(catalog, predicate, _date(when))
            add(ds, predicate, _date(when))
    for theme in themes:
        add(ds, DCAT.theme, theme)
    for language in languages:
        add(ds, DCTERMS.language, language)
    for place in spatial:
        add(ds, DCTERMS.spatial, place)
    period = d.period(d.node("dataset", "period"), stats.coverage)
    if period is not None:
        add(ds, DCTERMS.temporal, period)
    for kind in FORMATS:
        if kind.void_feature:
            add(ds, VOID.feature, _n(kind.void_feature))
    for vocabulary in VOCABULARIES:
        add(ds, VOID.vocabulary, _n(str(vocabulary)))
    for keyword in KEYWORDS:
        add(ds, DCAT.keyword, _en(keyword))
    add(ds, VOID.triples, _integer(stats.triples))
    add(ds, VOID.distinctSubjects, _integer(stats.subjects))
    add(ds, VOID.distinctObjects, _integer(stats.objects))
    add(ds, VOID.properties, _integer(stats.properties))
    add(ds, VOID.classes, _integer(len(stats.classes)))
    for class_iri, entities in stats.classes.items():
        partition = iris.class_partition(class_iri)
        add(ds, VOID.classPartition, partition)
        add(partition, VOID["class"], _n(class_iri))
        add(partition, VOID.entities, _integer(entities))
    _linksets(d, stats.coverage)
    triples = d.triples
    if CONFLICTS_PART in stats.part_triples:  # the conflicts graph: the only graph of its part
        subset = iris.conflicts_subset()
        add(ds, VOID.subset, subset)
        add(subset, RDF.type, _n(VOID.Dataset))
        add(subset, DCTERMS.title, _en("migkg: what the build warns about (conflicts), as SHACL results"))
        add(subset, DCTERMS.description, _en(
            "Each warning of the build as an sh:ValidationResult: a disagreement the data keeps rather than "
            "corrects (a count that differs from the list, two dates of one event, one event under two ids), "
            "with mig:statedIn naming the graph of each release that states its value."))
        add(subset, DCTERMS.conformsTo, _n("http://www.w3.org/ns/shacl#"))
        add(subset, SDO.url, iris.conflicts_graph())
        add(subset, VOID.triples, _integer(stats.part_triples[CONFLICTS_PART]))
    common = _Common(publisher, contact, licence, rights, themes, languages)
    if d.catalogue.sparql_endpoint:
        _service(d, catalog, str(d.catalogue.sparql_endpoint), common)
    dumps = {kind.extension for kind in FORMATS if kind.data_dump}
    for part in sorted({dist.part for dist in distributions}, key=part_order):
        node = iris.part_subset(part)
        add(ds, VOID.subset, node)
        add(ds, DCTERMS.hasPart, node)
        add(node, RDF.type, _n(VOID.Dataset))
        add(node, RDF.type, _n(DCAT.Dataset))
        add(node, DCTERMS.isPartOf, ds)
        add(node, DCTERMS.title, _en(_part_title(part)))
        add(node, DCTERMS.description, _en(_part_description(part)))
        add(node, VOID.triples, _integer(stats.part_triples[part]))
        common.describe(d, node)
        coverage = stats.part_coverage.get(part, Coverage())
        for place in d.places(coverage):
            add(node, DCTERMS.spatial, place)
        period = d.period(d.node("dataset", "part", part, "period"), coverage)
        if period is not None:
            add(node, DCTERMS.temporal, period)
        for dist in distributions:
            if dist.part == part:
                _distribution(d, node, dist, common)
                if d.files_url and dist.file_name.rsplit(".", 1)[-1] in dumps:
                    add(ds, VOID.dataDump, _n(d.files_url + dist.file_name))
    _whole_distributions(d, distributions, common)
    return triples


@dataclass
class _Common:
    """What the dataset and each of its parts (and files) share: who, under which terms, about what."""

    publisher: ox.NamedNode
    contact: ox.NamedNode
    licence: ox.NamedNode
    rights: ox.NamedNode
    themes: list[ox.NamedNode]
    languages: list[ox.NamedNode]

    def describe(self, d: Description, node: ox.NamedNode) -> None:
        d.add(node, DCTERMS.publisher, self.publisher)
        d.add(node, DCAT.contactPoint, self.contact)
        d.add(node, DCTERMS.license, self.licence)
        for theme in self.themes:
            d.add(node, DCAT.theme, theme)
        for language in self.languages:
            d.add(node, DCTERMS.language, language)
        for keyword in KEYWORDS:
            d.add(node, DCAT.keyword, _en(keyword))

    def terms(self, d: Description, dist: ox.NamedNode) -> None:
        """A file's (or a format's) terms: the licence, the rights in its quoted texts, where it is reached."""
        d.add(dist, DCTERMS.license, self.licence)
        d.add(dist, DCTERMS.rights, self.rights)
        d.add(dist, DCAT.accessURL, d.access)
        d.add(dist, DCATAP.availability, d.concept(f"{EU_AUTHORITY}/planned-availability/STABLE",
                                                   f"{EU_AUTHORITY}/planned-availability", "Planned availability",
                                                   "stable"))


def _dates(catalogue: Catalogue, coverage: Coverage) -> tuple[IssueDate | None, IssueDate | None]:
    """dct:issued and dct:modified: as the publisher set them, else the newest release's date of issue
    (the data is as of then; never the clock, so that two builds of the same data are the same bytes)."""
    date = str(XSD.date)
    issued = (catalogue.issued.isoformat(), date) if catalogue.issued else coverage.last
    modified = (catalogue.modified.isoformat(), date) if catalogue.modified else coverage.last
    return issued, modified


def _service(d: Description, catalog: ox.NamedNode, endpoint: str, common: _Common) -> None:
    """The SPARQL endpoint the publisher runs: void:sparqlEndpoint, and a dcat:DataService in the catalogue."""
    node = d.node("dataset", "sparql")
    d.add(d.ds, VOID.sparqlEndpoint, _n(endpoint))
    d.add(catalog, DCAT.service, node)
    d.add(node, RDF.type, _n(DCAT.DataService))
    d.add(node, DCTERMS.title, _en("migkg: SPARQL 1.1 endpoint"))
    d.add(node, DCAT.endpointURL, _n(endpoint))
    d.add(node, DCAT.servesDataset, d.ds)
    d.add(node, DCTERMS.conformsTo, d.standard("https://www.w3.org/TR/sparql11-protocol/", "SPARQL 1.1 Protocol"))
    common.describe(d, node)


def _linksets(d: Description, coverage: Coverage) -> None:
    """A void:Linkset per dataset the data links to (owl:sameAs), with how many links. (The target has no
    void:uriSpace: the description's one void:uriSpace is the dataset's, which is how a build's base is read.)"""
    for target in LINK_TARGETS:
        count = sum(1 for _s, o in coverage.links if o.startswith(target.uri_space))
        if not count:
            continue
        linkset, other = d.node("dataset", "links", target.key), d.node("dataset", "target", target.key)
        d.add(d.ds, VOID.subset, linkset)
        d.add(linkset, RDF.type, _n(VOID.Linkset))
        d.add(linkset, DCTERMS.title, _en(f"migkg: owl:sameAs links to {target.title}"))
        d.add(linkset, VOID.linkPredicate, _n(OWL.sameAs))
        d.add(linkset, VOID.subjectsTarget, d.ds)
        d.add(linkset, VOID.objectsTarget, other)
        d.add(linkset, VOID.triples, _integer(count))
        d.add(other, RDF.type, _n(VOID.Dataset))
        d.add(other, DCTERMS.title, _en(target.title))
        d.add(other, FOAF.homepage, _n(target.homepage))


def _part_title(part: str) -> str:
    if part == BASE_PART:
        return "migkg: the registry (states, organisations, persons, posts, places, processes) and the vocabulary"
    if part == UNDATED_PART:
        return "migkg: the releases whose id does not begin with a year"
    if part == CONFLICTS_PART:
        return "migkg: the conflicts graph (what the build warns about, as SHACL results)"
    return f"migkg: the releases of {part} (by the year their id begins with)"


def _part_description(part: str) -> str:
    if part == BASE_PART:
        return ("The actors all releases share, with their names in Russian and English, ISO 3166 codes and "
                "Wikidata ids (graph/registry), and the ontology and SKOS schemes (graph/vocabulary).")
    if part == CONFLICTS_PART:
        return "Every warning of the build, as an sh:ValidationResult in graph/conflicts."
    return ("One named graph per release (its text, its evidence spans and every fact it reports) and one of the "
            "edges derived from its facts.")


def _distribution(d: Description, part: ox.NamedNode, dist: Written, common: _Common) -> None:
    node = d.iris.distribution(dist.file_name)
    checksum = d.iris.checksum(dist.file_name)
    extension = dist.file_name.rsplit(".", 1)[-1]
    d.add(part, DCAT.distribution, node)
    d.add(node, RDF.type, _n(DCAT.Distribution))
    d.add(node, DCTERMS.title, ox.Literal(dist.file_name))
    d.add(node, DCTERMS.description, _en(f"{_FORMAT_NAMES.get(extension, extension)} file of this part"))
    d.media(node, dist.media_type, extension)
    d.add(node, DCAT.byteSize, _integer(dist.size, XSD.nonNegativeInteger))
    common.terms(d, node)
    if d.files_url:
        d.add(node, DCAT.downloadURL, _n(d.files_url + dist.file_name))
    d.add(node, SPDX.checksum, checksum)
    d.add(checksum, RDF.type, _n(SPDX.Checksum))
    d.add(checksum, SPDX.algorithm, _n(SPDX.checksumAlgorithm_sha256))
    d.add(_n(SPDX.checksumAlgorithm_sha256), RDF.type, _n(SPDX.ChecksumAlgorithm))
    d.add(checksum, SPDX.checksumValue, ox.Literal(dist.sha256, datatype=_n(XSD.hexBinary)))


def _whole_distributions(d: Description, distributions: list[Written], common: _Common) -> None:
    """The whole dataset in each format: all the parts' files of that format together."""
    by_extension: dict[str, list[Written]] = {}
    for dist in distributions:
        by_extension.setdefault(dist.file_name.rsplit(".", 1)[-1], []).append(dist)
    for extension, files in sorted(by_extension.items()):
        node = d.iris.distribution(extension)
        name = _FORMAT_NAMES.get(extension, extension)
        d.add(d.ds, DCAT.distribution, node)
        d.add(node, RDF.type, _n(DCAT.Distribution))
        d.add(node, DCTERMS.title, _en(f"migkg: the whole dataset as {name} (migkg-*.{extension})"))
        d.add(node, DCTERMS.description, _en(
            f"The {len(files)} {name} files of the dataset's parts ({', '.join(f.file_name for f in files)}): "
            "together they are the whole dataset; each part's distributions give each file's size and SHA-256."))
        d.media(node, files[0].media_type, extension)
        d.add(node, DCAT.byteSize, _integer(sum(f.size for f in files), XSD.nonNegativeInteger))
        common.terms(d, node)


def release_rows(stats: Statistics, iris: Iris, release_ids: list[str]) -> list[TextTriple]:
    """What the description says of each release, as N-Triples texts: the dataset's ``prov:hadPrimarySource``
    (not wasDerivedFrom: that is a fact's evidence, q11) and ``void:subset``, and the subset with the size of
    the release's graph. Six triples a release, the bulk of the description (60,000 of 82,000 at 10,000 releases):
    made as text from the IRIs' patterns, each predicate once, without a term or triple object each; returned as
    three runs, each sorted (the dataset's two kinds of row, then the subsets'), which a sort merges in one pass."""
    ds = str(iris.dataset())
    had, subset_of, a, void_dataset = (str(_n(term)) for term in (PROV.hadPrimarySource, VOID.subset, RDF.type,
                                                                   VOID.Dataset))
    source, url, size = str(_n(DCTERMS.source)), str(_n(SDO.url)), str(_n(VOID.triples))
    integer = f"\"^^{_n(XSD.integer)}"
    counts = stats.release_triples
    subset_of_id, release_of_id, graph_of_id = _patterns(iris, release_ids)
    releases = sorted((subset_of_id(rid), release_of_id(rid), graph_of_id(rid), rid) for rid in release_ids)
    rows: list[TextTriple] = sorted((ds, had, release) for _subset, release, _graph, _rid in releases)
    rows += [(ds, subset_of, subset) for subset, _release, _graph, _rid in releases]
    # a subset's four rows in the order of their predicates' texts (rdf:type, dct:source, schema:url, void:triples)
    order = sorted([(a, 0), (source, 1), (url, 2), (size, 3)])
    for subset, release, graph, rid in releases:
        objects = (void_dataset, release, graph, f'"{counts[rid]}{integer}')
        rows += [(subset, predicate, objects[i]) for predicate, i in order]
    return rows


def _patterns(iris: Iris, release_ids: list[str]) -> tuple[Callable[[str], str], ...]:
    """A release's subset, release and graph IRIs as N-Triples texts: cut from one IRI made of a stand-in id where
    every id is plain (as the card format wants them), else made by :class:`Iris` one by one."""
    makers = (iris.release_subset, iris.release, iris.release_graph)
    if not all(_PLAIN_ID.fullmatch(rid) for rid in release_ids):
        return tuple((lambda rid, make=make: str(make(rid))) for make in makers)
    cut = [str(make(_STAND_IN)).split(_STAND_IN) for make in makers]
    return tuple((lambda rid, before=before, after=after: f"{before}{rid}{after}") for before, after in cut)


_PLAIN_ID = re.compile(r"[A-Za-z0-9._~-]+")
_STAND_IN = "x0STANDIN0x"


def description_bytes(stats: Statistics, iris: Iris, release_ids: list[str], distributions: list[Written],
                      download_base: str | None = None, catalogue: Catalogue | None = None) -> bytes:
    """``void.ttl``: the description as Turtle, its triples sorted (as N-Triples texts: subject and predicate are
    IRIs, so sorting the three texts is sorting the triple's text)."""
    rows = sorted({(str(s), str(p), str(o)) for s, p, o in describe(stats, iris, release_ids, distributions,
                                                                     download_base, catalogue)})
    rows += release_rows(stats, iris, release_ids)
    rows.sort()  # sorted runs, merged in one pass
    distinct = [row for i, row in enumerate(rows) if i == 0 or row != rows[i - 1]]
    return turtle_text_bytes(distinct, prefixes(iris))  # no escaped local names: every loader reads it alike
