"""Reading a map a part at a time, in the browser: the outline beside the drawing (an ARIA tree linked both ways
to the nodes), subtrees folded in the drawing, a focus on a node's neighbours, filters, the phone's default
reading, and all of it kept in the address."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import argmap
from argmap.diagram import neighbourhood
from argmap.graph import build
from tests.browser.test_page import large, plain  # noqa: F401  (the essay's page, as render writes it)
from tests.browser.test_view import ESSAY, opened
from tests.conftest import ROOT, run_cli

pytestmark = [pytest.mark.browser, pytest.mark.needs_dot]

MAP = """\
argmap: 1
id: policy
title: {en: A congestion charge, fr: Un péage urbain}
languages: [en, fr]
groups:
  traffic: {label: {en: Traffic, fr: Circulation}}
statements:
  thesis: {role: thesis, text: {en: The city should charge cars to enter, fr: La ville doit faire payer l'entrée}}
  less-traffic: {text: {en: A charge cuts traffic, fr: Un péage réduit la circulation}, supports: thesis, group: traffic,
    tags: [transport]}
  stockholm: {role: evidence, text: {en: Stockholm saw 20% fewer cars, fr: Stockholm a vu 20 % de voitures en moins},
    supports: less-traffic, group: traffic, tags: [data]}
  revenue: {text: {en: It raises money for transit, fr: Il finance les transports}, tags: [money]}
  transit-needs: {text: {en: Transit needs money, fr: Les transports manquent d'argent}, tags: [money]}
  unfair: {text: {en: It hits poor drivers hardest, fr: Il frappe d'abord les pauvres}, attacks: thesis, tags: [equity]}
  rebates: {text: {en: Rebates can offset it, fr: Des remises le compensent}, attacks: unfair, supports: thesis}
  old-data: {role: evidence, text: {en: That study is old, fr: L'étude est ancienne}, attacks: funding}
arguments:
  funding: {premises: [revenue, transit-needs], supports: thesis, label: {en: funding, fr: financement}}
"""
UNDER_THESIS = {"less-traffic", "stockholm", "revenue", "transit-needs", "unfair", "rebates", "old-data", "funding"}
VISIBLE = "[...document.querySelectorAll('#canvas g.node[id^=\"node-\"]')].filter(g => getComputedStyle(g).display !== 'none').map(g => g.id.slice(5))"
LINES = "[...document.querySelectorAll('#outline [role=treeitem]')].filter(li => li.offsetParent !== null).map(li => li.dataset.node)"


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("policy")
    (folder / "map.yaml").write_text(MAP, encoding="utf-8")
    code, _, err = run_cli("render", "map.yaml", "-o", "map.html", cwd=folder)
    assert (code, err) == (0, "")
    return (folder / "map.html").as_uri()


def shot(page, name: str) -> None:
    """A screenshot to look at, when ARGMAP_SCREENSHOTS names a folder for them."""
    folder = os.environ.get("ARGMAP_SCREENSHOTS")
    if folder:
        page.page.screenshot(path=str(Path(folder) / f"{name}.png"))


def centred(page, node: str) -> bool:
    """The node is in the middle of the view, as far as the drawing's edges allow (the view never shows an empty
    band beyond them)."""
    offset, edges = page.evaluate("""(node) => {
        const box = document.getElementById('node-' + node).getBoundingClientRect();
        const port = document.getElementById('viewport').getBoundingClientRect();
        const svg = document.querySelector('#canvas svg').getBoundingClientRect();
        return [[box.left + box.width / 2 - (port.left + port.width / 2), box.top + box.height / 2 - (port.top + port.height / 2)],
                [svg.left - port.left, port.right - svg.right, svg.top - port.top, port.bottom - svg.bottom]];
    }""", node)
    return ((abs(offset[0]) < 2 or min(abs(edges[0]), abs(edges[1])) < 2)
            and (abs(offset[1]) < 2 or min(abs(edges[2]), abs(edges[3])) < 2))


def selected(page) -> str | None:
    return page.evaluate("(document.querySelector('#canvas g.node.selected') || {id: 'node-'}).id.slice(5) || null")


def test_the_outline_is_a_pro_con_tree_beside_the_drawing(page, policy):
    large(page)
    opened(page, policy)
    assert page.page.is_visible("#outline") and page.page.is_visible("#viewport")
    outline, viewport = page.page.locator("#outline").bounding_box(), page.page.locator("#viewport").bounding_box()
    assert outline["x"] + outline["width"] <= viewport["x"] + 1  # beside the drawing, not over it
    lines = page.evaluate("""[...document.querySelectorAll('#outline [role=treeitem]')].map(li => [li.dataset.node,
        li.getAttribute('aria-level'), li.className.split(' ')[1], li.querySelector('.row .text').textContent,
        (li.querySelector(':scope > .row .status') || {}).textContent || null])""")
    assert lines[0][:2] == ["thesis", "1"] and lines[0][3] == "The city should charge cars to enter"
    kinds = {node: (level, kind) for node, level, kind, _, _ in lines}
    assert kinds["less-traffic"] == ("2", "pro") and kinds["unfair"] == ("2", "con") and kinds["stockholm"] == ("3", "pro")
    every = {(node, level, kind) for node, level, kind, _, _ in lines}
    assert {("rebates", "2", "pro"), ("rebates", "3", "con")} <= every  # a reason for the thesis, and an objection's
    assert kinds["old-data"] == ("3", "con")  # it undercuts "funding"
    # A linked argument is one line, its premises under it; no derived id anywhere.
    funding = next(line for line in lines if line[0] == "funding")
    assert funding[3] == "funding" and kinds["revenue"] == ("3", "premise")
    assert not [t for *_, t, _ in lines if "--" in t]
    # The evaluation's label on each line (grounded, as the page has none of its own).
    assert {line[4] for line in lines} <= {"stands", "defeated", "undecided"} and lines[0][4] is not None
    page.page.select_option("#lang", "fr")
    assert page.page.inner_text("#outline [role=treeitem] .text") == "La ville doit faire payer l'entrée"
    assert page.evaluate("document.querySelector('#outline [role=treeitem] .text').lang") == "fr"
    shot(page, "outline-policy")
    assert page.problems == []


def test_a_line_selects_and_centres_its_node_and_a_node_its_line(page, plain):  # noqa: F811
    large(page)
    opened(page, plain)
    line = page.page.locator("#outline [role=treeitem][data-node='feast-in-a-shares'] > .row").first
    line.click()
    assert selected(page) == "feast-in-a-shares" and page.evaluate("location.hash") == "#feast-in-a-shares"
    assert "feast-in-a-shares" in page.page.inner_text("#panel h2")
    assert centred(page, "feast-in-a-shares")
    # The other way: a node clicked in the drawing marks its line, opening the lines above it and scrolling to it.
    deep = page.evaluate("""Object.entries(JSON.parse(document.getElementById('argmap-data').textContent).nodes)
        .filter(([id, n]) => n.kind === 'statement' && !n.in.length && n.role === 'evidence').map(([id]) => id)""")
    target = next(d for d in deep if page.page.is_visible(f"#node-{d}") or True)
    page.evaluate(f"location.hash = '#{target}'")
    mark = page.page.locator(f"#outline [role=treeitem][data-node='{target}'][aria-selected=true]")
    assert mark.count() == 1 and mark.is_visible()
    box, outline = mark.bounding_box(), page.page.locator("#outline").bounding_box()
    assert outline["y"] <= box["y"] and box["y"] + 10 <= outline["y"] + outline["height"]
    assert page.evaluate("document.querySelectorAll('#outline [aria-selected=true]').length") == 1
    shot(page, "outline-essay-selected")
    assert page.problems == []


def test_the_outline_is_a_tree_for_the_keyboard_and_screen_readers(page, policy):
    large(page)
    opened(page, policy)
    tree = page.page.locator("#outline [role=tree]")
    assert tree.get_attribute("aria-label")
    assert page.evaluate("document.querySelectorAll('#outline [role=treeitem][tabindex=\"0\"]').length") == 1
    page.page.focus("#outline [role=treeitem][tabindex='0']")
    focused = "document.activeElement.dataset.node"
    assert page.evaluate(focused) == "thesis"
    assert page.page.get_attribute("#outline [data-node=thesis]", "aria-expanded") == "true"
    assert "The city should charge" in page.page.get_attribute("#outline [data-node=thesis]", "aria-label")
    lines = page.evaluate(LINES)
    assert lines[:2] == ["thesis", "funding"] and lines.index("unfair") > lines.index("less-traffic")  # pros, then cons
    page.page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "funding"
    for _ in range(lines.index("less-traffic") - 1):
        page.page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "less-traffic"
    page.page.keyboard.press("ArrowRight")  # open already: to its first child
    assert page.evaluate(focused) == "stockholm"
    page.page.keyboard.press("ArrowLeft")  # a leaf: to its parent
    assert page.evaluate(focused) == "less-traffic"
    page.page.keyboard.press("ArrowLeft")  # open: it closes, its children leave the tree's order
    assert page.page.get_attribute("#outline [data-node=less-traffic]", "aria-expanded") == "false"
    assert "stockholm" not in page.evaluate(LINES)
    page.page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) != "stockholm"
    page.page.keyboard.press("Home")
    assert page.evaluate(focused) == "thesis"
    page.page.keyboard.press("End")
    last = page.evaluate(LINES)[-1]
    assert page.evaluate(focused) == last
    page.page.keyboard.press("Enter")  # selects its node; the focus stays in the outline
    assert selected(page) == last and page.evaluate("document.activeElement.closest('#outline') !== null")
    assert page.evaluate("document.querySelectorAll('#outline [role=treeitem][tabindex=\"0\"]').length") == 1
    page.page.keyboard.press("Home")
    page.page.keyboard.press("ArrowLeft")  # the root closes: one line left
    assert page.evaluate(LINES) == ["thesis"] and page.problems == []


def test_a_subtree_folds_and_unfolds_in_the_drawing(page, policy):
    large(page)
    opened(page, policy + "#unfair")
    data = json.loads(page.evaluate("document.getElementById('argmap-data').textContent"))
    everything = set(page.evaluate(VISIBLE))
    page.page.click("#panel button.fold")
    visible = set(page.evaluate(VISIBLE))
    assert "rebates" in visible  # it also supports the thesis: another way reaches it
    page.evaluate("location.hash = '#less-traffic'")
    page.page.click("#panel button.fold")
    assert "stockholm" not in page.evaluate(VISIBLE)
    assert page.page.text_content("#node-less-traffic .fold-count") == "+1"
    # Its line in the outline closes with it (and opens again when it unfolds).
    assert page.page.get_attribute("#outline [data-node=less-traffic]", "aria-expanded") == "false"
    assert "stockholm" not in page.evaluate(LINES)
    assert page.page.get_attribute("#node-less-traffic", "aria-expanded") == "false"
    page.evaluate("location.hash = '#thesis'")
    page.page.click("#panel button.fold")
    assert set(page.evaluate(VISIBLE)) == {"thesis"}
    assert page.page.text_content("#node-thesis .fold-count") == f"+{len(UNDER_THESIS) - 1}"  # statements only
    # Every edge with a hidden end is hidden, found by the ends the data gives (not by reading its id).
    edges = page.evaluate("""[...document.querySelectorAll('#canvas g.edge[id^="edge-"]')]
        .map(g => [g.id, getComputedStyle(g).display !== 'none'])""")
    assert edges and all(g in data["edges"] for g, _ in edges) and not [g for g, shown in edges if shown]
    assert page.evaluate("location.hash").startswith("#thesis&fold=")
    shot(page, "folded-thesis")
    page.page.click("#unfold")
    assert set(page.evaluate(VISIBLE)) == everything and page.page.is_hidden("#unfold")
    assert {"stockholm", "less-traffic", "unfair"} <= set(page.evaluate(LINES))
    # From the keyboard: C on a node folds it, and again unfolds it; a click on its count unfolds too.
    page.page.focus("#node-less-traffic")
    page.page.keyboard.press("c")
    assert "stockholm" not in page.evaluate(VISIBLE)
    page.page.click("#node-less-traffic .fold-count")
    assert "stockholm" in page.evaluate(VISIBLE)
    # A node asked for (a search, a link in a panel) is shown: the fold over it opens.
    page.page.keyboard.press("c")
    assert "stockholm" not in page.evaluate(VISIBLE)
    page.page.fill("#search", "Stockholm")
    page.page.keyboard.press("Enter")
    assert "stockholm" in page.evaluate(VISIBLE) and selected(page) == "stockholm"
    assert page.problems == []


def test_the_focus_shows_a_statement_and_its_neighbours_n_steps_away(page, plain):  # noqa: F811
    large(page)
    opened(page, plain + "#popular-view")
    graph = build(argmap.load(ESSAY))
    drawn = set(page.evaluate(VISIBLE)) - {"--question"}  # the question is no statement of the graph
    page.page.click("#focus")
    assert page.page.get_attribute("#focus", "aria-pressed") == "true"
    for steps in (2, 1, 3):
        page.page.fill("#focus-steps", str(steps))
        page.page.dispatch_event("#focus-steps", "change")
        expected = set(neighbourhood(graph, "popular-view", steps).nodes) & drawn
        assert set(page.evaluate(VISIBLE)) - {"--question"} == expected, steps  # argmap's own --focus is the oracle
        assert page.evaluate("location.hash") == f"#popular-view&focus={steps}"
    shot(page, "focus-popular-view")
    # The focus follows the selection.
    page.page.locator("#outline [role=treeitem][data-node='feast-only-in-a-shares'] > .row").first.click()
    expected = set(neighbourhood(graph, "feast-only-in-a-shares", 3).nodes) & drawn
    assert set(page.evaluate(VISIBLE)) - {"--question"} == expected
    page.page.click("#focus")
    assert set(page.evaluate(VISIBLE)) - {"--question"} == drawn and page.problems == []


def test_filters_by_group_tag_role_and_evaluation_label(page, policy):
    large(page)
    opened(page, policy)
    data = json.loads(page.evaluate("document.getElementById('argmap-data').textContent"))
    notes = data["evaluation"]["notes"]
    statements = {i for i, n in data["nodes"].items() if n["kind"] == "statement"}
    drawn = set(page.evaluate(VISIBLE))
    dimmed = "[...document.querySelectorAll('#canvas g.node.dimmed')].map(g => g.id.slice(5))"
    page.page.click("#filters summary")
    cases = [("group", "traffic", {"less-traffic", "stockholm"}), ("tag", "money", {"revenue", "transit-needs"}),
             ("role", "evidence", {"stockholm", "old-data"}),
             ("label", "OUT", {i for i in drawn if notes.get(i) == "OUT"})]  # an argument has its label too
    for name, value, passing in cases:
        page.page.click("#filter-clear")
        page.page.select_option(f"#filter-{name}", value)
        assert passing and set(page.evaluate(dimmed)) == drawn - passing, name
        count = len(passing & statements)
        assert page.page.inner_text("#filter-count") == f"{count} of {len(statements)} statements pass"
        lines = set(page.evaluate(LINES))
        assert passing <= lines and "thesis" in lines  # what passes, and the lines above it as context
        assert page.evaluate("location.hash") == f"#{name}={value}"
    # The filters combine; every edge touching a faint node is faint, found by its ends in the data.
    page.page.click("#filter-clear")
    page.page.select_option("#filter-group", "traffic")
    page.page.select_option("#filter-role", "claim")
    assert set(page.evaluate(dimmed)) == drawn - {"less-traffic"}
    assert set(page.evaluate(LINES)) == {"thesis", "less-traffic"}
    assert page.evaluate("location.hash") == "#group=traffic&role=claim"
    edges = dict(page.evaluate("[...document.querySelectorAll('#canvas g.edge')].map(g => [g.id, g.classList.contains('dimmed')])"))
    assert edges and edges == {e: not {s, t} <= {"less-traffic"} for e, (s, t) in data["edges"].items() if e in edges}
    shot(page, "filtered")
    page.page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('filters').open")
    page.page.click("#filters summary")
    page.page.click("#filter-clear")
    assert page.evaluate(dimmed) == [] and page.problems == []


def test_the_address_keeps_selection_folds_focus_and_filters(page, policy):
    large(page)
    opened(page, policy + "#stockholm&fold=unfair&focus=1&tag=data")
    assert selected(page) == "stockholm" and page.page.get_attribute("#focus", "aria-pressed") == "true"
    assert page.page.input_value("#filter-tag") == "data" and page.page.input_value("#focus-steps") == "1"
    assert set(page.evaluate(VISIBLE)) == {"stockholm", "less-traffic"}
    page.page.click("#focus")
    assert "rebates" in page.evaluate(VISIBLE)  # under the folded objection, but a reason for the thesis too
    assert page.page.text_content("#node-unfair .fold-count") == "+0"  # folded, though nothing under it is hidden
    assert page.evaluate("location.hash") == "#stockholm&fold=unfair&tag=data"
    page.page.reload()
    page.page.wait_for_function("() => document.body.dataset.version !== undefined")
    assert selected(page) == "stockholm" and page.page.get_attribute("#focus", "aria-pressed") == "false"
    for hostile in ("#fold=__proto__,constructor&focus=x&__proto__=1", "#tag=%E0%A4%A&role=nonsense", "#&&=&"):
        page.page.goto("about:blank")
        opened(page, policy + hostile)
        assert page.evaluate(VISIBLE) and selected(page) is None
    page.page.goto("about:blank")
    opened(page, policy + "#fold=unfair")  # a node folded as the page opens has its line closed
    assert page.page.get_attribute("#outline [data-node=unfair]", "aria-expanded") == "false"
    page.evaluate("location.hash = '#fold=less-traffic'")
    assert page.page.get_attribute("#outline [data-node=unfair]", "aria-expanded") == "true"
    assert page.page.get_attribute("#outline [data-node=less-traffic]", "aria-expanded") == "false"
    assert page.problems == []


def test_on_a_phone_the_outline_is_the_reading(page, plain):  # noqa: F811
    page.page.set_viewport_size({"width": 390, "height": 844})
    opened(page, plain)
    outline = page.page.locator("#outline").bounding_box()
    assert outline["width"] >= 385 and not page.page.is_visible("#viewport")
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#outline .text')).fontSize)")
    assert size >= 15
    shot(page, "phone-outline")
    page.page.locator("#outline [role=treeitem][data-node='popular-view'] > .row").first.click()
    panel = page.page.locator("#panel").bounding_box()
    assert panel["width"] >= 385 and panel["y"] > 844 * 0.4 and "popular-view" in page.page.inner_text("#panel h2")
    shot(page, "phone-outline-panel")
    page.page.click("#outline-toggle")  # the drawing, readable, on the node selected
    assert page.page.is_visible("#viewport") and not page.page.is_visible("#outline")
    assert float(page.evaluate("document.body.dataset.view.split(' ')[2]")) >= 1
    assert page.page.get_attribute("#outline-toggle", "aria-pressed") == "false"
    shot(page, "phone-diagram")
    assert page.problems == []


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import write_map

    folder = tmp_path_factory.mktemp("thousand")
    path = folder / "map.yaml"
    write_map(path, 1000)
    code, _, err = run_cli("render", str(path), "-o", str(folder / "map.html"), cwd=folder)
    assert code == 0, err
    return (folder / "map.html").as_uri(), path


def test_a_thousand_statements_read_one_branch_at_a_time(page, thousand):
    url, path = thousand
    large(page)
    opened(page, url)
    lines = page.evaluate(LINES)
    assert 10 <= len(lines) <= 130  # the outline opens short enough to read through, the thesis first
    data = json.loads(page.evaluate("document.getElementById('argmap-data').textContent"))
    thesis = lines[0]
    assert data["nodes"][thesis]["role"] == "thesis"
    # A named argument without a label is its premises' line; the conclusion above it is not said again.
    texts = page.evaluate("[...document.querySelectorAll('#outline .text')].map(t => t.textContent)")
    assert any(t.startswith("together: ") for t in texts) and not [t for t in texts if "→" in t]
    branches = page.evaluate(f"[...document.querySelectorAll('#outline [data-node=\"{thesis}\"] > ul > li')].map(li => li.dataset.node)")
    assert len(branches) >= 2
    page.evaluate(f"location.hash = '#{branches[0]}&fold={','.join(branches[1:])}'")
    visible = page.evaluate(VISIBLE)
    assert len(visible) < len(data["drawn"]) / 2 and branches[0] in visible and thesis in visible
    counts = page.evaluate("[...document.querySelectorAll('#canvas .fold-count')].map(c => Number(c.textContent.slice(1)))")
    folded = page.evaluate("[...document.querySelectorAll('#canvas .fold-count')].map(c => c.parentNode.id.slice(5))")
    assert set(folded) == {b for b in branches[1:] if b in data["nodes"] and any(
        r["from"] for r in data["nodes"][b]["in"])}  # a leaf has nothing to fold
    # The oracle: what reaches the thesis by a way through no folded statement (the folded ones themselves shown).
    graph = build(argmap.load(path))
    shut, reached, queue = set(branches[1:]), {thesis}, [thesis]
    while queue:
        node = queue.pop()
        for before in graph.predecessors(node):
            if before not in reached:
                reached.add(before)
                if before not in shut:
                    queue.append(before)
    statements = {n for n in graph if graph.nodes[n]["kind"] == "statement"}
    assert set(visible) & statements == reached & statements
    hidden = len(statements - reached)  # a statement under two folded branches counts in both
    assert hidden > len(statements) / 4 and max(counts) <= hidden <= sum(counts)
    assert page.evaluate("location.hash").startswith(f"#{branches[0]}&fold=")
    shot(page, "thousand-one-branch")
    assert page.problems == []


@pytest.mark.parametrize("width", [1440, 390])
def test_axe_finds_no_serious_violation_with_the_outline_a_fold_and_the_filters_open(page, policy, width):
    from axe_playwright_python.sync_playwright import Axe

    page.page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
    opened(page, policy + "#unfair&fold=less-traffic&tag=money")
    assert page.page.is_visible("#outline [role=tree]") and page.page.is_visible("#panel")
    if width <= 600:
        page.page.click("#tools-toggle")
    page.page.click("#filters summary")
    assert page.page.is_visible("#filter-tag")
    results = Axe().run(page.page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []
    if width > 600:
        page.page.click("#focus")  # the drawing with most of it hidden, and its folded node's count
        assert [(v["id"], v["impact"]) for v in Axe().run(page.page).response["violations"]
                if v["impact"] in ("serious", "critical")] == []
