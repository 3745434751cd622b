"""The cyclic garbage collector paused while a large map's objects are built, said once for every stage."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: reading, checking, formatting or writing a map builds hundreds of
    thousands of new, mostly acyclic objects, over which Python would run full collections again and again
    for no garbage (it halves the time of large maps). It is back on, as it was, when the block ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
