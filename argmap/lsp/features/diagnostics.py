"""Documents as the editor changes them, and every finding of `argmap check` published in its own file,
debounced, refreshed when any file the check read changes."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types

from argmap.diagnostics import Diagnostic, Severity
from argmap.lsp.analysis import Analysis
from argmap.lsp.convert import lines_of, to_diagnostic, token_range, uri_of
from argmap.lsp.server import ArgmapServer, Options, guarded

__all__ = ["register", "publish", "findings_by_file"]

WATCHED = ("**/*.yaml", "**/*.yml", "**/*.txt", "**/*.md", "**/pyproject.toml")
"""Files whose change on disk may change a finding: map files, source texts, configuration."""


def register(server: ArgmapServer) -> None:
    """Findings published as documents open, change, save and close, and as watched files change."""
    _register_lifecycle(server)
    dirty: set[Path] = set()
    published: dict[Path, set[Path]] = {}
    timer: list[asyncio.TimerHandle] = []

    @guarded(server, "checking the map")
    def flush() -> None:
        timer.clear()
        paths = sorted(dirty)
        dirty.clear()
        done: set[Path] = set()
        for path in paths:
            if path in done or not server.documents.is_open(path) or not server.is_map_file(path):
                continue
            analysis = server.analysis(path)
            done.update(analysis.files)
            publish(server, analysis, published)
        server.forget_unopened()

    def schedule(*paths: Path) -> None:
        dirty.update(paths)
        if not timer:
            loop = asyncio.get_running_loop()
            timer.append(loop.call_later(server.options.debounce, flush))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guarded(server, "opening a file")
    def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        path = ls.path(params.text_document.uri)
        if path is not None:
            ls.documents.put(path, params.text_document.version, params.text_document.text)
            schedule(path)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guarded(server, "reading a change")
    def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
        path = ls.path(params.text_document.uri)
        if path is not None:
            document = ls.workspace.get_text_document(params.text_document.uri)
            ls.documents.put(path, params.text_document.version, document.source)
            if is_configuration(path):  # every map below it may be checked differently now
                schedule(*ls.documents.texts)
            else:
                schedule(path, *_open_files_of_maps_with(ls, path))

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @guarded(server, "saving")
    def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
        path = ls.path(params.text_document.uri)
        if path is not None:
            schedule(*ls.documents.texts) if is_configuration(path) else \
                schedule(path, *_open_files_of_maps_with(ls, path))

    _register_closing(server, schedule, published)


def _register_closing(server: ArgmapServer, schedule: Callable[..., None], published: dict[Path, set[Path]]) -> None:
    """A closed file is read from disk again (its map's findings go when none of its files is open); a file
    changed on disk is read again."""
    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded(server, "closing a file")
    def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
        path = ls.path(params.text_document.uri)
        if path is None:
            return
        others = _open_files_of_maps_with(ls, path)
        ls.documents.close(path)
        ls.analyzer.forget(path)
        if others:
            schedule(*others)
            return
        for root, files in list(published.items()):  # no file of the map is open: its findings go
            if path in files or path == root:
                for stale in files:
                    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri_of(stale), diagnostics=[]))
                del published[root]
        ls.forget_unopened()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded(server, "reading changed files")
    def watched(ls: ArgmapServer, params: types.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            path = ls.path(change.uri)
            if path is not None:
                ls.analyzer.forget(path)
        schedule(*ls.documents.texts)


def is_configuration(path: Path) -> bool:
    from argmap.config import CONFIG_NAMES

    return path.name in (*CONFIG_NAMES, "pyproject.toml")


def _register_lifecycle(server: ArgmapServer) -> None:
    """The editor's options and folders when it starts; the files watched once it has started."""
    @server.feature(types.INITIALIZE)
    @guarded(server, "starting")
    def initialize(ls: ArgmapServer, params: types.InitializeParams) -> None:
        ls.options = Options.read(params.initialization_options)
        folders = [ls.path(f.uri) for f in params.workspace_folders or ()]
        if not folders and params.root_uri:
            folders = [ls.path(params.root_uri)]
        found = tuple(f for f in folders if f is not None)
        if found:
            ls.analyzer.cwd = found[0]
            ls.analyzer.folders = found

    @server.feature(types.INITIALIZED)
    @guarded(server, "watching files")
    def initialized(ls: ArgmapServer, params: types.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace
        dynamic = watch is not None and watch.did_change_watched_files is not None \
            and watch.did_change_watched_files.dynamic_registration
        if dynamic:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED])
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="argmap-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))


def _open_files_of_maps_with(server: ArgmapServer, path: Path) -> list[Path]:
    """The open files of every map that the last analyses found ``path`` in (another map may include it)."""
    found = []
    for analysis in server.analyses.values():
        if path in analysis.files or path in analysis.stamps:
            found += [p for p in analysis.files if server.documents.is_open(p)]
    return found


def findings_by_file(analysis: Analysis) -> dict[Path, list[Diagnostic]]:
    """Each finding of the analysis in the file it names (a finding with no file of the map: the root's)."""
    by_file: dict[Path, list[Diagnostic]] = {path: [] for path in analysis.files}
    for finding in analysis.checked.diagnostics:
        if finding.severity is Severity.OFF:
            continue
        path = analysis.path_of(finding.path) or analysis.root
        by_file.setdefault(path, []).append(finding)
    return by_file


def publish(server: ArgmapServer, analysis: Analysis, published: dict[Path, set[Path]]) -> None:
    """Send the findings of one map, file by file; a file that had findings and has none now is cleared."""
    from argmap.lsp.docs import rules_document

    document = rules_document()
    docs = server.options.rule_docs or (uri_of(document) if document is not None else None)
    codec = server.workspace.position_codec
    by_file: dict[Path, list[types.Diagnostic]] = {}
    for path, findings in findings_by_file(analysis).items():
        lines = server.lines(path, analysis)
        by_file[path] = [to_diagnostic(codec, lines, f, docs, _related(server, analysis, f)) for f in findings]
    for text in analysis.stale:
        place = analysis.path_of(text.where[0]) if text.where is not None else None
        if place is not None and place in by_file and text.where is not None:
            lines = server.lines(place, analysis)
            by_file[place].append(types.Diagnostic(
                range=token_range(codec, lines, text.where[1], text.where[2]), severity=types.DiagnosticSeverity.Information,
                source="argmap", message=text.describe() + " (since the last commit)"))
    if analysis.config_problem is not None:
        config_path, line, column, message = analysis.config_problem
        target = config_path or analysis.root
        lines = lines_of(server.documents.text(target) or "")
        by_file.setdefault(target, []).append(types.Diagnostic(
            range=token_range(codec, lines, line, column), severity=types.DiagnosticSeverity.Error, source="argmap",
            message=f"{message} (the map is checked with the default settings until this is fixed)"))
    for stale in published.get(analysis.root, set()) - set(by_file):
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri_of(stale), diagnostics=[]))
    published[analysis.root] = set(by_file)
    for path, diagnostics in by_file.items():
        version = server.documents.texts.get(path, (None, ""))[0]
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri_of(path), diagnostics=diagnostics, version=version))


def _related(server: ArgmapServer, analysis: Analysis, finding: Diagnostic) -> list[types.DiagnosticRelatedInformation]:
    from argmap.lsp.convert import position

    codec = server.workspace.position_codec
    found: list[Any] = []
    for display, line, column in finding.related:
        path = analysis.path_of(display)
        if path is None:
            continue
        at = position(codec, server.lines(path, analysis), line, column)
        found.append(types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri_of(path), range=types.Range(start=at, end=at)), message="also here"))
    return found
