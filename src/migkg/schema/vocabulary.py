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

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SDO, SKOS

from migkg.mapping.namespaces import ACTION, KIND, MIG, REGION, ROLE, TOPIC
from migkg.schema.turtle import turtle_graph

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
    document_classes: frozenset[str] = frozenset()
    positions: frozenset[str] = frozenset()
    """Positions in a process: the roles narrower than ``role:process-position`` (chair, co-chair...)."""
    statuses: frozenset[str] = frozenset()
    """Membership statuses: the roles narrower than ``role:membership-status`` (member, observer...)."""
    actions: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    """UN M49 region codes of ``region:scheme``."""
    post_types: frozenset[str] = frozenset()
    """Types of post, a registry post's ``position``: the roles narrower than ``role:post-type`` (minister...)."""
    region_codes: dict[str, str] = field(default_factory=dict, hash=False)
    """The M49 code of each concept of ``region:scheme`` by its English name (``{"Central Asia": "143"}``)."""



def _local_ids(graph: Graph, namespace: str) -> frozenset[str]:
    return frozenset(str(c)[len(namespace):] for c in graph.subjects(RDF.type, SKOS.Concept)
                     if str(c).startswith(namespace))


def load_vocabulary(ontology_dir: Path) -> Vocabulary:
    graph = turtle_graph(ontology_dir / name for name in ONTOLOGY_FILES)
    classes = frozenset(str(c)[len(MIG):] for c in graph.subjects(RDF.type, OWL.Class)
                        if str(c).startswith(str(MIG)) and re.fullmatch(r"[A-Z]\w*", str(c)[len(MIG):]))
    event_roles = frozenset(str(c)[len(ROLE):] for c in graph.subjects(MIG.shortcutProperty, None)
                            if str(c).startswith(str(ROLE)))
    event_classes = frozenset(c for c in classes
                              if (MIG[c], RDFS.subClassOf * "*", SDO.Event) in graph)  # type: ignore[operator]
    document_classes = frozenset(c for c in classes if c != "OutcomeDocument"
                                 and (MIG[c], RDFS.subClassOf * "+", MIG.OutcomeDocument) in graph)  # type: ignore[operator]
    return Vocabulary(graph, _local_ids(graph, str(ROLE)), _local_ids(graph, str(TOPIC)),
                      _local_ids(graph, str(KIND)), classes, event_roles, event_classes, document_classes,
                      _narrower(graph, ROLE["process-position"]), _narrower(graph, ROLE["membership-status"]),
                      _local_ids(graph, str(ACTION)), _local_ids(graph, str(REGION)),
                      _narrower(graph, ROLE["post-type"]), _region_codes(graph))


def _narrower(graph: Graph, broader: URIRef) -> frozenset[str]:
    """The local ids of the role concepts whose skos:broader is ``broader``."""
    return frozenset(str(c)[len(ROLE):] for c in graph.subjects(SKOS.broader, broader) if str(c).startswith(str(ROLE)))


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
