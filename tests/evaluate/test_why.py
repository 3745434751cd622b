"""Every verdict's reason, checked against the framework's definitions and brute-force extensions, and as
`argmap eval` says it on small maps (golden sentences and JSON)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

from argmap.semantics.framework import Framework
from argmap.semantics.grounded import grounded
from argmap.semantics.result import evaluate_framework
from argmap.semantics.why import grounded_why
from tests.conftest import run_cli
from tests.evaluate.brute import brute_force, frameworks


@settings(deadline=None)
@given(frameworks)
def test_every_grounded_reason_holds_in_the_framework(framework):
    labels = grounded(framework)
    assert {a for a, label in enumerate(labels) if label == "IN"} == set(brute_force(framework)["grounded"][0])
    attacks = set(framework.attacks)
    attackers = framework.attackers()
    for a, why in grounded_why(framework, labels, range(len(framework))).items():
        if why.kind == "unattacked":
            assert labels[a] == "IN" and not attackers[a]
        elif why.kind == "defended":
            assert labels[a] == "IN" and sorted(why.attackers) == sorted(attackers[a])
            for b, defenders in zip(why.attackers, why.defenders, strict=True):
                assert defenders, f"attacker {b} of {a} has no defender"
                assert all(labels[c] == "IN" and (c, b) in attacks for c in defenders)
        elif why.kind == "defeated":
            assert labels[a] == "OUT" and why.attackers
            assert all(labels[b] == "IN" and (b, a) in attacks for b in why.attackers)
        else:
            assert (why.kind, labels[a]) == ("cycle", "UNDEC")
            cycle = why.cycle
            assert cycle and all(labels[c] == "UNDEC" for c in cycle)
            assert all((cycle[i], cycle[(i + 1) % len(cycle)]) in attacks for i in range(len(cycle)))
            assert why.into == (a in cycle)
            assert why.attackers and all(labels[b] == "UNDEC" and (b, a) in attacks for b in why.attackers)


@settings(deadline=None, max_examples=40)
@given(frameworks)
@pytest.mark.parametrize("semantics", ["preferred", "stable", "complete", "semi-stable"])
def test_every_witness_is_an_extension_found_by_brute_force(semantics, framework):
    extensions = {frozenset(framework.names[a] for a in e) for e in brute_force(framework)[semantics]}
    evaluation = evaluate_framework(framework, semantics)
    for name, why in evaluation.reasons().items():
        inside = [e for e in extensions if name in e]
        assert why["acceptance"] == ("ACCEPTED" if extensions and len(inside) == len(extensions) else
                                     "CREDULOUS" if inside else "REJECTED")
        if not extensions:
            assert why["because"] == "no-extension"
            continue
        if inside:
            assert name in why["witness"] and frozenset(why["witness"]) in extensions
        else:
            assert "witness" not in why and why["because"] == "nowhere"
        if len(inside) < len(extensions):
            assert name not in why["counterexample"] and frozenset(why["counterexample"]) in extensions
        else:
            assert "counterexample" not in why and why["because"] == "everywhere"


def test_the_textbook_cases_by_name():
    f = Framework(("a", "b", "c", "d", "e"), ((0, 1), (1, 2), (3, 4), (4, 3)))
    why = evaluate_framework(f, "grounded").reasons()
    assert why == {
        "a": {"label": "IN", "because": "unattacked"},
        "b": {"label": "OUT", "because": "defeated", "by": [{"id": "a", "from": ["a"], "label": "IN"}]},
        "c": {"label": "IN", "because": "defended",
              "attackers": [{"id": "b", "from": ["b"], "label": "OUT", "defeated_by": [{"id": "a", "from": ["a"]}]}]},
        "d": {"label": "UNDEC", "because": "cycle", "by": [{"id": "e", "from": ["e"], "label": "UNDEC"}],
              "cycle": ["d", "e"], "on_cycle": True},
        "e": {"label": "UNDEC", "because": "cycle", "by": [{"id": "d", "from": ["d"], "label": "UNDEC"}],
              "cycle": ["e", "d"], "on_cycle": True},
    }


MAP = """\
argmap: 1
statements:
  thesis: {role: thesis, text: Cities should tax cars by weight}
  safety: {text: Heavy cars kill more pedestrians}
  weight: {text: Weight is on every registration}
  families: {text: It hurts large families, attacks: thesis}
  vans: {text: Families can buy vans exempt by design, attacks: families}
  fake: {text: Registrations lie about weight, attacks: weight}
  audit: {text: Registrations are audited, attacks: fake}
  lies: {text: Owners under-declare, attacks: weight}
  a: {text: A says B is wrong, attacks: b}
  b: {text: B says A is wrong, attacks: a, supports: thesis}
arguments:
  measurable: {premises: [weight, safety], supports: thesis}
"""


def test_eval_names_the_reasons_by_their_texts(tree):
    code, out, err = run_cli("eval", "map.yaml", cwd=tree({"map.yaml": MAP}))
    assert (code, err) == (0, "")
    head, why = out.split("\nWhy:\n")
    # its reasons are `measurable` (a premise defeated) and b's support (undecided): none stands
    assert head.startswith("The thesis 'thesis' stands: every objection to it is defeated, but no argument for it"
                           " stands (grounded semantics).\n"
                           "Why: its attacker “It hurts large families” falls to “Families can buy vans exempt by"
                           " design”.\n\n")
    assert why.splitlines() == [
        "  thesis      its attacker “It hurts large families” falls to “Families can buy vans exempt by design”",
        "  safety      nothing attacks it",
        "  weight      defeated by “Owners under-declare” (IN)",
        "  families    defeated by “Families can buy vans exempt by design” (IN)",
        "  vans        nothing attacks it",
        "  fake        defeated by “Registrations are audited” (IN)",
        "  audit       nothing attacks it",
        "  lies        nothing attacks it",
        "  a           undecided: “A says B is wrong” and “B says A is wrong” attack each other, and nothing outside"
        " breaks the tie",
        "  b           undecided: “B says A is wrong” and “A says B is wrong” attack each other, and nothing outside"
        " breaks the tie",
        "  measurable  defeated by “Owners under-declare” (IN)",
    ]


def test_eval_json_carries_the_reasons(tree):
    code, out, _ = run_cli("eval", "-f", "json", "map.yaml", cwd=tree({"map.yaml": MAP}))
    why = json.loads(out)["why"]
    assert code == 0
    # Two attackers on the premise `weight`: the inference falls through the helper, shown as what defeats weight.
    assert why["measurable"] == {"label": "OUT", "because": "defeated",
                                 "by": [{"id": "lies--attack--weight", "from": ["lies"], "label": "IN"}]}
    assert why["thesis"]["attackers"][0]["defeated_by"] == [
        {"id": "vans--attack--families", "from": ["vans"], "on": "families"}]
    assert why["a"]["cycle"] == ["a", "b"] and why["a"]["on_cycle"] is True


def test_eval_in_another_language_names_statements_in_it(tree):
    folder = tree({"map.yaml": """\
argmap: 1
languages: [en, fr]
statements:
  thesis: {role: thesis, text: {en: Tax heavy cars, fr: Taxer les voitures lourdes}}
  o: {text: {en: It hurts families, fr: Cela nuit aux familles}, attacks: thesis}
"""})
    code, out, _ = run_cli("eval", "--lang", "fr", "map.yaml", cwd=folder)
    assert code == 0 and "Why: defeated by “Cela nuit aux familles” (IN).\n" in out


def test_preferred_gives_a_witness_and_a_counter_example(tree):
    code, out, _ = run_cli("eval", "-s", "preferred", "map.yaml", cwd=tree({"map.yaml": MAP}))
    assert code == 0
    assert "  a           some preferred extensions contain it, others do not: one holds “A says B is wrong”, another" \
           " “B says A is wrong”\n" in out
    code, out, _ = run_cli("eval", "-s", "preferred", "-f", "json", "map.yaml", cwd=tree({"map.yaml": MAP}))
    why = json.loads(out)["why"]["b"]
    assert why["because"] == "somewhere" and "b" in why["witness"] and "b" not in why["counterexample"]


DISAGREE = """\
argmap: 1
statements:
  thesis: {role: thesis, text: Cities should tax cars by weight}
  s1: {text: Heavy cars kill more pedestrians, supports: thesis}
  s2: {text: Heavy cars wear roads, supports: thesis}
  o: {text: It hurts large families, attacks: thesis, base: 0.3}
"""


@pytest.mark.parametrize("semantics", ["grounded", "dfquad"])
def test_semantics_that_disagree_on_the_thesis_are_said_to(tree, semantics):
    code, out, _ = run_cli("eval", "-s", semantics, "map.yaml", cwd=tree({"map.yaml": DISAGREE}))
    assert code == 0
    assert ("The semantics disagree on the thesis: grounded semantics counts it defeated, because a single objection"
            " that stands is enough, while DF-QuAD weighs its reasons against its objections and gives it 0.72, above"
            " 0.5. See \"Which one answers my question\" in docs/evaluation.md.\n") in out


def test_semantics_that_agree_say_nothing_more(tree):
    code, out, _ = run_cli("eval", "map.yaml", cwd=tree({"map.yaml": MAP}))
    assert code == 0 and "disagree" not in out


def test_gradual_strengths_name_what_raises_and_lowers_them(tree):
    code, out, _ = run_cli("eval", "-s", "dfquad", "map.yaml", cwd=tree({"map.yaml": DISAGREE}))
    assert code == 0
    assert "Why: base 0.50; raised by “Heavy cars kill more pedestrians” (0.50), “Heavy cars wear roads” (0.50);" \
           " lowered by “It hurts large families” (0.30).\n" in out


HELPED = """\
argmap: 1
statements:
  t: {role: thesis, text: T}
  p: {text: P}
  q: {text: Q}
  o1: {text: O1, attacks: p}
  o2: {text: O2, attacks: p}
  r1: {text: R1, attacks: o1}
  r2: {text: R2, attacks: o2}
arguments:
  x: {premises: [p, q], attacks: t}
"""


def test_an_inference_that_stands_is_defended_against_the_attackers_of_its_premise(tree):
    # Two attackers on the premise p: the framework holds a helper argument for them; the reason names them.
    code, out, _ = run_cli("eval", "-f", "json", "map.yaml", cwd=tree({"map.yaml": HELPED}))
    why = json.loads(out)["why"]["x"]
    assert code == 0 and why["because"] == "defended"
    assert why["attackers"] == [
        {"id": "o1--attack--p", "from": ["o1"], "label": "OUT",
         "defeated_by": [{"id": "r1--attack--o1", "from": ["r1"], "on": "o1"}]},
        {"id": "o2--attack--p", "from": ["o2"], "label": "OUT",
         "defeated_by": [{"id": "r2--attack--o2", "from": ["r2"], "on": "o2"}]}]
    code, out, _ = run_cli("eval", "map.yaml", cwd=tree({"map.yaml": HELPED}))
    assert "  x   its attacker “O1” falls to “R1”; its attacker “O2” falls to “R2”\n" in out


def test_a_cycle_names_only_the_undecided_premises_of_a_linked_objection(tree):
    # x (P + Q) attacks T, T attacks P: Q, unattacked and IN, is no part of the cycle.
    folder = tree({"map.yaml": "argmap: 1\nstatements:\n  t: {role: thesis, text: T, attacks: p}\n  p: {text: P}\n"
                               "  q: {text: Q}\narguments:\n  x: {premises: [p, q], attacks: t}\n"})
    code, out, _ = run_cli("eval", "-f", "json", "map.yaml", cwd=folder)
    why = json.loads(out)["why"]
    assert code == 0 and why["t"]["cycle"] == ["t", "p"] and why["p"]["cycle"] == ["p", "t"]
    code, out, _ = run_cli("eval", "map.yaml", cwd=folder)
    assert "  t  undecided: “T” and “P” attack each other, and nothing outside breaks the tie\n" in out


def test_a_cycle_through_an_undercut_names_the_inference_it_strikes(tree):
    # Z attacks Y, Y undercuts X's attack on Z: Y strikes the inference, not X, which stands.
    folder = tree({"map.yaml": "argmap: 1\nstatements:\n  t: {role: thesis, text: T}\n"
                               "  z: {text: Claim Z, supports: t, attacks: y}\n  x: {text: Objection X, attacks: z}\n"
                               "  y: {text: Undercutter Y, attacks: x--attack--z}\n"})
    code, out, _ = run_cli("eval", "-f", "json", "map.yaml", cwd=folder)
    why = json.loads(out)["why"]
    assert code == 0 and why["z"]["cycle"] == ["z", "y", "x--attack--z"] and why["x"]["because"] == "unattacked"
    code, out, _ = run_cli("eval", "map.yaml", cwd=folder)
    assert ("  z  undecided: a cycle of attacks: “Claim Z” → “Undercutter Y” → the attack of “Objection X” on"
            " “Claim Z” → “Claim Z”, and nothing outside breaks the tie\n") in out
