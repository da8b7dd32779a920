"""Shared pytest fixtures (fixtures only: helper code the tests import lives in ``tests/servers.py``,
``tests/shape_cases.py``, ``tests/kinds.py``, reached as ``tests.<module>``; the synthetic corpus is
:mod:`migkg.synthetic`)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.servers import Oxigraph, Virtuoso

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def index_cache_of_the_session(tmp_path_factory) -> Iterator[Path]:
    """The indexes the drafter and the registry check keep on disk (``migkg.index_cache``) go to a folder of
    the test session (and of each xdist worker), never the user's ``~/.cache/migkg``; the CLI runs of the
    tests inherit it. A test that wants its own sets ``MIGKG_CACHE_DIR`` itself."""
    folder = tmp_path_factory.mktemp("index-cache")
    saved = os.environ.get("MIGKG_CACHE_DIR")
    os.environ["MIGKG_CACHE_DIR"] = str(folder)
    yield folder
    if saved is None:
        del os.environ["MIGKG_CACHE_DIR"]
    else:
        os.environ["MIGKG_CACHE_DIR"] = saved


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
def context():
    """What the drafter's snippet tests draft against: the registry of the domain test corpus
    (tests/fixtures/domain/registry) and the ontology's vocabulary, loaded once (both are only read)."""
    from migkg.cards.registry import load_registry
    from migkg.schema.resources import ontology_dir
    from migkg.schema.vocabulary import load_vocabulary

    return load_registry(ROOT / "tests" / "fixtures" / "domain" / "registry"), load_vocabulary(ontology_dir())


@pytest.fixture(scope="session")
def run_migkg() -> Callable[..., subprocess.CompletedProcess]:
    """Run the real command line, ``python -m migkg ARGS``; stdout and stderr decoded as UTF-8."""
    # COLUMNS: a runner's terminal width (pytest's, CI's) would fold the tables the tests read; a pipe gets
    # each row on one line (migkg.console)
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}

    def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "migkg", *map(str, args)], capture_output=True, check=False,
                              text=True, encoding="utf-8", errors="replace", cwd=cwd or ROOT, timeout=120, env=env)
    return run


# --------------------------------------------------------------------------- the built seed and SPARQL servers
# for the catalogue, endpoint, publish, serve and docstring tests; one Virtuoso serves the whole session.
@pytest.fixture(scope="session")
def built_dir(tmp_path_factory) -> Path:
    """`migkg build` of the real data/ into a private folder (never the repository's build/)."""
    out = tmp_path_factory.mktemp("built") / "build"
    done = subprocess.run([sys.executable, "-m", "migkg", "build", "--data", str(ROOT / "data"), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture
def oxigraph(tmp_path_factory):
    """A function that starts a fresh read-write Oxigraph server; all are stopped after the test."""
    started: list[Oxigraph] = []

    def start() -> Oxigraph:
        server = Oxigraph(tmp_path_factory.mktemp("oxigraph")).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """Virtuoso Open Source on a free port, started once for the session."""
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server.start()
    finally:
        server.stop()
