"""What a drawing adds to the map: the legend in the map's language and only what is used, junction
captions as labels, excerpt cuts, missing translations, the direction, PNG resolution, drafts with errors."""

from __future__ import annotations

import struct

import pytest

from argmap.diagram.problems import owners
from tests.conftest import run_cli
from tests.render.test_render import SMALL, write_map

needs_dot = pytest.mark.needs_dot
ONLY_SUPPORT = """\
argmap: 1
id: plain
languages: [en, fr, ja]
statements:
  thesis: {role: thesis, text: {en: T, fr: T, ja: 主張}}
  reason: {text: {en: R, fr: R, ja: 理由}, supports: thesis}
"""


def dot_of(tmp_path, *args: str, text: str = SMALL) -> str:
    write_map(tmp_path, text)
    code, _, err = run_cli("render", "map.yaml", "-o", "out.dot", *args, cwd=tmp_path)
    assert (code, err) == (0, "")
    return (tmp_path / "out.dot").read_text(encoding="utf-8")


def legend(dot: str) -> str:
    return next(line for line in dot.splitlines() if line.lstrip().startswith("legend ["))


@pytest.mark.parametrize(("lang", "caption", "supports", "claim"), [
    ("en", "<B>Legend</B>", "</FONT> supports<", ">claim<"),
    ("fr", "<B>Légende</B>", "</FONT> soutient<", ">affirmation<"),
    ("ja", "<B>凡例</B>", "</FONT> 支持する<", ">論点<"),
])
def test_the_legend_speaks_the_drawings_language(tmp_path, lang, caption, supports, claim):
    text = ONLY_SUPPORT.replace("reason: {", "reason: {role: claim, ")
    drawn = legend(dot_of(tmp_path, "--lang", lang, text=text))
    assert caption in drawn and supports in drawn and claim in drawn


def test_the_legend_shows_only_what_the_drawing_uses(tmp_path):
    drawn = legend(dot_of(tmp_path, text=ONLY_SUPPORT))
    assert "legend_thesis" in drawn and "legend_claim" in drawn and "legend_support" in drawn
    for unused in ("legend_evidence", "legend_junction", "legend_attack", "legend_undercut", "legend_eval",
                   "legend_missing", "legend_cut", "legend_problem"):
        assert unused not in drawn, unused
    everything = legend(dot_of(tmp_path))  # SMALL has every role and relation, and a junction
    for used in ("legend_evidence", "legend_junction", "legend_attack", "legend_undercut"):
        assert used in everything, used
    assert "legend" not in dot_of(tmp_path, "--no-legend")


def test_junction_captions_are_laid_out_as_labels_never_as_floating_xlabels(tmp_path):
    dot = dot_of(tmp_path, "--eval", "grounded")
    assert "xlabel" not in dot
    joint = next(line for line in dot.splitlines() if 'id="node-joint"' in line)
    assert 'label="jointly\\n[OUT]"' in joint and "shape=box" in joint


def test_an_excerpt_says_where_it_was_cut(tmp_path):
    dot = dot_of(tmp_path, "--focus", "objection", "--depth", "1")
    thesis = next(line for line in dot.splitlines() if 'id="node-thesis"' in line)
    objection = next(line for line in dot.splitlines() if 'id="node-objection"' in line)
    assert "… +2" in thesis  # the joint argument and the reason's support are outside the excerpt
    assert "… +" not in objection and "legend_cut" in dot
    assert "… +" not in dot_of(tmp_path)  # the whole map cuts nothing


def test_a_missing_translation_is_marked_not_silently_replaced(tmp_path):
    text = SMALL.replace("text: {en: A reason, fr: Une raison}", "text: {en: A reason}")
    dot = dot_of(tmp_path, "--lang", "fr", text=text)
    reason = next(line for line in dot.splitlines() if 'id="node-reason"' in line)
    assert 'label="A reason\\n(non traduit · en)"' in reason and 'fontcolor="#555555"' in reason
    assert "legend_missing" in dot
    english = dot_of(tmp_path, "--lang", "en", text=text)
    assert "non traduit" not in english and "not translated" not in english


@pytest.mark.parametrize(("given", "written"), [("bottom-up", "BT"), ("top-down", "TB"), ("left-right", "LR"),
                                                ("right-left", "RL")])
def test_rankdir(tmp_path, given, written):
    assert f"rankdir={written}" in dot_of(tmp_path, "--rankdir", given)


@needs_dot
def test_png_resolution(tmp_path):
    write_map(tmp_path)
    sizes = []
    for dpi in ("48", "192"):
        assert run_cli("render", "map.yaml", "-o", f"{dpi}.png", "--dpi", dpi, cwd=tmp_path)[0] == 0
        sizes.append(struct.unpack(">II", (tmp_path / f"{dpi}.png").read_bytes()[16:24]))
    assert sizes[1][0] >= 3.9 * sizes[0][0] and sizes[1][1] >= 3.9 * sizes[0][1]
    code, _, err = run_cli("render", "map.yaml", "-o", "m.svg", "--dpi", "100", cwd=tmp_path)
    assert (code, err) == (2, "argmap render: --dpi sets the resolution of a PNG; the output is svg\n")


BROKEN = SMALL.replace("supports: thesis, group", "supports: thesiss, group")


def test_a_draft_with_errors_is_drawn_on_request_with_its_problems_marked(tmp_path):
    write_map(tmp_path, BROKEN)
    code, out, err = run_cli("render", "map.yaml", "-o", "m.dot", cwd=tmp_path)
    assert (code, out) == (1, "")
    assert err.endswith("argmap render: the map has errors, so it is not drawn; `argmap check` lists every finding;"
                        " --allow-errors draws it anyway\n")
    code, out, err = run_cli("render", "map.yaml", "-o", "m.dot", "--allow-errors", cwd=tmp_path)
    assert (code, out) == (0, "wrote m.dot (with 1 error, marked)\n")
    assert err == ("map.yaml:9:60: error: support target 'thesiss' is not defined; did you mean 'thesis'?"
                   " [ARG101 dangling-reference]\n")
    dot = (tmp_path / "m.dot").read_text(encoding="utf-8")
    reason = next(line for line in dot.splitlines() if 'id="node-reason"' in line)
    assert "⚠ ARG101" in reason and "penwidth=3" in reason and "legend_problem" in dot
    thesis = next(line for line in dot.splitlines() if 'id="node-thesis"' in line)
    assert "⚠" not in thesis


def test_a_linked_argument_with_an_error_is_drawn_with_its_caption_and_its_mark(tmp_path):
    # a captioned junction (a linked argument with a label) whose definition has an error
    write_map(tmp_path, SMALL.replace("premises: [reason, co-reason]", "premises: [reason, co-reasonn]"))
    code, out, err = run_cli("render", "map.yaml", "-o", "m.dot", "--allow-errors", cwd=tmp_path)
    assert (code, out) == (0, "wrote m.dot (with 2 errors, marked)\n"), err
    joint = next(line for line in (tmp_path / "m.dot").read_text(encoding="utf-8").splitlines()
                 if 'id="node-joint"' in line)
    assert "color=\"#D55E00\"" in joint and "penwidth=3" in joint and "#555555" not in joint


def test_a_map_that_cannot_be_read_is_not_drawn_even_with_allow_errors(tmp_path):
    write_map(tmp_path, SMALL + "  bad: [\n")
    code, out, err = run_cli("render", "map.yaml", "-o", "m.dot", "--allow-errors", cwd=tmp_path)
    assert (code, out) == (1, "") and "ARG001 yaml-syntax" in err and "--allow-errors draws it anyway" not in err
    assert not (tmp_path / "m.dot").exists()


def test_findings_belong_to_the_definition_that_holds_them(tmp_path):
    import argmap
    from argmap.diagnostics import Diagnostic

    path = write_map(tmp_path, SMALL.replace("arguments:", "expect:\n  - {select: {role: thesis}, count: 1}\n"
                                             "arguments:"))
    amap = argmap.load(path)
    name = amap.where("reason")[0]
    places = [amap.where("reason"), amap.where("reason", "supports", 0), amap.where("joint", "premises", 1),
              (name, amap.where("fact")[1] - 1, 80), (name, 1, 1), amap.locator.expectation(0, ("count",), False),
              (name, 0, 0), ("other.yaml", 9, 3)]
    found = owners(amap, [Diagnostic(*place, "m", "ARG101") for place in places])
    assert found == ["reason", "reason", "joint", "co-reason", None, None, None, None]
    assert owners(argmap.ArgumentMap.from_data({"argmap": 1, "id": "x"}), [Diagnostic("x", 1, 1)]) == [None]
