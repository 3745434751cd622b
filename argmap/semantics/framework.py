"""Abstract argumentation frameworks: arguments as 0..n-1, attacks as pairs (formats/ reads and writes them)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Framework", "FrameworkError", "UNSAFE", "MAX_ARGUMENTS", "MAX_BYTES"]

MAX_BYTES = 512 * 1024 * 1024  # larger than any ICCMA 2023 instance
MAX_ARGUMENTS = 10_000_000
# Characters refused in argument names, because eval prints names to a terminal and export writes
# them into line-based formats: C0 and C1 controls (escape sequences, line breaks), surrogates,
# line and paragraph separators, the bidirectional formatting controls of "Trojan Source", and the
# byte-order mark (which a reader drops at the start of a file, and with it a name's first character).
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


class FrameworkError(ValueError):
    """A framework file that cannot be read; carries the 1-based line and column."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


@dataclass(frozen=True)
class Framework:
    """Arguments ``0..len(names)-1`` named by ``names``; ``attacks`` as (attacker, target) pairs."""

    names: tuple[str, ...]
    attacks: tuple[tuple[int, int], ...]
    auxiliary: int = 0  # the last ``auxiliary`` arguments are helpers of a map's translation (bipolar.py)
    _positions: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.names)

    @property
    def shown(self) -> int:
        """How many arguments, from the first, are the map's own (or the file's): those output shows."""
        return len(self.names) - self.auxiliary

    def members(self, extension: Iterable[int]) -> list[str]:
        """The names of the shown arguments of ``extension``, in argument order."""
        return [self.names[a] for a in sorted(extension) if a < self.shown]

    def attackers(self) -> list[list[int]]:
        """For each argument, the arguments that attack it."""
        result: list[list[int]] = [[] for _ in self.names]
        for attacker, target in self.attacks:
            result[target].append(attacker)
        return result

    def index(self, name: str) -> int:
        """The position of argument ``name`` (KeyError when there is none), in constant time."""
        if not self._positions and self.names:
            self._positions.update((n, i) for i, n in enumerate(self.names))
        return self._positions[name]
