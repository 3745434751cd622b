"""One time limit for a whole evaluation: reading, translating, encoding, solving, iterating."""

from __future__ import annotations

import time

__all__ = ["Deadline", "Timeout"]


class Timeout(RuntimeError):
    """The evaluation did not finish within the time limit."""


class Deadline:
    """A point in time after which work stops with Timeout; None seconds means no limit.

    Long loops call ``check`` (cheap: one clock read); ``tick`` reads the clock only every
    ``every`` calls, for loops whose steps are a few operations each.
    """

    def __init__(self, seconds: float | None = None) -> None:
        self.at = None if seconds is None else time.monotonic() + seconds
        self._count = 0

    @classmethod
    def of(cls, limit: float | Deadline | None) -> Deadline:
        """``limit`` itself when it is a Deadline already, else a new one ``limit`` seconds from now."""
        return limit if isinstance(limit, Deadline) else cls(limit)

    def remaining(self) -> float | None:
        """Seconds left (at most 0 once passed), or None without a limit."""
        return None if self.at is None else self.at - time.monotonic()

    def check(self) -> None:
        if self.at is not None and time.monotonic() >= self.at:
            raise Timeout("the time limit was reached")

    def tick(self, every: int = 4096) -> None:
        self._count += 1
        if self._count >= every:
            self._count = 0
            self.check()
