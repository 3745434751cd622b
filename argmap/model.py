"""The map as a value: what an argument says, whatever it was read from; positions behind a locator."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from argmap.diagnostics import Diagnostic
from argmap.schema import SECTIONS, Argument, Expectation, Group, Imported, MapFile, Question, Source, Statement, Text

__all__ = ["Where", "Locator", "Unlocated", "ArgumentMap", "SECTIONS"]

Where = tuple[str, int, int]
"""A place: file (or other name), 1-based line and column; 0 where not known."""



class Locator(Protocol):
    """Answers where a part of a map was written; formats without positions answer what they can."""

    def node(self, section: str, node_id: str, rest: tuple[Any, ...], key: bool) -> Where:
        """Where ``section.node_id`` (or the part ``rest`` inside it) is; ``key``: its key, not its value."""
        ...

    def expectation(self, index: int, rest: tuple[Any, ...], key: bool) -> Where:
        """Where the ``index``-th expectation of the whole map (or a part of it) is."""
        ...

    def top(self, rest: tuple[Any, ...], key: bool) -> Where:
        """Where a top-level part of the map (``("title",)``, ``("statements",)``) is, in its root file."""
        ...

    def folder(self, section: str, node_id: str) -> Path | None:
        """The folder that relative paths written in ``section.node_id`` start from, if any."""
        ...

    def owner(self, path: str, line: int, column: int) -> str | None:
        """The statement or argument whose definition holds the place ``path:line:column``, if any."""
        ...


@dataclass(frozen=True)
class Unlocated:
    """The locator of a map built in code: every place is the map's name, with no line or column."""

    name: str = "<map>"

    def node(self, section: str, node_id: str, rest: tuple[Any, ...], key: bool) -> Where:
        return self.name, 0, 0

    def expectation(self, index: int, rest: tuple[Any, ...], key: bool) -> Where:
        return self.name, 0, 0

    def top(self, rest: tuple[Any, ...], key: bool) -> Where:
        return self.name, 0, 0

    def folder(self, section: str, node_id: str) -> Path | None:
        return None

    def owner(self, path: str, line: int, column: int) -> str | None:
        return None  # no places: no definition holds one


@dataclass(eq=False)
class ArgumentMap:
    """A whole map: statements and inferences in one id space, sources, groups and expectations.

    Two maps are equal when they say the same thing, wherever and however they were written.

    >>> m = ArgumentMap.from_data({"argmap": 1, "id": "tiny", "statements": {
    ...     "t": {"role": "thesis", "text": "T"}, "r": {"text": "R", "supports": "t"}}})
    >>> m.id, list(m.statements), m.statements["r"].supports
    ('tiny', ['t', 'r'], ('t',))
    """

    id: str
    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    expectations: list[Expectation] = field(default_factory=list)
    title: Text | None = None
    description: Text | None = None
    declared_languages: tuple[str, ...] | None = None
    kind: str | None = None
    """Whose argument the map is: "reconstruction" (of a source's text), "own" (its author's case), or None."""
    """The languages the map lists, or None when it lists none."""
    imported: Imported | None = None
    """Where an imported map came from, and what of the source it keeps for export only."""
    question: Question | None = None
    """The question the map answers and its answers, if it poses one."""
    locator: Locator = field(default_factory=Unlocated)
    files: tuple[Path, ...] = ()
    """The files it was read from (none for a map built in code)."""
    folder: Path | None = None
    """The folder that holds the map: source texts are read only inside it."""
    incomplete: frozenset[str] = frozenset()
    """Set when parts of the files could not be read (the check still looks at the rest): the ids whose
    definitions were refused, and "*" for the parts that have no id."""

    @property
    def languages(self) -> tuple[str, ...]:
        return self.declared_languages or ("en",)

    def content(self) -> tuple[Any, ...]:
        """What the map says, for comparison: everything but where it came from."""
        return (self.id, self.title, self.description, self.declared_languages, self.kind, self.statements, self.arguments,
                self.sources, self.groups, self.expectations, self.imported, self.question)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ArgumentMap) and self.content() == other.content()

    __hash__ = None  # type: ignore[assignment]  # a mutable value

    def language(self, lang: str | None) -> str:
        """``lang``, or the map's first language when None; a language the map does not have is a UsageError
        that names the near miss and the languages it has (the one check of a chosen language)."""
        if lang is None:
            return self.languages[0]
        if lang not in self.languages:
            from argmap.errors import UsageError
            from argmap.suggest import did_you_mean

            raise UsageError(f"the map has no language {lang!r}{did_you_mean(lang, self.languages)};"
                             f" it has {', '.join(self.languages)}")
        return lang

    def where(self, node_id: str, *rest: Any, key: bool = False, section: str | None = None) -> Where:
        """File, line and column of a statement or argument (or of a part inside it)."""
        if section is None:
            section = "statements" if node_id in self.statements else "arguments"
        return self.locator.node(section, node_id, rest, key or not rest)

    def problem(self, code: str, node_id: str, *rest: Any, message: str, section: str | None = None,
                key: bool = False) -> Diagnostic:
        return Diagnostic(*self.where(node_id, *rest, section=section, key=key), message, code)

    def expectation_problem(self, code: str, index: int, *rest: Any, message: str, key: bool = False) -> Diagnostic:
        return Diagnostic(*self.locator.expectation(index, rest, key), message, code)

    def map_problem(self, code: str, *rest: Any, message: str, key: bool = False) -> Diagnostic:
        """A finding about the map as a whole, at a top-level part of its root file."""
        return Diagnostic(*self.locator.top(rest, key), message, code)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """In Jupyter, a map shows as its diagram (as a graphviz ``Digraph`` does), or as text without Graphviz."""
        from argmap.api import render
        from argmap.errors import ArgmapError

        text = f"<argument map {self.id!r}: {len(self.statements)} statements, {len(self.arguments)} arguments>"
        try:
            svg = render(self, "svg").decode("utf-8")
        except ArgmapError:
            return {"text/plain": text}
        return {"image/svg+xml": svg, "text/plain": text}

    def __repr__(self) -> str:
        return f"<ArgumentMap {self.id!r}: {len(self.statements)} statements, {len(self.arguments)} arguments>"

    @classmethod
    def from_parts(cls, root: MapFile, name: str, parts: Mapping[str, Mapping[str, Any]] | None = None,
                   expectations: list[Expectation] | None = None, locator: Locator | None = None,
                   files: tuple[Path, ...] = (), folder: Path | None = None) -> ArgumentMap:
        """A map whose header comes from ``root`` and whose sections are ``parts`` (default: root's own)."""
        parts = parts if parts is not None else {section: getattr(root, section) for section in SECTIONS}
        return cls(
            id=root.id or name, title=root.title, description=root.description, declared_languages=root.languages, kind=root.kind,
            imported=root.imported,
            statements=dict(parts["statements"]), arguments=dict(parts["arguments"]),
            sources=dict(parts["sources"]), groups=dict(parts["groups"]),
            expectations=list(root.expect if expectations is None else expectations),
            locator=locator or Unlocated(root.id or name), files=files, folder=folder, question=root.question)

    @classmethod
    def from_data(cls, data: Mapping[str, Any], name: str = "map") -> ArgumentMap:
        """A map built in code from the same data a map file holds (one file, no includes).

        Raises :class:`argmap.errors.MapError` when the data is not a valid map or is over a map file's limits
        (nesting, text length, size), its diagnostics placed at ``name`` and the path of the part concerned:

        >>> ArgumentMap.from_data({"argmap": 1, "statements": {"t": {"text": 3}}}, "mine")
        Traceback (most recent call last):
        argmap.errors.MapError: mine: not a valid map: statements.t.text: must be a text, or one text per language
        """
        from argmap.codes import SCHEMA
        from argmap.errors import MapError, UsageError
        from argmap.mapdata import validated

        if not isinstance(name, str) or not name:
            raise UsageError(f"from_data: the name (where findings are placed) must be a str, not {name!r:.60}")
        root = validated(data, name)
        if root.include:
            problem = Diagnostic(name, 0, 0, "include: a map built from data has no files to include", SCHEMA)
            raise MapError(f"{name}: not a valid map: {problem.message}", [problem])
        return cls.from_parts(root, name)
