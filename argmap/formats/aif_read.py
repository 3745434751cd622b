"""AIF JSON (AIFdb's nodes, edges, locutions) -> a map: I-nodes as statements, RA/CA nodes as inferences,
and everything argmap does not reason with (the dialogue layer, rephrases, preferences) kept for export."""

from __future__ import annotations

from typing import Any

from argmap.formats._common import FormatError, Loss, MapBuilder, Reading
from argmap.formats._json import array, field, ident, obj, optional_text, parse, path, text

__all__ = ["NODE_TYPES", "DEFAULT_TEXT", "read_aif", "import_map", "sniff", "is_aif"]

NODE_TYPES = {
    "I": "information (a proposition)", "L": "locution", "RA": "inference", "CA": "conflict", "MA": "rephrase",
    "PA": "preference", "YA": "illocutionary anchor", "TA": "transition",
}
SCHEME_TYPES = ("RA", "CA", "MA", "PA")
DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict"}
_PLAIN = {"Default Inference", "Default Conflict", "RA", "CA", "Inference", "Conflict", ""}
_OWN_FIELDS = ("nodeID", "type", "text")


def sniff(content: str, document: Any) -> bool:
    return is_aif(document)


def is_aif(document: Any) -> bool:
    """Whether ``document`` looks like AIFdb's JSON: nodes with nodeIDs, and edges."""
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list) or "edges" not in document:
        return False
    first = document["nodes"][0] if document["nodes"] else {}
    return not first or (isinstance(first, dict) and "nodeID" in first)


def import_map(content: str, name: str) -> Reading:
    builder = MapBuilder(name, "aif")
    read_aif(obj(parse(content), "$"), "$", builder)
    return builder.build()


class _Node:
    __slots__ = ("data", "id", "pred", "succ", "text", "type", "where")

    def __init__(self, nid: str, kind: str, words: str, where: str, data: dict[str, Any]) -> None:
        self.id, self.type, self.text, self.where, self.data = nid, kind, words, where, data
        self.succ: list[str] = []
        self.pred: list[str] = []


def read_aif(document: dict[str, Any], where: str, builder: MapBuilder,
             spans: dict[str, str] | None = None) -> dict[str, str]:
    """Add the argument layer of an AIF ``document`` (found at JSON path ``where``) to ``builder`` and keep the
    rest in ``builder.kept``; returns the map id of each I-, RA- and CA-node by its nodeID. ``spans`` gives the
    words of the source text that locutions (L-nodes) were marked on, by nodeID: they become quotes."""
    nodes = _nodes(document, where)
    consumed: set[int] = set()
    edges = _edges(document, where, nodes, builder.losses)
    _refuse_scheme_cycles(nodes)
    mapped: dict[str, str] = {}
    kept_nodes: list[dict[str, Any]] = []
    fields: dict[str, dict[str, Any]] = {}
    for node in nodes.values():
        extra = {key: value for key, value in node.data.items() if key not in _OWN_FIELDS}
        if node.type == "I":
            mapped[node.id] = builder.statement(node.text, node.where, original=node.id)
        elif node.type not in ("RA", "CA"):
            kept_nodes.append(node.data)
            continue
        if extra:
            fields[node.id] = extra
    from argmap.formats.aif_schemes import fulfilled, read_answers, scheme_of

    numbers = fulfilled(document)
    schemes = {n.id: found for n in nodes.values() if n.type in ("RA", "CA")
               and (found := scheme_of(n.text, n.data, numbers)) is not None}
    _inferences(nodes, edges, consumed, mapped, fields, builder, schemes)
    unread_answers = read_answers(document, mapped, builder)
    if spans:
        _quotes(nodes, mapped, spans, builder)
    kept: dict[str, Any] = {}
    if any(isinstance(n.data.get("nodeID"), int) for n in nodes.values()):
        kept["integer-ids"] = True
    if kept_nodes:
        kept["nodes"] = kept_nodes
    rest = [edge for number, (edge, _, _) in enumerate(edges) if number not in consumed]
    if rest:
        kept["edges"] = rest
    for number, (_, source, target) in enumerate(edges):
        if number not in consumed and source in nodes and target in nodes and source != target \
                and nodes[source].type == nodes[target].type == "I":
            builder.losses.append(Loss("edge between two I-nodes", path(path(where, "edges"), number),
                                       f"AIF relates statements through RA and CA nodes; the edge from {source!r} to"
                                       f" {target!r} says neither support nor attack, and is kept as AIF data only"))
    if fields:
        kept["node-fields"] = fields
    for key, value in document.items():
        if key == "cqdescriptorfulfillments" and isinstance(value, list):
            value = unread_answers  # the others became `answers:` and `roles:`, written back on export
        if key not in ("nodes", "edges") and value not in (None, [], {}):
            kept[key] = value
    if kept:
        builder.kept.update(kept)
    counts = {kind: sum(1 for n in nodes.values() if n.type == kind) for kind in ("MA", "PA", "L")}
    for kind, what in (("MA", "rephrase"), ("PA", "preference")):
        if counts[kind]:
            builder.losses.append(Loss(f"{what} nodes", where, f"{counts[kind]} {kind}-node(s) kept as AIF data for"
                                       " export; argmap does not reason with them"))
    return mapped


def _nodes(document: dict[str, Any], where: str) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}
    at = path(where, "nodes")
    for index, item in enumerate(array(field(document, "nodes", where), at)):
        here = path(at, index)
        data = obj(item, here)
        nid = ident(field(data, "nodeID", here), path(here, "nodeID"))
        kind = text(field(data, "type", here), path(here, "type"))
        if kind not in NODE_TYPES:
            raise FormatError(path(here, "type"), f"unknown node type {kind!r}; AIF node types are"
                              f" {', '.join(NODE_TYPES)}")
        if nid in nodes:
            raise FormatError(path(here, "nodeID"), f"nodeID {nid!r} is used twice (first at {nodes[nid].where})")
        nodes[nid] = _Node(nid, kind, optional_text(data, "text", here), here, data)
    return nodes


def _edges(document: dict[str, Any], where: str, nodes: dict[str, _Node],
           losses: list[Loss]) -> list[tuple[Any, str, str]]:
    """Every edge (its data and ends), checked; an edge from a node to itself is kept apart, as AIF data only."""
    edges: list[tuple[Any, str, str]] = []
    at = path(where, "edges")
    for index, item in enumerate(array(field(document, "edges", where), at)):
        here = path(at, index)
        data = obj(item, here)
        ends = []
        for key in ("fromID", "toID"):
            nid = ident(field(data, key, here), path(here, key))
            if nid not in nodes:
                raise FormatError(path(here, key), f"the edge names node {nid!r}, which is not among the nodes")
            ends.append(nid)
        source, target = ends
        if source == target:
            losses.append(Loss("edge to itself", here, f"the edge leads from node {source!r} to itself; it is kept"
                               " as AIF data for export"))
            edges.append((data, "", ""))
            continue
        nodes[source].succ.append(target)
        nodes[target].pred.append(source)
        edges.append((data, source, target))
    return edges


def _refuse_scheme_cycles(nodes: dict[str, _Node]) -> None:
    """S-nodes (RA, CA, MA, PA) pointing at each other in a circle: no inference can conclude about itself."""
    state: dict[str, int] = {}
    for start in nodes.values():
        if start.type not in SCHEME_TYPES or start.id in state:
            continue
        stack = [(start.id, iter([n for n in start.succ if nodes[n].type in SCHEME_TYPES]))]
        trail = [start.id]
        state[start.id] = 1
        while stack:
            current, successors = stack[-1]
            following = next(successors, None)
            if following is None:
                state[current] = 2
                stack.pop()
                trail.pop()
            elif state.get(following) == 1:
                circle = [*trail[trail.index(following):], following]
                shown = " -> ".join(f"{nodes[n].type} {n!r}" for n in circle)
                raise FormatError(nodes[following].where, f"S-nodes form a cycle: {shown}")
            elif following not in state:
                state[following] = 1
                trail.append(following)
                stack.append((following, iter([n for n in nodes[following].succ if nodes[n].type in SCHEME_TYPES])))


def _inferences(nodes: dict[str, _Node], edges: list[tuple[Any, str, str]], consumed: set[int],
                mapped: dict[str, str], fields: dict[str, dict[str, Any]], builder: MapBuilder,
                schemes: dict[str, str]) -> None:
    edge_number = {(source, target): number for number, (_, source, target) in enumerate(edges)}
    pending = [n for n in nodes.values() if n.type in ("RA", "CA")]
    # An undercut names the inference it attacks, so inferences are added once their targets have ids
    # (the S-nodes are acyclic, so every round adds at least one).
    while pending:
        waiting = []
        ids = {n.id for n in pending}
        for node in pending:
            targets = [n for n in node.succ if nodes[n].type in ("I", "RA", "CA")]
            if any(t in ids and t not in mapped for t in targets):
                waiting.append(node)
                continue
            _inference(node, nodes, targets, edge_number, consumed, mapped, fields, builder, schemes.get(node.id))
        if len(waiting) == len(pending):  # only inferences on unrepresentable ones are left
            for node in waiting:
                _inference(node, nodes, [t for t in node.succ if t in mapped], edge_number, consumed, mapped,
                           fields, builder, schemes.get(node.id))
            break
        pending = waiting


def _inference(node: _Node, nodes: dict[str, _Node], targets: list[str], edge_number: dict[tuple[str, str], int],
               consumed: set[int], mapped: dict[str, str], fields: dict[str, dict[str, Any]],
               builder: MapBuilder, scheme: str | None = None) -> None:
    relation = "support" if node.type == "RA" else "attack"
    premises = list(dict.fromkeys(p for p in node.pred if nodes[p].type == "I"))
    targets = [t for t in dict.fromkeys(targets) if t in mapped]
    if not premises or not targets:
        lacking = "premise" if not premises else "conclusion"
        builder.losses.append(Loss("incomplete inference", node.where, f"{node.type}-node {node.id!r} has no {lacking};"
                                   " it is kept as AIF data for export"))
        builder.kept.setdefault("incomplete", []).append(node.data)
        fields.pop(node.id, None)
        return
    # A node that names a catalogue scheme gets `scheme:` instead of a label; its text is kept when export
    # would not write the same (a scheme's AIF name, or the default text)
    label = None if node.text in _PLAIN or scheme is not None else node.text
    if label is None and node.text != (_scheme_text(scheme) if scheme is not None else DEFAULT_TEXT[node.type]):
        fields.setdefault(node.id, {})["text"] = node.text
    if len(targets) > 1:
        builder.losses.append(Loss("inference with several conclusions", node.where,
                                   f"{node.type}-node {node.id!r} concludes {len(targets)} nodes; it became one"
                                   " inference for each"))
    made = 0
    for target in targets:
        conclusion = mapped[target]
        kept = [p for p in premises if mapped[p] != conclusion]
        if len(kept) < len(premises):
            builder.losses.append(Loss("self-reference", node.where, f"{node.type}-node {node.id!r} has its conclusion"
                                       " among its premises; that premise was left out"))
        if not kept:
            continue
        verb = "for" if relation == "support" else ("undercut" if nodes[target].type != "I" else "against")
        extra: dict[str, Any] = {"label": label} if label else {}
        if scheme is not None:
            extra["scheme"] = scheme
        aid = builder.argument([mapped[p] for p in kept], relation, conclusion, node.where, f"{verb} {conclusion}",
                               original=node.id if not made else None, **extra)
        if not made:
            mapped[node.id] = aid
        made += 1
        consumed.update(edge_number[(p, node.id)] for p in kept)
        consumed.add(edge_number[(node.id, target)])
    if not made:
        builder.kept.setdefault("incomplete", []).append(node.data)
        fields.pop(node.id, None)


def _scheme_text(scheme: str) -> str:
    from argmap.schemes import shipped

    return shipped().aif_name(scheme)


def _quotes(nodes: dict[str, _Node], mapped: dict[str, str], spans: dict[str, str], builder: MapBuilder) -> None:
    """A statement asserted by a locution whose words are marked in the source text quotes those words."""
    quotes: dict[str, list[str]] = {}
    for node in nodes.values():
        words = spans.get(node.id)
        if node.type != "L" or not words:
            continue
        for anchor in node.succ:  # L -> YA -> I
            if nodes[anchor].type == "YA":
                for target in nodes[anchor].succ:
                    sid = mapped.get(target)
                    if nodes[target].type == "I" and sid and words not in quotes.get(sid, []):
                        quotes.setdefault(sid, []).append(words)
    for sid, texts in quotes.items():
        builder.statements[sid]["quotes"] = [{"source": "text", "text": words} for words in texts]

