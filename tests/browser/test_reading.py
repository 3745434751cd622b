"""The page read as a reader meets it: deep outlines, long and right-to-left texts, excerpts, the overview beside a
drawing in view, filters that show what passes, and the tools on a phone."""

from __future__ import annotations

import pytest

from tests.browser.test_outline import shot
from tests.browser.test_page import plain  # noqa: F401  (the essay's page, as render writes it)
from tests.browser.test_view import opened
from tests.conftest import run_cli

pytestmark = [pytest.mark.browser, pytest.mark.needs_dot]

WORD = "A" * 200
DEPTH = 22
CHAIN = "".join(f"  d{n}: {{text: {{en: Step {n} of a long chain of reasons, ar: الخطوة {n} من سلسلة طويلة}},"
                f" supports: d{n - 1}{', group: far' if n <= 4 else ''}}}\n" for n in range(2, DEPTH + 1))
MAP = f"""\
argmap: 1
id: reading
title: {{en: Reading hard texts, ar: قراءة النصوص الصعبة}}
languages: [en, ar]
groups:
  far: {{label: {{en: The far end of a chain of reasons that goes on and on, ar: بعيد}}}}
statements:
  thesis: {{role: thesis, text: {{en: The thesis holds, ar: الأطروحة صحيحة تماما}}}}
  constructor: {{text: {{en: A statement called constructor, ar: بيان يسمى المنشئ}}, supports: thesis,
    tags: [plain]}}
  long: {{text: {{en: "{WORD} then a sentence", ar: "نص عربي مع English mixed في الوسط"}}, supports: constructor}}
  d1: {{text: {{en: Step 1 of a long chain of reasons, ar: الخطوة 1 من سلسلة طويلة}}, supports: thesis, group: far}}
{CHAIN}"""


@pytest.fixture(scope="module")
def reading(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reading")
    (folder / "map.yaml").write_text(MAP, encoding="utf-8")
    for name, extra in [("map", []), ("group", ["--group", "far"]), ("focus", ["--focus", "d10", "--depth", "1"])]:
        code, _, err = run_cli("render", "map.yaml", "-o", f"{name}.html", *extra, cwd=folder)
        assert (code, err) == (0, ""), err
    return folder.as_uri()


def screen(page, width: int) -> None:
    page.page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})


@pytest.mark.parametrize("width", [1440, 390])
def test_a_deep_line_of_the_outline_stays_readable(page, reading, width):
    screen(page, width)
    opened(page, reading + f"/map.html#d{DEPTH}")
    line = f"#outline [data-node='d{DEPTH}'] > .row"
    assert page.page.is_visible(line)
    outline = page.page.locator("#outline").bounding_box()
    text = page.page.locator(line + " .text").bounding_box()
    assert text["width"] >= outline["width"] * 0.4  # the indent stops growing past a depth
    assert page.page.inner_text(line + " .depth").strip() == str(DEPTH + 1)  # and says its level (the thesis is 1)
    assert page.page.get_attribute(f"#outline [data-node='d{DEPTH}']", "aria-level") == str(DEPTH + 1)
    panel = page.page.locator("#panel").bounding_box()
    assert text["y"] + text["height"] <= panel["y"] or width > 600  # on a phone, above the panel over the outline
    shot(page, f"deep-outline-{width}")
    assert page.problems == []


@pytest.mark.parametrize("width", [1440, 390])
def test_a_long_unbroken_text_wraps_in_the_panel_and_the_outline(page, reading, width):
    screen(page, width)
    opened(page, reading + "/map.html#long")
    assert page.page.is_visible("#panel")
    wide = page.evaluate("""() => {
        const over = (box) => [...box.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right
            > box.getBoundingClientRect().right + 1 && e.offsetParent !== null).map((e) => e.tagName + '.' + e.className);
        const panel = document.getElementById('panel'), outline = document.getElementById('outline');
        return {panel: [panel.scrollWidth - panel.clientWidth, over(panel)],
                outline: outline.offsetParent ? [outline.scrollWidth - outline.clientWidth, over(outline)] : [0, []]};
    }""")
    assert wide == {"panel": [0, []], "outline": [0, []]}
    shot(page, f"long-text-{width}")
    assert page.problems == []


def test_right_to_left_texts_read_right_to_left(page, reading):
    screen(page, 1440)
    opened(page, reading + "/map.html#long")
    page.page.select_option("#lang", "ar")
    directions = page.evaluate("""() => {
        const dir = (e) => e && getComputedStyle(e).direction;
        return {title: dir(document.getElementById('title')),
                outline: dir(document.querySelector("#outline [data-node='long'] > .row .text")),
                panel: dir(document.querySelector('#panel dd[lang=ar]')),
                english: dir(document.querySelector('#panel dd[lang=en]')),
                link: dir(document.querySelector('#panel a.node-link'))};
    }""")
    assert directions == {"title": "rtl", "outline": "rtl", "panel": "rtl", "english": "ltr", "link": "rtl"}
    shot(page, "right-to-left")
    assert page.problems == []


def test_a_statement_called_constructor_is_a_statement_like_any_other(page, reading):
    screen(page, 1440)
    opened(page, reading + "/map.html#constructor")
    assert page.evaluate("document.getElementById('node-constructor').classList.contains('problem')") is False
    assert "constructor" in page.page.inner_text("#panel h2")
    page.evaluate("location.hash = '#tostring'")  # an id the map does not have, named like an object's own
    page.evaluate("location.hash = '#hasOwnProperty'")
    assert page.problems == []


def test_the_filter_box_fits_a_phone(page, plain):  # noqa: F811
    screen(page, 390)
    opened(page, plain)
    page.page.click("#tools-toggle")
    page.page.click("#filters summary")
    right = page.evaluate("Math.max(...[...document.querySelectorAll('.filter-box, .filter-box *')]"
                          ".filter((e) => e.offsetParent !== null).map((e) => e.getBoundingClientRect().right))")
    assert 0 < right <= 390
    shot(page, "phone-filters")
    assert page.problems == []


def test_dragging_the_drawing_selects_no_text(page, reading):
    screen(page, 1440)
    opened(page, reading + "/map.html")
    port = page.page.locator("#viewport").bounding_box()
    outline = page.page.locator("#outline").bounding_box()
    mouse = page.page.mouse
    mouse.move(port["x"] + port["width"] - 20, port["y"] + 20)
    mouse.down()
    for step in range(1, 11):
        mouse.move(port["x"] + port["width"] - 20 - step * (port["width"] + outline["width"] / 2) / 10,
                   port["y"] + 20 + step * 30)
    mouse.up()
    assert page.evaluate("getSelection().toString()") == ""
    assert page.problems == []


OPEN_ALL = """() => { for (let i = 0; i < 40; i++) { const shut = document.querySelector('#outline [aria-expanded=false] > .row .twisty');
    if (!shut) break; shut.click(); } }"""
ALL_LINES = "[...new Set([...document.querySelectorAll('#outline [role=treeitem]')].map((li) => li.dataset.node))]"


@pytest.mark.parametrize(("name", "first", "deep"), [("group", "d1", "d4"), ("focus", "d9", "d11")])
def test_an_excerpts_outline_has_the_lines_of_what_it_draws(page, reading, name, first, deep):
    screen(page, 1440)
    opened(page, reading + f"/{name}.html")
    drawn = page.evaluate("""(() => { const data = JSON.parse(document.getElementById('argmap-data').textContent);
        return data.drawn.filter((id) => data.nodes[id].kind === 'statement'); })()""")
    assert page.evaluate("document.querySelector('#outline [role=treeitem]').dataset.node") == first
    page.evaluate(OPEN_ALL)
    assert sorted(page.evaluate(ALL_LINES)) == sorted(drawn)
    page.evaluate("document.querySelector('#outline [aria-expanded=true] > .row .twisty').click()")
    page.evaluate(f"location.hash = '#{deep}'")  # a line deep in the excerpt is found and opened
    assert page.evaluate("document.querySelector('#outline [aria-selected=true]').dataset.node") == deep
    shot(page, f"excerpt-{name}")
    assert page.problems == []


def test_the_panels_fold_button_counts_what_the_fold_hides(page, plain):  # noqa: F811
    screen(page, 1440)
    opened(page, plain + "#no-feast-elsewhere")
    before = page.page.inner_text("#panel button.fold")
    page.page.click("#panel button.fold")
    mark = page.evaluate("document.querySelector('#node-no-feast-elsewhere .fold-count').textContent").strip()
    label = page.page.get_attribute("#node-no-feast-elsewhere", "aria-label")
    after = page.page.inner_text("#panel button.fold")
    assert before == f"Fold the {mark[1:]} statements under it" and after == f"Unfold the {mark[1:]} statements under it"
    assert f"({'folded: ' + mark[1:]} statements hidden under it)" in label
    assert page.problems == []


def overview_shown(page) -> bool:
    return page.evaluate("!document.getElementById('overview').hidden")


def test_the_overview_shows_only_while_part_of_the_drawing_is_out_of_view(page, reading, plain):  # noqa: F811
    screen(page, 1440)
    opened(page, reading + "/group.html")
    page.page.wait_for_timeout(300)  # the overview is drawn once the page is on screen
    assert not overview_shown(page)  # the whole drawing is in view: nothing covers it
    for _ in range(4):
        page.page.click("#zoom-in")
    page.page.wait_for_timeout(200)
    assert overview_shown(page)
    page.page.click("#fit")
    page.page.wait_for_timeout(200)
    assert not overview_shown(page)
    page.page.set_viewport_size({"width": 1000, "height": 700})  # a small view keeps the most of itself
    opened(page, plain + "#popular-view")
    page.page.wait_for_timeout(300)
    port = page.page.locator("#viewport").bounding_box()
    box = page.page.locator("#overview").bounding_box()
    assert overview_shown(page) and box["width"] * box["height"] <= port["width"] * port["height"] / 10
    shot(page, "overview-small-view")
    assert page.problems == []


def test_a_filter_brings_what_passes_into_view_and_opens_its_lines(page, plain):  # noqa: F811
    screen(page, 1440)
    opened(page, plain)
    page.page.click("#filters summary")
    page.page.select_option("#filter-tag", "root-cause")
    page.page.select_option("#filter-role", "claim")
    passing = page.evaluate("""() => [...document.querySelectorAll('#canvas g.node[id^="node-"]:not(.dimmed):not(.hidden)')]
        .map((g) => g.id.slice(5))""")
    assert 1 <= len(passing) <= 5
    in_view = page.evaluate("""(ids) => { const port = document.getElementById('viewport').getBoundingClientRect();
        return ids.filter((id) => { const b = document.getElementById('node-' + id).getBoundingClientRect();
            return b.right > port.left && b.left < port.right && b.bottom > port.top && b.top < port.bottom; }); }""", passing)
    assert in_view
    lines = page.evaluate("""(ids) => ids.filter((id) => [...document.querySelectorAll('#outline [role=treeitem]')]
        .some((li) => li.dataset.node === id && li.offsetParent !== null && !li.parentElement.closest('[aria-expanded=false]')))""", passing)
    assert sorted(lines) == sorted(passing)
    shot(page, "filter-brings-passing")
    assert page.problems == []


def test_a_language_with_no_text_yet_is_not_what_the_page_says_it_speaks(page, tmp_path):
    (tmp_path / "map.yaml").write_text("""argmap: 1
id: de
title: {en: A map}
languages: [en, de]
statements:
  thesis: {role: thesis, text: {en: The thesis holds}}
  why: {text: {en: A reason}, supports: thesis}
""", encoding="utf-8")
    code, _, err = run_cli("render", "map.yaml", "--lang", "de", "-o", "map.html", cwd=tmp_path)
    assert code == 0, err
    screen(page, 1440)
    opened(page, (tmp_path / "map.html").as_uri())
    assert page.evaluate("[document.getElementById('lang').value, document.documentElement.lang]") == ["de", "en"]
    assert page.problems == []


def test_a_search_with_more_matches_than_listed_says_how_many_more(page, plain):  # noqa: F811
    screen(page, 1440)
    opened(page, plain)
    page.page.fill("#search", "e")
    found = int(page.page.inner_text("#count").split()[0])
    assert found > 50
    assert page.evaluate("document.querySelectorAll('#results a').length") == 50
    assert page.page.inner_text("#results li:last-child") == f"and {found - 50} more: add words to narrow the search"
    assert page.problems == []
