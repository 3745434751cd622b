"""One statement that both supports and attacks the same target.

What it does:
    Reports a statement that is a premise of a support and of an attack on the same statement or
    inference, whether written as `supports:`/`attacks:` or through arguments.

Why this matters:
    A reason cannot count both for and against one conclusion; the map contradicts itself,
    and every evaluation of it depends on which relation wins. Usually one of the two relations
    belongs to a different, more precise statement.

Example:
    statements:
      regulation-arrived:
        text: AI regulation was put in place.
        supports: [popularity-will-rise]
        attacks: [popularity-will-rise]

Use instead:
    Keep one relation, and write the other reason as its own statement.

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context

CODE = "ARG202"
NAME = "conflicting-stance"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "graph"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    graph = ctx.graph
    for node, kind in graph.nodes(data="kind"):
        if kind != "statement":
            continue
        stance: dict[str, set[str]] = {"support": set(), "attack": set()}
        for inference in graph.successors(node):
            for target in graph.successors(inference):
                stance[graph.nodes[inference]["relation"]].add(target)
        for target in sorted(stance["support"] & stance["attack"]):
            yield ctx.amap.problem(CODE, node, message=f"{node!r} both supports and attacks {target!r}")
