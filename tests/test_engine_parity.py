"""Every research and network query, run through `migkg query` with its documented examples (the `# example:`
lines of its header), gives the same rows in the same order, set-valued columns alike, on four engines:

- the embedded Oxigraph store of the build (`--out`);
- `migkg serve` (the Oxigraph server, :class:`migkg.stores.serve.LocalServer`);
- Virtuoso Open Source 7, the build's N-Quads files (and void.ttl) loaded by its bulk loader;
- Apache Jena (ARQ on TDB2), the same files, behind the small endpoint of tests/jena/.

Rows are compared after the normalisations docs/researchers.md lists (tests.servers.term_key): integer
subtypes as xsd:integer, booleans 0/1 as false/true, language tags in lower case. Each answer's CSV and TSV,
as migkg writes them, read back with the csv module with as many fields on every row as in the header.
One server of each kind for the module.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shlex
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from migkg.cli.app import app
from migkg.queries.catalogue import load_catalogue
from migkg.stores.serve import LocalServer
from migkg.stores.sources import SelectResult, as_answer
from tests.servers import Jena, Virtuoso, term_key

CATALOGUE = load_catalogue()
QUERIES = CATALOGUE.of_kind("research") + CATALOGUE.of_kind("network")
DATASET_GRAPH = "https://w3id.org/migkg/graph/dataset"


def example_params(example: str) -> list[str]:
    """The ``name=value`` of each ``--param`` of an ``# example:`` line."""
    words = shlex.split(example)
    return [words[i + 1] for i, word in enumerate(words[:-1]) if word == "--param"]


RUNS = list(dict.fromkeys((q.name, tuple(example_params(e))) for q in QUERIES for e in q.header["example"]))
RUN_IDS = [name + "".join(f"+{p.split('=')[0]}" for p in params) for name, params in RUNS]
ENGINES = ("embedded", "serve", "virtuoso", "jena")
SERVERS = ENGINES[1:]


# --------------------------------------------------------------------------- the four engines
def virtuoso_bulk_load(server: Virtuoso, build: Path) -> None:
    """The N-Quads dumps, and void.ttl as it is into the dataset graph, by Virtuoso's bulk loader (ld_dir, ld_add,
    rdf_loader_run): void.ttl names no IRI with an escaped local name, which Virtuoso's Turtle loader would
    keep in the IRI (tests/test_dump_loading.py checks every Turtle file of a build for that)."""
    dumps = server.folder.resolve() / "dumps"
    dumps.mkdir()
    for path in build.glob("*.nq"):
        (dumps / path.name).write_bytes(path.read_bytes())
    (dumps / "void.ttl").write_bytes((build / "void.ttl").read_bytes())
    server.isql(f"ld_dir('{dumps}', '*.nq', 'urn:migkg:unused');")
    server.isql(f"ld_add('{dumps / 'void.ttl'}', '{DATASET_GRAPH}');")
    server.isql("rdf_loader_run();")
    server.isql("checkpoint;")
    errors = server.isql("SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;")
    assert "0 Rows" in errors, errors


@pytest.fixture(scope="module")
def endpoints(built_dir, tmp_path_factory):
    """The query URL of each server engine, all loaded with the same build."""
    started: list = []
    try:
        serve = LocalServer(built_dir, port=0).start()
        started.append(serve)
        virtuoso = Virtuoso(tmp_path_factory.mktemp("virtuoso-parity")).start()
        started.append(virtuoso)
        virtuoso_bulk_load(virtuoso, built_dir)
        jena = Jena(tmp_path_factory.mktemp("jena-parity"))
        started.append(jena)
        jena.start(sorted(built_dir.glob("*.nq")), {DATASET_GRAPH: built_dir / "void.ttl"})
        yield {"serve": serve.serving()[0].query, "virtuoso": virtuoso.sparql_url, "jena": jena.sparql_url}
    finally:
        for server in reversed(started):
            server.stop()


@pytest.fixture(scope="module")
def outputs(built_dir, endpoints):
    """`migkg query NAME --format FMT` on an engine, as printed (each asked once for the module)."""
    runner = CliRunner()
    printed: dict[tuple[str, str, tuple[str, ...], str], str] = {}

    def output(engine: str, name: str, params: tuple[str, ...], fmt: str) -> str:
        key = (engine, name, params, fmt)
        if key not in printed:
            where = ["--out", str(built_dir)] if engine == "embedded" else ["--endpoint", endpoints[engine]]
            arguments = ["query", name, "--format", fmt, *where, *(a for p in params for a in ("--param", p))]
            done = runner.invoke(app, arguments)
            assert done.exit_code == 0, f"{engine}: migkg {shlex.join(arguments)}: {done.output}"
            printed[key] = done.stdout_bytes.decode("utf-8")  # .stdout turns CRLF into LF
        return printed[key]
    return output


def rows(json_text: str) -> tuple[list[str], list[tuple]]:
    """The variables and the rows of a JSON answer, each term normalised (tests.servers.term_key)."""
    answer = as_answer(ox.parse_query_results(json_text.encode(), format=ox.QueryResultsFormat.JSON))
    assert isinstance(answer, SelectResult)
    return answer.variables, [tuple(term_key(row[v], virtuoso=True) for v in answer.variables) for row in answer.rows]


# --------------------------------------------------------------------------- the same rows everywhere
@pytest.mark.parametrize("name, params", RUNS, ids=RUN_IDS)
def test_the_same_rows_in_the_same_order_on_every_engine(name, params, outputs):
    expected = rows(outputs("embedded", name, params, "json"))
    assert expected[1] or name in {"q13-chairs-over-time", "q14-meetings-of-a-process", "q15-members-over-time",
                                   "q16-documents-adopted", "q17-roles-of-an-actor-by-year"}, \
        "every query answers something on the seed but those across releases (tests/test_domain_corpus.py)"
    for engine in SERVERS:
        variables, found = rows(outputs(engine, name, params, "json"))
        assert variables == expected[0], engine
        differing = [(i, v, a, b) for i, (row, here) in enumerate(zip(found, expected[1], strict=False))
                     for v, a, b in zip(variables, row, here, strict=True) if a != b]
        assert (len(found), differing[:3]) == (len(expected[1]), []), \
            f"{engine} differs from the embedded store (row, column, {engine}, embedded)"


@pytest.mark.parametrize("name", [q.name for q in QUERIES if q.sets])
def test_set_valued_columns_are_sorted_on_every_engine(name, outputs):
    query = CATALOGUE.find(name)
    for engine in ENGINES:
        answer = json.loads(outputs(engine, name, (), "json"))
        for column, separator in query.sets.items():
            values = [b[column]["value"] for b in answer["results"]["bindings"] if column in b]
            assert values, f"{name}: no {column} on {engine}"
            assert all(v.split(separator) == sorted(v.split(separator)) for v in values), (engine, column)


# --------------------------------------------------------------------------- CSV and TSV as W3C says
def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("name, params", RUNS, ids=RUN_IDS)
def test_csv_and_tsv_read_back_with_a_field_per_column(name, params, outputs):
    for engine in ENGINES:
        variables, found = rows(outputs(engine, name, params, "json"))
        as_csv = outputs(engine, name, params, "csv")
        table = csv_rows(as_csv)
        assert table[0] == variables and len(table) == len(found) + 1, engine
        assert all(len(row) == len(variables) for row in table), f"{engine}: a CSV row has more or fewer fields"
        assert as_csv.endswith("\r\n") and "\n" not in as_csv.replace("\r\n", ""), "CSV lines end in CRLF"
        as_tsv = outputs(engine, name, params, "tsv")
        lines = list(csv.reader(io.StringIO(as_tsv, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
        assert lines[0] == [f"?{v}" for v in variables] and len(lines) == len(found) + 1, engine
        assert all(len(line) == len(variables) for line in lines), f"{engine}: a TSV row has more or fewer fields"
        for line in lines[1:]:
            for field in line:  # a term in Turtle syntax, or empty for unbound
                assert field == "" or re.fullmatch(r'<[^<>"\s]*>|_:\S+|"([^"\\]|\\.)*"(@[A-Za-z0-9-]+|\^\^<[^<>]*>)?',
                                                   field), (engine, field)


def test_the_evidence_iris_of_q11_keep_their_comma_in_csv(outputs):
    for engine in ENGINES:
        table = csv_rows(outputs(engine, "q11-evidence-of-a-fact", (), "csv"))
        spans = [dict(zip(table[0], row, strict=True)) for row in table[1:]]
        assert spans and all(re.fullmatch(r"https://\S+/text#char=(\d+),(\d+)", row["span"]) for row in spans), engine
        assert all(row["span"].endswith(f"#char={row['begin']},{row['end']}") for row in spans), engine
        tsv = outputs(engine, "q11-evidence-of-a-fact", (), "tsv").splitlines()
        assert all(re.search(r"\t<https://\S+/text#char=\d+,\d+>\t", line) for line in tsv[1:]), engine
