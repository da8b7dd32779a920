"""How long does ``migkg draft`` take on one release? Cold (a new process) and warm (models loaded), per text.

The issue's target: drafting one release stays under 3 s on this machine. Two figures per text:

- **cold**: ``python -m migkg draft TEXT`` in a new process, wall time and CPU time (user + system
  of the process): imports, natasha's models, the registry's and ISO 3166's name index (read from
  the index cache, :mod:`migkg.index_cache`, which the unmeasured first runs fill, as any earlier
  use does), drafting, the self-check, writing. The sources' bytecode is cached as an installed
  package's is (``PYTHONDONTWRITEBYTECODE`` is unset for these runs). Once, also the first draft with
  an empty index cache: the one-off cost after an install, an upgrade or a change of the registry;
- **warm**: the same command run in this process after one draft has loaded everything (as
  ``migkg draft-quality`` runs it): wall time, median of ``--repeat`` runs.

Texts: the seed, tests/fixtures/draft/*, tests/fixtures/domain (never the drafting corpus's test half
or pools). Cold runs take long on a shared machine: ``--cold N`` does the first N texts only.
The machine's load average is written beside the figures: wall times on a shared machine include
waiting for a core.

    python bench/draft.py                # -> bench/RESULTS-draft.md
    python bench/draft.py --cold 2 --repeat 1 --out /tmp/r.md
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 3.0


def texts() -> list[Path]:
    """The development texts, the seed first."""
    found = [ROOT / "data" / "releases" / "2013-06-05-unhcr-iom-almaty-ministerial" / "source.txt"]
    found += sorted((ROOT / "tests" / "fixtures" / "draft").glob("*/releases/*/source.txt"))
    found += sorted((ROOT / "tests" / "fixtures" / "domain" / "releases").glob("*/source.txt"))
    return found


def data_folder(root: Path) -> Path:
    """A data folder with the registry the drafter sees (data/registry and the drafting corpus's known registry)."""
    registry = root / "registry"
    registry.mkdir(parents=True)
    for path in sorted((ROOT / "data" / "registry").glob("*.yaml")):
        shutil.copyfile(path, registry / path.name)
    for path in sorted((ROOT / "tests" / "fixtures" / "drafting" / "known" / "registry").glob("*.yaml")):
        shutil.copyfile(path, registry / f"known-{path.name}")
    (root / "releases").mkdir()
    return root


def args_for(source: Path, index: int, data: Path) -> list[str]:
    return ["draft", str(source), "--id", f"bench-{index}", "--data", str(data), "--force"]


def language(source: Path) -> str:
    """ru or en, as ``migkg draft`` guesses it (most letters Cyrillic or not)."""
    text = source.read_text("utf-8")
    return "ru" if len(re.findall(r"[А-Яа-яЁё]", text)) >= len(re.findall(r"[A-Za-z]", text)) else "en"


def cold(source: Path, index: int, data: Path, cache: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds of ``python -m migkg draft`` in a new process, and its exit status."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(ROOT / "src"), MIGKG_CACHE_DIR=str(cache))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "migkg", *args_for(source, index, data)], capture_output=True,
                          check=False, cwd=ROOT, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def warm_runner():
    """The ``migkg draft`` command, run in this process (its messages swallowed): returns the exit status."""
    sys.path.insert(0, str(ROOT / "src"))
    from typer.main import get_command

    from migkg.cli.app import app
    command = get_command(app)

    def run(args: list[str]) -> int:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            return command.main(args=args, prog_name="migkg", standalone_mode=False) or 0
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", type=int, default=len(texts()), help="cold runs for the first N texts (default all)")
    parser.add_argument("--repeat", type=int, default=3, help="warm runs per text (median; default 3)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS-draft.md")
    options = parser.parse_args()
    started = time.perf_counter()
    load_before = os.getloadavg()
    rows = []
    empty_cache = None
    with tempfile.TemporaryDirectory(prefix="migkg-bench-draft-") as tmp:
        data = data_folder(Path(tmp) / "data")
        cache = Path(tmp) / "index-cache"
        colds: dict[int, tuple[float, float, int]] = {}
        if options.cold:
            first_text = texts()[0]
            cold(first_text, 0, data, Path(tmp) / "unused-cache")  # unmeasured, so that the files are in the OS's cache
            empty_cache = (language(first_text), cold(first_text, 0, data, cache))  # fills the index cache
            for language_wanted in ("ru", "en"):  # once per language unmeasured, as any earlier use would
                index = next(i for i, t in enumerate(texts()) if language(t) == language_wanted)
                cold(texts()[index], index, data, cache)
            colds = {i: cold(source, i, data, cache) for i, source in enumerate(texts()[:options.cold])}
        os.environ["MIGKG_CACHE_DIR"] = str(cache)
        run = warm_runner()
        load_started = time.perf_counter()
        run(args_for(texts()[0], 0, data))
        first = time.perf_counter() - load_started
        for index, source in enumerate(texts()):
            times, status = [], 0
            for _ in range(options.repeat):
                began = time.perf_counter()
                status = run(args_for(source, index, data))
                times.append(time.perf_counter() - began)
            rows.append((source, language(source), len(source.read_text("utf-8")), colds.get(index),
                         statistics.median(times), status))
    load_after = os.getloadavg()
    lines = ["# migkg draft benchmark", "",
             f"Written by `bench/draft.py` in {time.perf_counter() - started:.0f} s. Target: one release drafted in "
             f"under {TARGET:.0f} s on this machine.", "",
             "## Machine", "",
             f"- cores: {os.cpu_count()} (shared with other work while measured: wall times include waiting for a core)",
             f"- load average (1, 5, 15 min) at the start {_loads(load_before)}, at the end {_loads(load_after)}",
             f"- {platform.platform()}; Python {platform.python_version()}", "",
             "## Per text", "",
             "Cold: `python -m migkg draft` in a new process (wall s, and CPU s of that process), after "
             "unmeasured runs so that the files are in the OS's cache and the index cache (`migkg.index_cache`: "
             "the Russian gazetteer's keys, the states' adjectives, the registry's GeoNames look-ups) holds this "
             "registry's indexes, as after any earlier use; bytecode cached as for an installed package. Warm: the same "
             f"command in a process that has drafted once already (median of {options.repeat}). The first draft in "
             f"the warm process, loading everything, took {first:.2f} s. Status 2: the drafter refused the text "
             "(exit 2, one error line).", "",
             "| text | language | characters | cold wall s | cold CPU s | warm s | status |",
             "|---|---|---|---|---|---|---|"]
    for source, lang, size, cold_times, warm, status in rows:
        name = source.parent.name
        cold_cells = f"{cold_times[0]:.2f} | {cold_times[1]:.2f}" if cold_times else "– | –"
        lines.append(f"| `{name}` | {lang} | {size:,} | {cold_cells} | {warm:.2f} | {status} |")
    if empty_cache is not None:
        lang, (wall, cpu, status) = empty_cache
        lines += ["", f"The first text drafted with an empty index cache (after an install, an upgrade or a change "
                      f"of the registry; {lang}): {wall:.2f} s wall, {cpu:.2f} s CPU, status {status}."]
    warm_times = [row[4] for row in rows]
    lines += ["", "## Target", "",
              f"- warm: median {statistics.median(warm_times):.2f} s, worst {max(warm_times):.2f} s "
              f"({'met' if max(warm_times) < TARGET else 'missed'})"]
    for lang in ("ru", "en"):
        cold_walls = [row[3][0] for row in rows if row[3] and row[1] == lang]
        cold_cpus = [row[3][1] for row in rows if row[3] and row[1] == lang]
        if cold_walls:
            lines.append(f"- cold, {lang} ({len(cold_walls)} texts): wall median {statistics.median(cold_walls):.2f} s, "
                         f"worst {max(cold_walls):.2f} s ({'met' if max(cold_walls) < TARGET else 'missed'}); CPU "
                         f"median {statistics.median(cold_cpus):.2f} s, worst {max(cold_cpus):.2f} s "
                         f"({'met' if max(cold_cpus) < TARGET else 'missed'})")
    options.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {options.out}")


def _loads(loads: tuple[float, float, float]) -> str:
    return ", ".join(f"{load:.1f}" for load in loads)


if __name__ == "__main__":
    main()
