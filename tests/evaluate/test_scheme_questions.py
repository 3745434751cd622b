"""`eval --questions`: critical questions that count, checked against hand-worked examples; the default unchanged."""

from __future__ import annotations

import json

import pytest

from argmap.api import evaluate
from argmap.model import ArgumentMap
from tests.conftest import run_cli


def _map(statements: dict, arguments: dict | None = None) -> ArgumentMap:
    return ArgumentMap.from_data({"argmap": 1, "statements": statements, "arguments": arguments or {}})


# An ad hominem objection `o` against the claim `c`: its scheme has two assumptions, `premise-supported`
# and `relevant`, and one exception.
OBJECTION = {
    "t": {"role": "thesis", "text": "T"},
    "c": {"text": "C", "supports": "t"},
    "liar": {"text": "The author lies"},
}
AD_HOMINEM = {"o": {"premises": ["liar"], "attacks": "c", "scheme": "ad-hominem"}}


def test_by_default_questions_do_not_count():
    amap = _map(OBJECTION, AD_HOMINEM)
    assert evaluate(amap).labels["c"] == "OUT"
    assert evaluate(amap).labels == evaluate(_map(OBJECTION, {"o": {"premises": ["liar"], "attacks": "c"}})).labels


def test_an_open_assumption_leaves_its_objection_undecided():
    # o--asks--relevant attacks itself: UNDEC; it undercuts o: o UNDEC; o attacks c: c UNDEC.
    labels = evaluate(_map(OBJECTION, AD_HOMINEM), questions=True).labels
    assert (labels["o"], labels["c"], labels["liar"]) == ("UNDEC", "UNDEC", "IN")


def test_answered_assumptions_restore_the_objection():
    answered = {**OBJECTION, "record": {"text": "Court records", "answers": {"o": ["premise-supported", "relevant"]}}}
    labels = evaluate(_map(answered, AD_HOMINEM), questions=True).labels
    assert (labels["o"], labels["c"]) == ("IN", "OUT")


def test_an_answer_that_falls_leaves_the_question_open():
    # `record` answers `relevant` but is defeated by `forged`: the question is undecided again.
    answered = {**OBJECTION, "record": {"text": "Court records", "answers": {"o": ["premise-supported", "relevant"]}},
                "forged": {"text": "The records are forged", "attacks": "record"}}
    labels = evaluate(_map(answered, AD_HOMINEM), questions=True).labels
    assert (labels["record"], labels["o"], labels["c"]) == ("OUT", "UNDEC", "UNDEC")


def test_a_raised_exception_undercuts_the_inference():
    # `a` (sign) has its one assumption answered; `x` rebuts the conclusion and raises an exception of `a`.
    statements = {"t": {"role": "thesis", "text": "T"}, "wet": {"text": "Wet streets"},
                  "rain": {"text": "It rained", "supports": "t"},
                  "base-rate": {"text": "Wet streets follow rain", "answers": {"a": "strength"}},
                  "x": {"text": "A street sweeper passed", "attacks": "rain", "raises": "other-explanations"}}
    arguments = {"a": {"premises": ["wet"], "supports": "rain", "scheme": "sign"}}
    assert evaluate(_map(statements, arguments)).labels["a"] == "IN"
    labels = evaluate(_map(statements, arguments), questions=True).labels
    assert (labels["a"], labels["x"], labels["rain"]) == ("OUT", "IN", "OUT")


def test_preferred_semantics_agrees_with_the_one_complete_labelling():
    # The self-attacking question is UNDEC in every complete labelling, so o and c are in no preferred
    # extension: neither is accepted, not even credulously; t, which nothing attacks, is.
    evaluation = evaluate(_map(OBJECTION, AD_HOMINEM), "preferred", questions=True)
    assert [evaluation.acceptance(n) for n in ("o", "c", "t")] == ["REJECTED", "REJECTED", "ACCEPTED"]
    assert evaluate(_map(OBJECTION, AD_HOMINEM), "preferred").acceptance("o") == "ACCEPTED"


# DF-QuAD: t (base 0.5) supported by p (base 0.5) through `popular-opinion`, two assumptions.
SUPPORT = {"t": {"role": "thesis", "text": "T"}, "p": {"text": "Most people think so", "supports": "t",
                                                         "scheme": "popular-opinion"}}


def test_gradual_open_assumptions_lower_the_strength_by_hand():
    plain = evaluate(_map(SUPPORT), "dfquad")
    assert plain.strengths["t"] == pytest.approx(0.75)  # 0.5 + 0.5 * 0.5
    counted = evaluate(_map(SUPPORT), "dfquad", questions=True)
    # inference: min premise 0.5, attacked by two questions of 0.5 each: 0.5 - 0.5 * (1 - 0.5 * 0.5) = 0.125
    assert counted.strengths["p--support--t"] == pytest.approx(0.125)
    assert counted.strengths["t"] == pytest.approx(0.5625)  # 0.5 + 0.5 * 0.125


def test_gradual_an_answer_weakens_its_question_by_hand():
    answered = {**SUPPORT, "poll": {"text": "A poll", "answers": {"p--support--t": "evidence-of-acceptance"}}}
    counted = evaluate(_map(answered), "dfquad", questions=True)
    # the answered question: 0.5 - 0.5 * 0.5 = 0.25; attack 1 - 0.75 * 0.5 = 0.625; inference 0.5 - 0.5 * 0.625
    assert counted.strengths["p--support--t"] == pytest.approx(0.1875)
    assert counted.strengths["t"] == pytest.approx(0.59375)


def test_eval_command_takes_questions(tmp_path):
    (tmp_path / "map.yaml").write_text(
        "argmap: 1\nstatements:\n  t: {role: thesis, text: T}\n  c: {text: C, supports: t}\n"
        "  liar: {text: The author lies}\narguments:\n  o: {premises: liar, attacks: c, scheme: ad-hominem}\n",
        encoding="utf-8")
    code, out, _ = run_cli("eval", "map.yaml", "-f", "json", cwd=tmp_path)
    assert code == 0 and json.loads(out)["labels"]["c"] == "OUT"
    code, out, _ = run_cli("eval", "map.yaml", "-f", "json", "--questions", cwd=tmp_path)
    assert code == 0 and json.loads(out)["labels"]["c"] == "UNDEC"
    code, out, _ = run_cli("eval", "map.yaml", "--questions", cwd=tmp_path)
    # c, its one reason, is undecided with the ad hominem's questions open: t stands, with no reason that stands
    assert out.startswith("The thesis 't' stands: nothing attacks it, but no argument for it stands (grounded semantics).\n")
    why = dict(line.split(None, 1) for line in out.split("Why:\n")[1].splitlines() if line.strip())
    assert why["o"] == "undecided: its critical questions 'premise-supported' and 'relevant' are open: no statement" \
                       " that stands answers them"
    assert why["c"].startswith("undecided: its attacker “The author lies” is undecided until a statement that stands"
                               " answers the critical question ")


def test_the_reasons_and_json_name_the_open_questions_of_every_inference(tmp_path):
    # A one-premise objection names its scheme; one of its two assumptions is answered.
    (tmp_path / "map.yaml").write_text(
        "argmap: 1\nstatements:\n  t: {role: thesis, text: The plan is sound}\n"
        "  liar: {text: Its author lied before, attacks: t, scheme: ad-hominem}\n"
        "  record: {text: Court records, answers: {liar--attack--t: [premise-supported]}}\n", encoding="utf-8")
    code, out, _ = run_cli("eval", "map.yaml", "--questions", cwd=tmp_path)
    assert code == 0 and out.startswith(
        "The thesis 't' is undecided: an objection to it is itself undecided (grounded semantics).\n"
        "Why: undecided: its attacker “Its author lied before” is undecided until a statement that stands answers"
        " the critical question 'relevant' of 'liar--attack--t'.\n")
    expected = {"grounded": {"verdict": "UNDEC", "assumptions": {"premise-supported": "OUT", "relevant": "UNDEC"}},
                "preferred": {"verdict": "REJECTED", "assumptions": {"premise-supported": "REJECTED",
                                                                   "relevant": "REJECTED"}},
                # the answered question 0.5 - 0.5 * 0.5 = 0.25, the open one 0.5: 0.5 - 0.5 * (1 - 0.75 * 0.5)
                "dfquad": {"verdict": pytest.approx(0.1875), "assumptions": {"premise-supported": 0.25,
                                                                             "relevant": 0.5}}}
    for semantics, questions in expected.items():
        code, out, _ = run_cli("eval", "map.yaml", "-s", semantics, "-f", "json", "--questions", cwd=tmp_path)
        assert code == 0 and json.loads(out)["questions"] == {"liar--attack--t": questions}, semantics
    code, out, _ = run_cli("eval", "map.yaml", "-f", "json", cwd=tmp_path)
    assert "questions" not in json.loads(out)  # the default evaluation is unchanged


def test_no_stable_extension_because_of_open_questions_is_said_so(tmp_path):
    (tmp_path / "map.yaml").write_text(
        "argmap: 1\nstatements:\n  t: {role: thesis, text: T}\n  c: {text: C, supports: t}\n"
        "  liar: {text: The author lies}\n  record: {text: Court records, answers: {o: relevant}}\n"
        "arguments:\n  o: {premises: liar, attacks: c, scheme: ad-hominem}\n", encoding="utf-8")
    code, out, _ = run_cli("eval", "map.yaml", "-s", "stable", "--questions", cwd=tmp_path)
    assert code == 0 and out.startswith(
        "There is no stable extension (with --questions, an open assumption is an argument that attacks itself, and 1"
        " is open: answer it, or use preferred or grounded semantics), so no statement is credulously accepted.")
    code, out, _ = run_cli("eval", "map.yaml", "-s", "stable", cwd=tmp_path)  # without: extensions exist
    assert code == 0 and not out.startswith("There is no stable extension")
    (tmp_path / "odd.yaml").write_text(
        "argmap: 1\nstatements:\n  t: {role: thesis, text: T}\n  a: {text: A, attacks: b}\n  b: {text: B, attacks: c}\n"
        "  c: {text: C, attacks: [a, t]}\n", encoding="utf-8")
    code, out, _ = run_cli("eval", "odd.yaml", "-s", "stable", "--questions", cwd=tmp_path)
    assert out.startswith("There is no stable extension (an odd cycle of attacks leaves no stable choice)")
