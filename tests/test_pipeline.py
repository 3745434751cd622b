"""The composition layer the apps share: a checked map from a path, a folder or a revision, the subject of
an evaluation, and one translation of file errors, from the outside."""

from __future__ import annotations

import pytest

from argmap import pipeline
from argmap.errors import InputError, MapError, UsageError
from tests.conftest import ROOT
from tests.test_api import history  # noqa: F401  # the fixture: a repository whose map changed

ESSAY = ROOT / "models" / "capital-feast"


def test_a_checked_map_has_its_map_graph_findings_and_inputs():
    checked = pipeline.checked_map(ESSAY, "check", config=pipeline.configuration(ROOT))
    assert checked.amap is not None and checked.amap.id == "capital-feast"
    assert checked.graph is not None and checked.graph.number_of_nodes() > len(checked.amap.statements)
    assert not checked.errors and (ESSAY / "map.yaml").resolve() in {p.resolve() for p in checked.inputs}


def test_a_checked_map_as_of_a_revision(history, monkeypatch):  # noqa: F811
    monkeypatch.chdir(history)
    old = pipeline.checked_map("maps", rev="HEAD~1")
    assert old.amap is not None and list(old.amap.statements) == ["thesis", "reason"]
    assert old.amap.where("reason") == ("HEAD~1:maps/parts/more.yaml", 3, 3)
    assert list(pipeline.checked_map("maps/map.yaml", rev="HEAD").amap.statements) == ["thesis", "reason", "second"]


def test_a_map_with_errors_is_refused_with_them_unless_allowed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "map.yaml").write_text("argmap: 1\nid: m\nstatements:\n  a: {role: thesis, text: A, supports: b}\n",
                                       encoding="utf-8")
    with pytest.raises(MapError) as caught:
        pipeline.checked_map("map.yaml", "render")
    assert [d.code for d in caught.value.diagnostics] == ["ARG101"] and "--allow-errors" in str(caught.value)
    drafted = pipeline.checked_map("map.yaml", "render", allow_errors=True)
    assert drafted.amap is not None and [d.code for d in drafted.errors] == ["ARG101"]


def test_one_map_of_a_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "map.yaml").write_text("argmap: 1\nid: m\nstatements: {}\n", encoding="utf-8")
    assert pipeline.one_map("one") == "one/map.yaml" and pipeline.one_map("one/map.yaml") == "one/map.yaml"
    (tmp_path / "one" / "other.yaml").write_text("argmap: 1\nid: o\nstatements: {}\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"^one: argmap serve takes one map, and this folder holds 2 \("):
        pipeline.one_map("one", "serve")
    with pytest.raises(UsageError, match=r"^one: the folder holds 2 maps"):
        pipeline.one_map("one")


def test_a_subject_is_a_map_or_a_framework_file(tmp_path):
    essay = pipeline.subject(ESSAY)
    assert essay.amap is not None and "feast-only-in-a-shares" in essay.framework.names
    (tmp_path / "af.apx").write_text("arg(a).\narg(b).\natt(a,b).\n", encoding="utf-8")
    framework = pipeline.subject(tmp_path / "af.apx")
    assert framework.amap is None and framework.framework.names == ("a", "b")


@pytest.mark.parametrize(("name", "text", "where"), [
    ("bad.apx", "arg(a).\natt(a,\n", ":2:"),
    ("bad.i23", "p af x\n", ":1:"),
])
def test_a_malformed_framework_file_is_an_input_error_at_its_place(tmp_path, name, text, where):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        pipeline.subject(tmp_path / name)
    assert caught.value.where.startswith(str(tmp_path / name) + where)


def test_a_malformed_import_is_an_input_error_at_its_place(tmp_path):
    (tmp_path / "bad.json").write_text('{"nodes": [{"nodeID": 1}], "edges": []}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        pipeline.import_file(tmp_path / "bad.json", "aif")
    assert caught.value.where.startswith(str(tmp_path / "bad.json")) and str(caught.value)
    with pytest.raises(InputError) as missing:
        pipeline.import_file(tmp_path / "absent.json", "aif")
    assert missing.value.where == str(tmp_path / "absent.json")


def test_an_iccma_task_is_answered_on_a_subject(tmp_path):
    from argmap.pipeline import evaluation

    (tmp_path / "af.apx").write_text("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\n", encoding="utf-8")
    subject = pipeline.subject(tmp_path / "af.apx")
    deadline = evaluation.Deadline(60)
    yes = evaluation.answer(subject, "DC-PR", "c", deadline)
    assert yes.accepted is True and yes.members(yes.extension) == ["a", "c"]
    assert evaluation.answer(subject, "DS-GR", "b", deadline).accepted is False
    assert evaluation.answer(subject, "CE-ST", None, deadline).extensions == 1
    with pytest.raises(UsageError, match=r"^DC-PR needs --argument$"):
        evaluation.answer(subject, "DC-PR", None, deadline)
    with pytest.raises(UsageError, match=r"^no argument 'cc'; did you mean 'c'\?$"):
        evaluation.answer(subject, "DC-PR", "cc", deadline)


def test_a_map_is_evaluated_and_compared_with_the_other_semantics():
    from argmap.pipeline import evaluation

    subject = pipeline.subject(ESSAY)
    grounded = evaluation.of_subject(subject, "grounded", evaluation.Deadline(60))
    other = evaluation.compared(grounded)
    assert grounded.labels and other is not None and other.semantics == "dfquad" and other.strengths
    assert evaluation.compared(other).semantics == "grounded"
    assert evaluation.compared(evaluation.of_subject(subject, "preferred", evaluation.Deadline(60))) is None


def test_a_time_out_says_what_it_means_under_the_semantics():
    from argmap.errors import LimitReached
    from argmap.pipeline import evaluation

    said = r"^no answer within 0.5 s \(--timeout\); preferred semantics is NP-hard"
    with pytest.raises(LimitReached, match=said), evaluation.bounded(0.5, "preferred") as deadline:
        deadline.at = 0  # already past
        deadline.check()


def test_textconv_lists_the_argument_or_gives_the_file_back(tmp_path):
    (tmp_path / "map.yaml").write_text("argmap: 1\nid: m\nstatements:\n  t: {role: thesis, text: T}\n",
                                       encoding="utf-8")
    assert "t" in pipeline.textconv(str(tmp_path / "map.yaml"))
    (tmp_path / "note.yaml").write_text("just: [text\n", encoding="utf-8")
    assert pipeline.textconv(str(tmp_path / "note.yaml")) == "just: [text\n"


def test_render_builds_the_map_graph_once(tmp_path, monkeypatch):
    """The check's graph is the one drawn and evaluated: render does not build it again."""
    import argmap.graph
    from tests.conftest import run_cli

    built = []
    real = argmap.graph.build
    monkeypatch.setattr(argmap.graph, "build", lambda amap, *a, **k: built.append(amap.id) or real(amap, *a, **k))
    code, _, err = run_cli("render", str(ESSAY / "map.yaml"), "-o", str(tmp_path / "map.dot"), "--eval", "grounded",
                           "--questions", cwd=tmp_path)
    assert (code, err) == (0, "") and built == ["capital-feast"]


def test_the_live_preview_needs_dot_before_it_starts(monkeypatch):
    from argmap.errors import LimitReached
    from argmap.pipeline.rendering import require_dot

    monkeypatch.setenv("PATH", "")
    with pytest.raises(LimitReached, match=r"^Graphviz's `dot` is not installed; to install it: "):
        require_dot()
