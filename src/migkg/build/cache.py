"""The build cache: what each release's build produced, kept under a key of everything it depends on.

A release's entry is reused only when its key matches: a hash of its card and source text
and of everything else that shapes its graph (the registry, the ontology, the shapes, the
rules, the base IRI and the code the build runs; see :func:`toolkit_fingerprint`). So a changed
card rebuilds that release alone, and a changed registry or shapes file rebuilds them all.

One file per release (``releases/<id>.bin``) and one for the registry and vocabulary
(``base.bin``), each written atomically (a temporary file, then ``os.replace``): a plain-text
key line, the SHA-256 of the metadata, the metadata (issues, statistics) in MessagePack with a
closed list of types (:mod:`migkg.build.codec`: no pickle, so an entry can hold no code), then named
binary blobs (the output chunks, the statistics digests), each listed with its own SHA-256. The key
line and the metadata's checksum are checked before the metadata is read, and a blob's checksum each
time it is read: a damaged entry is never used. One found when the entry is looked up is simply built
again; one found later, in a blob, raises :class:`CacheDamaged` after deleting the entry, and the build
starts once more (:func:`migkg.build.corpus.stream`), saying so. The cache is the user's own working
data, like ``build/``: it holds nothing that cannot be rebuilt, and ``--no-cache`` or deleting the
folder is always safe.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from migkg import __version__
from migkg.build.codec import pack, storable, unpack, unpack_blob_table
from migkg.digests import digest_of_parts
from migkg.errors import MigkgError

MAGIC = b"migkg-cache 2\n"
_PACKAGE = Path(__file__).resolve().parents[1]
#: the packages and modules of migkg that a build runs (everything ``migkg.build`` imports): only a change
#: to them can change a build's output, so only they are in the cache key; tests/test_cache.py checks
#: the list against what importing the build loads
BUILD_CODE = ("cards", "mapping", "schema", "validation", "build", "errors.py", "digests.py", "atomic.py", "index_cache.py", "inputs.py", "processes.py")


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


class CacheDamaged(MigkgError):
    """A cache entry whose bytes are not those written (a blob's checksum differs); the entry is deleted."""

    def __init__(self, path: Path, what: str):
        self.path = path
        super().__init__(f"the cache entry {path} was damaged ({what}); it was deleted and built again")


@storable
@dataclass
class Entry:
    """An entry as read: its metadata, and where its blobs are in its file (with each blob's SHA-256)."""

    path: Path
    meta: dict[str, Any]
    blobs: dict[str, tuple[int, int, bytes]]  # name -> (offset, length, sha256)
    checksum: bytes = b""  # the SHA-256 of its header (metadata and table of blobs): what it holds, named

    def read(self, names: list[str] | None = None, handle: BinaryIO | None = None) -> dict[str, bytes]:
        """The named blobs (all by default), read from the entry's file in one read where they are adjacent, each
        checked against its checksum (:class:`CacheDamaged` if one differs); from ``handle`` if the file is open."""
        wanted = names if names is not None else list(self.blobs)
        if not wanted:
            return {}
        spans = [self.blobs[name] for name in wanted]
        start = min(offset for offset, _length, _sum in spans)
        end = max(offset + length for offset, length, _sum in spans)
        try:
            with open(self.path, "rb") if handle is None else contextlib.nullcontext(handle) as source:
                source.seek(start)
                data = source.read(end - start)
        except OSError as err:
            raise self._damaged(f"it cannot be read: {err.strerror}") from None
        found = {}
        for name, (offset, length, checksum) in zip(wanted, spans, strict=True):
            blob = data[offset - start:offset - start + length]
            if len(blob) != length or hashlib.sha256(blob).digest() != checksum:
                raise self._damaged(f"the checksum of its {name!r} differs")
            found[name] = blob
        return found

    def _damaged(self, what: str) -> CacheDamaged:
        self.path.unlink(missing_ok=True)
        return CacheDamaged(self.path, what)


class Cache:
    """A cache folder; created on the first write, so a build that produced nothing leaves nothing behind.

    ``damaged`` lists the entries found damaged on look-up (and so built again) by this process.

    With ``warm``, the cache keeps what it decoded for the next look-up in the same process (``migkg build
    --watch``): an entry whose header has the same SHA-256 as when it was decoded (read from the file's first
    bytes, before any of its metadata) is given as the same :class:`Entry`, its metadata not decoded again;
    and :meth:`remember`/:meth:`recall` keep a value made from an entry (the check across releases' state)
    under the entry's checksum. A cache that is warm hands the same objects to one build after another:
    what it gives is read, never changed (tests/test_watch.py checks that no build changes them)."""

    def __init__(self, folder: Path, *, warm: bool = False):
        self.folder = Path(folder)
        self.damaged: list[str] = []
        self.folders: set[Path] = set()  # the folders this process has made sure exist
        self.written = 0  # entries this process began to write (their temporary files' names count them)
        self.warm = warm
        # (file, with metadata) -> the key, the entry as decoded, and the length of its file then: one per file
        self.decoded: dict[tuple[Path, bool], tuple[str, Entry, int]] = {}
        self.made: dict[str, tuple[bytes, Any]] = {}  # what -> (the checksum of the entry it was made from, it)

    def remember(self, what: str, entry: Entry, value: Any) -> None:
        """Keep ``value``, made from ``entry`` (or written as it), for :meth:`recall` in a later build (warm only)."""
        if self.warm and entry.checksum:
            self.made[what] = (entry.checksum, value)

    def recall(self, what: str, entry: Entry) -> Any | None:
        """What :meth:`remember` kept under ``what`` from this very entry (the same checksum), or None."""
        kept = self.made.get(what)
        return kept[1] if kept is not None and entry.checksum and kept[0] == entry.checksum else None

    def _path(self, name: str) -> Path:
        return self.folder / f"{name}.bin"

    def get(self, name: str, key: str, *, meta: bool = True) -> Entry | None:
        """The entry stored under ``name`` if it was stored with ``key`` and is whole; None otherwise. Without
        ``meta``, its metadata is checked but not made (``Entry.meta`` is empty): for a reader of its blobs only."""
        path = self._path(name)
        try:
            with open(path, "rb") as handle:
                return self._entry(path, handle, key, meta)
        except FileNotFoundError:
            return None

    def read(self, name: str, key: str, blobs: list[str]) -> dict[str, bytes] | None:
        """The named blobs of the entry stored under ``name`` with ``key`` (None: no such entry, or it is damaged),
        in one opening of its file: for a reader of a few blobs of hundreds of entries, such as the check across
        releases reading the groups of every release that describes a process."""
        path = self._path(name)
        try:
            with open(path, "rb") as handle:
                entry = self._entry(path, handle, key, meta=False)
                return entry.read(blobs, handle) if entry is not None else None
        except FileNotFoundError:
            return None

    def _entry(self, path: Path, handle: BinaryIO, key: str, meta: bool) -> Entry | None:
        """The entry in the open file ``handle`` if it was stored with ``key`` and is whole (see :meth:`get`)."""
        try:
            if handle.read(len(MAGIC)) != MAGIC:
                return None
            key_line = handle.readline()
            if key_line.rstrip(b"\n").decode() != key:
                return None
            size = int.from_bytes(handle.read(8), "big")
            checksum = handle.read(32)
            if self.warm:  # decoded before, from a header of this checksum, and the file has the length it had then
                known = self.decoded.get((path, meta))
                if known is not None and known[0] == key and known[1].checksum == checksum and \
                        os.fstat(handle.fileno()).st_size == known[2]:
                    return known[1]
            header = handle.read(size)
            if len(header) != size or hashlib.sha256(header).digest() != checksum:
                self._damaged(path, "the checksum of its metadata differs")
                return None
            found, blobs = unpack(header) if meta else unpack_blob_table(header)
            start = len(MAGIC) + len(key_line) + 8 + 32 + size  # where the blobs begin (no tell(): a system call)
            file_length = start + sum(length for _o, length, _s in blobs.values())
            if os.fstat(handle.fileno()).st_size != file_length:
                self._damaged(path, "its length is not the one written")
                return None
        except Exception as err:  # whatever the bytes make the reader raise, the entry is damaged
            self._damaged(path, f"it cannot be read: {type(err).__name__}: {err}")
            return None
        entry = Entry(path, found if found is not None else {},
                      {n: (start + offset, length, s) for n, (offset, length, s) in blobs.items()}, checksum)
        if self.warm:
            self.decoded[(path, meta)] = (key, entry, file_length)
        return entry

    def _damaged(self, path: Path, what: str) -> None:
        self.damaged.append(f"the cache entry {path} was damaged ({what}); it was built again")
        path.unlink(missing_ok=True)

    def put(self, name: str, key: str, meta: dict[str, Any], blobs: dict[str, bytes], *, keep: bool = False) -> Entry:
        """Store ``meta`` and ``blobs`` under ``name`` with ``key``, atomically. ``keep`` (a warm cache only): the
        next :meth:`get` of it gives ``meta`` itself, not decoded again; for a caller that changes nothing in
        it after this."""
        path = self._path(name)
        if path.parent not in self.folders:  # one mkdir per folder and process, not one per entry
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        table, offset = {}, 0
        for blob_name, data in blobs.items():
            table[blob_name] = (offset, len(data), hashlib.sha256(data).digest())
            offset += len(data)
        header = pack((meta, table))
        checksum = hashlib.sha256(header).digest()
        try:
            handle, temp = self._temporary(path)
        except FileNotFoundError:  # the folder was removed since (by hand): make it again
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = self._temporary(path)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC + key.encode() + b"\n" + len(header).to_bytes(8, "big") + checksum + header)
                start = out.tell()
                for data in blobs.values():
                    out.write(data)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        entry = Entry(path, meta, {n: (start + o, n_bytes, s) for n, (o, n_bytes, s) in table.items()}, checksum)
        if self.warm and keep:
            self.decoded[(path, True)] = (key, entry, start + offset)
        return entry

    def _temporary(self, path: Path) -> tuple[int, str]:
        """A new private file beside ``path`` to write its entry in, as ``tempfile.mkstemp`` makes one (a name
        no one else is using, created exclusively, mode 0600), named by this process and a count rather than
        by random letters: ``mkstemp``'s own work cost a worker 2% of a release's build."""
        while True:
            self.written += 1
            temp = f"{path.parent}/.{path.name}.{os.getpid()}.{self.written}"
            try:
                return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600), temp
            except FileExistsError:  # left by a process that had this pid and died: take the next name
                continue

    def prune(self, folder: str, keep: set[str]) -> None:
        """Remove the entries under ``folder`` whose names are not in ``keep`` (releases that are gone)."""
        directory = self.folder / folder
        try:
            found = os.scandir(directory)  # names only, no path object each: 10,000 entries in a few ms
        except (FileNotFoundError, NotADirectoryError):
            return
        with found:
            stale = [entry.path for entry in found if entry.name.endswith(".bin") and entry.name[:-4] not in keep]
        for path in stale:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
            for meta in (True, False):
                self.decoded.pop((Path(path), meta), None)
