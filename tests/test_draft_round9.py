"""Round 9 of the drafter's tuning (issue 16): a headline above the kind line. Snippets invented for these tests;
the registry is tests/fixtures/domain's."""
from __future__ import annotations

import datetime as dt

from migkg.draft.drafter import draft_text
from migkg.draft.header import Supplied


def draft(text: str, language: str, context, issued: str):
    registry, vocabulary = context
    return draft_text(text, "2026-03-02-test", language, registry, vocabulary,
                      supplied=Supplied(issued=dt.date.fromisoformat(issued)))


def card_text(text: str, spans) -> str:
    return " ".join(text[s:e] for s, e in spans)


HEADLINE_ABOVE = """Kazakhstan Hosts Almaty Process Senior Officials in Astana

Media Release

ASTANA, 4 March 2026 - Kazakhstan today hosted the Senior Officials' Meeting of the Almaty Process. Uzbekistan and \
Tajikistan took part.
"""


def test_a_headline_above_a_kind_line_with_the_dateline_under_it(context):
    card = draft(HEADLINE_ABOVE, "en", context, "2026-03-04")
    assert card_text(HEADLINE_ABOVE, card.title.spans) == "Kazakhstan Hosts Almaty Process Senior Officials in Astana"
    event, = card.events  # the body begins at the dateline, with the meeting in its first sentence
    assert event.kind.fields == {"kind": "senior-officials-meeting"}
    # a publisher's name above the kind line is still no title
    text = HEADLINE_ABOVE.replace("Kazakhstan Hosts Almaty Process Senior Officials in Astana", "IOM Kazakhstan")
    assert card_text(text, draft(text, "en", context, "2026-03-04").title.spans) != "IOM Kazakhstan"


STATE_SERVICE = """Эксперты собрались в Душанбе

ДУШАНБЕ, 4 марта. КАЗИНФОРМ - Эксперты Алматинского процесса собрались сегодня в Душанбе. Встречу организовала \
Государственная служба занятости. В ней участвовали представители Европейского агентства по охране границ.
"""


def test_a_states_service_or_agency_is_proposed_as_a_ministry(context):
    card = draft(STATE_SERVICE, "ru", context, "2026-03-04")
    types = {p.labels["ru"]: p.type for p in card.proposals.values()}
    assert types.get("Государственная служба занятости") == "ministry"
    assert all(kind != "ministry" for label, kind in types.items() if "Европейск" in label)
