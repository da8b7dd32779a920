"""A count the text bounds or approximates ("more than 40 states", «не менее 12», "up to 20", «около 60»), the gap the
writers of every test half noted: ``claims[].qualifier``, written as ``mig:countQualifier`` (a concept of
``qualifier:scheme``) beside the number as stated. The check of a count against the agents its release lists reads
the bound: a list outside it is a Warning, one inside it none; an approximation bounds nothing. Built end to end on
copies of the seed, whose card counts 8 governments and lists 10 states."""
from __future__ import annotations

from typing import get_args

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, SKOS

from migkg.cards.models import Claim
from migkg.mapping.prefixes import VOCABULARY_PREFIXES
from migkg.schema.resources import ontology_dir
from tests.test_partial_counts_and_kinds import (
    CLAIM,
    COUNT_LINE,
    MIG,
    NOTE_LINE,
    SEED_CARD,
    built,
    count_warnings,
    edit,
    quads,
    refused,
)

QUALIFIER = VOCABULARY_PREFIXES["qualifier"]


@pytest.mark.parametrize(("count", "qualifier", "listed", "warned"), [
    (8, None, None, "8"),                        # the seed: counts 8, names 10
    (8, "more-than", None, None),                # "more than 8": 10 are more
    (8, "at-least", None, None),
    (8, "about", None, None),                    # an approximation bounds nothing
    (8, "fewer-than", None, "fewer than 8"),     # 10 are not fewer than 8
    (8, "up-to", None, "up to 8"),
    (10, "more-than", None, "more than 10"),     # 10 are not more than 10
    (10, "at-least", None, None),
    (10, "up-to", None, None),
    (11, "at-least", None, "at least 11"),       # 10 are not at least 11
    (12, "up-to", None, None),                   # 10 are up to 12
    (10, "fewer-than", None, "fewer than 10"),
    (11, "fewer-than", None, None),
    (12, "more-than", "some", None),             # names 10 of more than 12, and says so
    (9, "up-to", "some", "up to 9"),             # naming only some cannot make more than the bound
    (40, "about", None, None),
])
def test_a_qualified_count_is_checked_against_the_list_by_its_bound(seed_data, tmp_path, run_migkg, count, qualifier,
                                                                    listed, warned):
    card = seed_data / SEED_CARD
    edit(card, COUNT_LINE, f"    count: {count}\n" + (f"    qualifier: {qualifier}\n" if qualifier else "")
         + (f"    listed: {listed}\n" if listed else ""))
    edit(card, NOTE_LINE, "")
    done = built(run_migkg, seed_data, tmp_path / "build")
    warnings = count_warnings(done)
    assert len(warnings) == (1 if warned else 0), warnings
    if warned:
        assert f"states a count of {warned} but lists 10 distinct agents" in warnings[0]
    said = [q.object for q in quads(tmp_path / "build").quads_for_pattern(
        ox.NamedNode(CLAIM), ox.NamedNode(MIG + "countQualifier"), None)]
    assert said == ([ox.NamedNode(QUALIFIER + qualifier)] if qualifier else [])  # exact: nothing written
    numbers = [q.object.value for q in quads(tmp_path / "build").quads_for_pattern(
        ox.NamedNode(CLAIM), ox.NamedNode(MIG + "claimedCount"), None)]
    assert numbers == [str(count)]  # the number as the text states it, bound or not


@pytest.mark.parametrize(("old", "new", "named", "said"), [
    ("    duration: P60Y\n", "    duration: P60Y\n    qualifier: about\n", "claims[1]",
     "qualifier says how the text bounds a count's number"),
    (COUNT_LINE, COUNT_LINE + "    qualifier: over\n", "claims[0].qualifier", "'more-than'"),
    (COUNT_LINE, "    count: 0\n    qualifier: fewer-than\n", "claims[0]", "fewer than 0 is no count"),
])
def test_a_qualifier_that_cannot_hold_is_an_error_naming_the_field(seed_data, tmp_path, run_migkg, old, new, named,
                                                                   said):
    edit(seed_data / SEED_CARD, old, new)
    refused(run_migkg, seed_data, tmp_path / "build", named, said)


def test_the_qualifiers_are_a_published_concept_scheme(toolkit):
    """Each qualifier the card format takes is a SKOS concept of qualifier:scheme with Russian and English labels
    and definitions, named by its notation, and the shapes take exactly those."""
    schemes = Graph().parse(ontology_dir() / "schemes.ttl")
    concepts = set(schemes.subjects(SKOS.inScheme, URIRef(QUALIFIER + "scheme")))
    assert {str(c) for c in concepts} == {QUALIFIER + str(schemes.value(c, SKOS.notation)) for c in concepts}
    notations = {str(schemes.value(c, SKOS.notation)) for c in concepts}
    assert notations == set(get_args(Claim.model_fields["qualifier"].annotation)[0].__args__) == \
        {"more-than", "at-least", "fewer-than", "up-to", "about"}
    for concept in concepts:
        assert (concept, RDF.type, SKOS.Concept) in schemes
        for predicate in (SKOS.prefLabel, SKOS.definition):
            assert {label.language for label in schemes.objects(concept, predicate)} == {"en", "ru"}
    listed = toolkit.shapes.value(URIRef("https://w3id.org/migkg/shapes#CountClaim-qualifier"), SH["in"])
    assert set(Collection(toolkit.shapes, listed)) == concepts
