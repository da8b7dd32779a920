"""An index of a corpus's releases: what each one says that the checks across releases read.

The one-release check (:mod:`migkg.curation.one_release`) needs, of every other release, only its
events' signatures (:class:`migkg.validation.same_event.EventSignature`) and the names of the shared
nodes it describes (its groups, :func:`migkg.validation.across.shared_groups`); the groups themselves
are read from the build cache for the few releases that share a node with the one checked. Reading
10,000 cards (or 10,000 cache entries) for that would take seconds, so this index keeps them, per
release, with a stamp of its two files (size, modification and change times, inode: an edit changes
them, even one that keeps the size) and its build cache key.

The index is an entry of the build cache (``release-index.bin``, checksummed as every entry is:
:class:`migkg.build.cache.Cache`), under a key of the build's context (the code, ontology, shapes,
rules and registry a build depends on) and of this format: a change to any of those starts a new
index. On each use every release folder is stat'ed; a release whose stamp differs is read again (its
card and source, then its cache entry under its new key). One whose cache entry is missing is handed
back to the caller, which builds it (:meth:`CorpusIndex.refresh`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from migkg.build.cache import Cache, Entry, content_hash, release_key
from migkg.build.jobs import SHARED_BLOB, Job, Outcome, read_inputs
from migkg.cards.release import CARD_NAME, SOURCE_NAME
from migkg.errors import InputError
from migkg.validation.across import groups_of_blob
from migkg.validation.same_event import EventSignature

#: the index's name in the build cache folder
INDEX_ENTRY = "release-index"
#: the layout of the index's metadata (a change to it starts a new index)
FORMAT = "1"
#: a release whose files cannot be stat'ed (one is missing): read again every time
NO_STAMP: tuple[int, ...] = ()


def stamp_of(folder: Path) -> tuple[int, ...]:
    """Size, modification and change times (ns) and inode of a release's card and source; :data:`NO_STAMP`
    when one is missing."""
    parts: list[int] = []
    for name in (CARD_NAME, SOURCE_NAME):
        try:
            found = os.stat(f"{folder}/{name}")
        except OSError:
            return NO_STAMP
        parts += [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino]
    return tuple(parts)


#: an event's signature as the index keeps it: the fields of :class:`EventSignature`, in their order
EventRow = tuple[str, int, str | None, str | None, str | None, str | None, int | None]


def event_row(signature: EventSignature) -> EventRow:
    return (signature.event, signature.entry, signature.kind, signature.date, signature.place, signature.process,
            signature.number)


@dataclass(frozen=True)
class Indexed:
    """One release as the index keeps it. ``failed``: its card or source is bad input (it is left out of the
    checks across releases, as a whole-corpus build leaves it out). Its events as rows (:data:`EventRow`):
    made into signatures only for the few events a check compares."""

    stamp: tuple[int, ...]
    key: str
    failed: bool
    events: tuple[EventRow, ...] = ()
    nodes: tuple[str, ...] = ()


@dataclass
class CorpusIndex:
    """The index of one corpus under one build context, in the build cache ``cache``."""

    cache: Cache
    context: str
    releases: dict[str, Indexed] = field(default_factory=dict)
    read_again: int = 0      # releases read again in this run (new, or changed since the index was written)
    changed: bool = False

    def _key(self) -> str:
        return content_hash(self.context.encode(), FORMAT.encode())

    def load(self) -> None:
        """The index as the last run left it (nothing, if it was made under another context or is damaged)."""
        entry = self.cache.get(INDEX_ENTRY, self._key())
        if entry is None:
            return
        nodes: list[str] = entry.meta["nodes"]
        for rid, stamp, key, failed, events, named in entry.meta["releases"]:
            self.releases[rid] = Indexed(tuple(stamp), key, failed, tuple(map(tuple, events)),
                                         tuple(nodes[i] for i in named))

    def save(self) -> None:
        """Write the index back to the cache, if this run changed it."""
        if not self.changed:
            return
        table: dict[str, int] = {}
        rows = []
        for rid, known in self.releases.items():
            events = [list(row) for row in known.events]
            named = [table.setdefault(node, len(table)) for node in known.nodes]
            rows.append([rid, list(known.stamp), known.key, known.failed, events, named])
        self.cache.put(INDEX_ENTRY, self._key(), {"nodes": list(table), "releases": rows}, {})
        self.changed = False

    def refresh(self, folders: list[Path]) -> list[tuple[tuple[int, ...], Job]]:
        """Bring the index up to date with the release ``folders``: releases gone are dropped, releases whose
        files changed are read again and taken from their cache entries. Returns the jobs of the releases
        whose cache entry is missing (never built with these files), each with its stamp; the caller builds
        them and hands their outcomes to :meth:`take_outcome`."""
        present = {folder.name for folder in folders}
        for gone in [rid for rid in self.releases if rid not in present]:
            del self.releases[gone]
            self.changed = True
        missing: list[tuple[tuple[int, ...], Job]] = []
        for folder in folders:
            rid = folder.name
            stamp = stamp_of(folder)
            known = self.releases.get(rid)
            if known is not None and stamp != NO_STAMP and known.stamp == stamp:
                continue
            self.read_again += 1
            try:
                card, source = read_inputs(folder)
            except InputError:
                self._set(rid, Indexed(stamp, "", True))
                continue
            key = release_key(self.context, rid, card, source)
            entry = self.cache.get(f"releases/{rid}", key)
            if entry is None:
                missing.append((stamp, Job(rid, folder, card, source, key)))
                self.releases.pop(rid, None)
            else:
                self.take(rid, stamp, key, entry)
        return missing

    def take(self, release_id: str, stamp: tuple[int, ...], key: str, entry: Entry) -> None:
        """A release as its cache entry records it: its events' signatures and the shared nodes it describes."""
        nodes = tuple(groups_of_blob(entry.read([SHARED_BLOB])[SHARED_BLOB]))
        self._set(release_id, Indexed(stamp, key, False, tuple(event_row(e) for e in entry.meta["events"]), nodes))

    def take_outcome(self, stamp: tuple[int, ...], job: Job, outcome: Outcome) -> None:
        """A release the caller built (from :meth:`refresh`'s jobs): failed, or as its new cache entry says."""
        if outcome.entry is None:
            self._set(job.release_id, Indexed(stamp, job.key, True))
        else:
            self.take(job.release_id, stamp, job.key, outcome.entry)

    def _set(self, release_id: str, indexed: Indexed) -> None:
        if self.releases.get(release_id) != indexed:
            self.releases[release_id] = indexed
            self.changed = True

    def describers(self, order: list[str]) -> dict[str, list[str]]:
        """Shared node -> the releases (not failed) that describe it, in release ``order``."""
        found: dict[str, list[str]] = {}
        for rid in order:
            known = self.releases.get(rid)
            if known is not None and not known.failed:
                for node in known.nodes:
                    found.setdefault(node, []).append(rid)
        return found
