"""The published files: every format says the same, bytes are reproducible, nothing is blank."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, RDF, VOID

ROOT = Path(__file__).resolve().parents[1]
QUAD_FILES = {"migkg.trig": ("trig", ox.RdfFormat.TRIG), "migkg.nq": ("nquads", ox.RdfFormat.N_QUADS),
              "migkg.jsonld": ("json-ld", ox.RdfFormat.JSON_LD)}
TRIPLE_FILES = {"migkg.ttl": ("turtle", ox.RdfFormat.TURTLE), "migkg.nt": ("nt", ox.RdfFormat.N_TRIPLES)}
SPDX = "http://spdx.org/rdf/terms#"


def run_build(out: Path, *extra: str, seed: str = "0") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    return subprocess.run([sys.executable, "-m", "migkg", "build", "--data", str(ROOT / "data"), "--out", str(out),
                           *extra], capture_output=True, text=True, env=env, cwd=ROOT)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "out"
    done = run_build(out)
    assert done.returncode == 0, done.stderr
    return out


def _rdflib_term(term) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        if term.language:
            return f'"{term}"@{term.language.lower()}'
        datatype = term.datatype or URIRef("http://www.w3.org/2001/XMLSchema#string")
        return f'"{term}"^^<{datatype}>'
    raise AssertionError(f"blank node in published output: {term!r}")


def _ox_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f'"{term.value}"@{term.language.lower()}'
        return f'"{term.value}"^^<{term.datatype.value}>'
    raise AssertionError(f"blank node in published output: {term!r}")


def rdflib_quads(path: Path, fmt: str) -> set[tuple[str, ...]]:
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    return {(_rdflib_term(s), _rdflib_term(p), _rdflib_term(o), _rdflib_term(g))
            for s, p, o, g in dataset.quads((None, None, None, None)) if g != dataset.default_graph.identifier}


def rdflib_triples(path: Path, fmt: str) -> set[tuple[str, ...]]:
    return {(_rdflib_term(s), _rdflib_term(p), _rdflib_term(o)) for s, p, o in Graph().parse(path, format=fmt)}


def ox_statements(path: Path, fmt) -> set[tuple[str, ...]]:
    found = set()
    for q in ox.parse(path=str(path), format=fmt):
        row = (_ox_term(q.subject), _ox_term(q.predicate), _ox_term(q.object))
        if isinstance(q, ox.Quad) and not isinstance(q.graph_name, ox.DefaultGraph):
            row += (_ox_term(q.graph_name),)
        found.add(row)
    return found


@pytest.mark.parametrize("name", sorted(QUAD_FILES))
def test_quad_formats_read_the_same_in_rdflib_and_oxigraph(built, name):
    rdflib_fmt, ox_fmt = QUAD_FILES[name]
    by_rdflib = rdflib_quads(built / name, rdflib_fmt)
    by_oxigraph = ox_statements(built / name, ox_fmt)
    assert by_rdflib == by_oxigraph
    assert len(by_rdflib) > 1000


@pytest.mark.parametrize("name", sorted(TRIPLE_FILES))
def test_triple_formats_read_the_same_in_rdflib_and_oxigraph(built, name):
    rdflib_fmt, ox_fmt = TRIPLE_FILES[name]
    assert rdflib_triples(built / name, rdflib_fmt) == ox_statements(built / name, ox_fmt)


def test_all_formats_hold_the_same_statements(built):
    quads = {name: ox_statements(built / name, fmt) for name, (_r, fmt) in QUAD_FILES.items()}
    assert quads["migkg.trig"] == quads["migkg.nq"] == quads["migkg.jsonld"]
    union = {q[:3] for q in quads["migkg.trig"]}
    for name, (_r, fmt) in TRIPLE_FILES.items():
        assert ox_statements(built / name, fmt) == union, name


def test_every_release_has_its_own_named_graph(built):
    graphs = {q[3] for q in ox_statements(built / "migkg.trig", ox.RdfFormat.TRIG)}
    base = "https://w3id.org/migkg/"
    assert graphs == {f"<{base}graph/vocabulary>", f"<{base}graph/registry>",
                      f"<{base}release/2013-06-05-unhcr-iom-almaty-ministerial/graph>",
                      f"<{base}release/2013-06-05-unhcr-iom-almaty-ministerial/derived>"}


def test_no_blank_nodes_anywhere(built):
    for name in (*QUAD_FILES, *TRIPLE_FILES, "void.ttl"):
        fmt = ox.RdfFormat.from_extension(name.rsplit(".", 1)[1])
        for q in ox.parse(path=str(built / name), format=fmt):
            assert not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object)), (name, q)


def test_two_builds_give_identical_bytes(built, tmp_path):
    again = tmp_path / "again"
    done = run_build(again, seed="12345")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in built.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    for name in names:
        assert (built / name).read_bytes() == (again / name).read_bytes(), name


def test_base_iri_is_configurable(tmp_path):
    out = tmp_path / "out"
    done = run_build(out, "--base", "http://data.example.org/mig/")
    assert done.returncode == 0, done.stderr
    subjects = {q.subject.value for q in ox.parse(path=str(out / "migkg.nt"), format=ox.RdfFormat.N_TRIPLES)}
    assert "http://data.example.org/mig/state/KAZ" in subjects
    assert not any(s.startswith("https://w3id.org/migkg/state/") for s in subjects)


def test_void_description_matches_the_files(built):
    void = Graph().parse(built / "void.ttl", format="turtle")
    dataset = URIRef("https://w3id.org/migkg/dataset")
    assert (dataset, RDF.type, VOID.Dataset) in void and (dataset, RDF.type, DCAT.Dataset) in void
    triples = ox_statements(built / "migkg.nt", ox.RdfFormat.N_TRIPLES)
    assert int(void.value(dataset, VOID.triples)) == len(triples)
    distributions = set(void.objects(dataset, DCAT.distribution))
    assert {str(void.value(d, URIRef("http://purl.org/dc/terms/title"))) for d in distributions} == {
        "migkg.trig", "migkg.nq", "migkg.jsonld", "migkg.ttl", "migkg.nt"}
    for dist in distributions:
        name = str(void.value(dist, URIRef("http://purl.org/dc/terms/title")))
        content = (built / name).read_bytes()
        assert int(void.value(dist, DCAT.byteSize)) == len(content)
        checksum = void.value(dist, URIRef(SPDX + "checksum"))
        assert str(void.value(checksum, URIRef(SPDX + "checksumValue"))) == hashlib.sha256(content).hexdigest()
    release = URIRef("https://w3id.org/migkg/release/2013-06-05-unhcr-iom-almaty-ministerial")
    assert (dataset, URIRef("http://purl.org/dc/terms/source"), release) in void
