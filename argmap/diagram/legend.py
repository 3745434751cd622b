"""The legend: one compact table (a DOT HTML label) that explains every mark a drawing uses, and only those."""

from __future__ import annotations

from html import escape

from argmap.diagram.view import BORDERS, View
from argmap.diagram.words import words

__all__ = ["legend_label", "PER_ROW", "COLOURS"]

PER_ROW = 4
"""Items on one row of the legend's table."""

COLOURS = {"thesis": "#F9E79F", "claim": "#D6EAF8", "evidence": "#D5F5E3", "junction": "#EEEEEE",
           "support": "#0072B2", "attack": "#D55E00", "undercut": "#CC79A7", "concede": "#555555",
           "answer": "#555555", "problem": "#D55E00", "grey": "#555555"}
# A line's sample: its colour, and its dash drawn in characters (the table holds no real line).
_LINES = {"support": "───▶", "attack": "╌╌╌▶", "undercut": "┈┈┈▶", "concede": "───◇", "answer": "━━━▶"}


def _box(port: str, word: str, colour: str, *, rounded: bool = False, border: int = 1, style: str = "",
         font: str = "") -> str:
    """A small box like the drawing's, its word inside."""
    shape = ' STYLE="rounded"' if rounded else (f' STYLE="{style}"' if style else "")
    text = f'<FONT COLOR="{font}">{escape(word)}</FONT>' if font else escape(word)
    return (f'<TD PORT="{port}" ALIGN="LEFT"><TABLE{shape} BORDER="{border}" CELLBORDER="0" CELLPADDING="1"'
            f' CELLSPACING="0" BGCOLOR="{colour}"><TR><TD>{text}</TD></TR></TABLE></TD>')


def _mark(port: str, sample: str, colour: str, word: str) -> str:
    """A mark drawn in characters (a line, the junction dot), then its word."""
    return f'<TD PORT="{port}" ALIGN="LEFT"><FONT COLOR="{colour}">{sample}</FONT> {escape(word)}</TD>'


def _items(shown: View) -> list[str]:
    said = words(shown.lang)
    used = set(shown.legend)
    cells = []
    if "thesis" in used:
        cells.append(_box("legend_thesis", said["thesis"], COLOURS["thesis"], border=2))
    for role in ("claim", "evidence"):
        if role in used:
            cells.append(_box(f"legend_{role}", said[role], COLOURS[role], rounded=role == "claim"))
    if "junction" in used:
        junctions = [node for node in shown.nodes if node.kind == "junction"]
        if any(not node.caption for node in junctions):
            # The dot joins linked premises, and stands for a one-premise inference that something undercuts.
            single = _single_premise(shown)
            cells.append(_mark("legend_junction", "●", COLOURS["grey"], said["inference" if single else "junction"]))
        if any(node.caption for node in junctions):
            cells.append(_box("legend_junction_label", said["junction"], COLOURS["junction"], rounded=True))
    for relation in ("support", "attack", "undercut", "concede", "answer"):
        if relation in used:
            cells.append(_mark(f"legend_{relation}", _LINES[relation], COLOURS[relation], said[relation]))
    for word in shown.words:
        cells.append(_box(f"legend_eval_{word.lower()}", word, "#FFFFFF", border=3 if BORDERS[word] == "bold" else 1,
                          style="" if BORDERS[word] == "bold" else BORDERS[word]))
    if "missing" in used:
        cells.append(_box("legend_missing", f"({said['missing']} · …)", "#FFFFFF", rounded=True, font=COLOURS["grey"]))
    if "cut" in used:
        cells.append(_box("legend_cut", f"… +N: {said['cut']}", "#FFFFFF", rounded=True))
    if "problem" in used:
        cells.append(_box("legend_problem", f"⚠ {said['problem']}", "#FFFFFF", border=3))
    return cells


def _single_premise(shown: View) -> bool:
    """Whether a junction dot of ``shown`` stands for a one-premise inference (one that is undercut)."""
    count: dict[str, int] = {}
    for edge in shown.edges:
        if edge.part == "premise":
            count[edge.target] = count.get(edge.target, 0) + 1
    return any(count.get(node.id, 0) == 1 for node in shown.nodes if node.kind == "junction" and not node.caption)


def legend_label(shown: View) -> str:
    """The legend of ``shown`` as a DOT HTML label: its caption, then its items, :data:`PER_ROW` a row."""
    cells = _items(shown)
    rows = ["<TR>" + "".join(cells[start:start + PER_ROW]) + "</TR>" for start in range(0, len(cells), PER_ROW)]
    caption = f'<TR><TD ALIGN="LEFT" COLSPAN="{min(PER_ROW, len(cells)) or 1}"><B>{escape(words(shown.lang)["legend"])}</B></TD></TR>'
    return (f'<<TABLE BORDER="1" COLOR="#999999" STYLE="rounded" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
            f'{caption}{"".join(rows)}</TABLE>>')
