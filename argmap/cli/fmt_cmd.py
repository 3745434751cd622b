"""`argmap fmt`: write map files in the canonical layout, or (--check) show what would change."""

from __future__ import annotations

import sys
from typing import IO

import click

__all__ = ["fmt", "execute_fmt"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--check", is_flag=True,
              help="Write nothing; show the changes as a unified diff and exit 1 if a file is not formatted.")
def fmt(paths: tuple[str, ...], check: bool) -> None:
    """Lay out argument-map files (files, or folders of maps) the canonical way: fields in a fixed order,
    quotes only where needed, comments kept where they were, what the map says unchanged.

    Exit status: 0 formatted (or already formatted), 1 with --check: a file would change, 2 a file
    cannot be formatted (a YAML or schema error, named at its place) or written.
    """
    sys.exit(execute_fmt(paths, check, sys.stdout, sys.stderr))


def execute_fmt(paths: tuple[str, ...], check: bool, stdout: IO[str], stderr: IO[str]) -> int:
    """Format (or check) every map file among ``paths``; returns the exit status."""
    from argmap.atomic import write_text
    from argmap.errors import CLEAN, FINDINGS, USAGE
    from argmap.fmt import format_paths
    from argmap.fmt.patch import unified
    from argmap.texts import one_line

    status = CLEAN
    changed = unchanged = failed = skipped = 0
    for result in format_paths(paths):
        problem = result.problem
        if problem is not None:
            name = f" {problem.name}" if problem.name else ""
            stderr.write(f"{one_line(problem.location)}: not formatted: {one_line(problem.message)}"
                         f" [{problem.code}{name}]\n")
            failed += 1
            status = USAGE
        elif result.skipped:
            skipped += 1  # named, as pre-commit names every YAML file, and not a map
        elif not result.changed:
            unchanged += 1
        elif check:
            assert result.before is not None and result.after is not None
            stdout.write(unified(result.before, result.after, result.path))
            stderr.write(f"would reformat {one_line(result.path)}\n")
            changed += 1
            status = max(status, FINDINGS)
        else:
            assert result.after is not None
            try:
                write_text(result.path, result.after)
            except OSError as error:
                stderr.write(f"argmap fmt: cannot write {one_line(result.path)}: {error.strerror or error}\n")
                failed += 1
                status = USAGE
                continue
            stderr.write(f"reformatted {one_line(result.path)}\n")
            changed += 1
    stderr.write(_summary(changed, unchanged, failed, skipped, check) + "\n")
    return status


def _summary(changed: int, unchanged: int, failed: int, skipped: int, check: bool) -> str:
    def files(count: int) -> str:
        return f"{count} file{'s' if count != 1 else ''}"

    parts = []
    if changed:
        parts.append(f"{files(changed)} {'would be reformatted' if check else 'reformatted'}")
    if unchanged:
        parts.append(f"{files(unchanged)} already formatted")
    if failed:
        parts.append(f"{files(failed)} not formatted")
    if not parts:
        parts.append("no argmap files")
    if skipped:
        parts.append(f"{skipped} other YAML file{'s' if skipped != 1 else ''} left alone")
    return ", ".join(parts)
