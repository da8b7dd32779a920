"""One release's job: read its inputs, build it, and leave its piece of the outputs in the cache.

A job (:class:`Job`) runs in the main process or in a worker (:mod:`migkg.build.parallel`) and
answers with a small :class:`Outcome` (status, errors, issues, where its cache entry is), so the
process that runs the whole build never holds a release's triples. The cache entry of a release
holds its metadata (issues, results, small statistics) and named blobs: the stored formats'
chunks, the statistics' digests, and its groups for the check across releases (:data:`SHARED_BLOB`).
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from migkg.build.cache import Cache, Entry
from migkg.build.codec import storable
from migkg.build.describe import coverage_of
from migkg.build.serialise import Piece, PieceStats
from migkg.build.workbench import Workbench, each_error
from migkg.cards.release import CARD_NAME, SOURCE_NAME, missing_card, release_folders
from migkg.errors import InputError, Location
from migkg.inputs import read_input
from migkg.mapping.terms import Triple
from migkg.validation.across import groups_blob
from migkg.validation.conflicts import Conflict
from migkg.validation.reports import Issue
from migkg.validation.same_event import EventSignature
from migkg.validation.shacl import Result

#: the blob of a release's cache entry that holds its shared triples (:func:`migkg.validation.across.groups_blob`)
SHARED_BLOB = "shared"
#: the blobs that hold a piece's statistics digests (read only when the statistics are added up)
DIGEST_BLOBS = ("shared_triples", "shared_subjects", "shared_objects", "shared_class_members")


@storable
@dataclass
class Outcome:
    """What happened to one release: built, reused from the cache, or failed (with its errors)."""

    release_id: str
    folder: Path
    status: str                                  # "built", "reused" or "failed"
    errors: list[tuple[Location, str, str | None]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    entry: Entry | None = None                    # where its piece of the outputs is, in the cache
    conflicts: list[Conflict] = field(default_factory=list)   # its Warnings, with the values its graph states
    events: tuple[EventSignature, ...] = ()        # what its card says of each event (migkg.validation.same_event)

    @property
    def violates(self) -> bool:
        return any(i.severity == "Violation" for i in self.issues)

    def input_errors(self) -> list[InputError]:
        return [InputError(location, problem, fix) for location, problem, fix in self.errors]


@dataclass
class Job:
    release_id: str
    folder: Path
    card: bytes
    source: bytes
    key: str


def run_job(bench: Workbench, cache: Cache, job: Job) -> Outcome:
    """Build one release and store its piece of the outputs in the cache; never raises for bad input."""
    try:
        built = bench.build(job.folder, job.card, job.source)
    except InputError as err:
        return Outcome(job.release_id, job.folder, "failed",
                       [(e.location, e.problem, e.fix) for e in each_error(err)])
    piece = bench.release_piece(built)
    outcome = Outcome(job.release_id, job.folder, "built", issues=built.issues, results=built.results,
                      conflicts=built.conflicts, events=built.events)
    meta = piece_meta(outcome, piece.stats)
    meta["coverage"] = coverage_of(itertools.chain(built.facts, built.derived), bench.iris)
    outcome.entry = cache.put(f"releases/{job.release_id}", job.key, meta, _blobs(piece, built.shared))
    return outcome


def piece_meta(outcome: Outcome, stats: PieceStats) -> dict[str, Any]:
    """A release's cache metadata: its own issues, results and conflicts, its events' signatures, and its
    statistics without their digests."""
    return {"issues": outcome.issues, "results": outcome.results, "conflicts": outcome.conflicts,
            "events": outcome.events, "stats": small_stats(stats)}


def reused(release_id: str, folder: Path, entry: Entry) -> Outcome:
    """A release's outcome as its cache entry recorded it (:func:`piece_meta`)."""
    meta = entry.meta
    return Outcome(release_id, folder, "reused", issues=meta["issues"], results=meta["results"],
                   conflicts=meta["conflicts"], events=meta["events"])


def compact_outcomes(outcomes: list[Outcome]) -> dict[str, Any]:
    """Outcomes as a dump part's cache entry keeps them (:func:`outcomes_of`): in plain columns (id, folder,
    status, the fields of each event's signature), and as whole records only those with errors, issues,
    results or conflicts (about one in ten at 10,000 synthetic releases). Reading 10,000 records back, each
    with its events', was the largest cost of a rebuild's kept parts."""
    return {"ids": [o.release_id for o in outcomes], "folders": [str(o.folder) for o in outcomes],
            "statuses": [o.status for o in outcomes],
            "events": [[[e.event, e.entry, e.kind, e.date, e.place, e.process, e.number] for e in o.events]
                       for o in outcomes],
            "detail": {i: replace(o, entry=None, events=()) for i, o in enumerate(outcomes)
                       if o.errors or o.issues or o.results or o.conflicts}}


def outcomes_of(saved: dict[str, Any], folders: dict[str, Path] | None = None) -> list[Outcome]:
    """The outcomes :func:`compact_outcomes` kept, each with the folder it had then or, in ``folders``, the one
    its release is in now (the data may have moved since, or be a copy), its errors' locations moved there."""
    detail = saved["detail"]
    now = folders or {}
    found = []
    for i, (release_id, then, status, events) in enumerate(zip(saved["ids"], saved["folders"], saved["statuses"],
                                                                saved["events"], strict=True)):
        signatures = tuple(EventSignature(*row) for row in events)
        whole = detail.get(i)
        folder = now.get(release_id) or (whole.folder if whole is not None else Path(then))
        if whole is None:
            found.append(Outcome(release_id, folder, status, events=signatures))
        else:
            found.append(replace(whole, folder=folder, events=signatures,
                                 errors=[(moved(location, whole.folder, folder), problem, fix)
                                         for location, problem, fix in whole.errors]))
    return found


def moved(location: Location, old: Path, new: Path) -> Location:
    """A location in a release's folder as a cache entry recorded it (``old``), in the folder the release is in
    now; one outside that folder as it was."""
    if old == new:
        return location
    try:
        return replace(location, file=new / location.file.relative_to(old))
    except ValueError:
        return location


def small_stats(stats: PieceStats) -> PieceStats:
    """The statistics without their digests (those are blobs, read only when the outputs are written)."""
    return replace(stats, shared_triples=b"", shared_subjects=b"", shared_objects=b"", shared_class_members=b"")


def full_stats(small: PieceStats, digests: dict[str, bytes]) -> PieceStats:
    """A piece's statistics from its counts (metadata) and its digests (blobs)."""
    return replace(small, shared_triples=digests["shared_triples"], shared_subjects=digests["shared_subjects"],
                   shared_objects=digests["shared_objects"], shared_class_members=digests["shared_class_members"])


def _blobs(piece: Piece, shared: dict[str, list[Triple]]) -> dict[str, bytes]:
    blobs = {SHARED_BLOB: groups_blob(shared)}
    blobs.update({name: getattr(piece.stats, name) for name in DIGEST_BLOBS})
    blobs.update(piece.chunks)
    return blobs


def read_inputs(folder: Path) -> tuple[bytes, bytes]:
    """A release's card and source text, as bytes; a missing file is an :class:`InputError`."""
    where = str(folder)  # plain strings: at 10,000 releases, Path arithmetic is a tenth of a rebuild
    try:
        card = read_input(f"{where}/{CARD_NAME}", "card")
    except FileNotFoundError:
        raise missing_card(folder) from None
    try:
        source = read_input(f"{where}/{SOURCE_NAME}", "source")
    except FileNotFoundError:
        raise InputError(Location(folder / SOURCE_NAME), "is missing.",
                         f"put the release's verbatim text in {SOURCE_NAME} beside the card.") from None
    return card, source


def find_releases(data_dir: Path) -> list[Path]:
    """The release folders, in the order their graphs are published (by graph IRI, i.e. by id)."""
    folders = release_folders(data_dir / "releases")
    if not folders:
        raise InputError(Location(data_dir / "releases"), "holds no release folders.",
                         "add data/releases/<release-id>/ with source.txt and card.yaml.")
    return sorted(folders, key=lambda f: f.name + "/")
