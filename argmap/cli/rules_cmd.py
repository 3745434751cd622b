"""`argmap rules` and `argmap explain`: the rule catalogue and one rule's documentation."""

from __future__ import annotations

import sys

import click

__all__ = ["rules", "explain"]


@click.command()
@click.option("-f", "--format", "format_", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
def rules(format_: str) -> None:
    """List every rule: code, name, default severity and summary."""
    from argmap.ruledocs import catalogue_markdown, sections
    from argmap.rules import RULES

    if format_ == "markdown":
        sys.stdout.write(catalogue_markdown(RULES))
    elif format_ == "json":

        rows = [{"code": r.CODE, "name": r.NAME, "severity": str(r.SEVERITY), "summary": sections(r)[0],
                 "options": r.OPTIONS} for r in RULES]
        from argmap.jsonout import json_text

        sys.stdout.write(json_text(rows))
    else:
        for rule in RULES:
            sys.stdout.write(f"{rule.CODE}  {rule.NAME:<22} {rule.SEVERITY!s:<8} {sections(rule)[0]}\n")


@click.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show the documentation of one rule, by code (ARG201) or name (support-cycle)."""
    from argmap.ruledocs import explain as explain_text
    from argmap.rules import lookup

    try:
        found = lookup(rule)
    except KeyError as error:
        click.echo(f"argmap explain: {error.args[0]}", err=True)
        sys.exit(2)
    sys.stdout.write(explain_text(found))
