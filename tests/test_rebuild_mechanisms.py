"""The mechanisms that keep a one-card rebuild short (issue 14, item 5), each checked on what it must keep the
same (the copies in runs are in test_part_copies.py): copies never waiting for the writer's threads, the files synced while the description is made, the count of distinct
digests, the description's release rows made from the IRIs' patterns, the check across releases' state as
plain MessagePack, and the cache's pruning (the groups kept for much-described nodes too)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading

import numpy as np
import pytest
from rdflib import Literal, URIRef

from migkg import synthetic
from migkg.build import dumps
from migkg.build.cache import Cache
from migkg.build.corpus import build_corpus
from migkg.build.describe import Statistics, _distinct, _unique, release_rows
from migkg.build.dumps import DumpWriter, Staging
from migkg.build.formats import formats_for
from migkg.build.serialise import Serialiser, prefixes
from migkg.build.shared import GROUPS_ENTRIES, load_state, save_state
from migkg.mapping.iris import Iris
from migkg.validation import across
from migkg.validation.across import AcrossState, NodeCheck
from migkg.validation.reports import Issue
from migkg.validation.shacl.results import Result


def _pieces(count: int):
    iris = Iris("https://example.org/")
    serialiser = Serialiser(iris)
    import pyoxigraph as ox
    s, p = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")
    return iris, [serialiser.make_piece([(ox.NamedNode(f"https://example.org/g{i}"), [(s, p, ox.Literal(str(i)))])])
                  for i in range(count)]


def test_copies_never_wait_for_the_writers_threads_while_chunks_do(tmp_path, monkeypatch):
    """A queued copy is a few numbers: with the threads held up and room for one chunk only, a hundred copies are
    queued at once (a chunk would wait for its slot); once the threads go on, the files are the previous ones."""
    iris, pieces = _pieces(2)
    formats = formats_for(prefixes(iris))
    before = tmp_path / "before"
    before.mkdir()
    first = DumpWriter(before, formats)
    for i, piece in enumerate(pieces):
        first.add("2013", piece.chunks, piece.stats.graph_names, f"r{i}")
    first.finish()
    spans = first.spans["2013"]

    held = threading.Event()
    real_take = dumps._Lane._take

    def held_up(self, item):
        held.wait(30)
        return real_take(self, item)
    monkeypatch.setattr(dumps._Lane, "_take", held_up)
    after = tmp_path / "after"
    after.mkdir()
    writer = DumpWriter(after, formats, queue_size=1)

    def queue_copies() -> None:
        for _ in range(100):  # the same two releases again and again: a new run each time
            writer.add_copy("2013", "r0", before, spans["r0"])
            writer.add_copy("2013", "r1", before, spans["r1"])
    queued = threading.Thread(target=queue_copies)
    queued.start()
    queued.join(10)
    copies_waited = queued.is_alive()
    chunks = threading.Thread(target=lambda: [writer.add("2013", p.chunks, p.stats.graph_names) for p in pieces * 2])
    chunks.start()
    chunks.join(1)
    chunk_waited = chunks.is_alive()
    held.set()
    queued.join(10)
    chunks.join(10)
    writer.close()
    assert not copies_waited
    assert chunk_waited  # the chunks' bound still holds


def test_the_files_are_synced_while_the_build_goes_on_and_not_twice(tmp_path, monkeypatch):
    out = tmp_path / "out"
    staging = Staging(out)
    for name in ("a.nq", "b.nq", "void.ttl"):
        (staging.folder / name).write_bytes(b"x" * 10)
    synced: list[str] = []
    real = os.fsync

    def recording(fd: int) -> None:
        synced.append(os.path.basename(os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)
    monkeypatch.setattr(os, "fsync", recording)
    staging.sync_soon(["a.nq", "b.nq"])
    staging.commit("marker\n")
    data_files = [name for name in synced if name.endswith((".nq", ".ttl"))]
    assert sorted(data_files) == ["a.nq", "b.nq", "void.ttl"]  # each once: the two early, the description at commit
    assert (out / "a.nq").read_bytes() == b"x" * 10


def test_a_failed_early_sync_fails_the_commit_and_the_old_build_stays(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / dumps.MARKER).write_text("old\n")
    staging = Staging(out)
    staging.sync_soon(["missing.nq"])  # nothing of that name: the thread's error
    with pytest.raises(FileNotFoundError):
        staging.commit("new\n")
    assert (out / dumps.MARKER).read_text() == "old\n"
    staging.discard()


def _digests(rows: np.ndarray) -> np.ndarray:
    return np.unique(np.frombuffer(rows.tobytes(), dtype=np.dtype("V16")))


def test_distinct_digests_are_counted_as_numpys_unique_counts_them_even_when_first_halves_meet():
    rng = np.random.default_rng(7)
    for trial in range(300):
        pool = rng.integers(0, 256, size=(12, 16), dtype=np.uint8)
        if trial % 2:
            pool[1, :8] = pool[0, :8]  # two digests with the same first half
            pool[2, :8] = pool[0, :8]
        arrays = [_digests(pool[rng.integers(0, 12, size=rng.integers(0, 10))]) for _ in range(rng.integers(0, 4))]
        expected = len(np.unique(np.concatenate(arrays))) if arrays else 0
        assert _distinct(arrays) == expected



def test_a_parts_digests_are_numpys_unique_of_them_without_importing_numpy_ma():
    """_unique sorts the digests and keeps each that differs from the one before; np.unique would give the same, but
    its first call on such records imports numpy.ma (checked in a fresh interpreter)."""
    rng = np.random.default_rng(11)
    for trial in range(200):
        pool = rng.integers(0, 256, size=(10, 16), dtype=np.uint8)
        if trial % 2:
            pool[1, :8] = pool[0, :8]  # equal first halves, different second halves
        blobs = [pool[rng.integers(0, 10, size=rng.integers(0, 8))].tobytes() for _ in range(rng.integers(0, 4))]
        expected = np.unique(np.frombuffer(b"".join(blobs), dtype=np.dtype("V16")))
        found = _unique(blobs)
        assert found.dtype == expected.dtype and found.tobytes() == expected.tobytes()
    code = ("import sys; from migkg.build.describe import _unique; _unique([bytes(range(16)), bytes(16), bytes(16)]); "
            "print('numpy.ma' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_the_release_rows_made_from_the_iris_patterns_are_the_rows_iris_makes():
    iris = Iris("https://w3id.org/migkg/")
    plain = ["2013-06-05-unhcr-iom-almaty-ministerial", "2013-06-05-a", "2013-06-05-a-b", "2014-01-01_x.y~z"]
    odd = [*plain, "2015-01-01-é"]  # not plain: every IRI made by Iris
    for ids in (plain, odd):
        stats = Statistics(0, 0, 0, 0, {}, {rid: i + 1 for i, rid in enumerate(ids)})
        rows = release_rows(stats, iris, ids)
        ds = str(iris.dataset())
        expected = set()
        for rid in ids:
            subset, release = str(iris.release_subset(rid)), str(iris.release(rid))
            expected |= {(ds, "<http://www.w3.org/ns/prov#hadPrimarySource>", release),
                         (ds, "<http://rdfs.org/ns/void#subset>", subset),
                         (subset, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://rdfs.org/ns/void#Dataset>"),
                         (subset, "<http://purl.org/dc/terms/source>", release),
                         (subset, "<https://schema.org/url>", str(iris.release_graph(rid))),
                         (subset, "<http://rdfs.org/ns/void#triples>",
                          f'"{stats.release_triples[rid]}"^^<http://www.w3.org/2001/XMLSchema#integer>')}
        assert len(rows) == len(expected) and set(rows) == expected
        assert sorted(rows) == sorted(set(rows))


def test_the_state_of_the_check_across_releases_reads_back_as_it_was_kept(tmp_path):
    issue = Issue("Warning", "https://example.org/g", "https://example.org/n", "https://example.org/p", "differs",
                  "https://example.org/shape", "3", "card.yaml:4: events[0]")
    result = Result(URIRef("https://example.org/n"), URIRef("https://example.org/p"), Literal(3),
                    URIRef("http://www.w3.org/ns/shacl#Warning"), URIRef("https://example.org/shape"),
                    URIRef("http://www.w3.org/ns/shacl#MaxCountConstraintComponent"), ("differs",))
    state = AcrossState(
        {"r1": ("k1", {"https://example.org/n": b"\x01" * 32}), "r2": ("k2", {})},
        {"https://example.org/n": NodeCheck(b"\x02" * 32, frozenset({"https://example.org/v"}), "<https://example.org/n>",
                                            [result], [issue]),
         "https://example.org/m": NodeCheck(b"\x03" * 32, frozenset(), "<https://example.org/m>", [], [])})
    cache = Cache(tmp_path / "cache")
    save_state(cache, "key", state)
    stored = load_state(cache, "key")
    assert stored is not None and stored.state == state
    assert load_state(cache, "another key") is None


def test_a_state_saved_again_packs_only_the_groups_that_changed(tmp_path, monkeypatch):
    """Kept again after one release changed, the state packs that release's part's group and the group of the
    node whose check changed; every other group is written as the bytes read; read back, it is the new state."""
    from migkg.build import shared
    releases = {f"{year}-01-0{i}-r": (f"k{year}{i}", {"https://example.org/n": bytes([i]) * 32})
                for year in (2013, 2014, 2015) for i in range(1, 4)}
    nodes = {f"https://example.org/n{i}": NodeCheck(bytes([i]) * 32, frozenset(), f"<https://example.org/n{i}>", [], [])
             for i in range(40)}
    cache = Cache(tmp_path / "cache")
    save_state(cache, "key", AcrossState(releases, nodes))
    stored = load_state(cache, "key")
    assert stored is not None
    changed = AcrossState(dict(stored.state.releases), dict(stored.state.nodes))
    changed.releases["2014-01-02-r"] = ("new key", {"https://example.org/n": b"\xff" * 32})
    changed.nodes["https://example.org/n7"] = NodeCheck(b"\xee" * 32, frozenset({"v"}), "<https://example.org/n7>", [], [])
    packed: list[object] = []
    real = shared.msgpack.packb
    def counting(value, **options):
        if not options:  # the state's own groups (the codec's records go with options)
            packed.append(value)
        return real(value, **options)
    monkeypatch.setattr(shared.msgpack, "packb", counting)
    save_state(cache, "key", changed, stored)
    assert len(packed) == 2  # the releases of 2014, and the group of n7
    again = load_state(cache, "key")
    assert again is not None and again.state == changed


def test_pruning_removes_the_entries_of_releases_that_are_gone_and_nothing_else(tmp_path):
    cache = Cache(tmp_path / "cache")
    for name in ("a", "b", "c"):
        cache.put(f"releases/{name}", "k", {}, {})
    (tmp_path / "cache" / "releases" / "notes.txt").write_text("kept")
    cache.prune("releases", {"a", "c"})
    assert sorted(p.name for p in (tmp_path / "cache" / "releases").iterdir()) == ["a.bin", "c.bin", "notes.txt"]
    cache.prune("nothing-here", set())  # no such folder: nothing to do


def test_the_groups_kept_for_much_described_nodes_go_when_their_nodes_are_no_longer_shared(tmp_path, monkeypatch,
                                                                                          toolkit):
    """Every node of two describers or more keeps its check's groups here (KEPT_FROM lowered to 2); a rebuild with the
    same shared nodes leaves the entries, one after which no node is shared any more removes them."""
    monkeypatch.setattr(across, "KEPT_FROM", 2)
    data = synthetic.generate(tmp_path / "data", 6, seed=5)
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert build_corpus(data, out, toolkit, cache_dir=cache).error is None
    kept = cache / GROUPS_ENTRIES
    first = sorted(p.name for p in kept.iterdir())
    assert first
    assert build_corpus(data, out, toolkit, cache_dir=cache).error is None
    assert sorted(p.name for p in kept.iterdir()) == first
    for folder in sorted((data / "releases").iterdir())[1:]:
        shutil.rmtree(folder)
    assert build_corpus(data, out, toolkit, cache_dir=cache).error is None
    assert list(kept.iterdir()) == []
