"""A map's graph in the Argument Interchange Format, as AIFdb's JSON (nodes, edges, locutions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from argmap.texts import pick_text

if TYPE_CHECKING:
    from argmap.formats import Subject

__all__ = ["to_aif", "write"]


def to_aif(graph: nx.DiGraph, lang: str | None = None) -> dict:
    """The AIF JSON document: every statement an I-node, every support inference an RA-node, every
    attack a CA-node; premises point into their S-node, and the S-node points to its conclusion (an
    undercut's CA-node points to the RA- or CA-node it attacks). Node ids are the map's ids, texts
    are in ``lang`` (default: the map's first language).

    >>> g = nx.DiGraph(languages=["en"])
    >>> g.add_node("t", kind="statement", text="T"); g.add_node("r", kind="statement", text="R")
    >>> g.add_node("r--support--t", kind="inference", relation="support", label=None)
    >>> g.add_edge("r", "r--support--t", kind="premise"); g.add_edge("r--support--t", "t", kind="conclusion")
    >>> [(n["nodeID"], n["type"]) for n in to_aif(g)["nodes"]]
    [('t', 'I'), ('r', 'I'), ('r--support--t', 'RA')]
    """
    languages = graph.graph.get("languages") or [None]
    default = languages[0]
    nodes, edges = [], []
    for node, data in graph.nodes(data=True):
        if data["kind"] == "statement":
            nodes.append({"nodeID": node, "text": pick_text(data.get("text"), lang, default), "type": "I"})
        else:
            kind = "RA" if data["relation"] == "support" else "CA"
            label = pick_text(data.get("label"), lang, default)
            nodes.append({"nodeID": node, "text": label or ("Default Inference" if kind == "RA" else "Default Conflict"),
                          "type": kind})
    for number, (source, target) in enumerate(graph.edges, start=1):
        edges.append({"edgeID": str(number), "fromID": source, "toID": target})
    return {"nodes": nodes, "edges": edges, "locutions": []}


def write(subject: Subject) -> str:
    """The map of ``subject`` as AIF JSON text, its texts in ``subject.lang``."""
    from argmap.jsonout import json_text

    if subject.graph is None:
        raise ValueError("AIF needs a map (its statements and inferences), not a framework file")
    return json_text(to_aif(subject.graph, subject.lang))
