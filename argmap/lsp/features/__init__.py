"""The server's features, one module each, registered in this order."""

from __future__ import annotations

from types import ModuleType

from argmap.lsp.features import (
    actions,
    completion,
    diagnostics,
    formatting,
    hints,
    hover,
    navigation,
    rename,
    symbols,
)

__all__ = ["FEATURES"]

FEATURES: tuple[ModuleType, ...] = (diagnostics, navigation, rename, hover, completion, actions, hints, symbols,
                                    formatting)
