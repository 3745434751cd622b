"""A map -> one canonical YAML file that reads back to an equal map."""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["dump", "data"]

_SECTIONS = ("sources", "groups", "statements", "arguments")
_ID_LISTS = ("supports", "attacks")


def data(amap: ArgumentMap) -> dict[str, Any]:
    """The map as the plain data of one map file, in canonical key order, defaults left out."""
    document: dict[str, Any] = {"argmap": 1, "id": amap.id}
    if amap.title is not None:
        document["title"] = amap.title
    if amap.description is not None:
        document["description"] = amap.description
    if amap.declared_languages is not None:
        document["languages"] = list(amap.declared_languages)
    if amap.kind is not None:
        document["kind"] = amap.kind
    if amap.question is not None:
        document["question"] = _plain(amap.question)
    for section in _SECTIONS:
        items = getattr(amap, section)
        if items:
            document[section] = {key: _plain(value) for key, value in items.items()}
    for source_id, source in document.get("sources", {}).items():
        source_path = source.get("path")
        if isinstance(source_path, str):
            source["path"] = _from_root(amap, source_id, source_path)
    if amap.expectations:
        document["expect"] = [_plain(expectation) for expectation in amap.expectations]
    if amap.imported is not None:
        document["imported"] = amap.imported.model_dump(mode="json", exclude_defaults=True)
    return document


def _from_root(amap: ArgumentMap, source_id: str, path: str) -> str:
    """A source's path as the one file written at the map's folder must say it: a path an include declared is
    relative to the include's folder, which may be another (`parts/text.txt`, not `text.txt`)."""
    declared = amap.locator.folder("sources", source_id)
    if declared is None or amap.folder is None or PurePath(path).is_absolute():
        return path
    try:
        return Path(os.path.relpath(declared / path, amap.folder)).as_posix()
    except ValueError:  # another drive
        return path


def _plain(model: Any) -> Any:
    values = model.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    for name in _ID_LISTS:
        ids = values.get(name)
        if isinstance(ids, list) and len(ids) == 1:
            values[name] = ids[0]  # the shorthand a person writes for one target
    return values


def dump(amap: ArgumentMap) -> str:
    """Canonical YAML: the layout `argmap fmt` writes (fields in a fixed order, one statement field a line,
    lists of ids on one line), so that a map written by code passes ``argmap fmt --check``.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.from_data({"argmap": 1, "id": "m", "statements": {
    ...     "t": {"role": "thesis", "text": "T"}, "r": {"text": "no", "supports": ["t"]}}})
    >>> print(dump(m), end="")
    argmap: 1
    id: m
    statements:
      t:
        role: thesis
        text: T
      r:
        text: "no"
        supports: t
    """
    from argmap.collector import paused_gc
    from argmap.fmt.fromdata import dump_data

    with paused_gc():  # the plain data of a large map is as many new objects as its tree
        return dump_data(data(amap))
