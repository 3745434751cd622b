"""Ctrl-C held back while threads and child processes are started and waited for, then raised where it can be cleaned up."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from types import FrameType
from typing import TypeVar

__all__ = ["Hold", "held", "pooled"]

T = TypeVar("T")


class Hold:
    """A section that holds Ctrl-C back: ``pressed`` says whether one came, for a wait to stop early."""

    def __init__(self) -> None:
        self.presses: list[tuple[int, FrameType | None]] = []

    @property
    def pressed(self) -> bool:
        """Whether Ctrl-C was pressed inside the section (it is raised on the way out)."""
        return bool(self.presses)


@contextlib.contextmanager
def held() -> Iterator[Hold]:
    """Inside, Ctrl-C is noted instead of raised; on the way out the handler that was in place takes it.

    A KeyboardInterrupt raised at any moment can leave things half done where Python gives no way to
    clean up: a ``Popen`` that never returned, a thread in limbo, or a lock inside ``threading`` or
    ``concurrent.futures`` taken and never let go, so that the next wait on it lasts for ever. Inside
    the section the press is only noted: a wait that polls :attr:`Hold.pressed` stops what it started
    (dot, the SAT worker, a pool's tasks) and leaves, and the interrupt is raised on the way out, where the
    caller's ``finally`` runs. Only the main thread takes signals; elsewhere, or where Python does not
    handle SIGINT, nothing changes and ``pressed`` stays false.
    """
    hold = Hold()
    if threading.current_thread() is not threading.main_thread():
        yield hold
        return

    def note(signum: int, frame: FrameType | None) -> None:
        hold.presses.append((signum, frame))

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield hold
    finally:
        signal.signal(signal.SIGINT, previous)
        if hold.presses and callable(previous):
            previous(*hold.presses[0])


def pooled(tasks: Sequence[Callable[[threading.Event], T]], workers: int) -> list[T]:
    """The results of ``tasks``, run by up to ``workers`` threads, in order; the first failure is raised.

    Each task is given one stop event, to poll (dot's runs take it as ``cancel``): it is set when a task
    fails or Ctrl-C is pressed, and every task still running stops before this returns or raises, so
    nothing started here outlives it. Ctrl-C is held while the pool runs (see :func:`held`) and raised
    once it is shut down.
    """
    from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

    stop = threading.Event()
    failure: BaseException | None = None
    with held() as hold:
        pool = ThreadPoolExecutor(max_workers=max(1, min(workers, len(tasks))))
        try:
            futures = [pool.submit(task, stop) for task in tasks]
            pending = set(futures)
            while pending and failure is None and not hold.pressed:
                done, pending = wait(pending, timeout=0.02, return_when=FIRST_EXCEPTION)
                failure = next((future.exception() for future in futures
                                if future in done and future.exception() is not None), None)
        finally:
            stop.set()  # on every way out, each task still running stops before the pool is left
            pool.shutdown(wait=True, cancel_futures=True)
    if failure is not None:
        raise failure
    return [future.result() for future in futures]
