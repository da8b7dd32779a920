"""The drafter on phrasing classes that recur across the drafting corpus's halves (issue 16, tuning for texts not
seen): a state by the initials of its name («КР», «РК»), "headed by" («во главе с»). Snippets invented for these tests; the registry is tests/fixtures/domain's."""
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
    posts = [card.proposals[p["post"]].labels["ru"] for p in facts(card.posts_held) if p["post"] in card.proposals]
    # «во главе с» is "headed by": the title begins after it; «КР» is written as the state's official name
    assert posts == ["Заместитель министра иностранных дел Кыргызской Республики"]


def test_initials_alone_name_no_state(context):
    # the text names Kyrgyzstan nowhere else: «КР» could be any state whose name has those initials
    text = INITIALS.replace("Делегация Кыргызстана", "Делегация")
    card = draft(text, "ru", context, "2025-03-05")
    assert not [p for p in card.proposals.values() if p.type == "post" and "Кыргыз" in p.labels["ru"]]
