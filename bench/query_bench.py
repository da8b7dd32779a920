"""The catalogue queries on a built dataset: how soon the first row comes, the whole answer, and a reference.

For each query of ``queries/research`` and ``queries/network`` on an in-memory Oxigraph store (default
graph = union of all graphs, as ``migkg query`` runs them) it measures:

- the first row: the time until it is read, as ``migkg query --format csv`` reads it (the engine's first row; for a
  query with a ``# first-rows:`` line, the first row of the head that :mod:`migkg.queries.streaming` computes first);
- the whole answer, every row read;
- the first page, ``--limit 100`` (the query's own ``LIMIT 100``, written by :mod:`migkg.queries.paging`);
- the reference: as many rows of one triple pattern (``?s ?p ?o``, no join) sorted by the engine
  (``ORDER BY ?s ?p ?o``), the least any query returning that many sorted rows costs; and the same rows
  unsorted (the floor);

each query and its reference one after the other, ``repeat`` times, the medians reported (the machine is
shared: a ratio of two figures taken together means more than either alone), with the load average.

    python bench/query_bench.py --build bench/out/build-10000            # every query, once
    python bench/query_bench.py --build DIR --only q05,co-participation --repeat 3 --queries OTHER/queries

``bench/run.py`` calls :func:`measure_catalogue` for its query rows and :func:`target_lines` for its targets.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the whole-corpus listings that the target of issue 14 compares with the reference
LISTINGS = ("network/co-participation.rq", "research/q11-evidence-of-a-fact.rq", "research/q05-statements.rq",
            "network/actor-event.rq", "network/statements.rq", "research/q17-roles-of-an-actor-by-year.rq")
PAGE = 100
FIRST_ROWS_TARGET = 1.0
LISTING_TARGET = 3.0


@dataclass
class Measured:
    what: str
    seconds: float  # the whole answer
    rows: int
    first: float | None  # the first row (None: no row)
    page: float  # the first page, LIMIT 100
    reference: float  # as many rows of one triple pattern, sorted by the engine
    floor: float  # the same, unsorted
    load: float  # the 1-minute load average when measured

    def note(self) -> str:
        first = "no row" if self.first is None else f"first row {self.first:.3f} s"
        return (f"{self.rows:,} rows; {first}; first page (--limit {PAGE}) {self.page:.3f} s; reference (as many rows "
                f"of one triple pattern, sorted by the engine) {self.reference:.3f} s, unsorted {self.floor:.3f} s: "
                f"{self.seconds / max(self.reference, 1e-3):.1f}x the reference; load {self.load:.1f}")


def timed(store, text: str, page=None, first=None) -> tuple[float | None, float, int]:
    """(seconds to the first row or None, seconds to the last, rows) of ``text`` on ``store`` (``page``: of that
    page of its answer, a :class:`migkg.queries.paging.Page`).

    With ``first``, the query's ``# first-rows:`` line (:attr:`migkg.queries.catalogue.Query.first_rows`), it is
    read as ``migkg query`` reads it (:func:`migkg.queries.streaming.first_rows`: the rows of the least value
    first, then the rest)."""
    from migkg.queries.paging import Page, paged
    from migkg.queries.streaming import first_rows

    page = page or Page()
    began = time.perf_counter()
    found = None
    rows = 0
    streamed = first_rows(store, text, first, {}, page) if first else None
    solutions = streamed.rows if streamed else store.query(paged(text, page), use_default_graph_as_union=True)
    for _ in solutions:
        if found is None:
            found = time.perf_counter() - began
        rows += 1
    return found, time.perf_counter() - began, rows


def reference_texts(rows: int) -> tuple[str, str]:
    """The reference for ``rows`` rows: one triple pattern sorted by the engine, and unsorted."""
    pattern = f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {max(rows, 1)}"
    return f"SELECT ?s ?p ?o WHERE {{ {{ {pattern} }} }} ORDER BY ?s ?p ?o", pattern


def measure(store, what: str, text: str, repeat: int = 1, first=None) -> Measured:
    """One query, with its first page and its reference, alternating ``repeat`` times; the medians."""
    from migkg.queries.paging import Page

    runs, pages, references, floors = [], [], [], []
    for _ in range(max(repeat, 1)):
        runs.append(timed(store, text, first=first))
        pages.append(timed(store, text, page=Page(PAGE), first=first)[1])
        sorted_text, unsorted_text = reference_texts(runs[-1][2])
        references.append(timed(store, sorted_text)[1])
        floors.append(timed(store, unsorted_text)[1])
    firsts = [first for first, _total, _rows in runs if first is not None]
    return Measured(what, statistics.median(total for _first, total, _rows in runs), runs[-1][2],
                    statistics.median(firsts) if firsts else None, statistics.median(pages),
                    statistics.median(references), statistics.median(floors), os.getloadavg()[0])


def catalogue_files(queries: Path = ROOT / "queries", only: list[str] | None = None) -> list[tuple[str, Path]]:
    """(``folder/name.rq``, path) of every research and network query, or of those whose name starts with one of ``only``."""
    found = [(f"{folder}/{path.name}", path) for folder in ("research", "network")
             for path in sorted((queries / folder).glob("*.rq"))]
    return [(what, path) for what, path in found if not only or any(path.name.startswith(o) for o in only)]


def measure_catalogue(store, queries: Path = ROOT / "queries", repeat: int = 1, only: list[str] | None = None,
                      progress=None) -> list[Measured]:
    from migkg.queries.catalogue import read_query

    measured = []
    for what, path in catalogue_files(queries, only):
        query = read_query(path)
        measured.append(measure(store, what, query.text, repeat, query.first_rows))
        if progress:
            progress(measured[-1])
    return measured


_NOTE = re.compile(r"(?P<rows>[\d,]+) rows; (?:first row (?P<first>[\d.]+) s|no row).*?reference \(.*?\) "
                   r"(?P<reference>[\d.]+) s")


def target_lines(size: int, rows: list) -> list[str]:
    """The two query targets of issue 14, from the rows :func:`measure_catalogue` gave (``what``, ``seconds``,
    ``note``, as bench/run.py keeps them): first rows within 1 s, whole-corpus listings within 3x the reference."""
    parsed = [(row, _NOTE.search(row.note)) for row in rows]
    parsed = [(row, found) for row, found in parsed if found]
    if not parsed:
        return []
    # the first row; for an answer with no row, the (empty) answer itself
    late = [(row.what, float(found["first"]) if found["first"] else row.seconds) for row, found in parsed
            if (float(found["first"]) if found["first"] else row.seconds) > FIRST_ROWS_TARGET]
    lines = [f"- first rows of each catalogue query on {size:,} releases within {FIRST_ROWS_TARGET:g} s (streamed "
             f"output; `--limit`/`--offset` page): {len(parsed) - len(late)} of {len(parsed)}: "
             + ("met" if not late else "missed; later: " + "; ".join(f"{what} {first:.2f} s" for what, first in late))]
    listings = [(row, found) for row, found in parsed if row.what in LISTINGS]
    if listings:
        ratios = [(row.what, row.seconds / max(float(found["reference"]), 1e-3)) for row, found in listings]
        over = [(what, ratio) for what, ratio in ratios if ratio > LISTING_TARGET]
        lines.append(f"- whole-corpus listings on {size:,} releases within {LISTING_TARGET:g}x as many rows of one "
                     "triple pattern sorted by the engine: "
                     + ", ".join(f"{what.split('/')[-1].removesuffix('.rq')} {ratio:.1f}x" for what, ratio in ratios)
                     + (": met" if not over else ": missed"))
    return lines


def report(measured: list[Measured], size: int, before: dict[str, float] | None = None) -> str:
    """A Markdown report: one row per query, then the targets (``before``: query -> seconds of an earlier run)."""
    class _Row:  # what target_lines reads
        def __init__(self, m: Measured):
            self.what, self.seconds, self.note = m.what, m.seconds, m.note()

    lines = [f"# Catalogue queries on {size:,} releases", "",
             "Written by `bench/query_bench.py`: each query on an in-memory Oxigraph store (default graph = union of "
             "all graphs), every row read; the first row; the first page (`--limit 100`); the reference: as many rows "
             "of one triple pattern sorted by the engine (`ORDER BY ?s ?p ?o`), and unsorted. Seconds; the machine "
             "(2 cores) is shared, so the load average is given beside each row and ratios mean more than times.", "",
             "## Targets", "", *target_lines(size, [_Row(m) for m in measured]), "",
             "| query | rows | whole s | before s | first row s | first page s | reference s | unsorted s | ratio | load |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for m in measured:
        first = "" if m.first is None else f"{m.first:.2f}"
        earlier = f"{before[m.what]:.2f}" if before and m.what in before else ""
        lines.append(f"| {m.what} | {m.rows:,} | {m.seconds:.2f} | {earlier} | {first} | {m.page:.2f} | "
                     f"{m.reference:.2f} | {m.floor:.2f} | {m.seconds / max(m.reference, 1e-3):.1f} | {m.load:.1f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, required=True, help="a build folder (migkg build --out)")
    parser.add_argument("--queries", type=Path, default=ROOT / "queries", help="the queries folder to time")
    parser.add_argument("--only", default="", help="comma-separated starts of query file names (q05,co-participation)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--results", type=Path, help="also write the Markdown report there")
    args = parser.parse_args(argv)
    from migkg.stores.opening import open_build

    began = time.perf_counter()
    store = open_build(args.build).store
    print(f"loaded {args.build} in {time.perf_counter() - began:.1f} s (load {os.getloadavg()[0]:.1f})", file=sys.stderr)
    only = [o for o in args.only.split(",") if o]
    measured = measure_catalogue(store, args.queries, args.repeat, only,
                                 progress=lambda m: print(f"{m.what}: {m.seconds:.3f} s; {m.note()}", flush=True))
    if args.results:  # the size from the folder's name, as bench/run.py names its builds (build-10000)
        named = re.search(r"(\d+)$", args.build.name)
        args.results.write_text(report(measured, int(named.group(1)) if named else 0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
