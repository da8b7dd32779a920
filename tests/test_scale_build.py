"""The build at scale, on a small synthetic corpus (migkg.synthetic): the same bytes however it is built,
the cache reused and invalidated exactly when it should be, and one bad release among many reported
with its location while the others are still checked.

Each test runs the real command line, ``python -m migkg build``, on its own copy of the corpus; the tests that
only read a cold build of the unchanged corpus (its bytes, its quads, its statistics, its messages) share one.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from migkg import synthetic
from migkg.build.dumps import dump_files

ROOT = Path(__file__).resolve().parents[1]

RELEASES = 12
SUMMARY = re.compile(r"\((?P<built>[\d,]+) built, (?P<reused>[\d,]+) reused from the cache, (?P<failed>[\d,]+) failed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return synthetic.generate(tmp_path_factory.mktemp("synthetic") / "data", RELEASES, seed=7)


def build(data: Path, out: Path, *extra: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "migkg", "build", "--data", str(data), "--out", str(out),
                           *map(str, extra)], capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def cold(corpus: Path, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """One cold build of the corpus with two worker processes, and its folder: several tests only read it."""
    out = tmp_path_factory.mktemp("cold") / "out"
    return build(corpus, out, "--workers", "2", "--no-cache"), out


def counts(done: subprocess.CompletedProcess) -> tuple[int, int, int]:
    found = SUMMARY.search(done.stderr)
    assert found, done.stderr[-2000:]
    return tuple(int(found.group(k).replace(",", "")) for k in ("built", "reused", "failed"))


def files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def nquads(out: Path) -> list[ox.Quad]:
    """Every quad of a build: its N-Quads files, one per dump part."""
    return [q for path in dump_files(out, "nq") for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)]


def card_of(data: Path, index: int) -> Path:
    return sorted((data / "releases").iterdir())[index] / "card.yaml"


def test_one_and_two_worker_processes_write_identical_bytes(corpus: Path, tmp_path: Path, cold):
    one = build(corpus, tmp_path / "one", "--workers", "1", "--no-cache")
    two, two_out = cold
    assert one.returncode == 0, one.stderr[-2000:]
    assert two.returncode == 0, two.stderr[-2000:]
    assert counts(one) == counts(two) == (RELEASES, 0, 0)
    assert files(tmp_path / "one") == files(two_out)


def test_the_cache_is_reused_and_gives_the_same_bytes(data: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    first = build(data, tmp_path / "first", "--cache", cache)
    again = build(data, tmp_path / "again", "--cache", cache)
    assert counts(first) == (RELEASES, 0, 0), first.stderr[-2000:]
    assert counts(again) == (0, RELEASES, 0)
    assert files(tmp_path / "first") == files(tmp_path / "again")


def test_changing_one_card_rebuilds_that_release_alone(data: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    assert counts(build(data, tmp_path / "before", "--cache", cache)) == (RELEASES, 0, 0)
    card = card_of(data, 5)
    text = card.read_text(encoding="utf-8")
    participant = re.search(r"^ +- \{role: participant, agent: \w+, evidence: [^\n]*\}\n", text, flags=re.M)
    card.write_text(text.replace(participant.group(0), "", 1), encoding="utf-8")  # one participant fewer
    changed = build(data, tmp_path / "after", "--cache", cache)
    cold = build(data, tmp_path / "cold", "--no-cache")
    assert counts(changed) == (1, RELEASES - 1, 0), changed.stderr[-2000:]
    assert counts(cold) == (RELEASES, 0, 0)
    assert files(tmp_path / "after") == files(tmp_path / "cold")
    assert files(tmp_path / "after") != files(tmp_path / "before")


def _drop_a_participant(card: Path) -> None:
    text = card.read_text(encoding="utf-8")
    participant = re.search(r"^ +- \{role: participant, agent: \w+, evidence: [^\n]*\}\n", text, flags=re.M)
    card.write_text(text.replace(participant.group(0), "", 1), encoding="utf-8")


def _report(done: subprocess.CompletedProcess) -> str:
    """What a build said, less what differs between a cold build and a rebuild (times, counts, kept parts)."""
    return "\n".join(line for line in done.stderr.splitlines()
                     if not line.startswith(("built ", "  ")))


def test_a_rebuild_in_place_writes_only_the_changed_part_and_equals_a_cold_build(data: Path, tmp_path: Path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    assert counts(build(data, out, "--cache", cache)) == (RELEASES, 0, 0)
    inodes = {p.name: p.stat().st_ino for p in out.iterdir()}
    card = card_of(data, 5)
    part = card.parent.name[:4]
    assert sum(name.startswith(f"migkg-{part}.") for name in inodes) == 5
    conflicts = (out / "migkg-conflicts.nq").read_bytes()
    _drop_a_participant(card)
    changed = build(data, out, "--cache", cache)
    cold = build(data, tmp_path / "cold", "--no-cache")
    assert counts(changed) == (1, RELEASES - 1, 0), changed.stderr[-2000:]
    parts = len({name.split(".")[0] for name in inodes if name.startswith("migkg-")})
    # the conflicts graph is written again too where the card's warnings changed (its count claim's listed count)
    rewritten = {part} | ({"conflicts"} if (out / "migkg-conflicts.nq").read_bytes() != conflicts else set())
    assert f"{parts - len(rewritten)} of them unchanged since the last build" in changed.stderr
    assert files(out) == files(tmp_path / "cold")
    assert _report(changed) == _report(cold)
    for path in out.iterdir():  # the other parts' files are the same files (hard links), the changed parts' new
        if path.name.startswith("migkg-"):
            assert (path.stat().st_ino == inodes[path.name]) == (path.name.split(".")[0][6:] not in rewritten), path


def test_a_file_changed_by_hand_is_written_again(data: Path, tmp_path: Path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    assert counts(build(data, out, "--cache", cache)) == (RELEASES, 0, 0)
    before = files(out)
    inodes = {p.name: p.stat().st_ino for p in out.iterdir()}
    spoiled = out / "migkg-registry.ttl"
    text = spoiled.read_bytes()
    spoiled.write_bytes(text.replace(b"@prefix", b"@PREFIX", 1))  # same size, other bytes
    again = build(data, out, "--cache", cache)
    assert counts(again) == (0, RELEASES, 0)
    assert files(out) == before
    for path in out.iterdir():  # the registry part was written again; the others were kept (the same files)
        if path.name.startswith("migkg-"):
            assert (path.stat().st_ino == inodes[path.name]) == (not path.name.startswith("migkg-registry.")), path


def test_a_kept_part_whose_cache_entries_are_gone_still_builds_the_same(data: Path, tmp_path: Path):
    """A kept part's release must be read again for the check across releases when its cache entry was
    replaced or removed: it is built again, and the outputs are those of a cold build."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    assert counts(build(data, out, "--cache", cache)) == (RELEASES, 0, 0)
    for entry in (cache / "releases").iterdir():  # what the last check across releases recorded stays
        entry.unlink()
    _drop_a_participant(card_of(data, 5))
    changed = build(data, out, "--cache", cache)
    assert changed.returncode == 0, changed.stderr[-2000:]
    cold = build(data, tmp_path / "cold", "--no-cache")
    assert files(out) == files(tmp_path / "cold")
    assert _report(changed) == _report(cold)


def test_changing_the_registry_rebuilds_every_release(data: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    assert counts(build(data, tmp_path / "one", "--cache", cache)) == (RELEASES, 0, 0)
    persons = data / "registry" / "persons.yaml"
    persons.write_text(persons.read_text(encoding="utf-8")
                       + "  - {id: new-person, type: person, labels: {ru: Новое Лицо, en: New Person}}\n",
                       encoding="utf-8")
    assert counts(build(data, tmp_path / "two", "--cache", cache)) == (RELEASES, 0, 0)


def test_changing_the_shapes_rebuilds_every_release(data: Path, tmp_path: Path):
    from migkg.build.corpus import build_corpus
    from migkg.build.pipeline import Toolkit

    ontology = Path(shutil.copytree(ROOT / "ontology", tmp_path / "ontology"))
    cache = tmp_path / "cache"
    assert build_corpus(data, None, Toolkit.load(ontology=ontology), cache_dir=cache).built == RELEASES
    assert build_corpus(data, None, Toolkit.load(ontology=ontology), cache_dir=cache).reused == RELEASES
    shapes = ontology / "shapes.ttl"
    shapes.write_text(shapes.read_text(encoding="utf-8") + "\n# a comment is a change too\n", encoding="utf-8")
    again = build_corpus(data, None, Toolkit.load(ontology=ontology), cache_dir=cache)
    assert (again.built, again.reused) == (RELEASES, 0)


def _break_a_quote(card: Path) -> int:
    """Make the card's first quote cite words that are not in the source; return the line it is on."""
    text = card.read_text(encoding="utf-8")
    found = re.search(r"kind: \{kind: (?:press-release|news-item), evidence: (\"[^\"]+\"|[^}]+)\}", text)
    card.write_text(text[:found.start(1)] + '"words that are not in the text"' + text[found.end(1):],
                    encoding="utf-8")
    return text.count("\n", 0, found.start()) + 1


def test_a_broken_release_among_many_is_reported_with_its_location_and_the_rest_are_checked(data: Path,
                                                                                         tmp_path: Path):
    card = card_of(data, 3)
    line = _break_a_quote(card)
    out, cache = tmp_path / "out", tmp_path / "cache"
    done = build(data, out, "--cache", cache)
    assert done.returncode == 2, done.stderr[-2000:]
    assert f"{card}:{line}: release.kind.evidence: the quote 'words that are not in the text' is not in the " \
           f"source text" in done.stderr
    assert f"error: 1 of {RELEASES} release(s) failed ({RELEASES - 1} built, 0 reused from the cache); " \
           f"nothing was written to {out}" in done.stderr
    assert "--keep-going" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()

    kept = build(data, out, "--cache", cache, "--keep-going")
    assert kept.returncode == 0, kept.stderr[-2000:]
    assert counts(kept) == (0, RELEASES - 1, 1)  # the others were built and cached by the failed run
    assert f"left out: {card.parent.name}: {card}:{line}: release.kind.evidence:" in kept.stderr
    graphs = {q.graph_name.value for q in nquads(out)}
    assert not any(card.parent.name in g for g in graphs)
    assert sum(card_of(data, i).parent.name in "".join(graphs) for i in range(RELEASES)) == RELEASES - 1
    void = (out / "void.ttl").read_text(encoding="utf-8")
    assert card.parent.name not in void


def test_a_release_that_violates_the_shapes_fails_the_build_or_is_left_out(data: Path, tmp_path: Path):
    card = card_of(data, 4)
    text = card.read_text(encoding="utf-8")
    # a stated count about a state, not about an event: the card is well formed, the graph is not
    card.write_text(re.sub(r"(- id: count-of-governments\n +about: )\S+", r"\g<1>KAZ", text), encoding="utf-8")
    out = tmp_path / "out"
    failed = build(data, out, "--no-cache")
    assert failed.returncode == 1, failed.stderr[-2000:]
    assert "Violation:" in failed.stderr and "migsh:CountClaim-event" in failed.stderr
    claim_line = 1 + text.splitlines().index("  - id: count-of-governments")
    assert re.search(rf"Violation: {re.escape(str(card))}:{claim_line}: claims\[\d+\]: <[^>]*/claim/count-of-governments>",
                     failed.stderr), failed.stderr[-2000:]  # the card's line first, for its author
    assert "nothing was written" in failed.stderr and not out.exists()
    kept = build(data, out, "--no-cache", "--keep-going")
    assert kept.returncode == 0, kept.stderr[-2000:]
    assert f"left out: {card.parent.name}:" in kept.stderr
    assert counts(kept) == (RELEASES, 0, 1)


def test_a_release_left_out_stays_left_out_when_its_part_is_kept(data: Path, tmp_path: Path):
    """--keep-going, a release that violates the shapes, then another card (in another year) changed: the
    violating release's part is kept, and the release is still reported and left out, as in a cold build."""
    bad = card_of(data, 4)
    bad.write_text(re.sub(r"(- id: count-of-governments\n +about: )\S+", r"\g<1>KAZ", bad.read_text(encoding="utf-8")),
                   encoding="utf-8")
    other = next(card_of(data, i) for i in range(RELEASES) if card_of(data, i).parent.name[:4] != bad.parent.name[:4])
    cache, out = tmp_path / "cache", tmp_path / "out"
    first = build(data, out, "--cache", cache, "--keep-going")
    assert first.returncode == 0 and f"left out: {bad.parent.name}:" in first.stderr, first.stderr[-2000:]
    kept = out / f"migkg-{bad.parent.name[:4]}.nq"
    inode = kept.stat().st_ino
    _drop_a_participant(other)
    again = build(data, out, "--cache", cache, "--keep-going")
    cold = build(data, tmp_path / "cold", "--no-cache", "--keep-going")
    assert again.returncode == 0, again.stderr[-2000:]
    assert kept.stat().st_ino == inode  # the part of the release left out was kept as it was
    assert f"left out: {bad.parent.name}:" in again.stderr
    assert counts(again)[2] == 1 and _report(again) == _report(cold)
    assert files(out) == files(tmp_path / "cold")


def test_without_a_terminal_there_is_no_progress_bar(cold):
    done, _out = cold
    assert done.returncode == 0
    assert "releases/s" not in done.stderr and "\r" not in done.stderr


def test_the_library_and_the_command_line_give_the_same_quads(corpus: Path, cold):
    from migkg.build.pipeline import build_dataset
    from migkg.mapping.terms import quads

    done, out = cold
    assert done.returncode == 0
    written = set(nquads(out))
    in_memory = set(quads(build_dataset(corpus).graphs))
    assert written == in_memory


def test_the_dataset_statistics_are_exact(cold):
    """void.ttl's counts, summed release by release, are what counting over the whole dataset gives.

    Counted over the terms as the files write them: an Oxigraph store would fold literals of the integer
    types into xsd:integer ("3"^^xsd:positiveInteger, a meeting's number, and "3"^^xsd:nonNegativeInteger,
    a count, into one term), while VoID counts distinct RDF terms."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF, VOID

    done, out = cold
    assert done.returncode == 0
    written = nquads(out)  # the dump parts alone: the statistics describe them, not the description itself
    triples = {(q.subject, q.predicate, q.object) for q in written}
    void = Graph().parse(out / "void.ttl")
    dataset = URIRef("https://w3id.org/migkg/dataset")
    assert int(void.value(dataset, VOID.triples)) == len(triples)
    assert int(void.value(dataset, VOID.distinctSubjects)) == len({s for s, _p, _o in triples})
    assert int(void.value(dataset, VOID.distinctObjects)) == len({o for _s, _p, o in triples})
    assert int(void.value(dataset, VOID.properties)) == len({p for _s, p, _o in triples})
    members: dict[str, set[object]] = {}
    for s, p, o in triples:
        if p.value == str(RDF.type):
            members.setdefault(o.value, set()).add(s)
    partitions = {str(void.value(p, VOID["class"])): int(void.value(p, VOID.entities))
                  for p in void.objects(dataset, VOID.classPartition)}
    assert partitions == {c: len(subjects) for c, subjects in members.items()}
