"""The canonical layout of a map file: which key comes first, what is written in flow style, indentation."""

from __future__ import annotations

from typing import Any

from argmap.fmt.nodes import BLANK, Alias, Collection, Document, Entry, Node, Scalar
from argmap.fmt.scalars import key_text, scalar_text
from argmap.texts import width

__all__ = ["ORDER", "WIDTH", "write", "ordered_data", "same_in_order"]

ORDER: dict[str, tuple[str, ...]] = {
    "top": ("argmap", "id", "title", "description", "languages", "kind", "include", "sources", "groups", "statements",
            "arguments", "expect"),
    "statement": ("role", "text", "note", "quotes", "group", "tags", "base", "supports", "attacks"),
    "argument": ("premises", "supports", "attacks", "label", "note", "group", "tags"),
    "quote": ("source", "text"),
    "source": ("title", "language", "path", "url", "sha256"),
    "group": ("label", "description"),
    "expectation": ("select", "count", "min", "max", "each", "message"),
    "selector": ("id", "role", "tag", "group"),
    "each": ("supports", "attacks", "reaches", "quoted-from"),
}
"""The order of the fields of each part of a map; ids and languages keep the author's order."""

WIDTH = 100
"""An expectation is written on one line when that line fits in this many columns (wide characters
count two); texts are never wrapped."""

_CHILDREN: dict[str, dict[str, str]] = {
    "top": {"title": "text", "description": "text", "languages": "ids", "include": "ids", "sources": "sources",
            "groups": "groups", "statements": "statements", "arguments": "arguments", "expect": "expect"},
    "sources": {"*": "source"},
    "groups": {"*": "group"},
    "statements": {"*": "statement"},
    "arguments": {"*": "argument"},
    "statement": {"text": "text", "note": "text", "quotes": "quotes", "tags": "ids", "supports": "ids",
                  "attacks": "ids"},
    "argument": {"premises": "ids", "label": "text", "note": "text", "tags": "ids", "supports": "ids",
                 "attacks": "ids"},
    "group": {"label": "text", "description": "text"},
    "quotes": {"*": "quote"},
    "expect": {"*": "expectation"},
    "expectation": {"select": "selector", "each": "each"},
    "each": {"quoted-from": "ids"},
}
# Always one entry a line: the parts of a map a reviewer reads field by field, and texts one
# language a line. Flow style on one line: lists of ids, quotes, selectors.
_BLOCK = {"top", "sources", "groups", "statements", "arguments", "statement", "argument", "source", "group",
          "text", "quotes", "expect"}
_FLOW = {"ids", "quote", "selector", "each"}


def _child(kind: str, key: Any) -> str:
    children = _CHILDREN.get(kind, {})
    return children.get(key, children.get("*", "other")) if isinstance(key, str) else children.get("*", "other")


_POSITION = {kind: {name: index for index, name in enumerate(order)} for kind, order in ORDER.items()}


def _rank(kind: str, entries: list[Entry]) -> list[Entry]:
    position = _POSITION.get(kind)
    if position is None:
        return entries
    last = len(position)
    return sorted(entries, key=lambda e: position.get(e.key.value if e.key and isinstance(e.key.value, str) else "",
                                                     last))  # stable: other keys keep their order


def ordered_data(data: Any, kind: str = "top") -> Any:
    """Plain data with every mapping's keys in the formatter's order (as nested lists of pairs, so that
    order counts when two are compared)."""
    if isinstance(data, dict):
        position = _POSITION.get(kind)
        keys = list(data)
        if position is not None:
            last = len(position)
            keys.sort(key=lambda k: position.get(k, last))
        return ["map", [(k, type(k).__name__, ordered_data(data[k], _child(kind, k))) for k in keys]]
    if isinstance(data, list):
        return ["seq", [ordered_data(item, _child(kind, None)) for item in data]]
    return [type(data).__name__, data]


def same_in_order(data: Any, written: Any, kind: str = "top") -> bool:
    """Whether ``written`` is ``data`` with every mapping's keys in the formatter's order, types and all:
    ``ordered_data(data) == ordered_data(written)`` with ``written`` kept in its own order, without building
    either (a large map is hundreds of thousands of values)."""
    if isinstance(data, dict):
        if not isinstance(written, dict) or len(data) != len(written):
            return False
        keys = list(data)
        position = _POSITION.get(kind)
        if position is not None:
            last = len(position)
            keys.sort(key=lambda k: position.get(k, last))
        return all(key == other and type(key) is type(other) and same_in_order(data[key], written[other],
                                                                               _child(kind, key))
                   for key, other in zip(keys, written, strict=True))
    if isinstance(data, list):
        item = _child(kind, None)
        return (isinstance(written, list) and len(data) == len(written)
                and all(same_in_order(a, b, item) for a, b in zip(data, written, strict=True)))
    return type(data) is type(written) and bool(data == written)


def _said(lines: list[str]) -> bool:
    return any(line != BLANK for line in lines)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.kept = 0
        """How many lines the file keeps whatever follows: up to the end of the last `|+` text written."""

    def comments(self, items: list[str], indent: int, first: bool = False) -> None:
        """Comment lines at ``indent``; a run of blank lines becomes one, none at the top of a collection."""
        for item in items:
            if item == BLANK:
                if self.lines and self.lines[-1] != "" and not first:
                    self.lines.append("")
            else:
                self.lines.append(" " * indent + item)
                first = False

    def flow(self, node: Node, kind: str) -> str | None:
        """``node`` on one line, or None when it cannot be (a comment inside, a block scalar, a part that is
        always written one entry a line)."""
        if isinstance(node, Alias):
            return f"*{node.name}"
        if isinstance(node, Scalar):
            return None if node.style in ("|", ">") else scalar_text(node, flow=True)
        anchor = f"&{node.anchor} " if node.anchor else ""
        if not node.entries:
            return anchor + ("{}" if node.mapping else "[]")
        if kind in _BLOCK or _said(node.trailing) or any(_said(e.leading) or e.eol for e in node.entries):
            return None  # blank lines alone do not keep a list or a quote in block style
        parts = []
        for entry in _rank(kind, node.entries):
            key = entry.key.value if entry.key else None
            value = self.flow(entry.value, _child(kind, key))
            if value is None:
                return None
            parts.append(f"{key_text(entry.key, flow=True)}: {value}" if entry.key else value)
        inside = ", ".join(parts)
        return anchor + (f"{{{inside}}}" if node.mapping else f"[{inside}]")

    def one_line(self, node: Node, kind: str, head: str) -> str | None:
        """``node`` written after ``head`` on the same line, when the layout puts it there."""
        if isinstance(node, Scalar) and node.style not in ("|", ">"):
            return scalar_text(node, flow=False)  # in block context: fewer characters need quotes
        if isinstance(node, Collection) and node.entries:
            simple = all(isinstance(e.value, (Scalar, Alias)) for e in node.entries)
            if kind not in _FLOW and kind != "expectation" and not (kind == "other" and simple and not node.mapping):
                return None
        text = self.flow(node, kind)
        if text is not None and kind == "expectation" and width(f"{head} {text}") > WIDTH:
            return None
        return text

    def collection(self, node: Collection, kind: str, indent: int, first: str | None, eol: str | None) -> None:
        """The entries of a block collection at ``indent``; ``first`` starts its first line instead of the
        indentation (the dash of the item it is), and ``eol`` ends that line."""
        for index, entry in enumerate(_rank(kind, node.entries)):
            value = entry.value
            if entry.key is None and isinstance(value, Collection) and value.entries and value.anchor is None:
                # An item's first field starts the item's line, in flow style or block: its comments are
                # the item's, whichever field the layout puts first.
                inner = _rank(_child(kind, None), value.entries)[0]
                entry.leading += inner.leading
                entry.eol = "  ".join(c for c in (entry.eol, inner.eol) if c) or None
                inner.leading, inner.eol = [], None
            if index == 0 and first is not None:
                self.comments(entry.leading, indent - 2, first=True)
                prefix = first
            else:
                self.comments(entry.leading, indent, first=index == 0)
                prefix = " " * indent
            self.entry(entry, kind, indent, prefix, eol if index == 0 else None)
        self.comments(node.trailing, indent)

    def entry(self, entry: Entry, kind: str, indent: int, prefix: str, eol: str | None) -> None:
        value = entry.value
        comment = f"{eol}  {entry.eol}" if eol and entry.eol else eol or entry.eol
        tail = f"  {comment}" if comment else ""
        head = prefix + (f"{key_text(entry.key, flow=False)}:" if entry.key else "-")
        if isinstance(value, Scalar):  # most entries: what one_line would do, without asking for the kind
            if value.style in ("|", ">"):
                self.block_scalar(value, head, tail, indent + 2)
            else:
                self.lines.append(f"{head} {scalar_text(value, flow=False)}{tail}")
            return
        value_kind = _child(kind, entry.key.value if entry.key else None)
        text = self.one_line(value, value_kind, head)
        if text is not None:
            self.lines.append(f"{head} {text}{tail}")
            return
        assert isinstance(value, Collection)
        if entry.key is None and value.anchor is None:
            self.collection(value, value_kind, indent + 2, head + " ", tail.lstrip() or None)
            return
        anchor = f" &{value.anchor}" if value.anchor else ""
        self.lines.append(f"{head}{anchor}{tail}")
        self.collection(value, value_kind, indent + 2, None, None)

    def block_scalar(self, scalar: Scalar, head: str, tail: str, indent: int) -> None:
        """A literal or folded text kept as the author broke its lines, re-indented."""
        properties = f"&{scalar.anchor} " if scalar.anchor else ""
        leading = []
        for line in scalar.lines:
            leading.append(line)
            if line.strip(" "):
                break
        explicit = "2" if any(line.startswith(" ") for line in leading) else ""
        chomping = scalar.chomping
        if not chomping and isinstance(scalar.value, str) and scalar.value and not scalar.value.endswith("\n"):
            chomping = "-"  # the file's end came without a line break: the text has none, which `|-` says
        self.lines.append(f"{head} {properties}{scalar.style}{explicit}{chomping}{tail}")
        self.lines.extend(" " * indent + line if line else "" for line in scalar.lines)
        if chomping == "+":
            self.kept = len(self.lines)  # its blank lines are part of the text, even at the end of the file


def _anchors_first(document: Document) -> None:
    """Where ordering the keys puts an alias before its anchor (`supports: *x` now above `attacks: &x [...]`),
    the two trade places: the value, with its anchor, is written where it is first met, the alias after it.
    They stand for the same value, so the file still says what it said."""
    order: list[Entry] = []  # the entries in the order they will be written

    def walk(collection: Collection, kind: str) -> None:
        for entry in _rank(kind, collection.entries):
            order.append(entry)
            if isinstance(entry.value, Collection):
                walk(entry.value, _child(kind, entry.key.value if entry.key is not None else None))

    walk(document.root, "top")
    anchored: dict[str, list[Entry]] = {}
    for entry in order:
        if isinstance(entry.value, Scalar | Collection) and entry.value.anchor:
            anchored.setdefault(entry.value.anchor, []).append(entry)
    defined: set[str] = set()
    for entry in order:
        value = entry.value
        if isinstance(value, Alias) and value.name not in defined and len(anchored.get(value.name, [])) == 1:
            holder = anchored[value.name][0]
            entry.value, holder.value = holder.value, value  # the anchored value comes here, the alias goes there
            if isinstance(entry.value, Collection):
                entry.value.holder = entry
            value = entry.value
        if isinstance(value, Scalar | Collection) and value.anchor:
            defined.add(value.anchor)


def write(document: Document) -> str:
    """The document in the canonical layout."""
    _anchors_first(document)
    writer = _Writer()
    writer.comments(document.header, 0)
    if document.header and document.header_gap:
        writer.lines.append("")
    writer.collection(document.root, "top", 0, None, None)
    while writer.lines and writer.lines[-1] == "" and len(writer.lines) > writer.kept:
        writer.lines.pop()
    return "\n".join(writer.lines) + "\n"
