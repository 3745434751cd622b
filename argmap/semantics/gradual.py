"""Gradual strengths on a map's graph: DF-QuAD, quadratic energy, h-categoriser and Euler-based semantics.

Each semantics is a function f giving a node's strength from its base score and its parents'
strengths (Mossakowski and Neuhaus's modular view). On an acyclic graph the strengths are f
applied once per node in topological order, exactly. On a cyclic graph they are an equilibrium
σ = f(σ) reached by following the continuous dynamical system dσ/dt = f(σ) - σ from the base
scores (Potyka, KR 2018 and AAMAS 2019), integrated by fourth-order Runge-Kutta; h-categoriser is
the discrete iteration σ ← f(σ), which Pu et al. (2014) and Amgoud et al. (2017) prove converges on
every graph. Convergence is measured by the residual max |f(σ) - σ|; a node whose residual is
still above the tolerance when the budget runs out, and every node downstream of it, has no
strength (None): the last iterate of an oscillation is never reported as one.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from argmap.graph import Graph
from argmap.semantics.deadline import Deadline
from argmap.semantics.registry import GRADUAL_SEMANTICS, REGISTRY

__all__ = ["DEFAULT_BASE", "METHODS", "NAMES", "Model", "Strengths", "Unsettled", "aggregate", "combine", "energy",
           "euler", "strengths"]

DEFAULT_BASE = 0.5
"""The base score of a statement without `base:`: no prior confidence either way."""

METHODS = GRADUAL_SEMANTICS
NAMES = {name: REGISTRY[name].display for name in METHODS}
BLOCK = 4096  # nodes updated between two looks at the deadline
TOLERANCE = 1e-9
MAX_ITERATIONS = 1000
STEP = 0.5        # the Runge-Kutta step, halved while a step would leave [0, 1]
MIN_STEP = 1 / 256
OVERSHOOT = 1e-3  # how far outside [0, 1] a step may land before it counts as unstable


class Unsettled(ArithmeticError):
    """The strengths did not settle within the iteration budget, so there is no value to give."""


@dataclass(frozen=True)
class Strengths:
    """The strength of every node (None where the dynamics did not settle), whether all settled, how."""

    values: dict[str, float | None]
    converged: bool
    iterations: int
    dynamics: str = "acyclic"
    """'acyclic' (one exact pass), 'continuous' (Runge-Kutta) or 'iterated' (h-categoriser's iteration)."""


def aggregate(values: list[float]) -> float:
    """DF-QuAD's aggregation: the probabilistic sum 1 - Π(1 - v), 0 for no values.

    >>> aggregate([]), aggregate([0.5, 0.5])
    (0.0, 0.75)
    """
    remainder = 1.0
    for value in values:
        remainder *= 1.0 - value
    return 1.0 - remainder


def combine(base: float, attack: float, support: float) -> float:
    """DF-QuAD's combination: move the base towards 0 or 1 by the difference of support and attack.

    >>> combine(0.5, 0.0, 0.0), combine(0.5, 1.0, 0.0), combine(0.5, 0.0, 0.5)
    (0.5, 0.0, 0.75)
    """
    if support >= attack:
        return base + (1.0 - base) * (support - attack)
    return base - base * (attack - support)


def energy(base: float, attack: list[float], support: list[float]) -> float:
    """The quadratic energy model's update: the energy E is the sum of supporters' strengths minus
    the sum of attackers'; with h(x) = max(x, 0)² / (1 + max(x, 0)²), the strength is
    base - base·h(-E) + (1 - base)·h(E).

    >>> energy(0.5, [], []), energy(0.5, [], [1.0]), energy(0.5, [1.0], [])
    (0.5, 0.75, 0.25)
    """
    e = sum(support) - sum(attack)
    if e > 0:
        return base + (1.0 - base) * (e * e / (1.0 + e * e))
    return base - base * (e * e / (1.0 + e * e))


def euler(base: float, attack: list[float], support: list[float]) -> float:
    """Amgoud and Ben-Naim's Euler-based update: 1 - (1 - w²) / (1 + w·e^E), E = Σ supporters - Σ attackers.

    >>> euler(0.5, [], []), round(euler(0.5, [], [1.0]), 6), euler(0.0, [], [5.0])
    (0.5, 0.682088, 0.0)
    """
    e = min(sum(support) - sum(attack), 700.0)  # e^700 is near the largest float; the strength is 1 by then
    return 1.0 - (1.0 - base * base) / (1.0 + base * math.exp(e))


class Model:
    """A map graph made ready for repeated evaluation: nodes numbered, parents listed, bases kept.

    An inference's base is the strength of its weakest premise (linked premises hold only
    jointly); undercuts attack it. A statement starts from its `base:` (default 0.5).
    """

    def __init__(self, graph: Graph, deadline: Deadline | None = None) -> None:
        deadline = deadline or Deadline()
        self.names = list(graph)
        index = {name: i for i, name in enumerate(self.names)}
        n = len(self.names)
        self.premises: list[list[int] | None] = [None] * n
        self.attackers: list[list[int]] = [[] for _ in range(n)]
        self.supporters: list[list[int]] = [[] for _ in range(n)]
        self.bases = [DEFAULT_BASE] * n
        for name, data in graph.nodes(data=True):
            deadline.tick()
            i = index[name]
            if data["kind"] == "inference":
                self.premises[i] = [index[p] for p in graph.predecessors(name)
                                    if graph.edges[p, name]["kind"] == "premise"]
                for target in graph.successors(name):
                    (self.attackers if data["relation"] == "attack" else self.supporters)[index[target]].append(i)
            elif data.get("base") is not None:
                self.bases[i] = data["base"]
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i in range(n):
            for parent in (self.premises[i] or []) + self.attackers[i] + self.supporters[i]:
                self.children[parent].append(i)
        acyclic = nx.is_directed_acyclic_graph(graph)
        self.order = [index[name] for name in nx.topological_sort(graph)] if acyclic else None

    def is_statement(self, i: int) -> bool:
        return self.premises[i] is None

    def update(self, method: str, i: int, value: list[float], bases: list[float]) -> float:
        """Node ``i``'s strength from its base and its parents' current strengths: f(σ)ᵢ."""
        premises = self.premises[i]
        base = bases[i] if premises is None else min([value[p] for p in premises], default=0.0)
        if method == "dfquad":
            # aggregate() inlined: this runs once per node per evaluation, and sensitivity runs many.
            attack = support = 1.0
            for a in self.attackers[i]:
                attack *= 1.0 - value[a]
            for s in self.supporters[i]:
                support *= 1.0 - value[s]
            return combine(base, 1.0 - attack, 1.0 - support)
        if method == "h-categoriser":
            # An attack-only semantics: supports do not count (docs/evaluation.md).
            return base / (1.0 + sum(value[a] for a in self.attackers[i]))
        attackers, supporters = [value[a] for a in self.attackers[i]], [value[s] for s in self.supporters[i]]
        if method == "euler-based":
            return euler(base, attackers, supporters)
        return energy(base, attackers, supporters)

    def evaluate(self, method: str, bases: list[float] | None = None, tolerance: float = TOLERANCE,
                 max_iterations: int = MAX_ITERATIONS,
                 deadline: Deadline | None = None) -> tuple[list[float], bool, int]:
        """Strengths of every node, whether they settled, and the iterations taken (1 on an acyclic
        graph). Where they did not settle the values are the last iterate: use ``settle`` for
        anything shown to a user. Past ``deadline``, Timeout."""
        values, residual, iterations, _ = self._run(method, bases, tolerance, max_iterations, deadline or Deadline())
        return values, max(residual, default=0.0) <= tolerance, iterations

    def settle(self, method: str, tolerance: float = TOLERANCE, max_iterations: int = MAX_ITERATIONS,
               deadline: Deadline | None = None) -> Strengths:
        """The strengths to report: None for every node that did not settle and every node downstream of one."""
        values, residual, iterations, dynamics = self._run(method, None, tolerance, max_iterations,
                                                           deadline or Deadline())
        moving = [i for i, r in enumerate(residual) if r > tolerance]
        unsettled = set(moving)
        while moving:  # what an unsettled node feeds is unsettled too
            for child in self.children[moving.pop()]:
                if child not in unsettled:
                    unsettled.add(child)
                    moving.append(child)
        shown = {name: None if i in unsettled else values[i] for i, name in enumerate(self.names)}
        return Strengths(shown, not unsettled, iterations, dynamics)

    def _run(self, method: str, bases: list[float] | None, tolerance: float, max_iterations: int,
             deadline: Deadline) -> tuple[list[float], list[float], int, str]:
        """(values, per-node residual |f(σ) - σ|, iterations, dynamics)."""
        if method not in METHODS:
            raise ValueError(f"unknown gradual semantics {method!r}; available: {', '.join(METHODS)}")
        bases = self.bases if bases is None else bases
        value = list(bases)
        if self.order is not None:
            for i in self.order:
                deadline.tick()
                value[i] = self.update(method, i, value, bases)
            return value, [0.0] * len(value), 1, "acyclic"

        def slope(state: list[float]) -> list[float]:
            return _sweep(lambda i: self.update(method, i, state, bases) - state[i], len(state), deadline)

        dynamics = "iterated" if method == "h-categoriser" else "continuous"
        step = STEP
        change = slope(value)
        for iteration in range(1, max_iterations + 1):
            if max(map(abs, change), default=0.0) <= tolerance:
                return value, [abs(d) for d in change], iteration, dynamics
            if dynamics == "iterated":
                value = [v + d for v, d in zip(value, change, strict=True)]
            else:
                while True:
                    new = _runge_kutta(slope, value, change, step)
                    if step <= MIN_STEP or all(-OVERSHOOT <= v <= 1 + OVERSHOOT for v in new):
                        break
                    step /= 2  # too long a step for this system: it overshoots far out of [0, 1]
                # The flow stays in [0, 1]; what the integration puts just outside (near an equilibrium
                # on the boundary) is its error, put back.
                value = [min(1.0, max(0.0, v)) for v in new]
            change = slope(value)
        return value, [abs(d) for d in change], max_iterations, dynamics


def _runge_kutta(slope: Callable[[list[float]], list[float]], value: list[float], k1: list[float],
                 step: float) -> list[float]:
    k2 = slope([v + step / 2 * d for v, d in zip(value, k1, strict=True)])
    k3 = slope([v + step / 2 * d for v, d in zip(value, k2, strict=True)])
    k4 = slope([v + step * d for v, d in zip(value, k3, strict=True)])
    return [v + step / 6 * (a + 2 * b + 2 * c + d) for v, a, b, c, d in zip(value, k1, k2, k3, k4, strict=True)]


def _sweep(compute: Callable[[int], float], n: int, deadline: Deadline) -> list[float]:
    """``[compute(i) for i in range(n)]``, looking at the deadline every BLOCK nodes."""
    result: list[float] = []
    for start in range(0, n, BLOCK):
        deadline.check()
        result += [compute(i) for i in range(start, min(n, start + BLOCK))]
    return result


def strengths(graph: Graph, method: str = "dfquad", tolerance: float = TOLERANCE,
              max_iterations: int = MAX_ITERATIONS, deadline: Deadline | None = None) -> Strengths:
    """Strengths of the statements and inferences of a map graph under ``method`` (None where unsettled)."""
    return Model(graph, deadline).settle(method, tolerance, max_iterations, deadline)
