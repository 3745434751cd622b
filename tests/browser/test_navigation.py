"""Moving about the page from the keyboard and the address: shortcuts that leave the browser's own keys alone, an
address that is the whole state, focus that comes back where it was, lists that close when the reader moves on."""

from __future__ import annotations

import pytest

from tests.browser.test_page import large, plain  # noqa: F401
from tests.browser.test_view import opened

pytestmark = [pytest.mark.browser, pytest.mark.needs_dot]

PREVENTED = """() => { window.prevented = [];
    document.addEventListener('keydown', (e) => window.prevented.push([e.key, e.defaultPrevented])); }"""


def selected(page) -> str | None:
    return page.evaluate("(document.querySelector('#canvas g.node.selected') || {id: null}).id")


def test_shortcuts_leave_the_browsers_own_keys_alone(page, plain):  # noqa: F811
    large(page)
    opened(page, plain)
    page.evaluate(PREVENTED)
    page.page.focus("#node-no-feast-elsewhere")
    before = page.evaluate("document.body.dataset.view")
    for chord in ("Control+c", "Meta+c", "Alt+c", "Control+Minus", "Control+0", "Control+Equal", "Meta+0",
                  "Control+ArrowRight", "Control+/"):
        page.page.keyboard.press(chord)
    # Copy, the browser's zoom and its other chords do what the browser does: nothing folds, nothing moves.
    assert page.evaluate("window.prevented.filter(([, p]) => p)") == []
    assert page.evaluate("document.querySelectorAll('#canvas .fold-count').length") == 0
    assert page.evaluate("document.body.dataset.view") == before
    assert page.evaluate("document.activeElement.id") == "node-no-feast-elsewhere"
    page.page.keyboard.press("c")  # the shortcut alone still folds
    assert page.evaluate("document.querySelectorAll('#canvas .fold-count').length") == 1
    page.page.keyboard.press("-")
    assert page.evaluate("document.body.dataset.view") != before and page.problems == []


def test_an_address_without_an_id_selects_nothing(page, plain):  # noqa: F811
    large(page)
    opened(page, plain + "#popular-view")
    assert selected(page) == "node-popular-view" and page.page.is_visible("#panel")
    page.evaluate("location.hash = '#fold=no-feast-elsewhere'")
    page.page.wait_for_function("() => !document.querySelector('#canvas g.node.selected')")
    assert page.evaluate("location.hash") == "#fold=no-feast-elsewhere" and not page.page.is_visible("#panel")
    page.page.reload()
    page.page.wait_for_function("() => document.body.dataset.version !== undefined")
    assert page.evaluate("location.hash") == "#fold=no-feast-elsewhere"
    assert page.evaluate("document.querySelectorAll('#canvas .fold-count').length") == 1
    for address in ("#popular-view", "#no-such-statement", ""):
        page.evaluate("(hash) => { location.hash = hash; }", address)
        page.page.wait_for_timeout(50)
    assert selected(page) is None and page.evaluate("location.hash") == ""
    page.evaluate("location.hash = '#popular-view'")
    page.page.wait_for_function("() => document.querySelector('#canvas g.node.selected')")
    page.evaluate("location.hash = '#focus=2'")
    page.page.go_back()  # back to the selection, then forward to the address without one
    page.page.wait_for_function("() => document.querySelector('#canvas g.node.selected')")
    page.page.go_forward()
    page.page.wait_for_function("() => !document.querySelector('#canvas g.node.selected')")
    assert page.problems == []


@pytest.mark.parametrize("how", ["Enter on the close button", "Escape on a panel link"])
def test_closing_the_panel_gives_the_focus_back_to_the_node(page, plain, how):  # noqa: F811
    large(page)
    opened(page, plain)
    page.page.focus("#node-popular-view")
    page.page.keyboard.press("Enter")
    assert page.page.is_visible("#panel")
    if how.startswith("Enter"):
        page.page.focus("#panel button.close")
        page.page.keyboard.press("Enter")
    else:
        page.page.focus("#panel a.node-link")
        page.page.keyboard.press("Escape")
    assert not page.page.is_visible("#panel")
    assert page.evaluate("document.activeElement.id") == "node-popular-view" and page.problems == []


def test_search_results_and_filters_close_when_the_reader_moves_on(page, plain):  # noqa: F811
    large(page)
    opened(page, plain)
    page.page.wait_for_selector("#overview", state="visible")
    page.page.fill("#search", "a")
    assert page.page.is_visible("#results")
    page.page.keyboard.press("ArrowDown")  # into the results
    first = page.evaluate("document.activeElement.dataset.node")
    assert first and page.evaluate("document.getElementById('results').contains(document.activeElement)")
    page.page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.dataset.node")
    assert second and second != first
    page.page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.dataset.node") == first
    page.page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "search" and not page.page.is_visible("#results")
    page.page.keyboard.press("ArrowDown")  # the list opens again on the way down
    assert page.page.is_visible("#results")
    page.page.focus("#search")
    page.page.keyboard.press("Tab")  # onward, out of the search and its results
    for _ in range(60):
        if not page.evaluate("['search', 'results'].some(id => document.getElementById(id).contains(document.activeElement))"):
            break
        page.page.keyboard.press("Tab")
    assert not page.page.is_visible("#results")
    page.page.focus("#search")
    page.page.keyboard.press("ArrowDown")
    assert page.page.is_visible("#results")
    page.page.click("#filters summary")
    assert page.evaluate("document.getElementById('filters').open")
    box = page.page.locator("#overview").bounding_box()
    page.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert not page.page.is_visible("#results") and not page.evaluate("document.getElementById('filters').open")
    page.page.click("#filters summary")
    page.page.focus("#filter-tag")
    for _ in range(30):
        if not page.evaluate("document.getElementById('filters').contains(document.activeElement)"):
            break
        page.page.keyboard.press("Tab")
    assert not page.evaluate("document.getElementById('filters').open") and page.problems == []


VISIBLE = "[...document.querySelectorAll('#canvas g.node[id^=\"node-\"]:not(.hidden)')].map(g => g.id.slice(5))"
OUTSIDE = """(names) => names.filter((id) => {
    const box = document.getElementById('node-' + id).getBoundingClientRect();
    const port = document.getElementById('viewport').getBoundingClientRect();
    return box.left < port.left || box.right > port.right || box.top < port.top || box.bottom > port.bottom; })"""


def test_the_focus_frames_the_statement_and_its_neighbours(page, plain):  # noqa: F811
    large(page)
    opened(page, plain + "#popular-view")
    page.page.focus("#viewport")
    for _ in range(6):
        page.page.keyboard.press("+")  # close in: most of the drawing out of view
    page.page.fill("#focus-steps", "2")
    page.page.click("#focus")
    shown = page.evaluate(VISIBLE)
    assert len(shown) > 5 and page.evaluate(OUTSIDE, shown) == []
    page.page.focus("#viewport")
    for _ in range(6):
        page.page.keyboard.press("+")
    page.page.keyboard.press("0")  # Fit frames the focus, not the whole drawing
    assert page.evaluate(OUTSIDE, shown) == []
    page.page.locator("#outline [role=treeitem][data-node='feast-only-in-a-shares'] > .row").first.click()
    shown = page.evaluate(VISIBLE)  # the focus follows the selection, and the view with it
    assert page.evaluate(OUTSIDE, shown) == [] and page.problems == []


def test_a_saved_svg_shows_the_fold_mark_as_the_page_does(page, plain, tmp_path):  # noqa: F811
    large(page)
    opened(page, plain + "#fold=no-feast-elsewhere")
    label = page.page.text_content("#node-no-feast-elsewhere .fold-count")
    with page.page.expect_download() as download:
        page.page.click("#save-svg")
    saved = tmp_path / "folded.svg"
    download.value.save_as(saved)
    # The saved file alone, opened as an image is: the mark is a dark pill with its count in white.
    page.page.goto(saved.as_uri())
    colours = page.evaluate("""() => [...document.querySelectorAll('.fold-count rect, .fold-count text')]
        .map(e => [e.tagName, getComputedStyle(e).fill, e.textContent])""")
    assert colours == [["rect", "rgb(34, 34, 34)", ""], ["text", "rgb(255, 255, 255)", label]]
    page.page.locator(".fold-count").first.screenshot(path=str(tmp_path / "mark.png"))


@pytest.mark.parametrize("button", ["#zoom-in", "#fit", "#focus"])
def test_on_a_phone_the_drawings_buttons_bring_the_drawing(page, plain, button):  # noqa: F811
    page.page.set_viewport_size({"width": 390, "height": 844})
    opened(page, plain + "#popular-view")
    assert not page.page.is_visible("#viewport")  # the outline is the reading
    page.page.click("#tools-toggle")
    page.page.click(button)
    assert page.page.is_visible("#viewport") and not page.page.is_visible("#outline")
    assert page.page.get_attribute("#outline-toggle", "aria-pressed") == "false" and page.problems == []
