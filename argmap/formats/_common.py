"""What importers and exporters share: losses, results, located input errors, ids derived from texts, a map builder."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.formats._losses import Loss
from argmap.model import Unlocated, Where
from argmap.schema import ID_PATTERN, UNSHOWABLE

if TYPE_CHECKING:

    from argmap.graph import Graph
    from argmap.model import ArgumentMap
    from argmap.semantics.framework import Framework

__all__ = ["Loss", "Written", "Subject", "Reading", "FormatError", "SourceLocator", "Ids", "slug", "MapBuilder",
           "MAX_TEXT", "clean_text"]

MAX_TEXT = 100_000
"""The longest text a map file may hold (the YAML reader's limit on one scalar)."""


@dataclass(frozen=True)
class Written:
    """An export: the text of the file, and what of the map the format could not hold."""

    text: str
    losses: tuple[Loss, ...] = ()


@dataclass(frozen=True)
class Subject:
    """What an export writes: the map (and its graph) when there is one, its abstract framework, a language."""

    framework: Framework
    amap: ArgumentMap | None = None
    graph: Graph | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Reading:
    """An import: the map, what of the source argmap could not hold, and further files of the map folder
    (a source text that quotes point into), by file name."""

    amap: ArgumentMap
    losses: tuple[Loss, ...] = ()
    files: dict[str, str] = field(default_factory=dict)


class FormatError(Exception):
    """Input that is not a well-formed file of its format: a message and its place in the source
    (``line:col`` for text formats, a JSON path such as ``$.nodes[3].type`` for JSON)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(message)
        self.where = where
        self.message = message


@dataclass(frozen=True)
class SourceLocator(Unlocated):
    """Where each statement and argument of an imported map stands in its source: line and column in a
    text format, a JSON path (shown as the file part of the place) in a JSON format; the rest, as for a
    map built in code, is the source's name."""

    name: str = "<map>"
    places: dict[tuple[str, str], tuple[int, int] | str] = field(default_factory=dict)

    def _at(self, section: str, node_id: str) -> Where:
        place = self.places.get((section, node_id))
        if isinstance(place, tuple):
            return self.name, place[0], place[1]
        if isinstance(place, str):
            return f"{self.name}:{place}", 0, 0
        return self.name, 0, 0

    def node(self, section: str, node_id: str, rest: tuple[Any, ...], key: bool) -> Where:
        return self._at(section, node_id)


_WORD = re.compile(r"[a-z0-9]+")
_ID = re.compile(ID_PATTERN)


def slug(text: str, limit: int = 28) -> str:
    """A short kebab-case id from a text: its first words, ASCII-folded; "" when it has no Latin letter or digit.

    >>> slug("Heavier cars kill more pedestrians, and they cost more.")
    'heavier-cars-kill-more'
    >>> slug("It's Égalité für alle"), slug("資本の饗宴")
    ('its-egalite-fur-alle', '')
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    folded = folded.replace("'", "")
    words: list[str] = []
    length = 0
    for word in _WORD.findall(folded):
        if words and length + 1 + len(word) > limit:
            break
        words.append(word[:limit])
        length += len(word) + (1 if len(words) > 1 else 0)
    return "-".join(words)


class Ids:
    """Unique kebab-case ids for one map, derived from texts (or names) in the order they are asked for,
    so that the same source always gives the same ids."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken = set(taken)
        self.numbers: dict[str, int] = {}  # the number to try next for each id taken more than once

    def new(self, text: str, fallback: str = "s") -> str:
        if len(text) <= 120 and _ID.fullmatch(text):  # a name that is an id already (an Argdown title) stays
            return self.claim(text)
        return self.claim(slug(text) or fallback)

    def claim(self, candidate: str) -> str:
        """``candidate`` itself (already an id), numbered when it is taken (counting on from the last number
        given to it: 10,000 statements with the same words took the square of that)."""
        chosen = candidate
        if chosen in self.taken:
            number = self.numbers.get(candidate, 2)
            while (chosen := f"{candidate}-{number}") in self.taken:
                number += 1
            self.numbers[candidate] = number + 1
        self.taken.add(chosen)
        return chosen


def clean_text(text: str, where: str, losses: list[Loss]) -> str:
    """A text a map can hold: characters no diagram can show removed, surrounding whitespace stripped, cut at
    the length limit, never empty; each change is reported in ``losses``."""
    if UNSHOWABLE.search(text):
        text = UNSHOWABLE.sub("", text)
        losses.append(Loss("control characters", where, "characters no diagram can show were removed from the text"))
    if text != text.strip() and text.strip():
        losses.append(Loss("surrounding whitespace", where, "spaces or line breaks at the start or end of the text"
                           " were removed"))
    text = text.strip()
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
        losses.append(Loss("long text", where, f"the text was cut at {MAX_TEXT:,} characters"))
    if not text:
        losses.append(Loss("empty text", where, "the text was empty; '(no text)' stands in its place"))
        text = "(no text)"
    return text


class MapBuilder:
    """Collects statements and arguments as map-file data, with their places in the source, the ids they had
    there and the losses met on the way; ``build`` validates them into an ArgumentMap."""

    def __init__(self, name: str, form: str) -> None:
        self.name = name
        self.form = form
        self.ids = Ids()
        self.statements: dict[str, dict[str, Any]] = {}
        self.arguments: dict[str, dict[str, Any]] = {}
        self.groups: dict[str, dict[str, Any]] = {}
        self.sources: dict[str, dict[str, Any]] = {}
        self.places: dict[tuple[str, str], tuple[int, int] | str] = {}
        self.original: dict[str, str] = {}
        self.kept: dict[str, Any] = {}
        self.losses: list[Loss] = []
        self.files: dict[str, str] = {}
        self.title: str | None = None

    def statement(self, text: str, place: tuple[int, int] | str, name: str | None = None,
                  original: str | None = None, **fields: Any) -> str:
        """Add a statement; its id comes from ``name`` (a title) or else its text. Returns the id."""
        sid = self.ids.new(name if name else text)
        self.statements[sid] = {"text": clean_text(text, _shown(place), self.losses), **fields}
        self.places[("statements", sid)] = place
        if original is not None:
            self.original[sid] = original
        return sid

    def argument(self, premises: list[str], relation: str, target: str, place: tuple[int, int] | str,
                 name: str, original: str | None = None, ident: str | None = None, **fields: Any) -> str:
        """Add an inference: ``relation`` (support or attack) from ``premises`` (jointly) to ``target``; its id
        is ``ident`` when given, else derived from ``name``."""
        aid = ident if ident is not None else self.ids.new(name, "inference")
        self.arguments[aid] = {"premises": list(premises), "supports" if relation == "support" else "attacks": target,
                               **fields}
        self.places[("arguments", aid)] = place
        if original is not None:
            self.original[aid] = original
        return aid

    def relate(self, premise: str, relation: str, target: str) -> None:
        """A one-premise relation written on the premise (``supports:``/``attacks:``), once."""
        key = "supports" if relation == "support" else "attacks"
        targets = self.statements[premise].setdefault(key, [])
        if target not in targets:
            targets.append(target)

    def build(self) -> Reading:
        from argmap.model import ArgumentMap

        data: dict[str, Any] = {"argmap": 1, "id": slug(self.name) or "imported"}
        if self.title:
            data["title"] = self.title
        for section in ("sources", "groups", "statements", "arguments"):
            if getattr(self, section):
                data[section] = getattr(self, section)
        from argmap.errors import MapError
        from argmap.formats._clean import clean_data, clean_kept

        clean_kept(self.kept, self.losses)
        imported: dict[str, Any] = {"format": self.form}
        if self.original:
            imported["ids"] = self.original
        if self.kept:
            imported["kept"] = self.kept
        data["imported"] = imported
        clean_data(data, self._place, self.losses)
        try:
            amap = ArgumentMap.from_data(data, self.name)
        except MapError as error:  # what no cleaning can mend (a map over the size limit): refused, never a traceback
            first = error.diagnostics[0].message if error.diagnostics else str(error)
            raise FormatError("", f"cannot be imported as a map: {first}") from None
        amap.locator = SourceLocator(self.name, self.places)
        return Reading(amap, tuple(self.losses), dict(self.files))

    def _place(self, path: tuple[Any, ...]) -> str:
        """Where in the source the part of the map's data at ``path`` came from."""
        if len(path) >= 2 and (path[0], path[1]) in self.places:
            return _shown(self.places[(path[0], path[1])])
        if len(path) >= 3 and path[:2] == ("imported", "ids"):
            for section in ("statements", "arguments"):
                if (section, path[2]) in self.places:
                    return _shown(self.places[(section, path[2])])
        return ".".join(str(step) for step in path[:2])


def _shown(place: tuple[int, int] | str) -> str:
    return f"{place[0]}:{place[1]}" if isinstance(place, tuple) else place

