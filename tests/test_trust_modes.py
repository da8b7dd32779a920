"""Build, cache and site folders are written with the modes the umask gives, never wider (issue 13, item 3).

tempfile makes its folders and files private (0700, 0600); the build and the site publish them, so they
get what a plain mkdir/open would give under the user's umask: readable by others under 022, private
under 077. Cache entries stay private (0600), which the umask never widens.
"""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_outputs_get_the_modes_of_the_umask(tmp_path, umask):
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    done = subprocess.run([sys.executable, "-m", "migkg", "build", "--data", str(ROOT / "data"), "--out",
                           str(tmp_path / "build"), "--cache", str(tmp_path / "cache")],
                          capture_output=True, text=True, timeout=300, check=False, env=env, cwd=ROOT,
                          preexec_fn=lambda: os.umask(umask))
    assert done.returncode == 0, done.stderr
    build = tmp_path / "build"
    assert mode(build) == 0o777 & ~umask
    files = [p for p in build.rglob("*") if p.is_file()]
    assert files and all(mode(p) == 0o666 & ~umask for p in files), {p.name: oct(mode(p)) for p in files}
    entries = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert entries and all(mode(p) & umask == 0 and mode(p) & 0o077 == 0 for p in entries)
