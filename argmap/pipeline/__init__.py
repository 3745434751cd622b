"""The composition layer every app stands on: the configuration, the one map of a folder, a map checked
with its findings, graph and configuration (from a path or a git revision), the subject of an evaluation
or an export, and the one translation of format and framework errors into argmap's errors.

The command line, the live preview and the language server call these; none of them borrows another's
helpers. Each function is plain: explicit inputs, a value out, an :class:`~argmap.errors.ArgmapError` for
what the user can act on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import InputError, MapError, UsageError

if TYPE_CHECKING:
    from argmap.config import Config
    from argmap.formats import Reading, Subject
    from argmap.linter import MapCheck
    from argmap.loader import Workspace
    from argmap.semantics.deadline import Deadline
    from argmap.semantics.framework import Framework

__all__ = ["MAP_SUFFIXES", "WEEK", "time_limit", "configuration", "workspace", "one_map", "checked_map", "subject", "read_framework",
           "import_file", "translated", "textconv"]

MAP_SUFFIXES = (".yaml", ".yml")
"""The suffixes of a map's files (anything else given to eval or export is a framework file)."""
WEEK = 7 * 24 * 3600
"""The longest time limit taken, in seconds."""


def time_limit(timeout: float | None) -> None:
    """Refuse a time limit that is not a finite number of seconds above 0 and at most a week (None: no limit)."""
    if timeout is None:
        return
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 < timeout <= WEEK:  # NaN fails too
        raise UsageError(f"a time limit must be a number of seconds above 0 and at most a week, not {timeout!r}")


def configuration(start: str | os.PathLike[str] | None = None) -> Config:
    """The configuration that applies in ``start`` (default: the current folder): the nearest ``.argmap.yaml``
    or ``pyproject.toml`` from there upward, or the defaults. A file that is wrong raises UsageError."""
    from argmap import config as config_module

    try:
        return config_module.load(config_module.find(Path(start) if start is not None else Path.cwd()))
    except config_module.ConfigError as error:
        raise UsageError(f"configuration error: {error}") from None


def workspace(path: str | os.PathLike[str], rev: str | None = None) -> Workspace:
    """The workspace that reads ``path``: the file system, or with ``rev`` the files as they are in that git
    revision of the repository holding ``path``. A revision that cannot be read raises UsageError."""
    from argmap.loader import Workspace

    if rev is None:
        return Workspace()
    from argmap.files import GitRevision

    return Workspace(files=GitRevision.containing(Path(path), rev))


def one_map(path: str | os.PathLike[str], command: str | None = None, work: Workspace | None = None) -> str:
    """``path``, or for a folder the file of the one map it holds (relative to the current folder when it is
    inside it); UsageError when the folder holds none or several (``command`` names the command in the
    message)."""
    work = work or workspace(path)
    if not work.files.is_folder(work.files.absolute(Path(path))):  # never raises, whatever the name
        return os.fspath(path)
    from argmap.loader import discover

    roots, _ = discover([path], work)
    if len(roots) != 1:
        found = ", ".join(work.display(root) for root in roots[:5]) if roots else "none"
        held = (f"argmap {command} takes one map, and this folder holds {len(roots)}" if command
                else f"the folder holds {len(roots)} maps")
        raise UsageError(f"{os.fspath(path)}: {held} ({found}); name the map's file")
    try:
        return os.path.relpath(roots[0], work.cwd) if roots[0].is_absolute() else str(roots[0])
    except ValueError:  # another drive on Windows
        return str(roots[0])


def checked_map(path: str | os.PathLike[str], command: str = "check", allow_errors: bool = False,
                rev: str | None = None, config: Config | None = None) -> MapCheck:
    """The check of the map at ``path`` (a map file, or a folder holding one map; at git revision ``rev``):
    its map, graph, stamped findings and the files it read, under ``config`` (default: the configuration
    found from the map's own folder upward).

    Raises UsageError for a wrong configuration, folder or revision, and MapError with the errors when the
    map has any; with ``allow_errors``, only when it cannot be read at all (``command`` words the message)."""
    from argmap.linter import check_map, paused_gc

    work = workspace(path, rev)
    root = one_map(path, command, work)
    settings = config if config is not None else configuration(Path(root).absolute().parent)
    with paused_gc():
        checked = check_map(root, work, settings)
    if checked.amap is None or ((checked.errors or checked.amap.incomplete) and not allow_errors):
        done = "drawn" if command == "render" else "evaluated"
        anyway = "; --allow-errors draws it anyway" if command == "render" and checked.amap is not None else ""
        raise MapError(f"the map has errors, so it is not {done}; `argmap check` lists every finding{anyway}",
                       sorted(checked.errors, key=lambda d: d.sort_key))
    return checked


def subject(path: str | os.PathLike[str], input_format: str | None = None, command: str = "eval",
            deadline: Deadline | None = None) -> Subject:
    """What eval and export work on: a map (checked, refused with its errors), its graph and abstract
    framework; or a framework file (ICCMA, APX, TGF) read through the formats registry. Past ``deadline``
    (the map's checking included), Timeout."""
    from argmap.formats import Subject
    from argmap.semantics.deadline import Deadline

    deadline = deadline or Deadline()
    if input_format is None and (Path(path).suffix.lower() in MAP_SUFFIXES or os.path.isdir(path)):
        from argmap.semantics.bipolar import framework_from_graph

        checked = checked_map(path, command)
        deadline.check()  # checking is bounded by its own limits; the time it took counts here
        assert checked.graph is not None  # a map that was read has its graph
        return Subject(framework_from_graph(checked.graph, deadline), checked.amap, checked.graph)
    return Subject(read_framework(path, input_format, deadline))


def read_framework(path: str | os.PathLike[str], input_format: str | None = None,
                   deadline: Deadline | None = None) -> Framework:
    """The abstract framework in a framework file (format ``input_format``, or told from its suffix); an
    unreadable or malformed file raises InputError at its place. Past ``deadline``, Timeout."""
    from argmap import formats

    with translated(os.fspath(path)):
        return formats.read_framework(os.fspath(path), input_format, deadline)


def import_file(source: str | os.PathLike[str], form: str | None = None) -> Reading:
    """The map in another format's file (AIF, OVA, Argdown, Kialo, SADFace...), with what it could not hold;
    a file that is not well-formed raises InputError at its place."""
    from argmap.formats import read_map
    from argmap.linter import paused_gc

    # An import builds the source's objects and the map's, all acyclic: the collector would rescan them for nothing.
    with translated(os.fspath(source)), paused_gc():
        return read_map(os.fspath(source), form)


@contextmanager
def translated(path: str) -> Iterator[None]:
    """The one translation of a format's or a framework file's errors, and of a file that cannot be read,
    into InputError (``file:line:col`` or ``file:$.json.path``, and the message)."""
    from argmap.formats import FormatError
    from argmap.semantics.framework import FrameworkError

    try:
        yield
    except FrameworkError as error:
        raise InputError(f"{path}:{error.line}:{error.column}" if error.line else path, error.message) from None
    except FormatError as error:
        raise InputError(f"{path}:{error.where}" if error.where else path, error.message) from None
    except OSError as error:
        raise InputError(path, str(error.strerror or error)) from None


def textconv(path: str) -> str:
    """The argument one map file states, as `argmap diff --textconv` shows it to git; the file's own text when
    it is not a valid map file, read within the limits of a map file (a device or an endless file is refused,
    not read: UsageError)."""
    from argmap.changes import listing
    from argmap.model import ArgumentMap
    from argmap.source import parse, read_bytes
    from argmap.validation import validate

    raw, why = read_bytes(path)
    if raw is None:
        raise UsageError(f"{path}: {why}")
    doc = parse(raw, path)
    model = validate(doc) if not doc.fatal else None
    if model is None:
        return raw.decode("utf-8", errors="replace")
    return listing(ArgumentMap.from_parts(model, Path(path).stem))
