"""Quotes whose source text argmap cannot read, so cannot verify.

What it does:
    For the sources that have quotes but whose text is not available (no `path`, the file is not
    beside the map nor in any source folder, or it does not match the map's `sha256`), gives one
    note per map, at the first such source: how many quotes stay unverified, from which sources,
    why, and how to point argmap at the texts.

Why this matters:
    Third-party texts are often not committed next to a map; the check should say plainly that
    its quotes were taken on trust rather than pass as if they had been verified, and say once
    how to verify them, rather than warn at every source on every run.

Example:
    sources:
      essay-fr: {language: fr, path: essay-fr.txt}    # the file is not in the clone

Use instead:
    Point argmap at the texts: `argmap check --source-dir texts/ models/`, the environment
    variable `ARGMAP_SOURCE_DIRS=texts/`, or `source-dirs: [texts]` in `.argmap.yaml`. Raise the
    rule to `warning` or `error` in the configuration where quotes must be verified.

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
SEVERITY = Severity.INFO
OPTIONS: dict[str, Any] = {}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    counts = Counter(quote.source for statement in amap.statements.values() for quote in statement.quotes)
    unread = [(source_id, count, text) for source_id, count in counts.items()
              if (text := ctx.texts.get(source_id)) is not None and not text.available
              and not text.outside]  # source-outside-map says why for those
    if not unread:
        return
    total = sum(count for _, count, _ in unread)
    parts = [f"{source_id!r} ({count}: {text.reason})" for source_id, count, text in unread]
    missing = any(text.path is None and "sha256" not in text.reason for _, _, text in unread)
    hint = ("; name the folder that holds the texts with --source-dir, ARGMAP_SOURCE_DIRS or `source-dirs:` in"
            " .argmap.yaml" if missing else "")
    quotes = "quote is" if total == 1 else "quotes are"
    yield amap.problem(CODE, unread[0][0], section="sources",
                       message=f"{total} {quotes} unverified, from {', '.join(parts)}{hint}")
