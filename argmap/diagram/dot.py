"""View -> DOT source, built with the graphviz package; deterministic, every user text shown as written."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import graphviz

from argmap.diagram.layout import DEFAULT, Layout, alone, host, ranks, rows, stacked, tree_order
from argmap.diagram.legend import legend_label
from argmap.diagram.measure import node_size
from argmap.diagram.view import LARGE, Edge, Node, View, drawable
from argmap.diagram.words import words

__all__ = ["text", "tip", "drawable", "write", "hover", "font_size", "shown_lines", "LARGE", "RANKDIRS"]

# Okabe–Ito, the colour-blind-safe palette; colour only ever doubles a shape or a line style.
BLUE, VERMILLION, PURPLE, GREY = "#0072B2", "#D55E00", "#CC79A7", "#555555"
FILLS = {"thesis": "#F9E79F", "claim": "#D6EAF8", "evidence": "#D5F5E3", "question": "#FFFFFF"}
SHAPES = {"thesis": "box", "claim": "box", "evidence": "note", "question": "box"}
LINES = {"support": (BLUE, "solid"), "attack": (VERMILLION, "dashed"), "undercut": (PURPLE, "dotted"),
         "answer": (GREY, "bold"), "concede": (GREY, "dashed")}
FONT = "Noto Sans CJK JP,Noto Sans,DejaVu Sans,sans-serif"
RANKDIRS = {"auto": "auto", "bottom-up": "BT", "top-down": "TB", "left-right": "LR", "right-left": "RL"}
"""Where the arrows point, towards the conclusions: bottom-up puts the thesis at the top; auto (the default)
chooses per map among bottom-up layouts and left-right ones (:mod:`argmap.diagram.choose`)."""


def text(value: str) -> graphviz.quoting.NoHtml:
    """``value`` as a DOT string that dot draws exactly as written (labels, captions, ids).

    The graphviz package quotes the string and escapes its double quotes, and ``nohtml`` keeps a
    text in angle brackets from being read as an HTML label. What the package leaves to us (its
    ``escape()`` only doubles backslashes): dot reads a string twice over, once for backslash
    escapes (``\\N``, ``\\l``), once for character references (``&lt;``, ``&#1;``); so backslashes are
    doubled and ``&`` becomes ``&amp;``. Runs of whitespace become one space, since dot draws a
    second space as U+00A0 (labels are wrapped beforehand); characters that no SVG can carry are
    replaced visibly (:func:`drawable`).

    >>> graphviz.quoting.quote(text('a "b"  \\\\N <i> &lt;'))
    '"a \\\\"b\\\\" \\\\\\\\N <i> &amp;lt;"'
    """
    return graphviz.nohtml(_prepared(value, "\\\\"))


def tip(value: str) -> graphviz.quoting.NoHtml:
    """``value`` as a DOT tooltip that shows it as written.

    dot undoes one level of backslash escapes in a tooltip before it expands ``\\N``, ``\\G`` or
    ``\\E`` in it, so each backslash is written four times (found with Graphviz 2.43, SVG output).
    """
    return graphviz.nohtml(_prepared(value, "\\\\\\\\"))


def _prepared(value: str, backslash: str) -> str:
    return " ".join(drawable(value).split()).replace("\\", backslash).replace("&", "&amp;")


def shown_lines(lines: tuple[str, ...] | list[str]) -> list[str]:
    """Each caption line as dot draws it (what :func:`_lines` hands it, read back)."""
    return [" ".join(drawable(line).split()) for line in lines]


def _lines(lines: tuple[str, ...] | list[str]) -> graphviz.quoting.NoHtml:
    # Lines are escaped one by one, then joined with DOT's own line break, which no text can forge.
    return graphviz.nohtml("\\n".join(_prepared(line, "\\\\") for line in lines))


def write(shown: View, layout: Layout = DEFAULT, legend: bool = True, dpi: int | None = None,
          sized: bool = False, start: int = 0) -> str:
    """The DOT source that draws ``shown`` as ``layout`` says (arrows point towards conclusions in its
    direction); ``sized``: statement boxes sized by :func:`argmap.diagram.measure.node_size`; ``start``: how
    dot is led into the group boxes (one of :data:`STARTS`, see :func:`_started`)."""
    names = {node.id: f"n{index}" for index, node in enumerate(shown.nodes)}
    dot = graphviz.Digraph("argmap")
    # The order of each rank is set by argmap (layout.rows), so that an edit moves only what it touches;
    # dot's crossing minimisation runs one short pass, which keeps that order.
    settings: dict[str, Any] = {"mclimit": "0.01", "newrank": "true", "ordering": "out"}
    if shown.clusters:
        # dot's last pass over a drawing with group boxes reorders each box's ranks without the lines that pin
        # them (Graphviz 2.43 measures them against the ranks as they stood before the boxes were opened): a
        # box's rows would come out in another order than argmap's, and change with an edit elsewhere.
        settings["remincross"] = "false"
    if shown.large:
        # Large maps: straight edges and bounded network-simplex and crossing-minimisation passes keep
        # dot near-linear; the price is more edge crossings (docs/diagrams.md).
        settings = {"splines": "line", "nslimit": "0.2", "nslimit1": "0.2", "mclimit": "0.05", "remincross": "false",
                    "searchsize": "30"}
    if dpi is not None:
        settings["dpi"] = str(dpi)
    # Lines are drawn under the boxes: a long line that crosses a statement neither hides its text nor takes
    # the click meant for it (the page's drawing in pieces keeps the same order).
    recorded = layout.record(len(shown.nodes)) + (f"; start {start}" if start else "")
    dot.attr("graph", rankdir=layout.rankdir, comment=recorded, compound="true",
             fontname=FONT, fontsize="12", label=text(shown.title), labelloc="t", nodesep="0.3", ranksep="0.2",
             outputorder="edgesfirst",
             tooltip=tip(shown.title if shown.title.strip() else "argmap"), **settings)
    dot.attr("node", fontname=FONT, fontsize="11", margin="0.12,0.06", style="filled", penwidth="1.2")
    dot.attr("edge", fontname=FONT, fontsize="9", penwidth="1.3")
    dot.body.append(f"\t// layout: {layout.describe()}\n")
    by_id = {node.id: node for node in shown.nodes}
    order = tree_order(shown)
    place = {node: index for index, node in enumerate(order)}
    if start and shown.clusters and not shown.large:
        dot.body += _started(shown, names, place, start)
    lined = rows(shown, layout.stagger, layout.lines, layout.rankdir)
    if shown.large:
        # Large maps are not pinned: dot's passes over hundreds of chained rows cost it ten times its time. The rows
        # of statements in no relation are (they save dot time: 10,000 of them in one row cost it 15 s, in rows 1 s).
        block = set(alone(shown))
        lined = tuple((None, kept) for _, members in lined if len(kept := tuple(m for m in members if m in block)) > 1)
    # Nodes are declared in the order that holds the drawing still (dot's first ordering of each rank
    # follows it), then each group's box names its members.
    dot.body += [_node_line(by_id[node], names[node], sized) for node in order]
    for index, cluster in enumerate(shown.clusters):
        with dot.subgraph(name=f"cluster_{index}") as box:
            box.attr("graph", label=text(cluster.label), id=text(f"group-{cluster.id}"), style="rounded,dashed",
                     color=GREY, fontsize="12", tooltip=tip(cluster.label))
            box.body += [f"\t{names[member]}\n" for member in sorted(cluster.members, key=place.__getitem__)]
            box.body += [_row(names, members) for group, members in lined if group == cluster.id]
    # Each rank's order is pinned: its nodes on one rank, chained left to right by invisible lines.
    dot.body += [_row(names, members) for group, members in lined if group is None]
    # The rows of statements in no relation are held one under the other (no line of theirs ranks them).
    dot.body += [f"\t{names[below]} -> {names[above]} [style=invis]\n" for below, above in stacked(shown, layout.rankdir)]
    edges = sorted(shown.edges, key=lambda edge: (place[edge.target], place[edge.source]))
    # A line that closes a cycle (mutual attacks) does not rank its ends, so that dot's ranks are argmap's.
    height = ranks(shown, layout.stagger, layout.lines, layout.rankdir)
    dot.body += [_edge_line(edge, names[edge.source], names[edge.target], height[edge.source] > height[edge.target])
                 for edge in edges]
    if legend and shown.legend:
        _legend(dot, shown, names, layout)
    source: str = dot.source
    return source


STARTS = 4
"""The ways dot can be led into the group boxes (0: as it goes), among which a drawing over an earlier one
takes the one that keeps most of its order (:mod:`argmap.diagram.steady`)."""


def _started(shown: View, names: Mapping[str, str], place: Mapping[str, int], start: int) -> list[str]:
    """Invisible lines from one hidden point to each group box's first statement, in the map's order of
    groups (1: lines that do not rank; 2: lines that do; 3: and from each box to a second hidden point):
    dot meets the boxes in that order when it first orders each rank, which an edit elsewhere does not
    change; where a box sits is still dot's to decide."""
    ranked = "" if start >= 2 else " constraint=false"
    firsts = [names[min(cluster.members, key=place.__getitem__)] for cluster in shown.clusters if cluster.members]
    lines = ['\tstart [id="start" label="" shape=point style=invis width=0 height=0]\n']
    lines += [f"\tstart -> {first} [style=invis{ranked}]\n" for first in firsts]
    if start == 3:
        lines.append('\tend [id="end" label="" shape=point style=invis width=0 height=0]\n')
        lines += [f"\t{first} -> end [style=invis]\n" for first in firsts]
    return lines


def _row(names: Mapping[str, str], members: tuple[str, ...]) -> str:
    chain = " -> ".join(names[member] for member in members)
    return f"\t{{rank=same; {chain} [style=invis]}}\n"


def font_size(node: Node) -> float:
    """The size of a statement's letters: the thesis's are larger."""
    return 13.0 if node.role == "thesis" else 11.0


def hover(node: Node) -> str:
    """A statement's tooltip: its id, then each quote and its source."""
    return " | ".join([node.id] + [f"«{quoted}» ({source})" for quoted, source in node.quotes])


# The DOT line of each node and edge, kept for the next drawing (of a map of up to some 4,000 statements):
# `serve` draws a map again on every save, and quoting every attribute of a 1,000-statement map anew is
# most of writing its DOT.
@lru_cache(maxsize=1 << 13)
def _node_line(node: Node, name: str, sized: bool) -> str:
    scratch = graphviz.Digraph()
    _node(scratch, node, name, sized)
    line: str = scratch.body[-1]
    return line


@lru_cache(maxsize=1 << 13)
def _edge_line(edge: Edge, source: str, target: str, ranked: bool = True) -> str:
    scratch = graphviz.Digraph()
    colour, style = LINES[edge.relation]
    free = {} if ranked else {"constraint": "false"}
    if edge.part == "direct":
        scratch.edge(source, target, id=text(edge.id), color=colour, style=style,
                     tooltip=tip(edge.inference), **({"arrowhead": "odiamond"} if edge.relation == "concede" else {}),
                     **free)
    else:
        scratch.edge(source, target, id=text(edge.id), color=colour, style=style,
                     **({"arrowhead": "none"} if edge.part == "premise" else {}), **free)
    line: str = scratch.body[-1]
    return line


def _node(graph: graphviz.Digraph, node: Node, name: str, sized: bool = False) -> None:
    flagged: dict[str, Any] = {}
    if node.problems:  # drawn anyway (--allow-errors): a thick vermillion border, and the codes in the caption
        flagged = {"color": VERMILLION, "penwidth": "3"}
    if node.kind == "junction":
        if node.caption:
            # A caption is the junction's own label, so that dot keeps it clear of nodes and arrowheads
            # (an xlabel is placed after the layout and may land under them).
            captioned = {"color": GREY, **flagged}  # a problem's border wins over the caption's grey
            graph.node(name, id=text(f"node-{node.id}"), shape="box", style="rounded,filled",
                       label=_lines(node.caption), fillcolor="#EEEEEE", fontsize="9",
                       margin="0.08,0.04", width="0", height="0", tooltip=tip(node.id), **captioned)
        else:
            graph.node(name, id=text(f"node-{node.id}"), shape="circle", width="0.14", height="0.14", fixedsize="true",
                       label="", fillcolor=GREY, tooltip=tip(node.id), **flagged)
        return
    role = node.role or "claim"
    attributes: dict[str, Any] = {"id": text(f"node-{node.id}"), "shape": SHAPES[role], "label": _lines(node.caption),
                                  "fillcolor": FILLS[role], "tooltip": tip(hover(node))}
    if role == "thesis":
        attributes.update(peripheries="2", penwidth="2", fontsize="13")
    if sized:  # at least what dot would make it, so that the text always fits
        width, height = node_size(tuple(shown_lines(node.caption)), font_size(node))
        attributes.update(width=f"{width:g}", height=f"{height:g}")
    if node.missing:  # the text is another language's: grey letters, besides the marker in the caption
        attributes["fontcolor"] = GREY
    attributes.update(flagged)
    styles = ["filled"] + (["rounded"] if role == "claim" else [])
    if node.border:  # a label or an acceptance shows as text and as a border style, never by colour alone
        styles.append(node.border)
    if len(styles) > 1:
        attributes["style"] = ",".join(styles)
    graph.node(name, **attributes)


def _legend(dot: graphviz.Digraph, shown: View, names: Mapping[str, str], layout: Layout) -> None:
    """The legend of the marks ``shown`` uses, in its language: one table, at the end of the narrowest rank."""
    said = words(shown.lang)
    dot.node("legend", id="legend", shape="plaintext", style="", margin="0", fontsize="9",
             label=legend_label(shown), tooltip=tip(said["legend"]))
    beside = host(shown, layout.stagger, layout.lines, layout.rankdir)
    if beside is not None and not shown.large:
        dot.body.append(f"\t{{rank=same; {names[beside]} -> legend [style=invis]}}\n")
