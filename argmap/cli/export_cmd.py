"""`argmap export`: a map (or a framework file) written in another tool's format, from the formats registry."""

from __future__ import annotations

import sys
from typing import IO

import click

from argmap.pipeline.exchange import FORMATS, names

__all__ = ["export", "execute_export"]


def _help() -> str:
    listed = "\n".join(f"  {f.name:<7} {f.summary}" for f in FORMATS.values() if f.write is not None)
    return ("Write a map (or a framework file) for other tools, to stdout or to -o FILE.\n\n"
            f"Formats (from the registry in argmap/formats):\n\n\b\n{listed}\n\n"
            "What the format cannot hold of the map (linked premises, undercuts, languages beyond the one written) is"
            " listed on stderr (and in --report FILE as JSON), never dropped silently.\n\n"
            "Exit status: 0 written, 1 the map has errors, 2 usage or input error.")


@click.command(help=_help())
@click.argument("map_path", metavar="MAP")
@click.option("-f", "--format", "format_", type=click.Choice(names(writable=True)), default="iccma",
              show_default=True, help="The format to write (see above).")
@click.option("--lang", help="For formats that hold texts: their language (default: the map's first language).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@click.option("--report", type=click.Path(dir_okay=False),
              help="Also write what the format could not hold, as JSON, to this file.")
def export(map_path: str, format_: str, lang: str | None, output: str | None, report: str | None) -> None:
    sys.exit(execute_export(map_path, format_, output, sys.stdout, sys.stderr, lang, report))


def execute_export(map_path: str, form: str, output: str | None, stdout: IO[str], stderr: IO[str],
                   lang: str | None = None, report: str | None = None) -> int:
    """Load, convert, write; returns the exit status."""
    from argmap.cli.common import run

    return run("export", lambda: _export(map_path, form, output, stdout, stderr, lang, report), stderr)


def _export(map_path: str, form: str, output: str | None, stdout: IO[str], stderr: IO[str], lang: str | None,
            report: str | None) -> int:
    from argmap import api
    from argmap.errors import CLEAN, UsageError
    from argmap.pipeline import subject as read_subject
    from argmap.pipeline.exchange import lookup

    chosen = lookup(form)
    if chosen.write is None:
        raise UsageError(f"{form} cannot be written")
    if lang is not None and chosen.holds != "map":
        raise UsageError(f"--lang only goes with -f {' or -f '.join(names('map', writable=True))} (formats that hold"
                         f" texts); {form} holds none")
    subject = read_subject(map_path, None, "export")
    written = api.export(subject, form, lang)
    from argmap.atomic import refuse_stream, write_text
    from argmap.texts import one_line

    inputs = list(subject.amap.files) if subject.amap is not None else [map_path]
    if output is None:
        try:
            refuse_stream(stdout, inputs)
        except OSError as error:
            raise UsageError(f"cannot write {error.filename}: {error.strerror}") from None
        stdout.write(written.text)
    else:
        try:
            write_text(output, written.text, protect=inputs)
        except OSError as error:
            raise UsageError(f"cannot write {output}: {error.strerror or error}") from None
    for loss in written.losses:
        stderr.write(f"argmap export: {form} cannot hold {one_line(loss.what)} ({one_line(loss.where)}):"
                     f" {one_line(loss.detail)}\n")
    if report is not None:
        from argmap.jsonout import json_text

        document = {"version": 1, "format": form, "map": map_path, "output": output,
                    "losses": [loss.to_json() for loss in written.losses]}
        try:
            write_text(report, json_text(document), protect=[*inputs, *([output] if output else [])])
        except OSError as error:
            raise UsageError(f"cannot write {report}: {error.strerror or error}") from None
    return CLEAN
