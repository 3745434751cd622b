"""What is under the editor's cursor: the file, its map's analysis, the line and column, and the site there."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types

from argmap.lsp.analysis import Analysis
from argmap.lsp.convert import server_column, site_range, uri_of
from argmap.lsp.index import Site
from argmap.lsp.server import ArgmapServer

__all__ = ["Cursor", "cursor", "location", "word_at"]

_WORD = re.compile(r"[A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class Cursor:
    path: Path
    analysis: Analysis
    lines: list[str]
    line: int
    column: int
    """1-based, in characters."""
    site: Site | None


def cursor(server: ArgmapServer, uri: str, at: types.Position) -> Cursor | None:
    """The cursor at ``at`` in the document ``uri`` (None for a document that is not a file, or not a map's:
    the keys of a CI workflow are no ids to rename)."""
    path = server.path(uri)
    if path is None or not server.is_map_file(path):
        return None
    analysis = server.analysis(path)
    lines = server.lines(path)
    line, column = server_column(server.workspace.position_codec, lines, at)
    return Cursor(path, analysis, lines, line, column, analysis.index.at(path, line, column))


def location(server: ArgmapServer, analysis: Analysis, site: Site) -> types.Location:
    lines = server.lines(site.path, analysis)
    return types.Location(uri=uri_of(site.path), range=site_range(server.workspace.position_codec, lines, site))


def word_at(lines: list[str], line: int, column: int) -> str:
    """The word (letters, digits, dots, hyphens) under a 1-based line and column."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    for found in _WORD.finditer(text):
        if found.start() <= column - 1 <= found.end():
            return found[0]
    return ""
