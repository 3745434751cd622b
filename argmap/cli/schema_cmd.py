"""`argmap schema`: print the JSON Schema of the file format, for editors and other tools."""

from __future__ import annotations

import sys

import click

__all__ = ["schema"]


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write to this file (atomically) instead of stdout.")
def schema(output: str | None) -> None:
    """Print the JSON Schema of argmap files (see docs/editors.md to wire it into an editor)."""

    from argmap.jsonout import json_text
    from argmap.schema import json_schema
    from argmap.schemes import shipped

    text = json_text(json_schema(shipped().schemes))
    if output is None:
        sys.stdout.write(text)
        return
    from argmap.atomic import write_text

    try:
        write_text(output, text)
    except OSError as error:
        sys.stderr.write(f"argmap schema: cannot write {output}: {error.strerror or error}\n")
        sys.exit(2)
