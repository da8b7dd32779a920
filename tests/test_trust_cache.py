"""The build cache is not trusted blindly (issue 13, item 3).

Entries hold no pickle (MessagePack with a closed list of types) and carry SHA-256 checksums of their
metadata and of each blob. A damaged entry is never published: it is deleted, built again, and the
build says so. Each test damages a real cache of the multi-release fixture corpus and checks that the
next build exits 0 with outputs byte-identical to a build without any cache. The reference builds, the flipped
bit in a blob and the crafted pickle run in a real ``python -m migkg`` process; the other rebuilds in-process (the
same build code, without an interpreter to start each time).
"""
from __future__ import annotations

import hashlib
import pickle
import random
import shutil
from pathlib import Path

import msgpack
import pytest

from migkg.build.cache import MAGIC, Cache
from migkg.build.codec import UnknownRecord, pack, unpack
from migkg.errors import Location

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "domain"


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def clean(tmp_path_factory, run_migkg) -> dict[str, bytes]:
    """The outputs of a build without a cache: what every build after a damage must write."""
    out = tmp_path_factory.mktemp("clean") / "out"
    done = run_migkg("build", "--data", CORPUS, "--out", out, "--no-cache")
    assert done.returncode == 0, done.stderr
    return files_of(out)


@pytest.fixture(scope="module")
def filled(tmp_path_factory, run_migkg) -> Path:
    """A cache filled by one build of the corpus (copied by each test before it is damaged)."""
    cache = tmp_path_factory.mktemp("filled") / "cache"
    done = run_migkg("build", "--data", CORPUS, "--out", cache.parent / "out", "--cache", cache)
    assert done.returncode == 0, done.stderr
    return cache


@pytest.fixture
def cache(filled: Path, tmp_path: Path) -> Path:
    return shutil.copytree(filled, tmp_path / "cache")


def rebuild(run_migkg, cache: Path, tmp_path: Path, name: str = "out"):
    done = run_migkg("build", "--data", CORPUS, "--out", tmp_path / name, "--cache", cache)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done, files_of(tmp_path / name)


def release_entry(cache: Path) -> Path:
    return sorted((cache / "releases").glob("*.bin"))[0]


def header_end(data: bytes) -> int:
    key_end = data.index(b"\n", len(MAGIC)) + 1
    return key_end + 8 + 32 + int.from_bytes(data[key_end:key_end + 8], "big")


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))


def test_a_flipped_bit_in_a_blob_is_built_again_and_said(cache, tmp_path, run_migkg, clean):
    entry = release_entry(cache)
    data = entry.read_bytes()
    flip(entry, header_end(data) + (len(data) - header_end(data)) // 2)
    done, outputs = rebuild(run_migkg, cache, tmp_path)
    assert outputs == clean
    assert f"note: the cache entry {entry}" in done.stderr and "damaged" in done.stderr


def test_a_flipped_bit_in_the_metadata_is_built_again_and_said(cache, tmp_path, invoke_migkg, clean):
    entry = release_entry(cache)
    flip(entry, header_end(entry.read_bytes()) - 3)
    done, outputs = rebuild(invoke_migkg, cache, tmp_path)
    assert outputs == clean
    assert "the checksum of its metadata differs" in done.stderr


def test_a_cut_entry_is_built_again(cache, tmp_path, invoke_migkg, clean):
    entry = release_entry(cache)
    entry.write_bytes(entry.read_bytes()[:-5])
    done, outputs = rebuild(invoke_migkg, cache, tmp_path)
    assert outputs == clean and "its length is not the one written" in done.stderr


class _Runs:
    def __reduce__(self):
        return (Path.touch, (Path("/tmp/migkg-test-pickle-ran"),))


@pytest.mark.parametrize("magic", [MAGIC, b"migkg-cache 1\n"])
def test_a_crafted_pickle_entry_runs_nothing(cache, tmp_path, run_migkg, clean, magic):
    marker = Path("/tmp/migkg-test-pickle-ran")
    marker.unlink(missing_ok=True)
    entry = release_entry(cache)
    data = entry.read_bytes()
    key_line = data[len(MAGIC):data.index(b"\n", len(MAGIC)) + 1]
    header = pickle.dumps(({"issues": _Runs()}, {}))
    entry.write_bytes(magic + key_line + len(header).to_bytes(8, "big") + hashlib.sha256(header).digest() + header)
    _done, outputs = rebuild(run_migkg, cache, tmp_path)
    assert outputs == clean
    assert not marker.exists()


def test_random_corruptions_never_reach_the_outputs(cache, tmp_path, invoke_migkg, clean):
    entries = sorted(cache.rglob("*.bin"))
    chooser = random.Random(13)
    for round_ in range(8):
        entry = chooser.choice([e for e in sorted(cache.rglob("*.bin"))] or entries)
        size = entry.stat().st_size
        flip(entry, chooser.randrange(size))
        _done, outputs = rebuild(invoke_migkg, cache, tmp_path, f"out{round_}")
        assert outputs == clean, f"round {round_}: {entry.name}"


# --------------------------------------------------------------------------- the codec

def test_the_codec_keeps_types_and_refuses_what_it_does_not_know():
    value = {"a": (1, "x"), "b": frozenset({2}), "c": {3}, "p": Path("/x"), "loc": Location(Path("c.yaml"), 3, "f")}
    assert unpack(pack(value)) == value
    assert type(unpack(pack(value))["a"]) is tuple
    with pytest.raises(TypeError, match="does not store"):
        pack({"x": object()})
    record = msgpack.ExtType(7, pack(["os.system", {"command": "true"}]))  # a dataclass record of no allowed class
    with pytest.raises(UnknownRecord):
        unpack(msgpack.packb(record))


def test_an_entry_read_back_is_the_entry_written(tmp_path):
    store = Cache(tmp_path)
    meta = {"issues": [Location(Path("card.yaml"), 1)], "n": 3}
    written = store.put("releases/r", "key", meta, {"chunk": b"abc", "other": b"defg"})
    read = store.get("releases/r", "key")
    assert read is not None and read.meta == meta and read.read() == {"chunk": b"abc", "other": b"defg"}
    assert written.read(["other"]) == {"other": b"defg"}
    assert store.get("releases/r", "another key") is None and store.damaged == []
