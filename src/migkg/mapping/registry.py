"""Map the registry to RDF: who the actors are, what they are called, how they nest, where they are.

Triples are tuples of pyoxigraph terms (see :mod:`migkg.mapping.release`); the helpers here make them.
A state's UN M49 sub-region comes from country_converter's table (:func:`migkg.mapping.un_subregions.un_subregions`), named by the
English names of the concepts of ``ontology/regions.ttl``, which the caller passes in (the vocabulary's
:attr:`~migkg.schema.vocabulary.Vocabulary.region_codes`).
"""
from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

from migkg.cards.models import Organisation, Place, Post, RegistryEntry, State
from migkg.cards.registry import Registry, iso_alpha2
from migkg.mapping.iris import Iris
from migkg.mapping.namespaces import FOAF, MIG, ORG, OWL, RDF, RDFS, REGION, ROLE, SDO, SKOS, WD
from migkg.mapping.terms import Triple, iri, literal
from migkg.mapping.un_subregions import un_subregions

GEONAMES = "https://sws.geonames.org/"

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


def map_registry(registry: Registry, iris: Iris, region_codes: Mapping[str, str]) -> list[Triple]:
    """The registry's triples. ``region_codes``: the M49 code of each region of ``ontology/regions.ttl`` by its
    English name; a state is put in the one country_converter names for it (none if it does not know the state)."""
    triples: dict[Triple, None] = {}
    regions = _state_regions(registry, region_codes)
    for entity_id in sorted(registry.entries):
        for triple in _map_entry(registry, iris, registry[entity_id], regions):
            triples[triple] = None
    return list(triples)


def _state_regions(registry: Registry, region_codes: Mapping[str, str]) -> dict[str, str]:
    """The M49 code of each state's sub-region (or intermediate region), for the states that have one."""
    states = [e.id for e in registry.entries.values() if isinstance(e, State)]
    if not states:
        return {}
    subregions = un_subregions()
    return {state: region_codes[subregions[state]] for state in states
            if state in subregions and subregions[state] in region_codes}


def _map_entry(registry: Registry, iris: Iris, entry: RegistryEntry, regions: Mapping[str, str]) -> list[Triple]:
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
        if entry.id in regions:
            out.append((node, iri(MIG.inRegion), iri(REGION[regions[entry.id]])))
    if isinstance(entry, Organisation) and entry.part_of:
        out.append((node, iri(ORG.subOrganizationOf), entity_iri(registry, iris, entry.part_of)))
    if isinstance(entry, Post):
        out.append((node, iri(ORG.postIn), entity_iri(registry, iris, entry.organisation)))
        if entry.position is not None:
            out.append((node, iri(ORG.role), iri(ROLE[entry.position])))
    if isinstance(entry, Place):
        if entry.state is not None:
            out.append((node, iri(SDO.containedInPlace), entity_iri(registry, iris, entry.state)))
        if entry.geonames is not None:
            out.append((node, iri(OWL.sameAs), iri(f"{GEONAMES}{entry.geonames}/")))
    return out
