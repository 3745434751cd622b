"""Ctrl-C held back while a child process or thread is being started, then raised where it can be cleaned up."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["held"]


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Inside, Ctrl-C is noted instead of raised; on the way out the handler that was in place takes it.

    Starting a process or a thread is a moment when a Ctrl-C would leave what was started unknown to its
    caller (a ``Popen`` that never returned, a thread in limbo) and so never stopped: held back until the
    start is complete, the interrupt arrives where the caller's ``finally`` stops it. Only the main
    thread takes signals; elsewhere, or where Python does not handle SIGINT, nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed: list[tuple[int, FrameType | None]] = []

    def note(signum: int, frame: FrameType | None) -> None:
        pressed.append((signum, frame))

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if pressed and callable(previous):
            previous(*pressed[0])
