"""`argmap init`: write a starter map, its configuration and the editor schema into a folder."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path
from typing import IO

import click

__all__ = ["init", "execute_init", "KINDS"]

KINDS = ("own", "reconstruction")
"""Whose argument a map is: its author's own case, or a reconstruction of someone else's text."""


@click.command()
@click.argument("folder", metavar="[DIR]", default=".", type=click.Path())
@click.option("--lang", "languages", default="en", show_default=True, metavar="LANGS",
              help="The map's languages, separated by commas; the first is the default (for example en,fr).")
@click.option("--kind", type=click.Choice(KINDS), default=None,
              help="Whose argument it is: own (your own case; the default without a terminal) or reconstruction (of"
                   " someone else's text: quote it, mark what you add `by: analyst`). Asked when not given.")
def init(folder: str, languages: str, kind: str | None) -> None:
    """Start a map in DIR (default: the current folder): map.yaml, a small argument to edit, with a
    modeline that gives editors completion and checks; .argmap.yaml, the configuration; and
    argmap.schema.json, the schema the modeline names. Existing files are never overwritten.

    Exit status: 0 written, 2 a file is already there, or a usage error.
    """
    if kind is None:
        kind = click.prompt("Is the map your own case, or a reconstruction of someone else's text?",
                            type=click.Choice(KINDS), default="own") if sys.stdin.isatty() else "own"
    sys.exit(execute_init(folder, languages, sys.stdout, sys.stderr, kind))


def execute_init(folder: str, languages: str, stdout: IO[str], stderr: IO[str], kind: str = "own") -> int:
    """Write the starter files and say what to do next; returns the exit status."""
    from argmap.cli.common import run

    return run("init", lambda: _execute(Path(folder), languages, stdout, kind), stderr)


def _execute(folder: Path, languages: str, stdout: IO[str], kind: str) -> int:
    from argmap import starter
    from argmap.atomic import write_text
    from argmap.errors import CLEAN, UsageError
    from argmap.schema import LANG_PATTERN

    chosen = tuple(part.strip() for part in languages.split(","))
    for lang in chosen:
        if not re.match(LANG_PATTERN, lang):
            raise UsageError(f"--lang: {lang!r} is not a language tag (such as en, fr, ja or pt-BR)")
    if len(set(chosen)) != len(chosen):
        raise UsageError(f"--lang: each language may be given once ({languages})")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    identifier = starter.map_id(folder.resolve().name)
    contents = starter.files(chosen, identifier, kind)
    for name in contents:
        target = folder / name
        if target.exists() or target.is_symlink():
            raise UsageError(f"{target} already exists; argmap init writes only new files (choose another folder)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in contents.items():
            write_text(folder / name, text)
    except OSError as error:
        raise UsageError(f"cannot write in {folder}: {error.strerror or error}") from None
    stdout.write(_next_steps(folder, chosen, starter.translated(), kind))
    return CLEAN


def _next_steps(folder: Path, languages: tuple[str, ...], translated: tuple[str, ...], kind: str = "own") -> str:
    from argmap import starter

    written = ", ".join(str(folder / name) for name in (starter.MAP, starter.CONFIG, starter.SCHEMA))
    steps = [f"Wrote {written}.", "", "Next:"]
    if folder != Path("."):
        steps.append(f"  cd {shlex.quote(str(folder))}")
    first = languages[0]
    steps += [
        "  argmap check .                        # check the map: it is clean; edit it and check again",
        "  argmap render map.yaml -o map.svg     # draw it (needs Graphviz)"
        + (f"; --lang {languages[1]} for another language" if len(languages) > 1 else ""),
        "  argmap eval map.yaml                  # which statements stand, and whether the thesis does",
        "  argmap fmt .                          # lay the map out the canonical way after editing",
        "",
        "Open map.yaml in an editor that runs the YAML language server (VS Code's YAML extension,",
        "Neovim, Helix...): its first line gives completion and checks as you type.",
    ]
    if kind == "reconstruction":
        steps.append("A reconstruction: declare the text under `sources:`, quote it in each statement, and mark"
                     " what you add `by: analyst`.")
    untranslated = [lang for lang in languages if lang.split("-")[0] not in translated]
    if untranslated:
        steps.append(f"The texts in {', '.join(untranslated)} are the English ones: translate them"
                     f" (the default language is {first}).")
    return "\n".join(steps) + "\n"
