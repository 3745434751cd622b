"""What the commands share: one place that turns an early exit into its message and status, a map
loaded and checked with the configuration, and the time-limit option."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from argmap.errors import ArgmapError, MapError, UsageError

if TYPE_CHECKING:
    from argmap.linter import MapCheck

__all__ = ["run", "checked_map", "SECONDS"]


class Seconds(click.ParamType):  # type: ignore[type-arg]  # generic only in some click versions
    """A time limit: a finite number of seconds, above 0 and at most a week."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not 0 < seconds <= 7 * 24 * 3600:  # also false for nan
            self.fail(f"{value!r} is not between 0 and 604800 seconds (a week)", param, ctx)
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
    if Path(path).is_dir():
        from argmap.loader import discover

        roots, _ = discover([path], workspace)
        if len(roots) != 1:
            found = ", ".join(str(root) for root in roots[:5]) if roots else "none"
            raise UsageError(f"{path}: argmap {command} takes one map, and this folder holds {len(roots)}"
                             f" ({found}); name the map's file")
        path = str(roots[0])
    with paused_gc():
        checked = check_map(path, workspace, settings)
    if checked.amap is None or (checked.errors and not allow_errors):
        done = "drawn" if command == "render" else "evaluated"
        anyway = "; --allow-errors draws it anyway" if command == "render" and checked.amap is not None else ""
        raise MapError(f"the map has errors, so it is not {done}; `argmap check` lists every finding{anyway}",
                       sorted(checked.errors, key=lambda d: d.sort_key))
    return checked
