"""Grounded semantics against brute force and textbook frameworks; framework files; the eval CLI."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

import pytest
from hypothesis import given, settings

import argmap
from argmap.formats import parse_framework as parse
from argmap.formats.apx import write as to_apx
from argmap.formats.iccma import write as to_iccma
from argmap.formats.tgf import write as to_tgf
from argmap.semantics.framework import Framework, FrameworkError
from argmap.semantics.grounded import grounded
from tests.conftest import ROOT, run_cli
from tests.evaluate.brute import brute_force, frameworks


def brute_force_grounded(framework: Framework) -> set[int]:
    """The grounded extension as the intersection of all complete extensions (Dung 1995)."""
    complete = brute_force(framework)["complete"]
    return set(frozenset.intersection(*complete)) if complete else set()


@settings(deadline=None)
@given(frameworks)
def test_grounded_matches_brute_force(framework):
    labels = grounded(framework)
    accepted = {i for i, label in enumerate(labels) if label == "IN"}
    assert accepted == brute_force_grounded(framework)
    attackers = framework.attackers()
    for i, label in enumerate(labels):  # and the labelling is the grounded labelling of that extension
        expected = "OUT" if any(a in accepted for a in attackers[i]) else ("IN" if i in accepted else "UNDEC")
        assert label == expected


@pytest.mark.parametrize(("names", "attacks", "expected"), [
    ("abc", [(0, 1), (1, 2)], ["IN", "OUT", "IN"]),                    # reinstatement
    ("ab", [(0, 1), (1, 0)], ["UNDEC", "UNDEC"]),                      # even cycle
    ("abc", [(0, 1), (1, 2), (2, 0)], ["UNDEC"] * 3),                  # odd cycle
    ("ab", [(0, 0), (0, 1)], ["UNDEC", "UNDEC"]),                      # self-attack
    ("abcd", [(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)], ["UNDEC"] * 4),  # floating reinstatement: not grounded
])
def test_textbook_frameworks(names, attacks, expected):
    assert grounded(Framework(tuple(names), tuple(attacks))) == expected


@given(frameworks)
def test_formats_round_trip(framework):
    for writer, form in ((to_iccma, "iccma"), (to_apx, "apx"), (to_tgf, "tgf")):
        back = parse(writer(framework), form)
        assert len(back) == len(framework) and back.attacks == framework.attacks


def test_apx_quotes_names_that_are_not_asp_constants():
    framework = Framework(("a--support--t", "t", "x y", 'q"z', "7", "Big"), ((0, 1), (2, 3), (4, 5)))
    text = to_apx(framework)
    assert 'arg("a--support--t").' in text and "arg(t)." in text and 'att(7,"Big").' in text
    assert parse(text, "apx") == framework
    # ASPARTIX files often hold several facts on a line, and comments after them.
    assert parse("arg(a). arg(b). att(a,b). % a comment\n", "apx") == Framework(("a", "b"), ((0, 1),))


def test_iccma_reads_a_byte_order_mark_and_only_ascii_digits():
    assert parse("\ufeffp af 2\n1 2\n", "iccma") == Framework(("1", "2"), ((0, 1),))
    with pytest.raises(FrameworkError):
        parse("p af \uff12\n", "iccma")  # a full-width 2


@pytest.mark.parametrize(("text", "form", "where"), [
    ("1 2\n", "iccma", (1, 1)),
    ("p af 2\n1 3\n", "iccma", (2, 3)),
    ("p af 2\n1 x\n", "iccma", (2, 1)),
    ("arg(a).\natt(a,b).\n", "apx", (2, 7)),
    ("arg(a)\n", "apx", (1, 1)),
    ("a\n#\na b\n", "tgf", (3, 3)),
    ("arg(a). junk\n", "apx", (1, 9)),
    ("a\nb\n#\na b\n#\n", "tgf", (5, 1)),
])
def test_bad_framework_files_are_located(text, form, where):
    with pytest.raises(FrameworkError) as caught:
        parse(text, form)
    assert (caught.value.line, caught.value.column) == where


def test_undercut_defeats_the_inference_not_its_premise(tree):
    folder = tree({"map.yaml": """\
argmap: 1
statements:
  thesis: {role: thesis, text: T}
  regulation: {role: evidence, text: R}
  weak-policy: {role: evidence, text: W, attacks: lifts}
  forecast: {text: F, attacks: thesis}
arguments:
  lifts: {premises: [regulation], supports: forecast}
"""})
    code, out, _ = run_cli("eval", "-f", "json", "map.yaml", cwd=folder)
    result = json.loads(out)
    labels = {**result["labels"], **result["arguments"]}
    # The inference is defeated; its premise stands, and (support being evidential) so does the
    # forecast, which still defeats the thesis.
    assert (code, labels["regulation"], labels["lifts"], labels["forecast"], labels["thesis"]) == (0, "IN", "OUT", "IN", "OUT")


def test_an_attack_falls_with_its_premise(tree):
    folder = tree({"map.yaml": """\
argmap: 1
statements:
  thesis: {role: thesis, text: T}
  objection: {text: O}
  co-premise: {text: C}
  rebuttal: {text: R, attacks: co-premise, supports: thesis}
arguments:
  joint: {premises: [objection, co-premise], attacks: thesis}
"""})
    code, out, _ = run_cli("eval", "-f", "json", "map.yaml", cwd=folder)
    labels = json.loads(out)["labels"]
    assert (code, labels["thesis"], labels["co-premise"], labels["objection"]) == (0, "IN", "OUT", "IN")


def test_iccma_tasks(tmp_path):
    (tmp_path / "f.af").write_text("p af 3\n# a comment\n1 2\n2 3\n")
    assert run_cli("eval", "f.af", "--task", "SE-GR", cwd=tmp_path) == (0, "w 1 3\n", "")
    assert run_cli("eval", "f.af", "--task", "EE-GR", cwd=tmp_path) == (0, "[[1,3]]\n", "")
    assert run_cli("eval", "f.af", "--task", "DC-GR", "-a", "3", cwd=tmp_path) == (0, "YES\nw 1 3\n", "")
    assert run_cli("eval", "f.af", "--task", "DS-GR", "-a", "2", cwd=tmp_path) == (0, "NO\nw 1 3\n", "")
    code, out, _ = run_cli("eval", "f.af", "--task", "DC-GR", "-a", "3", "-f", "json", cwd=tmp_path)
    assert json.loads(out) == {"task": "DC-GR", "argument": "3", "accepted": True, "witness": ["1", "3"]}
    (tmp_path / "f.apx").write_text("arg(a).\narg(b).\natt(a,b).\n")
    assert run_cli("eval", "f.apx", "--task", "SE-GR", cwd=tmp_path) == (0, "w a\n", "")
    (tmp_path / "bad.af").write_text("p af 2\n1 5\n")
    assert run_cli("eval", "bad.af", cwd=tmp_path) == (2, "", "bad.af:2:3: error: argument 5 is not between 1 and 2\n")
    code, _, err = run_cli("eval", "f.af", "--task", "DC-GR", cwd=tmp_path)
    assert code == 2 and "needs --argument" in err
    code, _, err = run_cli("eval", "f.af", "--task", "DC-PR", "-a", "9", cwd=tmp_path)
    assert code == 2 and "no argument '9'" in err


def test_export_round_trips_through_eval(tmp_path):
    code, _, err = run_cli("export", str(ROOT / "models/capital-feast/map.yaml"), "-f", "tgf", "-o", "cf.tgf", cwd=tmp_path)
    assert (code, err) == (0, "")
    code, out, _ = run_cli("eval", "cf.tgf", "-f", "json", cwd=tmp_path)
    assert json.loads(out)["labels"]["optimists-forecast"] == "OUT"


def test_a_broken_map_is_not_evaluated(tree):
    folder = tree({"map.yaml": "argmap: 1\nstatements:\n  thesis: {role: thesis, text: T, attacks: nothing}\n"})
    code, out, err = run_cli("eval", "map.yaml", cwd=folder)
    assert (code, out) == (1, "") and "map.yaml:3:44: error:" in err and "ARG101" in err


def test_huge_frameworks_are_refused_in_one_line(tmp_path):
    (tmp_path / "huge.af").write_text("p af 2000000000\n1 2\n")
    assert run_cli("eval", "huge.af", cwd=tmp_path) == (
        2, "", "huge.af:1:6: error: 2,000,000,000 arguments is over the limit of 10,000,000\n")
    assert run_cli("eval", "/dev/zero", "--input-format", "iccma") == (2, "", "/dev/zero: error: is not a regular file\n")
    # Under the limit but beyond this process's memory: one line, no traceback.
    (tmp_path / "big.af").write_text("p af 9999999\n1 2\n")
    limit = 400 * 1024 * 1024
    done = subprocess.run([sys.executable, "-m", "argmap", "eval", "big.af"], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
    assert (done.returncode, done.stderr) == (2, "argmap: out of memory; the input is too large for this machine\n")


def test_export_aif(tmp_path):
    code, _, err = run_cli("export", str(ROOT / "models/capital-feast/map.yaml"), "-f", "aif", "--lang", "ja",
                           "-o", "cf.json", cwd=tmp_path)
    # what AIF cannot hold (the other languages, roles, groups, quotes) is listed, never dropped silently
    assert code == 0 and all(line.startswith("argmap export: aif cannot hold ") for line in err.splitlines())
    assert "languages (en, fr)" in err and "quotes" in err
    aif = json.loads((tmp_path / "cf.json").read_text(encoding="utf-8"))
    kinds = {node["nodeID"]: node["type"] for node in aif["nodes"]}
    statements = len(argmap.load(ROOT / "models/capital-feast/map.yaml").statements)
    assert sum(kind == "I" for kind in kinds.values()) == statements and set(kinds.values()) == {"I", "RA", "CA"}
    outgoing: dict[str, list[str]] = {}
    incoming: dict[str, list[str]] = {}
    for edge in aif["edges"]:
        outgoing.setdefault(edge["fromID"], []).append(edge["toID"])
        incoming.setdefault(edge["toID"], []).append(edge["fromID"])
    for node, kind in kinds.items():
        if kind != "I":  # a scheme node: premises in, one conclusion out
            assert len(outgoing[node]) == 1 and incoming[node], node
    # An undercut is a conflict aimed at an inference; a rebuttal at a statement.
    assert outgoing["policy-weighs-on-regulation"] == ["regulation-lifts-popularity"]
    assert kinds["regulation-lifts-popularity"] == "RA"
    assert outgoing["two-unsolved-problems--attack--optimists-forecast"] == ["optimists-forecast"]
    thesis = next(node for node in aif["nodes"] if node["nodeID"] == "feast-only-in-a-shares")
    assert "A" in thesis["text"] and any("\u3040" <= c <= "\u30ff" for c in thesis["text"])  # Japanese text
    (tmp_path / "f.af").write_text("p af 1\n")
    code, out, err = run_cli("export", "f.af", "-f", "aif", cwd=tmp_path)
    assert (code, out) == (2, "") and "AIF needs a map" in err


def test_a_plain_relation_is_undercut_by_its_derived_id():
    """`attacks: reason--support--thesis` defeats the inference, not the reason (docs/format.md)."""
    import argmap

    amap = argmap.ArgumentMap.from_data({"argmap": 1, "id": "u", "statements": {
        "thesis": {"role": "thesis", "text": "T"},
        "reason": {"role": "evidence", "text": "R", "supports": "thesis"},
        "doubt": {"role": "evidence", "text": "D", "attacks": "reason--support--thesis"},
        "objection": {"text": "O", "attacks": "thesis"}}})
    labels = argmap.evaluate(amap).labels
    assert (labels["reason"], labels["reason--support--thesis"], labels["doubt"]) == ("IN", "OUT", "IN")


@pytest.mark.parametrize("semantics", ["grounded", "preferred", "stable", "dfquad"])
def test_what_a_drawing_shows_names_only_nodes_of_the_map(semantics):
    # A linked premise with two attackers gets an auxiliary argument in the framework (`a--defeated`); the
    # drawing's notes, and so the page's data, must name only the map's own statements and inferences.
    amap = argmap.ArgumentMap.from_data({"argmap": 1, "statements": {
        "t": {"role": "thesis", "text": "T"}, "a": {"text": "A"}, "b": {"text": "B"},
        "x": {"text": "X", "attacks": "a"}, "y": {"text": "Y", "attacks": "a"}},
        "arguments": {"arg1": {"premises": ["a", "b"], "supports": "t"}}})
    evaluation = argmap.evaluate(amap, semantics)
    notes = evaluation.annotations()
    assert set(notes) == {"t", "a", "b", "x", "y", "arg1", "x--attack--a", "y--attack--a"}
    assert notes["a"] in {"OUT", "REJECTED", "0.12"}
