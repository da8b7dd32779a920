"""Round 15 of the drafter's tuning (issue 16): rules written for a class of phrasing or layout found in at least two
halves by different writers, meant to carry over to writers no round has read. Snippets invented for these tests (the
meetings and figures in them are made up); the registry is tests/fixtures/domain's."""
from __future__ import annotations

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
