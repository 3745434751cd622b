"""The ideal extension (Dung, Mancarella and Toni 2007): the largest admissible set inside every preferred extension.

Dunne (*The computational complexity of ideal semantics*, AIJ 173, 2009) characterises it with
credulous acceptance alone: it is the largest admissible subset of the credulously accepted
arguments none of whose attackers is credulously accepted. So one pass of credulous acceptance
(SAT calls, argmap.semantics.extensions) and one linear pass here find it, where going through
every preferred extension would be Π₂ᵖ-hard.
"""

from __future__ import annotations

from argmap.semantics.deadline import Deadline
from argmap.semantics.framework import Framework

__all__ = ["ideal_extension"]


def ideal_extension(framework: Framework, credulous: list[bool], deadline: Deadline | None = None) -> list[int]:
    """The ideal extension, given which arguments are credulously accepted (under preferred or,
    equivalently, complete semantics): the candidates are credulous arguments with no credulous
    attacker (a conflict-free set); those not defended by the candidates are removed until every
    one left is. A worklist keeps it linear: ``guards[b]`` counts the candidates attacking ``b``.

    >>> ideal_extension(Framework(("a", "b", "c"), ((0, 1), (1, 0), (0, 2), (1, 2))), [True, True, False])
    []
    >>> ideal_extension(Framework(("a", "b", "c"), ((0, 1), (1, 2))), [True, False, True])
    [0, 2]
    """
    deadline = deadline or Deadline()
    n = len(framework)
    attackers = framework.attackers()
    targets: list[list[int]] = [[] for _ in range(n)]
    for attacker, target in framework.attacks:
        targets[attacker].append(target)
    kept = [credulous[a] and not any(credulous[b] for b in attackers[a]) for a in range(n)]
    guards = [sum(1 for b in attackers[a] if kept[b]) for a in range(n)]
    queue = [a for a in range(n) if kept[a] and any(guards[b] == 0 for b in attackers[a])]
    while queue:
        deadline.tick()
        a = queue.pop()
        if not kept[a]:
            continue
        kept[a] = False
        for target in targets[a]:
            guards[target] -= 1
            if guards[target] == 0:  # target now attacks undefended whatever kept argument it attacks
                queue += [c for c in targets[target] if kept[c]]
    return [a for a in range(n) if kept[a]]
