"""A unified diff of a file and its formatted text in bounded time (patience diff), for `fmt --check`.

difflib's own matching takes minutes on a large map whose every statement moved a line; matching the
lines that occur once on each side first (patience diff) takes about linear time, and a budget bounds
the rest: what it cannot afford to match is shown as replaced.

>>> print(unified("a\\nb\\nc\\n", "a\\nc\\nb\\n", "x.yaml"), end="")  # doctest: +NORMALIZE_WHITESPACE
--- x.yaml	(as written)
+++ x.yaml	(formatted)
@@ -1,3 +1,3 @@
 a
-b
 c
+b
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Sequence

__all__ = ["unified"]

_SMALL = 40_000
"""A gap of at most this many line pairs without a unique line is matched by difflib (quadratic there)."""


class _Patience(difflib.SequenceMatcher):  # type: ignore[type-arg]  # generic only in typeshed
    """A SequenceMatcher whose matching blocks come from patience diff; its opcodes and hunks are difflib's."""

    def __init__(self, a: Sequence[str], b: Sequence[str]) -> None:
        super().__init__(None, a, b, autojunk=False)
        self.lines = a, b
        self.budget = 20 * (len(a) + len(b)) + 100_000
        self.blocks: list[difflib.Match] | None = None

    def get_matching_blocks(self) -> list[difflib.Match]:
        if self.blocks is not None:
            return self.blocks
        a, b = self.lines
        found: list[tuple[int, int, int]] = []
        gaps = [(0, len(a), 0, len(b))]
        while gaps:
            alo, ahi, blo, bhi = gaps.pop()
            while alo < ahi and blo < bhi and a[alo] == b[blo]:
                found.append((alo, blo, 1))
                alo, blo = alo + 1, blo + 1
            while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
                ahi, bhi = ahi - 1, bhi - 1
                found.append((ahi, bhi, 1))
            if alo == ahi or blo == bhi or self.budget <= 0:
                continue
            self.budget -= (ahi - alo) + (bhi - blo)
            anchors = _unique_common(a, alo, ahi, b, blo, bhi)
            if anchors:
                i0, j0 = alo, blo
                for i, j in anchors:
                    gaps.append((i0, i, j0, j))
                    found.append((i, j, 1))
                    i0, j0 = i + 1, j + 1
                gaps.append((i0, ahi, j0, bhi))
            elif (ahi - alo) * (bhi - blo) <= _SMALL:
                small = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
                found += [(alo + i, blo + j, n) for i, j, n in small.get_matching_blocks() if n]
        merged: list[difflib.Match] = []
        for i, j, n in sorted(found):
            if merged and merged[-1].a + merged[-1].size == i and merged[-1].b + merged[-1].size == j:
                last = merged.pop()
                merged.append(difflib.Match(last.a, last.b, last.size + n))
            else:
                merged.append(difflib.Match(i, j, n))
        merged.append(difflib.Match(len(a), len(b), 0))
        self.blocks = merged
        return merged


def _unique_common(a: Sequence[str], alo: int, ahi: int, b: Sequence[str], blo: int, bhi: int) -> list[tuple[int, int]]:
    """The longest run, in order on both sides, of lines that occur once in each range (patience sorting)."""
    in_a, in_b = Counter(a[alo:ahi]), Counter(b[blo:bhi])
    where_b = {b[j]: j for j in range(blo, bhi) if in_b[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(alo, ahi) if in_a[a[i]] == 1 and a[i] in where_b]
    tops: list[int] = []  # the smallest last j of an increasing run of each length
    ends: list[int] = []  # the index in pairs of that run's last pair
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        length = bisect.bisect_left(tops, j)
        back.append(ends[length - 1] if length else -1)
        if length == len(tops):
            tops.append(j)
            ends.append(index)
        else:
            tops[length], ends[length] = j, index
    run: list[tuple[int, int]] = []
    step = ends[-1] if ends else -1
    while step >= 0:
        run.append(pairs[step])
        step = back[step]
    return run[::-1]


def _range(start: int, stop: int) -> str:
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def unified(before: str, after: str, name: str, context: int = 3) -> str:
    """The unified diff from ``before`` to ``after`` of the file ``name``; "" when they are equal."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    out: list[str] = []
    for group in _Patience(a, b).get_grouped_opcodes(context):
        if not out:
            out += [f"--- {name}\t(as written)\n", f"+++ {name}\t(formatted)\n"]
        out.append(f"@@ -{_range(group[0][1], group[-1][2])} +{_range(group[0][3], group[-1][4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [" " + line for line in a[i1:i2]]
                continue
            out += ["-" + line for line in a[i1:i2]]
            out += ["+" + line for line in b[j1:j2]]
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in out)
