"""RDF namespaces and the vocabulary terms that the mapping writes.

The ontology namespaces are fixed (they name our vocabulary, published in
``ontology/``); only the IRIs of *data* (actors, releases, facts) hang under the
configurable base, see :mod:`migkg.mapping.iris`. Their prefixes, and the IRIs of ours, are declared once, as
text, in :data:`migkg.mapping.prefixes.VOCABULARY_PREFIXES`.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, VOID, XSD

from migkg.mapping.prefixes import VOCABULARY_PREFIXES

MIG = Namespace(VOCABULARY_PREFIXES["mig"])
ROLE = Namespace(VOCABULARY_PREFIXES["role"])
TOPIC = Namespace(VOCABULARY_PREFIXES["topic"])
KIND = Namespace(VOCABULARY_PREFIXES["kind"])
ACTION = Namespace(VOCABULARY_PREFIXES["action"])
QUALIFIER = Namespace(VOCABULARY_PREFIXES["qualifier"])
REGION = Namespace(VOCABULARY_PREFIXES["region"])
TIME = Namespace(VOCABULARY_PREFIXES["time"])
NIF = Namespace(VOCABULARY_PREFIXES["nif"])
WD = Namespace(VOCABULARY_PREFIXES["wd"])
ISO639 = Namespace("http://id.loc.gov/vocabulary/iso639-1/")
SPDX = Namespace(VOCABULARY_PREFIXES["spdx"])


def class_for_kind(kind_id: str) -> URIRef:
    """A card's kind id names an ontology class: ``ministerial-conference`` -> ``mig:MinisterialConference``."""
    return MIG["".join(part.capitalize() for part in kind_id.split("-"))]


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
    "PROV",
    "QUALIFIER",
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
