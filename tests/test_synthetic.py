"""The synthetic corpus (:mod:`migkg.synthetic`) keeps the promises the benchmarks and scale tests rely on."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from migkg import synthetic


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path):
    first = files_of(synthetic.generate(tmp_path / "first", 6, seed=5))
    again = files_of(synthetic.generate(tmp_path / "again", 6, seed=5))
    other = files_of(synthetic.generate(tmp_path / "other", 6, seed=6))
    assert first == again
    assert first != other


def test_a_small_corpus_is_the_start_of_a_larger_one(tmp_path: Path):
    small = files_of(synthetic.generate(tmp_path / "small", 4, seed=1) / "releases")
    large = files_of(synthetic.generate(tmp_path / "large", 30, seed=1) / "releases")
    assert len(small) == 2 * 4 and len(large) == 2 * 30  # source.txt and card.yaml each
    assert {name: large[name] for name in small} == small


def test_the_command_writes_the_corpus(tmp_path: Path):
    done = subprocess.run([sys.executable, "-m", "migkg.synthetic", str(tmp_path / "data"), "--releases", "3"],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "data" / "releases").glob("*/card.yaml"))) == 3
    assert sorted(p.name for p in (tmp_path / "data" / "registry").iterdir()) == [
        "organisations.yaml", "persons.yaml", "places-and-processes.yaml", "posts.yaml", "states.yaml"]
