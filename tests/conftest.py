"""Shared pytest fixtures (keep this file small: fixtures only)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository checkout (holds data/, ontology/, queries/)."""
    return ROOT


@pytest.fixture
def seed_data(tmp_path: Path) -> Path:
    """A private copy of the real data/ folder (registry/ and releases/), safe to edit."""
    return Path(shutil.copytree(ROOT / "data", tmp_path / "data"))


@pytest.fixture
def data(corpus: Path, tmp_path: Path) -> Path:
    """A private copy of the test module's synthetic ``corpus`` (a fixture of that module), safe to edit."""
    return Path(shutil.copytree(corpus, tmp_path / "data"))


@pytest.fixture(scope="session")
def run_migkg() -> Callable[..., subprocess.CompletedProcess]:
    """Run the real command line, ``python -m migkg ARGS``; stdout and stderr decoded as UTF-8."""
    def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "migkg", *map(str, args)], capture_output=True,
                              text=True, encoding="utf-8", errors="replace", cwd=cwd or ROOT, timeout=120)
    return run


# SPARQL servers (Oxigraph, Virtuoso) and the built dataset, for the catalogue, endpoint, publish and
# serve tests: defined in tests/servers.py, registered here so that one Virtuoso serves the session.
from servers import built_dir, oxigraph, virtuoso  # noqa: E402,F401
