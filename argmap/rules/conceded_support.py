"""A concession that is also counted as a reason for the claim it concedes against.

What it does:
    For each statement with `concedes:`, reports a conceded claim that the map does not define,
    and a conceded claim that the same statement also supports (on its own, or as a premise of an
    argument that supports it).

Why this matters:
    A concession is a point the author grants although it counts against their own claim ("of
    course the big firms spend heavily, but that is not investment"). Drawn as a support, it
    makes the author argue from what they only concede; drawn as both, one fact counts for and
    against the same claim.

Example:
    statements:
      heavy-spending: {text: Big firms spend heavily, supports: not-investment, concedes: not-investment}

Use instead:
    statements:
      heavy-spending: {text: Big firms spend heavily, concedes: not-investment}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context
from argmap.suggest import did_you_mean

CODE = "ARG207"
NAME = "conceded-support"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    for sid, statement in amap.statements.items():
        if not statement.concedes:
            continue
        supported = set(statement.supports) | {a.supports for a in amap.arguments.values()
                                               if a.supports is not None and sid in a.premises}
        for index, target in enumerate(statement.concedes):
            if target not in amap.statements:
                yield amap.problem(CODE, sid, "concedes", index,
                                   message=f"{sid!r} concedes {target!r}, which is not a statement of the map"
                                           + did_you_mean(target, list(amap.statements)))
            elif target in supported:
                yield amap.problem(CODE, sid, "concedes", index,
                                   message=f"{sid!r} both supports {target!r} and is conceded against it;"
                                           " a granted point is not a reason: keep one")
