"""The check shared by rules whose findings are made while reading files (ARG0xx, duplicate ids)."""

from __future__ import annotations

from typing import Callable, Iterator

from argmap.diagnostics import Diagnostic

__all__ = ["reported"]


def reported(code: str) -> Callable[..., Iterator[Diagnostic]]:
    """A ``check`` that yields what the reading stage found under ``code``."""

    def check(ctx, options: dict) -> Iterator[Diagnostic]:
        yield from ctx.reported.get(code, ())

    check.__doc__ = f"Yield the {code} problems found while reading the map's files."
    return check
