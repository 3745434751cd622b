"""The YAML of an Argdown document (front matter, {data}) with the meanings Argdown's own reader gives it:
YAML 1.2's core schema (js-yaml), where argmap's maps follow YAML 1.1 (`yes` is text, `12:30` is text,
`0o17` and `1e3` are numbers)."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.yaml.document import YamlDocument

__all__ = ["core_value", "as_argdown_reads"]

_INT = re.compile(r"[-+]?[0-9]+")
_BASED = re.compile(r"0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+")
_FLOAT = re.compile(r"[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?")
_DIGITS = 100  # as for maps: a longer number is kept as the text it is (its value costs time, or overflows)


def core_value(plain: str) -> Any:
    """A plain scalar as YAML 1.2's core schema (js-yaml's) reads it.

    >>> [core_value(s) for s in ("yes", "True", "12:30", "017", "0o17", "0x1F", "1e3", ".5", "~", ".NaN")]
    ['yes', True, '12:30', 17, 15, 31, 1000.0, 0.5, None, nan]
    """
    if plain in ("", "~", "null", "Null", "NULL"):
        return None
    if plain in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return plain[0] in "tT"
    if len(plain) > _DIGITS:
        return plain
    if _INT.fullmatch(plain):
        return int(plain)
    if _BASED.fullmatch(plain):
        return int(plain[2:], {"x": 16, "o": 8, "b": 2}[plain[1]])
    if _FLOAT.fullmatch(plain):
        return float(plain)
    if re.fullmatch(r"[-+]?\.(?:inf|Inf|INF)", plain):
        return -math.inf if plain[0] == "-" else math.inf
    if plain in (".nan", ".NaN", ".NAN"):
        return math.nan
    return plain


def as_argdown_reads(doc: YamlDocument, text: str) -> Any:
    """``doc``'s data (read from ``text`` by argmap's reader, within its limits) with each plain scalar read
    again as Argdown reads it; quoted and block scalars, and keys, stay as they are."""
    lines = text.split("\n")

    def plain(path: list[Any], value: Any) -> str | None:
        if not isinstance(value, str):
            return doc.spelling(path)
        line, column = doc.locate(path)
        row = lines[line - 1] if 0 < line <= len(lines) else ""
        return value if 0 < column <= len(row) and row[column - 1] not in "\"'|>" else None

    def again(path: list[Any], value: Any) -> Any:
        written = plain(path, value) if value is None or isinstance(value, (str, bool, int, float)) else None
        return value if written is None else core_value(written)

    root: Any = doc.data
    if not isinstance(root, (dict, list)):
        return again([], root)
    copies: dict[int, Any] = {}
    result = _copy(root, copies)
    work: list[tuple[Any, Any, list[Any]]] = [(root, result, [])]
    while work:
        node, copy, path = work.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for step, value in items:
            if isinstance(value, (dict, list)):
                if id(value) not in copies:  # an alias repeats what its anchor holds: read once
                    copies[id(value)] = _copy(value, copies)
                    work.append((value, copies[id(value)], [*path, step]))
                copy[step] = copies[id(value)]
            else:
                copy[step] = again([*path, step], value)
    return result


def _copy(node: Any, copies: dict[int, Any]) -> Any:
    copy: Any = dict(node) if isinstance(node, dict) else list(node)
    copies[id(node)] = copy
    return copy
