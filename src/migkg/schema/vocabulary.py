"""The controlled terms a card may use, read from the ontology files.

Roles, topics and statement kinds are SKOS concepts (``ontology/schemes.ttl``); event and
process kinds are classes (``ontology/migkg.ttl``). Cards name them by their local id
(``supporter``, ``access-to-asylum``, ``ministerial-conference``), so adding a concept to
a scheme is all it takes to allow it in cards. The types of post a registry post may give
(``minister``...) are the concepts under ``role:post-type``; the geographic regions of the
UN M49 standard are ``ontology/regions.ttl``, found by their English names when the registry
is mapped (a state's sub-region, :mod:`migkg.mapping.registry`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, SDO, SKOS

from migkg.mapping.namespaces import KIND, MIG, REGION, ROLE, TOPIC

ONTOLOGY_FILES = ("migkg.ttl", "schemes.ttl", "regions.ttl")


@dataclass(frozen=True)
class Vocabulary:
    graph: Graph
    roles: frozenset[str]
    topics: frozenset[str]
    kinds: frozenset[str]
    classes: frozenset[str]
    event_roles: frozenset[str]
    event_classes: frozenset[str]
    post_types: frozenset[str] = frozenset()   # the concepts under role:post-type: a registry post's `position`
    region_codes: dict[str, str] = field(default_factory=dict, hash=False)  # English name -> M49 code, for each region:scheme concept


def _local_ids(graph: Graph, namespace: str) -> frozenset[str]:
    return frozenset(str(c)[len(namespace):] for c in graph.subjects(RDF.type, SKOS.Concept)
                     if str(c).startswith(namespace))


def load_vocabulary(ontology_dir: Path) -> Vocabulary:
    graph = Graph()
    for name in ONTOLOGY_FILES:
        graph.parse(ontology_dir / name, format="turtle")
    classes = frozenset(str(c)[len(MIG):] for c in graph.subjects(RDF.type, OWL.Class)
                        if str(c).startswith(str(MIG)) and re.fullmatch(r"[A-Z]\w*", str(c)[len(MIG):]))
    event_roles = frozenset(str(c)[len(ROLE):] for c in graph.subjects(MIG.shortcutProperty, None)
                            if str(c).startswith(str(ROLE)))
    event_classes = frozenset(c for c in classes
                              if (MIG[c], RDFS.subClassOf * "*", SDO.Event) in graph)  # type: ignore[operator]
    post_types = frozenset(str(c)[len(ROLE):] for c in graph.subjects(SKOS.broader, ROLE["post-type"])
                           if str(c).startswith(str(ROLE)))
    return Vocabulary(graph, _local_ids(graph, str(ROLE)), _local_ids(graph, str(TOPIC)),
                      _local_ids(graph, str(KIND)), classes, event_roles, event_classes, post_types,
                      _region_codes(graph))


def _region_codes(graph: Graph) -> dict[str, str]:
    """Each concept of region:scheme by its English preferred label (as country_converter names the UN
    sub-regions): ``{"Central Asia": "143", ...}``."""
    codes: dict[str, str] = {}
    for concept in graph.subjects(SKOS.inScheme, REGION.scheme):
        code = str(concept)[len(REGION):]
        for label in graph.objects(concept, SKOS.prefLabel):
            if isinstance(label, Literal) and label.language == "en":
                codes[str(label)] = code
    return dict(sorted(codes.items()))
