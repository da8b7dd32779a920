"""The IRI pages and the query page in a real browser: Debian's headless Chromium through selenium, on a served
seed build and on the static site; no request may leave 127.0.0.1 (Chrome's performance log is read).

Screenshots of each kind of page go to $MIGKG_SHOTS (default /work/spec/i17/shots when that folder's parent
exists, else the test's temporary folder), for a person to look at.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import chromium
from tests.browser import requests_over_the_network as requested_urls
from tests.servers import ROOT

RELEASE = "release/2013-06-05-unhcr-iom-almaty-ministerial"

KINDS = {"state": "state/KAZ", "person": "person/erlan-idrissov",
         "event": "event/2013-06-05-almaty-ministerial-conference", "release": RELEASE}


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    default = Path("/work/spec/i17/shots") if Path("/work/spec/i17").is_dir() else tmp_path_factory.mktemp("shots")
    folder = Path(os.environ.get("MIGKG_SHOTS", default))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def quotes() -> set[str]:
    """Every quoted evidence of the seed's card, as the curator wrote it."""
    found: set[str] = set()

    def walk(node, under_evidence=False):
        if isinstance(node, dict):
            for key, value in node.items():
                if under_evidence and key == "quote":
                    found.add(str(value))
                walk(value, under_evidence or key == "evidence")
        elif isinstance(node, list):
            for item in node:
                walk(item, under_evidence)
        elif under_evidence and isinstance(node, str):
            found.add(node)

    card = ROOT / "data" / "releases" / RELEASE.split("/")[1] / "card.yaml"
    walk(yaml.safe_load(card.read_text(encoding="utf-8")))
    return found


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Chromium with the network on (the pages come from loopback servers), every request in its performance log."""
    with chromium(tmp_path_factory.mktemp("chromium-profile"), window="1300,1600", offline=False) as driver:
        yield driver


def assert_nothing_left_the_machine(urls: list[str]) -> None:
    """Every URL asked for over the network (http, https, ws, ftp) since the last look is on 127.0.0.1."""
    outside = [u for u in urls if not u.startswith("http://127.0.0.1:")]
    assert urls and not outside, outside


def full_page_shot(browser, path: Path) -> None:
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1300, min(max(height, 900), 6000))
    browser.save_screenshot(str(path))
    browser.set_window_size(1300, 1600)


def check_page(browser, quotes: set[str]) -> None:
    """Labels in both languages, facts, evidence marks equal to the card's quoted words."""
    about = browser.find_element(By.ID, "about")
    english = about.find_elements(By.CSS_SELECTOR, "dl.labels dd[lang='en']")
    russian = about.find_elements(By.CSS_SELECTOR, "dl.labels dd[lang='ru']")
    assert russian and russian[0].text.strip()
    if english:
        assert english[0].text.strip()
    else:  # the release and its event are named in Russian only, as the text names them: the slot says so,
        assert "no label in English" in about.find_element(By.CSS_SELECTOR, "dl.labels").text
        # and the kind of thing it is shows in both languages
        assert about.find_element(By.CSS_SELECTOR, ".types a").text.strip()
        assert about.find_element(By.CSS_SELECTOR, ".types .kind-ru[lang='ru']").text.strip()
    assert about.find_elements(By.CSS_SELECTOR, "table.outgoing tbody tr")
    cards = browser.find_elements(By.CSS_SELECTOR, ".evidence")
    assert cards
    for card in cards:
        words = card.find_element(By.CSS_SELECTOR, "q.words").get_attribute("textContent")
        marked = card.find_element(By.CSS_SELECTOR, "blockquote.excerpt mark").get_attribute("textContent")
        assert marked == words and words in quotes, (marked, words)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_page_in_chromium(browser, served, quotes, shots, kind):
    requested_urls(browser)
    browser.get(f"{served}/{KINDS[kind]}")
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.ID, "about"))
    assert browser.get_log("browser") == []
    check_page(browser, quotes)
    full_page_shot(browser, shots / f"{kind}.png")
    assert_nothing_left_the_machine(requested_urls(browser))
    # every link to the dataset leads to a page of it: follow one to another kind of page
    local = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#about a[href^='/']")]
    assert local
    target = next(h for h in local if any(f"/{k}/" in h for k in ("state", "event", "person", "organisation", "place"))
                  and not h.endswith(KINDS[kind]) and "#" not in h)
    link = browser.find_element(By.CSS_SELECTOR, f"main a[href='{target[len(served):]}']")
    browser.execute_script("arguments[0].click()", link)
    WebDriverWait(browser, 20).until(lambda d: d.current_url == target and d.find_elements(By.ID, "about"))
    assert browser.find_element(By.CSS_SELECTOR, "p.iri").text.endswith(target[len(served) + 1:])


def test_the_release_page_shows_the_whole_text_with_every_span_marked(browser, served):
    browser.get(f"{served}/{RELEASE}")
    marks = browser.find_elements(By.CSS_SELECTOR, ".fulltext mark")
    assert len(marks) > 20
    text = browser.find_element(By.CSS_SELECTOR, ".fulltext").get_attribute("textContent")
    assert "Республика Казахстан" in text and len(text) > 4000


def test_the_static_site_in_chromium(browser, site, quotes, shots):
    _, address = site
    browser.get(f"{address}/state/KAZ/")
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.ID, "about"))
    check_page(browser, quotes)
    full_page_shot(browser, shots / "site-state.png")
    link = browser.find_element(By.CSS_SELECTOR, "main a[href$='event/2013-06-05-almaty-ministerial-conference/']")
    browser.execute_script("arguments[0].click()", link)
    WebDriverWait(browser, 20).until(lambda d: d.current_url.endswith("/event/2013-06-05-almaty-ministerial-conference/"))
    check_page(browser, quotes)
    assert_nothing_left_the_machine(requested_urls(browser))


def test_the_query_page_opens_with_migkg_prefixes_runs_the_catalogue_and_fetches_nothing_outside(browser, served, shots):
    requested_urls(browser)
    browser.get(f"{served}/")
    editor = "return document.querySelector('.CodeMirror') && document.querySelector('.CodeMirror').CodeMirror.getValue()"
    WebDriverWait(browser, 30).until(lambda d: d.execute_script(editor))
    first = browser.execute_script(editor)
    assert "PREFIX mig: <https://w3id.org/migkg/ontology#>" in first and "?sub ?pred ?obj" not in first
    browser.find_element(By.CSS_SELECTOR, "button.example[data-name='q01-participating-states']").click()
    assert "q01" in browser.execute_script(editor) or "participat" in browser.execute_script(editor).lower()
    browser.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr"))
    rows = browser.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr")
    assert len(rows) >= 10  # the ten states of the seed
    full_page_shot(browser, shots / "query.png")
    assert_nothing_left_the_machine(requested_urls(browser))
