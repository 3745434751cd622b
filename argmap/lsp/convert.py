"""Between argmap's places (1-based line and column, in characters) and the protocol's (0-based, in the
client's code units), and from findings to the protocol's diagnostics."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.uris import from_fs_path, to_fs_path

from argmap.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from pygls.workspace.position_codec import PositionCodec

    from argmap.lsp.index import Site

__all__ = ["lines_of", "uri_of", "path_of", "position", "character", "site_range", "token_range", "to_diagnostic",
           "SEVERITIES"]

_BREAK = re.compile(r"\r\n|\r|\n")
_TOKEN = re.compile(r"\"(?:[^\"\\]|\\.)*\"?|'(?:[^']|'')*'?|[^\s,\[\]{}#:]+(?::[^\s,\[\]{}#:]+)*")

SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}


def lines_of(text: str) -> list[str]:
    """The lines of a text as the protocol counts them (a line break is \\n, \\r\\n or \\r)."""
    return _BREAK.split(text)


def uri_of(path: Path) -> str:
    return from_fs_path(str(path)) or path.as_uri()


def path_of(uri: str) -> Path | None:
    """The real path of a file URI (None for another scheme)."""
    import os

    found = to_fs_path(uri)
    if not found or not uri.startswith("file:"):
        return None
    return Path(os.path.realpath(found))


def character(codec: PositionCodec, lines: Sequence[str], line: int, column: int) -> int:
    """A 0-based column in characters on 0-based ``line``, in the client's code units."""
    text = lines[line] if 0 <= line < len(lines) else ""
    return int(codec.client_num_units(text[:column]))


def position(codec: PositionCodec, lines: Sequence[str], line: int, column: int) -> types.Position:
    """The protocol's position of argmap's 1-based line and column (0: the start)."""
    line0 = max(line - 1, 0)
    return types.Position(line=line0, character=character(codec, lines, line0, max(column - 1, 0)))


def server_column(codec: PositionCodec, lines: Sequence[str], at: types.Position) -> tuple[int, int]:
    """argmap's 1-based line and column of a protocol position."""
    text = lines[at.line] if 0 <= at.line < len(lines) else ""
    units = 0
    for index, char in enumerate(text):
        if units >= at.character:
            return at.line + 1, index + 1
        units += int(codec.client_num_units(char))
    return at.line + 1, len(text) + 1


def site_range(codec: PositionCodec, lines: Sequence[str], site: Site) -> types.Range:
    start = position(codec, lines, site.line, site.column)
    end = position(codec, lines, site.line, site.column + site.length)
    return types.Range(start=start, end=end)


def token_range(codec: PositionCodec, lines: Sequence[str], line: int, column: int) -> types.Range:
    """The range of the word or scalar that starts at a finding's place (its whole line when unplaced)."""
    if line <= 0:
        return types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    text = lines[line - 1] if line - 1 < len(lines) else ""
    start = max(column, 1)
    found = _TOKEN.match(text, start - 1)
    end = found.end() + 1 if found is not None and found.end() > start - 1 else start + 1
    if column <= 0:
        start, end = len(text) - len(text.lstrip()) + 1, len(text) + 1
    return types.Range(start=position(codec, lines, line, start), end=position(codec, lines, line, min(end, len(text) + 1)))


def to_diagnostic(codec: PositionCodec, lines: Sequence[str], finding: Diagnostic, docs: str | None,
                  related: list[types.DiagnosticRelatedInformation] | None = None) -> types.Diagnostic:
    """A finding as the protocol's diagnostic: its code linked to the rule's documentation."""
    from argmap.ruledocs import anchor
    from argmap.rules import BY_CODE

    rule = BY_CODE.get(finding.code)
    link = types.CodeDescription(href=f"{docs}#{anchor(rule)}") if docs and rule is not None else None
    return types.Diagnostic(
        range=token_range(codec, lines, finding.line, finding.column),
        message=finding.message,
        severity=SEVERITIES.get(finding.severity, types.DiagnosticSeverity.Information),
        code=finding.code,
        code_description=link,
        source="argmap",
        data={"name": finding.name},
        related_information=related or None,
    )
