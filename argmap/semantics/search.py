"""Maximal labellings by counter-example search: the SAT queries behind argmap.semantics.extensions.Reasoner.

A query for a maximal extension that satisfies a condition (contains ``a``, leaves out ``a``, adds
to what is known) finds a labelling with the condition and makes it maximal (a larger IN set for
preferred, a larger range for semi-stable and stage); if the maximal one fails the condition, it
looks for one with the same maximal range (or rules out the IN sets below it) and goes on. Each
labelling ruled out stays ruled out for the conditions that follow, which only get narrower.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from argmap.semantics.deadline import Deadline
from argmap.semantics.encoding import labelling_clauses
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import OUT, UNDEC
from argmap.semantics.sat import Solving

__all__ = ["RANGED", "Search"]

RANGED = ("semi-stable", "stage")


class Search(Solving):
    """The labellings of one semantics as clauses, and the searches for maximal ones among them."""

    def __init__(self, framework: Framework, semantics: str, labels: list[str], deadline: Deadline) -> None:
        """``labels``: the grounded labelling, fixed as unit clauses for the complete-based semantics."""
        self.framework = framework
        self.semantics = semantics
        self.n = n = len(framework)
        self.grounded = labels
        self.ranged = semantics in RANGED
        stage = semantics == "stage"
        base = "conflict-free" if stage else "stable" if semantics == "stable" else "complete"
        fixed = None if stage else labels
        super().__init__(lambda: labelling_clauses(framework, fixed, base, self.ranged, deadline),
                         3 * n if self.ranged else 2 * n, deadline)
        # Arguments that may be in an extension, and those whose range is open, for the blocking clauses.
        self.open = list(range(n)) if stage else [a for a, label in enumerate(labels) if label != OUT]
        self.unsure = list(range(n)) if stage else [a for a, label in enumerate(labels) if label == UNDEC]

    # variables: in(a) = a + 1, out(a) = n + a + 1, range(a) = 2n + a + 1
    def _in(self, a: int) -> int:
        return a + 1

    def _range(self, a: int) -> int:
        return 2 * self.n + a + 1

    def _extension(self, model: list[int]) -> list[int]:
        return [a for a in range(self.n) if model[a] > 0]

    def _outside(self, extension: Sequence[int]) -> list[int]:
        """The clause "some argument outside ``extension`` is in" (arguments OUT in the grounded
        labelling are never in, so they are left out of it)."""
        members = set(extension)
        return [a + 1 for a in self.open if a not in members]

    def _undecided(self, model: list[int]) -> list[int]:
        """The clause "some argument outside the range of ``model`` is in the range"."""
        return [self._range(a) for a in self.unsure if model[self._range(a) - 1] < 0]

    def _decided(self, model: list[int]) -> list[int]:
        """Assumptions keeping the range of ``model``."""
        return [self._range(a) for a in self.unsure if model[self._range(a) - 1] > 0]

    def _maximise(self, solver: Any, model: list[int]) -> list[int]:
        """Grow a labelling into a maximal one (IN set for preferred, range for semi-stable and stage):
        while a strictly larger one exists, take it."""
        while self.semantics == "preferred" or self.ranged:
            if self.ranged:
                larger, keep = self._undecided(model), self._decided(model)
            else:
                extension = self._extension(model)
                larger, keep = self._outside(extension), [self._in(a) for a in extension]
            if not larger:
                return model
            found = self._model(solver, larger, keep)
            if found is None:
                return model
            model = found
        return model

    def _find(self, solver: Any, clause: Sequence[int] = ()) -> list[int] | None:
        """A model of an extension that satisfies ``clause`` (over in() literals), or None. Labellings
        found not to lead to one are ruled out in ``solver`` for good (valid for narrower clauses)."""
        while True:
            model = self._model(solver, clause)
            if model is None or not (self.semantics == "preferred" or self.ranged):
                return model
            best = self._maximise(solver, model)
            if not clause or any((best[abs(x) - 1] > 0) == (x > 0) for x in clause):
                return best
            if self.ranged:
                # Another extension with the same (maximal) range may satisfy the clause.
                same = self._model(solver, clause, self._decided(best))
                if same is not None:
                    return same
                block = self._undecided(best)  # no range within this one can give an answer
            else:
                block = self._outside(self._extension(best))  # nor any IN set within this one
            if not block:
                return None
            solver.add_clause(block)

    def _same_range(self, solver: Any, model: list[int]) -> Iterator[list[int]]:
        """Every extension whose range is that of ``model`` (a maximal one), each once."""
        self.top += 1
        switch = self.top  # the clauses blocking what is listed here hold only while it is on
        keep = [switch, *self._decided(model)]
        current: list[int] | None = model
        while current is not None:
            found = self._extension(current)
            yield found
            solver.add_clause([-switch] + [-self._in(b) for b in found] + self._outside(found))
            current = list(solver.get_model()) if self._solve(solver, keep) else None
        solver.add_clause([-switch])
