"""Round 14 of the drafter's tuning (issue 16): rules meant to carry over to texts no round has read, each a class
of phrasing. Snippets invented for these tests (the meetings and figures in them are made up); the registry is
tests/fixtures/domain's."""
from __future__ import annotations

from tests.drafting import card_text, draft


def memberships(card) -> dict[str, dict]:
    return {m.fields["agent"]: m.fields for p in card.processes for m in p.memberships}


def members_drafted(text: str, language: str, context) -> dict[str, dict]:
    """The memberships a draft of ``text``, issued on the day of these snippets, gives."""
    return memberships(draft(text, language, context, "2026-03-04"))


COMPOSED_EN = """Press Release

Officials meet in Astana

ASTANA, 4 March 2026 - Senior officials of the Almaty Process met today in Astana to discuss labour migration.

The Almaty Process, set up in 2013, brings together Kazakhstan, Kyrgyzstan, Tajikistan and Turkey.
"""

COMPOSED_RU = """ПРЕСС-РЕЛИЗ

Встреча в Бишкеке

БИШКЕК, 4 марта 2026 - Сегодня в Бишкеке прошло совещание старших должностных лиц Алматинского процесса.

В Алматинский процесс, созданный в 2013 году, входят Казахстан, Кыргызстан, Таджикистан и Турция.
"""


def test_members_listed_as_what_a_process_is_made_of(context):
    want = {state: {"status": "member", "agent": state} for state in ("KAZ", "KGZ", "TJK", "TUR")}
    assert members_drafted(COMPOSED_EN, "en", context) == want
    assert members_drafted(COMPOSED_RU, "ru", context) == want
    text = COMPOSED_EN.replace("The Almaty Process, set up in 2013, brings together",
                               "The members of the Almaty Process are")
    assert members_drafted(text, "en", context) == want
    text = COMPOSED_RU.replace("В Алматинский процесс, созданный в 2013 году, входят",
                               "Членами Алматинского процесса являются")
    assert members_drafted(text, "ru", context) == want
    # observers likewise; and the members of another body are not the process's
    text = COMPOSED_EN.replace("The Almaty Process, set up in 2013, brings together",
                               "The observers of the Almaty Process are")
    assert {m["status"] for m in members_drafted(text, "en", context).values()} == {"observer"}
    text = COMPOSED_EN.replace("The Almaty Process, set up in 2013, brings together",
                               "The Almaty Process was discussed by the bloc's members, which are")
    assert members_drafted(text, "en", context) == {}


STANDING_EN = """Press Release

Officials meet in Astana

ASTANA, 4 March 2026 - Senior officials of the Almaty Process met today in Astana. Delegations of the Process's 4 \
member countries took part: Kazakhstan, Kyrgyzstan, Tajikistan and Turkey.
"""

STANDING_RU = """ПРЕСС-РЕЛИЗ

Встреча в Бишкеке

БИШКЕК, 4 марта 2026 - Сегодня в Бишкеке прошло совещание старших должностных лиц Алматинского процесса. Оно \
собрало представителей четырех государств – участников процесса: Казахстана, Кыргызстана, Таджикистана и Турции.
"""


def test_members_named_by_their_standing_before_a_verb_of_attending_and_a_list(context):
    want = {state: {"status": "member", "agent": state} for state in ("KAZ", "KGZ", "TJK", "TUR")}
    assert members_drafted(STANDING_EN, "en", context) == want
    assert members_drafted(STANDING_RU, "ru", context) == want
    text = STANDING_EN.replace("Delegations of the Process's 4 member countries took part:",
                               "Delegations of 4 of the Process's 6 member states attended, among them")
    assert members_drafted(text, "en", context) == want
    # the members of another body, named by its acronym, are not the process's
    text = STANDING_EN.replace("Delegations of the Process's 4 member countries took part:",
                               "Four SADC member states, among them")
    assert members_drafted(text, "en", context) == {}


LEAD_IN_DATELINE = """БИШКЕК, 4 марта. /НОВОСТИ/. Заместители министров стран Алматинского процесса провели в среду в Бишкеке \
совещание заместителей министров. Об этом сообщает пресс-служба МИД.

Встречу открыл заместитель министра иностранных дел.
"""


def test_a_lead_that_goes_on_after_the_dateline_is_the_title_and_the_body(context):
    card = draft(LEAD_IN_DATELINE, "ru", context, "2026-03-04")
    assert card_text(LEAD_IN_DATELINE, card.title.spans).startswith("Заместители министров стран")
    event, = card.events
    assert event.kind.fields == {"kind": "vice-ministerial-meeting"}
    assert event.meeting_of is not None and event.meeting_of.fields == {"process": "almaty-process"}


OBJECT_OF_HOLDING = """Wire item

Officials end their talks

ASTANA, March 4 (Wire) -- Member states of the Commonwealth of Independent States on Wednesday wrapped up a \
three-day meeting of the Almaty Process in the Kazakh capital, a local agency reported.

The gathering, described by organizers as the 9th regular meeting of the process, discussed labour migration.
"""


def test_a_meeting_as_the_object_of_a_verb_of_closing_and_its_number_described_in_apposition(context):
    event, = draft(OBJECT_OF_HOLDING, "en", context, "2026-03-04").events
    assert event.meeting_of is not None and event.meeting_of.fields == {"process": "almaty-process"}
    assert event.number is not None and event.number.fields == {"number": 9}
    # a meeting still to come is no object of such a verb
    text = OBJECT_OF_HOLDING.replace("on Wednesday wrapped up a three-day meeting",
                                     "on Wednesday said they would hold a three-day meeting")
    assert draft(text, "en", context, "2026-03-04").events == []


ONLINE_RU = """ПРЕСС-РЕЛИЗ

Встреча экспертов

БИШКЕК, 4 марта 2026 - Сегодня в режиме видеоконференции прошло совещание старших должностных лиц Алматинского \
процесса.
"""


def test_how_a_meeting_was_attended_where_the_text_says_it(context):
    event, = draft(ONLINE_RU, "ru", context, "2026-03-04").events
    assert event.attendance is not None and event.attendance.fields == {"mode": "online"}
    text = ONLINE_RU.replace("в режиме видеоконференции", "в гибридном формате")
    event, = draft(text, "ru", context, "2026-03-04").events
    assert event.attendance is not None and event.attendance.fields == {"mode": "hybrid"}
    event, = draft(ONLINE_RU.replace("в режиме видеоконференции ", ""), "ru", context, "2026-03-04").events
    assert event.attendance is None
