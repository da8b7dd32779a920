"""The curator's loop, measured: one release checked after its card changed, and the command line's start-up.

For a corpus that ``migkg build`` has built with a cache (``bench/run.py`` calls :func:`curator_pass`
after its build pass), it measures, each with ``hyperfine`` (Debian's or PyPI's) when it is on the
PATH, else with repeated runs timed here, and always in alternation with its reference (rounds of a
few runs each, medians reported, the load average noted):

- ``migkg validate --release ID`` with nothing changed (the corpus index already made), against the
  whole ``migkg validate`` on the same cache;
- ``migkg validate --release ID`` after its card changed (one participant fewer at its event, a node
  other releases describe, plus a comment that differs every run, so that every run builds it anew),
  against the whole ``migkg validate`` after the same change;
- on the seed (``data/``, built once into the work folder): ``migkg queries`` and ``migkg query q02``,
  against a bare ``python -c pass``;
- ``migkg build --watch`` (:func:`watch_pass`): the whole corpus built again after its card changed, from the
  moment the new card is written to the moment the build says it is done (its files in place), in one watching
  process, round after round (one participant fewer, then back, each time with a comment of its own); beside
  the same rebuild by a fresh ``migkg build`` process.

    python bench/curator_loop.py --corpus bench/out/corpus-1000 --cache bench/out/cache-1000
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MIGKG = [sys.executable, "-m", "migkg"]


@dataclass
class Figure:
    """A measured figure: median wall seconds (and CPU seconds, user and system), with its reference's."""

    what: str
    seconds: float
    cpu: float
    reference: str
    reference_seconds: float
    load: float  # the 1-minute load average before the first run
    note: str = ""


def _quoted(command: list[str]) -> str:
    return " ".join(f"'{part}'" if " " in part else part for part in command)


def _hyperfine(command: list[str], runs: int, prepare: list[str] | None) -> list[tuple[float, float]]:
    """(wall, user + system) of each run, as hyperfine measured them."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        line = ["hyperfine", "-N", "-i", "--runs", str(runs), "--export-json", report.name, "--style", "none"]
        if prepare:
            line += ["--prepare", _quoted(prepare)]
        subprocess.run([*line, _quoted(command)], check=True, capture_output=True, cwd=ROOT)
        result = json.loads(Path(report.name).read_text())["results"][0]
    cpu = result.get("user", 0.0) + result.get("system", 0.0)  # hyperfine gives their means only
    return [(wall, cpu) for wall in result["times"]]


def _timed_here(command: list[str], runs: int, prepare: list[str] | None) -> list[tuple[float, float]]:
    """The same without hyperfine: wall time and the child's CPU time (``os.wait4``) of each run."""
    found = []
    for _ in range(runs):
        if prepare:
            subprocess.run(prepare, check=True, cwd=ROOT)
        began = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        _pid, status, usage = os.wait4(process.pid, 0)
        found.append((time.perf_counter() - began, usage.ru_utime + usage.ru_stime))
        if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: violations, a report all the same
            raise SystemExit(f"failed: {' '.join(command)}")
    return found


def measure(command: list[str], reference: list[str], *, rounds: int = 3, runs: int = 3,
            prepare: list[str] | None = None) -> tuple[list[tuple[float, float]], list[tuple[float, float]], float]:
    """Runs of ``command`` and of ``reference``, in alternating rounds; and the load average before them."""
    load = os.getloadavg()[0]
    timer = _hyperfine if shutil.which("hyperfine") else _timed_here
    mine, theirs = [], []
    for _ in range(rounds):
        mine += timer(command, runs, prepare)
        theirs += timer(reference, runs, prepare)
    return mine, theirs, load


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def figure(what: str, command: list[str], reference_what: str, reference: list[str], **options) -> Figure:
    mine, theirs, load = measure(command, reference, **options)
    tool = "hyperfine" if shutil.which("hyperfine") else "timed runs"
    return Figure(what, _median([w for w, _c in mine]), _median([c for _w, c in mine]), reference_what,
                  _median([w for w, _c in theirs]), load,
                  f"median of {len(mine)} ({tool}, alternating with the reference); best {min(w for w, _c in mine):.2f} s")


def one_participant_fewer(card: bytes) -> bytes:
    """A card as given, less its last ``{role: participant, ...}`` line: a change of substance at its event, whose
    participants other releases describe too (the edit of every one-card figure of the benchmarks)."""
    lines = card.decode("utf-8").splitlines(keepends=True)
    last = max(at for at, line in enumerate(lines) if line.lstrip().startswith("- {role: participant,"))
    return "".join(lines[:last] + lines[last + 1:]).encode("utf-8")


#: writes a card (argv[1]) as the original (argv[2]) with one participant fewer and a comment of its own
EDIT = f"""import sys, time
sys.path.insert(0, {str(HERE)!r})
from curator_loop import one_participant_fewer
edited = one_participant_fewer(open(sys.argv[2], "rb").read()) + b"# edit %d\\n" % time.time_ns()
open(sys.argv[1], "wb").write(edited)
"""


def _edit_script(card: Path, original: Path, folder: Path) -> list[str]:
    """A command that writes a new version of the card: one participant fewer, and a comment (a new card each run)."""
    script = folder / "edit_card.py"
    script.write_text(EDIT, encoding="utf-8")
    return [sys.executable, str(script), str(card), str(original)]


def curator_pass(corpus: Path, cache: Path, size: int, rounds: int = 3, whole_reference: bool = True) -> list[Figure]:
    """The figures of ``validate --release`` on a built corpus (its card restored afterwards). Without
    ``whole_reference``, the reference is a bare ``python -c pass`` instead of the whole validation (minutes at
    10,000 releases on a busy machine)."""
    folder = sorted((corpus / "releases").iterdir())[size // 2]
    release, card = folder.name, folder / "card.yaml"
    data = ["--data", str(corpus), "--cache", str(cache)]
    one = [*MIGKG, "validate", *data, "--release", release]
    whole = [*MIGKG, "validate", *data] if whole_reference else [sys.executable, "-c", "pass"]
    unchanged = "migkg validate, whole corpus, warm" if whole_reference else "python -c pass"
    changed = "migkg validate, whole corpus, the same change" if whole_reference else "python -c pass"
    subprocess.run(one, check=False, capture_output=True, cwd=ROOT)  # the corpus index (and its split state), made once
    figures = [figure(f"migkg validate --release ID, nothing changed ({size:,} releases)", one, unchanged, whole,
                      rounds=rounds)]
    original = card.read_bytes()
    with tempfile.TemporaryDirectory() as scratch:
        kept = Path(scratch) / "card.yaml"
        kept.write_bytes(original)
        try:
            figures.append(figure(f"migkg validate --release ID, its card changed ({size:,} releases)", one,
                                  changed, whole,
                                  prepare=_edit_script(card, kept, Path(scratch)), rounds=rounds))
        finally:
            card.write_bytes(original)
    return figures


def _cpu_seconds(pid: int) -> float:
    """A process's user and system CPU so far (Linux's /proc), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def watch_pass(corpus: Path, out: Path, cache: Path, size: int, rounds: int = 3) -> list[Figure]:
    """``migkg build --watch`` on a built corpus: ``8 * rounds`` rebuilds after its card changed (alternately one
    participant fewer and back, each with a comment of its own), half by the watching process, each timed from
    the card's write to the line that says the build is done, and half, in turn with them, by a fresh ``migkg
    build`` process (the watcher stopped meanwhile). The card is restored, and built, afterwards."""
    import queue
    import signal
    import threading

    card = sorted((corpus / "releases").iterdir())[size // 2] / "card.yaml"
    original = card.read_bytes()
    fewer = one_participant_fewer(original)
    build = [*MIGKG, "build", "--data", str(corpus), "--out", str(out), "--cache", str(cache)]
    watcher = subprocess.Popen([*build, "--watch"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    said: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [said.put(line) for line in watcher.stderr or []], daemon=True).start()

    def until(prefix: str, timeout: float = 600) -> str:
        while True:
            line = said.get(timeout=timeout)
            if line.startswith(prefix):
                return line
            if line.startswith("error:"):
                raise RuntimeError(f"the watched build failed: {line.strip()}")

    watched: list[tuple[float, float]] = []
    fresh: list[tuple[float, float]] = []
    load = os.getloadavg()[0]
    try:
        until("watching")
        for run in range(8 * rounds):  # by turns: the watcher fewer, a fresh process back, fresh fewer, watcher back
            body = fewer if run % 2 == 0 else original
            time.sleep(0.5)  # the last build's own writes settled
            if run % 4 in (0, 3):
                cpu = _cpu_seconds(watcher.pid)
                card.write_bytes(body + f"# watched edit {time.time_ns()}\n".encode())
                started = time.perf_counter()
                until("built ")
                watched.append((time.perf_counter() - started, _cpu_seconds(watcher.pid) - cpu))
                until("watching")
                continue
            watcher.send_signal(signal.SIGSTOP)  # the watcher builds it too, but after: its events wait meanwhile
            try:
                card.write_bytes(body + f"# fresh edit {time.time_ns()}\n".encode())
                fresh.append(_timed_here(build, 1, None)[0])
            finally:
                watcher.send_signal(signal.SIGCONT)
            until("built ")  # finds everything as the fresh process left it
            until("watching")
    finally:
        card.write_bytes(original)
        with contextlib.suppress(Exception):  # the original card built: the watcher is stopped whatever it said
            until("watching", timeout=120)
        watcher.send_signal(signal.SIGINT)
        watcher.wait(timeout=60)
    walls = sorted(w for w, _c in watched)
    return [Figure(f"migkg build --watch, whole corpus rebuilt after its card changed ({size:,} releases)",
                   _median(walls), _median([c for _w, c in watched]),
                   "migkg build, a fresh process, the same change", _median([w for w, _c in fresh]), load,
                   f"median of {len(walls)} (from the card's write to the build's last line; alternating with the "
                   f"fresh process); best {walls[0]:.2f} s, worst {walls[-1]:.2f} s")]


def startup_pass(work: Path, rounds: int = 3) -> list[Figure]:
    """``migkg queries`` and ``migkg query q02`` on the seed, built once into ``work``."""
    built = work / "seed-build"
    if not (built / "void.ttl").is_file():
        subprocess.run([*MIGKG, "build", "--data", str(ROOT / "data"), "--out", str(built), "--cache",
                        str(work / "seed-cache")], check=True, capture_output=True, cwd=ROOT)
    bare = [sys.executable, "-c", "pass"]
    return [figure("migkg queries (the seed)", [*MIGKG, "queries"], "python -c pass", bare, rounds=rounds),
            figure("migkg query q02 (the built seed)", [*MIGKG, "query", "q02", "--out", str(built)],
                   "python -c pass", bare, rounds=rounds)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a built corpus's data folder")
    parser.add_argument("--cache", type=Path, required=True, help="the build cache it was built with")
    parser.add_argument("--work", type=Path, default=HERE / "out", help="where the seed is built")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of 3 runs per figure")
    parser.add_argument("--no-whole", action="store_true",
                        help="measure validate --release against python -c pass, not the whole validation")
    parser.add_argument("--watch", type=Path, metavar="OUT",
                        help="measure only `migkg build --watch` (its rebuilds into OUT, the corpus's build folder)")
    args = parser.parse_args(argv)
    size = len([p for p in (args.corpus / "releases").iterdir() if p.is_dir()])
    if args.watch is not None:
        figures = watch_pass(args.corpus, args.watch, args.cache, size, args.rounds)
    else:
        figures = curator_pass(args.corpus, args.cache, size, args.rounds, not args.no_whole) + startup_pass(
            args.work, args.rounds)
    for found in figures:
        print(f"{found.what}: {found.seconds:.3f} s (CPU {found.cpu:.3f} s); {found.reference}: "
              f"{found.reference_seconds:.3f} s; load average {found.load:.1f}; {found.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
