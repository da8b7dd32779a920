"""``migkg build`` and ``migkg validate``."""
from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Annotated

import typer

from migkg.cli.common import (
    DEFAULT_BASE,
    BaseOption,
    DataOption,
    OutOption,
    check_iri,
    echo_error,
    errors_to_exit,
    require_data_folder,
    require_folder_or_nothing,
    require_writable_file,
    say,
)

CacheOption = Annotated[Path | None, typer.Option(
    "--cache", metavar="DIR", help="Folder of the build cache (default: .migkg-cache beside the data folder).")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Build every release anew and keep no cache.")]
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", min=1, max=1024, metavar="N", help="Worker processes (default: one per core when many releases need building).")]


def _cache_dir(data: Path, cache: Path | None, no_cache: bool) -> Path | None:
    if no_cache:
        return None
    return cache if cache is not None else data.resolve().parent / ".migkg-cache"


def _progress():
    """A progress bar with releases per second, on a terminal only; None elsewhere (logs stay clean)."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    class Rate(TextColumn):
        def render(self, task):
            speed = task.finished_speed or task.speed
            return super().render(task) if speed is None else f"{speed:,.0f} releases/s"

    def start(total: int):
        bar = Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(), Rate(""), TimeElapsedColumn(),
                       console=Console(stderr=True), transient=True)
        task = bar.add_task("releases", total=total)
        bar.start()

        def advance(n: int) -> None:
            bar.advance(task, n)
            if bar.tasks[0].completed >= total:
                bar.stop()
        if total == 0:
            bar.stop()
        return advance
    return start


def _run(data: Path, out: Path | None, *, base: str, cache: Path | None, no_cache: bool, workers: int | None,
         keep_going: bool, download_base: str | None = None):
    from migkg.build.corpus import build_corpus
    from migkg.build.toolkit import Toolkit
    from migkg.processes import Interrupted, signals_as_interrupt

    require_data_folder(data)
    with signals_as_interrupt(signal.SIGTERM, signal.SIGHUP):
        try:
            return build_corpus(data, out, Toolkit.load(base), cache_dir=_cache_dir(data, cache, no_cache),
                                workers=workers, keep_going=keep_going, download_base=download_base,
                                progress=_progress(), note=lambda text: say(f"note: {text}"))
        except Interrupted as stop:
            kept = f"; {out} is whole: the previous build, or this one if it was already in place" if out else ""
            say(f"migkg: stopped by {signal.Signals(stop.signum).name}{kept}; its temporary folders are removed")
            raise typer.Exit(stop.exit_code) from None


def _failure_line(summary, out: Path | None) -> None:
    """When some releases failed among others that were fine: say how many, and how to write the rest."""
    bad = len(summary.failed) + len(summary.invalid)
    if summary.error is not None and bad and summary.releases > bad and not summary.across_violations:
        where = f" to {out}" if out is not None else ""
        say(f"error: {bad} of {summary.releases:,} release(s) failed ({summary.built:,} built, {summary.reused:,} "
            f"reused from the cache); nothing was written{where}. Fix: correct the release(s) above, or add "
            f"--keep-going to write the other {summary.releases - bad:,}.")


@errors_to_exit
def build(*, data: DataOption = Path("data"), out: OutOption = Path("build"), base: BaseOption = DEFAULT_BASE,
          download_base: Annotated[str | None, typer.Option(
              "--download-base", metavar="URL", callback=lambda value: check_iri(value, "--download-base", web=True),
              help="URL the files will be published under (for dcat:downloadURL).")] = None,
          cache: CacheOption = None, no_cache: NoCacheOption = False, workers: WorkersOption = None,
          keep_going: Annotated[bool, typer.Option(
              "--keep-going", help="Leave out releases that fail or violate the shapes, write the rest, "
                                   "and list what was left out.")] = False,
          watch: Annotated[bool, typer.Option(
              "--watch", help="Build, then build again each time a card, source, registry file or catalogue.yaml "
                              "is saved, keeping what was read between builds; after the first build, print only "
                              "the issues that are new. Ctrl-C stops.")] = False):
    """Build the graph from DATA, validate it, and write TriG, N-Quads, JSON-LD, Turtle, N-Triples and VoID."""
    require_folder_or_nothing(out, "--out")
    if watch:
        if no_cache:
            from migkg.errors import InputError, Location

            raise InputError(Location(Path("--no-cache")), "cannot go with --watch: a watched build keeps its cache "
                             "warm between builds, and --no-cache keeps none.", "leave out --no-cache.")
        _watch(data, out, base=base, cache=cache, workers=workers, keep_going=keep_going, download_base=download_base)
        return
    summary = _run(data, out, base=base, cache=cache, no_cache=no_cache, workers=workers, keep_going=keep_going,
                   download_base=download_base)
    if not _report(summary, out):
        assert summary.error is not None
        raise typer.Exit(summary.error.exit_code)


def _issue_key(issue) -> tuple[str, ...]:
    """What an issue says, and in which graph: the same issue after lines moved in its card is the same."""
    from migkg.build.verdict import said

    return (issue.graph, *said(issue))


def _report(summary, out: Path, known: set[tuple[str, ...]] | None = None) -> bool:
    """Say what a build did: notes, the report's issues (only those not in ``known``, :func:`_issue_keys` of the last
    build written, when given), errors, what was left out, the summary line and the files. False: the build failed."""
    from migkg.validation.reports import Report, readable

    for damaged in summary.damaged:
        say(f"note: {damaged}")
    if known is None:
        if summary.report.issues:
            say(readable(summary.report))
    else:
        found = {_issue_key(issue) for issue in summary.report.issues}
        new = [issue for issue in summary.report.issues if _issue_key(issue) not in known]
        if new:
            say("\n".join(readable(Report(new)).splitlines()[:-1]))
        if summary.error is None:  # a failed build's report lacks what its bad cards would have said
            total = readable(summary.report).splitlines()[-1].rstrip(".")
            say(f"{total}: {len(new)} new since the last build, {len(known - found)} gone.")
    if summary.error is not None:
        for line in str(getattr(summary.error, "message", summary.error)).splitlines():
            say(f"error: {line}")
        _failure_line(summary, out)
        return False
    for left in summary.left_out:
        reason = "bad input" if left.status == "failed" else "violates the shapes"
        for location, problem, fix in left.errors:
            say(f"left out: {left.release_id}: {location}: {problem}" + (f" Fix: {fix}" if fix else ""))
        if not left.errors:
            say(f"left out: {left.release_id}: {left.folder / 'card.yaml'}: {reason} (see the violations above).")
    say(f"built {summary.releases - len(summary.left_out):,} release(s), {summary.quads:,} quads in "
        f"{summary.graphs:,} named graphs, {len(summary.report.warnings)} warning(s), in {summary.seconds:.2f} s "
        f"({summary.built:,} built, {summary.reused:,} reused from the cache, "
        f"{len(summary.failed) + len(summary.invalid):,} failed"
        + (f", {len(summary.left_out):,} left out" if summary.left_out else "") + ")"
        + ("; validated with pyshacl: the shapes use a feature the compiled shapes lack (slow)"
           if summary.engine == "pyshacl" else ""))
    if known is None:
        _list_files(summary, out)
    return True


def _watch(data: Path, out: Path, *, base: str, cache: Path | None, workers: int | None, keep_going: bool,
           download_base: str | None) -> None:
    """``migkg build --watch``: :func:`migkg.curation.watch.watch`, each build said as :func:`_report` says it (after
    the first, only the issues that are new). A build that fails (a bad card, a registry that does not load)
    leaves the last good build in place, says why, and the watch goes on."""
    from migkg.build.corpus import Warm, build_corpus
    from migkg.build.toolkit import Toolkit
    from migkg.curation.watch import watch
    from migkg.processes import Interrupted, signals_as_interrupt

    require_data_folder(data)
    warm = Warm()
    known: list[set[tuple[str, ...]] | None] = [None]  # what the last build written reported (_issue_key of each)

    def build_once(changed: list[str]) -> None:
        if changed:
            shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
            say(f"changed: {shown}")
        warm.check_toolkit()  # migkg's code, ontology, shapes or rules edited since the watch began: it stops
        toolkit = warm.toolkit
        assert toolkit is not None
        try:
            summary = _build_when_free(lambda: build_corpus(
                data, out, toolkit, cache_dir=_cache_dir(data, cache, False), workers=workers,
                keep_going=keep_going, download_base=download_base,
                progress=_progress() if known[0] is None else None, note=lambda text: say(f"note: {text}"),
                warm=warm))
            if summary is None:
                return
            if _report(summary, out, known[0]):  # new issues are told against the last build written
                known[0] = {_issue_key(issue) for issue in summary.report.issues}
        finally:
            warm.settle()  # what this build left collected while the watch waits

    with signals_as_interrupt(signal.SIGTERM, signal.SIGHUP):
        try:
            warm.toolkit = Toolkit.load(base)
            watch(data, build_once, note=lambda text: say(f"note: {text}"),
                  ready=lambda: say(f"watching {data} for saved cards, sources, registry files and catalogue.yaml "
                                    "(Ctrl-C stops)"))
        except Interrupted as stop:
            say(f"stopped watching; {out} holds the last build that succeeded")
            if stop.signum != signal.SIGINT:  # Ctrl-C is how a watch ends; a kill is still a kill (128 + its number)
                raise typer.Exit(stop.exit_code) from None
        except KeyboardInterrupt:
            say(f"stopped watching; {out} holds the last build that succeeded")


def _build_when_free(build):
    """``build()``; if another build holds the folder, once it is done (said once); None (said why) if the build
    cannot run at all (the registry does not load, no releases)."""
    import time

    from migkg.errors import MigkgError
    from migkg.processes import FolderBusy

    waiting = False
    while True:
        try:
            return build()
        except FolderBusy as err:
            if not waiting:
                say(f"note: {str(getattr(err, 'message', err)).split(' Fix:')[0]}; building once it is done")
                waiting = True
            time.sleep(0.5)
        except MigkgError as err:
            echo_error(str(getattr(err, "message", err)))
            echo_error("nothing was written; the build folder holds the last build that succeeded.")
            return None


def _list_files(summary, out: Path) -> None:
    """The files written: each of them for a small build; by format, with the parts, for a large one."""
    from migkg.build.dumps import DESCRIPTION_FILE, EXTENSIONS

    if not summary.written:
        return
    parts = list(dict.fromkeys(w.part for w in summary.written))
    kept = f" ({len(summary.parts_kept)} of them unchanged since the last build, kept as they were)" \
        if summary.parts_kept else ""
    names = ", ".join(parts) if len(parts) <= 4 else f"{parts[0]}, {parts[1]} … {parts[-1]}"
    say(f"  in {out}: the dataset in {len(parts)} dump part(s) ({names}), each in {len(EXTENSIONS)} formats{kept}; "
        "the files of one format together are the whole dataset:")
    if len(parts) <= 4:
        for written in summary.written:
            say(f"  {out / written.file_name}  ({written.size:,} bytes)")
    else:
        for ext in EXTENSIONS:
            files = [w for w in summary.written if w.file_name.endswith("." + ext)]
            say(f"  {out}/migkg-*.{ext}  ({len(files)} files, {sum(w.size for w in files):,} bytes)")
    description = out / DESCRIPTION_FILE
    say(f"  {description}  ({description.stat().st_size:,} bytes: the VoID/DCAT description of the files above)")


@errors_to_exit
def validate(*, data: DataOption = Path("data"), base: BaseOption = DEFAULT_BASE,
             turtle: Annotated[bool, typer.Option("--turtle", help="Print the sh:ValidationReport as Turtle.")] = False,
             report: Annotated[Path | None, typer.Option(
                 "--report", metavar="FILE", help="Also write the sh:ValidationReport as Turtle to this file.")] = None,
             cache: CacheOption = None, no_cache: NoCacheOption = False, workers: WorkersOption = None,
             release: Annotated[str | None, typer.Option(
                 "--release", metavar="ID", help="Check this release only (the name of its folder under releases/), "
                 "with the checks across releases that can name it; reports what a whole validation reports "
                 "for it.")] = None):
    """Validate the cards and the graph against the SHACL shapes; exit 1 on violations."""
    from migkg.errors import InputErrors

    if report is not None:
        require_writable_file(report, "--report")
    if release is not None:
        found = _check_release(data, release, base=base, cache=cache, no_cache=no_cache, workers=workers)
    else:
        summary = _run(data, None, base=base, cache=cache, no_cache=no_cache, workers=workers, keep_going=False)
        if isinstance(summary.error, InputErrors):
            raise summary.error
        found = summary.report
    _print_report(found, turtle, report)


def _check_release(data: Path, release: str, *, base: str, cache: Path | None, no_cache: bool, workers: int | None):
    """The report of one release (:func:`migkg.curation.one_release.check_release`), with a line on stderr
    saying what was read to make it."""
    from migkg.build.toolkit import Toolkit
    from migkg.curation.one_release import check_release
    from migkg.errors import InputErrors
    from migkg.processes import Interrupted, signals_as_interrupt

    require_data_folder(data)
    with signals_as_interrupt(signal.SIGTERM, signal.SIGHUP):
        try:
            found = check_release(data, release, Toolkit.load(base), _cache_dir(data, cache, no_cache),
                                  workers=workers, note=lambda text: say(f"note: {text}"))
        except Interrupted as stop:
            say(f"migkg: stopped by {signal.Signals(stop.signum).name}")
            raise typer.Exit(stop.exit_code) from None
    if found.errors:
        raise found.errors[0] if len(found.errors) == 1 else InputErrors(found.errors)
    others = len(found.sharing)
    say(f"checked {release} ({'built' if found.status == 'built' else 'from the build cache'}) with the checks "
        f"across releases that can name it: {others:,} other release(s) of {found.releases:,} share a node with "
        f"it ({found.checked_anew:,} node(s) validated anew); {found.read_again:,} release(s) read again since the "
        f"last check; {found.seconds:.2f} s"
        + (f". The registry and vocabulary have {found.base_issues} issue(s) of their own: `migkg validate` "
           "lists them" if found.base_issues else ""))
    return found.report


def _print_report(found, turtle: bool, report: Path | None) -> None:
    """The report as lines for people (or as Turtle), and to ``report``; exit 1 on a violation."""
    from migkg.validation.reports import readable, report_graph

    if turtle or report:
        text = report_graph(found).serialize(format="turtle")
        if report:
            report.write_text(text, encoding="utf-8")
        if turtle:
            typer.echo(text)
    if not turtle:
        typer.echo(readable(found))
    if not found.conforms:
        raise typer.Exit(1)
