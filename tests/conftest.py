"""Shared pytest fixtures (fixtures only: helper code the tests import lives in ``tests/servers.py``, ``tests/browser.py``,
``tests/shape_cases.py``, ``tests/kinds.py``, ``tests/drafting.py``, reached as ``tests.<module>``; the synthetic corpus is
:mod:`migkg.synthetic`)."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.bad_input import Case, snapshot
from tests.browser import chromium
from tests.servers import Oxigraph, Serving, Virtuoso

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


@pytest.fixture(autouse=True)
def stop_signals_left_as_they_were() -> Iterator[None]:
    """Every test leaves this process's handling of the stop signals (SIGINT, SIGTERM, SIGHUP) as it found it: the
    handler and whether the signal is blocked. A test that runs a command in this process and left one ignored or
    blocked would pass it on to every child process started later (both survive exec), whose Ctrl-C would then do
    nothing: a later test's failure far from its cause."""
    import signal

    def state() -> tuple[object, ...]:
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, []) if hasattr(signal, "pthread_sigmask") else set()
        return tuple((each.name, signal.getsignal(each), each in blocked)
                     for each in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP))

    before = state()
    yield
    after = state()
    assert after == before, f"the test changed the stop signals' handling: before {before}, after {after}"


@pytest.fixture(scope="session")
def toolkit():
    """The shipped vocabulary, shapes and rules (:class:`migkg.build.toolkit.Toolkit`), loaded once for the session:
    the builds and checks of the tests only read them."""
    from migkg.build.toolkit import Toolkit

    return Toolkit.load()


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


@pytest.fixture(scope="session")
def invoke_migkg() -> Callable[..., subprocess.CompletedProcess]:
    """Run the command line in this process (``tests.hostile.invoke``: the same app, its exit status and its
    stdout and stderr), answered as :func:`run_migkg` answers. For the runs where the process itself is not
    what a test looks at (a refusal, a message): no interpreter to start, about 0.6 s a run saved. Signals,
    start-up, the terminal and child processes keep :func:`run_migkg`."""
    from tests.hostile import invoke

    def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
        # COLUMNS unset, as run_migkg does: a runner's width (xdist's workers have one) would fold the tables
        done = invoke(list(args), cwd=cwd or ROOT, env={"COLUMNS": None, "LINES": None})
        escaped = done.exception if not isinstance(done.exception, SystemExit) else None
        assert escaped is None, f"migkg {args}: {escaped!r}\n{done.stderr}"
        return subprocess.CompletedProcess(["migkg", *map(str, args)], done.exit_code, done.stdout, done.stderr)
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


@pytest.fixture(scope="session")
def domain_built_dir(tmp_path_factory) -> Path:
    """`migkg build` of the multi-release test corpus (tests/fixtures/domain: 13 releases, 2013-2024, two
    processes) into a private folder: the networks over time and by process are tested on it."""
    out = tmp_path_factory.mktemp("domain-built") / "build"
    done = subprocess.run([sys.executable, "-m", "migkg", "build", "--data", str(ROOT / "tests" / "fixtures" / "domain"),
                           "--out", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
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


@pytest.fixture(scope="module")
def served(built_dir):
    """`migkg serve` of the seed build on a free port: the base URL of its pages."""
    server = Serving("--port", "0", "--out", built_dir)
    yield server.base
    server.stop()


@pytest.fixture(scope="module")
def site(built_dir, tmp_path_factory):
    """`migkg site` of the seed build, served by Python's http.server on a free port."""
    folder = tmp_path_factory.mktemp("site") / "site"
    done = subprocess.run([sys.executable, "-m", "migkg", "site", folder, "--out", built_dir,
                           "--publish-at", "https://example.org/migkg/"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium cut off from the network (tests/browser.py), one per test module."""
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


@pytest.fixture(scope="module")
def earlier_outputs(tmp_path_factory, repo_root: Path, run_migkg) -> Path:
    """The outputs of a real, successful build of the untouched seed data (built once)."""
    base = tmp_path_factory.mktemp("earlier")
    data = shutil.copytree(repo_root / "data", base / "data")
    done = run_migkg("build", "--data", data, "--out", base / "out", cwd=base)
    assert done.returncode == 0, done.stderr
    assert (base / "out" / "migkg-2013.nq").is_file() and (base / "out" / "migkg-registry.nq").is_file()
    return base / "out"


@pytest.fixture
def case(seed_data: Path, earlier_outputs: Path, invoke_migkg) -> Case:
    out = Path(shutil.copytree(earlier_outputs, seed_data.parent / "out"))
    before = snapshot(out)
    assert before == snapshot(earlier_outputs) and ".migkg-build" in before
    return Case(seed_data, out, invoke_migkg, before)


# --------------------------------------------------------------------------- the order of the test files
# With `--dist loadfile`, xdist hands each idle worker the next whole file; by default it takes the files with the
# most tests first, so a slow file of few tests (real builds killed mid-way, servers) comes last and runs alone
# while the other worker idles. The files that take longest go first instead (the longest-first rule, measured
# with `--durations` on 2 workers); the rest follow, the most tests first, as xdist would order them.
SLOWEST_FIRST = (  # seconds of each file in a full run on 2 workers, quiet machine (its tests' durations, children too)
    "test_scale_shacl.py",      # 144: pyshacl and the compiled engine on ~140 broken seeds, once each
    "test_across_releases.py",  # 91: builds and validates 16 releases in-process, pyshacl as the reference
    "test_trust_cli.py",        # 85: every option with hostile values, in-process; many of them builds
    "test_trust_processes.py",  # 67: builds of 50 releases killed mid-way
    "test_dump_loading.py",     # 63: Virtuoso's bulk loader and Jena
    "test_scale_build.py",      # 57: builds of 12 releases
    "test_engine_parity.py",    # 57: three engines
    "test_scale_bench.py",      # 47: one test, the benchmark at 10 releases
    "test_trust_queries.py", "test_first_hour.py",  # ~40: queries stopped at their deadline; real processes
    "test_trust_fuzz.py", "test_pages_browser.py", "test_pages.py",  # 22-28: mutations; Chromium on served pages
)


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config.option, "loadscopereorder"):  # pytest-xdist: keep the order collected below
        config.option.loadscopereorder = False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    files: dict[str, list[pytest.Item]] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::")[0], []).append(item)
    rank = {f"tests/{name}": place for place, name in enumerate(SLOWEST_FIRST)}
    order = sorted(files, key=lambda path: (rank.get(path, len(rank)), -len(files[path])))
    items[:] = [item for path in order for item in files[path]]
