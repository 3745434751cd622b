"""`argmap diff`: what changed in the argument between two maps, or since a git revision."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

if TYPE_CHECKING:
    from argmap.changes import Changes
    from argmap.model import ArgumentMap

__all__ = ["diff", "execute_diff", "DiffOptions", "FORMATS"]

FORMATS = ("text", "json", "markdown", "github")


class DiffOptions:
    """What `argmap diff` was asked: two maps, or a revision and a map; the output format."""

    def __init__(self, first: str, second: str | None = None, format: str = "text", textconv: bool = False) -> None:
        self.first, self.second, self.format, self.textconv = first, second, format, textconv


@click.command()
@click.argument("first", metavar="OLD|REV")
@click.argument("second", metavar="[NEW|MAP]", required=False)
@click.option("-f", "--format", "format_", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text; json; markdown (to paste in a pull request); github (workflow annotations).")
@click.option("--textconv", is_flag=True,
              help="Print the argument that the one file FIRST states, a fact a line (for git's textconv;"
                   " see docs/cli.md).")
def diff(first: str, second: str | None, format_: str, textconv: bool) -> None:
    """Show what changed in the argument: statements added, removed or reworded, relations, premises,
    quotes, and what that did to the thesis's evaluation.

    `argmap diff OLD NEW` compares two maps; `argmap diff REV [MAP]` compares MAP (default: the one map
    in the current folder) as of the git revision REV with the working tree; `argmap diff REV1..REV2 [MAP]`
    compares it as of two revisions.

    Exit status: 0 nothing changed, 1 something did, 2 usage or input error.
    """
    sys.exit(execute_diff(DiffOptions(first, second, format_, textconv), sys.stdout, sys.stderr))


def execute_diff(options: DiffOptions, stdout: IO[str], stderr: IO[str]) -> int:
    """Load both sides, compare, report; returns the exit status."""
    from argmap.cli.common import run

    return run("diff", lambda: _execute(options, stdout), stderr)


def _execute(options: DiffOptions, stdout: IO[str]) -> int:
    from argmap import api
    from argmap.errors import CLEAN, FINDINGS, USAGE, MapError, UsageError

    if options.textconv:
        if options.second is not None:
            raise UsageError("--textconv takes one file")
        from argmap.pipeline import textconv

        stdout.write(textconv(options.first))
        return CLEAN
    first = Path(options.first)
    if first.exists() and options.second is None:
        raise UsageError(f"give two maps (OLD NEW), or a git revision and a map (REV [MAP]); {options.first!r} is a"
                         " path, and there is no second map")
    second = Path(options.second or ".")
    if not first.exists() and not second.exists() and second.suffix not in (".yaml", ".yml"):
        raise UsageError(f"{options.second!r} is no file or folder: to compare the map as of two revisions, write"
                         " REV1..REV2 [MAP]")
    before, span, after = options.first.partition("..")
    if not first.exists() and span and not (before and after and "." not in (before[-1], after[:1])):
        raise UsageError(f"{options.first!r}: write two revisions around '..' (REV1..REV2), such as HEAD~1..HEAD")
    try:
        if first.exists():
            old, new = api.load(first), api.load(str(options.second))
        elif span:
            target = options.second or "."
            old, new = api.load(target, rev=before), api.load(target, rev=after)
        else:
            target = options.second or "."
            old, new = api.load(target, rev=options.first), api.load(target)
    except MapError as error:
        error.status = USAGE  # exit 1 says that something changed: a map that cannot be compared is an input error
        raise
    changes = api.diff(old, new)
    REPORTS[options.format](changes, old, new, stdout)
    return FINDINGS if changes else CLEAN


def _text(changes: Changes, old: ArgumentMap, new: ArgumentMap, stdout: IO[str]) -> None:
    from argmap.texts import one_line

    for change in changes.changes:
        mark = {"added": "+", "removed": "-", "changed": "~"}[change.kind]
        stdout.write(f"{mark} {one_line(change.describe())}\n")
    moved = [v for v in changes.verdicts if v.moved]
    for verdict in moved:
        stdout.write(f"! {one_line(verdict.describe())}\n")
    for text in changes.stale:
        stdout.write(f"? {one_line(text.describe())}\n")
    count = len(changes.changes)
    summary = "no change to the argument" if not count else f"{count} change{'s' if count != 1 else ''}"
    if count and not moved and changes.verdicts:
        summary += "; the thesis's evaluation is unchanged"
    stdout.write(summary + "\n")


def _markdown(changes: Changes, old: ArgumentMap, new: ArgumentMap, stdout: IO[str]) -> None:
    stdout.write(f"### Argument changes in `{new.id}`\n\n")
    if not changes.changes:
        stdout.write("No change to the argument.\n")
        return
    for verdict in changes.verdicts:
        stdout.write(f"**Evaluation:** {_md(verdict.describe())}.\n\n" if verdict.moved
                     else f"**Evaluation:** {_md(verdict.describe())} (unchanged).\n\n")
    for text in changes.stale:
        stdout.write(f"**Translation may be out of date:** {_md(text.describe())}.\n\n")
    stdout.write("| | what | change |\n|---|---|---|\n")
    for change in changes.changes:
        mark = {"added": "added", "removed": "removed", "changed": "changed"}[change.kind]
        stdout.write(f"| {mark} | {change.what} `{_md(change.id)}` | {_md(change.describe())} |\n")


def _md(text: str) -> str:
    from argmap.texts import one_line

    return one_line(text).replace("|", "\\|").replace("`", "'")


def _json(changes: Changes, old: ArgumentMap, new: ArgumentMap, stdout: IO[str]) -> None:
    from argmap.jsonout import json_text

    stdout.write(json_text(changes.to_json()))


def _github(changes: Changes, old: ArgumentMap, new: ArgumentMap, stdout: IO[str]) -> None:
    from argmap.reporters import escape_data, escape_property

    for change in changes.changes:
        place = ""
        if change.where is not None and change.where[1]:
            place = f" file={escape_property(change.where[0])},line={change.where[1]}"
        stdout.write(f"::notice{place},title=argument {change.kind}::{escape_data(change.describe())}\n")
    for verdict in changes.verdicts:
        if verdict.moved:
            stdout.write(f"::warning title=evaluation changed::{escape_data(verdict.describe())}\n")
    for text in changes.stale:
        place = f" file={escape_property(text.where[0])},line={text.where[1]}" if text.where and text.where[1] else ""
        stdout.write(f"::warning{place},title=translation may be out of date::{escape_data(text.describe())}\n")


REPORTS = {"text": _text, "json": _json, "markdown": _markdown, "github": _github}
