"""Node sizes from argmap's own wrapping, so that a text edit that keeps a node's size keeps dot's layout."""

from __future__ import annotations

from argmap.texts import is_wide

__all__ = ["line_width", "node_size", "STEP", "MARGIN"]

# Advance widths (in ems) of Noto Sans, the diagram's font for Latin script, as dot measures them; a
# character not listed counts as wide as the widest Latin letters, a CJK one as one em.
_EM = {**dict.fromkeys(" ", 0.23), **dict.fromkeys("|ij',.:;l’I", 0.29), **dict.fromkeys("f!()[]{}-t", 0.35),
       **dict.fromkeys("r/\\", 0.39), **dict.fromkeys('sz*"?«»cçJxvyY–', 0.53),
       **dict.fromkeys("0123456789LFkea#$+<=>^~_géèàXSVZEÉATÀ", 0.6),
       **dict.fromkeys("hnou`ôCbdpqPRKB", 0.66), **dict.fromkeys("&DGNUHOQÖ", 0.74),
       **dict.fromkeys("wM—", 0.83), **dict.fromkeys("Wm%œ@…", 0.95)}
_OTHER = 0.8
_SLACK = 1.06  # fonts differ a little between machines; a node too small for dot grows, and is redrawn

STEP = 18.0
"""Points a node's width is rounded up to: a text edit moves a line's width by a few points, rarely a step."""
MARGIN = (8.64, 4.32)
"""Points dot keeps between a label and its node's border, across and down (the nodes' margin="0.12,0.06")."""


def line_width(line: str, size: float) -> float:
    """Points ``line`` takes at font size ``size``, estimated on the generous side.

    >>> round(line_width("aaaaaaaaaa", 10), 1), round(line_width("日本", 10), 1)
    (63.6, 21.2)
    """
    ems = sum(1.0 if is_wide(char) else _EM.get(char, _OTHER) for char in line)
    return ems * size * _SLACK


def node_size(lines: tuple[str, ...], size: float) -> tuple[float, float]:
    """The width and height (inches) to give a node of these caption lines at font size ``size``: at least
    what dot needs for them, the width rounded up to :data:`STEP`, the height set by the number of lines.

    >>> node_size(("A reason",), 11), node_size(("one", "two", "three"), 11)
    ((1.0, 0.5), (0.75, 0.6978))
    """
    widest = max((line_width(line, size) for line in lines), default=0.0) + 2 * MARGIN[0]
    width = max(54.0, -(-widest // STEP) * STEP)  # dot's own least width is 0.75 in
    height = max(36.0, len(lines) * size * 1.2 + 2 * MARGIN[1] + 2)
    return round(width / 72, 4), round(height / 72, 4)
