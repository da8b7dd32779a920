"""``migkg network stats|export|draw``: the actor networks, their measures, exports and pictures."""
from __future__ import annotations

import csv
import io
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from migkg.cli.common import App, errors_to_exit, require_folder_or_nothing, say
from migkg.errors import InputError, Location

if TYPE_CHECKING:
    from migkg.network.slices import Window

network_app = App(no_args_is_help=True, help="Actor networks from the graph: measures (stats), GraphML/GEXF/"
                  "JSON/CSV files (export), PNG/SVG/HTML pictures (draw).")

BuildOutOption = Annotated[Path | None, typer.Option(
    "--out", metavar="DIR", help="Folder of the build to read when no --endpoint, as for query, serve and publish "
                                 "(default: build).")]
#: the old name of --out here (until 0.1.0); hidden, and read as before: see :func:`_folders`
OldBuildOption = Annotated[Path | None, typer.Option("--build", metavar="DIR", hidden=True)]
EndpointOption = Annotated[str | None, typer.Option(
    "--endpoint", metavar="URL", help="Read the graph from this SPARQL 1.1 query endpoint instead of the built files.")]
ToOption = Annotated[Path | None, typer.Option(
    "--to", metavar="DIR", help="Folder to write the files to (default: network/ in the build folder, which "
                                "`migkg build` keeps).")]
NetworksOption = Annotated[list[str] | None, typer.Option(
    "--network", "-n", metavar="NAME", help="A network to use (repeatable): actor-event, co-participation, affiliation, statements, "
                            "actors. Default: all.")]
#: shorter type names for the printed table (the CSV keeps the full ones)
SHORT_TYPES = {"intergovernmental-organization": "IGO"}
SeedOption = Annotated[int, typer.Option("--seed", metavar="N", help="Seed of the Louvain community detection, and of the "
                                                        "sources sampled for betweenness and brokerage.")]
ExactUpToOption = Annotated[int | None, typer.Option(
    "--exact-up-to", metavar="N", help="Networks with more nodes than this get betweenness and brokerage estimated from "
                          "--samples sampled sources (0: always estimate). Default: 15000.")]
SamplesOption = Annotated[int | None, typer.Option(
    "--samples", metavar="K", help="Sampled source nodes of the betweenness and brokerage estimates (at least 2). Default: 100.")]
FromOption = Annotated[str | None, typer.Option(
    "--from", metavar="DATE", help="Only the facts from this date on (YYYY, YYYY-MM or YYYY-MM-DD: from its first day); "
                                   "a fact is in when its time overlaps the range (see docs/analysts.md).")]
UntilOption = Annotated[str | None, typer.Option(
    "--until", metavar="DATE", help="Only the facts up to this date (YYYY, YYYY-MM or YYYY-MM-DD: to its last day).")]
YearOption = Annotated[str | None, typer.Option(
    "--year", metavar="YYYY", help="Only the facts of one year (the same as --from YYYY --until YYYY).")]
ProcessOption = Annotated[str | None, typer.Option(
    "--process", metavar="ID", help="Only the facts at the meetings of one process: its id (almaty-process) or IRI.")]
#: the option names the errors of a slice give
SLICE_OPTIONS = ("--from", "--until", "--year", "--process")


def _folders(out: Path | None, to: Path | None, old_build: Path | None) -> tuple[Path, Path]:
    """The build to read and the folder to write to. ``--out`` names the build, as it does for every command that
    reads one, and the files go to ``--to``. Scripts written before, with ``--build`` for the build and ``--out``
    for the files, still work: with ``--build``, ``--out`` keeps that old meaning."""
    if to is not None:
        require_folder_or_nothing(to, "--to")  # before the networks are computed and drawn, not after
    if old_build is None:
        build = out or Path("build")
        return build, to or build / "network"
    say("note: --build is the old name of --out here; write --out BUILD --to FOLDER (with --build, --out still "
        "names the folder to write to, as it did).")
    if out is not None and to is not None:
        raise InputError(Location(Path("--build")), "with --build (the old spelling), --out names the folder to "
                         "write to, and so does --to.", "write --out BUILD --to FOLDER, without --build.")
    return old_build, to or out or Path("build/network")  # where the files went before, whatever the build


def _chosen(names: list[str] | None) -> list[str]:
    from migkg.network import NETWORK_NAMES

    for name in names or []:
        if name not in NETWORK_NAMES:
            raise InputError(Location(Path("--network")), f"no network named {name!r}.",
                             f"use one of: {', '.join(NETWORK_NAMES)}.")
    return list(dict.fromkeys(names)) if names else list(NETWORK_NAMES)


def _measure(option: str, value: str) -> str:
    from migkg.network import MEASURES

    if value not in MEASURES:
        raise InputError(Location(Path(option)), f"no measure named {value!r}.", f"use one of: {', '.join(MEASURES)}.")
    return value


def _window(start: str | None, until: str | None, year: str | None) -> Window:
    """The slice the options ask for, its dates checked before anything is read (the process is looked up later)."""
    from migkg.network.slices import window

    return window(start, until, year, None, names=SLICE_OPTIONS)


def _networks(build: Path, endpoint: str | None, chosen: Window, process: str | None = None):
    """The networks, cut to the window ``chosen`` and ``process`` (the graph must know it) if given."""
    from dataclasses import replace

    from migkg.network import networks, open_source
    from migkg.network.slices import fact_times

    started = time.perf_counter()
    source = open_source(endpoint or build)
    timeline = None
    if process is not None:  # an unknown process is an error before the networks are read
        timeline = fact_times(source)
        chosen = replace(chosen, process=timeline.process(process, "--process"))
    graphs = networks(source, timeline)
    say(f"read {len(graphs)} networks from {endpoint or build} in {time.perf_counter() - started:.2f} s: {graphs!r}")
    if chosen.start or chosen.end or chosen.process:
        graphs = graphs.within(chosen)
        say(f"sliced to {chosen.describe()}: {graphs!r}")
    return source, graphs


def _sampling_note(graph, seed: int, exact_up_to: int, samples: int) -> str | None:
    """One line saying which measures are estimates on this network, or None when all are exact."""
    from migkg.network.measures import DEFAULT_GROUP, sampling

    sampled = sampling(graph, DEFAULT_GROUP, exact_up_to, samples)
    if not sampled:
        return None
    grouped = sum(1 for _, value in graph.nodes(data=DEFAULT_GROUP) if value is not None)
    of = {"betweenness": f"{graph.number_of_nodes():,} nodes", "brokerage": f"{grouped:,} grouped nodes"}
    return (f"estimated ({graph.number_of_nodes():,} nodes > --exact-up-to {exact_up_to:,}), seed {seed}: "
            + "; ".join(f"{name} from {k:,} sampled sources of {of[name]}" for name, k in sampled.items()))


def _sampling_options(exact_up_to: int | None, samples: int | None) -> tuple[int, int]:
    """--exact-up-to and --samples, their defaults from :mod:`migkg.network.measures` (imported only when needed)."""
    from migkg.network.measures import EXACT_UP_TO, SAMPLES

    exact_up_to = EXACT_UP_TO if exact_up_to is None else exact_up_to
    samples = SAMPLES if samples is None else samples
    if samples < 2:
        raise InputError(Location(Path("--samples")), f"{samples} sampled sources: an estimate needs at least 2.",
                         f"give --samples 2 or more (the default is {SAMPLES}).")
    return exact_up_to, samples


def _report(written: list[Path]) -> None:
    for path in written:
        say(f"  {path}  ({path.stat().st_size:,} bytes)")


def _table_text(rows: list[dict], title: str, top: int) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from migkg.console import table_width

    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("rank", "label", "type", "side", "degree", "w.deg", "betweenness", "PageRank", "comm.",
                   "brokerage", "groups"):
        table.add_column(column, justify="left" if column in ("label", "type", "side") else "right",
                         max_width=34 if column == "label" else 22 if column == "side" else None)
    for row in rows[:top]:
        table.add_row(str(row["rank"]), str(row["label"]), SHORT_TYPES.get(row["type"], str(row["type"] or "")),
                      str(row["side_label"] or ""),
                      str(row["degree"]), str(row["weighted_degree"]), f"{row['betweenness']:.3f}",
                      f"{row['pagerank']:.3f}", str(row["community"]), f"{row['brokerage']:.1f}",
                      str(row["groups_linked"]))
    buffer = io.StringIO()
    Console(file=buffer, width=table_width(table), force_terminal=False).print(table)
    more = f"… {len(rows) - top} more rows in the CSV\n" if len(rows) > top else ""
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()).strip("\n") + "\n" + more


def _csv_bytes(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["rank"], lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: ("" if v is None else v) for k, v in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8")


@network_app.command()
@errors_to_exit
def stats(out: BuildOutOption = None, endpoint: EndpointOption = None, to: ToOption = None,
          network: NetworksOption = None,
          by: Annotated[str, typer.Option("--by", metavar="MEASURE", help="Rank by this measure: degree, weighted_degree, betweenness, "
                                                       "pagerank, brokerage, groups_linked.")] = "degree",
          top: Annotated[int, typer.Option("--top", metavar="N", help="Rows to print per network (the CSV has all).")
                         ] = 15,
          seed: SeedOption = 42, exact_up_to: ExactUpToOption = None, samples: SamplesOption = None,
          start: FromOption = None, until: UntilOption = None, year: YearOption = None, process: ProcessOption = None,
          by_year: Annotated[bool, typer.Option("--by-year", help="Also write NAME-measures-by-year.csv: every measure "
                                                "of every node, year by year (a slice per year).")] = False,
          old_build: OldBuildOption = None):
    """Print each network's actors ranked by a measure, and write NAME-measures.csv to --to."""
    build, to = _folders(out, to, old_build)
    from migkg.network import measure_table, ties_by_side
    from migkg.network.export import write_files

    names, by = _chosen(network), _measure("--by", by)
    exact_up_to, samples = _sampling_options(exact_up_to, samples)
    _, graphs = _networks(build, endpoint, _window(start, until, year), process)
    files = {}
    for name in names:
        graph = graphs[name]
        started = time.perf_counter()
        rows = measure_table(graph, by=by, seed=seed, exact_up_to=exact_up_to, samples=samples)
        note = _sampling_note(graph, seed, exact_up_to, samples)
        if note:
            say(f"{name}: measured in {time.perf_counter() - started:.1f} s")
        typer.echo(_table_text(rows, f"{name}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, "
                                     f"ranked by {by}", top))
        if note:
            typer.echo(f"{note}\n")
        if name == "actors":
            labels = {d.get("side"): d.get("side_label") for _, d in graph.nodes(data=True)}
            typer.echo("ties held by each side (edges with an end among its members):")
            for side, count in ties_by_side(graph).items():
                typer.echo(f"  {count:4d}  {labels.get(side) or side}")
            typer.echo("")
        files[f"{name}-measures.csv"] = _csv_bytes(rows)
    if by_year:
        from migkg.network.over_time import measures_by_year

        tables = measures_by_year(graphs, names, by=by, seed=seed, exact_up_to=exact_up_to, samples=samples)
        files.update({f"{name}-measures-by-year.csv": _csv_bytes(rows) for name, rows in tables.items()})
    _report(write_files(files, to))


@network_app.command()
@errors_to_exit
def export(out: BuildOutOption = None, endpoint: EndpointOption = None, to: ToOption = None,
           network: NetworksOption = None, seed: SeedOption = 42, exact_up_to: ExactUpToOption = None,
           samples: SamplesOption = None, start: FromOption = None, until: UntilOption = None,
           year: YearOption = None, process: ProcessOption = None, old_build: OldBuildOption = None):
    """Write each network as NAME.graphml, NAME.gexf, NAME.json (node-link) and NAME-nodes.csv / NAME-edges.csv,
    the nodes carrying their measures (estimates are recorded on the graph: betweenness_sample, ...), and
    NAME-dynamic.gexf for Gephi's timeline (GEXF 1.3, each node and edge with the days its facts hold)."""
    build, to = _folders(out, to, old_build)
    from migkg.network import add_measures
    from migkg.network.export import dynamic_gexf_bytes, export_files, write_files

    names = _chosen(network)
    exact_up_to, samples = _sampling_options(exact_up_to, samples)
    _, graphs = _networks(build, endpoint, _window(start, until, year), process)
    files: dict[str, bytes] = {}
    for name in names:
        note = _sampling_note(graphs[name], seed, exact_up_to, samples)
        if note:
            say(f"{name}: {note}")
        measured = add_measures(graphs[name], seed=seed, exact_up_to=exact_up_to, samples=samples)
        files.update(export_files(measured, name))
        files[f"{name}-dynamic.gexf"] = dynamic_gexf_bytes(measured, graphs.timeline)
    _report(write_files(files, to))


@network_app.command()
@errors_to_exit
def draw(out: BuildOutOption = None, endpoint: EndpointOption = None, to: ToOption = None,
         network: NetworksOption = None,
         size_by: Annotated[str, typer.Option("--size-by", metavar="MEASURE", help="Node size by this measure.")
                            ] = "degree",
         lang: Annotated[str, typer.Option("--lang", metavar="LANG", help="Labels of the PNG and SVG: both, ru or "
                                                                         "en.")] = "both",
         html: Annotated[bool, typer.Option("--html/--no-html", help="Also write the interactive NAME.html.")] = True,
         top: Annotated[int, typer.Option("--top", metavar="N", min=1, help=(
             "Above --summarise-above nodes, the PNG and SVG draw only the N top nodes by --size-by and say what "
             "they leave out (the HTML and the exports keep every node)."))] = 60,
         summarise_above: Annotated[int, typer.Option("--summarise-above", metavar="N", min=1, help=(
             "Draw every node of a network up to N nodes; above, only the --top ones."))] = 300,
         start: FromOption = None, until: UntilOption = None, year: YearOption = None, process: ProcessOption = None,
         old_build: OldBuildOption = None):
    """Draw each network as NAME.png and NAME.svg, and an interactive NAME.html that works offline."""
    build, to = _folders(out, to, old_build)
    from migkg.network.draw import LANGUAGES, picture_files
    from migkg.network.export import write_files
    from migkg.network.html import html_files
    from migkg.network.queries import evidence_spans

    names, size_by = _chosen(network), _measure("--size-by", size_by)
    if lang not in LANGUAGES:
        raise InputError(Location(Path("--lang")), f"no label language {lang!r}.", f"use one of: {', '.join(LANGUAGES)}.")
    source, graphs = _networks(build, endpoint, _window(start, until, year), process)
    spans = evidence_spans(source) if html else {}
    files: dict[str, bytes] = {}
    for name in names:
        files.update(picture_files(graphs[name], name, size_by, lang, top, summarise_above))
        if html:
            files.update(html_files(graphs[name], name, spans, size_by, graphs.timeline))
    _report(write_files(files, to))
