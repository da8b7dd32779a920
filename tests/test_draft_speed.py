"""The drafter's speed work: indexes kept on disk (migkg.index_cache), and models loaded with less work.

Each test gives the cache a folder of its own (MIGKG_CACHE_DIR), so nothing here reads the user's cache.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from migkg import index_cache
from migkg.cards.registry import geonames_cities


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MIGKG_CACHE_DIR", str(folder))
    return folder


def _builder(value, calls: list[int]):
    def build():
        calls.append(1)
        return value
    return build


def _cached(kind, inputs, build, sources=()):
    return index_cache.cached(kind, inputs, build, libraries=("pyyaml",), sources=sources)


def test_an_entry_is_built_once_then_read_back_as_json(cache_dir: Path):
    calls: list[int] = []
    built = _cached("colours", ["red", "blue"], _builder({"b": ("x", 1), "a": ["y"]}, calls))
    read = _cached("colours", ["red", "blue"], _builder({"b": ("x", 1), "a": ["y"]}, calls))
    assert calls == [1]
    assert built == read == {"b": ["x", 1], "a": ["y"]}  # tuples as lists both times
    assert list(read) == ["b", "a"]  # a dict keeps its order
    assert len(list(cache_dir.glob("colours-*.json"))) == 1


def test_other_inputs_or_other_rules_are_another_entry(cache_dir: Path, tmp_path: Path):
    rules = tmp_path / "rules.py"
    rules.write_text("A = 1\n", encoding="utf-8")
    calls: list[int] = []
    _cached("shapes", ["square"], _builder([1], calls), (rules,))
    _cached("shapes", ["circle"], _builder([2], calls), (rules,))
    assert calls == [1, 1]
    index_cache.environment_digest.cache_clear()
    rules.write_text("A = 2\n", encoding="utf-8")
    assert _cached("shapes", ["square"], _builder([3], calls), (rules,)) == [3]  # a changed rule is a new key
    assert calls == [1, 1, 1]
    assert len(list(cache_dir.glob("shapes-*.json"))) == 3


def test_an_edited_or_torn_entry_is_not_read(cache_dir: Path):
    calls: list[int] = []
    _cached("sizes", ["s"], _builder(["small"], calls))
    (entry,) = cache_dir.glob("sizes-*.json")
    stored = json.loads(entry.read_text(encoding="utf-8"))
    stored["payload"] = ["huge"]  # the checksum no longer fits
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert _cached("sizes", ["s"], _builder(["small"], calls)) == ["small"]
    entry.write_bytes(entry.read_bytes()[:20])  # half a file
    assert _cached("sizes", ["s"], _builder(["small"], calls)) == ["small"]
    assert calls == [1, 1, 1]
    assert json.loads(entry.read_text(encoding="utf-8"))["payload"] == ["small"]  # and it was written anew


def test_an_entry_under_another_key_is_not_read(cache_dir: Path):
    calls: list[int] = []
    _cached("names", ["a"], _builder(["first"], calls))
    _cached("names", ["b"], _builder(["second"], calls))
    first, second = sorted(cache_dir.glob("names-*.json"), key=lambda p: json.loads(p.read_text("utf-8"))["payload"])
    second.write_bytes(first.read_bytes())  # a file copied under another name
    assert _cached("names", ["b"], _builder(["second"], calls)) == ["second"]
    assert calls == [1, 1, 1]


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MIGKG_CACHE_DIR", "off")
    calls: list[int] = []
    assert _cached("off", [1], _builder((1, 2), calls)) == [1, 2]
    assert _cached("off", [1], _builder((1, 2), calls)) == [1, 2]
    assert calls == [1, 1]
    assert index_cache.cache_folder() is None


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MIGKG_CACHE_DIR", str(blocker / "cache"))
    assert _cached("nowhere", [1], lambda: {"k": 1}) == {"k": 1}


def test_the_default_folder_is_the_users_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("MIGKG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert index_cache.cache_folder() == tmp_path / "xdg" / "migkg"


def test_geonames_look_ups_are_kept(cache_dir: Path):
    almaty, nowhere = 1526384, 999999999
    assert geonames_cities([almaty, nowhere, almaty]) == {almaty: {"name": "Almaty", "countrycode": "KZ"}}
    (entry,) = cache_dir.glob("geonames-cities-*.json")
    assert json.loads(entry.read_text("utf-8"))["payload"] == {str(almaty): {"name": "Almaty", "countrycode": "KZ"}}
    assert geonames_cities([almaty, nowhere]) == {almaty: {"name": "Almaty", "countrycode": "KZ"}}
    assert geonames_cities([]) == {}


def test_russian_phrase_keys_are_the_same_built_or_read(cache_dir: Path):
    from migkg.draft import russian

    phrases = ["Правительство Республики Казахстан", "Международная организация по миграции", "МОМ"]
    built = russian.phrase_keys(phrases)
    assert len(list(cache_dir.glob("ru-phrase-keys-*.json"))) == 1
    read = russian.phrase_keys(phrases)
    assert read == built == russian._phrase_keys(phrases)
    assert all(isinstance(surface, tuple) and isinstance(lemmas, tuple) for surface, lemmas in read)
    assert built[0][1][0] == "правительство"


def test_state_adjectives_are_the_same_built_or_read(cache_dir: Path):
    from migkg.draft.gazetteer import _state_adjectives, _unshared, state_adjective_names, state_names

    state_adjective_names.cache_clear()
    try:
        built = state_adjective_names("en")
        state_adjective_names.cache_clear()
        read = state_adjective_names("en")
    finally:
        state_adjective_names.cache_clear()
    assert read == built == _unshared(_state_adjectives("en", state_names()))
    assert "Kazakh" in read["KAZ"]


def test_the_embedding_makes_its_similarity_tables_on_first_use():
    from migkg.draft.russian import _news_embedding

    embedding = _news_embedding()
    assert "norm" not in vars(embedding.pq)  # not made on load: the taggers never read it
    assert embedding.sim("мир", "мир") == pytest.approx(1.0, abs=1e-5)
    assert "norm" in vars(embedding.pq)
