"""Which statement or argument each finding is about, from where it was found (file, line, column)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["owners", "problem_nodes"]


def owners(amap: ArgumentMap, diagnostics: Iterable[Diagnostic]) -> list[str | None]:
    """For each diagnostic, the statement or argument whose definition holds its place, or None, as the map's
    locator answers it (maps built in code have no places: nothing is found)."""
    locator = amap.locator
    return [locator.owner(d.path, d.line, d.column) for d in diagnostics]


def problem_nodes(amap: ArgumentMap, diagnostics: Iterable[Diagnostic]) -> dict[str, tuple[str, ...]]:
    """Node id -> the codes of the ``diagnostics`` found in its definition, each code once, in order."""
    diagnostics = list(diagnostics)
    codes: dict[str, list[str]] = {}
    for diagnostic, owner in zip(diagnostics, owners(amap, diagnostics), strict=True):
        if owner is not None and diagnostic.code not in codes.setdefault(owner, []):
            codes[owner].append(diagnostic.code)
    return {node: tuple(found) for node, found in codes.items()}
