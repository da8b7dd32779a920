"""docs/card-format.md, section 5, names every concept a card may give by id, and only those: the lists are read
from the page and compared with the schemes of ontology/schemes.ttl (a concept added to a scheme without its line in
the page, or a line left after its concept was removed, fails here)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

ROOT = Path(__file__).resolve().parent.parent
TOPIC_SCHEME = URIRef("https://w3id.org/migkg/topic/scheme")


@pytest.fixture(scope="module")
def section_5() -> str:
    page = (ROOT / "docs" / "card-format.md").read_text(encoding="utf-8")
    start = page.index("## 5. Allowed roles, kinds and topics")
    return page[start:page.index("\n## 6.", start)]


def notations(scheme: URIRef) -> set[str]:
    graph = Graph().parse(ROOT / "ontology" / "schemes.ttl", format="turtle")
    return {str(graph.value(concept, SKOS.notation)) for concept in graph.subjects(SKOS.inScheme, scheme)}


def test_the_topics_listed_are_the_topic_schemes_concepts(section_5):
    paragraph = section_5[section_5.index("**Topics**"):]
    paragraph = paragraph.split("\n\n", 1)[0]
    listed = set(re.findall(r"`([a-z][a-z-]*)`", paragraph.split(":", 1)[1])) - {"statements", "events"}
    assert listed == notations(TOPIC_SCHEME)


def test_the_event_roles_listed_are_the_roles_with_a_shortcut(section_5):
    """The event roles' table: one row per role with a mig:shortcutProperty, naming that property."""
    table = section_5[section_5.index("**Event roles**"):]
    table = table[:table.index("\n\n", table.index("|"))]
    listed = dict(re.findall(r"^\| `([a-z-]+)` \| `([a-zA-Z]+:[a-zA-Z]+)` \|", table, flags=re.MULTILINE))
    graph = Graph().parse(ROOT / "ontology" / "schemes.ttl", format="turtle")
    shortcut = URIRef("https://w3id.org/migkg/ontology#shortcutProperty")
    prefixes = {"https://schema.org/": "schema:", "https://w3id.org/migkg/ontology#": "mig:"}
    expected = {}
    for role, prop in graph.subject_objects(shortcut):
        base = next(b for b in prefixes if str(prop).startswith(b))
        expected[str(graph.value(role, SKOS.notation))] = prefixes[base] + str(prop)[len(base):]
    assert listed == expected
