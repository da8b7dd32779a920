"""The benchmarks keep working: bench/run.py at N=10 writes its report with every row.

(The benchmark itself, at 100, 1,000 and 10,000 releases, is run by hand: see bench/RESULTS.md.)
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_benchmark_runs_at_ten_releases(tmp_path: Path):
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "10", "--out", str(tmp_path),
                           "--pyshacl-max", "10", "--repeat", "1", "--curator-rounds", "1"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    for row in ("stage: load and resolve", "stage: map", "stage: derive", "stage: validate", "stage: export",
                "migkg build, cold", "migkg build, warm, nothing changed", "migkg build, warm, one card changed",
                "load migkg-*.nq into Oxigraph", "research/q01-participating-states.rq", "network measures",
                "reference, ceiling: pyoxigraph parse", "reference, naive: pyshacl on the whole graph",
                "migkg validate --release ID, nothing changed", "migkg validate --release ID, its card changed",
                "migkg queries (the seed)", "migkg query q02 (the built seed)",
                "migkg build --watch, whole corpus rebuilt after its card changed (10 releases)",
                "## Machine", "cores: ", "pyoxigraph "):
        assert row in report, row
    assert "1 built, 9 reused from the cache" in report
    assert "0 built, 10 reused from the cache" in report


def test_a_size_the_disk_cannot_hold_is_refused_before_anything_is_built(tmp_path: Path):
    """A billion releases would need far more disk than any test machine has: refused at once, saying how much."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "10,1000000000", "--out",
                           str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 2
    assert "--sizes: 10, 1,000,000,000 releases need about" in done.stderr and "GiB free under --out" in done.stderr
    assert "Fix: " in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []  # not even the size that fits was begun
