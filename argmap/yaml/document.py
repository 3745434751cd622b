"""One YAML file's data with the position of every key and value in it, the limits reading keeps to, and how a
file that cannot be read ends."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Diagnostic

__all__ = ["Limits", "YamlDocument", "Stop", "fail", "pack", "unpack", "LOW"]


@dataclass(frozen=True)
class Limits:
    """Bounds that keep hostile input from costing unbounded time or memory."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_depth: int = 64
    max_aliases: int = 100
    max_alias_expansion: int = 10_000
    max_scalar_chars: int = 100_000
    max_nodes: int = 4_000_000
    """YAML nodes (keys, values, lists, mappings) of one map: its root file and every file it includes."""


LOW = (1 << 64) - 1


def pack(line: int, column: int) -> int:
    return (line << 32) | column


def unpack(packed: int) -> tuple[int, int]:
    return packed >> 32, packed & 0xFFFFFFFF


@dataclass
class YamlDocument:
    """The data of one YAML file, with the 1-based position of every key and value in it."""

    path: str
    data: Any = None
    problems: list[Diagnostic] = field(default_factory=list)
    fatal: bool = False
    """True when the file could not be read into data at all (the schema stage is skipped)."""
    nodes: int = 0
    """How many YAML nodes the file holds (aliases count as the nodes they repeat)."""
    _positions: dict[int, Any] = field(default_factory=dict, repr=False)
    """id(container) -> {key: key position << 64 | value position} for a mapping, [position] for a list."""
    _root: int = field(default=pack(1, 1), repr=False)
    _spellings: dict[int, str] = field(default_factory=dict, repr=False)
    """Position -> how a plain scalar that YAML read as a number or a boolean was written."""

    def spelling(self, path: tuple[Any, ...] | list[Any]) -> str | None:
        """How the plain scalar at ``path`` was written, when YAML read it as a number or a boolean."""
        return self._spellings.get(pack(*self.locate(path))) if self._spellings else None

    def locate(self, path: tuple[Any, ...] | list[Any], *, key: bool = False) -> tuple[int, int]:
        """The line and column of the node at ``path``, or of its nearest ancestor that exists.

        With ``key=True`` a mapping entry is located at its key rather than at its value.
        """
        node, packed = self.data, self._root
        last = len(path) - 1
        for index, step in enumerate(path):
            positions = self._positions.get(id(node))
            if isinstance(node, dict) and positions is not None and step in node:
                both = positions[step]
                packed = both >> 64 if key and index == last else both & LOW
                node = node[step]
            elif isinstance(node, list) and positions is not None and isinstance(step, int) and 0 <= step < len(node):
                packed = positions[step]
                node = node[step]
            else:
                break
        return unpack(packed)

    def problem(self, code: str, path: tuple[Any, ...] | list[Any], message: str, *, key: bool = False) -> Diagnostic:
        line, column = self.locate(path, key=key)
        return Diagnostic(self.path, line, column, message, code)


class Stop(Exception):
    def __init__(self, code: str, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.code, self.line, self.column, self.message = code, line, column, message


def fail(doc: YamlDocument, code: str, line: int, column: int, message: str) -> YamlDocument:
    doc.problems.append(Diagnostic(doc.path, line, column, message, code))
    doc.fatal = True
    doc.data = None
    return doc
