"""Formatting through `argmap fmt`'s writer: the canonical layout of the whole file, comments kept."""

from __future__ import annotations

from lsprotocol import types

from argmap.lsp.convert import lines_of
from argmap.lsp.server import ArgmapServer, Refused, guarded

__all__ = ["register", "canonical_edit"]


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @guarded(server, "formatting")
    def formatting(ls: ArgmapServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        path = ls.path(params.text_document.uri)
        if path is None:
            return None
        edit = canonical_edit(ls.documents.text(path) or "", path.name)
        if isinstance(edit, str):
            raise Refused(edit)
        return edit


def canonical_edit(text: str, name: str) -> list[types.TextEdit] | str:
    """The edit that gives ``text`` its canonical layout (none when it has it), or why it cannot be formatted."""
    from argmap.fmt import format_bytes

    done = format_bytes(text.encode("utf-8", "surrogatepass"), name)
    if done.problem is not None:
        return f"argmap fmt: {done.problem.location}: {done.problem.message}"
    if done.skipped or done.after is None or done.after == text:
        return []
    lines = lines_of(text)
    end = types.Position(line=len(lines), character=0)
    return [types.TextEdit(range=types.Range(start=types.Position(line=0, character=0), end=end), new_text=done.after)]
