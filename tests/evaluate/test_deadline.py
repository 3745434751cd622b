"""One time limit for the whole evaluation: every phase stops at it; Ctrl-C stops the SAT solver at once."""

from __future__ import annotations

import io
import itertools
import os
import random
import signal
import threading

import networkx as nx
import pytest

from argmap.cli.eval_cmd import EvalOptions, execute_eval
from argmap.formats import parse_framework as parse
from argmap.formats.apx import write as to_apx
from argmap.formats.iccma import write as to_iccma
from argmap.formats.tgf import write as to_tgf
from argmap.semantics.bipolar import framework_from_graph
from argmap.semantics.deadline import Deadline, Timeout
from argmap.semantics.extensions import Reasoner, SolverTimeout
from argmap.semantics.framework import Framework
from argmap.semantics.gradual import Model
from argmap.semantics.grounded import grounded
from argmap.semantics.result import evaluate_graph
from argmap.semantics.sensitivity import sensitivity
from tests.conftest import ROOT

ESSAY = str(ROOT / "models/capital-feast/map.yaml")
CHAIN = Framework(tuple(str(i) for i in range(5000)), tuple((i, i + 1) for i in range(4999)))


def passed() -> Deadline:
    return Deadline(0)  # due now: the first look at the clock finds it passed


def chain_graph(n: int, cycle: bool = False) -> nx.DiGraph:
    """s0 <- s1 <- ... supports (and, with ``cycle``, s0 attacking the last one)."""
    g = nx.DiGraph()
    g.add_nodes_from((f"s{i}" for i in range(n)), kind="statement", base=None)
    links = [(i + 1, "support", i) for i in range(n - 1)] + ([(0, "attack", n - 1)] if cycle else [])
    for premise, relation, target in links:
        name = f"s{premise}--{relation}--s{target}"
        g.add_node(name, kind="inference", relation=relation)
        g.add_edge(f"s{premise}", name, kind="premise")
        g.add_edge(name, f"s{target}", kind="conclusion")
    return g


@pytest.mark.parametrize("phase", [
    lambda: parse(to_iccma(CHAIN), "iccma", passed()),
    lambda: parse(to_apx(CHAIN), "apx", passed()),
    lambda: parse(to_tgf(CHAIN), "tgf", passed()),
    lambda: framework_from_graph(chain_graph(3000), passed()),
    lambda: grounded(CHAIN, passed()),
    lambda: Reasoner(CHAIN, "preferred", passed()),
    lambda: Model(chain_graph(3000), passed()),
    lambda: Model(chain_graph(3000)).evaluate("dfquad", deadline=passed()),
    lambda: Model(chain_graph(5, cycle=True)).evaluate("dfquad", deadline=passed()),
    lambda: Model(chain_graph(5, cycle=True)).evaluate("quadratic-energy", deadline=passed()),
    lambda: sensitivity(Model(chain_graph(5)), "dfquad", "s0", deadline=passed()),
    lambda: evaluate_graph(chain_graph(3000), "grounded", passed()).annotations(),
    lambda: evaluate_graph(chain_graph(5, cycle=True), "dfquad", passed()).annotations(),
], ids=["iccma", "apx", "tgf", "translation", "grounded", "encoding", "model", "topological", "dfquad-iterations",
        "energy-iterations", "sensitivity-probes", "render-grounded", "render-gradual"])
def test_every_phase_stops_at_the_deadline(phase):
    with pytest.raises(Timeout):
        phase()


def test_each_sat_call_stops_at_the_deadline():
    reasoner = Reasoner(Framework(("a", "b"), ((0, 1), (1, 0))), "preferred")
    reasoner.deadline = passed()
    for question in (reasoner.one, reasoner.acceptance, lambda: list(reasoner.extensions()),
                     lambda: reasoner.credulous(0), lambda: reasoner.sceptical(0)):
        with pytest.raises(SolverTimeout):  # the name render catches
            question()


@pytest.fixture
def fake_clock(monkeypatch):
    """A clock that moves one second each time it is read: deadlines pass without waiting."""
    ticks = itertools.count()
    monkeypatch.setattr("argmap.semantics.deadline.time.monotonic", lambda: float(next(ticks)))


@pytest.mark.parametrize("options", [
    {}, {"semantics": "preferred"}, {"semantics": "dfquad"}, {"sensitivity": True}, {"task": "EE-ST"},
    {"format": "json", "semantics": "stable"},
])
def test_a_timeout_is_exit_3_and_one_line(fake_clock, tmp_path, options):
    (tmp_path / "chain.af").write_text(to_iccma(CHAIN))
    for path in (ESSAY, str(tmp_path / "chain.af")):
        if path.endswith(".af") and ("sensitivity" in options or options.get("semantics") == "dfquad"):
            continue  # gradual semantics need a map
        out, err = io.StringIO(), io.StringIO()
        assert execute_eval(EvalOptions(path, timeout=0.5, **options), out, err) == 3
        assert out.getvalue() == "" and err.getvalue().count("\n") == 1
        assert err.getvalue().startswith("argmap eval: no answer within 0.5 s (--timeout); ")


def hard_framework() -> Framework:
    """Random, four attacks per argument: where stable semantics is hardest (see test_eval_cli)."""
    rng = random.Random(0)
    attacks: set[tuple[int, int]] = set()
    while len(attacks) < 12000:
        a, b = rng.randrange(3000), rng.randrange(3000)
        if a != b:
            attacks.add((a, b))
    return Framework(tuple(str(i + 1) for i in range(3000)), tuple(sorted(attacks)))


def test_ctrl_c_stops_a_sat_call_at_once_and_goes_on_up():
    reasoner = Reasoner(hard_framework(), "stable", timeout=60)  # a lost Ctrl-C fails the test, not hangs it
    undecided = grounded(reasoner.framework).index("UNDEC")
    # Python drops a KeyboardInterrupt raised inside a garbage-collector callback (another test's
    # library may have installed one), so a Ctrl-C not taken within 3 s is pressed again.
    stop = threading.Event()

    def press() -> None:
        wait = 0.3
        while not stop.wait(wait):
            os.kill(os.getpid(), signal.SIGINT)
            wait = 3.0

    presser = threading.Thread(target=press, daemon=True)
    presser.start()
    try:
        with pytest.raises(KeyboardInterrupt):  # not SolverTimeout
            reasoner.credulous(undecided)  # far from done after 0.3 s; the SIGINT comes during the call
    finally:
        stop.set()
        presser.join()
    # The solver's thread has left it (the solver is deleted on the way out, which would crash otherwise).
    assert not [thread for thread in threading.enumerate() if thread.name == "argmap-sat"]
