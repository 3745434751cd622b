"""A map's graph in the Argument Interchange Format, as AIFdb's JSON (nodes, edges, locutions); what an imported
map kept of its source (the dialogue layer, rephrases, preferences, original ids) is written back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.formats._common import Loss, Written
from argmap.formats._losses import unheld
from argmap.texts import pick_text

if TYPE_CHECKING:

    from argmap.formats._common import Subject
    from argmap.graph import Graph
    from argmap.model import ArgumentMap

__all__ = ["to_aif", "document", "write", "AIF_FAMILY"]

AIF_FAMILY = ("aif", "ova", "xaif")
"""Formats that carry AIF: a map imported from one is written back to any of them with what it kept."""
DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict"}


def to_aif(graph: Graph, lang: str | None = None, amap: ArgumentMap | None = None,
           form: str = "aif") -> dict[str, Any]:
    """The AIF JSON document: every statement an I-node, every support inference an RA-node, every
    attack a CA-node; premises point into their S-node, and the S-node points to its conclusion (an
    undercut's CA-node points to the RA- or CA-node it attacks). Node ids are the map's ids (or, for an
    imported map, the ids they had), texts are in ``lang`` (default: the map's first language).

    >>> import networkx as nx
    >>> g = nx.DiGraph(languages=["en"])
    >>> g.add_node("t", kind="statement", text="T"); g.add_node("r", kind="statement", text="R")
    >>> g.add_node("r--support--t", kind="inference", relation="support", label=None)
    >>> g.add_edge("r", "r--support--t", kind="premise"); g.add_edge("r--support--t", "t", kind="conclusion")
    >>> [(n["nodeID"], n["type"]) for n in to_aif(g)["nodes"]]
    [('t', 'I'), ('r', 'I'), ('r--support--t', 'RA')]
    """
    kept: dict[str, Any] = {}
    ids: dict[str, str] = {}
    if amap is not None and amap.imported is not None and amap.imported.format in AIF_FAMILY:
        kept, ids = amap.imported.kept, dict(amap.imported.ids)
    fields: dict[str, dict[str, Any]] = kept.get("node-fields", {})
    integer = bool(kept.get("integer-ids"))
    taken = {str(n.get("nodeID")) for n in kept.get("nodes", ()) if isinstance(n, dict)}
    names: dict[str, str] = {}
    for node in graph.nodes:
        name = ids.get(node, node)
        if name in taken:  # an original id that a node added since then already has
            name = node
        names[node] = name
        taken.add(name)

    def out(name: str) -> Any:
        return int(name) if integer and name.isascii() and name.isdigit() else name

    languages = graph.graph.get("languages") or [None]
    default = languages[0]
    nodes: list[dict[str, Any]] = []
    for node, data in graph.nodes(data=True):
        name = names[node]
        extra = dict(fields.get(name, {})) if node in ids else {}
        if data["kind"] == "statement":
            extra.pop("text", None)
            words = pick_text(data.get("text"), lang, default)
            nodes.append({"nodeID": out(name), "text": words, "type": "I", **extra})
        else:
            kind = "RA" if data["relation"] == "support" else "CA"
            label = pick_text(data.get("label"), lang, default)
            if label:
                extra.pop("text", None)
            scheme = data.get("scheme")
            words = label or extra.pop("text", _scheme_text(scheme) or DEFAULT_TEXT[kind])
            nodes.append({"nodeID": out(name), "text": words, "type": kind, **extra})
    nodes.extend(kept.get("nodes", ()))
    nodes.extend(kept.get("incomplete", ()))
    kept_edges = list(kept.get("edges", ()))
    used = {str(edge.get("edgeID")) for edge in kept_edges if isinstance(edge, dict)}
    edges: list[dict[str, Any]] = []
    number = 0
    # Inference by inference, premises in the order the map lists them, then the conclusion: a reader that
    # takes premises in edge order reads the same argument back.
    ordered: list[tuple[str, str]] = []
    for node, kind in graph.nodes(data="kind"):
        if kind == "inference":
            ordered.extend((p, node) for p, edge in graph.pred[node].items() if edge["kind"] == "premise")
            ordered.extend((node, c) for c in graph.succ[node])
    for source, target in ordered:
        number += 1
        while str(number) in used:
            number += 1
        edges.append({"edgeID": out(str(number)), "fromID": out(names[source]), "toID": out(names[target])})
    edges.extend(kept_edges)
    result: dict[str, Any] = {"nodes": nodes, "edges": edges, "locutions": kept.get("locutions", [])}
    for key, value in kept.items():
        if key not in ("nodes", "edges", "locutions", "node-fields", "integer-ids", "incomplete", "ova", "text",
                       "wrapper"):
            result[key] = value
    from argmap.formats.aif_schemes import write_schemes

    write_schemes(graph, amap, names, result, form)
    return result


def _scheme_text(scheme: str | None) -> str | None:
    """The text AIF tools give an inference of ``scheme`` (None for no scheme, or one the catalogue lacks)."""
    from argmap.schemes import shipped

    catalogue = shipped()
    return catalogue.aif_name(scheme) if scheme is not None and scheme in catalogue else None


def document(subject: Subject, form: str) -> tuple[dict[str, Any], list[Loss]]:
    """The AIF document of ``subject``'s map and what ``form`` (aif, ova or xaif) cannot hold of it."""
    if subject.graph is None or subject.amap is None:
        raise ValueError("AIF needs a map (its statements and inferences), not a framework file")
    losses = unheld(subject.amap, subject.lang, {"labels"}, form.upper() if form == "aif" else form)
    from argmap.formats._losses import listed
    from argmap.schemes import shipped

    catalogue = shipped()
    unknown = [node for node, data in subject.graph.nodes(data=True)
               if data["kind"] == "inference" and data.get("scheme") not in (None, *catalogue.schemes)]
    if unknown:
        losses.append(Loss("schemes", listed(unknown), "schemes that argmap does not ship (a team's own) have no AIF"
                           " name or number: these inferences are written without their scheme"))
    return to_aif(subject.graph, subject.lang, subject.amap, form), losses


def write(subject: Subject) -> Written:
    """The map of ``subject`` as AIF JSON text, its texts in ``subject.lang``."""
    from argmap.jsonout import json_text

    aif, losses = document(subject, "aif")
    return Written(json_text(aif), tuple(losses))
