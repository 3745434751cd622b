"""Completion: ids where an id goes (nearest in the graph first, their text as detail), sources, groups,
languages, roles, the keys of a statement or argument, and rule codes, severities and options in the
configuration."""

from __future__ import annotations

from lsprotocol import types

from argmap.lsp.analysis import Analysis
from argmap.lsp.context import Place, at
from argmap.lsp.convert import character, server_column
from argmap.lsp.server import ArgmapServer, guarded

__all__ = ["register", "suggestions"]

Suggestion = tuple[str, str, types.CompletionItemKind, str]
"""Label, detail, kind and sort key."""

ID_KEYS = {"supports", "attacks", "concedes", "premises", "answers", "reaches", "id"}
ROLES = ("thesis", "claim", "evidence")
STATEMENT_KEYS = ("role", "text", "note", "quotes", "group", "tags", "supports", "attacks", "base", "concedes", "by",
                  "scheme", "scheme-role", "raises", "answers")
ARGUMENT_KEYS = ("premises", "supports", "attacks", "label", "note", "by", "group", "tags", "scheme", "roles")
SEVERITIES = ("error", "warning", "info", "off")
CONFIG_KEYS = ("extends", "rules", "per-file-ignores", "source-dirs", "schemes")


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=[" ", "[", ",", "-", ":"]))
    @guarded(server, "completion")
    def complete(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList | None:
        from argmap.config import CONFIG_NAMES

        path = ls.path(params.text_document.uri)
        if path is None:
            return None
        lines = ls.lines(path)
        codec = ls.workspace.position_codec
        line, column = server_column(codec, lines, params.position)
        place = at(lines, line - 1, column - 1)
        found = _config(place) if path.name in CONFIG_NAMES else suggestions(ls.last_readable(path), place)
        start = types.Position(line=line - 1, character=character(codec, lines, line - 1, place.start))
        edit_range = types.Range(start=start, end=params.position)
        items = [types.CompletionItem(label=label, detail=detail or None, kind=kind, sort_text=order,
                                      text_edit=types.TextEdit(range=edit_range, new_text=label))
                 for label, detail, kind, order in found]
        return types.CompletionList(is_incomplete=False, items=items)


def suggestions(analysis: Analysis, place: Place) -> list[Suggestion]:
    """What may be written at ``place`` in a file of the analysed map."""
    from argmap.lsp.schemes import suggestions as scheme_suggestions
    from argmap.texts import pick_text

    amap = analysis.checked.amap
    keys = place.keys
    if amap is None:
        return []
    languages = amap.languages
    about_schemes = scheme_suggestions(analysis, place)
    if about_schemes is not None:
        return about_schemes
    if place.value and place.key in ID_KEYS:
        owner = keys[1] if len(keys) >= 2 and keys[0] in ("statements", "arguments") else None
        distance = _distances(analysis, owner)
        found = []
        for sid, statement in amap.statements.items():
            if sid != owner:
                text = " ".join(pick_text(statement.text, None, languages[0]).split())
                found.append((sid, text[:120], types.CompletionItemKind.Reference, f"{distance.get(sid, 999):04d}{sid}"))
        if place.key in ("attacks", "supports", "id"):
            found += [(aid, "argument", types.CompletionItemKind.Function, f"{distance.get(aid, 999):04d}{aid}")
                      for aid in amap.arguments if aid != owner]
        return found
    if place.value and place.key in ("source", "quoted-from"):
        return [(sid, pick_text(s.title, None, languages[0]) if s.title else "", types.CompletionItemKind.File,
                 sid) for sid, s in amap.sources.items()]
    if place.value and place.key == "group":
        return [(gid, " ".join(pick_text(g.label, None, languages[0]).split()), types.CompletionItemKind.Folder, gid)
                for gid, g in amap.groups.items()]
    if place.value and place.key == "role":
        return [(role, "", types.CompletionItemKind.EnumMember, str(i)) for i, role in enumerate(ROLES)]
    if place.value and place.key == "kind" and not keys:
        return [("own", "its author's own case", types.CompletionItemKind.EnumMember, "0"),
                ("reconstruction", "of someone else's text", types.CompletionItemKind.EnumMember, "1")]
    if place.value and place.key == "by":
        return [("author", "the source says it", types.CompletionItemKind.EnumMember, "0"),
                ("analyst", "the analyst adds it", types.CompletionItemKind.EnumMember, "1")]
    if place.value and place.key in ("languages", "language"):
        return [(lang, "", types.CompletionItemKind.Constant, f"{i:03d}") for i, lang in enumerate(languages)]
    if not place.value and keys and keys[-1] in ("text", "label", "note", "title", "description"):
        return [(lang, "language", types.CompletionItemKind.Constant, f"{i:03d}") for i, lang in enumerate(languages)]
    if not place.value and len(keys) == 2 and keys[0] in ("statements", "arguments"):
        fields = STATEMENT_KEYS if keys[0] == "statements" else ARGUMENT_KEYS
        return [(f, "relation" if f in ID_KEYS else "field", types.CompletionItemKind.Property, f"{i:02d}")
                for i, f in enumerate(fields)]
    return []


def _distances(analysis: Analysis, owner: str | None) -> dict[str, int]:
    """How many steps each node is from ``owner`` in the graph, whatever the direction (near ones first)."""
    import networkx as nx

    graph = analysis.checked.graph
    if graph is None or owner is None or owner not in graph:
        return {}
    lengths: dict[str, int] = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), owner, cutoff=12)
    return lengths


def _config(place: Place) -> list[Suggestion]:
    from argmap.config import PRESETS
    from argmap.ruledocs import sections
    from argmap.rules import RULES, lookup

    keys = place.keys
    if not place.value and not keys:
        return [(k, "setting", types.CompletionItemKind.Property, k) for k in CONFIG_KEYS]
    if place.value and place.key == "extends":
        return [(p, "preset", types.CompletionItemKind.Module, p) for p in PRESETS]
    if (not place.value and keys == ("rules",)) or (place.value and keys[:1] == ("per-file-ignores",)):
        return [(r.CODE, f"{r.NAME}: {sections(r)[0]}", types.CompletionItemKind.EnumMember, r.CODE) for r in RULES]
    if place.value and (keys == ("rules",) or place.key in ("severity", "level")):
        return [(s, "severity", types.CompletionItemKind.EnumMember, str(i)) for i, s in enumerate(SEVERITIES)]
    if not place.value and len(keys) == 2 and keys[0] == "rules":
        try:
            rule = lookup(keys[1])
        except KeyError:
            return []
        return [("severity", "error, warning, info or off", types.CompletionItemKind.Property, "0")] + [
            (name, f"option (default: {default!r})", types.CompletionItemKind.Property, f"1{name}")
            for name, default in rule.OPTIONS.items()]
    return []
