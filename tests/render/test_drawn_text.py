"""What the map says is what the diagram shows, character for character; every SVG is well-formed XML."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli.check_cmd import CheckOptions, execute_check
from argmap.cli.render_cmd import RenderOptions, execute_render
from argmap.diagram.dot import drawable, write
from argmap.diagram.graphviz_run import run_dot
from argmap.diagram.view import view
from argmap.schema import Quote
from tests.conftest import examples

needs_dot = pytest.mark.needs_dot
SVG, XLINK = "{http://www.w3.org/2000/svg}", "{http://www.w3.org/1999/xlink}"
# Character references Graphviz would decode, its own escapes, and what XML cannot carry.
TRICKY = ["&lt;", "&amp;", "&#1;", "&#x26;", "&#xFFFE;", "&#0;", "&foo;", "&", ";", "#", "\\", "\\N", "\\G", "\\E",
          "\\n", "\\l", '"', "<b>", "]]>", "--", "  ", "\t", "\r", "\n", "\x00", "\x01", "\x1b", "\x1f", "\x7f",
          "\x85", "\u2028", "\ufffe", "\uffff", "\ud800", "\udfff", "\U0001f600", "\u202e", "饗宴"]


def shown(text: str) -> str:
    """What the diagram must show for ``text``: every character, runs of whitespace as one space,
    characters that XML cannot carry as their visible stand-ins."""
    return " ".join(drawable(text).split())


def graph_with(text: str) -> tuple[nx.DiGraph, dict]:
    """A statement, a thesis and a linked argument, with ``text`` in every place a map's text reaches."""
    graph = nx.DiGraph(languages=("en",))
    quote = Quote.model_construct(source="s", text=text)  # built past the schema, which refuses some of these
    graph.add_node("a", kind="statement", role="claim", group="g", tags=(), base=None, text=text, quotes=(quote,))
    graph.add_node("b", kind="statement", role="thesis", group=None, tags=(), base=None, text="B", quotes=())
    graph.add_node("x", kind="inference", relation="support", explicit=True, group=None, tags=(), label=text)
    graph.add_edges_from([("a", "x"), ("b", "x")], kind="premise")
    graph.add_edge("x", "b", kind="conclusion")
    return graph, {"g": SimpleNamespace(label=text)}


def element(root: ET.Element, svg_id: str) -> ET.Element:
    return next(e for e in root.iter(SVG + "g") if e.get("id") == svg_id)


def texts(node: ET.Element) -> list[str]:
    return [t.text or "" for t in node.iter(SVG + "text")]


def squeeze(text: str) -> str:
    return "".join(text.split())


def assert_drawn_as_written(svg: bytes, text: str) -> None:
    root = ET.fromstring(svg)  # well-formed, or this raises
    statement, group = element(root, "node-a"), element(root, "group-g")
    # A statement's text is wrapped into lines: the same characters, broken at spaces or between wide ones.
    assert squeeze("".join(texts(statement))) == squeeze(shown(text))
    assert squeeze("".join(texts(element(root, "node-x")))) == squeeze(shown(text))
    tooltip = next(a.get(XLINK + "title") for a in statement.iter(SVG + "a"))
    assert tooltip == shown(f"a | «{text}» (s)")
    assert texts(group) == ([shown(text)] if shown(text) else [])
    assert texts(element(root, "a_graph0")) == ([shown(text)] if shown(text) else [])  # the title


@needs_dot
@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=6), st.sampled_from(TRICKY)), max_size=8).map("".join))
def test_any_text_is_drawn_as_written(text):
    graph, groups = graph_with(text)
    assert_drawn_as_written(run_dot(write(view(graph, groups, "en", text)), "svg", 60), text)


@needs_dot
@pytest.mark.parametrize("text", [*TRICKY, "&lt;b&gt; &amp; AT&T &#1; &#xFFFE; \\N\\G", "a\x00b\x1b[2J\ufffec"])
def test_each_tricky_text_is_drawn_as_written(text):
    graph, groups = graph_with(f"x{text}y")
    assert_drawn_as_written(run_dot(write(view(graph, groups, "en", f"x{text}y")), "svg", 60), f"x{text}y")


def test_the_stand_ins_are_visible():
    assert drawable("\x00\x01\x1f\ufffe\uffff\ud800") == "\u2400\u2401\u241f\ufffd\ufffd\ufffd"
    assert drawable("tab\tline\ncr\r\x7f\x85\U0001fffe") == "tab\tline\ncr\r\x7f\x85\U0001fffe"  # XML carries these


MAP = """\
argmap: 1
id: m
title: {text}
groups:
  g: {{label: {text}}}
sources:
  s: {{title: S}}
statements:
  thesis: {{role: thesis, text: {text}}}
  a: {{text: {text}, supports: thesis, group: g, quotes: [{{source: s, text: {text}}}]}}
  b: {{text: B}}
arguments:
  x: {{premises: [a, b], supports: thesis, label: {text}}}
"""


def run(command, options) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    return command(options, stdout, stderr), stdout.getvalue(), stderr.getvalue()


@needs_dot
def test_a_map_is_drawn_as_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "&lt;b&gt; &amp;amp; AT&T &#1; &#x26; &#xFFFE; \\N \\G \\\\ a  b\tc \\"
    Path("map.yaml").write_text(MAP.format(text=json.dumps(text)), encoding="utf-8")
    for fmt in ("svg", "png", "pdf"):
        assert run(execute_render, RenderOptions("map.yaml", f"map.{fmt}")) == (0, f"wrote map.{fmt}\n", "")
    root = ET.parse("map.svg").getroot()
    assert texts(element(root, "group-g")) == [shown(text)]
    assert squeeze("".join(texts(element(root, "node-a")))) == squeeze(text)
    assert next(a.get(XLINK + "title") for a in element(root, "node-a").iter(SVG + "a")) == shown(f"a | «{text}» (s)")


def test_a_text_no_diagram_can_show_is_refused_before_drawing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad = iter(["\x00", "\x01", "\x1b", "\ufffe", "\uffff", "\x0b"])
    Path("map.yaml").write_text(re.sub("{text}", lambda _: json.dumps(f"ok{next(bad)}"), MAP).replace("{{", "{")
                                .replace("}}", "}"), encoding="utf-8")
    code, out, _ = run(execute_check, CheckOptions(("map.yaml",), "parsable"))
    # the title, a group label, texts, a quote and an argument label, each at its value
    found = [(line.split(" error ")[0], line.split("holds ")[1].split(" at character")[0]) for line in out.splitlines()
             if " ARG002 " in line]
    assert code == 1 and found == [
        ("map.yaml:3:8:", "U+0000 (a control character)"), ("map.yaml:5:14:", "U+0001 (a control character)"),
        ("map.yaml:9:32:", "U+001B (a control character)"), ("map.yaml:10:13:", "U+FFFE (a noncharacter)"),
        ("map.yaml:10:80:", "U+FFFF (a noncharacter)"), ("map.yaml:13:50:", "U+000B (a control character)")]
    code, out, err = run(execute_render, RenderOptions("map.yaml", "map.svg"))
    assert (code, out) == (1, "") and "map.yaml:3:8:" in err and not Path("map.svg").exists()


def test_every_committed_diagram_is_well_formed():
    for path in sorted((Path(__file__).parents[2] / "docs" / "img").glob("*.svg")):
        ET.parse(path)
