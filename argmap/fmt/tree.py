"""A map file's YAML as a tree that keeps what the data drops: comments, blank lines, styles, anchors."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Union

import yaml

from argmap.source import _scalar  # the reader's own scalars: what argmap reads

try:  # the parser argmap's reader uses, so that the formatter sees the file as argmap does
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["BLANK", "MODELINE", "Scalar", "Alias", "Collection", "Entry", "Node", "Document", "Unsupported", "build"]

BLANK = ""
"""A blank line among the lines before an entry (the others are comments, which start with '#')."""

# YAML's line breaks once \r\n and \r are made \n (the reader counts the other three as breaks too).
MODELINE = "# yaml-language-server:"
_BREAK = re.compile("[\n\x85\u2028\u2029]")
_COMMENT = re.compile("#[^\n\x85\u2028\u2029]*")
_BLOCK_HEADER = re.compile(r"^(?:[&!]\S*\s+)*([|>])([0-9+-]*)[ \t]*(#.*)?$")


class Unsupported(Exception):
    """A construct the formatter does not lay out: the file is left as it is, and the message says why."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


@dataclass(eq=False)
class Scalar:
    value: Any
    """What argmap's reader makes of it (keys: always text)."""
    text: str
    """The characters of the scalar, as the parser gave them."""
    style: str
    """"" plain, "'" or '"' quoted, "|" or ">" a block scalar."""
    tag: str | None
    anchor: str | None
    line: int
    column: int
    end_line: int
    chomping: str = ""
    """A block scalar's chomping indicator: "", "-" or "+"."""
    lines: list[str] = field(default_factory=list)
    """A block scalar's content lines, without their indentation ("" for an empty line)."""


@dataclass(eq=False)
class Alias:
    name: str
    line: int
    column: int
    end_line: int


@dataclass(eq=False)
class Collection:
    mapping: bool
    flow: bool
    """Written in flow style in the file ({...} or [...])."""
    anchor: str | None
    line: int
    column: int
    """Where its entries start (a block sequence: the column of its dashes)."""
    holder: Entry | None
    """The entry whose value it is (None for the document's root)."""
    entries: list[Entry] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    """Comment and blank lines after its last entry, indented as its entries."""
    end_line: int = 0


Node = Union[Scalar, Alias, Collection]  # noqa: UP007  # an alias evaluated at run time, before 3.12


@dataclass(eq=False)
class Entry:
    """A key and its value in a mapping, or an item (key None) of a sequence."""

    key: Scalar | None
    value: Node
    container: Collection
    line: int
    column: int
    end_line: int = 0
    leading: list[str] = field(default_factory=list)
    """The comment and blank lines just above it."""
    eol: str | None = None
    """The comment at the end of its first line."""


@dataclass(eq=False)
class Document:
    root: Collection
    header: list[str]
    """The comments at the top of the file (the editor's schema modeline first), which stay there."""
    header_gap: bool = False
    """Whether a blank line separates the header from what follows."""


_PENDING = Scalar(None, "", "", None, None, 0, 0, 0)
"""An entry's value until it has been read (entries are listed before their values' own entries)."""


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in _BREAK.finditer(text)]
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
        match = _BLOCK_HEADER.match(self.text[start:header_end])
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


def _comments(builder: _Builder) -> tuple[list[tuple[int, int, str, bool]], list[int]]:
    """Every comment (line, column, text, alone on its line) and every blank line, from the gaps between
    the scanner's tokens (a '#' there always starts a comment) and from block scalars' headers."""
    text = builder.text
    comments: list[tuple[int, int, str, bool]] = []
    blanks: list[int] = []

    def gap(begin: int, end: int) -> None:
        for match in _COMMENT.finditer(text, begin, end):
            line, column = builder.where(match.start())
            alone = not text[match.start() - column : match.start()].strip()
            comments.append((line, column, match.group().rstrip(), alone))
        # whole lines inside the gap with nothing but spaces
        for brk in _BREAK.finditer(text, begin, end):
            following = _BREAK.search(text, brk.end())
            stop = following.start() if following else len(text)
            if stop <= end and following is not None and not text[brk.end() : stop].strip():
                blanks.append(builder.where(brk.end())[0])

    done = 0
    for token in yaml.scan(text, Loader=_Loader):
        begin, end = token.start_mark.index, token.end_mark.index
        if begin > done:
            gap(done, begin)
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
            header_end = text.find("\n", begin)
            match = _BLOCK_HEADER.match(text[begin : len(text) if header_end < 0 else header_end])
            if match is not None and match.group(3):
                line, column = builder.where(begin + match.start(3))
                comments.append((line, column, match.group(3).rstrip(), False))
        done = max(done, end)
    if done < len(text):
        gap(done, len(text))
    return comments, blanks


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
    events = [e for e in yaml.parse(text, Loader=_Loader)
              if not isinstance(e, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent,
                                    yaml.DocumentEndEvent))]
    root, _ = builder.node(events, 0, None, -1)
    if not isinstance(root, Collection) or not root.mapping or not root.entries:
        raise Unsupported(1, 1, "the top level is not a mapping")
    comments, blanks = _comments(builder)
    _attach(builder.entries, root, comments, blanks)
    first = root.entries[0]
    cut = max((i for i, item in enumerate(first.leading) if item == BLANK), default=None)
    if cut is None:
        header, first.leading = first.leading, []
    else:
        header, first.leading = first.leading[:cut], first.leading[cut + 1 :]
    # Editors read the schema modeline at the top of the file.
    header.sort(key=lambda item: not item.startswith(MODELINE))
    return Document(root, header, header_gap=cut is not None)


def _attach(entries: list[Entry], root: Collection, comments: list[tuple[int, int, str, bool]],
            blanks: list[int]) -> None:
    lines = [entry.line for entry in entries]
    placed: list[tuple[int, list[str], str]] = []  # (line, where it goes, what)
    # A comment after `---` or a directive, above the first entry, is one more line of the header.
    comments = [(line, column, comment, alone or line < lines[0]) for line, column, comment, alone in comments]
    own = sorted((c for c in comments if c[3]), key=lambda c: c[0])
    for line, column, comment, _ in own:
        placed.append((line, _home(entries, lines, root, line, column), comment))
    for line, _, comment, _ in (c for c in comments if not c[3]):
        target = _eol_owner(entries, lines, line)
        if target is None:  # after the last entry: a comment on a `...` line
            placed.append((line, root.trailing, comment))
        else:
            target.eol = comment if target.eol is None else f"{target.eol}  {comment}"
    # A blank line goes where the next comment goes, when that comment comes before the next entry.
    comment_lines = [c[0] for c in own]
    homes = [home for _, home, _ in placed[: len(own)]]
    for line in blanks:
        following = bisect.bisect_right(comment_lines, line)
        upcoming = bisect.bisect_right(lines, line)
        if following < len(own) and (upcoming == len(entries) or comment_lines[following] < lines[upcoming]):
            placed.append((line, homes[following], BLANK))
        elif upcoming < len(entries):
            placed.append((line, entries[upcoming].leading, BLANK))
    for _, home, item in sorted(placed, key=lambda p: p[0]):
        home.append(item)


def _home(entries: list[Entry], lines: list[int], root: Collection, line: int, column: int) -> list[str]:
    upcoming = bisect.bisect_right(lines, line)
    following = entries[upcoming] if upcoming < len(entries) else None
    if following is not None and column <= following.column:
        return following.leading
    # Indented deeper than what follows: the end of the innermost block collection it is indented into.
    around: set[int] = set()
    step: Collection | None = following.container if following else None
    while step is not None:
        around.add(id(step))
        step = step.holder.container if step.holder else None
    previous = entries[upcoming - 1] if upcoming else None
    step = previous.container if previous else root
    while step is not None:
        if id(step) not in around and not step.flow and step.column <= column:
            return step.trailing
        step = step.holder.container if step.holder else None
    return following.leading if following is not None else root.trailing


def _eol_owner(entries: list[Entry], lines: list[int], line: int) -> Entry | None:
    first, last = bisect.bisect_left(lines, line), bisect.bisect_right(lines, line)
    if first < last:
        whole = next((entry for entry in entries[first:last] if entry.end_line == line), None)
        return whole if whole is not None else entries[last - 1]
    if not first:
        return None
    step: Entry | None = entries[first - 1]
    while step is not None and step.end_line < line:  # the innermost entry that continues on this line
        step = step.container.holder
    return step
