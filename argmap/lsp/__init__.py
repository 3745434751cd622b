"""`argmap lsp`: the language server for editors (stdio), on pygls; the features live in ``features/``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.lsp.server import ArgmapServer

__all__ = ["serve", "create_server"]


def create_server() -> ArgmapServer:
    """A server with every feature registered (here, above the server and its features, which build on it)."""
    from argmap.lsp.features import FEATURES
    from argmap.lsp.server import ArgmapServer

    server = ArgmapServer()
    for feature in FEATURES:
        feature.register(server)
    return server


def serve() -> None:
    """Answer an editor on standard input and output until it says to stop."""
    import logging

    logging.basicConfig(level=logging.WARNING, format="argmap lsp: %(levelname)s %(message)s")
    create_server().start_io()
