"""``migkg publish``: put the built dataset into a triplestore, graph by graph."""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from migkg.cli.common import OutOption, errors_to_exit, say
from migkg.cli.query import ConnectTimeoutOption, ReadTimeoutOption
from migkg.errors import InputError, Location

if TYPE_CHECKING:
    from rich.progress import Progress

PROTOCOLS = ("gsp", "update")


@errors_to_exit
def publish(endpoint: Annotated[str, typer.Option(
                "--endpoint", metavar="URL", help="The store's Graph Store Protocol URL (Oxigraph: http://HOST:7878/store; Virtuoso: "
                                   "http://HOST:8890/sparql-graph-crud), or with --protocol update its SPARQL Update "
                                   "URL. A login comes from MIGKG_ENDPOINT_USER and MIGKG_ENDPOINT_PASSWORD.")],
            out: OutOption = Path("build"),
            protocol: Annotated[str, typer.Option(
                "--protocol", metavar="gsp|update", help="gsp: PUT each graph (SPARQL 1.1 Graph Store Protocol); update: DROP + INSERT "
                                   "DATA per graph (SPARQL 1.1 Update), for stores without the Graph Store Protocol.")
            ] = "gsp",
            connect_timeout: ConnectTimeoutOption = 10.0, read_timeout: ReadTimeoutOption = 300.0):
    """Replace each named graph of the build (and the dataset description) in a store, and remove the graphs an
    earlier publish put that the build no longer has; twice is the same as once."""
    from migkg.stores.http import HttpClient, Timeouts, credentials_from_env
    from migkg.stores.opening import open_build
    from migkg.stores.publish import GraphStoreTarget, UpdateTarget, graphs_of
    from migkg.stores.publish import publish as publish_graphs

    protocol = protocol.lower()
    if protocol not in PROTOCOLS:
        raise InputError(Location(Path("--protocol")), f"no protocol named {protocol!r}.", "use gsp or update.")
    started = time.perf_counter()
    build = open_build(out)
    graphs = graphs_of(build)
    client = HttpClient(Timeouts(connect_timeout, read_timeout), credentials=credentials_from_env())
    target = (GraphStoreTarget if protocol == "gsp" else UpdateTarget)(endpoint, client)
    with _progress(len(graphs)) as advance:
        report = publish_graphs(build, graphs, target, advance)
    releases = len({g.release_id for g in report.published if g.release_id})
    say(f"published {len(report.published)} graphs ({releases} release(s), {report.triples:,} triples) to "
        f"{endpoint} in {time.perf_counter() - started:.2f} s")
    if report.removed:
        gone = sorted({g.release_id for g in report.removed if g.release_id})
        what = f"of release(s) no longer in the build: {', '.join(gone)}" if gone and all(
            g.release_id for g in report.removed) else "no longer in the build"
        say(f"removed {len(report.removed)} graph(s) {what} ({', '.join(f'<{g.name}>' for g in report.removed)}); "
            "the store holds exactly the build's graphs of this dataset")
    elif report.unread:
        say(f"note: {endpoint} does not answer queries, so the graphs of the last publish could not be read and "
            "none was removed: a release dropped from the build keeps its graphs there. Fix: publish through the "
            "Graph Store Protocol URL (--protocol gsp), or drop them by hand.")


class _progress:
    """A progress bar on a terminal (stderr); nothing when the output goes to a file or a pipe."""

    def __init__(self, total: int):
        self.total = total
        self.bar: Progress | None = None

    def __enter__(self):
        if not sys.stderr.isatty():
            return lambda graph: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(TextColumn("publishing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                       TextColumn("{task.description}"), transient=True)
        self.bar = bar
        bar.start()
        task = bar.add_task("", total=self.total)
        return lambda graph: bar.update(task, advance=1, description=graph.label)

    def __exit__(self, *exc):
        if self.bar:
            self.bar.stop()
