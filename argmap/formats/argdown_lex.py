"""Argdown text, first pass: front matter, comments removed, lines grouped into blocks, and one element
(title, text, tags, data) read from the text after a relation symbol or a pcs number."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.formats._common import FormatError

__all__ = ["Line", "Element", "strip_comments", "front_matter", "blocks", "element", "RELATION", "unescape"]

RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)(?=\s|$)")
_TITLE_DEF = re.compile(r"\[([^\]\n]+?)\]:")
_TITLE_REF = re.compile(r"\[([^\]\n-][^\]\n]*?)\](?!\()")
_ARG_DEF = re.compile(r"<([^>\n]+?)>:")
_ARG_REF = re.compile(r"<([^>\n-][^>\n]*?)>")
_TAG = re.compile(r"(?<![\w\\])#(?:\(([^)\n]+)\)|([\w\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
_LINK = re.compile(r"\[[^\]\n]+?\]\([^)\n]+?\)")
_ESCAPE = re.compile(r"\\(.)")


@dataclass
class Line:
    number: int
    indent: int
    text: str
    """The line without its indentation."""


@dataclass
class Element:
    """What follows a relation symbol or a pcs number: a statement or argument, defined or referred to."""

    kind: str
    """statement or argument"""
    title: str | None
    text: str
    defined: bool
    tags: list[str] = field(default_factory=list)
    data: Any = None
    line: int = 0
    column: int = 0


def unescape(text: str) -> str:
    r"""Argdown's escapes: ``\*`` is a plain asterisk.

    >>> unescape(r"5 \* 3 \[x]")
    '5 * 3 [x]'
    """
    return _ESCAPE.sub(r"\1", text)


def strip_comments(text: str) -> str:
    """``text`` with Argdown's comments (``//`` to the end of a line, ``/* */``, ``<!-- -->``) blanked out, line
    breaks kept so that positions stay right; a comment inside a link's URL or after a backslash is text."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n:
            out.append(text[i:i + 2])
            i += 2
            continue
        if c == "[":
            link = _LINK.match(text, i)
            if link:
                out.append(link.group())
                i = link.end()
                continue
        for opener, closer in (("<!--", "-->"), ("/*", "*/")):
            if text.startswith(opener, i):
                end = text.find(closer, i + len(opener))
                if end < 0:
                    line = text.count("\n", 0, i) + 1
                    column = i - (text.rfind("\n", 0, i) + 1) + 1
                    raise FormatError(f"{line}:{column}", f"the comment {opener} is never closed with {closer}")
                end += len(closer)
                out.append("".join("\n" if ch == "\n" else " " for ch in text[i:end]))
                i = end
                break
        else:
            if text.startswith("//", i):
                end = text.find("\n", i)
                end = n if end < 0 else end
                out.append(" " * (end - i))
                i = end
            else:
                out.append(c)
                i += 1
    return "".join(out)


def front_matter(text: str) -> tuple[dict[str, Any], int]:
    """The YAML front matter (``===`` lines around it) at the start of the document, and the line after it."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not re.fullmatch(r"===+\s*", lines[first]):
        return {}, 0
    end = next((i for i in range(first + 1, len(lines)) if re.fullmatch(r"===+\s*", lines[i])), None)
    if end is None:
        raise FormatError(f"{first + 1}:1", "the front matter (===) is never closed with another === line")
    data = read_yaml("\n".join(lines[first + 1:end]), first + 2, 1, "the front matter") or {}
    if not isinstance(data, dict):
        raise FormatError(f"{first + 2}:1", "the front matter must be a YAML mapping (key: value)")
    return data, end + 1


def blocks(text: str, start: int) -> list[list[Line]]:
    """The top-level blocks: runs of lines that are not empty, from line ``start`` (0-based) on. A line that
    only a comment filled is no line at all (it neither ends a block nor starts one)."""
    original = text.split("\n")
    stripped = strip_comments(text).split("\n")
    result: list[list[Line]] = []
    current: list[Line] = []
    for index in range(start, len(stripped)):
        line = stripped[index].rstrip()
        if not line.strip():
            if original[index].strip():  # only a comment stood here
                continue
            if current:
                result.append(current)
                current = []
            continue
        body = line.lstrip(" \t")
        current.append(Line(index + 1, len(line) - len(body), body))
    if current:
        result.append(current)
    return result


def element(raw: str, line: int, column: int) -> Element:
    """The statement or argument that ``raw`` defines or refers to, with its tags and YAML data."""
    raw = raw.strip()
    data = None
    if raw.endswith("}"):
        start = _data_start(raw)
        if start is not None:
            data = _yaml(raw[start:], line, column + start)
            raw = raw[:start].rstrip()
    kind, title, defined, rest = "statement", None, True, raw
    for pattern, what, is_definition in ((_TITLE_DEF, "statement", True), (_ARG_DEF, "argument", True),
                                          (_TITLE_REF, "statement", False), (_ARG_REF, "argument", False)):
        match = pattern.match(raw)
        if match and (is_definition or not raw[match.end():].strip() or raw[match.end():].lstrip()[:1] == "#"):
            kind, title, defined, rest = what, match.group(1).strip(), is_definition, raw[match.end():]
            break
    links = [m.span() for m in _LINK.finditer(rest)]
    found = [m for m in _TAG.finditer(rest) if not any(a <= m.start() < b for a, b in links)]
    tags = [m.group(1) or m.group(2) for m in found]
    # Tags at the end are labels; a tag inside the sentence is a word of it too, as Argdown reads it.
    end = len(rest.rstrip())
    for match in reversed(found):
        if rest[match.end():end].strip():
            break
        end = match.start()
    words = " ".join(rest[:end].split())
    return Element(kind, title, unescape(words), defined, tags, data, line, column)


def _data_start(raw: str) -> int | None:
    """Where the YAML data at the end of ``raw`` starts: the ``{`` that balances its last ``}``."""
    depth = 0
    for i in range(len(raw) - 1, -1, -1):
        if raw[i] == "}" and (i == 0 or raw[i - 1] != "\\"):
            depth += 1
        elif raw[i] == "{" and (i == 0 or raw[i - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return i
    return None


def _yaml(text: str, line: int, column: int) -> Any:
    inner = text[1:-1]
    if inner.startswith("\n"):
        return read_yaml(inner, line, column + 1, "the data {...}")
    return read_yaml(text, line, column, "the data {...}")


def read_yaml(text: str, line: int, column: int, what: str) -> Any:
    """The YAML ``text`` that starts at ``line``:``column`` of the document, read as argmap reads a map file:
    plain data only, within the same limits (nesting, aliases, sizes); anything it refuses is a FormatError at
    its place in the document."""
    from argmap.source import parse

    doc = parse(text.encode("utf-8"), what)
    if doc.problems:
        first = min(doc.problems, key=lambda problem: (problem.line, problem.column))
        at_line = line + max(first.line, 1) - 1
        at_column = max(first.column, 1) + (column - 1 if first.line <= 1 else 0)
        raise FormatError(f"{at_line}:{at_column}", f"{what} is not YAML argmap reads: {first.message}")
    from argmap.formats.argdown_yaml import as_argdown_reads

    return as_argdown_reads(doc, text)
