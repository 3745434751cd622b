"""`argmap serve`'s update channel: each open page's queue of server-sent events, the last of each kind kept."""

from __future__ import annotations

import contextlib
import json
import queue
import threading
from typing import Any

__all__ = ["Channel"]


class Channel:
    """The update channel: each open page has a queue; the last update of each kind is replayed to a page that
    connects, so that it catches up with whatever it missed."""

    def __init__(self, backlog: int = 64) -> None:
        self._lock = threading.Lock()
        self._queues: set[queue.Queue[tuple[str, str] | None]] = set()
        self._last: dict[str, tuple[str, str]] = {}
        self.backlog = backlog

    def subscribe(self) -> queue.Queue[tuple[str, str] | None]:
        mine: queue.Queue[tuple[str, str] | None] = queue.Queue(self.backlog)
        with self._lock:
            for message in self._last.values():
                mine.put_nowait(message)
            self._queues.add(mine)
        return mine

    def unsubscribe(self, mine: queue.Queue[tuple[str, str] | None]) -> None:
        with self._lock:
            self._queues.discard(mine)

    def publish(self, event: str, payload: dict[str, Any], key: str | None = None) -> None:
        message = (event, json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False))
        with self._lock:
            self._last[key or event] = message
            for waiting in list(self._queues):
                try:
                    waiting.put_nowait(message)
                except queue.Full:  # a page that reads nothing is dropped; its browser reconnects
                    self._queues.discard(waiting)
                    _drop(waiting)

    def forget(self, key: str) -> None:
        """No longer replay the last ``key`` update to pages that connect (a language the map dropped)."""
        with self._lock:
            self._last.pop(key, None)

    def close(self) -> None:
        with self._lock:
            for waiting in self._queues:
                _drop(waiting)
            self._queues.clear()


def _drop(waiting: queue.Queue[tuple[str, str] | None]) -> None:
    while True:  # make room for the end-of-stream marker
        try:
            waiting.put_nowait(None)
            return
        except queue.Full:
            with contextlib.suppress(queue.Empty):
                waiting.get_nowait()
