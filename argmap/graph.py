"""ArgumentMap -> networkx graph of statements and inference junctions (AIF's shape); pure, no I/O."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from argmap.loader import ArgumentMap

__all__ = ["build", "implicit_id", "statements", "inferences", "premises", "conclusion"]


def implicit_id(premise: str, relation: str, target: str) -> str:
    """The id of a one-premise inference written as ``supports:``/``attacks:`` on a statement.

    Map ids never hold a double hyphen, so these cannot clash with declared ids.

    >>> implicit_id("a", "support", "b")
    'a--support--b'
    """
    return f"{premise}--{relation}--{target}"


def build(amap: "ArgumentMap") -> nx.DiGraph:
    """The map as a directed graph, nodes and edges added in file order so that output is stable.

    Statement nodes carry ``kind="statement"``; every support or attack is an inference node
    (``kind="inference"``, ``relation`` support|attack) with ``premise`` edges in and one
    ``conclusion`` edge out, to a statement or (an undercut) to another inference. References to
    ids that do not exist, and premises that are their own conclusion, are left out: rules report them.
    """
    graph = nx.DiGraph(map_id=amap.id, languages=amap.languages)
    nodes = amap.statements.keys() | amap.arguments.keys()
    # Collected first and added in bulk: networkx's *_from methods are several times faster.
    graph.add_nodes_from(
        (sid, {"kind": "statement", "role": s.role, "group": s.group, "tags": s.tags, "base": s.base,
               "text": s.text, "quotes": s.quotes})
        for sid, s in amap.statements.items()
    )
    graph.add_nodes_from(
        (aid, {"kind": "inference", "relation": a.relation, "explicit": True, "group": a.group, "tags": a.tags,
               "label": a.label})
        for aid, a in amap.arguments.items()
    )
    implicit: list[tuple[str, dict]] = []
    edges: list[tuple[str, str, dict]] = []
    premise, conclusion = {"kind": "premise"}, {"kind": "conclusion"}  # networkx copies these per edge
    for sid, statement in amap.statements.items():
        for relation, targets in (("support", statement.supports), ("attack", statement.attacks)):
            for target in targets:
                if target not in nodes or target == sid:
                    continue
                iid = implicit_id(sid, relation, target)
                implicit.append((iid, {"kind": "inference", "relation": relation, "explicit": False, "group": None,
                                       "tags": (), "label": None}))
                edges.append((sid, iid, premise))
                edges.append((iid, target, conclusion))
    graph.add_nodes_from(implicit)
    for aid, argument in amap.arguments.items():
        edges.extend((p, aid, premise) for p in argument.premises
                     if p in amap.statements and p != argument.target)
        if argument.target in nodes and argument.target != aid:
            edges.append((aid, argument.target, conclusion))
    graph.add_edges_from(edges)
    return graph


def statements(graph: nx.DiGraph) -> list[str]:
    return [n for n, kind in graph.nodes(data="kind") if kind == "statement"]


def inferences(graph: nx.DiGraph) -> list[str]:
    return [n for n, kind in graph.nodes(data="kind") if kind == "inference"]


def premises(graph: nx.DiGraph, inference: str) -> list[str]:
    return [p for p in graph.predecessors(inference) if graph.edges[p, inference]["kind"] == "premise"]


def conclusion(graph: nx.DiGraph, inference: str) -> str | None:
    return next(iter(graph.successors(inference)), None)
