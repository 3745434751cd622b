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
    nodes = graph.nodes
    for node, data in nodes.items():
        if data["kind"] == "inference" and data["relation"] == "support":
            targets = [t for t in graph._succ[node] if nodes[t]["kind"] == "statement"]
            for premise in graph._pred[node]:
                supports.setdefault(premise, []).extend(targets)
    components = [c for c in strongly_connected(supports) if len(c) > 1]
    for component in sorted(components, key=lambda c: min(order[n] for n in c)):
        start = min(component, key=order.__getitem__)
        cycle = _cycle_through(supports, set(component), start)
        steps = " -> ".join([*cycle, cycle[0]])
        related = tuple(ctx.amap.where(node) for node in cycle[1:])
        yield replace(ctx.amap.problem(CODE, start, message=f"circular support: {steps}"), related=related)


def strongly_connected(successors: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively (maps may be deeper than the stack).

    >>> sorted(map(sorted, strongly_connected({"a": ["b"], "b": ["a", "c"], "c": []})))
    [['a', 'b'], ['c']]
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for root in successors:
        if root in index:
            continue
        work = [(root, iter(successors.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors.get(child, ()))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    found.append(component)
    return found


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
