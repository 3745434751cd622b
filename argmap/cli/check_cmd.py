"""`argmap check`: lint maps and report findings; click parses, execute_check() does the work."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
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
@click.option("-c", "--config", type=click.Path(dir_okay=False), help="Configuration file (default: nearest .argmap.yaml or pyproject.toml).")
@click.option("--no-config", is_flag=True, help="Ignore configuration files; use the defaults.")
@click.option("-s", "--source-dir", "source_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A folder where quoted source texts may be found (repeatable).")
def check(paths, format_, strict, config, no_config, source_dirs) -> None:
    """Check argument maps (files, or folders of maps) and report every problem at file:line:col.

    Exit status: 0 clean, 1 findings at error level (warnings too with --strict), 2 usage error.
    """
    options = CheckOptions(tuple(paths), format_, strict, config, no_config, tuple(source_dirs))
    sys.exit(execute_check(options, sys.stdout, sys.stderr))


def execute_check(options: CheckOptions, stdout: IO[str], stderr: IO[str]) -> int:
    """Run the check and write the report; returns the exit status."""
    from argmap import config as config_module
    from argmap.linter import EXIT_USAGE, lint
    from argmap.reporters import report
    from argmap.texts import one_line

    try:
        path = None if options.no_config else (Path(options.config) if options.config else config_module.find(Path.cwd()))
        if options.config and not Path(options.config).is_file():
            raise config_module.ConfigError(f"{options.config}: no such configuration file")
        settings = config_module.load(path, tuple(Path(d) for d in options.source_dirs))
    except config_module.ConfigError as error:
        stderr.write(f"argmap: configuration error: {one_line(str(error))}\n")
        return EXIT_USAGE
    result = lint(options.paths, settings)
    report(result, options.format, stdout)
    return result.exit_code(options.strict)
