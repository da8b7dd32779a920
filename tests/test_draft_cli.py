"""`migkg draft` and `migkg draft-evaluate` as a person runs them, and their clean ends on bad input.

Every run is the real command line (``python -m migkg``). Bad input — an empty file, a
non-UTF-8 file, a 5 MB file — ends with exit status 2 and one clear ``error:`` line naming
the file and the fix; a text with no known actors gives an honest, mostly empty draft that
still loads. No run may show a Python traceback.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from migkg.draft import DRAFT_NAME, META_NAME, PROPOSALS_NAME, load_draft
from migkg.schema.resources import ontology_dir
from migkg.schema.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "releases" / "2013-06-05-unhcr-iom-almaty-ministerial"
ENGLISH = ROOT / "tests" / "fixtures" / "draft" / "en-release"
ENGLISH_CARD = ENGLISH / "releases" / "2024-11-14-iom-unhcr-bishkek-ministerial" / "card.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with the real registry and no releases."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "registry", folder / "registry")
    (folder / "releases").mkdir()
    return folder


def assert_clean(result, status: int) -> None:
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def figures(table: str) -> dict[str, tuple[float, float]]:
    """kind -> (precision, recall) from the printed table ('–' as nan)."""
    rows = {}
    for line in table.splitlines()[1:]:
        parts = line.rsplit(None, 5)
        if len(parts) == 6:
            rows[parts[0].strip()] = tuple(float("nan") if p == "–" else float(p) for p in parts[4:])
    return rows


def test_drafting_the_seed_writes_a_draft_beside_its_source_and_measures_it(invoke_migkg, data):
    result = invoke_migkg("draft", SEED / "source.txt", "--id", "2013-06-05-seed-draft", "--data", data,
                       "--evaluate", SEED / "card.yaml")
    assert_clean(result, 0)
    folder = data / "releases" / "2013-06-05-seed-draft"
    assert sorted(p.name for p in folder.iterdir()) == sorted(["source.txt", DRAFT_NAME, PROPOSALS_NAME, META_NAME])
    assert (folder / "source.txt").read_bytes() == (SEED / "source.txt").read_bytes()
    assert not (folder / "card.yaml").exists()
    assert "guessed" in result.stderr and "card.draft.yaml" in result.stderr
    table = figures(result.stdout)
    assert table["states"][1] >= 0.9 and table["direct quotes"][1] >= 0.9
    assert table["overall"][0] >= 0.9


def test_draft_evaluate_compares_a_draft_folder_with_a_reviewed_card(invoke_migkg, data):
    made = invoke_migkg("draft", ENGLISH_CARD.parent / "source.txt", "--id", "en-draft", "--lang", "en", "--data", data)
    assert_clean(made, 0)
    result = invoke_migkg("draft-evaluate", data / "releases" / "en-draft", ENGLISH_CARD, "--data", data,
                       "--registry", ENGLISH / "registry")
    assert_clean(result, 0)
    table = figures(result.stdout)
    assert table["persons"][1] >= 0.9 and table["posts"][1] >= 0.7 and table["overall"][0] >= 0.9


def test_a_reviewed_card_is_never_replaced_and_a_draft_only_with_force(invoke_migkg, data, tmp_path):
    folder = data / "releases" / "x"
    folder.mkdir()
    (folder / "card.yaml").write_text("card: 1\n", encoding="utf-8")
    result = invoke_migkg("draft", SEED / "source.txt", "--id", "x", "--data", data)
    assert_clean(result, 2)
    assert "card.yaml" in result.stderr and "Fix:" in result.stderr
    assert (folder / "card.yaml").read_text(encoding="utf-8") == "card: 1\n"

    (folder / "card.yaml").unlink()
    (folder / DRAFT_NAME).write_text("# under review\n", encoding="utf-8")
    result = invoke_migkg("draft", SEED / "source.txt", "--id", "x", "--data", data)
    assert_clean(result, 2)
    assert "--force" in result.stderr
    assert (folder / DRAFT_NAME).read_text(encoding="utf-8") == "# under review\n"


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "is empty"),
    ("cp1251.txt", "ПРЕСС РЕЛИЗ\n\nАлматы 5 июня 2013".encode("cp1251"), "is not valid UTF-8"),
    ("huge.txt", None, "migkg draft takes texts of up to 100,000 bytes"),
])
def test_bad_files_end_with_one_clear_message(invoke_migkg, data, tmp_path, *, name, content, message):
    source = tmp_path / name
    if content is None:  # 5 MB of release-like text
        paragraph = ("Алматы 5 июня 2013 – Страны, принявшие сегодня участие в конференции, "
                     "согласились расширять региональный диалог. ") * 20 + "\n\n"
        source.write_text(paragraph * (5_000_000 // len(paragraph.encode("utf-8")) + 1), encoding="utf-8")
        assert source.stat().st_size >= 5_000_000
    else:
        source.write_bytes(content)
    result = invoke_migkg("draft", source, "--id", "bad", "--data", data)
    assert_clean(result, 2)
    assert result.stderr.startswith(f"error: {source}") and message in result.stderr and "Fix:" in result.stderr
    assert not (data / "releases" / "bad").exists()


def test_a_text_with_no_known_actors_gives_an_honest_mostly_empty_draft(invoke_migkg, data, tmp_path):
    source = tmp_path / "bakery.txt"
    source.write_text("Village bakery opens a second shop\n\nSpringfield, 3 March 2021 – The village bakery "
                      "opened its second shop today. \"We are happy to serve more neighbours,\" the owner said.\n",
                      encoding="utf-8")
    result = invoke_migkg("draft", source, "--id", "bakery", "--data", data)
    assert_clean(result, 0)
    folder = data / "releases" / "bakery"
    loaded, _ = load_draft(folder, [data / "registry"], load_vocabulary(ontology_dir()))
    card = loaded.card
    assert str(card.release.issued.date) == "2021-03-03"
    assert card.events == [] and card.statements == [] and card.posts_held == [] and card.release.contacts == []
    assert "does not say it is a press release" in card.release.kind.note  # an assumption, said as such
    proposals = YAML(typ="safe").load((folder / PROPOSALS_NAME).read_text(encoding="utf-8"))["entries"]
    assert [p["id"] for p in proposals] == ["springfield"]


def test_a_text_without_any_date_is_drafted_and_the_date_left_to_the_curator(invoke_migkg, data, tmp_path):
    source = tmp_path / "undated.txt"
    source.write_text("Some words about migration and nothing else.\n", encoding="utf-8")
    result = invoke_migkg("draft", source, "--id", "undated", "--data", data)
    assert_clean(result, 0)
    assert "TO ADD: issued" in (data / "releases" / "undated" / DRAFT_NAME).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- a bad registry file names itself

def spoil(path: Path, old: str, new: str) -> int:
    """Replace the one ``old`` in the file by ``new``; the 1-based line where ``new`` starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


@pytest.mark.parametrize("where", ["data registry", "draft proposals", "extra registry"])
def test_draft_evaluate_names_the_bad_registry_file_itself(invoke_migkg, data, tmp_path, where):
    """The registries are read where they are (not from copies in a scratch folder that is gone by the
    time the message is read): the message names the file to fix, and its line."""
    folder = data / "releases" / "d"
    folder.mkdir()
    shutil.copyfile(SEED / "card.yaml", folder / DRAFT_NAME)  # a draft that loads: the seed's reviewed card
    shutil.copyfile(SEED / "source.txt", folder / "source.txt")
    extra = Path(shutil.copytree(ENGLISH / "registry", tmp_path / "extra"))
    first = data / "registry" / "organisations.yaml"
    if where == "data registry":
        bad = data / "registry" / "persons.yaml"
        line = spoil(bad, "  - id: laura-thompson\n", "  - id: iom\n")
    elif where == "draft proposals":
        bad = folder / PROPOSALS_NAME
        bad.write_text("entries:\n  - id: springfield\n    type: city\n    labels: {en: Springfield}\n    colour: red\n",
                       encoding="utf-8")
        line = 5
    else:
        bad = extra / "en-release-additions.yaml"
        line = spoil(bad, "entries:\n", "entries:\n  - id: iom\n    type: intergovernmental-organization\n    labels: {ru: МОМ, en: IOM}\n") + 1
    result = invoke_migkg("draft-evaluate", folder, SEED / "card.yaml", "--data", data, "--registry", extra)
    assert_clean(result, 2)
    assert result.stderr.startswith(f"error: {bad}:{line}: "), result.stderr
    if where != "draft proposals":
        assert f"duplicate id 'iom' (first defined at {first}:" in result.stderr, result.stderr


def test_draft_with_evaluate_names_the_bad_registry_file_itself(invoke_migkg, data, tmp_path):
    extra = Path(shutil.copytree(ENGLISH / "registry", tmp_path / "extra"))
    bad = extra / "en-release-additions.yaml"
    line = spoil(bad, "entries:\n", "entries:\n  - id: XXK\n    type: state\n    labels: {ru: Икс, en: Ex}\n") + 1
    result = invoke_migkg("draft", SEED / "source.txt", "--id", "seed-draft", "--data", data,
                       "--evaluate", SEED / "card.yaml", "--registry", extra)
    assert_clean(result, 2)
    assert f"error: {bad}:{line}: entries[0].id: 'XXK' is not an ISO 3166-1 alpha-3 country code." in result.stderr
