"""Complete, preferred, stable, semi-stable, stage and ideal semantics: SAT labellings solved with Glucose (python-sat).

Each semantics is a kind of labelling (encoding.py), possibly made maximal:

- complete and stable: complete labellings, and stable ones (no UNDEC);
- preferred: complete labellings with a maximal IN set, grown by repeated "strictly larger" calls
  (as in Cerutty et al.'s ArgSemSAT);
- semi-stable: complete labellings with a maximal range (IN ∪ OUT; Caminada 2006);
- stage: conflict-free labellings with a maximal range (Verheij 1996);
- ideal: the one extension of ideal.py, from credulous acceptance.

Queries for maximal extensions are counter-example searches (search.py). The grounded labelling,
computed in linear time first, is fixed as unit clauses for the complete-based semantics, which
removes most of a sparse framework, and settles some questions with no search at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from argmap.semantics.deadline import Deadline, Timeout
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import IN, OUT, UNDEC, grounded
from argmap.semantics.search import Search

__all__ = ["SEMANTICS", "Acceptance", "Reasoner", "SolverTimeout"]

SEMANTICS = ("complete", "preferred", "stable", "semi-stable", "stage", "ideal")

SolverTimeout = Timeout  # the name callers knew when only the SAT calls were timed


@dataclass(frozen=True)
class Acceptance:
    """Per argument: in some extension (credulous) and in every extension (sceptical).

    With no extension at all (stable semantics on some frameworks), nothing is credulously
    accepted and everything is sceptically accepted, vacuously; ``exists`` tells that case apart.
    """

    credulous: list[bool]
    sceptical: list[bool]
    exists: bool


class Reasoner(Search):
    """Answers for one framework under one of the semantics in SEMANTICS."""

    def __init__(self, framework: Framework, semantics: str, timeout: float | Deadline | None = None, *,
                 labels: list[str] | None = None) -> None:
        """``timeout``: seconds from now, or a Deadline shared with the rest of the evaluation; the
        encoding and every SAT call stop there with Timeout. ``labels``: the grounded labelling, when
        it is known already."""
        if semantics not in SEMANTICS:
            raise ValueError(f"unknown semantics {semantics!r}; available: {', '.join(SEMANTICS)}")
        deadline = Deadline.of(timeout)
        super().__init__(framework, semantics, grounded(framework, deadline) if labels is None else labels, deadline)
        self._ideal: list[int] | None = None
        self._delegate: Reasoner | bool | None = None  # see _stable


    def _decided_by_grounded(self, a: int) -> str | None:
        """IN or OUT when grounded semantics settles ``a`` for this semantics: every extension of the
        complete-based semantics (all but stage) contains the grounded extension and nothing it
        attacks, so an argument IN there is sceptically accepted and one OUT is not credulously
        accepted, even on a framework too hard to search (with no stable extension, "every stable
        extension" holds vacuously, as ICCMA counts it)."""
        if self.semantics == "stage" or self.grounded[a] == UNDEC:
            return None
        return self.grounded[a]

    def ideal(self) -> list[int]:
        """The ideal extension (computed once)."""
        if self._ideal is None:
            from argmap.semantics.ideal import ideal_extension

            complete = Reasoner(self.framework, "complete", self.deadline, labels=self.grounded)
            credulous = complete.acceptance().credulous
            self._ideal = ideal_extension(self.framework, credulous, self.deadline)
        return self._ideal

    def _stable(self) -> Reasoner | None:
        """For semi-stable and stage semantics on a framework that has a stable extension, a stable
        Reasoner: the semi-stable and stage extensions are then exactly the stable ones (Caminada 2006,
        Verheij 1996), which one SAT call finds and a far smaller search answers for."""
        if not self.ranged:
            return None
        if self._delegate is None:
            stable = Reasoner(self.framework, "stable", self.deadline, labels=self.grounded)
            self._delegate = stable if stable.one() is not None else False
        return self._delegate if isinstance(self._delegate, Reasoner) else None

    def is_extension(self, extension: Iterable[int]) -> bool:
        """Is ``extension`` (argument positions) an extension? One or two SAT calls: a labelling with exactly
        these arguments IN, then none larger (preferred) or with a larger range (semi-stable, stage)."""
        if stable := self._stable():
            return stable.is_extension(extension)
        members = set(extension)
        if self.semantics == "ideal":
            return members == set(self.ideal())
        fixed = [self._in(a) if a in members else -self._in(a) for a in range(self.n)]
        with self._solver() as solver:
            model = self._model(solver, (), fixed)
            if model is None:
                return False
            if self.semantics == "preferred":
                larger = self._outside(sorted(members))
                return not larger or self._model(solver, larger, [self._in(a) for a in members]) is None
            if self.ranged:
                larger = self._undecided(model)
                return not larger or self._model(solver, larger, self._decided(model)) is None
            return True

    def one(self) -> list[int] | None:
        """One extension (the grounded one for complete semantics), or None when there is none."""
        if self.semantics == "complete":
            return [a for a, label in enumerate(self.grounded) if label == IN]
        if self.semantics == "ideal":
            return self.ideal()
        if stable := self._stable():
            return stable.one()
        with self._solver() as solver:
            model = self._find(solver)
            return None if model is None else self._extension(model)

    def credulous(self, a: int) -> tuple[bool, list[int] | None]:
        """Is ``a`` in some extension? With a witness extension when it is.

        Credulous acceptance is the same under complete and preferred semantics: every complete
        extension is contained in a preferred one. Where grounded semantics decides ``a``, no search
        is needed (see ``_decided_by_grounded``).
        """
        decided = self._decided_by_grounded(a)
        if decided == OUT:
            return False, None
        if decided == IN and self.semantics == "complete":
            return True, [b for b, label in enumerate(self.grounded) if label == IN]
        if self.semantics == "ideal":
            extension = self.ideal()
            return (True, extension) if a in extension else (False, None)
        if stable := self._stable():
            return stable.credulous(a)
        with self._solver() as solver:
            if self.semantics in ("complete", "preferred"):
                model = self._model(solver, [self._in(a)])
                if model is not None and self.semantics == "preferred":
                    model = self._maximise(solver, model)
            else:
                model = self._find(solver, [self._in(a)])
            return (False, None) if model is None else (True, self._extension(model))

    def sceptical(self, a: int) -> tuple[bool, list[int] | None]:
        """Is ``a`` in every extension? With a counter-example extension when it is not. An argument
        grounded semantics accepts is in every extension, without a search (see ``_decided_by_grounded``)."""
        if self._decided_by_grounded(a) == IN:
            return True, None
        if self.semantics == "complete":
            # The grounded extension is the least complete extension.
            return (True, None) if self.grounded[a] == IN else (False, self.one())
        if self.semantics == "ideal":
            extension = self.ideal()
            return (True, None) if a in extension else (False, extension)
        if stable := self._stable():
            return stable.sceptical(a)
        with self._solver() as solver:
            model = self._find(solver, [-self._in(a)])
            return (True, None) if model is None else (False, self._extension(model))

    def extensions(self) -> Iterator[list[int]]:
        """Every extension, each once (there can be exponentially many: take what you need)."""
        if self.semantics == "ideal":
            yield self.ideal()
            return
        if stable := self._stable():
            yield from stable.extensions()
            return
        with self._solver() as solver:
            while (model := self._find(solver)) is not None:
                if not self.ranged:
                    found = self._extension(model)
                    yield found
                    outside = self._outside(found)
                    if self.semantics == "complete":
                        # Complete extensions nest, so block exactly this one.
                        solver.add_clause([-self._in(b) for b in found] + outside)
                    elif not outside:
                        return
                    else:
                        # Preferred and stable extensions are incomparable: block this one and its subsets.
                        solver.add_clause(outside)
                    continue
                yield from self._same_range(solver, model)
                block = self._undecided(model)
                if not block:
                    return
                solver.add_clause(block)  # every extension of this range is listed; none within it is maximal

    def acceptance(self) -> Acceptance:
        """Credulous and sceptical acceptance of every argument, with few solver calls: each call
        finds an extension that adds to what is known (credulous), or removes from the running
        intersection (sceptical)."""
        n = self.n
        if self.semantics == "ideal":
            members = set(self.ideal())
            inside = [a in members for a in range(n)]
            return Acceptance(inside, list(inside), True)
        if stable := self._stable():
            return stable.acceptance()
        credulous = [label == IN and self.semantics != "stage" for label in self.grounded]
        with self._solver() as solver:
            model = self._find(solver)
            if model is None:
                return Acceptance([False] * n, [True] * n, False)
            while model is not None:
                for a in self._extension(model):
                    credulous[a] = True
                unknown = [self._in(a) for a in self.open if not credulous[a]]
                if not unknown:
                    break
                model = self._find(solver, unknown)
        return Acceptance(credulous, self._sceptical_all(), True)

    def _sceptical_all(self) -> list[bool]:
        n = self.n
        if self.semantics == "complete":
            return [label == IN for label in self.grounded]
        with self._solver() as solver:
            model = self._find(solver)
            running = set(self._extension(model)) if model is not None else set()
            while running:
                # An extension that leaves out at least one argument of the running intersection.
                model = self._find(solver, [-self._in(a) for a in sorted(running)])
                if model is None:
                    break
                extension = self._extension(model)
                if self.semantics == "preferred" and (outside := self._outside(extension)):
                    # Preferred extensions are incomparable: rule out this one and everything below it.
                    solver.add_clause(outside)
                running &= set(extension)
        return [a in running for a in range(n)]
