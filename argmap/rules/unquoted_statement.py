"""A statement presented as the author's that quotes no source.

What it does:
    In a map that declares sources, reports each statement that is the author's (it has no
    `by: analyst`) but has no quote. A map that says it is its author's own case (`kind: own`)
    is not a reconstruction of a text: nothing in it is the analyst's to mark, and it is not checked.

Why this matters:
    A map of a text separates what the author says from what the analyst adds. A statement
    without a quote cannot be checked against the text: either quote the words that say it, or
    mark it as the analyst's (an implicit premise, a step the author leaves out), so that the
    diagram and `argmap eval` show it as such.

Example:
    statements:
      few-funds: {text: Few funds can invest in models}

Use instead:
    statements:
      few-funds:
        text: Few funds can invest in models
        quotes: [{source: essay, text: "very few venture funds"}]
      unstated-premise: {text: Investors need exits, by: analyst}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context

CODE = "ARG308"
NAME = "unquoted-statement"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    if not amap.sources or amap.kind == "own":
        return  # a map of no text, or its author's own case: every statement is the author's to make
    for sid, statement in amap.statements.items():
        if statement.by == "author" and not statement.quotes:
            yield amap.problem(CODE, sid, message=f"{sid!r} is presented as the author's but quotes no source;"
                                                  " quote it, or mark it `by: analyst`")
