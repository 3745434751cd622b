"""`argmap config`: which configuration applies to a map, and the settings in force."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

if TYPE_CHECKING:
    from argmap.config import Config, RuleSetting

__all__ = ["config", "execute_config"]


@click.command()
@click.argument("path", metavar="[MAP]", default=".", type=click.Path())
@click.option("-f", "--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="List every rule, not only those the configuration changes.")
def config(path: str, format_: str, show_all: bool) -> None:
    """Show which configuration file applies to MAP (a map file or folder; default: the current folder),
    found from the map's own folder upward as `argmap check` finds it, and the settings in force.

    Exit status: 0 shown, 2 the configuration is wrong (the message names file, line and column).
    """
    sys.exit(execute_config(path, format_, show_all, sys.stdout, sys.stderr))


def execute_config(path: str, format_: str, show_all: bool, stdout: IO[str], stderr: IO[str]) -> int:
    from argmap.cli.common import run

    return run("config", lambda: _execute(Path(path), format_, show_all, stdout), stderr)


def _execute(path: Path, format_: str, show_all: bool, stdout: IO[str]) -> int:
    from argmap import config as config_module
    from argmap.errors import CLEAN, UsageError

    if not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    folder = path if path.is_dir() else path.parent
    found = config_module.find(folder)
    try:
        settings = config_module.load(found)
    except config_module.ConfigError as error:
        raise UsageError(f"configuration error: {error}") from None
    defaults = config_module.load(None)
    rows = []
    for code, setting in settings.rules.items():
        default = defaults.rules[code]
        changed = setting != default
        if changed or show_all:
            rows.append((code, setting, changed))
    if format_ == "json":
        from argmap.jsonout import json_text
        from argmap.rules import BY_CODE

        stdout.write(json_text({
            "map": str(path), "configuration": str(found) if found else None,
            "rules": {code: {"name": BY_CODE[code].NAME, "severity": str(s.severity), "options": s.options,
                             "changed": changed} for code, s, changed in rows},
            "per-file-ignores": {pattern: sorted(codes) for pattern, codes in settings.per_file_ignores},
            "source-dirs": [str(d) for d in settings.source_dirs]}))
        return CLEAN
    stdout.write(_text(path, folder, found, rows, settings, show_all))
    return CLEAN


def _text(path: Path, folder: Path, found: Path | None, rows: list[tuple[str, RuleSetting, bool]], settings: Config,
          show_all: bool) -> str:
    import os

    from argmap.rules import BY_CODE

    where = os.path.relpath(found) if found is not None else None
    out = [f"{path}: " + (f"configured by {where} (the nearest from {folder} upward)" if where
                          else f"no configuration file from {folder} upward; the defaults apply")]
    if rows:
        out += ["", "rules:" if show_all else "rules changed from their defaults:"]
        for code, setting, changed in rows:
            options = ", ".join(f"{k}={v!r}" for k, v in setting.options.items())
            mark = " *" if changed and show_all else ""
            line = f"  {code} {BY_CODE[code].NAME:<22} {setting.severity!s:<8} {options}{mark}"
            out.append(line.rstrip())
    elif found is not None:
        out += ["", "every rule at its default severity and options"]
    for pattern, codes in settings.per_file_ignores:
        out.append(f"per-file-ignores: {pattern}: {', '.join(sorted(codes))}")
    if settings.source_dirs:
        out.append("source-dirs: " + ", ".join(os.path.relpath(d) for d in settings.source_dirs))
    return "\n".join(out) + "\n"
