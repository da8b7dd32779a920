"""The W3C SPARQL 1.1 results formats as migkg writes them (migkg.queries.results), the `# sets:` header
line, and a remote answer in XML written as CSV by migkg, never passed through."""
from __future__ import annotations

import csv
import io
import subprocess
import sys

import pyoxigraph as ox
import pytest

from migkg.errors import InputError
from migkg.queries.catalogue import read_query
from migkg.queries.results import sorted_sets, write_results
from migkg.stores.sources import SelectResult, as_answer
from tests.servers import Behaviour, FaultServer

XSD = "http://www.w3.org/2001/XMLSchema#"
SPAN = ox.NamedNode("https://w3id.org/migkg/release/r/text#char=4298,4330")
HARD = ox.Literal('a "quoted", two-line\ntext\twith a tab\r', language="en-GB")
ROW = {"span": SPAN, "words": HARD, "n": ox.Literal("7", datatype=ox.NamedNode(XSD + "integer")),
       "b": ox.BlankNode("b0"), "plain": ox.Literal("x"), "none": None}
RESULT = SelectResult(list(ROW), [ROW, {v: None for v in ROW}])


def test_csv_quotes_what_needs_it_and_reads_back_field_for_field():
    text = write_results(RESULT, "csv")
    assert text.startswith("span,words,n,b,plain,none\r\n") and text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [list(ROW), [SPAN.value, HARD.value, "7", "_:b0", "x", ""], [""] * 6]
    assert f'"{SPAN.value}"' in text  # the comma of #char=b,e does not split the IRI


def test_tsv_writes_terms_in_turtle_syntax_with_escapes():
    lines = write_results(RESULT, "tsv").split("\n")
    assert lines[0] == "?span\t?words\t?n\t?b\t?plain\t?none"
    assert lines[1].split("\t") == [f"<{SPAN.value}>", '"a \\"quoted\\", two-line\\ntext\\twith a tab\\r"@en-gb',
                                    f'"7"^^<{XSD}integer>', "_:b0", '"x"', ""]
    assert lines[2] == "\t" * 5 and lines[3:] == [""]
    for field, term in zip(lines[1].split("\t")[:5], ROW.values(), strict=False):  # Turtle reads each back
        [quad] = ox.parse(f"<urn:s> <urn:p> {field} .".encode(), format=ox.RdfFormat.TURTLE)
        assert quad.object == term or isinstance(term, ox.BlankNode)


def test_json_round_trips_through_a_results_parser():
    parsed = as_answer(ox.parse_query_results(write_results(RESULT, "json").encode(), format=ox.QueryResultsFormat.JSON))
    assert parsed == RESULT
    assert write_results(True, "json").strip() == '{"head": {}, "boolean": true}'
    assert write_results(False, "csv") == "false\r\n"


def test_set_valued_columns_are_sorted_keeping_the_literal():
    tagged = ox.Literal("b; a; c", language="en")
    result = SelectResult(["s", "t", "u"], [{"s": ox.Literal("urn:c urn:a urn:b"), "t": tagged, "u": ox.Literal("z y")}])
    done = sorted_sets(result, {"s": " ", "t": "; ", "missing": " "})
    assert done.rows == [{"s": ox.Literal("urn:a urn:b urn:c"), "t": ox.Literal("a; b; c", language="en"),
                          "u": ox.Literal("z y")}]


def test_the_sets_line_is_read_and_a_bad_one_points_at_its_line(tmp_path):
    good = tmp_path / "good.rq"
    good.write_text('# title: x\n# sets: ?a ?b\n# sets: ?c separator="; "\nSELECT * { ?s ?p ?o }\n')
    assert read_query(good).sets == {"a": " ", "b": " ", "c": "; "}
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: x\n# sets: evidence, roles\nSELECT * { ?s ?p ?o }\n")
    with pytest.raises(InputError, match=r"bad\.rq:2.*sets.*cannot read the sets line"):
        read_query(bad)


XML_ANSWER = f"""<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#">
  <head><variable name="span"/><variable name="words"/></head>
  <results><result>
    <binding name="span"><uri>{SPAN.value}</uri></binding>
    <binding name="words"><literal xml:lang="ru">один, два</literal></binding>
  </result></results>
</sparql>""".encode()


@pytest.mark.parametrize("fmt, expected", [
    ("csv", f'span,words\r\n"{SPAN.value}","один, два"\r\n'),
    ("tsv", f'?span\t?words\n<{SPAN.value}>\t"один, два"@ru\n'),
])
def test_a_remote_answer_is_parsed_and_written_by_migkg(tmp_path, fmt, expected):
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?span ?words WHERE { ?span ?p ?words }\n")
    with FaultServer(lambda n: Behaviour(200, {"Content-Type": "application/sparql-results+xml"}, XML_ANSWER)) as server:
        done = migkg_query(query, server.url, fmt)
    accept = server.requests[0]["headers"]["Accept"]
    assert "application/sparql-results+json" in accept and "text/csv" not in accept and "tab-separated" not in accept
    assert done == expected


def migkg_query(query, url: str, fmt: str) -> str:
    """`python -m migkg query` on an endpoint; stdout as bytes decoded, so CRLF stays CRLF."""
    done = subprocess.run([sys.executable, "-m", "migkg", "query", str(query), "--endpoint", url, "--format", fmt],
                          capture_output=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8")
