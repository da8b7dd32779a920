"""Which releases' inputs changed since the last build, told by their files' ``stat``, as git's index does.

A release's cache key is a hash of its card and source text (:func:`migkg.build.cache.release_key`), so
finding it means reading both files: at 10,000 releases, 20,000 files, 0.6-0.9 s of a one-card rebuild (against 0.1 s
for their ``lstat``). Instead the build keeps, in its cache (``stamps.bin``, under the build's context:
a new registry, ontology or code makes new keys anyway), each release's key with the ``stat`` of its two
files as they were when they were read: device, inode, type and permissions, size, modification and
status-change times (ns). A release whose two files have the same ``stat`` now is taken to hold the same
bytes, and its key is the recorded one; its files are read only if it must be built.

Nothing a writer does to a file keeps all of these: a write updates the modification and status-change
times (the latter cannot be set back by ``touch`` or ``cp -p``), a replacement by rename changes the inode.
What a coarse clock can hide is a second write in the same tick as the stat that was recorded: the
"racy" case git's index guards against, and so does this. A file whose recorded times are not at least
:data:`RACY_NS` older than the moment its build began is not trusted: it is read again (and recorded
afresh) by the next build. Only plain files are trusted; a symlink or anything else is always read, by
the guarded reader (:func:`migkg.inputs.read_input`), which decides what it may read.
"""
from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Sequence

from migkg.build.cache import Cache
from migkg.cards.release import CARD_NAME, SOURCE_NAME

#: the cache entry of the stamps
STAMPS = "stamps"
#: how much older than the start of the build that recorded it a file's times must be for its stamp to be
#: trusted (the file systems' coarsest timestamps are 2 s; the kernel's clock for them lags by a tick)
RACY_NS = 2_000_000_000

#: a file's stat as recorded: st_dev, st_ino, st_mode, st_size, st_mtime_ns, st_ctime_ns (a list: MessagePack's)
Stamp = list[int]


def stamp_of(path: str) -> Stamp | None:
    """The stat of a plain file (not following a symlink); None for anything else, or no file."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return [found.st_dev, found.st_ino, found.st_mode, found.st_size, found.st_mtime_ns, found.st_ctime_ns]


def release_stamps(folder: str) -> tuple[Stamp | None, Stamp | None]:
    """The stamps of a release's card and source (:func:`stamp_of`)."""
    return stamp_of(f"{folder}/{CARD_NAME}"), stamp_of(f"{folder}/{SOURCE_NAME}")


def newest(card: Sequence[int], source: Sequence[int]) -> int:
    """The latest of the modification and status-change times of a release's two files (ns)."""
    return max(card[4], card[5], source[4], source[5])


class Stamps:
    """The stamps the last build recorded (``previous``: release -> [key, card stamp, source stamp]; ``began``:
    when that build began, ns), and those of this build, recorded as its releases are found or read."""

    def __init__(self, previous: dict[str, list] | None = None, began: int = 0):
        self.previous = previous or {}
        self.trusted_before = began - RACY_NS  # a file whose times are later may have changed within their tick
        self.began = time.time_ns()           # before any file of this build is looked at
        self.now: dict[str, list] = {}
        self.racy = False                     # some file was too new to be trusted next time without a read

    @staticmethod
    def _entry_key(context: str) -> str:
        return hashlib.sha256(context.encode()).hexdigest()

    @classmethod
    def load(cls, cache: Cache | None, context: str) -> Stamps:
        """What the last build with this context (registry, ontology, code) recorded, if anything."""
        saved = cache.get(STAMPS, cls._entry_key(context)) if cache is not None else None
        if saved is None:
            return cls()
        return cls(saved.meta["releases"], saved.meta["began"])

    def known_key(self, release_id: str, folder: str) -> str | None:
        """The release's recorded key if its card and source are plain files with the stat recorded, both
        older than the racy window; None: they must be read (:meth:`take` then :meth:`record`)."""
        known = self.previous.get(release_id)
        if known is None:
            return None
        card, source = release_stamps(folder)
        if card is None or card != known[1] or source is None or source != known[2]:
            return None
        if newest(card, source) >= self.trusted_before:
            return None
        self.now[release_id] = known
        self._note_racy(card, source)
        return str(known[0])

    def take(self, folder: str) -> tuple[Stamp | None, Stamp | None]:
        """The stamps of a release's two files, taken before they are read (so that a write after the read
        leaves a stamp that differs from the recorded one)."""
        return release_stamps(folder)

    def record(self, release_id: str, key: str, taken: tuple[Stamp | None, Stamp | None]) -> None:
        """A release read in this build, with the stamps :meth:`take` gave before its files were read."""
        card, source = taken
        if card is not None and source is not None:
            self.now[release_id] = [key, card, source]
            self._note_racy(card, source)

    def _note_racy(self, card: Stamp, source: Stamp) -> None:
        if newest(card, source) >= self.began - RACY_NS:
            self.racy = True

    def save(self, cache: Cache, context: str) -> None:
        """Keep this build's stamps for the next (only when they differ from the last's, or some file was too
        new to be trusted without this build's stamp)."""
        if self.now != self.previous or self.racy:
            cache.put(STAMPS, self._entry_key(context), {"began": self.began, "releases": self.now}, {}, keep=True)
