"""A reason counted twice: it supports a claim on its own and again through another claim it supports.

What it does:
    Reports each one-premise support from a statement to a claim (a `supports:` entry, or a named
    argument with a single premise) when a chain of supports also leads from that statement to
    the same claim through another statement: the reason reaches the claim twice, once directly
    and once through the step between. The message shows the other chain, and the step is a
    related location. A linked argument is not judged as the direct step (its premises support
    only together), but it may be a step of the other chain. Attacks and concessions are not
    supports and end no chain. Where the supports form a dense web, the search stops after a
    number of steps proportional to the size of the map, and what it found by then is reported.

Why this matters:
    A reason that supports a conclusion and also the intermediate claim that supports that
    conclusion is counted twice: gradual semantics add its weight on both paths, so the
    conclusion's strength, and how two answers rank, change with how the map was drawn rather
    than with what the argument says. Point it at the intermediate claim or at the conclusion,
    not both. Where the source itself uses one reason twice (a summary point that is also the
    reason for the next), a faithful map keeps both links: set the rule to `info` in the
    project's configuration, and the finding stays listed as a note on the source's reasoning.

Example:
    statements:
      answer: {role: thesis, text: There is no feast outside the stock market.}
      overestimated: {text: Popularity has been overestimated., supports: [answer]}
      vc-cautious: {text: Investors are cautious., supports: [overestimated, answer]}

Use instead:
    statements:
      answer: {role: thesis, text: There is no feast outside the stock market.}
      overestimated: {text: Popularity has been overestimated., supports: [answer]}
      vc-cautious: {text: Investors are cautious., supports: [overestimated]}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.graph import Graph
from argmap.rule import Context

CODE = "ARG208"
NAME = "double-counted-support"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}
INPUT = "graph"

BUDGET_PER_EDGE = 16
"""Relations the search may follow, per edge of the map's graph: a dense web of supports is searched this far and no
further, so that checking stays linear in the size of the map."""


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    graph = ctx.graph
    onward = _supported_by_each(graph)
    budget = [BUDGET_PER_EDGE * (graph.number_of_edges() + 1)]
    for premise, steps in onward.items():
        direct = [(inference, claim) for inference, claim, alone in steps if alone]
        if not direct or len({claim for _, claim, _ in steps}) < 2:
            continue  # a shortcut needs a direct step and a second claim to go through
        for inference, claim in direct:
            chain = _other_chain(onward, premise, claim, budget)
            if chain is None:
                continue
            yield _finding(ctx, inference, premise, claim, chain)
        if budget[0] <= 0:
            return


def _supported_by_each(graph: Graph) -> dict[str, list[tuple[str, str, bool]]]:
    """For each statement, the supports it takes part in: (inference, claim supported, whether it is the only premise)."""
    nodes, succ, pred = graph.nodes, graph.succ, graph.pred
    onward: dict[str, list[tuple[str, str, bool]]] = {}
    for node, data in nodes.items():
        if data["kind"] != "inference" or data["relation"] != "support":
            continue
        claim = next((t for t in succ[node] if nodes[t]["kind"] == "statement"), None)
        if claim is None:
            continue
        premises = [p for p in pred[node] if pred[node][p]["kind"] == "premise"]
        for premise in premises:
            onward.setdefault(premise, []).append((node, claim, len(premises) == 1))
    return onward


def _other_chain(onward: dict[str, list[tuple[str, str, bool]]], start: str, claim: str,
                 budget: list[int]) -> list[str] | None:
    """A shortest chain of supports from ``start`` to ``claim`` through at least one other statement."""
    parents: dict[str, str] = {}
    queue = [c for _, c, _ in onward.get(start, ()) if c not in (claim, start)]
    for first in queue:
        parents.setdefault(first, start)
    for node in queue:
        steps = onward.get(node, ())
        budget[0] -= 1 + len(steps)
        if budget[0] < 0:
            return None
        for _, after, _ in steps:
            if after == claim:
                chain = [node]
                while parents[chain[-1]] != start:
                    chain.append(parents[chain[-1]])
                return [*reversed(chain), claim]
            if after not in parents and after != start:
                parents[after] = node
                queue.append(after)
    return None


def _finding(ctx: Context, inference: str, premise: str, claim: str, chain: list[str]) -> Diagnostic:
    amap = ctx.amap
    steps = " -> ".join([premise, *chain])
    message = (f"{premise!r} supports {claim!r} directly and again through {steps}: its weight is counted twice;"
               f" support {chain[0]!r} or {claim!r}, not both")
    if inference in amap.arguments:
        found = amap.problem(CODE, inference, "supports", message=message)
    else:
        index = amap.statements[premise].supports.index(claim)
        found = amap.problem(CODE, premise, "supports", index, message=message)
    return replace(found, related=(amap.where(chain[0]),))
