"""Build releases in worker processes: each loads the toolkit and the registry once, then builds batches.

A worker writes each release's part of the outputs into the cache and sends back only a
small :class:`migkg.build.jobs.Outcome` (status, errors, issues, where its entry is), so the main
process never receives or holds the releases' triples. Workers are started with ``spawn`` (a
clean interpreter, nothing inherited from the main process) and are worth their start-up
cost (about a second) only for many releases: with ``workers=None`` they start once
:data:`MIN_JOBS_FOR_WORKERS` releases are found to need building, so a build with a few
changed cards runs in the main process, and a cold build starts its workers while the main
process is still finding releases and validating the registry.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from migkg.build.cache import Cache, registry_fingerprint
from migkg.build.jobs import Job, Outcome, run_job
from migkg.build.toolkit import Toolkit
from migkg.build.workbench import Workbench, quiet_garbage_collector
from migkg.cards.registry import registry_from_files
from migkg.errors import MigkgError
from migkg.inputs import read_input
from migkg.processes import die_with_parent, stop_signals_held, stop_signals_let_through

MIN_JOBS_FOR_WORKERS = 64
BATCH = 16



@dataclass(frozen=True)
class WorkerSettings:
    """What a worker process needs to make its own toolkit, registry and cache: a few names, no data. They go to
    the worker through a pipe that the main process writes while holding the worker's end open too, so a worker
    that dies before reading them all (a script without a ``__main__`` guard) would leave the main process
    blocked on a full pipe, for ever, had they been the registry's files (hundreds of kilobytes)."""

    base: str
    ontology: str
    queries: str
    registry_paths: tuple[str, ...]  # the registry's files, which the worker reads itself
    registry_fingerprint: str  # the main process's: a worker refuses a registry that changed since
    cache_dir: str
    fingerprint: str   # the main process's toolkit's: a worker refuses to build with other shapes or rules
    parent: int = 0    # the main process's pid: a worker dies with it, however it dies


class WorkerDied(MigkgError):
    """A worker process ended while starting or building (killed, out of memory, an error at its start)."""

    def __init__(self) -> None:
        super().__init__(
            "a build worker process ended before its work was done: it was killed (out of memory?), or it failed "
            "to start (its own error, if any, is printed above). If the build was started from a Python script, "
            "call build_corpus only under `if __name__ == \"__main__\":` in it: the workers are started with "
            "spawn and import the script, so without that guard each of them runs the script again. Else build "
            "again, with `--workers 1` to build in this process.")


class _Worker:
    """A worker process's workbench and cache, made once by :func:`_start_worker`."""

    bench: Workbench | None = None
    cache: Cache | None = None


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _start_worker(settings: WorkerSettings) -> None:
    stop_signals_let_through()  # started with them held back (Runner._submit)
    if settings.parent:  # a build killed outright (kill -9) leaves no worker behind, idle or busy
        die_with_parent(settings.parent)
    toolkit = Toolkit.load(settings.base, Path(settings.ontology), Path(settings.queries))
    if toolkit.fingerprint != settings.fingerprint:
        raise RuntimeError("the ontology, shapes or rules changed while the build was running; build again.")
    files = {Path(path): read_input(Path(path), "registry") for path in settings.registry_paths}
    if registry_fingerprint(files) != settings.registry_fingerprint:
        raise RuntimeError("the registry changed while the build was running; build again.")
    _Worker.bench = Workbench(toolkit, registry_from_files(files, toolkit.vocabulary.post_types))
    _Worker.cache = Cache(Path(settings.cache_dir))
    quiet_garbage_collector()


def _run_batch(jobs: list[Job]) -> list[Outcome]:
    bench, cache = _Worker.bench, _Worker.cache
    assert bench is not None and cache is not None, "a worker builds only after _start_worker"
    return [run_job(bench, cache, job) for job in jobs]


class Runner:
    """Takes the releases to build one by one (:meth:`add`) and yields their outcomes (:meth:`outcomes`).

    ``workers``: None for automatic (worker processes once there are enough releases to build,
    one per core), 1 for none, N for N. Without worker processes, releases are built in the
    main process with ``workbench()``, when :meth:`outcomes` is asked.
    """

    def __init__(self, workbench: Callable[[], Workbench], cache: Cache, toolkit: Toolkit,
                 registry_files: dict[Path, bytes], *, workers: int | None, tick: Callable[[int], None]):
        self.workbench, self.cache, self.toolkit, self.files = workbench, cache, toolkit, registry_files
        self.workers, self.tick = workers, tick
        self.waiting: list[Job] = []                       # not yet given to anyone
        self.pool: ProcessPoolExecutor | None = None
        self.running: dict[Future[list[Outcome]], int] = {}

    def _count(self) -> int:
        if self.workers is not None:
            return max(1, self.workers)
        return cores()

    def add(self, job: Job) -> None:
        self.waiting.append(job)
        if self.pool is None and self._count() > 1 and (
                self.workers is not None or len(self.waiting) >= MIN_JOBS_FOR_WORKERS):
            settings = WorkerSettings(self.toolkit.iris.base, str(self.toolkit.ontology), str(self.toolkit.queries),
                                      tuple(str(path) for path in self.files), registry_fingerprint(self.files),
                                      str(self.cache.folder), self.toolkit.fingerprint, os.getpid())
            self.pool = ProcessPoolExecutor(self._count(), mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_start_worker, initargs=(settings,))
        if self.pool is not None:
            while len(self.waiting) >= BATCH:
                self._submit(self.waiting[:BATCH])
                del self.waiting[:BATCH]

    def _submit(self, batch: list[Job]) -> None:
        assert self.pool is not None
        with stop_signals_held():  # a submit may start a worker: a stop must not cut its start-up data short
            self.running[self.pool.submit(_run_batch, batch)] = len(batch)

    def outcomes(self) -> Iterator[Outcome]:
        """Every added release's :class:`Outcome`, as each is done (not in order)."""
        if self.pool is None:
            if self.waiting:
                bench = self.workbench()
                for job in self.waiting:
                    outcome = run_job(bench, self.cache, job)
                    self.tick(1)
                    yield outcome
            return
        if self.waiting:
            self._submit(self.waiting)
            self.waiting = []
        try:
            while self.running:
                done, _ = wait(self.running, return_when=FIRST_COMPLETED)
                for future in done:
                    size = self.running.pop(future)
                    try:
                        outcomes = future.result()
                    except BrokenProcessPool:
                        raise WorkerDied() from None
                    self.tick(size)
                    yield from outcomes
        finally:
            self.close()

    def close(self) -> None:
        """Stop the workers (after a failure, without waiting for the builds still queued)."""
        if self.pool is not None:
            for future in self.running:
                future.cancel()
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
