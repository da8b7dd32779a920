"""The synthetic corpus (:mod:`migkg.synthetic`) keeps the promises the benchmarks and scale tests rely on."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from migkg import synthetic
from migkg.cards.models import date_precision


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path):
    first = files_of(synthetic.generate(tmp_path / "first", 6, seed=5))
    again = files_of(synthetic.generate(tmp_path / "again", 6, seed=5))
    other = files_of(synthetic.generate(tmp_path / "other", 6, seed=6))
    assert first == again
    assert first != other


def test_a_small_corpus_is_the_start_of_a_larger_one(tmp_path: Path):
    small = files_of(synthetic.generate(tmp_path / "small", 4, seed=1) / "releases")
    large = files_of(synthetic.generate(tmp_path / "large", 30, seed=1) / "releases")
    assert len(small) == 2 * 4 and len(large) == 2 * 30  # source.txt and card.yaml each
    assert {name: large[name] for name in small} == small


def test_the_command_writes_the_corpus(tmp_path: Path):
    done = subprocess.run([sys.executable, "-m", "migkg.synthetic", str(tmp_path / "data"), "--releases", "3"],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "data" / "releases").glob("*/card.yaml"))) == 3
    assert sorted(p.name for p in (tmp_path / "data" / "registry").iterdir()) == [
        "organisations.yaml", "persons.yaml", "places-and-processes.yaml", "posts.yaml", "states.yaml"]


NEW_KINDS = {  # the kinds of card entry of issue 12 (migkg.cards.facts.FACT_KINDS), each with what the corpus says
    "publisher", "author", "relay", "place-in-state", "event-period", "meeting-of", "event-number", "part-of",
    "purpose", "position", "handover", "membership", "document", "document-kind", "document-name", "adoption",
    "party-group", "speaker-group", "grouping", "event-attendance"}


@pytest.fixture(scope="module")
def fifty(tmp_path_factory) -> Path:
    return synthetic.generate(tmp_path_factory.mktemp("fifty") / "data", 50, seed=0)


def test_fifty_releases_use_every_new_kind_of_entry(fifty: Path):
    from migkg.cards.evidence import resolve_card
    from migkg.cards.facts import walk
    from migkg.cards.models import (
        Adoption,
        Claim,
        DateFact,
        Fact,
        GroupRef,
        Handover,
        Membership,
        ProcessPosition,
        Release,
    )
    from migkg.cards.release import load_release, release_folders

    kinds: set[str] = set()
    seen: set[str] = set()
    for folder in release_folders(fifty / "releases"):
        loaded = load_release(folder)
        resolve_card(loaded)  # every quote is words of the text
        for entry in walk(loaded.card):
            kinds.add(entry.kind.name)
            value = entry.value
            if isinstance(value, Fact) and value.supplied:
                seen.add(f"supplied {entry.kind.name}")
            if isinstance(value, DateFact) and entry.kind.name == "event-date":
                seen.add(f"event date to the {date_precision(value.date)}")
            if isinstance(value, Release):
                seen |= {f"release {value.kind.kind}"} | ({"release url"} if value.url else set())
            if isinstance(value, ProcessPosition | Membership | Handover):
                seen |= {f"{entry.kind.name} {name}" for name in ("at_event", "on", "period")
                         if getattr(value, name, None) is not None}
            if isinstance(value, ProcessPosition):
                seen.add(f"position {value.position}")
            if isinstance(value, Membership):
                seen.add(f"membership {value.status}")
            if isinstance(value, Handover) and value.previous is None:
                seen.add("handover with no previous holder")
            if isinstance(value, Adoption):
                seen.add(f"adoption {value.action}")
            if isinstance(value, GroupRef) and entry.kind.name == "speaker-group":
                seen.add(f"speakers: {value.group}")
            if isinstance(value, Claim) and value.qualifier:
                seen.add(f"count {value.qualifier}")
    assert kinds >= NEW_KINDS, NEW_KINDS - kinds
    expected = {
        "supplied release-issued", "supplied publisher", "release press-release", "release news-item", "release url",
        "event date to the day", "event date to the month", "event date to the year",
        "position at_event", "position period", "membership at_event", "membership on", "membership period",
        "handover at_event", "handover with no previous holder",
        "position chair", "position co-chair", "position secretariat-host",
        "membership member", "membership observer", "membership partner",
        "adoption adopted", "adoption signed", "adoption endorsed",
        "speakers: participants", "speakers: meeting", "speakers: officials", "count more-than"}
    assert seen >= expected, expected - seen


def test_fifty_releases_of_every_new_kind_build_with_no_violation(fifty: Path, tmp_path: Path):
    done = subprocess.run([sys.executable, "-m", "migkg", "build", "--data", str(fifty), "--out", str(tmp_path / "out"),
                           "--no-cache"], capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Violation:" not in done.stderr
    assert re.search(r"^0 violation\(s\)", done.stderr, flags=re.M), done.stderr[-2000:]
    assert "(50 built, 0 reused from the cache, 0 failed" in done.stderr
    # a meeting held online says so in every report of it, and "more than N" holds for the list: no warning of theirs
    assert "attendance-mode" not in done.stderr and "states a count of more than" not in done.stderr
