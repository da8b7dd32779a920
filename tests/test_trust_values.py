"""Values checked against their evidence, and quotes that differ invisibly (issue 13, items 10 and 11).

Reproducers on a copy of the seed: one edit each, then `migkg build` must exit 2 with the located
message, and no output. The check itself is also tried on phrasings of the fixture corpora.
"""
from __future__ import annotations

import datetime as dt
import shutil
import unicodedata
from pathlib import Path

import pytest

from migkg.cards.values import date_disagreement

RELEASE = "2013-06-05-unhcr-iom-almaty-ministerial"


@pytest.fixture
def data(tmp_path: Path, repo_root: Path) -> Path:
    return shutil.copytree(repo_root / "data", tmp_path / "data")


def edit_card(data: Path, old: str, new: str) -> int:
    """Replace the one ``old`` in the seed card by ``new``; the 1-based line of the edit."""
    card = data / "releases" / RELEASE / "card.yaml"
    text = card.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    card.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def fails_at(invoke_migkg, data: Path, out: Path, line: int, *words: str) -> str:
    done = invoke_migkg("build", "--data", data, "--out", out)
    assert done.returncode == 2, done.stderr
    assert f"card.yaml:{line}" in done.stderr, done.stderr
    assert all(word in done.stderr for word in words), done.stderr
    assert "Traceback" not in done.stderr and not out.exists()
    return done.stderr


def test_a_phone_that_is_not_in_its_words_is_refused(data, tmp_path, invoke_migkg):
    line = edit_card(data, "phone: +7 777 779 28 74", "phone: +7 777 779 28 75")
    fails_at(invoke_migkg, data, tmp_path / "out", line, "contacts[1].phone", "+77777792875", "not in its evidence")


def test_an_email_that_is_not_in_its_words_is_refused(data, tmp_path, invoke_migkg):
    line = edit_card(data, "email: dossova@unhcr.org", "email: dosova@unhcr.org")
    fails_at(invoke_migkg, data, tmp_path / "out", line, "contacts[0].email", "dosova@unhcr.org")


def test_a_date_of_issue_its_words_contradict_is_refused(data, tmp_path, invoke_migkg):
    line = edit_card(data, "issued: {date: 2013-06-05,", "issued: {date: 1999-01-01,")
    fails_at(invoke_migkg, data, tmp_path / "out", line, "release.issued.date", "1999", "2013")


def test_a_quote_shorter_than_a_word_needs_a_note(data, tmp_path, invoke_migkg):
    line = edit_card(data, "kind: {kind: press-release, evidence: ПРЕСС РЕЛИЗ}", "kind: {kind: press-release, evidence: {quote: П, occurrence: 1}}")
    fails_at(invoke_migkg, data, tmp_path / "out", line, "shorter than a word", "note")
    edit_card(data, "evidence: {quote: П, occurrence: 1}}",
              "evidence: {quote: П, occurrence: 1}, note: The first letter of the heading stands for it.}")
    assert invoke_migkg("build", "--data", data, "--out", tmp_path / "out").returncode == 0


@pytest.mark.parametrize(("date", "words", "language"), [
    (dt.date(2013, 6, 5), "Алматы 5 июня 2013", "ru"),
    (dt.date(2025, 4, 10), "BAKU, Azerbaijan, April 10. / April 9-10, 2025", "en"),
    (dt.date(2019, 3, 14), "on Thursday (14/03) / Dhaka, 15 March 2019", "en"),
    (dt.date(2018, 5, 2), "Церемония состоялась в среду / Бишкек, 3 мая", "ru"),
    (dt.date(2022, 9, 27), "27.09.2022 15:40", "ru"),
    (dt.date(2018, 9, 20), "Сегодня в Ташкенте состоялось", "ru"),
    ("2015-05", "Бишкек, май 2015 года", "ru"),
    ("2019", "пройдет в Баку в 2019 году", "ru"),
    (dt.date(2026, 2, 12), "Feb. 12, 2026", "en"),
    ("2025-11", "в ноябре прошлого года", "ru"),
    ("2017-05", "ещё в мае", "ru"),
    ("2024", "в прошлом году", "ru"),
    ("2027", "next year", "en"),
])
def test_dates_their_words_give_agree(date, words, language):
    assert date_disagreement(date, words, language) is None


@pytest.mark.parametrize(("date", "words", "language", "problem"), [
    (dt.date(1999, 1, 1), "Алматы 5 июня 2013", "ru", "year 1999"),
    (dt.date(2013, 7, 5), "Алматы 5 июня 2013", "ru", "month 7"),
    (dt.date(2013, 6, 6), "Алматы 5 июня 2013", "ru", "day 6"),
    ("2015-06", "Бишкек, май 2015 года", "ru", "month 6"),
    (dt.date(2013, 6, 5), "ПРЕСС РЕЛИЗ", "ru", "state no date"),
    (dt.date(2019, 4, 24), "April 25, 2019", "en", "day 24"),
    ("2025-10", "в ноябре прошлого года", "ru", "month 10"),
    (dt.date(2024, 3, 14), "в прошлом году", "ru", "day 14"),  # a relative year gives no day
])
def test_dates_their_words_contradict_are_named(date, words, language, problem):
    assert problem in (date_disagreement(date, words, language) or "")


# --------------------------------------------------------------------------- quotes that differ invisibly

def test_a_quote_with_a_zero_width_space_is_told_so(data, tmp_path, invoke_migkg):
    line = edit_card(data, "evidence: ПРЕСС РЕЛИЗ}", 'evidence: "ПРЕСС\\u200b РЕЛИЗ"}')
    stderr = fails_at(invoke_migkg, data, tmp_path / "out", line, "U+200B ZERO WIDTH SPACE", "delete them")
    assert "other spacing" not in stderr


def test_a_quote_in_another_unicode_form_is_told_so(data, tmp_path, invoke_migkg):
    decomposed = unicodedata.normalize("NFD", "Алматинский процесс")
    assert decomposed != "Алматинский процесс"  # й decomposes into и + a combining breve
    card = data / "releases" / RELEASE / "card.yaml"
    text = card.read_text(encoding="utf-8")
    old = "Министерская конференция по вопросам защиты беженцев и международной миграции: Алматинский процесс"
    line = text[: text.index(old)].count("\n") + 1
    card.write_text(text.replace(old, old.replace("Алматинский процесс", decomposed), 1), encoding="utf-8")
    fails_at(invoke_migkg, data, tmp_path / "out", line, "Unicode form", "copy and paste")


def test_a_text_with_a_direction_mark_inside_the_words_is_told_so(data, tmp_path, invoke_migkg):
    source = data / "releases" / RELEASE / "source.txt"
    text = source.read_text(encoding="utf-8")
    assert text.count("ПРЕСС РЕЛИЗ") == 1
    source.write_text(text.replace("ПРЕСС РЕЛИЗ", "ПРЕСС\u200f РЕЛИЗ"), encoding="utf-8")
    card_text = (data / "releases" / RELEASE / "card.yaml").read_text(encoding="utf-8")
    line = card_text[: card_text.index("evidence: ПРЕСС РЕЛИЗ")].count("\n") + 1
    fails_at(invoke_migkg, data, tmp_path / "out", line, "U+200F RIGHT-TO-LEFT MARK", "\\uXXXX")
