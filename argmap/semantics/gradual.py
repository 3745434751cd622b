"""Gradual strengths on a map's graph: DF-QuAD (Rago et al., KR 2016) and quadratic energy (Potyka, KR 2018)."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from argmap.semantics.deadline import Deadline

__all__ = ["DEFAULT_BASE", "METHODS", "Model", "Strengths", "aggregate", "combine", "energy", "strengths"]

DEFAULT_BASE = 0.5
"""The base score of a statement without `base:`: no prior confidence either way."""

METHODS = ("dfquad", "quadratic-energy")
BLOCK = 4096  # nodes updated between two looks at the deadline


@dataclass(frozen=True)
class Strengths:
    """Final strength of every node, and whether the computation reached a fixpoint."""

    values: dict[str, float]
    converged: bool
    iterations: int


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


class Model:
    """A map graph made ready for repeated evaluation: nodes numbered, parents listed, bases kept.

    An inference's base is the strength of its weakest premise (linked premises hold only
    jointly); undercuts attack it. A statement starts from its `base:` (default 0.5).
    """

    def __init__(self, graph: nx.DiGraph, deadline: Deadline | None = None) -> None:
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
                self.premises[i] = [index[p] for p in graph.predecessors(name) if graph.edges[p, name]["kind"] == "premise"]
                for target in graph.successors(name):
                    (self.attackers if data["relation"] == "attack" else self.supporters)[index[target]].append(i)
            elif data.get("base") is not None:
                self.bases[i] = data["base"]
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i in range(n):
            for parent in (self.premises[i] or []) + self.attackers[i] + self.supporters[i]:
                self.children[parent].append(i)
        self.order = [index[name] for name in nx.topological_sort(graph)] if nx.is_directed_acyclic_graph(graph) else None

    def is_statement(self, i: int) -> bool:
        return self.premises[i] is None

    def update(self, method: str, i: int, value: list[float], bases: list[float]) -> float:
        """Node ``i``'s strength from its base and its parents' current strengths."""
        premises = self.premises[i]
        base = bases[i] if premises is None else min([value[p] for p in premises]) if premises else 0.0
        if method == "dfquad":
            # aggregate() inlined: this runs once per node per evaluation, and sensitivity runs many.
            attack = support = 1.0
            for a in self.attackers[i]:
                attack *= 1.0 - value[a]
            for s in self.supporters[i]:
                support *= 1.0 - value[s]
            return combine(base, 1.0 - attack, 1.0 - support)
        return energy(base, [value[a] for a in self.attackers[i]], [value[s] for s in self.supporters[i]])

    def evaluate(self, method: str, bases: list[float] | None = None, tolerance: float = 1e-9,
                 max_iterations: int = 1000, deadline: Deadline | None = None) -> tuple[list[float], bool, int]:
        """Strengths of every node: exact in one topological pass on an acyclic map; on a cyclic map
        DF-QuAD is iterated simultaneously and quadratic energy follows its continuous dynamics
        (dσ/dt = f(σ) - σ, Runge-Kutta 4), until nothing moves by more than ``tolerance``, at most
        ``max_iterations`` steps. Past ``deadline``, Timeout."""
        if method not in METHODS:
            raise ValueError(f"unknown gradual semantics {method!r}; available: {', '.join(METHODS)}")
        deadline = deadline or Deadline()
        bases = self.bases if bases is None else bases
        value = list(bases)
        if self.order is not None:
            for i in self.order:
                deadline.tick()
                value[i] = self.update(method, i, value, bases)
            return value, True, 1
        for iteration in range(1, max_iterations + 1):
            if method == "dfquad":
                new = _sweep(lambda i, value=value: self.update(method, i, value, bases), len(value), deadline)
            else:
                new = self._runge_kutta(method, value, bases, 0.5, deadline)
            moved = max((abs(a - b) for a, b in zip(new, value)), default=0.0)
            value = new
            if moved <= tolerance:
                return value, True, iteration
        return value, False, max_iterations

    def _runge_kutta(self, method: str, value: list[float], bases: list[float], step: float,
                     deadline: Deadline) -> list[float]:
        def slope(state: list[float]) -> list[float]:
            return _sweep(lambda i: self.update(method, i, state, bases) - state[i], len(state), deadline)

        k1 = slope(value)
        k2 = slope([v + step / 2 * d for v, d in zip(value, k1)])
        k3 = slope([v + step / 2 * d for v, d in zip(value, k2)])
        k4 = slope([v + step * d for v, d in zip(value, k3)])
        return [v + step / 6 * (a + 2 * b + 2 * c + d) for v, a, b, c, d in zip(value, k1, k2, k3, k4)]


def _sweep(compute, n: int, deadline: Deadline) -> list[float]:
    """``[compute(i) for i in range(n)]``, looking at the deadline every BLOCK nodes."""
    result: list[float] = []
    for start in range(0, n, BLOCK):
        deadline.check()
        result += [compute(i) for i in range(start, min(n, start + BLOCK))]
    return result


def strengths(graph: nx.DiGraph, method: str = "dfquad", tolerance: float = 1e-9, max_iterations: int = 1000,
              deadline: Deadline | None = None) -> Strengths:
    """Final strengths of the statements and inferences of a map graph under ``method``."""
    model = Model(graph, deadline)
    values, converged, iterations = model.evaluate(method, tolerance=tolerance, max_iterations=max_iterations,
                                                   deadline=deadline)
    return Strengths(dict(zip(model.names, values)), converged, iterations)
