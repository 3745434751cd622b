"""Questions with several answers, each evaluated on its own, and the analyst's additions marked."""

from __future__ import annotations

import json

import argmap
from tests.conftest import run_cli

MAP = """\
argmap: 1
title: {en: "Is there a feast? Yes and no", fr: "Y a-t-il un festin ? Oui et non"}
languages: [en, fr]
question:
  text: {en: "Is there a feast?", fr: "Y a-t-il un festin ?"}
  answers: [yes-in-shares, no-elsewhere]
statements:
  whole: {role: thesis, text: {en: Yes and no, fr: Oui et non}}
  yes-in-shares: {text: {en: Yes in shares, fr: Oui en bourse}}
  no-elsewhere: {text: {en: No elsewhere, fr: Non ailleurs}}
  hype: {role: evidence, text: {en: Hype, fr: Battage}, supports: yes-in-shares}
  caution: {role: evidence, text: {en: Caution, fr: Prudence}, supports: no-elsewhere}
  wave: {text: {en: A wave, fr: Une vague}, attacks: no-elsewhere}
  gap: {role: evidence, text: {en: A gap, fr: Un écart}, by: analyst}
  spending: {role: evidence, text: {en: Spending, fr: Dépenses}, supports: wave, concedes: no-elsewhere}
arguments:
  both: {premises: [yes-in-shares, no-elsewhere], supports: whole}
  gap-denies-wave: {premises: [gap], attacks: wave, by: analyst}
"""


def _write(tmp_path):
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    return tmp_path / "map.yaml"


def test_eval_gives_each_answer_a_verdict_in_text_and_json(tmp_path):
    path = _write(tmp_path)
    code, out, err = run_cli("eval", str(path), cwd=tmp_path)
    assert (code, err) == (0, "")
    assert "The answer 'yes-in-shares' stands: nothing attacks it.\n" in out  # no objection to defeat
    assert "The answer 'no-elsewhere' stands: every objection to it is defeated.\n" in out
    code, out, _ = run_cli("eval", "-f", "json", str(path), cwd=tmp_path)
    assert json.loads(out)["answers"] == {"yes-in-shares": "IN", "no-elsewhere": "IN"}
    code, out, _ = run_cli("eval", "-s", "stable", "-f", "json", str(path), cwd=tmp_path)
    assert json.loads(out)["answers"] == {"yes-in-shares": "ACCEPTED", "no-elsewhere": "ACCEPTED"}
    code, out, _ = run_cli("eval", "-s", "dfquad", "-f", "json", str(path), cwd=tmp_path)
    answers = json.loads(out)["answers"]
    assert answers["no-elsewhere"] < answers["yes-in-shares"]  # only the "no" is attacked


def test_without_the_analysts_undercut_the_attacked_answer_falls(tmp_path):
    path = _write(tmp_path)
    without = MAP.replace("  gap-denies-wave: {premises: [gap], attacks: wave, by: analyst}\n", "")
    path.write_text(without.replace("  gap: {role: evidence, text: {en: A gap, fr: Un écart}, by: analyst}\n", ""))
    code, out, _ = run_cli("eval", "-f", "json", str(path), cwd=tmp_path)
    result = json.loads(out)
    assert code == 0 and result["answers"] == {"yes-in-shares": "IN", "no-elsewhere": "OUT"} and result["analyst"] == []


def test_the_analysts_additions_are_listed_and_drawn_marked(tmp_path):
    path = _write(tmp_path)
    code, out, _ = run_cli("eval", str(path), cwd=tmp_path)
    assert "Added by the analyst, not the author: gap, gap-denies-wave\n" in out
    code, out, _ = run_cli("eval", "-f", "json", str(path), cwd=tmp_path)
    assert json.loads(out)["analyst"] == ["gap", "gap-denies-wave"]
    code, _, err = run_cli("render", str(path), "--lang", "fr", "-o", "m.dot", cwd=tmp_path)
    dot = (tmp_path / "m.dot").read_text(encoding="utf-8")
    marked = [line for line in dot.splitlines() if "(ajout de l'analyste)" in line]
    assert (code, err) == (0, "") and len(marked) == 2
    assert any('id="node-gap"' in line for line in marked) and any("node-gap-denies-wave" in line for line in marked)


def test_the_diagram_draws_the_question_above_its_answers(tmp_path):
    path = _write(tmp_path)
    code, _, err = run_cli("render", str(path), "--lang", "fr", "-o", "m.dot", cwd=tmp_path)
    lines = (tmp_path / "m.dot").read_text(encoding="utf-8").splitlines()
    question = next(line for line in lines if 'id="node---question"' in line)
    assert (code, err) == (0, "") and "Y a-t-il un festin ?" in question
    name = question.split()[0]
    answers = [line for line in lines if f"-> {name} " in line]
    assert len(answers) == 2 and all("style=bold" in line for line in answers)


def test_the_question_survives_a_dump(tmp_path):
    amap = argmap.load(_write(tmp_path))
    (tmp_path / "again.yaml").write_text(argmap.dump(amap), encoding="utf-8")
    again = argmap.load(tmp_path / "again.yaml")
    assert again.question == amap.question and again.question is not None
    assert again.arguments["gap-denies-wave"].by == "analyst"


def test_a_concession_is_listed_and_drawn_and_changes_no_verdict(tmp_path):
    path = _write(tmp_path)
    code, out, _ = run_cli("eval", "-f", "json", str(path), cwd=tmp_path)
    result = json.loads(out)
    assert code == 0 and result["concessions"] == {"spending": ["no-elsewhere"]}
    without = path.read_text(encoding="utf-8").replace(", concedes: no-elsewhere", "")
    (tmp_path / "plain.yaml").write_text(without, encoding="utf-8")
    _, plain, _ = run_cli("eval", "-f", "json", "plain.yaml", cwd=tmp_path)
    assert json.loads(plain)["labels"] == result["labels"] and json.loads(plain)["concessions"] == {}
    _, out, _ = run_cli("eval", str(path), cwd=tmp_path)
    assert "Granted by the author against their own claim: spending (against no-elsewhere)\n" in out
    code, _, err = run_cli("render", str(path), "-o", "m.dot", cwd=tmp_path)
    dot = (tmp_path / "m.dot").read_text(encoding="utf-8")
    [line] = [line for line in dot.splitlines() if "spending--concedes--no-elsewhere" in line]
    assert (code, err) == (0, "") and "arrowhead=odiamond" in line and "style=dashed" in line
