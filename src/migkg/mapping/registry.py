"""Map the registry to RDF: who the actors are, what they are called, how they nest.

Triples are tuples of pyoxigraph terms (see :mod:`migkg.mapping.release`); the helpers here make them.
"""
from __future__ import annotations

import pyoxigraph as ox

from migkg.cards.models import Organisation, Post, RegistryEntry, State
from migkg.cards.registry import Registry, iso_alpha2
from migkg.mapping.iris import Iris
from migkg.mapping.namespaces import FOAF, MIG, ORG, OWL, RDF, RDFS, SDO, SKOS, WD
from migkg.mapping.terms import Triple, iri, literal

CLASS_OF_TYPE = {
    "state": MIG.State,
    "government": MIG.Government,
    "ministry": MIG.Ministry,
    "intergovernmental-organization": MIG.IntergovernmentalOrganization,
    "news-outlet": SDO.NewsMediaOrganization,
    "person": FOAF.Person,
    "post": ORG.Post,
    "city": SDO.City,
    "regional-consultative-process": MIG.RegionalConsultativeProcess,
}


def entity_iri(registry: Registry, iris: Iris, entity_id: str) -> ox.NamedNode:
    """The IRI of a registry entry, by its id."""
    return iris.entity(registry.type_of(entity_id), entity_id)


def map_registry(registry: Registry, iris: Iris) -> list[Triple]:
    triples: dict[Triple, None] = {}
    for entity_id in sorted(registry.entries):
        for triple in _map_entry(registry, iris, registry[entity_id]):
            triples[triple] = None
    return list(triples)


def _map_entry(registry: Registry, iris: Iris, entry: RegistryEntry) -> list[Triple]:
    node = entity_iri(registry, iris, entry.id)
    out: list[Triple] = [(node, iri(RDF.type), iri(CLASS_OF_TYPE[entry.type]))]
    for lang, label in entry.labels.items():
        out.append((node, iri(RDFS.label), literal(label, lang)))
    for lang, labels in entry.alt_labels.items():
        for label in labels:
            out.append((node, iri(SKOS.altLabel), literal(label, lang)))
    if entry.wikidata:
        out.append((node, iri(OWL.sameAs), iri(WD[entry.wikidata])))
    if isinstance(entry, State):
        out.append((node, iri(MIG.iso3166Alpha3), literal(entry.id)))
        out.append((node, iri(MIG.iso3166Alpha2), literal(iso_alpha2(entry))))
    if isinstance(entry, Organisation) and entry.part_of:
        out.append((node, iri(ORG.subOrganizationOf), entity_iri(registry, iris, entry.part_of)))
    if isinstance(entry, Post):
        out.append((node, iri(ORG.postIn), entity_iri(registry, iris, entry.organisation)))
    return out
