"""The build cache (migkg.build.cache): entries come back only under their own key and whole; the keys change
with everything a release's graph depends on."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from migkg.build.cache import (
    Cache,
    CacheDamaged,
    build_sources,
    code_fingerprint,
    registry_fingerprint,
    release_key,
    toolkit_fingerprint,
)

ROOT = Path(__file__).resolve().parents[1]


def test_an_entry_comes_back_under_its_key_with_its_blobs(tmp_path: Path):
    cache = Cache(tmp_path / "cache")
    cache.put("releases/r1", "key-1", {"issues": []}, {"a": b"first", "b": b"second blob"})
    entry = cache.get("releases/r1", "key-1")
    assert entry is not None and entry.meta == {"issues": []}
    assert entry.read() == {"a": b"first", "b": b"second blob"}
    assert entry.read(["b"]) == {"b": b"second blob"}


def test_an_entry_read_for_its_blobs_alone_gives_them_without_making_its_metadata(tmp_path: Path, monkeypatch):
    from migkg.build import codec
    from migkg.errors import Location

    cache = Cache(tmp_path / "cache")
    cache.put("releases/r1", "key-1", {"where": Location(Path("card.yaml"), 3), "events": (1, 2)},
              {"a": b"first", "b": b"second blob"})
    made: list[int] = []
    real = codec._make
    monkeypatch.setattr(codec, "_make", lambda code, data: made.append(code) or real(code, data))
    entry = cache.get("releases/r1", "key-1", meta=False)
    assert entry is not None and entry.meta == {}
    assert entry.read(["b"]) == {"b": b"second blob"} and entry.read() == {"a": b"first", "b": b"second blob"}
    assert set(made) == {codec._TUPLE}  # the blob table's records only: no Location, no path, no tuple of the metadata
    assert cache.get("releases/r1", "key-2", meta=False) is None
    entry.path.write_bytes(entry.path.read_bytes()[:-3])
    assert cache.get("releases/r1", "key-1", meta=False) is None  # cut short: a miss, as with its metadata



def test_blobs_read_in_one_opening_of_an_entry_are_checked_as_from_the_entry(tmp_path: Path, monkeypatch):
    """``Cache.read`` opens the entry's file once for its table and its blobs: a wrong key or a file cut short is a
    miss, a blob whose bytes changed is damage (the entry is removed), as with ``get`` then ``Entry.read``."""
    cache = Cache(tmp_path / "cache")
    cache.put("releases/r1", "key-1", {"stats": [1, 2]}, {"a": b"first", "b": b"second blob"})
    opened: list[str] = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda path, *a, **k: opened.append(str(path)) or real_open(path, *a, **k))
    assert cache.read("releases/r1", "key-1", ["b"]) == {"b": b"second blob"}
    assert len(opened) == 1
    monkeypatch.undo()
    assert cache.read("releases/r1", "key-2", ["b"]) is None
    assert cache.read("releases/r9", "key-1", ["b"]) is None
    path = tmp_path / "cache" / "releases" / "r1.bin"
    data = path.read_bytes()
    path.write_bytes(data[:-1] + b"X")  # the last byte of blob b
    with pytest.raises(CacheDamaged):
        cache.read("releases/r1", "key-1", ["b"])
    assert not path.exists()
    cache.put("releases/r1", "key-1", {}, {"a": b"first"})
    path.write_bytes(path.read_bytes()[:-2])
    assert cache.read("releases/r1", "key-1", ["a"]) is None and cache.damaged


def test_an_entry_is_stored_again_after_its_folder_was_removed(tmp_path: Path):
    """The cache makes each folder once per process; a folder removed since (by hand) is made again."""
    cache = Cache(tmp_path / "cache")
    cache.put("releases/r1", "key-1", {}, {"a": b"first"})
    shutil.rmtree(tmp_path / "cache")
    cache.put("releases/r2", "key-2", {}, {"a": b"second"})
    entry = cache.get("releases/r2", "key-2")
    assert entry is not None and entry.read() == {"a": b"second"}
    assert cache.get("releases/r1", "key-1") is None


def test_another_key_is_a_miss(tmp_path: Path):
    cache = Cache(tmp_path)
    cache.put("x", "key-1", {}, {"a": b"1"})
    assert cache.get("x", "key-2") is None
    assert cache.get("y", "key-1") is None


def test_an_entry_cut_short_is_a_miss(tmp_path: Path):
    cache = Cache(tmp_path)
    entry = cache.put("x", "key", {}, {"a": b"0123456789"})
    entry.path.write_bytes(entry.path.read_bytes()[:-3])
    assert cache.get("x", "key") is None


def test_nothing_is_created_until_something_is_stored(tmp_path: Path):
    cache = Cache(tmp_path / "cache")
    assert cache.get("x", "key") is None
    assert not (tmp_path / "cache").exists()


def test_entries_of_releases_that_are_gone_are_pruned(tmp_path: Path):
    cache = Cache(tmp_path)
    for name in ("a", "b", "c"):
        cache.put(f"releases/{name}", "k", {}, {})
    cache.prune("releases", {"a", "c"})
    assert sorted(p.stem for p in (tmp_path / "releases").iterdir()) == ["a", "c"]


def test_keys_follow_every_input(tmp_path: Path):
    ontology = Path(shutil.copytree(ROOT / "ontology", tmp_path / "ontology"))
    files = [ontology / "shapes.ttl", ontology / "migkg.ttl"]
    base = toolkit_fingerprint("https://w3id.org/migkg/", files, "compiled")
    assert base == toolkit_fingerprint("https://w3id.org/migkg/", files, "compiled")
    assert base != toolkit_fingerprint("http://example.org/", files, "compiled")
    assert base != toolkit_fingerprint("https://w3id.org/migkg/", files, "pyshacl")
    (ontology / "shapes.ttl").write_text((ontology / "shapes.ttl").read_text() + "\n# changed\n")
    assert base != toolkit_fingerprint("https://w3id.org/migkg/", files, "compiled")
    registry = {Path("states.yaml"): b"entries: []\n"}
    assert registry_fingerprint(registry) != registry_fingerprint({Path("states.yaml"): b"entries: [] \n"})
    assert release_key("ctx", "r", b"card", b"text") != release_key("ctx", "r", b"card", b"text.")
    assert release_key("ctx", "r", b"card", b"text") != release_key("ctx", "r", b"card ", b"text")
    assert release_key("ctx", "r", b"ab", b"c") != release_key("ctx", "r", b"a", b"bc")


def package_copy(tmp_path: Path) -> Path:
    """A copy of migkg's source, to edit without touching the real one."""
    import migkg

    return Path(shutil.copytree(Path(migkg.__file__).parent, tmp_path / "migkg",
                                ignore=shutil.ignore_patterns("__pycache__")))


def test_the_code_key_ignores_code_the_build_does_not_run(tmp_path: Path):
    """A docstring edit in the network pages, the drafter or the command line costs no cold rebuild."""
    package = package_copy(tmp_path)
    before = code_fingerprint(package)
    for name in ("network/html.py", "draft/drafter.py", "cli/build.py", "stores/serve.py", "queries/catalogue.py"):
        path = package / name
        path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
        assert code_fingerprint(package) == before, name


def test_the_code_key_follows_the_code_the_build_runs(tmp_path: Path):
    package = package_copy(tmp_path)
    for name in ("mapping/release.py", "cards/models.py", "schema/rules.py", "validation/shacl/evaluate.py",
                 "build/formats/jsonld.py", "errors.py"):
        before = code_fingerprint(package)
        path = package / name
        path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
        assert code_fingerprint(package) != before, name


def test_the_code_key_covers_every_module_the_build_imports():
    """What importing the build (in-memory, streaming, its workers) loads of migkg is all in the key: a build
    module that starts importing from another package must bring that package into BUILD_CODE."""
    code = ("import sys, migkg.build.pipeline, migkg.build.corpus, migkg.build.parallel\n"
            "print('\\n'.join(m.__file__ for n, m in sys.modules.items() if n.startswith('migkg')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {Path(line).resolve() for line in done.stdout.split()}
    package = Path(sys.modules["migkg.build.cache"].__file__).resolve().parents[1]
    covered = {path.resolve() for path in build_sources(package)} | {package / "__init__.py"}
    assert loaded - covered == set()
    assert len(loaded) > 30


def test_a_copy_of_the_data_built_with_the_same_cache_and_folder_names_its_own_cards(tmp_path: Path, invoke_migkg):
    """The seed's warning (its card's count against the participants listed) is kept with the dump part that
    holds it; a copy of the data elsewhere, built into the same folder with the same cache, keeps that part,
    and the warning must name the copy's card, not the first one's."""
    first, second = (Path(shutil.copytree(ROOT / "data", tmp_path / name)) for name in ("first", "second"))
    out, cache = tmp_path / "build", tmp_path / "cache"
    for data in (first, second):
        done = invoke_migkg("build", "--data", data, "--out", out, "--cache", cache)
        assert done.returncode == 0, done.stderr
        warnings = [line for line in done.stderr.splitlines() if line.startswith("Warning: ")]
        assert len(warnings) == 1 and warnings[0].startswith(f"Warning: {data / 'releases'}/"), warnings
    assert "kept as they were" in done.stdout + done.stderr  # the second build did keep the part


def test_a_parts_outcomes_come_back_from_its_plain_columns(tmp_path: Path):
    """A dump part's entry keeps its releases' outcomes as plain columns and whole records only where they have
    something to report (migkg.build.jobs.compact_outcomes): read back, they are the outcomes written."""
    from migkg.build.jobs import Outcome, compact_outcomes, outcomes_of
    from migkg.errors import Location
    from migkg.validation.reports import Issue
    from migkg.validation.same_event import EventSignature

    events = (EventSignature("e1", 0, "ministerial-conference", "2010-01", "ashgabat", None, None),
              EventSignature("e2", 1, number=3, process="almaty-process"))
    outcomes = [Outcome("r1", tmp_path / "r1", "built", events=events),
                Outcome("r2", tmp_path / "r2", "reused", issues=[Issue("Warning", "g", "<f>", "p", "m", "s")]),
                Outcome("r3", tmp_path / "r3", "failed", errors=[(Location(tmp_path / "r3" / "card.yaml", 3), "bad", None)])]
    cache = Cache(tmp_path / "cache")
    cache.put("parts/2010", "k", {"releases": compact_outcomes(outcomes)}, {})
    entry = cache.get("parts/2010", "k")
    assert entry is not None
    assert len(entry.meta["releases"]["detail"]) == 2  # r1 has nothing to report: no record of its own
    assert outcomes_of(entry.meta["releases"]) == outcomes


def test_the_same_rdflib_term_is_made_once_when_read_back():
    """The SHACL results of thousands of releases name the same IRIs and literals again and again: reading them back
    makes each once (rdflib checks an IRI and casts a literal's value each time it makes one), and equal to what
    was stored."""
    import rdflib

    from migkg.build.codec import pack, unpack

    iri, typed, tagged = (rdflib.URIRef("http://example.org/shape"),
                          rdflib.Literal("2017-11-02", datatype=rdflib.XSD.date), rdflib.Literal("Ashgabat", lang="en"))
    first, second = unpack(pack([[iri, typed, tagged], [iri, typed, tagged]]))
    assert first == second == [iri, typed, tagged]
    assert all(a is b for a, b in zip(first, second, strict=True))
    assert [type(term) for term in first] == [rdflib.URIRef, rdflib.Literal, rdflib.Literal]
    assert first[1].datatype == rdflib.XSD.date and first[2].language == "en"


def test_the_registry_triples_come_back_from_their_blob_as_mapped(tmp_path: Path):
    """The registry's triples kept beside it in the cache (``build.workbench.triples_blob``): the same triples, in the
    same order, as mapping the registry makes them; the entry the build writes holds them."""
    import pyoxigraph as ox
    import pytest

    from migkg.build.corpus import stream
    from migkg.build.toolkit import Toolkit
    from migkg.build.workbench import cached_registry_triples, triples_blob, triples_of_blob
    from migkg.cards.registry import registry_files
    from migkg.mapping.registry import map_registry

    toolkit = Toolkit.load()
    cache = tmp_path / "cache"
    data = Path(__file__).resolve().parent / "fixtures" / "domain"
    _summary, registry = stream(data, toolkit, lambda _cache, _keep: None, cache_dir=cache, workers=1)
    mapped = map_registry(registry, toolkit.iris, toolkit.vocabulary.region_codes)
    assert any(isinstance(o, ox.Literal) and o.language for _s, _p, o in mapped)
    assert any(isinstance(o, ox.Literal) and not o.language for _s, _p, o in mapped)
    assert triples_of_blob(triples_blob(mapped)) == mapped
    context = f"{toolkit.fingerprint}:{registry_fingerprint(registry_files(data / 'registry'))}"
    entry = Cache(cache).get("registry", context)
    assert entry is not None and cached_registry_triples(entry) == mapped
    with pytest.raises(TypeError):
        triples_blob([(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.BlankNode("b"))])
    with pytest.raises(ValueError):
        triples_of_blob(b"\x93\x01")
