"""A claim that nothing supports.

What it does:
    Reports each statement with role `claim` or `thesis` that is the conclusion of no support:
    neither a reason nor evidence stands behind it. Evidence is exempt: it is where support ends.

Why this matters:
    An argument map shows why a claim should be believed; a bare claim is an assertion. It may
    be deliberate (a shared premise), which is why this is a warning.

Example:
    statements:
      vc-is-cautious: {text: Venture capitalists invest cautiously., supports: [thesis]}

Use instead:
    statements:
      vc-is-cautious: {text: Venture capitalists invest cautiously., supports: [thesis]}
      few-deals: {role: evidence, text: Only a few start-ups closed rounds., supports: [vc-is-cautious]}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context

CODE = "ARG304"
NAME = "unsupported-claim"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}
INPUT = "graph"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    graph = ctx.graph
    for node, data in graph.nodes(data=True):
        if data["kind"] != "statement" or data["role"] == "evidence":
            continue
        if not any(graph.nodes[p]["relation"] == "support" for p in graph.predecessors(node)):
            yield ctx.amap.problem(CODE, node, message=f"{data['role']} {node!r} has no support or evidence")
