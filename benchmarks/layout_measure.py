"""What a reader meets in a drawing: its shape, its text size when fitted to a screen, and how much of its
order one edit of the map keeps. Read from dot's SVG; used by bench_layout.py and the layout tests."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

__all__ = ["Shape", "shape", "positions", "ranks", "order_kept", "SCREEN", "BODY"]

SCREEN = (1600, 900)
"""The screen a drawing is fitted into (pixels)."""
BODY = 11.0
"""The size (points) of a statement's text in argmap's drawings."""

_SIZE = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')
_DIRECTION = re.compile(r"\brankdir=(\w+)")
_SCALE = re.compile(r'<g id="graph0" class="graph" transform="scale\(([\d.]+)')
_FONT = re.compile(r'<text [^>]*font-size="([\d.]+)"')


@dataclass(frozen=True)
class Shape:
    """A drawing's width and height (points), its aspect, and its body text in pixels once fitted to SCREEN."""

    width: float
    height: float
    body: float = BODY
    """The size (points) of most of the drawing's text."""

    @property
    def aspect(self) -> float:
        return self.width / self.height

    @property
    def text_px(self) -> float:
        """The body text's height in pixels when the whole drawing is scaled to fit SCREEN (never enlarged
        beyond its natural size, 1 pt = 4/3 px)."""
        scale = min(SCREEN[0] / self.width, SCREEN[1] / self.height, 4 / 3)
        return self.body * scale


def shape(svg: str, body: float | None = BODY) -> Shape:
    """The drawing's size as laid out (dot's size on the SVG's root, undoing a ``size`` attribute's
    shrinking, as Argdown's drawings have), and its body text's size: ``body``, or (None) the size of
    most of its texts (another tool's drawing)."""
    found = _SIZE.search(svg)
    if found is None:
        raise ValueError("no size on the SVG's root")
    shrunk = _SCALE.search(svg)
    factor = float(shrunk[1]) if shrunk else 1.0
    if body is None:
        sizes = Counter(float(size) for size in _FONT.findall(svg))
        body = sizes.most_common(1)[0][0] if sizes else BODY
    return Shape(float(found[1]) / factor, float(found[2]) / factor, body)


def positions(svg: str) -> dict[str, tuple[float, float]]:
    """The centre of each drawn node (statements and junctions), by node id: what `render -o` reads of the
    drawing it replaces."""
    from argmap.diagram.steady import placed

    return placed(svg.encode("utf-8"))


def direction(dot_source: str) -> str:
    """The rankdir a DOT source asks for (dot's default TB when it asks for none)."""
    found = _DIRECTION.search(dot_source)
    return found[1].strip('"') if found else "TB"


def ranks(svg: str, rankdir: str) -> dict[str, tuple[int, float]]:
    """Each node's rank (its row, or its column for a left-right drawing) and its place along that rank."""
    across = rankdir in ("LR", "RL")
    return {node: (round(y if not across else x), x if not across else y)
            for node, (x, y) in positions(svg).items()}


def order_kept(before: dict[str, tuple[int, float]], after: dict[str, tuple[int, float]]) -> tuple[int, int]:
    """Of the pairs of nodes that share a rank in both drawings, how many keep their order: (kept, pairs); what
    `render -o` counts to choose its way into the group boxes (:func:`argmap.diagram.steady.kept_pairs`)."""
    from argmap.diagram.steady import kept_pairs

    def places(ranked: dict[str, tuple[int, float]]) -> dict[str, tuple[float, float]]:
        return {node: (along, float(rank)) for node, (rank, along) in ranked.items()}

    return kept_pairs(places(before), places(after), across=False)
