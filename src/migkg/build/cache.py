"""The build cache: what each release's build produced, kept under a key of everything it depends on.

A release's entry is reused only when its key matches: a hash of its card and source text
and of everything else that shapes its graph (the registry, the ontology, the shapes, the
rules, the base IRI and the code the build runs; see :func:`toolkit_fingerprint`). So a changed
card rebuilds that release alone, and a changed registry or shapes file rebuilds them all.

One file per release (``releases/<id>.bin``) and one for the registry and vocabulary
(``base.bin``), each written atomically (a temporary file, then ``os.replace``): a plain-text
key line, then the pickled metadata (issues, statistics), then named binary blobs (the
output chunks, the statistics digests). The key line is checked before anything is
unpickled. The cache is the user's own working data, like ``build/``: it holds nothing that
cannot be rebuilt, and ``--no-cache`` or deleting the folder is always safe.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from migkg import __version__
from migkg.digests import digest_of_parts

MAGIC = b"migkg-cache 1\n"
_PACKAGE = Path(__file__).resolve().parents[1]
#: the packages and modules of migkg that a build runs (everything ``migkg.build`` imports): only a change
#: to them can change a build's output, so only they are in the cache key; tests/test_cache.py checks
#: the list against what importing the build loads
BUILD_CODE = ("cards", "mapping", "schema", "validation", "build", "errors.py", "digests.py", "atomic.py", "index_cache.py", "inputs.py")


def content_hash(*parts: bytes) -> str:
    """SHA-256 (hex) of the parts, each length-prefixed (:func:`migkg.digests.digest_of_parts`)."""
    return digest_of_parts(*parts).hex()


def build_sources(package: Path = _PACKAGE) -> list[Path]:
    """The source files of the code a build runs (:data:`BUILD_CODE`), in a fixed order."""
    files: list[Path] = []
    for name in BUILD_CODE:
        path = package / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def code_fingerprint(package: Path = _PACKAGE) -> str:
    """A hash of the code a build runs and of migkg's version (which the dataset description states): a change
    that could change a graph invalidates the cache, and a change elsewhere (the network pages, the drafter,
    the command line) does not, so it costs no cold rebuild."""
    parts = [__version__.encode()]
    for path in build_sources(package):
        parts += [str(path.relative_to(package)).encode(), path.read_bytes()]
    return content_hash(*parts)


def toolkit_fingerprint(base: str, files: list[Path], engine: str) -> str:
    """Everything a release's build depends on besides its own files and the registry."""
    parts = [code_fingerprint().encode(), base.encode(), engine.encode()]
    for path in files:
        parts += [path.name.encode(), path.read_bytes()]
    return content_hash(*parts)


def registry_fingerprint(files: dict[Path, bytes]) -> str:
    parts = []
    for path, data in files.items():
        parts += [path.name.encode(), data]
    return content_hash(*parts)


def release_key(context: str, release_id: str, card: bytes, source: bytes) -> str:
    return content_hash(context.encode(), release_id.encode(), card, source)


@dataclass
class Entry:
    """An entry as read: its metadata, and where its blobs are in its file."""

    path: Path
    meta: dict[str, Any]
    blobs: dict[str, tuple[int, int]]  # name -> (offset, length)

    def read(self, names: list[str] | None = None) -> dict[str, bytes]:
        """The named blobs (all by default), read from the entry's file in one read where they are adjacent."""
        wanted = names if names is not None else list(self.blobs)
        if not wanted:
            return {}
        spans = [self.blobs[name] for name in wanted]
        start = min(offset for offset, _length in spans)
        end = max(offset + length for offset, length in spans)
        with open(self.path, "rb") as handle:
            handle.seek(start)
            data = handle.read(end - start)
        return {name: data[offset - start:offset - start + length] for name, (offset, length) in zip(wanted, spans, strict=True)}


class Cache:
    """A cache folder; created on the first write, so a build that produced nothing leaves nothing behind."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _path(self, name: str) -> Path:
        return self.folder / f"{name}.bin"

    def get(self, name: str, key: str) -> Entry | None:
        """The entry stored under ``name`` if it was stored with ``key`` and is whole; None otherwise."""
        path = self._path(name)
        try:
            with open(path, "rb") as handle:
                if handle.read(len(MAGIC)) != MAGIC or handle.readline().rstrip(b"\n").decode() != key:
                    return None
                size = int.from_bytes(handle.read(8), "big")
                meta, blobs = pickle.loads(handle.read(size))
                start = handle.tell()
                if os.fstat(handle.fileno()).st_size != start + sum(length for _o, length in blobs.values()):
                    return None  # cut short: not an entry to trust
        except (OSError, ValueError, EOFError, pickle.UnpicklingError):
            return None
        return Entry(path, meta, {n: (start + offset, length) for n, (offset, length) in blobs.items()})

    def put(self, name: str, key: str, meta: dict[str, Any], blobs: dict[str, bytes]) -> Entry:
        path = self._path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        table, offset = {}, 0
        for blob_name, data in blobs.items():
            table[blob_name] = (offset, len(data))
            offset += len(data)
        header = pickle.dumps((meta, table), protocol=pickle.HIGHEST_PROTOCOL)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC + key.encode() + b"\n" + len(header).to_bytes(8, "big") + header)
                start = out.tell()
                for data in blobs.values():
                    out.write(data)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return Entry(path, meta, {n: (start + o, n_bytes) for n, (o, n_bytes) in table.items()})

    def prune(self, folder: str, keep: set[str]) -> None:
        """Remove the entries under ``folder`` whose names are not in ``keep`` (releases that are gone)."""
        directory = self.folder / folder
        if not directory.is_dir():
            return
        for path in directory.iterdir():
            if path.suffix == ".bin" and path.stem not in keep:
                path.unlink(missing_ok=True)
