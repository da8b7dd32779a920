"""What three writers of test texts could not state, now in the card format: a count whose release names only some
of those it counts (``listed: some``: "delegations of 23 countries, including ..."), meetings at vice-ministerial
level and of a steering committee, and a set of recommendations adopted as one document. Built end to end on a copy
of the seed (and of the issue-12 test release), through ``migkg build``."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from migkg.build.toolkit import Toolkit
from tests.kinds import CARD as KINDS_CARD
from tests.kinds import make_corpus

SEED_CARD = Path("releases") / "2013-06-05-unhcr-iom-almaty-ministerial" / "card.yaml"
CLAIM = "https://w3id.org/migkg/release/2013-06-05-unhcr-iom-almaty-ministerial/claim/count-of-governments"
MIG = "https://w3id.org/migkg/ontology#"
COUNT_LINE = "    count: 8\n"
NOTE_LINE = "    note: The footnote to this sentence lists ten states.\n"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path} changed: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def built(run_migkg, data: Path, out: Path, status: int = 0) -> subprocess.CompletedProcess:
    done = run_migkg("build", "--data", data, "--out", out, "--no-cache")
    assert done.returncode == status, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    return done


def refused(run_migkg, data: Path, out: Path, *said: str) -> subprocess.CompletedProcess:
    """A build that stops at the card with exit 2, each of ``said`` in what it prints, the card's line named, and
    nothing written."""
    done = built(run_migkg, data, out, status=2)
    assert all(words in done.stderr for words in said), done.stderr[-1500:]
    assert "card.yaml:" in done.stderr
    assert not out.exists()
    return done


def quads(out: Path) -> ox.Store:
    store = ox.Store()
    for path in sorted(out.glob("migkg-*.nq")):
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store


def count_warnings(done: subprocess.CompletedProcess) -> list[str]:
    return [line for line in done.stderr.splitlines() if "states a count of" in line]


# --------------------------------------------------------------------------- listed: some
@pytest.mark.parametrize(("count", "listed", "warned"), [
    (12, None, True),      # names 10, counts 12, and says nothing: a disagreement
    (12, "some", False),   # names 10 of the 12 it counts, and says so: none
    (12, "all", True),     # "all" is the default, said aloud
    (8, "some", True),     # names 10 where it counts 8: naming only some cannot make more
    (10, "some", False),   # names every one of them, though it said "some": no disagreement
])
def test_a_count_is_checked_against_the_names_as_the_release_lists_them(seed_data, tmp_path, run_migkg, count, listed,
                                                                        warned):
    card = seed_data / SEED_CARD
    edit(card, COUNT_LINE, f"    count: {count}\n" + (f"    listed: {listed}\n" if listed else ""))
    edit(card, NOTE_LINE, "")  # no note: the warning, where there is one, asks for the card to be checked
    done = built(run_migkg, seed_data, tmp_path / "build")
    warnings = count_warnings(done)
    assert bool(warnings) == warned, warnings
    if warned:
        assert f"states a count of {count} but lists 10 distinct agents" in warnings[0]
        assert "write `listed: some`" in warnings[0]
    flags = list(quads(tmp_path / "build").quads_for_pattern(ox.NamedNode(CLAIM), ox.NamedNode(MIG + "namesOnlySome"),
                                                             None))
    if listed == "some":
        assert [q.object for q in flags] == [ox.Literal("true", datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#boolean"))]
    else:
        assert flags == []  # the default is not written


@pytest.mark.parametrize(("old", "new", "named", "said"), [
    ("    duration: P60Y\n", "    duration: P60Y\n    listed: some\n", "claims[1]",
     "listed says whether the release names all or only some of those it counts: only for a count claim"),
    (COUNT_LINE, COUNT_LINE + "    listed: few\n", "claims[0].listed", "'all' or 'some'"),
])
def test_a_listed_that_cannot_hold_is_an_error_naming_the_field(seed_data, tmp_path, run_migkg, old, new, named, said):
    edit(seed_data / SEED_CARD, old, new)
    refused(run_migkg, seed_data, tmp_path / "build", named, said)


# --------------------------------------------------------------------------- the new kinds
def test_the_vocabulary_has_the_new_kinds():
    vocabulary = Toolkit.load().vocabulary
    assert {"ViceMinisterialMeeting", "SteeringCommitteeMeeting"} <= vocabulary.event_classes
    assert "Recommendations" in vocabulary.document_classes
    assert "Recommendations" not in vocabulary.event_classes


@pytest.mark.parametrize(("kind", "cls"), [("vice-ministerial-meeting", "ViceMinisterialMeeting"),
                                           ("steering-committee-meeting", "SteeringCommitteeMeeting")])
def test_a_meeting_of_a_new_kind_is_built_as_its_class(seed_data, tmp_path, run_migkg, kind, cls):
    edit(seed_data / SEED_CARD, "kind: {kind: ministerial-conference,", f"kind: {{kind: {kind},")
    built(run_migkg, seed_data, tmp_path / "build")
    event = ox.NamedNode("https://w3id.org/migkg/event/2013-06-05-almaty-ministerial-conference")
    types = {q.object.value for q in quads(tmp_path / "build").quads_for_pattern(
        event, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None)}
    assert MIG + cls in types and MIG + "MinisterialConference" not in types


def test_recommendations_are_a_document_kind(tmp_path, run_migkg):
    data = make_corpus(tmp_path)
    edit(data / KINDS_CARD, "{kind: declaration, evidence: Declaration}", "{kind: recommendations, evidence: Declaration}")
    built(run_migkg, data, tmp_path / "build")
    store = quads(tmp_path / "build")
    adopted = [q.subject for q in store.quads_for_pattern(None, ox.NamedNode(MIG + "adoptedAt"), None)]
    assert adopted
    types = {q.object.value for q in store.quads_for_pattern(
        adopted[0], ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None)}
    assert MIG + "Recommendations" in types and MIG + "Declaration" not in types


# --------------------------------------------------------------------------- a count of a process's members
OBSERVERS_CLAIM = """
claims:
  - id: count-of-observers
    about: almaty-process
    count: {count}
    counted: state
    counted_role: observer
{listed}    evidence: Iran joined the process as an observer
"""


@pytest.mark.parametrize(("count", "listed", "warned"), [(2, None, True), (1, None, False), (2, "some", False),
                                                         (0, "some", True)])
def test_a_count_of_a_process_s_observers_is_checked_against_its_memberships(tmp_path, run_migkg, count, listed,
                                                                             warned):
    """The test release lists one observer of the Almaty Process (Iran): a count of its observers is checked
    against the memberships the release states, as a count of an event's participants is against its roles."""
    data = make_corpus(tmp_path)
    card = data / KINDS_CARD
    card.write_text(card.read_text(encoding="utf-8") + OBSERVERS_CLAIM.format(
        count=count, listed=f"    listed: {listed}\n" if listed else ""), encoding="utf-8")
    done = built(run_migkg, data, tmp_path / "build")
    warnings = [line for line in count_warnings(done) if "count-of-observers" in line]
    assert bool(warnings) == warned, done.stderr[-2000:]
    if warned:
        assert (f"states a count of {count} but lists 1 distinct agents with role https://w3id.org/migkg/role/observer "
                "at process https://w3id.org/migkg/process/almaty-process.") in warnings[0]
        assert "a process's memberships" in warnings[0]


def test_a_count_about_a_state_is_refused_by_the_shapes(tmp_path, run_migkg):
    data = make_corpus(tmp_path)
    card = data / KINDS_CARD
    card.write_text(card.read_text(encoding="utf-8") + OBSERVERS_CLAIM.format(count=1, listed="").replace(
        "about: almaty-process", "about: IRN"), encoding="utf-8")
    done = built(run_migkg, data, tmp_path / "build", status=1)
    assert "migsh:CountClaim-event" in done.stderr and "claims[0]" in done.stderr
    assert "or of a process of the registry" in done.stderr


# --------------------------------------------------------------------------- a launch in a year and a city
LAUNCH = "    launched_at:\n      event: 2013-06-05-almaty-ministerial-conference\n"
LAUNCH_NODE = "https://w3id.org/migkg/release/2013-06-05-unhcr-iom-almaty-ministerial/launch/almaty-process"


def test_a_launch_the_text_dates_and_places_without_its_meeting(seed_data, tmp_path, run_migkg):
    """"launched in Rome in 2014": no event of the card, so the launch has the year and city the text gives, and no
    mig:launchedAt is derived (that edge goes to an event)."""
    edit(seed_data / SEED_CARD, LAUNCH, "    launched_at:\n      on: 2013\n      place: almaty\n")
    built(run_migkg, seed_data, tmp_path / "build")
    store = quads(tmp_path / "build")
    launch = {(q.predicate.value, q.object) for q in store.quads_for_pattern(ox.NamedNode(LAUNCH_NODE), None, None)}
    assert ("http://purl.org/dc/terms/date", ox.Literal("2013", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#gYear"))) in launch
    assert ("https://schema.org/location", ox.NamedNode("https://w3id.org/migkg/place/almaty")) in launch
    assert not any(p == MIG + "event" for p, _o in launch)
    assert not list(store.quads_for_pattern(None, ox.NamedNode(MIG + "launchedAt"), None))


@pytest.mark.parametrize(("launch", "said"), [
    ("    launched_at:\n      event: 2013-06-05-almaty-ministerial-conference\n      on: 2013\n",
     "a launch at an event has that event's date and place"),
    ("    launched_at:\n", "a launch needs the event it was launched at (event:), or when (on:) or where (place:"),
    ("    launched_at:\n      place: KAZ\n", "'KAZ' is a state, but here a city is expected"),
])
def test_a_launch_that_cannot_hold_is_an_error_naming_the_field(seed_data, tmp_path, run_migkg, launch, said):
    edit(seed_data / SEED_CARD, LAUNCH, launch)
    refused(run_migkg, seed_data, tmp_path / "build", "processes[0].launched_at", said)


def test_q08_lists_a_launch_without_its_meeting_with_the_year_and_city_the_text_gives(seed_data, tmp_path, run_migkg):
    edit(seed_data / SEED_CARD, LAUNCH, "    launched_at:\n      on: 2013\n      place: almaty\n")
    built(run_migkg, seed_data, tmp_path / "build")
    done = run_migkg("query", "q08", "--out", tmp_path / "build", "--format", "json")
    assert done.returncode == 0, done.stderr
    import json
    rows = json.loads(done.stdout)["results"]["bindings"]
    assert rows and {row["launch"]["value"] for row in rows} == {LAUNCH_NODE}
    row = rows[0]
    assert "event" not in row
    assert row["event_date"]["value"] == "2013" and row["place"]["value"] == "https://w3id.org/migkg/place/almaty"


@pytest.mark.parametrize(("old", "new", "named", "said"), [
    ("    counted_role: participant\n", "    counted_role: member\n", "claims[0].counted_role",
     "'member' is not an event role, and the count is about an event"),
    ("    about: 2013-06-05-almaty-ministerial-conference\n    count: 8", "    about: almaty-process\n    count: 8",
     "claims[0].counted_role", "'participant' is not a membership status, and the count is about a process"),
])
def test_a_counted_role_of_the_wrong_kind_for_its_subject_is_an_error(seed_data, tmp_path, run_migkg, old, new, named,
                                                                      said):
    edit(seed_data / SEED_CARD, old, new)
    refused(run_migkg, seed_data, tmp_path / "build", named, said)


@pytest.mark.parametrize(("launch", "date", "datatype"), [
    (None, "2013-06-05", "date"),                                     # the seed: at its conference, of that date
    ("    launched_at:\n      on: 2013\n      place: almaty\n", "2013", "gYear"),  # a year stays a year
])
def test_a_launch_gives_the_process_its_founding_date_and_place_as_precise_as_the_text(seed_data, tmp_path, run_migkg,
                                                                                     launch, date, datatype):
    if launch:
        edit(seed_data / SEED_CARD, LAUNCH, launch)
    built(run_migkg, seed_data, tmp_path / "build")
    process = ox.NamedNode("https://w3id.org/migkg/process/almaty-process")
    store = quads(tmp_path / "build")
    founded = {q.predicate.value: q.object for q in store.quads_for_pattern(process, None, None)
               if q.predicate.value.startswith("https://schema.org/founding")}
    assert founded == {"https://schema.org/foundingDate": ox.Literal(date, datatype=ox.NamedNode(
                           f"http://www.w3.org/2001/XMLSchema#{datatype}")),
                       "https://schema.org/foundingLocation": ox.NamedNode("https://w3id.org/migkg/place/almaty")}
