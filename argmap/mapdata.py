"""A map's data given in code (or built by an importer), held to what a map file is held to: the reader's
limits (depth, text length, node count), then the schema, every problem a located finding."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from argmap.codes import SCHEMA, UNSAFE_YAML
from argmap.diagnostics import Diagnostic
from argmap.errors import MapError
from argmap.schema import MapFile
from argmap.source import Limits, YamlDocument, printable

__all__ = ["validated", "over_limits", "LIMITS"]

_SURROGATE = re.compile("[\ud800-\udfff]")
LIMITS = Limits()
"""A map file's limits, which data given in code is held to as well."""


def validated(data: Any, name: str, limits: Limits = LIMITS) -> MapFile:
    """The model of ``data`` (what one map file holds), or MapError with its findings, placed at ``name`` and
    the path of the part they concern (``statements.t.text``); never another exception."""
    if data is None or not isinstance(data, Mapping):
        kind = "nothing" if data is None else f"a {type(data).__name__}"
        raise _refused(name, [Diagnostic(name, 0, 0, f"a map's data is a mapping that starts with `argmap: 1`,"
                                                     f" not {kind}", SCHEMA)])
    problem = over_limits(data, limits)
    if problem is not None:
        raise _refused(name, [Diagnostic(name, 0, 0, problem, UNSAFE_YAML)])
    from argmap.validation import validate

    doc = YamlDocument(name, data=_plain(data))
    doc._root = 0  # no line or column: the place is the name and the path in the message
    model = validate(doc)
    if model is None:
        raise _refused(name, doc.problems)
    return model


def _refused(name: str, problems: list[Diagnostic]) -> MapError:
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return MapError(f"{name}: not a valid map: {first.message}{more}", problems,
                    summary=f"{name}: not a valid map")


def over_limits(data: Any, limits: Limits = LIMITS, depth: int = 0) -> str | None:
    """Why ``data`` would be refused if it were read from a map file (nested deeper than the reader allows, a
    longer text, more nodes), with the path of the part; None when it is within the reader's limits. ``depth``:
    how deep in a map file ``data`` stands.
    Walked without recursion, so that no nesting or cycle can exhaust the stack or loop forever."""
    max_chars, max_nodes = limits.max_scalar_chars, limits.max_nodes
    if isinstance(data, str) and len(data) > max_chars:
        return f"a text of {len(data):,} characters is over the {max_chars:,}-character limit"
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())] if isinstance(data, (Mapping, list, tuple)) else []
    nodes = 1
    while stack:  # only containers are stacked; the texts in one are looked at as it is walked
        value, path = stack.pop()
        if len(path) + depth >= limits.max_depth:
            return f"{_at(path)}nesting deeper than {limits.max_depth} levels"
        mapping = isinstance(value, Mapping)
        for key, item in value.items() if mapping else enumerate(value):
            nodes += 2 if mapping else 1
            if nodes > max_nodes:
                return f"more than {max_nodes:,} nodes (keys, values, lists and mappings)"
            if mapping and key.__class__ is str and not key.isascii():
                found = _SURROGATE.search(key)
                if found is not None:
                    return f"{_at(path)}a key holds U+{ord(found[0]):04X} (a lone surrogate), which no text can carry"
            if mapping and key.__class__ is str and len(key) > max_chars:
                return f"{_at(path)}a key of {len(key):,} characters is over the {max_chars:,}-character limit"
            if item.__class__ is str:
                if len(item) > max_chars:
                    return f"{_at((*path, key))}a text of {len(item):,} characters is over the" \
                           f" {max_chars:,}-character limit"
            elif isinstance(item, (Mapping, list, tuple)):
                stack.append((item, (*path, key)))
    return None


def _at(path: tuple[Any, ...]) -> str:
    """``a.b.c: `` for the part at that path (a long path shortened), nothing for the whole."""
    steps = [printable(str(step))[:80] for step in path]
    if len(steps) > 8:
        steps = [*steps[:4], "...", *steps[-2:]]
    return ".".join(steps) + ": " if steps else ""


def _plain(data: Mapping[str, Any]) -> dict[str, Any]:
    """The top level as a dict, whatever mapping was given (the caller's data is never written to)."""
    return dict(data)
