"""ICCMA's solver interface (`argmap eval --iccma -p TASK -f FILE -a ARG`, `--problems`), and the new semantics end to end."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap.cli.eval_cmd import TASKS
from tests.conftest import ROOT, run_cli

ESSAY = ROOT / "models/capital-feast/map.yaml"
# Floating reinstatement: 1 and 2 attack each other and both attack 3, which attacks 4.
FLOATING = "p af 4\n# arguments are numbered 1..4\n1 2\n2 1\n1 3\n2 3\n3 4\n"


@pytest.fixture
def floating(tmp_path):
    (tmp_path / "f.af").write_text(FLOATING)
    return tmp_path


def test_problems_lists_every_task_in_iccmas_form():
    code, out, err = run_cli("eval", "--iccma", "--problems")
    assert (code, err) == (0, "")
    assert out == "[" + ",".join(TASKS) + "]\n"
    for task in ("DC-CO", "DS-PR", "SE-ST", "DC-SST", "DS-STG", "SE-ID", "EE-GR", "CE-PR"):
        assert task in out.strip("[]\n").split(",")


@pytest.mark.parametrize(("args", "expected"), [
    (["-p", "DS-PR", "-a", "4"], "YES\n"),        # 4 is in both preferred extensions...
    (["-p", "SE-ID"], "w\n"),                     # ...but not in the ideal one, which is empty
    (["-p", "SE-GR"], "w\n"),
    (["-p", "DC-ST", "-a", "3"], "NO\n"),
    (["-p", "DS-SST", "-a", "1"], "NO\nw 2 4\n"),  # the counter-example, in ICCMA 2023's form
    (["-p", "CE-PR"], "2\n"),
    (["-p", "CE-STG"], "2\n"),
    (["-p", "DC-ID", "-a", "4"], "NO\n"),
])
def test_the_iccma_command_line(floating, args, expected):
    assert run_cli("eval", "--iccma", "-f", "f.af", *args, cwd=floating) == (0, expected, "")


def test_a_credulous_answer_comes_with_its_witness(floating):
    code, out, _ = run_cli("eval", "--iccma", "-p", "DC-PR", "-f", "f.af", "-a", "4", cwd=floating)
    yes, witness = out.splitlines()
    assert (code, yes) == (0, "YES") and witness in ("w 1 4", "w 2 4")
    code, out, _ = run_cli("eval", "--iccma", "-p", "EE-SST", "-f", "f.af", cwd=floating)
    assert sorted(json.loads(out)) == [[1, 4], [2, 4]]


def test_the_harness_runs_it_as_a_process_with_apx_too(floating):
    (floating / "f.apx").write_text("arg(a). arg(b). att(a,b).\n")
    assert run_cli("eval", "--iccma", "-p", "SE-ST", "-fo", "apx", "-f", "f.apx", cwd=floating, process=True) == (
        0, "w a\n", "")
    assert run_cli("eval", "--iccma", "--problems", process=True)[1].startswith("[DC-CO,")


@pytest.mark.parametrize(("args", "message"), [
    (["--iccma", "-p", "DC-PR", "-f", "f.af"], "DC-PR needs --argument"),
    (["--iccma", "-p", "DC-PR", "-f", "f.af", "-a", "5"], "no argument '5'"),
    (["--iccma", "-f", "f.af"], "--iccma needs -p TASK and -f FILE (or --problems)"),
    (["--iccma", "-p", "SE-PR"], "--iccma needs -p TASK and -f FILE (or --problems)"),
    (["--iccma", "-p", "SE-PR", "-f", "f.af", "-s", "preferred"], "-s does not go with --iccma"),
    (["--problems"], "--problems is part of the ICCMA interface"),
    (["--iccma", "-p", "XX-PR", "-f", "f.af"], "'XX-PR' is not one of"),
    ([], "missing PATH"),
])
def test_iccma_mistakes_are_one_line(floating, args, message):
    code, out, err = run_cli("eval", *args, cwd=floating)
    assert (code, out) == (2, "") and message in err.splitlines()[-1]  # one line (click adds its usage above)


@pytest.mark.parametrize("semantics", ["semi-stable", "stage", "ideal", "h-categoriser", "euler-based"])
def test_the_new_semantics_on_the_essay(semantics):
    evaluation = argmap.evaluate(argmap.load(ESSAY), semantics)
    assert evaluation.semantics == semantics and evaluation.thesis == "feast-only-in-a-shares"
    if evaluation.gradual:
        assert evaluation.converged and 0 < evaluation.strengths["feast-only-in-a-shares"] <= 1
    else:  # the essay's attacks form no cycle: every extension semantics agrees with grounded
        assert evaluation.acceptance("feast-only-in-a-shares") == "ACCEPTED"
        assert evaluation.acceptance("optimists-forecast") == "REJECTED"
    code, out, err = run_cli("eval", "-s", semantics, str(ESSAY))
    assert (code, err) == (0, "") and out.startswith("The thesis 'feast-only-in-a-shares' ")


@pytest.mark.parametrize(("semantics", "shown"), [("ideal", "[ACCEPTED]"), ("h-categoriser", "[0."),
                                                  ("stage", "[ACCEPTED]")])
def test_render_shows_the_new_semantics(tmp_path, semantics, shown):
    code, _, err = run_cli("render", str(ESSAY), "--eval", semantics, "-o", "m.dot", cwd=tmp_path)
    thesis = next(line for line in (tmp_path / "m.dot").read_text().splitlines()
                  if 'id="node-feast-only-in-a-shares"' in line)
    assert (code, err) == (0, "") and shown in thesis
