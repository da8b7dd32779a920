"""Every dump loads alike in the stores a publisher uses: Virtuoso's bulk loader and Apache Jena's TDB2.

Two corpora are built (the seed, ``data/``, and the multi-release test corpus, ``tests/fixtures/domain``),
and each format's files are loaded the way each store's documentation tells a publisher:

- Virtuoso 7: ``ld_dir`` + ``rdf_loader_run`` (the bulk loader), the build folder in ``DirsAllowed``;
  read back graph by graph with ``CONSTRUCT`` as Turtle. Its bulk loader does not read JSON-LD
  (7.2 parses a ``.jsonld`` file as Turtle), so JSON-LD is not loaded there.
- Jena 4 (Debian's), on the multi-release corpus: ``tdb2.tdbloader`` into a fresh TDB2 database, read
  back with ``tdb2.tdbdump``.
  JSON-LD is parsed with ``riot --syntax=jsonld10`` instead: Debian's Jena lacks the JSON-P library
  its JSON-LD 1.1 reader needs, and TDB2's loader picks that reader by the file name.

What comes back must be, as sets of quads (or of triples, for Turtle and N-Triples), what the
N-Quads files say, term by term in canonical N-Triples form. The only normalisation is the case of
language tags (Virtuoso lowercases them; they are compared lowercased). Before the sets, every IRI
Virtuoso holds is checked for a backslash: a Turtle escape in a prefixed name (``release:x\\/graph``)
that a loader kept in the IRI instead of reading it.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.servers import Virtuoso, jena, jena_classpath

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {"seed": ROOT / "data", "domain": ROOT / "tests" / "fixtures" / "domain"}
QUAD_FORMATS = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
TRIPLE_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
VIRTUOSO_FORMATS = ("nq", "trig", "ttl", "nt")
JENA_FORMATS = ("nq", "trig", "ttl", "nt", "jsonld")
#: Jena loads the multi-release corpus, whose IRIs take every shape the seed's do and more: each load and
#: dump starts two JVMs (some 18 s), so the seed's files, which Virtuoso loads too, are not loaded again here
JENA_CORPORA = ("domain",)
DEFAULT_GRAPH = "urn:migkg:test:default"   # where a loader puts what a file states outside any named graph
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')   # a string in a Turtle-family dump (written on one line)

Statement = tuple[str, ...]


def canonical(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> str:
    """A term in N-Triples form, the language tag lowercased (the one normalisation)."""
    if isinstance(term, ox.Literal) and term.language:
        return str(ox.Literal(term.value, language=term.language.lower()))
    return str(term)


def statements(data: bytes | Path, fmt: ox.RdfFormat, graph: str | None = None) -> set[Statement]:
    """The quads (graph name last) or triples of ``data``, canonical; ``graph`` names the graph of triples
    read from a triple format, if they are to be compared as quads."""
    source = {"path": str(data)} if isinstance(data, Path) else {"input": data}
    found = set()
    for item in ox.parse(format=fmt, **source):
        row: Statement = (canonical(item.subject), canonical(item.predicate), canonical(item.object))
        if isinstance(item, ox.Quad) and not isinstance(item.graph_name, ox.DefaultGraph):
            row += (canonical(item.graph_name),)
        elif graph is not None:
            row += (graph,)
        found.add(row)
    return found


def dump_files(built: Path, ext: str) -> list[Path]:
    found = sorted(built.glob(f"migkg-*.{ext}"))
    assert found and any(path.name == f"migkg-registry.{ext}" for path in found), f"no {ext} dump in {built}"
    return found


def expected(built: Path, ext: str) -> set[Statement]:
    """What the N-Quads files say: their quads, or, for a triple format, their triples."""
    quads = set().union(*(statements(path, ox.RdfFormat.N_QUADS) for path in dump_files(built, "nq")))
    return quads if ext in QUAD_FORMATS else {quad[:3] for quad in quads}


def difference(got: set[Statement], want: set[Statement]) -> str:
    missing, extra = sorted(want - got), sorted(got - want)
    return (f"{len(missing)} missing, {len(extra)} not in the N-Quads; e.g. missing {missing[:3]}, "
            f"extra {extra[:3]}")


# --------------------------------------------------------------------------- the builds and the stores

@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """Each corpus built once, into a folder of its own."""
    folders = {}
    for name, data in CORPORA.items():
        out = tmp_path_factory.mktemp(f"dumps-{name}") / "build"
        done = subprocess.run([sys.executable, "-m", "migkg", "build", "--data", str(data), "--out", str(out)],
                              capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        folders[name] = out
    return folders


@pytest.fixture(scope="module")
def bulk_virtuoso(tmp_path_factory, builds):
    """A Virtuoso of this module's own (the session's serves other tests' data), with the build folders in
    DirsAllowed; yields it with the graphs it holds before any load (its own system graphs)."""
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso-bulk"), dirs_allowed=tuple(builds.values()))
    try:
        server.start()
        yield server, server.graph_names()
    finally:
        server.stop()


@pytest.fixture(scope="module")
def classpath(tmp_path_factory) -> str:
    return jena_classpath(tmp_path_factory.mktemp("jena"))


def virtuoso_statements(server: Virtuoso, graphs: set[str], ext: str) -> set[Statement]:
    """Every quad in ``graphs``, read back from Virtuoso (CONSTRUCT per graph, as Turtle), canonical;
    first checks that no IRI Virtuoso holds has a backslash in it."""
    escaped = server.sparql(
        "SELECT DISTINCT ?iri WHERE { { GRAPH ?iri { ?s ?p ?o } } UNION { GRAPH ?g { ?iri ?p ?o } } UNION "
        "{ GRAPH ?g { ?s ?iri ?o } } UNION { GRAPH ?g { ?s ?p ?iri FILTER isIRI(?iri) } } "
        'FILTER(CONTAINS(STR(?iri), "\\\\")) } LIMIT 5', "text/csv").decode()
    assert escaped.split() == ['"iri"'], f"Virtuoso kept Turtle escapes in the IRIs of the {ext} dump:\n{escaped}"
    found: set[Statement] = set()
    for graph in sorted(graphs):
        # as Turtle: Virtuoso 7.2 writes an xsd:duration in N-Triples and JSON as a number of months
        # ("P60Y" as "720"), though it holds and matches "P60Y"; its Turtle writer gives the literal back
        answer = server.sparql(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", "text/turtle")
        found |= statements(answer, ox.RdfFormat.TURTLE, f"<{graph}>")
    return found


# --------------------------------------------------------------------------- the tests

@pytest.mark.parametrize("ext", VIRTUOSO_FORMATS)
@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_virtuoso_bulk_loader_reads_each_dump_as_the_nquads_say(bulk_virtuoso, builds, corpus, ext):
    server, system_graphs = bulk_virtuoso
    built = builds[corpus]
    # a triple format's triples go to a graph of the test's own: compared as triples
    target = DEFAULT_GRAPH if ext in QUAD_FORMATS else f"urn:migkg:test:{corpus}:{ext}"
    try:
        server.bulk_load(built, f"migkg-*.{ext}", target)
        loaded = server.graph_names() - system_graphs
        got = virtuoso_statements(server, loaded, ext)
    finally:
        server.delete_graphs_except(system_graphs)
    want = expected(built, ext)
    if ext in QUAD_FORMATS:
        assert DEFAULT_GRAPH not in loaded, f"Virtuoso put some of the {ext} dump outside its named graphs"
    else:
        assert loaded == {target}
        got = {row[:3] for row in got}
    assert got == want, f"{corpus} {ext}: " + difference(got, want)


@pytest.mark.parametrize("ext", JENA_FORMATS)
@pytest.mark.parametrize("corpus", JENA_CORPORA)
def test_jena_reads_each_dump_as_the_nquads_say(classpath, builds, corpus, ext, tmp_path):
    built = builds[corpus]
    files = dump_files(built, ext)
    if ext == "jsonld":
        out = jena(classpath, "riotcmd.riot", "--syntax=jsonld10", "--output=nquads", *files)
    else:
        jena(classpath, "tdb2.tdbloader", "--loc", tmp_path / "tdb2", *files)
        out = jena(classpath, "tdb2.tdbdump", "--loc", tmp_path / "tdb2")
    got = statements(out, ox.RdfFormat.N_QUADS)
    want = expected(built, ext)
    assert got == want, f"{corpus} {ext}: " + difference(got, want)
    assert not [term for row in got for term in row if term.startswith("<") and "\\" in term]


def test_the_turtle_family_dumps_name_every_iri_without_an_escape(builds):
    """No prefixed name in a Turtle or TriG dump, nor in void.ttl, has a backslash escape: where one would be needed, the
    IRI is written whole (checked on the text, token by token, with pyoxigraph's own reading of it)."""
    for built in builds.values():
        for ext in ("ttl", "trig"):
            for path in dump_files(built, ext) + ([built / "void.ttl"] if ext == "ttl" else []):
                text = STRING.sub('""', path.read_text(encoding="utf-8"))
                escaped = [line for line in text.splitlines() if "\\" in line]
                assert not escaped, f"{path.name}: {escaped[:3]}"
                assert statements(path, TRIPLE_FORMATS.get(ext) or QUAD_FORMATS[ext])


# --------------------------------------------------------------------------- the term writer itself

BASE = "https://w3id.org/migkg/"
PREFIXES = {"mig": BASE + "ontology#", "release": BASE + "release/", "xsd": "http://www.w3.org/2001/XMLSchema#",
            "base": BASE, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "odd": "http://example.org/odd_"}


@pytest.mark.parametrize(("iri", "written"), [
    (BASE + "release/2013-06-05-a", "release:2013-06-05-a"),        # a leading digit and hyphens: plain
    (BASE + "release/2013-06-05-a/graph", f"<{BASE}release/2013-06-05-a/graph>"),  # would be release:…\/graph
    (BASE + "release/r/text#char=115,133", f"<{BASE}release/r/text#char=115,133>"),
    (BASE + "ontology#Participation", "mig:Participation"),
    (BASE + "state", "base:state"),                                 # the shorter namespace, where it is plain
    (BASE + "release/", f"<{BASE}release/>"),                      # no local part at all
    (BASE + "release/a.b", f"<{BASE}release/a.b>"),                # a dot, a colon, a percent sign, a tilde
    (BASE + "release/a:b", f"<{BASE}release/a:b>"),
    (BASE + "release/a%20b", f"<{BASE}release/a%20b>"),
    (BASE + "release/a~b", f"<{BASE}release/a~b>"),
    (BASE + "release/-a", f"<{BASE}release/-a>"),
    (BASE + "release/_a", "release:_a"),
    (BASE + "release/é", f"<{BASE}release/é>"),                    # plain means ASCII
    ("http://example.org/odd_x1", "odd:x1"),                         # a namespace ending in neither / nor #
    ("http://example.org/other/x", "<http://example.org/other/x>"),
])
def test_an_iri_is_a_prefixed_name_only_where_its_local_part_is_plain(iri, written):
    from migkg.build.formats.terms import TermWriter
    assert TermWriter(PREFIXES)[str(ox.NamedNode(iri))] == written


def test_the_turtle_writer_says_what_it_is_given_and_pyoxigraph_reads_it_back():
    """Literals of every kind (quotes, backslashes, line breaks, language tags, datatypes) and IRIs of every
    shape above: the Turtle and the TriG read back as the same triples, rdf:type written ``a``, and the
    statements grouped by subject and predicate as pyoxigraph groups them."""
    from migkg.build.formats.terms import prefix_header, trig_blocks, turtle_bytes
    subjects = [ox.NamedNode(BASE + p) for p in ("release/r", "release/r/graph", "release/r/text#char=1,2", "x.y")]
    objects = [*subjects, ox.Literal('say "hi"\\ \n\r\t end'), ox.Literal("Алматы", language="ru"),
               ox.Literal("5", datatype=ox.NamedNode(PREFIXES["xsd"] + "nonNegativeInteger")),
               ox.Literal("P60Y", datatype=ox.NamedNode(PREFIXES["xsd"] + "duration")),
               ox.Literal("x", datatype=ox.NamedNode("http://example.org/type/a,b")), ox.Literal("")]
    predicates = [ox.NamedNode(PREFIXES["rdf"] + "type"), ox.NamedNode(PREFIXES["mig"] + "p"),
                  ox.NamedNode(BASE + "release/r/p=1")]
    triples = sorted({ox.Triple(s, p, o) for s in subjects for p in predicates for o in objects}, key=str)
    turtle = turtle_bytes(triples, PREFIXES)
    assert {quad.triple for quad in ox.parse(turtle, format=ox.RdfFormat.TURTLE)} == set(triples)
    assert b" a " in turtle and "\\" not in STRING.sub("", turtle.decode())
    assert turtle == prefix_header(PREFIXES) + ox.serialize(triples, format=ox.RdfFormat.TURTLE).replace(
        b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", b"a").replace(
        f"<{PREFIXES['mig']}p>".encode(), b"mig:p").replace(f"<{BASE}release/r>".encode(), b"release:r").replace(
        f"<{PREFIXES['xsd']}nonNegativeInteger>".encode(), b"xsd:nonNegativeInteger").replace(
        f"<{PREFIXES['xsd']}duration>".encode(), b"xsd:duration")
    graph = ox.NamedNode(BASE + "release/r/graph")
    rows = [(str(t.subject), str(t.predicate), str(t.object)) for t in triples]
    trig = prefix_header(PREFIXES) + trig_blocks([(str(graph), rows)], PREFIXES)
    assert set(ox.parse(trig, format=ox.RdfFormat.TRIG)) == {ox.Quad(*t, graph) for t in triples}
