"""`argmap check`: lint maps and report findings; click parses, execute_check() does the work."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import IO

import click

__all__ = ["CheckOptions", "check", "execute_check"]

FORMATS = ("auto", "text", "parsable", "json", "github", "sarif")


@dataclass(frozen=True)
class CheckOptions:
    paths: tuple[str, ...]
    format: str = "auto"
    strict: bool = False
    config: str | None = None
    no_config: bool = False
    source_dirs: tuple[str, ...] = ()


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-f", "--format", "format_", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="Output format; auto picks GitHub annotations under GitHub Actions, else text.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("-c", "--config", type=click.Path(dir_okay=False),
              help="Configuration file (default: for each map, the nearest .argmap.yaml or pyproject.toml from"
                   " its own folder upward).")
@click.option("--no-config", is_flag=True, help="Ignore configuration files; use the defaults.")
@click.option("-s", "--source-dir", "source_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A folder where quoted source texts may be found (repeatable).")
def check(paths: tuple[str, ...], format_: str, strict: bool, config: str | None, no_config: bool,
          source_dirs: tuple[str, ...]) -> None:
    """Check argument maps (files, or folders of maps) and report every problem at file:line:col.

    Exit status: 0 clean, 1 findings at error level (warnings too with --strict), 2 usage error.
    """
    options = CheckOptions(tuple(paths), format_, strict, config, no_config, tuple(source_dirs))
    sys.exit(execute_check(options, sys.stdout, sys.stderr))


def execute_check(options: CheckOptions, stdout: IO[str], stderr: IO[str]) -> int:
    """Run the check and write the report; returns the exit status."""
    from argmap import api
    from argmap.config import ConfigError
    from argmap.errors import USAGE
    from argmap.reporters import report
    from argmap.texts import one_line

    chosen = False if options.no_config else options.config
    try:
        # No file named: each map under the configuration found from its own folder upward.
        settings = api.settings(chosen, options.source_dirs) if chosen is not None else None
        result = api.check(options.paths, settings, options.source_dirs)
    except ConfigError as error:
        stderr.write(f"argmap: configuration error: {one_line(str(error))}\n")
        return USAGE
    report(result, options.format, stdout)
    return result.exit_code(options.strict)
