"""A statement with no chain of supports or attacks to the thesis.

What it does:
    Reports every statement from which no chain of relations (supports, attacks, and undercuts
    of inferences on the way) leads to a thesis; a statement that answers a critical question of
    an inference leads where the inference leads. A concession is a legitimate end of a path: a
    statement that `concedes:` a claim leads wherever that claim leads, since it bears on the
    argument as the point the author grants against the claim, without being a reason for or
    against anything. A statement whose chain stops at a reference to a missing id is left to
    dangling-reference, which reports the cause. Skipped when the map has no thesis.

Why this matters:
    A statement that bears on nothing is either a forgotten relation or material that does not
    belong to this argument; either way the diagram shows it floating and the evaluation ignores it.

Example:
    statements:
      thesis: {role: thesis, text: The feast is in the A-share market.}
      vc-is-cautious: {text: Venture capitalists invest cautiously.}

Use instead:
    statements:
      thesis: {role: thesis, text: The feast is in the A-share market.}
      vc-is-cautious: {text: Venture capitalists invest cautiously., supports: [thesis]}
      # a point the author only grants needs no inference made up for it to feed:
      big-firms-spend: {text: Big firms spend heavily on AI., concedes: [vc-is-cautious]}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.graph import answering, dangling, leading_to
from argmap.rule import Context

CODE = "ARG204"
NAME = "unreachable-claim"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "graph"
WHOLE = True  # about what is absent: skipped when parts of the map could not be read


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    graph = ctx.graph
    theses = [n for n, role in graph.nodes(data="role") if role == "thesis"]
    if not theses:
        return
    # a statement that answers (or raises) a critical question of an inference leads where the inference leads
    reached = leading_to(graph, theses, also=answering(ctx.amap))
    # a statement whose chain a missing id cuts was meant to lead somewhere: dangling-reference reports the cause
    cut = dangling(ctx.amap, graph)
    for node, kind in graph.nodes(data="kind"):
        if kind == "statement" and node not in reached and node not in cut:
            yield ctx.amap.problem(CODE, node, message=f"{node!r} does not lead to the thesis {theses[0]!r}")

