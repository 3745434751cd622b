"""A map as a Mermaid flowchart (rendered inline by GitHub and many Markdown viewers), written from the View the
diagram draws (argmap.diagram.view): statements as boxes, supports as solid arrows, attacks as dotted ones, the
inferences the diagram draws apart as small junctions, groups as subgraphs, concessions and answers as lines."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from argmap.diagram.view import Node, View, view
from argmap.formats._common import Loss, Written
from argmap.formats._losses import unheld
from argmap.texts import pick_text

if TYPE_CHECKING:
    from argmap.formats._common import Subject

__all__ = ["write", "flowchart", "label"]


_CODES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#38;", "\\": "#92;", "`": "#96;", "_": "#95;",
          "*": "#42;", "[": "#91;", "]": "#93;", "~": "#126;"}
_LIST = re.compile(r"^(\d*)([-+.)])(?= |$)")
_CODED = re.compile("[" + re.escape("".join(_CODES)) + "]")


def label(text: str) -> str:
    """A Mermaid label that shows ``text`` as it is: one line; quotes, angle brackets, ampersands (which Mermaid
    would read as an HTML entity), backslashes (``\\n`` would break the line) and backticks (Markdown) as Mermaid's
    entity codes.

    >>> label('He said "no" <loudly>\\nthen left')
    '"He said #quot;no#quot; #lt;loudly#gt; then left"'
    >>> label("&amp; a\\\\nb `code`")
    '"#38;amp; a#92;nb #96;code#96;"'
    """
    words = _CODED.sub(lambda match: _CODES[match.group()], " ".join(text.split()))
    # Mermaid reads a label as Markdown: a text that starts like a list item keeps its mark as a code
    return '"' + _LIST.sub(lambda match: match.group(1) + f"#{ord(match.group(2))};", words) + '"'


def _title(text: str) -> str:
    """The front matter's title: a YAML double-quoted string of the text on one line (JSON's escapes are YAML's)."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def write(subject: Subject) -> Written:
    amap, graph = subject.amap, subject.graph
    if amap is None or graph is None:
        raise ValueError("Mermaid needs a map, not a framework file")
    lang = subject.lang or amap.languages[0]
    losses = unheld(amap, lang, {"thesis", "evidence", "groups", "labels", "title"}, "Mermaid")
    title = pick_text(amap.title, lang, amap.languages[0]) if amap.title is not None else None
    if title is not None and title != " ".join(title.split()):
        losses.append(Loss("line breaks", "title", "Mermaid's title is one line: its lines and runs of spaces are"
                           " joined with single spaces"))
    return Written(flowchart(view(graph, amap.groups, lang, title or amap.id), title), tuple(losses))


_SHAPES = {"thesis": ("[[", "]]"), "evidence": ("([", "])"), "question": ("{{", "}}")}
_ARROWS = {"support": "-->", "attack": "-.->", "undercut": "-.->", "concede": "-.->", "answer": "==>"}
_COLOURS = {"attack": "#c0392b", "undercut": "#8e44ad", "concede": "#555555", "answer": "#555555"}
"""The line colour of each relation but support (Mermaid's default), as the diagram tells them apart."""


def flowchart(shown: View, title: str | None = None) -> str:
    """The Mermaid flowchart of a View: its statements as boxes (the thesis, evidence and the question shaped
    apart), its junctions as small circles, its groups as subgraphs, and each of its lines with its relation."""
    names = {node.id: f"n{number}" for number, node in enumerate(shown.nodes)}
    out = [f"---\ntitle: {_title(title)}\n---"] if title is not None else []
    out.append("flowchart BT")
    clustered = {member for cluster in shown.clusters for member in cluster.members}
    by_id = {node.id: node for node in shown.nodes}
    out += [_node(names[node.id], node) for node in shown.nodes if node.id not in clustered]
    for cluster in shown.clusters:
        out.append(f"  subgraph g_{names[cluster.members[0]]}[{label(cluster.label)}]")
        out += [_node(names[member], by_id[member]) for member in cluster.members]
        out.append("  end")
    coloured: dict[str, list[int]] = {}
    for number, edge in enumerate(shown.edges):
        line = "---" if edge.part == "premise" else _ARROWS[edge.relation]
        out.append(f"  {names[edge.source]} {line} {names[edge.target]}")
        if edge.part != "premise" and edge.relation in _COLOURS:
            coloured.setdefault(_COLOURS[edge.relation], []).append(number)
    out += [f"  linkStyle {','.join(map(str, numbers))} stroke:{colour}" for colour, numbers in coloured.items()]
    return "\n".join(out) + "\n"


def _node(name: str, node: Node) -> str:
    if node.kind == "junction":
        return f"  {name}(({label(node.text) if node.text else ' '}))"
    opening, closing = _SHAPES.get(node.role or "", ("[", "]"))
    return f"  {name}{opening}{label(node.text)}{closing}"
