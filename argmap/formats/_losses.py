"""What one side cannot hold of the other (Loss), and what a target format cannot hold of a map, listed feature
by feature (the structural losses are each writer's)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


__all__ = ["Loss", "FEATURES", "unheld", "listed"]

FEATURES = ("languages", "thesis", "evidence", "groups", "tags", "quotes", "notes", "base", "labels", "expect",
            "title", "sources")
"""Parts of a map a format may or may not hold: other languages than the one written, the thesis and evidence
roles, groups, tags, quotes, notes, base scores, inference labels, expectations, the title, the sources."""


@dataclass(frozen=True)
class Loss:
    """Something one side cannot hold: a format (on export) or argmap (on import). Never dropped silently."""

    what: str
    """A short kind, the same for every loss of its sort ("linked premises", "undercut")."""
    where: str
    """The id of the map (export) or the place in the source (import) it concerns."""
    detail: str
    """One line: what was done instead."""

    def to_json(self) -> dict[str, str]:
        return {"what": self.what, "where": self.where, "detail": self.detail}


def listed(ids: Iterable[str], limit: int = 5) -> str:
    """Up to ``limit`` ids, then how many more.

    >>> listed(["a", "b", "c"], 2)
    "'a', 'b' and 1 more"
    """
    items = list(ids)
    shown = ", ".join(repr(i) for i in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def unheld(amap: ArgumentMap, lang: str | None, holds: set[str], form: str) -> list[Loss]:
    """One loss for each feature of ``amap`` that ``form`` does not hold (``holds`` names those it does)."""
    losses: list[Loss] = []
    written = lang or amap.languages[0]

    def lose(feature: str, ids: list[str], detail: str) -> None:
        if feature not in holds and ids:
            losses.append(Loss(feature, listed(ids), detail))

    statements, arguments = amap.statements, amap.arguments
    others = [code for code in amap.languages if code != written]
    if "languages" not in holds and others and any(isinstance(s.text, dict) and len(s.text) > 1
                                                   for s in statements.values()):
        losses.append(Loss("languages", ", ".join(others), f"{form} holds one text per statement: only the"
                           f" {written!r} texts are written"))
    lose("thesis", [i for i, s in statements.items() if s.role == "thesis"], f"{form} has no thesis role")
    lose("evidence", [i for i, s in statements.items() if s.role == "evidence"], f"{form} has no evidence role")
    lose("groups", [*[i for i, s in statements.items() if s.group], *[i for i, a in arguments.items() if a.group]],
         f"{form} has no groups")
    lose("tags", [*[i for i, s in statements.items() if s.tags], *[i for i, a in arguments.items() if a.tags]],
         f"{form} has no tags")
    lose("quotes", [i for i, s in statements.items() if s.quotes], f"{form} has no quotes")
    lose("notes", [*[i for i, s in statements.items() if s.note], *[i for i, a in arguments.items() if a.note]],
         f"{form} has no notes")
    lose("base", [i for i, s in statements.items() if s.base is not None], f"{form} has no base scores")
    lose("labels", [i for i, a in arguments.items() if a.label], f"{form} has no inference labels")
    lose("expect", [str(n) for n in range(1, len(amap.expectations) + 1)], f"{form} has no expectations")
    lose("title", ["title"] if amap.title is not None else [], f"{form} has no title")
    lose("sources", list(amap.sources), f"{form} has no sources")
    return losses
