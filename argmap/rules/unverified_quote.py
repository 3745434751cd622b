"""Quotes whose source text argmap cannot read, so cannot verify.

What it does:
    For each source that has quotes but whose text is not available (no `path`, the file is not
    beside the map nor in any configured `source-dirs`, or it does not match the map's `sha256`),
    reports once, at the source, how many quotes stay unverified and why.

Why this matters:
    Third-party texts are often not committed next to a map; the check should say plainly that
    its quotes were taken on trust rather than pass as if they had been verified.

Example:
    sources:
      essay-fr: {language: fr, path: essay-fr.txt}    # the file is not in the clone

Use instead:
    Point argmap at the texts: `argmap check --source-dir texts/ models/`, or `source-dirs:` in
    `.argmap.yaml`.

Options:
    None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context

CODE = "ARG303"
NAME = "unverified-quote"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    counts = Counter(quote.source for statement in amap.statements.values() for quote in statement.quotes)
    for source_id, count in counts.items():
        source = ctx.texts.get(source_id)
        if source is None or source.available or source.outside:  # source-outside-map says why
            continue
        quotes = "quote" if count == 1 else "quotes"
        yield amap.problem(CODE, source_id, section="sources",
                           message=f"{count} {quotes} from {source_id!r} unverified: {source.reason}")
