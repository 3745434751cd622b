"""A map's graph as an abstract framework: inferences are arguments that need their premises.

The translation (docs/evaluation.md):

- every statement and every inference of the map is an argument of the framework;
- an attack inference attacks its target: a statement (a rebuttal) or an inference (an undercut);
- an inference *necessarily* needs each of its premises, so whatever attacks a premise also
  attacks the inference (a secondary attack, in Cayrol and Lagasquie-Schiex's terms, under
  Nouioua and Risch's necessary support): an attack whose premise falls falls with it;
- support is evidential, not deductive: a support inference attacks nothing, and a claim whose
  reasons fail is not thereby defeated; supports count in gradual strengths, not in extensions.
"""

from __future__ import annotations

import networkx as nx

from argmap.semantics.framework import Framework

__all__ = ["framework_from_graph"]


def framework_from_graph(graph: nx.DiGraph) -> Framework:
    """The abstract framework of a map graph (argmap.graph.build), arguments named by map ids.

    >>> g = nx.DiGraph()
    >>> g.add_nodes_from(["t", "o", "r"], kind="statement")
    >>> g.add_nodes_from(["o--attack--t", "r--attack--o"], kind="inference", relation="attack")
    >>> g.add_edges_from([("o", "o--attack--t"), ("r", "r--attack--o")], kind="premise")
    >>> g.add_edges_from([("o--attack--t", "t"), ("r--attack--o", "o")], kind="conclusion")
    >>> f = framework_from_graph(g)
    >>> sorted((f.names[a], f.names[b]) for a, b in f.attacks)
    [('o--attack--t', 't'), ('r--attack--o', 'o'), ('r--attack--o', 'o--attack--t')]
    """
    names = tuple(graph)
    index = {name: position for position, name in enumerate(names)}
    direct: dict[str, list[str]] = {name: [] for name in names}  # target -> attack inferences on it
    for node, data in graph.nodes(data=True):
        if data["kind"] == "inference" and data["relation"] == "attack":
            for target in graph.successors(node):
                direct[target].append(node)
    attacks: dict[tuple[int, int], None] = {}
    for node, data in graph.nodes(data=True):
        for attacker in direct[node]:
            attacks[(index[attacker], index[node])] = None
        if data["kind"] == "inference":
            for premise in graph.predecessors(node):
                if graph.edges[premise, node]["kind"] == "premise":
                    for attacker in direct[premise]:
                        attacks[(index[attacker], index[node])] = None
    return Framework(names, tuple(attacks))
