"""Argdown text, first pass: front matter, comments removed, lines grouped into blocks, and one element
(title, text, tags, data) read from the text after a relation symbol or a pcs number."""

from __future__ import annotations

import bisect
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
_TAG_WORD = re.compile(r"[\w\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+")
_WORD_BEFORE = re.compile(r"\w")
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


class _Links:
    """The Markdown links ``[text](url)`` of a text (text and url each on one line, neither empty; the text ends
    at its first ``]``, the url at its first ``)``), found in time linear in the text: a regular expression
    tried at every ``[`` scanned to the end of the line each time, for minutes over a long line of ``[``
    without ``]``. A link from ``[`` ends at the first ``]`` after it, so one look answers every ``[`` before
    the same ``]``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.close = self.newline = self.paren = -2  # the next ], line break and ) found so far (-1: none left)

    def _next(self, found: int, char: str, start: int) -> int:
        return found if found >= start or found == -1 else self.text.find(char, start)

    def end(self, i: int) -> int:
        """Where the link that starts at the ``[`` at ``i`` ends, or -1 where none does."""
        self.close = close = self._next(self.close, "]", i + 1)
        self.newline = newline = self._next(self.newline, "\n", i + 1)
        if close <= i + 1 or (0 <= newline < close) or self.text[close + 1:close + 2] != "(":
            return -1
        self.paren = paren = self._next(self.paren, ")", close + 2)
        if paren <= close + 2 or (0 <= newline < paren):
            return -1
        return paren + 1

    def spans(self) -> list[tuple[int, int]]:
        """Every link's start and end, left to right, none inside another."""
        found: list[tuple[int, int]] = []
        i = self.text.find("[")
        while i >= 0:
            end = self.end(i)
            if end > 0:
                found.append((i, end))
            i = self.text.find("[", end if end > 0 else i + 1)
        return found


def strip_comments(text: str) -> str:
    """``text`` with Argdown's comments (``//`` to the end of a line, ``/* */``, ``<!-- -->``) blanked out, line
    breaks kept so that positions stay right; a comment inside a link's URL or after a backslash is text."""
    out: list[str] = []
    i, n = 0, len(text)
    links = _Links(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n:
            out.append(text[i:i + 2])
            i += 2
            continue
        if c == "[":
            end = links.end(i)
            if end > 0:
                out.append(text[i:end])
                i = end
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
    links = _Links(rest).spans()
    starts = [start for start, _ in links]
    found = [tag for tag in _tags(rest) if not _inside(links, starts, tag[0])]
    tags = [name for _, _, name in found]
    # Tags at the end are labels; a tag inside the sentence is a word of it too, as Argdown reads it.
    end = len(rest.rstrip())
    for start, stop, _ in reversed(found):
        if rest[stop:end].strip():
            break
        end = start
    words = " ".join(rest[:end].split())
    return Element(kind, title, unescape(words), defined, tags, data, line, column)


def _tags(text: str) -> list[tuple[int, int, str]]:
    """The tags of ``text`` (start, end, name): ``#word`` or ``#(words)`` on one line, after neither a letter nor
    a backslash; found in time linear in the text: ``#(`` ends at the first ``)`` after it, so one look answers
    every ``#(`` before the same ``)`` (a regular expression scanned to the end of the line from each, for
    minutes over a long line of them)."""
    found: list[tuple[int, int, str]] = []
    close = newline = -2
    i = text.find("#")
    while i >= 0:
        stop = -1
        if i == 0 or not (text[i - 1] == "\\" or _WORD_BEFORE.match(text[i - 1])):
            if text[i + 1:i + 2] == "(":
                close = close if close >= i + 2 or close == -1 else text.find(")", i + 2)
                newline = newline if newline >= i + 2 or newline == -1 else text.find("\n", i + 2)
                if close > i + 2 and not 0 <= newline < close:
                    stop = close + 1
                    found.append((i, stop, text[i + 2:close]))
            else:
                word = _TAG_WORD.match(text, i + 1)
                if word:
                    stop = word.end()
                    found.append((i, stop, word.group()))
        i = text.find("#", stop if stop > 0 else i + 1)
    return found


def _inside(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    """Whether ``at`` falls inside one of ``spans`` (sorted, none overlapping; ``starts`` their starts)."""
    index = bisect.bisect_right(starts, at) - 1
    return index >= 0 and at < spans[index][1]


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
