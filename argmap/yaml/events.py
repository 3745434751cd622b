"""libyaml's events -> plain data (dicts, lists, scalars) with the position of every key and value,
iteratively, within the reader's limits; duplicate keys, tags and documents found on the way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from argmap.codes import DUPLICATE_KEY, MULTIPLE_DOCUMENTS, SCHEMA, UNSAFE_YAML, YAML_SYNTAX
from argmap.diagnostics import Diagnostic
from argmap.yaml.dialect import MAY_RESOLVE, STANDARD_TAGS, scalar
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
    # Longer than 80 lines on purpose: the hot path (a scalar put into its container, a container closed) is
    # inline, so that most events cost no call; benchmarks/bench_check.py measures what that keeps (argmap
    # check at about half PyYAML's C loader's time on the 10,000-statement map).
    loader = Loader(text)
    problems = doc.problems
    name = doc.path
    index = doc._positions
    spellings = doc._spellings
    anchors: dict[str, tuple[Any, int]] = {}
    aliases = expansion = 0
    documents = 0
    # A frame: [container, is_mapping, pending key (or _NO_KEY), its position, node count, anchor,
    #           container position, container mark, the container's positions]
    stack: list[list[Any]] = []
    root_set = False
    ScalarEvent, MappingStartEvent, SequenceStartEvent = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    MappingEndEvent, SequenceEndEvent, AliasEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.AliasEvent
    DocumentStartEvent = yaml.DocumentStartEvent

    def add(value: Any, packed: int, size: int, mark: Any) -> None:
        nonlocal root_set
        if not stack:
            doc.data = value
            doc._root = packed
            root_set = True
            return
        frame = stack[-1]
        frame[4] += size
        container = frame[0]
        if frame[1]:
            key = frame[2]
            if key is _NO_KEY:
                if isinstance(value, (dict, list)):
                    problems.append(
                        Diagnostic(name, mark.line + 1, mark.column + 1, "a mapping key must be a plain scalar", SCHEMA)
                    )
                    frame[2] = _BAD_KEY
                else:
                    frame[2] = value
                    frame[3] = packed
                return
            frame[2] = _NO_KEY
            if key is _BAD_KEY:
                return
            positions = index[id(container)]
            if key in container:
                line, column = unpack(frame[3])
                first_line, _ = unpack(positions[key] >> 64)
                problems.append(
                    Diagnostic(name, line, column, f"duplicate key {key!r} (first defined at line {first_line})", DUPLICATE_KEY)
                )
                return
            container[key] = value
            positions[key] = (frame[3] << 64) | packed
        else:
            container.append(value)
            index[id(container)].append(packed)

    def check_tag(event: Any) -> None:
        tag = event.tag
        if tag is not None and tag not in STANDARD_TAGS:
            mark = event.start_mark
            problems.append(
                Diagnostic(name, mark.line + 1, mark.column + 1, f"tag {tag!r} is not allowed; argmap reads plain YAML only", UNSAFE_YAML)
            )

    get_event: Callable[[], Any] = loader.get_event  # events are told apart by class below
    max_chars = limits.max_scalar_chars
    # Counted as the events arrive, so that a file over the limit costs no more than the limit.
    nodes, max_nodes = 0, limits.max_nodes
    while (event := get_event()) is not None:
        cls = event.__class__
        if cls is ScalarEvent and stack and event.tag is None and event.anchor is None and len(event.value) <= max_chars:
            # The hot path: a plain or quoted scalar inside a container (most events of a map).
            nodes += 1
            if nodes > max_nodes:
                raise Stop(UNSAFE_YAML, *too_many(event, max_nodes))
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
            if frame[1]:
                key = frame[2]
                if key is _NO_KEY:
                    frame[2], frame[3] = value, packed
                    frame[4] += 1
                    continue
                container = frame[0]
                if key is not _BAD_KEY and key not in container:
                    frame[2] = _NO_KEY
                    frame[4] += 1
                    container[key] = value
                    frame[8][key] = (frame[3] << 64) | packed
                    continue
            else:
                frame[0].append(value)
                frame[8].append(packed)
                frame[4] += 1
                continue
            add(value, packed, 1, mark)  # a duplicate or unusable key: reported there
        elif cls is ScalarEvent:
            nodes += 1
            if nodes > max_nodes:
                raise Stop(UNSAFE_YAML, *too_many(event, max_nodes))
            mark = event.start_mark
            if event.tag is not None:
                check_tag(event)
            if len(event.value) > limits.max_scalar_chars:
                problems.append(
                    Diagnostic(
                        name, mark.line + 1, mark.column + 1,
                        f"a value of {len(event.value):,} characters is over the {limits.max_scalar_chars:,}-character limit",
                        UNSAFE_YAML,
                    )
                )
                value = ""
                doc.fatal = True  # the value is gone: the schema would report it again, as empty
            elif stack and stack[-1][1] and stack[-1][2] is _NO_KEY and event.tag in (None, "!"):
                value = event.value  # a key: text, as on the hot path
            else:
                value = scalar(event)
                if event.implicit[0] and value.__class__ is not str and value is not None:
                    spellings[pack(mark.line + 1, mark.column + 1)] = event.value
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1)
            add(value, pack(mark.line + 1, mark.column + 1), 1, mark)
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            nodes += 1
            if nodes > max_nodes:
                raise Stop(UNSAFE_YAML, *too_many(event, max_nodes))
            mark = event.start_mark
            if event.tag is not None:
                check_tag(event)
            if len(stack) >= limits.max_depth:
                raise Stop(UNSAFE_YAML, mark.line + 1, mark.column + 1, f"nesting deeper than {limits.max_depth} levels")
            is_mapping = cls is MappingStartEvent
            container = {} if is_mapping else []
            positions: Any = {} if is_mapping else []
            index[id(container)] = positions
            stack.append([container, is_mapping, _NO_KEY, 0, 1, event.anchor, ((mark.line + 1) << 32) | (mark.column + 1),
                          mark, positions])
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            container, _, _, _, size, anchor, packed, mark, _ = stack.pop()
            if anchor is not None:
                anchors[anchor] = (container, size)
            if stack:  # the common case inline, as for scalars; add() handles the rest
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
            add(container, packed, size, mark)
        elif cls is AliasEvent:
            mark = event.start_mark
            aliases += 1
            if event.anchor not in anchors:
                raise Stop(YAML_SYNTAX, mark.line + 1, mark.column + 1, f"alias *{event.anchor} has no anchor before it")
            value, size = anchors[event.anchor]
            expansion += size
            nodes += size
            if aliases > limits.max_aliases:
                raise Stop(UNSAFE_YAML, mark.line + 1, mark.column + 1, f"more than {limits.max_aliases} aliases")
            if expansion > limits.max_alias_expansion:
                raise Stop(
                    UNSAFE_YAML, mark.line + 1, mark.column + 1,
                    f"aliases expand to more than {limits.max_alias_expansion:,} nodes (an alias bomb?)",
                )
            if nodes > max_nodes:
                raise Stop(UNSAFE_YAML, *too_many(event, max_nodes))
            add(value, pack(mark.line + 1, mark.column + 1), size, mark)
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                problems.append(
                    Diagnostic(
                        name, mark.line + 1, mark.column + 1,
                        "a second YAML document; an argmap file holds one (split it into files joined by include:)",
                        MULTIPLE_DOCUMENTS,
                    )
                )
                doc.nodes = nodes
                return
    doc.nodes = nodes
    if not root_set:
        doc.data = None


def too_many(event: Any, max_nodes: int) -> tuple[int, int, str]:
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
