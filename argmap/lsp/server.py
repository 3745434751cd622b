"""The language server: the editor's documents, the latest analysis of each map, and the features on top."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from argmap import __version__
from argmap.lsp.analysis import Analysis, Analyzer
from argmap.lsp.convert import lines_of, path_of
from argmap.lsp.documents import Documents

__all__ = ["ArgmapServer", "Options", "Protocol", "Refused", "guarded"]

log = logging.getLogger("argmap.lsp")
F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Options:
    """What the editor may set in its initialization options."""

    debounce: float = 0.03
    """Seconds to wait after a change before checking, so that a burst of keystrokes is checked once."""
    evaluation_hints: bool = False
    """Show each reference's evaluation label in its inlay hint."""
    rule_docs: str | None = None
    """A base address for the rules' documentation (default: a local copy of the catalogue)."""

    @classmethod
    def read(cls, given: Any) -> Options:
        options = cls()
        if isinstance(given, dict):
            debounce = given.get("debounce")
            if isinstance(debounce, int | float) and not isinstance(debounce, bool) and 0 <= debounce <= 5:
                options.debounce = float(debounce)
            if isinstance(given.get("evaluationHints"), bool):
                options.evaluation_hints = given["evaluationHints"]
            if isinstance(given.get("ruleDocs"), str) and given["ruleDocs"]:
                options.rule_docs = given["ruleDocs"]
        return options


class Refused(JsonRpcException):
    """A request the server answers with a reason rather than a result (the protocol's RequestFailed)."""

    CODE = -32803


class Protocol(LanguageServerProtocol):
    """pygls's protocol, without its leak of one future per notification.

    pygls 2.1 files the future of a notification's handler under a fresh id that no response ever
    removes (a response removes a request's), so every edit kept about 2.4 KB for good: memory grew
    without bound over a long session (benchmarks/bench_lsp.py). Here each is removed once done.
    """

    def _handle_notification(self, method_name: str, params: Any) -> None:
        before = set(self._request_futures)
        super()._handle_notification(method_name, params)
        for key in self._request_futures.keys() - before:
            self._request_futures[key].add_done_callback(functools.partial(self._forget, key))

    def _forget(self, key: Any, _future: Any) -> None:
        self._request_futures.pop(key, None)


class ArgmapServer(LanguageServer):
    """pygls's server with argmap's state: documents apart, analyses apart, features registered on it."""

    def __init__(self) -> None:
        super().__init__("argmap", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=Protocol)
        self.documents = Documents()
        self.analyzer = Analyzer(self.documents, Path.cwd())
        self.analyses: dict[Path, Analysis] = {}
        self.readable: dict[Path, Analysis] = {}
        """Per map's root file, its last analysis that could build the map: what completion offers while a
        file is half-typed (an unclosed bracket makes the whole file unreadable until it is closed)."""
        self.options = Options()
        self._shown: dict[str, float] = {}

    def path(self, uri: str) -> Path | None:
        return path_of(uri)

    def lines(self, path: Path, analysis: Analysis | None = None) -> list[str]:
        """The lines of a file as the editor holds it."""
        if analysis is not None and path in analysis.texts and not self.documents.is_open(path):
            return lines_of(analysis.texts[path])
        return lines_of(self.documents.text(path) or "")

    def analysis(self, path: Path) -> Analysis:
        """The analysis of the map that ``path`` belongs to, as the editor holds its files now."""
        for analysis in self.analyses.values():
            if path in analysis.files and self._fresh(analysis):
                return analysis
        analysis = self.analyzer.analyse(path)
        self.analyses[analysis.root] = analysis
        if analysis.checked.amap is not None:
            self.readable[analysis.root] = analysis
        return analysis

    def last_readable(self, path: Path) -> Analysis:
        """The analysis of ``path``'s map now, or, while the map cannot be built, the last one that could."""
        analysis = self.analysis(path)
        if analysis.checked.amap is None:
            return self.readable.get(analysis.root, analysis)
        return analysis

    def is_map_file(self, path: Path) -> bool:
        """Whether ``path`` is part of a map: it says `argmap:` (or does not parse yet), or a map includes it.
        Other YAML (a configuration, a CI workflow) is not checked as a map."""
        from argmap.config import CONFIG_NAMES

        if path.name in CONFIG_NAMES:
            return False
        if any(path in analysis.files for analysis in self.analyses.values()):
            return True
        workspace = self.analyzer.workspace()
        loaded = workspace.file(path)
        data = loaded.doc.data
        return loaded.doc.fatal or (isinstance(data, dict) and "argmap" in data) or self.analyzer.root_of(path) != path

    def _fresh(self, analysis: Analysis) -> bool:
        return all(self.documents.stamp(p) == stamp for p, stamp in analysis.stamps.items())

    def forget_unopened(self) -> None:
        """Drop the analyses of maps none of whose files is open (memory stays bounded by what is open)."""
        for root, analysis in list(self.analyses.items()):
            if not any(self.documents.is_open(p) for p in analysis.files):
                del self.analyses[root]
                self.readable.pop(root, None)
        for root in list(self.readable):
            if root not in self.analyses:
                del self.readable[root]

    def report(self, error: BaseException, where: str) -> None:
        """A bug met while answering: logged in full, told to the user once a minute, never fatal."""
        log.exception("argmap lsp: %s failed", where, exc_info=error)
        message = f"argmap: {where} failed: {type(error).__name__}: {error}"
        try:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=message))
            now = time.monotonic()
            if now - self._shown.get(where, -60.0) >= 60.0:
                self._shown[where] = now
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))
        except Exception:  # the connection itself failed: the log keeps it
            log.exception("argmap lsp: could not report an error")


def guarded(server: ArgmapServer, where: str, default: Any = None) -> Callable[[F], F]:
    """A feature whose failure is reported to the editor and answered with ``default``, never a dead server."""

    def wrap(feature: F) -> F:
        @functools.wraps(feature)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return feature(*args, **kwargs)
            except JsonRpcException:
                raise  # an answer the feature gives on purpose (a refused rename)
            except Exception as error:
                server.report(error, where)
                return default

        return run  # type: ignore[return-value]

    return wrap
