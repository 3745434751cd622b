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
    """Every complete, preferred and stable extension, by trying every subset (Dung 1995)."""
    n = len(framework)
    attackers = framework.attackers()
    complete, stable = [], []
    for size in range(n + 1):
        for chosen in itertools.combinations(range(n), size):
            s = frozenset(chosen)
            if any(a in s for b in s for a in attackers[b]):
                continue  # not conflict-free
            defended = {b for b in range(n) if all(any(c in s for c in attackers[a]) for a in attackers[b])}
            if defended == s:
                complete.append(s)
            if all(any(a in s for a in attackers[b]) for b in range(n) if b not in s):
                stable.append(s)
    preferred = [s for s in complete if not any(s < t for t in complete)]
    return {"complete": complete, "preferred": preferred, "stable": stable}
