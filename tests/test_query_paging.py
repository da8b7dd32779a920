"""`migkg query --limit N --offset M`: one page of the ordered answer, asked of the engine as the query's own
LIMIT and OFFSET (migkg.queries.paging), here and through an endpoint; and streamed output: the results
formats written row by row as the engine yields them (migkg.queries.results.write_rows), from the query's
child process in pieces (migkg.queries.bounded.streamed_in_child)."""
from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from migkg.queries.bounded import QueryStopped, streamed_in_child
from migkg.queries.paging import Page, paged
from migkg.queries.results import write_results, write_rows
from migkg.stores.checks import check_query
from migkg.stores.serve import LocalServer
from migkg.stores.sources import SelectResult

# --------------------------------------------------------------------------- the clause written into the query
EX = "http://example.org/"
STORE = ox.Store()
STORE.extend(ox.Quad(ox.NamedNode(f"{EX}s{i:02d}"), ox.NamedNode(f"{EX}n"), ox.Literal(str(20 - i)),
                     ox.NamedNode(f"{EX}g{i % 3}")) for i in range(20))
ORDERED = f"""PREFIX ex: <{EX}>
# a comment that says LIMIT 3 OFFSET 4, and a string below that does too
SELECT ?s ?n WHERE {{
  ?s ex:n ?n . FILTER(?n != "LIMIT 3")
  {{ SELECT ?s WHERE {{ ?s ex:n ?m }} LIMIT 1000 }}
}}
ORDER BY DESC(?s)"""


def rows(text: str) -> list[str]:
    return [s["s"].value for s in STORE.query(text, use_default_graph_as_union=True)]


WHOLE = rows(ORDERED)


@pytest.mark.parametrize(("limit", "offset"), [(5, 0), (5, 3), (None, 17), (0, 2), (100, 0), (3, 19), (4, 25)])
def test_a_page_is_the_slice_of_the_ordered_answer(limit, offset):
    text = paged(ORDERED, Page(limit, offset))
    check_query(text)  # still one SPARQL 1.1 query
    stop = None if limit is None else offset + limit
    assert rows(text) == WHOLE[offset:stop]
    assert "LIMIT 1000" in text and "# a comment that says LIMIT 3 OFFSET 4" in text  # sub-select, comment kept


@pytest.mark.parametrize(("own", "page", "expected"), [
    ("LIMIT 10", Page(4, 3), slice(3, 7)),
    ("LIMIT 10", Page(20, 8), slice(8, 10)),
    ("LIMIT 10", Page(None, 12), slice(10, 10)),
    ("OFFSET 5", Page(3, 2), slice(7, 10)),
    ("LIMIT 6 OFFSET 5", Page(None, 2), slice(7, 11)),
    ("OFFSET 5 LIMIT 6", Page(10, 4), slice(9, 11)),
])
def test_a_query_with_its_own_limit_is_paged_within_its_answer(own, page, expected):
    text = paged(f"{ORDERED}\n{own}", page)
    assert rows(text) == WHOLE[expected]


def test_the_clause_goes_before_a_trailing_values_block():
    text = f"{ORDERED}\nVALUES ?n {{ \"3\" \"5\" \"7\" \"9\" }}"
    every = rows(text)
    assert len(every) == 4 and rows(paged(text, Page(2, 1))) == every[1:3]


def test_the_whole_answer_leaves_the_text_alone():
    assert paged(ORDERED, Page()) == ORDERED


# --------------------------------------------------------------------------- the command line
def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_migkg_query_prints_the_page_of_the_whole_answer(invoke_migkg, built_dir, fmt):
    whole = invoke_migkg("query", "q05", "--out", built_dir, "--format", fmt)
    page = invoke_migkg("query", "q05", "--out", built_dir, "--format", fmt, "--limit", "3", "--offset", "2")
    assert whole.returncode == 0 and page.returncode == 0, page.stderr
    if fmt == "json":
        everything, shown = json.loads(whole.stdout), json.loads(page.stdout)
        assert len(everything["results"]["bindings"]) > 5
        assert shown["head"] == everything["head"]
        assert shown["results"]["bindings"] == everything["results"]["bindings"][2:5]
        return
    if fmt == "csv":
        everything = csv_rows(whole.stdout)
        assert len(everything) > 6 and csv_rows(page.stdout) == everything[:1] + everything[3:6]
        return
    lines = whole.stdout.splitlines(keepends=True)  # TSV: one line a row
    assert len(lines) > 6
    assert page.stdout == "".join(lines[:1] + lines[3:6])  # the header, then rows 3 to 5


def test_the_page_is_asked_of_an_endpoint_too(invoke_migkg, built_dir):
    with LocalServer(built_dir, port=0) as server:
        url = server.serving()[0].query
        remote = invoke_migkg("query", "q05", "--endpoint", url, "--format", "tsv", "--limit", "4", "--offset", "1")
    whole = invoke_migkg("query", "q05", "--out", built_dir, "--format", "tsv")
    assert remote.returncode == 0, remote.stderr
    lines = whole.stdout.splitlines(keepends=True)
    assert len(lines) > 6 and remote.stdout == "".join(lines[:1] + lines[2:6])


@pytest.mark.parametrize(("option", "value"), [("--limit", "-1"), ("--limit", "ten"), ("--offset", "1.5"),
                                               ("--offset", ""), ("--limit", "٣")])
def test_a_bad_count_is_one_error_line(invoke_migkg, built_dir, option, value):
    done = invoke_migkg("query", "q04", "--out", built_dir, option, value)
    assert done.returncode == 2 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"error: {option}: ") and "is not a number of rows" in line and "Fix:" in line


def test_limit_zero_prints_the_header_only(invoke_migkg, built_dir):
    done = invoke_migkg("query", "q04", "--out", built_dir, "--format", "csv", "--limit", "0")
    assert done.returncode == 0 and len(csv_rows(done.stdout)) == 1


# --------------------------------------------------------------------------- streaming
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
ROWS = [{"i": ox.Literal(str(i), datatype=XSD_INTEGER), "s": ox.NamedNode(f"{EX}r,{i}"),
         "w": ox.Literal(f'say "{i}"\tnow', language="en") if i % 2 else None} for i in range(6)]


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_each_row_is_written_before_the_next_is_read(fmt):
    out = io.StringIO()
    seen: list[int] = []

    def one_at_a_time():
        for row in ROWS:
            seen.append(len(out.getvalue()))  # what was written when this row was asked for
            yield row
    assert write_rows(["i", "s", "w"], one_at_a_time(), fmt, out) == len(ROWS)
    assert seen == sorted(seen) and len(set(seen)) == len(ROWS)  # more text out before each next row
    assert out.getvalue() == write_results(SelectResult(["i", "s", "w"], ROWS), fmt)  # the same bytes as at once


def test_the_json_document_is_whole_and_reads_back():
    out = io.StringIO()
    write_rows(["i", "s", "w"], iter(ROWS), "json", out)
    document = json.loads(out.getvalue())
    assert document["head"] == {"vars": ["i", "s", "w"]} and len(document["results"]["bindings"]) == len(ROWS)
    write_rows(["x"], iter([]), "json", out := io.StringIO())
    assert json.loads(out.getvalue()) == {"head": {"vars": ["x"]}, "results": {"bindings": []}}


class Signalling(io.StringIO):
    """An output that leaves a file behind once it has been written to (the child waits for it)."""

    def __init__(self, flag: Path):
        super().__init__()
        self.flag = flag

    def write(self, text: str) -> int:
        written = super().write(text)
        self.flag.touch()
        return written


def test_the_child_s_first_piece_is_out_while_it_still_works(tmp_path):
    flag = tmp_path / "written"
    out = Signalling(flag)

    def work(piped) -> str:
        piped.write("first row\n")
        piped.flush()
        for _ in range(400):  # the parent writes the piece out while this child waits: 20 s at most
            if flag.exists():
                return "the parent had it"
            time.sleep(0.05)
        return "never reached the parent"
    assert streamed_in_child(work, out, 60, "test") == "the parent had it"
    assert out.getvalue() == "first row\n"


def test_what_was_written_before_the_deadline_stays(tmp_path):
    out = io.StringIO()

    def work(piped) -> None:
        piped.write("row 1\n")
        piped.flush()
        time.sleep(60)
    with pytest.raises(QueryStopped, match="stopped after 1 s"):
        streamed_in_child(work, out, 1, "slow.rq")
    assert out.getvalue() == "row 1\n"
