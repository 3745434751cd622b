"""`argmap lsp`: the language server for editors (stdio), on pygls; the features live in ``features/``."""

from __future__ import annotations

__all__ = ["serve"]


def serve() -> None:
    """Answer an editor on standard input and output until it says to stop."""
    import logging

    from argmap.lsp.server import create_server

    logging.basicConfig(level=logging.WARNING, format="argmap lsp: %(levelname)s %(message)s")
    create_server().start_io()
