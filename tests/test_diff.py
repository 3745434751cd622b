"""`argmap diff` and argmap.changes.compare: what changed in the argument, on files, git revisions and generated maps."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.changes import compare, listing, stale
from argmap.cli.diff_cmd import DiffOptions, execute_diff
from argmap.model import ArgumentMap
from argmap.schema import BLANK
from tests.conftest import ROOT, examples

BASE = {
    "argmap": 1, "id": "m", "languages": ["en", "fr"],
    "sources": {"essay": {"title": "The essay"}},
    "groups": {"g": {"label": {"en": "G", "fr": "G"}}},
    "statements": {
        "thesis": {"role": "thesis", "text": {"en": "T", "fr": "T"}},
        "a": {"text": {"en": "A", "fr": "A"}, "supports": "thesis", "group": "g",
              "quotes": [{"source": "essay", "text": "a"}]},
        "b": {"text": {"en": "B", "fr": "B"}, "attacks": "a"},
        "c": {"text": {"en": "C", "fr": "C"}},
        "d": {"text": {"en": "D", "fr": "D"}},
    },
    "arguments": {"joint": {"premises": ["c", "d"], "supports": "thesis"}},
    "expect": [{"select": {"role": "thesis"}, "count": 1}],
}


def _changed(**edits) -> list[str]:
    data = json.loads(json.dumps(BASE))
    for path, value in edits.items():
        node = data
        *steps, last = path.split("__")
        for step in steps:
            node = node[step]
        if value is None:
            del node[last]
        else:
            node[last] = value
    return [c.describe() for c in compare(ArgumentMap.from_data(BASE), ArgumentMap.from_data(data), evaluate=False).changes]


@pytest.mark.parametrize(("edits", "expected"), [
    ({}, []),
    ({"statements__e": {"text": {"en": "E", "fr": "E"}}}, ["added statement 'e': 'E'"]),
    ({"statements__c": None, "arguments__joint__premises": ["d"]},
     ["removed statement 'c': 'C'", "argument 'joint' premises: removed 'c'"]),
    ({"statements__a__text": {"en": "A", "fr": "A!"}}, ["statement 'a' text (fr): 'A' -> 'A!'"]),
    ({"statements__a__role": "evidence"}, ["statement 'a' role: 'claim' -> 'evidence'"]),
    ({"statements__a__group": None}, ["statement 'a' group: 'g' -> absent"]),
    ({"statements__a__tags": ["new"]}, ["statement 'a' tags: added 'new'"]),
    ({"statements__a__quotes": [{"source": "essay", "text": "b"}]},
     ["statement 'a' quotes: removed 'essay: a'", "statement 'a' quotes: added 'essay: b'"]),
    ({"statements__b__attacks": "thesis"}, ["relation 'b attacks' target: 'a' -> 'thesis'"]),
    ({"statements__b__attacks": None, "statements__b__supports": "a"},
     ["removed relation 'b attacks a'", "added relation 'b supports a'"]),
    ({"arguments__joint__supports": None, "arguments__joint__attacks": "a"},
     ["argument 'joint' supports: 'thesis' -> absent", "argument 'joint' attacks: absent -> 'a'"]),
    ({"sources__essay__title": "A new title"}, ["source 'essay' title: 'The essay' -> 'A new title'"]),
    ({"groups__g__label": {"en": "G2", "fr": "G"}}, ["group 'g' label (en): 'G' -> 'G2'"]),
    ({"expect": []}, ["removed expectation '0': {'select': {'role': 'thesis'}, 'count': 1}"]),
    ({"languages": ["en", "fr", "ja"]}, ["map 'm' languages: ['en', 'fr'] -> ['en', 'fr', 'ja']"]),
])
def test_each_kind_of_change_is_named(edits, expected):
    assert _changed(**edits) == expected


def test_the_evaluation_before_and_after():
    old = ArgumentMap.from_data(BASE)
    data = json.loads(json.dumps(BASE))
    data["statements"]["e"] = {"text": {"en": "E", "fr": "E"}, "attacks": "thesis"}
    changes = compare(old, ArgumentMap.from_data(data))
    [verdict] = changes.verdicts
    assert (verdict.label_before, verdict.label_after) == ("IN", "OUT") and verdict.moved
    assert verdict.describe().startswith("the thesis 'thesis' went from IN to OUT (grounded), strength 0.")


ids = st.sampled_from(["a", "b", "c", "d", "e"])


@st.composite
def maps(draw):
    chosen = draw(st.lists(ids, min_size=1, unique=True))
    statements = {}
    for sid in chosen:
        text = draw(st.text(st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=5)
                    .filter(lambda t: not BLANK.fullmatch(t)))  # a text of spaces only is no text
        statement = {"text": text, "role": draw(st.sampled_from(["claim", "evidence"]))}
        targets = draw(st.lists(st.sampled_from(chosen), unique=True, max_size=2))
        if targets:
            statement[draw(st.sampled_from(["supports", "attacks"]))] = [t for t in targets if t != sid] or None
            statement = {k: v for k, v in statement.items() if v is not None}
        statements[sid] = statement
    return ArgumentMap.from_data({"argmap": 1, "id": "g", "statements": statements})


@settings(max_examples=examples(60), deadline=None)
@given(maps(), maps())
def test_no_change_exactly_when_the_maps_are_equal(first, second):
    def meaning(amap: ArgumentMap) -> dict:
        # the order in which a statement lists its targets says nothing about the argument, nor does the
        # spacing of a text (a folded line moved, a space doubled)
        return {sid: (str(s.text).split(), s.role, sorted(s.supports), sorted(s.attacks)) for sid, s in amap.statements.items()}

    assert not compare(first, first, evaluate=False)
    assert bool(compare(first, second, evaluate=False)) == (meaning(first) != meaning(second))


def _run(*args: str, cwd: Path) -> tuple[int, str, str]:
    import os

    out, err = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        options = DiffOptions(args[0], args[1] if len(args) > 1 and not args[1].startswith("-") else None,
                              *[a.split("=")[1] for a in args if a.startswith("--format=")] or ["text"])
        code = execute_diff(options, out, err)
    finally:
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def history(tmp_path):
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=a", "-c", "user.email=a@b", *args],
                              check=True, capture_output=True, text=True).stdout

    git("init", "-q")
    (tmp_path / "map.yaml").write_text("argmap: 1\nid: m\ninclude: [more.yaml]\nstatements:\n"
                                       "  thesis: {role: thesis, text: T}\n", encoding="utf-8")
    (tmp_path / "more.yaml").write_text("argmap: 1\nstatements:\n  reason: {text: R, supports: thesis}\n",
                                        encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "first")
    (tmp_path / "more.yaml").write_text("argmap: 1\nstatements:\n  reason: {text: R, supports: thesis}\n"
                                        "  doubt: {text: D, attacks: thesis}\n", encoding="utf-8")
    return tmp_path, git


def test_a_revision_against_the_working_tree(history):
    history, _ = history
    code, out, err = _run("HEAD", "map.yaml", cwd=history)
    assert (code, err) == (1, "")
    assert out == ("+ added statement 'doubt': 'D'\n+ added relation 'doubt attacks thesis'\n"
                   "! the thesis 'thesis' went from IN to OUT (grounded), strength 0.75 -> 0.50 (DF-QuAD)\n"
                   "2 changes\n")
    assert _run("HEAD", cwd=history)[1] == out  # the one map of the current folder


def test_two_files_and_no_change(history, tmp_path_factory):
    history, _ = history
    copy = tmp_path_factory.mktemp("copy")
    for name in ("map.yaml", "more.yaml"):
        (copy / name).write_text((history / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert _run(str(history / "map.yaml"), str(copy / "map.yaml"), cwd=history) == (
        0, "no change to the argument\n", "")


@pytest.mark.parametrize("form", ["json", "markdown", "github"])
def test_every_format_reports_the_change(history, form):
    history, _ = history
    code, out, _ = _run("HEAD", "map.yaml", f"--format={form}", cwd=history)
    assert code == 1 and "doubt" in out
    if form == "json":
        document = json.loads(out, parse_constant=lambda c: pytest.fail(f"non-standard JSON {c}"))
        assert document["evaluation"] == [{"id": "thesis", "grounded": {"before": "IN", "after": "OUT"},
                                           "dfquad": {"before": 0.75, "after": 0.5}}]
    if form == "github":
        assert all(line.startswith("::") for line in out.splitlines())
        assert "file=more.yaml,line=4" in out


def test_usage_errors(history):
    history, _ = history
    assert _run("HEAD~5", "map.yaml", cwd=history)[0] == 2
    code, _, err = _run("map.yaml", cwd=history)
    assert code == 2 and "give two maps" in err
    # a map that cannot be read is an input error (2), never "something changed" (1), on either side
    (history / "empty.yaml").write_text("", encoding="utf-8")
    for args in (("map.yaml", "empty.yaml"), ("map.yaml", "missing.yaml"), ("HEAD", "missing.yaml")):
        code, out, err = _run(*args, cwd=history)
        assert (code, out) == (2, "") and err.endswith("argmap diff: the map cannot be read; `argmap check` lists every"
                                                        " finding\n"), args


def test_git_diff_and_log_show_argument_changes_through_textconv(history):
    """The documented set-up: a diff attribute and a textconv command (docs/cli.md)."""
    history, git = history
    import shlex
    import sys

    (history / ".gitattributes").write_text("*.yaml diff=argmap\n", encoding="utf-8")
    command = f"{shlex.quote(sys.executable)} -m argmap diff --textconv"
    git("config", "diff.argmap.textconv", f"env PYTHONPATH={shlex.quote(str(ROOT))} {command}")
    shown = git("diff", "--", "more.yaml")
    assert "+statement doubt: text: D\n+relation doubt attacks thesis\n" in shown
    git("commit", "-qam", "second")
    assert "+relation doubt attacks thesis" in git("log", "-p", "-1", "--", "more.yaml")


def test_the_listing_of_the_essay_is_stable_and_one_fact_a_line():
    essay = argmap.load(ROOT / "models" / "capital-feast" / "map.yaml")
    text = listing(essay)
    assert text == listing(essay) and text.count("\n") > 300
    assert "relation hype-limited-to-a-shares supports feast-in-a-shares\n" in text


def test_a_revision_named_by_its_message_is_read(history):
    history, git = history
    git("commit", "-qam", "second: a doubt")
    (history / "more.yaml").write_text("argmap: 1\nstatements:\n  reason: {text: R, supports: thesis}\n",
                                       encoding="utf-8")
    code, out, err = _run(":/first", "map.yaml", cwd=history)
    assert (code, out, err) == (0, "no change to the argument\n", "")
    code, out, _ = _run(":/a doubt", "map.yaml", cwd=history)
    assert code == 1 and "- removed statement 'doubt'" in out
    code, _, err = _run(":/no such message", "map.yaml", cwd=history)
    assert code == 2 and "is not a revision of the repository" in err


def test_textconv_reads_no_more_than_a_map_file_may_hold(tmp_path):
    def textconv(path: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        return execute_diff(DiffOptions(path, textconv=True), out, err), out.getvalue(), err.getvalue()

    (tmp_path / "notes.yaml").write_text("just: [text\n", encoding="utf-8")
    assert textconv(str(tmp_path / "notes.yaml")) == (0, "just: [text\n", "")
    assert textconv("/dev/zero") == (2, "", "argmap diff: /dev/zero: is not a regular file\n")
    with open(tmp_path / "big.yaml", "wb") as stream:
        stream.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper
    code, _, err = textconv(str(tmp_path / "big.yaml"))
    assert code == 2 and err.endswith("big.yaml: is 104,857,600 bytes, over the 67,108,864-byte limit\n")


def test_a_text_changed_in_one_language_says_which_translations_may_be_out_of_date(tmp_path):
    old = ("argmap: 1\nid: m\nlanguages: [en, fr, ja]\nstatements:\n  t:\n    role: thesis\n    text:\n"
           "      en: Cities should tax cars.\n      fr: Les villes devraient taxer les voitures.\n"
           "      ja: 都市は車に課税すべきだ。\n")
    (tmp_path / "old.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(old.replace("tax cars.", "tax cars by weight."), encoding="utf-8")
    code, out, _ = _run("old.yaml", "new.yaml", cwd=tmp_path)
    assert code == 1 and out.splitlines()[-2:] == [
        "? statement 't' text: changed in en but not in fr, ja; those translations may be out of date",
        "1 change; the thesis's evaluation is unchanged"]
    code, out, _ = _run("old.yaml", "new.yaml", "--format=json", cwd=tmp_path)
    assert json.loads(out)["stale"] == [{"what": "statement", "id": "t", "field": "text", "changed": ["en"],
                                         "behind": ["fr", "ja"],
                                         "where": {"path": "new.yaml", "line": 8, "column": 11}}]
    code, out, _ = _run("old.yaml", "new.yaml", "--format=github", cwd=tmp_path)
    assert "::warning file=new.yaml,line=8,title=translation may be out of date::statement 't' text" in out
    # Every language changed together: nothing is behind.
    both = old.replace("tax cars.", "tax cars by weight.").replace("taxer les voitures.", "taxer les voitures au poids.")
    (tmp_path / "new.yaml").write_text(both.replace("課税すべきだ", "重量で課税すべきだ"), encoding="utf-8")
    assert "?" not in _run("old.yaml", "new.yaml", cwd=tmp_path)[1]


def test_a_text_only_re_spaced_or_re_wrapped_is_no_change(tmp_path):
    old = ArgumentMap.from_data({"argmap": 1, "id": "m", "languages": ["en", "fr"], "statements": {
        "t": {"role": "thesis", "text": {"en": "Cities should tax cars by weight.", "fr": "Taxer au poids."}}}})
    new = ArgumentMap.from_data({"argmap": 1, "id": "m", "languages": ["en", "fr"], "statements": {
        "t": {"role": "thesis", "text": {"en": "Cities should tax  cars\nby weight.", "fr": "Taxer au poids."}}}})
    assert not compare(old, new, evaluate=False)
    assert stale(old, new) == []  # re-wrapping the English says nothing of the French translation
    reworded = ArgumentMap.from_data({"argmap": 1, "id": "m", "languages": ["en", "fr"], "statements": {
        "t": {"role": "thesis", "text": {"en": "Cities should tax cars by size.", "fr": "Taxer au poids."}}}})
    assert [c.describe() for c in compare(old, reworded, evaluate=False).changes] == [
        "statement 't' text (en): 'Cities should tax cars by weight.' -> 'Cities should tax cars by size.'"]
    assert [s.describe() for s in stale(old, reworded)] == [
        "statement 't' text: changed in en but not in fr; that translation may be out of date"]


def test_two_revisions_are_compared_with_rev1_dot_dot_rev2(history):
    history, git = history
    git("commit", "-qam", "a doubt")
    (history / "more.yaml").write_text("argmap: 1\nstatements:\n  reason: {text: R, supports: thesis}\n",
                                       encoding="utf-8")  # the working tree no longer says it: not compared
    code, out, err = _run("HEAD~1..HEAD", "map.yaml", cwd=history)
    assert (code, err) == (1, "")
    assert out.startswith("+ added statement 'doubt': 'D'\n+ added relation 'doubt attacks thesis'\n")
    assert _run("HEAD~1..HEAD", cwd=history)[1] == out  # the one map of the current folder
    assert _run("HEAD..HEAD", cwd=history)[:2] == (0, "no change to the argument\n")


@pytest.mark.parametrize(("args", "said"), [
    (("HEAD~1", "HEAD"), "'HEAD' is no file or folder: to compare the map as of two revisions, write REV1..REV2 [MAP]"),
    (("HEAD..",), "'HEAD..': write two revisions around '..' (REV1..REV2), such as HEAD~1..HEAD"),
    (("..HEAD",), "'..HEAD': write two revisions around '..'"),
    (("HEAD...HEAD",), "'HEAD...HEAD': write two revisions around '..'"),
    (("-x..HEAD",), "'-x' is not a git revision"),
])
def test_what_is_no_revision_range_is_refused_with_how_to_write_one(history, args, said):
    history, git = history
    git("commit", "-qam", "a doubt")
    code, out, err = _run(*args, cwd=history)
    assert (code, out) == (2, "") and said in err and "Traceback" not in err
