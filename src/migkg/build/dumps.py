"""The files of a build: the dataset in five formats, split into dump parts; written all or nothing.

The dataset is published in parts, one set of files per part: ``migkg-registry.*`` holds the
registry and the vocabulary, and ``migkg-<year>.*`` the releases whose id starts with that year
(the card convention: a release id begins with its date, ``2013-06-05-…``; an id that does not is
in ``migkg-undated.*``), and ``migkg-conflicts.*`` the conflicts graph (what the build warns about,
:mod:`migkg.validation.conflicts`: it depends on every release, so it is a part of its own, small,
and written again only when a warning changed). Every part is there in each format of :mod:`migkg.build.formats` (TriG,
N-Quads, JSON-LD with the named graphs; Turtle and N-Triples without); loading every file of one format gives the whole
dataset. ``void.ttl`` describes the dataset, each part (a ``void:subset``) and each file (a
``dcat:Distribution`` with its size and SHA-256).

Splitting is what makes a rebuild cheap: a part whose releases did not change is not written
again. The previous build's files of that part are hard-linked into the new folder, and their
sizes and checksums are taken from the manifest the build keeps beside them (:data:`MARKER`). A part
that is written again copies the chunks of its unchanged releases from its previous files, where the
writer recorded them (:attr:`DumpWriter.spans`), rather than making them again.

Everything is written to a temporary folder beside the output folder, which then takes the old
folder's place in one step (:class:`Staging`, an atomic exchange of the two folders): a run that fails or
is killed at any moment leaves the output folder as the old build or the new one, whole. A lock file
beside the output folder (:func:`lock_file`) keeps a second build of the same folder out, and each build
first removes what interrupted ones left (:func:`clean_leftovers`).
"""
from __future__ import annotations

import hashlib
import json
import os
import queue
import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from migkg.atomic import plain_mode
from migkg.build.formats import Format, extensions, media_type
from migkg.digests import digest_of_parts  # not the build cache's content_hash: reading a build loads no codec
from migkg.errors import InputError, Location, MigkgError
from migkg.processes import ExchangeRefused, exchange, owned_prefix, stale_folders, sync_folder

MARKER = ".migkg-build"
DESCRIPTION_FILE = "void.ttl"
BASE_PART = "registry"
UNDATED_PART = "undated"
CONFLICTS_PART = "conflicts"
_YEAR = re.compile(r"^([0-9]{4})-")

#: the file extensions of the formats every part is written in (:data:`migkg.build.formats.FORMATS`), in order
EXTENSIONS = extensions()


def part_of(release_id: str) -> str:
    """The dump part a release is published in: the year its id starts with, or :data:`UNDATED_PART`."""
    match = _YEAR.match(release_id)
    return match.group(1) if match else UNDATED_PART


def file_name(part: str, ext: str) -> str:
    return f"migkg-{part}.{ext}"


def part_order(part: str) -> tuple[int, str]:
    """Parts in publication order: the registry first, then the years, the undated releases, the conflicts."""
    return ({BASE_PART: 0, UNDATED_PART: 2, CONFLICTS_PART: 3}.get(part, 1), part)


def dump_files(out_dir: Path, ext: str) -> list[Path]:
    """The files of one format in a build folder, in publication order (all of them make the whole dataset).

    Raises :class:`InputError` naming the folder when it holds no build (a wrong --out is bad input: exit 2).
    """
    out_dir = Path(out_dir)
    found = {path.name[len("migkg-"):-len(ext) - 1]: path for path in out_dir.glob(f"migkg-*.{ext}")}
    if BASE_PART not in found or not (out_dir / DESCRIPTION_FILE).is_file():
        raise InputError(Location(out_dir), f"no built dataset there (no {file_name(BASE_PART, ext)} or "
                         f"{DESCRIPTION_FILE}).", "run `migkg build` first, or name the folder it wrote with --out.")
    return [found[part] for part in sorted(found, key=part_order)]


@dataclass(frozen=True)
class Written:
    """A written output file: its part, size and SHA-256, for the VoID/DCAT description."""

    file_name: str
    media_type: str
    size: int
    sha256: str
    part: str = ""


# --------------------------------------------------------------------------- writing the parts

class DumpWriter:
    """Writes the files of the parts, chunk by chunk: each file's header, its part's chunks in order, its footer.

    Generic over the ``formats`` (:mod:`migkg.build.formats`): each says its header, footer, how a
    piece's chunk is made from the stored ones, and what separates two chunks. The writing and
    hashing run in ``lanes`` threads, each for some of the formats (writing and hashing release the GIL),
    so the build goes on while the files are written, and a rewritten part's formats are written side by
    side. :meth:`add` blocks only when a thread is many chunks behind (at most ``queue_size`` releases'
    chunks wait, which keeps memory small). :meth:`add_copy` never blocks: a copy waits as a few numbers,
    so the build goes on to the check across releases while the threads copy a rewritten part's
    unchanged releases; releases that lay side by side in the previous file are copied as one run of
    bytes (:class:`_CopyRun`), not one by one. A part's files are opened at its first chunk and kept open
    until :meth:`finish`, so the releases of different parts may come interleaved.
    """

    def __init__(self, folder: Path, formats: list[Format], queue_size: int = 64, lanes: int = 2):
        self.formats = formats
        count = max(1, min(lanes, len(formats)))
        self.lanes = [_Lane(folder, formats[i::count], list(range(len(formats)))[i::count], f"migkg-writer-{i}",
                            queue_size) for i in range(count)]
        self.run: _CopyRun | None = None  # copies not queued yet, while the next may continue them
        #: part -> release -> where its chunk is in each format's file ([start, end), without the separator before it)
        self.spans: dict[str, dict[str, list[list[int]]]] = {}

    def add(self, part: str, chunks: dict[str, bytes], graph_names: list[str], release_id: str | None = None) -> None:
        """Queue one release's (or the registry's) chunks: the stored formats' (:data:`migkg.build.serialise.STORED`), by extension,
        and its graph names, from which the threads make the other formats' chunks."""
        self._queue_run()
        stored = {fmt.extension: chunks[fmt.extension] for fmt in self.formats if fmt.stored}
        for lane in self.lanes:
            lane.add((part, release_id, stored, graph_names, None))

    def add_copy(self, part: str, release_id: str, folder: Path, spans: list[list[int]]) -> None:
        """Queue one release's chunks as the previous build wrote them into the part's files in ``folder`` (``spans``:
        where, in each format's file, as :attr:`spans` recorded them): the same bytes, copied, not made again."""
        if self.run is not None and not self.run.continues(part, folder, spans):
            self._queue_run()
        if self.run is None:
            self.run = _CopyRun(part, folder, self.formats)
        self.run.add(release_id, spans)
        if len(self.run.releases) >= _RUN_RELEASES:  # the threads start on it now, not when the run ends
            self._queue_run()

    def _queue_run(self) -> None:
        if self.run is not None:
            for lane in self.lanes:
                lane.add((self.run.part, None, {}, [], self.run))
            self.run = None

    def finish(self) -> list[Written]:
        """Write the footers, close the files; what was written (size and SHA-256 of each file), in publication order
        and, within a part, in the order of the formats."""
        self.close(footers=True)
        for lane in self.lanes:
            if lane.error is not None:
                raise lane.error
        for lane in self.lanes:  # each release's spans, from the lanes' formats, in the order of all formats
            for part, releases in lane.spans.items():
                own = self.spans.setdefault(part, {})
                for release_id, spans in releases.items():
                    merged = own.setdefault(release_id, [[0, 0] for _ in self.formats])
                    for i, span in zip(lane.indexes, spans, strict=True):
                        merged[i] = span
        written = {w.file_name: w for lane in self.lanes for w in lane.written()}
        parts = sorted({w.part for w in written.values()}, key=part_order)
        return [written[file_name(part, fmt.extension)] for part in parts for fmt in self.formats]

    def close(self, footers: bool = False) -> None:
        self._queue_run()
        for lane in self.lanes:
            lane.close(footers)


class _Lane:
    """One writer thread, for some of the formats: it writes and hashes their files, chunk by chunk (both release
    the GIL). ``indexes``: where its formats are in the list of all formats (a release's spans are listed in that
    order)."""

    def __init__(self, folder: Path, formats: list[Format], indexes: list[int], name: str, queue_size: int):
        self.folder, self.formats, self.indexes = folder, formats, indexes
        self.handles: dict[tuple[str, str], BinaryIO] = {}
        self.hashes: dict[tuple[str, str], Any] = {}  # hashlib's SHA-256 objects
        self.sizes: dict[tuple[str, str], int] = {}
        self.parts: list[str] = []                    # in the order their first chunk came
        self.begun: set[tuple[str, str]] = set()      # files a non-empty chunk was written to (the next is separated)
        self.error: BaseException | None = None
        #: part -> release -> where its chunk is in each of the lane's formats' files ([start, end), no separator before)
        self.spans: dict[str, dict[str, list[list[int]]]] = {}
        self.sources: dict[tuple[str, str], BinaryIO] = {}  # the previous files that chunks are copied from
        self.kernel_copies = hasattr(os, "copy_file_range")  # until the file system refuses one
        # both queues are C-level (SimpleQueue): putting never blocks and takes no lock written in Python, so a
        # stop signal raised in the build's thread at any moment cannot leave a lock held that this thread then
        # waits for (a semaphore's or a queue's Condition, taken in a `with`, could)
        self.queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self.slots: queue.SimpleQueue[None] = queue.SimpleQueue()  # one token a chunk may wait with; given back once written
        for _ in range(queue_size):
            self.slots.put(None)
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def _write(self, part: str, ext: str, data: bytes) -> None:
        if data:
            key = (part, ext)
            self.handles[key].write(data)
            self.hashes[key].update(data)
            self.sizes[key] += len(data)

    def _open(self, part: str) -> None:
        self.parts.append(part)
        for fmt in self.formats:
            key = (part, fmt.extension)
            # open until finish(): the part's chunks come one by one, interleaved with other parts'
            self.handles[key] = open(self.folder / file_name(part, fmt.extension), "wb")  # noqa: SIM115
            self.hashes[key], self.sizes[key] = hashlib.sha256(), 0
            self._write(part, fmt.extension, fmt.header)

    def _run(self) -> None:
        while True:
            item = self.queue.get()
            if item is None:
                return
            try:
                if self.error is None:
                    self._take(item)
            except BaseException as err:  # reported by finish()
                self.error = err
            finally:
                if item[4] is None:  # a release's chunks: its slot is free again
                    self.slots.put(None)

    def _take(self, item: _Item) -> None:
        part, release_id, stored, graph_names, copied = item
        if part not in self.parts:
            self._open(part)
        if copied is not None:
            self._take_run(part, copied)
            return
        spans = []
        for fmt in self.formats:
            data = fmt.file_chunk(stored, graph_names)
            key = (part, fmt.extension)
            if data:
                self._separate(key, fmt)
                start = self.sizes[key]
                self._write(part, fmt.extension, data)
                spans.append([start, self.sizes[key]])
            else:
                spans.append([0, 0])
        if release_id is not None:
            self.spans.setdefault(part, {})[release_id] = spans

    def _separate(self, key: tuple[str, str], fmt: Format) -> None:
        """Before a non-empty chunk: the format's separator, unless it is the file's first."""
        if key in self.begun:
            self._write(key[0], key[1], fmt.separator)
        self.begun.add(key)

    def _take_run(self, part: str, run: _CopyRun) -> None:
        """A run of releases copied from the previous build's files: in each format, the bytes from its first
        non-empty chunk to its last (the separators between them included, as the continuity of the run ensures),
        each release's span moved by where the run now begins."""
        bases: list[tuple[int, int]] = []  # per format: (where the run began in the previous file, and now)
        for i, fmt in zip(self.indexes, self.formats, strict=True):
            key = (part, fmt.extension)
            first, last = run.first[i], run.last[i]
            if first is None or last is None:
                bases.append((0, 0))
                continue
            self._separate(key, fmt)
            bases.append((first, self.sizes[key]))
            self._copy(run.folder, part, fmt.extension, first, last)
        own = self.spans.setdefault(part, {})
        for release_id, spans in run.releases:
            own[release_id] = [[now + spans[i][0] - old, now + spans[i][1] - old] if spans[i][1] > spans[i][0]
                               else [0, 0] for i, (old, now) in zip(self.indexes, bases, strict=True)]

    def _copy(self, folder: Path, part: str, ext: str, start: int, end: int) -> None:
        """Write the bytes [start, end) of a part's file of the previous build (in ``folder``), a few MB at a time:
        copied by the kernel (``copy_file_range``) where the file system can, else read and written; read here
        only to be hashed."""
        key = (part, ext)
        source = self.sources.get(key)
        if source is None:
            source = self.sources[key] = open(folder / file_name(part, ext), "rb")  # noqa: SIM115
        handle = self.handles[key]
        handle.flush()  # the kernel's copy goes where the file's descriptor is
        while start < end:
            data = os.pread(source.fileno(), min(end - start, _COPY_BLOCK), start)
            if not data:
                raise MigkgError(f"{folder / file_name(part, ext)} changed while it was read; build again.")
            if not self._kernel_copy(source.fileno(), handle.fileno(), start, len(data)):
                handle.write(data)
                handle.flush()
            self.hashes[key].update(data)
            self.sizes[key] += len(data)
            start += len(data)

    def _kernel_copy(self, source: int, target: int, start: int, length: int) -> bool:
        """Copy ``length`` bytes from ``start`` in ``source`` to where ``target`` is, in the kernel; False (nothing
        copied) where the file system or the kernel cannot (then never tried again by this lane)."""
        if not self.kernel_copies:
            return False
        done = 0
        try:
            while done < length:
                copied = os.copy_file_range(source, target, length - done, start + done)
                if copied == 0:
                    raise MigkgError("a file of the previous build changed while it was read; build again.")
                done += copied
        except OSError:
            if done:
                raise
            self.kernel_copies = False
            return False
        return True

    def add(self, item: _Item) -> None:
        if item[4] is None:
            self.slots.get()  # waits while queue_size chunks wait
        self.queue.put(item)

    def written(self) -> list[Written]:
        """What was written (size and SHA-256 of each file)."""
        return [Written(file_name(part, fmt.extension), fmt.media_type, self.sizes[(part, fmt.extension)],
                        self.hashes[(part, fmt.extension)].hexdigest(), part)
                for part in self.parts for fmt in self.formats]

    def close(self, footers: bool = False) -> None:
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()
        if footers and self.error is None:
            for part in self.parts:
                for fmt in self.formats:
                    self._write(part, fmt.extension, fmt.footer)
        for handle in [*self.handles.values(), *self.sources.values()]:
            handle.close()
        self.sources = {}


#: how much of a previous file one read copies
_COPY_BLOCK = 8 << 20
#: how many releases a run of copies holds at most before the writer's threads are given it
_RUN_RELEASES = 16


class _CopyRun:
    """Releases of one part copied from the previous build's files, one after the other there as here: in each
    format, each non-empty chunk began one separator after the run's last one ended (a release removed between
    them, or taken from elsewhere, ends the run)."""

    def __init__(self, part: str, folder: Path, formats: list[Format]):
        self.part, self.folder = part, folder
        self.separators = [len(fmt.separator) for fmt in formats]
        self.releases: list[tuple[str, list[list[int]]]] = []
        self.first: list[int | None] = [None] * len(formats)  # per format: where its first non-empty chunk begins
        self.last: list[int | None] = [None] * len(formats)   # and where its last one ends

    def continues(self, part: str, folder: Path, spans: list[list[int]]) -> bool:
        if part != self.part or folder != self.folder:
            return False
        return all(end <= start or last is None or start == last + separator
                   for (start, end), last, separator in zip(spans, self.last, self.separators, strict=True))

    def add(self, release_id: str, spans: list[list[int]]) -> None:
        self.releases.append((release_id, spans))
        for i, (start, end) in enumerate(spans):
            if end > start:
                if self.first[i] is None:
                    self.first[i] = start
                self.last[i] = end


#: what the writer's thread is given: a part, a release (None: the registry's or the vocabulary's piece, or a run of
#: copies), its stored chunks and graph names, or instead a run of releases copied from the previous build's files
_Item = tuple[str, str | None, dict[str, bytes], list[str], _CopyRun | None]


# --------------------------------------------------------------------------- the manifest, and reuse

def part_key(context: str, members: list[tuple[str, str]]) -> str:
    """What a part's files are made of: the build context and its releases' ids and cache keys, in order."""
    return digest_of_parts(context.encode(), *(text.encode() for member in members for text in member)).hex()


def read_manifest(out_dir: Path | None) -> dict[str, dict[str, Any]]:
    """The parts the build in ``out_dir`` wrote (part -> {"key", "part", "files": {name: [size, sha256]}}), or {}."""
    if out_dir is None:
        return {}
    try:
        manifest = json.loads((Path(out_dir) / MARKER).read_text(encoding="utf-8").split("\n", 1)[1])
        return manifest["parts"] if manifest.get("version") == 1 else {}
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return {}  # an older build, or none: nothing to reuse


def modification_times(folder: Path, names: list[str]) -> dict[str, int]:
    """The files' modification times (ns): kept in the cache, so that a file changed by hand is not reused."""
    return {name: (Path(folder) / name).stat().st_mtime_ns for name in names}


def reusable_files(out_dir: Path, entry: dict[str, Any], key: str, mtimes: dict[str, int]) -> list[Written] | None:
    """A previous part's files, if they were made of the same ``key`` and are as that build left them
    (the size the manifest says, the modification time ``mtimes`` recorded); None otherwise."""
    if entry.get("key") != key:
        return None
    written = []
    for name, (size, sha256) in sorted(entry.get("files", {}).items()):
        try:
            stat = (Path(out_dir) / name).stat()
        except OSError:
            return None
        if stat.st_size != size or stat.st_mtime_ns != mtimes.get(name):
            return None
        ext = name.rsplit(".", 1)[1]
        written.append(Written(name, media_type(ext), size, sha256, entry.get("part", "")))
    return written if len(written) == len(EXTENSIONS) else None


def manifest_text(parts: dict[str, str], written: list[Written]) -> str:
    """The marker file's text: a line for people, then the manifest (JSON) of the parts (as reproducible as
    the files: the same inputs and code give the same bytes)."""
    files: dict[str, dict[str, Any]] = {part: {"key": key, "part": part, "files": {}} for part, key in parts.items()}
    for item in written:
        files[item.part]["files"][item.file_name] = [item.size, item.sha256]
    body = json.dumps({"version": 1, "parts": files}, sort_keys=True, indent=1)
    return "written by migkg build; the whole folder is replaced on each build\n" + body + "\n"


#: folders inside the build folder that other commands write and a build keeps as they are: `migkg network`
#: writes its files to build/network/ by default
KEPT_FOLDERS = ("network",)


def staging_prefixes(out_dir: Path) -> tuple[str, str]:
    """The name prefixes of the temporary folders a build of ``out_dir`` makes beside it: the staged new
    build, and (where the file system cannot exchange two folders) the retired old one."""
    return f".{out_dir.name}.new-", f".{out_dir.name}.old-"


def lock_file(out_dir: Path) -> Path:
    """The lock file of the builds of ``out_dir``, beside it (the folder itself is replaced by each build)."""
    return out_dir.parent / f".{out_dir.name}.lock"


@dataclass
class Cleaned:
    """What :func:`clean_leftovers` did: folders removed, and an old build put back where none was."""

    removed: list[Path]
    restored: Path | None = None


def clean_leftovers(out_dir: Path) -> Cleaned:
    """Remove what interrupted builds of ``out_dir`` left beside it; the caller holds the build lock
    (:func:`lock_file`), so no live build owns them. If ``out_dir`` is missing and a retired old build is
    complete (only a build on a file system that cannot exchange folders, killed between its two renames,
    leaves that), it is put back first."""
    cleaned = Cleaned([])
    leftovers = stale_folders(out_dir.parent, staging_prefixes(out_dir), any_owner=True)
    if not out_dir.exists():
        for folder in leftovers:
            retired = folder / "old"
            if folder.name.startswith(staging_prefixes(out_dir)[1]) and (retired / MARKER).is_file():
                os.rename(retired, out_dir)
                cleaned.restored = folder
                break
    for folder in leftovers:
        shutil.rmtree(folder, ignore_errors=True)
        cleaned.removed.append(folder)
    return cleaned


class Staging:
    """A temporary folder beside ``out_dir`` that replaces it on :meth:`commit`, or is removed.

    Refuses to replace a non-empty folder that migkg did not write (no marker file in it). The caller
    holds the build lock (:func:`lock_file`): two builds of one folder never stage at once.
    """

    def __init__(self, out_dir: Path, note: Callable[[str], None] | None = None):
        self.out_dir = out_dir.resolve()
        self.note = note  # told when the commit cannot exchange the folders in one step
        if self.out_dir.exists() and any(self.out_dir.iterdir()) and not (self.out_dir / MARKER).exists():
            raise MigkgError(f"{self.out_dir}: exists and was not made by migkg build (no {MARKER} in it); "
                             "refusing to replace it. Fix: choose another --out, or empty that folder.")
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        new, _old = staging_prefixes(self.out_dir)
        self.folder = Path(tempfile.mkdtemp(prefix=owned_prefix(new), dir=self.out_dir.parent))
        os.chmod(self.folder, plain_mode(folder=True))  # mkdtemp's folder is private; build/ is for sharing
        self.linked: set[str] = set()
        self.refused: ExchangeRefused | None = None  # why the commit took two renames, if it did
        self.syncing: tuple[threading.Thread, set[str], list[BaseException]] | None = None  # see sync_soon()

    def discard(self) -> None:
        """Remove the staged folder (after :meth:`commit`, it holds the old build)."""
        if self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)

    def reuse(self, names: list[str]) -> None:
        """Take these files of the previous build as they are: hard links (a copy where links cannot be made)."""
        for name in names:
            self.linked.add(name)
            _link_or_copy(self.out_dir / name, self.folder / name)

    def sync_soon(self, names: list[str]) -> None:
        """Start writing these finished files to disk in a thread of its own (``fsync`` releases the GIL), while the
        build goes on to its description; :meth:`commit` waits for it, and syncs only what it did not."""
        errors: list[BaseException] = []

        def sync() -> None:
            try:
                for name in names:
                    with open(self.folder / name, "rb") as handle:
                        os.fsync(handle.fileno())
            except BaseException as err:  # raised again by commit()
                errors.append(err)

        thread = threading.Thread(target=sync, name="migkg-sync", daemon=True)
        thread.start()
        self.syncing = (thread, set(names), errors)

    def commit(self, marker: str) -> None:
        """Make the staged folder the output folder; ``marker`` is the text of its :data:`MARKER` file.

        The two folders are exchanged in one step (:func:`migkg.processes.exchange`), then the old one is
        removed: whatever stops the process, ``out_dir`` is the old build or the new one, never missing
        and never a mix. Where the file system refuses the exchange, two renames with a window between
        them (:attr:`refused` says why; the next build puts the old one back if a kill fell in it)."""
        synced: set[str] = set()
        if self.syncing is not None:
            thread, synced, errors = self.syncing
            thread.join()
            if errors:
                raise errors[0]
        for path in sorted(self.folder.iterdir()):
            if path.name not in self.linked and path.name not in synced:
                with open(path, "rb") as handle:
                    os.fsync(handle.fileno())
        marker_path = self.folder / MARKER
        marker_path.write_text(marker, encoding="utf-8")
        with open(marker_path, "rb") as handle:
            os.fsync(handle.fileno())
        sync_folder(self.folder)
        if not self.out_dir.exists():
            os.rename(self.folder, self.out_dir)
        else:
            self._keep_folders()
            try:
                exchange(self.folder, self.out_dir)  # self.folder now holds the old build
            except ExchangeRefused as refused:
                self.refused = refused
                self._replace_in_two_steps()
                if self.note is not None:
                    self.note(f"the file system of {self.out_dir.parent} cannot exchange two folders in one step "
                              f"({refused.strerror}); {self.out_dir.name}/ was replaced by two renames instead, so "
                              "for a moment it was missing (a build killed in that moment is undone by the next "
                              "one, which puts the old folder back)")
        sync_folder(self.out_dir.parent)
        self.discard()

    def _keep_folders(self) -> None:
        """Put the folders of :data:`KEPT_FOLDERS` of the old build into the staged one, as hard links to the
        same files (copies where links cannot be made): they are not this build's outputs, and the build
        must not delete them; the old build keeps them too until the exchange."""
        for name in KEPT_FOLDERS:
            if (self.out_dir / name).is_dir() and not (self.folder / name).exists():
                shutil.copytree(self.out_dir / name, self.folder / name, symlinks=True,
                                copy_function=_link_or_copy)

    def _replace_in_two_steps(self) -> None:
        _new, old = staging_prefixes(self.out_dir)
        retired = Path(tempfile.mkdtemp(prefix=owned_prefix(old), dir=self.out_dir.parent))
        os.rename(self.out_dir, retired / "old")
        os.rename(self.folder, self.out_dir)
        self.folder = retired  # removed by discard()


def _link_or_copy(source: Path | str, target: Path | str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
