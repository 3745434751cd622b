"""A large drawing cut in pieces for the page: every node and edge of dot's SVG is one piece with its id and a
box around all it draws; the pieces put back together are the drawing; a page past the threshold carries them
instead of the SVG, as data that cannot end its element."""

from __future__ import annotations

import json
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
import argmap.diagram.html as html_module
from argmap.diagram.html import embeddable, page, scripted
from argmap.diagram.pieces import pieces
from tests.conftest import ROOT, examples
from tests.render.test_html import parsed

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import write_map

needs_dot = pytest.mark.needs_dot
ESSAY = ROOT / "models" / "capital-feast" / "map.yaml"
POINTS = re.compile(r'\b(?:points|d)="([^"]*)"')


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """The essay's SVG (groups, a legend, junctions, every kind of line) and a synthetic map's of 300 statements."""
    essay = argmap.render(argmap.load(ESSAY), format="svg").decode()
    path = write_map(tmp_path_factory.mktemp("synthetic") / "map.yaml", 300)
    synthetic = argmap.render(argmap.load(path), format="svg").decode()
    return [embeddable(essay), embeddable(synthetic)]


@needs_dot
def test_every_node_and_edge_is_one_piece_and_together_they_are_the_drawing(drawn):
    for svg in drawn:
        cut = pieces(svg)
        assert cut is not None
        ids = [m for m in re.findall(r'<g id="([^"]*)" class="(?:node|edge|cluster)"', svg)]
        assert [i for i in cut["ids"] if not i.startswith("a_")] == [i.replace("&#45;", "-") for i in ids]
        assert len(cut["boxes"]) == 4 * len(cut["parts"])
        whole = cut["head"] + "".join(cut["parts"]) + cut["tail"]
        assert re.sub(r">\s+<", "><", whole) == re.sub(r">\s+<", "><", svg)


@needs_dot
def test_each_box_holds_every_point_its_piece_draws(drawn):
    for svg in drawn:
        cut = pieces(svg)
        sx, sy, tx, ty = cut["transform"]
        for k, part in enumerate(cut["parts"]):
            x, y, w, h = cut["boxes"][4 * k:4 * k + 4]
            numbers = [float(n) for found in POINTS.findall(part) for n in re.findall(r"-?[0-9.]+", found)]
            for px, py in zip(numbers[0::2], numbers[1::2], strict=False):
                assert x - 1 <= sx * (px + tx) <= x + w + 1 and y - 1 <= sy * (py + ty) <= y + h + 1


def test_a_drawing_not_of_dots_shape_is_not_cut():
    assert pieces("<svg><g/></svg>") is None
    assert pieces('<svg viewBox="0 0 1 1"><g id="graph0" class="graph" transform="">'
                  "<polygon points='0,0'/><g id='a'></g></g></svg>") is None


@needs_dot
def test_a_page_past_the_threshold_carries_the_pieces_instead_of_the_svg(drawn, monkeypatch):
    from argmap.diagram.data import page_data
    from argmap.diagram.drawing import prepare

    drawing = prepare(argmap.load(ESSAY), "en")
    data = page_data(drawing)
    svgs = {"en": drawn[0], "fr": drawn[0]}
    assert parsed(page(data, svgs)).templates == ["en", "fr"]
    monkeypatch.setattr(html_module, "VIRTUAL", 10)
    made = page(data, svgs)
    found = parsed(made)
    assert found.templates == [] and found.drawings_as_text == []
    held = [json.loads(text) for attrs, text in found.scripts if attrs.get("data-pieces") == "1"]
    assert [cut["ids"] for cut in held] == [pieces(drawn[0])["ids"]] * 2


@settings(max_examples=examples(60), deadline=None)
@given(st.recursive(st.text(alphabet=st.sampled_from("<>/!-&a\u2028 script")) | st.integers() | st.none(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=4),
                    max_leaves=20))
def test_scripted_data_reads_back_and_never_ends_its_element(value):
    text = scripted(value)
    assert json.loads(text) == value
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
