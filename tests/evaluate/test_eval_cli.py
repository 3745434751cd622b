"""`argmap eval` end to end: every semantics on the essay, ICCMA tasks against brute force, option clashes."""

from __future__ import annotations

import io
import json
import random

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli.eval_cmd import TASK_SEMANTICS, TASKS, EvalOptions, execute_eval
from argmap.cli.export_cmd import execute_export
from argmap.formats.iccma import write as to_iccma
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import grounded
from tests.conftest import ROOT, examples, run_cli
from tests.evaluate.brute import brute_force, frameworks

ESSAY = str(ROOT / "models/capital-feast/map.yaml")


@pytest.mark.parametrize("semantics", ["complete", "preferred", "stable"])
def test_the_essay_under_extension_semantics(semantics):
    code, out, err = run_cli("eval", "-s", semantics, "-f", "json", ESSAY)
    result = json.loads(out)
    assert (code, err, result["semantics"]) == (0, "", semantics)
    assert result["thesis"] == {"id": "feast-only-in-a-shares", "acceptance": "ACCEPTED"}
    assert result["acceptance"]["optimists-forecast"] == {"credulous": False, "sceptical": False}
    assert result["acceptance"]["two-unsolved-problems"] == {"credulous": True, "sceptical": True}
    assert result["arguments"]["regulation-lifts-popularity"]["credulous"] is False  # the analyst's undercut
    # The essay's attacks form no cycle, so every semantics agrees on one extension.
    assert result["extensions"]["count"] == 1
    code, out, _ = run_cli("eval", "-s", semantics, ESSAY)
    assert out.startswith(f"The thesis 'feast-only-in-a-shares' is accepted: every {semantics} extension contains it.")
    statements = len(argmap.load(ESSAY).statements)
    assert f"\n{statements - 2} accepted, 0 credulously only, 2 rejected; 1 {semantics} extension\n" in out


def test_a_folder_with_one_map_is_evaluated():
    code, out, _ = run_cli("eval", "models", cwd=ROOT)
    assert code == 0 and out.startswith("The thesis 'feast-only-in-a-shares' stands")


def test_a_folder_with_several_maps_is_refused(tree):
    folder = tree({"a.yaml": "argmap: 1\nstatements: {t: {role: thesis, text: T}}\n",
                   "b.yaml": "argmap: 1\nstatements: {t: {role: thesis, text: T}}\n"})
    code, out, err = run_cli("eval", ".", cwd=folder)
    assert (code, out) == (2, "") and "holds 2" in err and "name the map's file" in err


def test_credulous_only_and_no_stable_extension(tmp_path):
    (tmp_path / "even.af").write_text("p af 3\n1 2\n2 1\n3 3\n")
    code, out, _ = run_cli("eval", "-s", "preferred", "even.af", cwd=tmp_path)
    assert code == 0
    assert out.splitlines()[:3] == ["CREDULOUS  1", "CREDULOUS  2", "REJECTED   3"]
    assert "\n0 accepted, 2 credulously only, 1 rejected; 2 preferred extensions\n" in out
    # Each verdict says why: a witness extension and a counter-example, named by what sets them apart.
    assert out.endswith("Why:\n"
                        "  1  some preferred extensions contain it, others do not: one holds '1', another '2'\n"
                        "  2  some preferred extensions contain it, others do not: one holds '2', another '1'\n"
                        "  3  no preferred extension contains it\n")
    code, out, _ = run_cli("eval", "-s", "stable", "even.af", cwd=tmp_path)
    assert code == 0 and out.startswith("There is no stable extension")
    code, out, _ = run_cli("eval", "-s", "stable", "-f", "json", "even.af", cwd=tmp_path)
    assert json.loads(out)["extensions"] == {"exist": False, "count": 0, "listed": []}


def _answer(path: str, task: str, argument: str | None = None) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = execute_eval(EvalOptions(path, task=task, argument=argument), out, err)
    assert (code, err.getvalue()) == (0, "")
    return out.getvalue()


@settings(max_examples=examples(40), deadline=None)
@given(frameworks)
def test_every_iccma_task_matches_brute_force(tmp_path_factory, framework):
    path = tmp_path_factory.mktemp("af") / "f.af"
    path.write_text(to_iccma(framework))
    expected = brute_force(framework)
    n = len(framework)
    for task in TASKS:
        kind, code = task.split("-")
        extensions = expected[TASK_SEMANTICS[code]]
        if kind == "EE":
            listed = json.loads(_answer(str(path), task))  # ICCMA numbers make the bracket form JSON
            found = [frozenset(a - 1 for a in e) for e in listed]
            assert len(found) == len(set(found)) and set(found) == set(extensions), task
        elif kind == "CE":
            assert _answer(str(path), task) == f"{len(extensions)}\n", task
        elif kind == "SE":
            answer = _answer(str(path), task)
            if not extensions:
                assert answer == "NO\n"
            else:
                members = frozenset(int(a) - 1 for a in answer.split()[1:])
                assert answer.startswith("w") and members in extensions, task
        else:
            for a in range(n):
                lines = _answer(str(path), task, str(a + 1)).splitlines()
                accepted = (any if kind == "DC" else all)(a in e for e in extensions)
                assert lines[0] == ("YES" if accepted else "NO"), (task, a)
                if len(lines) > 1:  # a witness for YES to DC, a counter-example for NO to DS
                    shown = frozenset(int(x) - 1 for x in lines[1].split()[1:])
                    assert shown in extensions and (a in shown) == (kind == "DC")


@pytest.mark.parametrize(("args", "message"), [
    (["-s", "dfquad", "--task", "SE-GR"], "answered under grounded semantics"),
    (["--task", "DC-PR", "-s", "stable", "-a", "1"], "answered under preferred semantics, not stable"),
    (["--sensitivity", "-s", "preferred"], "needs gradual semantics"),
    (["--sensitivity", "--task", "SE-PR"], "does not go with --task"),
    (["--sensitivity", "-a", "no-such-statment"], "no argument 'no-such-statment'"),
    (["-a", "popular-view"], "--argument has no effect here"),
    (["--task", "EE-PR", "-a", "popular-view"], "--argument has no effect here"),
    (["-s", "dfquad", "--top", "3"], "--top only goes with --sensitivity"),
    (["--threshold", "0.6", "--top", "3"], "--threshold and --top only go with --sensitivity"),
    (["-s", "preferred", "--timeout", "inf"], "'inf' is not a finite number of seconds"),
    (["-s", "preferred", "--timeout", "nan"], "'nan' is not a finite number of seconds"),
    (["-s", "preferred", "--timeout", "-inf"], "'-inf' is not a finite number of seconds"),
    (["--timeout", "0"], "'0': a time limit must be more than 0 and at most 604800 seconds (a week)"),
    (["--timeout", "-1"], "'-1': a time limit must be more than 0 and at most 604800 seconds (a week)"),
    (["--timeout", "604801"], "must be more than 0 and at most 604800 seconds"),
    (["--timeout", "soon"], "'soon' is not a number of seconds"),
    (["--sensitivity", "--threshold", "nan"], "'nan' is not a number"),
    (["--sensitivity", "--threshold", "NaN"], "'NaN' is not a number"),
    (["--sensitivity", "--threshold", "inf"], "inf is not in the range 0<=x<1"),
    (["--sensitivity", "--threshold", "1"], "1.0 is not in the range 0<=x<1"),
])
def test_options_that_clash_are_refused(args, message):
    code, out, err = run_cli("eval", *args, ESSAY)
    assert (code, out) == (2, "") and message in err


def test_a_hard_framework_stops_at_the_time_limit(tmp_path):
    # Random frameworks with four attacks per argument sit where these problems are hardest.
    rng = random.Random(0)
    n, attacks = 3000, set()
    while len(attacks) < 4 * n:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            attacks.add((a, b))
    framework = Framework(tuple(str(i + 1) for i in range(n)), tuple(sorted(attacks)))
    (tmp_path / "hard.af").write_text(to_iccma(framework))
    undecided = grounded(framework).index("UNDEC") + 1
    code, out, err = run_cli("eval", "hard.af", "--task", "DC-ST", "-a", str(undecided), "--timeout", "0.3", cwd=tmp_path)
    assert (code, out) == (3, "") and "no answer within 0.3 s" in err  # stopped by the limit, not run to the end
    # What grounded semantics decides is answered without a search, even here.
    labels = grounded(framework)
    accepted, rejected = labels.index("IN") + 1, labels.index("OUT") + 1
    for task, argument, answer in (("DS-ST", accepted, "YES\n"), ("DS-SST", accepted, "YES\n"),
                                   ("DC-PR", rejected, "NO\n"), ("DC-ST", rejected, "NO\n")):
        assert run_cli("eval", "hard.af", "--task", task, "-a", str(argument), "--timeout", "1", cwd=tmp_path) == (
            0, answer, ""), task


def strict_json(text: str):
    """json.loads that refuses NaN, Infinity and -Infinity, which Python writes but JSON does not have."""
    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")
    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("options", [
    {}, {"semantics": "complete"}, {"semantics": "preferred"}, {"semantics": "stable"}, {"semantics": "dfquad"},
    {"semantics": "quadratic-energy"}, {"sensitivity": True}, {"sensitivity": True, "threshold": 0.0},
    {"sensitivity": True, "semantics": "quadratic-energy", "threshold": 0.99}, {"task": "EE-PR"}, {"task": "SE-ST"},
    {"task": "DC-CO", "argument": "popular-view"}, {"task": "DS-GR", "argument": "popular-view"},
])
def test_every_json_output_is_standard_json(options, tmp_path):
    (tmp_path / "odd.af").write_text("p af 3\n1 2\n2 3\n3 1\n")
    gradual = options.get("sensitivity") or options.get("semantics") in ("dfquad", "quadratic-energy")
    for path in (ESSAY,) if gradual else (ESSAY, str(tmp_path / "odd.af")):
        argument = options.get("argument") and ("popular-view" if path == ESSAY else "1")
        out, err = io.StringIO(), io.StringIO()
        code = execute_eval(EvalOptions(path, format="json", **{**options, "argument": argument}), out, err)
        assert (code, err.getvalue()) == (0, "")
        strict_json(out.getvalue())
    out = io.StringIO()
    assert execute_export(ESSAY, "aif", None, out, io.StringIO()) == 0
    strict_json(out.getvalue())


def test_json_escapes_what_could_drive_a_terminal():
    from argmap.cli.eval_output import json_text

    text = json_text({"text": "a\x1b[2J\x9b1m\u202e\u2066\u2028\ufeff\x00é日本", "n": 0.5})
    assert text == '{\n  "text": "a\\u001b[2J\\u009b1m\\u202e\\u2066\\u2028\\ufeff\\u0000é日本",\n  "n": 0.5\n}\n'
    for bad in (float("nan"), float("inf"), -float("inf")):
        with pytest.raises(ValueError):
            json_text({"n": bad})


def test_each_row_shows_the_statement_text_in_the_chosen_language():
    amap = argmap.load(ESSAY)
    code, out, err = run_cli("eval", ESSAY)
    assert (code, err) == (0, "")
    rows = {line.split()[1]: line for line in out.splitlines() if line.startswith(("IN ", "OUT ", "UNDEC "))}
    assert set(rows) == set(amap.statements)
    for sid, row in rows.items():
        english = " ".join(amap.statements[sid].text["en"].split())
        shown = row.split('"', 1)[1].rstrip('"')
        assert english.startswith(shown.removesuffix("…")) and len(row) <= 110, row
    assert rows["popular-view"].startswith("OUT    popular-view ")
    code, out, _ = run_cli("eval", "-s", "preferred", "--lang", "ja", ESSAY)
    row = next(line for line in out.splitlines() if line.startswith("ACCEPTED   feast-in-a-shares "))
    assert row.endswith('claim     "' + amap.statements["feast-in-a-shares"].text["ja"] + '"')
    code, out, _ = run_cli("eval", "-s", "dfquad", "--lang", "fr", ESSAY)
    assert '  base 0.50  "Opinion répandue' in out
    code, out, _ = run_cli("eval", "--sensitivity", "--top", "3", ESSAY)
    assert '0.50  popular-view        "Popular view:' in out


def test_a_long_text_is_one_shortened_line_and_json_keeps_its_shape(tree):
    long = "word " * 80
    folder = tree({"m.yaml": "argmap: 1\nid: m\nlanguages: [en, fr]\nstatements:\n"
                   "  t: {role: thesis, text: {en: Short thesis, fr: Thèse}}\n"
                   f"  r:\n    supports: t\n    text:\n      en: |\n        first line\n        {long}\n"
                   "      fr: Raison\n"})
    code, out, err = run_cli("eval", "m.yaml", cwd=folder)
    assert (code, err) == (0, "")
    row = next(line for line in out.splitlines() if line.startswith("IN     r "))
    assert row.startswith('IN     r  claim   "first line word word') and row.endswith(' word…"') and 100 < len(row) <= 110
    assert 'IN     t  thesis  "Short thesis"' in out
    _, fr, _ = run_cli("eval", "m.yaml", "--lang", "fr", cwd=folder)
    assert 'IN     r  claim   "Raison"' in fr
    (folder / "m.yaml").write_text((folder / "m.yaml").read_text(encoding="utf-8").replace("      fr: Raison\n", ""),
                                   encoding="utf-8")
    _, fr, _ = run_cli("eval", "m.yaml", "--lang", "fr", cwd=folder)  # r has no French text: said, as drawn
    row = next(line for line in fr.splitlines() if line.startswith("IN     r "))
    assert row.startswith('IN     r  claim   "first line word') and row.endswith('…" (en: not translated)')
    assert len(row) <= 110
    _, plain, _ = run_cli("eval", "m.yaml", "-f", "json", cwd=folder)
    _, chosen, _ = run_cli("eval", "m.yaml", "-f", "json", "--lang", "fr", cwd=folder)
    assert plain == chosen and "first line" not in plain


@pytest.mark.parametrize(("args", "message"), [
    (["--lang", "de", ESSAY], "the map has no language 'de'; it has en, fr, ja"),
    (["--lang", "en", "f.af"], "--lang is for a map's texts; a framework file has none"),
    (["--iccma", "-p", "SE-GR", "-f", "f.af", "--lang", "en"], "--lang does not go with --iccma"),
])
def test_a_language_the_input_does_not_have_is_refused(tmp_path, args, message):
    (tmp_path / "f.af").write_text("p af 2\n1 2\n")
    code, out, err = run_cli("eval", *args, cwd=tmp_path)
    assert (code, out) == (2, "") and message in err


@given(st.text(), st.integers(min_value=2, max_value=120))
@example("000\u094d", 3)
@example("e\u0301" * 10 + "\U0001f468\u200d\U0001f469\u200d\U0001f467" * 5, 12)
@example("ab\u202ecd" * 3, 8)
def test_a_shortened_text_fits_its_columns_on_one_printable_line(text, columns):
    import unicodedata

    from argmap.cli.eval_output import shorten
    from argmap.texts import is_wide, one_line

    def terminal_columns(line: str) -> int:
        """As a terminal shows it: marks, variation selectors and what a ZWJ joins on take no column."""
        total, joined = 0, False
        for char in line:
            mark = (unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me") or char == "\u200d"
                    or "\ufe00" <= char <= "\ufe0f")
            total += 0 if mark or joined else 2 if is_wide(char) else 1
            joined = char == "\u200d"
        return total

    shown = shorten(text, columns)
    assert terminal_columns(shown) <= columns and one_line(shown) == shown and "\n" not in shown
    flat = " ".join(text.split())
    assert shown == one_line(flat) or shown.endswith("…")
