"""The drafter on places in states, adoptions by the meeting's delegates, and memberships in the phrasings of
issue 16, round 4 (general classes seen across several texts). Snippets invented for these tests; the registry is
tests/fixtures/domain's."""
from __future__ import annotations

import datetime as dt

import pytest

from migkg.draft.drafter import draft_text
from migkg.draft.header import Supplied

ENGLISH = """PRESS RELEASE

Budapest Process officials endorse a new plan

TASHKENT, Uzbekistan, 12 May 2022 – Senior officials from Budapest Process member countries met in Tashkent on \
11-12 May 2022 for a senior officials' meeting of the Budapest Process.

The senior officials endorsed the Budapest Process Action Plan 2022-2024.

Azerbaijan, which joined the Budapest Process as a full member in 2019, offered to host the next meeting.

Turkmenistan, which for many years had taken part in the Budapest Process as an observer, became a full member.
"""

RUSSIAN = """ПРЕСС-РЕЛИЗ

Совещание в Баку завершилось

Баку, Азербайджан, 14 октября 2021 года – В Баку состоялось совещание старших должностных лиц Будапештского \
процесса.

По итогам совещания делегаты приняли итоговое коммюнике.

Туркменистан, который много лет участвовал в Будапештском процессе в качестве наблюдателя, стал его \
полноправным членом.
"""


def draft(text: str, language: str, context, issued: str):
    registry, vocabulary = context
    return draft_text(text, "2022-05-12-test", language, registry, vocabulary,
                      supplied=Supplied(issued=dt.date.fromisoformat(issued)))


def facts(items) -> list[dict]:
    return [item.fields for item in items]


@pytest.fixture(scope="module")
def english(context):
    return draft(ENGLISH, "en", context, "2022-05-12")


@pytest.fixture(scope="module")
def russian(context):
    return draft(RUSSIAN, "ru", context, "2021-10-14")


@pytest.mark.parametrize("language", ["english", "russian"])
def test_a_dateline_naming_a_city_and_its_state_places_the_city_in_the_state(language, request):
    card = request.getfixturevalue(language)
    state = {"english": "UZB", "russian": "AZE"}[language]
    assert [p["state"] for p in facts(card.places)] == [state]
    assert facts(card.places)[0]["place"] == card.place.fields["place"]


def test_a_dateline_with_no_state_places_nothing(context):
    card = draft(ENGLISH.replace("TASHKENT, Uzbekistan,", "TASHKENT,"), "en", context, "2022-05-12")
    assert card.places == []


def test_the_senior_officials_and_the_delegates_adopt_for_the_participants(english, russian):
    for card in (english, russian):
        document, = card.documents
        adoption, = facts(document.adoptions)
        assert adoption["party_groups"] == [{"group": "participants", "of": card.events[0].id}]


def test_a_document_class_after_an_action_verb_and_its_modifiers(russian):
    document, = russian.documents
    assert document.kind.fields == {"kind": "communique"}
    assert RUSSIAN[slice(*document.name.spans[0])] == "итоговое коммюнике"
    assert facts(document.adoptions)[0]["action"] == "adopted"


def test_a_status_taken_on_a_date_begins_then(english):
    process, = english.processes
    assert {"status": "member", "agent": "AZE", "period": {"from": "2019"}} in facts(process.memberships)


@pytest.mark.parametrize("language", ["english", "russian"])
def test_an_aside_between_holder_and_status_and_taking_part_in_the_process(language, request):
    card = request.getfixturevalue(language)
    process, = card.processes
    memberships = facts(process.memberships)
    assert {"status": "observer", "agent": "TKM"} in memberships  # took part in the process: not at the meeting
    assert {"status": "member", "agent": "TKM", "at_event": card.events[0].id} in memberships  # became one there


def test_a_plural_status_with_one_holder_is_no_membership(english):
    process, = english.processes
    assert not [m for m in facts(process.memberships) if m["agent"] == "UZB"]  # "Uzbekistan … member countries"


POSITIONS = """PRESS RELEASE

Experts meet on return

Prague, 9 June 2022 – The meeting was hosted by the Government of Hungary and organised by the Budapest Process \
Secretariat at the International Centre for Migration Policy Development (ICMPD).

The Budapest Process is chaired by Türkiye, with Hungary as co-chair.
"""


def test_a_position_held_now_and_a_secretariat_at_an_organisation(context):
    card = draft(POSITIONS, "en", context, "2022-06-09")
    process, = card.processes
    positions = facts(process.positions)
    assert {"position": "chair", "holder": "TUR"} in positions  # "is chaired by": now, not at the meeting
    assert {"position": "co-chair", "holder": "HUN"} in positions
    assert {"position": "secretariat-host", "holder": "icmpd"} in positions
    assert not [p for p in positions if p["position"] == "secretariat-host" and p["holder"] != "icmpd"]


def test_an_approximate_number_is_no_count_claim(context):
    text = ENGLISH.replace("The senior officials endorsed", "Delegates from some 40 countries took part in the "
                           "meeting. The senior officials endorsed")
    card = draft(text, "en", context, "2022-05-12")
    assert [c["count"] for c in facts(card.claims) if "count" in c] == []
    exact = draft(text.replace("some 40", "40"), "en", context, "2022-05-12")
    assert [c["count"] for c in facts(exact.claims) if "count" in c] == [40]


def test_those_taking_part_by_the_regions_they_come_from(context):
    text = ENGLISH.replace("The senior officials endorsed", "Delegations from the Western Balkans, Central Asia and "
                           "Türkiye took part in the meeting. The senior officials endorsed")
    card = draft(text, "en", context, "2022-05-12")
    assert [(g["role"], g.get("regions")) for g in facts(card.groupings)] == [("participant", ["143"])]


AGENCY_ITEM = """Budapest Process officials meet in Tashkent

TASHKENT, May 12 (Kabar) -- Senior officials of the Budapest Process met in Tashkent on Thursday for a senior \
officials' meeting of the Budapest Process, Zarya news agency reported.

Delegates endorsed the Budapest Process Action Plan, Kabar reports.
"""


def test_an_agency_named_as_such_relays_and_the_publisher_relays_nothing(context):
    card = draft(AGENCY_ITEM, "en", context, "2022-05-12")
    outlets = [r["outlet"] for r in facts(card.relays)]
    assert len(outlets) == 1 and card.proposals[outlets[0]].labels["en"] == "Zarya"
    assert outlets[0] not in [p["agent"] for p in facts(card.publishers)]


def test_the_agency_that_publishes_the_item_does_not_relay_it(context):
    text = ("Совещание в Баку\n\nБаку, 14 октября (Trend) – В Баку завершилось совещание старших должностных лиц "
            "Будапештского процесса, передает Trend.\n")
    card = draft(text, "ru", context, "2021-10-14")
    assert facts(card.publishers) and not facts(card.relays)


def test_an_invited_guest_is_a_guest_of_the_meeting_reported(context):
    text = RUSSIAN.replace("По итогам совещания", "Делегацию Казахстана, приглашенную в качестве гостя Будапештского "
                           "процесса, возглавил заместитель министра. По итогам совещания")
    card = draft(text, "ru", context, "2021-10-14")
    process, = card.processes
    assert {"status": "invited-guest", "agent": "KAZ", "at_event": card.events[0].id} in facts(process.memberships)
