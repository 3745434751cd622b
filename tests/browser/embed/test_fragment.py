"""The embeddable fragment (``argmap render -f fragment``) in a page of someone else's: several maps on one page,
each working on its own, its styles kept in and the page's kept out, and no request."""

from __future__ import annotations

import pytest

from tests.browser.embed.conftest import INLINE, opened, write_maps
from tests.conftest import run_cli

pytestmark = [pytest.mark.needs_dot, pytest.mark.browser]

# The page's own rules try to reach into the maps, and the page uses the ids and elements the view uses.
HOST = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A report</title>
<style>
body, body * { color: rgb(255, 0, 0) !important; font-family: serif !important; line-height: 3 !important; }
svg, svg *, .bar, #canvas, #panel, button { display: none !important; }
</style></head>
<body>
<main><h1>A report</h1><p>Some text, then a map.</p>
FIRST
<dl><dt>Term</dt><dd>Definition</dd></dl>
<figure>A figure of the report's own</figure>
SECOND
<div id="panel">The report's own element named panel</div>
<div id="tab" hidden>FIRST</div>
</main>
</body></html>
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fragment")
    write_maps(folder)
    (folder / "inline.yaml").write_text(INLINE, encoding="utf-8")
    for name in ("map", "inline"):
        code, _, err = run_cli("render", f"{name}.yaml", "-f", "fragment", "--lang", "fr" if name == "map" else "en",
                               "-o", f"{name}.part.html", cwd=folder)
        assert (code, err) == (0, "")
    first = (folder / "map.part.html").read_text(encoding="utf-8")
    second = (folder / "inline.part.html").read_text(encoding="utf-8")
    assert first.startswith('<div class="argmap-embed"') and first.rstrip().endswith("</div>")
    assert not any(tag in first for tag in ("<!DOCTYPE", "<html", "<body", "<head>", "<meta"))
    (folder / "report.html").write_text(HOST.replace("FIRST", first).replace("SECOND", second), encoding="utf-8")
    # A page may hide a map at first (in a tab not shown yet): it is framed when it shows.
    return (folder / "report.html").as_uri()


def test_two_maps_in_a_page_work_each_on_its_own_and_fetch_nothing(page, report):
    opened(page, report, maps=3)
    first, second = page.page.locator(".argmap-embed").nth(0), page.page.locator(".argmap-embed").nth(1)
    assert first.locator("g.node[role=button]").count() == 5 and second.locator("g.node[role=button]").count() == 2
    assert "La thèse tient" in first.locator("#canvas").text_content()
    first.locator("#node-objection").click()
    assert "Une objection" in first.locator("#panel").inner_text() and second.locator("#panel").is_hidden()
    second.locator("#node-ground").click()
    assert "Its ground" in second.locator("#panel").inner_text() and "Une objection" in first.locator("#panel").inner_text()
    # The search of one map finds in that map only; Escape there leaves the other's selection alone.
    second.locator("#search").fill("inline")
    assert second.locator("#count").inner_text() == "1 match" and first.locator("#count").inner_text() == ""
    page.page.keyboard.press("Escape")  # closes the list of results
    page.page.keyboard.press("Escape")  # clears the query
    page.page.keyboard.press("Escape")  # closes the panel
    assert second.locator("#panel").is_hidden() and first.locator("#panel").is_visible()
    assert page.evaluate("document.getElementById('panel').textContent") == "The report's own element named panel"
    assert page.evaluate("location.hash") == ""
    assert page.problems == [] and page.requests == [report]


def test_the_pages_styles_do_not_reach_the_map_and_the_maps_do_not_reach_the_page(page, report):
    opened(page, report, maps=3)
    first = page.page.locator(".argmap-embed").nth(0)
    inside = first.locator(".bar h1").evaluate(
        "e => { const s = getComputedStyle(e); return [s.color, s.fontFamily, s.lineHeight, s.display]; }")
    assert inside[0] == "rgb(17, 17, 17)" and "Noto Sans" in inside[1] and inside[2] == "normal" and inside[3] == "block"
    assert first.locator(".bar").evaluate("e => getComputedStyle(e).display") == "flex"
    text = first.locator("#node-thesis text").first.bounding_box()
    assert text is not None and text["height"] >= 9  # drawn, at a size one reads
    # The view's rules (dl as a grid, main as a row, figures' margins, buttons' width) stay in the view.
    outside = page.evaluate("""() => [getComputedStyle(document.querySelector('body > main')).display,
        getComputedStyle(document.querySelector('dl')).display, getComputedStyle(document.querySelector('figure')).marginLeft]""")
    assert outside == ["block", "block", "40px"]


def test_a_map_hidden_at_first_is_framed_when_it_shows(page, report):
    opened(page, report, maps=3)
    folded = page.page.locator("#tab .argmap-embed")
    page.evaluate("document.getElementById('tab').hidden = false")
    port = folded.locator("#viewport").bounding_box()
    page.page.wait_for_function("""() => { const root = document.querySelector('#tab .argmap-embed').shadowRoot;
        const box = root.getElementById('node-thesis').getBoundingClientRect();
        const port = root.getElementById('viewport').getBoundingClientRect();
        return box.width > 60 && box.left >= port.left && box.right <= port.right && box.top >= port.top; }""")
    assert port["height"] > 250
    assert page.problems == []
