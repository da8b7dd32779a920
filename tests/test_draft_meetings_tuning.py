"""The drafter's rules for meetings and the roles in them, as tuned on the development half (issue 16, round 2).

Each test is one rule, on a small invented snippet (the registry of tests/fixtures/domain).
"""
from __future__ import annotations

from migkg.draft.drafter import draft_text


def draft(text: str, language: str, context):
    registry, vocabulary = context
    return draft_text(text, "2021-03-10-test", language, registry, vocabulary)


def roles(event) -> list[tuple[str, str]]:
    return [(r.fields["role"], r.fields["agent"]) for r in event.roles]


def named(text: str, event) -> str:
    return text[slice(*event.name.spans[0])]


WORKING_GROUP = """PRESS RELEASE

Experts of the Almaty Process compare notes on border data

ASHGABAT, 10 March 2021 – Officials of five Almaty Process states met in Ashgabat on 8-9 March 2021 for the \
second meeting of the Almaty Process Regional Expert Network Working Group on Data and Border Management. \
The meeting was hosted by the Ministry of Foreign Affairs of Turkmenistan.

Officials of the participating states took part, together with representatives of IOM and UNODC.
"""


def test_a_long_working_group_name_its_number_period_and_place(context):
    event, = draft(WORKING_GROUP, "en", context).events
    assert event.kind.fields == {"kind": "working-group-meeting"}
    assert event.number.fields == {"number": 2}
    assert event.period.fields == {"from": "2021-03-08", "to": "2021-03-09"}
    assert event.place.fields == {"place": "ashgabat"}
    # the ordinal is the number, and since round 11 the name begins at it (as the writers name meetings); the name
    # goes on through "and" between capitals
    assert named(WORKING_GROUP, event) == ("second meeting of the Almaty Process Regional Expert Network Working "
                                           "Group on Data and Border Management")


def test_organisations_whose_representatives_take_part_and_no_state_out_of_a_ministrys_name(context):
    event, = draft(WORKING_GROUP, "en", context).events
    assert ("participant", "iom") in roles(event) and ("participant", "unodc") in roles(event)
    assert ("host", "tkm-ministry-foreign-affairs") in roles(event)
    assert ("host", "TKM") not in roles(event)


LEAD = """PRESS RELEASE

Budapest Process officials meet in Istanbul

ISTANBUL, 12 March 2021 – Senior officials of the Budapest Process met in Istanbul on 10-11 March 2021. The \
Senior Officials' Meeting, the fourth in the series, was opened by a deputy minister.

Hungary, which chairs the process, co-organized the event with ICMPD and IOM.
"""


def test_the_sentence_before_that_says_they_met_gives_period_place_and_process(context):
    event, = draft(LEAD, "en", context).events
    assert event.period.fields == {"from": "2021-03-10", "to": "2021-03-11"}
    assert event.place.fields == {"place": "istanbul"}
    assert event.meeting_of.fields == {"process": "budapest-process"}
    assert event.number.fields == {"number": 4}  # an ordinal in apposition


def test_the_subject_of_co_organized_and_those_after_its_with_are_organisers(context):
    event, = draft(LEAD, "en", context).events
    assert {("organiser", "HUN"), ("organiser", "icmpd"), ("organiser", "iom")} <= set(roles(event))


HEADLINE = """PRESS RELEASE

Almaty Process holds an expert meeting ahead of its Ministerial Conference

ALMATY, 10 March 2021 – Ten years after the 2011 ministerial conference in Bishkek, experts of the Almaty \
Process met online today for an expert meeting on statelessness. It was convened to take stock of the work plan \
of the process. The participants agreed to prepare a report on the registration of births.
"""


def test_the_headlines_meeting_is_the_releases_own_and_a_planned_one_is_not_drafted(context):
    card = draft(HEADLINE, "en", context)
    kinds = [e.kind.fields["kind"] for e in card.events]
    assert kinds[0] == "expert-meeting"
    earlier = next(e for e in card.events if e.kind.fields["kind"] == "ministerial-conference")
    assert earlier.number is None  # "the 2011 ministerial conference": a year, not an ordinal
    assert earlier.place.fields == {"place": "bishkek"}  # the city right after it, not the dateline's


def test_an_online_meeting_takes_no_place_from_the_dateline(context):
    event = draft(HEADLINE, "en", context).events[0]
    assert event.place is None
    assert event.date.fields == {"date": "2021-03-10"}


def test_a_purpose_about_the_process_own_work_and_no_purpose_from_an_agreement(context):
    event = draft(HEADLINE, "en", context).events[0]
    # (and, since round 3, the subject of the expert meeting's name: "an expert meeting on statelessness")
    assert [p.fields["topics"] for p in event.purposes] == [["regional-consultative-process"], ["statelessness"]]


CONSULTATION = """ПРЕСС-РЕЛИЗ

Консультация в Бишкеке

Бишкек, 12 марта 2021 года – Третья министерская консультация Алматинского процесса завершилась в четверг в \
Бишкеке. Консультация проходила 10–11 марта 2021 года. Кыргызстан впервые выступил принимающей стороной.

В рамках консультации состоялась тематическая встреча по вопросам миграционной статистики. Встречу провели \
МОМ и УНП ООН.

Делегацию Казахстана возглавил заместитель министра иностранных дел Республики Казахстан Ерлан Сабитов.
"""


def test_a_ministerial_consultation_its_period_from_a_sentence_that_refers_back(context):
    consultation, thematic = draft(CONSULTATION, "ru", context).events
    assert consultation.kind.fields == {"kind": "ministerial-conference"}
    assert consultation.number.fields == {"number": 3}
    assert consultation.period.fields == {"from": "2021-03-10", "to": "2021-03-11"}
    assert consultation.date is None
    assert named(CONSULTATION, consultation) == "Третья министерская консультация Алматинского процесса"
    assert thematic.part_of.fields == {"event": consultation.id}


def test_a_host_before_its_verb_organisers_after_a_meeting_put_first_and_who_led_a_delegation(context):
    consultation, thematic = draft(CONSULTATION, "ru", context).events
    assert ("host", "KGZ") in roles(consultation)
    assert {("organiser", "iom"), ("organiser", "unodc")} <= set(roles(thematic))
    assert not [r for r in roles(consultation) if r[0] == "organiser"]
    heads = [r.fields for r in consultation.roles if r.fields["role"] == "delegation-head"]  # round 10: its head
    assert [m["on_behalf_of"] for m in heads] == ["KAZ"]


DAYS = """ПРЕСС-РЕЛИЗ

Эксперты в Астане

Астана, 9 марта 2021 года – Во вторник в Астане открылась двухдневная встреча экспертов Алматинского процесса \
по вопросам организованного набора трудовых мигрантов.
"""


def test_a_day_a_meeting_that_lasts_days_opened_on_is_its_first_day(context):
    event, = draft(DAYS, "ru", context).events
    assert event.period.fields == {"from": "2021-03-09"}
    assert event.date is None
    assert not [r for r in roles(event) if r[0] == "organiser"]  # «организованного набора»: no organiser


SUPPORT = """ПРЕСС-РЕЛИЗ

Встреча экспертов Алматинского процесса

Алматы, 10 марта 2021 года – Сегодня в Алматы прошла экспертная встреча Алматинского процесса, посвященная \
миграционной статистике. Встреча прошла при поддержке МОМ и УНП ООН, подготовила обзор для Будапештского процесса.

Открывая заседание, заместитель министра иностранных дел Республики Казахстан Ерлан Сабитов отметил важность \
обмена данными.
"""


def test_a_cues_agents_end_at_the_next_verb_and_the_name_is_read_at_the_main_mention(context):
    event, = draft(SUPPORT, "ru", context).events
    supporters = {agent for role, agent in roles(event) if role == "supporter"}
    assert supporters == {"iom", "unodc"}  # not the process named after «подготовила»
    assert named(SUPPORT, event) == "экспертная встреча Алматинского процесса"


def test_opening_a_session_makes_an_opener(context):
    event, = draft(SUPPORT, "ru", context).events
    assert [role for role, _ in roles(event) if role == "opener"] == ["opener"]


DATELINE_LAST = """PRESS RELEASE

Almaty Process experts meet

Officials of three Almaty Process states met in Almaty on Tuesday (9/03) for the first meeting of the Almaty \
Process Working Group on Border Data. Delegates from Kazakhstan, Kyrgyzstan and Tajikistan took part.

Almaty, 10 March 2021
"""


def test_a_count_in_a_release_whose_dateline_is_at_its_end_keeps_its_evidence(context):
    card = draft(DATELINE_LAST, "en", context)
    event, = card.events
    assert event.date.fields == {"date": "2021-03-09"}
    claim, = card.claims
    assert claim.fields["count"] == 3
    assert claim.spans[0][0] < claim.spans[0][1]


def test_the_person_named_right_before_opening_the_meeting_opened_it(context):
    text = ("ПРЕСС-РЕЛИЗ\n\nВстреча в Алматы\n\nАлматы, 10 марта 2021 года – Сегодня в Алматы прошла экспертная встреча "
            "Алматинского процесса.\n\n«Данные должны служить людям», – заявил заместитель министра иностранных дел "
            "Республики Казахстан Ерлан Сабитов, открывая встречу.\n")
    event, = draft(text, "ru", context).events
    assert [role for role, _ in roles(event) if role == "opener"] == ["opener"]


HELD_LATER_EN = """PRESS RELEASE

Turkmenistan joins Budapest Process talks

ASTANA, 10 March 2021 – Turkmenistan took part in the Ministerial Conference of the Budapest Process for the \
first time, the ministry said.

The Ministerial Conference took place on Tuesday in Istanbul. Ministers adopted a joint statement.
"""

HELD_LATER_RU = """Пресс-релиз

Казахстан впервые принял участие в совещании старших должностных лиц Алматинского процесса

АСТАНА. 10 марта 2021 года. КАЗИНФОРМ – Казахстан впервые принял участие в совещании старших должностных лиц Алматинского процесса.

Совещание старших должностных лиц прошло во вторник в Бишкеке. Делегации обсудили трудовую миграцию.
"""


def test_a_later_sentence_saying_the_meeting_was_held_gives_its_date_and_place_not_the_dateline(context):
    event, = draft(HELD_LATER_EN, "en", context).events
    assert event.date.fields == {"date": "2021-03-09"}
    assert event.place.fields == {"place": "istanbul"}
    event, = draft(HELD_LATER_RU, "ru", context).events
    assert event.date.fields == {"date": "2021-03-09"}
    assert event.place.fields == {"place": "bishkek"}


ONLY_PROCESS = """PRESS RELEASE

Officials call for closer work on border data

ASHGABAT, 10 March 2021 – Officials from Budapest Process member countries on Wednesday called for closer \
sharing of border data.

The Senior Officials' Meeting, chaired by Turkmenistan, brought together delegates from twenty countries.
"""


def test_the_only_process_a_text_names_is_the_one_its_own_meeting_belongs_to(context):
    event, = draft(ONLY_PROCESS, "en", context).events
    assert event.meeting_of.fields == {"process": "budapest-process"}
    assert event.meeting_of.confidence < 0.5  # a guess from the whole text, not from the meeting's words
    founding = ONLY_PROCESS.replace("called for closer sharing of border data", "launched the Budapest Process")
    event, = draft(founding, "en", context).events
    assert event.meeting_of is None  # a meeting that founded the process is not one of its meetings


DELEGATION = """Пресс-релиз

Эксперты Алматинского процесса встретились в Бишкеке

Бишкек, 10 марта 2021 года – В Бишкеке прошло совещание старших должностных лиц Алматинского процесса. \
В нем участвовали представители Казахстана, Кыргызстана и Туркменистана.

Узбекскую делегацию, приглашенную в качестве наблюдателя, возглавил заместитель министра Бахтияр Рашидов.
"""


def test_who_led_a_delegation_after_a_clause_and_its_state_from_its_own_sentence(context):
    event, = draft(DELEGATION, "ru", context).events
    heads = [r.fields for r in event.roles if r.fields["role"] == "delegation-head"]  # round 10: its head
    assert [m["on_behalf_of"] for m in heads] == ["UZB"]  # not Turkmenistan, named last in the sentence before
