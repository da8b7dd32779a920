"""RDF namespaces and the vocabulary terms that the mapping writes.

The ontology namespaces are fixed (they name our vocabulary, published in
``ontology/``); only the IRIs of *data* (actors, releases, facts) hang under the
configurable base, see :mod:`migkg.mapping.iris`.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, VOID, XSD, DefinedNamespace

MIG = Namespace("https://w3id.org/migkg/ontology#")
ROLE = Namespace("https://w3id.org/migkg/role/")
TOPIC = Namespace("https://w3id.org/migkg/topic/")
KIND = Namespace("https://w3id.org/migkg/kind/")
ACTION = Namespace("https://w3id.org/migkg/action/")
REGION = Namespace("https://w3id.org/migkg/region/")
TIME = Namespace("http://www.w3.org/2006/time#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")
ISO639 = Namespace("http://id.loc.gov/vocabulary/iso639-1/")
SPDX = Namespace("http://spdx.org/rdf/terms#")


def class_for_kind(kind_id: str) -> URIRef:
    """A card's kind id names an ontology class: ``ministerial-conference`` -> ``mig:MinisterialConference``."""
    return MIG["".join(part.capitalize() for part in kind_id.split("-"))]


#: prefixes bound in every serialisation, in this order
PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "mig": MIG,
    "role": ROLE,
    "topic": TOPIC,
    "kind": KIND,
    "nif": NIF,
    "org": ORG,
    "prov": PROV,
    "schema": SDO,
    "foaf": FOAF,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "dcat": DCAT,
    "void": VOID,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "sh": SH,
    "wd": WD,
    "spdx": SPDX,
    "action": ACTION,
    "region": REGION,
    "time": TIME,
}

__all__ = [
    "ACTION",
    "DCAT",
    "DCTERMS",
    "FOAF",
    "ISO639",
    "KIND",
    "MIG",
    "NIF",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "REGION",
    "ROLE",
    "SDO",
    "SH",
    "SKOS",
    "SPDX",
    "TIME",
    "TOPIC",
    "VOID",
    "WD",
    "XSD",
    "class_for_kind",
]
