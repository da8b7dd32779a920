"""Guards after round 15: four ways round 15's rules could go wrong on texts no one has read, each checked with
invented sentences (the meetings, places and figures in them are made up; the registry is tests/fixtures/domain's).
Each test states the wrong fact not drafted and, in the same test, the rule still firing on the kind of sentence it
was written for."""
from __future__ import annotations

from migkg.draft.header import find_dateline
from tests.drafting import draft


def agency(text: str) -> str | None:
    found = find_dateline(text, "ru")
    assert found is not None
    return text[found.agency[0]:found.agency[1]] if found.agency else None


RU_BODY = " Представители государств обсудили в городе вопросы миграции.\n"


def test_a_ministry_that_reports_after_the_dateline_dash_is_no_agency(context):
    # the first sentence of the text after the dash, its verb in lower case: no agency, no news item
    for first in ("МИД Казахстана сообщил.", "МИД сообщил.", "Министерство иностранных дел сообщает."):
        text = "Заголовок\n\nАСТАНА, 4 марта 2026 – " + first + RU_BODY
        assert agency(text) is None, first
        card = draft(text, "ru", context, "2026-03-04")
        assert card.kind.fields["kind"] != "news-item", first
        assert not [p for p in card.proposals.values() if p.type == "news-outlet"], first
    # a multi-word agency that opens with capitals still is one
    text = "Заголовок\n\nКАИР, 4 фев 2026 – РИА Новости." + RU_BODY
    assert agency(text) == "РИА Новости"
    assert draft(text, "ru", context, "2026-03-04").kind.fields["kind"] == "news-item"


def processes(text: str, language: str, context) -> list[str]:
    card = draft(text, language, context, "2026-03-04")
    return [p.labels[language] for p in card.proposals.values() if p.type == "regional-consultative-process"]


PANEL = """Press Release

Experts meet in Geneva

GENEVA, 4 March 2026 - {} met today in Geneva. Experts from Moldova and Georgia took part.
"""


def test_a_panel_of_rank_or_advice_is_no_process(context):
    for body in ("The High-Level Panel on Migration", "The UN High-Level Panel on Migration",
                 "The Secretary-General's High-Level Panel on Internal Displacement",
                 "The Independent Expert Panel on Migration and Mobility"):
        assert processes(PANEL.format(body), "en", context) == [], body
    text = """Заседание в Женеве

ЖЕНЕВА, 4 марта 2026 – В Женеве прошло заседание Панели высокого уровня по миграции. В нем участвовали эксперты \
Молдовы и Грузии.
"""
    assert processes(text, "ru", context) == []
    # the Eastern Partnership Panel is still proposed as a process
    assert processes(PANEL.format("The Eastern Partnership Panel on Migration, Mobility and Integrated Border "
                                  "Management"), "en", context) == [
        "Eastern Partnership Panel on Migration, Mobility and Integrated Border Management"]


MEETING = """Press Release

Officials meet in Astana

ASTANA, 4 March 2026 - {} Officials from Kazakhstan and Kyrgyzstan took part.
"""


def names(body: str, context) -> list[str]:
    text = MEETING.format(body)
    card = draft(text, "en", context, "2026-03-04")
    return [" ".join(text[s:e] for s, e in ev.name.spans) for ev in card.events if ev.name]


def test_a_place_or_a_time_before_a_meeting_kind_is_no_part_of_its_name(context):
    for body in ("Officials attended the Astana Senior Officials' Meeting of the Almaty Process today.",
                 "Officials attended the Kazakhstan Senior Officials' Meeting of the Almaty Process today.",
                 "Officials attended the March Senior Officials' Meeting of the Almaty Process today.",
                 "Officials attended the Bangkok Senior Officials' Meeting of the Almaty Process, held in Bangkok.",
                 "Yesterday Senior Officials' Meeting of the Almaty Process opened in Astana."):
        assert names(body, context) == ["Senior Officials' Meeting of the Almaty Process"], body
    # "In Astana, Senior Officials met": the city stays out of what is named
    assert not any("Astana" in name for name in names("In Astana, Senior Officials met for the Almaty Process "
                                                       "today.", context))
    # capitalised words of a body or a process before the kind are still in the name
    assert names("Officials attended the ADD Senior Officials' Meeting today.", context) == [
        "ADD Senior Officials' Meeting"]
    assert names("The Ad Hoc Group Senior Officials' Meeting of the Almaty Process was held today in Astana.",
                 context) == ["Ad Hoc Group Senior Officials' Meeting of the Almaty Process"]


def test_a_year_after_on_in_a_meeting_name_is_its_subject_not_its_date(context):
    assert names("The Almaty Process held a Meeting on 2030 Agenda Migration Targets today in Astana.", context) == [
        "Meeting on 2030 Agenda Migration Targets"]
    assert names("The Senior Officials' Meeting on 2030 Agenda Goals of the Almaty Process was held today in "
                 "Astana.", context) == ["Senior Officials' Meeting on 2030 Agenda Goals of the Almaty Process"]
    # a date after "on" is still cut from the name
    assert names("The Senior Officials' Meeting of the Almaty Process on 2 March reviewed labour migration.",
                 context) == ["Senior Officials' Meeting of the Almaty Process"]
