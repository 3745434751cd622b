"""Labellings as clauses: complete, stable and conflict-free labellings, and the range of a labelling.

Argument ``a`` of ``n`` has the variables in(a) = a + 1 and out(a) = n + a + 1; with ``ranged``,
also range(a) = 2n + a + 1, true exactly when a is IN or OUT (in the extension or attacked by it).
"""

from __future__ import annotations

from argmap.semantics.deadline import Deadline
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import IN, OUT

__all__ = ["BASES", "labelling_clauses"]

BASES = ("complete", "stable", "conflict-free")


def labelling_clauses(framework: Framework, fixed: list[str] | None, base: str, ranged: bool,
                      deadline: Deadline) -> list[list[int]]:
    """Clauses whose models are the ``base`` labellings agreeing with ``fixed`` (the grounded labelling,
    which every complete labelling agrees with where it is IN or OUT; None for conflict-free ones,
    which need not): at most 6 + 2 x (attackers) clauses per argument, so linear in the framework.

    Complete (Caminada's conditions): IN exactly when every attacker is OUT, OUT exactly when some
    attacker is IN, never both; stable adds IN or OUT. Conflict-free: no attacker of an IN argument
    is IN, and OUT exactly when some attacker is IN.
    """
    if base not in BASES:
        raise ValueError(f"unknown labelling {base!r}; available: {', '.join(BASES)}")
    n = len(framework)
    attackers = framework.attackers()
    clauses: list[list[int]] = []
    for a in range(n):
        deadline.tick(256)
        in_a, out_a, range_a = a + 1, n + a + 1, 2 * n + a + 1
        if ranged:
            clauses += [[-range_a, in_a, out_a], [range_a, -in_a], [range_a, -out_a]]
        label = fixed[a] if fixed is not None else None
        if label == IN:
            clauses += [[in_a], [-out_a]]
            continue
        if label == OUT:
            clauses += [[-in_a], [out_a]]
            continue
        clauses.append([-out_a] + [b + 1 for b in attackers[a]])        # OUT -> some attacker IN
        for b in attackers[a]:
            clauses.append([-(b + 1), out_a])                           # attacker IN -> OUT
        if base == "conflict-free":
            clauses += [[-in_a, -(b + 1)] for b in attackers[a]]        # no attacker of an IN argument is IN
            continue
        clauses.append([-in_a, -out_a])
        clauses.append([in_a] + [-(n + b + 1) for b in attackers[a]])  # every attacker OUT -> IN
        for b in attackers[a]:
            clauses.append([-in_a, n + b + 1])                          # IN -> attacker OUT
        if base == "stable":
            clauses.append([in_a, out_a])
    return clauses
