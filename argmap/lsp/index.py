"""Where every id, source, group and include of a map is written: definitions and references, by file."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.yaml.document import YamlDocument

__all__ = ["Site", "Index", "build_index", "RELATIONS", "SPACES"]

RELATIONS = ("supports", "attacks", "concedes", "premises")
"""The keys whose values are ids of statements or arguments."""
SPACES = {"statements": "node", "arguments": "node", "sources": "source", "groups": "group"}
"""Each section's id space: statements and arguments share one."""
_DERIVED = ("--support--", "--attack--")


class Read(Protocol):
    """A file as the loader read it: its YAML document, a position for every key and value."""

    @property
    def doc(self) -> YamlDocument: ...


@dataclass(frozen=True)
class Site:
    """One place an id is written: 1-based line and column of its first character, in code points."""

    path: Path
    line: int
    column: int
    length: int
    space: str
    """node (a statement or argument), source, group or include (a file path)."""
    name: str
    definition: bool = False
    owner: str | None = None
    """The statement or argument whose definition holds this reference."""
    key: str = ""
    """The key the reference is written under (supports, premises, source, ...)."""

    def holds(self, line: int, column: int) -> bool:
        return line == self.line and self.column <= column <= self.column + self.length


@dataclass
class Index:
    """Every site of a map, by file and by name."""

    sites: dict[Path, list[Site]] = field(default_factory=dict)
    by_name: dict[tuple[str, str], list[Site]] = field(default_factory=lambda: defaultdict(list))

    def add(self, site: Site) -> None:
        self.sites.setdefault(site.path, []).append(site)
        self.by_name[(site.space, site.name)].append(site)

    def at(self, path: Path, line: int, column: int) -> Site | None:
        """The site under a 1-based line and column (code points)."""
        return next((s for s in self.sites.get(path, ()) if s.holds(line, column)), None)

    def definitions(self, space: str, name: str) -> list[Site]:
        return [s for s in self.by_name.get((space, name), ()) if s.definition]

    def references(self, space: str, name: str) -> list[Site]:
        return list(self.by_name.get((space, name), ()))

    def names(self, space: str) -> list[str]:
        return sorted({name for (kind, name), sites in self.by_name.items() if kind == space
                       and any(s.definition for s in sites)})


def build_index(files: Mapping[Path, Read], texts: dict[Path, str], amap: ArgumentMap | None) -> Index:
    """The index of the files of one map, read from what each file says (a refused file too)."""
    index = Index()
    for path, loaded in files.items():
        data = loaded.doc.data
        if not isinstance(data, dict):
            continue
        lines = re.split(r"\r\n|\r|\n", texts.get(path, ""))  # as the editor counts: not at U+2028 in a text
        for site in _sites(path, data, loaded, lines):
            index.add(site)
    return index


def _sites(path: Path, data: dict[str, Any], loaded: Read, lines: list[str]) -> Iterator[Site]:
    def scalar(data_path: tuple[Any, ...], value: Any, space: str, owner: str | None, key: str,
               definition: bool = False) -> Iterator[Site]:
        if not isinstance(value, str) or not value:
            return
        line, column = loaded.doc.locate(data_path, key=definition)
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        if column - 1 < len(text) and text[column - 1] in "\"'":
            column += 1
        if space == "node" and not definition:
            for marker in _DERIVED:
                if marker in value:
                    premise, _, target = value.partition(marker)
                    yield Site(path, line, column, len(premise), space, premise, False, owner, key)
                    yield Site(path, line, column + len(premise) + len(marker), len(target), space, target, False,
                               owner, key)
                    return
        yield Site(path, line, column, len(value), space, value, definition, owner, key)

    def values(data_path: tuple[Any, ...], value: Any, space: str, owner: str | None, key: str) -> Iterator[Site]:
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from scalar((*data_path, i), item, space, owner, key)
        else:
            yield from scalar(data_path, value, space, owner, key)

    for section, space in SPACES.items():
        entries = data.get(section)
        if not isinstance(entries, dict):
            continue
        for node_id, body in entries.items():
            yield from scalar((section, node_id), str(node_id), space, str(node_id), "", definition=True)
            if not isinstance(body, dict):
                continue
            owner = str(node_id)
            for key in RELATIONS:
                if key in body:
                    yield from values((section, node_id, key), body[key], "node", owner, key)
            if "group" in body and section in ("statements", "arguments"):
                yield from scalar((section, node_id, "group"), body["group"], "group", owner, "group")
            quotes = body.get("quotes")
            if isinstance(quotes, list):
                for i, quote in enumerate(quotes):
                    if isinstance(quote, dict) and "source" in quote:
                        yield from scalar((section, node_id, "quotes", i, "source"), quote["source"], "source", owner,
                                          "source")
    question = data.get("question")
    if isinstance(question, dict) and "answers" in question:
        yield from values(("question", "answers"), question["answers"], "node", None, "answers")
    expect = data.get("expect")
    if isinstance(expect, list):
        for i, item in enumerate(expect):
            if not isinstance(item, dict):
                continue
            select, each = item.get("select"), item.get("each")
            if isinstance(select, dict):
                for key, space in (("id", "node"), ("group", "group")):
                    if key in select:
                        yield from scalar(("expect", i, "select", key), select[key], space, None, key)
            if isinstance(each, dict):
                for key in ("supports", "attacks", "reaches"):
                    if key in each:
                        yield from scalar(("expect", i, "each", key), each[key], "node", None, key)
                if "quoted-from" in each:
                    yield from values(("expect", i, "each", "quoted-from"), each["quoted-from"], "source", None,
                                      "quoted-from")
    include = data.get("include")
    if isinstance(include, list):
        for i, entry in enumerate(include):
            yield from scalar(("include", i), entry, "include", None, "include")
