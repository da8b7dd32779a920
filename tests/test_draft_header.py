"""The release's header as texts give it: datelines of both languages (city or agency first, with or
without the year), dates relative to the date of issue, by-lines, relays, and what the curator supplies
(``--issued``, ``--publisher``, ``--url``, a ``.meta.yaml`` file). A text with no date is drafted, never
refused. Small invented snippets; the command line is run on English texts (no models to load).
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from migkg.draft import load_draft
from migkg.draft.english import analyse
from migkg.draft.header import find_dateline, find_kind_line, relative_dates
from migkg.schema.resources import ontology_dir
from migkg.schema.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = ROOT / "tests" / "fixtures" / "domain"


@pytest.mark.parametrize("text, language, date, place, agency", [
    ("Title\n\nBAKU, Azerbaijan, April 24 (Trend) – The meeting opened.", "en", "2019-04-24", "BAKU", "Trend"),
    ("Title\n\nASTANA, Oct 12 (Kazinform) The meeting opened.", "en", "2019-10-12", "ASTANA", "Kazinform"),
    ("Заголовок\n\nАСТАНА. 12 октября. КАЗИНФОРМ – Сегодня открылась встреча.", "ru", "2019-10-12", "АСТАНА",
     "КАЗИНФОРМ"),
    ("Заголовок\n\nБишкек, 3 марта /Кабар/. Сегодня открылась встреча.", "ru", "2019-03-03", "Бишкек", "Кабар"),
    ("Заголовок\n\nАлматы 5 июня 2013 – Сегодня открылась встреча.", "ru", "2013-06-05", "Алматы", None),
    ("Заголовок\n\nБишкек, май 2015 года – Прошла встреча.", "ru", "2015-05", "Бишкек", None),
    ("Заголовок\n\nБудапешт, 21 марта 2024 – Казинформ\n\nПрошла встреча.", "ru", "2024-03-21", "Будапешт",
     "Казинформ"),
    ("Title\n\nIstanbul, 17 October 2018 – Officials met.", "en", "2018-10-17", "Istanbul", None),
    ("Заголовок\n13 октября 2016, 10:45\n\nПрошла встреча.", "ru", "2016-10-13", None, None),
])
def test_datelines_of_both_languages_give_date_place_and_agency(text, language, date, place, agency):
    from migkg.draft.header import Supplied
    dateline = find_dateline(text, language, Supplied(issued=dt.date(2019, 10, 13)))
    assert dateline is not None and dateline.date == date
    assert (text[dateline.place_start:dateline.place_end] if dateline.place_start is not None else None) == place
    assert (text[dateline.agency[0]:dateline.agency[1]] if dateline.agency else None) == agency


def test_a_dateline_without_the_year_takes_it_from_the_text_or_from_the_curator():
    from migkg.draft.header import Supplied
    text = "Title\n\nBAKU, Azerbaijan, April 24. By Trend\n\nThe conference runs on April 24-25, 2019."
    dateline = find_dateline(text, "en")
    assert dateline.date == "2019-04-24" and dateline.year_from == "text"
    assert text[dateline.year_span[0]:dateline.year_span[1]] == "April 24-25, 2019"
    # a dateline of 31 December in an item issued on 1 January: the year before
    late = find_dateline("Title\n\nASTANA, Dec 31 (Kazinform) Officials met.", "en",
                         Supplied(issued=dt.date(2020, 1, 1)))
    assert late.date == "2019-12-31" and late.year_from == "supplied"
    assert find_dateline("Title\n\nASTANA, Dec 31 (Kazinform) Officials met.", "en").date is None


def test_no_place_is_read_where_a_sentence_begins_with_a_date():
    assert find_dateline("Title\n\nOn 12 October 2016 the ministers met.", "en") is None \
        or find_dateline("Title\n\nOn 12 October 2016 the ministers met.", "en").place_start is None


@pytest.mark.parametrize("words, expected", [
    ("today", dt.date(2024, 2, 15)), ("yesterday", dt.date(2024, 2, 14)),
    ("on Thursday", dt.date(2024, 2, 15)), ("on Monday", dt.date(2024, 2, 12)),
])
def test_relative_dates_are_resolved_against_the_date_of_issue(words, expected):
    text = f"Officials met {words} in Astana."
    found = relative_dates(analyse(text), dt.date(2024, 2, 15))  # a Thursday
    assert [(text[r.start:r.end], r.date) for r in found] == [(words, expected)]


@pytest.mark.parametrize("line, kind", [
    ("IOM PRESS RELEASE", "press-release"), ("ПРЕСС-РЕЛИЗ МОМ", "press-release"), ("TREND NEWS", "news-item"),
    ("КАБАР – НОВОСТИ", "news-item"), ("Tengrinews.kz – НОВОСТИ", "news-item"),
])
def test_the_kind_line_says_press_release_or_news_item(line, kind):
    assert find_kind_line(f"{line}\n\nA title\n").kind == kind


def test_a_headline_about_news_is_no_kind_line():
    assert find_kind_line("Good news for migrants in the region\n\nBody.") is None


# --------------------------------------------------------------------------- the command line

@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DOMAIN / "registry", folder / "registry")
    (folder / "releases").mkdir()
    return folder


def release(data: Path, name: str) -> dict:
    loaded, _ = load_draft(data / "releases" / name, [data / "registry"], load_vocabulary(ontology_dir()))
    return loaded.card.release


UNDATED = ("PRESS RELEASE\n\nIOM opens a migrant resource centre in Osh\n\n"
           "IOM today opened a migrant resource centre in Osh, as reported by Kabar. The centre will advise "
           "returning migrants.\n")


def test_a_text_with_no_date_is_drafted_and_says_what_to_add(invoke_migkg, data, tmp_path):
    source = tmp_path / "undated.txt"
    source.write_text(UNDATED, encoding="utf-8")
    result = invoke_migkg("draft", source, "--id", "undated", "--data", data)
    assert result.returncode == 0, result.stderr
    folder = data / "releases" / "undated"
    card_text = (folder / "card.draft.yaml").read_text(encoding="utf-8")
    assert "# TO ADD: issued: the text names no date" in card_text
    assert "release.issued" in (folder / "draft-meta.yaml").read_text(encoding="utf-8")
    loaded = release(data, "undated")  # the self-check's way: it loads, without a date
    assert loaded.issued is None and [r.outlet for r in loaded.relays] == ["kabar"]


def test_the_curators_date_publisher_and_address_are_supplied_facts(invoke_migkg, data, tmp_path):
    source = tmp_path / "osh.txt"
    source.write_text(UNDATED, encoding="utf-8")
    (tmp_path / "osh.meta.yaml").write_text("issued: 2024-02-15\npublisher: iom\n", encoding="utf-8")
    result = invoke_migkg("draft", source, "--id", "osh", "--data", data, "--url", "https://example.org/iom/osh")
    assert result.returncode == 0, result.stderr
    loaded = release(data, "osh")
    assert str(loaded.issued.date) == "2024-02-15" and str(loaded.issued.supplied) == "https://example.org/iom/osh"
    assert str(loaded.url) == "https://example.org/iom/osh"
    assert [(p.agent, str(p.supplied)) for p in loaded.publishers] == [("iom", "https://example.org/iom/osh")]


def test_without_an_address_the_curators_date_is_a_note_to_the_curator(invoke_migkg, data, tmp_path):
    source = tmp_path / "osh.txt"
    source.write_text(UNDATED, encoding="utf-8")
    result = invoke_migkg("draft", source, "--id", "osh", "--data", data, "--issued", "2024-02-15")
    assert result.returncode == 0, result.stderr
    card_text = (data / "releases" / "osh" / "card.draft.yaml").read_text(encoding="utf-8")
    assert "# TO ADD: issued: 2024-02-15 was given by the curator (--issued)" in card_text
    assert release(data, "osh").issued is None


@pytest.mark.parametrize("args, meta, message", [
    (["--issued", "15.02.2024"], None, "error: --issued: '15.02.2024' is not valid"),
    (["--url", "example.org/x"], None, "error: --url:"),
    ([], "issued: 2024-02-15\nadress: https://example.org/x\n", "osh.meta.yaml:2: adress: is not a known field"),
])
def test_bad_metadata_ends_with_a_located_error(invoke_migkg, data, tmp_path, args, meta, message):
    source = tmp_path / "osh.txt"
    source.write_text(UNDATED, encoding="utf-8")
    if meta:
        (tmp_path / "osh.meta.yaml").write_text(meta, encoding="utf-8")
    result = invoke_migkg("draft", source, "--id", "osh", "--data", data, *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert message in result.stderr and "Fix:" in result.stderr
    assert not (data / "releases" / "osh").exists()


def test_an_unknown_publisher_id_is_left_out_and_said_not_refused(invoke_migkg, data, tmp_path):
    source = tmp_path / "osh.txt"
    source.write_text(UNDATED, encoding="utf-8")
    (tmp_path / "osh.meta.yaml").write_text("issued: 2024-02-15\npublisher: nobody\nurl: https://example.org/x\n",
                                            encoding="utf-8")
    result = invoke_migkg("draft", source, "--id", "osh", "--data", data)
    assert result.returncode == 0, result.stderr
    assert "not drafted: release.publishers: 'nobody'" in result.stderr and "not in the registry" in result.stderr
    meta = (data / "releases" / "osh" / "draft-meta.yaml").read_text(encoding="utf-8")
    assert "'nobody'" in meta and "not_drafted" in meta
    loaded = release(data, "osh")
    assert "nobody" not in [p.agent for p in loaded.publishers] and str(loaded.issued.date) == "2024-02-15"


def test_an_agency_item_gets_its_kind_publisher_author_and_event_date_from_the_header(invoke_migkg, data, tmp_path):
    source = tmp_path / "trend.txt"
    source.write_text("Almaty Process officials meet in Baku\n\nBAKU, Azerbaijan, April 24 (Trend) – Senior "
                      "officials of the Almaty Process met in Baku on Wednesday, the press service said.\n",
                      encoding="utf-8")
    result = invoke_migkg("draft", source, "--id", "trend", "--data", data, "--issued", "2019-04-25")
    assert result.returncode == 0, result.stderr
    loaded = release(data, "trend")
    assert str(loaded.issued.date) == "2019-04-24" and loaded.kind.kind == "news-item"
    assert [p.agent for p in loaded.publishers] == ["trend"]


# --------------------------------------------------------------------------- rubric lines, by-lines, issuers (round 2)

@pytest.mark.parametrize("text, agency, parts", [
    ("Trend › Region\n\nTalks on labour migration in Baku\n", None, ["Trend", "Region"]),
    ("Общество | Кабар\n\nВ Бишкеке обсудили миграцию\n", None, ["Общество", "Кабар"]),
    ("Кабар – В мире\n\nВ Бишкеке обсудили миграцию\n", None, ["Кабар", "В мире"]),
    ("AKIpress – Central Asia\n\nMinisters meet\n", None, ["AKIpress", "Central Asia"]),
    ("РИА – Обзор\n\nВ Бишкеке обсудили миграцию\n\nБИШКЕК, 3 марта /РИА/.", "РИА", ["РИА", "Обзор"]),
    ("Ministers meet in Baku – talks go on\n\nBAKU, 3 March 2021 – Ministers met.", None, None),
])
def test_a_rubric_line_is_found_by_its_bars_its_sections_or_the_datelines_agency(text, agency, parts):
    from migkg.draft.header import find_rubric_line
    rubric = find_rubric_line(text, find_kind_line(text), agency)
    assert ([text[a:b] for a, b in rubric.parts] if rubric else None) == parts


def test_a_press_offices_rubric_is_a_press_release_and_media_release_is_a_kind_word():
    kind = find_kind_line("Home › Press service › News\n\nThe ministry hosts a meeting\n")
    assert kind is not None and kind.kind == "press-release"
    assert find_kind_line("Главная › Пресс-центр › Новости\n\nЗаголовок\n").kind == "press-release"
    assert find_kind_line("MEDIA RELEASE\n\nThe ministry hosts a meeting\n").kind == "press-release"


def test_the_correspondent_after_the_datelines_agency_and_a_dated_by_line():
    from migkg.draft.header import find_place_line
    text = "Заголовок\n\nБИШКЕК. 3 марта. КАБАР /Нурлан Асанов/ – Сегодня открылась встреча."
    dateline = find_dateline(text, "ru")
    assert text[dateline.agency[0]:dateline.agency[1]] == "КАБАР"
    assert text[dateline.author[0]:dateline.author[1]] == "Нурлан Асанов"
    text = "Title of the item\n\nBy Marat Ospanov on 14 May 2021\n\nBAKU – Officials met on Thursday."
    dateline = find_dateline(text, "en")
    assert dateline.date == "2021-05-14" and dateline.byline and dateline.place_start is None
    start, end, dash, _ = find_place_line(text, dateline.tail_end, len(text))
    assert text[start:end] == "BAKU" and text[start:dash].rstrip() == "BAKU –"
    assert find_place_line("Title\n\nThe meeting – a first – opened.", 5, 40) is None


NEWS_PAGE = ("The Astana Times › World\n\nAlmaty Process officials review labour migration\n\n"
             "By Marat Ospanov on 14 May 2021\n\nASTANA – Officials of the Almaty Process met in Astana to review "
             "labour migration. Talks were hosted by the Ministry of Internal Affairs of Kazakhstan.\n\n"
             "A visa centre will open in June, the newspaper wrote, citing the ministry's press service.\n")


def test_a_news_page_gets_its_outlet_kind_title_author_date_place_and_relay(invoke_migkg, data, tmp_path):
    source = tmp_path / "page.txt"
    source.write_text(NEWS_PAGE, encoding="utf-8")
    result = invoke_migkg("draft", source, "--id", "page", "--data", data)
    assert result.returncode == 0, result.stderr
    loaded = release(data, "page")
    assert loaded.kind.kind == "news-item" and [p.agent for p in loaded.publishers] == ["astana-times"]
    assert loaded.title.spans[0].text == "Almaty Process officials review labour migration"
    assert [a.agent for a in loaded.authors] == ["marat-ospanov"]
    assert str(loaded.issued.date) == "2021-05-14" and loaded.place.place == "astana"
    assert [r.outlet for r in loaded.relays] == ["kaz-ministry-internal-affairs"]


def test_the_body_over_the_kind_line_and_an_issued_by_line_publish(invoke_migkg, data, tmp_path):
    source = tmp_path / "office.txt"
    source.write_text("ALMATY PROCESS – SUPPORT UNIT\nMEDIA RELEASE\n\nExperts of the Almaty Process meet in "
                      "Almaty\n\nAlmaty, 3 March 2022 – Experts of the Almaty Process met in Almaty.\n\n"
                      "Issued by the Regional Migration Support Unit, Almaty.\n", encoding="utf-8")
    result = invoke_migkg("draft", source, "--id", "office", "--data", data)
    assert result.returncode == 0, result.stderr
    loaded = release(data, "office")
    assert loaded.kind.kind == "press-release"
    assert loaded.title.spans[0].text == "Experts of the Almaty Process meet in Almaty"
    assert [p.agent for p in loaded.publishers] == ["almaty-process", "regional-migration-support-unit"]


@pytest.mark.parametrize("given", ["2024-02", "2024"])
def test_a_date_of_issue_known_to_the_month_or_year_is_supplied_as_given(invoke_migkg, data, tmp_path, given):
    source = tmp_path / "osh.txt"
    source.write_text(UNDATED, encoding="utf-8")
    result = invoke_migkg("draft", source, "--id", "osh", "--data", data, "--issued", given,
                       "--url", "https://example.org/iom/osh")
    assert result.returncode == 0, result.stderr
    assert str(release(data, "osh").issued.date) == given
