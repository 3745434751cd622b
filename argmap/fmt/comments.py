"""Where a map file's comments and blank lines are, and which entry each belongs to."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

import yaml

from argmap.fmt.nodes import BLANK, Collection, Entry
from argmap.fmt.parser import Loader

__all__ = ["BREAK", "BLOCK_HEADER", "Comment", "find", "attach"]

BREAK = re.compile("[\n\x85\u2028\u2029]")
"""YAML's line breaks once \\r\\n and \\r are made \\n (the reader counts the other three as breaks too)."""
BLOCK_HEADER = re.compile(r"^(?:[&!]\S*\s+)*([|>])([0-9+-]*)[ \t]*(#.*)?$")
"""The first line of a block scalar: its properties, indicators, and perhaps a comment."""
_COMMENT = re.compile("#[^\n\x85\u2028\u2029]*")
_BLANK_LINE = re.compile("[\n\x85\u2028\u2029]\\s*?[\n\x85\u2028\u2029]")

Comment = tuple[int, int, str, bool]
"""A comment: its line and column (0-based), its text, and whether it is alone on its line."""


def find(text: str, where: Callable[[int], tuple[int, int]]) -> tuple[list[Comment], list[int]]:
    """Every comment (line, column, text, alone on its line) and every blank line, from the gaps between
    the scanner's tokens (a '#' there always starts a comment) and from block scalars' headers."""
    comments: list[Comment] = []
    blanks: list[int] = []
    if "#" not in text and not _BLANK_LINE.search(text):
        return comments, blanks  # the text as argmap.dump writes it: nothing to look for, token by token

    def gap(begin: int, end: int) -> None:
        for match in _COMMENT.finditer(text, begin, end):
            line, column = where(match.start())
            alone = not text[match.start() - column : match.start()].strip()
            comments.append((line, column, match.group().rstrip(), alone))
        # whole lines inside the gap with nothing but spaces
        for brk in BREAK.finditer(text, begin, end):
            following = BREAK.search(text, brk.end())
            stop = following.start() if following else len(text)
            if stop <= end and following is not None and not text[brk.end() : stop].strip():
                blanks.append(where(brk.end())[0])

    done = 0
    for token in yaml.scan(text, Loader=Loader):
        begin, end = token.start_mark.index, token.end_mark.index
        if begin > done:
            gap(done, begin)
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
            header_end = text.find("\n", begin)
            match = BLOCK_HEADER.match(text[begin : len(text) if header_end < 0 else header_end])
            if match is not None and match.group(3):
                line, column = where(begin + match.start(3))
                comments.append((line, column, match.group(3).rstrip(), False))
        done = max(done, end)
    if done < len(text):
        gap(done, len(text))
    return comments, blanks


def attach(entries: list[Entry], root: Collection, comments: list[Comment],
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
    following = entries[first] if first < len(entries) else None
    if following is not None and following.key is None and not following.container.flow:
        # `- # note` above the item's first key: the dash's line is the item's own, so the note is the item's
        holder = following.container.holder
        if holder is step or (step is None and holder is None):
            return following
    return step
