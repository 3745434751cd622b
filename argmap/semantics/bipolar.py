"""A map's graph as an abstract framework: inferences are arguments that need their premises.

The translation (docs/evaluation.md):

- every statement and every inference of the map is an argument of the framework;
- an attack inference attacks its target: a statement (a rebuttal) or an inference (an undercut);
- an inference *necessarily* needs each of its premises, so whatever attacks a premise also
  attacks the inference (a secondary attack, in Cayrol and Lagasquie-Schiex's terms, under
  Nouioua and Risch's necessary support): an attack whose premise falls falls with it;
- support is evidential, not deductive: a support inference attacks nothing, and a claim whose
  reasons fail is not thereby defeated; supports count in gradual strengths, not in extensions.

Secondary attacks written out one by one number (attackers of a premise) x (inferences that need
it): cubic in the map's size when every statement attacks every other. So a premise with two or
more attackers gets one auxiliary argument ``p--defeated``, attacked by ``p`` alone and attacking
every inference that needs ``p``: it is IN exactly when ``p`` is OUT (some attacker of ``p`` is IN),
OUT exactly when ``p`` is IN, UNDEC otherwise, so every complete labelling, and with it every
semantics, is the same on the map's own arguments. The framework has at most (nodes + statements)
arguments and (edges + statements) attacks.
"""

from __future__ import annotations

from argmap.graph import Graph
from argmap.semantics.deadline import Deadline
from argmap.semantics.framework import Framework

__all__ = ["DEFEATED", "framework_from_graph"]

DEFEATED = "--defeated"
"""Suffix of a premise's auxiliary argument; map ids hold no double hyphen, so it names no node."""


def framework_from_graph(graph: Graph, deadline: Deadline | None = None, helpers: bool = True) -> Framework:
    """The abstract framework of a map graph (argmap.graph.build), arguments named by map ids, the
    auxiliary ``p--defeated`` arguments after them. Past ``deadline``, Timeout.

    ``helpers=False`` writes every secondary attack out instead: stage semantics needs it, since a
    conflict-free set may hold ``p--defeated`` without any attacker of ``p`` (the helper keeps
    complete labellings, not conflict-free ones).

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_nodes_from(["t", "o", "r"], kind="statement")
    >>> g.add_nodes_from(["o--attack--t", "r--attack--o"], kind="inference", relation="attack")
    >>> g.add_edges_from([("o", "o--attack--t"), ("r", "r--attack--o")], kind="premise")
    >>> g.add_edges_from([("o--attack--t", "t"), ("r--attack--o", "o")], kind="conclusion")
    >>> f = framework_from_graph(g)
    >>> sorted((f.names[a], f.names[b]) for a, b in f.attacks)
    [('o--attack--t', 't'), ('r--attack--o', 'o'), ('r--attack--o', 'o--attack--t')]
    """
    deadline = deadline or Deadline()
    names = list(graph)
    index = {name: position for position, name in enumerate(names)}
    direct: dict[str, list[int]] = {}  # target -> the attack inferences on it
    for node, data in graph.nodes(data=True):
        if data["kind"] == "inference" and data["relation"] == "attack":
            for target in graph.successors(node):
                direct.setdefault(target, []).append(index[node])
    attacks: dict[tuple[int, int], None] = {}
    defeated: dict[str, int] = {}  # premise -> its auxiliary argument
    for node, data in graph.nodes(data=True):
        deadline.tick()
        for attacker in direct.get(node, ()):
            attacks[(attacker, index[node])] = None
        if data["kind"] != "inference":
            continue
        for premise in graph.predecessors(node):
            attackers = direct.get(premise, ())
            if not attackers or graph.edges[premise, node]["kind"] != "premise":
                continue
            if len(attackers) == 1 or not helpers:
                for attacker in attackers:
                    attacks[(attacker, index[node])] = None
                continue
            if premise not in defeated:
                defeated[premise] = len(names)
                names.append(premise + DEFEATED)
                attacks[(index[premise], defeated[premise])] = None
            attacks[(defeated[premise], index[node])] = None
    return Framework(tuple(names), tuple(attacks), auxiliary=len(defeated))
