"""An index of a corpus's releases: what each one says that the checks across releases read.

The one-release check (:mod:`migkg.curation.one_release`) needs, of every other release, only its
events' signatures (:class:`migkg.validation.same_event.EventSignature`) and the names of the shared
nodes it describes (its groups, :func:`migkg.validation.across.shared_groups`); the groups themselves
are read from the build cache for the few releases that share a node with the one checked. Reading
10,000 cards (or 10,000 cache entries) for that would take seconds, so this index keeps them, per
release, with the stamps of its two files as the build takes them (:mod:`migkg.build.stamps`: an edit changes
them, even one that keeps the size) and its build cache key; as in the build, a stamp is trusted only if its
file's times are older, by the racy window, than the run that recorded it.

The index is an entry of the build cache (``release-index.bin``, checksummed as every entry is:
:class:`migkg.build.cache.Cache`), under a key of the build's context (the code, ontology, shapes,
rules and registry a build depends on) and of this format: a change to any of those starts a new
index. Its rows are one MessagePack blob read by msgpack itself (tuples, no objects made per release
beyond a row), so that loading it for 10,000 releases takes milliseconds. On each use every release
folder is stat'ed; a release whose stamp differs is read again (its card and source, then its cache
entry under its new key). One whose cache entry is missing is handed back to the caller, which builds
it (:meth:`CorpusIndex.refresh`).

:class:`AcrossSplit` does the same for what the last whole check across releases left
(:class:`migkg.validation.across.AcrossState`, one entry of some megabytes that takes a quarter of a
second to read whole): the same state cut into one piece per node and per release, rebuilt when that
entry's file changes (its stamp), so that a check reads the pieces of the few nodes and releases it
looks at.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import msgpack  # type: ignore[import-untyped]

from migkg.build import stamps
from migkg.build.cache import Cache, Entry, content_hash, release_key
from migkg.build.codec import pack, unpack
from migkg.build.jobs import SHARED_BLOB, Job, Outcome, read_inputs
from migkg.build.shared import STATE_ENTRY, load_state
from migkg.errors import InputError
from migkg.validation.across import AcrossState, NodeCheck, groups_of_blob
from migkg.validation.same_event import EventSignature

#: the index's name in the build cache folder
INDEX_ENTRY = "release-index"
#: the layout of the index's metadata (a change to it starts a new index)
FORMAT = "3"
#: the blob that holds the rows
ROWS = "rows"
#: a release whose files cannot be stat'ed (one is missing): read again every time
NO_STAMP: tuple[int, ...] = ()


def stamp_of(folder: Path) -> tuple[int, ...]:
    """The stamps of a release's card and source (:func:`migkg.build.stamps.release_stamps`), one after the other;
    :data:`NO_STAMP` when one is missing or no plain file (a link is read every time, as the build reads it)."""
    card, source = stamps.release_stamps(str(folder))
    return NO_STAMP if card is None or source is None else (*card, *source)


def _trusted(stamp: tuple[int, ...], before: int) -> bool:
    """Whether a stamp's files were last written before ``before`` (ns): the racy window of :mod:`migkg.build.stamps`."""
    half = len(stamp) // 2
    return stamps.newest(stamp[:half], stamp[half:]) < before


#: an event's signature as the index keeps it: the fields of :class:`EventSignature`, in their order
EventRow = tuple[str, int, str | None, str | None, str | None, str | None, int | None]


def event_row(signature: EventSignature) -> EventRow:
    return (signature.event, signature.entry, signature.kind, signature.date, signature.place, signature.process,
            signature.number)


class Indexed(NamedTuple):
    """One release as the index keeps it. ``failed``: its card or source is bad input (it is left out of the
    checks across releases, as a whole-corpus build leaves it out). Its events as rows (:data:`EventRow`):
    made into signatures only for the few events a check compares. ``named``: the shared nodes it
    describes, as numbers in the index's table of nodes (:meth:`CorpusIndex.node_names`)."""

    stamp: tuple[int, ...]
    key: str
    failed: bool
    events: tuple[EventRow, ...] = ()
    named: tuple[int, ...] = ()


@dataclass
class CorpusIndex:
    """The index of one corpus under one build context, in the build cache ``cache``."""

    cache: Cache
    context: str
    releases: dict[str, Indexed] = field(default_factory=dict)
    nodes: list[str] = field(default_factory=list)          # the table of shared nodes' names
    read_again: int = 0      # releases read again in this run (new, or changed since the index was written)
    changed: bool = False
    began: int = field(default_factory=time.time_ns)  # before this run took any stamp
    trusted_before: int = 0  # a stamp whose files are as new as this (ns) may hide a write in the same tick
    _ids: dict[str, int] | None = None

    def _key(self) -> str:
        return content_hash(self.context.encode(), FORMAT.encode())

    def load(self) -> None:
        """The index as the last run left it (nothing, if it was made under another context or is damaged)."""
        entry = self.cache.get(INDEX_ENTRY, self._key())
        if entry is None:
            return
        try:
            nodes, rows = msgpack.unpackb(entry.read([ROWS])[ROWS], use_list=False)
        except Exception:
            return
        self.nodes = list(nodes)
        self.releases = {row[0]: Indexed(*row[1:]) for row in rows}
        self.trusted_before = int(entry.meta.get("began", 0)) - stamps.RACY_NS

    def save(self) -> None:
        """Write the index back to the cache, if this run changed it."""
        if not self.changed:
            return
        rows = [(rid, *known) for rid, known in self.releases.items()]
        self.cache.put(INDEX_ENTRY, self._key(), {"began": self.began}, {ROWS: msgpack.packb((self.nodes, rows))})
        self.changed = False

    def node_names(self, known: Indexed) -> list[str]:
        """The shared nodes a release describes."""
        return [self.nodes[i] for i in known.named]

    def _node_id(self, node: str) -> int:
        if self._ids is None:
            self._ids = {name: at for at, name in enumerate(self.nodes)}
        found = self._ids.get(node)
        if found is None:
            found = self._ids[node] = len(self.nodes)
            self.nodes.append(node)
        return found

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
                if _trusted(stamp, self.trusted_before):
                    continue
                self.changed = True  # read again now; saved with this run's time, it is trusted once old enough
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
        nodes = groups_of_blob(entry.read([SHARED_BLOB])[SHARED_BLOB])
        self._set(release_id, Indexed(stamp, key, False, tuple(event_row(e) for e in entry.meta["events"]),
                                      tuple(self._node_id(node) for node in nodes)))

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

    def describers(self, order: list[str], nodes: Iterable[str]) -> dict[str, list[str]]:
        """Each of the shared ``nodes`` -> the releases (not failed) that describe it, in release ``order``
        (a node no release describes is left out)."""
        if self._ids is None:
            self._ids = {name: at for at, name in enumerate(self.nodes)}
        wanted = {self._ids[node]: node for node in nodes if node in self._ids}
        found: dict[str, list[str]] = {}
        if not wanted:
            return found
        for rid in order:
            known = self.releases.get(rid)
            if known is not None and not known.failed and not wanted.keys().isdisjoint(known.named):
                for i in known.named:
                    if i in wanted:
                        found.setdefault(wanted[i], []).append(rid)
        return found


#: the split state's name in the build cache folder, and its layout
SPLIT_ENTRY = "across-split"
SPLIT_FORMAT = "1"


@dataclass
class AcrossSplit:
    """What the last whole check across releases left (:class:`AcrossState`), in pieces read one by one: each
    release's cache key at that check, and on demand its digests and a node's check. Made from the state's
    cache entry the first time after that entry changed, and kept in the build cache beside it."""

    keys: dict[str, str] = field(default_factory=dict)      # release -> its cache key at the last whole check
    entry: Entry | None = None
    _node_at: dict[str, tuple[int, int]] = field(default_factory=dict)
    _release_at: dict[str, tuple[int, int]] = field(default_factory=dict)
    _blobs: dict[str, bytes] = field(default_factory=dict)
    _whole: AcrossState | None = None

    @classmethod
    def of(cls, cache: Cache, key: str) -> AcrossSplit:
        """The split of the state the build keeps under ``key`` (empty when there is none)."""
        try:
            found = os.stat(cache.folder / f"{STATE_ENTRY}.bin")
        except OSError:
            return cls()
        split_key = content_hash(key.encode(), SPLIT_FORMAT.encode(),
                                 *(str(n).encode() for n in (found.st_size, found.st_mtime_ns, found.st_ctime_ns,
                                                                    found.st_ino)))
        entry = cache.get(SPLIT_ENTRY, split_key)
        if entry is not None:
            try:
                keys, node_at, release_at = msgpack.unpackb(entry.read(["keys"])["keys"], use_list=False)
                return cls(dict(keys), entry, dict(node_at), dict(release_at))
            except Exception:
                pass
        stored = load_state(cache, key)
        if stored is None:
            return cls()
        return cls._split(cache, split_key, stored.state)

    @classmethod
    def _split(cls, cache: Cache, split_key: str, state: AcrossState) -> AcrossSplit:
        checks, digests = bytearray(), bytearray()
        node_at: dict[str, tuple[int, int]] = {}
        release_at: dict[str, tuple[int, int]] = {}
        for node, check in state.nodes.items():
            data = pack(check)
            node_at[node] = (len(checks), len(data))
            checks += data
        for rid, (_key, said) in state.releases.items():
            data = msgpack.packb(said)
            release_at[rid] = (len(digests), len(data))
            digests += data
        keys = {rid: key for rid, (key, _said) in state.releases.items()}
        entry = cache.put(SPLIT_ENTRY, split_key, {}, {"keys": msgpack.packb((keys, node_at, release_at)),
                                                       "checks": bytes(checks), "digests": bytes(digests)})
        return cls(keys, entry, node_at, release_at, _whole=state)

    def __bool__(self) -> bool:
        return bool(self.keys)

    def _blob(self, name: str) -> bytes:
        if name not in self._blobs:
            assert self.entry is not None
            self._blobs[name] = self.entry.read([name])[name]
        return self._blobs[name]

    def has_node(self, node: str) -> bool:
        return node in self._node_at

    def node(self, node: str) -> NodeCheck:
        """The last whole check's result for a shared node (which :meth:`has_node`)."""
        if self._whole is not None:
            return self._whole.nodes[node]
        at, length = self._node_at[node]
        return unpack(self._blob("checks")[at:at + length])

    def digests(self, release_id: str) -> dict[str, bytes]:
        """What a release said about each shared node at the last whole check (nothing, if it was not there)."""
        if self._whole is not None:
            known = self._whole.releases.get(release_id)
            return known[1] if known is not None else {}
        if release_id not in self._release_at:
            return {}
        at, length = self._release_at[release_id]
        return msgpack.unpackb(self._blob("digests")[at:at + length])
