""""Did you mean" suggestions for misspelt ids and field names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["did_you_mean", "closest"]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``"; did you mean 'x'?"`` suffix naming the closest choice, or ``""`` when none is close.

    >>> did_you_mean("premisses", ["premises", "supports"])
    "; did you mean 'premises'?"
    >>> did_you_mean("zzz", ["premises"])
    ''
    >>> did_you_mean("tt", ["t", "reason"])  # a short id one keystroke away
    "; did you mean 't'?"
    """
    found = closest(word, choices)
    return f"; did you mean {found!r}?" if found is not None else ""


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word``: by similarity, or for short words (where one keystroke weighs too much
    for similarity) one typed, dropped, changed or swapped character away; None when none is close."""
    pool = list(choices)
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.75)
    if close:
        return close[0]
    return next((choice for choice in sorted(pool) if _one_edit(word, choice)), None)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one character added, removed, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) == 0 or max(len(a), len(b)) < 2:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i in range(len(short)) if short[i] != long[i]), len(short))
    return short[i:] == long[i + 1:]
