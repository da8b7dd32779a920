"""The interactive HTML view in a real browser: Debian's headless Chromium, driven by Selenium through
/usr/bin/chromedriver (installed by .ci/setup.d/chromium.sh), with the network switched off.

The page must draw every node of the combined actor network, log no error, fetch nothing over the
network, show labels and evidence on hover, and filter by type and search by name. A screenshot of
the page is saved and its path printed, for a person to look at.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import networkx as nx
import pytest
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from migkg.network import NETWORK_NAMES, load, networks
from migkg.network.export import write_files
from migkg.network.html import html_files
from migkg.network.queries import evidence_spans
from migkg.stores.opening import open_build
from migkg.stores.sources import EmbeddedSource
from tests.browser import errors_in_console, requests_over_the_network

BASE = "https://w3id.org/migkg/"
#: finds a Bokeh view by its model's name
VIEWS = "const view = (name) => [...Bokeh.index.all_views()].find((v) => v.model.name === name);\n"


@pytest.fixture(scope="module")
def pages(built_dir, tmp_path_factory) -> dict[str, tuple[Path, nx.Graph]]:
    """Every network's page, with the words of the evidence in its edge tooltips."""
    source = EmbeddedSource(open_build(built_dir).store)
    nets, spans = networks(source), evidence_spans(source)
    folder = tmp_path_factory.mktemp("html")
    for name in NETWORK_NAMES:
        write_files(html_files(nets[name], name, spans), folder)
    return {name: (folder / f"{name}.html", nets[name]) for name in NETWORK_NAMES}


@pytest.fixture(scope="module")
def page(pages) -> tuple[Path, nx.Graph]:
    """The combined actor network's page."""
    return pages["actors"]


def open_page(browser, path: Path) -> float:
    """Load the page and wait until Bokeh has drawn it; the seconds it took."""
    started = time.perf_counter()
    browser.get(path.as_uri())
    WebDriverWait(browser, 30).until(lambda d: d.execute_script(
        VIEWS + "return typeof Bokeh !== 'undefined' && Bokeh.documents.length > 0 && Bokeh.documents[0].is_idle"
                " && view('node-glyphs') !== undefined && view('node-glyphs').has_finished();"))
    return time.perf_counter() - started


def shown(browser) -> dict:
    """What the page holds and draws, read from BokehJS's own objects."""
    return browser.execute_script(VIEWS + """
        const doc = Bokeh.documents[0];
        const nodes = doc.get_model_by_name('nodes'), edges = doc.get_model_by_name('edges');
        const drawn = view('node-glyphs');
        return {nodes: nodes.data.iri.length, edges: edges.data.source.length,
                drawn_nodes: drawn.glyph.sx.length,
                visible_nodes: drawn.model.view.indices.count, visible_edges: view('edge-glyphs').model.view.indices.count,
                selected: nodes.selected.indices.map((i) => nodes.data.iri[i]),
                found: doc.get_model_by_name('found').text};""")


def hover(browser, iri_a: str, iri_b: str | None = None) -> str:
    """Move the pointer onto a node (or the middle of an edge) and return the text of the visible tooltips."""
    x, y = browser.execute_script(VIEWS + """
        const v = view('node-glyphs'), iris = Bokeh.documents[0].get_model_by_name('nodes').data.iri;
        const rect = v.parent.canvas_view.el.getBoundingClientRect();
        const a = iris.indexOf(arguments[0]), b = arguments[1] ? iris.indexOf(arguments[1]) : a;
        return [rect.left + (v.glyph.sx[a] + v.glyph.sx[b]) / 2, rect.top + (v.glyph.sy[a] + v.glyph.sy[b]) / 2];""",
                                  iri_a, iri_b)
    action = ActionBuilder(browser)
    action.pointer_action.move_to_location(int(x), int(y))
    action.perform()
    time.sleep(0.3)
    return browser.execute_script("""
        return [...Bokeh.index.all_views()].filter((v) => v.model.type === 'Tooltip' && v.model.visible)
            .map((t) => [...t.el.shadowRoot.children].filter((c) => c.tagName !== 'STYLE')
                         .map((c) => c.innerText).join('\\n')).join('\\n');""")


def shadow_inputs(browser, name: str):
    host = browser.execute_script(VIEWS + "return view(arguments[0]).el;", name)
    return host.shadow_root.find_elements(By.CSS_SELECTOR, "input")


@pytest.mark.parametrize("name", NETWORK_NAMES)
def test_the_page_inlines_its_javascript_and_refers_to_nothing_online(name, pages):
    path, _ = pages[name]
    text = path.read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b[^>]*>", text, re.IGNORECASE)
    assert scripts and not [t for t in scripts if re.search(r"\bsrc\s*=", t, re.IGNORECASE)]
    # the markup around the scripts (their code is checked in the browser: it must fetch nothing)
    markup = re.sub(r"(<script\b[^>]*>).*?(</script>)", r"\1\2", text, flags=re.IGNORECASE | re.DOTALL)
    assert not re.findall(r"<link\b[^>]*>", markup, re.IGNORECASE)
    assert not re.findall(r"\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", markup, re.IGNORECASE)
    assert "Bokeh.embed.embed_items" in text and len(text) > 500_000  # BokehJS itself is in the file


@pytest.mark.parametrize("name", [n for n in NETWORK_NAMES if n != "actors"])
def test_every_network_page_draws_all_its_nodes_and_edges_offline_without_errors(name, browser, pages):
    path, graph = pages[name]
    open_page(browser, path)
    state = shown(browser)
    assert state["nodes"] == state["drawn_nodes"] == state["visible_nodes"] == graph.number_of_nodes()
    assert state["edges"] == state["visible_edges"] == graph.number_of_edges()
    assert errors_in_console(browser) == []
    assert requests_over_the_network(browser) == []


def test_the_page_draws_every_node_offline_without_errors(browser, page, tmp_path, capsys):
    path, graph = page
    seconds = open_page(browser, path)
    state = shown(browser)
    assert state["nodes"] == state["drawn_nodes"] == state["visible_nodes"] == graph.number_of_nodes() == 22
    assert state["edges"] == state["visible_edges"] == graph.number_of_edges() == 143
    # labels in Russian and English, for the screenshot
    buttons = browser.execute_script(VIEWS + "return view('language').el;").shadow_root.find_elements(
        By.CSS_SELECTOR, "button")
    next(button for button in buttons if button.text == "ru / en").click()
    assert browser.execute_script(VIEWS + "return view('node-labels').model.glyph.text.field;") == "label_both"
    assert errors_in_console(browser) == []
    assert requests_over_the_network(browser) == []
    screenshot = tmp_path / "actors-network.png"
    assert browser.save_screenshot(str(screenshot)) and screenshot.stat().st_size > 20_000
    with capsys.disabled():
        print(f"\n  screenshot of the HTML view: {screenshot}  (page drawn in {seconds:.2f} s)")


def test_hovering_shows_labels_in_both_languages_and_the_evidence_of_an_edge(browser, page, tmp_path, capsys):
    path, _ = page
    open_page(browser, path)
    node_tip = hover(browser, BASE + "state/KAZ")
    assert "Казахстан" in node_tip and "Kazakhstan" in node_tip and "degree 16" in node_tip
    edge_tip = hover(browser, BASE + "organisation/unhcr", BASE + "organisation/un")
    assert "part-of" in edge_tip
    assert "Управления Верховного комиссара по делам беженцев (УВКБ) ООН" in edge_tip  # the release's words
    assert errors_in_console(browser) == []
    screenshot = tmp_path / "actors-edge-tooltip.png"
    browser.save_screenshot(str(screenshot))
    with capsys.disabled():
        print(f"\n  screenshot of an edge's evidence on hover: {screenshot}")


def test_ticking_off_a_type_hides_its_nodes_and_their_edges(browser, page):
    path, graph = page
    open_page(browser, path)
    boxes = shadow_inputs(browser, "types")
    labels = browser.execute_script("return Bokeh.documents[0].get_model_by_name('types').labels;")
    boxes[labels.index("person")].click()
    kept = [n for n, t in graph.nodes(data="type") if t != "person"]
    state = shown(browser)
    assert state["visible_nodes"] == len(kept) == 16
    assert state["visible_edges"] == graph.subgraph(kept).number_of_edges()
    boxes[labels.index("person")].click()
    assert shown(browser)["visible_nodes"] == 22
    assert errors_in_console(browser) == []


def test_typing_a_name_selects_the_matching_nodes(browser, page):
    path, _ = page
    open_page(browser, path)
    shadow_inputs(browser, "search")[0].send_keys("Казах")
    state = shown(browser)
    assert sorted(i.rsplit("/", 1)[-1] for i in state["selected"]) == \
        ["KAZ", "kaz-government", "kaz-ministry-foreign-affairs", "kaz-ministry-internal-affairs"]
    assert state["found"].startswith("4 found: ")
    assert errors_in_console(browser) == []


# ------------------------------------------------------------------------------- the year menu, on many releases
@pytest.fixture(scope="module")
def timed_page(domain_built_dir, tmp_path_factory):
    """The combined network of the multi-release test corpus (tests/fixtures/domain), with its year menu."""
    nets = load(domain_built_dir)
    folder = tmp_path_factory.mktemp("timed-html")
    write_files(html_files(nets["actors"], "actors", None, timeline=nets.timeline), folder)
    return folder / "actors.html", nets


def filtered(browser) -> tuple[set[str], set[frozenset[str]]]:
    """The nodes and edges the filters let through, read from the page's own filter models."""
    iris, ends = browser.execute_script("""
        const doc = Bokeh.documents[0];
        const nodes = doc.get_model_by_name('nodes'), edges = doc.get_model_by_name('edges');
        const keep = doc.get_model_by_name('node-filter').booleans, keep_edge = doc.get_model_by_name('edge-filter').booleans;
        return [nodes.data.iri.filter((_, i) => keep[i]),
                edges.data.source.map((s, i) => [s, edges.data.target[i]]).filter((_, i) => keep_edge[i])];""")
    return set(iris), {frozenset(pair) for pair in ends}


def choose_year(browser, year: str) -> None:
    host = browser.execute_script(VIEWS + "return view('year').el;")
    Select(host.shadow_root.find_element(By.CSS_SELECTOR, "select")).select_by_visible_text(year)
    time.sleep(0.2)


def test_the_year_menu_shows_the_network_of_one_year(browser, timed_page, tmp_path, capsys):
    path, nets = timed_page
    open_page(browser, path)
    whole = nets["actors"]
    years = [y for y in nets.years() if nets.slice(year=y)["actors"].number_of_edges()]
    options = browser.execute_script("return Bokeh.documents[0].get_model_by_name('year').options;")
    assert options == ["all years", *map(str, years)]
    for year in ("2019", "2017", "2014"):
        choose_year(browser, year)
        expected = nets.slice(year=int(year))["actors"]
        nodes, edges = filtered(browser)
        assert nodes == set(expected.nodes)
        assert edges == {frozenset(e) for e in expected.edges}
        state = shown(browser)  # and drawn so
        assert (state["visible_nodes"], state["visible_edges"]) == (len(nodes), len(edges))
    assert len(nodes) == 2  # 2014: UNHCR and the United Nations (the registry's tie, named that year)
    choose_year(browser, "2019")
    assert filtered(browser)[0] == {f"{BASE}state/{c}" for c in
                                    ("AFG", "AZE", "IRN", "KAZ", "KGZ", "PAK", "TJK", "TKM", "TUR")}
    screenshot = tmp_path / "actors-2019.png"
    assert browser.save_screenshot(str(screenshot))
    # the type boxes and the year menu together: no state in 2019 leaves nothing
    boxes = shadow_inputs(browser, "types")
    labels = browser.execute_script("return Bokeh.documents[0].get_model_by_name('types').labels;")
    boxes[labels.index("state")].click()
    assert filtered(browser) == (set(), set())
    boxes[labels.index("state")].click()
    choose_year(browser, "all years")
    nodes, edges = filtered(browser)
    assert nodes == set(whole.nodes) and len(edges) == whole.number_of_edges()
    assert errors_in_console(browser) == []
    assert requests_over_the_network(browser) == []
    with capsys.disabled():
        print(f"\n  screenshot of the year 2019 in the HTML view: {screenshot}")
