"""Voices, round 4 (issue 16): joint outcomes after a lead-in or said by senior officials, adoptions that are not
joint outcomes, a meeting's call, an English dateline before «--», a name after the end of a title, posts of a
deputy head, two bodies joined by «and». Small invented snippets (the registry of tests/fixtures/domain).
"""
from __future__ import annotations

from migkg.draft import english
from migkg.draft.drafter import draft_text

RU_MEETING = ("ПРЕСС-РЕЛИЗ\n\nВстреча в Бишкеке\n\nБишкек, 3 марта 2020 года – Сегодня в Бишкеке состоялось "
              "совещание старших должностных лиц Алматинского процесса. В нем участвовали делегации Казахстана, "
              "Кыргызстана и Таджикистана.\n\n")
EN_MEETING = ("PRESS RELEASE\n\nOfficials meet in Bishkek\n\nBISHKEK, 3 March 2020 – A Senior Officials' Meeting of "
              "the Almaty Process was held in Bishkek today. Delegations from Kazakhstan, Kyrgyzstan and Tajikistan "
              "took part.\n\n")


def drafted(text: str, language: str, context):
    registry, vocabulary = context
    return draft_text(text, "2020-01-01-test", language, registry, vocabulary)


def statements(text: str, language: str, context) -> list[tuple[str, object, str]]:
    """(kind, speakers or speaker groups, evidence) of each drafted statement."""
    found = []
    for statement in drafted(text, language, context).statements:
        fields = statement.fields
        who = fields.get("speakers") or [g["group"] for g in fields.get("speaker_groups", [])]
        found.append((fields["kind"], who, " / ".join(text[s:e] for s, e in statement.spans)))
    return found


def test_a_lead_in_before_the_participants_is_not_their_name(context):
    text = RU_MEETING + ("По итогам совещания стороны согласились ежегодно обмениваться данными о трудовых "
                         "мигрантах.\n")
    outcomes = [s for s in statements(text, "ru", context) if s[0] == "joint-outcome"]
    assert [(who, words[:22]) for _, who, words in outcomes] == [(["participants"], "По итогам совещания ст")]


def test_senior_officials_from_the_member_countries_are_the_participants(context):
    text = EN_MEETING + ("Senior officials from Almaty Process member countries on Tuesday called for closer "
                         "cooperation on the return of labour migrants.\n")
    found = statements(text, "en", context)
    assert [(kind, who) for kind, who, _ in found] == [("joint-outcome", ["participants"])]
    assert found[0][2].startswith("Senior officials from Almaty Process member countries")


def test_adopting_a_document_is_an_adoption_not_a_joint_outcome(context):
    adopted = EN_MEETING + "The senior officials endorsed the Almaty Process Action Plan for 2020-2021.\n"
    assert not [s for s in statements(adopted, "en", context) if s[0] == "joint-outcome"]
    agreed_too = RU_MEETING + ("Участники совещания одобрили план действий процесса и договорились провести "
                               "следующее совещание в Душанбе.\n")
    assert [s[1] for s in statements(agreed_too, "ru", context) if s[0] == "joint-outcome"] == [["participants"]]
    a_draft = RU_MEETING + "По итогам совещания стороны одобрили проект декларации о трудовой миграции.\n"
    assert [s[1] for s in statements(a_draft, "ru", context) if s[0] == "joint-outcome"] == [["participants"]]


def test_a_meeting_that_calls_on_someone_makes_a_statement(context):
    text = EN_MEETING + "The meeting also called on member states to share data on labour migration flows.\n"
    found = [s for s in statements(text, "en", context) if s[2].startswith("The meeting also called")]
    assert [(kind, who) for kind, who, _ in found] == [("reported-speech", ["meeting"])]


def test_an_english_dateline_before_a_double_hyphen_is_no_speaker(context):
    text = ("Officials meet in Bishkek\n\nBISHKEK, Kyrgyzstan, March 3 (Xinhua) -- Senior officials from Almaty "
            "Process member countries on Tuesday called for closer cooperation on labour migration. The meeting "
            "of senior officials of the Almaty Process was held in Bishkek.\n")
    found = statements(text, "en", context)
    assert "KGZ" not in [who for _, speakers, _ in found for who in speakers]


def test_a_name_does_not_begin_with_the_last_word_of_a_title():
    analysis = english.analyse("The delegation of Ruritania was led by its Ambassador for Labour Mobility and "
                               "Migrant Protection Jonas Bell. \"Borders must stay open,\" Ambassador for Labour "
                               "Mobility and Migrant Protection Jonas Bell told the meeting. The protection of "
                               "migrant workers was discussed.")
    assert [n.normal for n in analysis.names if "Bell" in n.normal] == ["Jonas Bell"]


def test_the_deputy_of_a_head_holds_a_post(context):
    text = RU_MEETING + ("Делегацию Кыргызстана возглавил заместитель начальника Государственной миграционной "
                         "службы Кыргызской Республики Азамат Токтосунов.\n")
    card = drafted(text, "ru", context)
    labels = [card.proposals[h.fields["post"]].labels["ru"] if h.fields["post"] in card.proposals
              else h.fields["post"] for h in card.posts_held]
    assert any(label.startswith("Заместитель начальника Государственной миграционной службы") for label in labels)


def test_two_bodies_joined_by_and():
    analysis = english.analyse("The European Commission and Frontex attended as guests. The Ministry of Labour and "
                               "Social Protection of Ruritania hosted the meeting.")
    names = [o.normal for o in analysis.organisations]
    assert "European Commission" in names
    assert "European Commission and Frontex" not in names
    assert any("Ministry of Labour and Social Protection" in n for n in names)


def test_a_name_before_an_apposition_in_lower_case_and_a_reporting_verb():
    analysis = english.analyse("The talks ended on Friday. Jonas Bell, director for labour mobility at the "
                               "ministry of labour, said the region needed more data.")
    assert [n.normal for n in analysis.names] == ["Jonas Bell"]


def test_a_reported_clause_that_runs_into_a_quote_begins_that_quote(context):
    text = EN_MEETING + ('Opening the meeting, Minister of Labour of Tajikistan Farrukh Nazarov said that the return '
                         'of a migrant "must never be the end of his story. Work at home is the next step."\n')
    found = statements(text, "en", context)
    assert [(kind, who) for kind, who, _ in found] == [("direct-quote", ["farrukh-nazarov"])]
    assert found[0][2].startswith("said that the return of a migrant / must never be the end")


def test_whom_a_quote_was_told_to_is_not_a_statement(context):
    text = EN_MEETING + ('"Borders must stay open to trade and closed to traffickers," Minister of Labour of '
                         'Tajikistan Farrukh Nazarov told the meeting.\n')
    assert [kind for kind, _, _ in statements(text, "en", context)] == ["direct-quote"]
