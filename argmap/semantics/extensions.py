"""Complete, preferred and stable semantics by a SAT labelling encoding, solved with Glucose (python-sat).

Each argument ``a`` has two variables, ``in(a)`` and ``out(a)``; an argument with neither is
undecided. The clauses say that a labelling is complete (Caminada's conditions):

- ``a`` is IN exactly when every attacker of ``a`` is OUT;
- ``a`` is OUT exactly when some attacker of ``a`` is IN;
- never both.

A stable labelling adds ``in(a) or out(a)`` for every ``a``. Preferred extensions are complete
extensions made maximal by repeated "strictly larger" calls (as in Cerutty et al.'s ArgSemSAT), and
sceptical preferred acceptance is answered by counter-example search over maximal extensions. The
grounded labelling, computed in linear time first, is fixed as unit clauses: every complete
labelling agrees with it where it is IN or OUT, which removes most of a sparse framework.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

from argmap.semantics.deadline import Deadline, Timeout
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import IN, OUT, grounded

__all__ = ["SEMANTICS", "Acceptance", "Reasoner", "SolverTimeout"]

SEMANTICS = ("complete", "preferred", "stable")
SOLVER = "glucose4"  # Glucose 4.1: incremental, with assumptions, and interruptible for the time limit
WAKE = 0.1  # seconds between looks at a running SAT call, so that Ctrl-C is never held up by it

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


class Reasoner:
    """Answers for one framework under one of complete, preferred or stable semantics."""

    def __init__(self, framework: Framework, semantics: str, timeout: float | Deadline | None = None) -> None:
        """``timeout``: seconds from now, or a Deadline shared with the rest of the evaluation; the
        encoding and every SAT call stop there with Timeout."""
        if semantics not in SEMANTICS:
            raise ValueError(f"unknown semantics {semantics!r}; available: {', '.join(SEMANTICS)}")
        self.framework = framework
        self.semantics = semantics
        self.n = n = len(framework)
        self.deadline = Deadline.of(timeout)
        self.grounded = grounded(framework, self.deadline)
        self.clauses = _labelling_clauses(framework, self.grounded, semantics == "stable", self.deadline)
        self.open = [a for a, label in enumerate(self.grounded) if label != OUT]  # may be in an extension
        self.top = 2 * n  # highest variable in use; activation literals come after

    # variables: in(a) = a + 1, out(a) = n + a + 1
    def _in(self, a: int) -> int:
        return a + 1

    def _solver(self):
        from pysat.solvers import Solver

        solver = Solver(name=SOLVER)
        try:
            for clause in self.clauses:
                self.deadline.tick(1024)
                solver.add_clause(clause)
        except BaseException:
            solver.delete()
            raise
        return solver

    def _solve(self, solver, assumptions: list[int] = ()) -> bool:
        """One SAT call, interrupted at the deadline (then Timeout).

        With a deadline, the call runs in a worker thread (Glucose releases the GIL) while this one
        waits: the main thread stays free to take Ctrl-C, which interrupts the call and goes on up.
        """
        assumptions = list(assumptions)
        if self.deadline.at is None:
            return solver.solve(assumptions=assumptions)  # python-sat handles Ctrl-C itself here
        self.deadline.check()
        solver.clear_interrupt()  # an interrupt that came just as the previous call ended
        outcome: list = []
        done = threading.Event()  # set by the worker as it leaves the solver (Thread.join can be fooled by Ctrl-C)

        def work() -> None:
            try:
                outcome.append(solver.solve_limited(assumptions=assumptions, expect_interrupt=True))
            except BaseException as error:  # handed to the waiting thread
                outcome.append(error)
            finally:
                done.set()

        threading.Thread(target=work, name="argmap-sat", daemon=True).start()
        try:
            while not done.is_set():
                remaining = self.deadline.remaining()
                if remaining <= 0:
                    break
                done.wait(min(remaining, WAKE))
        finally:  # on time out, Ctrl-C or any other way out: the solver is deleted after this, so stop it first
            while not done.is_set():
                solver.interrupt()
                done.wait(WAKE)
        result = outcome[0] if outcome else None
        if isinstance(result, BaseException):
            raise result
        if result is None:
            raise Timeout("the time limit was reached")
        return result

    def _solve_with(self, solver, clause: list[int], assumptions: list[int] = ()) -> list[int] | None:
        """An extension that also satisfies ``clause`` (added for this call only, switched on by an
        activation literal and retired after), or None."""
        self.top += 1
        switch = self.top
        solver.add_clause([-switch, *clause])
        found = self._solve(solver, [switch, *assumptions])
        extension = self._extension(solver.get_model()) if found else None
        solver.add_clause([-switch])
        return extension

    def _outside(self, extension) -> list[int]:
        """The clause "some argument outside ``extension`` is in" (arguments OUT in the grounded
        labelling are never in, so they are left out of it); in(a) = a + 1, inlined."""
        members = set(extension)
        return [a + 1 for a in self.open if a not in members]

    def _extension(self, model: list[int]) -> list[int]:
        return [a for a in range(self.n) if model[a] > 0]

    def one(self) -> list[int] | None:
        """One extension (the grounded one for complete semantics), or None when there is none."""
        if self.semantics == "complete":
            return [a for a, label in enumerate(self.grounded) if label == IN]
        with self._solver() as solver:
            if not self._solve(solver):
                return None
            found = self._extension(solver.get_model())
            return self._maximise(solver, found) if self.semantics == "preferred" else found

    def _maximise(self, solver, extension: list[int]) -> list[int]:
        """Grow a complete extension into a preferred one: while a strictly larger complete
        extension exists, take it. Temporary clauses are switched on by an activation literal."""
        while True:
            outside = self._outside(extension)
            if not outside:
                return extension
            larger = self._solve_with(solver, outside, [self._in(a) for a in extension])
            if larger is None:
                return extension
            extension = larger

    def credulous(self, a: int) -> tuple[bool, list[int] | None]:
        """Is ``a`` in some extension? With a witness extension when it is.

        Credulous acceptance is the same under complete and preferred semantics: every complete
        extension is contained in a preferred one.
        """
        with self._solver() as solver:
            if not self._solve(solver, [self._in(a)]):
                return False, None
            witness = self._extension(solver.get_model())
            if self.semantics == "preferred":
                witness = self._maximise(solver, witness)
            return True, witness

    def sceptical(self, a: int) -> tuple[bool, list[int] | None]:
        """Is ``a`` in every extension? With a counter-example extension when it is not."""
        if self.semantics == "complete":
            # The grounded extension is the least complete extension.
            return (True, None) if self.grounded[a] == IN else (False, self.one())
        with self._solver() as solver:
            if self.semantics == "stable":
                if not self._solve(solver, [-self._in(a)]):
                    return True, None
                return False, self._extension(solver.get_model())
            # Preferred: look for a preferred extension without a. A complete extension without a
            # is grown to a preferred one; if that one contains a, every complete extension below
            # it is ruled out and the search goes on.
            if not self.credulous(a)[0]:
                return False, self.one()
            while self._solve(solver, [-self._in(a)]):
                preferred = self._maximise(solver, self._extension(solver.get_model()))
                if a not in preferred:
                    return False, preferred
                solver.add_clause(self._outside(preferred))
            return True, None

    def extensions(self) -> Iterator[list[int]]:
        """Every extension, each once (there can be exponentially many: take what you need)."""
        with self._solver() as solver:
            while self._solve(solver):
                found = self._extension(solver.get_model())
                if self.semantics == "preferred":
                    found = self._maximise(solver, found)
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

    def acceptance(self) -> Acceptance:
        """Credulous and sceptical acceptance of every argument, with few solver calls: each call
        finds an extension that adds to what is known (credulous), or removes from the running
        intersection (sceptical)."""
        n = self.n
        credulous = [label == IN for label in self.grounded]
        with self._solver() as solver:
            if not self._solve(solver):
                return Acceptance([False] * n, [True] * n, False)
            first = self._extension(solver.get_model())
            while True:
                for a in first:
                    credulous[a] = True
                unknown = [self._in(a) for a in self.open if not credulous[a]]
                if not unknown:
                    break
                first = self._solve_with(solver, unknown)
                if first is None:
                    break
        return Acceptance(credulous, self._sceptical_all(), True)

    def _sceptical_all(self) -> list[bool]:
        n = self.n
        if self.semantics == "complete":
            return [label == IN for label in self.grounded]
        with self._solver() as solver:
            self._solve(solver)
            running = set(self._extension(solver.get_model()))
            if self.semantics == "preferred":
                running = set(self._maximise(solver, sorted(running)))
                outside = self._outside(running)
                if not outside:
                    return [a in running for a in range(n)]  # the one preferred extension
                solver.add_clause(outside)
            while running:
                # An extension that leaves out at least one argument of the running intersection.
                extension = self._solve_with(solver, [-self._in(a) for a in running])
                if extension is None:
                    break
                if self.semantics == "preferred":
                    extension = self._maximise(solver, extension)
                    # Preferred extensions are incomparable: rule out this one and everything below it.
                    solver.add_clause(self._outside(extension))
                running &= set(extension)
        return [a in running for a in range(n)]


def _labelling_clauses(framework: Framework, fixed: list[str], stable: bool, deadline: Deadline) -> list[list[int]]:
    """Clauses whose models are the complete (or stable) labellings agreeing with ``fixed``: at most
    3 + 2 x (attackers) clauses per argument, so linear in the framework."""
    n = len(framework)
    attackers = framework.attackers()
    clauses: list[list[int]] = []
    for a in range(n):
        deadline.tick(256)
        in_a, out_a = a + 1, n + a + 1
        if fixed[a] == IN:
            clauses += [[in_a], [-out_a]]
            continue
        if fixed[a] == OUT:
            clauses += [[-in_a], [out_a]]
            continue
        # Undecided in the grounded labelling: the complete-labelling conditions.
        clauses.append([-in_a, -out_a])
        clauses.append([in_a] + [-(n + b + 1) for b in attackers[a]])  # every attacker OUT -> IN
        clauses.append([-out_a] + [b + 1 for b in attackers[a]])        # OUT -> some attacker IN
        for b in attackers[a]:
            clauses.append([-in_a, n + b + 1])                          # IN -> attacker OUT
            clauses.append([-(b + 1), out_a])                           # attacker IN -> OUT
        if stable:
            clauses.append([in_a, out_a])
    return clauses
