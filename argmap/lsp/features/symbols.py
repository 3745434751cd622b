"""Document symbols (statements, arguments, sources, groups, the question), workspace symbols, and folding."""

from __future__ import annotations

from lsprotocol import types

from argmap.lsp.analysis import Analysis
from argmap.lsp.convert import lines_of, position, site_range, uri_of
from argmap.lsp.index import Site
from argmap.lsp.server import ArgmapServer, guarded

__all__ = ["register"]

KINDS = {"statements": types.SymbolKind.String, "arguments": types.SymbolKind.Function,
         "sources": types.SymbolKind.File, "groups": types.SymbolKind.Namespace}


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @guarded(server, "document symbols")
    def document_symbols(ls: ArgmapServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
        path = ls.path(params.text_document.uri)
        if path is None:
            return None
        analysis = ls.analysis(path)
        lines = ls.lines(path)
        codec = ls.workspace.position_codec
        loaded = analysis.files.get(path)
        data = loaded.doc.data if loaded is not None else None
        if not isinstance(data, dict):
            return []
        found = []
        for section, kind in KINDS.items():
            entries = data.get(section)
            if not isinstance(entries, dict) or not entries:
                continue
            children = []
            for site in analysis.index.sites.get(path, ()):
                if site.definition and str(site.name) in entries and _section_of(analysis, site) == section:
                    rng = site_range(codec, lines, site)
                    block = _block(lines, site.line - 1)
                    full = types.Range(start=rng.start, end=types.Position(line=block, character=len(lines[block])))
                    children.append(types.DocumentSymbol(name=site.name, kind=kind, range=full, selection_range=rng,
                                                         detail=_detail(analysis, site)))
            line, column = loaded.doc.locate((section,), key=True) if loaded is not None else (1, 1)
            start = position(codec, lines, line, column)
            end_line = max([c.range.end.line for c in children] + [start.line])
            full = types.Range(start=start, end=types.Position(line=end_line, character=len(lines[end_line])))
            found.append(types.DocumentSymbol(name=section, kind=types.SymbolKind.Namespace, range=full,
                                              selection_range=types.Range(start=start, end=start), children=children))
        if "question" in data and loaded is not None:
            line, column = loaded.doc.locate(("question",), key=True)
            start = position(codec, lines, line, column)
            found.append(types.DocumentSymbol(name="question", kind=types.SymbolKind.Event,
                                              range=types.Range(start=start, end=start),
                                              selection_range=types.Range(start=start, end=start)))
        return found

    @server.feature(types.WORKSPACE_SYMBOL)
    @guarded(server, "workspace symbols")
    def workspace_symbols(ls: ArgmapServer, params: types.WorkspaceSymbolParams) -> list[types.SymbolInformation]:
        query = params.query.lower()
        found = []
        for path in list(ls.documents.texts):
            if ls.is_map_file(path):  # a configuration or a CI workflow is not a map: none of its keys is a symbol
                ls.analysis(path)
        for analysis in list(ls.analyses.values()):
            for site in (s for sites in analysis.index.sites.values() for s in sites):
                if site.definition and query in site.name.lower():
                    lines = ls.lines(site.path, analysis)
                    found.append(types.SymbolInformation(
                        name=site.name, kind=KINDS.get(_section_of(analysis, site), types.SymbolKind.String),
                        location=types.Location(uri=uri_of(site.path), range=site_range(ls.workspace.position_codec,
                                                                                         lines, site)),
                        container_name=analysis.checked.amap.id if analysis.checked.amap is not None else None))
        return found[:1000]

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    @guarded(server, "folding")
    def folding(ls: ArgmapServer, params: types.FoldingRangeParams) -> list[types.FoldingRange] | None:
        path = ls.path(params.text_document.uri)
        if path is None:
            return None
        return folds(lines_of(ls.documents.text(path) or ""))


def _section_of(analysis: Analysis, site: Site) -> str:
    return {"node": "statements", "source": "sources", "group": "groups"}.get(site.space, "statements") \
        if not (site.space == "node" and analysis.checked.amap is not None
                and site.name in analysis.checked.amap.arguments) else "arguments"


def _detail(analysis: Analysis, site: Site) -> str | None:
    from argmap.texts import pick_text

    amap = analysis.checked.amap
    if amap is None or site.space != "node" or site.name not in amap.statements:
        return None
    return " ".join(pick_text(amap.statements[site.name].text, None, amap.languages[0]).split())[:80]


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _block(lines: list[str], start: int) -> int:
    """The last line of the block that the line ``start`` opens (its more indented lines after it)."""
    base = _indent(lines[start])
    end = start
    for number in range(start + 1, len(lines)):
        text = lines[number]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if _indent(text) <= base:
            break
        end = number
    return end


def folds(lines: list[str]) -> list[types.FoldingRange]:
    """A fold for every key whose value spans more lines than its own."""
    found = []
    for number, text in enumerate(lines):
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        end = _block(lines, number)
        if end > number:
            found.append(types.FoldingRange(start_line=number, end_line=end))
        if len(found) >= 5000:
            break
    return found
