"""ArgumentMap -> networkx graph of statements and inference junctions (AIF's shape); pure, no I/O."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from typing import TypeAlias

    from argmap.model import ArgumentMap

    Graph: TypeAlias = nx.DiGraph[str, Any, Any]
    """A map's graph: nodes are ids; a node's and an edge's data are the dicts build() gives them."""
else:
    Graph = nx.DiGraph

__all__ = ["Graph", "build", "implicit_id", "statements", "premises", "conclusion", "relation", "junctions",
           "neighbourhood", "group_subgraph", "leading_to", "answering", "dangling"]


def implicit_id(premise: str, relation: str, target: str) -> str:
    """The id of a one-premise inference written as ``supports:``/``attacks:`` on a statement.

    Map ids never hold a double hyphen, so these cannot clash with declared ids.

    >>> implicit_id("a", "support", "b")
    'a--support--b'
    """
    return f"{premise}--{relation}--{target}"


def build(amap: ArgumentMap) -> Graph:
    """The map as a directed graph, nodes and edges added in file order so that output is stable.

    Statement nodes carry ``kind="statement"``; every support or attack is an inference node
    (``kind="inference"``, ``relation`` support|attack) with ``premise`` edges in and one
    ``conclusion`` edge out, to a statement or (an undercut) to another inference. References to
    ids that do not exist, and premises that are their own conclusion, are left out: rules report them.
    """
    graph: Graph = nx.DiGraph(map_id=amap.id, languages=amap.languages, question=amap.question)
    # networkx's documented dict-of-dicts (``_node``, ``_succ``, ``_pred``) is filled directly:
    # add_nodes_from/add_edges_from cost a second on a 100,000-statement map, this a third of it.
    node, succ, pred = graph._node, graph._succ, graph._pred  # type: ignore[attr-defined]
    for sid, s in amap.statements.items():
        node[sid] = {"kind": "statement", "role": s.role, "group": s.group, "tags": s.tags, "base": s.base,
                     "text": s.text, "quotes": s.quotes, "by": s.by,
                     "concedes": s.concedes}
    for aid, a in amap.arguments.items():
        node[aid] = {"kind": "inference", "relation": a.relation, "explicit": True, "group": a.group,
                     "tags": a.tags, "label": a.label, "by": a.by, "scheme": a.scheme}
    edges: list[tuple[str, str, str]] = []
    # Relations are added in two passes: first the ones between declared ids, whose derived inferences
    # another relation may then undercut (`attacks: reason--support--thesis`), then those undercuts.
    declared = set(node)
    later: list[tuple[str, str, str]] = []
    for sid, statement in amap.statements.items():
        for relation, targets in (("support", statement.supports), ("attack", statement.attacks)):
            for target in targets:
                if target == sid:
                    continue
                if target in declared:
                    _relation(node, edges, sid, relation, target, statement.scheme)
                else:
                    later.append((sid, relation, target))
    for sid, relation, target in later:
        if target in node:
            _relation(node, edges, sid, relation, target, amap.statements[sid].scheme)
    for aid, argument in amap.arguments.items():
        edges.extend((p, aid, "premise") for p in argument.premises
                     if p in amap.statements and p != argument.target)
        if argument.target in node and argument.target != aid:
            edges.append((aid, argument.target, "conclusion"))
    for n in node:
        succ[n] = {}
        pred[n] = {}
    for u, v, kind in edges:
        data = {"kind": kind}  # one dict per edge, shared by both directions, as networkx keeps it
        succ[u][v] = data
        pred[v][u] = data
    return graph


def _relation(node: dict[str, Any], edges: list[tuple[str, str, str]], premise: str, relation: str,
              target: str, scheme: str | None) -> None:
    iid = implicit_id(premise, relation, target)
    node[iid] = {"kind": "inference", "relation": relation, "explicit": False, "group": None, "tags": (),
                 "label": None, "scheme": scheme}
    edges.append((premise, iid, "premise"))
    edges.append((iid, target, "conclusion"))


def statements(graph: Graph) -> list[str]:
    return [n for n, kind in graph.nodes(data="kind") if kind == "statement"]


def premises(graph: Graph, inference: str) -> list[str]:
    return [p for p in graph.predecessors(inference) if graph.edges[p, inference]["kind"] == "premise"]


def conclusion(graph: Graph, inference: str) -> str | None:
    return next(iter(graph.successors(inference)), None)


def answering(amap: ArgumentMap) -> dict[str, list[str]]:
    """For each inference, the statements that answer or raise one of its critical questions by name
    (``answers: {inference: ...}``, ``raises: {inference: ...}``): they bear on it as its premises do."""
    found: dict[str, list[str]] = {}
    for sid, statement in amap.statements.items():
        for named in (statement.answers, statement.raises):
            if isinstance(named, dict):
                for inference in named:
                    found.setdefault(inference, []).append(sid)
    return found


def leading_to(graph: Graph, targets: Iterable[str],
               also: Mapping[str, Iterable[str]] | None = None) -> set[str]:
    """The nodes from which a chain of relations leads to one of ``targets`` (the targets included).

    A chain runs through premises, inferences and undercuts, and through concessions: a statement
    that concedes a claim (`concedes:`) bears on that claim, as the point the author grants against it.
    ``also`` names further nodes that lead to a node (those that answer its critical questions).

    >>> g = nx.DiGraph()
    >>> g.add_node("t", kind="statement", concedes=())
    >>> g.add_node("granted", kind="statement", concedes=("t",))
    >>> g.add_node("lost", kind="statement", concedes=())
    >>> sorted(leading_to(g, ["t"]))
    ['granted', 't']
    """
    return set(_origins(graph, {t: t for t in targets}, also))


def _origins(graph: Graph, targets: Mapping[str, Any],
             also: Mapping[str, Iterable[str]] | None = None) -> dict[str, Any]:
    """For each node from which a chain of relations leads to one of ``targets`` (as :func:`leading_to`
    follows them), the value of the first target found that way (one search from every target at once)."""
    conceding: dict[str, list[str]] = {node: list(earlier) for node, earlier in (also or {}).items()}
    for node, granted in graph.nodes(data="concedes"):
        for target in granted or ():
            conceding.setdefault(target, []).append(node)
    reached = {t: value for t, value in targets.items() if t in graph}
    queue = list(reached)
    for node in queue:
        for earlier in (*graph.predecessors(node), *conceding.get(node, ())):
            if earlier not in reached:
                reached[earlier] = reached[node]
                queue.append(earlier)
    return reached


def dangling(amap: ArgumentMap, graph: Graph) -> dict[str, tuple[str, str, str]]:
    """Where a missing id cuts a chain: for each node from which a chain of relations leads to a statement
    or argument whose relation names an id the map lacks, that statement or argument, the relation's key
    and the missing id. dangling-reference reports that reference; what else fails follows from it."""
    broken: dict[str, tuple[str, str, str]] = {}
    for sid, statement in amap.statements.items():
        for key in ("supports", "attacks", "concedes"):
            for target in getattr(statement, key):
                if target not in graph and target != sid:
                    broken.setdefault(sid, (sid, key, target))
    for aid, argument in amap.arguments.items():
        if argument.target not in graph:
            broken.setdefault(aid, (aid, "supports" if argument.supports is not None else "attacks", argument.target))
    if not broken:
        return {}
    return _origins(graph, broken, answering(amap))


def relation(graph: Graph, inference: str) -> str:
    """What an inference does: ``support``, ``attack`` (on a statement) or ``undercut`` (an attack on another
    inference, not on its conclusion)."""
    if graph.nodes[inference]["relation"] == "support":
        return "support"
    target = conclusion(graph, inference)
    return "undercut" if target is not None and graph.nodes[target]["kind"] == "inference" else "attack"


def junctions(graph: Graph, also: Iterable[str] = ()) -> set[str]:
    """The inferences drawn as a node of their own: declared ones, linked ones (not exactly one premise), those
    something attacks (an undercut needs a node to point at), and ``also`` (such as those with a scheme). Any
    other inference is a plain arrow from its premise to its conclusion."""
    nodes = graph.nodes
    marked = set(also)
    undercut = {t for n, data in nodes(data=True) if data["kind"] == "inference" and data["relation"] == "attack"
                for t in graph.successors(n) if nodes[t]["kind"] == "inference"}
    return {n for n, data in nodes(data=True) if data["kind"] == "inference"
            and (data["explicit"] or n in undercut or n in marked or len(premises(graph, n)) != 1)}


def neighbourhood(graph: Graph, centre: str, depth: int) -> Graph:
    """The part of ``graph`` within ``depth`` relations of ``centre``; inference junctions are not
    counted as a step, so depth 1 is a statement's direct reasons, objections and conclusions."""
    undirected = graph.to_undirected(as_view=True)
    distance = {centre: 0}
    queue = deque([centre])
    while queue:
        node = queue.popleft()
        for other in undirected.neighbors(node):
            # statement -> junction -> statement counts one step in all
            step = 1 if graph.nodes[node]["kind"] == "inference" else 0
            reached = distance[node] + step
            if reached <= depth and reached < distance.get(other, depth + 1):
                distance[other] = reached
                queue.append(other)
    keep = set(distance)
    # A junction is drawn only with its conclusion and at least one premise.
    keep = {n for n in keep if graph.nodes[n]["kind"] == "statement"
            or (any(s in keep for s in graph.successors(n)) and any(p in keep for p in graph.predecessors(n)))}
    return _induced(graph, keep)


def group_subgraph(graph: Graph, group: str) -> Graph:
    """The statements of one group, and the inferences among them."""
    keep = {n for n, g in graph.nodes(data="group") if g == group and graph.nodes[n]["kind"] == "statement"}
    keep |= {n for n in graph if graph.nodes[n]["kind"] == "inference"
             and any(s in keep for s in graph.successors(n)) and any(p in keep for p in graph.predecessors(n))}
    return _induced(graph, keep)


def _induced(graph: Graph, keep: set[str]) -> Graph:
    """The part of ``graph`` made of the nodes in ``keep`` and the relations among them, in ``graph``'s order (the
    map's): networkx's own subgraph of a small part lists its nodes in the order of a set, which Python's hashing
    of strings changes from one run to the next."""
    part: Graph = nx.DiGraph(**graph.graph)
    part.add_nodes_from((node, dict(data)) for node, data in graph.nodes(data=True) if node in keep)
    part.add_edges_from((source, target, dict(data)) for source, target, data in graph.edges(data=True)
                        if source in keep and target in keep)
    return part
