"""The VoID/DCAT description of a built dataset: what it holds, where it comes from, its files.

Everything here is computed from the data and the file contents, never from the clock,
so the description is as reproducible as the data. The statistics are exact: they are
summed from what each part of the dataset (the vocabulary, the registry, each release)
says it holds (:class:`migkg.outputs.PartStats`), counting once what several parts share,
so they cost no query over the whole dataset.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

import pyoxigraph as ox

from . import __version__
from .iris import Iris
from .namespaces import DCAT, DCTERMS, FOAF, KIND, MIG, NIF, ORG, OWL, PROV, RDF, ROLE, SDO, SKOS, SPDX, TOPIC, VOID, XSD
from .outputs import PartStats, Written, prefixes

LICENSE = "https://creativecommons.org/licenses/by/4.0/"
VOCABULARIES = (MIG, ROLE, TOPIC, KIND, ORG, PROV, SDO, FOAF, SKOS, DCTERMS, NIF, OWL)
_DIGEST = 16


@dataclass
class Statistics:
    triples: int
    subjects: int
    objects: int
    properties: int
    classes: dict[str, int]          # class IRI -> distinct instances, over all graphs
    release_triples: dict[str, int]  # release id -> triples of its own graph


def _digests(blob: bytes) -> list[bytes]:
    return [blob[i:i + _DIGEST] for i in range(0, len(blob), _DIGEST)]


@dataclass
class StatisticsBuilder:
    """Adds up :class:`PartStats`: counts for what one part owns, sets of digests for what parts share."""

    private_triples: int = 0
    private_subjects: int = 0
    private_objects: int = 0
    triples: set[bytes] = field(default_factory=set)
    subjects: set[bytes] = field(default_factory=set)
    objects: set[bytes] = field(default_factory=set)
    predicates: set[str] = field(default_factory=set)
    private_classes: Counter = field(default_factory=Counter)
    members: dict[str, set[bytes]] = field(default_factory=dict)
    release_triples: dict[str, int] = field(default_factory=dict)

    def add(self, stats: PartStats, release_id: str | None = None) -> None:
        self.private_triples += stats.private_triples
        self.private_subjects += stats.private_subjects
        self.private_objects += stats.private_objects
        self.triples.update(_digests(stats.shared_triples))
        self.subjects.update(_digests(stats.shared_subjects))
        self.objects.update(_digests(stats.shared_objects))
        self.predicates.update(stats.predicates)
        self.private_classes.update(stats.private_classes)
        for cls, member in zip(stats.shared_classes, _digests(stats.shared_class_members)):
            self.members.setdefault(cls, set()).add(member)
        if release_id is not None:
            self.release_triples[release_id] = stats.graph_triples

    def result(self) -> Statistics:
        classes = Counter(self.private_classes)
        for cls, members in self.members.items():
            classes[cls] += len(members)
        return Statistics(self.private_triples + len(self.triples), self.private_subjects + len(self.subjects),
                          self.private_objects + len(self.objects), len(self.predicates),
                          dict(sorted(classes.items())), self.release_triples)


def _n(value: str) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def _integer(value: int, datatype=XSD.integer) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n(datatype))


def describe(stats: Statistics, iris: Iris, release_ids: list[str], distributions: list[Written],
             download_base: str | None = None) -> list[ox.Triple]:
    ds = _n(iris.dataset())
    triples: list[ox.Triple] = []

    def add(s, p, o) -> None:
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
    add(ds, VOID.feature, _n("http://www.w3.org/ns/formats/TriG"))
    for vocabulary in VOCABULARIES:
        add(ds, VOID.vocabulary, _n(vocabulary))
    for keyword in ("migration", "refugee protection", "regional consultative process", "Almaty Process"):
        add(ds, DCAT.keyword, ox.Literal(keyword, language="en"))
    for release_id in release_ids:
        add(ds, DCTERMS.source, _n(iris.release(release_id)))
    add(ds, VOID.triples, _integer(stats.triples))
    add(ds, VOID.distinctSubjects, _integer(stats.subjects))
    add(ds, VOID.distinctObjects, _integer(stats.objects))
    add(ds, VOID.properties, _integer(stats.properties))
    add(ds, VOID.classes, _integer(len(stats.classes)))
    for class_iri, entities in stats.classes.items():
        partition = _n(f"{ds.value}/class/{hashlib.sha1(class_iri.encode()).hexdigest()[:12]}")
        add(ds, VOID.classPartition, partition)
        add(partition, VOID["class"], _n(class_iri))
        add(partition, VOID.entities, _integer(entities))
    for release_id in release_ids:
        subset = _n(f"{ds.value}/release/{release_id}")
        add(ds, VOID.subset, subset)
        add(subset, RDF.type, _n(VOID.Dataset))
        add(subset, DCTERMS.source, _n(iris.release(release_id)))
        add(subset, SDO.url, _n(iris.release_graph(release_id)))
        add(subset, VOID.triples, _integer(stats.release_triples[release_id]))
    for dist in distributions:
        _distribution(add, ds, iris, dist, download_base)
    return triples


def _distribution(add, ds: ox.NamedNode, iris: Iris, dist: Written, download_base: str | None) -> None:
    node = _n(iris.distribution(dist.file_name))
    checksum = _n(f"{node.value}/sha256")
    add(ds, DCAT.distribution, node)
    add(node, RDF.type, _n(DCAT.Distribution))
    add(node, DCTERMS.title, ox.Literal(dist.file_name))
    add(node, DCAT.mediaType, _n(f"https://www.iana.org/assignments/media-types/{dist.media_type}"))
    add(node, DCAT.byteSize, _integer(dist.size, XSD.nonNegativeInteger))
    add(node, DCTERMS.license, _n(LICENSE))
    if download_base:
        add(node, DCAT.downloadURL, _n(download_base.rstrip("/") + "/" + dist.file_name))
    add(node, SPDX.checksum, checksum)
    add(checksum, RDF.type, _n(SPDX.Checksum))
    add(checksum, SPDX.algorithm, _n(SPDX.checksumAlgorithm_sha256))
    add(checksum, SPDX.checksumValue, ox.Literal(dist.sha256, datatype=_n(XSD.hexBinary)))


def description_bytes(stats: Statistics, iris: Iris, release_ids: list[str], distributions: list[Written],
                      download_base: str | None = None) -> bytes:
    """``void.ttl``: the description as Turtle, its triples sorted."""
    triples = sorted(set(describe(stats, iris, release_ids, distributions, download_base)),
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes(iris))
