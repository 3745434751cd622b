"""Layout decisions made before dot runs: the direction, the ranks (a statement's evidence gathered
under it, a long row wrapped), and the order along each rank that keeps a drawing still across edits."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from argmap.diagram.measure import node_size
from argmap.diagram.view import View
from argmap.diagram.wrap import COLUMNS

__all__ = ["Layout", "DEFAULT", "COLUMNS", "tree_order", "ranks", "rows", "host", "recorded", "alone", "stacked"]


@dataclass(frozen=True)
class Layout:
    """How a view is laid out: where arrows point (dot's rankdir), and over how many ranks the
    statements that nothing argues for are spread under what they argue for (1: one row)."""

    rankdir: str = "BT"
    stagger: int = 1
    lines: int = 1
    """The separate parts of the map (arguments that share no statement) are laid side by side on this
    many lines, one under the other, as words wrap on a page."""
    columns: int = COLUMNS
    """The width statements' texts are wrapped to, in display columns (a wide character counts two)."""

    def describe(self) -> str:
        """The layout in a reader's words (the DOT comment, the benchmark)."""
        rows = f", evidence in {self.stagger} rows" if self.stagger > 1 else ""
        lines = f", parts on {self.lines} lines" if self.lines > 1 else ""
        columns = f", texts {self.columns} wide" if self.columns != COLUMNS else ""
        return f"{self.rankdir}{rows}{lines}{columns}"

    def record(self, nodes: int) -> str:
        """The layout as a drawing records it (a comment of its SVG or DOT), with the number of nodes it was
        chosen for: what :func:`recorded` reads back, so that the next drawing can keep it."""
        columns = f" {self.columns}" if self.columns != COLUMNS else ""
        return f"argmap layout: {self.rankdir} {self.stagger} {self.lines}{columns}; {nodes} nodes"


DEFAULT = Layout()
_RECORD = re.compile(rb"argmap layout: (BT|TB|LR|RL) ([1-9]) ([1-9])(?: ([1-9][0-9]))?; ([0-9]{1,9}) nodes")
_HEAD = 1 << 16
"""Bytes of a drawing searched for its record (an SVG's comment comes before the drawing, a DOT's on its
first line)."""


def recorded(drawing: bytes) -> tuple[Layout, int] | None:
    """The layout a drawing of argmap's records, and the number of nodes it was chosen for (None: another
    program's file, or a drawing made before layouts were recorded).

    >>> recorded(Layout("LR", 1, 2, 40).record(40).encode())
    (Layout(rankdir='LR', stagger=1, lines=2, columns=40), 40)
    >>> recorded(b"<!-- argmap layout: BT 1 1; 9 nodes -->")
    (Layout(rankdir='BT', stagger=1, lines=1, columns=28), 9)
    >>> recorded(b"<svg/>") is None
    True
    """
    found = _RECORD.search(drawing[:_HEAD])
    if found is None:
        return None
    return Layout(found[1].decode(), int(found[2]), int(found[3]), int(found[4] or COLUMNS)), int(found[5])
STAGGERED = 3
"""A statement's leaves are spread over several ranks only when it has at least this many."""
ALONE = 4
"""Statements outside every group that argue for nothing and that nothing argues for are set in a block of rows
(a grid) when there are at least this many of them, instead of one long row. (Those of a group stay in its box's
row: dot places the boxes, and rows of theirs would move them at every edit.)"""


def alone(shown: View) -> list[str]:
    """The statements outside every group in no relation, in file order (a map's notes, an imported text's
    paragraphs that are no argument), when there are at least :data:`ALONE` of them."""
    related = {end for edge in shown.edges for end in (edge.source, edge.target)}
    boxed = {member for cluster in shown.clusters for member in cluster.members}
    found = [node.id for node in shown.nodes
             if node.kind == "statement" and node.id not in related and node.id not in boxed]
    return found if len(found) >= ALONE else []


BACKWARDS = ("TB",)
"""The directions that draw rank 0 at the bottom (the thesis below its reasons). (Left to right, rank 0 is on the
right, and the rows of statements in no relation are columns read from the right: numbered from the left, they
would all move to another column whenever a statement joins or leaves them.)"""


def _across(shown: View, block: list[str]) -> int:
    """How many statements in no relation a row of their block holds: as many as make the block about as wide,
    for the height of its rows, as a screen (16:9), so that short texts (wide, low boxes) take fewer a row.
    (Arrows pointing across, a row is a column, drawn under the argument's columns: a low band under it.)"""
    if not block:
        return 1
    by_id = {node.id: node for node in shown.nodes}
    sizes = [node_size(by_id[node].caption, 11) for node in block]
    wide = sum(width for width, _ in sizes) / len(sizes) + 0.3  # nodesep
    high = sum(height for _, height in sizes) / len(sizes) + 0.2  # ranksep
    return max(2, math.floor(math.sqrt(len(block) * 16 / 9 * high / wide)))


def _gridded(shown: View, block: list[str], rank: dict[str, int], rankdir: str = "BT") -> None:
    """Set the statements in no relation in rows of :func:`_across`, in file order, as words fill lines: an
    added or removed one moves only those after it. The first row is drawn on top whichever way up the thesis is:
    in the directions of :data:`BACKWARDS`, the rows are filled from the last statement back (the first row the
    one left short), so that an added or removed one moves only those before it, not every row."""
    across = _across(shown, block)
    for index, node in enumerate(block):
        rank[node] = (len(block) - 1 - index) // across if rankdir in BACKWARDS else index // across


def stacked(shown: View, rankdir: str = "BT") -> list[tuple[str, str]]:
    """(the first statement of a row, the first of the row before it) in the block of statements in no relation,
    the one of higher rank first: lines that hold its rows one after the other, as no relation of theirs does."""
    block = alone(shown)
    across = _across(shown, block)
    pairs = [(block[index], block[index - across]) for index in range(across, len(block), across)]
    return [(before, after) for after, before in pairs] if rankdir in BACKWARDS else pairs


def tree_order(shown: View) -> tuple[str, ...]:
    """Every node id of ``shown``, each right after the node it argues for, siblings in file order.

    A node hangs under its first conclusion (the target of its first line, in file order); nodes that
    argue for nothing are roots, in file order. The order is a depth-first walk of that tree, which an
    edit changes only where it happens: an added statement is inserted beside its siblings, a removed
    one leaves the others in place. Cycles (mutual attacks) are cut where the walk meets them again.
    """
    index = {node.id: place for place, node in enumerate(shown.nodes)}
    parent: dict[str, str] = {}
    for edge in shown.edges:
        if edge.source in index and edge.target in index and edge.source != edge.target:
            parent.setdefault(edge.source, edge.target)
    children: dict[str, list[str]] = {}
    for node in shown.nodes:
        if node.id in parent:
            children.setdefault(parent[node.id], []).append(node.id)
    roots = [node.id for node in shown.nodes if node.id not in parent]
    order: list[str] = []
    seen: set[str] = set()
    # The nodes of a cycle have a parent each and so no root: they are started from in file order.
    for start in (*roots, *(node.id for node in shown.nodes)):
        if start in seen:
            continue
        stack = [start]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            order.append(current)
            stack.extend(reversed(children.get(current, [])))
    return tuple(order)


def ranks(shown: View, stagger: int = 1, lines: int = 1, rankdir: str = "BT") -> dict[str, int]:
    """Each node's rank, counted from the nodes that argue for nothing (0): one more than its lowest
    conclusion's, so that every line runs from a lower rank to a higher one and a node sits right
    under what it argues for. A line that closes a cycle is left out of the count.

    ``stagger`` > 1 gathers a statement's leaves (the statements nothing argues for, three or more
    under one statement) over that many ranks, in turn in file order, instead of one wide row: what
    Graphviz's ``unflatten -l`` does, here in an order that an edit does not reshuffle. ``rankdir``: the way the
    arrows point, which sets the order of the rows of statements in no relation (:func:`_gridded`).
    """
    targets: dict[str, list[str]] = {}
    known = {node.id for node in shown.nodes}
    for edge in shown.edges:
        if edge.source in known and edge.target in known and edge.source != edge.target:
            targets.setdefault(edge.source, []).append(edge.target)
    rank: dict[str, int] = {}
    for start in tree_order(shown):
        if start in rank:
            continue
        # Depth-first, without recursion: a node's rank is known once its conclusions' are.
        stack: list[tuple[str, int]] = [(start, 0)]
        open_: set[str] = {start}
        while stack:
            node, next_target = stack[-1]
            above = targets.get(node, [])
            if next_target < len(above):
                stack[-1] = (node, next_target + 1)
                target = above[next_target]
                if target not in rank and target not in open_:
                    open_.add(target)
                    stack.append((target, 0))
                continue
            stack.pop()
            open_.discard(node)
            rank[node] = 1 + max((rank[t] for t in above if t in rank), default=-1)
    if stagger > 1:
        for node, step in _staggered(shown, targets, stagger).items():
            rank[node] += step
    block = alone(shown)
    _gridded(shown, block, rank, rankdir)
    if lines > 1:
        _wrap(shown, rank, lines, block)
    return rank


def _wrap(shown: View, rank: dict[str, int], lines: int, block: list[str]) -> None:
    """Move the map's separate parts onto ``lines`` lines of about equal width, in file order: each line's
    ranks start under the deepest rank of the line above. A block of statements in no relation is one part."""
    part: dict[str, str] = {node.id: node.id for node in shown.nodes}

    def find(node: str) -> str:
        while part[node] != node:
            part[node] = part[part[node]]
            node = part[node]
        return node

    for edge in shown.edges:
        if edge.source in part and edge.target in part:
            part[find(edge.source)] = find(edge.target)
    for other in block[1:]:
        part[find(other)] = find(block[0])
    by_id = {node.id: node for node in shown.nodes}
    members: dict[str, list[str]] = {}
    for node in tree_order(shown):
        members.setdefault(find(node), []).append(node)
    widths = {}
    for root, nodes in members.items():
        row: dict[int, float] = {}
        for node in nodes:
            caption = by_id[node].caption if by_id[node].kind == "statement" else ()
            row[rank[node]] = row.get(rank[node], 0.0) + (node_size(caption, 11)[0] if caption else 0.2) + 0.3
        widths[root] = max(row.values())
    target = sum(widths.values()) / lines
    line, used, offset, deepest = 0, 0.0, 0, 0
    for root, nodes in members.items():
        if used > 0 and used + widths[root] / 2 > target and line < lines - 1:
            line, used, offset = line + 1, 0.0, deepest + 1
        used += widths[root]
        for node in nodes:
            rank[node] += offset
            deepest = max(deepest, rank[node])


def _staggered(shown: View, targets: dict[str, list[str]], stagger: int) -> dict[str, int]:
    """The ranks each staggered leaf moves down: its turn among its parent's leaves, modulo ``stagger``."""
    argued = {edge.target for edge in shown.edges}
    junctions = {node.id for node in shown.nodes if node.kind == "junction"}
    leaves: dict[str, list[str]] = {}
    for node in shown.nodes:
        parent = targets.get(node.id, [None])[0]
        if node.id not in argued and node.kind == "statement" and parent is not None and parent not in junctions:
            leaves.setdefault(parent, []).append(node.id)
    return {leaf: turn % stagger for group in leaves.values() if len(group) >= STAGGERED
            for turn, leaf in enumerate(group)}


def rows(shown: View, stagger: int = 1, lines: int = 1,
         rankdir: str = "BT") -> tuple[tuple[str | None, tuple[str, ...]], ...]:
    """The nodes of each rank in the order they are drawn along it, split by group box (None: outside
    every box): (group id, node ids) for each rank and box that holds two nodes or more. The statements in no
    relation (:func:`alone`) stand together after the rest of each rank, in file order: one block beside the
    argument, however the file interleaves them with it."""
    boxed = {member: cluster.id for cluster in shown.clusters for member in cluster.members}
    rank = ranks(shown, stagger, lines, rankdir)
    order, block = tree_order(shown), set(alone(shown))
    together, rest = [node for node in order if node in block], [node for node in order if node not in block]
    found: dict[tuple[int, str | None], list[str]] = {}
    for node in rest + together:
        found.setdefault((rank[node], boxed.get(node)), []).append(node)
    return tuple((box, tuple(members)) for (_, box), members in sorted(found.items(), key=lambda item: item[0][0])
                 if len(members) > 1)


def host(shown: View, stagger: int = 1, lines: int = 1, rankdir: str = "BT") -> str | None:
    """The node the legend is drawn beside: the last one of the narrowest rank outside every group box
    (the deepest, of equally narrow ones), so that the legend widens the drawing as little as it can.
    A rank that a line runs across (from a rank below it to one above) is passed over while another is
    left, so that no line has to bend round the legend."""
    boxed = {member for cluster in shown.clusters for member in cluster.members}
    rank = ranks(shown, stagger, lines, rankdir)
    crossed = {level for edge in shown.edges if edge.source in rank and edge.target in rank
               for level in range(min(rank[edge.source], rank[edge.target]) + 1,
                                  max(rank[edge.source], rank[edge.target]))}
    width: dict[int, float] = {}
    last: dict[int, str] = {}
    by_id = {node.id: node for node in shown.nodes}
    for node in tree_order(shown):
        if node in boxed:
            continue
        caption = by_id[node].caption if by_id[node].kind == "statement" else ()
        width[rank[node]] = width.get(rank[node], 0.0) + (node_size(caption, 11)[0] if caption else 0.2)
        last[rank[node]] = node
    if not width:
        return None
    return last[min(width, key=lambda level: (level in crossed, width[level], -level))]
