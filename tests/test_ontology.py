"""The vocabulary a newcomer reads: every term labelled and explained in English and Russian,
aligned to a standard term, and every concept in exactly one scheme."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from migkg.mapping.namespaces import KIND, MIG, QUALIFIER, REGION, ROLE, TOPIC
from migkg.schema.vocabulary import ONTOLOGY_FILES

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    graph = Graph()
    for name in ONTOLOGY_FILES:
        graph.parse(ONTOLOGY / name)
    return graph


def _languages(graph: Graph, node: URIRef, predicate: URIRef) -> set[str]:
    return {o.language for o in graph.objects(node, predicate) if getattr(o, "language", None)}


def test_every_term_has_label_and_comment_in_english_and_russian(vocabulary):
    terms = {s for s in vocabulary.subjects(RDF.type, None) if str(s).startswith(str(MIG))}
    assert len(terms) > 40
    for term in terms:
        assert _languages(vocabulary, term, RDFS.label) >= {"en", "ru"}, term
        assert _languages(vocabulary, term, RDFS.comment) >= {"en", "ru"}, term
        assert (term, RDFS.isDefinedBy, URIRef("https://w3id.org/migkg/ontology")) in vocabulary, term


def test_every_class_of_ours_is_aligned_to_a_standard_class(vocabulary):
    for cls in vocabulary.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(str(MIG)):
            parents = set(vocabulary.transitive_objects(cls, RDFS.subClassOf)) - {cls}
            assert any(not str(p).startswith(str(MIG)) for p in parents), f"{cls} is not aligned"


@pytest.mark.parametrize("namespace, scheme", [(ROLE, ROLE.scheme), (TOPIC, TOPIC.scheme), (KIND, KIND.scheme),
                                               (REGION, REGION.scheme), (QUALIFIER, QUALIFIER.scheme)])
def test_every_concept_is_labelled_defined_and_in_its_scheme(vocabulary, namespace, scheme):
    concepts = [c for c in vocabulary.subjects(RDF.type, SKOS.Concept) if str(c).startswith(str(namespace))]
    assert concepts
    for concept in concepts:
        assert _languages(vocabulary, concept, SKOS.prefLabel) >= {"en", "ru"}, concept
        assert _languages(vocabulary, concept, SKOS.definition) >= {"en", "ru"}, concept
        assert list(vocabulary.objects(concept, SKOS.inScheme)) == [scheme], concept


def test_every_event_role_names_the_direct_edge_the_build_derives(vocabulary):
    event_roles = {"opener", "organiser", "funder", "supporter", "participant", "host", "speaker", "delegation-member",
                   "delegation-head", "meeting-chair", "event-observer"}
    for role in event_roles:
        shortcut = vocabulary.value(ROLE[role], MIG.shortcutProperty)
        assert shortcut is not None, role
        assert (shortcut, RDF.type, OWL.ObjectProperty) in vocabulary or not str(shortcut).startswith(str(MIG))


def test_every_ontology_file_is_loaded_as_the_vocabulary():
    assert sorted(ONTOLOGY_FILES) == sorted(p.name for p in ONTOLOGY.glob("*.ttl") if p.name != "shapes.ttl")
