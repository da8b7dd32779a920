"""Bad input: each mistake gives one clear message, exit status 2, and leaves earlier outputs alone.

Every test copies the real ``data/`` folder, makes ONE small text edit (so the line of the
mistake is known: it is computed from where the edit landed), puts the outputs of a real
successful build in the output folder, runs ``python -m migkg build`` on the bad copy, and
checks: exit status 2; stderr names the file, the line and the field; it says ``Fix:``; no
Python traceback; and the output folder is byte for byte what it was.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.bad_input import Case, index_where, line_at, where

RELEASE = "2013-06-05-unhcr-iom-almaty-ministerial"
CARD = Path("releases") / RELEASE / "card.yaml"
SOURCE = Path("releases") / RELEASE / "source.txt"


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def seed_card(repo_root: Path) -> dict:
    """The seed card as plain data, to find the index of a role, statement or claim."""
    return YAML(typ="safe").load((repo_root / "data" / CARD).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- evidence

def test_quote_not_in_the_source(case: Case, seed_card: dict, run_migkg):
    case.run = run_migkg  # this one in a real `python -m migkg` process (the others in-process): exit 2 from it
    line = case.edit(CARD, "evidence: Туркменистан}", "evidence: Туркмения}")
    role = index_where(seed_card["events"][0]["roles"], role="participant", agent="TKM")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, f"events[0].roles[{role}].evidence") in stderr
    assert "the quote 'Туркмения' is not in the source text" in stderr
    assert str(case.path(SOURCE)) in stderr
    assert "Fix: copy the words exactly from source.txt" in stderr


def test_quote_with_other_case_points_to_the_line_in_the_source(case: Case):
    line = case.edit(CARD, "evidence: Туркменистан}", "evidence: туркменистан}")
    source = case.path(SOURCE).read_text(encoding="utf-8")
    stderr = case.build_fails()
    assert where(case.path(CARD), line) in stderr
    assert f"other spacing, case or quotation marks at line {line_at(source, source.index('Туркменистан'))}" in stderr


def test_quote_found_twice_without_saying_which(case: Case, seed_card: dict):
    line = case.edit(CARD, "evidence: Республика Казахстан}", "evidence: Казахстан}")
    role = index_where(seed_card["events"][0]["roles"], role="participant", agent="KAZ")
    times = case.path(SOURCE).read_text(encoding="utf-8").count("Казахстан")
    assert times > 1
    stderr = case.build_fails()
    assert where(case.path(CARD), line, f"events[0].roles[{role}].evidence") in stderr
    assert f"the quote 'Казахстан' occurs {times} times in the source" in stderr
    assert f"add occurrence: N (1 to {times}) or after:" in stderr


def test_occurrence_out_of_range(case: Case):
    line = case.edit(CARD, "{quote: Министерская конференция, occurrence: 2}",
                     "{quote: Министерская конференция, occurrence: 3}")
    times = case.path(SOURCE).read_text(encoding="utf-8").count("Министерская конференция")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, "events[0].kind.evidence") in stderr
    assert f"occurrence 3 asked for, but the quote occurs {times} time(s)" in stderr
    assert f"Fix: use an occurrence from 1 to {times}." in stderr


# --------------------------------------------------------------------------- ids and terms

@pytest.mark.parametrize("old, typo, meant", [
    ("agent: KAZ, evidence", "KAZZ", "KAZ"),
    ("agent: antonio-guterres, evidence", "guteres", "antonio-guterres"),
], ids=["KAZZ", "guteres"])
def test_unknown_actor_id_in_a_role_suggests_the_close_id(case: Case, seed_card: dict, old, typo, meant):
    line = case.edit(CARD, old, f"agent: {typo}, evidence")
    roles = seed_card["events"][0]["roles"]
    role = next(i for i, r in enumerate(roles) if f"agent: {r['agent']}, evidence" == old)
    stderr = case.build_fails()
    assert where(case.path(CARD), line, f"events[0].roles[{role}].agent") in stderr
    assert f"unknown id '{typo}'" in stderr
    assert f"Fix: did you mean '{meant}'?" in stderr
    assert "data/registry/" in stderr


def test_a_process_position_is_not_an_event_role(case: Case, seed_card: dict):
    line = case.edit(CARD, "{role: opener, agent: erlan-idrissov,", "{role: chair, agent: erlan-idrissov,")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, "events[0].roles[0].role") in stderr
    assert "'chair' is a position in a process, not an event role." in stderr
    assert "Fix: a position held in the process goes under processes[].positions" in stderr
    assert "who chaired this one event is the event role 'meeting-chair'. Use an event role" in stderr
    assert "'event-observer', 'funder', 'host', 'meeting-chair', 'opener', 'organiser', 'participant'" in stderr


def test_a_membership_status_is_not_an_event_role(case: Case, seed_card: dict):
    role = index_where(seed_card["events"][0]["roles"], role="participant", agent="TKM")
    line = case.edit(CARD, "{role: participant, agent: TKM,", "{role: observer, agent: TKM,")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, f"events[0].roles[{role}].role") in stderr
    assert "'observer' is a membership status, not an event role." in stderr
    assert "Fix: a status in the process goes under processes[].memberships; who attended this one event as an " \
           "observer is the event role 'event-observer'." in stderr


def test_only_release_metadata_may_be_supplied(case: Case, seed_card: dict):
    """A participation the text states cites its words; ``supplied:`` (a URL instead of evidence) is only for
    the release's date of issue, publishers and authors."""
    line = case.edit(CARD, "{role: participant, agent: TKM, evidence: Туркменистан}",
                     "{role: participant, agent: TKM, supplied: https://example.org/tkm}", at="supplied")
    role = index_where(seed_card["events"][0]["roles"], role="participant", agent="TKM")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, f"events[0].roles[{role}].supplied") in stderr
    assert "only release metadata the text does not state may be supplied" in stderr
    assert "Fix: quote the words of source.txt that state this fact as its evidence" in stderr


def test_language_must_be_an_iso_639_1_code(case: Case):
    line = case.edit(CARD, "  language: ru\n", "  language: xx\n")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, "release.language") in stderr
    assert "ISO 639-1" in stderr


def test_unknown_topic(case: Case, seed_card: dict):
    line = case.edit(CARD, "topics: [regional-cooperation, migration-flows]",
                     "topics: [regional-cooperation, migration-flow]")
    statement = index_where(seed_card["statements"], id="outcome-strengthen-cooperation")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, f"statements[{statement}].topics[1]") in stderr
    assert "unknown term 'migration-flow'" in stderr
    assert "did you mean 'migration-flows'" in stderr
    assert "ontology/schemes.ttl" in stderr


def test_duplicate_statement_id(case: Case, seed_card: dict):
    first = index_where(seed_card["statements"], id="outcome-expand-dialogue")
    second = index_where(seed_card["statements"], id="outcome-strengthen-cooperation")
    assert first < second
    text = case.path(CARD).read_text(encoding="utf-8")
    first_line = line_at(text, text.index("  - id: outcome-expand-dialogue\n"))
    line = case.edit(CARD, "  - id: outcome-strengthen-cooperation\n", "  - id: outcome-expand-dialogue\n")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, f"statements[{second}].id") in stderr
    assert f"duplicate statement id 'outcome-expand-dialogue' (first used at line {first_line})" in stderr
    assert "Fix: give each statement its own id." in stderr


def test_duplicate_registry_id_across_two_files(case: Case):
    organisations = case.path("registry/organisations.yaml")
    text = organisations.read_text(encoding="utf-8")
    first_line = line_at(text, text.index("  - id: iom\n"))
    line = case.edit("registry/persons.yaml", "  - id: laura-thompson\n", "  - id: iom\n")
    persons = YAML(typ="safe").load(case.path("registry/persons.yaml").read_text(encoding="utf-8"))
    entry = index_where(persons["entries"], id="iom")
    stderr = case.build_fails()
    assert where(case.path("registry/persons.yaml"), line, f"entries[{entry}].id") in stderr
    assert f"duplicate id 'iom' (first defined at {organisations}:{first_line}" in stderr
    assert "Fix: give each entry its own id." in stderr


def test_release_id_differs_from_the_folder_name(case: Case):
    line = case.edit(CARD, f"  id: {RELEASE}\n", "  id: 2013-06-05-almaty\n")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, "release.id") in stderr
    assert f"is '2013-06-05-almaty' but the folder is named '{RELEASE}'" in stderr
    assert "Fix: make the folder name and release.id the same." in stderr


# --------------------------------------------------------------------------- field types

def test_malformed_date(case: Case):
    line = case.edit(CARD, "issued: {date: 2013-06-05,", "issued: {date: 2013-13-05,")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, "release.issued.date") in stderr
    assert "'2013-13-05'" in stderr
    assert "YYYY-MM-DD" in stderr


def test_date_in_another_format(case: Case):
    line = case.edit(CARD, "issued: {date: 2013-06-05,", "issued: {date: 5 June 2013,")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, "release.issued.date") in stderr
    assert "'5 June 2013'" in stderr
    assert "YYYY-MM-DD" in stderr


def test_count_written_as_a_word(case: Case, seed_card: dict):
    line = case.edit(CARD, "count: 8\n", 'count: "eight"\n')
    claim = index_where(seed_card["claims"], id="count-of-governments")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, f"claims[{claim}].count") in stderr
    assert "a whole number is expected here (got 'eight')" in stderr


def test_speakers_as_a_string_instead_of_a_list(case: Case, seed_card: dict):
    """A single id where a list is expected is rejected (not read as a one-item list)."""
    line = case.edit(CARD, "speakers: [laura-thompson]\n    on_behalf_of: iom",
                     "speakers: laura-thompson\n    on_behalf_of: iom")
    statement = index_where(seed_card["statements"], id="iom-readiness")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, f"statements[{statement}].speakers") in stderr
    assert "a list is expected here (got 'laura-thompson')" in stderr


def test_unknown_field(case: Case, seed_card: dict):
    line = case.edit(CARD, "    counted_role: participant\n", "    counted_rol: participant\n")
    claim = index_where(seed_card["claims"], id="count-of-governments")
    stderr = case.build_fails()
    assert where(case.path(CARD), line, f"claims[{claim}].counted_rol") in stderr
    assert "is not a known field" in stderr
    assert "Fix: remove it or correct its spelling" in stderr


# --------------------------------------------------------------------------- broken YAML

def test_broken_yaml_bad_indentation(case: Case):
    line = case.edit(CARD, "    counted: government\n", "     counted: government\n")
    stderr = case.build_fails()
    assert where(case.path(CARD), line) + " is not valid YAML" in stderr
    assert "Fix: correct the YAML syntax at that line" in stderr


def test_broken_yaml_unclosed_single_quote(case: Case):
    line = case.edit(CARD, "evidence: Туркменистан}", "evidence: 'Туркменистан}")
    stderr = case.build_fails()
    assert where(case.path(CARD), line) in stderr
    assert "is not valid YAML" in stderr


def test_broken_yaml_unclosed_double_quote_in_a_flow_mapping(case: Case):
    line = case.edit(CARD, 'призвал"}', "призвал}")
    stderr = case.build_fails()
    assert where(case.path(CARD), line) in stderr
    assert "is not valid YAML" in stderr


def test_unquoted_comma_in_a_flow_mapping_says_to_quote(case: Case):
    line = case.edit(CARD, 'evidence: "Г-н Антониу Гутерриш, Верховный комиссар по делам беженцев, призвал"}',
                     "evidence: Г-н Антониу Гутерриш, Верховный комиссар по делам беженцев, призвал}")
    stderr = case.build_fails(errors=None)
    assert where(case.path(CARD), line) in stderr
    assert "quot" in stderr.split("Fix:", 1)[1].splitlines()[0]


# --------------------------------------------------------------------------- files

def test_source_not_utf8(case: Case):
    """source.txt saved as cp1251 (the ¹ of the footnote, which cp1251 lacks, becomes '?')."""
    source = case.path(SOURCE)
    text = source.read_text(encoding="utf-8")
    source.write_bytes(text.encode("cp1251", errors="replace"))
    first_non_ascii = next(i for i, c in enumerate(text) if ord(c) > 127)
    stderr = case.build_fails()
    assert where(source, line_at(text, first_non_ascii)) + " is not valid UTF-8" in stderr
    assert "Fix: convert the file to UTF-8" in stderr


def test_card_not_utf8(case: Case):
    card = case.path(CARD)
    text = card.read_text(encoding="utf-8")
    card.write_bytes(text.encode("cp1251"))
    first_non_ascii = next(i for i, c in enumerate(text) if ord(c) > 127)
    stderr = case.build_fails()
    assert where(card, line_at(text, first_non_ascii)) in stderr
    assert "UTF-8" in stderr


def test_source_missing(case: Case):
    case.path(SOURCE).unlink()
    stderr = case.build_fails()
    assert f"{case.path(SOURCE)}: is missing." in stderr
    assert "Fix: put the release's verbatim text in source.txt" in stderr


# --------------------------------------------------------------------------- several errors

def test_two_independent_errors_in_a_card_are_both_reported(case: Case, seed_card: dict):
    date_line = case.edit(CARD, "issued: {date: 2013-06-05,", "issued: {date: 2013-13-05,")
    count_line = case.edit(CARD, "count: 8\n", 'count: "eight"\n')
    claim = index_where(seed_card["claims"], id="count-of-governments")
    stderr = case.build_fails(errors=2)
    assert where(case.path(CARD), date_line, "release.issued.date") in stderr
    assert where(case.path(CARD), count_line, f"claims[{claim}].count") in stderr


def test_an_unknown_id_and_a_missing_quote_are_both_reported(case: Case):
    id_line = case.edit(CARD, "agent: KAZ, evidence", "agent: KAZZ, evidence")
    quote_line = case.edit(CARD, "evidence: Туркменистан}", "evidence: Туркмения}")
    stderr = case.build_fails(errors=2)
    assert where(case.path(CARD), id_line) in stderr and "unknown id 'KAZZ'" in stderr
    assert where(case.path(CARD), quote_line) in stderr and "'Туркмения' is not in the source" in stderr


# --------------------------------------------------------------------------- message wording

def test_registry_field_path_has_no_type_tag(case: Case):
    persons = YAML(typ="safe").load(case.path("registry/persons.yaml").read_text(encoding="utf-8"))
    entry = index_where(persons["entries"], id="laura-thompson")
    line = case.edit("registry/persons.yaml", "  - id: laura-thompson\n", "  - id: лаура\n")
    stderr = case.build_fails()
    assert where(case.path("registry/persons.yaml"), line, f"entries[{entry}].id") in stderr


@pytest.mark.parametrize("old, new", [
    ("{quote: Министерская конференция, occurrence: 2}",
     "{quote: Министерская конференция, occurrence: 2, after: ПРЕСС РЕЛИЗ}"),
    ("evidence: Туркменистан}", "evidence: 5}"),
], ids=["occurrence-and-after", "evidence-a-number"])
def test_messages_name_no_internal_types(case: Case, old, new):
    line = case.edit(CARD, old, new)
    stderr = case.build_fails()
    assert where(case.path(CARD), line) in stderr
    for internal in ("CommentedMap", "CommentedSeq", "_EvidenceModel", "Value error"):
        assert internal not in stderr


def test_validate_reports_bad_input_the_same_way(case: Case, seed_card: dict):
    line = case.edit(CARD, "agent: KAZ, evidence", "agent: KAZZ, evidence")
    done = case.run("validate", "--data", case.data, cwd=case.data.parent)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert where(case.path(CARD), line) in done.stderr and "did you mean 'KAZ'" in done.stderr
