"""The first rows of a sorted answer before the rest (migkg.queries.streaming): a query whose header has a
``# first-rows: ?v from { pattern }`` line is answered as the rows of the least value of ?v (the query run
bound to it), then the whole query from OFFSET n. Checked here: the header's promise holds for every
catalogue query that makes it, on the seed, the multi-release corpus and a synthetic one; the output is the
plain path's, byte for byte, for every page; and the head is what the module says it is."""
from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from migkg import synthetic
from migkg.errors import InputError
from migkg.mapping.iris import Iris
from migkg.queries import streaming
from migkg.queries.catalogue import load_catalogue, read_query
from migkg.queries.paging import Page
from migkg.queries.running import write_embedded
from migkg.queries.streaming import FirstRows, first_rows, values_of
from migkg.stores.opening import open_build

ROOT = Path(__file__).resolve().parent.parent
STREAMED = [query for query in load_catalogue().queries if query.first_rows is not None]
PAGES = [Page(), Page(1), Page(5), Page(7, 3), Page(None, 4), Page(3, 10_000), Page(0, 0)]


@pytest.fixture(scope="module")
def synthetic_dir(tmp_path_factory) -> Path:
    """A build of 40 synthetic releases: many actors, events and statements, shared across releases."""
    data = synthetic.generate(tmp_path_factory.mktemp("synthetic") / "data", 40, seed=3)
    out = data.parent / "build"
    done = subprocess.run([sys.executable, "-m", "migkg", "build", "--data", str(data), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def stores(built_dir, domain_built_dir, synthetic_dir) -> dict[str, ox.Store]:
    return {name: open_build(folder).store
            for name, folder in (("seed", built_dir), ("domain", domain_built_dir), ("synthetic", synthetic_dir))}


def written(store: ox.Store, query, page: Page, fmt: str = "csv") -> str:
    out = io.StringIO()
    write_embedded(store, query, None, fmt, Iris("https://w3id.org/migkg/"), out, page=page)
    return out.getvalue()


def test_the_network_listings_say_which_variable_comes_first():
    assert {query.name for query in STREAMED} >= {"actor-event", "affiliation", "co-participation", "statements"}


@pytest.mark.parametrize("corpus", ["seed", "domain", "synthetic"])
@pytest.mark.parametrize("query", STREAMED, ids=lambda q: q.name)
def test_the_header_keeps_its_promise(stores, corpus, query):
    """Every row binds the variable, to a value the pattern gives, and the rows come in its order."""
    store = stores[corpus]
    first = query.first_rows
    values = values_of(store, query.text, first)
    assert values is not None  # IRIs only
    solutions = store.query(query.text, use_default_graph_as_union=True)
    column = [solution[first.variable] for solution in solutions]
    assert all(value is not None for value in column)
    assert set(column) <= set(values)
    texts = [value.value for value in column]
    assert texts == sorted(texts)


@pytest.mark.parametrize("query", STREAMED, ids=lambda q: q.name)
def test_each_query_is_tested_on_rows(stores, query):
    """The seed has no meeting of a process (q14), so the tests above are empty there for it: the others have rows."""
    assert len(list(stores["synthetic"].query(query.text, use_default_graph_as_union=True))) >= 10
    assert list(stores["domain"].query(query.text, use_default_graph_as_union=True))


@pytest.mark.parametrize("corpus", ["seed", "domain", "synthetic"])
@pytest.mark.parametrize("query", STREAMED, ids=lambda q: q.name)
def test_the_output_is_the_plain_one_page_by_page(stores, corpus, query):
    store = stores[corpus]
    plain = dataclasses.replace(query, first_rows=None)
    for page in PAGES:
        assert written(store, query, page) == written(store, plain, page), page
    assert written(store, query, Page(4, 2), "json") == written(store, plain, Page(4, 2), "json")


@pytest.mark.parametrize("corpus", ["seed", "domain", "synthetic"])
@pytest.mark.parametrize("query", [q for q in STREAMED if q.first_rows.head], ids=lambda q: q.name)
def test_a_head_query_gives_the_rows_of_each_value(stores, corpus, query):
    """A ``using FILE.rq`` query, bound to any value the pattern gives, has the rows of the whole query that have
    that value, in the same order (all of them, not only the least value's that migkg query asks for)."""
    store = stores[corpus]
    first = query.first_rows
    whole = [tuple(solution) for solution in store.query(query.text, use_default_graph_as_union=True)]
    index = [v.value for v in store.query(query.text, use_default_graph_as_union=True).variables].index(first.variable)
    for value in values_of(store, query.text, first):
        bound = store.query(first.head, use_default_graph_as_union=True, substitutions={ox.Variable(first.variable): value})
        assert [tuple(solution) for solution in bound] == [row for row in whole if row[index] == value], value.value


@pytest.mark.parametrize("query", [q for q in STREAMED if q.first_rows.head], ids=lambda q: q.name)
def test_a_value_given_by_param_is_answered_by_the_head_query(stores, query):
    """``--param`` binding the first variable: the head query answers, with the plain path's bytes, page by page;
    and a value the pattern does not give has no row either way."""
    store = stores["synthetic"]
    first = query.first_rows
    plain = dataclasses.replace(query, first_rows=None)
    values = values_of(store, query.text, first)
    for value in [*values[:3], values[len(values) // 2], ox.NamedNode("https://w3id.org/migkg/state/nowhere")]:
        streamed = first_rows(store, query.text, first, {first.variable: value}, Page())
        assert streamed is not None  # the head query ran
        for page in (Page(), Page(2, 1)):
            out, expected = io.StringIO(), io.StringIO()
            write_embedded(store, query, {first.variable: value}, "csv", Iris("https://w3id.org/migkg/"), out, page=page)
            write_embedded(store, plain, {first.variable: value}, "csv", Iris("https://w3id.org/migkg/"), expected,
                           page=page)
            assert out.getvalue() == expected.getvalue(), (value, page)


def test_the_head_is_the_least_value_bound_and_the_rest_skips_it(stores, monkeypatch):
    store = stores["synthetic"]
    query = next(q for q in STREAMED if q.name == "actor-event")
    calls: list[tuple[str, dict]] = []

    def run(text, bindings):
        calls.append((text, dict(bindings)))
        return store.query(text, use_default_graph_as_union=True,
                           substitutions={ox.Variable(k): v for k, v in bindings.items()})

    streamed = first_rows(store, query.text, query.first_rows, {}, Page(), run)
    assert streamed is not None
    least = values_of(store, query.text, query.first_rows)[0]
    assert calls == [(query.text, {"source": least})]  # nothing else has run yet
    rows = list(streamed.rows)
    head = [row for row in rows if row["source"] == least]
    assert head and rows[:len(head)] == head
    text, bindings = calls[-1]
    assert bindings == {} and f"OFFSET {len(head)}" in text and "LIMIT" not in text.split("ORDER BY")[-1]
    whole = list(store.query(query.text, use_default_graph_as_union=True))
    assert [[row[v] for v in streamed.variables] for row in rows] == \
        [[row[v] for v in streamed.variables] for row in whole]


def test_values_with_no_row_are_passed_over_within_the_budget(stores, monkeypatch):
    """A pattern that gives more values than the answer has: the first ones give no row and are skipped, and with
    no time left the whole query gives every row."""
    store = stores["synthetic"]
    query = next(q for q in STREAMED if q.name == "statements")
    # events (https://w3id.org/migkg/event/...) sort before the speakers and give no row: the least values are empty
    wider = dataclasses.replace(query, first_rows=FirstRows(
        "source", "{ { ?anything mig:event ?source } UNION { ?anything mig:speaker ?source } }"))
    least = values_of(store, query.text, wider.first_rows)[0]
    assert not list(store.query(query.text, use_default_graph_as_union=True,
                                substitutions={ox.Variable("source"): least}))
    plain = dataclasses.replace(query, first_rows=None)
    for budget in (0.0, 60.0):
        monkeypatch.setattr(streaming, "BUDGET", budget)
        monkeypatch.setattr(streaming, "PAGE_BUDGET", budget)
        for page in (Page(), Page(3, 1), Page(60), Page(None, 30)):
            assert written(store, wider, page) == written(store, plain, page)


@pytest.mark.parametrize(("rows", "page", "elapsed", "go_on"), [
    (0, Page(), 0.1, True), (0, Page(), 0.6, False),          # looking for a first row, within BUDGET
    (3, Page(), 0.1, False),                                   # the whole answer: a first row is enough
    (3, Page(None, 5), 0.1, True), (6, Page(None, 5), 0.1, False),  # until the head reaches into the page
    (50, Page(100), 0.2, True),                                # 50 more rows at 4 ms a row: 0.2 s
    (10, Page(100), 0.2, False),                               # 90 more at 20 ms a row: 1.8 s, over PAGE_BUDGET
    (100, Page(100), 0.01, False),                             # the page is full
])
def test_when_to_bind_the_next_value(rows, page, elapsed, go_on):
    assert streaming._go_on(["row"] * rows, page, elapsed) is go_on


def test_where_the_line_cannot_hold_the_query_runs_whole(stores):
    store = stores["seed"]
    query = next(q for q in STREAMED if q.name == "actor-event")
    some_actor = values_of(store, query.text, query.first_rows)[0]
    assert first_rows(store, query.text, query.first_rows, {"source": some_actor}, Page()) is None  # bound, no head
    own_page = query.text.rstrip() + "\nLIMIT 3\n"
    assert first_rows(store, own_page, query.first_rows, {}, Page()) is None  # a page of its own
    literals = FirstRows("source", "{ ?x rdfs:label ?source }")
    assert first_rows(store, query.text, literals, {}, Page()) is None  # values that are not IRIs
    nothing = FirstRows("source", "{ ?x <urn:none> ?source }")
    assert first_rows(store, query.text, nothing, {}, Page()) is None  # no value at all


@pytest.mark.parametrize(("header", "named"), [
    ("# title: t\n# first-rows: source from ?x ?p ?source\n", ["q.rq:2", "first-rows", "?variable from { pattern }"]),
    ("# first-rows: ?s from { ?s ?p ?o } using heads/missing.rq\n", ["q.rq:1", "heads/missing.rq", "cannot be read"]),
])
def test_a_line_that_cannot_be_used_is_named(tmp_path, header, named):
    path = tmp_path / "q.rq"
    path.write_text(header + "SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_query(path)
    assert all(words in str(raised.value) for words in named), str(raised.value)


def test_a_pattern_or_a_head_query_oxigraph_cannot_read_is_named(tmp_path, stores):
    """Found when the query runs: the line, or the head query's file, is named (not the query, which is right)."""
    store = stores["seed"]
    base = next(q for q in STREAMED if q.name == "actor-event")
    lines = base.text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("# first-rows:"))
    bad_pattern = tmp_path / "pattern.rq"
    bad_pattern.write_text("".join(lines[:at] + ["# first-rows: ?source from { ?p mig:agent ?source ?? }\n"]
                                   + lines[at + 1:]), encoding="utf-8")
    (tmp_path / "heads").mkdir()
    (tmp_path / "heads" / "broken.rq").write_text("SELECT ?source WHERE { ?source }\n", encoding="utf-8")
    bad_head = tmp_path / "head.rq"
    bad_head.write_text("".join(lines[:at] + ["# first-rows: ?source from { ?p mig:agent ?source } using heads/broken.rq\n"]
                                + lines[at + 1:]), encoding="utf-8")
    for path, named in ((bad_pattern, f"pattern.rq:{at + 1}: first-rows: its pattern is not valid SPARQL"),
                        (bad_head, "heads/broken.rq: is not valid SPARQL for Oxigraph")):
        query = read_query(path)
        with pytest.raises(InputError) as raised:
            written(store, query, Page())
        assert named in str(raised.value), str(raised.value)
    with pytest.raises(InputError, match=r"broken\.rq"):  # --param binding the variable: the head query answers
        first_rows(store, read_query(bad_head).text, read_query(bad_head).first_rows,
                   {"source": ox.NamedNode("https://w3id.org/migkg/state/KAZ")}, Page())


class Timed(io.StringIO):
    """An output that notes, at each flush, how much was written and when."""

    def __init__(self):
        super().__init__()
        self.flushes: list[tuple[float, int]] = []

    def flush(self):
        self.flushes.append((time.monotonic(), len(self.getvalue())))


@pytest.mark.parametrize("timeout", [None, 60.0])
def test_the_head_is_out_before_the_rest_is_computed(stores, monkeypatch, timeout):
    """The head's rows are flushed before the rest is asked of the engine, in this process and from the child
    process that --timeout uses (which sends what is flushed): a slow rest does not hold them back."""
    store = stores["synthetic"]
    query = next(q for q in STREAMED if q.name == "actor-event")
    plain = dataclasses.replace(query, first_rows=None)
    substituting = streaming._substituting

    def slow_rest(store):
        evaluate = substituting(store)

        def run(text, bindings):
            if "OFFSET" in text:  # the rest: the whole query from OFFSET n
                time.sleep(1.5)
            return evaluate(text, bindings)
        return run

    monkeypatch.setattr(streaming, "_substituting", slow_rest)
    out = Timed()
    write_embedded(store, query, None, "csv", Iris("https://w3id.org/migkg/"), out, timeout=timeout)
    ended = time.monotonic()
    lines = out.getvalue().splitlines()
    head = [line for line in lines[1:] if line.split(",")[0] == lines[1].split(",")[0]]
    early = [(when, size) for when, size in out.flushes if when < ended - 1.0]
    assert early, "nothing was out before the rest was computed"
    assert max(size for _when, size in early) >= len("\n".join(lines[:1 + len(head)]))
    assert out.getvalue() == written(store, plain, Page())


def test_a_sub_select_with_a_limit_or_another_binding_runs_whole(stores):
    """Bound inside a sub-select that has a LIMIT, the variable would change what the LIMIT keeps; bound by
    --param, another variable makes the query narrow already (q11's fact): the query runs whole."""
    store = stores["domain"]
    query = next(q for q in STREAMED if q.name == "actor-event")
    limited = query.text.replace("GROUP BY ?source ?target", "GROUP BY ?source ?target LIMIT 1000", 1)
    assert limited != query.text
    assert first_rows(store, limited, query.first_rows, {}, Page()) is None
    q11 = next(q for q in STREAMED if q.name.startswith("q11"))
    fact = next(iter(store.query(q11.text, use_default_graph_as_union=True)))["fact"]
    assert first_rows(store, q11.text, q11.first_rows, {"fact": fact}, Page()) is None
    plain = dataclasses.replace(q11, first_rows=None)
    for q in (q11, plain):
        out = io.StringIO()
        write_embedded(store, q, {"fact": fact}, "csv", Iris("https://w3id.org/migkg/"), out)
        assert fact.value in out.getvalue()


def test_a_first_rows_line_may_go_on_below(tmp_path):
    path = tmp_path / "q.rq"
    (tmp_path / "h.rq").write_text("SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    path.write_text("# title: t\n# first-rows: ?s from { ?s ?p ?o }\n#   using h.rq\n# example: x\n"
                    "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s\n", encoding="utf-8")
    first = read_query(path).first_rows
    assert first is not None and first.pattern == "{ ?s ?p ?o }" and first.head == "SELECT * WHERE { ?s ?p ?o }\n"
