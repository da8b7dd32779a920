"""The dataset description (build/void.ttl) as a data catalogue reads it: DCAT-AP 3.0.1, VoID, coverage.

The official DCAT-AP 3.0.1 SHACL shapes (tests/dcat-ap-3.0.1/, copied unchanged, CC BY 4.0) run with
pyshacl on the description of two real builds: the seed, and the multi-release domain corpus with the
publisher's settings (catalogue.yaml) and a download base. The coverage in space and time is checked
against what the written N-Quads hold, counted here independently of the build.
"""
from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, SH, SKOS, VOID, XSD

ROOT = Path(__file__).resolve().parent.parent
SHAPES = ROOT / "tests" / "dcat-ap-3.0.1"
DOMAIN = ROOT / "tests" / "fixtures" / "domain"
BASE = "https://w3id.org/migkg/"
DATASET = URIRef(BASE + "dataset")
CATALOG = URIRef(BASE + "catalog")
EU = "http://publications.europa.eu/resource/authority/"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
PROV = Namespace("http://www.w3.org/ns/prov#")
DOWNLOADS = "https://data.example.org/migkg/files/"
ENDPOINT = "https://data.example.org/migkg/sparql"

CATALOGUE_YAML = f"""\
publisher:
  name: Example Migration Data Lab
  iri: https://data.example.org/about#lab
  type: Academia-ScientificOrganisation
  homepage: https://data.example.org/
contact:
  name: Migration data desk
  email: desk@data.example.org
landing_page: https://data.example.org/migkg/
sparql_endpoint: {ENDPOINT}
"""

#: the recommended properties the description leaves out on purpose (docs/publishing.md says why):
#: (the class of the node, the property)
LEFT_OUT = {
    ("Location", DCAT.bbox), ("Location", DCAT.centroid),   # the registry has no coordinates
    ("conflicts", DCTERMS.spatial), ("conflicts", DCTERMS.temporal),  # warnings of the build, not of a place or time
    ("registry", DCTERMS.temporal),                          # the shared actors: no release, no date of issue
    ("sparql", DCAT.endpointDescription),                    # the endpoint's own service description, if any
}


def _shapes(*names: str) -> Graph:
    graph = Graph()
    for name in names:
        graph.parse(SHAPES / name, format="turtle")
    return graph


def _results(void: Path, *shape_files: str) -> list[tuple[str, URIRef, URIRef | None, str]]:
    """(severity, focus node, path, message) of each result of the shapes on the description."""
    _conforms, report, _text = pyshacl.validate(Graph().parse(void, format="turtle"), shacl_graph=_shapes(*shape_files),
                                                inference="none", allow_warnings=True)
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        out.append((severity, report.value(result, SH.focusNode), report.value(result, SH.resultPath),
                    str(report.value(result, SH.resultMessage))))
    return out


def _build(invoke_migkg: Callable, data: Path, out: Path, *options: str) -> Path:
    done = invoke_migkg("build", "--data", data, "--out", out, "--no-cache", *options)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def seed(invoke_migkg, tmp_path_factory) -> Path:
    return _build(invoke_migkg, ROOT / "data", tmp_path_factory.mktemp("seed") / "build")


@pytest.fixture(scope="module")
def domain_data(tmp_path_factory) -> Path:
    """The domain corpus (thirteen releases, 2013-2024) with a publisher's catalogue.yaml."""
    data = tmp_path_factory.mktemp("domain") / "data"
    shutil.copytree(DOMAIN / "registry", data / "registry")
    shutil.copytree(DOMAIN / "releases", data / "releases")
    (data / "catalogue.yaml").write_text(CATALOGUE_YAML, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def domain(invoke_migkg, domain_data, tmp_path_factory) -> Path:
    return _build(invoke_migkg, domain_data, tmp_path_factory.mktemp("domain-build") / "build",
                  "--download-base", DOWNLOADS)


def _void(out: Path) -> Graph:
    return Graph().parse(out / "void.ttl", format="turtle")


def _quads(out: Path, pattern: str = "migkg-*.nq") -> list[tuple[str, str, str]]:
    """The (subject, predicate, object) of every quad of the build's N-Quads files (as rdflib terms' text)."""
    from rdflib import Dataset

    triples = []
    for path in sorted(out.glob(pattern)):
        ds = Dataset()
        ds.parse(path, format="nquads")
        triples += [(s, p, o) for s, p, o, _g in ds.quads()]
    return triples


# --------------------------------------------------------------------------- DCAT-AP 3.0.1
@pytest.mark.parametrize("which", ["seed", "domain"])
def test_the_description_has_no_dcat_ap_violation(which, request):
    results = _results(request.getfixturevalue(which) / "void.ttl", "shapes.ttl", "range.ttl")
    assert [r for r in results if r[0] == "Violation"] == []


def _kind(void: Graph, node: URIRef) -> str:
    if (node, RDF.type, DCTERMS.Location) in void:
        return "Location"
    return str(node).rsplit("/", 1)[-1]


def test_the_recommended_properties_are_there_but_those_left_out_on_purpose(domain):
    """With the publisher's settings, the only recommended properties missing are the documented ones."""
    void = _void(domain)
    missing = {(_kind(void, focus), path) for _s, focus, path, _m in _results(domain / "void.ttl",
                                                                               "shapes_recommended.ttl")}
    assert missing == LEFT_OUT


def test_the_seed_lacks_only_the_publisher_type_besides(seed):
    """Without a catalogue.yaml the publisher's kind is unknown: its dct:type is the one more left out."""
    void = _void(seed)
    missing = {(_kind(void, focus), path) for _s, focus, path, _m in _results(seed / "void.ttl",
                                                                               "shapes_recommended.ttl")}
    assert missing == LEFT_OUT - {("sparql", DCAT.endpointDescription)} | {("publisher", DCTERMS.type)}


def test_the_eu_vocabularies_accept_themes_languages_formats_and_places(domain):
    """The EU controlled vocabularies' shapes find no fault with the themes, languages, file types,
    availability, access rights or places. Two of their checks fail by design: the checksum algorithm is
    SPDX's own IRI (http://spdx.org/rdf/terms#, as DCAT-AP's specification writes it; the shape's pattern
    wants https), and the publisher is not an EU body (the shape wants the EU's corporate-body table)."""
    results = _results(domain / "void.ttl", "mdr-vocabularies.shape.ttl")
    publisher = URIRef("https://data.example.org/about#lab")
    algorithm = URIRef("http://spdx.org/rdf/terms#checksumAlgorithm_sha256")
    others = [r for r in results if r[1] not in (publisher, algorithm) and r[2] != DCTERMS.publisher
              and not str(r[1]).endswith("/sha256")]
    assert others == []
    assert {r[1] for r in results if r[0] == "Violation"} >= {algorithm}  # the checks above did run


# --------------------------------------------------------------------------- what it says
def test_a_catalog_holds_the_dataset_with_its_publisher_and_contact(domain):
    void = _void(domain)
    assert (CATALOG, RDF.type, DCAT.Catalog) in void and (CATALOG, DCAT.dataset, DATASET) in void
    lab = URIRef("https://data.example.org/about#lab")
    for node in (CATALOG, DATASET):
        assert (node, DCTERMS.publisher, lab) in void
    assert (lab, RDF.type, FOAF.Agent) in void and str(void.value(lab, FOAF.name)) == "Example Migration Data Lab"
    assert (lab, DCTERMS.type, URIRef("http://purl.org/adms/publishertype/Academia-ScientificOrganisation")) in void
    contact = void.value(DATASET, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Kind) in void and str(void.value(contact, VCARD.fn)) == "Migration data desk"
    assert (contact, VCARD.hasEmail, URIRef("mailto:desk@data.example.org")) in void
    landing = URIRef("https://data.example.org/migkg/")
    assert (DATASET, DCAT.landingPage, landing) in void and (CATALOG, FOAF.homepage, landing) in void
    assert (DATASET, VOID.sparqlEndpoint, URIRef(ENDPOINT)) in void
    service = void.value(CATALOG, DCAT.service)
    assert (service, DCAT.endpointURL, URIRef(ENDPOINT)) in void and (service, DCAT.servesDataset, DATASET) in void
    assert set(void.objects(DATASET, DCAT.theme)) == {URIRef(f"{EU}data-theme/{c}") for c in ("SOCI", "GOVE", "INTR")}
    assert set(void.objects(DATASET, DCTERMS.language)) == {URIRef(f"{EU}language/{c}") for c in ("RUS", "ENG")}
    assert str(void.value(DATASET, URIRef(str(DCAT) + "version"))) == str(void.value(DATASET, OWL.versionInfo)) == "0.1.0"
    assert void.value(DATASET, DCTERMS.hasVersion) is None


def test_every_distribution_can_be_reached_and_says_its_terms(domain):
    void = _void(domain)
    licence, rights = void.value(DATASET, DCTERMS.license), void.value(DATASET, DCTERMS.rights)
    assert (licence, RDF.type, DCTERMS.LicenseDocument) in void
    assert (rights, RDF.type, DCTERMS.RightsStatement) in void
    assert "verbatim" in str(void.value(rights, DCTERMS.description))
    distributions = set(void.subjects(RDF.type, DCAT.Distribution))
    files = sorted(p.name for p in domain.iterdir() if p.name.startswith("migkg-"))
    assert len(distributions) == len(files) + 5  # each file, and the whole dataset in each of the five formats
    for dist in distributions:
        assert (dist, DCTERMS.license, licence) in void and (dist, DCTERMS.rights, rights) in void
        assert (dist, DCAT.accessURL, URIRef(DOWNLOADS)) in void
        assert void.value(dist, DCTERMS.format) is not None and void.value(dist, DCAT.mediaType) is not None
    downloads = {str(o) for o in void.objects(None, DCAT.downloadURL)}
    assert downloads == {DOWNLOADS + name for name in files}
    dumps = {str(o) for o in void.objects(DATASET, VOID.dataDump)}
    assert dumps == {DOWNLOADS + name for name in files if name.endswith(".nq")}
    whole = {void.value(d, DCTERMS.format) for d in void.objects(DATASET, DCAT.distribution)}
    assert whole == {URIRef(f"{EU}file-type/{c}") for c in ("RDF_TRIG", "RDF_N_QUADS", "JSON_LD", "RDF_TURTLE",
                                                            "RDF_N_TRIPLES")}


def test_without_a_download_base_the_files_are_reached_through_the_base_iri(seed):
    void = _void(seed)
    for dist in void.subjects(RDF.type, DCAT.Distribution):
        assert (dist, DCAT.accessURL, URIRef(BASE)) in void
    assert list(void.objects(None, DCAT.downloadURL)) == [] and list(void.objects(None, VOID.dataDump)) == []
    assert list(void.objects(DATASET, VOID.sparqlEndpoint)) == []  # not known without catalogue.yaml


def _expected_places(triples: list[tuple[str, str, str]], registry: list[tuple[str, str, str]]) -> set[URIRef]:
    """The states and places the triples name, as the description should give them: a state by the EU's
    country table (its ISO 3166-1 alpha-3 code), a place by its GeoNames IRI where the registry has one."""
    geonames = {str(s): o for s, p, o in registry if p == OWL.sameAs and str(o).startswith("https://sws.geonames.org/")}
    out: set[URIRef] = set()
    for s, _p, o in triples:
        for term in (s, o):
            text = str(term)
            if isinstance(term, URIRef) and text.startswith(BASE + "state/"):
                out.add(URIRef(EU + "country/" + text[len(BASE + "state/"):]))
            elif isinstance(term, URIRef) and text.startswith(BASE + "place/"):
                out.add(URIRef(geonames.get(text, text)))
    return out


@pytest.mark.parametrize("which", ["seed", "domain"])
def test_the_spatial_coverage_is_the_states_and_places_the_data_names(which, request):
    out = request.getfixturevalue(which)
    void = _void(out)
    registry = _quads(out, "migkg-registry.nq")
    assert set(void.objects(DATASET, DCTERMS.spatial)) == _expected_places(_quads(out), registry)
    assert set(void.objects(CATALOG, DCTERMS.spatial)) == set(void.objects(DATASET, DCTERMS.spatial))
    for path in out.glob("migkg-[0-9]*.nq"):
        part = URIRef(f"{BASE}dataset/part/{path.stem.removeprefix('migkg-')}")
        assert set(void.objects(part, DCTERMS.spatial)) == _expected_places(_quads(out, path.name), registry), part


def _span(triples: list[tuple[str, str, str]]) -> tuple[Literal, Literal]:
    """The earliest and the newest of the releases' dates of issue, each as the data gives it (a day, month or year)."""
    def bounds(value: Literal) -> tuple[dt.date, dt.date]:
        text = str(value)
        if value.datatype == XSD.gYear:
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
        if value.datatype == XSD.gYearMonth:
            year, month = map(int, text.split("-"))
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return dt.date(year, month, 1), following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(text)
        return day, day
    dates = [o for s, p, o in triples if p == DCTERMS.issued and str(s).startswith(BASE + "release/")]
    return min(dates, key=lambda d: bounds(d)[0]), max(dates, key=lambda d: bounds(d)[1])


def test_the_temporal_coverage_is_the_span_of_the_releases_dates_of_issue(domain):
    void = _void(domain)
    period = void.value(DATASET, DCTERMS.temporal)
    start, end = _span(_quads(domain))
    assert (void.value(period, DCAT.startDate), void.value(period, DCAT.endDate)) == (start, end)
    assert (start, end) == (Literal("2013-06-05", datatype=XSD.date), Literal("2024-03-21", datatype=XSD.date))
    for path in domain.glob("migkg-[0-9]*.nq"):
        part = URIRef(f"{BASE}dataset/part/{path.stem.removeprefix('migkg-')}")
        period = void.value(part, DCTERMS.temporal)
        assert (void.value(period, DCAT.startDate), void.value(period, DCAT.endDate)) == _span(_quads(domain, path.name))
    year_only = void.value(URIRef(BASE + "dataset/part/2014"), DCTERMS.temporal)
    assert void.value(year_only, DCAT.startDate) == Literal("2014", datatype=XSD.gYear)  # the precision the card gives


def test_issued_and_modified_come_from_the_data_not_the_clock(seed, domain):
    """Without settings, both are the newest release's date of issue."""
    for out, newest in ((seed, "2013-06-05"), (domain, "2024-03-21")):
        void = _void(out)
        for node in (CATALOG, DATASET):
            assert void.value(node, DCTERMS.issued) == Literal(newest, datatype=XSD.date)
            assert void.value(node, DCTERMS.modified) == Literal(newest, datatype=XSD.date)


def test_a_linkset_counts_the_links_to_wikidata(domain):
    void = _void(domain)
    links = {(s, o) for s, p, o in _quads(domain) if p == OWL.sameAs and str(o).startswith("http://www.wikidata.org/")}
    linkset = URIRef(BASE + "dataset/links/wikidata")
    assert (linkset, RDF.type, VOID.Linkset) in void and (DATASET, VOID.subset, linkset) in void
    assert (linkset, VOID.linkPredicate, OWL.sameAs) in void
    assert int(void.value(linkset, VOID.triples)) == len(links) > 10
    assert (void.value(linkset, VOID.objectsTarget), FOAF.homepage, URIRef("https://www.wikidata.org/")) in void


def test_the_releases_are_sources_the_dataset_is_derived_from(domain):
    void = _void(domain)
    releases = {URIRef(f"{BASE}release/{p.name}") for p in (DOMAIN / "releases").iterdir()}
    assert set(void.objects(DATASET, PROV.hadPrimarySource)) == releases
    theme = URIRef(f"{EU}data-theme/SOCI")
    assert (theme, SKOS.inScheme, URIRef(f"{EU}data-theme")) in void


# --------------------------------------------------------------------------- deterministic, and bad settings
def test_two_builds_write_the_same_bytes(invoke_migkg, seed, tmp_path):
    again = _build(invoke_migkg, ROOT / "data", tmp_path / "build")
    assert (again / "void.ttl").read_bytes() == (seed / "void.ttl").read_bytes()


def test_a_bad_catalogue_yaml_names_its_field_and_writes_nothing(invoke_migkg, domain_data, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(domain_data, data)
    (data / "catalogue.yaml").write_text("publisher:\n  name: Lab\ncontact:\n  email: not-an-address\n",
                                         encoding="utf-8")
    done = invoke_migkg("build", "--data", data, "--out", tmp_path / "build", "--no-cache")
    assert done.returncode == 2, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "catalogue.yaml:4: contact.email" in errors[0], done.stderr
    assert not (tmp_path / "build").exists()
