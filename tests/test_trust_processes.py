"""Issue 13, faults of processes: whatever kills `migkg build`, `build/` is the old build or the new one (never
missing, never mixed); two builds of one folder do not race; SIGTERM stops a build as Ctrl-C does; what a
killed build leaves is cleaned by the next; `migkg serve`'s children die with it, whatever kills it; and a
source text near the size limit does not keep `migkg draft` busy for minutes.

Real processes and real signals throughout: `python -m migkg ...` in a child process, killed with os.kill.
"""
from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from migkg.cli.draft import MAX_SOURCE_BYTES
from migkg.processes import pid_alive
from tests.servers import ROOT

RELEASES = 50
SEED = "2013-06-05-unhcr-iom-almaty-ministerial"


def migkg(*args: str | Path, **options) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "migkg", *map(str, args)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace", **options)


def finished(process: subprocess.Popen, timeout: float = 300) -> tuple[int, str]:
    _, err = process.communicate(timeout=timeout)
    return process.returncode, err


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too), by relative path, with its SHA-256."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def difference(found: dict[str, str], expected: dict[str, str]) -> str:
    missing = sorted(set(expected) - set(found))
    extra = sorted(set(found) - set(expected))
    changed = sorted(name for name in set(found) & set(expected) if found[name] != expected[name])
    return f"missing {missing[:5]}, extra {extra[:5]}, changed {changed[:5]}"


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if re.match(r"\.(build\.(new|old)|migkg-scratch)-", p.name))


def releases_built(data_parent: Path, build: subprocess.Popen) -> bool:
    """Whether the scratch cache of ``build`` (named after its pid, beside the data folder) holds a built release
    yet: the build is at work on the rest, and its commit is still ahead (the releases, then the parts, then the
    commit). A scratch cache that an earlier killed build left has another pid."""
    return any(path.is_file() for scratch in data_parent.glob(f".migkg-scratch-{build.pid}-*")
               for path in scratch.rglob("*"))


def wait_for(condition: Callable[[], bool], within: float, step: float = 0.002) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


# --------------------------------------------------------------------------- a corpus, built old and new
@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, object]:
    """Two synthetic corpora of 50 releases (the second: one card changed, one release more), each built once
    into a reference folder; a build of corpus two over a copy of build one is what the tests interrupt."""
    root = tmp_path_factory.mktemp("trust-processes")
    old_data, new_data = root / "old" / "data", root / "new" / "data"
    made = subprocess.run([sys.executable, "-m", "migkg.synthetic", str(old_data), "--releases", str(RELEASES)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert made.returncode == 0, made.stderr
    made = subprocess.run([sys.executable, "-m", "migkg.synthetic", str(new_data), "--releases", str(RELEASES + 1)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert made.returncode == 0, made.stderr
    references = {}
    for name, data in (("old", old_data), ("new", new_data)):
        started = time.monotonic()
        code, err = finished(migkg("build", "--data", data, "--out", root / name / "build", "--no-cache"))
        assert code == 0, err
        references[name] = root / name / "build"
        references[f"{name}_seconds"] = time.monotonic() - started
    (references["old"] / "network").mkdir()  # kept across builds: the new build must have it too
    (references["old"] / "network" / "edges.csv").write_text("a,b\n", encoding="utf-8")
    assert tree(references["old"]) != tree(references["new"])
    return {"root": root, "new_data": new_data, **references}


def fresh_old_build(builds, name: str) -> Path:
    """A folder ``<name>/build`` holding a copy of the old build (and its network/); returns the build folder."""
    work = builds["root"] / name
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    shutil.copytree(builds["old"], work / "build")
    return work / "build"


def expected_trees(builds) -> tuple[dict[str, str], dict[str, str]]:
    old = tree(builds["old"])
    new = {**tree(builds["new"]), "network/edges.csv": old["network/edges.csv"]}
    return old, new


def test_kill_9_at_any_moment_leaves_build_old_or_new(builds):
    """kill -9 at random moments of a build, and at moments picked around its commit (the marker file has just
    been written in the staging folder): after each, build/ exists and is byte for byte the old build or the new
    one (with the kept network/ folder), never missing, never a mix. The next build cleans what the killed ones
    left and says so."""
    old, new = expected_trees(builds)
    chance = random.Random(13)
    seconds = float(builds["new_seconds"])  # type: ignore[arg-type]
    outcomes = {"old": 0, "new": 0}
    out = fresh_old_build(builds, "kills")
    for trial in range(6):
        if tree(out) != old:  # start each trial from the old build
            out = fresh_old_build(builds, "kills")
        build = migkg("build", "--data", builds["new_data"], "--out", out, "--no-cache")
        if trial % 2:  # at a random moment of the whole build
            time.sleep(chance.uniform(0.2, seconds * 1.1))
        else:  # around the commit: once the staged folder holds its marker, after 0-30 ms
            def staged_whole(parent: Path = out.parent, build: subprocess.Popen = build) -> bool:
                return build.poll() is not None or any((p / ".migkg-build").exists()
                                                       for p in parent.glob(".build.new-*"))
            wait_for(staged_whole, within=seconds * 4, step=0.0005)
            time.sleep(chance.uniform(0, 0.03))
        build.kill()
        finished(build)
        assert out.is_dir(), f"trial {trial}: no build/ after kill -9"
        now = tree(out)
        assert now in (old, new), (f"trial {trial}: build/ is neither the old build nor the new one; "
                                   f"unlike the old: {difference(now, old)}; unlike the new: {difference(now, new)}")
        outcomes["old" if now == old else "new"] += 1
    assert outcomes["old"] and outcomes["new"], outcomes  # the kills fell both before and after the commit

    shutil.rmtree(out)
    shutil.copytree(builds["old"], out)
    killed = migkg("build", "--data", builds["new_data"], "--out", out, "--no-cache")
    assert wait_for(lambda: bool(leftovers(out.parent)), within=seconds * 4)
    killed.kill()
    finished(killed)
    assert leftovers(out.parent), "a killed build leaves its staging folder"
    data_parent = Path(builds["new_data"]).parent  # type: ignore[arg-type]
    code, err = finished(migkg("build", "--data", builds["new_data"], "--out", out, "--no-cache"))
    assert code == 0, err
    assert leftovers(out.parent) == [] and leftovers(data_parent) == []
    assert re.search(r"note: removed \.build\.new-\d+-\S+ beside .*: left by a build that was stopped", err), err
    assert tree(out) == new


def test_a_second_build_of_the_same_folder_fails_at_once_naming_the_first(builds):
    out = fresh_old_build(builds, "race")
    first = migkg("build", "--data", builds["new_data"], "--out", out, "--no-cache")
    second = migkg("build", "--data", builds["new_data"], "--out", out, "--no-cache")
    results = {first.pid: finished(first), second.pid: finished(second)}
    codes = sorted(code for code, _ in results.values())
    assert codes == [0, 1], results
    winner = next(pid for pid, (code, _) in results.items() if code == 0)
    _, message = next(result for result in results.values() if result[0] == 1)
    assert re.search(rf"error: the build folder {re.escape(str(out))} is in use by another migkg process "
                     rf"\(pid {winner}: .*migkg build.*\); lock file .*\.build\.lock\. Fix: wait", message), message
    assert "Traceback" not in message
    assert tree(out) == expected_trees(builds)[1]


def test_sigterm_stops_a_build_like_ctrl_c(builds):
    """SIGTERM mid-build: exit 143, the old build intact, no staging folder or scratch cache left; SIGINT: 130."""
    old, _new = expected_trees(builds)
    data_parent = Path(builds["new_data"]).parent  # type: ignore[arg-type]
    for signum, status in ((signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)):
        out = fresh_old_build(builds, f"signal-{signum}")
        build = migkg("build", "--data", builds["new_data"], "--out", out, "--no-cache")
        assert wait_for(lambda parent=out.parent: bool(leftovers(parent)) and bool(leftovers(data_parent)), within=60)
        assert wait_for(lambda build=build: releases_built(data_parent, build), within=60), "no release was built"
        build.send_signal(signum)
        code, err = finished(build, timeout=60)
        assert code == status, err
        assert f"migkg: stopped by {signum.name}" in err and "Traceback" not in err, err
        assert tree(out) == old
        assert leftovers(out.parent) == [] and leftovers(data_parent) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_a_stopped_build_leaves_no_worker_process(builds, signum):
    """A build with worker processes, stopped by SIGTERM (exit 143, the workers end their batch and go) or
    killed outright (the kernel kills the workers with it): no worker outlives it."""
    out = fresh_old_build(builds, f"workers-{signum}")
    build = migkg("build", "--data", builds["new_data"], "--out", out, "--no-cache", "--workers", "2")

    def workers() -> list[int]:
        return [pid for pid, line in children_of(build.pid) if "multiprocessing.spawn" in line]
    assert wait_for(lambda: len(workers()) == 2, within=60, step=0.05), children_of(build.pid)
    started = workers()
    # the workers at work: the first releases built, the rest and the commit ahead (a fixed sleep once fell after
    # the commit, when start-up grew faster)
    data_parent = Path(builds["new_data"]).parent  # type: ignore[arg-type]
    assert wait_for(lambda: releases_built(data_parent, build), within=60, step=0.002), "no release was built"
    assert all(pid_alive(pid) for pid in started), "a worker ended before the signal"
    build.send_signal(signum)
    # the workers end the batch they are on: seconds on a quiet machine, over a minute when both cores are busy
    code, err = finished(build, timeout=240)
    assert code == (143 if signum == signal.SIGTERM else -signal.SIGKILL), err
    assert wait_for(lambda: not any(pid_alive(pid) for pid in started), within=10, step=0.05), \
        "a worker outlived the build"
    assert tree(out) == expected_trees(builds)[0]
    if signum == signal.SIGTERM:
        assert "Traceback" not in err, err


def test_a_live_builds_scratch_cache_is_not_taken_for_a_leftover(builds, tmp_path):
    """Only a folder whose process is gone is a leftover: a scratch cache named after a live process stays."""
    out = fresh_old_build(builds, "live")
    data_parent = Path(builds["new_data"]).parent  # type: ignore[arg-type]
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    live_scratch = data_parent / f".migkg-scratch-{sleeper.pid}-live"
    dead_scratch = data_parent / f".migkg-scratch-{dead.pid}-dead"
    try:
        for folder in (live_scratch, dead_scratch):
            folder.mkdir()
            (folder / "piece").write_bytes(b"x")
        code, err = finished(migkg("build", "--data", builds["new_data"], "--out", out, "--no-cache"))
        assert code == 0, err
        assert live_scratch.is_dir() and not dead_scratch.exists()
        assert f"note: removed {dead_scratch}: the scratch cache of a build that was stopped" in err
    finally:
        sleeper.kill()
        sleeper.wait()
        shutil.rmtree(live_scratch, ignore_errors=True)


# --------------------------------------------------------------------------- migkg serve and its children
def children_of(pid: int) -> list[tuple[int, str]]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            words = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        parent = re.search(r"^PPid:\s*(\d+)", status, re.M)
        if parent and int(parent.group(1)) == pid:
            found.append((int(entry.name), " ".join(os.fsdecode(w) for w in words if w)))
    return found


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Served:
    """`migkg serve` in a child process; its public port, its Oxigraph child (pid, port) and data folder."""

    def __init__(self, built: Path):
        self.process = migkg("serve", "--port", "0", "--out", built)
        printed: dict[str, str] = {}
        assert self.process.stdout is not None
        while "data folder" not in printed:
            line = self.process.stdout.readline()
            if not line:
                raise AssertionError(f"serve stopped: {self.process.communicate()[1]}")
            name, _, value = line.partition(":")
            printed[name.strip()] = value.split()[0] if value.split() else ""
        self.port = int(re.search(r":(\d+)/", printed["query page"]).group(1))
        self.folder = Path(printed["data folder"])
        oxigraph = [(pid, line) for pid, line in children_of(self.process.pid) if "oxigraph" in line and "serve" in line]
        assert len(oxigraph) == 1, children_of(self.process.pid)
        self.oxigraph = oxigraph[0][0]
        self.oxigraph_port = int(re.search(r"--bind 127\.0\.0\.1:(\d+)", oxigraph[0][1]).group(1))
        assert port_open(self.port) and port_open(self.oxigraph_port) and self.folder.is_dir()

    def gone(self) -> bool:
        return not port_open(self.port) and not port_open(self.oxigraph_port) and not pid_alive(self.oxigraph)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGHUP, signal.SIGTERM])
def test_serve_takes_its_children_and_data_with_it_whatever_kills_it(built_dir, signum):
    served = Served(built_dir)
    os.kill(served.process.pid, signum)
    code, err = finished(served.process, timeout=30)
    assert wait_for(served.gone, within=30, step=0.05), "the Oxigraph server outlived `migkg serve`"
    assert wait_for(lambda: not served.folder.exists(), within=10, step=0.05), "its data folder was left behind"
    if signum == signal.SIGKILL:
        assert code == -signal.SIGKILL
    else:
        assert code == 0 and "migkg: stopping the server" in err and "Traceback" not in err, err


def test_the_next_serve_removes_the_data_of_one_killed_with_its_watchdog(built_dir):
    """When the whole process group is killed, the watchdog too, the next `migkg serve` removes the folder."""
    served = Served(built_dir)
    watchdogs = [pid for pid, line in children_of(served.process.pid) if "migkg.stores.watchdog" in line]
    assert len(watchdogs) == 1
    os.kill(watchdogs[0], signal.SIGKILL)
    served.process.kill()
    finished(served.process)
    assert wait_for(served.gone, within=30, step=0.05)
    assert served.folder.exists()
    second = Served(built_dir)
    try:
        assert not served.folder.exists()
    finally:
        second.process.send_signal(signal.SIGINT)
        _code, err = finished(second.process, timeout=30)
    assert f"note: removed {served.folder}: the data folder of a `migkg serve` that was killed" in err


# --------------------------------------------------------------------------- migkg draft and long texts
def test_draft_refuses_a_text_just_over_its_limit_at_once(tmp_path, run_migkg):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_SOURCE_BYTES + 1))
    started = time.monotonic()
    done = run_migkg("draft", big, "--id", "big", "--to", tmp_path / "drafts", "--data", ROOT / "data")
    assert done.returncode == 2, done.stderr
    assert time.monotonic() - started < 30  # no drafting began: only the start of Python and the check
    assert re.fullmatch(rf"error: {re.escape(str(big))}: is {MAX_SOURCE_BYTES + 1:,} bytes; .*"
                        rf"Fix: split it into one file per release, each under {MAX_SOURCE_BYTES:,} bytes.*\n",
                        done.stderr), done.stderr
    assert not (tmp_path / "drafts").exists()


def test_draft_drafts_a_text_just_under_its_limit(tmp_path, run_migkg):
    """Seed paragraphs repeated to just under the limit: drafted (the time it takes is in bench/, not here)."""
    paragraphs = (ROOT / "data" / "releases" / SEED / "source.txt").read_text(encoding="utf-8").split("\n\n")
    text, size = [], 0
    for paragraph in (p for _ in range(10_000) for p in paragraphs):
        if size + len(paragraph.encode()) + 2 > MAX_SOURCE_BYTES:
            break
        text.append(paragraph)
        size += len(paragraph.encode()) + 2
    source = tmp_path / "long.txt"
    source.write_text("\n\n".join(text), encoding="utf-8")
    assert MAX_SOURCE_BYTES - 5_000 < source.stat().st_size <= MAX_SOURCE_BYTES
    done = run_migkg("draft", source, "--id", "long", "--to", tmp_path / "drafts", "--data", ROOT / "data")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "drafts" / "long" / "card.draft.yaml").is_file()


# --------------------------------------------------------------------------- where the exchange is refused
def test_where_the_file_system_refuses_the_exchange_two_renames_and_a_note(tmp_path, monkeypatch):
    """The fallback: on a file system without RENAME_EXCHANGE (here: the exchange made to refuse, as NFS would),
    the commit replaces the folder by two renames and says why; a build killed between them (no build/, a
    retired complete build beside it) is undone by the next, which puts the old build back."""
    import errno

    from migkg.build import dumps
    from migkg.processes import ExchangeRefused

    def refuse(first: Path, second: Path) -> None:
        raise ExchangeRefused(errno.EINVAL, os.strerror(errno.EINVAL))

    out = tmp_path / "build"
    out.mkdir()
    (out / dumps.MARKER).write_text("old\n")
    (out / "network").mkdir()
    (out / "network" / "edges.csv").write_text("a,b\n")
    notes: list[str] = []
    monkeypatch.setattr(dumps, "exchange", refuse)
    staging = dumps.Staging(out, notes.append)
    (staging.folder / "migkg-2013.nq").write_text("new\n")
    staging.commit("new\n")
    assert tree(out) == {".migkg-build": tree_digest("new\n"), "migkg-2013.nq": tree_digest("new\n"),
                         "network/edges.csv": tree_digest("a,b\n")}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]
    assert len(notes) == 1 and "cannot exchange two folders in one step (Invalid argument)" in notes[0]

    # a kill between the two renames of such a build: build/ gone, the old one retired beside it
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    retired = tmp_path / f".build.old-{dead.pid}-x"
    retired.mkdir()
    os.rename(out, retired / "old")
    staged = tmp_path / f".build.new-{dead.pid}-y"
    staged.mkdir()
    cleaned = dumps.clean_leftovers(out)
    assert cleaned.restored == retired and sorted(cleaned.removed) == sorted([retired, staged])
    assert (out / "migkg-2013.nq").read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def tree_digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


# --------------------------------------------------------------------------- a script without the __main__ guard
def test_a_script_without_the_main_guard_fails_at_once_saying_so(builds, tmp_path):
    """build_corpus's workers are spawned and import the script that started the build; without the guard each
    re-runs it and dies (the build folder is locked). The build stops with advice instead of hanging on a pipe
    that no one reads: the workers' settings are a few names, not the registry's files."""
    script = tmp_path / "no_guard.py"
    script.write_text(
        "# a user's script, as written without the guard\n"
        "from pathlib import Path\n"
        "from migkg.build.corpus import build_corpus\n"
        "from migkg.build.toolkit import Toolkit\n"
        f"build_corpus(Path({str(builds['new_data'])!r}), Path({str(tmp_path / 'build')!r}), Toolkit.load(),\n"
        f"             cache_dir=Path({str(tmp_path / 'cache')!r}), workers=2)\n", encoding="utf-8")
    registry = sum(len(p.read_bytes()) for p in (builds["new_data"] / "registry").glob("*.yaml"))
    assert registry > 1 << 16, "a registry smaller than a pipe's buffer would not have hung before either"
    process = subprocess.Popen([sys.executable, str(script)], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    try:
        code, err = finished(process, timeout=120)
    finally:
        process.kill()  # a hung build (what this guards against) must not outlive the test
    assert code != 0
    assert "WorkerDied" in err and 'if __name__ == "__main__":' in err, err[-2000:]
    assert not (tmp_path / "build").exists(), "nothing written"


def test_a_worker_refuses_a_registry_changed_since_the_build_began(builds, tmp_path):
    from migkg.build.cache import registry_fingerprint
    from migkg.build.parallel import WorkerSettings, _start_worker
    from migkg.build.toolkit import Toolkit
    from migkg.cards.registry import registry_files

    registry = tmp_path / "registry"
    shutil.copytree(builds["new_data"] / "registry", registry)
    files = registry_files(registry)
    toolkit = Toolkit.load()
    settings = WorkerSettings(toolkit.iris.base, str(toolkit.ontology), str(toolkit.queries),
                              tuple(str(path) for path in files), registry_fingerprint(files), str(tmp_path / "cache"),
                              toolkit.fingerprint)
    _start_worker(settings)  # the registry as the main process read it: the worker starts
    first = sorted(files)[0]
    first.write_bytes(first.read_bytes() + b"\n# edited while the build runs\n")
    with pytest.raises(RuntimeError, match="the registry changed while the build was running"):
        _start_worker(settings)
