"""Round 15 of the drafter's tuning (issue 16): rules written for a class of phrasing or layout found in at least two
halves by different writers, meant to carry over to writers no round has read. Snippets invented for these tests (the
meetings and figures in them are made up); the registry is tests/fixtures/domain's."""
from __future__ import annotations

from migkg.draft.header import find_dateline
from tests.drafting import draft


def counts(card) -> set[tuple]:
    return {(c.fields["about"], c.fields["count"], c.fields["counted_role"]) for c in card.claims if "count" in c.fields}


SOME_OF_THE_MEMBERS = """Press Release

Officials meet in Astana

ASTANA, 4 March 2026 - Senior officials of the Almaty Process met today in Astana to discuss labour migration.

Delegations of 5 of the Process's 7 member states attended, among them Kazakhstan and Kyrgyzstan.
"""


def test_some_of_a_process_members_counted_after_its_possessive(context):
    card = draft(SOME_OF_THE_MEMBERS, "en", context, "2026-03-04")
    event = card.events[0].id
    assert counts(card) == {(event, 5, "participant"), ("almaty-process", 7, "member")}
    # the possessive alone, in a sentence of attending, stays the count of who took part
    text = SOME_OF_THE_MEMBERS.replace("Delegations of 5 of the Process's 7", "Delegations of the Process's 7")
    assert counts(draft(text, "en", context, "2026-03-04")) == {(event, 7, "participant")}


MEMBERS_IN_RU = """ПРЕСС-РЕЛИЗ

Встреча в Бишкеке

БИШКЕК, 4 марта 2026 - Сегодня в Бишкеке прошло совещание старших должностных лиц Алматинского процесса.

Посол напомнил, что Алматинский процесс, в который входят 7 государств, был запущен в 2013 году.
"""


def test_a_process_members_counted_as_those_who_belong_to_it(context):
    card = draft(MEMBERS_IN_RU, "ru", context, "2026-03-04")
    assert ("almaty-process", 7, "member") in counts(card)
    text = MEMBERS_IN_RU.replace("Посол напомнил, что Алматинский процесс, в который входят 7 государств, был "
                                 "запущен в 2013 году.", "Алматинский процесс запущен в 2013 году. В него входят 7 "
                                 "государств.")
    assert ("almaty-process", 7, "member") in counts(draft(text, "ru", context, "2026-03-04"))
    # «более 40»: no exact count
    text = text.replace("входят 7", "входят более 40")
    assert not any(c[2] == "member" for c in counts(draft(text, "ru", context, "2026-03-04")))


HELD_BY_RU = """Совещание в Астане

АСТАНА, 4 марта. /Корр. ТАСС/. Заместители министров государств – участников Алматинского процесса в среду \
завершили в Астане двухдневное совещание, приняв совместное заявление.
"""


def test_a_meeting_named_by_its_noun_alone_takes_its_class_from_who_held_it(context):
    card = draft(HELD_BY_RU, "ru", context, "2026-03-04")
    assert [e.kind.fields["kind"] for e in card.events] == ["vice-ministerial-meeting"]
    # no class in the subject: the guess stays an expert meeting, noted
    text = HELD_BY_RU.replace("Заместители министров государств – участников", "Государства – участники")
    assert [e.kind.fields["kind"] for e in draft(text, "ru", context, "2026-03-04").events] == ["expert-meeting"]


def dateline(text: str) -> tuple[str | None, str | None, str | None, str | None]:
    """What the dateline of ``text`` gives: its date, place, agency and correspondent, as words."""
    found = find_dateline(text, "ru")
    assert found is not None

    def words(span):
        return text[span[0]:span[1]] if span else None
    place = (found.place_start, found.place_end) if found.place_start is not None else None
    return found.date, words(place), words(found.agency), words(found.author)


def test_a_wire_dateline_names_its_agency_in_the_forms_wires_use():
    body = " Представители государств обсудили в городе вопросы миграции."
    # a multi-word name that opens with capitals, after the dash
    assert dateline("Заголовок\n\nКАИР, 4 фев 2026 – РИА Новости." + body)[2] == "РИА Новости"
    # in quotes, «ИА» before it
    assert dateline("Заголовок\n\nДУШАНБЕ, 11 апр 2019 — «Азия-Плюс»." + body)[2] == "Азия-Плюс"
    assert dateline("Заголовок\n\nТашкент, 14 августа 2026 г. – ИА «Дунё»." + body)[2] == "Дунё"
    # the agency in capitals first, then the city and the date
    assert dateline("Заголовок\n\nИНТЕРФАКС – Кишинев, 15 октября 2025 г.\n\n" + body) == \
        ("2025-10-15", "Кишинев", "ИНТЕРФАКС", None)
    # a correspondent's line in slashes
    assert dateline("Заголовок\n\nМЕХИКО, 14 ноября 2025. /Корр. ТАСС Ирина Волкова/." + body)[2:] == \
        ("ТАСС", "Ирина Волкова")
    # the first words of the text after the dash are still no agency
    assert dateline("Заголовок\n\nАлматы, 5 июня 2013 – Министры собрались в городе." + body)[2] is None


def test_a_page_stamp_above_the_dateline_gives_way_to_it():
    text = "Заголовок\n\n14 ноября 2025, 06:40\n\nМЕХИКО, 14 ноября. /ТАСС/. Министры собрались в городе."
    assert dateline(text) == ("2025-11-14", "МЕХИКО", "ТАСС", None)
    text = "Заголовок\n\n11.04.2019 14:20\n\nДУШАНБЕ, 11 апр — «Азия-Плюс». Министры собрались в городе."
    assert dateline(text) == ("2019-04-11", "ДУШАНБЕ", "Азия-Плюс", None)


def test_a_wire_dateline_makes_the_text_a_news_item(context):
    text = "Министры обсудили миграцию\n\nАСТАНА, 4 марта 2026 – РИА Новости. Министры государств Алматинского " \
           "процесса провели в Астане министерскую конференцию.\n"
    card = draft(text, "ru", context, "2026-03-04")
    assert card.kind.fields["kind"] == "news-item"


def proposed(text: str, context) -> dict[str, tuple[str, dict]]:
    """The proposed registry entries of a draft of ``text``: id -> (type, labels)."""
    card = draft(text, "en", context, "2026-03-04")
    return {p.id: (p.type, p.labels) for p in card.proposals.values()}


OWN_MINISTRY = """Press Release

Officials meet in Nairobi

NAIROBI, 4 March 2026 - Senior officials of the Almaty Process met today in Nairobi. The meeting was hosted by \
Kenya's Ministry of Labour and Skills and chaired by the Royal Thai Government.
"""


def test_a_ministry_named_after_its_state_in_the_possessive_is_that_states(context):
    entries = {labels["en"]: kind for kind, labels in proposed(OWN_MINISTRY, context).values()}
    assert entries.get("Ministry of Labour and Skills of Kenya") == "ministry"
    assert "Ministry of Labour and Skills" not in entries
    # a government named with its head noun last is a government
    assert entries.get("Royal Thai Government") == "government"


def names(text: str, context) -> list[str]:
    card = draft(text, "ru", context, "2026-03-04")
    return [" ".join(text[s:e] for s, e in event.name.spans) for event in card.events]


def test_a_russian_meeting_name_goes_on_over_the_body_it_is_of_and_its_title(context):
    text = """Совещание в Астане

АСТАНА, 4 марта 2026 – Сегодня в Астане прошло тематическое совещание Алматинского процесса «Возвращение и \
реинтеграция мигрантов». В нем участвовали эксперты Казахстана и Кыргызстана.
"""
    assert names(text, context) == ["тематическое совещание Алматинского процесса «Возвращение и реинтеграция "
                                    "мигрантов»"]
    text = """Совещание в Астане

АСТАНА, 4 марта 2026 – Сегодня в Астане прошло совещание старших должностных лиц государств – участников \
Алматинского процесса по вопросам трудовой миграции. В нем участвовали эксперты Казахстана и Кыргызстана.
"""
    assert names(text, context) == ["совещание старших должностных лиц государств – участников Алматинского процесса "
                                    "по вопросам трудовой миграции"]


PANEL_RU = """Заседание в Кишиневе

КИШИНЕВ, 4 марта 2026 – В Кишиневе прошло экспертное заседание Панели Восточного партнерства по миграции, \
мобильности и интегрированному управлению границами, посвященное обмену данными. В нем участвовали эксперты \
Молдовы и Грузии.
"""

PANEL_EN = """Press Release

Experts meet in Chisinau

CHISINAU, 4 March 2026 - An expert meeting of the Eastern Partnership Panel on Migration, Mobility and Integrated \
Border Management was held today in Chisinau. Experts from Moldova and Georgia took part.
"""


def test_a_process_named_as_a_panel_is_proposed_with_its_whole_name(context):
    card = draft(PANEL_RU, "ru", context, "2026-03-04")
    labels = [p.labels["ru"] for p in card.proposals.values() if p.type == "regional-consultative-process"]
    assert labels == ["Панель Восточного партнерства по миграции, мобильности и интегрированному управлению границами"]
    # the meeting's name goes on over it, and the subject of the process's name is no purpose of the meeting
    assert [" ".join(PANEL_RU[s:e] for s, e in ev.name.spans) for ev in card.events] == [
        "экспертное заседание Панели Восточного партнерства по миграции, мобильности и интегрированному управлению "
        "границами"]
    assert [p.fields["topics"] for ev in card.events for p in ev.purposes] == []
    card = draft(PANEL_EN, "en", context, "2026-03-04")
    labels = [p.labels["en"] for p in card.proposals.values() if p.type == "regional-consultative-process"]
    assert labels == ["Eastern Partnership Panel on Migration, Mobility and Integrated Border Management"]


def test_a_date_after_a_meeting_name_is_no_part_of_it(context):
    text = """Press Release

Officials meet in Astana

ASTANA, 4 March 2026 - The Senior Officials' Meeting of the Almaty Process on Monday and Tuesday reviewed labour \
migration. Officials from Kazakhstan and Kyrgyzstan took part.
"""
    card = draft(text, "en", context, "2026-03-04")
    assert [" ".join(text[s:e] for s, e in ev.name.spans) for ev in card.events] == [
        "Senior Officials' Meeting of the Almaty Process"]
    text = text.replace("on Monday and Tuesday", "on 2 March")
    card = draft(text, "en", context, "2026-03-04")
    assert [" ".join(text[s:e] for s, e in ev.name.spans) for ev in card.events] == [
        "Senior Officials' Meeting of the Almaty Process"]


def test_capitalised_words_before_an_english_meeting_kind_are_in_its_name(context):
    text = """Press Release

Officials meet in Astana

ASTANA, 4 March 2026 - The Ad Hoc Group Senior Officials' Meeting of the Almaty Process was held today in Astana. \
Officials from Kazakhstan and Kyrgyzstan took part.
"""
    card = draft(text, "en", context, "2026-03-04")
    assert [" ".join(text[s:e] for s, e in ev.name.spans) for ev in card.events] == [
        "Ad Hoc Group Senior Officials' Meeting of the Almaty Process"]


def test_a_word_of_how_often_or_how_widely_a_meeting_meets_is_in_its_name(context):
    text = """Совещание в Астане

АСТАНА, 4 марта 2026 – Сегодня в Астане состоялось региональное совещание экспертов Алматинского процесса. В нем \
участвовали эксперты Казахстана и Кыргызстана.
"""
    assert names(text, context)[0].startswith("региональное совещание экспертов")
    text = """Press Release

Officials meet in Astana

ASTANA, 4 March 2026 - The Almaty Process held its ninth annual Senior Officials' Meeting today in Astana. \
Officials from Kazakhstan and Kyrgyzstan took part.
"""
    card = draft(text, "en", context, "2026-03-04")
    assert [ev.number.fields["number"] for ev in card.events if ev.number] == [9]
