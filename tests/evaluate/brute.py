"""Small frameworks for property tests, and their extensions found by trying every subset."""

from __future__ import annotations

import itertools

from hypothesis import strategies as st

from argmap.semantics.framework import Framework

__all__ = ["frameworks", "brute_force"]

frameworks = st.integers(0, 7).flatmap(lambda n: st.builds(
    lambda attacks: Framework(tuple(str(i) for i in range(n)), tuple(sorted(set(attacks)))),
    st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n * n) if n else st.just([]),
))


def brute_force(framework: Framework) -> dict[str, list[frozenset[int]]]:
    """Every extension under each semantics, from the definitions, by trying every subset: complete,
    preferred and stable (Dung 1995), grounded (the least complete extension), semi-stable (complete
    with a maximal range, Caminada 2006), stage (conflict-free with a maximal range, Verheij 1996) and
    ideal (the largest admissible set inside every preferred extension, Dung, Mancarella and Toni 2007)."""
    n = len(framework)
    attackers = framework.attackers()
    conflict_free, admissible, complete, stable = [], [], [], []
    for size in range(n + 1):
        for chosen in itertools.combinations(range(n), size):
            s = frozenset(chosen)
            if any(a in s for b in s for a in attackers[b]):
                continue  # not conflict-free
            conflict_free.append(s)
            defended = {b for b in range(n) if all(any(c in s for c in attackers[a]) for a in attackers[b])}
            if s <= defended:
                admissible.append(s)
            if defended == s:
                complete.append(s)
            if all(any(a in s for a in attackers[b]) for b in range(n) if b not in s):
                stable.append(s)

    def reach(s: frozenset[int]) -> frozenset[int]:
        return s | {b for b in range(n) if any(a in s for a in attackers[b])}

    def range_maximal(sets: list[frozenset[int]]) -> list[frozenset[int]]:
        return [s for s in sets if not any(reach(s) < reach(t) for t in sets)]

    preferred = [s for s in complete if not any(s < t for t in complete)]
    inside = frozenset.intersection(*preferred)
    ideal = max((s for s in admissible if s <= inside), key=len)  # admissible sets within it are closed under union
    return {"complete": complete, "preferred": preferred, "stable": stable,
            "grounded": [frozenset.intersection(*complete)], "semi-stable": range_maximal(complete),
            "stage": range_maximal(conflict_free), "ideal": [ideal]}
