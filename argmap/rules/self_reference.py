"""A statement or argument that supports, attacks or concedes itself.

What it does:
    Reports a statement listed in its own `supports:`, `attacks:` or `concedes:`, an argument
    whose premise is its own conclusion, and an argument that undercuts itself.

Why this matters:
    "A because A" is the shortest circular argument; an attack on oneself makes a claim
    self-defeating in every semantics; a point cannot be granted against itself. None of these is
    what an analyst means to write.

Example:
    statements:
      feast-is-real: {text: The feast is real., supports: [feast-is-real]}

Use instead:
    statements:
      feast-is-real: {text: The feast is real.}
      shares-soared: {role: evidence, text: AI-themed shares soared., supports: [feast-is-real]}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context

CODE = "ARG103"
NAME = "self-reference"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    for sid, statement in amap.statements.items():
        for field in ("supports", "attacks", "concedes"):
            for index, target in enumerate(getattr(statement, field)):
                if target == sid:
                    yield amap.problem(CODE, sid, field, index, message=f"{sid!r} {field} itself")
    for aid, argument in amap.arguments.items():
        field = argument.relation + "s"
        if argument.target == aid:
            yield amap.problem(CODE, aid, field, message=f"argument {aid!r} {field} itself")
        for index, premise in enumerate(argument.premises):
            if premise == argument.target:
                yield amap.problem(CODE, aid, "premises", index,
                                   message=f"argument {aid!r} has its conclusion {premise!r} among its premises")
