"""A quote that is not in its source text.

What it does:
    For every source whose text argmap can read, looks for each quote attributed to it. Both are
    compared after Unicode compatibility folding (full-width and half-width forms match) with all
    whitespace and line breaks removed; any other difference is a finding, reported with how much
    of the quote matched before it diverged.

Why this matters:
    Quotes anchor the map in what the author actually wrote. A paraphrase passed off as a quote,
    a silently "corrected" word, or a quote attributed to the wrong source puts words into the
    author's mouth. Quotes whose source text is not available are `unverified-quote` instead.

Example:
    quotes:
      - {source: essay-fr, text: "les investisseurs sont très enthousiastes"}

Use instead:
    quotes:
      - {source: essay-fr, text: "ils seront très prudents lorsqu'ils investiront"}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context
from argmap.texts import matched_prefix, normalise

CODE = "ARG302"
NAME = "quote-not-found"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    for sid, statement in amap.statements.items():
        for index, quote in enumerate(statement.quotes):
            source = ctx.texts.get(quote.source)
            if source is None or source.normalised is None:
                continue
            wanted = normalise(quote.text)
            if source.contains(wanted):
                continue
            matched = matched_prefix(wanted, source.normalised)
            hint = f"; its first {matched} characters match, then it differs" if matched >= 4 else ""
            yield amap.problem(CODE, sid, "quotes", index, "text",
                               message=f"quote of {sid!r} is not in source {quote.source!r}{hint}")
