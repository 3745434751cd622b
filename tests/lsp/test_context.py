"""Where the cursor stands, read from the text alone."""

from __future__ import annotations

from argmap.lsp.context import Place, at


def test_a_position_past_the_last_line_is_a_place_with_nothing_around_it() -> None:
    lines = ["argmap: 1", "statements:", "  a: {text: x}", ""]
    assert at(lines, 6, 3) == Place(keys=(), key=None, value=False, prefix="", start=3)
