"""Derive the direct ("shortcut") edges from the qualified facts, by SPARQL CONSTRUCT rules.

The rules are files (``queries/derive/*.rq``) so that a reader sees, and any SPARQL store
can rerun, exactly how each direct edge follows from the facts behind it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .errors import InputError, Location


@dataclass(frozen=True)
class Rule:
    path: Path
    text: str


def load_rules(folder: Path) -> list[Rule]:
    rules = [Rule(p, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))]
    if not rules:
        raise InputError(Location(folder), "holds no derivation rules (*.rq).",
                         "restore queries/derive/ from the repository.")
    return rules


def derive(facts: Graph, vocabulary: Graph, rules: list[Rule]) -> Graph:
    """The union of every rule's CONSTRUCT over the facts of one release and the vocabulary."""
    source = Graph()
    for triple in facts:
        source.add(triple)
    for triple in vocabulary:
        source.add(triple)
    derived = Graph()
    for rule in rules:
        try:
            result = source.query(rule.text)
        except Exception as err:  # rdflib raises parser exceptions of several kinds
            raise InputError(Location(rule.path), f"is not a valid SPARQL CONSTRUCT rule: {err}.") from None
        for triple in result:
            derived.add(triple)
    return derived
