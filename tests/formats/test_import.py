"""argmap import on real public files of every format: golden maps, maps that check, and the import command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.diagnostics import Severity
from argmap.formats import read_map
from tests.conftest import run_cli

HERE = Path(__file__).parent
CORPUS = sorted(p for p in (HERE / "corpus").glob("*/*") if p.suffix != ".md")
GOLDEN = HERE / "golden"


def golden_name(path: Path) -> str:
    return f"{path.parent.name}-{path.stem}.yaml"


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_corpus_file_imports_to_its_golden_map_which_checks_without_errors(path):
    reading = read_map(path)
    assert reading.amap.imported is not None and reading.amap.imported.format == path.parent.name
    expected = (GOLDEN / golden_name(path)).read_text(encoding="utf-8")
    assert argmap.dump(reading.amap) == expected, f"regenerate with: python -m tests.formats.regenerate ({path.name})"
    result = argmap.check(reading.amap, config=False)
    assert [d for d in result.diagnostics if d.severity >= Severity.ERROR] == []


def test_aif_keeps_undercuts_linked_premises_and_the_dialogue_layer():
    amap = read_map(HERE / "corpus/aif/linked-undercut.json").amap
    undercut = next(a for a in amap.arguments.values() if a.attacks in amap.arguments)
    assert len(undercut.premises) == 2  # two premises that jointly undercut an attack
    dialogue = read_map(HERE / "corpus/aif/nodeset6064.json").amap.imported
    kinds = {node["type"] for node in dialogue.kept["nodes"]}
    assert kinds == {"L", "YA", "TA"} and dialogue.kept["locutions"] and dialogue.ids


def test_ova3_text_becomes_the_source_of_verified_quotes(tmp_path):
    code, out, err = run_cli("import", str(HERE / "corpus/ova/because-b.json"), "-o", str(tmp_path / "m"))
    assert (code, err) == (0, "") and "4 statements, 3 inferences" in out
    assert (tmp_path / "m/source.txt").read_text(encoding="utf-8").startswith("The bridge must be closed because")
    code, out, _ = run_cli("check", "--no-config", str(tmp_path / "m"))
    # every quote was found in the text (no error); the locutions are the whole text, so coverage may warn, and
    # its inference from sign leaves a premise role and an assumption open
    assert code == 0 and out.strip().endswith(("no problems in 1 file, 1 map", "0 errors, 3 warnings in 1 file, 1 map"))
    assert "ARG309" in out and "ARG310" in out
    assert "ARG302" not in out and "ARG303" not in out
    amap = argmap.load(tmp_path / "m")
    assert amap.statements["the-bridge-has-cracks"].quotes[0].text == "it has cracks"


def test_import_reports_what_argmap_cannot_hold_and_writes_a_json_report(tmp_path):
    code, _, err = run_cli("import", str(HERE / "corpus/aif/ova3-upload.json"), "-o", str(tmp_path / "m"),
                             "--report", str(tmp_path / "report.json"))
    assert code == 0 and "not kept: rephrase nodes: 2 MA-node(s) kept as AIF data" in err
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["imports"][0]["losses"][0]["what"] == "rephrase nodes"


def test_a_folder_imports_one_map_per_file_in_parallel(tmp_path):
    code, out, err = run_cli("import", str(HERE / "corpus"), "-o", str(tmp_path / "all"), "-j", "2")
    assert code == 0, err
    assert f"{len(CORPUS)} of {len(CORPUS)} files imported" in out
    maps = sorted(p.relative_to(tmp_path / "all").parent.as_posix() for p in (tmp_path / "all").rglob("map.yaml"))
    assert maps == sorted(f"{p.parent.name}/{p.stem}" for p in CORPUS)
    code, out, _ = run_cli("check", "--no-config", str(tmp_path / "all"))
    assert code == 0 and f"{len(CORPUS)} maps" in out


@pytest.mark.parametrize(("name", "content"), [
    ("dialogue.json", '{"nodes": [{"nodeID": "1", "text": "Bob: hi", "type": "L"}], "edges": [], "locutions": []}'),
    ("empty.json", '{"nodes": [], "edges": [], "locutions": []}'),
    ("empty.argdown", "// nothing yet\n"),
    ("empty.txt", ""),
])
def test_a_source_without_statements_gives_a_map_that_checks(tmp_path, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    code, out, err = run_cli("import", name, "-o", "m", cwd=tmp_path)
    assert code == 0 and "0 statements, 0 inferences" in out, err
    assert run_cli("check", "--no-config", "m", cwd=tmp_path)[0] == 0
    assert run_cli("fmt", "--check", "m", cwd=tmp_path)[0] == 0


def test_kialo_export_of_texts_that_look_like_kialo_syntax_reads_back(tmp_path):
    (tmp_path / "m.yaml").write_text(
        'argmap: 1\nid: k\nstatements:\n  t: {role: thesis, text: T}\n  a: {text: "-> See 1.", supports: t}\n'
        '  b: {text: "Plain claim.\\n1.1. Con: second line.", attacks: t}\n'
        '  c: {text: "Para one.\\n\\nPara two.", supports: t}\n', encoding="utf-8")
    code, _, err = run_cli("export", "m.yaml", "-f", "kialo", "-o", "k.txt", cwd=tmp_path)
    assert code == 0 and err.splitlines() == [
        "argmap export: kialo cannot hold text that reads as a link (a): a backslash is written before its '->'"
        " (Markdown shows the text as it was)",
        "argmap export: kialo cannot hold line that reads as a claim (b): a backslash is written before it"
        " (Markdown shows the text as it was)",
        "argmap export: kialo cannot hold blank lines (c): the blank lines in the text are left out"]
    code, _, err = run_cli("import", "k.txt", "-o", "back", cwd=tmp_path)
    assert (code, err) == (0, "")
    back = argmap.load(tmp_path / "back")
    assert sorted(s.text for s in back.statements.values()) == [
        "Para one.\nPara two.", "Plain claim.\n\\1.1. Con: second line.", "T", "\\-> See 1."]
    assert sorted(len(s.supports) + len(s.attacks) for s in back.statements.values()) == [0, 1, 1, 1]


def test_a_kialo_link_to_a_link_reaches_the_claim_at_the_end(tmp_path):
    (tmp_path / "k.txt").write_text("1. T\n1.1. Pro: A\n1.2. Con: B\n1.2.1. Con: -> See 1.1.\n1.3. Pro: D\n"
                                    "1.3.1. Con: -> See 1.2.1.\n", encoding="utf-8")
    assert run_cli("import", "k.txt", "-o", "m", cwd=tmp_path)[0] == 0
    amap = argmap.load(tmp_path / "m")
    assert {sid: (list(s.supports), list(s.attacks)) for sid, s in amap.statements.items()} == {
        "t": ([], []), "a": (["t"], ["b", "d"]), "b": ([], ["t"]), "d": (["t"], [])}


def test_an_aif_edge_between_two_statements_is_kept_and_said(tmp_path):
    (tmp_path / "a.json").write_text('{"nodes": [{"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "B",'
                                     ' "type": "I"}], "edges": [{"edgeID": "9", "fromID": "1", "toID": "2"}]}',
                                     encoding="utf-8")
    code, _, err = run_cli("import", "a.json", "-o", "m", cwd=tmp_path)
    assert code == 0 and err == ("a.json: $.edges[0]: not kept: edge between two I-nodes: AIF relates statements"
                                 " through RA and CA nodes; the edge from '1' to '2' says neither support nor attack,"
                                 " and is kept as AIF data only\n")
    assert run_cli("export", "m", "-f", "aif", cwd=tmp_path)[1].count('"fromID": "1"') == 1  # and written back


def test_whitespace_around_a_text_is_removed_and_said(tmp_path):
    (tmp_path / "a.json").write_text('{"nodes": [{"nodeID": "1", "text": "  padded\\n", "type": "I"},'
                                     ' {"nodeID": "2", "text": "   ", "type": "I"}], "edges": []}', encoding="utf-8")
    code, _, err = run_cli("import", "a.json", "-o", "m", cwd=tmp_path)
    assert code == 0 and err.splitlines() == [
        "a.json: $.nodes[0]: not kept: surrounding whitespace: spaces or line breaks at the start or end of the text"
        " were removed",
        "a.json: $.nodes[1]: not kept: empty text: the text was empty; '(no text)' stands in its place"]
    assert [s.text for s in argmap.load(tmp_path / "m").statements.values()] == ["padded", "(no text)"]


def test_files_of_one_name_in_two_formats_import_into_two_folders(tmp_path):
    (tmp_path / "src" / "sub").mkdir(parents=True)
    for name, corpus in (("a.json", "aif/nodeset6064.json"), ("A.argdown", "argdown/argdown-primer.argdown"),
                         ("b.argdown", "argdown/state-censorship.argdown"), ("sub/a.json", "aif/ova3-upload.json")):
        (tmp_path / "src" / name).write_bytes((HERE / "corpus" / corpus).read_bytes())
    code, out, err = run_cli("import", "src", "-o", "out", cwd=tmp_path)
    assert code == 0, err
    assert "4 of 4 files imported into out" in out
    maps = sorted(p.parent.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("map.yaml"))
    assert maps == ["A-argdown", "a-json", "b", "sub/a"]  # a name that two files would share gets its format too


def test_a_map_without_a_thesis_is_evaluated_root_by_root(tmp_path):
    run_cli("import", str(HERE / "corpus/aif/linked-undercut.json"), "-o", str(tmp_path / "m"))
    code, out, _ = run_cli("eval", str(tmp_path / "m/map.yaml"))
    assert code == 0 and out.startswith("No thesis; 1 root (statements that support or attack nothing):\n"
                                        "  The root 'cities-should-tax-cars-by' stands")
    code, out, _ = run_cli("eval", str(tmp_path / "m/map.yaml"), "-f", "json")
    assert json.loads(out)["roots"] == [{"id": "cities-should-tax-cars-by", "label": "IN"}]


def test_a_premise_that_the_uses_of_its_inference_leave_out_is_reported(tmp_path):
    """Greenspan's Turnover Argument has five premises and `{uses: [1,2,3,4]}`: argmap follows `uses`, and says that
    premise (5) is in no inference (the statement is kept, unconnected) instead of leaving it out silently."""
    source = HERE / "corpus/argdown/greenspan-schefczyk.argdown"
    reading = read_map(source)
    assert [(loss.what, loss.where) for loss in reading.losses] == [("unused premise", "102:1")]
    assert "(5) of <Turnover Argument> is in no inference" in reading.losses[0].detail
    unused = next(sid for sid, s in reading.amap.statements.items() if s.text.startswith("If prices do not rise"))
    assert all(unused not in a.premises for a in reading.amap.arguments.values())
    code, _, err = run_cli("import", str(source), "-o", str(tmp_path / "m"))
    assert code == 0 and "102:1: not kept: unused premise: (5) of <Turnover Argument>" in err
