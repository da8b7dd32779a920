"""The check across releases, as the streaming build runs it: from the cache, again only where something changed.

:mod:`migkg.validation.across` validates the nodes that several releases describe. Here the build
feeds it: each included release's groups (what it says about shared nodes) are in its cache entry
(:data:`migkg.build.jobs.SHARED_BLOB`), read only for the releases that describe a node to check;
what the last check found is kept in the cache (:class:`~migkg.validation.across.AcrossState`), so a
rebuild validates anew only the nodes whose describers said something else.

Two ids of one event (:mod:`migkg.validation.same_event`) are found here too, from the events'
signatures each release's outcome carries (:func:`check_same_events`): nothing is read for them but
the cards of the pairs found, for the lines of their entries.
"""
from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import msgpack  # type: ignore[import-untyped]
from rdflib import Graph

from migkg.build.cache import Cache, Entry
from migkg.build.codec import pack, unpack
from migkg.build.dumps import part_of
from migkg.build.jobs import SHARED_BLOB, Job, Outcome, read_inputs, run_job
from migkg.build.plan import Plan
from migkg.build.workbench import Workbench
from migkg.errors import MigkgError
from migkg.mapping.iris import Iris
from migkg.validation.across import (
    AcrossReleases,
    AcrossState,
    GroupsOf,
    NodeCheck,
    check_across,
    group_digests,
    groups_of_blob,
    parse_group,
)
from migkg.validation.card_locations import EntryLocations, location
from migkg.validation.conflicts import Findings
from migkg.validation.same_event import same_event_findings, same_events


class SharedNodesCheck:
    """The check across releases of one build. ``entries`` are the release cache entries the build knows
    (shared with the build, which adds those it reads or writes); ``workbench()`` gives the validator."""

    def __init__(self, cache: Cache, plan: Plan, entries: dict[str, Entry], workbench: Callable[[], Workbench]):
        self.cache, self.plan, self.entries, self.workbench = cache, plan, entries, workbench
        self.described: dict[str, dict[str, bytes]] = {}  # release -> digests of its groups, as read in this build
        self.previous = AcrossState()
        self.stored: StoredState | None = None  # the previous state as read, to write again only what changed
        self.rebuilt: list[str] = []  # releases built again only to read what they say for this check

    def load_previous(self) -> None:
        """What the last check across releases left (with the same code, shapes and registry), if anything."""
        self.stored = load_state(self.cache, self._key())
        self.previous = self.stored.state if self.stored is not None else AcrossState()

    def _key(self) -> str:
        """The last check is reusable with the same code, shapes and registry (the build's context)."""
        return hashlib.sha256(self.plan.context.encode()).hexdigest()

    def knows(self, release_id: str) -> bool:
        """Whether the last check recorded what this version of the release says (then its groups need not be read
        to find it)."""
        known = self.previous.releases.get(release_id)
        return known is not None and known[0] == self.plan.keys[release_id]

    def take(self, release_id: str, shared_blob: bytes) -> None:
        """What an included release says about shared nodes (its groups, as its cache entry keeps them)."""
        self.described[release_id] = group_digests(groups_of_blob(shared_blob))

    def readable(self, release_id: str, key: str) -> bool:
        """Whether the check can read a release of a kept part: from what the last check recorded (that
        version of it), or else from its cache entry (which a build of another version of the card, since
        the part was written, has replaced)."""
        known = self.previous.releases.get(release_id)
        if known is not None and known[0] == key:
            return True
        entry = self.cache.get(f"releases/{release_id}", key)
        if entry is not None:
            self.entries[release_id] = entry
        return entry is not None

    def check(self, ordered: list[Outcome], included: set[str]) -> tuple[AcrossReleases, set[str]]:
        """The corpus-wide check of the nodes several releases describe, and the releases it took: those
        ``included`` in the outputs (without --keep-going, every release that was built, as validating their
        whole graph would). What the last build found is kept where nothing changed."""
        checked = [o.release_id for o in ordered if o.release_id in included]
        keys = self.plan.keys
        described = []
        for rid in checked:
            digests = self.described.get(rid)
            if digests is None:
                known = self.previous.releases.get(rid)
                digests = known[1] if known is not None and known[0] == keys[rid] else group_digests(self.groups(rid))
            described.append((rid, digests))
        if not any(len(d) for _rid, d in described):
            return AcrossReleases(), set(checked)
        kept = _CachedGroups(self.cache, self._key())
        across, state = check_across(self.workbench(), described, self.groups, parse_group, self.previous, kept)
        state.releases = {rid: (keys[rid], digests) for rid, digests in described}
        save_state(self.cache, self._key(), state, self.stored)
        if state.nodes.keys() != self.previous.nodes.keys():  # a shared node came or went: none is kept for nothing
            kept.prune(state.nodes)
        return across, set(checked)

    def groups(self, release_id: str) -> dict[str, bytes]:
        """A release's groups (node -> N-Triples), from its cache entry."""
        key = self.plan.keys[release_id]
        known = self.entries.get(release_id)
        # else one opening of its entry, its metadata not made: hundreds of releases may describe a process
        blobs = known.read([SHARED_BLOB]) if known is not None else \
            self.cache.read(f"releases/{release_id}", key, [SHARED_BLOB])
        if blobs is not None:
            return groups_of_blob(blobs[SHARED_BLOB])
        # a kept part's release whose entry was removed since: build it again, for its groups
        folder = self.plan.folders[release_id]
        entry = run_job(self.workbench(), self.cache, Job(release_id, folder, *read_inputs(folder), key)).entry
        self.rebuilt.append(release_id)
        if entry is None:
            raise MigkgError(f"{folder}: built fine before, but not now, though its files did not change; "
                             "build again (with --no-cache if it persists).")
        self.entries[release_id] = entry
        return groups_of_blob(entry.read([SHARED_BLOB])[SHARED_BLOB])


class _CachedGroups:
    """The groups a much-described node's check read, kept in the build's cache (one entry per node, under
    :data:`GROUPS_ENTRIES`) until its next check (:class:`migkg.validation.across.KeptGroups`)."""

    def __init__(self, cache: Cache, key: str):
        self.cache, self.key = cache, key

    @staticmethod
    def _file(node: str) -> str:
        """The entry's name in :data:`GROUPS_ENTRIES`: a hash of the node's IRI (the IRI itself is in the entry)."""
        return hashlib.sha256(node.encode()).hexdigest()[:32]

    def _name(self, node: str) -> str:
        return f"{GROUPS_ENTRIES}/{self._file(node)}"

    def load(self, node: str) -> GroupsOf[bytes]:
        entry = self.cache.read(self._name(node), self.key, ["groups"])
        if entry is None:
            return {}
        kept_node, rows = msgpack.unpackb(entry["groups"])
        if kept_node != node:  # two nodes whose names' hashes begin alike: the other one's
            return {}
        return {(rid, named): (digest, group) for rid, named, digest, group in rows}

    def save(self, node: str, groups: GroupsOf[bytes]) -> None:
        rows = [[rid, named, digest, group] for (rid, named), (digest, group) in sorted(groups.items())]
        self.cache.put(self._name(node), self.key, {}, {"groups": msgpack.packb([node, rows])})

    def prune(self, nodes: Iterable[str]) -> None:
        """Remove the entries of nodes that are no longer shared (``nodes``: those that are)."""
        self.cache.prune(GROUPS_ENTRIES, {self._file(node) for node in nodes})


#: the cache entries of the groups much-described nodes' checks read (:class:`_CachedGroups`)
GROUPS_ENTRIES = "across-groups"
#: the cache entry of what the last check across releases left (:func:`save_state`)
STATE_ENTRY = "across"
_RELEASES, _NODES = "releases/", "nodes/"
#: how many groups the nodes' checks are kept in (by a CRC of the node's IRI)
_NODE_GROUPS = 16


@dataclass
class StoredState:
    """A state as :func:`load_state` read it, with each group's bytes as kept, so that :func:`save_state` packs
    again only the groups that changed."""

    state: AcrossState
    packed: dict[str, bytes] = field(default_factory=dict)


def _release_groups(state: AcrossState, parts: dict[str, str]) -> dict[str, dict[str, list[Any]]]:
    """The releases by the group they are kept in (their dump part's); ``parts`` remembers each release's part
    for the next call (the state before and after a build name nearly the same 10,000 releases)."""
    groups: dict[str, dict[str, list[Any]]] = {}
    for rid, (key, digests) in state.releases.items():
        part = parts.get(rid)
        if part is None:
            part = parts[rid] = part_of(rid)
        groups.setdefault(_RELEASES + part, {})[rid] = [key, digests]
    return groups


def _node_groups(state: AcrossState) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for node in state.nodes:
        groups.setdefault(f"{_NODES}{zlib.crc32(node.encode()) % _NODE_GROUPS:02d}", []).append(node)
    return groups


def save_state(cache: Cache, key: str, state: AcrossState, previous: StoredState | None = None) -> None:
    """Keep what a check across releases left, under ``key``: each release's key and digests (a group per dump
    part), and each node's check (in :data:`_NODE_GROUPS` groups), as plain MessagePack (lists, strings, bytes:
    no record of the codec's but a node's results, issues and conflicts where it has any), which packs and reads
    back several times faster than the records of :mod:`migkg.build.codec`. A group the ``previous`` state held
    alike (the same releases, keys and digests; the very same node checks) is written as the bytes read, not packed
    again: at 10,000 releases the state is 12 MB, written after every build, and a rebuild changes one group or two."""
    old = previous.state if previous is not None else AcrossState()
    kept = previous.packed if previous is not None else {}
    blobs: dict[str, bytes] = {}
    parts: dict[str, str] = {}
    old_releases = _release_groups(old, parts)
    for name, releases in _release_groups(state, parts).items():
        same = name in kept and old_releases.get(name) == releases
        blobs[name] = kept[name] if same else msgpack.packb(releases)
    old_nodes = _node_groups(old)
    for name, nodes in _node_groups(state).items():
        same = name in kept and old_nodes.get(name) == nodes and all(state.nodes[n] is old.nodes[n] for n in nodes)
        blobs[name] = kept[name] if same else msgpack.packb({node: _node_row(state.nodes[node]) for node in nodes})
    packed = dict(sorted(blobs.items()))
    written = cache.put(STATE_ENTRY, key, {}, packed)
    cache.remember(STATE_ENTRY, written, StoredState(state, packed))  # a warm cache's next build need not read it


def _node_row(check: NodeCheck) -> list[Any]:
    issues = pack([check.results, check.issues, check.conflicts]) if check.results or check.issues or check.conflicts \
        else None
    return [check.signature, sorted(check.values), check.focus_text, issues]


def load_state(cache: Cache, key: str) -> StoredState | None:
    """What :func:`save_state` kept under ``key`` (None: nothing, or an entry of another layout)."""
    entry = cache.get(STATE_ENTRY, key, meta=False)
    if entry is None or not entry.blobs or not all(name.startswith((_RELEASES, _NODES)) for name in entry.blobs):
        return None
    known: StoredState | None = cache.recall(STATE_ENTRY, entry)  # a warm cache: as the last build wrote it
    if known is not None:
        return known
    stored = StoredState(AcrossState(), entry.read())
    for name, data in stored.packed.items():
        if name.startswith(_RELEASES):
            stored.state.releases.update((rid, (key, digests)) for rid, (key, digests) in msgpack.unpackb(data).items())
            continue
        for node, (signature, values, focus, found) in msgpack.unpackb(data).items():
            results, issues, conflicts = unpack(found) if found is not None else ([], [], [])
            stored.state.nodes[node] = NodeCheck(signature, frozenset(values), focus, results, issues, conflicts)
    stored.state.nodes = dict(sorted(stored.state.nodes.items()))
    cache.remember(STATE_ENTRY, entry, stored)
    return stored


#: the cache entry of the lines of the card entries the last check of one event's ids named
EVENT_LINES = "event-lines"


def check_same_events(cache: Cache, plan: Plan, ordered: list[Outcome], checked: set[str], shapes: Graph,
                      iris: Iris) -> Findings:
    """Two ids of one event among the releases ``checked`` (those written), from their outcomes' signatures of
    their events; each pair located at the card entries of both. The line of an entry is kept in the cache
    under the release's key (the card's content), so a rebuild reads again only the cards of new pairs (a
    corpus of 10,000 releases may have a few hundred pairs, and composing a card for its lines costs
    milliseconds)."""
    found = same_events((o.release_id, o.events) for o in ordered if o.release_id in checked)
    if not found:
        return Findings()
    key = hashlib.sha256(plan.context.encode()).hexdigest()
    saved = cache.get(EVENT_LINES, key)
    known: dict[tuple[str, str, int], int | None] = saved.meta["lines"] if saved is not None else {}
    lines: dict[tuple[str, str, int], int | None] = {}
    locations = EntryLocations()

    def where(release_id: str, entry: int) -> str:
        folder, path = plan.folders[release_id], ("events", entry)
        name = (release_id, plan.keys[release_id], entry)
        if name not in lines:
            lines[name] = known[name] if name in known else locations.line(folder, path)
        return location(folder, path, lines[name])

    findings = same_event_findings(found, shapes, iris, lambda rid: iris.release_graph(rid).value, where)
    if lines != known:
        cache.put(EVENT_LINES, key, {"lines": lines}, {})
    return findings
