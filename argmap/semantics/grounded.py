"""Grounded semantics in linear time: the least complete labelling, by propagation from unattacked arguments."""

from __future__ import annotations

from argmap.semantics.deadline import Deadline
from argmap.semantics.framework import Framework

__all__ = ["IN", "OUT", "UNDEC", "grounded"]

IN, OUT, UNDEC = "IN", "OUT", "UNDEC"
CHUNK = 1 << 16


def grounded(framework: Framework, deadline: Deadline | None = None) -> list[str]:
    """The grounded labelling: IN when every attacker is OUT, OUT when some attacker is IN,
    UNDEC otherwise; computed with a queue, each attack looked at a bounded number of times.
    Past ``deadline``, Timeout.

    >>> grounded(Framework(("a", "b", "c"), ((0, 1), (1, 2))))
    ['IN', 'OUT', 'IN']
    >>> grounded(Framework(("a", "b"), ((0, 1), (1, 0))))
    ['UNDEC', 'UNDEC']
    """
    deadline = deadline or Deadline()
    n = len(framework)
    targets: list[list[int]] = [[] for _ in range(n)]
    live = [0] * n  # attackers not yet labelled OUT
    attacks = framework.attacks
    for start in range(0, len(attacks), CHUNK):  # the clock is read once a chunk: a call per attack costs
        deadline.check()
        for attacker, target in attacks[start:start + CHUNK]:
            targets[attacker].append(target)
            live[target] += 1
    label = [UNDEC] * n
    queue = [a for a in range(n) if live[a] == 0]
    for a in queue:
        label[a] = IN
    position = 0
    while position < len(queue):
        accepted = queue[position]
        position += 1
        deadline.tick()
        for beaten in targets[accepted]:
            if label[beaten] != UNDEC:
                continue
            label[beaten] = OUT
            for freed in targets[beaten]:
                live[freed] -= 1
                if live[freed] == 0 and label[freed] == UNDEC:
                    label[freed] = IN
                    queue.append(freed)
    return label
