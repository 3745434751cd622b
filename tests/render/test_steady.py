"""A drawing over an earlier one keeps the order of its group boxes: `render -o` over the file it replaces,
measured on dot's real drawing of a real debate (47 statements in 13 groups) after one removed statement,
where dot alone mirrors the boxes' order; and a box's rows are drawn in the order argmap pins (Argdown's
primer, drawn left to right), so that a new relation elsewhere does not reorder them."""

from __future__ import annotations

import sys

import pytest
import yaml

import argmap
from argmap.diagram.dot import STARTS, write
from argmap.diagram.drawing import prepare
from argmap.diagram.layout import ranks as layout_ranks
from argmap.diagram.layout import rows
from argmap.diagram.steady import _plain, kept_pairs, placed, started
from argmap.diagram.view import view
from argmap.graph import build
from tests.conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
from layout_measure import order_kept, positions, ranks

DEBATE = ROOT / "tests/formats/corpus/argdown/veggie-debate.argdown"
REMOVED = "kulinarische-erwagungen"
"""A statement whose removal makes dot, left to itself, draw the boxes of the debate in the mirrored order."""


def share(before: str, after: str) -> float:
    kept, pairs = order_kept(ranks(before, "BT"), ranks(after, "BT"))
    assert pairs > 100
    return kept / pairs


@pytest.fixture
def debate(tmp_path):
    """The debate imported, drawn to map.svg, and the map with one statement removed beside it."""
    assert run_cli("import", str(DEBATE), "-o", "debate", cwd=tmp_path)[0] == 0
    folder = tmp_path / "debate"
    assert run_cli("render", "map.yaml", "-o", "map.svg", cwd=folder)[0] == 0
    document = yaml.safe_load((folder / "map.yaml").read_text(encoding="utf-8"))
    del document["statements"][REMOVED]
    (folder / "edited.yaml").write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


@pytest.mark.needs_dot
def test_a_removed_statement_does_not_mirror_the_group_boxes(debate):
    first = (debate / "map.svg").read_text(encoding="utf-8")
    assert "argmap layout: BT 1 1 16;" in first  # the layout chosen for the debate (texts 16 wide), kept by the next drawings
    # Drawn afresh, dot puts the boxes in another order: most pairs on a rank swap.
    assert run_cli("render", "edited.yaml", "-o", "fresh.svg", cwd=debate)[0] == 0
    assert share(first, (debate / "fresh.svg").read_text(encoding="utf-8")) < 0.5
    # Drawn over the earlier drawing, as `render -o` does, the order holds.
    (debate / "kept.svg").write_text(first, encoding="utf-8")
    assert run_cli("render", "edited.yaml", "-o", "kept.svg", cwd=debate)[0] == 0
    kept = (debate / "kept.svg").read_bytes()
    assert share(first, kept.decode("utf-8")) >= 0.9
    # No line runs backwards in it: each ends nearer the thesis than it starts (but a line closing a cycle).
    amap = argmap.load(debate / "edited.yaml")
    drawn = view(build(amap), amap.groups, amap.language(None))
    rank, where = layout_ranks(drawn), positions(kept.decode("utf-8"))
    upward = [where[e.source][1] > where[e.target][1] for e in drawn.edges if rank[e.source] > rank[e.target]]
    assert len(upward) > 40 and all(upward)
    # The drawing records the way it took, so that drawing it again over itself changes nothing.
    assert started(kept) > 0
    assert run_cli("render", "edited.yaml", "-o", "kept.svg", "--check", cwd=debate)[0] == 0


@pytest.mark.needs_dot
def test_the_places_of_an_earlier_drawing_are_read_from_its_svg(debate):
    found = placed((debate / "map.svg").read_bytes())
    document = yaml.safe_load((debate / "map.yaml").read_text(encoding="utf-8"))
    assert set(document["statements"]) <= set(found)
    assert started((debate / "map.svg").read_bytes()) == 0  # a first drawing: dot's own way
    assert placed(b"<svg/>") == {} and started(b"\xff" * 10) == 0
    cut = (debate / "map.svg").read_bytes()
    cut = cut[:cut.rindex(b'<g id="node')] + b'<g id="node-x" class="node"><polygon points="1,2 3,4"/>'
    assert placed(cut)["x"] == (2.0, 3.0) and len(placed(cut)) == len(found)


def test_pairs_on_one_rank_in_both_drawings_are_compared_along_it():
    before = {"a": (0.0, 10.0), "b": (5.0, 10.0), "c": (9.0, 10.0), "d": (0.0, 50.0)}
    after = {"a": (7.0, 20.0), "b": (1.0, 20.0), "c": (9.0, 20.0), "d": (3.0, 20.0)}
    assert kept_pairs(before, after, across=False) == (2, 3)  # a-b swap; d was on another rank
    turned = {node: (y, x) for node, (x, y) in after.items()}
    assert kept_pairs({node: (y, x) for node, (x, y) in before.items()}, turned, across=True) == (2, 3)


HOSTILE_DRAWINGS = {
    # Digits without end: read point by point, a run of them took time growing with its square (hours at 1 MB).
    "digits": b'<svg><g id="node-a" class="node"><polygon points="' + b"1" * 300_000 + b'"/></g></svg>',
    "not a number": b'<svg><g id="node-a" class="node"><polygon points="1.2.3,4"/></g></svg>',
    "not a centre": b'<svg><g id="node-a" class="node"><ellipse cx="--" cy="1"/></g></svg>',
    "too large": b'<svg><g id="node-a" class="node"><polygon points="1,' + b"9" * 400 + b'"/></g></svg>',
    "cut short": b'<svg><g id="node-a" class="node"><polygon points="1,2 3,4',
    "entities": b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([c + 1]), b"&%s;" % bytes([c]) * 10) for c in range(97, 104))
        + b']><svg><g id="node-a" class="node"><title>&h;&h;</title></g></svg>',
    "not svg": bytes(range(256)) * 100,
}


@pytest.mark.parametrize("name", HOSTILE_DRAWINGS)
def test_an_earlier_drawing_that_argmap_did_not_draw_gives_no_places_and_is_drawn_over(name, tmp_path):
    # The file at -o arrives with the map in a pull request, and `render --check` compares with it: it is read
    # in time linear in its size, and what cannot be read as argmap's drawing is drawn afresh.
    drawing = HOSTILE_DRAWINGS[name]
    assert placed(drawing) == {}
    (tmp_path / "map.yaml").write_text("argmap: 1\nstatements:\n  a: {role: thesis, text: A}\n", encoding="utf-8")
    (tmp_path / "map.svg").write_bytes(drawing)
    code, _, err = run_cli("render", "map.yaml", "-o", "map.svg", "--check", cwd=tmp_path)
    assert (code, "Traceback" in err) == (1, False)
    assert run_cli("render", "map.yaml", "-o", "map.svg", cwd=tmp_path)[:3:2] == (0, "")
    assert placed((tmp_path / "map.svg").read_bytes()).keys() == {"a"}


PRIMER = ROOT / "tests/formats/corpus/argdown/argdown-primer.argdown"


@pytest.fixture
def primer(tmp_path):
    """Argdown's primer imported (20 statements in 3 group boxes, drawn left to right) and drawn to map.svg."""
    assert run_cli("import", str(PRIMER), "-o", "primer", cwd=tmp_path)[0] == 0
    folder = tmp_path / "primer"
    assert run_cli("render", "map.yaml", "-o", "map.svg", cwd=folder)[0] == 0
    return folder


@pytest.mark.needs_dot
def test_a_group_boxs_rows_are_drawn_in_the_order_argmap_pins_whichever_way_dot_enters_the_boxes(primer):
    drawing = prepare(argmap.load(primer / "map.yaml")).settled()
    assert drawing.layout is not None and drawing.layout.rankdir == "LR"
    shown, layout = drawing.view(), drawing.layout
    boxed = [members for group, members in rows(shown, layout.stagger, layout.lines) if group is not None]
    assert len(boxed) >= 5
    for start in range(STARTS):
        places = _plain(shown, write(shown, layout, start=start), 60)
        # Left to right, a rank is a column and its order runs along it: each row is drawn in one direction.
        drawn = {tuple(sorted(members, key=lambda member: places[member][1])) for members in boxed}
        assert drawn == {members[::-1] for members in boxed}, start


@pytest.mark.needs_dot
def test_a_relation_that_joins_two_parts_keeps_the_primers_order(primer):
    first = (primer / "map.svg").read_text(encoding="utf-8")
    document = yaml.safe_load((primer / "map.yaml").read_text(encoding="utf-8"))
    # A statement that stood apart comes to support one in another group's box.
    document["statements"]["so-far-we-have-ignored-the"]["supports"] = "this-argdown-document-only"
    (primer / "edited.yaml").write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (primer / "kept.svg").write_text(first, encoding="utf-8")
    assert run_cli("render", "edited.yaml", "-o", "kept.svg", cwd=primer)[0] == 0
    kept, pairs = order_kept(ranks(first, "LR"), ranks((primer / "kept.svg").read_text(encoding="utf-8"), "LR"))
    assert pairs > 20 and kept == pairs
