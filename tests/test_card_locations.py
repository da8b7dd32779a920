"""A validation issue points at the card entry that stated its focus node (migkg.validation.card_locations).

Every fact the seed card states is found again in the card from its IRI alone, at an entry
that holds the ids the IRI was made from; the seed's one warning, and a violation, are printed
with the card's path and line first.
"""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor

from migkg.build.pipeline import build_dataset
from migkg.cards.release import load_release
from migkg.cards.yamlfile import line_of, read_text, read_yaml_text
from migkg.mapping.iris import Iris
from migkg.mapping.terms import to_rdflib
from migkg.validation.card_locations import anchored, card_entry, located
from migkg.validation.reports import Issue

RELEASE = "2013-06-05-unhcr-iom-almaty-ministerial"
IRIS = Iris()


@pytest.fixture(scope="module")
def seed():
    return build_dataset("data")


@pytest.fixture(scope="module")
def card(repo_root: Path):
    """The seed card read by ruamel's round-trip loader (dates as text, as migkg reads them): the reference
    for data and lines, independent of migkg's reader."""
    class DatesAsText(RoundTripConstructor):
        pass

    DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)
    reader = YAML(typ="rt")
    reader.Constructor = DatesAsText
    return reader.load(read_text(repo_root / "data" / "releases" / RELEASE / "card.yaml"))


def ruamel_line(tree, path) -> int | None:
    """The 1-based line ruamel gives the entry at ``path`` (of its key, or of its list item): the deepest one found."""
    line = None
    for key in path:
        if isinstance(tree, CommentedMap) and key in tree:
            line, tree = tree.lc.key(key)[0] + 1, tree[key]
        elif isinstance(tree, CommentedSeq) and isinstance(key, int) and 0 <= key < len(tree):
            line, tree = tree.lc.item(key)[0] + 1, tree[key]
        else:
            break
    return line


@pytest.fixture(scope="module")
def model(repo_root: Path):
    """The seed card as the build reads it (migkg.cards.models.Card)."""
    return load_release(repo_root / "data" / "releases" / RELEASE).card


def at(tree, path):
    for key in path:
        tree = tree[key]
    return tree


def test_every_fact_of_the_seed_is_found_at_the_entry_that_holds_its_ids(seed, card, model):
    prefix = IRIS.release(RELEASE).value + "/"
    facts = {str(s) for s in seed.graphs[to_rdflib(IRIS.release_graph(RELEASE))].subjects() if str(s).startswith(prefix)
             and not str(s).startswith(IRIS.text(RELEASE).value)}
    assert len(facts) > 50, "the seed's facts were not found"
    kinds = set()
    for fact in sorted(facts):
        entry = card_entry(model, fact, IRIS)
        assert entry is not None, f"{fact}: no card entry"
        kind, _, key = fact[len(prefix):].partition("/")
        kinds.add(kind)
        stated = at(card, entry)
        parts = key.split("--")
        if kind in ("claim", "statement"):
            assert entry[0] == kind + "s" and stated["id"] == parts[0]
        elif kind == "participation":
            assert at(card, entry[:2])["id"] == parts[0]
            assert (stated["role"], stated["agent"]) == (parts[1], parts[2])
        elif kind == "post-holding":
            assert (stated["person"], stated["post"], stated["at_event"]) == tuple(parts)
        elif kind == "contact":
            assert entry[:2] == ("release", "contacts") and stated["person"] == parts[0]
        elif kind == "launch":
            assert at(card, entry[:2])["id"] == parts[0] and entry[-1] == "launched_at"
        elif kind == "attestation":
            assert entry[0] in ("release", "events", "processes")
            assert entry[-1] == {"type": "kind"}.get(parts[-1], parts[-1])
            if entry[0] != "release":
                assert at(card, entry[:2])["id"] == parts[1]
    # the seed exercises every kind of fact its card can state
    assert {"claim", "statement", "participation", "post-holding", "launch", "contact", "attestation"} <= kinds


def test_the_release_and_its_events_are_found_and_a_registry_entity_is_not(card, model):
    assert card_entry(model, IRIS.release(RELEASE).value, IRIS) == ("release",)
    event = card["events"][0]["id"]
    assert card_entry(model, IRIS.event(event).value, IRIS) == ("events", 0)
    assert card_entry(model, IRIS.entity("state", "KAZ").value, IRIS) is None
    assert card_entry(model, IRIS.fact(RELEASE, "claim", "no-such-claim").value, IRIS) is None
    assert card_entry(model, IRIS.text(RELEASE).value + "#char=0,5", IRIS) is None


def issue(focus: str) -> Issue:
    return Issue("Warning", IRIS.release_graph(RELEASE).value, f"<{focus}>", "", "m", "s")


def test_an_issue_is_located_at_its_entry_or_else_at_its_card(repo_root: Path, card):
    release = load_release(repo_root / "data" / "releases" / RELEASE)
    claim_iri = IRIS.fact(RELEASE, "claim", "count-of-governments").value
    claim, kaz = located([issue(claim_iri), issue(IRIS.entity("state", "KAZ").value)], release, IRIS)
    index = next(i for i, c in enumerate(card["claims"]) if c["id"] == "count-of-governments")
    line = ruamel_line(card, ("claims", index))
    assert claim.where == f"card.yaml:{line}: claims[{index}]"  # cached so, relative to the release folder
    assert claim == replace(issue(claim_iri), where=claim.where)  # nothing else changed
    assert kaz.where == "card.yaml"  # an actor of the registry: the card, without a line
    claim, kaz = anchored([claim, kaz], release.folder)
    assert (claim.where, kaz.where) == (f"{release.card_path}:{line}: claims[{index}]", str(release.card_path))


def test_without_the_card_text_the_entry_is_still_named_without_a_line(repo_root: Path, card):
    release = load_release(repo_root / "data" / "releases" / RELEASE)
    release.card_text = None
    [claim] = located([issue(IRIS.fact(RELEASE, "claim", "count-of-governments").value)], release, IRIS)
    index = next(i for i, c in enumerate(card["claims"]) if c["id"] == "count-of-governments")
    assert claim.where == f"card.yaml: claims[{index}]"


def test_ids_holding_double_hyphens_are_matched_as_they_were_joined(model):
    event, role, claim = model.events[0], model.events[0].roles[0], model.claims[0]
    card = model.model_copy(update={
        "events": [event.model_copy(update={"id": "e", "roles": []}),
                   event.model_copy(update={"id": "e-", "roles": [role.model_copy(update={"role": "opener",
                                                                                           "agent": "kz--mfa"})]})],
        "claims": [claim.model_copy(update={"id": "c"}), claim.model_copy(update={"id": "c--1"})]})
    assert card_entry(card, IRIS.fact(RELEASE, "claim", "c--1").value, IRIS) == ("claims", 1)
    assert card_entry(card, IRIS.fact(RELEASE, "attestation", "event", "e-", "name").value, IRIS) == ("events", 1, "name")
    assert card_entry(card, IRIS.fact(RELEASE, "attestation", "event", "e", "name").value, IRIS) == ("events", 0, "name")
    assert card_entry(card, IRIS.fact(RELEASE, "participation", "e-", "opener", "kz--mfa").value, IRIS) \
        == ("events", 1, "roles", 0)


def test_a_cache_filled_from_another_copy_of_the_data_names_this_copys_card(run_migkg, seed_data: Path, tmp_path: Path):
    other = Path(shutil.copytree(seed_data, tmp_path / "other"))
    cache = tmp_path / "cache"
    first = run_migkg("build", "--data", seed_data, "--out", tmp_path / "one", "--cache", cache)
    again = run_migkg("build", "--data", other, "--out", tmp_path / "two", "--cache", cache)
    assert first.returncode == again.returncode == 0, again.stderr[-2000:]
    assert "0 built, 1 reused from the cache" in again.stdout + again.stderr
    [warning] = [w for w in (again.stdout + again.stderr).splitlines() if w.startswith("Warning:")]
    assert warning.startswith(f"Warning: {other / 'releases' / RELEASE / 'card.yaml'}:")


def test_the_seed_warning_is_printed_with_its_card_line_first(run_migkg, repo_root: Path, tmp_path: Path, card):
    done = run_migkg("build", "--out", tmp_path / "out", "--no-cache")
    assert done.returncode == 0, done.stderr[-2000:]
    index = next(i for i, claim in enumerate(card["claims"]) if claim["id"] == "count-of-governments")
    line = ruamel_line(card, ("claims", index))
    card_path = Path("data") / "releases" / RELEASE / "card.yaml"
    [warning] = [w for w in (done.stdout + done.stderr).splitlines() if w.startswith("Warning:")]
    assert warning.startswith(f"Warning: {card_path}:{line}: claims[{index}]: <{IRIS.fact(RELEASE, 'claim', 'count-of-governments').value}>")
    assert read_text(repo_root / card_path).splitlines()[line - 1].strip() == "- id: count-of-governments"


def test_the_fast_readers_find_each_entry_on_the_line_ruamel_gives(seed, card, model, repo_root: Path):
    """The build reads cards with libyaml (data and lines, migkg.cards.yamlfile); ruamel is the reference."""
    path = repo_root / "data" / "releases" / RELEASE / "card.yaml"
    document = read_yaml_text(read_text(path), path)
    data = document.data
    prefix = IRIS.release(RELEASE).value + "/"
    facts = sorted(str(s) for s in seed.graphs[to_rdflib(IRIS.release_graph(RELEASE))].subjects() if str(s).startswith(prefix))
    entries = {card_entry(model, fact, IRIS) for fact in facts} - {None}
    assert len(entries) > 50
    assert all(at(data, entry) == at(card, entry) for entry in entries)  # the same entries in both readers' data
    for entry in entries:
        assert line_of(document, entry) == ruamel_line(card, entry), entry
