"""A large map's page, drawn in pieces near the view, behaves as the same page holding its whole drawing: it opens
readable on its thesis, a click shows a panel, search finds a statement far out of view and brings it in, a deep
link selects and shows its statement, the language switch redraws the view, the overview moves it, and the
drawing saves whole; the document holds only a small part of the drawing meanwhile."""

from __future__ import annotations

import re
import sys

import pytest

import argmap.diagram.html as html_module
from tests.browser.test_view import opened
from tests.conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import write_map

pytestmark = [pytest.mark.browser, pytest.mark.needs_dot]
STATEMENTS = 1500
FAR = "s1234"  # far from the thesis (s0) in the drawing


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """{"pieces": the page as `render` writes it, "whole": the same page holding its whole drawing}."""
    folder = tmp_path_factory.mktemp("large")
    write_map(folder / "map.yaml", STATEMENTS)
    made = {}
    for kind, threshold in (("pieces", html_module.VIRTUAL), ("whole", 10**9)):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(html_module, "VIRTUAL", threshold)
            code, _, err = run_cli("render", "map.yaml", "-o", f"{kind}.html", cwd=folder)
        assert (code, err) == (0, "")
        made[kind] = (folder / f"{kind}.html").as_uri()
    return made


def big(page) -> None:
    page.page.set_viewport_size({"width": 1440, "height": 900})


def nodes(page) -> int:
    return page.evaluate("document.querySelectorAll('#canvas g.node').length")


def in_view(page, node: str) -> bool:
    return page.evaluate("""(id) => {
        const g = document.getElementById('node-' + id);
        if (!g) return false;
        const box = g.getBoundingClientRect(), port = document.getElementById('viewport').getBoundingClientRect();
        return box.left >= port.left && box.right <= port.right && box.top >= port.top && box.bottom <= port.bottom;
    }""", node)


def test_the_page_holds_only_what_is_near_the_view(page, pages):
    big(page)
    opened(page, pages["pieces"])
    assert 0 < nodes(page) < STATEMENTS / 10
    opened(page, pages["whole"])
    assert nodes(page) > STATEMENTS and page.problems == []


@pytest.mark.parametrize("kind", ["pieces", "whole"])
def test_it_opens_readable_on_the_thesis(page, pages, kind):
    big(page)
    opened(page, pages[kind])
    sizes = page.evaluate("""() => [...document.querySelectorAll('#canvas g.node[role=button] text')]
        .filter(t => t.getAttribute('font-size') === '11.00').map(t => t.getBoundingClientRect().height)""")
    assert sizes and min(sizes) >= 11 and in_view(page, "s0") and page.problems == []


@pytest.mark.parametrize("kind", ["pieces", "whole"])
def test_a_click_shows_the_panel(page, pages, kind):
    big(page)
    opened(page, pages[kind])
    box = page.page.locator("#node-s0").bounding_box()
    page.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.page.is_visible("#panel") and page.page.inner_text("#panel h2").startswith("s0")
    assert "Statement 0:" in page.page.inner_text("#panel") and page.evaluate("location.hash") == "#s0"


def test_search_finds_a_statement_out_of_view_and_brings_it_in(page, pages):
    seen = {}
    for kind in ("pieces", "whole"):
        big(page)
        opened(page, pages[kind])
        assert not in_view(page, FAR)
        page.page.fill("#search", "Statement 1234:")
        seen[kind] = page.page.inner_text("#results")
        page.page.press("#search", "Enter")
        page.page.wait_for_function("(id) => document.querySelector('#canvas g.node.selected')?.id === 'node-' + id",
                                    arg=FAR)
        assert in_view(page, FAR) and page.evaluate("document.querySelector('#node-s1234.match') !== null")
        assert page.page.inner_text("#panel h2").startswith(FAR)
    assert seen["pieces"] == seen["whole"] and "Statement 1234:" in seen["pieces"]


def test_a_deep_link_selects_and_shows_its_statement(page, pages):
    big(page)
    for kind in ("pieces", "whole"):
        opened(page, pages[kind] + "#" + FAR)
        assert in_view(page, FAR) and page.page.inner_text("#panel h2").startswith(FAR)
        page.evaluate("location.hash = '#s77'")
        page.page.wait_for_function("() => document.querySelector('#panel h2').textContent.startsWith('s77')")
        assert in_view(page, "s77") and page.problems == []


def test_the_language_switch_redraws_the_view_in_pieces(page, pages):
    big(page)
    opened(page, pages["pieces"] + "#s0")
    page.page.select_option("#lang", "fr")
    texts = page.evaluate("[...document.querySelectorAll('#canvas g.node text')].map(t => t.textContent).join(' ')")
    assert "Énoncé" in texts and "Statement" not in texts
    assert 0 < nodes(page) < STATEMENTS / 10 and page.page.title() == "Carte synthétique"
    page.evaluate(f"location.hash = '#{FAR}'")
    page.page.wait_for_function(f"() => document.querySelector('#panel h2').textContent.startsWith('{FAR}')")
    assert in_view(page, FAR) and page.problems == []


def test_the_overview_and_panning_bring_the_pieces_of_the_new_view(page, pages):
    big(page)
    opened(page, pages["pieces"])
    page.page.wait_for_selector("#overview", state="visible")
    before = set(page.evaluate("[...document.querySelectorAll('#canvas g.node')].map(g => g.id)"))
    box = page.page.locator("#overview").bounding_box()
    # The drawing is hundreds of times wider than high: its overview is wider, and high enough to show the view's
    # frame (drawn to scale it would be a line).
    assert 200 < box["width"] <= 402 and 40 <= box["height"] <= 60
    frame = page.evaluate("""() => { const c = document.getElementById('overview');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] > 200 && d[i + 1] < 130 && d[i + 2] < 60) n++;
        return n; }""")
    assert frame >= 40  # the orange frame, at least its two sides
    page.page.mouse.click(box["x"] + box["width"] * 0.05, box["y"] + box["height"] / 2)
    after = set(page.evaluate("[...document.querySelectorAll('#canvas g.node')].map(g => g.id)"))
    assert after and not after & before and 0 < len(after) < STATEMENTS / 10
    # Every node in view is in the document: what the reader sees is the drawing, not a part of it.
    shown = page.evaluate("""() => { const port = document.getElementById('viewport').getBoundingClientRect();
        return [...document.querySelectorAll('#canvas g.node')].filter(g => { const b = g.getBoundingClientRect();
            return b.right > port.left && b.left < port.right && b.bottom > port.top && b.top < port.bottom; }).length; }""")
    assert shown > 0 and page.problems == []


def test_a_key_or_a_drag_moves_the_view_and_the_pieces_follow(page, pages):
    big(page)
    opened(page, pages["pieces"])
    page.page.focus("#viewport")
    before = page.evaluate("[...document.querySelectorAll('#canvas g.node')].map(g => g.id).sort().join()")
    for _ in range(40):
        page.page.keyboard.press("ArrowRight")
    after = page.evaluate("[...document.querySelectorAll('#canvas g.node')].map(g => g.id).sort().join()")
    assert after != before
    page.page.keyboard.press("0")  # as far out as a drawing in pieces goes
    assert float(page.evaluate("document.body.dataset.view.split(' ')[2]")) >= 0.1 and page.problems == []


def test_the_drawing_saves_whole(page, pages, tmp_path):
    opened(page, pages["pieces"])
    with page.page.expect_download() as download:
        page.page.click("#save-svg")
    saved = tmp_path / "saved.svg"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("<svg") and len(re.findall(r'class="node"', text)) > STATEMENTS


STATES = """[...document.querySelectorAll('#canvas g.node[id^="node-"], #canvas g.edge[id^="edge-"], #canvas g.cluster')]
    .map(g => [g.id, g.classList.contains('hidden') ? 'hidden' : g.classList.contains('dimmed') ? 'dimmed' : '',
               (g.querySelector(':scope > .fold-count') || {}).textContent || null])"""


def states(page) -> dict[str, tuple[str, str | None]]:
    return {name: (state, count) for name, state, count in page.evaluate(STATES)}


@pytest.mark.parametrize("state", ["s0&fold=s1,s2,s3", f"{FAR}&focus=2", "group=g2", "fold=s1&role=evidence"])
def test_folds_focus_and_filters_mark_the_pieces_as_the_whole_drawing(page, pages, state):
    big(page)
    opened(page, pages["whole"] + "#" + state)
    whole = states(page)
    assert any(s == "hidden" for s, _ in whole.values()) or any(s == "dimmed" for s, _ in whole.values())
    opened(page, pages["pieces"] + "#" + state)
    page.page.wait_for_selector("#overview", state="visible")  # drawn from the pieces' boxes, the hidden left out
    first = states(page)
    page.page.focus("#viewport")
    page.page.keyboard.press("0")  # far out: the pieces put in meanwhile are marked as they come
    for _ in range(30):
        page.page.keyboard.press("ArrowRight")
    later = states(page)
    assert set(later) - set(first) and len(first) < len(whole)
    for seen in (first, later):
        assert {name: whole[name] for name in seen} == seen
    assert page.problems == []


def test_a_folded_drawing_in_pieces_saves_as_shown(page, pages, tmp_path):
    opened(page, pages["pieces"] + "#fold=s0")
    with page.page.expect_download() as download:
        page.page.click("#save-svg")
    saved = tmp_path / "folded.svg"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    statements = set(re.findall(r'<g id="node(?:-|&#45;)(s[0-9]+)" class="node"', text))
    assert statements == {"s0"} and page.problems == []  # all the rest is folded under the thesis


def test_the_outline_brings_a_statement_far_out_of_view_into_it(page, pages):
    big(page)
    opened(page, pages["pieces"] + "#" + FAR)
    page.evaluate("location.hash = '#s0'")
    page.page.wait_for_function("() => document.querySelector('#panel h2').textContent.startsWith('s0')")
    assert not in_view(page, FAR)
    line = page.page.locator(f"#outline [role=treeitem][data-node='{FAR}'] > .row").first
    line.click()  # its line stayed open from the deep link
    assert in_view(page, FAR) and page.evaluate("document.querySelector('#canvas g.node.selected').id") == f"node-{FAR}"
    assert 0 < nodes(page) < STATEMENTS / 10 and page.problems == []


def test_axe_finds_no_serious_violation_on_a_drawing_in_pieces(page, pages):
    from axe_playwright_python.sync_playwright import Axe

    big(page)
    opened(page, pages["pieces"] + "#s0&fold=s1&role=evidence")
    assert page.page.is_visible("#outline [role=tree]") and page.page.is_visible("#panel")
    results = Axe().run(page.page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == [] and page.problems == []


def test_the_language_switch_keeps_the_selected_statement_in_view(page, pages):
    big(page)
    last = f"s{STATEMENTS - 1}"
    opened(page, pages["pieces"] + "#" + last)
    assert in_view(page, last)
    page.page.select_option("#lang", "fr")
    page.page.wait_for_function("() => document.body.dataset.lang === 'fr'")
    assert in_view(page, last) and page.evaluate("document.querySelector('#canvas g.node.selected').id") == f"node-{last}"
    assert page.problems == []


def tab_order(page, url: str, count: int) -> list[str]:
    opened(page, url)
    page.page.focus("#viewport")
    reached = []
    for _ in range(count):
        page.page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id"))
    return reached


def test_tab_reaches_each_statement_of_a_drawing_in_pieces_in_order(page, pages):
    big(page)
    whole = tab_order(page, pages["whole"], 80)
    assert len(set(whole)) == 80 and all(name.startswith("node-") for name in whole)
    assert tab_order(page, pages["pieces"], 80) == whole
    assert in_view(page, whole[-1][5:]) and 0 < nodes(page) < STATEMENTS / 10
    page.page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == whole[-2] and page.problems == []



SHOWN = "[...document.querySelectorAll('#canvas g.node[id^=\"node-\"]:not(.hidden)')].map(g => g.id.slice(5))"


def outside(page, names: list[str]) -> list[str]:
    return [name for name in names if not in_view(page, name)]



@pytest.mark.parametrize("start", ["s5", FAR])
def test_the_focus_brings_a_statements_far_neighbours_as_near_as_the_drawing_allows(page, pages, start):
    big(page)
    opened(page, pages["whole"] + f"#{start}&focus=1")
    shown = page.evaluate(SHOWN)
    opened(page, pages["pieces"] + f"#{start}&focus=1")
    far = outside(page, shown)
    assert len(shown) >= 2
    # A drawing in pieces is never shown further out than its smallest zoom: what that view cannot hold is said,
    # and Tab goes to each of them.
    if far:
        assert re.match(r"[1-9][0-9]* of the [0-9]+ statements shown lie outside the view", page.page.text_content("#status"))
    reached = set()
    page.page.focus(f"#node-{start}")
    for key in ("Tab", "Shift+Tab"):  # on, then back past where it began
        for _ in range(len(shown) * (1 if key == "Tab" else 2)):
            page.page.keyboard.press(key)
            name = page.evaluate("document.activeElement.id")[5:]
            if name in shown:
                assert in_view(page, name)
                reached.add(name)
    assert set(shown) - {start} <= reached
    page.page.click("#focus")  # off: the status says nothing more
    assert page.page.text_content("#status") == "" and page.problems == []


def test_a_folded_drawing_in_pieces_saves_with_its_fold_marks(page, pages, tmp_path):
    big(page)
    opened(page, pages["pieces"] + "#s1&fold=s1")
    shown = {"s1": page.page.text_content("#node-s1 .fold-count")}
    with page.page.expect_download() as download:
        page.page.click("#save-svg")
    saved = tmp_path / "folded.svg"
    download.value.save_as(saved)
    page.page.goto(saved.as_uri())
    marks = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.fold-count')].map(m =>
        [m.parentElement.id.slice(5), [m.textContent, getComputedStyle(m.querySelector('rect')).fill]]))""")
    assert marks == {name: [label, "rgb(34, 34, 34)"] for name, label in shown.items()} and page.problems == []


def test_a_drawing_too_large_for_a_readable_png_says_so(page, pages):
    big(page)
    opened(page, pages["pieces"])
    downloads = []
    page.page.on("download", lambda download: downloads.append(download))
    page.page.click("#save-png")
    page.page.wait_for_function("() => document.getElementById('status').textContent.includes('SVG')")
    assert "too large for a readable PNG" in page.page.text_content("#status")
    assert downloads == [] and page.problems == []
