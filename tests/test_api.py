"""The Python API from the outside: load, check, evaluate, render and dump, on files, revisions and code."""

from __future__ import annotations

import json
import subprocess
import xml.dom.minidom

import pytest

import argmap
from argmap.errors import LimitReached, MapError, UsageError
from tests.conftest import ROOT

ESSAY = ROOT / "models" / "capital-feast" / "map.yaml"
BUILT = {
    "argmap": 1, "id": "built", "languages": ["en", "fr"],
    "statements": {
        "thesis": {"role": "thesis", "text": {"en": "T", "fr": "Thèse"}},
        "reason": {"text": {"en": "R", "fr": "Raison"}, "supports": "thesis"},
        "fact": {"role": "evidence", "text": {"en": "F", "fr": "Fait"}, "supports": "reason"},
        "doubt": {"text": {"en": "D", "fr": "Doute"}, "attacks": "reason"},
        "answer": {"text": {"en": "A", "fr": "Réponse"}, "attacks": "doubt"},
    },
}


def test_a_map_built_in_code_is_checked_evaluated_and_rendered():
    built = argmap.ArgumentMap.from_data(BUILT)
    result = argmap.check(built, config=False)
    assert result.exit_code() == 0
    grounded = argmap.evaluate(built)
    assert grounded.labels["thesis"] == "IN" and grounded.labels["doubt"] == "OUT"
    assert grounded.verdict() == "The thesis 'thesis' stands: nothing attacks it (grounded semantics)."
    assert json.loads(json.dumps(grounded.to_json()))["thesis"] == {"id": "thesis", "label": "IN"}
    dot = argmap.render(built, "dot", lang="fr", evaluation=grounded).decode()
    assert "Thèse" in dot and "[IN]" in dot


@pytest.mark.needs_dot
def test_render_gives_well_formed_svg_and_a_jupyter_display():
    built = argmap.ArgumentMap.from_data(BUILT)
    svg = argmap.render(built, "svg", evaluation="preferred")
    xml.dom.minidom.parseString(svg)
    bundle = built._repr_mimebundle_()
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml") and "built" in bundle["text/plain"]


def test_a_map_built_in_code_with_problems_has_findings_without_places():
    data = {**BUILT, "statements": {**BUILT["statements"], "stray": {"text": {"en": "S"}, "supports": "nowhere"}}}
    result = argmap.check(argmap.ArgumentMap.from_data(data), config=False)
    found = {(d.code, d.path, d.line) for d in result.diagnostics}
    assert ("ARG101", "built", 0) in found and result.exit_code() == 1


def test_dump_loads_back_to_an_equal_map(tmp_path):
    essay = argmap.load(ESSAY)
    (tmp_path / "map.yaml").write_text(argmap.dump(essay), encoding="utf-8")
    again = argmap.load(tmp_path / "map.yaml")
    assert again == essay and again.files != essay.files
    assert argmap.dump(again) == argmap.dump(essay)


def test_dump_of_a_map_with_includes_keeps_each_source_pointing_at_its_text(tmp_path):
    (tmp_path / "parts").mkdir()
    (tmp_path / "map.yaml").write_text("argmap: 1\nid: m\ninclude: [parts/more.yaml]\nstatements:\n"
                                       "  t: {role: thesis, text: T}\n", encoding="utf-8")
    (tmp_path / "parts" / "more.yaml").write_text(
        "argmap: 1\nsources:\n  s: {path: essay.txt}\nstatements:\n"
        "  a: {text: A, supports: t, quotes: [{source: s, text: hello}]}\n", encoding="utf-8")
    (tmp_path / "parts" / "essay.txt").write_text("hello world\n", encoding="utf-8")
    (tmp_path / "one.yaml").write_text(argmap.dump(argmap.load(tmp_path / "map.yaml")), encoding="utf-8")
    one = argmap.load(tmp_path / "one.yaml")
    assert one.sources["s"].path == "parts/essay.txt"
    codes = {d.code for d in argmap.check(tmp_path / "one.yaml", config=False).diagnostics}
    assert not codes & {"ARG302", "ARG303"}  # every quote found in its text


def test_load_refuses_a_broken_map_with_located_diagnostics(tmp_path):
    (tmp_path / "map.yaml").write_text("argmap: 1\nstatements:\n  thesis: {role: thesis, txt: T}\n", encoding="utf-8")
    with pytest.raises(MapError) as caught:
        argmap.load(tmp_path / "map.yaml")
    assert caught.value.status == 1
    assert [(d.code, d.line, d.column) for d in caught.value.diagnostics] == [("ARG002", 3, 11), ("ARG002", 3, 26)]


def test_usage_errors_and_time_limits_are_typed():
    essay = argmap.load(ESSAY)
    with pytest.raises(UsageError, match="no language 'zz'"):
        argmap.render(essay, "dot", lang="zz")
    with pytest.raises(UsageError, match="no group 'nope'"):
        argmap.render(essay, "dot", group="nope")
    with pytest.raises(UsageError, match="unknown semantics"):
        argmap.evaluate(essay, "nonsense")
    with pytest.raises(UsageError, match="unknown semantics 'bogus'"):
        argmap.render(essay, "dot", evaluation="bogus")
    for limit in (float("nan"), float("inf"), -1, 0, 8 * 24 * 3600, "5", True):
        with pytest.raises(UsageError, match="a time limit must be a number of seconds above 0 and at most a week"):
            argmap.evaluate(essay, "preferred", timeout=limit)
        with pytest.raises(UsageError, match="a time limit must be"):
            argmap.render(essay, "dot", timeout=limit)
    with pytest.raises(UsageError, match="no such configuration file"):  # what the command line exits 2 for
        argmap.check(ROOT / "models", config=ROOT / "no-such-config.yaml")
    assert issubclass(LimitReached, argmap.errors.ArgmapError) and LimitReached.status == 3


def test_a_folder_with_one_map_loads_it():
    assert argmap.load(ESSAY.parent).id == "capital-feast"


@pytest.fixture
def history(tmp_path):
    """A repository whose map changed between two commits (a statement added in an include)."""
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True,
                       env={"GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@b", "GIT_COMMITTER_NAME": "a",
                            "GIT_COMMITTER_EMAIL": "a@b", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})

    git("init", "-q")
    (tmp_path / "maps" / "parts").mkdir(parents=True)
    (tmp_path / "maps" / "map.yaml").write_text("argmap: 1\nid: m\ninclude: [parts/more.yaml]\nstatements:\n"
                                                "  thesis: {role: thesis, text: T}\n", encoding="utf-8")
    (tmp_path / "maps" / "parts" / "more.yaml").write_text("argmap: 1\nstatements:\n  reason: {text: R, supports: thesis}\n",
                                                           encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "first")
    with open(tmp_path / "maps" / "parts" / "more.yaml", "a", encoding="utf-8") as stream:
        stream.write("  second: {text: S, supports: thesis}\n")
    git("commit", "-qam", "second")
    (tmp_path / "maps" / "parts" / "more.yaml").write_text("argmap: 1\n", encoding="utf-8")  # uncommitted
    return tmp_path


def test_load_as_of_a_git_revision_reads_the_includes_of_that_revision(history, monkeypatch):
    monkeypatch.chdir(history)
    assert list(argmap.load("maps/map.yaml", rev="HEAD~1").statements) == ["thesis", "reason"]
    head = argmap.load("maps/map.yaml", rev="HEAD")
    assert list(head.statements) == ["thesis", "reason", "second"]
    assert head.where("second") == ("HEAD:maps/parts/more.yaml", 4, 3)
    assert list(argmap.load("maps/map.yaml").statements) == ["thesis"]  # the working tree
    assert list(argmap.load("maps", rev="HEAD~1").statements) == ["thesis", "reason"]


@pytest.mark.parametrize("rev", ["no-such-branch", "--output=x", "HEAD~9"])
def test_a_revision_that_does_not_exist_is_a_usage_error(history, monkeypatch, rev):
    monkeypatch.chdir(history)
    with pytest.raises(UsageError):
        argmap.load("maps/map.yaml", rev=rev)
    assert not (history / "x").exists()


def test_a_file_missing_at_that_revision_is_a_located_finding(history, monkeypatch):
    monkeypatch.chdir(history)
    (history / "maps" / "new.yaml").write_text("argmap: 1\n", encoding="utf-8")
    with pytest.raises(MapError) as caught:
        argmap.load("maps/new.yaml", rev="HEAD")
    assert "no such file in this revision" in str(caught.value)


def test_export_and_import_round_trip_and_refuse_what_cannot_be():
    built = argmap.ArgumentMap.from_data(BUILT)
    written = argmap.export(built, "argdown", lang="fr")
    assert "Thèse" in written.text
    with pytest.raises(UsageError, match="no language 'de'"):
        argmap.export(built, "aif", lang="de")
    with pytest.raises(UsageError, match="cannot export 'argdown-json'"):
        argmap.export(built, "argdown-json")
    with pytest.raises(UsageError, match="a language only goes with"):
        argmap.export(built, "iccma", lang="fr")
    assert "feast-only-in-a-shares\n" in argmap.export(ESSAY, "tgf").text  # a path is read and checked first
    with pytest.raises(UsageError, match="cannot import 'mermaid'"):
        argmap.import_map(ESSAY, "mermaid")


def test_diff_of_a_map_with_itself_is_empty():
    essay = argmap.load(ESSAY)
    assert not argmap.diff(essay, essay) and argmap.diff(essay, essay).changes == ()


FROM_DATA_REFUSALS = {
    "nothing": (None, "a map's data is a mapping that starts with `argmap: 1`, not nothing"),
    "a list": ([], "a map's data is a mapping that starts with `argmap: 1`, not a list"),
    "an empty mapping": ({}, "missing required field 'argmap'"),
    "a wrong type": ({"argmap": 1, "statements": {"t": {"text": 3}}},
                     "statements.t.text: must be a text, or one text per language"),
    "NaN": ({"argmap": 1, "statements": {"t": {"text": "T", "base": float("nan")}}}, "statements.t.base: "),
    "a number where ids belong": ({"argmap": 1, "statements": {"t": {"text": "T", "supports": 3}}},
                                  "statements.t.supports: must be text or a list, not a number"),
    "a key that is not text": ({"argmap": 1, "statements": {1: {"text": "T"}}},
                               "statements.1: must be text, not a number"),
    "a control character": ({"argmap": 1, "title": "a\x07b"}, "title: the text holds U+0007 (a control character)"),
    "a surrogate": ({"argmap": 1, "statements": {"t": {"text": "a\ud800"}}},
                    "statements.t.text: the text holds U+D800 (a lone surrogate)"),
    "a blank text": ({"argmap": 1, "statements": {"t": {"text": " \u3000"}}},
                     "statements.t.text: must not be empty (it holds only spaces)"),
    "an include": ({"argmap": 1, "include": ["more.yaml"]}, "include: a map built from data has no files to include"),
    "a text over the limit": ({"argmap": 1, "statements": {"t": {"text": "x" * 100_001}}},
                              "statements.t.text: a text of 100,001 characters is over the 100,000-character limit"),
}


@pytest.mark.parametrize("case", FROM_DATA_REFUSALS)
def test_from_data_refuses_bad_data_with_a_located_map_error(case):
    data, expected = FROM_DATA_REFUSALS[case]
    with pytest.raises(MapError) as raised:
        argmap.ArgumentMap.from_data(data, "mine")
    assert str(raised.value).startswith("mine: not a valid map: ") and "\n" not in str(raised.value)
    first = raised.value.diagnostics[0]
    assert (first.path, first.line, first.column) == ("mine", 0, 0) and first.message.startswith(expected), first


def test_from_data_bounds_nesting_and_cycles_without_recursion():
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    looped: dict = {"argmap": 1}
    looped["imported"] = {"format": "x", "kept": {"self": looped}}
    for data in ({"argmap": 1, "imported": {"format": "x", "kept": {"deep": deep}}}, looped):
        with pytest.raises(MapError) as raised:
            argmap.ArgumentMap.from_data(data)
        assert "nesting deeper than 64 levels" in str(raised.value)


def test_from_data_leaves_the_callers_data_as_it_was():
    data = {"argmap": 1, "statements": {"t": {"text": "T"}}}
    argmap.ArgumentMap.from_data(data)
    assert data == {"argmap": 1, "statements": {"t": {"text": "T"}}}


def test_arguments_of_the_wrong_type_are_usage_errors(tmp_path):
    built = argmap.ArgumentMap.from_data(BUILT)
    calls = {
        "evaluate: the map must be an ArgumentMap, not None": lambda: argmap.evaluate(None),
        "render: the map must be an ArgumentMap, not a str (read it with argmap.load first)":
            lambda: argmap.render("map.yaml"),
        "dump: the map must be an ArgumentMap, not a dict (build it with argmap.ArgumentMap.from_data)":
            lambda: argmap.dump({}),
        "load: rev must be a str or None, not an int": lambda: argmap.load(ESSAY, rev=123),
        "load: the path must be a str or a path, not a bytes": lambda: argmap.load(b"map.yaml"),
        "check: the target must be an ArgumentMap, a path or paths, not None": lambda: argmap.check(None),
        "check: each path must be a str or a path, not an int": lambda: argmap.check([ESSAY, 3]),
        "diff: new must be an ArgumentMap, not a str (read it with argmap.load first)": lambda: argmap.diff(built, "b.yaml"),
        "export: the target (a map, or the path of one) must be a str or a path, not None":
            lambda: argmap.export(None, "aif"),
        "import_map: the path must be a str or a path, not an int": lambda: argmap.import_map(3),
        "the configuration must be a path, a Config, True, False or None, not an int":
            lambda: argmap.check(built, config=3),
        "check: the target must be an ArgumentMap, a path or paths, not a bytes": lambda: argmap.check(b"map.yaml"),
        "check: source_dirs must be a list of paths, not a str": lambda: argmap.check(built, source_dirs="abc"),
        "check: each of source_dirs must be a str or a path, not an int": lambda: argmap.check(ESSAY, source_dirs=[5]),
        "import_map: the path holds a NUL character, which no file name can": lambda: argmap.import_map("a\0b"),
        "export: format must be a str, not a list": lambda: argmap.export(built, []),
        "export: lang must be a str or None, not an int": lambda: argmap.export(built, "argdown", 5),
        "evaluate: semantics must be a str, not a list": lambda: argmap.evaluate(built, []),
        "render: lang must be a str or None, not an int": lambda: argmap.render(built, "dot", lang=5),
        "render: focus must be a str or None, not an int": lambda: argmap.render(built, "dot", focus=5),
        "render: group must be a str or None, not an int": lambda: argmap.render(built, "dot", group=5),
        "render: depth must be a whole number, not a str": lambda: argmap.render(built, "dot", focus="t", depth="x"),
        "render: timeout must be a number of seconds (drawing is always bounded), not None":
            lambda: argmap.render(built, "svg", timeout=None),
        "render: dpi must be a whole number or None, not a str": lambda: argmap.render(built, "png", dpi="x"),
        "render: evaluation must be an Evaluation (from argmap.evaluate), the name of a semantics, or None, not an int":
            lambda: argmap.render(built, "dot", evaluation=5),
        "render: findings must be a list of diagnostics, not an int": lambda: argmap.render(built, "dot", findings=5),
        "render: each of findings must be a Diagnostic (from argmap.check), not a str":
            lambda: argmap.render(built, "dot", findings=["x"]),
        "render: previous must be the bytes of an earlier drawing, or None, not a str":
            lambda: argmap.render(built, "svg", previous="<svg/>"),
        "from_data: the name (where findings are placed) must be a str, not 5": lambda: argmap.ArgumentMap.from_data(
            BUILT, 5),
    }
    for message, call in calls.items():
        with pytest.raises(UsageError) as raised:
            call()
        assert str(raised.value) == message


def test_data_is_held_to_a_map_files_node_limit():
    from argmap.mapdata import over_limits
    from argmap.source import Limits

    small = Limits(max_nodes=10)
    assert over_limits({"a": list(range(3))}, small) is None
    assert over_limits({"a": list(range(20))}, small) == "more than 10 nodes (keys, values, lists and mappings)"
    assert over_limits({"a": {"b": "x" * 11}}, Limits(max_scalar_chars=10)) == (
        "a.b: a text of 11 characters is over the 10-character limit")
