"""Where in a map file the cursor stands, read from the text alone (a half-typed file included): the keys
that enclose it, the key whose value is being typed, and the word typed so far.

>>> at("statements:\\n  a:\\n    supports: [b, c".splitlines(), 2, 20)
Place(keys=('statements', 'a'), key='supports', value=True, prefix='c', start=19)
>>> at("statements:\\n  a:\\n    sup".splitlines(), 2, 7)
Place(keys=('statements', 'a'), key=None, value=False, prefix='sup', start=4)
>>> at("statements:\\n  a:\\n    attacks:\\n      - x".splitlines(), 3, 9)
Place(keys=('statements', 'a'), key='attacks', value=True, prefix='x', start=8)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Place", "at"]

_ENTRY = re.compile(r"^(\s*)(?:-\s+)?(['\"]?)([^\s'\":#{}\[\],][^:#{}\[\],]*?)\2\s*:(?:\s|$)")
_ITEM = re.compile(r"^(\s*)-(?:\s|$)")
_PREFIX = re.compile(r"[A-Za-z0-9_-]*$")
_FLOW_KEY = re.compile(r"[{,]\s*(['\"]?)([^\s'\":#{}\[\],]+)\1\s*:\s*(?:\[[^\[\]{}]*?)?[A-Za-z0-9_-]*$")
_FLOW_NEW_KEY = re.compile(r"[{,]\s*[A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class Place:
    keys: tuple[str, ...]
    """The keys of the mappings that enclose the cursor, outermost first."""
    key: str | None
    """The key whose value the cursor is in (None: the cursor is where a key is written)."""
    value: bool
    prefix: str
    """What is typed of the current word."""
    start: int
    """0-based column (characters) where the current word starts."""


def _indent(line: str, entry: re.Match[str] | None) -> int:
    return entry.start(2) if entry is not None else len(line) - len(line.lstrip())


def at(lines: list[str], line: int, column: int) -> Place:
    """The place at 0-based ``line`` and ``column`` (characters)."""
    text = lines[line][:column] if 0 <= line < len(lines) else ""
    prefix = _PREFIX.search(text)
    word = prefix[0] if prefix else ""
    start = column - len(word)
    entry = _ENTRY.match(text)
    key: str | None = None
    value = False
    if entry is not None:  # `key: ...` before the cursor: its value is being typed
        key, value = entry[3], True
        indent = _indent(text, entry)
    else:
        item = _ITEM.match(text)
        indent = item.end() if item is not None and item.end() <= start else len(text) - len(text.lstrip())
        if item is not None and item.end() <= start:
            indent = len(item[1])
            value = True
    keys = _parents(lines, min(line, len(lines)), indent)  # a position past the end is no error
    flow = _flow(text)
    if flow is not None:  # in a flow mapping: the key it holds, inside the line's own key or list
        if entry is not None:
            keys.append(entry[3])
        return Place(tuple(keys), flow or None, bool(flow), word, start)
    if value and key is None and keys:  # a list item: its list's key encloses it
        key, keys = keys[-1], keys[:-1]
    return Place(tuple(keys), key, value, word, start)


def _flow(text: str) -> str | None:
    """Inside a flow mapping left open on the line: the key whose value is typed, or "" where a key is typed;
    None outside one (quoted texts are skipped)."""
    depth: list[str] = []
    quote = ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "{[":
            depth.append(char)
        elif char in "}]" and depth:
            depth.pop()
    if "{" not in depth or quote:
        return None
    found = _FLOW_KEY.search(text)
    if found is not None:
        return found[2]
    return "" if _FLOW_NEW_KEY.search(text) else None


def _parents(lines: list[str], line: int, indent: int) -> list[str]:
    found: list[str] = []
    limit = indent
    for number in range(line - 1, -1, -1):
        text = lines[number]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        entry = _ENTRY.match(text)
        here = len(text) - len(text.lstrip())
        if entry is not None:
            here = _indent(text, entry)
            if here < limit:
                found.append(entry[3])
                limit = here
        elif here < limit and _ITEM.match(text):
            limit = here + 1
        if limit == 0:
            break
    return list(reversed(found))
