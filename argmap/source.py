"""Read a YAML file once: decode strictly, build plain data from libyaml's events, index positions."""

from __future__ import annotations

import bisect
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from argmap.diagnostics import Diagnostic

__all__ = ["Limits", "YamlDocument", "read", "read_bytes", "parse", "refusal", "os_reason", "printable", "PureLoader"]



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
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = PureLoader  # type: ignore[assignment,misc]

C_LOADER = _Loader.__name__ == "CSafeLoader"

# Codes of the reading rules (documented in argmap/rules/).
# The codes of what reading finds (documented in argmap/rules/).
from argmap.codes import DUPLICATE_KEY, MULTIPLE_DOCUMENTS, SCHEMA, UNREADABLE, UNSAFE_YAML, YAML_SYNTAX  # noqa: E402

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "!",
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}
_FALSE = {"no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_MAY_RESOLVE = frozenset(key for key in _IMPLICIT if key is not None) | {""}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class Limits:
    """Bounds that keep hostile input from costing unbounded time or memory."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_depth: int = 64
    max_aliases: int = 100
    max_alias_expansion: int = 10_000
    max_scalar_chars: int = 100_000
    max_nodes: int = 4_000_000
    """YAML nodes (keys, values, lists, mappings) of one map: its root file and every file it includes."""


_LOW = (1 << 64) - 1


def _pack(line: int, column: int) -> int:
    return (line << 32) | column


def _unpack(packed: int) -> tuple[int, int]:
    return packed >> 32, packed & 0xFFFFFFFF


@dataclass
class YamlDocument:
    """The data of one YAML file, with the 1-based position of every key and value in it."""

    path: str
    data: Any = None
    problems: list[Diagnostic] = field(default_factory=list)
    fatal: bool = False
    """True when the file could not be read into data at all (the schema stage is skipped)."""
    nodes: int = 0
    """How many YAML nodes the file holds (aliases count as the nodes they repeat)."""
    _positions: dict[int, Any] = field(default_factory=dict, repr=False)
    """id(container) -> {key: key position << 64 | value position} for a mapping, [position] for a list."""
    _root: int = field(default=_pack(1, 1), repr=False)
    _spellings: dict[int, str] = field(default_factory=dict, repr=False)
    """Position -> how a plain scalar that YAML read as a number or a boolean was written."""

    def spelling(self, path: tuple[Any, ...] | list[Any]) -> str | None:
        """How the plain scalar at ``path`` was written, when YAML read it as a number or a boolean."""
        return self._spellings.get(_pack(*self.locate(path))) if self._spellings else None

    def locate(self, path: tuple[Any, ...] | list[Any], *, key: bool = False) -> tuple[int, int]:
        """The line and column of the node at ``path``, or of its nearest ancestor that exists.

        With ``key=True`` a mapping entry is located at its key rather than at its value.
        """
        node, packed = self.data, self._root
        last = len(path) - 1
        for index, step in enumerate(path):
            positions = self._positions.get(id(node))
            if isinstance(node, dict) and positions is not None and step in node:
                both = positions[step]
                packed = both >> 64 if key and index == last else both & _LOW
                node = node[step]
            elif isinstance(node, list) and positions is not None and isinstance(step, int) and 0 <= step < len(node):
                packed = positions[step]
                node = node[step]
            else:
                break
        return _unpack(packed)

    def problem(self, code: str, path: tuple[Any, ...] | list[Any], message: str, *, key: bool = False) -> Diagnostic:
        line, column = self.locate(path, key=key)
        return Diagnostic(self.path, line, column, message, code)


def read(path: str, display: str | None = None, limits: Limits = Limits()) -> YamlDocument:
    """Read, decode and parse one file; every failure becomes a located problem, never an exception."""
    name = display or path
    raw, why = read_bytes(path, limits)
    if raw is None:
        return _fail(YamlDocument(name), UNREADABLE, 0, 0, why)
    return parse(raw, name, limits)


def read_bytes(path: str, limits: Limits = Limits()) -> tuple[bytes | None, str]:
    """The bytes of the regular file at ``path`` within the size limit, or None and why not
    (the end of a sentence that names the file). Never raises."""
    try:
        # Opened without blocking and checked through the open descriptor, so that a FIFO or a
        # device swapped in after a check can neither hang the read nor be read.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except (OSError, ValueError) as error:
        return None, os_reason(error, path)
    try:
        info = os.fstat(fd)
        why = refusal(info)
        if why:
            return None, why
        if info.st_size > limits.max_file_bytes:
            return None, _too_big(info.st_size, limits)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(limits.max_file_bytes + 1)
    except OSError as error:
        return None, os_reason(error, path)
    finally:
        os.close(fd)
    if len(raw) > limits.max_file_bytes:  # it grew after the check
        return None, _too_big(len(raw), limits)
    return raw, ""


def refusal(info: os.stat_result) -> str | None:
    """Why a file with this status is not read as YAML text, or None for a regular file."""
    if stat.S_ISDIR(info.st_mode):
        return "is a folder, not a file"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file"  # a FIFO or device would block or never end
    return None


_REASONS = {
    errno.ENOENT: "does not exist",
    errno.ENOTDIR: "does not exist (a part of its path is a file, not a folder)",
    errno.ENAMETOOLONG: "has a name longer than the file system allows",
    errno.ELOOP: "is a loop of symbolic links",
    errno.EACCES: "cannot be read: permission denied",
    errno.EPERM: "cannot be read: permission denied",
}


def os_reason(error: OSError | ValueError, path: str = "") -> str:
    """What a failed file-system call on ``path`` means, as the end of a sentence that names the file."""
    if isinstance(error, OSError):
        return _REASONS.get(error.errno or 0) or f"cannot be read: {error.strerror or error}"
    if "\0" in path:
        return "has a NUL byte in its name"
    return "has a name the file system cannot take"  # text with no encoding in the file-system's


def printable(text: str) -> str:
    """``text`` (a file name, a key) fit for one line of any output: a byte of a name that was not
    UTF-8 as \\xNN, any other character that is not printable (line breaks, escape, bidi
    controls) as its Python escape."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable():
            out.append(char)
        elif "\udc80" <= char <= "\udcff":  # how Python hands over a byte of a file name that is not UTF-8
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        else:
            out.append(repr(char)[1:-1])
    return "".join(out)


def _too_big(size: int, limits: Limits) -> str:
    return f"is {size:,} bytes, over the {limits.max_file_bytes:,}-byte limit"


def parse(raw: bytes, name: str, limits: Limits = Limits()) -> YamlDocument:
    """Parse the bytes of one file (see :func:`read`)."""
    doc = YamlDocument(name)
    encoding = _other_encoding(raw)
    if encoding:
        return _fail(doc, UNREADABLE, 1, 1, f"is encoded as {encoding}; save it as UTF-8")
    nul = raw.find(b"\x00", 0, 8192)
    if nul >= 0:
        return _fail(doc, UNREADABLE, *_byte_position(raw, nul), "is a binary file (a NUL byte), not YAML text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start
        return _fail(doc, UNREADABLE, *_byte_position(raw, start),
                     f"is not valid UTF-8 (byte 0x{raw[start]:02x}{_utf8_fault(raw, start)})")
    _read_text(doc, text, limits)
    if _ODD_BREAK.search(text):
        _reline(doc, text)
    return doc


def _read_text(doc: YamlDocument, text: str, limits: Limits) -> YamlDocument:
    name = doc.path
    try:
        _build(doc, text, limits)
    except yaml.MarkedYAMLError as error:
        return _fail(doc, YAML_SYNTAX, *_explain(error, text))
    except yaml.reader.ReaderError as error:
        line, column = _offset_position(text, error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character or "\0")
        what = "a control character" if unicodedata.category(chr(code)) == "Cc" else "the character"
        return _fail(doc, YAML_SYNTAX, line, column,
                     f"{what} U+{code:04X} is not allowed raw in YAML; write it as an escape (\\u{code:04X}) in double quotes")
    except yaml.YAMLError as error:
        return _fail(doc, YAML_SYNTAX, 0, 0, str(error).splitlines()[0])
    except _Stop as stop:
        doc.problems.append(Diagnostic(name, stop.line, stop.column, stop.message, stop.code))
        doc.fatal = True
        doc.data = None
    return doc


_ODD_BREAK = re.compile("[\x85\u2028\u2029]")
_NEWLINE = re.compile("\r\n|\r|\n")


def _reline(doc: YamlDocument, text: str) -> None:
    """Give every position of ``doc`` as editors and `grep -n` count lines: YAML also breaks lines at U+0085,
    U+2028 and U+2029, which they take for characters of a line."""
    yaml_starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    starts = [0, *(match.end() for match in _NEWLINE.finditer(text))]

    def moved(packed: int) -> int:
        line, column = _unpack(packed)
        if not 0 < line <= len(yaml_starts) or column <= 0:
            return packed
        offset = yaml_starts[line - 1] + column - 1
        real = bisect.bisect_right(starts, offset) - 1
        return _pack(real + 1, offset - starts[real] + 1)

    for key, positions in doc._positions.items():
        if isinstance(positions, list):
            positions[:] = [moved(packed) for packed in positions]
        else:
            doc._positions[key] = {k: (moved(both >> 64) << 64) | moved(both & _LOW) for k, both in positions.items()}
    doc._root = moved(doc._root)
    doc._spellings = {moved(packed): written for packed, written in doc._spellings.items()}
    doc.problems[:] = [replace(d, line=_unpack(moved(_pack(d.line, d.column)))[0],
                               column=_unpack(moved(_pack(d.line, d.column)))[1]) if d.line > 0 else d
                       for d in doc.problems]


# Byte patterns of UTF-32 and UTF-16 text: a byte-order mark (UTF-32's first, since its
# little-endian mark begins with UTF-16's), else the NUL bytes around an ASCII first character
# (YAML 1.2, section 5.2).
_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _other_encoding(raw: bytes) -> str | None:
    """The name of the encoding ``raw`` is in when it is UTF-16 or UTF-32 rather than UTF-8."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    head = raw[:4]
    if len(head) == 4:
        text = [0x09 <= b <= 0x7E for b in head]
        zero = [b == 0 for b in head]
        if (zero[:3] == [True] * 3 and text[3]) or (text[0] and zero[1:] == [True] * 3):
            return "UTF-32"
        if (zero[0] and text[1] and zero[2] and text[3]) or (text[0] and zero[1] and text[2] and zero[3]):
            return "UTF-16"
    return None


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of a byte of undecoded text."""
    start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[start:offset].decode("utf-8", "replace").lstrip("\ufeff")) + 1


def _utf8_fault(raw: bytes, start: int) -> str:
    """What is wrong with the UTF-8 sequence at ``start``, for the message."""
    lead, follow = raw[start], raw[start + 1] if start + 1 < len(raw) else 0
    if 0x80 <= lead <= 0xBF:
        return ", a continuation byte with no lead byte"
    if lead in (0xC0, 0xC1) or (lead == 0xE0 and 0x80 <= follow < 0xA0) or (lead == 0xF0 and 0x80 <= follow < 0x90):
        return ", an overlong encoding"
    if lead == 0xED and 0xA0 <= follow <= 0xBF:
        return ", an encoded surrogate (U+D800 to U+DFFF), which UTF-8 excludes"
    if lead >= 0xF8:
        return ", a byte UTF-8 never uses"
    if lead >= 0xF5 or (lead == 0xF4 and follow >= 0x90):
        return ", beyond U+10FFFF"
    return ", a sequence cut short"


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a reader error's offset (UTF-8 bytes for libyaml, characters without it)."""
    before = text.encode("utf-8")[:offset].decode("utf-8", "replace") if C_LOADER else text[:offset]
    lines = _LINE_BREAK.split(before)  # every break YAML counts, as libyaml's own marks do
    return len(lines), len(lines[-1]) + 1


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _explain(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Where a YAML syntax error most likely is, and what the mistake probably was, in words a person
    who writes maps can act on (the parser's own words follow in parentheses)."""
    mark, opened = error.problem_mark or error.context_mark, error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem, context = str(error.problem or "invalid YAML"), str(error.context or "")
    parser = problem + (f" ({context})" if context else "")
    lines = text.splitlines()
    if mark and _char_at(text, mark.line, mark.column) == "\t":
        return line, column, "a tab character; YAML indents with spaces only"
    if opened is not None and "quoted scalar" in context:
        quote = _char_at(text, opened.line, opened.column)
        return (opened.line + 1, opened.column + 1,
                f"the text that starts with {quote} here is never closed: end it with {quote} on this line"
                f" ({parser})")
    if opened is not None and "flow" in context and ("expected ','" in problem or "expected ']'" in problem):
        closing = "}" if "mapping" in context else "]"
        if mark is not None and mark.line > opened.line:
            end = len(lines[opened.line]) if opened.line < len(lines) else opened.column
            bracket = "{" if closing == "}" else "["
            return (opened.line + 1, end + 1, f"the {bracket} at column {opened.column + 1} is not closed on its"
                                              f" line: add {closing} at the end of line {opened.line + 1} ({parser})")
        found = _char_at(text, mark.line, mark.column) if mark is not None else ""
        if found in ("]", "}") and found != closing:
            bracket = "{" if closing == "}" else "["
            return line, column, (f"the {bracket} at column {opened.column + 1} is closed here with {found}: close it"
                                  f" with {closing} ({parser})")
        if mark is not None and "'" in (_char_at(text, mark.line, mark.column - 1), found):
            return line, column, ("a single quote ends the text here: inside single quotes write it twice"
                                  f" ('it''s'), or use double quotes ({parser})")
        return line, column, (f"something follows a value here: separate entries with a comma, or put a text that"
                              f" holds ': ' or ',' in double quotes ({parser})")
    if "mapping values are not allowed" in problem and mark is not None:
        above = _previous_line(lines, mark.line)
        if above is not None and ":" not in lines[above].split("#", 1)[0]:
            return above + 1, _indent(lines[above]) + 1, (f"this line has no colon: write `key: value`, with a space"
                                                            f" after the colon ({parser})")
        if above is not None and _indent(lines[mark.line]) > _indent(lines[above]) and \
                lines[above].split("#", 1)[0].rstrip().partition(": ")[2].strip():
            return line, _indent(lines[mark.line]) + 1, (f"this line is indented under line {above + 1}, whose value"
                                                         " is already given: indent it as the keys beside it"
                                                         f" ({parser})")
        return line, column, f"a text that holds ': ' must be put in double quotes ({parser})"
    if "expected key" in problem and "block mapping" in context and mark is not None and opened is not None:
        start = _indent(lines[mark.line]) + 1 if mark.line < len(lines) else column
        return line, start, (f"this line's indentation (column {start}) matches no mapping above it: indent it"
                             f" as the keys it belongs with ({parser})")
    if "could not find expected ':'" in problem and opened is not None:
        return opened.line + 1, opened.column + 1, (f"this key has no colon: write `key: value`, with a space"
                                                     f" after the colon ({parser})")
    return line, column, parser


def _previous_line(lines: list[str], index: int) -> int | None:
    """The nearest line above ``index`` that holds more than blanks or a comment."""
    for above in range(min(index, len(lines)) - 1, -1, -1):
        if lines[above].split("#", 1)[0].strip():
            return above
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


class _Stop(Exception):
    def __init__(self, code: str, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.code, self.line, self.column, self.message = code, line, column, message


def _fail(doc: YamlDocument, code: str, line: int, column: int, message: str) -> YamlDocument:
    doc.problems.append(Diagnostic(doc.path, line, column, message, code))
    doc.fatal = True
    doc.data = None
    return doc


def _scalar(event: yaml.ScalarEvent) -> Any:
    """Construct the value of a scalar the way YAML's core schema does, without leaving plain data."""
    value = event.value
    tag = event.tag
    if tag is None or tag == "!":
        if not event.implicit[0] or value[:1] not in _MAY_RESOLVE:
            return value  # quoted, or plain text that no implicit type can start with
        for candidate, regexp in _IMPLICIT.get(value[:1] or "", ()) if value else _IMPLICIT.get("", ()):
            if regexp.match(value):
                tag = candidate
                break
        else:
            return value
    if tag == "tag:yaml.org,2002:str":
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        if value in _TRUE or value in _FALSE:
            return value in _TRUE
        return value
    if tag == "tag:yaml.org,2002:int":
        try:
            return _CONSTRUCTOR.construct_yaml_int(yaml.ScalarNode(tag, value))
        except (ValueError, IndexError):  # PyYAML indexes the text: an empty `!!int` raises IndexError
            return value
    if tag == "tag:yaml.org,2002:float":
        try:
            return _CONSTRUCTOR.construct_yaml_float(yaml.ScalarNode(tag, value))
        except (ValueError, IndexError):  # an empty `!!float` raises IndexError too
            return value
    return value  # timestamps, merge keys, '=': kept as the text they are


def _build(doc: YamlDocument, text: str, limits: Limits) -> None:
    """Turn the event stream into dicts, lists and scalars, iteratively (no recursion on nesting)."""
    # Longer than 80 lines on purpose: the hot path (a scalar put into its container, a container closed) is
    # inline, so that most events cost no call; benchmarks/bench_check.py measures what that keeps (argmap
    # check at about half PyYAML's C loader's time on the 10,000-statement map).
    loader = _Loader(text)
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
                line, column = _unpack(frame[3])
                first_line, _ = _unpack(positions[key] >> 64)
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
        if tag is not None and tag not in _STANDARD_TAGS:
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
                raise _Stop(UNSAFE_YAML, *_too_many(event, max_nodes))
            mark = event.start_mark
            value = event.value
            frame = stack[-1]
            # Keys stay text: every key of the format is an id or a field name, and YAML 1.1 would
            # otherwise read a statement called `no` or `on` as a boolean.
            packed = ((mark.line + 1) << 32) | (mark.column + 1)
            if event.implicit[0] and value[:1] in _MAY_RESOLVE and not (frame[1] and frame[2] is _NO_KEY):
                value = _scalar(event)
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
                raise _Stop(UNSAFE_YAML, *_too_many(event, max_nodes))
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
                value = _scalar(event)
                if event.implicit[0] and value.__class__ is not str and value is not None:
                    spellings[_pack(mark.line + 1, mark.column + 1)] = event.value
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1)
            add(value, _pack(mark.line + 1, mark.column + 1), 1, mark)
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            nodes += 1
            if nodes > max_nodes:
                raise _Stop(UNSAFE_YAML, *_too_many(event, max_nodes))
            mark = event.start_mark
            if event.tag is not None:
                check_tag(event)
            if len(stack) >= limits.max_depth:
                raise _Stop(UNSAFE_YAML, mark.line + 1, mark.column + 1, f"nesting deeper than {limits.max_depth} levels")
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
                raise _Stop(YAML_SYNTAX, mark.line + 1, mark.column + 1, f"alias *{event.anchor} has no anchor before it")
            value, size = anchors[event.anchor]
            expansion += size
            nodes += size
            if aliases > limits.max_aliases:
                raise _Stop(UNSAFE_YAML, mark.line + 1, mark.column + 1, f"more than {limits.max_aliases} aliases")
            if expansion > limits.max_alias_expansion:
                raise _Stop(
                    UNSAFE_YAML, mark.line + 1, mark.column + 1,
                    f"aliases expand to more than {limits.max_alias_expansion:,} nodes (an alias bomb?)",
                )
            if nodes > max_nodes:
                raise _Stop(UNSAFE_YAML, *_too_many(event, max_nodes))
            add(value, _pack(mark.line + 1, mark.column + 1), size, mark)
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


def _too_many(event: Any, max_nodes: int) -> tuple[int, int, str]:
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
