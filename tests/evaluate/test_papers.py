"""The gradual semantics against published worked examples, and their behaviour on cycles.

Where the numbers come from (docs/evaluation.md says the same):

- DF-QuAD: the e-democracy example of Rago, Toni, Aurisicchio and Baroni (KR 2016), with the base
  scores and relations of its encoding in Potyka's Uncertainpy library (RagoEtAlEDemocracy.bag),
  whose published notebook gives A1 0.862, A2 0.85 and P2 0.08 by forward propagation. The paper's
  own table could not be retrieved here, so these are the values checked, to the three decimals given.
- Quadratic energy: the stock example of Potyka (KR 2018; Buy and Sell attack each other, so it is
  cyclic), whose values the same notebook publishes from Runge-Kutta stopped at ε = 10⁻³: Buy 0.8208,
  Sell 0.3635, 1: 0.2049, 2: 0.8050, 3: 0.1658; checked to 2·10⁻³, the precision that stopping rule gives.
- h-categoriser (Besnard and Hunter 2001; Pu et al. 2014) and Euler-based (Amgoud and Ben-Naim 2017):
  no table of numbers from those papers could be retrieved here, so none is claimed. What is checked
  is what follows from their definitions in closed form: the values on a chain, and the unique
  fixpoint (√5 - 1)/2 of a mutual attack with weights 1, which Pu et al. prove the iteration reaches.
"""

from __future__ import annotations

import json
import math

import pytest

import argmap
from argmap.semantics.gradual import Model
from tests.conftest import run_cli
from tests.evaluate.test_gradual import graph


def a_map(statements: dict, thesis: str | None = None) -> argmap.ArgumentMap:
    data = {sid: {"text": sid.capitalize(), **({"role": "thesis"} if sid == thesis else {}), **fields}
            for sid, fields in statements.items()}
    return argmap.ArgumentMap.from_data({"argmap": 1, "id": "example", "statements": data})


E_DEMOCRACY = {
    "a1": {"base": 0.5}, "a2": {"base": 0.5},
    "p1": {"base": 0.7, "supports": "a1"}, "p2": {"base": 0.5, "supports": "a1"}, "p3": {"base": 0.9, "supports": "a2"},
    "c1": {"base": 0.2, "attacks": "a2"}, "c2": {"base": 0.2, "attacks": "p2"}, "c3": {"base": 0.6, "attacks": "p2"},
    "c4": {"base": 0.5, "attacks": "p2"},
}


def test_dfquad_on_the_e_democracy_example_of_rago_et_al():
    evaluation = argmap.evaluate(a_map(E_DEMOCRACY), "dfquad")
    strengths = evaluation.strengths
    assert (round(strengths["a1"], 3), round(strengths["a2"], 3), round(strengths["p2"], 3)) == (0.862, 0.85, 0.08)
    # Two alternatives and no thesis: both are reported, as roots.
    assert evaluation.thesis is None and evaluation.roots == ("a1", "a2")
    assert [root["id"] for root in evaluation.to_json()["roots"]] == ["a1", "a2"]
    assert evaluation.verdicts() == ["The root 'a1' has strength 0.86 (DF-QuAD).",
                                     "The root 'a2' has strength 0.85 (DF-QuAD)."]


STOCK = {
    "buy": {"base": 0.5, "attacks": "sell"}, "sell": {"base": 0.5, "attacks": "buy"},
    "s1": {"base": 0.8, "supports": "sell"}, "s2": {"base": 0.7, "supports": "buy", "attacks": "s1"},
    "s3": {"base": 0.3, "attacks": "s2"}, "s4": {"base": 0.9, "attacks": "s3", "supports": "s2"},
    "s5": {"base": 0.9, "attacks": "s1", "supports": "buy"},
}


def test_quadratic_energy_on_potykas_stock_example_which_is_cyclic():
    evaluation = argmap.evaluate(a_map(STOCK), "quadratic-energy")
    published = {"buy": 0.8208, "sell": 0.3635, "s1": 0.2049, "s2": 0.8050, "s3": 0.1658, "s4": 0.9, "s5": 0.9}
    assert (evaluation.converged, evaluation.dynamics) == (True, "continuous")
    for sid, value in published.items():
        assert evaluation.strengths[sid] == pytest.approx(value, abs=2e-3), sid


def test_h_categoriser_from_its_definition():
    # A chain c attacks b attacks a, weights 1 (Besnard and Hunter): 1, 1/2, 1/(1 + 1/2).
    chain = argmap.evaluate(a_map({"a": {"base": 1.0}, "b": {"base": 1.0, "attacks": "a"},
                                   "c": {"base": 1.0, "attacks": "b"}}), "h-categoriser")
    assert [chain.strengths[s] for s in "cba"] == pytest.approx([1.0, 0.5, 2 / 3])
    # A mutual attack: the unique fixpoint h = 1 / (1 + h), reached by the iteration (Pu et al. 2014).
    mutual = argmap.evaluate(a_map({"a": {"base": 1.0, "attacks": "b"}, "b": {"base": 1.0, "attacks": "a"}}),
                             "h-categoriser")
    assert (mutual.dynamics, mutual.converged) == ("iterated", True)
    assert mutual.strengths["a"] == pytest.approx((math.sqrt(5) - 1) / 2, abs=1e-8)
    # Supports do not count in an attack-only semantics.
    supported = argmap.evaluate(a_map({"a": {"base": 0.4}, "s": {"base": 1.0, "supports": "a"}}), "h-categoriser")
    assert supported.strengths["a"] == 0.4


def test_euler_based_from_its_definition():
    # 1 - (1 - w²) / (1 + w e^E), E = Σ supporters - Σ attackers (Amgoud and Ben-Naim 2017).
    evaluation = argmap.evaluate(a_map({"a": {"base": 0.5}, "s": {"base": 1.0, "supports": "a"},
                                        "b": {"base": 0.3}, "t": {"base": 0.6, "attacks": "b"},
                                        "u": {"base": 0.9, "attacks": "s"}}), "euler-based")
    assert evaluation.strengths["a"] == pytest.approx(1 - 0.75 / (1 + 0.5 * math.e))
    assert evaluation.strengths["b"] == pytest.approx(1 - 0.91 / (1 + 0.3 * math.exp(-0.6)))
    assert evaluation.strengths["s"] == 1.0  # a weight of 1 stays 1 whatever attacks it: Euler-based's known trait


@pytest.mark.parametrize("method", ["dfquad", "quadratic-energy", "h-categoriser", "euler-based"])
def test_every_gradual_semantics_reaches_a_fixpoint_of_a_mutual_attack(method):
    g = graph({"a": 1.0, "b": 1.0}, [(["a"], "attack", "b"), (["b"], "attack", "a")])
    model = Model(g)
    found = model.settle(method)
    assert found.converged and found.values["a"] == pytest.approx(found.values["b"])
    values = [found.values[name] for name in model.names]
    for i in range(len(values)):  # σ = f(σ): an equilibrium, not an iterate
        assert model.update(method, i, values, model.bases) == pytest.approx(values[i], abs=1e-8)


def test_a_mutual_attack_at_full_base_is_one_half_under_dfquad_not_an_oscillation():
    # The discrete iteration from (1, 1) goes (0, 0), (1, 1), ... forever; the continuous model
    # (Potyka 2019) settles at σ = 1 - σ.
    found = Model(graph({"a": 1.0, "b": 1.0}, [(["a"], "attack", "b"), (["b"], "attack", "a")])).settle("dfquad")
    assert found.converged and found.values["a"] == pytest.approx(0.5, abs=1e-8)


def test_what_does_not_settle_has_no_strength():
    g = graph({"a": 1.0, "b": 1.0, "c": 0.5, "d": 0.7},
              [(["a"], "attack", "b"), (["b"], "attack", "a"), (["a"], "support", "c"), (["d"], "support", "c")])
    found = Model(g).settle("dfquad", max_iterations=2)  # stopped long before it settles
    assert not found.converged
    assert found.values["a"] is None and found.values["b"] is None
    assert found.values["c"] is None  # downstream of the cycle
    assert found.values["d"] == 0.7   # upstream of nothing unsettled: its value stands


def test_text_and_json_say_when_there_is_no_strength():
    from io import StringIO

    from argmap.cli.eval_output import report
    from argmap.semantics.result import Evaluation

    evaluation = Evaluation("dfquad", "t", ("t", "u"), roles={"t": "thesis", "u": "claim"},
                            strengths={"t": None, "u": 0.25}, bases={"t": 0.5, "u": 0.25}, converged=False,
                            iterations=1000, dynamics="continuous", roots=("t",))
    out, err = StringIO(), StringIO()
    report(evaluation, "text", out, err)
    assert out.getvalue().splitlines() == [
        "The thesis 't' has no DF-QuAD strength: the strengths on this map's cycles did not settle in 1000 steps.",
        "", " none  t  base 0.50", " 0.25  u  base 0.25", "",
        "1 of 2 statements have no strength: DF-QuAD did not settle in 1000 steps on the cycles they are on or"
        " downstream of."]
    assert "did not settle in 1000 steps" in err.getvalue()
    out = StringIO()
    report(evaluation, "json", out, StringIO())
    document = json.loads(out.getvalue())
    assert (document["converged"], document["thesis"], document["strengths"]) == (
        False, {"id": "t", "strength": None}, {"t": None, "u": 0.25})
    assert evaluation.annotation("t") == "none"


def test_a_map_without_a_thesis_is_reported_root_by_root(tree):
    statements = "\n".join(f"  {sid}: {json.dumps({'text': sid, **fields})}" for sid, fields in E_DEMOCRACY.items())
    folder = tree({".argmap.yaml": "rules:\n  thesis-count: {min: 0}\n",
                   "map.yaml": f"argmap: 1\nid: e-democracy\nstatements:\n{statements}\n"})
    code, out, err = run_cli("eval", "-s", "dfquad", "map.yaml", cwd=folder)
    assert (code, err) == (0, "")
    assert out.splitlines()[:3] == ["No thesis; 2 roots (statements that support or attack nothing):",
                                    "  The root 'a1' has strength 0.86 (DF-QuAD).",
                                    "  The root 'a2' has strength 0.85 (DF-QuAD)."]
    code, out, _ = run_cli("eval", "-f", "json", "map.yaml", cwd=folder)
    document = json.loads(out)
    assert document["thesis"] is None
    assert document["roots"] == [{"id": "a1", "label": "IN"}, {"id": "a2", "label": "OUT"}]  # c1 defeats a2


def test_a_real_map_that_does_not_settle_in_the_budget(tree):
    # Two claims that support each other, bases 0 and 0.03: DF-QuAD's equilibrium is (1, 1), but the
    # dynamics approach it at a rate of 0.015 per unit of time, too slowly for 1,000 steps: no strength,
    # said in text and in JSON, and nothing downstream of them has one either.
    folder = tree({".argmap.yaml": "rules:\n  support-cycle: off\n", "map.yaml": """\
argmap: 1
id: slow
statements:
  t: {role: thesis, text: T, base: 0.5}
  a: {text: A, base: 0.0, supports: b}
  b: {text: B, base: 0.03, supports: [a, t]}
  c: {text: C, base: 0.9, attacks: t}
  d: {text: D, base: 0.4, supports: c}
"""})
    code, out, err = run_cli("eval", "-s", "dfquad", "map.yaml", cwd=folder)
    assert code == 0 and "did not settle in 1000 steps" in err
    assert out.startswith("The thesis 't' has no DF-QuAD strength: the strengths on this map's cycles did not settle")
    assert " none  a  base 0.00" in out and " 0.94  d" not in out and " 0.94  c  base 0.90" in out
    code, out, _ = run_cli("eval", "-s", "dfquad", "-f", "json", "map.yaml", cwd=folder)
    document = json.loads(out)
    assert (document["converged"], document["thesis"]["strength"], document["strengths"]["c"]) == (
        False, None, pytest.approx(0.94))
    code, _, err = run_cli("eval", "--sensitivity", "map.yaml", cwd=folder)
    assert code == 3 and "does not settle on this map's cycles" in err
