"""The semantics argmap evaluates with, in one table: name, display name, family, whether it is NP-hard, and
what running out of time means. eval, render --eval, the API and the page all read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Semantics", "REGISTRY", "SEMANTICS", "EXTENSION_SEMANTICS", "GRADUAL_SEMANTICS", "NAMES", "lookup",
           "timeout_reason"]


@dataclass(frozen=True)
class Semantics:
    """One semantics: its name (as options and JSON spell it), how prose names it, its family (extensions, or
    gradual strengths), and whether answering under it is NP-hard (the SAT solver's work: every extension
    semantics but grounded) or polynomial (grounded's fixpoint, the gradual iterations)."""

    name: str
    display: str
    family: Literal["extension", "gradual"]
    np_hard: bool

    @property
    def timeout(self) -> str:
        """What a time-out under this semantics means, and what to do about it (the end of a sentence)."""
        if self.np_hard:
            return (f"{self.display} semantics is NP-hard and this is a hard instance;"
                    " grounded semantics is always fast")
        if self.family == "gradual":
            return f"the {self.display} iteration needs more time on this map; a larger time limit gives it that"
        return "the map is too large for the time given; a larger time limit gives it more time"


REGISTRY: dict[str, Semantics] = {s.name: s for s in [
    Semantics("grounded", "grounded", "extension", False),
    Semantics("complete", "complete", "extension", True),
    Semantics("preferred", "preferred", "extension", True),
    Semantics("stable", "stable", "extension", True),
    Semantics("semi-stable", "semi-stable", "extension", True),
    Semantics("stage", "stage", "extension", True),
    Semantics("ideal", "ideal", "extension", True),
    Semantics("dfquad", "DF-QuAD", "gradual", False),
    Semantics("quadratic-energy", "quadratic energy", "gradual", False),
    Semantics("h-categoriser", "h-categoriser", "gradual", False),
    Semantics("euler-based", "Euler-based", "gradual", False),
]}

SEMANTICS = tuple(REGISTRY)
EXTENSION_SEMANTICS = tuple(s.name for s in REGISTRY.values() if s.family == "extension")
GRADUAL_SEMANTICS = tuple(s.name for s in REGISTRY.values() if s.family == "gradual")
NAMES = {s.name: s.display for s in REGISTRY.values()}
"""Each semantics' name in prose (DF-QuAD, quadratic energy, ...)."""


def lookup(name: str) -> Semantics:
    """The semantics called ``name``; KeyError, naming those there are, when there is none."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown semantics {name!r}; available: {', '.join(REGISTRY)}") from None


def timeout_reason(name: str) -> str:
    """What a time-out under ``name`` means (the end of a sentence that says no answer came in time)."""
    return lookup(name).timeout
