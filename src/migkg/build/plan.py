"""Which releases a build builds, and which dump parts it can keep from the previous build.

Reading every release's inputs gives its cache key and its dump part (:class:`Plan`); a part's key
is made of its releases' keys. A part whose files the previous build in the same output folder made
of the same key, and that the cache still describes, is kept: its files are linked, not written
again (:meth:`Plan.find_kept`), and its releases' outcomes come from the part's cache entry.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from migkg.build.cache import Cache, release_key
from migkg.build.describe import PartStatistics, PartStatisticsBuilder
from migkg.build.dumps import BASE_PART, Written, part_key, part_of, reusable_files
from migkg.build.jobs import Outcome, outcomes_of, read_inputs
from migkg.build.stamps import Stamps
from migkg.errors import InputError

Tick = Callable[[int], None]
#: a release's inputs: its folder, card and source (None, None: not read, as their stamps said they had not changed)
Inputs = tuple[Path, bytes | None, bytes | None]


@dataclass
class Part:
    """One dump part during a build: its releases (id, cache key), and how its files come about."""

    name: str
    members: list[tuple[str, str]] = field(default_factory=list)
    complete: bool = True                 # every member's inputs could be read
    key: str = ""
    kept: list[Written] | None = None     # the previous build's files, if they can be taken as they are
    saved: dict[str, Any] | None = None   # the part's cache entry (statistics, outcomes) when kept
    stats: PartStatisticsBuilder = field(default_factory=PartStatisticsBuilder)
    outcomes: list[Outcome] = field(default_factory=list)

    def statistics(self) -> PartStatistics:
        """What the part holds: as its cache entry recorded it when kept, else as added up in this build."""
        if self.saved is not None and self.kept is not None:
            saved: PartStatistics = self.saved["stats"]
            return saved
        return self.stats.result()


@dataclass
class Plan:
    """Every release's cache key and folder, and the dump parts they fall in (the registry's part first)."""

    context: str
    keys: dict[str, str] = field(default_factory=dict)
    folders: dict[str, Path] = field(default_factory=dict)
    parts: dict[str, Part] = field(default_factory=dict)
    part_of: dict[str, str] = field(default_factory=dict)
    stamps: Stamps = field(default_factory=Stamps)  # what the last build's files looked like (:mod:`migkg.build.stamps`)

    def read(self, folders: list[Path], outcomes: dict[str, Outcome], tick: Tick,
             take: Callable[[Path, bytes | None, bytes | None], None] | None) -> list[Inputs]:
        """Every release's key and part, its inputs read unless their stamps say they are as the last build
        read them (a release whose inputs cannot be read fails here, in ``outcomes``, and its part cannot
        be kept). Each release's inputs go to ``take`` at once, or (without it) are returned."""
        self.parts[BASE_PART] = Part(BASE_PART, key=part_key(f"{self.context}:{BASE_PART}", []))
        inputs: list[Inputs] = []
        stamps = self.stamps
        for folder in folders:
            rid = folder.name
            name = self.part_of[rid] = part_of(rid)
            part = self.parts.get(name)
            if part is None:
                part = self.parts[name] = Part(name)
            where = str(folder)
            known = stamps.known_key(rid, where)
            card: bytes | None = None
            source: bytes | None = None
            if known is None:
                taken = stamps.take(where)
                try:
                    card, source = read_inputs(folder)
                except InputError as err:
                    outcomes[rid] = Outcome(rid, folder, "failed", [(err.location, err.problem, err.fix)])
                    part.complete = False
                    tick(1)
                    continue
                known = release_key(self.context, rid, card, source)
                stamps.record(rid, known, taken)
            self.keys[rid] = known
            self.folders[rid] = folder
            part.members.append((rid, self.keys[rid]))
            if take is not None:
                take(folder, card, source)
            else:
                inputs.append((folder, card, source))
        for name, part in self.parts.items():
            if name != BASE_PART:
                part.key = part_key(self.context, part.members)
        return inputs

    def find_kept(self, cache: Cache, out_dir: Path, manifest: dict[str, dict[str, Any]], keep_going: bool,
                  readable: Callable[[str, str], bool]) -> None:
        """The parts whose files the previous build in ``out_dir`` made of the same releases (its ``manifest``),
        and that the cache still describes: those are not written again. ``readable(id, key)`` says whether
        the check across releases can still read a member."""
        for name, part in self.parts.items():
            if not part.complete or name not in manifest:
                continue
            saved, files = _previous(cache, out_dir, manifest, part)
            # written by a --keep-going build that left one of them out: not this build's part without it
            if saved is None or files is None:
                continue
            every_one = keep_going or len(saved["included"]) == len(part.members)
            if every_one and all(readable(rid, key) for rid, key in part.members):
                part.kept, part.saved = files, saved

    def add_whole_part(self, name: str, key: str, cache: Cache, out_dir: Path | None,
                       manifest: dict[str, dict[str, Any]]) -> Part:
        """A part made from the whole build (the conflicts graph), known once every release is checked: ``key``
        says what its content is made of. Kept, as a part of releases is, when the previous build in
        ``out_dir`` wrote its files of the same key and they are as that build left them."""
        part = self.parts[name] = Part(name, key=part_key(f"{self.context}:{name}", [(name, key)]))
        if out_dir is not None and name in manifest:
            saved, files = _previous(cache, out_dir, manifest, part)
            if saved is not None and files is not None:
                part.kept, part.saved = files, saved
        return part

    def kept_outcomes(self, outcomes: dict[str, Outcome], tick: Tick) -> list[str]:
        """The outcomes of the kept parts' releases, as their cache entry recorded them (into ``outcomes``);
        returns the releases those parts include."""
        included: list[str] = []
        for part in self.parts.values():
            if part.kept is None or part.saved is None or part.name == BASE_PART:
                continue
            # recorded with the folder of the build that saved it: the data may have moved since, or be a copy
            for outcome in outcomes_of(part.saved["releases"], self.folders):
                if outcome.status == "built":
                    outcome.status = "reused"
                outcomes[outcome.release_id] = outcome
                tick(1)
            included += part.saved["included"]
        return included

    def kept(self, name: str) -> bool:
        return self.parts[name].kept is not None


def _previous(cache: Cache, out_dir: Path, manifest: dict[str, dict[str, Any]],
              part: Part) -> tuple[dict[str, Any] | None, list[Written] | None]:
    """A part's cache entry of the build that wrote ``out_dir`` (None: not of this key), and its files there if
    they can be taken as they are (:func:`migkg.build.dumps.reusable_files`)."""
    saved = cache.get(f"parts/{part.name}", part.key)
    if saved is None or "releases" not in saved.meta:  # none, or of a version that kept its outcomes otherwise
        return None, None
    return saved.meta, reusable_files(out_dir, manifest[part.name], part.key, saved.meta["mtimes"])
