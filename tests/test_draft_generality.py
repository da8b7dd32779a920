"""The drafter on phrasing classes that recur across the drafting corpus's halves (issue 16, tuning for texts not
seen): a state by the initials of its name («КР», «РК»), "headed by" («во главе с»), a chair taken over, a
handover still to come. Snippets invented for these tests; the registry is tests/fixtures/domain's."""
from __future__ import annotations

import datetime as dt

from migkg.draft.drafter import draft_text
from migkg.draft.header import Supplied


def draft(text: str, language: str, context, issued: str = "2025-11-14"):
    registry, vocabulary = context
    return draft_text(text, "2025-11-14-test", language, registry, vocabulary,
                      supplied=Supplied(issued=dt.date.fromisoformat(issued)))


def facts(items) -> list[dict]:
    return [item.fields for item in items]


def handovers(card) -> list[dict]:
    return [h.fields for process in card.processes for h in process.handovers]


INITIALS = """Кабар / Политика

Делегация Кыргызстана приняла участие во встрече в Праге

Бишкек, 5 марта /Кабар/. Делегация Кыргызстана во главе с заместителем министра иностранных дел КР Бакытом \
Осмоновым приняла участие в совещании старших должностных лиц Алматинского процесса, которое прошло 3 марта в Праге.
"""


def test_a_state_by_the_initials_of_its_name_in_a_title_when_the_text_names_it_otherwise(context):
    card = draft(INITIALS, "ru", context, "2025-03-05")
    registry, _ = context
    posts = [(card.proposals[p["post"]] if p["post"] in card.proposals else registry[p["post"]]).labels["ru"]
             for p in facts(card.posts_held)]
    # «во главе с» is "headed by": the title begins after it; «КР» is written as the state's official name
    assert posts == ["Заместитель министра иностранных дел Кыргызской Республики"]
    # a title written as the registry names a post is that post (round 7), not a proposal beside it
    assert [p["post"] for p in facts(card.posts_held)] == ["kgz-deputy-minister-foreign-affairs"]


def test_initials_alone_name_no_state(context):
    # the text names Kyrgyzstan nowhere else: «КР» could be any state whose name has those initials
    text = INITIALS.replace("Делегация Кыргызстана", "Делегация")
    card = draft(text, "ru", context, "2025-03-05")
    assert not [p for p in card.proposals.values() if p.type == "post" and "Кыргыз" in p.labels["ru"]]


TAKEN_OVER = """PRESS RELEASE

Almaty Process ministers meet in Tashkent

TASHKENT, Uzbekistan, 14 November 2025 – The Ministerial Conference of the Almaty Process was held in Tashkent \
today.

Uzbekistan took over the chairmanship of the process from Kyrgyzstan at the opening session. Delegations from \
Afghanistan, Kazakhstan, Kyrgyzstan and Tajikistan attended.

Uzbekistan will hand over the chair to Kazakhstan in 2027.
"""


def test_a_chair_taken_over_from_the_previous_holder_and_none_still_to_come(context):
    card = draft(TAKEN_OVER, "en", context)
    drafted = handovers(card)
    assert [(h["from"], h["to"]) for h in drafted] == [("KGZ", "UZB")]
    # a state named in the handover and in the list of those attending still attended
    roles = {(r["role"], r["agent"]) for event in card.events for r in facts(event.roles)}
    assert ("participant", "KGZ") in roles


def test_a_russian_handover_in_the_future_tense_is_not_drafted(context):
    text = """ПРЕСС-РЕЛИЗ

Совещание в Ташкенте

Ташкент, 14 ноября 2025 года – В Ташкенте состоялась министерская конференция Алматинского процесса.

Председательство в Алматинском процессе перейдет от Узбекистана к Казахстану в 2027 году.
"""
    assert handovers(draft(text, "ru", context)) == []
    assert [(h["from"], h["to"]) for h in handovers(draft(text.replace("перейдет", "перешло"), "ru", context))] \
        == [("UZB", "KAZ")]


AGREED = """PRESS RELEASE

Bali Process officials meet in Denpasar

DENPASAR, Indonesia, 12 February 2026 – Senior officials from Indonesia, Australia, Thailand and the Philippines \
met in Denpasar on 11 February 2026 for a senior officials' meeting of the Bali Process.

The officials agreed to report on progress at the next ministerial conference.
"""


def joint(card) -> list[tuple]:
    return [(str(s.fields.get("speakers")), str(s.fields.get("speaker_groups")))
            for s in card.statements if s.fields["kind"] == "joint-outcome"]


def test_what_the_officials_agree_is_the_participants_not_the_states_listed(context):
    card = draft(AGREED, "en", context, "2026-02-12")
    event = card.events[0].id
    assert joint(card) == [("None", str([{"group": "participants", "of": event}]))]


def test_experts_recommending_is_a_joint_outcome_of_the_participants(context):
    text = """ПРЕСС-РЕЛИЗ

Эксперты Алматинского процесса встретились в Бишкеке

Бишкек, 5 декабря 2025 г. – В Бишкеке прошло совещание экспертов Алматинского процесса.

Эксперты рекомендовали вынести проект руководящих принципов на рассмотрение старших должностных лиц.
"""
    card = draft(text, "ru", context, "2025-12-05")
    assert joint(card) == [("None", str([{"group": "participants", "of": card.events[0].id}]))]


def test_a_place_and_date_that_sign_the_release_off_do_not_hide_the_body(context):
    text = """IOM Bangladesh – Press Release

Colombo Process working group meets in Dhaka

Officials of seven Colombo Process Member States met in Dhaka on 14 March 2019 for a working group meeting of the \
Colombo Process.

The participants agreed to review the mapping at their next meeting, in Kathmandu.

Dhaka, 15 March 2019
"""
    card = draft(text, "en", context, "2019-03-15")
    assert joint(card) == [("None", str([{"group": "participants", "of": card.events[0].id}]))]


RU_MEETING = """ПРЕСС-РЕЛИЗ

Конференция в Баку

Баку, 24 апреля 2026 года – В Баку 23 апреля состоялась министерская конференция Будапештского процесса.

"""


def adoptions(card) -> dict[str, list[dict]]:
    return {document.id: facts(document.adoptions) for document in card.documents}


def test_a_document_after_and_is_acted_on_too_and_the_parties_adopt_for_the_participants(context):
    card = draft(RU_MEETING + "По итогам встречи министры приняли Бакинскую декларацию и план действий на 2026-2030 "
                 "годы. Стороны также одобрили совместное коммюнике.\n", "ru", context, "2026-04-24")
    group = [{"group": "participants", "of": card.events[0].id}]
    found = adoptions(card)
    assert len(found) == 3
    assert sorted(a["action"] for adopted in found.values() for a in adopted) == ["adopted", "adopted", "endorsed"]
    assert all(a["party_groups"] == group for adopted in found.values() for a in adopted)


def test_an_adoption_still_to_come_or_of_a_draft_is_not_drafted(context):
    english = draft(TAKEN_OVER + "Ministers are expected to adopt the Tashkent Declaration on Friday.\n", "en", context)
    assert list(adoptions(english).values()) == [[]]
    russian = draft(RU_MEETING + "Стороны одобрили проект Бакинской декларации, которую планируется принять на "
                    "следующей конференции.\n", "ru", context, "2026-04-24")
    assert list(adoptions(russian).values()) == [[]]


def test_a_name_in_the_instrumental_and_its_initial_and_family_name_are_one_person(context):
    text = INITIALS.replace("Бакытом Осмоновым", "Эрланом Садыковым") + (
        "\nВ своем выступлении Э.Садыков отметил, что Кыргызстан заинтересован в легальных каналах трудовой миграции.\n")
    card = draft(text, "ru", context, "2025-03-05")
    persons = {p.labels["ru"] for p in card.proposals.values() if p.type == "person"}
    said = [s.fields["speakers"] for s in card.statements if s.fields["kind"] == "reported-speech"]
    assert persons == {"Эрлан Садыков"}
    assert len(said) == 1 and card.proposals[said[0][0]].labels["ru"] == "Эрлан Садыков"


def test_a_ministry_by_the_initials_of_its_name_and_its_state_in_any_name_and_case(context):
    registry, _ = context
    text = RU_MEETING + "Об этом сообщает пресс-служба МИД Киргизии.\n"
    card = draft(text, "ru", context, "2026-04-24")
    assert [r.fields["outlet"] for r in card.relays] == ["kgz-ministry-foreign-affairs"]
    assert "kgz-ministry-foreign-affairs" in registry
