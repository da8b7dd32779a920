"""The drafter on positions, memberships, documents, claims and groupings, in the phrasings tuned on the
development half of tests/fixtures/drafting (issue 16, round 2). Snippets invented for these tests; the registry
is tests/fixtures/domain's."""
from __future__ import annotations

import datetime as dt

import pytest

from migkg.draft.drafter import draft_text
from migkg.draft.header import Supplied

ENGLISH = """PRESS RELEASE

Budapest Process experts meet in Budapest

BUDAPEST, 10 March 2021 – Officials of five Budapest Process Member States met in Budapest on Tuesday for a \
two-day expert meeting on labour migration. The meeting was opened by the host.

Delegates from Azerbaijan, Kazakhstan, Kyrgyzstan, Turkmenistan and Hungary took part.

Türkiye and Kazakhstan, the co-chairs of the Budapest Process, jointly chaired the meeting. Hungary currently \
holds the secretariat of nothing in particular. Turkmenistan currently chairs the Budapest Process.

IOM, which provides technical support to the Budapest Process, presented a study. Uzbekistan joined as an \
observer. The ICMPD joined the discussions as a resource partner. The participants welcomed Azerbaijan's request \
to join the process as an observer.

On the margins of the meeting, Kazakhstan and Kyrgyzstan signed a joint statement on the recognition of \
diplomas of migrant workers.
"""

RUSSIAN = """ПРЕСС-РЕЛИЗ

Алматинскому процессу исполнилось десять лет

Алматы, 5 июня 2023 года – Представители десяти государств Центральной Азии и сопредельных стран приняли \
участие в совещании старших должностных лиц Алматинского процесса в Алматы.

По итогам совещания председательство в Алматинском процессе перешло от Казахстана к Кыргызстану, который \
будет возглавлять его в 2024–2025 годах.

В совещании участвовали также эксперты Туркменистана и ряда государств – членов ЕС.
"""


def draft(text: str, language: str, context, issued: str):
    registry, vocabulary = context
    return draft_text(text, "2021-03-10-test", language, registry, vocabulary,
                      supplied=Supplied(issued=dt.date.fromisoformat(issued)))


def facts(items) -> list[dict]:
    return [item.fields for item in items]


@pytest.fixture(scope="module")
def english(context):
    return draft(ENGLISH, "en", context, "2021-03-10")


@pytest.fixture(scope="module")
def russian(context):
    return draft(RUSSIAN, "ru", context, "2023-06-05")


def test_counted_member_states_are_the_states_listed_after_them(english):
    process, = english.processes
    members = [m["agent"] for m in facts(process.memberships) if m["status"] == "member"]
    assert members == ["AZE", "KAZ", "KGZ", "TKM", "HUN"]


def test_jointly_chaired_names_co_chairs_and_currently_dates_a_chair_on_the_day_of_issue(english):
    process, = english.processes
    event = english.events[0].id
    positions = facts(process.positions)
    # "the co-chairs of the Budapest Process" (words about the process) are positions; "jointly chaired the meeting"
    # makes each a chair of the meeting (round 10: docs/card-format.md, section 6)
    assert {"position": "co-chair", "holder": "TUR", "at_event": event} in positions
    assert {"position": "co-chair", "holder": "KAZ", "at_event": event} in positions
    assert {r.fields["agent"] for r in english.events[0].roles if r.fields["role"] == "meeting-chair"} == {"TUR", "KAZ"}
    assert {"position": "chair", "holder": "TKM", "on": "2021-03-10"} in positions
    assert not [p for p in positions if p["position"] == "chair" and p["holder"] in ("TUR", "KAZ")]


def test_partners_by_support_observers_that_join_and_requests_left_out(english):
    process, = english.processes
    event = english.events[0].id
    memberships = facts(process.memberships)
    assert {"status": "partner", "agent": "iom"} in memberships
    assert {"status": "observer", "agent": "UZB", "at_event": event} in memberships
    assert not [m for m in memberships if m["agent"] == "icmpd"]  # a resource partner of the discussions
    assert not [m for m in memberships if m["agent"] == "AZE" and m["status"] == "observer"]  # only a request


def test_a_signed_document_not_named_as_a_proper_name(english):
    document, = english.documents
    event = english.events[0].id
    assert (document.id, document.kind.fields) == ("2021-kaz-kgz-joint-statement", {"kind": "joint-statement"})
    assert ENGLISH[slice(*document.name.spans[0])] == \
        "joint statement on the recognition of diplomas of migrant workers"
    assert facts(document.adoptions) == [{"action": "signed", "at_event": event, "parties": ["KAZ", "KGZ"]}]


def test_claims_count_in_words_and_days_of_a_meeting(english):
    event = english.events[0].id
    claims = facts(english.claims)
    assert {"count": 5, "counted": "state", "about": event} == {k: claims[0][k] for k in ("count", "counted", "about")}
    assert {"about": event, "duration": "P2D"} in [{k: c[k] for k in ("about", "duration")} for c in claims
                                                    if "duration" in c]


def test_a_handover_gives_the_new_holder_its_term(russian):
    process, = russian.processes
    assert {"position": "chair", "holder": "KGZ", "period": {"from": "2024", "to": "2025"}} in facts(process.positions)
    assert facts(process.handovers)[0]["to"] == "KGZ"


def test_groupings_with_their_regions_and_member_states_of_another_body(russian):
    event = russian.events[0].id
    groupings = facts(russian.groupings)
    assert [(g["about"], g.get("regions")) for g in groupings] == [(event, ["143"]), (event, None)]
    process, = russian.processes
    assert not process.memberships  # «государств – членов ЕС» are members of the EU, not of the process


def test_counts_and_years_in_russian(russian):
    claims = facts(russian.claims)
    assert [(c["count"], c["counted"]) for c in claims if "count" in c] == [(10, "state")]
    assert {"about": "almaty-process", "duration": "P10Y"} in [{k: c[k] for k in ("about", "duration")}
                                                               for c in claims if "duration" in c]
