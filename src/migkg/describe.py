"""The VoID/DCAT description of a built dataset: what it holds, where it comes from, its files.

Everything here is computed from the data and the file contents, never from the clock,
so the description is as reproducible as the data.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from . import __version__
from .iris import Iris
from .namespaces import DCAT, DCTERMS, FOAF, KIND, MIG, NIF, ORG, OWL, PROV, RDF, ROLE, SDO, SKOS, SPDX, TOPIC, VOID, XSD

LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
VOCABULARIES = (MIG, ROLE, TOPIC, KIND, ORG, PROV, SDO, FOAF, SKOS, DCTERMS, NIF, OWL)


@dataclass(frozen=True)
class Distribution:
    file_name: str
    media_type: str
    content: bytes


def describe(store: ox.Store, iris: Iris, release_ids: list[str], distributions: list[Distribution],
             download_base: str | None = None) -> Graph:
    graph = Graph()
    ds = iris.dataset()
    add = graph.add
    add((ds, RDF.type, VOID.Dataset))
    add((ds, RDF.type, DCAT.Dataset))
    add((ds, DCTERMS.title, Literal("migkg: actors of regional migration dialogues", lang="en")))
    add((ds, DCTERMS.title, Literal("migkg: участники региональных диалогов по миграции", lang="ru")))
    add((ds, DCTERMS.description, Literal(
        "States, officials, international organisations, regional consultative processes, events and "
        "statements, as reported by press releases; every fact points to the exact words of its source.",
        lang="en")))
    add((ds, DCTERMS.license, LICENSE))
    add((ds, DCTERMS.hasVersion, Literal(__version__)))
    add((ds, VOID.uriSpace, Literal(iris.base)))
    add((ds, VOID.feature, URIRef("http://www.w3.org/ns/formats/TriG")))
    for vocabulary in VOCABULARIES:
        add((ds, VOID.vocabulary, URIRef(str(vocabulary))))
    for keyword in ("migration", "refugee protection", "regional consultative process", "Almaty Process"):
        add((ds, DCAT.keyword, Literal(keyword, lang="en")))
    for release_id in release_ids:
        add((ds, DCTERMS.source, iris.release(release_id)))
    _statistics(graph, ds, store)
    for release_id in release_ids:
        subset = URIRef(f"{ds}/release/{release_id}")
        add((ds, VOID.subset, subset))
        add((subset, RDF.type, VOID.Dataset))
        add((subset, DCTERMS.source, iris.release(release_id)))
        named = iris.release_graph(release_id)
        add((subset, SDO.url, named))
        add((subset, VOID.triples, _count(store, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{named}> {{ ?s ?p ?o }} }}")))
    for dist in distributions:
        _distribution(graph, ds, iris, dist, download_base)
    return graph


def _count(store: ox.Store, query: str) -> Literal:
    row = next(iter(store.query(query)))
    return Literal(int(row[0].value), datatype=XSD.integer)


def _statistics(graph: Graph, ds: URIRef, store: ox.Store) -> None:
    union = "{ GRAPH ?g { ?s ?p ?o } }"
    graph.add((ds, VOID.triples, _count(store, f"SELECT (COUNT(*) AS ?n) {{ SELECT DISTINCT ?s ?p ?o {union} }}")))
    graph.add((ds, VOID.distinctSubjects, _count(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) {union}")))
    graph.add((ds, VOID.distinctObjects, _count(store, f"SELECT (COUNT(DISTINCT ?o) AS ?n) {union}")))
    graph.add((ds, VOID.properties, _count(store, f"SELECT (COUNT(DISTINCT ?p) AS ?n) {union}")))
    rows = store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s a ?c } } GROUP BY ?c ORDER BY ?c")
    classes = [(row[0].value, int(row[1].value)) for row in rows]
    graph.add((ds, VOID.classes, Literal(len(classes), datatype=XSD.integer)))
    for class_iri, entities in classes:
        partition = URIRef(f"{ds}/class/{hashlib.sha1(class_iri.encode()).hexdigest()[:12]}")
        graph.add((ds, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], URIRef(class_iri)))
        graph.add((partition, VOID.entities, Literal(entities, datatype=XSD.integer)))


def _distribution(graph: Graph, ds: URIRef, iris: Iris, dist: Distribution, download_base: str | None) -> None:
    node = iris.distribution(dist.file_name)
    checksum = URIRef(f"{node}/sha256")
    graph.add((ds, DCAT.distribution, node))
    graph.add((node, RDF.type, DCAT.Distribution))
    graph.add((node, DCTERMS.title, Literal(dist.file_name)))
    graph.add((node, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{dist.media_type}")))
    graph.add((node, DCAT.byteSize, Literal(len(dist.content), datatype=XSD.nonNegativeInteger)))
    graph.add((node, DCTERMS.license, LICENSE))
    if download_base:
        graph.add((node, DCAT.downloadURL, URIRef(download_base.rstrip("/") + "/" + dist.file_name)))
    graph.add((node, SPDX.checksum, checksum))
    graph.add((checksum, RDF.type, SPDX.Checksum))
    graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    graph.add((checksum, SPDX.checksumValue, Literal(hashlib.sha256(dist.content).hexdigest(),
                                                      datatype=XSD.hexBinary)))
