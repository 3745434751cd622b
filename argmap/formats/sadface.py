"""SADFace JSON: atoms (propositions) and scheme nodes (support, conflict or a named scheme) joined by edges,
with the document's metadata; read through the AIF reader, as SADFace is AIF's shape under other names."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from argmap.formats._common import FormatError, MapBuilder, Reading, Written
from argmap.formats._json import array, field, ident, obj, optional_text, parse, path, text
from argmap.formats._losses import unheld
from argmap.formats.aif_read import read_aif
from argmap.texts import pick_text

if TYPE_CHECKING:
    from argmap.formats._common import Subject

__all__ = ["import_map", "write", "sniff"]

_CONFLICT = ("conflict", "attack", "rebut", "undercut", "against")


def sniff(content: str, document: Any) -> bool:
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list):
        return False
    first = document["nodes"][0] if document["nodes"] else {}
    return isinstance(document.get("metadata"), dict) or (isinstance(first, dict) and first.get("type") in
                                                          ("atom", "scheme"))


def import_map(content: str, name: str) -> Reading:
    document = obj(parse(content), "$")
    nodes = []
    at = path("$", "nodes")
    for index, item in enumerate(array(field(document, "nodes", "$"), at)):
        here = path(at, index)
        node = obj(item, here)
        nid = ident(field(node, "id", here), path(here, "id"))
        kind = text(field(node, "type", here), path(here, "type"))
        extra = {k: v for k, v in node.items() if k not in ("id", "type", "text", "name")}
        if kind == "atom":
            nodes.append({"nodeID": nid, "type": "I", "text": optional_text(node, "text", here), **extra})
        elif kind == "scheme":
            scheme = optional_text(node, "name", here)
            conflict = any(word in scheme.lower() for word in _CONFLICT)
            words = "Default Conflict" if scheme.lower() == "conflict" else (
                "Default Inference" if scheme.lower() == "support" else scheme)
            nodes.append({"nodeID": nid, "type": "CA" if conflict else "RA", "text": words, **extra})
        else:
            raise FormatError(path(here, "type"), f"unknown node type {kind!r}; SADFace nodes are atom or scheme")
    edges = []
    at = path("$", "edges")
    for index, item in enumerate(array(document.get("edges", []), at)):
        here = path(at, index)
        edge = obj(item, here)
        edges.append({"fromID": ident(field(edge, "source_id", here), path(here, "source_id")),
                      "toID": ident(field(edge, "target_id", here), path(here, "target_id")),
                      **({"edgeID": edge["id"]} if "id" in edge else {})})
    builder = MapBuilder(name, "sadface")
    try:
        read_aif({"nodes": nodes, "edges": edges}, "$", builder)
    except FormatError as error:  # the AIF reader names AIF's fields; the places are SADFace's own
        raise FormatError(error.where.replace("nodeID", "id").replace("fromID", "source_id")
                          .replace("toID", "target_id"), error.message) from None
    metadata = document.get("metadata")
    core = metadata.get("core") if isinstance(metadata, dict) else None
    if isinstance(core, dict) and isinstance(core.get("title"), str) and core["title"].strip():
        builder.title = core["title"].strip()
    for key in ("metadata", "resources"):
        if document.get(key):
            builder.kept[key] = document[key]
    return builder.build()


def write(subject: Subject) -> Written:
    from argmap.jsonout import json_text

    amap, graph = subject.amap, subject.graph
    if amap is None or graph is None:
        raise ValueError("SADFace needs a map, not a framework file")
    lang, default = subject.lang, amap.languages[0]
    losses = unheld(amap, lang, {"labels", "title"}, "SADFace")
    imported = amap.imported if amap.imported is not None and amap.imported.format == "sadface" else None
    ids = dict(imported.ids) if imported else {}
    kept = imported.kept if imported else {}
    fields: dict[str, dict[str, Any]] = kept.get("node-fields", {})
    space = uuid.uuid5(uuid.NAMESPACE_URL, f"argmap:{amap.id}")
    names = {node: ids.get(node) or str(uuid.uuid5(space, node)) for node in graph.nodes}
    nodes = []
    for node, data in graph.nodes(data=True):
        name = names[node]
        extra = dict(fields.get(name, {})) if node in ids else {}
        extra.pop("text", None)
        if data["kind"] == "statement":
            extra.setdefault("metadata", {})
            extra.setdefault("sources", [])
            nodes.append({"id": name, "type": "atom", "text": pick_text(data.get("text"), lang, default), **extra})
        else:
            label = pick_text(data.get("label"), lang, default)
            scheme = label or ("support" if data["relation"] == "support" else "conflict")
            extra.setdefault("metadata", {})
            nodes.append({"id": name, "type": "scheme", "name": scheme, **extra})
    edges = [{"id": str(uuid.uuid5(space, f"{s}->{t}")), "source_id": names[s], "target_id": names[t]}
             for s, t in graph.edges]
    metadata = kept.get("metadata") or {"core": {"id": str(space), "version": "0.2"}}
    if amap.title is not None:
        core = dict(metadata.get("core", {}))
        core["title"] = pick_text(amap.title, lang, default)
        metadata = {**metadata, "core": core}
    document = {"edges": edges, "metadata": metadata, "nodes": nodes, "resources": kept.get("resources", [])}
    return Written(json_text(document), tuple(losses))
