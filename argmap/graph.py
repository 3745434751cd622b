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
    for sid, statement in amap.statements.items():
        graph.add_node(
            sid, kind="statement", role=statement.role, group=statement.group, tags=statement.tags,
            base=statement.base, text=statement.text, quotes=statement.quotes,
        )
    for aid, argument in amap.arguments.items():
        graph.add_node(
            aid, kind="inference", relation=argument.relation, explicit=True, group=argument.group,
            tags=argument.tags, label=argument.label,
        )
    for sid, statement in amap.statements.items():
        for relation, targets in (("support", statement.supports), ("attack", statement.attacks)):
            for target in targets:
                if target not in nodes or target == sid:
                    continue
                iid = implicit_id(sid, relation, target)
                graph.add_node(iid, kind="inference", relation=relation, explicit=False, group=None, tags=(), label=None)
                graph.add_edge(sid, iid, kind="premise")
                graph.add_edge(iid, target, kind="conclusion")
    for aid, argument in amap.arguments.items():
        for premise in argument.premises:
            if premise in amap.statements and premise != argument.target:
                graph.add_edge(premise, aid, kind="premise")
        if argument.target in nodes and argument.target != aid:
            graph.add_edge(aid, argument.target, kind="conclusion")
    return graph


def statements(graph: nx.DiGraph) -> list[str]:
    return [n for n, kind in graph.nodes(data="kind") if kind == "statement"]


def inferences(graph: nx.DiGraph) -> list[str]:
    return [n for n, kind in graph.nodes(data="kind") if kind == "inference"]


def premises(graph: nx.DiGraph, inference: str) -> list[str]:
    return [p for p in graph.predecessors(inference) if graph.edges[p, inference]["kind"] == "premise"]


def conclusion(graph: nx.DiGraph, inference: str) -> str | None:
    return next(iter(graph.successors(inference)), None)
