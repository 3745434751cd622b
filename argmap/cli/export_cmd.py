"""`argmap export`: a map (or a framework file) written in another tool's format, from the formats registry."""

from __future__ import annotations

import sys
from typing import IO

import click

from argmap.formats import FORMATS, names

__all__ = ["export", "execute_export"]


def _help() -> str:
    listed = "\n".join(f"  {f.name:<7} {f.summary}" for f in FORMATS.values() if f.write is not None)
    return ("Write a map (or a framework file) for other tools, to stdout or to -o FILE.\n\n"
            f"Formats (from the registry in argmap/formats):\n\n\b\n{listed}\n\n"
            "Exit status: 0 written, 1 the map has errors, 2 usage or input error.")


@click.command(help=_help())
@click.argument("map_path", metavar="MAP")
@click.option("-f", "--format", "format_", type=click.Choice(names(writable=True)), default="iccma",
              show_default=True, help="The format to write (see above).")
@click.option("--lang", help="For formats that hold texts: their language (default: the map's first language).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
def export(map_path: str, format_: str, lang: str | None, output: str | None) -> None:
    sys.exit(execute_export(map_path, format_, output, sys.stdout, sys.stderr, lang))


def execute_export(map_path: str, form: str, output: str | None, stdout: IO[str], stderr: IO[str],
                   lang: str | None = None) -> int:
    """Load, convert, write; returns the exit status."""
    from argmap.cli.common import run

    return run("export", lambda: _export(map_path, form, output, stdout, lang), stderr)


def _export(map_path: str, form: str, output: str | None, stdout: IO[str], lang: str | None) -> int:
    from dataclasses import replace

    from argmap.cli.common import load_subject
    from argmap.errors import CLEAN, UsageError
    from argmap.formats import lookup

    chosen = lookup(form)
    if chosen.write is None:
        raise UsageError(f"{form} cannot be written")
    if lang is not None and chosen.holds != "map":
        raise UsageError(f"--lang only goes with -f {' or -f '.join(names('map', writable=True))} (formats that hold"
                         f" texts); {form} holds none")
    subject = load_subject(map_path, None, "export")
    if chosen.holds == "map":
        if subject.amap is None:
            raise UsageError(f"{form.upper()} needs a map (its statements and inferences), not a framework file")
        if lang is not None and lang not in subject.amap.languages:
            from argmap.suggest import did_you_mean

            raise UsageError(f"the map has no language {lang!r}{did_you_mean(lang, subject.amap.languages)};"
                             f" it has {', '.join(subject.amap.languages)}")
        subject = replace(subject, lang=lang)
    try:
        text = chosen.write(subject)
    except ValueError as error:  # a name the format cannot hold (from an APX file)
        raise UsageError(str(error)) from None
    if output is None:
        stdout.write(text)
        return CLEAN
    from argmap.atomic import write_text

    inputs = list(subject.amap.files) if subject.amap is not None else [map_path]
    try:
        write_text(output, text, protect=inputs)
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror or error}") from None
    return CLEAN
