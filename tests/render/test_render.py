"""`argmap render` from the outside: golden DOT, real Graphviz, hostile labels, atomic writes."""

from __future__ import annotations

import os
import re
import shutil
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.diagram.wrap import width, wrap
from tests.conftest import ROOT, run_cli

GOLDEN = Path(__file__).parent / "golden"
needs_dot = pytest.mark.needs_dot
SMALL = """\
argmap: 1
id: small
title: {en: A small map, fr: Une petite carte}
languages: [en, fr]
groups:
  causes: {label: {en: Causes, fr: Causes}}
statements:
  thesis: {role: thesis, text: {en: The thesis holds, fr: La thèse tient}}
  reason: {text: {en: A reason, fr: Une raison}, supports: thesis, group: causes}
  co-reason: {text: {en: A co-premise, fr: Une co-prémisse}, group: causes}
  fact: {role: evidence, text: {en: A fact, fr: Un fait}, supports: reason, quotes: [{source: s, text: "a fact"}]}
  objection: {text: {en: An objection, fr: Une objection}, attacks: thesis}
  rebuttal: {text: {en: A rebuttal, fr: Une réfutation}, attacks: objection, supports: thesis}
  not-relevant: {role: evidence, text: {en: Irrelevant, fr: Hors sujet}, attacks: joint}
sources:
  s: {title: S}
arguments:
  joint: {premises: [reason, co-reason], supports: thesis, label: {en: jointly, fr: ensemble}}
"""
HOSTILE = [
    '"quoted" \\ backslash \\N \\l',
    "&lt;b&gt; &amp; AT&T &#1; &#xFFFE;",
    "<script>alert(1)</script>",
    "<<b>html</b>>",
    "line one\nline two",
    "a: b -> c; d [color=red]",
    "javascript:alert(1)",
    "}; digraph x {",
]


def write_map(tmp_path: Path, text: str = SMALL) -> Path:
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_golden_dot(tmp_path):
    write_map(tmp_path)
    code, out, err = run_cli("render", "map.yaml", "-o", "map.dot", cwd=tmp_path)
    assert (code, out, err) == (0, "wrote map.dot\n", "")
    produced = (tmp_path / "map.dot").read_text(encoding="utf-8")
    golden = GOLDEN / "small.dot"
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8"), "rendering changed: review, then ARGMAP_UPDATE_GOLDEN=1"


def test_dot_shows_every_kind(tmp_path):
    write_map(tmp_path)
    run_cli("render", "map.yaml", "-o", "map.dot", cwd=tmp_path)
    dot = (tmp_path / "map.dot").read_text(encoding="utf-8")
    assert "rankdir=BT" in dot and "peripheries=2" in dot and "shape=note" in dot  # thesis, evidence
    assert "style=solid" in dot and "style=dashed" in dot and "style=dotted" in dot  # support, attack, undercut
    joint = next(line for line in dot.splitlines() if 'id="node-joint"' in line)
    assert "shape=box" in joint and "label=jointly" in joint  # linked premises meet at a junction, captioned
    assert 'id="edge-fact--support--reason"' in dot  # a one-premise support is a plain arrow
    assert "subgraph cluster_0" in dot and "label=Causes" in dot and "id=legend" in dot


@needs_dot
@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_shown_as_text(tmp_path, hostile):
    import json

    text = SMALL.replace("title: {en: A small map, fr: Une petite carte}", f"title: {json.dumps(hostile)}")
    text = text.replace("label: {en: Causes, fr: Causes}", f"label: {json.dumps(hostile)}")
    text = text.replace('text: "a fact"', f"text: {json.dumps(hostile)}")
    text = text.replace("text: {en: A reason, fr: Une raison}", f"text: {json.dumps(hostile)}")
    write_map(tmp_path, text)
    code, _, err = run_cli("render", "map.yaml", "-o", "map.svg", cwd=tmp_path)
    assert (code, err) == (0, "")
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    tree = ET.fromstring(svg)
    tags = {element.tag.split("}")[-1] for element in tree.iter()}
    assert "script" not in tags and "b" not in tags
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not (name.endswith("href") and "javascript:" in value), (name, value)
    texts = " ".join(" ".join(t.text.split()) for t in tree.iter() if t.text)
    visible = " ".join(hostile.split())
    assert visible[:12] in texts  # the words are drawn as they are
    code, _, _ = run_cli("render", "map.yaml", "-o", "map.dot", cwd=tmp_path)
    lines = (tmp_path / "map.dot").read_text().splitlines()
    assert code == 0 and sum(line.startswith("digraph") for line in lines) == 1 and lines[-1] == "}"


@needs_dot
def test_same_input_gives_byte_identical_output(tmp_path):
    write_map(tmp_path)
    for name in ("a", "b"):
        assert run_cli("render", "map.yaml", "-o", f"{name}.svg", cwd=tmp_path)[0] == 0
        assert run_cli("render", "map.yaml", "-o", f"{name}.dot", cwd=tmp_path)[0] == 0
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    ET.parse(tmp_path / "a.svg")  # well-formed XML
    assert (tmp_path / "a.dot").read_bytes() == (tmp_path / "b.dot").read_bytes()


@needs_dot
@pytest.mark.parametrize(("suffix", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF"), ("svg", b"<?xml")])
def test_formats(tmp_path, suffix, magic):
    write_map(tmp_path)
    assert run_cli("render", "map.yaml", "--lang", "fr", "-o", f"map.{suffix}", cwd=tmp_path)[0] == 0
    assert (tmp_path / f"map.{suffix}").read_bytes().startswith(magic)
    if suffix == "svg":
        ET.parse(tmp_path / "map.svg")  # well-formed XML


def _fake_dot(folder: Path, body: str) -> dict:
    folder.mkdir()
    script = folder / "dot"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return {"PATH": f"{folder}:/usr/bin:/bin"}


def test_failed_render_keeps_the_previous_file(tmp_path):
    write_map(tmp_path)
    (tmp_path / "map.svg").write_text("previous")
    env = _fake_dot(tmp_path / "bin", "echo 'Error: syntax error' >&2; exit 1")
    code, _, err = run_cli("render", "map.yaml", "-o", "map.svg", cwd=tmp_path, env=env)
    assert code == 3 and "dot failed (exit 1): Error: syntax error" in err
    assert (tmp_path / "map.svg").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "map.svg", "map.yaml"]


def test_hanging_dot_is_stopped(tmp_path):
    write_map(tmp_path)
    env = _fake_dot(tmp_path / "bin", "sleep 30")
    code, _, err = run_cli("render", "map.yaml", "-o", "map.svg", "--timeout", "0.3", cwd=tmp_path, env=env)
    assert code == 3 and "longer than 0.3 s and was stopped" in err
    assert not (tmp_path / "map.svg").exists()


def test_missing_graphviz_writes_the_dot_and_says_how_to_install(tmp_path):
    write_map(tmp_path)
    python_dir = tmp_path / "empty"
    python_dir.mkdir()
    code, out, err = run_cli("render", "map.yaml", "-o", "out/map.svg", cwd=tmp_path, env={"PATH": str(python_dir)})
    assert (code, out) == (3, "")
    assert "Graphviz's `dot` is not installed; to install it:" in err
    assert (tmp_path / "out" / "map.dot").read_text().startswith("digraph argmap {")
    assert run_cli("render", "map.yaml", "-o", "map.dot", cwd=tmp_path, env={"PATH": str(python_dir)})[0] == 0


@needs_dot
def test_check_reports_stale_diagrams(tmp_path):
    write_map(tmp_path)
    assert run_cli("render", "map.yaml", "-o", "map.svg", "--check", cwd=tmp_path)[0] == 1
    run_cli("render", "map.yaml", "-o", "map.svg", cwd=tmp_path)
    assert run_cli("render", "map.yaml", "-o", "map.svg", "--check", cwd=tmp_path) == (0, "map.svg is up to date\n", "")
    ET.parse(tmp_path / "map.svg")  # well-formed XML
    write_map(tmp_path, SMALL.replace("The thesis holds", "The thesis changed"))
    code, _, err = run_cli("render", "map.yaml", "-o", "map.svg", "--check", cwd=tmp_path)
    assert code == 1 and "map.svg is stale" in err


def test_check_does_not_read_a_drawing_of_another_size(tmp_path, monkeypatch):
    # The drawing to compare with comes with the map (in a pull request): a file of any size may be there.
    write_map(tmp_path)
    with open(tmp_path / "map.dot", "wb") as huge:
        huge.truncate(1 << 34)  # sparse: 16 GiB that take no room
    code, _, err = run_cli("render", "map.yaml", "-o", "map.dot", "--check", cwd=tmp_path)
    assert code == 1 and "map.dot is stale" in err


def test_usage_errors(tmp_path):
    write_map(tmp_path)
    assert run_cli("render", "map.yaml", "-o", "map.gif", cwd=tmp_path)[0] == 2
    code, _, err = run_cli("render", "map.yaml", "-o", "m.dot", "--focus", "thesiss", cwd=tmp_path)
    assert code == 2 and "did you mean 'thesis'?" in err
    code, _, err = run_cli("render", "map.yaml", "-o", "m.dot", "--lang", "de", cwd=tmp_path)
    assert code == 2 and "it has en, fr" in err
    assert run_cli("render", "map.yaml", "-o", "m.dot", "--group", "nope", cwd=tmp_path)[0] == 2


def test_a_broken_map_is_not_drawn(tmp_path):
    write_map(tmp_path, SMALL.replace("supports: thesis, group", "supports: thesiss, group"))
    code, _, err = run_cli("render", "map.yaml", "-o", "map.svg", cwd=tmp_path)
    assert code == 1 and "map.yaml:9:" in err and "ARG101 dangling-reference" in err
    assert not (tmp_path / "map.svg").exists()


def test_focus_and_group_views(tmp_path):
    write_map(tmp_path)
    run_cli("render", "map.yaml", "-o", "focus.dot", "--focus", "objection", "--depth", "1", cwd=tmp_path)
    focus = (tmp_path / "focus.dot").read_text()
    assert 'id="node-objection"' in focus and 'id="node-rebuttal"' in focus and 'id="node-thesis"' in focus
    assert 'id="node-fact"' not in focus
    run_cli("render", "map.yaml", "-o", "group.dot", "--group", "causes", cwd=tmp_path)
    group = (tmp_path / "group.dot").read_text()
    assert 'id="node-reason"' in group and 'id="node-thesis"' not in group


@settings(deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=120), st.integers(4, 40))
def test_wrapping_keeps_every_character_and_the_width(text, columns):
    lines = wrap(text, columns)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for line in lines:
        assert width(line) <= columns or len(line.split()) == 1 or width(line) <= 2 * columns + 2


def test_the_essay_diagrams_are_current():
    for lang in ("en", "fr", "ja"):
        code, _, err = run_cli("render", "models/capital-feast/map.yaml", "--lang", lang,
                               "-o", f"docs/img/capital-feast.{lang}.svg", "--check", cwd=ROOT)
        assert (code, err) == (0, ""), err


@needs_dot
def test_japanese_renders_with_real_glyphs(tmp_path):
    # Noto Sans CJK (installed by the set-up) covers the labels: dot warns when it falls back.
    write_map(tmp_path, SMALL.replace("languages: [en, fr]", "languages: [en, ja]")
              .replace("fr: La thèse tient", "ja: 饗宴はA株流通市場にのみ存在する"))
    code, _, err = run_cli("render", "map.yaml", "--lang", "ja", "-o", "map.png", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert shutil.which("fc-list") is None or os.popen("fc-list :lang=ja").read().strip()


def test_unwritable_output_is_a_clear_error(tmp_path):
    write_map(tmp_path)
    (tmp_path / "file").write_text("not a folder")
    code, out, err = run_cli("render", "map.yaml", "-o", "file/map.dot", cwd=tmp_path)
    assert (code, out) == (2, "") and err.startswith("argmap render: cannot write") and "Traceback" not in err


def test_annotations_are_text_and_border_style_not_colour_alone():
    from argmap.diagram.dot import write
    from argmap.diagram.view import view
    from argmap.graph import build
    from argmap.loader import load_map

    amap, _ = load_map(ROOT / "models" / "capital-feast" / "map.yaml")
    dot = write(view(build(amap), amap.groups, "en",
                     annotations={"optimists-forecast": "OUT", "feast-only-in-a-shares": "IN"}))
    forecast = next(line for line in dot.splitlines() if 'id="node-optimists-forecast"' in line)
    thesis = next(line for line in dot.splitlines() if 'id="node-feast-only-in-a-shares"' in line)
    assert "\\n[OUT]" in forecast and 'style="filled,rounded,dashed"' in forecast
    assert "\\n[IN]" in thesis and 'style="filled,bold"' in thesis


@pytest.mark.parametrize(("method", "rejected", "accepted"), [
    ("grounded", "[OUT]", "[IN]"),
    ("preferred", "[REJECTED]", "[ACCEPTED]"),
    ("stable", "[REJECTED]", "[ACCEPTED]"),
])
def test_render_shows_the_evaluation(tmp_path, method, rejected, accepted):
    code, _, err = run_cli("render", str(ROOT / "models/capital-feast/map.yaml"), "--eval", method, "-o", "e.dot",
                           cwd=tmp_path)
    dot = (tmp_path / "e.dot").read_text()
    forecast = next(line for line in dot.splitlines() if 'id="node-optimists-forecast"' in line)
    thesis = next(line for line in dot.splitlines() if 'id="node-feast-only-in-a-shares"' in line)
    assert (code, err) == (0, "") and rejected in forecast and "dashed" in forecast
    assert accepted in thesis and "bold" in thesis
    # The legend explains the border of each word the diagram shows, and only those.
    table = next(line for line in dot.splitlines() if "legend_eval_" in line)
    legend = {word.upper(): (style, border) for word, style, border in
              re.findall(r'PORT="legend_eval_([a-z]+)"[^>]*><TABLE(?: STYLE="(\w+)")? BORDER="(\d)"', table)}
    assert set(legend) == {accepted[1:-1], rejected[1:-1]}
    assert legend[accepted[1:-1]] == ("", "3") and legend[rejected[1:-1]] == ("dashed", "1")


@needs_dot
def test_lines_are_drawn_under_the_boxes(tmp_path):
    # A long line that crosses a statement on its way must neither hide its text nor take the click meant for it:
    # in the SVG every line comes before every box (the page's drawing in pieces keeps the same order).
    out = tmp_path / "essay.svg"
    code, _, err = run_cli("render", str(ROOT / "models/capital-feast/map.yaml"), "-o", str(out), cwd=tmp_path)
    assert (code, err) == (0, "")
    groups = [g.get("class") for g in ET.parse(out).iter("{http://www.w3.org/2000/svg}g")]
    nodes = [i for i, kind in enumerate(groups) if kind == "node"]
    edges = [i for i, kind in enumerate(groups) if kind == "edge"]
    assert nodes and edges and max(edges) < min(nodes)


def excerpt_map(count: int = 24) -> str:
    """A thesis with ``count`` reasons, every other one in the group 'even'."""
    lines = ["argmap: 1", "id: excerpts", "groups:", "  even: {label: Even}", "statements:",
             "  thesis: {role: thesis, text: The thesis holds}"]
    lines += [f"  reason-{n}: {{text: Reason {n}, supports: thesis{', group: even' if n % 2 == 0 else ''}}}"
              for n in range(count)]
    return "\n".join(lines) + "\n"


def test_an_excerpt_keeps_the_maps_order(tmp_path):
    """--focus and --group draw the map's statements in its own order (siblings in file order), whatever order
    Python's hashing gives a set of them."""
    import argmap
    from argmap.diagram import group_subgraph, neighbourhood
    from argmap.graph import build

    whole = build(argmap.load(write_map(tmp_path, excerpt_map())))
    for part in (group_subgraph(whole, "even"), neighbourhood(whole, "reason-4", 1)):
        assert 1 < part.number_of_nodes() < whole.number_of_nodes() / 2
        assert list(part) == [node for node in whole if node in part]
        assert list(part.edges) == [edge for edge in whole.edges if edge[0] in part and edge[1] in part]


@needs_dot
def test_an_excerpt_drawn_in_another_process_is_the_same(tmp_path):
    """A group drawn again (another process: another hashing of strings) is byte for byte the same, so that
    `render --check` right after `render` finds it up to date."""
    import subprocess
    import sys

    write_map(tmp_path, excerpt_map())
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-m", "argmap", "render", "map.yaml", "--group", "even", "-o", f"{seed}.dot"],
                              cwd=tmp_path, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True,
                              timeout=120, check=False)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "1.dot").read_bytes() == (tmp_path / "2.dot").read_bytes()
