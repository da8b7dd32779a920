"""The controlled terms a card may use, read from the ontology files.

Roles, topics and statement kinds are SKOS concepts (``ontology/schemes.ttl``); event and
process kinds are classes (``ontology/migkg.ttl``). Cards name them by their local id
(``supporter``, ``access-to-asylum``, ``ministerial-conference``), so adding a concept to
a scheme is all it takes to allow it in cards.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SDO, SKOS

from migkg.mapping.namespaces import ACTION, KIND, MIG, REGION, ROLE, TOPIC

ONTOLOGY_FILES = ("migkg.ttl", "schemes.ttl")


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
    document_classes = frozenset(c for c in classes if c != "OutcomeDocument"
                                 and (MIG[c], RDFS.subClassOf * "+", MIG.OutcomeDocument) in graph)  # type: ignore[operator]
    return Vocabulary(graph, _local_ids(graph, str(ROLE)), _local_ids(graph, str(TOPIC)),
                      _local_ids(graph, str(KIND)), classes, event_roles, event_classes, document_classes,
                      _narrower(graph, ROLE["process-position"]), _narrower(graph, ROLE["membership-status"]),
                      _local_ids(graph, str(ACTION)), _local_ids(graph, str(REGION)))


def _narrower(graph: Graph, broader: URIRef) -> frozenset[str]:
    """The local ids of the role concepts whose skos:broader is ``broader``."""
    return frozenset(str(c)[len(ROLE):] for c in graph.subjects(SKOS.broader, broader) if str(c).startswith(str(ROLE)))
