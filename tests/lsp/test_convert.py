"""From argmap's places to the protocol's ranges."""

from __future__ import annotations

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from argmap.lsp.convert import token_range


def test_a_finding_on_a_key_underlines_the_key_not_its_colon() -> None:
    codec = PositionCodec(encoding=types.PositionEncodingKind.Utf16)
    lines = ["statements:", "  主張: {text: x}", "  a: {text: y, supports: 't:1'}"]
    assert token_range(codec, lines, 2, 3).end == types.Position(line=1, character=4)
    assert token_range(codec, lines, 1, 1).end == types.Position(line=0, character=10)
