"""The ontology's metadata, and its documentation page (pyLODE) as a person sees it in headless Chromium."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, XSD
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from migkg import __version__

ROOT = Path(__file__).resolve().parent.parent
MIG = "https://w3id.org/migkg/ontology#"
#: classes and properties looked for on the page, with both their labels
TERMS = ("State", "Participation", "PressRelease", "Statement", "agent", "speaker", "attestedOn")


@pytest.mark.parametrize(("file", "iri"), [("migkg.ttl", "https://w3id.org/migkg/ontology"),
                                           ("shapes.ttl", "https://w3id.org/migkg/shapes")])
def test_the_ontology_states_its_version_creator_dates_and_licence(file, iri):
    graph = Graph().parse(ROOT / "ontology" / file, format="turtle")
    node = URIRef(iri)
    assert (node, RDF.type, OWL.Ontology) in graph
    assert graph.value(node, OWL.versionInfo) == Literal(__version__)
    assert graph.value(node, OWL.versionIRI) == URIRef(f"{iri}/{__version__}")
    assert str(graph.value(node, DCTERMS.creator))
    created, modified = graph.value(node, DCTERMS.created), graph.value(node, DCTERMS.modified)
    assert created.datatype == modified.datatype == XSD.date
    assert dt.date.fromisoformat(str(created)) <= dt.date.fromisoformat(str(modified))
    assert graph.value(node, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")


@pytest.fixture(scope="module")
def page(run_migkg, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ontology-docs")
    done = run_migkg("ontology-docs", out)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().startswith(f"wrote {out / 'index.html'}"), done.stderr  # and no logging noise
    return out / "index.html"


def _labels(term: str) -> dict[str, str]:
    graph = Graph().parse(ROOT / "ontology" / "migkg.ttl", format="turtle")
    return {label.language: str(label) for label in graph.objects(URIRef(MIG + term), RDFS.label)}


def test_the_documentation_page_shows_classes_and_properties_in_russian_and_english(page, browser):
    browser.get(page.as_uri())
    WebDriverWait(browser, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert "migkg" in browser.title
    for term in TERMS:
        labels = _labels(term)
        assert set(labels) == {"en", "ru"}, term
        entries = browser.find_elements(By.XPATH, f"//div[contains(@class, 'entity')][.//code[text()='{MIG}{term}']]")
        assert len(entries) == 1, term
        heading = entries[0].find_element(By.TAG_NAME, "h3")
        assert heading.is_displayed(), term
        shown = entries[0].text
        assert labels["en"] in shown and labels["ru"] in shown, (term, shown[:300])
    metadata = browser.find_element(By.ID, "metadata").text
    assert f"https://w3id.org/migkg/ontology/{__version__}" in metadata and "migkg contributors" in metadata
    # every class and property of the ontology has its entry
    graph = Graph().parse(ROOT / "ontology" / "migkg.ttl", format="turtle")
    terms = {s for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for s in graph.subjects(RDF.type, kind) if str(s).startswith(MIG)}
    shown_iris = {e.text for e in browser.find_elements(By.XPATH, "//div[contains(@class, 'entity')]//table//tr[1]/td/code")}
    assert {str(t) for t in terms} <= shown_iris
