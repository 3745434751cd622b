"""An `expect:` assertion about the map's shape that does not hold.

What it does:
    Checks each entry of `expect:`. Its `select:` picks statements by `id`, `role`, `tag` and
    `group` (all given must match; an empty selector picks every statement). Then `count`,
    `min` and `max` bound how many are picked, and `each:` says what every picked statement must
    do: `supports: X` or `attacks: X` directly (alone or as a co-premise), `reaches: X` through
    any chain of relations (a concession leads where the claim it concedes leads, and an answer
    to a critical question where its inference leads, as for unreachable-claim), `quoted-from:
    [sources]` carry a quote from each source. Failures are reported at the assertion, naming
    the statements that break it, and the reference to a missing id on a statement's chain when
    there is one (the likely cause: dangling-reference reports it).

Why this matters:
    Assertions pin down what a map is meant to say, so that an edit that deletes a summary
    point, or detaches one from the thesis, fails CI like a broken unit test.

Example:
    expect:
      - {select: {tag: summary-point}, count: 4, each: {supports: thesis}}
    # ...with only three statements tagged summary-point.

Use instead:
    Restore the fourth point, or change the assertion if the map's shape really changed.

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.graph import Graph, answering, dangling, leading_to
from argmap.model import ArgumentMap
from argmap.rule import Context
from argmap.schema import Each, Selector, Statement

CODE = "ARG205"
NAME = "failed-expectation"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "graph"
WHOLE = True  # about what is absent: skipped when parts of the map could not be read


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap, graph = ctx.amap, ctx.graph
    reaching: dict[str, frozenset[str]] = {}
    cut = dangling(amap, graph)
    for index, expectation in enumerate(amap.expectations):
        chosen = [sid for sid, statement in amap.statements.items() if _matches(expectation.select, sid, statement)]
        prefix = f"{expectation.message}: " if expectation.message else ""
        bounds = [("count", expectation.count, len(chosen) != expectation.count, "exactly"),
                  ("min", expectation.min, len(chosen) < (expectation.min or 0), "at least"),
                  ("max", expectation.max, expectation.max is not None and len(chosen) > expectation.max, "at most")]
        for name, bound, failed, words in bounds:
            if bound is not None and failed:
                found = ", ".join(repr(s) for s in chosen[:10]) + (", ..." if len(chosen) > 10 else "")
                yield amap.expectation_problem(CODE, index, name,
                                               message=f"{prefix}expected {words} {bound} {_describe(expectation.select, bound)},"
                                                       f" found {len(chosen)}"
                                               + (f" ({found})" if chosen else ""))
        if expectation.each is None:
            continue
        for sid in chosen:
            for reason, through in _each_failures(expectation.each, sid, amap, graph, reaching):
                cause = cut.get(sid) if through is not None else None
                if cause is not None and through == "own" and cause[0] != sid:
                    cause = None
                because = f"; {cause[0]!r} {cause[1]} {cause[2]!r}, which is not defined" if cause else ""
                yield amap.expectation_problem(CODE, index, "each", message=f"{prefix}{sid!r} {reason}{because}")


def _matches(select: Selector, sid: str, statement: Statement) -> bool:
    return ((select.id is None or select.id == sid) and (select.role is None or select.role == statement.role)
            and (select.tag is None or select.tag in statement.tags)
            and (select.group is None or select.group == statement.group))


def _describe(select: Selector, count: int) -> str:
    parts = [f"{name} {getattr(select, name)!r}" for name in ("id", "role", "tag", "group") if getattr(select, name)]
    return ("statement" if count == 1 else "statements") + (" with " + " and ".join(parts) if parts else "")


def _reaching(amap: ArgumentMap, graph: Graph, target: str, cache: dict[str, frozenset[str]]) -> frozenset[str]:
    """The nodes from which a chain of relations leads to ``target``: one search per target and check,
    however many statements an expectation selects (a search per statement is quadratic)."""
    if target not in cache:
        cache[target] = frozenset(leading_to(graph, [target], also=answering(amap)))
    return cache[target]


def _each_failures(each: Each, sid: str, amap: ArgumentMap, graph: Graph,
                   reaching: dict[str, frozenset[str]]) -> Iterator[tuple[str, str | None]]:
    """Why the statement fails ``each``, and where a missing id may be the cause: in the statement's own
    relations ("own"), anywhere on its chain ("chain"), or nowhere (None)."""
    for relation in ("supports", "attacks"):
        target = getattr(each, relation)
        if target is None:
            continue
        direct = {t for inference in graph.successors(sid) if graph.nodes[inference]["relation"] == relation[:-1]
                  for t in graph.successors(inference)}
        if target not in direct:
            yield f"does not {relation[:-1]} {target!r}", "own"
    if each.reaches is not None and sid not in _reaching(amap, graph, each.reaches, reaching):
        yield f"does not lead to {each.reaches!r}", "chain"
    quoted = {quote.source for quote in amap.statements[sid].quotes}
    missing = [source for source in each.quoted_from if source not in quoted]
    if missing:
        yield f"has no quote from {', '.join(repr(m) for m in missing)}", None
