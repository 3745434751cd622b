"""The layout that suits a map, chosen by the shape dot gives each candidate: the one whose text reads
largest once the whole drawing is fitted to a screen."""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Callable
from dataclasses import replace

from argmap import interrupts
from argmap.diagram.dot import write
from argmap.diagram.graphviz_run import GraphvizFailed, GraphvizMissing, run_dot
from argmap.diagram.layout import DEFAULT, Layout
from argmap.diagram.view import View

__all__ = ["CANDIDATES", "SCREEN", "SHAPE", "choose", "fitted", "inside", "merit", "scale", "kept"]

_SHAPES = (DEFAULT, Layout("BT", 2), Layout("BT", 1, 2), Layout("BT", 2, 2), Layout("BT", 1, 3))
_ACROSS = (Layout("LR"), Layout("LR", 1, 2))
CANDIDATES = (*_SHAPES, *_ACROSS, *(replace(layout, columns=20) for layout in _SHAPES),
              *(replace(layout, columns=columns) for columns in (24, 40) for layout in _ACROSS),
              replace(DEFAULT, columns=16))
"""The layouts tried, the default first: thesis on top; then, for a wide and shallow map, evidence over
two rows, or the map's separate parts on two or three lines; then arrows pointing right (a deep, narrow map).
Each also with its texts wrapped narrower (ranks one above the other: a wide map gets narrower; the thesis on
top also 16 columns wide, for a map of many statements side by side) or, arrows pointing right, narrower or
wider (ranks side by side: a tall map gets shorter)."""
SCREEN = (1600.0, 900.0)
"""The screen a drawing is judged on (pixels): a laptop's, or a slide's."""
BETTER = 1.1
"""How much larger a candidate's text must read to be chosen over the default: a near tie keeps the
default, so that a small edit does not flip the drawing from one layout to another."""
SHAPE = 2.5
"""The widest (and, turned, the tallest) a drawing should be: width ÷ height between 1:2.5 and 2.5:1, what a
screen, a page or a slide shows without a strip of empty space. A layout outside it must read :data:`BETTER`
larger to be chosen over one within it, the default too."""


def kept(before: tuple[Layout, int] | None, nodes: int) -> Layout | None:
    """The layout a map of ``nodes`` nodes keeps from the drawing before it (its layout, and the nodes it was
    chosen for): kept while the map has not grown or shrunk by half since, so that an edit never flips the
    drawing from one layout to another. A layout that is no candidate is not kept (top-down, right-left, or a
    width no candidate has, asked for or forged); one asked for that is also a candidate (left-right) is.

    >>> kept((CANDIDATES[5], 40), 44) == CANDIDATES[5], kept((CANDIDATES[5], 40), 61), kept((Layout("TB"), 40), 40)
    (True, None, None)
    """
    if before is None or before[0] not in CANDIDATES or abs(nodes - before[1]) * 2 > before[1]:
        return None
    return before[0]


def scale(width: float, height: float) -> float:
    """The scale at which a drawing of ``width`` × ``height`` points fits :data:`SCREEN` (1 pt = 4/3 px),
    never above its natural size: the text's size at fit, relative to its natural size.

    >>> scale(600, 300), round(scale(2400, 300), 3)
    (1.0, 0.5)
    """
    return min(SCREEN[0] / (width * 4 / 3), SCREEN[1] / (height * 4 / 3), 1.0)


def inside(width: float, height: float) -> bool:
    """Whether a drawing of ``width`` × ``height`` is within :data:`SHAPE` (no strip, across or down).

    >>> inside(600, 300), inside(2600, 1000), inside(300, 700)
    (True, False, True)
    """
    return 1 / SHAPE <= width / height <= SHAPE


def merit(width: float, height: float) -> float:
    """What a drawing of ``width`` × ``height`` is worth to a reader: its scale at fit (:func:`scale`), less
    :data:`BETTER` when its shape is outside :data:`SHAPE` (a strip, across or down).

    >>> merit(600, 300), round(merit(2400, 300), 3), round(merit(3000, 1000) * BETTER, 3)
    (1.0, 0.455, 0.4)
    """
    return scale(width, height) / (1.0 if inside(width, height) else BETTER)


def fitted(source: str, timeout: float, cancel: threading.Event | None = None) -> tuple[float, float]:
    """The width and height (points) of dot's drawing of ``source``."""
    plain = run_dot(source, "plain", timeout, cancel=cancel).decode("utf-8", "replace")
    _, _, width, height = plain.split("\n", 1)[0].split()[:4]
    return float(width) * 72, float(height) * 72


def choose(shown: View, legend: bool = True, timeout: float = 120.0,
           wrapped: Callable[[int], View] | None = None) -> Layout:
    """The candidate layout of ``shown`` whose text reads largest at fit, of a shape within :data:`SHAPE`
    (:data:`BETTER` to beat the default, or to be chosen outside that shape); ``wrapped`` gives the view with its
    texts wrapped to a width (without it, only candidates of ``shown``'s own width are tried). Large maps, and any
    map when dot is missing or fails, keep the default."""
    if shown.large or len(shown.nodes) < 3:
        return DEFAULT
    views = {shown.columns: shown}
    candidates = [layout for layout in CANDIDATES if layout.columns == shown.columns or wrapped is not None]
    for layout in candidates:
        if layout.columns not in views and wrapped is not None:
            views[layout.columns] = wrapped(layout.columns)
    # Candidates that come to the same drawing (evidence rows where no statement has three leaves, lines for a
    # map in one part) are laid out once: only the layout's record and description tell their sources apart.
    sources = [_drawing(write(views[layout.columns], layout, legend)) for layout in candidates]
    unique = list(dict.fromkeys(sources))
    tasks = [functools.partial(fitted, source, timeout) for source in unique]
    try:
        found = dict(zip(unique, interrupts.pooled(tasks, os.cpu_count() or 1), strict=True))
    except (GraphvizMissing, GraphvizFailed, ValueError):
        return DEFAULT
    sizes = [found[source] for source in sources]
    merits = [merit(*size) for size in sizes]
    best = max(range(len(candidates)), key=lambda index: (merits[index], -index))
    # The default keeps a near tie, so that a small edit does not flip the layout; but not a strip against a
    # layout of a screen's shape, which need only read as large (a strip's merit is already less by BETTER).
    needed = 1.0 if not inside(*sizes[0]) and inside(*sizes[best]) else BETTER
    return candidates[best] if merits[best] > merits[0] * needed else DEFAULT


_RECORDS = re.compile(r'comment="argmap layout: [^"]*" |\t// layout: [^\n]*\n')


def _drawing(source: str) -> str:
    """``source`` without what only names its layout (its record, its description): the drawing dot makes of it."""
    return _RECORDS.sub("", source)
