"""`argmap serve` in a real browser: a save redraws the open page and keeps its zoom and selection; a draft
with errors shows its located findings; the page asks only for itself and its updates."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tests.render.test_render import SMALL, write_map
from tests.render.test_serve import events, save, serving

pytestmark = [pytest.mark.browser, pytest.mark.needs_dot]
UPDATED = 30_000
"""Milliseconds a save may take to reach the page in a test (the benchmark measures the real figure)."""


@pytest.fixture(autouse=True)
def inside(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def shown(page, version: int) -> None:
    page.page.wait_for_function(f"() => Number(document.body.dataset.version) >= {version}", timeout=UPDATED)


@pytest.mark.parametrize("drawn", ["whole", "pieces"])
def test_a_save_redraws_the_open_page_keeping_zoom_and_selection(page, tmp_path, drawn, monkeypatch):
    import argmap.diagram.html as html_module

    if drawn == "pieces":  # this small map drawn as a large one is, near the view only
        monkeypatch.setattr(html_module, "VIRTUAL", 1)
    path = write_map(tmp_path)
    with serving(path) as server:
        page.page.goto(server.url)
        shown(page, 1)
        page.page.click("#zoom-in")
        page.page.click("#zoom-in")
        page.page.click("#node-objection")
        zoom = page.evaluate("document.body.dataset.view")
        save(path, SMALL.replace("An objection", "A changed objection"))
        shown(page, 2)
        assert "A changed objection" in page.page.text_content("#node-objection")
        assert page.evaluate("document.body.dataset.view") == zoom
        assert page.evaluate("document.querySelector('#canvas g.node.selected').id") == "node-objection"
        assert "A changed objection" in page.page.inner_text("#panel")
        # A text that needs a larger box: the drawing comes again in full (in pieces, for a large one).
        save(path, SMALL.replace("An objection", "A changed objection " + "that goes on " * 12))
        shown(page, 3)
        assert "goes on" in page.page.text_content("#node-objection")
        assert page.evaluate("document.querySelector('#canvas g.node.selected').id") == "node-objection"
        assert page.problems == []
        assert page.requests == [server.url, server.url + "events"]


def test_a_draft_with_errors_shows_its_findings_where_they_are(page, tmp_path):
    path = write_map(tmp_path)
    with serving(path) as server:
        page.page.goto(server.url)
        shown(page, 1)
        save(path, SMALL.replace("  thesis: {role", "  thesis: [{role"))
        page.page.wait_for_function("() => document.querySelector('#findings li.error') !== null", timeout=UPDATED)
        findings = page.page.inner_text("#findings")
        assert "map.yaml:8:76 error ARG001" in findings and "cannot be drawn as it is" in findings
        assert page.evaluate("document.querySelectorAll('#canvas g.node').length") > 0  # the last drawing stays
        save(path, SMALL.replace("supports: thesis, group", "supports: thesiss, group"))
        shown(page, 3)
        assert "map.yaml:9:60 error ARG101" in page.page.inner_text("#findings")
        assert page.evaluate("document.getElementById('node-reason').classList.contains('problem')")
        assert "⚠ ARG101" in page.page.text_content("#node-reason")
        page.page.click("#findings a.node-link[data-node='reason']")
        assert "support target 'thesiss' is not defined" in page.page.inner_text("#panel")
        assert page.problems == []


def test_a_language_added_or_removed_while_serving_follows_in_the_switch(page, tmp_path):
    path = write_map(tmp_path)
    with serving(path) as server:
        page.page.goto(server.url)
        shown(page, 1)
        page.page.select_option("#lang", "fr")
        page.page.wait_for_function("() => document.body.dataset.lang === 'fr'")
        save(path, SMALL.replace("languages: [en, fr]", "languages: [en, fr, ja]").replace(
            "{en: The thesis holds,", "{ja: 論旨は成り立つ, en: The thesis holds,"))
        page.page.wait_for_function("() => document.getElementById('lang').options.length === 3", timeout=UPDATED)
        assert page.evaluate("[...document.getElementById('lang').options].map(o => o.textContent)") == [
            "English", "Français", "日本語"]
        assert page.evaluate("document.getElementById('lang').value") == "fr"  # the choice stays
        page.page.select_option("#lang", "ja")
        page.page.wait_for_function("() => document.body.dataset.lang === 'ja'", timeout=UPDATED)
        assert "論旨は成り立つ" in page.page.text_content("#node-thesis")
        save(path, SMALL.replace("languages: [en, fr]", "languages: [en]"))
        page.page.wait_for_function("() => document.getElementById('lang').options.length === 1", timeout=UPDATED)
        page.page.wait_for_function("() => document.body.dataset.lang === 'en'", timeout=UPDATED)
        assert "The thesis holds" in page.page.text_content("#node-thesis")
        assert page.problems == []
        page.page.reload()  # a page opened afterwards is neither offered nor sent the removed languages
        shown(page, 3)
        assert page.evaluate("[...document.getElementById('lang').options].map(o => o.value)") == ["en"]
        assert page.evaluate("[...document.querySelectorAll('.drawing')].map(t => t.dataset.lang)") == ["en"]


NODE_TEXTS = """() => Object.fromEntries([...document.querySelectorAll('#canvas g.node')].map(g => [g.id, [
    [...g.querySelectorAll('text')].map(t => t.textContent),
    [...g.querySelectorAll('a')].map(a => a.getAttributeNS('http://www.w3.org/1999/xlink', 'title'))]]))"""


def test_a_text_edit_is_patched_in_place_and_shows_what_a_full_drawing_shows(page, tmp_path):
    path = write_map(tmp_path)
    edited = SMALL.replace("A rebuttal", "The rebuttal").replace('text: "a fact"', 'text: "the fact"').replace(
        "Une réfutation", "Une réplique")
    with serving(path) as server:
        page.page.goto(server.url)
        shown(page, 1)
        page.evaluate("window.held = document.querySelector('#canvas svg')")
        layout = page.evaluate("[...document.querySelectorAll('#canvas path, #canvas polygon')].map(p => p.outerHTML)")
        save(path, edited)
        shown(page, 2)
        # The same drawing, its texts changed in place: nothing was parsed again, nothing moved.
        assert page.evaluate("document.querySelector('#canvas svg') === window.held")
        assert page.evaluate("[...document.querySelectorAll('#canvas path, #canvas polygon')].map(p => p.outerHTML)") \
            == layout
        patched = page.evaluate(NODE_TEXTS)
        assert patched["node-rebuttal"][0] == ["The rebuttal"] and patched["node-fact"][1] == ["fact | «the fact» (s)"]
        assert page.page.get_attribute("#node-rebuttal", "aria-label") == "The rebuttal"
        server.preview.settle()  # dot's own drawing of the save agreed: nothing else reached the page
        assert page.evaluate("document.querySelector('#canvas svg') === window.held")
        sent = {(event, payload.get("lang")) for event, payload in events(server, 2) if payload["version"] == 2}
        assert sent == {("map", None), ("patch", "en"), ("patch", "fr")}  # no new drawing in either language
        page.page.select_option("#lang", "fr")  # a language not shown yet gets its patch when it is
        page.page.wait_for_function("() => document.body.dataset.lang === 'fr'")
        assert page.page.text_content("#node-rebuttal").strip() == "Une réplique" and page.evaluate(
            "document.body.dataset.version") == "2"
        assert page.problems == []
    code, _, _ = run_cli("render", str(path), "--allow-errors", "-o", str(tmp_path / "full.html"))
    assert code == 0
    page.page.goto((tmp_path / "full.html").as_uri())
    page.page.wait_for_function("() => document.body.dataset.version !== undefined")
    assert page.evaluate(NODE_TEXTS) == patched


def test_focus_and_selection_follow_saves(page, tmp_path):
    path = write_map(tmp_path)
    with serving(path) as server:
        page.page.goto(server.url)
        shown(page, 1)
        page.page.click("#node-objection")
        page.page.focus("#panel button.close")
        save(path, SMALL.replace("A rebuttal", "The rebuttal"))  # another statement
        shown(page, 2)
        page.page.wait_for_function("() => document.getElementById('node-rebuttal').textContent.includes('The rebuttal')")
        assert page.evaluate("document.activeElement.matches('#panel button.close')")  # the panel was left alone
        save(path, SMALL.replace("An objection", "An objection said at much greater length so that its box"
                                 " grows"))  # drawn in full
        shown(page, 3)
        assert page.evaluate("document.activeElement.matches('#panel button.close')")  # rebuilt, focus kept
        assert "so that its box grows" in page.page.inner_text("#panel")
        page.page.focus("#node-objection")
        save(path, SMALL.replace("An objection", "An objection whose box has to grow again with yet more"
                                 " words than before"))
        shown(page, 4)
        assert page.evaluate("document.activeElement.id") == "node-objection"  # the new drawing's node
        save(path, SMALL.replace("objection", "complaint"))  # its id renamed
        shown(page, 5)
        assert page.evaluate("document.getElementById('panel').hidden") and page.evaluate("location.hash") == ""
        assert page.problems == []


OUTLINE = "[...document.querySelectorAll('#outline [role=treeitem] > .row .text')].map(t => t.textContent)"


def test_the_outline_folds_and_filters_follow_saves(page, tmp_path):
    path = write_map(tmp_path)
    with serving(path) as server:
        page.page.goto(server.url + "#reason&fold=reason&group=causes")
        shown(page, 1)
        # What passes the filter, and the lines above it for context.
        assert set(page.evaluate(OUTLINE)) == {"The thesis holds", "A reason", "jointly", "A co-premise"}
        assert page.page.text_content("#node-reason .fold-count") == "+1"
        save(path, SMALL.replace("A rebuttal", "The rebuttal"))  # a text: patched in place
        shown(page, 2)
        page.page.click("#filters summary")
        page.page.click("#filter-clear")
        page.page.wait_for_function("() => [...document.querySelectorAll('#outline .text')].some(t => t.textContent === 'The rebuttal')",
                                    timeout=UPDATED)
        assert page.page.text_content("#node-reason .fold-count") == "+1"  # the fold stays on the patched drawing
        save(path, SMALL.replace("A rebuttal", "The rebuttal").replace(
            "  not-relevant:", "  new-reason: {text: {en: A new reason, fr: Une raison nouvelle}, supports: thesis}\n"
            "  not-relevant:"))  # a new statement: drawn anew
        shown(page, 3)
        page.page.wait_for_function("() => [...document.querySelectorAll('#outline .text')].some(t => t.textContent === 'A new reason')",
                                    timeout=UPDATED)
        assert page.page.get_attribute("#outline [data-node=new-reason]", "class").split()[1] == "pro"
        assert page.page.text_content("#node-reason .fold-count") == "+1"  # and on the new drawing
        assert not page.page.is_visible("#node-fact") and page.page.is_visible("#node-new-reason")
        assert page.evaluate("document.querySelector('#outline [aria-selected=true]').dataset.node") == "reason"
        assert page.evaluate("location.hash") == "#reason&fold=reason"
        assert page.problems == []
