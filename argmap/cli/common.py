"""What the commands share: one place that turns an early exit into its message and status, and the
time-limit option. Maps are read, checked and turned into subjects by the composition layer
(argmap.pipeline), which the other apps share."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

import click

from argmap.errors import ArgmapError, InputError, MapError

__all__ = ["run", "SECONDS"]


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
