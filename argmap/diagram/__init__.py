"""Diagrams of argument maps: DOT built in Python (dot.py), drawn by Graphviz (graphviz_run.py)."""

from __future__ import annotations

from collections import deque

from argmap.graph import Graph

__all__ = ["neighbourhood", "group_subgraph"]


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
    return graph.subgraph([n for n in graph if n in keep]).copy()


def group_subgraph(graph: Graph, group: str) -> Graph:
    """The statements of one group, and the inferences among them."""
    keep = {n for n, g in graph.nodes(data="group") if g == group and graph.nodes[n]["kind"] == "statement"}
    keep |= {n for n in graph if graph.nodes[n]["kind"] == "inference"
             and any(s in keep for s in graph.successors(n)) and any(p in keep for p in graph.predecessors(n))}
    return graph.subgraph([n for n in graph if n in keep]).copy()
