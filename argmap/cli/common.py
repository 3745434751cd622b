"""What the commands share: one place that turns an early exit into its message and status, a map
loaded and checked with the configuration, and the time-limit option."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from argmap.errors import ArgmapError, InputError, MapError, UsageError

if TYPE_CHECKING:
    from argmap.formats import Subject
    from argmap.linter import MapCheck
    from argmap.loader import Workspace
    from argmap.semantics.deadline import Deadline

__all__ = ["run", "checked_map", "one_map", "load_subject", "SECONDS", "MAP_SUFFIXES"]

MAP_SUFFIXES = (".yaml", ".yml")


class Seconds(click.ParamType):  # type: ignore[type-arg]  # generic only in some click versions
    """A time limit: a finite number of seconds, more than 0 and at most a week."""

    name = "seconds"
    MAX = 7 * 24 * 3600

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if seconds != seconds or seconds in (float("inf"), float("-inf")):
            self.fail(f"{value!r} is not a finite number of seconds", param, ctx)
        if not 0 < seconds <= self.MAX:
            self.fail(f"{value!r}: a time limit must be more than 0 and at most {self.MAX} seconds (a week)",
                      param, ctx)
        return seconds


SECONDS = Seconds()


def run(command: str, body: Callable[[], int], stderr: IO[str]) -> int:
    """``body()``'s exit status; an :class:`ArgmapError` it raises becomes one line on ``stderr`` (after
    the located findings of a map with errors) and the error's status. This is the one place where a
    command ends early."""
    from argmap.texts import one_line

    try:
        return body()
    except ArgmapError as error:
        if isinstance(error, MapError):
            for problem in error.diagnostics:
                stderr.write(f"{one_line(problem.location)}: error: {one_line(problem.message)}"
                             f" [{problem.code} {problem.name}]\n")
        if isinstance(error, InputError):
            stderr.write(f"{one_line(error.where)}: error: {one_line(str(error))}\n")
            return error.status
        message = error.summary if isinstance(error, MapError) else str(error)
        stderr.write(f"argmap {command}: {one_line(message)}\n")
        return error.status


def checked_map(path: str, command: str, allow_errors: bool = False) -> MapCheck:
    """The MapCheck of ``path`` (a map file, or a folder holding exactly one map). Raises UsageError for a
    wrong configuration or folder, and MapError with the errors when the map has any (with ``allow_errors``,
    only when it cannot be read at all)."""
    from argmap import config as config_module
    from argmap.linter import check_map, paused_gc
    from argmap.loader import Workspace

    try:
        settings = config_module.load(config_module.find(Path.cwd()))
    except config_module.ConfigError as error:
        raise UsageError(f"configuration error: {error}") from None
    workspace = Workspace()
    path = one_map(path, command, workspace)
    with paused_gc():
        checked = check_map(path, workspace, settings)
    if checked.amap is None or ((checked.errors or checked.amap.incomplete) and not allow_errors):
        done = "drawn" if command == "render" else "evaluated"
        anyway = "; --allow-errors draws it anyway" if command == "render" and checked.amap is not None else ""
        raise MapError(f"the map has errors, so it is not {done}; `argmap check` lists every finding{anyway}",
                       sorted(checked.errors, key=lambda d: d.sort_key))
    return checked


def one_map(path: str, command: str, workspace: Workspace | None = None) -> str:
    """``path``, or for a folder the file of the one map it holds; UsageError when it holds none or several."""
    if not os.path.isdir(path):  # never raises, whatever the name
        return path
    from argmap.loader import Workspace, discover

    workspace = workspace or Workspace()
    roots, _ = discover([path], workspace)
    if len(roots) != 1:
        found = ", ".join(workspace.display(root) for root in roots[:5]) if roots else "none"
        raise UsageError(f"{path}: argmap {command} takes one map, and this folder holds {len(roots)}"
                         f" ({found}); name the map's file")
    return workspace.display(roots[0])


def load_subject(path: str, input_format: str | None, command: str, deadline: Deadline | None = None) -> Subject:
    """A map (checked, refused with its errors) and its framework, or a framework file read through the
    formats registry. Past ``deadline`` (a map's checking included), Timeout."""
    from argmap.formats import Subject, read_framework
    from argmap.semantics.deadline import Deadline
    from argmap.semantics.framework import FrameworkError

    deadline = deadline or Deadline()
    if input_format is None and (Path(path).suffix.lower() in MAP_SUFFIXES or os.path.isdir(path)):
        from argmap.semantics.bipolar import framework_from_graph

        checked = checked_map(path, command)
        deadline.check()  # checking is bounded by its own limits; the time it took counts here
        return Subject(framework_from_graph(checked.graph, deadline), checked.amap, checked.graph)
    try:
        return Subject(read_framework(path, input_format, deadline))
    except FrameworkError as error:
        raise InputError(f"{path}:{error.line}:{error.column}" if error.line else path, error.message) from None
    except OSError as error:
        raise InputError(path, str(error.strerror or error)) from None
