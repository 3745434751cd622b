"""`argmap fmt`'s engine: map files in the canonical layout, comments kept, what they say unchanged.

>>> print(format_text('''# a small map
... statements:
...   t: {text: "Cities should tax cars by weight.", role: thesis}   # what the map argues
... argmap: 1
... '''), end="")
# a small map
argmap: 1
statements:
  t:  # what the map argues
    role: thesis
    text: Cities should tax cars by weight.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from argmap.codes import SCHEMA, UNREADABLE, YAML_SYNTAX
from argmap.collector import paused_gc
from argmap.diagnostics import Diagnostic
from argmap.errors import MapError
from argmap.files import FileSystem
from argmap.fmt.layout import ORDER, WIDTH, same_in_order, write
from argmap.fmt.nodes import Unsupported
from argmap.fmt.tree import build
from argmap.source import Limits, YamlDocument, parse

__all__ = ["ORDER", "WIDTH", "Formatted", "format_text", "format_bytes", "format_paths"]

_LIMITS = Limits()


@dataclass(frozen=True)
class Formatted:
    """One file and its canonical layout; ``problem`` says why it could not be formatted."""

    path: str
    before: str | None = None
    after: str | None = None
    problem: Diagnostic | None = None
    skipped: bool = False
    """Not an argmap file (it has no top-level ``argmap:``): left alone."""

    @property
    def changed(self) -> bool:
        return self.after is not None and self.after != self.before


def format_text(text: str, name: str = "<text>") -> str:
    """The canonical layout of one map file's text. Raises :class:`MapError` (with the located problem)
    when the text has a YAML or schema error, or cannot be laid out without changing what it says."""
    done = format_bytes(text.encode("utf-8"), name)
    if done.problem is not None or done.after is None:
        problem = done.problem or Diagnostic(name, 1, 1, "not an argmap file (no top-level `argmap:`)", SCHEMA)
        raise MapError(f"{problem.location}: {problem.message}", [problem])
    return done.after


def format_bytes(raw: bytes, name: str, limits: Limits = _LIMITS) -> Formatted:
    """The canonical layout of a file's bytes, read as argmap reads them; a file argmap cannot read
    (or that is not an argmap file) is answered, not formatted."""
    with paused_gc():
        return _format(raw, name, limits)


def _format(raw: bytes, name: str, limits: Limits) -> Formatted:
    from argmap.schema import as_written
    from argmap.validation import validate

    doc = parse(raw, name, limits)
    if doc.fatal:
        return Formatted(name, problem=_first(doc))
    text = raw.decode("utf-8-sig")
    if not isinstance(doc.data, dict) or "argmap" not in doc.data:
        return Formatted(name, text, skipped=True)
    if validate(doc) is None or doc.problems:
        return Formatted(name, text, problem=_first(doc))
    try:
        after = write(build(text))
    except Unsupported as error:
        return Formatted(name, text, problem=Diagnostic(name, error.line, error.column,
                                                        f"argmap fmt cannot lay this out: {error.message}",
                                                        YAML_SYNTAX))
    check = parse(after.encode("utf-8"), name, limits)
    if not check.problems and isinstance(check.data, dict):
        # Read back as validation read the file: a `no` or `1` where the schema wants text is that text.
        as_written(check.data, check.spelling)
    if check.problems or not same_in_order(doc.data, check.data):
        # A safety net: the layout must say exactly what the file said. Never write otherwise.
        return Formatted(name, text, problem=Diagnostic(
            name, 1, 1, "argmap fmt cannot lay this file out without changing what it says (a bug in argmap"
            " fmt; please report it with the file)", SCHEMA))
    return Formatted(name, text, after)


def _first(doc: YamlDocument) -> Diagnostic:
    if not doc.problems:  # refused without a located reason: still one line, never a traceback
        return Diagnostic(doc.path, 1, 1, "the map does not validate; `argmap check` says why", SCHEMA, "schema-violation")
    problem = min(doc.problems, key=lambda d: d.sort_key)
    from argmap.rules import BY_CODE

    rule = BY_CODE.get(problem.code)
    more = len(doc.problems) - 1
    message = problem.message + (f" (and {more} more; `argmap check` lists them)" if more else "")
    return Diagnostic(problem.path, problem.line, problem.column, message, problem.code,
                      rule.NAME if rule is not None else "")


def format_paths(paths: Iterable[str | os.PathLike[str]], limits: Limits = _LIMITS) -> list[Formatted]:
    """Every argmap file among ``paths`` (files, or folders searched as `argmap check` searches them:
    the YAML files with a top-level ``argmap:`` key, hidden folders skipped), each once. A file named
    that is not an argmap file is answered as skipped; one found in a folder is left out."""
    files = FileSystem()
    results: list[Formatted] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        folder = files.is_folder(files.absolute(path))
        if folder:
            unread: list[Diagnostic] = []
            found = [str(p) for p in files.yaml_files(path, unread)]
            results.extend(Formatted(problem.path, problem=problem) for problem in unread)
            named = False
        elif files.absent(files.absolute(path)) and not path.is_symlink():
            results.append(Formatted(str(given), problem=Diagnostic(str(given), 0, 0, "no such file or folder",
                                                                      UNREADABLE, "unreadable-file")))
            continue
        else:
            found, named = [str(given)], True
        answered = 0
        for name in found:  # a folder's links to files elsewhere are left out (refused) by yaml_files
            real = files.absolute(Path(name))
            if real in seen:
                answered += 1
                continue
            seen.add(real)
            result = _format_file(name, limits)
            if result.skipped and not named:
                continue
            results.append(result)
            answered += 1
        if folder and not answered:
            results.append(Formatted(str(given), problem=Diagnostic(str(given), 0, 0, "no argmap files in this folder",
                                                                      UNREADABLE, "unreadable-file")))
    return results


def _format_file(path: str, limits: Limits) -> Formatted:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return _unreadable(path, "is a directory, not a file" if stat.S_ISDIR(info.st_mode)
                               else "is not a regular file")
        if info.st_size > limits.max_file_bytes:
            return _unreadable(path, f"file is {info.st_size:,} bytes, over the {limits.max_file_bytes:,}-byte limit")
        with open(path, "rb") as handle:
            raw = handle.read(limits.max_file_bytes + 1)
    except FileNotFoundError:
        return _unreadable(path, "no such file")
    except (OSError, ValueError) as error:
        return _unreadable(path, f"cannot be read: {getattr(error, 'strerror', None) or error}")
    return format_bytes(raw, path, limits)


def _unreadable(path: str, message: str) -> Formatted:
    return Formatted(path, problem=Diagnostic(path, 0, 0, message, UNREADABLE, "unreadable-file"))
