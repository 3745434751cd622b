"""A map file's YAML as a tree of nodes that keeps what the data drops: comments, blank lines, styles,
anchors."""

from __future__ import annotations

import bisect
from typing import Any

import yaml

from argmap.fmt.comments import BLOCK_HEADER, BREAK, attach, find
from argmap.fmt.nodes import BLANK, MODELINE, Alias, Collection, Document, Entry, Node, Scalar, Unsupported
from argmap.fmt.parser import Loader
from argmap.yaml.dialect import scalar as _scalar  # the reader's own scalars: what argmap reads

__all__ = ["build"]


_PENDING = Scalar(None, "", "", None, None, 0, 0, 0)
"""An entry's value until it has been read (entries are listed before their values' own entries)."""


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in BREAK.finditer(text)]
        self.entries: list[Entry] = []

    def where(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_left(self.breaks, index)
        start = self.breaks[line - 1] + 1 if line else 0
        return line, index - start

    def end_line(self, mark: Any, start_line: int) -> int:
        line, column = self.where(mark.index)
        return line - 1 if column == 0 and line > start_line else line  # a block scalar ends at the next line's start

    def node(self, events: list[Any], position: int, holder: Entry | None, indent: int) -> tuple[Node, int]:
        """The node whose first event is ``events[position]`` and the position after it; ``indent`` is the
        column of the block collection around it (for a block scalar's explicit indentation)."""
        event = events[position]
        line, column = self.where(event.start_mark.index)
        if isinstance(event, yaml.AliasEvent):
            return Alias(event.anchor or "", line, column, self.end_line(event.end_mark, line)), position + 1
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, line, column, indent), position + 1
        mapping = isinstance(event, yaml.MappingStartEvent)
        if not mapping and not isinstance(event, yaml.SequenceStartEvent):
            raise Unsupported(line + 1, column + 1, f"unexpected YAML event {type(event).__name__}")
        flow = bool(event.flow_style)
        # a block sequence starts at its dash
        collection = Collection(mapping, flow, event.anchor, line, column, holder)
        position += 1
        while not isinstance(events[position], (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            key: Scalar | None = None
            if mapping:
                key_node, position = self.node(events, position, None, collection.column)
                if not isinstance(key_node, Scalar) or key_node.style in ("|", ">"):
                    where = key_node.line + 1, key_node.column + 1
                    raise Unsupported(*where, "a key that is not a plain or quoted scalar")
                key = key_node
                key.value = key.text if key.tag in (None, "!") else key.value  # keys are read as text
                start = (key.line, key.column)
            else:  # an item is where its dash is, when it has one
                line, column = self.where(events[position].start_mark.index)
                start = (line, column if flow else collection.column)
            entry = Entry(key, _PENDING, collection, *start)
            self.entries.append(entry)  # before the value's own entries: document order
            entry.value, position = self.node(events, position, entry, collection.column)
            entry.end_line = max(entry.value.end_line, entry.line)
            collection.entries.append(entry)
        end = events[position]
        if flow:
            collection.end_line = self.where(end.end_mark.index)[0]
        else:
            collection.end_line = collection.entries[-1].end_line if collection.entries else line
        return collection, position + 1

    def scalar(self, event: Any, line: int, column: int, indent: int) -> Scalar:
        style = event.style or ""
        found = Scalar(_scalar(event), event.value, style, event.tag, event.anchor, line, column,
                       self.end_line(event.end_mark, line))
        if style in ("|", ">"):
            self.block(found, event, indent)
        return found

    def block(self, found: Scalar, event: Any, indent: int) -> None:
        """A block scalar's chomping and its content lines, unindented, from the file's own lines."""
        start = event.start_mark.index
        header_end = self.text.find("\n", start)
        header_end = len(self.text) if header_end < 0 else header_end
        match = BLOCK_HEADER.match(self.text[start:header_end])
        if match is None:
            raise Unsupported(found.line + 1, found.column + 1, "a block scalar header the formatter cannot read")
        indicators = match.group(2)
        found.chomping = "".join(c for c in indicators if c in "+-")
        body = self.text[header_end + 1 : event.end_mark.index] if header_end < event.end_mark.index else ""
        lines = body[:-1].split("\n") if body.endswith("\n") else body.split("\n") if body else []
        digits = "".join(c for c in indicators if c.isdigit())
        if digits:
            width = max(indent, 0) + int(digits)
        else:
            first = next((item for item in lines if item.strip(" ")), "")
            width = len(first) - len(first.lstrip(" "))
        found.lines = ["" if not item.strip(" ") and len(item) <= width else item[width:] for item in lines]


def build(text: str) -> Document:
    """The tree of one YAML document whose root is a mapping, every comment attached to an entry.

    ``text`` must already have been read by argmap's reader without a problem. A comment alone on its
    line belongs to the entry below it, unless it is indented deeper than that entry: then it ends the
    collection it is indented into. A comment at the end of a line belongs to the largest entry that
    the line holds whole, else to the innermost entry that starts (or continues) there. The comments
    above the first key are the file's header, except those below its last blank line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    builder = _Builder(text)
    events = [e for e in yaml.parse(text, Loader=Loader)
              if not isinstance(e, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent,
                                    yaml.DocumentEndEvent))]
    root, _ = builder.node(events, 0, None, -1)
    if not isinstance(root, Collection) or not root.mapping or not root.entries:
        raise Unsupported(1, 1, "the top level is not a mapping")
    comments, blanks = find(text, builder.where)
    attach(builder.entries, root, comments, blanks)
    first = root.entries[0]
    cut = max((i for i, item in enumerate(first.leading) if item == BLANK), default=None)
    if cut is None:
        header, first.leading = first.leading, []
    else:
        header, first.leading = first.leading[:cut], first.leading[cut + 1 :]
    # Editors read the schema modeline at the top of the file.
    header.sort(key=lambda item: not item.startswith(MODELINE))
    return Document(root, header, header_gap=cut is not None)
