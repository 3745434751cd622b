"""A map as a Mermaid flowchart (rendered inline by GitHub and many Markdown viewers): statements as boxes,
supports as solid arrows, attacks as dotted ones, linked and undercut inferences as small junctions."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from argmap.formats._common import Written
from argmap.formats._losses import unheld
from argmap.graph import conclusion, premises
from argmap.graph import junctions as drawn_apart
from argmap.texts import pick_text

if TYPE_CHECKING:
    from argmap.formats._common import Subject

__all__ = ["write", "label"]


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
    lang, default = subject.lang, amap.languages[0]
    losses = unheld(amap, lang, {"thesis", "evidence", "groups", "labels", "title"}, "Mermaid")
    names = {node: f"n{number}" for number, node in enumerate(graph.nodes)}
    out = ["flowchart BT"]
    if amap.title is not None:
        out.insert(0, f"---\ntitle: {_title(pick_text(amap.title, lang, default))}\n---")
    apart = drawn_apart(graph)  # the rule the diagram follows: declared, linked or attacked inferences
    junctions = [node for node in graph if node in apart]  # in the map's order
    for group in [None, *amap.groups]:
        members = [sid for sid, statement in amap.statements.items() if statement.group == group]
        if not members:
            continue
        if group is not None:
            out.append(f"  subgraph g_{names[members[0]]}[{label(pick_text(amap.groups[group].label, lang, default))}]")
        for sid in members:
            statement = amap.statements[sid]
            shape = ("[[", "]]") if statement.role == "thesis" else ("([", "])") if statement.role == "evidence" else (
                "[", "]")
            out.append(f"  {names[sid]}{shape[0]}{label(pick_text(statement.text, lang, default))}{shape[1]}")
        if group is not None:
            out.append("  end")
    styles: list[int] = []
    edges: list[str] = []
    for node in junctions:
        data = graph.nodes[node]
        words = pick_text(data.get("label"), lang, default)
        out.append(f"  {names[node]}(({label(words) if words else ' '}))")
    for node, data in graph.nodes(data=True):
        if data["kind"] != "inference":
            continue
        arrow = "-->" if data["relation"] == "support" else "-.->"
        target = conclusion(graph, node)
        if target is None:
            continue
        if node in apart:
            edges += [f"  {names[premise]} --- {names[node]}" for premise in premises(graph, node)]
            edges.append(f"  {names[node]} {arrow} {names[target]}")
        else:
            edges.append(f"  {names[premises(graph, node)[0]]} {arrow} {names[target]}")
        if data["relation"] == "attack":
            styles.append(len(edges) - 1)
    out += edges
    if styles:
        out.append(f"  linkStyle {','.join(map(str, styles))} stroke:#c0392b")
    return Written("\n".join(out) + "\n", tuple(losses))
