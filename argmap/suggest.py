""""Did you mean" suggestions for misspelt ids and field names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["did_you_mean"]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``"; did you mean 'x'?"`` suffix naming the closest choice, or ``""`` when none is close.

    >>> did_you_mean("premisses", ["premises", "supports"])
    "; did you mean 'premises'?"
    >>> did_you_mean("zzz", ["premises"])
    ''
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""
