"""How long the network measures take (:mod:`migkg.network.measures`), and whether they are networkx's numbers.

bench/run.py calls :func:`time_measures` on the networks of each corpus size. On its own, on a build
folder (``migkg build --out DIR``)::

    python bench/network_measures.py --build bench/out/build-10000
    python bench/network_measures.py --build bench/out/build-1000 --check   # + networkx's exact numbers

It times loading the build, building the five networks, and every measure of each (``measure_values``: wall
and CPU time, the CPU time of every thread: on a shared machine the wall time includes waiting for a core;
the load average is printed beside), then apart the copy of each graph that ``add_measures`` puts the
measures on. Exact betweenness and brokerage run on every core (numba); the
first run on a machine also compiles them (a few seconds, then cached). ``--check`` then computes
betweenness and brokerage with networkx alone (pure Python: minutes at 1,000 releases) and prints the largest difference from migkg's, relative to the largest value, and
the modularity of migkg's communities beside that of networkx's Louvain. ``--exact-up-to N`` measures
with another threshold (e.g. 100000: every network exact).
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Timing:
    name: str
    nodes: int
    edges: int
    wall: float
    cpu: float
    sampled: dict[str, int]
    carrying: float = 0.0

    def text(self) -> str:
        how = "exact" if not self.sampled else "sampled " + "+".join(self.sampled)
        return f"{self.name} {self.nodes:,}n {self.wall:.2f} s ({how})"


def time_measures(nets, exact_up_to: int | None = None) -> list[Timing]:
    """Every measure of every network (``measure_values``), timed one by one; then, apart, the copy of each graph
    that ``add_measures`` puts them on (``carrying``)."""
    from migkg.network import measures

    limit = measures.EXACT_UP_TO if exact_up_to is None else exact_up_to
    timings, values = [], {}
    for name in nets:
        graph = nets[name]
        began, cpu = time.perf_counter(), _cpu()
        values[name] = measures.measure_values(graph, exact_up_to=limit)
        timings.append(Timing(name, graph.number_of_nodes(), graph.number_of_edges(), time.perf_counter() - began,
                              _cpu() - cpu, measures.sampling(graph, exact_up_to=limit)))
    for timing in timings:
        began = time.perf_counter()
        measures.carrying(nets[timing.name], values[timing.name], timing.sampled)
        timing.carrying = time.perf_counter() - began
    return timings


def _cpu() -> float:
    """CPU seconds of this process and its threads so far (user and system, from getrusage)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def summary(timings: list[Timing]) -> str:
    """One line for bench/RESULTS.md: the total, then each network, then the copies ``add_measures`` adds."""
    return (f"measures {sum(t.wall for t in timings):,.2f} s (CPU {sum(t.cpu for t in timings):,.2f} s): "
            + "; ".join(t.text() for t in timings)
            + f"; add_measures' copies of the graphs another {sum(t.carrying for t in timings):,.2f} s")


def check(nets) -> None:
    """Print how far migkg's betweenness and brokerage are from networkx's exact numbers, and the modularity."""
    import networkx as nx

    from migkg.network import measures

    for name in nets:
        g = measures.undirected(nets[name])
        groups = {n: str(d[measures.DEFAULT_GROUP]) for n, d in g.nodes(data=True)
                  if d.get(measures.DEFAULT_GROUP) is not None}
        began = time.perf_counter()
        ours_b, ours_k = measures.betweenness(g), measures.brokerage(g, groups)
        ours_seconds = time.perf_counter() - began
        began = time.perf_counter()
        theirs_b = nx.betweenness_centrality(g, normalized=True)
        theirs_k = dict.fromkeys(g, 0.0)
        for group in sorted(set(groups.values())):
            part = nx.betweenness_centrality_subset(
                g, sources=[n for n in g if groups.get(n) == group],
                targets=[n for n in g if n in groups and groups[n] != group], normalized=False)
            for node, value in part.items():
                theirs_k[node] += value
        theirs_seconds = time.perf_counter() - began
        ours_c = measures.communities(g)
        modularity = nx.community.modularity(g, [{n for n in ours_c if ours_c[n] == c} for c in set(ours_c.values())],
                                             weight="weight")
        theirs_c = nx.community.louvain_communities(g, weight="weight", seed=measures.DEFAULT_SEED)
        print(f"{name}: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges; "
              f"betweenness off by {_largest_difference(ours_b, theirs_b):.1e}, "
              f"brokerage by {_largest_difference(ours_k, theirs_k):.1e} of the largest value "
              f"(migkg {ours_seconds:.2f} s, networkx {theirs_seconds:.2f} s); communities: migkg {len(set(ours_c.values()))}, "
              f"modularity {modularity:.4f}; networkx Louvain {len(theirs_c)}, "
              f"modularity {nx.community.modularity(g, theirs_c, weight='weight'):.4f}; load {load_average()}", flush=True)


def _largest_difference(ours: dict[str, float], theirs: dict[str, float]) -> float:
    largest = max([abs(v) for v in theirs.values()] + [1e-300])
    return max(abs(ours[n] - theirs[n]) for n in theirs) / largest


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", type=Path, required=True, help="a folder `migkg build` wrote")
    parser.add_argument("--exact-up-to", type=int, default=None, help="the threshold (default: migkg's)")
    parser.add_argument("--check", action="store_true", help="also compare with networkx's exact numbers")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="measure N times on the same networks and print the median of the totals (the first "
                             "run after a change of the kernel also compiles it, a few seconds)")
    args = parser.parse_args()

    import numba

    from migkg import network
    from migkg.stores.opening import open_build
    from migkg.stores.sources import EmbeddedSource

    print(f"load average {load_average()}; {os.cpu_count()} cores, numba on {numba.get_num_threads()} threads")
    began = time.perf_counter()
    store = open_build(args.build).store
    loaded = time.perf_counter()
    nets = network.networks(EmbeddedSource(store))
    built = time.perf_counter()
    print(f"load the build {loaded - began:.2f} s, build the networks {built - loaded:.2f} s: {nets!r}")
    totals = []
    for _ in range(max(args.repeat, 1)):
        timings = time_measures(nets, args.exact_up_to)
        for t in timings:
            print(f"  {t.name}: {t.nodes:,} nodes, {t.edges:,} edges: {t.wall:.2f} s (CPU {t.cpu:.2f} s), "
                  f"{'exact' if not t.sampled else 'sampled: ' + str(t.sampled)}; "
                  f"the copy add_measures makes {t.carrying:.2f} s")
        print(summary(timings) + f"; load average {load_average()}", flush=True)
        totals.append(sum(t.wall for t in timings))
    if len(totals) > 1:
        print(f"every measure, {len(totals)} runs: " + ", ".join(f"{t:.2f}" for t in totals)
              + f" s; median {statistics.median(totals):.2f} s")
    if args.check:
        check(nets)


if __name__ == "__main__":
    main()
