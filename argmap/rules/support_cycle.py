"""Circular reasoning: statements that support each other in a circle.

What it does:
    Follows every support (one-premise and linked) from premise to conclusion and reports each
    circle, showing it in full (`a -> b -> c -> a`) at the statement of the circle that comes
    first in the map, with the other steps as related locations.

Why this matters:
    A circle of supports gives its members no support from outside the circle: each claim is
    only as good as itself. Attacks may form cycles legitimately (mutual rebuttal); supports may not.

Example:
    statements:
      startups-starve: {text: Start-ups cannot raise money., supports: [few-unicorns]}
      few-unicorns: {text: Few unicorns are born., supports: [startups-starve]}

Use instead:
    statements:
      startups-starve: {text: Start-ups cannot raise money., supports: [few-unicorns]}
      few-unicorns: {text: Few unicorns are born.}
      minimax-only: {role: evidence, text: Only MiniMax and a few others., supports: [few-unicorns]}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import networkx as nx

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context

CODE = "ARG201"
NAME = "support-cycle"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "graph"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    graph = ctx.graph
    order = {node: index for index, node in enumerate(graph)}
    supports: dict[str, list[str]] = {}
    nodes, succ, pred = graph.nodes, graph.succ, graph.pred
    for node, data in nodes.items():
        if data["kind"] == "inference" and data["relation"] == "support":
            targets = [t for t in succ[node] if nodes[t]["kind"] == "statement"]
            for premise in pred[node]:
                supports.setdefault(premise, []).extend(targets)
    # networkx's components are found iteratively: a map may be deeper than Python's stack.
    circle: nx.DiGraph[str] = nx.DiGraph(supports)
    components = [c for c in nx.strongly_connected_components(circle) if len(c) > 1]
    for component in sorted(components, key=lambda c: min(order[n] for n in c)):
        start = min(component, key=order.__getitem__)
        cycle = _cycle_through(supports, set(component), start)
        steps = " -> ".join([*cycle, cycle[0]])
        related = tuple(ctx.amap.where(node) for node in cycle[1:])
        yield replace(ctx.amap.problem(CODE, start, message=f"circular support: {steps}"), related=related)


def _cycle_through(successors: dict[str, list[str]], members: set[str], start: str) -> list[str]:
    """A shortest cycle from ``start`` back to itself (breadth-first, so the message stays short)."""
    parents: dict[str, str | None] = {start: None}
    queue = [start]
    for node in queue:
        for successor in sorted(set(successors.get(node, ())) & members):
            if successor == start:
                path = [node]
                while parents[path[-1]] is not None:
                    path.append(parents[path[-1]])  # type: ignore[arg-type]
                return path[::-1]
            if successor not in parents:
                parents[successor] = node
                queue.append(successor)
    return [start]  # unreachable for a strongly connected component
