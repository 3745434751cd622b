"""Text-only updates of a drawing (`serve`): the boxes whose texts changed between two views of one layout,
and the check that dot's new drawing is the old one with exactly those texts changed."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from argmap.diagram.dot import font_size, hover, shown_lines
from argmap.diagram.measure import node_size
from argmap.diagram.view import Node, View, drawable

__all__ = ["patch", "verify", "texts", "masked"]

_START = re.compile(r'<g id="([^"]*)" class="(?:node|edge|cluster)">')
_TEXT = re.compile(r"(<text\b[^>]*>)([^<]*)(</text>)")
_TITLE = re.compile(r'(xlink:title=")([^"]*)(")')


def _same_but_texts(old: Node, new: Node) -> bool:
    return replace(old, caption=new.caption, text=new.text, quotes=new.quotes) == new


def patch(old: View, new: View, touched: frozenset[str] = frozenset()) -> dict[str, Any] | None:
    """What turns the drawing of ``old`` (drawn with sized boxes) into that of ``new``: node id -> its
    caption lines and tooltip as dot draws them (and its text, which names it to a screen reader), for
    each statement box whose texts changed (and each of ``touched``, the boxes an earlier patch on the
    same drawing changed). None when anything else differs: the nodes, an edge, a group, the title, the
    legend, a box's size or number of lines.
    """
    same = (old.title, old.lang, old.edges, old.clusters, old.words, old.large, old.legend, len(old.nodes))
    if same != (new.title, new.lang, new.edges, new.clusters, new.words, new.large, new.legend, len(new.nodes)):
        return None
    changes: dict[str, Any] = {}
    for before, after in zip(old.nodes, new.nodes, strict=True):
        if before == after and after.id not in touched:
            continue
        if before.id != after.id or after.kind != "statement" or not _same_but_texts(before, after):
            return None
        lines, was = shown_lines(after.caption), shown_lines(before.caption)
        if len(lines) != len(was) or not all(lines):
            return None
        if node_size(tuple(lines), font_size(after)) != node_size(tuple(was), font_size(before)):
            return None
        changes[after.id] = {"lines": lines, "title": " ".join(drawable(hover(after)).split()), "label": after.text}
    return changes


def texts(svg: str) -> dict[str, tuple[list[str], list[str]]]:
    """The texts and tooltips of each part of dot's SVG (``node-ID``, ``edge-ID``, a group, the legend; ""
    for what comes before them, the title), by the part's id."""
    starts = list(_START.finditer(svg))
    bounds = [(("", 0, starts[0].start() if starts else len(svg)))]
    bounds += [(html.unescape(start.group(1)), start.end(), end.start() if end is not None else len(svg))
               for start, end in zip(starts, [*starts[1:], None], strict=True)]
    return {name: ([html.unescape(m.group(2)) for m in _TEXT.finditer(svg, begin, end)],
                   [html.unescape(m.group(2)) for m in _TITLE.finditer(svg, begin, end)]) for name, begin, end in bounds}


def masked(svg: str) -> str:
    """dot's SVG without its texts and tooltips: what the layout alone decides."""
    return _TITLE.sub(r"\1\3", _TEXT.sub(r"\1\3", svg))


@lru_cache(maxsize=4)
def _held(svg: str) -> tuple[str, dict[str, tuple[list[str], list[str]]]]:
    """The layout and texts of a drawing the pages hold, worked out once however many saves patch it."""
    return masked(svg), texts(svg)


def verify(before: str, after: str, changes: dict[str, Any]) -> bool:
    """Whether ``after`` (dot's new drawing) is ``before`` (the drawing the pages hold) with exactly
    ``changes`` applied: the same layout, the patched boxes showing the patch's texts and tooltips, no
    other text changed."""
    if _held(before)[0] != masked(after):
        return False
    expected = dict(_held(before)[1])
    for node, change in changes.items():
        if f"node-{node}" not in expected:
            return False
        expected[f"node-{node}"] = (list(change["lines"]), [change["title"]])
    return texts(after) == expected
