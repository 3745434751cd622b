"""Go to definition (ids, sources, groups, includes, rule codes in the configuration) and find references."""

from __future__ import annotations

from lsprotocol import types

from argmap.lsp.convert import uri_of
from argmap.lsp.cursor import cursor, location, word_at
from argmap.lsp.server import ArgmapServer, guarded

__all__ = ["register"]


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @guarded(server, "go to definition")
    def definition(ls: ArgmapServer, params: types.DefinitionParams) -> list[types.Location] | None:
        from argmap.config import CONFIG_NAMES

        path = ls.path(params.text_document.uri)
        if path is not None and path.name in CONFIG_NAMES:
            return _rule_docs(ls, path, params.position)
        here = cursor(ls, params.text_document.uri, params.position)
        if here is None or here.site is None:
            return None
        site = here.site
        if site.space == "include":
            target = here.analysis.files.get(ls.analyzer.files().absolute(site.path.parent / site.name))
            if target is None:
                return None
            start = types.Position(line=0, character=0)
            return [types.Location(uri=uri_of(target.path), range=types.Range(start=start, end=start))]
        found = here.analysis.index.definitions(site.space, site.name)
        return [location(ls, here.analysis, d) for d in found] or None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    @guarded(server, "find references")
    def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location] | None:
        here = cursor(ls, params.text_document.uri, params.position)
        if here is None or here.site is None or here.site.space == "include":
            return None
        sites = here.analysis.index.references(here.site.space, here.site.name)
        if not params.context.include_declaration:
            sites = [s for s in sites if not s.definition]
        return [location(ls, here.analysis, s) for s in sites]


def _rule_docs(server: ArgmapServer, path: object, at: types.Position) -> list[types.Location] | None:
    """A rule code or name in the configuration leads to the rule's section of the catalogue."""
    from pathlib import Path

    from argmap.lsp.docs import rule_line, rules_document
    from argmap.rules import lookup

    assert isinstance(path, Path)
    lines = server.lines(path)
    word = word_at(lines, at.line + 1, at.character + 1)
    try:
        rule = lookup(word)
    except KeyError:
        return None
    document = rules_document()
    if document is None:
        return None
    start = types.Position(line=rule_line(document, rule.CODE), character=0)
    return [types.Location(uri=uri_of(document), range=types.Range(start=start, end=start))]
