"""`migkg build --watch`: one process builds the corpus again after each saved change, keeping what it read
(migkg.build.corpus.Warm: the cache's decoded entries, the across state, the stamps, the workbench). Each of its
builds writes what a cold `--no-cache` build of the same data writes, byte for byte, and reports the same; what
it keeps from one build to the next is never changed by a build; and the command watches, reports what is new,
survives a bad card, and stops on Ctrl-C."""
from __future__ import annotations

import dataclasses
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from migkg import synthetic
from migkg.build.cache import Cache
from migkg.build.corpus import BuildSummary, Warm, build_corpus
from migkg.build.shared import STATE_ENTRY, load_state
from migkg.build.toolkit import Toolkit
from migkg.curation.watch import Changes, is_input
from migkg.validation.reports import readable

RELEASES = 30


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return synthetic.generate(tmp_path_factory.mktemp("synthetic") / "data", RELEASES, seed=11)


def files_of(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.endswith(".lock")}


def said(summary: BuildSummary) -> tuple[str, str | None, int, int]:
    return (readable(summary.report), None if summary.error is None else str(summary.error), summary.quads,
            summary.graphs)


def participant_fewer(folder: Path) -> None:
    card = folder / "card.yaml"
    lines = card.read_text(encoding="utf-8").splitlines(True)
    last = max(at for at, line in enumerate(lines) if line.lstrip().startswith("- {role: participant,"))
    card.write_text("".join(lines[:last] + lines[last + 1:]), encoding="utf-8")


def same(a: Any, b: Any, where: str = "") -> None:
    """``a`` and ``b`` hold the same values, all the way down (arrays by value, dataclasses field by field)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        assert isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and np.array_equal(a, b), where
    elif dataclasses.is_dataclass(a) and not isinstance(a, type):
        assert type(a) is type(b), where
        for field in dataclasses.fields(a):
            same(getattr(a, field.name), getattr(b, field.name), f"{where}.{field.name}")
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), where
        for key in a:
            same(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, (list, tuple)):
        assert isinstance(b, (list, tuple)) and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{i}]")
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def kept_as_read(cache: Cache) -> int:
    """Every entry a warm cache keeps, compared with the entry decoded afresh from its file (a build that changed
    what it was given would show here), and the kept across state with the one read afresh; how many were."""
    fresh = Cache(cache.folder)
    compared = 0
    for (path, meta), (key, entry, _length) in cache.decoded.items():
        if not path.is_file():
            continue
        now = fresh.get(str(path.relative_to(cache.folder).with_suffix("")), key, meta=meta)
        if now is None or now.checksum != entry.checksum:
            continue  # replaced since (the warm cache decodes it again when asked)
        same(entry.meta, now.meta, str(path))
        compared += 1
    for what, (checksum, value) in cache.made.items():
        assert what == STATE_ENTRY
        state_key = next(iter(fresh.folder.glob(f"{STATE_ENTRY}.bin"))).read_bytes().split(b"\n")[1].decode()
        read = load_state(fresh, state_key)
        if read is not None and fresh.get(STATE_ENTRY, state_key, meta=False).checksum == checksum:
            same(value.state, read.state, STATE_ENTRY)
            assert value.packed == read.packed
            compared += 1
    return compared


def releases(data: Path) -> list[Path]:
    return sorted((data / "releases").iterdir())


def remove_one(data: Path) -> None:
    shutil.move(releases(data)[10], data.parent / "aside" / releases(data)[10].name)


def put_back(data: Path) -> None:
    gone = next((data.parent / "aside").iterdir())
    shutil.move(gone, data / "releases" / gone.name)


def spoil(data: Path) -> None:
    with (releases(data)[7] / "card.yaml").open("a", encoding="utf-8") as card:
        card.write("bad: [\n")


def mend(data: Path) -> None:
    card = releases(data)[7] / "card.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("bad: [\n", ""), encoding="utf-8")


def review_registry(data: Path) -> None:
    with sorted((data / "registry").glob("*.yaml"))[0].open("a", encoding="utf-8") as registry:
        registry.write("# reviewed\n")


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("nothing changed", lambda data: None),
    ("a card: one participant fewer at its event", lambda data: participant_fewer(releases(data)[4])),
    ("another card, another year", lambda data: participant_fewer(releases(data)[-3])),
    ("a card that is not YAML", spoil),
    ("the bad card mended", mend),
    ("a release removed", remove_one),
    ("the release back", put_back),
    ("a registry file changed", review_registry),
]


@pytest.mark.parametrize("keep_going", [False, True], ids=["stop at a bad card", "--keep-going"])
def test_each_warm_build_is_a_cold_build(corpus: Path, tmp_path: Path, toolkit: Toolkit, keep_going: bool):
    """One warm process builds after each edit; a cold `--no-cache` build of the same data is its twin: the same
    files, byte for byte, the same report and verdict. A failed build leaves the last good one in place. Nothing
    the warm cache keeps was changed by a build."""
    data = Path(shutil.copytree(corpus, tmp_path / "data"))
    (tmp_path / "aside").mkdir()
    warm, out, cache = Warm(), tmp_path / "warm-out", tmp_path / "warm-cache"
    assert build_corpus(data, out, toolkit, cache_dir=cache, warm=warm, keep_going=keep_going).error is None
    for step, (what, edit) in enumerate(EDITS):
        before = files_of(out)
        edit(data)
        summary = build_corpus(data, out, toolkit, cache_dir=cache, warm=warm, keep_going=keep_going)
        twin = build_corpus(data, tmp_path / f"cold-{step}", toolkit, cache_dir=None, keep_going=keep_going)
        twin_files = files_of(tmp_path / f"cold-{step}") if (tmp_path / f"cold-{step}").is_dir() else {}
        assert [o.release_id for o in summary.left_out] == [o.release_id for o in twin.left_out], what
        assert said(summary) == said(twin), what
        if summary.error is None:
            assert files_of(out) == twin_files, what
        else:
            assert files_of(out) == before, f"{what}: a failed build wrote"
        assert summary.built <= 1 or what == "a registry file changed", f"{what}: built {summary.built}"
        assert warm.cache is not None
        assert kept_as_read(warm.cache) > 0, what


def test_a_warm_build_reads_again_only_what_changed(corpus: Path, tmp_path: Path, toolkit: Toolkit, monkeypatch):
    """The second build of a warm process decodes no entry it decoded before, unless its file changed."""
    from migkg.build import cache as cache_module

    data = Path(shutil.copytree(corpus, tmp_path / "data"))
    warm, out, cache = Warm(), tmp_path / "out", tmp_path / "cache"
    assert build_corpus(data, out, toolkit, cache_dir=cache, warm=warm).error is None
    assert build_corpus(data, out, toolkit, cache_dir=cache, warm=warm).error is None  # its own entries decoded once
    decoded: list[str] = []
    real = cache_module.unpack

    def counting(header: bytes) -> Any:
        decoded.append(header[:40].hex())
        return real(header)
    monkeypatch.setattr(cache_module, "unpack", counting)
    assert build_corpus(data, out, toolkit, cache_dir=cache, warm=warm).error is None
    assert decoded == []
    participant_fewer(sorted((data / "releases").iterdir())[3])
    assert build_corpus(data, out, toolkit, cache_dir=cache, warm=warm).error is None
    assert 0 < len(decoded) <= 6  # the changed release's entry, its part's, the base's check state: not the others


def test_a_long_watch_does_not_grow(corpus: Path, tmp_path: Path, toolkit: Toolkit):
    """The build keeps the cycle collector off what exists (gc.freeze) for its speed; between two builds of a watch,
    Warm.settle collects what the last one left, so the objects kept do not pile up build after build."""
    import gc

    data = Path(shutil.copytree(corpus, tmp_path / "data"))
    warm = Warm(toolkit=toolkit)
    kept = []
    for turn in range(7):
        folder = releases(data)[4]
        participant_fewer(folder) if turn % 2 else (folder / "card.yaml").write_text(
            (corpus / "releases" / folder.name / "card.yaml").read_text(encoding="utf-8") + f"# {turn}\n")
        assert build_corpus(data, tmp_path / "out", toolkit, cache_dir=tmp_path / "cache", warm=warm).error is None
        warm.settle()
        kept.append(gc.get_freeze_count())
    assert max(kept[3:]) - min(kept[3:]) < 1_000, kept  # without settle: about 14,000 more each build


def test_a_damaged_entry_is_noted_by_the_build_that_found_it_only(corpus: Path, tmp_path: Path, toolkit: Toolkit):
    data = Path(shutil.copytree(corpus, tmp_path / "data"))
    warm, out, cache = Warm(), tmp_path / "out", tmp_path / "cache"
    assert build_corpus(data, out, toolkit, cache_dir=cache, warm=warm).error is None
    entry = cache / "base.bin"
    damaged = bytearray(entry.read_bytes())
    damaged[-10] ^= 0xFF  # a byte of its last blob
    entry.write_bytes(bytes(damaged))
    found = build_corpus(data, out, toolkit, cache_dir=cache, warm=warm)
    assert found.error is None and len(found.damaged) == 1 and "base.bin" in found.damaged[0]
    after = build_corpus(data, out, toolkit, cache_dir=cache, warm=warm)
    assert after.error is None and after.damaged == []


def test_a_warm_cache_decodes_again_an_entry_whose_file_changed(tmp_path: Path):
    warm = Cache(tmp_path, warm=True)
    warm.put("x", "k", {"a": [1, 2]}, {"blob": b"123"})
    first = warm.get("x", "k")
    assert first is not None and first.meta == {"a": [1, 2]}
    assert warm.get("x", "k") is first  # the same file: the same entry, not decoded again
    Cache(tmp_path).put("x", "k", {"a": [3, 4]}, {"blob": b"456"})  # another process writes it anew, as long
    assert (tmp_path / "x.bin").stat().st_size == first.path.stat().st_size
    second = warm.get("x", "k")
    assert second is not first and second is not None and second.meta == {"a": [3, 4]}
    assert second.read() == {"blob": b"456"}
    assert warm.get("x", "other key") is None
    kept = {"a": [4]}
    warm.put("x", "k", kept, {}, keep=True)
    found = warm.get("x", "k")
    assert found is not None and found.meta is kept
    cold_cache = Cache(tmp_path)
    assert cold_cache.get("x", "k") is not cold_cache.get("x", "k")  # a cold cache keeps nothing
    assert not cold_cache.decoded


@pytest.mark.parametrize(("path", "expected"), [
    ("releases/2013-x/card.yaml", "releases/2013-x/card.yaml"),
    ("releases/2013-x/source.txt", "releases/2013-x/source.txt"),
    ("releases/2013-x", "releases/2013-x"),
    ("releases", "releases"),
    ("releases/.DS_Store", None),
    ("releases/2013-x/.card.yaml.swp", None),
    ("releases/2013-x/notes.md", None),
    ("registry/states.yaml", "registry/states.yaml"),
    ("registry/README.md", None),
    ("catalogue.yaml", "catalogue.yaml"),
    ("build/migkg-2013.nq", None),
    (".migkg-cache/releases/x.bin", None),
])
def test_the_inputs_watched(tmp_path: Path, path: str, expected: str | None):
    assert is_input(tmp_path, str(tmp_path / path)) == expected
    assert is_input(tmp_path / "data", str(tmp_path / path)) is None


def test_a_burst_of_events_is_one_change(tmp_path: Path):
    """An editor's save (a temporary file renamed over the card, then its folder's time) is one build."""
    from watchdog.events import DirModifiedEvent, FileClosedEvent, FileModifiedEvent, FileMovedEvent

    changes, stop = Changes(tmp_path), threading.Event()
    folder = tmp_path / "releases" / "2013-x"
    changes.dispatch(FileMovedEvent(str(folder / ".card.yaml.tmp"), str(folder / "card.yaml")))
    changes.dispatch(DirModifiedEvent(str(folder)))
    changes.dispatch(FileClosedEvent(str(folder / "card.yaml")))
    changes.dispatch(FileModifiedEvent(str(tmp_path / "build" / "void.ttl")))
    assert changes.wait(stop, quiet=0.01) == ["releases/2013-x/card.yaml"]
    stop.set()
    assert changes.wait(stop) == []


class Watcher:
    """`migkg build --watch` in a process of its own, its lines read as they come."""

    def __init__(self, data: Path, out: Path, cache: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "migkg", "build", "--watch", "--data", str(data), "--out", str(out), "--cache",
             str(cache)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=lambda: [self.lines.put(line.rstrip("\n")) for line in self.process.stderr or []],
                         daemon=True).start()

    def until(self, prefix: str, timeout: float = 120) -> list[str]:
        """The lines up to and with the first that begins with ``prefix``."""
        got: list[str] = []
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no line {prefix!r} within {timeout} s; saw {self.seen[-20:]}") from None
            self.seen.append(line)
            got.append(line)
            if line.startswith(prefix):
                return got


def save(card: Path, text: str) -> None:
    """As an editor saves: the whole text into a temporary file beside the card, then renamed over it."""
    temporary = card.with_name(f".{card.name}.saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, card)


def test_the_command_watches_reports_what_is_new_and_survives_a_bad_card(seed_data: Path, tmp_path: Path):
    out, cache = tmp_path / "build", tmp_path / "cache"
    card = next((seed_data / "releases").iterdir()) / "card.yaml"
    original = card.read_text(encoding="utf-8")
    watcher = Watcher(seed_data, out, cache)
    try:
        first = watcher.until("watching")
        assert any(line.startswith("built 1 release(s)") for line in first)
        assert any("void.ttl" in line for line in first)  # the first build lists its files, as `migkg build` does
        save(card, "# reviewed by a curator\n" + original)  # every line moves: its warning is the same warning
        moved = watcher.until("watching")
        assert any(line.endswith("1 warning(s): 0 new since the last build, 0 gone.") for line in moved)
        count = next(line for line in original.splitlines() if line.strip().startswith("count:"))
        save(card, original.replace(count, count.split(":")[0] + ": 99", 1))
        changed = watcher.until("watching")
        assert changed[0] == f"changed: releases/{card.parent.name}/card.yaml"
        assert any("states a count of 99" in line for line in changed)
        assert any(line.endswith("1 new since the last build, 1 gone.") for line in changed)
        assert any(line.startswith("built 1 release(s)") for line in changed)
        assert "count of 99" in (out / "migkg-conflicts.nt").read_text(encoding="utf-8")
        written = files_of(out)
        save(card, original + "bad: [\n")
        failed = watcher.until("watching")
        assert any(line.startswith("error: ") and "card.yaml:" in line and "not valid YAML" in line for line in failed)
        assert files_of(out) == written  # nothing written: the last good build stays
        save(card, original)
        mended = watcher.until("watching")
        assert not any("since the last build" in line for line in failed)  # its report lacks the bad card's say
        assert any(line.endswith("1 new since the last build, 1 gone.") for line in mended)  # told against the 99
        assert any(f"states a {count.strip().replace(':', ' of')}" in line for line in mended)
        assert "count of 99" not in (out / "migkg-conflicts.nt").read_text(encoding="utf-8")
        watcher.process.send_signal(signal.SIGINT)
        assert watcher.process.wait(timeout=60) == 0
        watcher.until("stopped watching")
    finally:
        if watcher.process.poll() is None:
            watcher.process.kill()


def test_a_kill_ends_the_watch_with_its_signal_and_a_vanished_data_folder_with_an_error(seed_data: Path,
                                                                                         tmp_path: Path):
    watcher = Watcher(seed_data, tmp_path / "build", tmp_path / "cache")
    try:
        watcher.until("watching")
        watcher.process.send_signal(signal.SIGTERM)
        assert watcher.process.wait(timeout=60) == 128 + signal.SIGTERM
        watcher.until("stopped watching")
    finally:
        if watcher.process.poll() is None:
            watcher.process.kill()
    watcher = Watcher(seed_data, tmp_path / "build", tmp_path / "cache")
    try:
        watcher.until("watching")
        shutil.move(seed_data, tmp_path / "elsewhere")
        gone = watcher.until("error:")
        assert str(seed_data) in gone[-1] and "removed or moved away" in gone[-1] and "Fix:" in gone[-1]
        assert watcher.process.wait(timeout=60) == 2
    finally:
        if watcher.process.poll() is None:
            watcher.process.kill()


def test_watch_refuses_no_cache(seed_data: Path, tmp_path: Path):
    done = subprocess.run([sys.executable, "-m", "migkg", "build", "--watch", "--no-cache", "--data", str(seed_data),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and all(word in errors[0] for word in ("--no-cache", "--watch", "leave out --no-cache"))
    assert not (tmp_path / "out").exists()
