"""SAT calls for the extension semantics: Glucose through python-sat, interruptible at the deadline and by Ctrl-C."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from argmap import interrupts
from argmap.semantics.deadline import Deadline, Timeout

__all__ = ["SOLVER", "WAKE", "Solving"]

SOLVER = "glucose4"  # Glucose 4.1: incremental, with assumptions, and interruptible for the time limit
WAKE = 0.1  # seconds between looks at a running SAT call, so that Ctrl-C is never held up by it


class Solving:
    """A clause set, the deadline, and solver calls on it: a fresh solver each query, temporary clauses
    switched on by activation literals numbered after ``top``. The clauses are made by ``encode`` when
    the first solver needs them (an answer found another way never pays for the encoding)."""

    def __init__(self, encode: Callable[[], list[list[int]]], top: int, deadline: Deadline) -> None:
        self._encode = encode
        self._clauses: list[list[int]] | None = None
        self.top = top
        self.deadline = deadline

    @property
    def clauses(self) -> list[list[int]]:
        if self._clauses is None:
            self._clauses = self._encode()
        return self._clauses

    def _solver(self) -> Any:
        from pysat.solvers import Solver

        clauses = self.clauses
        solver = Solver(name=SOLVER)
        try:
            for clause in clauses:
                self.deadline.tick(1024)
                solver.add_clause(clause)
        except BaseException:
            solver.delete()
            raise
        return solver

    def _solve(self, solver: Any, assumptions: Sequence[int] = ()) -> bool:
        """One SAT call, interrupted at the deadline (then Timeout).

        With a deadline, the call runs in a worker thread (Glucose releases the GIL) while this one
        waits: a Ctrl-C interrupts the call and goes on up.
        """
        assumptions = list(assumptions)
        if self.deadline.at is None:
            return bool(solver.solve(assumptions=assumptions))  # python-sat handles Ctrl-C itself here
        self.deadline.check()
        solver.clear_interrupt()  # an interrupt that came just as the previous call ended
        outcome: list[Any] = []
        done = threading.Event()  # set by the worker as it leaves the solver (Thread.join can be fooled by Ctrl-C)

        def work() -> None:
            try:
                outcome.append(solver.solve_limited(assumptions=assumptions, expect_interrupt=True))
            except BaseException as error:  # handed to the waiting thread
                outcome.append(error)
            finally:
                done.set()

        worker = threading.Thread(target=work, name="argmap-sat", daemon=True)
        # Ctrl-C is held while the worker starts and is waited for, and taken between looks (see interrupts.held)
        with interrupts.held() as hold:
            try:
                worker.start()
                while not done.is_set() and not hold.pressed:
                    remaining = self.deadline.remaining()
                    if remaining is None or remaining <= 0:
                        break
                    done.wait(min(remaining, WAKE))
            finally:  # on time out, Ctrl-C or any other way out: the solver is deleted after this, so stop it first
                while worker.ident is not None and not done.is_set():
                    solver.interrupt()
                    done.wait(WAKE)
        result = outcome[0] if outcome else None
        if isinstance(result, BaseException):
            raise result
        if result is None:
            raise Timeout("the time limit was reached")
        return bool(result)

    def _model(self, solver: Any, clause: Sequence[int] = (), assumptions: Sequence[int] = ()) -> list[int] | None:
        """A model that also satisfies ``clause`` (added for this call only, switched on by an
        activation literal and retired after; no clause means none), or None."""
        if not clause:
            return list(solver.get_model()) if self._solve(solver, assumptions) else None
        self.top += 1
        switch = self.top
        solver.add_clause([-switch, *clause])
        found = self._solve(solver, [switch, *assumptions])
        model = list(solver.get_model()) if found else None
        solver.add_clause([-switch])
        return model
