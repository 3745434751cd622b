"""What the framework formats share: reading text line by line, fields with their columns, declaring names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.semantics.deadline import Deadline
from argmap.semantics.framework import MAX_ARGUMENTS, UNSAFE, FrameworkError

__all__ = ["natural", "fields", "lines", "declare"]

_FIELD = re.compile(r"\S+")


def natural(field: str) -> bool:
    return field.isascii() and field.isdigit()


def fields(line: str) -> list[tuple[str, int]]:
    """The whitespace-separated fields of ``line``, each with its 1-based column."""
    return [(match.group(), match.start() + 1) for match in _FIELD.finditer(line)]


def lines(text: str, deadline: Deadline) -> Iterator[tuple[int, str]]:
    """(1-based number, line) of ``text``, checking the deadline as it goes."""
    for number, line in enumerate(text.splitlines(), start=1):
        deadline.tick()
        yield number, line


def declare(names: dict[str, int], where: dict[str, int], name: str, column: int, number: int, what: str) -> None:
    """Add argument ``name`` declared at ``number``:``column``; refuse a second declaration, a name
    no output could show safely, and one argument too many."""
    if name in names:
        raise FrameworkError(number, column, f"{what} {name!r} is declared twice (first on line {where[name]})")
    unsafe = UNSAFE.search(name)
    if unsafe:
        raise FrameworkError(number, column + unsafe.start(),
                             f"{what} name {name!r} holds U+{ord(unsafe.group()):04X}, which argmap refuses in names"
                             " (a control, separator, bidirectional-formatting or byte-order character)")
    if len(names) == MAX_ARGUMENTS:
        raise FrameworkError(number, column, f"more than {MAX_ARGUMENTS:,} arguments is over the limit")
    names[name] = len(names)
    where[name] = number


