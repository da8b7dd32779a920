"""A local SPARQL endpoint: the built dataset on the Oxigraph server (PyPI ``oxigraph``).

The dataset (every named graph of the N-Quads files, ``migkg-*.nq``, plus ``void.ttl`` in ``<base>graph/dataset``,
as ``migkg publish`` puts it) is loaded with ``oxigraph load`` into a fresh folder, then served
with ``oxigraph serve-read-only`` (``serve`` with ``writable=True``) on 127.0.0.1 only, with
``--union-default-graph``: a query without GRAPH sees every named graph, as on the embedded
store, so every catalogue query runs unchanged; named graphs stay named (``GRAPH ?g``).
Loading with the server's own binary keeps the on-disk format the server's, whatever
pyoxigraph version is installed beside it.

Oxigraph's own ``--timeout-s`` is not used: in 0.5 it does not stop an aggregate (a 4-way COUNT
ran on after 40 s), and a query it does cancel is answered HTTP 200 with its message in the
middle of the results. ``migkg serve --query-timeout`` is kept by the front server
(:mod:`migkg.pages.front`) instead, which, at the deadline, stops the work with
:meth:`LocalServer.restart`: the server is killed, so every query running in it stops at once,
and started again on the same port and data.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from migkg.errors import MigkgError
from migkg.processes import dying_with_this_process, owned_prefix, stale_folders
from migkg.stores.opening import open_build

DEFAULT_PORT = 7878
HOST = "127.0.0.1"


def oxigraph_binary() -> Path:
    """The ``oxigraph`` command installed with migkg (beside this Python), else the one on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("oxigraph")
    if not found:
        raise MigkgError("the Oxigraph server (`oxigraph` command) is not installed. "
                         "Fix: pip install 'oxigraph>=0.5' (it is a dependency of migkg; reinstall migkg).")
    return Path(found)


def port_is_free(port: int) -> bool:
    """Whether a server could listen on ``port``: with SO_REUSEADDR, as servers bind (waitress does), so a
    port held only by connections in TIME_WAIT counts as free, and only a socket bound to it does not."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def choose_port(requested: int | None) -> int:
    """The requested port (0: any free one); without a request 7878, or any free port if it is taken."""
    if requested == 0:
        return free_port()
    if requested is not None:
        if not port_is_free(requested):
            raise MigkgError(f"port {requested} on {HOST} is in use. Fix: stop what uses it, or give another "
                             "--port (0 picks a free one).")
        return requested
    return DEFAULT_PORT if port_is_free(DEFAULT_PORT) else free_port()


def load_into(location: Path, out_dir: Path, binary: Path) -> tuple[int, str]:
    """Load the build into an Oxigraph folder with ``oxigraph load``; returns the number of quads and the base IRI."""
    build = open_build(out_dir)  # checks the build and finds the description graph's name
    description = build.ntriples(build.description_graph)
    commands = [[str(binary), "load", "--location", str(location), "--file", *map(str, build.files)]]
    if description:
        description_file = location.parent / "description.nt"
        description_file.write_bytes(description)
        commands.append([str(binary), "load", "--location", str(location), "--file", str(description_file),
                         "--graph", build.description_graph])
    for command in commands:
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              preexec_fn=dying_with_this_process())
        if done.returncode != 0:
            raise MigkgError(f"`oxigraph load` failed: {done.stderr.strip()[:500]}. Fix: run `migkg build` again.")
    return len(build.store), build.base


@dataclass
class Urls:
    base: str

    @property
    def query(self) -> str:
        return f"{self.base}/query"

    @property
    def update(self) -> str:
        return f"{self.base}/update"

    @property
    def store(self) -> str:
        return f"{self.base}/store"

    @property
    def page(self) -> str:
        return f"{self.base}/"


#: the name of a server's temporary data folder begins with this, then the pid of the process that made it
WORKDIR_PREFIX = "migkg-serve-"


class Watchdog:
    """``python -m migkg.stores.watchdog`` over one data folder: told the pid of each child that works there,
    it stops them and removes the folder once this process closes the pipe or dies (even by SIGKILL)."""

    def __init__(self, folder: Path):
        read, self.write = os.pipe()  # neither end is inherited by other children (non-inheritable fds)
        try:
            self.process = subprocess.Popen([sys.executable, "-m", "migkg.stores.watchdog", str(folder)],
                                            stdin=read, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                            start_new_session=True)
        except BaseException:
            os.close(self.write)
            raise
        finally:
            os.close(read)

    def watch(self, pid: int) -> None:
        with contextlib.suppress(OSError):  # a watchdog that was killed: the next serve cleans up instead
            os.write(self.write, f"{pid}\n".encode())

    def close(self) -> None:
        """End the pipe (the watchdog then finds nothing left, or removes it) and wait for the watchdog."""
        if self.write >= 0:
            os.close(self.write)
            self.write = -1
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def stale_workdirs() -> list[Path]:
    """Data folders of servers whose owner died with no watchdog left to remove them (both were killed)."""
    return stale_folders(Path(tempfile.gettempdir()), (WORKDIR_PREFIX,))


class LocalServer:
    """The Oxigraph server as a child process over a temporary copy of the dataset; a context manager.

    Whatever stops the process that starts it, the server stops too: :meth:`stop` on any exception or
    signal that the caller turns into one (``migkg serve`` turns SIGTERM and SIGHUP into Ctrl-C); the kernel's
    parent-death signal (Linux) when the process is killed outright; and a :class:`Watchdog` then removes
    the data folder. The parent-death signal fires when the thread that started the server ends: start it
    from the main thread (:meth:`restart` runs in a thread of the front server, which lives as long).
    """

    def __init__(self, out_dir: Path, port: int | None = None, writable: bool = False):
        self.out_dir = out_dir
        self.requested_port = port
        self.writable = writable
        self.command: list[str] = []
        self._restarting = threading.Lock()
        self.workdir: Path | None = None
        self.process: subprocess.Popen | None = None
        self.quads = 0
        self.base = ""  # the build's base IRI (its void:uriSpace)
        self.urls: Urls | None = None
        self.watchdog: Watchdog | None = None
        self.cleaned: list[Path] = []  # data folders of killed servers, removed at start

    def start(self, ready_within: float = 30.0) -> LocalServer:
        binary = oxigraph_binary()
        for stale in stale_workdirs():
            shutil.rmtree(stale, ignore_errors=True)
            self.cleaned.append(stale)
        self.workdir = Path(tempfile.mkdtemp(prefix=owned_prefix(WORKDIR_PREFIX)))
        try:
            self.watchdog = Watchdog(self.workdir)
            location = self.workdir / "store"
            self.quads, self.base = load_into(location, self.out_dir, binary)
            port = choose_port(self.requested_port)
            self.command = [str(binary), "serve" if self.writable else "serve-read-only", "--location", str(location),
                            "--bind", f"{HOST}:{port}", "--union-default-graph"]
            process = self._launch()
            self.process, self.urls = process, Urls(f"http://{HOST}:{port}")
            self._wait_until_ready(process, self.urls, ready_within)
        except BaseException:
            self.stop()
            raise
        return self

    def _launch(self) -> subprocess.Popen:
        assert self.workdir is not None
        with open(self.workdir / "server.log", "ab") as log:
            # its own process group: a Ctrl-C reaches migkg, which then stops the server in order
            process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL, start_new_session=True,
                                       # it only calls prctl (found before the fork), as safe with threads
                                       preexec_fn=dying_with_this_process())  # noqa: PLW1509
        if self.watchdog is not None:
            self.watchdog.watch(process.pid)
        return process

    def restart(self, ready_within: float = 30.0) -> None:
        """Kill the server, which stops every query running in it at once, and start it again on the same
        port and data (its store is on disk: nothing is loaded again)."""
        with self._restarting:
            urls, process = self.serving()
            process.kill()
            process.wait()
            self.process = self._launch()
            self._wait_until_ready(self.process, urls, ready_within)

    def alive(self) -> bool:
        """Whether the server runs (or is being started again by :meth:`restart`)."""
        process = self.process
        if process is None:
            return False
        return process.poll() is None or self._restarting.locked() or self.process is not process

    def serving(self) -> tuple[Urls, subprocess.Popen]:
        """The URLs and the process of the running server (after :meth:`start`)."""
        if self.urls is None or self.process is None:
            raise MigkgError("the Oxigraph server is not running: start it first.")
        return self.urls, self.process

    def _wait_until_ready(self, process: subprocess.Popen, urls: Urls, within: float) -> None:
        deadline = time.monotonic() + within
        probe = f"{urls.query}?query=ASK%7B%7D"
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise MigkgError(f"the Oxigraph server stopped at start: {self._log_tail()}")
            try:
                with urllib.request.urlopen(probe, timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)
        raise MigkgError(f"the Oxigraph server did not answer within {within:g} s: {self._log_tail()}")

    def _log_tail(self) -> str:
        if self.workdir is None:
            return "(no log)"
        try:
            return (self.workdir / "server.log").read_text(errors="replace").strip()[-500:] or "(no output)"
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 5 s) and delete its copy of the data."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
        if self.watchdog is not None:
            self.watchdog.close()
            self.watchdog = None

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
