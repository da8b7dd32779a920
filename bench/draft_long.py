"""How does ``migkg draft`` scale with the length of a text? The seed's paragraphs repeated to a few sizes, each
drafted by ``python -m migkg draft`` in a new process; wall time and peak memory (issue 13: a 990 kB text kept
the drafter busy past 180 s; the drafting limit is now :data:`migkg.cli.draft.MAX_SOURCE_BYTES`).

Sizes above the limit are drafted by calling the library past the command's check. Wall times on a shared
machine include waiting for a core: the load average is written beside them.

    python bench/draft_long.py                       # -> bench/RESULTS-draft-long.md
    python bench/draft_long.py --sizes 35000 100000 --out /tmp/r.md
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "releases" / "2013-06-05-unhcr-iom-almaty-ministerial" / "source.txt"
#: drafts a text of any size: the command's size check is the one thing left out
PAST_THE_LIMIT = """
import sys
from pathlib import Path
import migkg.cli.draft as command
command.MAX_SOURCE_BYTES = 10 ** 9
sys.argv = ["migkg", "draft", *sys.argv[1:]]
from migkg.cli import app
app(prog_name="migkg")
"""


def text_of(size: int) -> str:
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    chosen: list[str] = []
    total = 0
    while True:
        for paragraph in paragraphs:
            if total + len(paragraph.encode()) + 2 > size:
                return "\n\n".join(chosen)
            chosen.append(paragraph)
            total += len(paragraph.encode()) + 2


def draft(size: int, folder: Path) -> tuple[float, int, int]:
    source = folder / f"text-{size}.txt"
    source.write_text(text_of(size), encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PAST_THE_LIMIT, str(source), "--id", f"long-{size}",
                           "--to", str(folder / "drafts"), "--data", str(ROOT / "data")],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    seconds = time.perf_counter() - started
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return seconds, peak, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 35_000, 100_000, 300_000, 1_000_000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS-draft-long.md")
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        draft(options.sizes[0], Path(folder))  # fills the index cache: not measured
        for size in options.sizes:
            seconds, peak, status = draft(size, Path(folder))
            rows.append(f"| {size:,} | {seconds:.1f} | {peak // 1024:,} | {status} |")
            print(rows[-1], flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    options.out.write_text("# migkg draft on long texts\n\nThe seed's paragraphs repeated to each size, drafted in a new "
                           f"process (load average {load}; peak memory: the largest child so far).\n\n"
                           "| bytes | wall s | peak MiB | status |\n|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n",
                           encoding="utf-8")


if __name__ == "__main__":
    main()
