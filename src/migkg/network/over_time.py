"""The measures of the networks year by year: one table per network, a row per year and node.

Each year is a slice of the networks (:meth:`migkg.network.graphs.Networks.slice`): the facts
whose time reaches into that year, within the window and process the networks were already cut to.
The measures are those of :func:`migkg.network.measures.measure_table`, taken on that year's graph.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from migkg.network.graphs import Networks
from migkg.network.measures import EXACT_UP_TO, SAMPLES, measure_table
from migkg.network.slices import Window


def year_window(nets: Networks, year: int) -> Window:
    """The window of ``year`` inside the window ``nets`` were cut to (same process)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    outer = nets.window
    return Window(max(start, outer.start) if outer.start else start, min(end, outer.end) if outer.end else end,
                  outer.process)


def measures_by_year(nets: Networks, names: Iterable[str], by: str = "degree", seed: int = 42,
                     exact_up_to: int = EXACT_UP_TO, samples: int = SAMPLES) -> dict[str, list[dict[str, object]]]:
    """For each network of ``names``: a row per year and node of that year's slice, ``year`` first, then the
    columns of :func:`~migkg.network.measures.measure_table` (ranked within the year by ``by``)."""
    names = list(names)
    tables: dict[str, list[dict[str, object]]] = {name: [] for name in names}
    for year in nets.years():
        sliced = nets.within(year_window(nets, year))
        for name in names:
            rows = measure_table(sliced[name], by=by, seed=seed, exact_up_to=exact_up_to, samples=samples)
            tables[name].extend({"year": year, **row} for row in rows)
    return tables
