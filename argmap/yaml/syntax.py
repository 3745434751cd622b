"""Where a YAML syntax error most likely is and what the mistake probably was, in words a person who writes maps
can act on."""

from __future__ import annotations

import re

import yaml

from argmap.yaml.events import C_LOADER

__all__ = ["explain", "offset_position", "LINE_BREAK"]


def offset_position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a reader error's offset (UTF-8 bytes for libyaml, characters without it)."""
    before = text.encode("utf-8")[:offset].decode("utf-8", "replace") if C_LOADER else text[:offset]
    lines = LINE_BREAK.split(before)  # every break YAML counts, as libyaml's own marks do
    return len(lines), len(lines[-1]) + 1


LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def explain(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
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
        key = lines[mark.line][:mark.column].strip() if mark.line < len(lines) else ""
        if len(key) > 1024:  # YAML reads no longer key without `? ` before it, quoted or not
            return line, _indent(lines[mark.line]) + 1, (f"a key of {len(key):,} characters: YAML reads a key of at most"
                                                         f" 1,024 ({parser})")
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
