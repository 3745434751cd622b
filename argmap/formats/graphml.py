"""A map as GraphML, for yEd and draw.io, written from the View the diagram draws (argmap.diagram.view): statements
and the inferences drawn apart as nodes with their texts (plain GraphML data and yEd's shapes), the lines as edges
with their part and relation; to look at and lay out, not to read back."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from argmap.diagram.view import View, view
from argmap.formats._common import Written
from argmap.formats._losses import unheld
from argmap.texts import pick_text

if TYPE_CHECKING:
    from argmap.formats._common import Subject

__all__ = ["write", "graphml"]

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="role" for="node" attr.name="role" attr.type="string"/>
  <key id="relation" for="node" attr.name="relation" attr.type="string"/>
  <key id="edge-kind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="edge-relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="shape" for="node" yfiles.type="nodegraphics"/>
  <key id="line" for="edge" yfiles.type="edgegraphics"/>
"""
_FILL = {"thesis": "#FFE699", "claim": "#FFFFFF", "evidence": "#DDEBF7", "question": "#FFFFFF", "support": "#70AD47",
         "attack": "#C00000", "undercut": "#7030A0", "concede": "#7F7F7F", "answer": "#7F7F7F"}


def _text(words: str) -> str:
    """Element content that an XML reader gives back as it is: a carriage return as a reference (a raw one is read
    as a line feed)."""
    return escape(words, {"\r": "&#13;"})


def write(subject: Subject) -> Written:
    amap, graph = subject.amap, subject.graph
    if amap is None or graph is None:
        raise ValueError("GraphML needs a map, not a framework file")
    lang = subject.lang or amap.languages[0]
    losses = unheld(amap, lang, {"thesis", "evidence", "labels"}, "GraphML")
    title = pick_text(amap.title, lang, amap.languages[0]) if amap.title is not None else amap.id
    return Written(graphml(view(graph, amap.groups, lang, title), amap.id), tuple(losses))


def graphml(shown: View, name: str) -> str:
    """The GraphML of a View: its statements and junctions as nodes, its lines as edges with their part
    (premise, conclusion, direct) and relation."""
    relations = {edge.inference: edge.relation for edge in shown.edges}
    out = [_HEAD, f"  <graph id={quoteattr(name)} edgedefault=\"directed\">"]
    for node in shown.nodes:
        if node.kind == "statement":
            role, width, shape = node.role or "claim", 220, "roundrectangle"
            kind, fields = "statement", f'<data key="role">{role}</data>'
        else:
            role, width, shape = relations.get(node.id, "support"), 30, "ellipse"
            kind, fields = "inference", f'<data key="relation">{role}</data>'
        out.append(f"    <node id={quoteattr(node.id)}><data key=\"label\">{_text(node.text)}</data>"
                   f"<data key=\"kind\">{kind}</data>{fields}<data key=\"shape\"><y:ShapeNode>"
                   f"<y:Geometry width=\"{width}\" height=\"{60 if width > 30 else 30}\"/>"
                   f"<y:Fill color=\"{_FILL[role]}\"/><y:NodeLabel>{_text(node.text)}</y:NodeLabel>"
                   f"<y:Shape type=\"{shape}\"/></y:ShapeNode></data></node>")
    for number, edge in enumerate(shown.edges):
        style = "line" if edge.relation == "support" else "dashed"
        out.append(f"    <edge id=\"e{number}\" source={quoteattr(edge.source)} target={quoteattr(edge.target)}>"
                   f"<data key=\"edge-kind\">{edge.part}</data><data key=\"edge-relation\">{edge.relation}</data>"
                   f"<data key=\"line\"><y:PolyLineEdge><y:LineStyle type=\"{style}\" color=\"{_FILL[edge.relation]}\"/>"
                   f"<y:Arrows source=\"none\" target=\"{'none' if edge.part == 'premise' else 'standard'}\"/>"
                   f"</y:PolyLineEdge></data></edge>")
    out += ["  </graph>", "</graphml>"]
    return "\n".join(out) + "\n"
