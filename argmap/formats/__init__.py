"""Interchange formats in one place: a registry of each format's name, suffixes, reader and writer.

``argmap export`` lists and writes what this registry holds, ``argmap import`` reads maps through it, and
framework files given to ``argmap eval`` are read through it. One module per format beside this one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from argmap.formats._common import FormatError, Loss, Reading, Subject, Written
from argmap.semantics.framework import MAX_BYTES, Framework, FrameworkError

if TYPE_CHECKING:
    from argmap.semantics.deadline import Deadline

__all__ = ["Format", "Subject", "FORMATS", "lookup", "by_suffix", "read_framework", "names", "Loss", "Written",
           "Reading", "FormatError", "read_map", "parse_map", "detect", "MAX_MAP_BYTES"]

MAX_MAP_BYTES = 64 * 1024 * 1024
"""The largest file `argmap import` reads (as large as a map file may be)."""


@dataclass(frozen=True)
class Format:
    """One interchange format: what it holds, the suffixes of its files, how to read and write it."""

    name: str
    summary: str
    holds: Literal["framework", "map"]
    """An abstract framework only (arguments and attacks), or a whole map (texts, supports, inferences)."""
    suffixes: tuple[str, ...] = ()
    read: Callable[[str, Deadline], Framework] | None = None
    """A framework file's text -> its framework."""
    write: Callable[[Subject], Written] | None = None
    """What is exported -> the file's text, and what of the map the format cannot hold."""
    import_map: Callable[[str, str], Reading] | None = None
    """A map file's text and name -> the map, what of the source argmap cannot hold, and further files."""
    sniff: Callable[[str, Any], bool] | None = None
    """Whether a text (and its JSON document, when it is JSON) is in this format, to tell formats apart."""


def _frameworks() -> list[Format]:
    from argmap.formats import apx, iccma, tgf

    return [
        Format("iccma", "ICCMA 2023: `p af N` and numbered attacks, for argumentation solvers", "framework",
               iccma.SUFFIXES, iccma.read, lambda subject: Written(iccma.write(subject.framework))),
        Format("apx", "ASPARTIX facts `arg(a).` and `att(a,b).`", "framework", apx.SUFFIXES, apx.read,
               lambda subject: Written(apx.write(subject.framework))),
        Format("tgf", "Trivial Graph Format: nodes, `#`, edges", "framework", tgf.SUFFIXES, tgf.read,
               lambda subject: Written(tgf.write(subject.framework))),
    ]


def _maps() -> list[Format]:
    from argmap.formats import aif, aif_read, argdown_json, argdown_read, argdown_write, graphml, kialo, mermaid, ova, sadface

    return [
        Format("aif", "the Argument Interchange Format (AIFdb JSON): I-, RA- and CA-nodes with texts", "map",
               (".json",), None, aif.write, aif_read.import_map, aif_read.sniff),
        Format("ova", "OVA3's save file: AIF with the analysed text and OVA's layout", "map", (".json",), None,
               ova.write_ova, ova.import_ova, ova.sniff_ova),
        Format("xaif", "xAIF: AIF with the analysed text, as argument-mining pipelines exchange it", "map",
               (".json",), None, ova.write_xaif, ova.import_xaif, ova.sniff_xaif),
        Format("argdown", "Argdown text: [statements], <arguments> with premise-conclusion structures, + - _ relations",
               "map", (".argdown", ".ad"), None, argdown_write.write, argdown_read.import_map, argdown_read.sniff),
        Format("argdown-json", "Argdown's JSON export (`argdown json`): equivalence classes, arguments, relations",
               "map", (".json",), None, None, argdown_json.import_map, argdown_json.sniff),
        Format("kialo", "Kialo's text export: numbered `1.1. Pro:`/`Con:` claims, `-> See` links", "map", (".txt",),
               None, kialo.write, kialo.import_map, kialo.sniff),
        Format("sadface", "SADFace JSON: atoms, support and conflict schemes, metadata", "map", (".json",), None,
               sadface.write, sadface.import_map, sadface.sniff),
        Format("graphml", "GraphML for yEd and draw.io: statements and inferences as nodes (to look at)", "map",
               (".graphml",), None, graphml.write),
        Format("mermaid", "a Mermaid flowchart, drawn inline by GitHub (to look at)", "map", (".mmd",), None,
               mermaid.write),
    ]


FORMATS: dict[str, Format] = {f.name: f for f in [*_frameworks(), *_maps()]}


def names(holds: str | None = None, writable: bool = False, readable: bool = False,
          importable: bool = False) -> tuple[str, ...]:
    """The names of the registered formats, optionally only those that hold ``holds`` or can be written, read
    (framework files) or imported (maps)."""
    return tuple(f.name for f in FORMATS.values() if (holds is None or f.holds == holds)
                 and (not writable or f.write is not None) and (not readable or f.read is not None)
                 and (not importable or f.import_map is not None))


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


def detect(path: str | Path, content: str) -> Format | None:
    """The map format a file is in: the only importable format its suffix names, else the first whose
    ``sniff`` recognises its content (JSON formats by their fields, text formats by their shape)."""
    importable = [f for f in FORMATS.values() if f.import_map is not None]
    by_name = [f for f in importable if Path(path).suffix.lower() in f.suffixes]
    if len(by_name) == 1:
        return by_name[0]
    document: Any = None
    stripped = content.lstrip()
    if stripped[:1] in ("{", "["):
        import json

        try:
            document = json.loads(content)
        except (ValueError, RecursionError):
            document = None
    candidates = by_name or importable
    return next((f for f in candidates if f.sniff is not None and f.sniff(content, document)), None)


def read_map(path: str | Path, form: str | None = None, name: str | None = None) -> Reading:
    """Import the map file ``path`` (format ``form``, or told from its suffix and content). Raises FormatError
    (its ``where`` a line:col or a JSON path) for input that is not a well-formed file of its format, and
    OSError when it cannot be read."""
    path = Path(path)
    if path.exists() and not path.is_file():
        raise FormatError("", "is not a regular file")
    if path.stat().st_size > MAX_MAP_BYTES:
        raise FormatError("", f"is over the {MAX_MAP_BYTES // (1024 * 1024)} MiB limit for files to import")
    with open(path, "rb") as stream:
        data = stream.read(MAX_MAP_BYTES + 1)
    if len(data) > MAX_MAP_BYTES:
        raise FormatError("", f"is over the {MAX_MAP_BYTES // (1024 * 1024)} MiB limit for files to import")
    return parse_map(data, path.name if name is None else name, form)


def parse_map(data: bytes, name: str, form: str | None = None) -> Reading:
    """Import a map from the bytes of a file called ``name`` (for its suffix and the map's id)."""
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise FormatError(f"{line}:{column}", "is not UTF-8 text") from None
    chosen = lookup(form) if form is not None else detect(name, content)
    if chosen is None and (content.lstrip()[:1] in ("{", "[") or Path(name).suffix.lower() == ".json"):
        from argmap.formats._json import parse

        parse(content)  # JSON that does not parse is refused at its place, whatever format it was meant to be
    if chosen is None or chosen.import_map is None:
        formats = "|".join(names(importable=True))
        raise FormatError("", f"cannot tell the format of {name!r}; name it with -f {formats}")
    return chosen.import_map(content.replace("\r\n", "\n"), Path(name).stem)
