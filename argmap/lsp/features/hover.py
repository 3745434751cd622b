"""Hover on an id: its text in every language, its role, its quotes and its evaluation label."""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.lsp.analysis import Analysis
from argmap.lsp.convert import site_range
from argmap.lsp.cursor import Cursor, cursor, word_at
from argmap.lsp.schemes import question_lines
from argmap.lsp.server import ArgmapServer, guarded

__all__ = ["register", "describe"]

_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
LABELS = {"IN": "accepted", "OUT": "rejected", "UNDEC": "undecided"}


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded(server, "hover")
    def hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
        here = cursor(ls, params.text_document.uri, params.position)
        if here is not None and here.site is None:
            return _scheme_hover(here)
        if here is None or here.site is None:
            return None
        text = describe(here.analysis, here.site.space, here.site.name)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
                           range=site_range(ls.workspace.position_codec, here.lines, here.site))


def _scheme_hover(here: Cursor) -> types.Hover | None:
    """On the value of `scheme:`, the scheme's card."""
    from argmap.lsp.context import at
    from argmap.lsp.schemes import scheme_card

    place = at(here.lines, here.line - 1, here.column - 1)
    if not place.value or place.key != "scheme":
        return None
    text = scheme_card(here.analysis, word_at(here.lines, here.line, here.column))
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text)) if text else None


def _escape(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


def _texts(value: object, languages: tuple[str, ...]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [f"- **{languages[0]}** {_escape(value)}"]
    if isinstance(value, dict):
        return [f"- **{_escape(lang)}** {_escape(text)}" for lang, text in value.items()]
    return []


def describe(analysis: Analysis, space: str, name: str) -> str | None:
    """The Markdown that tells what ``name`` is, or None when the map does not define it."""
    amap = analysis.checked.amap
    if amap is None:
        return None
    if space == "node" and name in amap.statements:
        statement = amap.statements[name]
        head = f"**{_escape(name)}** · {statement.role}" + (" · the analyst's" if statement.by == "analyst" else "")
        out = [head, "", *_texts(statement.text, amap.languages)]
        if statement.quotes:
            out += ["", "Quotes:"]
            out += [f"- {_escape(q.source)}: “{_escape(q.text)}”" for q in statement.quotes]
        out += _label(analysis, name)
        out += question_lines(analysis, name)
        return "\n".join(out)
    if space == "node" and name in amap.arguments:
        argument = amap.arguments[name]
        head = f"**{_escape(name)}** · argument: {', '.join(argument.premises)} {argument.relation}s {argument.target}"
        out = [head + (" · the analyst's" if argument.by == "analyst" else "")]
        if argument.label is not None:
            out += ["", *_texts(argument.label, amap.languages)]
        out += _label(analysis, name)
        out += question_lines(analysis, name)
        return "\n".join(out)
    if space == "source" and name in amap.sources:
        source = amap.sources[name]
        out = [f"**{_escape(name)}** · source"]
        out += [f"- {field}: {_escape(value)}" for field, value in
                (("title", source.title), ("language", source.language), ("path", source.path), ("url", source.url))
                if value]
        return "\n".join(out)
    if space == "group" and name in amap.groups:
        group = amap.groups[name]
        members = [sid for sid, s in amap.statements.items() if s.group == name]
        return "\n".join([f"**{_escape(name)}** · group of {len(members)}", "", *_texts(group.label, amap.languages)])
    return None


def _label(analysis: Analysis, name: str) -> list[str]:
    label = analysis.labels.get(name)
    if label is None:
        return []
    return ["", f"Grounded semantics: **{label}** ({LABELS.get(label, label.lower())})"]
