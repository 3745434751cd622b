"""Argdown's JSON export (`argdown json`) -> a map, by the .argdown reader's own decisions: each equivalence class,
argument, premise-conclusion structure and relation is handed to that reader as if it had been read from the text."""

from __future__ import annotations

import re
from typing import Any

from argmap.formats._common import FormatError, Loss, MapBuilder, Reading
from argmap.formats._json import array, field, obj, optional_text, parse, path, text
from argmap.formats.argdown_groups import group_id
from argmap.formats.argdown_lex import Element, element
from argmap.formats.argdown_read import _Reader

__all__ = ["import_map", "sniff"]

_UNTITLED = re.compile(r"Untitled \d+")
"""The title Argdown gives a statement written without one: such statements are named by their text."""
_SYMBOL = {"support": "+>", "entails": "+>", "attack": "->", "contrary": "->", "undercut": "_>",
           "contradictory": "><"}
_MARKS = {"bold": ("**", "**"), "italic": ("*", "*")}


def sniff(content: str, document: Any) -> bool:
    """Argdown's JSON export: statements and arguments keyed by their titles, and a list of relations."""
    return (isinstance(document, dict) and isinstance(document.get("statements"), dict)
            and isinstance(document.get("arguments"), dict) and isinstance(document.get("relations"), list))


class _Builder(MapBuilder):
    """Places are JSON paths: the reader is given a number for each (as the line of its element), turned back into
    its path here, in places and in losses alike."""

    def __init__(self, name: str) -> None:
        super().__init__(name, "argdown")
        self.paths: list[str] = []

    def at(self, where: str) -> int:
        self.paths.append(where)
        return len(self.paths) - 1

    def _path(self, place: tuple[int, int] | str) -> tuple[int, int] | str:
        return self.paths[place[0]] if isinstance(place, tuple) and place[0] < len(self.paths) else place

    def build(self) -> Reading:
        self.places = {key: self._path(place) for key, place in self.places.items()}
        shown = {f"{n}:0": where for n, where in enumerate(self.paths)}
        self.losses = [Loss(loss.what, shown.get(loss.where, loss.where), loss.detail) for loss in self.losses]
        return super().build()


def import_map(content: str, name: str) -> Reading:
    document = obj(parse(content), "$")
    builder = _Builder(name)
    reader = _Reader(name)
    reader.builder = builder
    groups = _sections(reader, document)
    classes = _statements(reader, document, groups)
    conclusions = _arguments(reader, document, groups, classes)
    _relations(reader, document, classes, conclusions)
    return reader.finish(None)


def _sections(reader: _Reader, document: dict[str, Any]) -> dict[str, str | None]:
    """Headings as groups, as the reader makes them: the group of each section id (a section whose data say
    ``isGroup: false`` is not one: what is in it is in the group of the section above it, if any)."""
    groups: dict[str, str | None] = {}

    def walk(items: Any, where: str, above: str | None) -> None:
        for index, item in enumerate(array(items, where)):
            here = path(where, index)
            section = obj(item, here)
            sid = text(field(section, "id", here), path(here, "id"))
            heading = optional_text(section, "title", here)
            label = element(heading, 0, 0).text or heading or "section"
            data = section.get("data")
            gid: str | None = above
            if section.get("isGroup") is not False and not (isinstance(data, dict) and data.get("isGroup") is False):
                gid = group_id(reader.builder.groups, label)
                reader.builder.groups.setdefault(gid, {"label": label})
            groups[sid] = gid
            walk(section.get("children", []), path(here, "children"), gid)

    walk(document.get("sections", []), "$.sections", None)
    return groups


def _group(groups: dict[str, str | None], item: dict[str, Any], where: str) -> str | None:
    section = item.get("section")
    if section is None:
        return None
    if not isinstance(section, str) or section not in groups:
        raise FormatError(path(where, "section"), f"names the section {section!r}, which is not among the sections")
    return groups[section]


def _member(reader: _Reader, kind: str, title: str | None, item: dict[str, Any], where: str) -> Element:
    """A member of an equivalence class or an argument's description, as the element the reader would have read."""
    words = _text(item, where)
    tags = [text(tag, path(path(where, "tags"), n)) for n, tag in enumerate(array(item.get("tags", []),
                                                                                path(where, "tags")))]
    defined = bool(words) and not item.get("isReference")
    builder = reader.builder
    assert isinstance(builder, _Builder)
    return Element(kind, title, words if defined else "", defined, tags, item.get("data"), builder.at(where), 0)


def _text(item: dict[str, Any], where: str) -> str:
    """The statement's text as the .argdown reader has it: Markdown put back where Argdown's ranges say bold,
    italic or link (Argdown's JSON keeps the words only), tags at the end left out, white space collapsed."""
    words = optional_text(item, "text", where)
    ranges = []
    for index, value in enumerate(array(item.get("ranges", []), path(where, "ranges"))):
        here = path(path(where, "ranges"), index)
        span = obj(value, here)
        start, stop = span.get("start"), span.get("stop")
        if not (isinstance(start, int) and isinstance(stop, int) and 0 <= start <= stop < len(words)):
            raise FormatError(here, f"the range {start!r}..{stop!r} is not within the text ({len(words)} characters)")
        ranges.append((start, stop + 1, optional_text(span, "type", here), span))
    end = len(words.rstrip())
    for start, stop, _kind, _ in sorted((r for r in ranges if r[2] == "tag"), key=lambda r: r[0], reverse=True):
        if words[stop:end].strip():
            break
        end = start
    inserts: list[tuple[int, int, str]] = []  # position, order (closers before openers at one place), text
    for start, stop, kind, span in ranges:
        if stop > end:
            continue
        if kind in _MARKS:
            opener, closer = _MARKS[kind]
        elif kind == "link" and isinstance(span.get("url"), str):
            opener, closer = "[", f"]({span['url']})"
        else:
            continue
        inserts += [(start, 1, opener), (stop, 0, closer)]
    out = words[:end]
    for position, _, mark in sorted(inserts, reverse=True):
        out = out[:position] + mark + out[position:]
    return " ".join(out.split())


def _statements(reader: _Reader, document: dict[str, Any], groups: dict[str, str | None]) -> dict[str, str]:
    """Each equivalence class through the reader, member by member; the statement id of each class's title."""
    classes: dict[str, str] = {}
    where = "$.statements"
    for title, value in obj(field(document, "statements", "$"), where).items():
        here = path(where, title)
        item = obj(value, here)
        named = None if _UNTITLED.fullmatch(title) else title
        members = array(item.get("members", []), path(here, "members"))
        if not members:
            members = [{"title": title, "isReference": True}]
        if named is None:
            members = members[:1]  # an untitled statement is written once; the reader would make each a statement
        # the class's section is Argdown's word on where it is (its members' may name sections a regroup removed)
        reader.group = _group(groups, item, here)
        for index, member in enumerate(members):
            at = path(path(here, "members"), index)
            entry = obj(member, at)
            classes[title] = reader.statement(_member(reader, "statement", named, entry, at))[1]
    reader.group = None
    return classes


def _arguments(reader: _Reader, document: dict[str, Any], groups: dict[str, str | None],
               classes: dict[str, str]) -> dict[str, list[int]]:
    """Each argument's descriptions, and its premise-conclusion structure as inferential steps; the pcs index of
    each step's conclusion, by argument (undercuts name a step by it)."""
    conclusions: dict[str, list[int]] = {}
    builder = reader.builder
    assert isinstance(builder, _Builder)
    where = "$.arguments"
    for title, value in obj(field(document, "arguments", "$"), where).items():
        here = path(where, title)
        item = obj(value, here)
        members = array(item.get("members", []), path(here, "members"))
        reader.group = _group(groups, item, here)
        for index, member in enumerate(members or [{}]):
            at = path(path(here, "members"), index) if members else here
            entry = obj(member, at)
            reader.argument(_member(reader, "argument", title, entry, at))
        argument = reader.arguments[title]
        argument.group = reader.group
        pcs = array(item.get("pcs", []), path(here, "pcs"))
        numbered: dict[int, str] = {}
        since: list[str] = []
        conclusions[title] = []
        for index, member in enumerate(pcs):
            at = path(path(here, "pcs"), index)
            entry = obj(member, at)
            name = text(field(entry, "title", at), path(at, "title"))
            if name not in classes:
                raise FormatError(path(at, "title"), f"names the statement {name!r}, which is not among the"
                                  " statements")
            sid = numbered[index + 1] = classes[name]
            inference = entry.get("inference")
            if inference is not None:
                step = obj(inference, path(at, "inference"))
                data = _inference_data(step, path(at, "inference"))
                uses = data.get("uses") if isinstance(data, dict) else None
                premises = [numbered[n] for n in uses if isinstance(n, int) and n in numbered] if isinstance(uses, list) else since
                argument.steps.append((list(premises), sid, builder.at(path(at, "inference")), 0, data))
                conclusions[title].append(index)
                since = []
            since.append(sid)
        argument.numbered = numbered
        if pcs and not conclusions[title]:
            raise FormatError(path(here, "pcs"), f"the premise-conclusion structure of <{title}> has no conclusion"
                              " (no statement with an inference)")
    reader.group = None
    return conclusions


def _inference_data(step: dict[str, Any], where: str) -> Any:
    """The inference's data as the reader keeps it: its YAML data, and its rules as they were written."""
    data = step.get("data")
    rules = [text(rule, path(path(where, "inferenceRules"), n))
             for n, rule in enumerate(array(step.get("inferenceRules", []), path(where, "inferenceRules")))]
    if data is None and not rules:
        return None
    kept = dict(data) if isinstance(data, dict) else {}
    if rules:
        kept["rules"] = ", ".join(rules)
    return kept


def _relations(reader: _Reader, document: dict[str, Any], classes: dict[str, str],
               conclusions: dict[str, list[int]]) -> None:
    builder = reader.builder
    assert isinstance(builder, _Builder)
    where = "$.relations"
    for index, value in enumerate(array(field(document, "relations", "$"), where)):
        here = path(where, index)
        relation = obj(value, here)
        kind = text(field(relation, "relationType", here), path(here, "relationType"))
        if kind not in _SYMBOL:
            raise FormatError(path(here, "relationType"), f"unknown relation type {kind!r}; Argdown's are"
                              f" {', '.join(_SYMBOL)}")
        source = _end(relation, "from", here, classes, conclusions)
        target = _end(relation, "to", here, classes, conclusions)
        if source[0] == "inference":
            raise FormatError(path(here, "fromType"), "an inference cannot be the source of a relation")
        line = builder.at(here)
        reader.relate(source, _SYMBOL[kind], target, line, 0)


def _end(relation: dict[str, Any], side: str, where: str, classes: dict[str, str],
         conclusions: dict[str, list[int]]) -> tuple[str, ...]:
    name = text(field(relation, side, where), path(where, side))
    kind = text(field(relation, f"{side}Type", where), path(where, f"{side}Type"))
    if kind == "equivalence-class":
        if name not in classes:
            raise FormatError(path(where, side), f"names the statement {name!r}, which is not among the statements")
        return ("statement", classes[name])
    if kind not in ("argument", "inference"):
        raise FormatError(path(where, f"{side}Type"), f"unknown type {kind!r}; a relation joins equivalence-class,"
                          " argument or inference")
    if name not in conclusions:
        raise FormatError(path(where, side), f"names the argument {name!r}, which is not among the arguments")
    if kind == "argument":
        return ("argument", name)
    index = relation.get("conclusionIndex")
    if index not in conclusions[name]:
        raise FormatError(path(where, "conclusionIndex"), f"the argument {name!r} has no conclusion at index"
                          f" {index!r} of its premise-conclusion structure")
    return ("inference", name, str(conclusions[name].index(index)))
