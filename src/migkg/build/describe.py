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

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyoxigraph as ox

from migkg import __version__
from migkg.build.codec import storable
from migkg.build.dumps import BASE_PART, CONFLICTS_PART, UNDATED_PART, Written, part_order
from migkg.build.formats import FORMATS
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
    ROLE,
    SDO,
    SKOS,
    SPDX,
    TOPIC,
    VOID,
    XSD,
)

LICENSE = "https://creativecommons.org/licenses/by/4.0/"
VOCABULARIES = (MIG, ROLE, TOPIC, KIND, ORG, PROV, SDO, FOAF, SKOS, DCTERMS, NIF, OWL)
_DIGEST = 16
_DIGEST_TYPE = np.dtype(f"V{_DIGEST}")
#: adds one triple of the description (subject, predicate IRI, object)
Add = Callable[[ox.NamedNode, str, ox.NamedNode | ox.Literal], None]


@dataclass
class Statistics:
    triples: int
    subjects: int
    objects: int
    properties: int
    classes: dict[str, int]          # class IRI -> distinct instances, over all graphs
    release_triples: dict[str, int]  # release id -> triples of its own graph
    part_triples: dict[str, int] = field(default_factory=dict)  # dump part -> distinct triples in its files


def _unique(blobs: list[bytes]) -> np.ndarray:
    """Digests (16 bytes each, concatenated) as a sorted array without repeats."""
    return np.unique(np.frombuffer(b"".join(blobs), dtype=_DIGEST_TYPE))


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

    def add(self, stats: PieceStats, release_id: str | None = None) -> None:
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
                              dict(self.release_triples), self.counts["quads"], self.counts["graphs"])


def _distinct(arrays: list[np.ndarray]) -> int:
    return len(np.unique(np.concatenate(arrays))) if arrays else 0


def merge(parts: dict[str, PartStatistics]) -> Statistics:
    """The dataset's statistics from its parts': owned things summed, shared things counted once."""
    values = list(parts.values())
    classes: Counter[str] = Counter()
    for part in values:
        classes.update(part.private_classes)
    for cls in sorted({cls for part in values for cls in part.members}):
        classes[cls] += _distinct([part.members[cls] for part in values if cls in part.members])
    release_triples: dict[str, int] = {}
    for part in values:
        release_triples.update(part.release_triples)
    return Statistics(sum(p.private_triples for p in values) + _distinct([p.triples for p in values]),
                      sum(p.private_subjects for p in values) + _distinct([p.subjects for p in values]),
                      sum(p.private_objects for p in values) + _distinct([p.objects for p in values]),
                      len(set().union(*(p.predicates for p in values))), dict(sorted(classes.items())),
                      release_triples, {name: part.distinct_triples for name, part in parts.items()})


def _n(value: str) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def _integer(value: int, datatype: str = XSD.integer) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n(datatype))


def describe(stats: Statistics, iris: Iris, release_ids: list[str], distributions: list[Written],
             download_base: str | None = None) -> list[ox.Triple]:
    ds = iris.dataset()
    triples: list[ox.Triple] = []

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        triples.append(ox.Triple(s, _n(p), o))

    add(ds, RDF.type, _n(VOID.Dataset))
    add(ds, RDF.type, _n(DCAT.Dataset))
    add(ds, DCTERMS.title, ox.Literal("migkg: actors of regional migration dialogues", language="en"))
    add(ds, DCTERMS.title, ox.Literal("migkg: участники региональных диалогов по миграции", language="ru"))
    add(ds, DCTERMS.description, ox.Literal(
        "States, officials, international organisations, regional consultative processes, events and "
        "statements, as reported by press releases; every fact points to the exact words of its source.",
        language="en"))
    add(ds, DCTERMS.license, _n(LICENSE))
    add(ds, DCTERMS.hasVersion, ox.Literal(__version__))
    add(ds, VOID.uriSpace, ox.Literal(iris.base))
    for kind in FORMATS:
        if kind.void_feature:
            add(ds, VOID.feature, _n(kind.void_feature))
    for vocabulary in VOCABULARIES:
        add(ds, VOID.vocabulary, _n(str(vocabulary)))
    for keyword in ("migration", "refugee protection", "regional consultative process", "Almaty Process"):
        add(ds, DCAT.keyword, ox.Literal(keyword, language="en"))
    for release_id in release_ids:
        add(ds, DCTERMS.source, iris.release(release_id))
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
    subset_of, a, void_dataset = _n(VOID.subset), _n(RDF.type), _n(VOID.Dataset)
    source, url, size, integer = _n(DCTERMS.source), _n(SDO.url), _n(VOID.triples), _n(XSD.integer)
    for release_id in release_ids:  # one subset per release; predicates made once, not per triple (50,000 at 10,000)
        subset = iris.release_subset(release_id)
        release = iris.release(release_id)
        triples += [ox.Triple(ds, subset_of, subset), ox.Triple(subset, a, void_dataset),
                    ox.Triple(subset, source, release),
                    ox.Triple(subset, url, iris.release_graph(release_id)),
                    ox.Triple(subset, size, ox.Literal(str(stats.release_triples[release_id]), datatype=integer))]
    if CONFLICTS_PART in stats.part_triples:  # the conflicts graph: the only graph of its part
        subset = iris.conflicts_subset()
        add(ds, VOID.subset, subset)
        add(subset, RDF.type, _n(VOID.Dataset))
        add(subset, DCTERMS.title, ox.Literal("migkg: what the build warns about (conflicts), as SHACL results",
                                              language="en"))
        add(subset, DCTERMS.description, ox.Literal(
            "Each warning of the build as an sh:ValidationResult: a disagreement the data keeps rather than "
            "corrects (a count that differs from the list, two dates of one event, one event under two ids), "
            "with mig:statedIn naming the graph of each release that states its value.", language="en"))
        add(subset, DCTERMS.conformsTo, _n("http://www.w3.org/ns/shacl#"))
        add(subset, SDO.url, iris.conflicts_graph())
        add(subset, VOID.triples, _integer(stats.part_triples[CONFLICTS_PART]))
    dumps = {kind.extension for kind in FORMATS if kind.data_dump}
    for part in sorted({dist.part for dist in distributions}, key=part_order):
        node = iris.part_subset(part)
        add(ds, VOID.subset, node)
        add(node, RDF.type, _n(VOID.Dataset))
        add(node, RDF.type, _n(DCAT.Dataset))
        add(node, DCTERMS.isPartOf, ds)
        add(node, DCTERMS.title, ox.Literal(_part_title(part), language="en"))
        add(node, VOID.triples, _integer(stats.part_triples[part]))
        for dist in distributions:
            if dist.part == part:
                _distribution(add, node, iris, dist, download_base)
                if download_base and dist.file_name.rsplit(".", 1)[-1] in dumps:
                    add(ds, VOID.dataDump, _n(_download_url(download_base, dist)))
    return triples


def _part_title(part: str) -> str:
    if part == BASE_PART:
        return "migkg: the registry (states, organisations, persons, posts, places, processes) and the vocabulary"
    if part == UNDATED_PART:
        return "migkg: the releases whose id does not begin with a year"
    if part == CONFLICTS_PART:
        return "migkg: the conflicts graph (what the build warns about, as SHACL results)"
    return f"migkg: the releases of {part} (by the year their id begins with)"


def _download_url(download_base: str, dist: Written) -> str:
    return download_base.rstrip("/") + "/" + dist.file_name


def _distribution(add: Add, ds: ox.NamedNode, iris: Iris, dist: Written, download_base: str | None) -> None:
    node = iris.distribution(dist.file_name)
    checksum = iris.checksum(dist.file_name)
    add(ds, DCAT.distribution, node)
    add(node, RDF.type, _n(DCAT.Distribution))
    add(node, DCTERMS.title, ox.Literal(dist.file_name))
    add(node, DCAT.mediaType, _n(f"https://www.iana.org/assignments/media-types/{dist.media_type}"))
    add(node, DCAT.byteSize, _integer(dist.size, XSD.nonNegativeInteger))
    add(node, DCTERMS.license, _n(LICENSE))
    if download_base:
        add(node, DCAT.downloadURL, _n(_download_url(download_base, dist)))
    add(node, SPDX.checksum, checksum)
    add(checksum, RDF.type, _n(SPDX.Checksum))
    add(checksum, SPDX.algorithm, _n(SPDX.checksumAlgorithm_sha256))
    add(checksum, SPDX.checksumValue, ox.Literal(dist.sha256, datatype=_n(XSD.hexBinary)))


def description_bytes(stats: Statistics, iris: Iris, release_ids: list[str], distributions: list[Written],
                      download_base: str | None = None) -> bytes:
    """``void.ttl``: the description as Turtle, its triples sorted."""
    triples = sorted(set(describe(stats, iris, release_ids, distributions, download_base)), key=str)
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes(iris))
    assert data is not None  # serialised to bytes, not to a file
    return data
