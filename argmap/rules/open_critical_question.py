"""A critical question of an inference's scheme that the map leaves open.

What it does:
    For each inference with a `scheme:`, lists the scheme's critical questions that are still
    open, each at the inference, with the question's text in the map's first language (English
    when the catalogue has none in it). An assumption is open until a statement `answers:` it or
    an objection `raises:` it; an exception, which defeats the inference only when raised, is
    reported only with the option `exceptions: true`.

Why this matters:
    A scheme is only as strong as its critical questions: an argument from expert opinion stands
    if the source is an expert in the field, really said it, and has evidence behind it. An
    assumption nobody answered is a gap in the case, and a reader should see it as one; this is
    the check an analyst makes by hand, made at every change.

Example:
    arguments:
      analyst-says:
        premises: [analyst-quote, analyst-record]
        supports: valuations-too-high
        scheme: expert-opinion

Use instead:
    statements:
      analyst-cites-filings:
        text: The analyst's figures come from the firms' own filings
        answers: {analyst-says: evidence}
    arguments:
      analyst-says:
        premises: [analyst-quote, analyst-record]
        supports: valuations-too-high
        scheme: expert-opinion

Options:
    exceptions (boolean, default false): also list the exceptions no objection raised and no
    statement answered, as a checklist.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context
from argmap.schemes import text_of

CODE = "ARG310"
NAME = "open-critical-question"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {"exceptions": False}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    lang = amap.languages[0]
    for use in ctx.scheme_uses().uses.values():
        for question in use.open_questions(options["exceptions"]):
            yield amap.problem(CODE, use.owner, "scheme", section=use.section,
                               message=f"open {question.type} {question.id!r} of {use.inference!r} ({use.scheme}):"
                                       f" {text_of(question.question.text, lang)}")
