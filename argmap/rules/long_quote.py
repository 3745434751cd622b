"""A quote too long to be a quote: the map should cite its source, not copy it.

What it does:
    Reports each quote whose text is wider than `max-width` display columns (East Asian wide
    characters count two, whitespace runs count one), 100 by default: a clause. In the French
    and Japanese essays the maps of this project quote, the median sentence is 164 and 120
    columns wide and a quarter of the sentences are under 106 and 76; a quote that identifies a
    passage needs a distinctive clause, not the sentence.

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
    max-width: the widest quote allowed, in display columns (default 100).
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
OPTIONS: dict[str, Any] = {"max-width": 100}
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
