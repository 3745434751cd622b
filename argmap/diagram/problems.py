"""Which statement or argument each finding is about, from where it was found (file, line, column)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["owners", "problem_nodes"]

_NODES = ("statements", "arguments")


def owners(amap: ArgumentMap, diagnostics: Iterable[Diagnostic]) -> list[str | None]:
    """For each diagnostic, the statement or argument whose definition holds its place, or None.

    A definition runs from its key to the next key of the file at the same level (another
    definition, or a top-level key such as ``expect:``), so a finding at a node's ``supports:``
    belongs to that node. Maps built in code have no places: nothing is found.
    """
    from argmap.loader import YamlLocator

    diagnostics = list(diagnostics)
    locator = amap.locator
    if not isinstance(locator, YamlLocator) or not diagnostics:
        return [None for _ in diagnostics]
    starts: dict[str, list[tuple[int, int, str | None]]] = {}
    files = {id(loaded): loaded for loaded in (locator.root, *locator.defined_in.values())}
    for loaded in files.values():
        data = loaded.doc.data
        if isinstance(data, dict):
            starts.setdefault(loaded.display, []).extend(
                (*loaded.where((key,), key=True)[1:], None) for key in data)
    for (section, node_id), loaded in locator.defined_in.items():
        _, line, column = loaded.where((section, node_id), key=True)
        starts.setdefault(loaded.display, []).append((line, column, node_id if section in _NODES else None))
    for places in starts.values():
        places.sort(key=lambda place: place[:2])
    found: list[str | None] = []
    for diagnostic in diagnostics:
        known = starts.get(diagnostic.path)
        if not known or diagnostic.line <= 0:
            found.append(None)
            continue
        at = bisect_right(known, (diagnostic.line, diagnostic.column), key=lambda place: place[:2])
        found.append(known[at - 1][2] if at else None)
    return found


def problem_nodes(amap: ArgumentMap, diagnostics: Iterable[Diagnostic]) -> dict[str, tuple[str, ...]]:
    """Node id -> the codes of the ``diagnostics`` found in its definition, each code once, in order."""
    diagnostics = list(diagnostics)
    codes: dict[str, list[str]] = {}
    for diagnostic, owner in zip(diagnostics, owners(amap, diagnostics), strict=True):
        if owner is not None and diagnostic.code not in codes.setdefault(owner, []):
            codes[owner].append(diagnostic.code)
    return {node: tuple(found) for node, found in codes.items()}
