"""A map with more than one thesis (or fewer or more than the configured number).

What it does:
    Counts the statements with `role: thesis` across all files of a map and reports when there
    are fewer than `min` (at the top of the root file) or more than `max` (at each extra thesis).
    A map without a thesis (an imported corpus, say) is accepted by default: each of its roots,
    a statement that supports or attacks nothing, is then taken as a main claim; set `min: 1` to
    require a thesis.

Why this matters:
    The thesis is what the whole map argues for: diagrams put it on top, `unreachable-claim`
    measures everything against it, and the evaluation reports on it first.

Example:
    statements:
      feast-is-real: {role: thesis, text: The feast is real.}
      feast-is-hype: {role: thesis, text: The feast is hype.}

Use instead:
    statements:
      feast-only-in-a-shares: {role: thesis, text: The feast is real only in the A-share market.}
      feast-is-hype: {text: The feast is hype., supports: [feast-only-in-a-shares]}

Options:
    min: the fewest theses a map may have (default 0: without a thesis, each root is a main claim).
    max: the most theses a map may have (default 1).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context

CODE = "ARG203"
NAME = "thesis-count"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {"min": 0, "max": 1}
INPUT = "map"
WHOLE = True  # about what is absent: skipped when parts of the map could not be read


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    theses = [sid for sid, statement in amap.statements.items() if statement.role == "thesis"]
    low, high = options["min"], options["max"]
    if len(theses) < low:
        found = "no thesis" if not theses else f"{len(theses)} theses"
        yield amap.map_problem(CODE, "statements", key=True,
                               message=f"map {amap.id!r} has {found}; mark its main claim `role: thesis`"
                               if low == 1 else f"map {amap.id!r} has {found}; at least {low} expected")
    if len(theses) > high:
        for sid in theses[high:]:
            yield amap.problem(CODE, sid, "role",
                               message=f"{sid!r} is a thesis too; a map has at most {high} (first: {theses[0]!r})")
