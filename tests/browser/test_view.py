"""The HTML view of the essay in a real browser, opened from disk: offline, clickable, searchable, in
three languages, linkable, usable from the keyboard, printable; hostile texts stay text."""

from __future__ import annotations

import json
import socket

import pytest

import argmap
from tests.conftest import ROOT, run_cli
from tests.render.test_render import HOSTILE, SMALL, write_map

pytestmark = [pytest.mark.browser, pytest.mark.needs_dot]
ESSAY = ROOT / "models" / "capital-feast" / "map.yaml"


@pytest.fixture(scope="module")
def essay(tmp_path_factory):
    """The essay's page with its grounded evaluation, and the map it shows."""
    folder = tmp_path_factory.mktemp("essay")
    code, _, err = run_cli("render", str(ESSAY), "--eval", "grounded", "-o", str(folder / "essay.html"), cwd=ROOT)
    assert (code, err) == (0, "")
    return (folder / "essay.html").as_uri(), argmap.load(ESSAY)


def opened(page, url: str) -> None:
    page.page.goto(url)
    page.page.wait_for_function("() => document.body.dataset.version !== undefined")


def transform(page) -> str:
    """Where the view is: the drawing's offset from the window and its scale."""
    return page.evaluate("document.body.dataset.view")


def test_the_page_works_offline_with_no_request_and_no_error(page, essay):
    url, amap = essay
    opened(page, url)
    assert page.problems == [] and page.requests == [url]
    # One node per statement and per declared argument (the essay undercuts no one-premise relation), and
    # the question its answers answer.
    shown = len(amap.statements) + len(amap.arguments) + 1
    assert page.evaluate("document.querySelectorAll('#canvas g.node[role=button]').length") == shown
    # The Content-Security-Policy stops whatever might still try: nothing reaches a listening server.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.3)
        target = f"http://127.0.0.1:{listener.getsockname()[1]}/x"
        tried = page.evaluate("""(target) => {
            const image = new Image(); image.src = target + '.png'; document.body.append(image);
            return fetch(target).then(() => 'sent', () => 'refused'); }""", target)
        with pytest.raises(TimeoutError):
            listener.accept()
    assert tried == "refused"


def test_clicking_a_node_shows_its_texts_quotes_relations_and_evaluation(page, essay):
    url, amap = essay
    opened(page, url)
    page.page.click("#node-optimists-forecast")
    panel = page.page.inner_text("#panel")
    statement = amap.statements["optimists-forecast"]
    for text in statement.text.values():
        assert " ".join(text.split()) in " ".join(panel.split())
    for quote in statement.quotes:
        assert " ".join(quote.text.split())[:30] in " ".join(panel.split())
        assert amap.sources[quote.source].title[:20] in panel
    assert "defeated (OUT, grounded)" in panel and "Incoming" in panel and "Outgoing" in panel
    assert page.page.get_attribute("#panel h2 code", "textContent") is None or "optimists-forecast" in panel
    assert page.evaluate("location.hash") == "#optimists-forecast"
    page.page.click("#panel a.node-link[data-node='two-unsolved-problems']")
    assert page.evaluate("location.hash") == "#two-unsolved-problems"
    assert "two-unsolved-problems" in page.page.inner_text("#panel h2")
    assert page.evaluate("document.querySelector('#canvas g.node.selected').id") == "node-two-unsolved-problems"
    assert page.problems == []


def test_the_panel_shows_the_question_its_answers_verdicts_and_the_concessions(page, essay):
    url, amap = essay
    opened(page, url)
    page.page.click("#fit")  # the whole map in view, each node a click away
    page.page.click("#node---question")
    panel = " ".join(page.page.inner_text("#panel").split())
    assert amap.question.text["en"] in panel and "Answers" in panel
    assert "The answer 'feast-in-a-shares' stands: nothing attacks it" in panel
    assert "The answer 'no-feast-elsewhere' stands: every objection to it is defeated" in panel
    page.page.click("#panel a.node-link[data-node='no-feast-elsewhere']")
    panel = " ".join(page.page.inner_text("#panel").split())
    assert "Answers the question" in panel and amap.question.text["en"] in panel
    assert "The answer 'no-feast-elsewhere' stands" in panel
    page.page.click("#node-ten-billion-allocation")
    section = " ".join(page.page.inner_text("#panel section.concessions").split())
    target = amap.statements["internal-spending-is-not-investment"].text["en"]
    assert "concedes " + " ".join(target.split())[:60] in section and "against their own claim" in section
    page.page.click("#panel section.concessions a.node-link")
    section = page.page.inner_text("#panel section.concessions")
    assert section.count("conceded by") == 2  # both statements that grant it
    page.page.click("#node-feast-only-in-a-shares")
    assert "stands: nothing attacks it" in page.page.inner_text("#panel dd.verdict")
    # the junction may lie outside the view the thesis was brought into: its address selects it there too
    page.page.evaluate("location.hash = '#policy-weighs-on-regulation'")
    assert page.page.inner_text("#panel dd.analyst") == "the analyst, not the author"
    assert page.problems == []


def test_the_panel_shows_the_analysts_marks_and_what_could_not_be_read(page, tmp_path):
    marked = SMALL.replace(
        "  rebuttal: {text:",
        "  rebuttal: {by: analyst, base: 0.8, note: {en: Implicit in the text, fr: Implicite}, text:").replace(
        "  not-relevant: {role: evidence,", "  broken: {role: nonsense, text: Broken}\n  not-relevant: {role: evidence,"
        ).replace("attacks: objection, supports: thesis}", "attacks: objection, supports: [thesis, broken]}")
    write_map(tmp_path, marked)
    code, _, _ = run_cli("render", "map.yaml", "--allow-errors", "--eval", "dfquad", "-o", "map.html", cwd=tmp_path)
    assert code == 0
    opened(page, (tmp_path / "map.html").as_uri() + "#rebuttal")
    panel = page.page.inner_text("#panel")
    assert "Analyst's note" in panel and "Implicit in the text" in panel
    assert page.page.inner_text("#panel dd.analyst") == "the analyst, not the author"
    assert page.page.inner_text("#panel dd.base").startswith("0.8 (the analyst's confidence")
    assert page.page.inner_text("#panel p.unread").endswith("could not be read (its definition has errors): broken")
    page.page.select_option("#lang", "fr")
    assert "Implicite" in page.page.inner_text("#panel")
    assert page.problems == []


def test_the_language_switch_changes_labels_and_legend(page, essay):
    url, amap = essay
    opened(page, url)
    english = page.page.text_content("#canvas svg")
    assert "Legend" in english and "凡例" not in english
    page.page.select_option("#lang", "ja")
    page.page.wait_for_function("() => document.body.dataset.lang === 'ja'")
    japanese = page.page.text_content("#canvas svg")
    assert "凡例" in japanese and "Legend" not in japanese
    assert amap.title["ja"][:10] in japanese
    label = page.page.get_attribute("#node-feast-only-in-a-shares", "aria-label")
    assert label == amap.statements["feast-only-in-a-shares"].text["ja"]
    assert page.evaluate("document.documentElement.lang") == "ja"
    page.page.select_option("#lang", "fr")
    assert "Légende" in page.page.text_content("#canvas svg")
    assert page.problems == []


def test_search_finds_a_japanese_text(page, essay):
    url, amap = essay
    opened(page, url)
    words = amap.statements["two-unsolved-problems"].text["ja"]
    page.page.fill("#search", words[4:12])
    assert page.page.inner_text("#count") == "1 match"
    assert page.evaluate("[...document.querySelectorAll('#canvas g.node.match')].map(g => g.id)") == [
        "node-two-unsolved-problems"]
    page.page.press("#search", "Enter")
    assert page.evaluate("document.querySelector('#canvas g.node.selected').id") == "node-two-unsolved-problems"
    page.page.fill("#search", "ＴＭＴ")  # full-width letters find the half-width ones (NFKC)
    assert page.page.inner_text("#count").endswith("match") or page.page.inner_text("#count").endswith("matches")
    page.page.fill("#search", "")
    assert page.evaluate("document.querySelectorAll('#canvas g.node.match').length") == 0


def test_a_deep_link_selects_and_centres_its_node(page, essay):
    url, _ = essay
    opened(page, url + "#popular-view")
    assert page.evaluate("document.querySelector('#canvas g.node.selected').id") == "node-popular-view"
    offset = page.evaluate("""() => {
        const box = document.getElementById('node-popular-view').getBoundingClientRect();
        const port = document.getElementById('viewport').getBoundingClientRect();
        return [box.left + box.width / 2 - (port.left + port.width / 2), box.top + box.height / 2 - (port.top + port.height / 2)];
    }""")
    # Centred, as far as the drawing's edges allow: the view never shows an empty band beyond them.
    edges = page.evaluate("""() => {
        const box = document.querySelector('#canvas svg').getBoundingClientRect();
        const port = document.getElementById('viewport').getBoundingClientRect();
        return [box.left - port.left, port.right - box.right, box.top - port.top, port.bottom - box.bottom];
    }""")
    assert abs(offset[0]) < 2 or min(abs(edges[0]), abs(edges[1])) < 2
    assert abs(offset[1]) < 2 or min(abs(edges[2]), abs(edges[3])) < 2
    assert "popular-view" in page.page.inner_text("#panel h2")


def test_the_keyboard_reaches_everything(page, essay):
    url, _ = essay
    opened(page, url)
    page.page.focus("#viewport")
    before = transform(page)
    page.page.keyboard.press("+")
    assert transform(page) != before
    page.page.keyboard.press("0")  # the whole drawing in the window
    whole = page.evaluate("""() => {
        const box = document.querySelector('#canvas svg').getBoundingClientRect();
        const port = document.getElementById('viewport').getBoundingClientRect();
        return box.left >= port.left && box.right <= port.right && box.top >= port.top && box.bottom <= port.bottom;
    }""")
    assert whole
    page.page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("node-")
    page.page.keyboard.press("Enter")
    assert page.page.is_visible("#panel") and focused[5:] in page.page.inner_text("#panel h2")
    page.page.keyboard.press("Escape")
    assert not page.page.is_visible("#panel")
    page.page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search"


def test_print_shows_the_diagram_alone(page, essay):
    url, _ = essay
    opened(page, url)
    page.page.click("#node-popular-view")
    page.page.emulate_media(media="print")
    assert not page.page.is_visible("#search") and not page.page.is_visible("#panel")
    assert page.evaluate("getComputedStyle(document.getElementById('canvas')).transform") == "none"
    width = page.evaluate("document.querySelector('#canvas svg').getBoundingClientRect().width")
    assert 0 < width <= 1280


def test_hostile_texts_stay_text(page, tmp_path):
    hostile = [*HOSTILE, "<img src=x onerror=window.pwned=1>", "</script><script>window.pwned=1</script>",
               "</template><script>window.pwned=1</script>"]
    text = SMALL.replace("text: {en: A reason, fr: Une raison}", f"text: {json.dumps(' '.join(hostile))}")
    text = text.replace('text: "a fact"', f"text: {json.dumps(hostile[-1])}")
    write_map(tmp_path, text)
    assert run_cli("render", "map.yaml", "-o", "m.html", cwd=tmp_path)[0] == 0
    url = (tmp_path / "m.html").as_uri()
    opened(page, url + "#reason")
    assert page.evaluate("window.pwned") is None and page.problems == [] and page.requests == [url]
    shown = " ".join(page.page.inner_text("#panel").split())
    assert " ".join(" ".join(hostile).split()) in shown
    page.page.click("#node-fact")
    assert hostile[-1] in page.page.inner_text("#panel")
    assert page.evaluate("document.querySelectorAll('img, iframe, script:not([id]):not([type=\"text/x-argmap-svg\"])').length") == 1  # the page's own


def test_a_deep_link_to_nothing_selects_nothing_and_throws_nothing(page, essay):
    url, _ = essay
    for target in ("#constructor", "#__proto__", "#toString", "#%E0%A4%A", "#%", "#no-such-node"):
        opened(page, url + target)
        page.page.evaluate("location.hash = '#hasOwnProperty'")  # a link followed on the open page
        assert page.evaluate("document.querySelectorAll('#canvas g.node.selected').length") == 0, target
    opened(page, url + "#popular-view")  # and a good link still works after them
    assert page.evaluate("document.querySelector('#canvas g.node.selected').id") == "node-popular-view"
    assert page.problems == []


def test_the_panel_of_an_inference_lists_its_critical_questions(page, tmp_path):
    from tests.render.test_schemes_drawn import MAP

    (tmp_path / "map.yaml").write_text(json.dumps(MAP), encoding="utf-8")
    code, _, err = run_cli("render", "map.yaml", "-o", "map.html", cwd=tmp_path)
    assert (code, err) == (0, "")
    opened(page, (tmp_path / "map.html").as_uri())
    page.page.click("#node-a")
    items = page.evaluate("[...document.querySelectorAll('#panel .scheme li.cq')].map("
                          "li => [li.dataset.question, li.querySelector('.status').textContent, li.textContent])")
    status = {question: shown for question, shown, _ in items}
    assert status == {"expertise": "open", "field": "open", "opinion": "answered", "evidence": "answered",
                      "trustworthiness": "not raised", "consistency": "raised"}
    evidence = next(text for question, _, text in items if question == "evidence")
    assert "Does E's claim rest on evidence that others could check?" in evidence
    assert "answered by The figures come from filings" in evidence
    page.page.select_option("#lang", "fr")
    assert "L'affirmation de E repose-t-elle" in page.page.inner_text("#panel .scheme")
    page.page.click("#panel .scheme li.cq[data-question='evidence'] a.node-link")
    assert page.evaluate("location.hash") == "#filings"
    assert page.problems == []
