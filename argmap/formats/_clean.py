"""What an importer hands over made fit for a map file: every text (titles, labels, notes, original ids, not
only statements) without the characters no diagram can show and never blank, and the data kept for export
within the reader's limits; each change a reported loss."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap.formats._losses import Loss
from argmap.mapdata import LIMITS, over_limits
from argmap.schema import BLANK, SPACES, UNSHOWABLE
from argmap.source import Limits

__all__ = ["clean_data", "clean_kept"]

_SECTIONS = ("statements", "arguments", "sources", "groups")
_SPACES = frozenset(c for c in SPACES if c != "-") | {chr(c) for c in range(0x2000, 0x200B)}
"""The characters a blank text is made of (SPACES spells U+2000 to U+200A as a range)."""


def clean_data(data: dict[str, Any], place: Callable[[tuple[Any, ...]], str], losses: list[Loss]) -> None:
    """Clean every text of ``data`` in place (but what ``imported.kept`` holds, which is written back as it
    came); ``place`` names where in the source a part of the data came from."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        gone: list[Any] = []
        for key, value in list(node.items()) if isinstance(node, dict) else list(enumerate(node)):
            if value.__class__ is str:
                # most texts are fine: nothing unshowable, and a first character that is no space
                if UNSHOWABLE.search(value) is None and (not value or value[0] not in _SPACES):
                    continue
                if not (UNSHOWABLE.search(value) or BLANK.fullmatch(value)):
                    continue
                if _fix(node, key, value, (*path, key), place, losses):
                    gone.append(key)
            elif isinstance(value, (dict, list)) and (path, key) != (("imported",), "kept"):
                stack.append((value, (*path, key)))
        for key in reversed(gone):
            del node[key]


def _fix(node: Any, key: Any, value: str, here: tuple[Any, ...], place: Callable[[tuple[Any, ...]], str],
         losses: list[Loss]) -> bool:
    """Mend the text ``value`` at ``node[key]``; True when it is to be left out."""
    where = place(here)
    fixed = UNSHOWABLE.sub("", value)
    if fixed != value:
        losses.append(Loss("control characters", where, f"characters no diagram can show were removed from"
                                                        f" {_named(here)}"))
    if not BLANK.fullmatch(fixed):
        node[key] = fixed
        return False
    if _required(here):
        node[key] = "(no text)"
        losses.append(Loss("empty text", where, f"{_named(here)} was blank; '(no text)' stands in its place"))
        return False
    losses.append(Loss("empty text", where, f"{_named(here)} was blank and is left out"))
    return True


def _required(path: tuple[Any, ...]) -> bool:
    """Whether the text at ``path`` is (one language of) a field a map cannot leave out: a blank one is given a
    stand-in instead of being left out."""
    field = path[2] if len(path) >= 3 and path[0] in _SECTIONS else path[0]
    return field == "text" or (path[0] == "groups" and field == "label") or path == ("imported", "format")


def _named(path: tuple[Any, ...]) -> str:
    if len(path) >= 2 and path[0] == "imported" and path[1] == "ids":
        return "the id it had in the source"
    return "its " + ".".join(str(step) for step in path[2:] or path) if path[:1] != ("title",) else "the title"


def clean_kept(kept: dict[str, Any], losses: list[Loss], limits: Limits = LIMITS) -> None:
    """Leave out each part of the data kept for export that a map file could not hold (nested too deep, a text
    too long): the field of a node or relation that is over (not a part inside it, which would change what the
    rest says), so that the map written is one `argmap check` reads."""
    _prune(kept, ("imported", "kept"), losses, limits)


_FIELD = 5
"""How deep a field of a kept node stands: imported.kept.node-fields.<node>.<field>."""


def _prune(node: Any, path: tuple[Any, ...], losses: list[Loss], limits: Limits) -> None:
    gone = []
    for key in list(node) if isinstance(node, dict) else range(len(node)):
        value, here = node[key], (*path, key)
        problem = over_limits(value, limits, len(here))
        if problem is None:
            continue
        if isinstance(value, (dict, list)) and len(here) < _FIELD:
            _prune(value, here, losses, limits)
            problem = over_limits(value, limits, len(here))
            if problem is None:
                continue
        gone.append(key)
        losses.append(Loss("kept data", ".".join(str(step) for step in here[2:]), f"not kept for export: {problem}"))
    for key in reversed(gone):
        del node[key]
