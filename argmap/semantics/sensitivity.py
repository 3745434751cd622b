"""What a statement's strength hangs on: each base score's swing, and the smallest change that flips acceptance.

For every statement that can reach the target, its base score is set to 0 and to 1 with all
other bases kept; the difference in the target's strength is that statement's *swing*, and the
statements are ranked by it. A *flip* is the base score, nearest the current one, at which the
target crosses the acceptance threshold (accepted when its strength is above it). On an acyclic
map only the nodes between the changed statement and the target are recomputed (and put back).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from argmap.semantics.deadline import Deadline
from argmap.semantics.gradual import Model, Unsettled

__all__ = ["Influence", "Flip", "Sensitivity", "sensitivity"]

GRID = 64        # steps of the scan from the current base towards 0 and towards 1
BISECTIONS = 30  # halvings of the step in which the target crosses the threshold


@dataclass(frozen=True)
class Influence:
    """The target's strength with ``statement``'s base at 0 and at 1 (the others unchanged)."""

    statement: str
    base: float
    at_zero: float
    at_one: float

    @property
    def swing(self) -> float:
        return abs(self.at_one - self.at_zero)


@dataclass(frozen=True)
class Flip:
    """Setting ``statement``'s base from ``base`` to ``new_base`` takes the target to ``strength``,
    across the threshold."""

    statement: str
    base: float
    new_base: float
    strength: float

    @property
    def change(self) -> float:
        return abs(self.new_base - self.base)


@dataclass(frozen=True)
class Sensitivity:
    """The target's strength, the ranked influences on it, and the smallest flip (if any)."""

    target: str
    strength: float
    threshold: float
    influences: list[Influence]  # largest swing first
    flip: Flip | None            # the smallest change to one base that flips acceptance
    converged: bool


def sensitivity(model: Model, method: str, target: str, threshold: float = 0.5,
                deadline: Deadline | None = None) -> Sensitivity:
    """Rank the statements upstream of ``target`` by their swing, and find the smallest flip.

    Memory stays linear in the map; time is about one evaluation of the nodes between each
    statement and the target per probe, so ``deadline`` (Timeout) bounds it on deep maps. On a
    cyclic map where the strengths do not settle (at the start or for a probe), Unsettled: an
    unsettled strength is no strength to compare.
    """
    deadline = deadline or Deadline()
    goal = model.names.index(target)
    values, converged, _ = model.evaluate(method, deadline=deadline)
    if not converged:
        raise Unsettled(f"the strengths do not settle, so {target!r} has none")
    current = values[goal]
    accepted = current > threshold
    upstream = _upstream(model, goal)
    order_position = {node: position for position, node in enumerate(model.order)} if model.order is not None else None
    between: list[int] = []  # the nodes to recompute for the statement under study
    bases, trial = list(model.bases), list(values)  # changed for one probe, then put back

    def target_with(statement: int, base: float) -> float:
        deadline.check()
        bases[statement] = base
        try:
            if order_position is None:
                probe, settled, _ = model.evaluate(method, bases, deadline=deadline)
                if not settled:
                    raise Unsettled(f"the strengths do not settle with {model.names[statement]!r} at {base}")
                return probe[goal]
            trial[statement] = model.update(method, statement, trial, bases)
            for node in between:
                trial[node] = model.update(method, node, trial, bases)
            return trial[goal]
        finally:  # so that a probe costs the nodes it touches, not a copy of the map
            bases[statement] = model.bases[statement]
            trial[statement] = values[statement]
            for node in between:
                trial[node] = values[node]

    candidates = [i for i in upstream if model.is_statement(i) and i != goal]
    influences, flips = [], []
    for i in candidates:
        if order_position is not None:
            # Worked out per statement and dropped after: kept for all, they would be quadratic on a chain.
            between = sorted(_between(model, i, upstream), key=order_position.__getitem__)
        base = model.bases[i]
        low, high = target_with(i, 0.0), target_with(i, 1.0)
        influences.append(Influence(model.names[i], base, low, high))
        if min(low, high, current) <= threshold < max(low, high, current):
            flip = _nearest_flip(partial(target_with, i), base, accepted, threshold)
            if flip is not None:
                flips.append(Flip(model.names[i], base, *flip))
    influences.sort(key=lambda item: (-item.swing, item.statement))
    best = min(flips, key=lambda f: (f.change, f.statement), default=None)
    return Sensitivity(target, current, threshold, influences, best, converged)


def _upstream(model: Model, goal: int) -> set[int]:
    """Every node with a path to ``goal``, and ``goal``."""
    parents: list[list[int]] = [[] for _ in model.names]
    for node, children in enumerate(model.children):
        for child in children:
            parents[child].append(node)
    seen, stack = {goal}, [goal]
    while stack:
        for parent in parents[stack.pop()]:
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


def _between(model: Model, start: int, upstream: set[int]) -> set[int]:
    """The nodes on a path from ``start`` to the target (which all lie upstream of it), ``start`` excluded."""
    seen, stack = set(), [start]
    while stack:
        for child in model.children[stack.pop()]:
            if child in upstream and child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


def _nearest_flip(strength_at: Callable[[float], float], base: float, accepted: bool,
                  threshold: float) -> tuple[float, float] | None:
    """The base nearest ``base`` at which acceptance differs, scanning outwards both ways, then
    bisecting the step in which it changes; (new base, strength there), or None."""
    best = None
    for end in (0.0, 1.0):
        previous = base
        for step in range(1, GRID + 1):
            probe = base + (end - base) * step / GRID
            value = strength_at(probe)
            if (value > threshold) != accepted:
                inside, outside = previous, probe  # acceptance holds at inside, not at outside
                for _ in range(BISECTIONS):
                    middle = (inside + outside) / 2
                    if (strength_at(middle) > threshold) != accepted:
                        outside = middle
                    else:
                        inside = middle
                candidate = (outside, strength_at(outside))
                if best is None or abs(outside - base) < abs(best[0] - base):
                    best = candidate
                break
            previous = probe
    return best
