"""A text not given in every language the map declares.

What it does:
    When a map declares `languages:`, reports each statement text, argument label, group label
    and map title that lacks one of them, naming the missing languages. A plain string counts as
    the first (default) language.

Why this matters:
    A trilingual map whose diagram falls back to another language on some nodes misleads the
    readers it was translated for; this rule keeps the translations complete as the map grows.

Example:
    languages: [en, fr]
    statements:
      thesis: {role: thesis, text: {en: The feast is in the A-share market.}}

Use instead:
    languages: [en, fr]
    statements:
      thesis:
        role: thesis
        text: {en: The feast is in the A-share market., fr: Le festin est sur le marché des actions A.}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context
from argmap.schema import Text

CODE = "ARG301"
NAME = "missing-translation"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    if amap.declared_languages is None:
        return
    languages = amap.languages

    def lacking(text: Text) -> list[str]:
        given = {languages[0]} if isinstance(text, str) else set(text)
        return [language for language in languages if language not in given]

    def message(what: str, missing: list[str]) -> str:
        return f"{what} has no text in {', '.join(missing)}"

    if amap.title is not None and (missing := lacking(amap.title)):
        yield amap.map_problem(CODE, "title", message=message(f"the title of map {amap.id!r}", missing))
    for sid, statement in amap.statements.items():
        if missing := lacking(statement.text):
            yield amap.problem(CODE, sid, "text", message=message(f"statement {sid!r}", missing))
    for aid, argument in amap.arguments.items():
        if argument.label is not None and (missing := lacking(argument.label)):
            yield amap.problem(CODE, aid, "label", message=message(f"the label of argument {aid!r}", missing))
    for gid, group in amap.groups.items():
        if missing := lacking(group.label):
            yield amap.problem(CODE, gid, "label", section="groups",
                               message=message(f"the label of group {gid!r}", missing))
