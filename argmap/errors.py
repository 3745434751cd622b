"""Exit statuses and the errors that end a command early, defined once for every command and the API."""

from __future__ import annotations

from collections.abc import Iterable

from argmap.diagnostics import Diagnostic

__all__ = ["CLEAN", "FINDINGS", "USAGE", "LIMIT", "INTERRUPTED", "ArgmapError", "UsageError", "InputError",
           "MapError", "LimitReached", "GraphvizUnavailable"]

CLEAN = 0
"""Clean: no finding, nothing changed, or the output was written."""
FINDINGS = 1
"""Findings at error level (warnings too under --strict); a stale diagram; a map with errors."""
USAGE = 2
"""A usage, input or tool error: a bad option, an unreadable file, an output that cannot be written."""
LIMIT = 3
"""A time limit was reached, or Graphviz is missing or failed."""
INTERRUPTED = 130
"""Ctrl-C (128 + SIGINT, as shells report it)."""


class ArgmapError(Exception):
    """An error a user can act on: its message is one line, and ``status`` is the exit status."""

    status = USAGE


class UsageError(ArgmapError):
    """Options or arguments that cannot be honoured (an unknown language, id or group)."""

    status = USAGE


class InputError(UsageError):
    """An input file that cannot be read, shown at its place: ``file:line:col: error: message``."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(message)
        self.where = where


class MapError(ArgmapError):
    """A map that could not be read, or has errors: its located findings are in ``diagnostics``."""

    status = FINDINGS

    def __init__(self, message: str, diagnostics: Iterable[Diagnostic] = (), summary: str | None = None) -> None:
        super().__init__(message)
        self.diagnostics = tuple(diagnostics)
        self.summary = summary or message
        """What the command line says after listing the diagnostics themselves."""


class LimitReached(ArgmapError):
    """A time limit ran out (the SAT solver, Graphviz), or Graphviz is missing or failed."""

    status = LIMIT


class GraphvizUnavailable(LimitReached):
    """Graphviz's ``dot`` is not installed; ``source`` holds the DOT source it would have drawn."""

    def __init__(self, message: str, source: bytes) -> None:
        super().__init__(message)
        self.source = source
