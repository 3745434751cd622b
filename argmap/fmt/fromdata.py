"""A map's plain data as the formatter's tree, so that `argmap.dump` writes it by the layout `argmap fmt` writes."""

from __future__ import annotations

import math
from typing import Any

from argmap.collector import paused_gc
from argmap.fmt.layout import write
from argmap.fmt.nodes import Collection, Document, Entry, Node, Scalar

__all__ = ["dump_data", "number_text"]


def number_text(value: bool | int | float | None) -> str:
    """A number, a boolean or null as YAML writes it, so that argmap reads it back as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    if "." not in text and "e" in text:  # YAML 1.1 reads 1e-05 as text, 1.0e-05 as a number
        text = text.replace("e", ".0e", 1)
    return text


class _Tree:
    """Builds the tree; a key's scalar is made once (field names come back on every statement) and shared,
    as the writer never changes a node."""

    def __init__(self) -> None:
        self.keys: dict[str, Scalar] = {}

    def node(self, value: Any, holder: Entry | None) -> Node:
        if isinstance(value, dict):
            collection = Collection(True, False, None, 0, 0, holder)
            keys = self.keys
            collection.entries = [self.entry(keys.get(key) or keys.setdefault(key, _scalar(key)), item, collection)
                                  for key, item in value.items()]
            return collection
        if isinstance(value, list):
            collection = Collection(False, False, None, 0, 0, holder)
            collection.entries = [self.entry(None, item, collection) for item in value]
            return collection
        return _scalar(value)

    def entry(self, key: Scalar | None, value: Any, container: Collection) -> Entry:
        entry = Entry(key, _NOTHING, container, 0, 0)
        entry.value = self.node(value, entry)
        return entry


def _scalar(value: Any) -> Scalar:
    if isinstance(value, str):
        return Scalar(value, value, "", None, None, 0, 0, 0)
    if value is None or isinstance(value, (bool, int, float)):
        return Scalar(value, number_text(value), "", None, None, 0, 0, 0)
    raise TypeError(f"a map's data holds {type(value).__name__}, which a map file cannot")


_NOTHING = _scalar(None)


def dump_data(data: dict[str, Any]) -> str:
    """The text of the map file whose data is ``data`` (as a map file reads), in the canonical layout:
    what `argmap fmt` writes for any file with this data and no comments."""
    with paused_gc():
        root = _Tree().node(data, None)
        assert isinstance(root, Collection)
        return write(Document(root, []))
