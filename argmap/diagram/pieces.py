"""A large drawing cut into the pieces a page draws only near the view: dot's SVG (as :func:`embeddable` leaves
it) split into its outer markup and each top-level element of the graph (a node, an edge, a group's box, the
legend), each with its box in the drawing's units, so that a page holds thousands of them as text and puts in
its document only the few hundred a reader can see."""

from __future__ import annotations

import html
import re
from typing import Any

__all__ = ["pieces", "VIRTUAL"]

VIRTUAL = 2500
"""From this many nodes and edges on, a page draws only what is near the view (docs/diagrams.md): a browser that
holds every element of a large drawing takes minutes to paint a view of it."""

_TAG = re.compile(r"<(/?)g\b[^>]*>")
_ID = re.compile(r'\bid="([^"]*)"')
_CLASS = re.compile(r'\bclass="([^"]*)"')
_GRAPH = re.compile(r'<g id="graph0" class="graph" transform="([^"]*)">')
_SCALE = re.compile(r"scale\(([-0-9.e]+)(?: ([-0-9.e]+))?\)")
_TRANSLATE = re.compile(r"translate\(([-0-9.e]+)(?: ([-0-9.e]+))?\)")
_VIEWBOX = re.compile(r'viewBox="([-0-9.e]+) ([-0-9.e]+) ([-0-9.e]+) ([-0-9.e]+)"')
_POINTS = re.compile(r'\b(?:points|d)="([^"]*)"')
_NUMBER = re.compile(r"-?[0-9]*\.?[0-9]+(?:e-?[0-9]+)?")
_TEXT = re.compile(r'<text\b[^>]*?\bx="([-0-9.e]+)" y="([-0-9.e]+)"[^>]*?font-size="([0-9.]+)"[^>]*>([^<]*)</text>')
_ELLIPSE = re.compile(r'<ellipse\b[^>]*?\bcx="([-0-9.e]+)" cy="([-0-9.e]+)" rx="([0-9.e]+)" ry="([0-9.e]+)"')
_ANCHOR = re.compile(r'text-anchor="(start|middle|end)"')


def pieces(svg: str) -> dict[str, Any] | None:
    """``svg`` cut into pieces: ``head`` and ``tail`` (the ``<svg>`` and graph elements around them), ``size``
    (the drawing's width and height), ``transform`` (the graph's scale and translation: x' = sx (x + tx)), and
    for each top-level element of the graph, in drawing order, its markup
    (``parts``), its id (``ids``, unescaped) and its box (``boxes``: x, y, width, height, four numbers each, in
    the units of the SVG's viewBox). None when ``svg`` is not of the shape dot writes.

    >>> cut = pieces('<svg viewBox="0.00 0.00 20.00 10.00"><g id="graph0" class="graph" '
    ...              'transform="scale(1 1) rotate(0) translate(4 6)"><g id="node&#45;a" class="node">'
    ...              '<g id="a_node&#45;a"><a><polygon points="0,0 10,0 10,-4 0,-4 0,0"/></a></g></g></g></svg>')
    >>> cut["ids"], cut["boxes"], cut["size"], cut["tail"]
    (['node-a'], [4, 2, 11, 5], [20.0, 10.0], '</g></svg>')
    """
    graph = _GRAPH.search(svg)
    viewbox = _VIEWBOX.search(svg)
    if graph is None or viewbox is None:
        return None
    scale = _SCALE.search(graph[1])
    translate = _TRANSLATE.search(graph[1])
    sx = float(scale[1]) if scale else 1.0
    sy = float(scale[2]) if scale and scale[2] else sx
    tx = float(translate[1]) if translate else 0.0
    ty = float(translate[2]) if translate and translate[2] else 0.0
    start = graph.end()
    depth, opened, loose = 0, start, start
    parts: list[str] = []
    ids: list[str] = []
    boxes: list[int] = []
    end = start
    for tag in _TAG.finditer(svg, start):
        if tag[1]:  # a closing </g>
            if depth == 0:  # the graph's own: what follows is the tail
                end = tag.start()
                if svg[loose:end].strip():
                    return None
                break
            depth -= 1
            if depth == 0:
                part, loose = svg[opened:tag.end()], tag.end()
                parts.append(part)
                named = _ID.search(tag.string, opened, opened + 200)
                ids.append(html.unescape(named[1]) if named else "")
                x0, y0, x1, y1 = _extent(part)
                boxes += [round(sx * (x0 + tx)), round(sy * (y0 + ty)),
                          round(sx * (x1 - x0)) + 1, round(sy * (y1 - y0)) + 1]
        else:
            if depth == 0:
                if svg[loose:tag.start()].strip():  # markup outside any element: not dot's shape
                    return None
                opened = tag.start()
            depth += 1
    else:
        return None
    return {"size": [float(viewbox[3]), float(viewbox[4])], "transform": [sx, sy, tx, ty], "head": svg[:start],
            "tail": svg[end:], "parts": parts, "ids": ids, "boxes": boxes}


def _extent(part: str) -> tuple[float, float, float, float]:
    """The box around every point, ellipse and text of one element, in the graph's own units."""
    xs: list[float] = []
    ys: list[float] = []
    for points in _POINTS.finditer(part):
        numbers = [float(n) for n in _NUMBER.findall(points[1])]
        xs += numbers[0::2]
        ys += numbers[1::2]
    for ellipse in _ELLIPSE.finditer(part):
        cx, cy, rx, ry = (float(v) for v in ellipse.groups())
        xs += [cx - rx, cx + rx]
        ys += [cy - ry, cy + ry]
    for text in _TEXT.finditer(part):
        x, y, size = float(text[1]), float(text[2]), float(text[3])
        wide = len(html.unescape(text[4])) * size * 0.6  # no font here: an upper bound of the usual widths
        anchor = _ANCHOR.search(text[0])
        left = {"start": x, "end": x - wide}.get(anchor[1] if anchor else "middle", x - wide / 2)
        xs += [left, left + wide]
        ys += [y - size, y + size / 3]
    if not xs:
        return 0.0, 0.0, 0.0, 0.0
    return min(xs), min(ys), max(xs), max(ys)
