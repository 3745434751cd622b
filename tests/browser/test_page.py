"""The HTML page as a reader meets it: readable as it opens, an overview that moves the view, no derived id
anywhere, verdicts with their reasons, search results that close, titles in the language shown, saving the
drawing, and no serious accessibility violation (axe-core), at 1440x900 and on a phone."""

from __future__ import annotations

import pytest

from tests.browser.test_view import ESSAY, opened
from tests.conftest import ROOT, run_cli

pytestmark = [pytest.mark.browser, pytest.mark.needs_dot]

DERIVED = ("--support--", "--attack--")


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """The essay's page as `render` writes it without --eval (the panel still says what stands, and why)."""
    folder = tmp_path_factory.mktemp("plain")
    code, _, err = run_cli("render", str(ESSAY), "-o", str(folder / "essay.html"), cwd=ROOT)
    assert (code, err) == (0, "")
    return (folder / "essay.html").as_uri()


def large(page) -> None:
    page.page.set_viewport_size({"width": 1440, "height": 900})


def scale(page) -> float:
    return float(page.evaluate("document.body.dataset.view.split(' ')[2]"))


def test_the_page_opens_readable_on_its_thesis(page, plain):
    large(page)
    opened(page, plain)
    # The statements' texts (11 units in dot's drawing) show at 11 px at least, and the thesis is in view.
    sizes = page.evaluate("""() => [...document.querySelectorAll('#canvas g.node[id^="node-"] text')]
        .filter(t => t.getAttribute('font-size') === '11.00').map(t => t.getBoundingClientRect().height)""")
    assert sizes and scale(page) >= 1 and min(sizes) >= 11
    inside = page.evaluate("""() => {
        const box = document.getElementById('node-feast-only-in-a-shares').getBoundingClientRect();
        const port = document.getElementById('viewport').getBoundingClientRect();
        return box.left >= port.left && box.right <= port.right && box.top >= port.top && box.bottom <= port.bottom;
    }""")
    assert inside and page.problems == []


def test_the_overview_shows_the_whole_map_and_moves_the_view(page, plain):
    large(page)
    opened(page, plain)
    page.page.wait_for_selector("#overview", state="visible")
    before = page.evaluate("document.body.dataset.view")
    box = page.page.locator("#overview").bounding_box()
    assert box is not None and box["width"] <= 202 and box["height"] <= 202
    page.page.mouse.click(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.9)
    after = page.evaluate("document.body.dataset.view")
    assert after != before
    # The bottom right of the map is now in view: a node drawn there is on screen.
    assert scale(page) >= 1 and page.problems == []


def test_no_derived_inference_id_reaches_the_reader(page, plain):
    large(page)
    opened(page, plain)
    labels = page.evaluate("[...document.querySelectorAll('#canvas [aria-label]')].map(e => e.getAttribute('aria-label'))")
    titles = page.evaluate("""[...document.querySelectorAll('#canvas a')]
        .map(a => a.getAttributeNS('http://www.w3.org/1999/xlink', 'title') || '')""")
    assert labels and not [t for t in labels + titles if any(d in t for d in DERIVED)]
    page.page.fill("#search", "support")
    assert not any(d in page.page.inner_text("#results") for d in DERIVED)
    # A derived inference's own panel names what it joins.
    page.evaluate("location.hash = '#industry-problem--support--two-unsolved-problems'")
    panel = page.page.inner_text("#panel")
    assert "support inference" in panel and not any(d in panel for d in DERIVED)


def test_the_panel_gives_each_relation_its_status_and_the_verdict_its_reason(page, plain):
    large(page)
    opened(page, plain + "#feast-only-in-a-shares")
    first = page.evaluate("document.querySelector('#panel h2').nextElementSibling.className")
    assert first == "why" and page.page.inner_text("#panel .why").startswith("Why:")
    page.evaluate("location.hash = '#popular-view'")
    why = page.page.inner_text("#panel .why")
    assert why.startswith("Why: defeated by ") and "which stands" in why
    statuses = page.evaluate("[...document.querySelectorAll('#panel li .status')].map(s => s.textContent)")
    assert " — stands" in statuses
    assert "defeated (OUT, grounded)" in page.page.inner_text("#panel")


def test_search_results_close_on_escape_and_on_a_click_elsewhere(page, plain):
    large(page)
    opened(page, plain)
    page.page.fill("#search", "capital")
    assert page.page.is_visible("#results")
    page.page.keyboard.press("Escape")
    assert not page.page.is_visible("#results") and page.page.input_value("#search") == "capital"
    page.page.click("#search")
    assert page.page.is_visible("#results")
    page.page.mouse.click(700, 600)
    assert not page.page.is_visible("#results")


def test_the_header_and_the_tab_title_follow_the_language(page, plain):
    opened(page, plain)
    english = page.page.title()
    page.page.select_option("#lang", "ja")
    assert page.page.title() != english and page.page.inner_text("#title") == page.page.title()
    assert any("\u3040" <= c <= "\u9fff" for c in page.page.title())


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_the_drawing_saves_as_svg_and_png(page, plain, kind, tmp_path):
    opened(page, plain)
    with page.page.expect_download() as download:
        page.page.click(f"#save-{kind}")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    data = saved.read_bytes()
    assert saved.name == f"capital-feast.en.{kind}"
    if kind == "svg":
        assert data.startswith(b"<svg") and b"Legend" in data and b"tabindex" not in data
    else:
        assert data.startswith(b"\x89PNG") and len(data) > 50_000


@pytest.mark.parametrize("width", [1440, 390])
def test_axe_finds_no_serious_or_critical_violation(page, plain, width):
    from axe_playwright_python.sync_playwright import Axe

    page.page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
    opened(page, plain + "#popular-view")
    assert page.page.is_visible("#outline [role=tree]")  # open beside the drawing, and the reading on a phone
    results = Axe().run(page.page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_on_a_phone_the_tools_fold_and_the_panel_lies_over_the_diagram(page, plain):
    page.page.set_viewport_size({"width": 390, "height": 844})
    opened(page, plain)
    assert page.page.locator("header.bar").bounding_box()["height"] < 100
    assert page.page.is_visible("#search") and not page.page.is_visible("#save-svg")
    page.page.click("#tools-toggle")
    assert page.page.is_visible("#save-svg") and page.page.get_attribute("#tools-toggle", "aria-expanded") == "true"
    page.page.click("#tools-toggle")
    assert not page.page.is_visible("#save-svg")
    # Readable as it opens there too, and a panel takes the whole width, over the lower part of the diagram.
    assert scale(page) >= 1
    page.evaluate("location.hash = '#popular-view'")
    panel = page.page.locator("#panel").bounding_box()
    assert panel["width"] >= 385 and panel["y"] > 844 * 0.4 and page.problems == []
