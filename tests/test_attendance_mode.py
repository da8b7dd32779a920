"""How a meeting was attended, as the text says it ("met online", «в режиме видеоконференции», "in a hybrid
format"): ``events[].attendance: {mode: online | hybrid | in-person, evidence: ...}``, an attested
``schema:eventAttendanceMode`` (schema.org's three modes), derived onto the event; two releases that say one meeting
was attended differently are a Warning with both sides, as two dates are. Built end to end on copies of the seed."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from migkg.build.corpus import build_corpus
from migkg.mapping.iris import DEFAULT_BASE, Iris
from tests.test_conflicts import COPY, EVENT, RELEASE, conflicts_of, graph_of, second_report
from tests.test_partial_counts_and_kinds import SEED_CARD, built, edit, quads, refused

SDO = "https://schema.org/"
MODE = ox.NamedNode(SDO + "eventAttendanceMode")
PLACE = "    place:\n      place: almaty\n"
IRIS = Iris(DEFAULT_BASE)


def attended(card: Path, mode: str, evidence: str = "Алматы 5 июня 2013") -> None:
    """The seed's conference given an attendance mode, citing ``evidence``."""
    edit(card, PLACE, f"    attendance: {{mode: {mode}, evidence: {evidence}}}\n" + PLACE)


@pytest.mark.parametrize(("mode", "value"), [("online", "OnlineEventAttendanceMode"),
                                             ("hybrid", "MixedEventAttendanceMode"),
                                             ("in-person", "OfflineEventAttendanceMode")])
def test_a_mode_is_an_attested_event_attendance_mode_derived_onto_the_event(seed_data, tmp_path, run_migkg, mode,
                                                                            value):
    attended(seed_data / SEED_CARD, mode)
    built(run_migkg, seed_data, tmp_path / "build")
    store = quads(tmp_path / "build")
    derived = [(q.object.value, q.graph_name.value) for q in store.quads_for_pattern(IRIS.event(EVENT), MODE, None)]
    assert derived == [(SDO + value, IRIS.derived_graph(RELEASE).value)]
    attestation = ox.NamedNode(f"{DEFAULT_BASE}release/{RELEASE}/attestation/event--{EVENT}--attendance")
    said = {q.predicate.value.rsplit("#", 1)[-1]: q.object for q in store.quads_for_pattern(attestation, None, None)}
    assert said["object"] == ox.NamedNode(SDO + value) and said["predicate"] == MODE
    assert said["wasDerivedFrom"].value.startswith(f"{DEFAULT_BASE}release/{RELEASE}/text#char=")  # the words cited


def test_the_seed_as_it_is_says_nothing_of_how_its_meeting_was_attended(seed_data, tmp_path, run_migkg):
    built(run_migkg, seed_data, tmp_path / "build")
    assert not list(quads(tmp_path / "build").quads_for_pattern(None, MODE, None))


@pytest.mark.parametrize(("entry", "said"), [
    ("    attendance: {mode: virtual, evidence: Алматы 5 июня 2013}\n", "'online', 'hybrid' or 'in-person'"),
    ("    attendance: {mode: online}\n", "evidence"),
    ("    attendance: {mode: online, evidence: по видеосвязи}\n", "по видеосвязи"),
])
def test_an_attendance_that_cannot_hold_is_an_error_naming_the_field(seed_data, tmp_path, run_migkg, entry, said):
    edit(seed_data / SEED_CARD, PLACE, entry + PLACE)
    refused(run_migkg, seed_data, tmp_path / "build", "events[0].attendance", said)


@pytest.mark.parametrize(("other", "warned"), [("in-person", False), ("online", True)], ids=["same", "different"])
def test_two_releases_that_say_one_meeting_was_attended_differently_are_a_warning_with_both_sides(
        seed_data: Path, tmp_path: Path, toolkit, other: str, warned: bool):
    attended(seed_data / SEED_CARD, "in-person")
    copy = second_report(seed_data)  # the seed's card, with its attendance, under another release id
    card = copy / "card.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("mode: in-person", f"mode: {other}"), encoding="utf-8")
    summary = build_corpus(seed_data, tmp_path / "out", toolkit, cache_dir=None)
    assert summary.error is None and not summary.report.violations
    found = [(i.focus, i.path) for i in summary.report.issues if i.shape == "migsh:Event-one-attendance-mode"]
    assert found == ([(f"<{DEFAULT_BASE}event/{EVENT}>", "schema:eventAttendanceMode")] if warned else [])
    from tests.test_conflicts import sides
    published = sides(conflicts_of(tmp_path / "out"), "Event-one-attendance-mode")
    assert published == ([(f"{DEFAULT_BASE}event/{EVENT}", SDO + "OfflineEventAttendanceMode", [graph_of(RELEASE)]),
                          (f"{DEFAULT_BASE}event/{EVENT}", SDO + "OnlineEventAttendanceMode", [graph_of(COPY)])]
                         if warned else [])


def test_draft_evaluation_compares_attendance_modes(seed_data, toolkit):
    """`migkg draft --evaluate` and `draft-quality` compare a card's attendance with a draft's, as every other kind of
    fact: a draft without it misses the reviewed one, the same mode matches it, another mode is wrong."""
    from migkg.cards.registry import load_registry
    from migkg.draft.evaluate import CardWithSpans, evaluate
    from migkg.draft.loading import load_card_file

    registry = load_registry(seed_data / "registry")
    card = seed_data / SEED_CARD

    def loaded() -> CardWithSpans:
        return CardWithSpans(load_card_file(card, registry, toolkit.vocabulary).card, registry)

    without = loaded()
    attended(card, "online")
    online = loaded()
    card.write_text(card.read_text(encoding="utf-8").replace("mode: online", "mode: hybrid"), encoding="utf-8")
    hybrid = loaded()
    row = evaluate(without, online).row("attendance modes")
    assert (row.drafted, row.reviewed, row.matched_reviewed) == (0, 1, 0)
    row = evaluate(online, online).row("attendance modes")
    assert (row.drafted, row.reviewed, row.matched_reviewed, row.precision, row.recall) == (1, 1, 1, 1.0, 1.0)
    row = evaluate(hybrid, online).row("attendance modes")
    assert (row.drafted, row.reviewed, row.matched_reviewed, row.precision) == (1, 1, 0, 0.0)
