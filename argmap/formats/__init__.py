"""Interchange formats in one place: a registry of each format's name, suffixes, reader and writer.

``argmap export`` lists and writes what this registry holds; framework files given to
``argmap eval`` are read through it. One module per format beside this one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from argmap.semantics.framework import MAX_BYTES, Framework, FrameworkError

if TYPE_CHECKING:
    import networkx as nx

    from argmap.model import ArgumentMap
    from argmap.semantics.deadline import Deadline

__all__ = ["Format", "Subject", "FORMATS", "lookup", "by_suffix", "read_framework", "names"]


@dataclass(frozen=True)
class Subject:
    """What an export writes: the map (and its graph) when there is one, its abstract framework, a language."""

    framework: Framework
    amap: ArgumentMap | None = None
    graph: nx.DiGraph | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Format:
    """One interchange format: what it holds, the suffixes of its files, how to read and write it."""

    name: str
    summary: str
    holds: Literal["framework", "map"]
    """An abstract framework only (arguments and attacks), or a whole map (texts, supports, inferences)."""
    suffixes: tuple[str, ...] = ()
    read: Callable[[str, Deadline], Framework] | None = None
    write: Callable[[Subject], str] | None = None


def _frameworks() -> list[Format]:
    from argmap.formats import apx, iccma, tgf

    return [
        Format("iccma", "ICCMA 2023: `p af N` and numbered attacks, for argumentation solvers", "framework",
               iccma.SUFFIXES, iccma.read, lambda subject: iccma.write(subject.framework)),
        Format("apx", "ASPARTIX facts `arg(a).` and `att(a,b).`", "framework", apx.SUFFIXES, apx.read,
               lambda subject: apx.write(subject.framework)),
        Format("tgf", "Trivial Graph Format: nodes, `#`, edges", "framework", tgf.SUFFIXES, tgf.read,
               lambda subject: tgf.write(subject.framework)),
    ]


def _maps() -> list[Format]:
    from argmap.formats import aif

    return [Format("aif", "the Argument Interchange Format (AIFdb JSON): I-, RA- and CA-nodes with texts", "map",
                   (".json",), None, aif.write)]


FORMATS: dict[str, Format] = {f.name: f for f in [*_frameworks(), *_maps()]}


def names(holds: str | None = None, writable: bool = False, readable: bool = False) -> tuple[str, ...]:
    """The names of the registered formats, optionally only those that hold ``holds`` or can be written/read."""
    return tuple(f.name for f in FORMATS.values() if (holds is None or f.holds == holds)
                 and (not writable or f.write is not None) and (not readable or f.read is not None))


def lookup(name: str) -> Format:
    """The format called ``name``; KeyError, naming those there are, when there is none."""
    try:
        return FORMATS[name]
    except KeyError:
        raise KeyError(f"unknown format {name!r}; formats: {', '.join(FORMATS)}") from None


def by_suffix(path: str | Path, holds: str | None = None) -> Format | None:
    """The format a file's suffix names, if one does."""
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.suffixes and (holds is None or f.holds == holds)), None)


def read_framework(path: str | Path, form: str | None = None, deadline: Deadline | None = None) -> Framework:
    """Read a framework file; the format comes from ``form`` or the suffix (.af/.i23, .apx, .tgf).
    Every problem is a FrameworkError with a one-line message; past ``deadline``, Timeout."""
    from argmap.semantics.deadline import Deadline

    path = Path(path)
    chosen = lookup(form) if form is not None else by_suffix(path, "framework")
    if chosen is None or chosen.read is None:
        readable = "|".join(names("framework", readable=True))
        raise FrameworkError(0, 0, f"cannot tell the format of {path.name!r}; use --input-format {readable}")
    if path.exists() and not path.is_file():
        raise FrameworkError(0, 0, "is not a regular file")
    if path.is_file() and path.stat().st_size > MAX_BYTES:
        raise FrameworkError(0, 0, f"is over the {MAX_BYTES // (1024 * 1024):,} MiB limit for framework files")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise FrameworkError(0, 0, f"is not UTF-8 text (byte {error.start})") from None
    return parse_framework(text, chosen.name, deadline or Deadline())


def parse_framework(text: str, form: str, deadline: Deadline | None = None) -> Framework:
    """Parse framework text in ``form`` (iccma, apx or tgf); a leading byte-order mark is ignored."""
    from argmap.semantics.deadline import Deadline

    reader = lookup(form).read
    assert reader is not None
    return reader(text.removeprefix("\ufeff"), deadline or Deadline())
