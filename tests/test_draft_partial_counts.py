"""A count whose names are some of those counted ("23 countries, including Italy and Ethiopia") is drafted
``listed: some`` (card format, ``claims``): the build then checks only that the release names no more than it
counts. Snippets invented for these tests; the registry is tests/fixtures/domain's."""
from __future__ import annotations

import pytest

from tests.drafting import draft

ENGLISH = """Press Release

Officials meet in Astana

ASTANA, 4 March 2026 - Delegations of 23 countries{cue} Kazakhstan and Uzbekistan, took part in the meeting of \
the Almaty Process in Astana on Wednesday.
"""
RUSSIAN = """Пресс-релиз

АСТАНА, 4 марта 2026 года. В среду в Астане состоялось совещание старших должностных лиц Алматинского процесса. \
В совещании приняли участие представители 14 государств{cue} Казахстана и Узбекистана.
"""


def _counts(card) -> list[dict]:
    return [c.fields for c in card.claims if "count" in c.fields]


@pytest.mark.parametrize(("text", "language", "cue", "some"), [
    (ENGLISH, "en", ", including", True),
    (ENGLISH, "en", " from Europe and Asia, among them", True),
    (ENGLISH, "en", " (a record),  such as", True),
    (ENGLISH, "en", ":", False),
    (RUSSIAN, "ru", ", в том числе", True),
    (RUSSIAN, "ru", " Европы и Азии, среди них", True),
    (RUSSIAN, "ru", ":", False),
])
def test_a_count_followed_by_some_of_its_names_is_listed_some(context, text, language, cue, some):
    card = draft(text.format(cue=cue), language, context, "2026-03-04")
    count, = _counts(card)
    assert count["count"] == (23 if language == "en" else 14)
    assert count.get("listed") == ("some" if some else None)


@pytest.mark.parametrize(("text", "language", "cue"), [
    (ENGLISH, "en", ", including six ministers and"),       # what follows the cue names no one counted
    (ENGLISH, "en", " and discussed issues such as"),        # a verb between: the cue is about what they did
    (ENGLISH, "en", ", notably"),                            # an adverb, no list
    (RUSSIAN, "ru", ", включая министров и"),                # lower case after the cue
    (RUSSIAN, "ru", ", в частности,"),
])
def test_a_cue_that_does_not_list_some_of_the_counted_leaves_the_count_whole(context, text, language, cue):
    card = draft(text.format(cue=cue), language, context, "2026-03-04")
    count, = _counts(card)  # the count itself is drafted
    assert count["count"] == (23 if language == "en" else 14)
    assert "listed" not in count
