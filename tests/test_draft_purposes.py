"""The purposes of meetings as tuned on the development half (issue 16, round 3): a purpose read from the
subject a meeting's name gives, not from a standing body's remit; topics the vocabulary's labels miss; the
words of a purpose without who reports them. Snippets invented for these tests; the registry is
tests/fixtures/domain's."""
from __future__ import annotations

import datetime as dt

from migkg.draft.drafter import draft_text
from migkg.draft.header import Supplied


def purposes(text: str, language: str, context) -> list[tuple[list[str], str]]:
    registry, vocabulary = context
    card = draft_text(text, "2021-03-10-test", language, registry, vocabulary,
                      supplied=Supplied(issued=dt.date(2021, 3, 10)))
    return [(p.fields["topics"], text[slice(*p.spans[0])]) for e in card.events for p in e.purposes]


def test_the_subject_in_a_meetings_name_is_its_purpose(context):
    text = ("PRESS RELEASE\n\nOfficials meet in Budapest\n\nBUDAPEST, 10 March 2021 – A thematic session on the "
            "protection of migrant workers was held in Budapest on Tuesday.\n")
    assert purposes(text, "en", context) == [(["rights-of-migrants", "labour-migration"],
                                              "on the protection of migrant workers")]
    text = ("ПРЕСС-РЕЛИЗ\n\nЭксперты встретились в Алматы\n\nАлматы, 10 марта 2021 года – В Алматы прошла "
            "экспертная встреча Алматинского процесса по вопросам смешанной миграции.\n")
    assert purposes(text, "ru", context) == [(["mixed-migration"], "по вопросам смешанной миграции")]


def test_no_purpose_from_a_standing_bodys_remit(context):
    text = ("ПРЕСС-РЕЛИЗ\n\nЭксперты встретились в Алматы\n\nАлматы, 10 марта 2021 года – В Алматы прошло "
            "второе заседание рабочей группы Алматинского процесса по вопросам смешанной миграции.\n")
    assert purposes(text, "ru", context) == []


def test_organised_recruitment_is_regular_migration_and_the_reporter_is_left_out(context):
    text = ("ПРЕСС-РЕЛИЗ\n\nЭксперты встретились в Алматы\n\nАлматы, 10 марта 2021 года – В Алматы прошла "
            "встреча экспертов Алматинского процесса, посвященная организованному набору рабочих, сообщает "
            "пресс-служба организаторов.\n")
    assert purposes(text, "ru", context) == [(["regular-migration"], "посвященная организованному набору рабочих")]


def test_no_purpose_from_a_conferences_title(context):
    text = ("ПРЕСС-РЕЛИЗ\n\nКонференция в Алматы\n\nАлматы, 10 марта 2021 года – В Алматы прошла третья "
            "министерская конференция Алматинского процесса по вопросам смешанной миграции.\n")
    assert purposes(text, "ru", context) == []
