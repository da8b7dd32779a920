"""Helpers of the hostile-input tests (tests/test_trust_cli.py, tests/test_trust_fuzz.py): run the command line
in-process and check what every run must show, whatever it was given."""
from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from typer.testing import CliRunner

from migkg.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
#: the exit statuses the README documents
DOCUMENTED = {0, 1, 2}


def invoke(args: Sequence[str | Path], cwd: Path | None = None, env: Mapping[str, str | None] | None = None):
    """``migkg ARGS`` in this process (no interpreter to start: a run that fails early costs milliseconds);
    ``env`` sets (or, with None, unsets) variables for the run only."""
    here = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(app, [os.fspath(a) for a in args], catch_exceptions=True, prog_name="migkg",
                                   env=env)
    finally:
        os.chdir(here)


def assert_clean(result, args: Sequence[object] = ()) -> None:
    """No traceback, no exception escaped, a documented exit status, and a failure says why on stderr."""
    shown = f"migkg {' '.join(map(repr, args))}\nexit {result.exit_code}\n{result.stderr[-2000:]}"
    escaped = result.exception if not isinstance(result.exception, SystemExit) else None
    assert escaped is None, f"{shown}\nescaped: {escaped!r}"
    assert "Traceback" not in result.output and "Traceback" not in result.stderr, shown
    assert result.exit_code in DOCUMENTED, shown
    if result.exit_code:
        assert result.stderr.strip(), shown


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its bytes (and every folder, as ``/``)."""
    if not folder.exists():
        return {}
    found = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        found[name] = "/" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def seed_project(folder: Path) -> Path:
    """A project folder three levels down ``folder`` (so that ``../..`` stays inside it): a copy of the seed
    data, with a build and a cache of it made in-process."""
    project = folder / "a" / "b" / "project"
    project.mkdir(parents=True)
    shutil.copytree(ROOT / "data", project / "data")
    done = invoke(["build", "--data", "data", "--out", "build", "--cache", "cache"], cwd=project)
    assert done.exit_code == 0, done.stderr
    return project
