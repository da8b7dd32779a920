"""The drafter on the facts of the domain over time: meetings of a process, positions, handovers,
memberships, documents and adoptions, purposes, groups as speakers, and event ids shared with other cards.

The texts are small invented snippets (like those of tests/fixtures/domain, whose registry they use).
"""
from __future__ import annotations

from pathlib import Path

from migkg.draft.drafter import draft_text
from migkg.draft.timing import timings

BAKU = """PRESS RELEASE

Almaty Process meets in Baku

BAKU, 24 April 2019 – The third Ministerial Conference of the Almaty Process opened in Baku today and will \
run on April 24-25, 2019. The conference, hosted by Azerbaijan, was convened to agree on joint action on mixed \
migration and refugee protection.

At the opening session the chairmanship of the Almaty Process passed from Azerbaijan to Kazakhstan, which will \
chair the process until 2022. Uzbekistan, an observer since 2015, joined the Almaty Process as a member at the \
conference. Hungary attends as an invited guest.

As part of the Ministerial Conference, a thematic meeting on return and reintegration was held on 24 April.

The participants adopted the Baku Declaration on Mixed Migration. The conference agreed that the fourth \
Ministerial Conference would be held in Kazakhstan.
"""

ASTANA = """ПРЕСС-РЕЛИЗ

Конференция в Астане

Астана, 6 октября 2022 года – Сегодня в Астане состоялась четвертая Министерская конференция Алматинского \
процесса. Принимающей стороной конференции выступила Республика Казахстан.

На конференции председательство в Алматинском процессе перешло от Казахстана к Кыргызстану. Кыргызстан будет \
председательствовать в процессе в 2023–2024 годах. Казахстан продолжит размещать у себя секретариат процесса.

УНП ООН, партнер Алматинского процесса с мая 2015 года, представило доклад.

План действий Алматинского процесса на 2023–2024 годы одобрили Казахстан, Кыргызстан и Узбекистан.

Участники конференции договорились о том, что пятая Министерская конференция пройдет в Кыргызстане.
"""


def draft(text: str, language: str, context, releases: Path | None = None):
    registry, vocabulary = context
    return draft_text(text, "2019-04-24-test", language, registry, vocabulary, releases=releases)


def facts(items) -> list[dict]:
    return [item.fields for item in items]


def test_a_numbered_meeting_of_a_process_with_its_period_place_host_and_purpose(context):
    card = draft(BAKU, "en", context)
    conference, thematic = card.events
    assert conference.kind.fields == {"kind": "ministerial-conference"}
    assert conference.number.fields == {"number": 3}
    assert conference.meeting_of.fields == {"process": "almaty-process"}
    assert conference.period.fields == {"from": "2019-04-24", "to": "2019-04-25"}
    assert conference.place.fields == {"place": "baku"}
    assert {"role": "host", "agent": "AZE"} in facts(conference.roles)
    assert [p.fields["topics"] for p in conference.purposes] == [["mixed-migration", "refugee-protection"]]
    assert conference.id == "2019-04-24-baku-third-ministerial"
    # the fourth conference is only planned: not drafted
    assert thematic.kind.fields == {"kind": "thematic-meeting"}
    assert thematic.part_of.fields == {"event": conference.id}
    assert thematic.date.fields == {"date": "2019-04-24"}


def test_a_handover_positions_and_memberships_with_the_timing_the_text_gives(context):
    card = draft(BAKU, "en", context)
    event = card.events[0].id
    process, = card.processes
    assert facts(process.handovers) == [{"position": "chair", "from": "AZE", "to": "KAZ", "at_event": event}]
    assert facts(process.positions) == [{"position": "chair", "holder": "KAZ", "at_event": event,
                                         "period": {"to": "2022"}}]
    assert {"status": "observer", "agent": "UZB", "period": {"from": "2015"}} in facts(process.memberships)
    assert {"status": "member", "agent": "UZB", "at_event": event} in facts(process.memberships)
    assert {"status": "invited-guest", "agent": "HUN", "at_event": event} in facts(process.memberships)
    # the state that hands over the chair is not made a participant by that sentence
    assert not [r for r in card.events[0].roles if r.fields["role"] == "participant"]


def test_an_adopted_document_and_the_meeting_speaking_as_a_body(context):
    card = draft(BAKU, "en", context)
    event = card.events[0].id
    document, = card.documents
    assert document.kind.fields == {"kind": "declaration"}
    assert BAKU[slice(*document.name.spans[0])] == "Baku Declaration on Mixed Migration"
    assert facts(document.adoptions) == [{"action": "adopted", "at_event": event,
                                          "party_groups": [{"group": "participants", "of": event}]}]
    said = [s.fields for s in card.statements if s.fields.get("speaker_groups")]
    assert [s["speaker_groups"] for s in said] == [[{"group": "meeting", "of": event}]]


def test_the_same_in_russian(context):
    card = draft(ASTANA, "ru", context)
    conference, = card.events
    assert (conference.number.fields, conference.meeting_of.fields) == ({"number": 4}, {"process": "almaty-process"})
    assert conference.date.fields == {"date": "2022-10-06"} and conference.place.fields == {"place": "astana"}
    assert {"role": "host", "agent": "KAZ"} in facts(conference.roles)
    process, = card.processes
    assert facts(process.handovers) == [{"position": "chair", "from": "KAZ", "to": "KGZ",
                                         "at_event": conference.id}]
    assert {"position": "chair", "holder": "KGZ", "period": {"from": "2023", "to": "2024"}} in facts(process.positions)
    assert {"position": "secretariat-host", "holder": "KAZ"} in facts(process.positions)
    assert facts(process.memberships) == [{"status": "partner", "agent": "unodc", "period": {"from": "2015-05"}}]
    plan, = card.documents
    assert (plan.id, plan.kind.fields) == ("almaty-process-action-plan-2023-2024", {"kind": "action-plan"})
    assert facts(plan.adoptions) == [{"action": "endorsed", "at_event": conference.id,
                                      "parties": ["KAZ", "KGZ", "UZB"]}]
    groups = [s.fields["speaker_groups"] for s in card.statements if s.fields.get("speaker_groups")]
    assert groups == [[{"group": "participants", "of": conference.id}]]


def test_a_meeting_another_card_reports_keeps_that_cards_event_id(context, tmp_path):
    other = tmp_path / "2019-04-26-other-report"
    other.mkdir()
    (other / "card.yaml").write_text(
        "card: 1\nevents:\n  - id: 2019-04-baku-ministerial\n    kind: {kind: ministerial-conference}\n"
        "    meeting_of: {process: almaty-process}\n    number: {number: 3}\n", encoding="utf-8")
    card = draft(BAKU, "en", context, releases=tmp_path)
    conference = card.events[0]
    assert conference.id == "2019-04-baku-ministerial"
    assert "2019-04-26-other-report" in conference.kind.note
    assert card.events[1].part_of.fields == {"event": "2019-04-baku-ministerial"}
    assert card.processes[0].handovers[0].fields["at_event"] == "2019-04-baku-ministerial"


def test_timings_say_which_end_of_a_period_a_date_is():
    found = [(t.kind, t.start_value, t.end_value) for t in timings(
        "since May 2015, until 2022, throughout 2014, as of January 2019, 16-17 October 2018", "en", None)]
    assert found == [("from", "2015-05", None), ("to", None, "2022"), ("range", "2014", "2014"),
                     ("on", "2019-01", None), ("period", "2018-10-16", "2018-10-17")]
    assert [(t.kind, t.start_value) for t in timings("3 ноября, с января 2023 года", "ru", "2017")] == \
        [("date", "2017-11-03"), ("from", "2023-01")]
