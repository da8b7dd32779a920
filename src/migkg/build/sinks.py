"""Where the releases' pieces of the outputs go as the build takes them in, in publication order.

The streaming build (:mod:`migkg.build.corpus`) hands each included release's piece, and the
registry's and vocabulary's, to a sink. :class:`FileSink` writes the dump files into a staging
folder and, if the build succeeds, describes them and makes the staging folder the output folder
(``migkg build``). :class:`GraphSink` keeps the graphs in memory (:func:`migkg.build.pipeline.build_dataset`).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from migkg.build.cache import Cache
from migkg.build.catalogue import Catalogue
from migkg.build.describe import PartStatistics, description_bytes, merge
from migkg.build.dumps import (
    BASE_PART,
    CONFLICTS_PART,
    DESCRIPTION_FILE,
    EXTENSIONS,
    DumpWriter,
    Staging,
    Written,
    file_name,
    manifest_text,
    modification_times,
    part_order,
    read_manifest,
)
from migkg.build.formats import formats_for
from migkg.build.formats.nquads import NQuads
from migkg.build.jobs import compact_outcomes
from migkg.build.plan import Part, Plan
from migkg.build.serialise import prefixes
from migkg.mapping.iris import Iris


class Sink(Protocol):
    """What the build gives its outputs to."""

    #: whether the sink wants the pieces even once the build cannot succeed any more
    wants_pieces_of_failed_builds: bool
    @property
    def out_dir(self) -> Path | None:
        """The folder the sink writes (where a previous build's parts may be kept from), if any."""
        ...

    def previous_parts(self) -> dict[str, dict[str, Any]]:
        """The manifest of the parts a previous build left in :attr:`out_dir` (part -> entry), or {}."""
        ...

    def add(self, part: str, release_id: str | None, chunks: dict[str, bytes], graph_names: list[str]) -> None:
        """One piece: a release's (or, with ``release_id`` None, the registry's or vocabulary's) stored chunks."""
        ...

    def copyable(self, part: str, manifest: dict[str, dict[str, Any]]) -> dict[str, list[Any]] | None:
        """Of a part written again, the releases whose chunks can be copied from the previous build's files of it
        (release -> [its cache key then, where its chunks are]), if those files are as that build left them."""
        ...

    def add_copy(self, part: str, release_id: str, spans: list[list[int]]) -> None:
        """One release's piece, copied from the previous build's files (:meth:`copyable`)."""
        ...

    def finish(self, plan: Plan, statistics: dict[str, PartStatistics], included: list[str],
               download_base: str | None) -> tuple[list[Written], list[str]]:
        """The build succeeded: make its outputs final. Returns the files written and the parts kept."""
        ...

    def close(self) -> None:
        """Release what the sink holds open (after :meth:`finish`, or instead of it when the build failed)."""
        ...


#: the cache entries of where each release's chunks are in its part's files (``spans/<part>.bin``, under the part's key)
SPANS = "spans"


class FileSink:
    """The dump files of ``migkg build``: written into a staging folder, published all or nothing."""

    wants_pieces_of_failed_builds = False

    def __init__(self, out_dir: Path, iris: Iris, cache: Cache, keep_cache: bool, catalogue: Catalogue | None = None,
                 note: Callable[[str], None] | None = None):
        self.staging = Staging(out_dir, note)  # refuses a folder migkg did not write, first
        self.iris, self.cache, self.keep_cache = iris, cache, keep_cache
        self.catalogue = catalogue  # the publisher's settings for the description (<data>/catalogue.yaml)
        self.writer: DumpWriter | None = DumpWriter(self.staging.folder, formats_for(prefixes(iris)))

    @property
    def out_dir(self) -> Path:
        return self.staging.out_dir

    def previous_parts(self) -> dict[str, dict[str, Any]]:
        return read_manifest(self.staging.out_dir) if self.keep_cache else {}

    def add(self, part: str, release_id: str | None, chunks: dict[str, bytes], graph_names: list[str]) -> None:
        assert self.writer is not None, "no piece after finish()"
        self.writer.add(part, chunks, graph_names, release_id)

    def copyable(self, part: str, manifest: dict[str, dict[str, Any]]) -> dict[str, list[Any]] | None:
        entry = manifest.get(part)
        saved = self.cache.get(f"{SPANS}/{part}", entry["key"]) if entry is not None else None
        if entry is None or saved is None:
            return None
        mtimes = saved.meta["mtimes"]
        for name, (size, _sha256) in entry.get("files", {}).items():
            try:
                found = (self.staging.out_dir / name).stat()
            except OSError:
                return None
            if found.st_size != size or found.st_mtime_ns != mtimes.get(name):
                return None  # not as that build left it (edited by hand): made again from the cache
        releases: dict[str, list[Any]] = saved.meta["releases"]
        return releases

    def add_copy(self, part: str, release_id: str, spans: list[list[int]]) -> None:
        assert self.writer is not None, "no piece after finish()"
        self.writer.add_copy(part, release_id, self.staging.out_dir, spans)

    def finish(self, plan: Plan, statistics: dict[str, PartStatistics], included: list[str],
                download_base: str | None) -> tuple[list[Written], list[str]]:
        """Put the kept parts' files beside the fresh ones, describe them all, record the parts, and commit.
        Returns every data file written (in publication order) and the parts kept from the last build."""
        assert self.writer is not None, "finish() once"
        fresh = self.writer.finish()
        spans = self.writer.spans
        self.writer = None
        self.staging.sync_soon([w.file_name for w in fresh])  # while the description is made
        written = {w.file_name: w for w in fresh}
        kept = []
        for part in plan.parts.values():
            if part.kept is not None:
                self.staging.reuse([w.file_name for w in part.kept])
                written.update({w.file_name: w for w in part.kept})
                kept.append(part.name)
        whole = {BASE_PART} | ({CONFLICTS_PART} if CONFLICTS_PART in plan.parts else set())
        names = sorted({plan.part_of.get(rid, BASE_PART) for rid in included} | whole, key=part_order)
        files = [written[file_name(name, ext)] for name in names for ext in EXTENSIONS]
        statistics = {name: statistics[name] for name in names}
        description = description_bytes(merge(statistics), self.iris, sorted(included), files, download_base,
                                        self.catalogue)
        (self.staging.folder / DESCRIPTION_FILE).write_bytes(description)
        self.staging.commit(manifest_text({name: plan.parts[name].key for name in names}, files))
        if self.keep_cache:  # after the commit: the files' modification times are final
            for name in names:
                part = plan.parts[name]
                if part.kept is None:
                    mtimes = modification_times(self.staging.out_dir, [file_name(name, ext) for ext in EXTENSIONS])
                    self.cache.put(f"parts/{name}", part.key, _saved(part, statistics[name], mtimes, included), {},
                                   keep=True)
                    if spans.get(name):  # where each release's chunks are: the next build may copy them
                        self.cache.put(f"{SPANS}/{name}", part.key, {"mtimes": mtimes, "releases": {
                            rid: [plan.keys[rid], where] for rid, where in spans[name].items()}}, {}, keep=True)
        return files, kept

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        self.staging.discard()


def _saved(part: Part, statistics: PartStatistics, mtimes: dict[str, int], included: list[str]) -> dict[str, Any]:
    """What the cache keeps of a written part, for a build that keeps it: its statistics, its releases'
    outcomes (without where their entries are), and its files' modification times."""
    # a release's own issues and results, as built (the check across releases may take some in another build)
    taken = set(included)
    return {"stats": statistics, "releases": compact_outcomes(part.outcomes), "mtimes": mtimes,
            "included": [o.release_id for o in part.outcomes if o.release_id in taken]}


class GraphSink:
    """Keeps the pieces as triples by graph, in memory: what the in-memory build returns as rdflib graphs.

    It reads each piece back from its N-Quads chunk, the very bytes ``migkg build`` writes, so the
    in-memory graphs are the written ones; and it wants the pieces even of a build that fails (the
    in-memory build returns the graphs with the report, whatever the report says)."""

    wants_pieces_of_failed_builds = True

    @property
    def out_dir(self) -> Path | None:
        return None

    def __init__(self) -> None:
        self.triples: dict[str, list[ox.Triple]] = {}   # graph IRI -> its triples, in the order written
        self.releases: list[str] = []                   # the releases taken, in publication order

    def previous_parts(self) -> dict[str, dict[str, Any]]:
        return {}

    def copyable(self, part: str, manifest: dict[str, dict[str, Any]]) -> dict[str, list[Any]] | None:
        return None

    def add_copy(self, part: str, release_id: str, spans: list[list[int]]) -> None:
        raise AssertionError("nothing is copyable into graphs")

    def add(self, part: str, release_id: str | None, chunks: dict[str, bytes], graph_names: list[str]) -> None:
        for name in graph_names:
            self.triples.setdefault(name, [])
        for quad in ox.parse(chunks[NQuads.extension], format=ox.RdfFormat.N_QUADS):
            self.triples[quad.graph_name.value].append(quad.triple)
        if release_id is not None:
            self.releases.append(release_id)

    def finish(self, plan: Plan, statistics: dict[str, PartStatistics], included: list[str],
               download_base: str | None) -> tuple[list[Written], list[str]]:
        return [], []

    def close(self) -> None:
        pass
