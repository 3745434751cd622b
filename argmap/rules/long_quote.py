"""A quote too long to be a quote: the map should cite its source, not copy it.

What it does:
    Reports each quote whose text is wider than `max-width` display columns (East Asian wide
    characters count two, whitespace runs count one), 240 by default: about two sentences of
    English or French, or one long sentence of Japanese.

Why this matters:
    A quote anchors a statement in the words of its source; a clause or a sentence is enough to
    find the place and check the reading. Long quotes copy the source into the map, which the
    source's rights may not allow, and they bury the part that carries the claim.

Example:
    quotes:
      - source: essay-fr
        text: "Cependant, l'enthousiasme du marché secondaire ... (three paragraphs)"

Use instead:
    quotes:
      - {source: essay-fr, text: "il n'y a pas de festin du tout"}

Options:
    max-width: the widest quote allowed, in display columns (default 240).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context
from argmap.texts import width

CODE = "ARG305"
NAME = "long-quote"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {"max-width": 240}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    limit = options["max-width"]
    for sid, statement in amap.statements.items():
        for index, quote in enumerate(statement.quotes):
            columns = width(" ".join(quote.text.split()))
            if columns > limit:
                yield amap.problem(CODE, sid, "quotes", index, "text",
                                   message=f"a quote of {columns} columns from {quote.source!r} is over the"
                                           f" {limit}-column limit; quote the clause that carries the claim")
