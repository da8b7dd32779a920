"""The prefixes of the published files and of query answers: the vocabularies' and one per kind of node.

A module of its own, apart from the serialiser and from rdflib's namespaces, so that a query's answer can
name them without loading the build or rdflib (the command line's start-up). The vocabularies' table is the
one declaration of their IRIs: :mod:`migkg.mapping.namespaces` makes its rdflib namespaces of ours from it
(tests/test_startup.py checks that rdflib's own, ORG, PROV..., agree with it).
"""
from __future__ import annotations

from migkg.mapping.iris import SEGMENT_OF_TYPE, Iris

#: the vocabularies' prefixes, bound in every serialisation, in this order
VOCABULARY_PREFIXES: dict[str, str] = {
    "mig": "https://w3id.org/migkg/ontology#",
    "role": "https://w3id.org/migkg/role/",
    "topic": "https://w3id.org/migkg/topic/",
    "kind": "https://w3id.org/migkg/kind/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "void": "http://rdfs.org/ns/void#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": "http://www.wikidata.org/entity/",
    "spdx": "http://spdx.org/rdf/terms#",
    "action": "https://w3id.org/migkg/action/",
    "qualifier": "https://w3id.org/migkg/qualifier/",
    "region": "https://w3id.org/migkg/region/",
    "time": "http://www.w3.org/2006/time#",
}

#: the namespace of the shapes themselves (ontology/shapes.ttl): the published results name their shapes in it
SHAPES_NAMESPACE = "https://w3id.org/migkg/shapes#"


def prefixes(iris: Iris) -> dict[str, str]:
    """The vocabularies' prefixes, then one per kind of node under the data's base (``state:``, ``event:``...)."""
    names = dict(VOCABULARY_PREFIXES)
    for segment in sorted(set(SEGMENT_OF_TYPE.values()) | {"event", "release", "document", "interval"}):
        names[segment] = iris.namespace(segment)
    return names
