"""`argmap schemes`: the scheme catalogue (with the configuration's schemes), or one scheme in full."""

from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["schemes"]


@click.command()
@click.argument("scheme", required=False)
@click.option("-f", "--format", "format_", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
@click.option("--lang", default="en", show_default=True, help="The language of names and questions.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="The configuration whose `schemes:` add to the catalogue (default: the nearest .argmap.yaml).")
@click.option("--no-config", is_flag=True, help="Only the schemes argmap ships (as docs/schemes.md shows them).")
def schemes(scheme: str | None, format_: str, lang: str, config_path: str | None, no_config: bool) -> None:
    """List the argumentation schemes, or show one (its roles, conclusion and critical questions)."""
    from argmap import config as configuration
    from argmap.errors import UsageError
    from argmap.schemes import shipped
    from argmap.schemes.docs import card, catalogue_markdown, languages, listing
    from argmap.suggest import did_you_mean

    try:
        path = Path(config_path) if config_path else None if no_config else configuration.find(Path.cwd())
        catalogue = configuration.load(path).schemes if path is not None else shipped()
    except UsageError as error:
        click.echo(f"argmap schemes: {error}", err=True)
        sys.exit(2)
    if scheme is not None and scheme not in catalogue:
        click.echo(f"argmap schemes: unknown scheme {scheme!r}{did_you_mean(scheme, list(catalogue.schemes))}",
                   err=True)
        sys.exit(2)
    if lang not in (known := languages(catalogue)):
        click.echo(f"argmap schemes: no scheme has a text in {lang!r}; they are written in "
                   f"{', '.join(sorted(known))}{did_you_mean(lang, sorted(known))}", err=True)
        sys.exit(2)
    chosen = {scheme: catalogue.schemes[scheme]} if scheme else dict(catalogue.schemes)
    if format_ == "json":
        from argmap.jsonout import json_text

        sys.stdout.write(json_text({sid: spec.model_dump(mode="json", exclude_defaults=True)
                                    for sid, spec in chosen.items()}))
    elif format_ == "markdown":
        sys.stdout.write(catalogue_markdown(catalogue))
    elif scheme is not None:
        sys.stdout.write(card(catalogue, scheme, lang))
    else:
        sys.stdout.write(listing(catalogue, lang))
