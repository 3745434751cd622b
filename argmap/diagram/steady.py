"""A drawing over an earlier one keeps its order: of the ways dot can be led into the group boxes, the one
whose drawing keeps most of the earlier drawing's order along each rank."""

from __future__ import annotations

import functools
import io
import os
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from itertools import combinations

from argmap import interrupts
from argmap.diagram.dot import STARTS, write
from argmap.diagram.graphviz_run import GraphvizFailed, GraphvizMissing, run_dot
from argmap.diagram.layout import Layout
from argmap.diagram.view import View

__all__ = ["placed", "started", "kept_pairs", "steadiest"]

Places = Mapping[str, tuple[float, float]]
"""Node id -> the centre of its box (x to the right, y down)."""

_NUMBER = r"(-?[0-9]{1,12}(?:\.[0-9]{1,12})?)"
_PAIR = re.compile(rf"(?<![0-9.]){_NUMBER},{_NUMBER}(?![0-9.])")
"""A point of a polygon or a path as dot writes it: bounded numbers, never begun inside another, so that reading
an earlier drawing stays linear in its size whatever it holds."""
_START = re.compile(rb"argmap layout: [^;]*; [0-9]+ nodes; start ([0-9])")
LIMIT = 1 << 25
"""The most of an earlier drawing read for its places (32 MiB)."""
_SVG = "{http://www.w3.org/2000/svg}"


def placed(svg: bytes) -> dict[str, tuple[float, float]]:
    """The centre of each statement's and junction's box in an SVG drawn by argmap, by node id: of a drawing cut
    short, the boxes it holds; of a file that is not XML (another program's), none, and it is drawn afresh."""
    found: dict[str, tuple[float, float]] = {}
    node: str | None = None
    xs: list[float] = []
    ys: list[float] = []
    try:
        # Streamed, each element emptied once read: memory stays small on a drawing of 10,000 statements. expat
        # expands no external entity and bounds the growth of internal ones.
        for event, element in ET.iterparse(io.BytesIO(svg[:LIMIT]), events=("start", "end")):
            tag = element.tag.removeprefix(_SVG)
            if event == "start":
                if tag == "g" and element.get("class") == "node" and element.get("id", "").startswith("node-"):
                    node, xs, ys = element.get("id", "")[5:], [], []
                elif node is not None and tag in ("polygon", "polyline", "path"):
                    for x, y in _PAIR.findall(element.get("points") or element.get("d") or ""):
                        xs.append(float(x))
                        ys.append(float(y))
                elif node is not None and tag == "ellipse":
                    for x, y in _PAIR.findall(f"{element.get('cx')},{element.get('cy')}"):
                        xs.append(float(x))
                        ys.append(float(y))
                continue
            if tag == "g" and node is not None and element.get("id", "") == "node-" + node:
                if xs:
                    found[node] = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
                node = None
            element.clear()
    except ET.ParseError:  # the end of what can be read: a box begun there counts as far as it goes
        if node is not None and xs:
            found[node] = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return found


def started(drawing: bytes) -> int:
    """The way into the group boxes that an earlier drawing of argmap's records (0: dot's own)."""
    found = _START.search(drawing[:1 << 16])
    return int(found[1]) if found is not None and int(found[1]) < STARTS else 0


def kept_pairs(before: Places, after: Places, across: bool) -> tuple[int, int]:
    """Of the pairs of nodes on one rank in both drawings, how many keep their order along it: (kept, pairs).
    ``across``: ranks are columns (a left-right drawing)."""
    rank, along = (0, 1) if across else (1, 0)
    rows: dict[tuple[int, int], list[str]] = {}
    for node in sorted(set(before) & set(after)):
        rows.setdefault((round(before[node][rank]), round(after[node][rank])), []).append(node)
    kept = pairs = 0
    for members in rows.values():
        for first, second in combinations(members, 2):
            pairs += 1
            kept += (before[first][along] < before[second][along]) == (after[first][along] < after[second][along])
    return kept, pairs


def _plain(shown: View, source: str, timeout: float, cancel: threading.Event | None = None) -> dict[str, tuple[float, float]]:
    """The centre of each node of dot's drawing of ``source`` (in points, y down), by node id."""
    names = {f"n{index}": node.id for index, node in enumerate(shown.nodes)}
    found = {}
    for line in run_dot(source, "plain", timeout, cancel=cancel).decode("utf-8", "replace").splitlines():
        parts = line.split(" ", 4)
        if parts[0] == "node" and parts[1] in names:
            found[names[parts[1]]] = (float(parts[2]) * 72, -float(parts[3]) * 72)
    return found


def steadiest(shown: View, layout: Layout, before: Places, legend: bool = True, timeout: float = 120.0,
              earlier: int = 0) -> int:
    """The way into the group boxes (see :func:`argmap.diagram.dot.write`) whose drawing of ``shown`` keeps
    most of the order of the earlier drawing whose places are ``before``: on a tie the earlier drawing's way
    (``earlier``), then dot's own (0), which is also kept for a map without group boxes or when dot fails."""
    if not before or not shown.clusters or shown.large:
        return 0
    sources = [write(shown, layout, legend, start=start) for start in range(STARTS)]
    tasks = [functools.partial(_plain, shown, source, timeout) for source in sources]
    try:
        drawn = interrupts.pooled(tasks, os.cpu_count() or 1)
    except (GraphvizMissing, GraphvizFailed, ValueError):
        return 0
    across = layout.rankdir in ("LR", "RL")
    shares = []
    for places in drawn:
        kept, pairs = kept_pairs(before, places, across)
        shares.append(kept / pairs if pairs else 1.0)
    return max(range(STARTS), key=lambda start: (shares[start], start == earlier, -start))
