"""The published files: every format says the same, bytes are reproducible, nothing is blank.

The seed build has three dump parts (migkg.build.dumps): ``migkg-registry.*`` (the registry and the
vocabulary), ``migkg-2013.*`` (the release of 2013) and ``migkg-conflicts.*`` (what the build warns
about, as SHACL results); a format's files together are the dataset.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID

ROOT = Path(__file__).resolve().parents[1]
QUAD_FILES = {"trig": ("trig", ox.RdfFormat.TRIG), "nq": ("nquads", ox.RdfFormat.N_QUADS),
              "jsonld": ("json-ld", ox.RdfFormat.JSON_LD)}
TRIPLE_FILES = {"ttl": ("turtle", ox.RdfFormat.TURTLE), "nt": ("nt", ox.RdfFormat.N_TRIPLES)}
PARTS = ("registry", "2013", "conflicts")


def files_of(built: Path, ext: str) -> list[Path]:
    """A format's files: one per dump part, as the build folder holds them (and no others)."""
    found = sorted(built.glob(f"migkg-*.{ext}"))
    assert sorted(p.name for p in found) == sorted(f"migkg-{part}.{ext}" for part in PARTS)
    return found
SPDX = "http://spdx.org/rdf/terms#"


def run_build(out: Path, *extra: str, seed: str = "0") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    return subprocess.run([sys.executable, "-m", "migkg", "build", "--data", str(ROOT / "data"), "--out", str(out),
                           *extra], capture_output=True, text=True, env=env, cwd=ROOT, check=False)


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


def statements(built: Path, ext: str, fmt) -> set[tuple[str, ...]]:
    return set().union(*(ox_statements(path, fmt) for path in files_of(built, ext)))


@pytest.mark.parametrize("ext", sorted(QUAD_FILES))
def test_quad_formats_read_the_same_in_rdflib_and_oxigraph(built, ext):
    rdflib_fmt, ox_fmt = QUAD_FILES[ext]
    for path in files_of(built, ext):
        by_rdflib = rdflib_quads(path, rdflib_fmt)
        by_oxigraph = ox_statements(path, ox_fmt)
        assert by_rdflib == by_oxigraph
        assert len(by_rdflib) > (10 if "conflicts" in path.name else 500), path.name


@pytest.mark.parametrize("ext", sorted(TRIPLE_FILES))
def test_triple_formats_read_the_same_in_rdflib_and_oxigraph(built, ext):
    rdflib_fmt, ox_fmt = TRIPLE_FILES[ext]
    for path in files_of(built, ext):
        assert rdflib_triples(path, rdflib_fmt) == ox_statements(path, ox_fmt)


def test_all_formats_hold_the_same_statements(built):
    quads = {ext: statements(built, ext, fmt) for ext, (_r, fmt) in QUAD_FILES.items()}
    assert quads["trig"] == quads["nq"] == quads["jsonld"]
    union = {q[:3] for q in quads["trig"]}
    for ext, (_r, fmt) in TRIPLE_FILES.items():
        assert statements(built, ext, fmt) == union, ext


def test_each_part_holds_its_own_graphs(built):
    base = "https://w3id.org/migkg/"
    release = f"{base}release/2013-06-05-unhcr-iom-almaty-ministerial"
    by_part = {part: {q[3] for q in ox_statements(built / f"migkg-{part}.trig", ox.RdfFormat.TRIG)} for part in PARTS}
    assert by_part == {"registry": {f"<{base}graph/registry>", f"<{base}graph/vocabulary>"},
                       "2013": {f"<{release}/graph>", f"<{release}/derived>"},
                       "conflicts": {f"<{base}graph/conflicts>"}}


def test_every_release_has_its_own_named_graph(built):
    graphs = {q[3] for q in statements(built, "trig", ox.RdfFormat.TRIG)}
    base = "https://w3id.org/migkg/"
    assert graphs == {f"<{base}graph/vocabulary>", f"<{base}graph/registry>",
                      f"<{base}release/2013-06-05-unhcr-iom-almaty-ministerial/graph>",
                      f"<{base}release/2013-06-05-unhcr-iom-almaty-ministerial/derived>", f"<{base}graph/conflicts>"}


def test_no_blank_nodes_anywhere(built):
    paths = [path for ext in (*QUAD_FILES, *TRIPLE_FILES) for path in files_of(built, ext)] + [built / "void.ttl"]
    for path in paths:
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
        for q in ox.parse(path=str(path), format=fmt):
            assert not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object)), (path.name, q)


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
    subjects = {q[0][1:-1] for q in statements(out, "nt", ox.RdfFormat.N_TRIPLES)}
    assert "http://data.example.org/mig/state/KAZ" in subjects
    assert not any(s.startswith("https://w3id.org/migkg/state/") for s in subjects)


def test_void_description_matches_the_files(built):
    void = Graph().parse(built / "void.ttl", format="turtle")
    dataset = URIRef("https://w3id.org/migkg/dataset")
    assert (dataset, RDF.type, VOID.Dataset) in void and (dataset, RDF.type, DCAT.Dataset) in void
    triples = statements(built, "nt", ox.RdfFormat.N_TRIPLES)
    assert int(void.value(dataset, VOID.triples)) == len(triples)
    titles = set()
    for part in PARTS:
        node = URIRef(f"{dataset}/part/{part}")
        assert (dataset, VOID.subset, node) in void and (node, DCTERMS.isPartOf, dataset) in void
        assert (node, RDF.type, VOID.Dataset) in void and (node, RDF.type, DCAT.Dataset) in void
        in_part = ox_statements(built / f"migkg-{part}.nt", ox.RdfFormat.N_TRIPLES)
        assert int(void.value(node, VOID.triples)) == len(in_part), part
        for dist in void.objects(node, DCAT.distribution):
            name = str(void.value(dist, DCTERMS.title))
            assert name.startswith(f"migkg-{part}.")
            titles.add(name)
            content = (built / name).read_bytes()
            assert int(void.value(dist, DCAT.byteSize)) == len(content)
            checksum = void.value(dist, URIRef(SPDX + "checksum"))
            assert str(void.value(checksum, URIRef(SPDX + "checksumValue"))) == hashlib.sha256(content).hexdigest()
    assert titles == {f"migkg-{part}.{ext}" for part in PARTS for ext in (*QUAD_FILES, *TRIPLE_FILES)}
    release = URIRef("https://w3id.org/migkg/release/2013-06-05-unhcr-iom-almaty-ministerial")
    assert (dataset, URIRef("http://www.w3.org/ns/prov#hadPrimarySource"), release) in void


def test_a_new_output_format_is_one_class_the_writer_and_manifest_take_as_they_are(tmp_path: Path):
    """The dump writer is generic over the formats (migkg.build.formats): a format it has never seen gets its
    header, its chunk of each piece, its separator between chunks and its footer, as the built-in ones do."""
    from migkg.build.dumps import DumpWriter
    from migkg.build.formats import Format, SortedPiece, formats_for
    from migkg.build.serialise import Serialiser, prefixes
    from migkg.mapping.iris import Iris

    class GraphList(Format):
        """A toy format: the graph names of a piece, one a line."""

        extension = "graphs"
        media_type = "text/plain"
        separator = b"--\n"
        footer = b"end\n"

        def make_header(self) -> bytes:
            return b"graphs:\n"

        def chunk(self, piece: SortedPiece) -> bytes:
            return "".join(f"{name}\n" for name in piece.graph_names).encode()

    iris = Iris("https://example.org/")
    formats = [*formats_for(prefixes(iris)), GraphList(prefixes(iris))]
    serialiser = Serialiser(iris)
    serialiser.stored.append(formats[-1])
    s, p = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")
    pieces = [serialiser.make_piece([(ox.NamedNode(f"https://example.org/g{i}"), [(s, p, ox.Literal(str(i)))])])
              for i in range(2)]
    writer = DumpWriter(tmp_path, formats)
    for piece in pieces:
        writer.add("2013", piece.chunks, piece.stats.graph_names)
    written = {w.file_name: w for w in writer.finish()}
    assert (tmp_path / "migkg-2013.graphs").read_bytes() == (
        b"graphs:\nhttps://example.org/g0\n--\nhttps://example.org/g1\nend\n")
    assert written["migkg-2013.graphs"].media_type == "text/plain"
    assert written["migkg-2013.graphs"].sha256 == hashlib.sha256((tmp_path / "migkg-2013.graphs").read_bytes()).hexdigest()
    # the built-in formats beside it are whole: the JSON-LD array holds both graphs, comma-separated
    import json
    assert [item["@id"] for item in json.loads((tmp_path / "migkg-2013.jsonld").read_text())] == [
        "https://example.org/g0", "https://example.org/g1"]
    nquads = set(ox.parse(path=str(tmp_path / "migkg-2013.nq"), format=ox.RdfFormat.N_QUADS))
    assert len(nquads) == 2


def test_the_nquads_chunk_is_what_pyoxigraph_writes_of_the_same_quads():
    """The N-Quads chunk is joined from the terms' N-Triples texts (no quad objects made): byte for byte what
    pyoxigraph's N-Quads writer makes of the piece's sorted quads, for every kind of term and escape."""
    from migkg.build.serialise import Serialiser
    from migkg.mapping.iris import Iris

    xsd = "http://www.w3.org/2001/XMLSchema#"
    s, p = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")
    objects = [ox.Literal('quote " backslash \\ newline \n return \r tab \t'), ox.Literal("\u0001\u007f é \U0001F600"),
               ox.Literal("Алматы", language="ru"), ox.Literal("en", language="en-GB"), ox.Literal(""),
               ox.Literal("5", datatype=ox.NamedNode(xsd + "integer")), ox.Literal("2013-06", datatype=ox.NamedNode(xsd + "gYearMonth")),
               ox.NamedNode("https://example.org/o%20x"), ox.NamedNode("https://example.org/é#frag")]
    graphs = [(ox.NamedNode("https://example.org/g2"), [(s, p, o) for o in objects]),
              (ox.NamedNode("https://example.org/g1"), [(ox.NamedNode("https://example.org/é"), p, o) for o in objects[:3]])]
    piece = Serialiser(Iris("https://example.org/")).make_piece(graphs)
    quads = [ox.Quad(t[0], t[1], t[2], name) for name, triples in sorted(graphs, key=lambda g: g[0].value)
             for t in sorted(triples, key=lambda t: tuple(map(str, t)))]
    assert piece.chunks["nq"] == ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert piece.stats.quads == len(objects) + 3


def test_pieces_made_one_after_another_are_those_made_alone(monkeypatch):
    """A serialiser keeps each term's N-Triples text, digest, Turtle and JSON-LD forms from piece to piece
    (migkg.build.formats.base.Memo). Pieces that share terms (escaped literals, IRIs, a graph name), made one
    after another by one serialiser, are byte for byte the chunks and statistics a new serialiser makes of each
    alone; so they stay when the memos are emptied between pieces; and every chunk reads back as its quads."""
    from migkg.build.formats.base import Memo
    from migkg.build.serialise import Serialiser
    from migkg.mapping.iris import Iris

    iris = Iris("https://example.org/")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    p = ox.NamedNode("https://example.org/p")
    objects = [ox.Literal('quote " backslash \\ newline \n return \r tab \t'), ox.Literal("\u0001\u007f é \U0001F600"),
               ox.Literal("Алматы", language="ru"), ox.Literal("5", datatype=ox.NamedNode(xsd + "integer")),
               ox.NamedNode("https://example.org/o%20x"), ox.NamedNode("https://w3id.org/migkg/state/kz")]

    def graphs(i: int) -> list:
        own = ox.NamedNode(f"https://example.org/release/r{i}")
        shared = ox.NamedNode("https://example.org/event/e")
        return [(ox.NamedNode(f"https://example.org/release/r{i}/graph"),
                 [(own, p, o) for o in objects[i % 3:]] + [(shared, p, o) for o in objects[:4 - i % 2]]),
                (ox.NamedNode(f"https://example.org/release/r{i}/derived"), [(shared, p, objects[i % len(objects)])])]

    def made(serialiser: Serialiser, i: int):
        piece = serialiser.make_piece(graphs(i), own_prefix=f"https://example.org/release/r{i}",
                                      counted=ox.NamedNode(f"https://example.org/release/r{i}/graph"))
        return piece.chunks, piece.stats

    alone = [made(Serialiser(iris), i) for i in range(6)]
    warm = Serialiser(iris)
    assert [made(warm, i) for i in range(6)] == alone
    monkeypatch.setattr(Memo, "LIMIT", 3)  # emptied before nearly every piece
    assert [made(warm, i) for i in range(6)] == alone
    for i, (chunks, stats) in enumerate(alone):
        expected = {ox.Quad(s, pp, o, name) for name, triples in graphs(i) for s, pp, o in triples}
        assert stats.quads == len(expected)
        for fmt in warm.stored:  # each chunk as a whole file of its format
            data = fmt.header + chunks[fmt.extension] + fmt.footer
            assert set(ox.parse(data, format=QUAD_FILES[fmt.extension][1])) == expected, fmt.extension


def test_the_turtle_chunk_is_the_trig_statement_lines_one_tab_less():
    """The Turtle chunk made from a TriG chunk (one pattern over the bytes) is its statement lines, each one tab
    less indented, in order, as the line-by-line definition gives, whatever the lines hold: escapes, braces, a
    last line without its line break, and (never written, yet handled) a raw carriage return."""
    from migkg.build.formats.turtle import Turtle
    from migkg.build.serialise import Serialiser
    from migkg.mapping.iris import Iris

    def by_lines(trig: bytes) -> bytes:
        return b"".join(line[1:] for line in trig.splitlines(keepends=True) if line.startswith(b"\t"))

    s, p = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")
    objects = [ox.Literal('a } b {\n"c"\r\t'), ox.Literal("Алматы", language="ru"), ox.NamedNode("https://example.org/o")]
    graphs = [(ox.NamedNode(f"https://example.org/g{i}"), [(s, p, o) for o in objects]) for i in range(2)]
    serialiser = Serialiser(Iris("https://example.org/"))
    trig = serialiser.make_piece(graphs).chunks["trig"]
    turtle = Turtle(serialiser.prefixes)
    made = turtle.file_chunk({"trig": trig}, [])
    assert made == by_lines(trig) and made.count(b"\n") == len(graphs)  # a statement per graph: s p o1 , o2 , o3 .
    assert {quad.triple for quad in ox.parse(turtle.header + made, format=ox.RdfFormat.TURTLE)} == {
        ox.Triple(s, p, o) for o in objects}
    for odd in (b"<g> {\n\ta b c ;\n\t\td e .\n}\n\tlast line", b"<g> {\n\ta b\rc .\n\t\r\n}\n"):
        assert turtle.file_chunk({"trig": odd}, []) == by_lines(odd)
