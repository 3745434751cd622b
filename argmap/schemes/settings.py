"""A team's schemes from the configuration: `schemes:` in .argmap.yaml, inline or as files of schemes."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pydantic

from argmap.validation import first_mistake

if TYPE_CHECKING:
    from argmap.schemes import Catalogue

__all__ = ["apply_schemes", "read_schemes_file"]


def apply_schemes(catalogue: Catalogue, value: Any, where: Callable[[tuple[Any, ...]], str], config_path: Path,
                  error: type[Exception]) -> Catalogue:
    """``catalogue`` with the schemes a configuration's `schemes:` gives: a mapping of scheme definitions, or
    a file (or a list of files, relative to the configuration) of the catalogue's shape. Raises ``error``
    naming the place of the first mistake."""
    from argmap.schemes import read_file

    if isinstance(value, dict):
        try:
            extra = read_file({"schemes": value})
        except pydantic.ValidationError as problem:
            loc, message = first_mistake(problem, {"schemes": value})
            raise error(f"{where(loc)}: {message}") from None
        return catalogue.merged(extra, config_path.name)
    files = [value] if isinstance(value, str) else value
    if not isinstance(files, list) or not all(isinstance(name, str) and name for name in files):
        raise error(f"{where(('schemes',))}: must map scheme ids to definitions, or name files of schemes")
    for index, name in enumerate(files):
        where_listed = where(("schemes", index) if isinstance(value, list) else ("schemes",))
        catalogue = catalogue.merged(read_schemes_file(config_path.parent / name, error, where_listed), name)
    return catalogue


def read_schemes_file(path: Path, error: type[Exception], listed: str | None = None) -> Any:
    """A file of schemes, checked; raises ``error`` at the file, line and column of the first mistake (at
    ``listed``, the place that names the file, when it cannot be read at all)."""
    from argmap.codes import UNREADABLE
    from argmap.schemes import read_file
    from argmap.source import printable, read

    shown = printable(os.path.normpath(str(path)))
    doc = read(str(path), shown)
    if doc.problems:
        first = doc.problems[0]
        if listed is not None and first.code == UNREADABLE and first.line <= 0:
            raise error(f"{listed}: {first.location} {first.message}")
        raise error(f"{first.location}: {first.message}")
    if not isinstance(doc.data, dict):
        raise error(f"{shown}:1:1: a schemes file must be a mapping with `schemes:` (and `references:`)")
    try:
        return read_file(doc.data)
    except pydantic.ValidationError as problem:
        loc, message = first_mistake(problem, doc.data)
        line, column = doc.locate(loc, key=True)
        raise error(f"{shown}:{line}:{column}: {'.'.join(map(str, loc))}: {message}") from None
