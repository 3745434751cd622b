"""Inlay hints: after each id written as a reference, the start of that statement's text (and, when the
editor asks for it, its evaluation label)."""

from __future__ import annotations

from lsprotocol import types

from argmap.lsp.convert import position
from argmap.lsp.server import ArgmapServer, guarded

__all__ = ["register", "HINT_LENGTH"]

HINT_LENGTH = 32
"""Characters of a statement's text shown in a hint."""


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_INLAY_HINT)
    @guarded(server, "inlay hints", [])
    def hints(ls: ArgmapServer, params: types.InlayHintParams) -> list[types.InlayHint]:
        from argmap.texts import pick_text

        path = ls.path(params.text_document.uri)
        if path is None:
            return []
        analysis = ls.analysis(path)
        amap = analysis.checked.amap
        if amap is None:
            return []
        lines = ls.lines(path)
        codec = ls.workspace.position_codec
        first, last = params.range.start.line + 1, params.range.end.line + 1
        found = []
        for site in analysis.index.sites.get(path, ()):
            if site.definition or site.space != "node" or not first <= site.line <= last:
                continue
            statement = amap.statements.get(site.name)
            if statement is None:
                continue
            text = " ".join(pick_text(statement.text, None, amap.languages[0]).split())
            label = text if len(text) <= HINT_LENGTH else text[:HINT_LENGTH - 1].rstrip() + "…"
            if ls.options.evaluation_hints and site.name in analysis.labels:
                label += f" [{analysis.labels[site.name]}]"
            found.append(types.InlayHint(position=position(codec, lines, site.line, site.column + site.length),
                                         label=label, padding_left=True, kind=types.InlayHintKind.Parameter))
        return found
