"""A rebuild tells the releases whose inputs changed by their files' stat (migkg.build.stamps), as git's index
does: an unchanged release's files are not read, and no edit goes unseen, even one that keeps the file's size and
modification time, or one made in the same clock tick as the stat the last build recorded."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from migkg import synthetic
from migkg.build import plan as plan_module
from migkg.build import stamps as stamps_module
from migkg.build.corpus import build_corpus
from migkg.build.stamps import Stamps, stamp_of
from migkg.build.toolkit import Toolkit

RELEASES = 6


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return synthetic.generate(tmp_path_factory.mktemp("synthetic") / "data", RELEASES, seed=11)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The release folders whose inputs the plan reads."""
    seen: list[str] = []
    real = plan_module.read_inputs

    def counting(folder: Path) -> tuple[bytes, bytes]:
        seen.append(folder.name)
        return real(folder)
    monkeypatch.setattr(plan_module, "read_inputs", counting)
    return seen


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def commented(data: Path, index: int) -> Path:
    """The card of the ``index``-th release, ending with a comment line (which :func:`same_size_edit` edits)."""
    card = sorted((data / "releases").iterdir())[index] / "card.yaml"
    card.write_bytes(card.read_bytes() + b"# reviewed: a\n")
    return card


def same_size_edit(card: Path) -> None:
    """Change the last letter of the card's comment in place: the same size, and the modification time put back."""
    before = card.stat()
    text = card.read_bytes()
    changed = text[:-2] + (b"b" if text[-2:-1] == b"a" else b"a") + text[-1:]
    assert len(changed) == len(text) and changed != text
    with open(card, "r+b") as handle:  # in place: the same inode
        handle.write(changed)
    os.utime(card, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = card.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)


def test_unchanged_releases_are_not_read_and_a_changed_one_is(corpus: Path, tmp_path: Path, toolkit: Toolkit,
                                                             reads: list[str], monkeypatch):
    data = Path(shutil.copytree(corpus, tmp_path / "data"))
    monkeypatch.setattr(stamps_module, "RACY_NS", 0)  # files written before a build began are trusted by the next
    cache, out = tmp_path / "cache", tmp_path / "out"
    assert build_corpus(data, out, toolkit, cache_dir=cache).built == RELEASES
    assert len(reads) == RELEASES
    reads.clear()
    again = build_corpus(data, out, toolkit, cache_dir=cache)
    assert (again.built, again.reused, reads) == (0, RELEASES, [])
    card = sorted((data / "releases").iterdir())[2] / "card.yaml"
    card.write_bytes(card.read_bytes() + b"# a comment\n")
    changed = build_corpus(data, out, toolkit, cache_dir=cache)
    assert (changed.built, reads) == (1, [card.parent.name])


def test_an_edit_that_keeps_the_size_and_the_modification_time_is_seen(corpus: Path, tmp_path: Path,
                                                                       toolkit: Toolkit, monkeypatch):
    data = Path(shutil.copytree(corpus, tmp_path / "data"))
    monkeypatch.setattr(stamps_module, "RACY_NS", -10**12)  # no racy window: only the stat tells
    cache, out = tmp_path / "cache", tmp_path / "out"
    card = commented(data, 3)
    assert build_corpus(data, out, toolkit, cache_dir=cache).built == RELEASES
    same_size_edit(card)
    changed = build_corpus(data, out, toolkit, cache_dir=cache)
    cold = build_corpus(data, tmp_path / "cold", toolkit, cache_dir=None)
    assert (changed.built, changed.reused) == (1, RELEASES - 1)
    assert outputs(out) == outputs(tmp_path / "cold")
    assert [str(i) for i in changed.report.issues] == [str(i) for i in cold.report.issues]


def test_an_edit_in_the_tick_of_the_recorded_stat_is_seen(corpus: Path, tmp_path: Path, toolkit: Toolkit,
                                                          monkeypatch):
    """The racy case: the card is edited (its size and modification time kept) in the same clock tick as the stat
    the last build recorded, so that even its status-change time is the recorded one. The recorded stat is then
    not older than the last build's start by the racy window, and the card is read."""
    data = Path(shutil.copytree(corpus, tmp_path / "data"))
    cache, out = tmp_path / "cache", tmp_path / "out"
    card = commented(data, 1)
    assert build_corpus(data, out, toolkit, cache_dir=cache).built == RELEASES
    same_size_edit(card)
    real_load = Stamps.load.__func__  # type: ignore[attr-defined]

    def same_tick(cls, cache_, context):  # what the last build would have recorded had it taken the stat now
        loaded = real_load(cls, cache_, context)
        loaded.previous[card.parent.name][1] = stamp_of(str(card))
        loaded.trusted_before = time.time_ns() - stamps_module.RACY_NS
        return loaded
    monkeypatch.setattr(Stamps, "load", classmethod(same_tick))
    changed = build_corpus(data, out, toolkit, cache_dir=cache)
    assert (changed.built, changed.reused) == (1, RELEASES - 1)


def test_a_stamp_is_trusted_only_when_the_file_is_as_recorded_and_older_than_the_racy_window(tmp_path: Path):
    folder = tmp_path / "r1"
    folder.mkdir()
    (folder / "card.yaml").write_bytes(b"card")
    (folder / "source.txt").write_bytes(b"text")
    card, source = stamp_of(str(folder / "card.yaml")), stamp_of(str(folder / "source.txt"))
    recorded = {"r1": ["key", card, source]}
    long_ago = Stamps(recorded, began=time.time_ns() + stamps_module.RACY_NS + 10**9)
    assert long_ago.known_key("r1", str(folder)) == "key"
    within = Stamps({"r1": ["key", card, source]}, began=time.time_ns())  # the files are as new as that build
    assert within.known_key("r1", str(folder)) is None
    (folder / "source.txt").write_bytes(b"TEXT")  # the same size
    assert long_ago.known_key("r1", str(folder)) is None
    (folder / "source.txt").unlink()
    (folder / "source.txt").symlink_to(folder / "card.yaml")  # a symlink is always read, by the guarded reader
    recorded["r1"][2] = stamp_of(str(folder / "card.yaml"))
    assert stamp_of(str(folder / "source.txt")) is None
    assert long_ago.known_key("r1", str(folder)) is None
