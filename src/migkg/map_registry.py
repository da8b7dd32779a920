"""Map the registry to RDF: who the actors are, what they are called, how they nest."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from .models import Organisation, Post, RegistryEntry, State
from .iris import Iris
from .namespaces import FOAF, MIG, ORG, OWL, RDF, RDFS, SDO, SKOS, WD
from .registry import Registry, iso_alpha2

CLASS_OF_TYPE = {
    "state": MIG.State,
    "government": MIG.Government,
    "ministry": MIG.Ministry,
    "intergovernmental-organization": MIG.IntergovernmentalOrganization,
    "person": FOAF.Person,
    "post": ORG.Post,
    "city": SDO.City,
    "regional-consultative-process": MIG.RegionalConsultativeProcess,
}


def entity_iri(registry: Registry, iris: Iris, entity_id: str) -> URIRef:
    return iris.entity(registry.type_of(entity_id), entity_id)


def map_registry(registry: Registry, iris: Iris) -> Graph:
    graph = Graph()
    for entity_id in sorted(registry.entries):
        _map_entry(graph, registry, iris, registry[entity_id])
    return graph


def _map_entry(graph: Graph, registry: Registry, iris: Iris, entry: RegistryEntry) -> None:
    node = entity_iri(registry, iris, entry.id)
    graph.add((node, RDF.type, CLASS_OF_TYPE[entry.type]))
    for lang, label in entry.labels.items():
        graph.add((node, RDFS.label, Literal(label, lang=lang)))
    for lang, labels in entry.alt_labels.items():
        for label in labels:
            graph.add((node, SKOS.altLabel, Literal(label, lang=lang)))
    if entry.wikidata:
        graph.add((node, OWL.sameAs, WD[entry.wikidata]))
    if isinstance(entry, State):
        graph.add((node, MIG.iso3166Alpha3, Literal(entry.id)))
        graph.add((node, MIG.iso3166Alpha2, Literal(iso_alpha2(entry))))
    if isinstance(entry, Organisation) and entry.part_of:
        graph.add((node, ORG.subOrganizationOf, entity_iri(registry, iris, entry.part_of)))
    if isinstance(entry, Post):
        graph.add((node, ORG.postIn, entity_iri(registry, iris, entry.organisation)))
