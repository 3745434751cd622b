"""Read a YAML file once: refuse what is not a regular file or is too big, decode strictly (UTF-8 only, every
fault placed), then build plain data with positions (argmap.yaml)."""

from __future__ import annotations

import bisect
import errno
import os
import re
import stat
import unicodedata
from dataclasses import replace

import yaml

from argmap.codes import UNREADABLE, UNSAFE_YAML, YAML_SYNTAX
from argmap.diagnostics import Diagnostic
from argmap.yaml.document import LOW, Limits, Stop, YamlDocument, fail, pack, unpack
from argmap.yaml.events import C_LOADER, PureLoader, build
from argmap.yaml.syntax import LINE_BREAK, explain, offset_position

__all__ = ["DEFAULT_LIMITS", "Limits", "YamlDocument", "read", "read_bytes", "parse", "refusal", "os_reason", "printable", "fail",
           "C_LOADER", "PureLoader"]

DEFAULT_LIMITS = Limits()
"""A map file's limits, unless a caller gives others."""


def read(path: str, display: str | None = None, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Read, decode and parse one file; every failure becomes a located problem, never an exception."""
    name = display or path
    raw, why = read_bytes(path, limits)
    if raw is None:
        return fail(YamlDocument(name), UNREADABLE, 0, 0, why)
    return parse(raw, name, limits)


def read_bytes(path: str, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes | None, str]:
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


def parse(raw: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Parse the bytes of one file (see :func:`read`)."""
    doc = YamlDocument(name)
    encoding = _other_encoding(raw)
    if encoding:
        return fail(doc, UNREADABLE, 1, 1, f"is encoded as {encoding}; save it as UTF-8")
    nul = raw.find(b"\x00", 0, 8192)
    if nul >= 0:
        return fail(doc, UNREADABLE, *_byte_position(raw, nul), "is a binary file (a NUL byte), not YAML text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start
        return fail(doc, UNREADABLE, *_byte_position(raw, start),
                     f"is not valid UTF-8 (byte 0x{raw[start]:02x}{_utf8_fault(raw, start)})")
    _read_text(doc, text, limits)
    if _ODD_BREAK.search(text):
        _reline(doc, text)
    return doc


def _read_text(doc: YamlDocument, text: str, limits: Limits) -> YamlDocument:
    name = doc.path
    try:
        build(doc, text, limits)
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" in str(error.problem):  # libyaml's own limit, met before argmap's in flow style
            mark = error.problem_mark or error.context_mark
            return fail(doc, UNSAFE_YAML, mark.line + 1 if mark else 0, mark.column + 1 if mark else 0,
                        f"nesting deeper than {limits.max_depth} levels")
        return fail(doc, YAML_SYNTAX, *explain(error, text))
    except yaml.reader.ReaderError as error:
        line, column = offset_position(text, error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character or "\0")
        what = "a control character" if unicodedata.category(chr(code)) == "Cc" else "the character"
        return fail(doc, YAML_SYNTAX, line, column,
                     f"{what} U+{code:04X} is not allowed raw in YAML; write it as an escape (\\u{code:04X}) in double quotes")
    except yaml.YAMLError as error:
        return fail(doc, YAML_SYNTAX, 0, 0, str(error).splitlines()[0])
    except Stop as stop:
        doc.problems.append(Diagnostic(name, stop.line, stop.column, stop.message, stop.code))
        doc.fatal = True
        doc.data = None
    return doc


_ODD_BREAK = re.compile("[\x85\u2028\u2029]")
_NEWLINE = re.compile("\r\n|\r|\n")


def _reline(doc: YamlDocument, text: str) -> None:
    """Give every position of ``doc`` as editors and `grep -n` count lines: YAML also breaks lines at U+0085,
    U+2028 and U+2029, which they take for characters of a line."""
    yaml_starts = [0, *(match.end() for match in LINE_BREAK.finditer(text))]
    starts = [0, *(match.end() for match in _NEWLINE.finditer(text))]

    def moved(packed: int) -> int:
        line, column = unpack(packed)
        if not 0 < line <= len(yaml_starts) or column <= 0:
            return packed
        offset = yaml_starts[line - 1] + column - 1
        real = bisect.bisect_right(starts, offset) - 1
        return pack(real + 1, offset - starts[real] + 1)

    for key, positions in doc._positions.items():
        if isinstance(positions, list):
            positions[:] = [moved(packed) for packed in positions]
        else:
            doc._positions[key] = {k: (moved(both >> 64) << 64) | moved(both & LOW) for k, both in positions.items()}
    doc._root = moved(doc._root)
    doc._spellings = {moved(packed): written for packed, written in doc._spellings.items()}
    doc.problems[:] = [replace(d, line=unpack(moved(pack(d.line, d.column)))[0],
                               column=unpack(moved(pack(d.line, d.column)))[1]) if d.line > 0 else d
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
