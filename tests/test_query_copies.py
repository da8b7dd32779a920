"""A triple that several releases state (an actor's label, a node's type, an officials group) counts once.

On 10,000 synthetic releases, "officials of CXR" has its label in 35 release graphs; Oxigraph's default graph
as the union of the graphs gives each copy, so q05's speaker columns held that label 35 x 35 times (one row per
copy of the English label and of the Russian one), and q17 joined every copy of a group node before its
DISTINCT. Here the seed's labels, types and group memberships (it has none yet) are copied into a second
graph, as another release would state them: q05 and q17 give the same rows as without the copies.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from migkg.queries.catalogue import load_catalogue
from migkg.queries.running import answer_embedded
from migkg.stores.opening import open_build

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
GROUP_OF = ox.NamedNode("https://w3id.org/migkg/ontology#groupOf")
COPIED = (RDF_TYPE, RDFS_LABEL, GROUP_OF)
CATALOGUE = load_catalogue()


@pytest.fixture(scope="module")
def stores(built_dir):
    """The seed's store as built, and one where a second graph repeats its labels, types and groups."""
    plain = open_build(built_dir).store
    copied = open_build(built_dir).store
    again = ox.NamedNode("urn:migkg:test:another-release")
    copies = [ox.Quad(q.subject, q.predicate, q.object, again) for predicate in COPIED
              for q in copied.quads_for_pattern(None, predicate, None, None) if q.graph_name != ox.DefaultGraph()]
    assert any(q.predicate == RDFS_LABEL for q in copies) and any(q.predicate == RDF_TYPE for q in copies)
    copied.extend(copies)
    return plain, copied


@pytest.mark.parametrize("name", ["q05", "q17"])
def test_labels_types_and_groups_stated_twice_count_once(stores, name):
    plain, copied = stores
    query = CATALOGUE.find(name)
    once, twice = answer_embedded(plain, query), answer_embedded(copied, query)
    assert once.rows, "the query answers something on the seed"
    assert twice == once
