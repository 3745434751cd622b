"""The layout's decisions on small maps: each node's rank and place along it, lines that never run
backwards, and a drawing that holds still when the map is edited (measured on dot's real drawing)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

import argmap
from argmap.diagram.layout import ranks, rows, tree_order
from argmap.diagram.view import view
from argmap.graph import build
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from layout_measure import order_kept, positions
from layout_measure import ranks as drawn_ranks

needs_dot = pytest.mark.needs_dot
UNDERCUT = """\
argmap: 1
id: bridge
statements:
  thesis: {role: thesis, text: The bridge should be closed}
  cost: {text: Closing costs the city a lot, attacks: thesis}
  cracks: {role: evidence, text: Inspectors found cracks in two girders, supports: thesis}
  old-method: {text: The inspection used an outdated method, attacks: cracks--support--thesis}
  traffic: {role: evidence, text: Traffic fell by half last year, supports: cost}
"""


def shown(tmp_path: Path, text: str) -> argmap.ArgumentMap:
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    return argmap.load(path)


def view_of(amap: argmap.ArgumentMap):
    return view(build(amap), amap.groups, "en")


def test_each_node_sits_right_under_what_it_argues_for_and_siblings_keep_file_order(tmp_path):
    drawn = view_of(shown(tmp_path, UNDERCUT))
    rank = ranks(drawn)
    assert rank == {"thesis": 0, "cost": 1, "cracks--support--thesis": 1, "cracks": 2, "old-method": 2, "traffic": 2}
    assert tree_order(drawn) == ("thesis", "cost", "traffic", "cracks--support--thesis", "cracks", "old-method")
    # The rows dot is held to: each rank left to right in that order.
    assert rows(drawn) == ((None, ("cost", "cracks--support--thesis")), (None, ("traffic", "cracks", "old-method")))


def test_an_undercut_one_premise_support_puts_its_junction_between_premise_and_conclusion(tmp_path):
    rank = ranks(view_of(shown(tmp_path, UNDERCUT)))
    assert rank["cracks"] > rank["cracks--support--thesis"] > rank["thesis"]
    assert rank["old-method"] > rank["cracks--support--thesis"]


def test_mutual_attacks_get_ranks_and_every_node_is_placed(tmp_path):
    text = """\
argmap: 1
id: loop
statements:
  a: {text: A, attacks: b}
  b: {text: B, attacks: a}
  c: {text: C, supports: a}
"""
    drawn = view_of(shown(tmp_path, text))
    assert sorted(tree_order(drawn)) == sorted(node.id for node in drawn.nodes)
    assert set(ranks(drawn)) == {node.id for node in drawn.nodes}


def test_a_groups_rows_are_pinned_inside_its_box(tmp_path):
    text = UNDERCUT + "  extra: {text: Another reason, supports: thesis, group: g}\n  more: {text: More, supports: thesis, group: g}\n" \
        "groups:\n  g: {label: G}\n"
    lined = rows(view_of(shown(tmp_path, text)))
    assert ("g", ("extra", "more")) in lined
    assert all("extra" not in members for group, members in lined if group is None)


def drawn_svg(amap: argmap.ArgumentMap) -> str:
    return argmap.render(amap, "svg").decode("utf-8")


@needs_dot
@pytest.mark.parametrize("name", ["undercut", *sorted(p.name for p in (ROOT / "tests/formats/golden").glob("*"))])
def test_no_line_runs_backwards(tmp_path, name):
    """Every line ends nearer the top (the thesis) than it starts, on real maps too."""
    if name == "undercut":
        amap = shown(tmp_path, UNDERCUT)
    else:
        folder = ROOT / "tests/formats/golden" / name
        amap = argmap.load(folder / "map.yaml" if folder.is_dir() else folder)
    drawn = view_of(amap)
    where = positions(drawn_svg(amap))
    across = "rankdir=LR" in argmap.render(amap, "dot").decode("utf-8")  # the layout chosen for the map
    rank = ranks(drawn)
    for edge in drawn.edges:
        if rank[edge.source] > rank[edge.target]:  # a line that closes a cycle may run either way
            if across:
                assert where[edge.source][0] < where[edge.target][0], edge
            else:
                assert where[edge.source][1] > where[edge.target][1], edge


def edited(tmp_path: Path, extra: str, name: str) -> argmap.ArgumentMap:
    path = tmp_path / f"{name}.yaml"
    path.write_text(UNDERCUT.replace("  traffic:", extra + "  traffic:") if extra.startswith("  ") else extra,
                    encoding="utf-8")
    return argmap.load(path)


@needs_dot
@pytest.mark.parametrize("change", ["added", "removed", "related"])
def test_an_edit_keeps_the_order_of_every_rank(tmp_path, change):
    before = drawn_ranks(drawn_svg(shown(tmp_path, UNDERCUT)), "BT")
    if change == "added":
        amap = edited(tmp_path, "  survey: {role: evidence, text: A survey of drivers, supports: cost}\n", change)
    elif change == "removed":
        amap = edited(tmp_path, UNDERCUT.replace("  cost: {text: Closing costs the city a lot, attacks: thesis}\n", "")
                      .replace(", supports: cost", ""), change)
    else:
        amap = edited(tmp_path, UNDERCUT.replace("supports: cost}", "supports: [cost, thesis]}"), change)
    after = drawn_ranks(drawn_svg(amap), "BT")
    kept, pairs = order_kept(before, after)
    assert pairs and kept == pairs


def pairs_map(count: int) -> str:
    """``count`` separate arguments, each a claim and its evidence: a wide, shallow map."""
    lines = ["argmap: 1", "id: wide", "statements:"]
    for index in range(count):
        lines.append(f"  claim-{index}: {{text: The {index}th claim of this wide and shallow map}}")
        lines.append(f"  fact-{index}: {{role: evidence, text: A fact behind claim {index}, supports: claim-{index}}}")
    return "\n".join(lines) + "\n"


def chain_map(count: int) -> str:
    """A chain of ``count`` statements, each supporting the next: a deep, narrow map."""
    lines = ["argmap: 1", "id: deep", "statements:", "  s-0: {role: thesis, text: The last step of a long chain}"]
    lines += [f"  s-{index}: {{text: Step {index} of a long chain of reasons, supports: s-{index - 1}}}"
              for index in range(1, count)]
    return "\n".join(lines) + "\n"


@needs_dot
def test_a_wide_shallow_map_is_not_drawn_as_one_long_row(tmp_path):
    wide = argmap.render(shown(tmp_path, pairs_map(12)), "dot").decode("utf-8")
    assert "// layout: BT\n" not in wide  # wrapped onto lines, or turned left to right
    # A small map keeps the default: the thesis on top.
    assert "// layout: BT\n" in argmap.render(shown(tmp_path, UNDERCUT), "dot").decode("utf-8")


@needs_dot
def test_the_direction_asked_for_overrides_the_choice(tmp_path):
    deep = argmap.render(shown(tmp_path, chain_map(14)), "dot", rankdir="bottom-up").decode("utf-8")
    assert "rankdir=BT" in deep and "// layout: BT\n" in deep


@needs_dot
def test_a_wrapped_map_reads_larger_than_one_long_row(tmp_path):
    from layout_measure import shape

    amap = shown(tmp_path, pairs_map(12))
    chosen = shape(argmap.render(amap, "svg").decode("utf-8"))
    row = shape(argmap.render(amap, "svg", rankdir="bottom-up").decode("utf-8"))
    assert chosen.text_px > row.text_px and chosen.aspect < row.aspect


def test_the_legend_explains_the_junction_dot_of_an_undercut_one_premise_support(tmp_path):
    from argmap.diagram.legend import legend_label

    label = legend_label(view_of(shown(tmp_path, UNDERCUT)))
    assert 'PORT="legend_junction"' in label and "●" in label and "undercut inference" in label


@needs_dot
def test_evidence_added_under_a_statement_that_argues_twice_keeps_every_rank_in_order(tmp_path):
    """A real Kialo map: a statement attacking two others, one of them a rank below the other."""
    text = (ROOT / "tests/formats/golden/kialo-car-weight-tax.yaml").read_text(encoding="utf-8")
    before = drawn_ranks(drawn_svg(shown(tmp_path, text)), "BT")
    added = text.replace("\nimported:", "\n  survey: {role: evidence, text: A new survey, supports: speed-matters-more-than,"
                         " by: analyst}\nimported:", 1)
    assert "survey" in added
    after = drawn_ranks(drawn_svg(edited(tmp_path, added, "added")), "BT")
    kept, pairs = order_kept(before, after)
    assert pairs and kept == pairs


def test_the_legend_sits_on_a_rank_that_no_line_runs_across(tmp_path):
    """A question answered from two ranks down: its lines cross the junction's rank, so the legend goes elsewhere."""
    from argmap.diagram.layout import host

    text = """\
argmap: 1
id: asked
question: {text: Is it so?, answers: [yes, no]}
statements:
  verdict: {role: thesis, text: Yes and no}
  yes: {text: Yes in one place}
  no: {text: No in the other}
arguments:
  both: {premises: [yes, no], supports: verdict}
"""
    drawn = view_of(shown(tmp_path, text))
    rank = ranks(drawn)
    assert rank["both"] == 1 and rank["yes"] == 2 and rank["--question"] == 0  # the answers' lines cross rank 1
    assert host(drawn) is not None and rank[host(drawn)] != 1


@needs_dot
def test_a_drawing_keeps_the_layout_of_the_one_it_replaces(tmp_path):
    """`argmap render -o` over its earlier drawing keeps that drawing's layout, so an edit does not flip it."""
    from argmap.diagram.layout import Layout, recorded
    from tests.conftest import run_cli

    (tmp_path / "map.yaml").write_text(pairs_map(12), encoding="utf-8")
    assert run_cli("render", "map.yaml", "-o", "map.svg", cwd=tmp_path)[0] == 0
    first = recorded((tmp_path / "map.svg").read_bytes())
    assert first is not None and first[0] != Layout()  # wrapped, or turned: the choice for this map
    # The same file, as if an earlier map had been drawn bottom-up: the next render keeps it...
    svg = (tmp_path / "map.svg").read_bytes().replace(first[0].record(first[1]).encode(), Layout().record(first[1]).encode())
    (tmp_path / "map.svg").write_bytes(svg)
    (tmp_path / "map.yaml").write_text(pairs_map(12) + "  extra: {text: One more, supports: claim-0}\n", encoding="utf-8")
    assert run_cli("render", "map.yaml", "-o", "map.svg", cwd=tmp_path)[0] == 0
    assert recorded((tmp_path / "map.svg").read_bytes()) == (Layout(), first[1] + 1)
    # ... and so does --check, which compares with what render would write.
    assert run_cli("render", "map.yaml", "-o", "map.svg", "--check", cwd=tmp_path)[0] == 0
    # A map grown by more than half is laid out afresh; a direction asked for is followed.
    (tmp_path / "map.yaml").write_text(pairs_map(20), encoding="utf-8")
    assert run_cli("render", "map.yaml", "-o", "map.svg", cwd=tmp_path)[0] == 0
    assert recorded((tmp_path / "map.svg").read_bytes())[0] != Layout()
    assert run_cli("render", "map.yaml", "-o", "map.svg", "--rankdir", "left-right", cwd=tmp_path)[0] == 0
    assert recorded((tmp_path / "map.svg").read_bytes())[0] == Layout("LR")


def test_a_recorded_layout_is_read_back_and_anything_else_ignored():
    from argmap.diagram.layout import Layout, recorded

    assert recorded(b"<!-- " + Layout("BT", 2, 3).record(7).encode() + b" -->") == (Layout("BT", 2, 3), 7)
    for other in (b"", b"argmap layout: XX 1 1; 3 nodes", b"argmap layout: BT 0 1; 3 nodes", b"\xff" * 100):
        assert recorded(other) is None


def test_a_recorded_width_of_texts_is_read_back_and_an_old_record_wraps_at_the_default():
    from argmap.diagram.layout import COLUMNS, Layout, recorded

    assert Layout("BT", 1, 1, 20).record(47) == "argmap layout: BT 1 1 20; 47 nodes"
    assert recorded(Layout("LR", 1, 2, 40).record(21).encode()) == (Layout("LR", 1, 2, 40), 21)
    assert recorded(b"argmap layout: LR 1 2; 21 nodes") == (Layout("LR", 1, 2, COLUMNS), 21)
    assert Layout("BT", 1, 1, 20).describe() == "BT, texts 20 wide" and Layout().describe() == "BT"


ATTACKS_FIRST = """\
argmap: 1
id: order
statements:
  thesis: {role: thesis, text: The bridge should be closed}
  cost: {text: Closing costs the city a lot, attacks: thesis}
  cracks: {role: evidence, text: Inspectors found cracks in two girders, supports: thesis}
  survey:
    text: A survey of drivers says the detour is short
    attacks: cost
    supports: cracks
"""


def test_a_statement_hangs_under_the_conclusion_written_first_attacks_or_supports(tmp_path):
    """Supports are no longer put before attacks: what a statement argues for first, in the file, is what it
    is drawn under, so that a relation added after the others does not move it."""
    from argmap.diagram.drawing import prepare

    drawn = prepare(shown(tmp_path, ATTACKS_FIRST)).view()
    assert tree_order(drawn) == ("thesis", "cost", "survey", "cracks")
    swapped = ATTACKS_FIRST.replace("    attacks: cost\n    supports: cracks\n", "    supports: cracks\n    attacks: cost\n")
    assert tree_order(prepare(shown(tmp_path, swapped)).view()) == ("thesis", "cost", "cracks", "survey")


@needs_dot
def test_a_support_added_to_a_statement_that_attacked_keeps_every_rank_in_order(tmp_path):
    """An edit of a real Argdown debate (state censorship): an objection that also gets a support, written
    after its attack, moved its place in the drawing and 11 of 71 pairs on a rank swapped."""
    from tests.conftest import run_cli

    source = ROOT / "tests/formats/corpus/argdown/state-censorship.argdown"
    assert run_cli("import", str(source), "-o", "debate", cwd=tmp_path)[0] == 0
    path = tmp_path / "debate" / "map.yaml"
    before_svg = argmap.render(argmap.load(path), "svg")
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    objection = document["statements"]["the-consumption-of-violent-2"]
    assert objection.get("attacks") and not objection.get("supports")
    objection["supports"] = ["freedom-of-speech-is-not-an"]  # written after its attack
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    after = argmap.render(argmap.load(path), "svg", previous=before_svg)
    before = drawn_ranks(before_svg.decode("utf-8"), "BT")
    kept, pairs = order_kept(before, drawn_ranks(after.decode("utf-8"), "BT"))
    assert pairs > 50 and kept == pairs


@needs_dot
def test_a_map_drawn_as_a_strip_is_drawn_in_a_screens_shape_when_that_reads_as_large(tmp_path):
    """The veggie debate (47 statements, 13 groups), a strip of 4:1 with the thesis on top (texts 28 wide), is
    drawn in a screen's shape, and reads larger than either strip the directions asked for give."""
    from layout_measure import shape

    from argmap.diagram.choose import SHAPE
    from tests.conftest import run_cli

    source = ROOT / "tests" / "formats" / "corpus" / "argdown" / "veggie-debate.argdown"
    assert run_cli("import", str(source), "-o", "veggie", cwd=tmp_path)[0] == 0
    out = tmp_path / "veggie"
    amap = argmap.load(out / "map.yaml")
    chosen = shape(argmap.render(amap, "svg").decode("utf-8"))
    assert 1 / SHAPE <= chosen.aspect <= SHAPE
    strips = [shape(argmap.render(amap, "svg", rankdir=direction).decode("utf-8"))
              for direction in ("bottom-up", "left-right")]
    assert all(chosen.text_px >= strip.text_px for strip in strips)


def test_a_strip_must_read_larger_than_a_layout_in_a_screens_shape(tmp_path, monkeypatch):
    """Of two candidates, one a strip (4:1) and one of a screen's shape, the strip wins only if its text reads
    :data:`BETTER` larger, as a candidate must to beat the default."""
    from argmap.diagram import choose as chooser
    from argmap.diagram.layout import DEFAULT, Layout

    candidates = (DEFAULT, Layout("LR"), Layout("LR", columns=40))
    drawn = view_of(shown(tmp_path, UNDERCUT))
    for strip_scale, chosen in ((0.55, Layout("LR", columns=40)), (0.70, Layout("LR"))):
        sizes = {DEFAULT.describe(): (2000.0, 2000.0), "LR": (1200.0 / strip_scale, 300.0 / strip_scale),
                 "LR, texts 40 wide": (1600.0 / 1.2, 1600.0 / 1.2)}

        def fitted(source, timeout, cancel=None, sizes=sizes):
            return sizes[source.split("// layout: ", 1)[1].split("\n", 1)[0]]

        monkeypatch.setattr(chooser, "fitted", fitted)
        monkeypatch.setattr(chooser, "CANDIDATES", candidates)
        monkeypatch.setattr(chooser, "_drawing", lambda source: source)  # each source keeps its layout's name
        # the one in a screen's shape reads at 0.51 of its natural size, the strip at 0.55 or 0.70
        assert chooser.choose(drawn, wrapped=lambda columns: drawn) == chosen
    # The default, a strip, keeps no near tie against a layout of a screen's shape: both read at full size.
    sizes = {DEFAULT.describe(): (900.0, 100.0), "LR": (300.0, 400.0), "LR, texts 40 wide": (300.0, 1000.0)}
    monkeypatch.setattr(chooser, "fitted", lambda source, timeout, cancel=None: sizes[
        source.split("// layout: ", 1)[1].split("\n", 1)[0]])
    assert chooser.choose(drawn, wrapped=lambda columns: drawn) == Layout("LR")
    sizes[DEFAULT.describe()] = (600.0, 400.0)  # of a screen's shape, the default keeps the tie
    assert chooser.choose(drawn, wrapped=lambda columns: drawn) == DEFAULT


@needs_dot
def test_three_statements_in_no_relation_are_not_drawn_as_a_strip(tmp_path):
    """Three notes (too few for rows of their own) read at full size every way: the one long row the thesis on
    top makes is a strip, so a layout of a screen's shape is drawn instead."""
    from layout_measure import shape

    text = "argmap: 1\nid: three\nstatements:\n" + "".join(
        f"  note-{index}: {{text: Note {index} from the council's hearing on the bridge}}\n" for index in range(3))
    svg = drawn_svg(shown(tmp_path, text))
    assert 1 / 2.5 <= shape(svg).aspect <= 2.5


def notes_map(count: int, group: str | None = None) -> str:
    """A two-statement argument and ``count`` notes in no relation (in ``group``, if given)."""
    lines = ["argmap: 1", "id: notes", "statements:", "  build: {text: The town should build the new bridge}",
             "  cost: {text: The old bridge costs more each year to keep open, supports: build}"]
    placed = f", group: {group}" if group else ""
    lines += [f"  note-{index}: {{text: Note {index} from the council's hearing{placed}}}" for index in range(1, count + 1)]
    lines += [f"groups:\n  {group}: {{label: Hearing}}"] if group else []
    return "\n".join(lines) + "\n"


def test_statements_in_no_relation_are_set_in_rows_in_file_order(tmp_path):
    """Twelve notes make six rows of two (about as wide as a screen for the height of their rows), in file
    order, where the file has them; three notes, or notes in a group's box (whose place dot decides), stay in
    one row."""
    drawn = view_of(shown(tmp_path, notes_map(12)))
    notes = [f"note-{index}" for index in range(1, 13)]
    assert [ranks(drawn)[note] for note in notes] == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert tree_order(drawn) == ("build", "cost", *notes)
    first = notes_map(12).replace("statements:\n", "statements:\n  note-0: {text: A note written first}\n")
    assert tree_order(view_of(shown(tmp_path, first)))[:3] == ("note-0", "build", "cost")
    for few in (view_of(shown(tmp_path, notes_map(3))), view_of(shown(tmp_path, notes_map(12, "hearing")))):
        assert {rank for node, rank in ranks(few).items() if node.startswith("note-")} == {0}
        assert tree_order(few)[:2] == ("build", "cost")  # the file's order: the argument first, as written


def test_a_note_that_gains_a_relation_moves_only_the_notes_after_it(tmp_path):
    before = ranks(view_of(shown(tmp_path, notes_map(12))))
    text = notes_map(12).replace("  note-6: {text: Note 6 from the council's hearing}",
                                 "  note-6: {text: Note 6 from the council's hearing, supports: build}")
    after = ranks(view_of(shown(tmp_path, text)))
    assert all(after[f"note-{index}"] == before[f"note-{index}"] for index in range(1, 6))
    assert [after[f"note-{index}"] for index in range(7, 13)] == [2, 3, 3, 4, 4, 5]  # each one place back


@needs_dot
def test_notes_are_drawn_in_rows_beside_the_argument_not_one_long_row(tmp_path):
    from layout_measure import shape

    amap = shown(tmp_path, notes_map(12))
    svg = drawn_svg(amap)
    where = positions(svg)
    tops = [where[f"note-{first}"][1] for first in (1, 3, 5, 7, 9, 11)]
    assert tops == sorted(tops) and len(set(tops)) == 6  # six rows, the first on top
    assert round(where["note-2"][1]) == round(tops[0])
    assert max(where[f"note-{index}"][0] for index in range(1, 13)) > where["build"][0]  # beside the argument
    assert shape(svg).aspect <= 2.5


def test_candidates_that_come_to_one_drawing_are_laid_out_once(tmp_path, monkeypatch):
    """A map in one part, with no statement of three leaves: wrapping its parts onto lines or its evidence onto
    rows changes nothing, so dot lays out each width and direction once, not each candidate."""
    from argmap.diagram import choose as chooser

    laid: list[str] = []
    real = chooser.fitted

    def fitted(source, timeout, cancel=None):
        laid.append(source)
        return real(source, timeout, cancel)

    monkeypatch.setattr(chooser, "fitted", fitted)
    amap = shown(tmp_path, UNDERCUT)
    drawing = argmap.render(amap, "dot").decode("utf-8")
    assert len(laid) == len(set(laid)) == len({(c.rankdir, c.columns) for c in chooser.CANDIDATES}) < len(chooser.CANDIDATES)
    assert "// layout: BT\n" in drawing  # the choice is the same


BOXED = """\
argmap: 1
id: boxed
statements:
  s0: {role: thesis, text: Thesis}
  s1: {text: Statement 1, attacks: s0, group: b}
  s2: {text: Statement 2, attacks: s0, group: a}
  s3: {text: Statement 3, attacks: s2, group: a}
  s4: {text: Statement 4, supports: s3}
  s5: {text: Statement 5, supports: s1, group: a}
  s6: {text: Statement 6, supports: s1, group: a}
groups:
  a: {label: A}
  b: {label: B}
"""


@needs_dot
def test_a_group_boxs_row_is_drawn_in_the_order_argmap_pins(tmp_path):
    """Three statements of box A share a rank, pinned in tree order (under s1, then under s2): drawn left to
    right in that order. dot's last crossing pass (remincross) moved s3 first, against the lines that pin the
    row (Graphviz 2.43), until it was left out for maps with boxes."""
    amap = shown(tmp_path, BOXED)
    lined = rows(view_of(amap))
    assert lined == (("a", ("s5", "s6", "s3")),)  # s1 and s2 on the rank above are in two boxes, no row
    where = positions(argmap.render(amap, "svg", rankdir="bottom-up").decode("utf-8"))
    for group, members in lined:
        assert sorted(members, key=lambda member: where[member][0]) == list(members), (group, members)


@needs_dot
@pytest.mark.parametrize("rankdir", ["bottom-up", "top-down", "left-right", "right-left"])
def test_statements_in_no_relation_read_in_file_order_whichever_way_up_the_thesis_is(tmp_path, rankdir):
    """The block of notes reads in file order as a page does, rows top to bottom, each left to right, whichever
    way up the thesis is; rows make a drawing of a screen's shape. Arrows pointing across, the rows are columns
    from the conclusions' side (left to right, from the right: numbered from the left, every column would move
    at each added or removed note), each top to bottom."""
    from layout_measure import shape

    amap = shown(tmp_path, notes_map(12))
    svg = argmap.render(amap, "svg", rankdir=rankdir).decode("utf-8")
    where = positions(svg)
    notes = [f"note-{index}" for index in range(1, 13)]
    across = rankdir in ("left-right", "right-left")
    mirrored = -1 if rankdir == "left-right" else 1
    read = sorted(notes, key=lambda note: (mirrored * round(where[note][0]), where[note][1]) if across
                  else (round(where[note][1]), where[note][0]))
    assert read == notes
    if not across:  # across, the columns make a low band under the argument's, as wide as it
        assert 1 / 2.5 <= shape(svg).aspect <= 2.5


@needs_dot
def test_a_large_map_of_statements_in_no_relation_is_drawn_in_rows(tmp_path):
    """Over 500 nodes (dot's passes bounded), notes are still set in a block of rows, not one row of 600."""
    from layout_measure import shape

    amap = shown(tmp_path, notes_map(600))
    svg = argmap.render(amap, "svg").decode("utf-8")
    where = positions(svg)
    assert len(where) == 602 and len({round(y) for _, y in where.values()}) > 10
    assert shape(svg).aspect <= 2.5


def test_statements_in_no_relation_keep_together_however_the_file_interleaves_them(tmp_path):
    """Notes written before, between and after an argument's statements (an imported text's paragraphs) make
    one block: in every rank they share with the argument, they stand together after it, in file order, instead
    of some before the argument and some after it."""
    notes = [f"  note-{index}: {{text: Note {index} from the council's hearing}}" for index in range(9)]
    argument = ["  build: {text: The town should build the new bridge}",
                "  cost: {text: The old bridge costs more each year to keep open, supports: build}",
                "  safe: {text: The new bridge is safer, supports: build}"]
    for body in (notes[:3] + argument + notes[3:], argument[:1] + notes[:5] + argument[1:] + notes[5:]):
        drawn = view_of(shown(tmp_path, "\n".join(["argmap: 1", "id: notes", "statements:", *body]) + "\n"))
        for _, members in rows(drawn):
            kinds = [member.startswith("note-") for member in members]
            assert kinds == sorted(kinds), members  # the argument's, then the notes
            assert [m for m in members if m.startswith("note-")] == sorted(
                (m for m in members if m.startswith("note-")), key=lambda m: int(m.split("-")[1]))


def test_thesis_at_the_bottom_a_removed_note_moves_only_the_notes_before_it(tmp_path):
    """Top-down (the thesis at the bottom), the rows of notes are filled from the last note back, so the first row
    is on top and a removed note moves only the notes written before it: those after it keep their rows."""
    before = ranks(view_of(shown(tmp_path, notes_map(12))), rankdir="TB")
    text = notes_map(12).replace("  note-6: {text: Note 6 from the council's hearing}\n", "")
    after = ranks(view_of(shown(tmp_path, text)), rankdir="TB")
    assert all(after[f"note-{index}"] == before[f"note-{index}"] for index in range(7, 13))
    assert before["note-1"] > before["note-12"]  # the first row on top: the last rank, thesis at the bottom
