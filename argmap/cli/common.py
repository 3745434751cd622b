"""What the commands that use a map share: load it with the configuration, and refuse it with errors."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import click

__all__ = ["checked_map", "SECONDS", "EXIT_FINDINGS", "EXIT_USAGE"]

EXIT_FINDINGS, EXIT_USAGE = 1, 2


class Seconds(click.ParamType):
    """A time limit: a finite number of seconds, more than 0 and at most a week."""

    name = "seconds"
    MAX = 7 * 24 * 3600

    def convert(self, value, param, ctx):
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


def checked_map(path: str, command: str, stderr: IO[str]):
    """The MapCheck of ``path`` (a map file, or a folder holding exactly one map) when the map has no
    error-level finding; else the exit status, after writing the errors (or the problem) to ``stderr``."""
    from argmap import config as config_module
    from argmap.linter import check_map, paused_gc
    from argmap.loader import Workspace

    try:
        settings = config_module.load(config_module.find(Path.cwd()))
    except config_module.ConfigError as error:
        stderr.write(f"argmap: configuration error: {error}\n")
        return EXIT_USAGE
    workspace = Workspace()
    if Path(path).is_dir():
        from argmap.loader import discover

        roots, _ = discover([path], workspace)
        if len(roots) != 1:
            found = ", ".join(str(root) for root in roots[:5]) if roots else "none"
            stderr.write(f"{path}: error: argmap {command} takes one map, and this folder holds {len(roots)}"
                         f" ({found}); name the map's file\n")
            return EXIT_USAGE
        path = str(roots[0])
    with paused_gc():
        checked = check_map(path, workspace, settings)
    if checked.amap is None or checked.errors:
        for problem in sorted(checked.errors, key=lambda d: d.sort_key):
            stderr.write(f"{problem.location}: error: {problem.message} [{problem.code} {problem.name}]\n")
        stderr.write(f"argmap {command}: the map has errors, so it is not {'drawn' if command == 'render' else 'evaluated'};"
                     " `argmap check` lists every finding\n")
        return EXIT_FINDINGS
    return checked
