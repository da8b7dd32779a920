"""A dump part written again after one card changed copies its other releases' chunks from the previous build's
files (where the build recorded them, migkg.build.sinks.SPANS) instead of reading them back from the cache and
making the other formats again; the files are a cold build's, byte for byte, and a file edited by hand since is
not copied from. Releases side by side in the previous file are copied as one run, by the kernel where it can."""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from migkg import synthetic
from migkg.build import cache as cache_module
from migkg.build import dumps
from migkg.build.corpus import build_corpus
from migkg.build.toolkit import Toolkit

RELEASES = 8


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return synthetic.generate(tmp_path_factory.mktemp("synthetic") / "data", RELEASES, seed=5)


@pytest.fixture(scope="module")
def forty(tmp_path_factory) -> Path:
    """Forty releases: the largest part (2019) holds five, so a change in its middle leaves releases on both sides."""
    return synthetic.generate(tmp_path_factory.mktemp("forty") / "data", 40, seed=5)


@pytest.fixture
def chunks_read(monkeypatch) -> list[str]:
    """The cache entries whose N-Quads chunk the build reads."""
    read: list[str] = []
    real = cache_module.Entry.read

    def recording(self, names=None):
        if names is None or "nq" in names:
            read.append(self.path.stem)
        return real(self, names)
    monkeypatch.setattr(cache_module.Entry, "read", recording)
    return read


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def a_part_of_several(data: Path, at_least: int = 2) -> list[Path]:
    """The release folders of the year with the most releases (``at_least`` of them)."""
    years: dict[str, list[Path]] = {}
    for folder in sorted((data / "releases").iterdir()):
        years.setdefault(folder.name[:4], []).append(folder)
    biggest = max(years.values(), key=len)
    assert len(biggest) >= at_least
    return biggest


def built_once(corpus: Path, tmp_path: Path, toolkit: Toolkit,
               at_least: int = 2) -> tuple[Path, Path, Path, list[Path]]:
    """A copy of the corpus built once with a cache: (data, cache, out, the folders of its largest part)."""
    data = Path(shutil.copytree(corpus, tmp_path / "data"))
    cache, out = tmp_path / "cache", tmp_path / "out"
    assert build_corpus(data, out, toolkit, cache_dir=cache).error is None
    return data, cache, out, a_part_of_several(data, at_least)


def review(folder: Path) -> None:
    """Change a release's card (a comment line more)."""
    card = folder / "card.yaml"
    card.write_bytes(card.read_bytes() + b"# reviewed\n")


def test_the_unchanged_releases_of_a_part_written_again_are_copied(corpus: Path, tmp_path: Path, toolkit: Toolkit,
                                                                   chunks_read: list[str]):
    data, cache, out, folders = built_once(corpus, tmp_path, toolkit)
    changed = folders[-1]
    review(changed)
    chunks_read.clear()
    rebuilt = build_corpus(data, out, toolkit, cache_dir=cache)
    assert rebuilt.error is None and rebuilt.built == 1
    releases = {folder.name for folder in (data / "releases").iterdir()}
    assert [name for name in chunks_read if name in releases] == [changed.name]  # the others copied
    cold = build_corpus(data, tmp_path / "cold", toolkit, cache_dir=None)
    assert cold.error is None
    assert outputs(out) == outputs(tmp_path / "cold")


def test_a_file_edited_by_hand_since_is_not_copied_from(corpus: Path, tmp_path: Path, toolkit: Toolkit,
                                                        chunks_read: list[str]):
    data, cache, out, folders = built_once(corpus, tmp_path, toolkit)
    year = folders[0].name[:4]
    nt = out / f"migkg-{year}.nt"
    text = nt.read_bytes()
    nt.unlink()  # the build's files are hard links shared with nothing here; write a new file, the same size
    nt.write_bytes(text.replace(b"<", b"{", 1))
    os.utime(nt, ns=(0, 0))
    review(folders[-1])
    chunks_read.clear()
    assert build_corpus(data, out, toolkit, cache_dir=cache).error is None
    assert {folder.name for folder in folders} <= set(chunks_read)  # every release of the part read from the cache
    assert build_corpus(data, tmp_path / "cold", toolkit, cache_dir=None).error is None
    assert outputs(out) == outputs(tmp_path / "cold")


# --------------------------------------------------------------------------- copies in runs

@pytest.fixture
def copies(monkeypatch) -> list[tuple[str, int, int]]:
    """(extension, start, end) of every range the writer's threads copy from a previous file."""
    seen: list[tuple[str, int, int]] = []
    real = dumps._Lane._copy

    def recording(self, folder, part, ext, start, end):
        seen.append((ext, start, end))
        return real(self, folder, part, ext, start, end)
    monkeypatch.setattr(dumps._Lane, "_copy", recording)
    return seen


def test_a_card_changed_in_the_middle_of_its_part_copies_the_others_in_two_runs_the_same_bytes(
        forty, tmp_path, toolkit, copies):
    data, cache, out, folders = built_once(forty, tmp_path, toolkit, at_least=5)
    middle = folders[len(folders) // 2]
    (middle / "card.yaml").write_bytes((middle / "card.yaml").read_bytes() + b"# reviewed\n")
    copies.clear()
    assert build_corpus(data, out, toolkit, cache_dir=cache).error is None
    by_format: dict[str, int] = {}
    for ext, _start, _end in copies:
        by_format[ext] = by_format.get(ext, 0) + 1
    # the releases before it, and those after it: one copy each, per format (not one per release)
    assert by_format == {ext: 2 for ext in by_format} and len(by_format) == 5
    assert build_corpus(data, tmp_path / "cold", toolkit, cache_dir=None).error is None
    assert outputs(out) == outputs(tmp_path / "cold")


def test_a_release_removed_from_its_part_ends_a_run_and_the_files_are_a_cold_builds(forty, tmp_path, toolkit, copies):
    data, cache, out, folders = built_once(forty, tmp_path, toolkit, at_least=5)
    shutil.rmtree(folders[1])  # gone: its bytes lie between its neighbours' in the previous file
    (folders[-1] / "card.yaml").write_bytes((folders[-1] / "card.yaml").read_bytes() + b"# reviewed\n")
    copies.clear()
    assert build_corpus(data, out, toolkit, cache_dir=cache).error is None
    # the first release, then those between the removed one and the changed one (if any): a run each
    assert len([c for c in copies if c[0] == "nq"]) == 2  # not one per release
    assert build_corpus(data, tmp_path / "cold", toolkit, cache_dir=None).error is None
    assert outputs(out) == outputs(tmp_path / "cold")


def test_where_the_kernel_cannot_copy_the_bytes_are_read_and_written_alike(forty, tmp_path, toolkit, monkeypatch):
    data, cache, out, folders = built_once(forty, tmp_path, toolkit, at_least=5)
    refused: list[int] = []

    def cannot(*args, **kwargs):
        refused.append(1)
        raise OSError(errno.EXDEV, "Invalid cross-device link")
    monkeypatch.setattr(os, "copy_file_range", cannot)
    (folders[0] / "card.yaml").write_bytes((folders[0] / "card.yaml").read_bytes() + b"# reviewed\n")
    assert build_corpus(data, out, toolkit, cache_dir=cache).error is None
    assert refused  # it was tried, refused, and the copy made otherwise
    assert build_corpus(data, tmp_path / "cold", toolkit, cache_dir=None).error is None
    assert outputs(out) == outputs(tmp_path / "cold")
