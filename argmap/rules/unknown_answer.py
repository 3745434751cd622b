"""An answer to the map's question that is not one of its statements.

What it does:
    Checks each id under `question: answers:` against the map's statements (an argument is not an
    answer: an answer is a position the map evaluates), and reports an id that is missing, with
    the closest statement id when there is one, and an answer listed twice.

Why this matters:
    `argmap eval` gives each answer its own verdict and the diagram draws the question above its
    answers; a misspelt answer would silently drop out of both, and the map would seem to answer
    its question with fewer positions than it takes.

Example:
    question:
      answers: [feast-in-a-share, no-feast-elsewhere]

Use instead:
    question:
      answers: [feast-in-a-shares, no-feast-elsewhere]

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context
from argmap.suggest import did_you_mean

CODE = "ARG206"
NAME = "unknown-answer"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    if amap.question is None:
        return
    seen: set[str] = set()
    for index, answer in enumerate(amap.question.answers):
        if answer in seen:
            yield amap.map_problem(CODE, "question", "answers", index,
                                   message=f"answer {answer!r} is listed twice")
        elif answer not in amap.statements:
            yield amap.map_problem(CODE, "question", "answers", index,
                                   message=f"answer {answer!r} is not a statement of the map"
                                           + did_you_mean(answer, list(amap.statements)))
        seen.add(answer)
