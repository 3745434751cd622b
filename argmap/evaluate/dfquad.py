"""DF-QuAD gradual strengths (Rago, Toni, Aurisicchio and Baroni, KR 2016) on a map's graph."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

__all__ = ["DEFAULT_BASE", "Strengths", "aggregate", "combine", "dfquad"]

DEFAULT_BASE = 0.5
"""The base score of a statement without `base:`: no prior confidence either way."""


@dataclass(frozen=True)
class Strengths:
    """Final strength of every node, and whether the iteration reached a fixpoint."""

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


def dfquad(graph: nx.DiGraph, tolerance: float = 1e-9, max_iterations: int = 1000) -> Strengths:
    """Strengths of statements and inferences.

    A statement starts from its `base:` (default 0.5) and is combined with the aggregated strengths
    of the inferences that attack and support it. An inference's own base is the strength of its
    weakest premise (linked premises hold only jointly), combined with the undercuts against it.
    On acyclic maps one pass in topological order is exact; cyclic maps are iterated
    simultaneously until no value moves by more than ``tolerance``, at most ``max_iterations`` times.
    """
    nodes = list(graph)
    premises = {n: [p for p in graph.predecessors(n) if graph.edges[p, n]["kind"] == "premise"]
                for n in nodes if graph.nodes[n]["kind"] == "inference"}
    attackers = {n: [] for n in nodes}
    supporters = {n: [] for n in nodes}
    for n in premises:
        for target in graph.successors(n):
            (attackers if graph.nodes[n]["relation"] == "attack" else supporters)[target].append(n)

    def update(n: str, value: dict[str, float]) -> float:
        if n in premises:
            base = min((value[p] for p in premises[n]), default=0.0)
        else:
            base = graph.nodes[n].get("base")
            base = DEFAULT_BASE if base is None else base
        return combine(base, aggregate([value[a] for a in attackers[n]]), aggregate([value[s] for s in supporters[n]]))

    value = {n: DEFAULT_BASE for n in nodes}
    if nx.is_directed_acyclic_graph(graph):
        for n in nx.topological_sort(graph):
            value[n] = update(n, value)
        return Strengths({n: value[n] for n in nodes}, True, 1)
    for iteration in range(1, max_iterations + 1):
        new = {n: update(n, value) for n in nodes}
        moved = max((abs(new[n] - value[n]) for n in nodes), default=0.0)
        value = new
        if moved <= tolerance:
            return Strengths(value, True, iteration)
    return Strengths(value, False, max_iterations)
