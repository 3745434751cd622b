"""A thesis, or a reason given for something, that nothing supports.

What it does:
    Reports the thesis, and each claim that supports something on its own, when neither a reason
    nor evidence stands behind it. Evidence is exempt: it is where support ends. So are
    objections and rebuttals (a statement whose only part is to attack: its force is the attack)
    and the premises of a linked argument (they are the grounds, jointly); a claim that also
    supports something alone is checked.

Why this matters:
    An argument map shows why a claim should be believed; a reason that rests on nothing is an
    assertion the thesis leans on. It may be deliberate (a premise everyone shares), which is
    why this is a warning.

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
WHOLE = True  # about what is absent: skipped when parts of the map could not be read


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    graph = ctx.graph
    nodes = graph.nodes
    meant: dict[str, tuple[str, str]] | None = None
    for node, data in nodes(data=True):
        if data["kind"] != "statement" or data["role"] == "evidence":
            continue
        # A lone reason: a one-premise support inference of its own (not a linked argument's premise).
        reason = any(nodes[i]["relation"] == "support" and not nodes[i]["explicit"] for i in graph.successors(node))
        if data["role"] != "thesis" and not reason:
            continue
        if not any(nodes[p]["relation"] == "support" for p in graph.predecessors(node)):
            meant = _misspelt(ctx) if meant is None else meant
            cause = meant.get(node)
            because = f"; {cause[0]!r} supports {cause[1]!r}, which is not defined" if cause else ""
            yield ctx.amap.problem(CODE, node, message=f"{data['role']} {node!r} has no support or evidence{because}")


MISSPELT = 100
"""Dangling support targets looked at for the claim they may mean (each costs a comparison with every id)."""


def _misspelt(ctx: Context) -> dict[str, tuple[str, str]]:
    """For a statement that a dangling support target seems to mean: the statement that wrote it, and how."""
    from argmap.suggest import closest

    amap, graph = ctx.amap, ctx.graph
    written = [(sid, t) for sid, s in amap.statements.items() for t in s.supports if t not in graph]
    written += [(aid, a.supports) for aid, a in amap.arguments.items() if a.supports and a.supports not in graph]
    found: dict[str, tuple[str, str]] = {}
    for source, target in written[:MISSPELT]:
        meant = closest(target, amap.statements)
        if meant is not None:
            found.setdefault(meant, (source, target))
    return found
