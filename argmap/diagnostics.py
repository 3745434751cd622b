"""The Diagnostic value: one finding at a 1-based file:line:col, frozen and sortable."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

__all__ = ["Severity", "Diagnostic"]


class Severity(enum.IntEnum):
    """How much a finding matters; ``off`` disables a rule."""

    OFF = 0
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            allowed = ", ".join(s.name.lower() for s in cls)
            raise ValueError(f"unknown severity {value!r}; expected one of {allowed}") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A finding: where it is, what it says, and (once the linter stamps it) which rule and how severe."""

    path: str
    line: int = 0
    column: int = 0
    message: str = field(default="", compare=True)
    code: str = ""
    name: str = field(default="", compare=False)
    severity: Severity = field(default=Severity.ERROR, compare=False)
    related: tuple[tuple[str, int, int], ...] = field(default=(), compare=False)
    """Other places the finding involves (for example each step of a cycle)."""

    def stamped(self, code: str, name: str, severity: Severity) -> Diagnostic:
        return replace(self, code=code, name=name, severity=severity)

    @property
    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        """File and line first; on one line the most severe finding first, since it is usually the cause
        (a misspelt id before the claim it leaves unconnected), then by column."""
        return (self.path, self.line, -int(self.severity), self.column, self.code, self.message)

    @property
    def location(self) -> str:
        if self.line <= 0:
            return self.path
        if self.column <= 0:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"
