"""Rename a statement, argument, source or group across every file of its map, derived ids included;
refused with a reason when the new name is taken or not an id, or while a file of the map does not read."""

from __future__ import annotations

import re
from collections import defaultdict

from lsprotocol import types

from argmap.lsp.analysis import Analysis
from argmap.lsp.convert import site_range, uri_of
from argmap.lsp.cursor import cursor
from argmap.lsp.index import Site
from argmap.lsp.server import ArgmapServer, Refused, guarded

__all__ = ["register", "refusal"]

KINDS = {"node": "statement or argument", "source": "source", "group": "group"}


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    @guarded(server, "rename")
    def prepare(ls: ArgmapServer, params: types.PrepareRenameParams) -> types.PrepareRenamePlaceholder | None:
        here = cursor(ls, params.text_document.uri, params.position)
        if here is None or here.site is None or here.site.space not in KINDS:
            return None
        if not here.analysis.index.definitions(here.site.space, here.site.name):
            raise Refused(f"{here.site.name!r} is not defined in this map, so there is nothing to rename")
        rng = site_range(ls.workspace.position_codec, here.lines, here.site)
        return types.PrepareRenamePlaceholder(range=rng, placeholder=here.site.name)

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    @guarded(server, "rename")
    def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        here = cursor(ls, params.text_document.uri, params.position)
        if here is None or here.site is None or here.site.space not in KINDS:
            return None
        site, index = here.site, here.analysis.index
        why = refusal(site.space, site.name, params.new_name, index.names(site.space)) or _unread(here.analysis)
        if why:
            raise Refused(why)
        changes: dict[str, list[types.TextEdit]] = defaultdict(list)
        seen: set[tuple[object, int, int]] = set()
        for found in index.references(site.space, site.name):
            if (found.path, found.line, found.column) in seen:
                continue
            seen.add((found.path, found.line, found.column))
            lines = ls.lines(found.path, here.analysis)
            if not _written(lines, found):
                continue  # the file changed since the analysis; leave it rather than break it
            rng = site_range(ls.workspace.position_codec, lines, found)
            changes[uri_of(found.path)].append(types.TextEdit(range=rng, new_text=params.new_name))
        return types.WorkspaceEdit(changes=dict(changes))


def _unread(analysis: Analysis) -> str | None:
    """Why the map's references cannot all be seen now: a file of it that does not read as YAML yet."""
    for loaded in analysis.files.values():
        if not isinstance(loaded.doc.data, dict):
            return (f"{loaded.display} cannot be read yet: rename once it reads again, so that none of its"
                    " references is missed")
    return None


def _written(lines: list[str], site: Site) -> bool:
    text = lines[site.line - 1] if 0 < site.line <= len(lines) else ""
    return text[site.column - 1:site.column - 1 + site.length] == site.name


def refusal(space: str, old: str, new: str, taken: list[str]) -> str | None:
    """Why ``old`` cannot become ``new`` (None: it can)."""
    from argmap.schema import ID_PATTERN

    if new == old:
        return f"{new!r} is already its name"
    if not re.fullmatch(ID_PATTERN, new) or len(new) > 120:
        return (f"{new!r} is not a valid id: use lowercase letters, digits and single hyphens"
                " (such as `cities-tax-cars`), at most 120 characters")
    if new in taken:
        return f"{new!r} is taken: the map already has a {KINDS[space]} of that name"
    return None
