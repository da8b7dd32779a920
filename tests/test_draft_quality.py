"""`migkg draft` on real and test releases: the drafts load, build, and reach the quality the issue asks.

Each case drafts a release's raw text with the real registry (data/registry), writes the
draft, loads it as the build will once reviewed, and compares it with the hand-written
card of the same text (docs/drafting.md gives the matching rules). The thresholds are the
issue's: recall >= 0.9 for states, organisations, persons, contacts and direct quotes;
>= 0.7 for posts, roles in the event and reported statements; precision >= 0.9 overall.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from migkg.build.pipeline import build_dataset
from migkg.draft import DRAFT_NAME, META_NAME, PROPOSALS_NAME, draft_release, load_draft, write_draft
from migkg.draft.evaluate import CardWithSpans, Evaluation, evaluate
from migkg.draft.loading import load_card_file, registry_of
from migkg.errors import InputError
from migkg.schema.resources import ontology_dir
from migkg.schema.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "draft"
SEED = ROOT / "data" / "releases" / "2013-06-05-unhcr-iom-almaty-ministerial"
ENGLISH = FIXTURES / "en-release"
HELD_OUT = FIXTURES / "ru-heldout"
HELD_OUT_EN = FIXTURES / "en-heldout"

RECALL_HIGH = ("states", "organisations", "persons", "contacts", "direct quotes")
RECALL_MEDIUM = ("posts", "roles in the event", "reported statements")


@dataclass(frozen=True)
class Case:
    name: str
    reviewed_card: Path
    language: str
    extra_registry: Path | None


CASES = {
    "seed (ru)": Case("seed (ru)", SEED / "card.yaml", "ru", None),
    "English test release": Case("English test release",
                                 ENGLISH / "releases" / "2024-11-14-iom-unhcr-bishkek-ministerial" / "card.yaml",
                                 "en", ENGLISH / "registry"),
    "held-out Russian test release": Case("held-out Russian test release",
                                          HELD_OUT / "releases" / "2015-11-18-iom-ashgabat-ministerial" / "card.yaml",
                                          "ru", HELD_OUT / "registry"),
    "held-out English test release": Case("held-out English test release",
                                          HELD_OUT_EN / "releases" / "2022-09-22-iom-tashkent-ministerial" / "card.yaml",
                                          "en", HELD_OUT_EN / "registry"),
}


@dataclass
class Drafted:
    case: Case
    folder: Path
    evaluation: Evaluation


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary(ontology_dir())


@pytest.fixture(scope="module")
def drafted(tmp_path_factory, vocabulary) -> dict[str, Drafted]:
    """Every case drafted once (with the real registry only), written, loaded back and evaluated."""
    results = {}
    registry_dir = ROOT / "data" / "registry"
    for case in CASES.values():
        source = case.reviewed_card.parent / "source.txt"
        raw = source.read_bytes()
        folder = tmp_path_factory.mktemp("draft") / "releases" / f"draft-{case.language}"
        files = draft_release(raw.decode("utf-8"), raw, folder.name, case.language, registry_dir, vocabulary)
        write_draft(folder, raw, files)
        loaded, draft_registry = load_draft(folder, [registry_dir], vocabulary)
        reviewed_registry = registry_of([registry_dir] + ([case.extra_registry] if case.extra_registry else []))
        reviewed = load_card_file(case.reviewed_card, reviewed_registry, vocabulary)
        results[case.name] = Drafted(case, folder, evaluate(CardWithSpans(loaded.card, draft_registry),
                                                            CardWithSpans(reviewed.card, reviewed_registry)))
    return results


@pytest.mark.parametrize("name", list(CASES))
def test_the_draft_reaches_the_issues_figures(drafted, name):
    evaluation = drafted[name].evaluation
    print(f"\n{name}\n{evaluation.table()}")
    for kind in RECALL_HIGH:
        assert evaluation.row(kind).recall >= 0.9, f"{name}: recall of {kind}\n{evaluation.table()}"
    for kind in RECALL_MEDIUM:
        assert evaluation.row(kind).recall >= 0.7, f"{name}: recall of {kind}\n{evaluation.table()}"
    assert evaluation.row("overall").precision >= 0.9, f"{name}: overall precision\n{evaluation.table()}"


def test_the_english_draft_proposes_the_actors_the_registry_lacks(drafted):
    proposals = YAML(typ="safe").load((drafted["English test release"].folder / PROPOSALS_NAME).read_text("utf-8"))
    by_id = {e["id"]: e for e in proposals["entries"]}
    assert by_id["UZB"]["labels"] == {"ru": "Узбекистан", "en": "Uzbekistan"}  # from pycountry
    assert by_id["kgz-government"]["part_of"] == "KGZ"
    assert {"helena-marsh", "tomas-lindqvist", "european-union", "bishkek"} <= set(by_id)
    posts = [e for e in proposals["entries"] if e["type"] == "post"]
    assert {p["organisation"] for p in posts} >= {"unhcr"}


def test_every_drafted_fact_says_how_it_was_found_and_how_sure_the_drafter_is(drafted):
    folder = drafted["seed (ru)"].folder
    card_text = (folder / DRAFT_NAME).read_text("utf-8")
    meta = YAML(typ="safe").load((folder / META_NAME).read_text("utf-8"))
    notes = re.findall(r"\[drafted: (.+?); confidence (\d\.\d\d)\]", re.sub(r"\s+", " ", card_text))
    assert len(notes) == len(meta["facts"]) > 40
    assert all(0 < float(c) <= 1 for _, c in notes)
    assert all(0 < f["confidence"] <= 1 and f["method"] and f["path"] for f in meta["facts"])


def _data_with(drafts: list[Path], extra: list[Path], tmp_path: Path, rename: bool) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    for folder in drafts:
        target = data / "releases" / folder.name
        shutil.copytree(folder, target)
        if rename:
            (target / DRAFT_NAME).rename(target / "card.yaml")
            shutil.copyfile(target / PROPOSALS_NAME, data / "registry" / f"zz-{folder.name}.yaml")
    for folder in extra:
        for path in folder.glob("*.yaml"):
            shutil.copyfile(path, data / "registry" / path.name)
    return data


def test_reviewed_drafts_build_into_a_graph_that_conforms(drafted, tmp_path):
    """Renamed to card.yaml as they are (as if accepted without change), the drafts build and validate."""
    folders = [drafted[name].folder for name in ("seed (ru)", "English test release")]
    result = build_dataset(_data_with(folders, [], tmp_path, rename=True))
    assert result.report.conforms, [i.message for i in result.report.violations]
    built = {r.release_id for r in result.releases}
    assert {"draft-ru", "draft-en"} <= built


def test_an_unreviewed_draft_is_never_built(drafted, tmp_path):
    """A folder holding only card.draft.yaml is not published: the build stops on it, or skips it."""
    data = _data_with([drafted["seed (ru)"].folder], [], tmp_path, rename=False)
    try:
        result = build_dataset(data)
    except InputError as err:
        assert "draft-ru" in err.message and "card.yaml" in err.message
    else:
        assert "draft-ru" not in {r.release_id for r in result.releases}
        assert not any("draft-ru" in str(iri) for iri in result.graphs)


def test_drafting_is_deterministic(drafted, vocabulary):
    case = CASES["English test release"]
    raw = (case.reviewed_card.parent / "source.txt").read_bytes()
    again = draft_release(raw.decode("utf-8"), raw, "draft-en", "en", ROOT / "data" / "registry", vocabulary)
    folder = drafted["English test release"].folder
    assert again.card == (folder / DRAFT_NAME).read_text("utf-8")
    assert again.proposals == (folder / PROPOSALS_NAME).read_text("utf-8")
    assert again.meta == (folder / META_NAME).read_text("utf-8")
