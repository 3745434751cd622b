"""Maps where people read: a Sphinx extension, an MkDocs plugin and Markdown extension, a pandoc filter; each
draws a map into the document that discusses it, on top of argmap's API (see docs/embedding.md)."""

from __future__ import annotations

__all__ = ["needs"]


def needs(module: str, extra: str, what: str) -> ImportError:
    """The error an integration raises when the tool it plugs into is not installed, saying how to install it."""
    return ImportError(f"argmap's {what} needs {module}, which is not installed: pip install 'argmap[{extra}]'")
