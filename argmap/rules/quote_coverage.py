"""Quotes that together copy too much of a source: the share of its text they cover.

What it does:
    For every source whose text argmap can read, measures the share of the text that the map's
    quotes from it cover, after the normalisation of quote matching (compatibility forms folded,
    whitespace removed). Each quote counts at its first place in the text, and each character
    once however many quotes overlap it. Reports each source whose share is above `max-percent`
    (20 by default), with the share and the number of quotes; set `max-percent: 0` to have the
    share of every quoted source reported.

    A text file often holds more than the work: a title, a site's menu and disclaimer, a second
    copy. A source's `body: [first, last]` names the lines (1-based, inclusive) that hold the work
    itself, and the share is then of those lines alone: each quote counts at its first place in
    them, and a quote found only outside them covers nothing. A `body:` that runs past the end of
    the text, or holds only blank lines, is reported, and the share is then not measured.

Why this matters:
    `long-quote` limits each quote, not the total: many short quotes can still reproduce a text
    sentence by sentence. A map anchors its statements in the source; it should not become a
    copy of it, which the source's rights may not allow and which no reader needs to check a
    reading.

Example:
    quotes:
      - {source: essay, text: "In short, the feast exists only in the secondary market."}
      - {source: essay, text: "Start-ups can hardly raise money."}    # ... every sentence in turn

Use instead:
    quotes:
      - {source: essay, text: "the feast exists only"}
    # and, when the file holds a site's page around the work:
    sources:
      essay: {path: essay.txt, body: [7, 39]}

Options:
    max-percent: the largest share of a source's text the quotes may cover, in percent (default 20).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context
from argmap.texts import normalise

__all__ = ["CODE", "NAME", "SEVERITY", "OPTIONS", "INPUT", "check", "coverage"]

CODE = "ARG307"
NAME = "quote-coverage"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {"max-percent": 20}
INPUT = "map"


def coverage(text: str, quotes: list[str]) -> int:
    """How many characters of the normalised ``text`` the normalised ``quotes`` cover, each counted once.

    >>> coverage("abcdefgh", ["bcd", "cde", "xyz", "h"])
    5
    """
    spans = sorted((start, start + len(quote)) for quote in quotes
                   if quote and (start := text.find(quote)) >= 0)
    covered, end = 0, 0
    for start, stop in spans:
        start = max(start, end)  # the part an earlier quote covered is not counted again
        if stop > start:
            covered += stop - start
            end = stop
    return covered


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    limit = options["max-percent"]
    quoted: dict[str, list[str]] = defaultdict(list)
    for statement in amap.statements.values():
        for quote in statement.quotes:
            quoted[quote.source].append(normalise(quote.text))
    for source_id, quotes in quoted.items():
        source = ctx.texts.get(source_id)
        if source is None or not source.normalised:
            continue  # unverified-quote says why the text cannot be read
        text, part = source.normalised, "the text"
        if source.body is not None:
            body = source.body
            if body.normalised is None:
                yield amap.problem(CODE, source_id, "body", section="sources",
                                   message=f"the body of source {source_id!r} ends at line {body.last}, but its"
                                           f" text has {body.lines} lines; its quotes' share is not measured")
                continue
            text, part = body.normalised, f"the body (lines {body.first}-{body.last})"
            if not text:
                yield amap.problem(CODE, source_id, "body", section="sources",
                                   message=f"{part} of source {source_id!r} holds only blank lines; its quotes'"
                                           " share is not measured")
                continue
        if not text:
            continue
        share = 100 * coverage(text, quotes) / len(text)
        if share > limit or limit == 0:
            many = "quote covers" if len(quotes) == 1 else f"{len(quotes)} quotes cover"
            advice = "; quote the clause that identifies each passage" if limit else ""  # 0 only reports
            yield amap.problem(CODE, source_id, section="sources",
                               message=f"the {many} {share:.1f}% of {part} of source {source_id!r}"
                                       f" (limit {limit}%){advice}")
