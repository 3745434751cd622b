"""`argmap lsp`: start the language server on standard input and output."""

from __future__ import annotations

import click

__all__ = ["lsp"]


@click.command()
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the only transport; accepted"
              " because editors pass it).")
def lsp(stdio: bool) -> None:
    """Start the language server that editors talk to: findings as you type, go to definition, references,
    rename, hover, completion, quick fixes, inlay hints, symbols, folding and formatting.

    It talks the Language Server Protocol over standard input and output; see docs/editors.md.
    """
    from argmap.lsp import serve

    serve()
