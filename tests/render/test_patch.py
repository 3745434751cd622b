"""`serve`'s text patches: argmap's box sizes hold whatever dot measures, and a patch is what dot draws."""

from __future__ import annotations

import dataclasses
import re

import pytest

import argmap
from argmap.diagram.drawing import prepare
from argmap.diagram.html import embeddable
from argmap.diagram.measure import node_size
from argmap.diagram.wrap import wrap
from argmap.serve.patch import masked, patch, texts, verify

pytestmark = pytest.mark.needs_dot

WIDEST = [
    "W" * 28, "m" * 28, "@%" * 14, "0123456789" * 2 + "WMWMWMWM", "ÉÀÖŒ" * 7, "日本語の文章" * 2 + "ＷＭ",
    "Le « festin » n'existe qu'en bourse", "資本の饗宴はA株流通市場にしか存在しない。",
]


def drawn(text: str, thesis: str = "The thesis") -> tuple[argmap.ArgumentMap, object, str]:
    amap = argmap.ArgumentMap.from_data({"argmap": 1, "id": "m", "statements": {
        "t": {"role": "thesis", "text": thesis}, "r": {"text": text, "supports": "t"}}})
    drawing = dataclasses.replace(prepare(amap), sized=True)
    shown = drawing.view()
    return amap, shown, embeddable(drawing.draw("svg", shown=shown))


def box_width(svg: str, node: str) -> float:
    part = svg[svg.index(f'id="node&#45;{node}"'):]
    xs = [float(x) for x in re.findall(r"(-?[\d.]+),-?[\d.]+", part[: part.index("</g>")])]
    return max(xs) - min(xs)


@pytest.mark.parametrize("text", WIDEST)
def test_a_box_is_as_wide_as_argmap_makes_it_whatever_its_letters(text):
    _, shown, svg = drawn(text)
    node = next(n for n in shown.nodes if n.id == "r")
    width, _ = node_size(node.caption, 11)
    assert box_width(svg, "r") == pytest.approx(width * 72, abs=1.5), "dot needed more room than argmap gave"


def test_a_patch_is_what_dot_draws_and_anything_else_is_refused():
    _, before, old = drawn("A reason for the thesis")
    _, after, new = drawn("A reason for the theses")
    changes = patch(before, after)
    assert changes == {"r": {"lines": ["A reason for the theses"], "title": "r", "label": "A reason for the theses"}}
    assert verify(old, new, changes) and masked(old) == masked(new) and texts(old) != texts(new)
    assert not verify(old, new, {"r": {"lines": ["A reason for the thesis"], "title": "r"}})  # not what dot drew
    assert not verify(old, new, {**changes, "t": {"lines": ["Another"], "title": "t"}})
    _, larger, _ = drawn(" ".join(wrap("A reason for the thesis " * 2)))
    _, other, _ = drawn("A reason for the theses", thesis="Our thesis")
    assert patch(before, larger) is None  # another size: drawn in full
    assert patch(after, other) == {"t": {"lines": ["Our thesis"], "title": "t", "label": "Our thesis"}}
    assert patch(before, after, frozenset({"t"}))["t"]["lines"] == ["The thesis"]  # patched before: sent again
