"""Why each argument has its label or acceptance, in the framework's own arguments (positions).

- grounded: an OUT argument is defeated by its IN attackers; an IN one is unattacked, or each of its
  attackers is OUT, defeated by IN attackers of its own (its defenders); an UNDEC one has an UNDEC
  attacker and no IN one, and following undecided attackers back leads round a cycle of attacks;
- the other extension semantics: an extension holding the argument (a witness of credulous
  acceptance) and one leaving it out (a counter-example to sceptical acceptance), as they exist.

Every reason here can be checked against the framework alone (tests/evaluate/test_why.py does, and
checks the witnesses against every extension found by brute force).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from argmap.semantics.framework import Framework
from argmap.semantics.grounded import IN, OUT, UNDEC

__all__ = ["Why", "grounded_why", "acceptance_why"]


@dataclass(frozen=True)
class Why:
    """The reason for one argument's label or acceptance.

    ``kind``: 'unattacked', 'defended', 'defeated', 'cycle' (grounded labels); 'everywhere', 'somewhere',
    'nowhere', 'no-extension' (acceptance). ``attackers`` are the IN attackers (defeated) or every attacker
    (defended), ``defenders`` the IN attackers of each of those (defended); ``cycle`` runs in the direction of
    attack (each attacks the next, the last the first) and ``into`` says whether the argument is on it
    (otherwise an attacker of it leads there); ``witness`` is an extension holding the argument,
    ``counter`` one without it.
    """

    kind: str
    attackers: tuple[int, ...] = ()
    defenders: tuple[tuple[int, ...], ...] = ()
    cycle: tuple[int, ...] = ()
    into: bool = True
    witness: tuple[int, ...] | None = None
    counter: tuple[int, ...] | None = None


def grounded_why(framework: Framework, labels: Sequence[str], arguments: Iterable[int]) -> dict[int, Why]:
    """The reason for the grounded label of each of ``arguments``.

    >>> f = Framework(("a", "b", "c", "d", "e"), ((0, 1), (1, 2), (3, 4), (4, 3)))
    >>> why = grounded_why(f, ["IN", "OUT", "IN", "UNDEC", "UNDEC"], range(5))
    >>> why[1].kind, why[1].attackers, why[2].kind, why[2].defenders, why[3].cycle
    ('defeated', (0,), 'defended', ((0,),), (4, 3))
    """
    attackers = framework.attackers()
    found: dict[int, Why] = {}
    for a in arguments:
        mine = attackers[a]
        if labels[a] == OUT:
            found[a] = Why("defeated", attackers=tuple(b for b in mine if labels[b] == IN))
        elif labels[a] == IN:
            if not mine:
                found[a] = Why("unattacked")
            else:
                found[a] = Why("defended", attackers=tuple(mine),
                               defenders=tuple(tuple(c for c in attackers[b] if labels[c] == IN) for b in mine))
        else:
            cycle, into = _cycle(a, attackers, labels)
            found[a] = Why("cycle", attackers=tuple(b for b in mine if labels[b] == UNDEC), cycle=cycle, into=into)
    return found


def _cycle(start: int, attackers: list[list[int]], labels: Sequence[str]) -> tuple[tuple[int, ...], bool]:
    """Follow undecided attackers back from ``start`` until one comes round again: the cycle, in attack order.

    Every UNDEC argument has an UNDEC attacker (with none, all its attackers would be OUT and it IN), so the
    walk never stops short in a finite framework."""
    path: list[int] = [start]
    seen = {start: 0}
    while True:
        here = path[-1]
        step = next(b for b in attackers[here] if labels[b] == UNDEC)
        if step in seen:
            loop = path[seen[step]:]  # each is attacked by the next one
            return tuple(reversed(loop)), seen[step] == 0
        seen[step] = len(path)
        path.append(step)


def acceptance_why(credulous: Sequence[bool], sceptical: Sequence[bool], exists: bool,
                   extensions: Sequence[Iterable[int]], arguments: Iterable[int],
                   search: object = None) -> dict[int, Why]:
    """The reason for the acceptance of each of ``arguments``: a witness extension and a counter-example,
    from the ``extensions`` listed, or (when those were cut short) from ``search``, a Reasoner."""
    listed = [frozenset(e) for e in extensions]
    found: dict[int, Why] = {}
    for a in arguments:
        if not exists:
            found[a] = Why("no-extension")
            continue
        witness = next((e for e in listed if a in e), None) if credulous[a] else None
        counter = next((e for e in listed if a not in e), None) if not sceptical[a] else None
        if credulous[a] and witness is None and search is not None:
            witness = frozenset(search.credulous(a)[1] or ())  # type: ignore[attr-defined]
        if not sceptical[a] and counter is None and search is not None:
            counter = frozenset(search.sceptical(a)[1] or ())  # type: ignore[attr-defined]
        kind = "everywhere" if credulous[a] and sceptical[a] else "somewhere" if credulous[a] else "nowhere"
        found[a] = Why(kind, witness=None if witness is None else tuple(sorted(witness)),
                       counter=None if counter is None else tuple(sorted(counter)))
    return found
