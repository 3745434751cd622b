"""libyaml's events -> plain data (dicts, lists, scalars) with the position of every key and value,
iteratively, within the reader's limits; duplicate keys, tags and documents found on the way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from argmap.codes import DUPLICATE_KEY, MULTIPLE_DOCUMENTS, SCHEMA, UNSAFE_YAML, YAML_SYNTAX
from argmap.diagnostics import Diagnostic
from argmap.yaml.dialect import KIND_TAGS, MAY_RESOLVE, STANDARD_TAGS, scalar
from argmap.yaml.document import Limits, Stop, YamlDocument, pack, unpack

__all__ = ["build", "Loader", "PureLoader", "C_LOADER"]


class PureLoader(yaml.SafeLoader):
    """PyYAML's pure-Python loader, refusing what libyaml refuses: a tab where a block scalar's indentation is
    still to be found or is not complete (libyaml: "found a tab character where an indentation space is
    expected"; the pure loader read it as text)."""

    def _no_tab(self, indent: int) -> None:
        if self.peek() == "\t" and (not indent or self.column < indent):
            raise yaml.scanner.ScannerError("while scanning a block scalar", None, "found a tab character where an"
                                            " indentation space is expected", self.get_mark())

    def scan_block_scalar_indentation(self) -> Any:
        chunks, max_indent, end_mark = super().scan_block_scalar_indentation()
        self._no_tab(0)
        return chunks, max_indent, end_mark

    def scan_block_scalar_breaks(self, indent: int) -> Any:
        chunks = []
        end_mark = self.get_mark()
        while self.column < indent and self.peek() == " ":
            self.forward()
        self._no_tab(indent)
        while self.peek() in "\r\n\x85\u2028\u2029":
            chunks.append(self.scan_line_break())  # type: ignore[no-untyped-call]
            end_mark = self.get_mark()
            while self.column < indent and self.peek() == " ":
                self.forward()
            self._no_tab(indent)
        return chunks, end_mark


try:  # the C parser is an order of magnitude faster; the pure-Python one gives the same events
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    Loader = PureLoader  # type: ignore[assignment,misc]

C_LOADER = Loader.__name__ == "CSafeLoader"
"""Whether libyaml (the C parser) reads: its marks count bytes where the pure-Python parser counts characters."""


def build(doc: YamlDocument, text: str, limits: Limits) -> None:
    """Turn the event stream into dicts, lists and scalars, iteratively (no recursion on nesting)."""
    reader = _Reader(doc, limits)
    doc.nodes = reader.read(Loader(text).get_event)
    if not reader.root_set:
        doc.data = None


_ScalarEvent, _MappingStartEvent, _SequenceStartEvent = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MappingEndEvent, _SequenceEndEvent, _AliasEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.AliasEvent
_DocumentStartEvent = yaml.DocumentStartEvent


class _Reader:
    """One file's events read into its document: the containers open (a stack of frames), the anchors seen,
    the counts the limits bound.

    A frame: [container, is_mapping, pending key (or _NO_KEY), its position, node count, anchor, container
    position, container mark, the container's positions]."""

    __slots__ = ("aliases", "anchors", "doc", "documents", "expansion", "index", "limits", "name", "problems",
                 "root_set", "stack")

    def __init__(self, doc: YamlDocument, limits: Limits) -> None:
        self.doc, self.limits = doc, limits
        self.problems, self.name, self.index = doc.problems, doc.path, doc._positions
        self.stack: list[list[Any]] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliases = self.expansion = self.documents = 0
        self.root_set = False

    def read(self, get_event: Callable[[], Any]) -> int:
        """Read every event (up to a second document); the number of YAML nodes read."""
        # The two commonest events (a scalar put into its container, a container closed) are handled inline
        # here, so that most events cost no call: benchmarks/bench_check.py measures what that keeps (argmap
        # check below 0.65x PyYAML's C loader's time on the 10,000-statement map). The others call a method.
        stack, spellings = self.stack, self.doc._spellings
        max_chars, max_nodes = self.limits.max_scalar_chars, self.limits.max_nodes
        nodes = 0  # counted as the events arrive, so that a file over the limit costs no more than the limit
        while (event := get_event()) is not None:
            cls = event.__class__
            if cls is _ScalarEvent:
                nodes += 1
                if nodes > max_nodes:
                    raise Stop(UNSAFE_YAML, *too_many(event, max_nodes))
                if not stack or event.tag is not None or event.anchor is not None or len(event.value) > max_chars:
                    self.scalar(event)
                    continue
                mark = event.start_mark
                value = event.value
                frame = stack[-1]
                # Keys stay text: every key of the format is an id or a field name, and YAML 1.1 would
                # otherwise read a statement called `no` or `on` as a boolean.
                packed = ((mark.line + 1) << 32) | (mark.column + 1)
                if event.implicit[0] and value[:1] in MAY_RESOLVE and not (frame[1] and frame[2] is _NO_KEY):
                    value = scalar(event)
                    if value.__class__ is not str and value is not None:
                        spellings[packed] = event.value  # where the schema wants text, it is put back
                if not frame[1]:
                    frame[0].append(value)
                    frame[8].append(packed)
                    frame[4] += 1
                    continue
                key = frame[2]
                if key is _NO_KEY:
                    frame[2], frame[3] = value, packed
                    frame[4] += 1
                    continue
                if key is not _BAD_KEY and key not in frame[0]:
                    frame[2] = _NO_KEY
                    frame[4] += 1
                    frame[0][key] = value
                    frame[8][key] = (frame[3] << 64) | packed
                    continue
                self.add(value, packed, 1, mark)  # a duplicate or unusable key: reported there
            elif cls is _MappingEndEvent or cls is _SequenceEndEvent:
                container, _, _, _, size, anchor, packed, mark, _ = stack.pop()
                if anchor is not None:
                    self.anchors[anchor] = (container, size)
                if stack:
                    frame = stack[-1]
                    if not frame[1]:
                        frame[0].append(container)
                        frame[8].append(packed)
                        frame[4] += size
                        continue
                    key = frame[2]
                    if key is not _NO_KEY and key is not _BAD_KEY and key not in frame[0]:
                        frame[2] = _NO_KEY
                        frame[4] += size
                        frame[0][key] = container
                        frame[8][key] = (frame[3] << 64) | packed
                        continue
                self.add(container, packed, size, mark)
            elif cls is _MappingStartEvent or cls is _SequenceStartEvent:
                nodes += 1
                if nodes > max_nodes:
                    raise Stop(UNSAFE_YAML, *too_many(event, max_nodes))
                self.start(event, cls is _MappingStartEvent)
            elif cls is _AliasEvent:
                nodes = self.alias(event, nodes)
            elif cls is _DocumentStartEvent and self.next_document(event):
                break
        return nodes

    def add(self, value: Any, packed: int, size: int, mark: Any) -> None:
        """Put ``value`` (``size`` nodes, at ``packed``) into the open container, or make it the document; a
        mapping key that is not a scalar, or a duplicate key, is a problem and the entry is left out."""
        stack = self.stack
        if not stack:
            self.doc.data = value
            self.doc._root = packed
            self.root_set = True
            return
        frame = stack[-1]
        frame[4] += size
        container = frame[0]
        if not frame[1]:
            container.append(value)
            self.index[id(container)].append(packed)
            return
        key = frame[2]
        if key is _NO_KEY:
            if isinstance(value, (dict, list)):
                self.problem(mark, "a mapping key must be a plain scalar", SCHEMA)
                frame[2] = _BAD_KEY
            else:
                frame[2] = value
                frame[3] = packed
            return
        frame[2] = _NO_KEY
        if key is _BAD_KEY:
            return
        positions = self.index[id(container)]
        if key in container:
            line, column = unpack(frame[3])
            first_line, _ = unpack(positions[key] >> 64)
            self.problems.append(Diagnostic(self.name, line, column, f"duplicate key {key!r} (first defined at line"
                                            f" {first_line})", DUPLICATE_KEY))
            return
        container[key] = value
        positions[key] = (frame[3] << 64) | packed

    def problem(self, mark: Any, message: str, code: str) -> None:
        """A problem found at ``mark``."""
        self.problems.append(Diagnostic(self.name, mark.line + 1, mark.column + 1, message, code))

    def check_tag(self, event: Any, kind: str) -> None:
        """A tag outside YAML's standard ones is a problem: argmap reads plain data only; so is a standard tag on a
        node of another kind (`!!str` on a mapping), which YAML's own loaders refuse."""
        tag = event.tag
        if tag is not None and tag not in STANDARD_TAGS:
            self.problem(event.start_mark, f"tag {tag!r} is not allowed; argmap reads plain YAML only", UNSAFE_YAML)
        elif tag is not None and tag not in KIND_TAGS[kind]:
            short = tag.replace("tag:yaml.org,2002:", "!!")
            self.problem(event.start_mark, f"tag {short!r} cannot stand on a {kind}: remove the tag", YAML_SYNTAX)

    def scalar(self, event: Any) -> None:
        """A scalar off the hot path: the document's root, tagged, anchored, or over the length limit."""
        mark = event.start_mark
        limit = self.limits.max_scalar_chars
        stack = self.stack
        if event.tag is not None:
            self.check_tag(event, "scalar")
        if len(event.value) > limit:
            self.problem(mark, f"a value of {len(event.value):,} characters is over the {limit:,}-character limit",
                         UNSAFE_YAML)
            value = ""
            self.doc.fatal = True  # the value is gone: the schema would report it again, as empty
        elif stack and stack[-1][1] and stack[-1][2] is _NO_KEY and event.tag in (None, "!"):
            value = event.value  # a key: text, as on the hot path
        else:
            value = scalar(event)
            if event.implicit[0] and value.__class__ is not str and value is not None:
                self.doc._spellings[pack(mark.line + 1, mark.column + 1)] = event.value
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        self.add(value, pack(mark.line + 1, mark.column + 1), 1, mark)

    def start(self, event: Any, is_mapping: bool) -> None:
        """A mapping or a sequence opens: a new frame, within the depth limit."""
        mark = event.start_mark
        if event.tag is not None:
            self.check_tag(event, "mapping" if is_mapping else "sequence")
        if len(self.stack) >= self.limits.max_depth:
            raise Stop(UNSAFE_YAML, mark.line + 1, mark.column + 1, f"nesting deeper than {self.limits.max_depth} levels")
        container: Any = {} if is_mapping else []
        positions: Any = {} if is_mapping else []
        self.index[id(container)] = positions
        self.stack.append([container, is_mapping, _NO_KEY, 0, 1, event.anchor,
                           ((mark.line + 1) << 32) | (mark.column + 1), mark, positions])

    def alias(self, event: Any, nodes: int) -> int:
        """An alias repeats its anchor's value: counted as the nodes it repeats, within the alias limits; the
        node count after it."""
        mark = event.start_mark
        limits = self.limits
        self.aliases += 1
        if event.anchor not in self.anchors:
            if any(frame[5] == event.anchor for frame in self.stack):  # its anchor is on a container still open
                raise Stop(YAML_SYNTAX, mark.line + 1, mark.column + 1, f"alias *{event.anchor} stands inside what"
                           f" &{event.anchor} names: a value cannot hold itself")
            raise Stop(YAML_SYNTAX, mark.line + 1, mark.column + 1, f"alias *{event.anchor} has no anchor before it")
        value, size = self.anchors[event.anchor]
        self.expansion += size
        nodes += size
        if self.aliases > limits.max_aliases:
            raise Stop(UNSAFE_YAML, mark.line + 1, mark.column + 1, f"more than {limits.max_aliases} aliases")
        if self.expansion > limits.max_alias_expansion:
            raise Stop(UNSAFE_YAML, mark.line + 1, mark.column + 1,
                       f"aliases expand to more than {limits.max_alias_expansion:,} nodes (an alias bomb?)")
        if nodes > limits.max_nodes:
            raise Stop(UNSAFE_YAML, *too_many(event, limits.max_nodes))
        self.add(value, pack(mark.line + 1, mark.column + 1), size, mark)
        return nodes

    def next_document(self, event: Any) -> bool:
        """Whether a document starts after the first: a problem, and the reading stops there."""
        self.documents += 1
        if self.documents == 1:
            return False
        self.problem(event.start_mark, "a second YAML document; an argmap file holds one (split it into files"
                     " joined by include:)", MULTIPLE_DOCUMENTS)
        return True


def too_many(event: Any, max_nodes: int) -> tuple[int, int, str]:
    """Where and how the node limit is crossed, for a ``Stop``."""
    mark = event.start_mark
    return mark.line + 1, mark.column + 1, f"more than {max_nodes:,} YAML nodes (keys, values, lists and mappings)"


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_NO_KEY = _Marker("<no key>")
_BAD_KEY = _Marker("<bad key>")
