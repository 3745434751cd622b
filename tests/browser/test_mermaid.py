"""The Mermaid argmap writes, drawn by Mermaid's own renderer (`mermaid` from npm, installed by `make test`) in
Chromium: it parses, and every box and the title show the map's texts as they are."""

from __future__ import annotations

import html

import pytest

import argmap
from tests.conftest import ROOT, needs_tool

MERMAID = ROOT / ".venv" / "mermaid" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
pytestmark = [pytest.mark.browser, needs_tool(MERMAID.is_file(), "mermaid from npm (`make test` installs it when npm"
                                                                   " is present)")]

TEXTS = ["T &amp; &lt;b&gt; `code` a\\nb <i>x</i> #1 #quot; \"q\"", "back\\slash \\\\ end\\", "### a * b _c_ [x](y)",
         "50% ; {braces} | pipe --> arrow", "中文 é 😀",
         "- a list item?", "1. numbered", "+ plus", "~~struck~~ **bold** __b__"]


def test_mermaid_draws_every_text_as_it_is(page, tmp_path):
    statements = {"t": {"role": "thesis", "text": TEXTS[0]}}
    statements |= {f"s{n}": {"text": text, "supports": "t"} for n, text in enumerate(TEXTS[1:])}
    title = 'A title with \\ a backslash, "quotes" and #hash: yes'
    amap = argmap.ArgumentMap.from_data({"argmap": 1, "id": "m", "title": title, "statements": statements})
    source = argmap.export(amap, "mermaid").text
    (tmp_path / "page.html").write_text(
        f'<!DOCTYPE html><html><body><pre class="mermaid">{html.escape(source)}</pre>'
        f'<script src="{MERMAID.as_uri()}"></script></body></html>', encoding="utf-8")
    page.page.goto((tmp_path / "page.html").as_uri())
    page.evaluate("async () => { mermaid.initialize({startOnLoad: false}); await mermaid.run(); }")
    assert page.evaluate("document.querySelectorAll('.error-icon, .error-text').length") == 0, page.problems
    # What a box means to Mermaid: its entity codes (#quot;, #35;) resolved as Mermaid resolves them.
    shown = page.evaluate("""() => [...document.querySelectorAll('.nodeLabel')].map((label) => {
        const coded = label.textContent.replace(/\\ufb02\\u00b0\\u00b0(\\d+)\\u00b6\\u00df/g, (_, n) => String.fromCodePoint(+n))
            .replace(/\\ufb02\\u00b0(\\w+)\\u00b6\\u00df/g, (_, name) => {
                const t = document.createElement('textarea'); t.innerHTML = '&' + name + ';'; return t.value; });
        return coded; })""")
    assert sorted(shown) == sorted(" ".join(text.split()) for text in TEXTS)
    assert page.evaluate("document.querySelector('.flowchartTitleText').textContent") == title
    assert page.problems == []


def test_mermaid_draws_the_question_groups_junctions_and_every_relation(page, tmp_path):
    from tests.formats.test_drawing_forms import RICH

    source = argmap.export(argmap.ArgumentMap.from_data(RICH), "mermaid").text
    (tmp_path / "page.html").write_text(
        f'<!DOCTYPE html><html><body><pre class="mermaid">{html.escape(source)}</pre>'
        f'<script src="{MERMAID.as_uri()}"></script></body></html>', encoding="utf-8")
    page.page.goto((tmp_path / "page.html").as_uri())
    page.evaluate("async () => { mermaid.initialize({startOnLoad: false}); await mermaid.run(); }")
    assert page.evaluate("document.querySelectorAll('.error-icon, .error-text').length") == 0, page.problems
    labels = page.evaluate("[...document.querySelectorAll('.nodeLabel')].map((label) => label.textContent)")
    assert {"Is it so?", "Thesis", "A reason", "Conceded point", "linked", "Group one"} <= set(labels)
    assert page.evaluate("document.querySelectorAll('.edgePaths path').length") == source.count("\n  n") - 9
    assert page.problems == []
