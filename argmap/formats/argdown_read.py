"""Argdown text -> a map: equivalence classes as statements, reconstructed arguments as inferences (one for
each inferential step), sketched arguments as statements, relations as supports, attacks and undercuts,
headings as groups, tags as tags, front matter's title as the title."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.formats._common import FormatError, MapBuilder, Reading, slug
from argmap.formats.argdown_groups import enter_section, regroup
from argmap.formats.argdown_lex import RELATION, Element, Line, blocks, element, front_matter

__all__ = ["import_map", "sniff"]

_PCS = re.compile(r"\((\d+)\)\s*")
_HEADING = re.compile(r"(#+)\s+(.*)")
_LIST = re.compile(r"(?:\*|\d+\.)\s+")
_INFERENCE = re.compile(r"-{2,}\s*")
_ELEMENT = re.compile(r"(?:\[[^\]\n]+\](?!\()|<[^>\n]+>)")
"""A statement or argument named at the start of a line (a Markdown link is not one)."""


def sniff(content: str, document: Any) -> bool:
    """Argdown, roughly: a titled statement or argument, or a relation below one, at the start of a line."""
    if document is not None:
        return False
    return bool(re.search(r"(?m)^(\[[^\]\n]+\]:|<[^>\n]+>:?\s*$|\s+(<?[+\-_]|[+\-_]>)\s+[\[<])", content))


@dataclass
class _Argument:
    title: str
    line: int
    column: int
    descriptions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    group: str | None = None
    steps: list[tuple[list[str], str, int, int, Any]] = field(default_factory=list)
    """Each inferential step: premise statement ids, conclusion id, place, inference data."""
    numbered: dict[int, str] = field(default_factory=dict)
    """The statement id of each number of its premise-conclusion structure."""


@dataclass
class _Relation:
    source: tuple[str, ...]
    kind: str
    target: tuple[str, ...]
    line: int
    column: int


class _Reader:
    def __init__(self, name: str) -> None:
        self.builder = MapBuilder(name, "argdown")
        self.classes: dict[str, str] = {}
        self.placeholder: set[str] = set()
        self.arguments: dict[str, _Argument] = {}
        self.relations: list[_Relation] = []
        self.group: str | None = None
        self.sections: list[tuple[int, str | None]] = []
        self.anonymous = 0
        self.members: dict[str, list[str]] = {}
        self.data: dict[str, Any] = {}

    # --- elements -----------------------------------------------------------------------------------------------

    def statement(self, item: Element) -> tuple[str, ...]:
        builder = self.builder
        if item.title is None:
            sid = builder.statement(item.text, (item.line, item.column), **self._extra(item))
            self._keep(sid, item)
            return ("statement", sid)
        known = self.classes.get(item.title)
        if known is None:
            text = item.text if item.defined and item.text else item.title
            sid = builder.statement(text, (item.line, item.column), name=item.title, **self._extra(item))
            if sid != item.title:
                builder.original[sid] = item.title
            self.classes[item.title] = sid
            if not (item.defined and item.text):
                self.placeholder.add(sid)
        else:
            sid = known
            entry = builder.statements[sid]
            if item.defined and item.text:
                if sid in self.placeholder:  # its first definition places it, as in Argdown
                    self.placeholder.discard(sid)
                    entry["text"] = item.text
                    builder.places[("statements", sid)] = (item.line, item.column)
                    if self.group:
                        entry["group"] = self.group
                    elif self.sections:
                        entry.pop("group", None)
                elif item.text != entry["text"]:
                    self.members.setdefault(sid, []).append(item.text)
            for tag in self._tags(item):
                if tag not in entry.setdefault("tags", []):
                    entry["tags"].append(tag)
        self._keep(sid, item)
        return ("statement", sid)

    def _extra(self, item: Element) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        tags = self._tags(item)
        if tags:
            extra["tags"] = tags
        if self.group:
            extra["group"] = self.group
        return extra

    def _tags(self, item: Element) -> list[str]:
        tags = []
        for tag in item.tags:
            name = slug(tag, 60) or "tag"
            if name != tag:
                self.builder.kept.setdefault("tags", {})[name] = tag
            if name not in tags:
                tags.append(name)
        return tags

    def _keep(self, sid: str, item: Element) -> None:
        if item.data is not None:
            self.data.setdefault(sid, []).append(item.data)

    def argument(self, item: Element) -> tuple[str, ...]:
        title = item.title or ""
        found = self.arguments.get(title)
        if found is None:
            found = self.arguments[title] = _Argument(title, item.line, item.column, group=self.group)
        if item.defined and item.text:
            if not found.descriptions and not found.steps:  # it belongs where it is first described
                found.group, found.line, found.column = self.group, item.line, item.column
            found.descriptions.append(item.text)
        for tag in self._tags(item):
            if tag not in found.tags:
                found.tags.append(tag)
        if item.data is not None:
            self.data.setdefault(f"<{title}>", []).append(item.data)
        return ("argument", title)

    def member(self, item: Element) -> tuple[str, ...]:
        return self.argument(item) if item.kind == "argument" else self.statement(item)

    # --- blocks -------------------------------------------------------------------------------------------------

    def block(self, lines: list[Line], previous: tuple[str, ...] | None) -> tuple[str, ...] | None:
        first = lines[0]
        heading = _HEADING.fullmatch(first.text)
        if heading and first.indent == 0:
            self.heading(heading, lines)
            return None
        if _PCS.match(first.text):
            title = previous[1] if previous and previous[0] == "argument" else None
            self.pcs(lines, title)
            return None
        if _LIST.match(first.text) and first.indent == 0:
            for start, end in _items(lines, lambda line: bool(_LIST.match(line.text))):
                head = lines[start]
                marker = _LIST.match(head.text)
                assert marker is not None
                self.tree(lines[start:end], head.text[marker.end():], marker.end() + head.indent + 1)
            return None
        if RELATION.match(first.text):
            raise FormatError(f"{first.number}:{first.indent + 1}", "a relation needs a statement or argument above"
                              " it, in the same block (no empty line between them)")
        return self.tree(lines, first.text, first.indent + 1)

    def heading(self, match: re.Match[str], lines: list[Line]) -> None:
        """A heading, over the lines of its block (Argdown reads a line break in it as a space): a group, unless
        its data say ``isGroup: false``; then what follows it is in the group of the heading above it, if any."""
        for line in lines[1:]:
            if _starts(line) or _ELEMENT.match(line.text):
                raise FormatError(f"{line.number}:{line.indent + 1}", "a heading runs on to the next empty line:"
                                  " put an empty line between the heading and what follows it")
        text = "\n".join([match.group(2), *(" " * line.indent + line.text for line in lines[1:])])
        level = len(match.group(1))
        item = element(text, lines[0].number, level + 2)
        enter_section(self, item.text or item.title or "section", level, item.data, lines[0].number)

    def tree(self, lines: list[Line], head: str, column: int) -> tuple[str, ...]:
        """A statement or argument and the relations below it, nested by indentation."""
        items = _items(lines, lambda line: bool(RELATION.match(line.text)))
        root_end = items[0][0] if items else len(lines)
        text = "\n".join([head, *(" " * line.indent + line.text for line in lines[1:root_end])])
        root = self.member(element(text, lines[0].number, column))
        stack: list[tuple[int, tuple[str, ...]]] = [(lines[0].indent, root)]
        for start, end in items:
            self.relation_line(lines[start:end], stack)
        return root

    def relation_line(self, lines: list[Line], stack: list[tuple[int, tuple[str, ...]]]) -> None:
        head = lines[0]
        symbol = RELATION.match(head.text)
        assert symbol is not None
        levels = [indent for indent, _ in stack]
        while stack and stack[-1][0] >= head.indent:
            stack.pop()
        if not stack:
            raise FormatError(f"{head.number}:1", "this relation is indented no deeper than the statement or argument"
                              " it belongs to")
        if head.indent not in levels and head.indent < levels[-1]:
            shown = " or ".join(str(level) for level in levels[1:] or levels)
            raise FormatError(f"{head.number}:1", f"broken indentation: {head.indent} spaces line up with no relation"
                              f" above (they are indented {shown})")
        parent = stack[-1][1]
        rest = head.text[symbol.end():]
        text = "\n".join([rest, *(" " * line.indent + line.text for line in lines[1:])])
        column = head.indent + symbol.end() + 1 + (len(rest) - len(rest.lstrip()))
        child = self.member(element(text, head.number, column))
        self.relate(parent, symbol.group(1), child, head.number, head.indent + 1)
        stack.append((head.indent, child))

    def relate(self, parent: tuple[str, ...], symbol: str, child: tuple[str, ...], line: int, column: int) -> None:
        kind = {"+": "support", "-": "attack", "_": "undercut", "><": "contradiction"}[symbol.strip("<>") or symbol]
        if symbol == "><":
            self.relations.append(_Relation(parent, "attack", child, line, column))
            self.relations.append(_Relation(child, "attack", parent, line, column))
        elif symbol.endswith(">"):  # incoming for the child: the parent supports, attacks or undercuts it
            self.relations.append(_Relation(parent, kind, child, line, column))
        else:  # outgoing for the child (`+`, `<+`): the child supports, attacks or undercuts the parent
            self.relations.append(_Relation(child, kind, parent, line, column))

    def pcs(self, lines: list[Line], title: str | None) -> None:
        """A premise-conclusion structure: numbered statements, inference lines, relations below either."""
        if title is None:
            self.anonymous += 1
            title = f"argument {self.anonymous}" if self.anonymous > 1 else "argument"
            self.argument(Element("argument", title, "", False, line=lines[0].number, column=1))
        argument = self.arguments[title]
        if self.sections or not argument.descriptions:  # as in Argdown, an argument is where it is reconstructed
            argument.group = self.group
        if argument.steps:
            raise FormatError(f"{lines[0].number}:1", f"the argument <{title}> has a premise-conclusion structure"
                              " already")
        since: list[str] = []
        numbered: dict[int, str] = {}
        inference: tuple[int, Any, tuple[str, ...] | None] | None = None
        stack: list[tuple[int, tuple[str, ...]]] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            number = _PCS.match(line.text)
            if number and not RELATION.match(line.text):
                end = index + 1
                while end < len(lines) and not _starts(lines[end]):
                    end += 1
                head = line.text[number.end():]
                text = "\n".join([head, *(" " * n.indent + n.text for n in lines[index + 1:end])])
                ref = self.statement(element(text, line.number, line.indent + number.end() + 1))
                numbered[int(number.group(1))] = ref[1]
                if inference is not None:
                    uses = inference[1].get("uses") if isinstance(inference[1], dict) else None
                    premises = [numbered[n] for n in uses if isinstance(n, int) and n in numbered] if isinstance(uses, list) else since
                    argument.steps.append((list(premises), ref[1], inference[0], 1, inference[1]))
                    if inference[2] is not None:
                        pending = [r for r in self.relations if r.target == ("pending",)]
                        for relation in pending:
                            relation.target = ("inference", title, str(len(argument.steps) - 1))
                    since = []
                    inference = None
                since.append(ref[1])
                stack = [(line.indent, ref)]
                index = end
            elif _INFERENCE.fullmatch(line.text) or _one_line_inference(line.text):
                data, index = _inference(lines, index)
                # relations below an inference line undercut the step it starts; its conclusion comes next
                stack = [(line.indent, ("pending",))]
                inference = (line.number, data, ("pending",))
            elif RELATION.match(line.text) and stack:
                end = index + 1
                while end < len(lines) and not _starts(lines[end]):
                    end += 1
                self.relation_line(lines[index:end], stack)
                index = end
            else:
                raise FormatError(f"{line.number}:{line.indent + 1}", "a premise-conclusion structure holds numbered"
                                  " statements such as (1), inference lines (----) and relations below them")
        argument.numbered = numbered
        if inference is not None or len(argument.steps) == 0:
            raise FormatError(f"{lines[-1].number}:1", f"the premise-conclusion structure of <{title}> must end with a"
                              " conclusion: an inference line (----) and then a numbered statement")

    def finish(self, title: Any) -> Reading:
        from argmap.formats.argdown_resolve import resolve

        return resolve(self, title)


def _starts(line: Line) -> bool:
    return bool(_PCS.match(line.text) or _INFERENCE.fullmatch(line.text) or _one_line_inference(line.text)
                or RELATION.match(line.text))


def _one_line_inference(text: str) -> tuple[int, str] | None:
    """``-- rules {data} --`` on one line: where its body starts in ``text`` and the body; None for another line.
    (Found without a regular expression: one with the body between two runs of dashes backtracks for hours on
    a long line of spaces.)"""
    if not text.startswith("--"):
        return None
    line = text.rstrip()
    head = len(line) - len(line.lstrip("-"))
    tail = len(line) - len(line.rstrip("-"))
    body = line[head:len(line) - tail]
    if tail < 2 or head + tail >= len(line) or not body[0].isspace() or not body[-1].isspace() or not body.strip():
        return None
    return head + len(body) - len(body.lstrip()), body.strip()


def _inference(lines: list[Line], index: int) -> tuple[Any, int]:
    """An inference line (collapsed ----, expanded -- rules {data} -- over several lines, or the same on one
    line, as Argdown reads them): its data and the next line's index."""
    one_line = _one_line_inference(lines[index].text)
    if one_line:
        at, body = one_line
        return _rules_and_data(element(body, lines[index].number, lines[index].indent + at + 1)), index + 1
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is None or _starts(following):
        return None, index + 1
    end = next((i for i in range(index + 1, len(lines)) if _INFERENCE.fullmatch(lines[i].text)), None)
    if end is None:
        raise FormatError(f"{lines[index].number}:1", "the inference (--) is never closed with another -- line")
    body = "\n".join(" " * line.indent + line.text for line in lines[index + 1:end])
    return _rules_and_data(element(body, lines[index + 1].number, 1)), end + 1


def _rules_and_data(item: Element) -> dict[str, Any]:
    """What an inference line says: its data, and its rules' names under ``rules``."""
    data = item.data if isinstance(item.data, dict) else {}
    if item.text:
        data = {**data, "rules": item.text}
    return data


def _items(lines: list[Line], starts: Any) -> list[tuple[int, int]]:
    """Index ranges of the items of a block: a line for which ``starts`` holds begins one."""
    heads = [i for i, line in enumerate(lines) if starts(line)]
    return [(start, heads[n + 1] if n + 1 < len(heads) else len(lines)) for n, start in enumerate(heads)]


def import_map(content: str, name: str) -> Reading:
    header, start = front_matter(content)
    reader = _Reader(name)
    previous: tuple[str, ...] | None = None
    for lines in blocks(content, start):
        previous = reader.block(lines, previous)
    if header:
        reader.builder.kept["front-matter"] = header
        regroup(reader, header.get("group"))
    return reader.finish(header.get("title"))

