"""A map as GraphML, for yEd and draw.io: statements and inferences as nodes with their texts (plain GraphML data
and yEd's shapes), premise and conclusion edges; to look at and lay out, not to read back."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from argmap.formats._common import Written
from argmap.formats._losses import unheld
from argmap.texts import pick_text

if TYPE_CHECKING:
    from argmap.formats._common import Subject

__all__ = ["write"]

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="role" for="node" attr.name="role" attr.type="string"/>
  <key id="relation" for="node" attr.name="relation" attr.type="string"/>
  <key id="edge-kind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="shape" for="node" yfiles.type="nodegraphics"/>
  <key id="line" for="edge" yfiles.type="edgegraphics"/>
"""
_FILL = {"thesis": "#FFE699", "claim": "#FFFFFF", "evidence": "#DDEBF7", "support": "#70AD47", "attack": "#C00000"}


def _text(words: str) -> str:
    """Element content that an XML reader gives back as it is: a carriage return as a reference (a raw one is read
    as a line feed)."""
    return escape(words, {"\r": "&#13;"})


def write(subject: Subject) -> Written:
    amap, graph = subject.amap, subject.graph
    if amap is None or graph is None:
        raise ValueError("GraphML needs a map, not a framework file")
    lang, default = subject.lang, amap.languages[0]
    losses = unheld(amap, lang, {"thesis", "evidence", "labels"}, "GraphML")
    out = [_HEAD, f"  <graph id={quoteattr(amap.id)} edgedefault=\"directed\">"]
    for node, data in graph.nodes(data=True):
        if data["kind"] == "statement":
            words, role, width = pick_text(data.get("text"), lang, default), data.get("role") or "claim", 220
            fields = f'<data key="role">{role}</data>'
            fill, shape = _FILL[role], "roundrectangle"
        else:
            words, role, width = pick_text(data.get("label"), lang, default), data["relation"], 30
            fields = f'<data key="relation">{role}</data>'
            fill, shape = _FILL[role], "ellipse"
        out.append(f"    <node id={quoteattr(node)}><data key=\"label\">{_text(words)}</data>"
                   f"<data key=\"kind\">{data['kind']}</data>{fields}<data key=\"shape\"><y:ShapeNode>"
                   f"<y:Geometry width=\"{width}\" height=\"{60 if width > 30 else 30}\"/>"
                   f"<y:Fill color=\"{fill}\"/><y:NodeLabel>{_text(words)}</y:NodeLabel>"
                   f"<y:Shape type=\"{shape}\"/></y:ShapeNode></data></node>")
    for number, (source, target) in enumerate(graph.edges):
        kind = graph.edges[source, target]["kind"]
        relation = graph.nodes[target if kind == "premise" else source]["relation"]
        style = "line" if relation == "support" else "dashed"
        out.append(f"    <edge id=\"e{number}\" source={quoteattr(source)} target={quoteattr(target)}>"
                   f"<data key=\"edge-kind\">{kind}</data><data key=\"line\"><y:PolyLineEdge>"
                   f"<y:LineStyle type=\"{style}\" color=\"{_FILL[relation]}\"/>"
                   f"<y:Arrows source=\"none\" target=\"{'standard' if kind == 'conclusion' else 'none'}\"/>"
                   f"</y:PolyLineEdge></data></edge>")
    out += ["  </graph>", "</graphml>"]
    return Written("\n".join(out) + "\n", tuple(losses))
