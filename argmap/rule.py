"""The rule interface: what a rule module declares, and the context it checks."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from argmap.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:

    from argmap.graph import Graph
    from argmap.model import ArgumentMap
    from argmap.schemes import Catalogue
    from argmap.schemes.uses import Resolution
    from argmap.texts import SourceText

__all__ = ["Input", "INPUTS", "Context", "Rule", "CheckingRule"]

Input = Literal["reading", "map", "graph"]
INPUTS: tuple[Input, ...] = ("reading", "map", "graph")
"""What a rule needs: what reading the files found, the merged map, or the map and its graph."""


@dataclass
class Context:
    """What a rule may look at. ``amap`` and ``graph`` are set for every rule that declares them."""

    amap: ArgumentMap
    graph: Graph
    texts: Mapping[str, SourceText] = field(default_factory=dict)
    reported: Mapping[str, list[Diagnostic]] = field(default_factory=dict)
    catalogue: Catalogue | None = None
    """The scheme catalogue, with the team's schemes (None: the one argmap ships)."""

    _resolution: Resolution | None = field(default=None, repr=False)

    @property
    def schemes(self) -> Catalogue:
        from argmap.schemes import shipped

        return self.catalogue if self.catalogue is not None else shipped()

    def scheme_uses(self) -> Resolution:
        """The map's schemes in use and the references that name nothing, resolved once for every rule."""
        if self._resolution is None:
            from argmap.schemes.uses import resolve

            self._resolution = resolve(self.amap, self.schemes)
        return self._resolution


class Rule(Protocol):
    """A rule module: its constants (and, unless its INPUT is "reading", a ``check``)."""

    CODE: str
    NAME: str
    SEVERITY: Severity
    OPTIONS: dict[str, Any]
    INPUT: str
    """One of INPUTS (a module's constant cannot be typed as the Literal; tests/test_registry.py checks it).

    A rule that reasons about what is absent (no thesis, nothing supports it) also declares
    ``WHOLE = True``: it is skipped when parts of the map could not be read, where the rest is
    still checked."""


class CheckingRule(Rule, Protocol):
    """A rule that looks at the map or its graph."""

    def check(self, ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]: ...
