"""One id listed twice in the same list.

What it does:
    Reports an id written a second time in one statement's `supports:`, `attacks:`, `concedes:`,
    `tags:`, `raises:` or `answers:` list, or in one argument's `premises:`, pointing at the repeat.

Why this matters:
    A repeat adds nothing: the relation is drawn and counted once. It is most often a copy that
    was meant to be edited into another id, so a reason the analyst meant to record is missing.

Example:
    statements:
      few-funds-can-invest: {text: Few funds can invest., supports: [startups-starve, startups-starve]}

Use instead:
    statements:
      few-funds-can-invest: {text: Few funds can invest., supports: [startups-starve, vc-cautious]}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context

CODE = "ARG105"
NAME = "repeated-reference"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    for sid, statement in amap.statements.items():
        lists: list[tuple[tuple[str | int, ...], Iterable[str]]] = [
            ((field,), getattr(statement, field)) for field in ("supports", "attacks", "concedes", "tags")]
        for field in ("raises", "answers"):
            value = getattr(statement, field)
            if isinstance(value, dict):
                lists += [((field, inference), ids) for inference, ids in value.items()]
            elif value is not None:
                lists.append(((field,), value))
        for path, ids in lists:
            for index, ref in _repeats(ids):
                yield amap.problem(CODE, sid, *path, index, message=_message(path[0], ref))
    for aid, argument in amap.arguments.items():
        for index, ref in _repeats(argument.premises):
            yield amap.problem(CODE, aid, "premises", index, message=_message("premises", ref))


def _repeats(ids: Iterable[str]) -> Iterator[tuple[int, str]]:
    seen: set[str] = set()
    for index, ref in enumerate(ids):
        if ref in seen:
            yield index, ref
        seen.add(ref)


def _message(field: str | int, ref: str) -> str:
    return f"{field}: {ref!r} is listed twice (a repeat counts once: was another id meant?)"
