"""The HTML view as a file: self-contained, a strict Content-Security-Policy, map texts kept as data."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.diagram.html import embeddable, island, script, styles
from tests.conftest import ROOT, examples, run_cli
from tests.render.test_render import HOSTILE, SMALL, write_map

needs_dot = pytest.mark.needs_dot


class Parts(HTMLParser):
    """The page's scripts, styles, templates and every URL-bearing attribute, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self.templates: list[str] = []  # the drawings, one per language, as templates or as inert text
        self.drawings_as_text: list[str] = []
        self.urls: list[str] = []
        self.csp = ""
        self._in: str | None = None
        self._attrs: dict = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "text/x-argmap-svg":
            self.templates.append(attrs.get("data-lang"))  # a drawing kept as text until asked for
            self.drawings_as_text.append(attrs.get("data-lang"))
            self._in, self._attrs = "drawing", attrs
            return
        if tag in ("script", "style"):
            self._in, self._attrs = tag, attrs
            getattr(self, tag + "s").append((attrs, "") if tag == "script" else "")
        if tag == "template":
            self.templates.append(attrs.get("data-lang"))
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            self.csp = attrs["content"]
        self.urls += [value for name, value in attrs.items() if name in ("src", "href", "action", "xlink:href")]

    def handle_endtag(self, tag):
        if tag == self._in or (tag == "script" and self._in == "drawing"):
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._in == "style":
            self.styles[-1] += data


def parsed(page: str) -> Parts:
    parts = Parts()
    parts.feed(page)
    return parts


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@needs_dot
def test_the_page_is_self_contained_and_allows_nothing_but_itself(tmp_path):
    code, out, err = run_cli("render", str(ROOT / "models/capital-feast/map.yaml"), "-o", "essay.html",
                             "--eval", "grounded", cwd=tmp_path)
    assert (code, out, err) == (0, "wrote essay.html\n", "")
    page = (tmp_path / "essay.html").read_text(encoding="utf-8")
    parts = parsed(page)
    assert parts.templates == ["en", "fr", "ja"]  # each language laid out by dot for its own texts
    assert parts.drawings_as_text == ["fr", "ja"]  # parsed when a reader switches to them
    (data_attrs, data), (code_attrs, code_text) = parts.scripts
    assert data_attrs == {"type": "application/json", "id": "argmap-data"} and code_attrs == {}
    directives = dict(d.strip().split(" ", 1) for d in parts.csp.split(";"))
    assert directives == {"default-src": "'none'", "script-src": sha(code_text), "style-src": sha(parts.styles[0]),
                          "img-src": "data:", "base-uri": "'none'", "form-action": "'none'"}
    assert parts.urls == ["data:,"]  # the empty icon; nothing to fetch
    # The page's own code asks for nothing: no fetch of any kind, no stylesheet URL; only a live page
    # (argmap serve) opens its update channel, to the server that sent it.
    assert not re.search(r"\b(fetch|XMLHttpRequest|WebSocket|sendBeacon|import\(|Worker)\b", code_text)
    assert re.findall(r"EventSource\([^)]*\)", code_text) == ['EventSource("/events")']
    assert "url(" not in parts.styles[0] and "@import" not in parts.styles[0]
    document = json.loads(data)
    assert document["languages"] == ["en", "fr", "ja"] and document["evaluation"]["semantics"] == "grounded"
    thesis = document["nodes"]["feast-only-in-a-shares"]
    assert thesis["role"] == "thesis" and set(thesis["text"]) == {"en", "fr", "ja"}
    assert {r["relation"] for r in thesis["in"]} == {"support"}
    assert {r["relation"] for r in document["nodes"]["no-feast-elsewhere"]["in"]} == {"support", "attack"}
    # Every line drawn, in every language, has its two ends in the data: a script never reads them from its id.
    drawn = {html.unescape(m) for m in re.findall(r'<g id="(edge[^"]+)" class="edge"', page)}
    assert drawn and drawn == set(document["edges"])
    assert all(len(ends) == 2 and set(ends) <= set(document["nodes"]) for ends in document["edges"].values())
    assert document["edges"]["edge-popular-view--attack--no-feast-elsewhere"] == ["popular-view", "no-feast-elsewhere"]
    forecast = document["nodes"]["optimists-forecast"]
    assert {q["source"] for q in forecast["quotes"]} == {"essay-fr", "essay-ja"}
    assert document["evaluation"]["notes"]["optimists-forecast"] == "OUT"


@needs_dot
@pytest.mark.parametrize("hostile", [*HOSTILE, "</template><script>alert(1)</script>", "<!--", "]]>", "a\u2028b"])
def test_map_texts_stay_data_whatever_they_say(tmp_path, hostile):
    text = SMALL.replace("text: {en: A reason, fr: Une raison}", f"text: {json.dumps(hostile)}")
    text = text.replace('text: "a fact"', f"text: {json.dumps(hostile)}")
    text = text.replace("title: {en: A small map, fr: Une petite carte}", f"title: {json.dumps(hostile)}")
    write_map(tmp_path, text)
    assert run_cli("render", "map.yaml", "-o", "m.html", cwd=tmp_path)[0] == 0
    parts = parsed((tmp_path / "m.html").read_text(encoding="utf-8"))
    assert len(parts.scripts) == 2 and parts.templates == ["en", "fr"] and parts.urls == ["data:,"]
    document = json.loads(parts.scripts[0][1])
    assert document["nodes"]["reason"]["text"] == {"en": hostile}
    assert document["nodes"]["fact"]["quotes"][0]["text"] == hostile
    assert parts.scripts[1][1] == script() and parts.styles == [styles()]


@settings(max_examples=examples(60), deadline=None)
@given(st.recursive(st.text() | st.integers() | st.booleans() | st.none(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                    max_leaves=20))
def test_the_data_island_reads_back_and_never_closes_its_element(value):
    text = island(value)
    assert json.loads(text) == value
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text


def test_embedded_svg_keeps_only_the_drawing():
    svg = embeddable(b'<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "x" "y">\n<!-- Generated -->\n'
                     b'<svg viewBox="0 0 1 1">\n<!-- n0 -->\n<g id="node-a"><text>&lt;b&gt;</text></g>\n</svg>\n')
    assert svg == '<svg viewBox="0 0 1 1">\n\n<g id="node-a"><text>&lt;b&gt;</text></g>\n</svg>'


def test_html_needs_dot_and_says_so(tmp_path):
    write_map(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run_cli("render", "map.yaml", "-o", "m.html", cwd=tmp_path, env={"PATH": str(empty)})
    assert (code, out) == (3, "") and "Graphviz's `dot` is not installed" in err
    assert not (tmp_path / "m.html").exists() and (tmp_path / "m.dot").exists()


@needs_dot
def test_the_page_draws_with_the_font_dot_measured(tmp_path):
    from argmap.diagram.dot import FONT

    write_map(tmp_path)
    assert run_cli("render", "map.yaml", "-o", "m.html", cwd=tmp_path)[0] == 0
    page = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert "font-family=" not in page and "<title>n" not in page  # left to the style sheet, once
    rule = re.search(r"#canvas svg text \{ font-family: ([^;]+); \}", styles())
    assert rule is not None and [name.strip().strip('"') for name in rule[1].split(",")] == FONT.split(",")


def test_the_data_carries_the_question_concessions_and_the_analysts_marks():
    import argmap
    from argmap.diagram.data import page_data
    from argmap.diagram.drawing import prepare

    amap = argmap.load(ROOT / "models" / "capital-feast" / "map.yaml")
    data = page_data(prepare(amap, evaluation="grounded"))
    asked = data["question"]
    assert asked["text"]["en"] == amap.question.text["en"] and data["drawn"][0] == asked["id"] == "--question"
    assert [a["id"] for a in asked["answers"]] == list(amap.question.answers)
    assert asked["answers"][0] == {"id": "feast-in-a-shares", "note": "IN", "verdict":
                                   "The answer 'feast-in-a-shares' stands: nothing attacks it"
                                   " (grounded semantics)."}
    nodes = data["nodes"]
    assert nodes["ten-billion-allocation"]["concedes"] == ["internal-spending-is-not-investment"]
    assert len(nodes["internal-spending-is-not-investment"]["conceded_by"]) == 2
    assert nodes["policy-weighs-on-regulation"]["by"] == "analyst" and nodes["popular-view"]["by"] == "author"
    assert data["incomplete"] == [] and page_data(prepare(amap))["question"]["answers"][0]["verdict"] is None


def test_the_pages_script_is_small_named_modules_inlined_in_one_function():
    from importlib.resources import files

    from argmap.diagram.html import SCRIPT

    folder = files("argmap.diagram").joinpath("static/page")
    present = sorted(p.name for p in folder.iterdir() if p.name.endswith(".js"))
    assert present == sorted(f"{name}.js" for name in SCRIPT)  # every module runs, none is left out
    for name in SCRIPT:
        lines = folder.joinpath(f"{name}.js").read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("// ") and len(lines[0]) <= 120, name  # a one-line header saying what it does
        assert len(lines) <= 300, name
    whole = script()
    assert whole.count("(function () {\n") >= 1 and whole.rstrip().endswith("})();")
    assert "import " not in whole and "fetch(" not in whole  # nothing it has to load
