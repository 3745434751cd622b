"""Graph -> DOT source: pure string building, deterministic, every user text escaped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import networkx as nx

from argmap.diagram.wrap import wrap
from argmap.schema import UNSHOWABLE
from argmap.texts import pick_text

__all__ = ["Style", "quote", "tooltip", "drawable", "to_dot", "pick_text", "LARGE"]

LARGE = 500
"""Above this many nodes, layout settings that keep dot near-linear are applied (docs/diagrams.md)."""

# Okabe–Ito, the colour-blind-safe palette; colour only ever doubles a shape or a line style.
BLUE, VERMILLION, PURPLE, GREY = "#0072B2", "#D55E00", "#CC79A7", "#555555"
FILLS = {"thesis": "#F9E79F", "claim": "#D6EAF8", "evidence": "#D5F5E3"}
SHAPES = {"thesis": "box", "claim": "box", "evidence": "note"}
FONT = "Noto Sans CJK JP,Noto Sans,DejaVu Sans,sans-serif"


@dataclass(frozen=True)
class Style:
    """What a diagram shows: the language, optional evaluation labels, the line width."""

    lang: str | None = None
    annotations: Mapping[str, str] = field(default_factory=dict)
    columns: int = 28
    legend: bool = True


def quote(value: str) -> str:
    """A DOT double-quoted string that shows ``value`` as text, whatever it holds (labels and ids).

    Graphviz reads such a string twice over: backslash escapes (``\\N``, ``\\l``, ``\\n``), so
    backslashes are doubled and quotes escaped; and character references (``&lt;``, ``&#1;``), so
    ``&`` becomes ``&amp;``. Runs of whitespace (line breaks too) become one space, since dot would
    draw a second space as U+00A0 (labels are wrapped by :func:`wrap`); characters that no SVG file
    can carry are replaced by visible stand-ins (:func:`drawable`).

    >>> quote('a "b"  \\\\N <i> &lt;')
    '"a \\\\"b\\\\" \\\\\\\\N <i> &amp;lt;"'
    """
    return _quoted(value, "\\\\")


def tooltip(value: str) -> str:
    """A DOT double-quoted tooltip that shows ``value`` as text.

    dot undoes one level of backslash escapes in a tooltip before it expands ``\\N``, ``\\G`` or
    ``\\E`` in it, so each backslash is written four times (found with Graphviz 2.43, SVG output).
    """
    return _quoted(value, "\\\\\\\\")


def _quoted(value: str, backslash: str) -> str:
    value = " ".join(drawable(value).split())
    return '"' + value.replace("\\", backslash).replace('"', '\\"').replace("&", "&amp;") + '"'


def drawable(text: str) -> str:
    """``text`` with every character that XML 1.0 (and so SVG) cannot carry replaced visibly.

    The schema refuses such characters in a map; this keeps the drawing well-formed whatever reaches it.

    >>> drawable("a\\x00b\\x1bc\\uffffd") == "a\\u2400b\\u241bc\\ufffdd"
    True
    """
    # A control is drawn as its Unicode control picture (U+2400 + code), the others as U+FFFD.
    return UNSHOWABLE.sub(lambda m: chr(0x2400 + ord(m[0])) if m[0] < " " else "\ufffd", text)


def _label(lines: list[str]) -> str:
    # Lines are quoted one by one, then joined with DOT's own line break, which quoting cannot forge.
    return '"' + "\\n".join(quote(line)[1:-1] for line in lines) + '"'


def _svg_id(*parts: str) -> str:
    return quote("-".join(parts))


def to_dot(graph: nx.DiGraph, groups: Mapping[str, object], style: Style, title: str = "") -> str:
    """The diagram of ``graph`` (whole, or a subgraph of it) as DOT source."""
    default = (graph.graph.get("languages") or ("en",))[0]
    lang = style.lang or default
    names = {node: f"n{index}" for index, node in enumerate(graph)}
    undercut = {t for n, data in graph.nodes(data=True) if data["kind"] == "inference"
                and data["relation"] == "attack" for t in graph.successors(n) if graph.nodes[t]["kind"] == "inference"}
    # A one-premise inference is a plain arrow, unless something attacks it: then it needs a node.
    junctions = {n for n, data in graph.nodes(data=True) if data["kind"] == "inference"
                 and (data["explicit"] or n in undercut or len(_premises(graph, n)) != 1)}
    large = graph.number_of_nodes() > LARGE
    out = [
        "digraph argmap {",
        f"  graph [rankdir=BT, compound=true, fontname={quote(FONT)}, fontsize=12,"
        f" label={quote(title)}, labelloc=t, nodesep=0.3, ranksep=0.45,"
        f" tooltip={tooltip(title if title.strip() else 'argmap')}"
        # Large maps: straight edges and bounded network-simplex and crossing-minimisation passes
        # keep dot near-linear; the price is more edge crossings (docs/diagrams.md).
        + (", splines=line, nslimit=0.2, nslimit1=0.2, mclimit=0.05, remincross=false, searchsize=30" if large else "")
        + "];",
        f"  node [fontname={quote(FONT)}, fontsize=11, margin=\"0.12,0.06\", style=\"filled\", penwidth=1.2];",
        f"  edge [fontname={quote(FONT)}, fontsize=9, penwidth=1.3];",
    ]
    members: dict[str, list[str]] = {}
    for node, data in graph.nodes(data=True):
        if data.get("group") and data["group"] in groups and (data["kind"] == "statement" or node in junctions):
            members.setdefault(data["group"], []).append(node)
    placed = {node for nodes in members.values() for node in nodes}
    for index, (group, nodes) in enumerate(members.items()):
        label = pick_text(getattr(groups[group], "label", group), lang, default)
        out.append(f"  subgraph cluster_{index} {{")
        out.append(f"    graph [label={quote(label)}, id={_svg_id('group', group)}, style=\"rounded,dashed\","
                   f" color={quote(GREY)}, fontsize=12];")
        out += ["    " + _node(node, graph.nodes[node], names, style, lang, default) for node in nodes]
        out.append("  }")
    for node, data in graph.nodes(data=True):
        if node not in placed and (data["kind"] == "statement" or node in junctions):
            out.append("  " + _node(node, data, names, style, lang, default))
    for node, data in graph.nodes(data=True):
        if data["kind"] != "inference":
            continue
        colour, line = _relation_style(graph, node, data)
        premises = _premises(graph, node)
        for target in graph.successors(node):
            if node in junctions:
                for premise in premises:
                    out.append(f"  {names[premise]} -> {names[node]} [id={_svg_id('edge', premise, node)},"
                               f" color={quote(colour)}, style={line}, arrowhead=none];")
                out.append(f"  {names[node]} -> {names[target]} [id={_svg_id('edge', node, target)},"
                           f" color={quote(colour)}, style={line}];")
            else:
                for premise in premises:
                    out.append(f"  {names[premise]} -> {names[target]} [id={_svg_id('edge', node)},"
                               f" color={quote(colour)}, style={line}, tooltip={tooltip(node)}];")
    if style.legend:
        out += _legend(style.annotations)
    out.append("}")
    return "\n".join(out) + "\n"


def _premises(graph: nx.DiGraph, inference: str) -> list[str]:
    return [p for p in graph.predecessors(inference) if graph.edges[p, inference]["kind"] == "premise"]


def _relation_style(graph: nx.DiGraph, node: str, data: dict) -> tuple[str, str]:
    if data["relation"] == "support":
        return BLUE, "solid"
    target = next(iter(graph.successors(node)), None)
    if target is not None and graph.nodes[target]["kind"] == "inference":
        return PURPLE, "dotted"  # an undercut attacks the inference, not its conclusion
    return VERMILLION, "dashed"


BORDERS = {"IN": "bold", "OUT": "dashed", "UNDEC": "dotted", "ACCEPTED": "bold", "REJECTED": "dashed",
           "CREDULOUS": "dotted"}


def _node(node: str, data: dict, names: dict, style: Style, lang: str, default: str) -> str:
    name = names[node]
    note = style.annotations.get(node)
    if data["kind"] == "inference":
        label = drawable(pick_text(data.get("label"), lang, default))
        attributes = [f"id={_svg_id('node', node)}", "shape=circle", "width=0.14", "height=0.14", "fixedsize=true",
                      "label=\"\"", f"fillcolor={quote(GREY)}", f"tooltip={tooltip(node)}"]
        caption = [*wrap(label, 18)] if label else []
        if note:
            caption.append(f"[{note}]")
        if caption:
            attributes.append(f"xlabel={_label(caption)}")
        return f"{name} [{', '.join(attributes)}];"
    role = data["role"]
    lines = wrap(drawable(pick_text(data.get("text"), lang, default)), style.columns)
    if note:
        lines.append(f"[{note}]")
    hover = [node] + [f"«{q.text}» ({q.source})" for q in data.get("quotes", ())]
    attributes = [
        f"id={_svg_id('node', node)}",
        f"shape={SHAPES[role]}",
        f"label={_label(lines)}",
        f"fillcolor={quote(FILLS[role])}",
        f"tooltip={tooltip(' | '.join(hover))}",
    ]
    if role == "thesis":
        attributes += ["peripheries=2", "penwidth=2", "fontsize=13"]
    styles = ["filled"] + (["rounded"] if role == "claim" else [])
    border = BORDERS.get(note or "")
    if border:  # a label or an acceptance shows as text and as a border style, never by colour alone
        styles.append(border)
    if len(styles) > 1:
        attributes.append(f"style={quote(','.join(styles))}")
    return f"{name} [{', '.join(attributes)}];"


def _legend(annotations: Mapping[str, str]) -> list[str]:
    shown = set(annotations.values())
    # The evaluation's words, each drawn with the border style it gives a node.
    words = [word for word in BORDERS if word in shown]
    evaluation = [f"    legend_eval_{word.lower()} [label=\"{word}\", shape=box, style=\"filled,{BORDERS[word]}\","
                  f" fillcolor=\"#ffffff\"];" for word in words]
    return [
        "  subgraph cluster_legend {",
        "    graph [label=\"Legend\", id=\"legend\", style=\"rounded\", color=\"#999999\", fontsize=10];",
        "    node [fontsize=9, width=0, height=0, margin=\"0.06,0.03\"];",
        f"    legend_thesis [label=\"thesis\", shape=box, peripheries=2, penwidth=2, fillcolor={quote(FILLS['thesis'])}];",
        f"    legend_claim [label=\"claim\", shape=box, style=\"filled,rounded\", fillcolor={quote(FILLS['claim'])}];",
        f"    legend_evidence [label=\"evidence\", shape=note, fillcolor={quote(FILLS['evidence'])}];",
        f"    legend_junction [label=\"\", shape=circle, width=0.14, height=0.14, fixedsize=true, fillcolor={quote(GREY)},"
        " xlabel=\"linked premises\"];",
        f"    legend_evidence -> legend_claim [label=\"supports\", color={quote(BLUE)}, style=solid];",
        f"    legend_claim -> legend_thesis [label=\"attacks\", color={quote(VERMILLION)}, style=dashed];",
        f"    legend_thesis -> legend_junction [label=\"undercuts\", color={quote(PURPLE)}, style=dotted];",
        *evaluation,
        *[f"    legend_eval_{a.lower()} -> legend_eval_{b.lower()} [style=invis];" for a, b in zip(words, words[1:])],
        "  }",
    ]
