"""Argdown's groups as Argdown's own reader makes them: a heading runs over the lines of its block, one whose
data say ``isGroup: false`` is no group, the front matter's ``regroup`` replaces the headings' groups, and two
labels that begin alike are two groups. (The corpus's real files check the same against Argdown's JSON export.)"""

from __future__ import annotations

import yaml

import argmap
from argmap.formats import Subject, lookup, parse_map
from argmap.graph import build
from argmap.model import ArgumentMap
from tests.conftest import run_cli


def groups_of(source: str) -> dict[str, str | None]:
    """Each statement's text -> its group's label."""
    amap = parse_map(source.encode("utf-8"), "a.argdown").amap
    return {s.text: amap.groups[s.group].label if s.group else None for s in amap.statements.values()}


def test_a_heading_over_several_lines_is_one_heading():
    source = "# Relations between\n@[A] and the\nEvidence\n\n[A]: a\n  + b\n"
    assert groups_of(source) == {"a": "Relations between @[A] and the Evidence",
                                 "b": "Relations between @[A] and the Evidence"}


def test_a_heading_that_is_no_group_leaves_what_follows_in_the_group_above_it():
    source = ("# Hypotheses\n\n[H]: h\n\n# Arguments {isGroup: false}\n\n[X]: x\n\n"
              "## About H\n{isGroup: false}\n\n[Y]: y\n  - [H]\n\n# Evidence\n\n[E]: e\n\n"
              "## Kept {isGroup: false}\n\n[F]: f\n")
    assert groups_of(source) == {"h": "Hypotheses", "x": None, "y": None, "e": "Evidence", "f": "Evidence"}
    amap = parse_map(source.encode("utf-8"), "a.argdown").amap
    assert [g.label for g in amap.groups.values()] == ["Hypotheses", "Evidence"]


def test_a_statement_is_in_the_group_where_it_is_first_defined_not_first_named():
    source = "# One\n\n[A]: a\n  + [B]\n\n# Two\n\n[B]: b\n\n# Three\n\n[B]: another wording of b\n"
    assert groups_of(source) == {"a": "One", "b": "Two"}


def test_an_argument_is_in_the_group_of_its_premise_conclusion_structure():
    source = "# Debate\n\n[T]: t\n  + <Arg>: described here\n\n# Reconstructions\n\n<Arg>\n\n(1) p\n----\n(2) [T]\n"
    amap = parse_map(source.encode("utf-8"), "a.argdown").amap
    assert amap.groups[amap.arguments["arg"].group].label == "Reconstructions"


def test_regroup_in_the_front_matter_replaces_the_headings_groups():
    source = ("===\ngroup:\n  regroup: [{title: Subdebate about bubbles, statements: [B], arguments: [Turnover]},\n"
              "            {title: Subdebate about harm, statements: [H],\n"
              "             children: [{title: Inner, statements: [I]}]}]\n===\n\n"
              "# Heading\n\n[T]: t\n  + [B]: b\n  + [H]: h\n    + [I]: i\n\n<Turnover>\n\n(1) p\n----\n(2) [B]\n")
    assert groups_of(source) == {"t": None, "b": "Subdebate about bubbles", "h": "Subdebate about harm",
                                 "i": "Inner", "p": None}
    amap = parse_map(source.encode("utf-8"), "a.argdown").amap
    assert sorted(amap.groups) == ["inner", "subdebate-about-bubbles", "subdebate-about-harm"]
    assert amap.groups[amap.arguments["turnover"].group].label == "Subdebate about bubbles"


def test_labels_that_begin_alike_are_two_groups_and_one_label_twice_is_one():
    source = ("# Subdebate about the existence of bubbles\n\n[A]: a\n\n"
              "# Subdebate about the consequences of bubbles\n\n[B]: b\n\n"
              "# Subdebate about the existence of bubbles\n\n[C]: c\n")
    amap = parse_map(source.encode("utf-8"), "a.argdown").amap
    assert {gid: g.label for gid, g in amap.groups.items()} == {
        "subdebate-about-the": "Subdebate about the existence of bubbles",
        "subdebate-about-the-2": "Subdebate about the consequences of bubbles"}
    assert amap.statements["c"].group == amap.statements["a"].group != amap.statements["b"].group


def test_a_regrouped_map_exports_its_own_groups_as_headings():
    """The map's groups, edited after the import, are what Argdown reads back: the regroup is not written again."""
    source = "===\ntitle: T\ngroup:\n  regroup: [{title: G, statements: [A]}]\n  groupDepth: 3\n===\n\n[A]: a\n  + [B]: b\n"
    data = yaml.safe_load(argmap.dump(parse_map(source.encode("utf-8"), "a.argdown").amap))
    data["statements"]["b"]["group"] = data["statements"]["a"]["group"]
    amap = ArgumentMap.from_data(data)
    written = lookup("argdown").write(Subject(None, amap, build(amap))).text
    assert "regroup" not in written and "groupDepth: 3" in written
    assert groups_of(written) == {"a": "G", "b": "G"}


def test_other_data_of_a_heading_is_reported_not_dropped_silently(tmp_path):
    source = tmp_path / "a.argdown"
    source.write_text("# Closed {isClosed: true}\n\n[A]: a\n", encoding="utf-8")
    code, _, err = run_cli("import", str(source), "-o", str(tmp_path / "m"))
    assert code == 0, err
    assert "a.argdown: 1:1: not kept: heading data: 'isClosed' of the heading 'Closed'" in err
