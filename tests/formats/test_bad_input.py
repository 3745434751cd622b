"""Input that is not a well-formed file of its format: one line naming the file and the place, exit 2."""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import run_cli

NODES = '{"nodes": [%s], "edges": [%s], "locutions": []}'
STATEMENT = '{"nodeID": "%s", "type": "I", "text": "%s"}'
S = '{"nodeID": "%s", "type": "%s", "text": "x"}'
E = '{"fromID": "%s", "toID": "%s"}'

CASES = {
    "malformed JSON": ("a.json", '{"nodes": [\n  {"nodeID": 1,}\n]}', "a.json:2:16: error: expecting property name"
                       " enclosed in double quotes"),
    "dangling edge": ("a.json", NODES % (STATEMENT % ("1", "A"), E % ("1", "9")),
                      "a.json:$.edges[0].toID: error: the edge names node '9', which is not among the nodes"),
    "unknown node type": ("a.json", NODES % (S % ("1", "XA"), ""),
                          "a.json:$.nodes[0].type: error: unknown node type 'XA'; AIF node types are I, L, RA, CA,"
                          " MA, PA, YA, TA"),
    "cycle of S-nodes": ("a.json", NODES % (",".join([STATEMENT % ("1", "A"), S % ("2", "RA"), S % ("3", "CA")]),
                                            ",".join([E % ("1", "2"), E % ("2", "3"), E % ("3", "2")])),
                         "a.json:$.nodes[1]: error: S-nodes form a cycle: RA '2' -> CA '3' -> RA '2'"),
    "duplicate nodeID": ("a.json", NODES % (",".join([STATEMENT % ("1", "A"), STATEMENT % ("1", "B")]), ""),
                         "a.json:$.nodes[1].nodeID: error: nodeID '1' is used twice (first at $.nodes[0])"),
    "an id that is not text": ("a.json", '{"nodes": [{"nodeID": true, "type": "I"}], "edges": []}',
                               "a.json:$.nodes[0].nodeID: error: expected an id (a string or a whole number),"
                               " found a boolean"),
    "deeply nested JSON": ("a.json", "[" * 100_000 + "]" * 100_000, "a.json:1:1: error: the JSON is nested too deeply"
                           " to read"),
    "Argdown with broken indentation": ("a.argdown", "[A]: a\n    + [B]: b\n  + [C]: c\n",
                                        "a.argdown:3:1: error: broken indentation: 2 spaces line up with no relation"
                                        " above (they are indented 4)"),
    "Argdown relation without a parent": ("a.argdown", "[A]: a\n\n  + [B]: b\n", "a.argdown:3:3: error: a relation"
                                          " needs a statement or argument above it"),
    "Argdown structure without conclusion": ("a.argdown", "<A>\n\n(1) p\n(2) q\n", "a.argdown:4:1: error: the"
                                             " premise-conclusion structure of <A> must end with a conclusion"),
    "Argdown statement run into a heading": ("a.argdown", "# Heading\n[A]: a\n  + [B]: b\n", "a.argdown:2:1: error:"
                                              " a heading runs on to the next empty line: put an empty line between"
                                              " the heading and what follows it"),
    "Argdown comment never closed": ("a.argdown", "[A]: a /* open\n", "a.argdown:1:8: error: the comment /* is"
                                     " never closed with */"),
    "Kialo claim without parent": ("a.txt", "1. T\n1.2.1. Pro: x\n", "a.txt:2:1: error: claim 1.2.1 has no claim 1.2"
                                   " above it"),
    "Kialo links in a circle": ("a.txt", "1. T\n1.1. Pro: -> See 1.2.\n1.2. Con: -> See 1.1.\n",
                                "a.txt:2:1: error: the links 1.2 -> 1.1 -> 1.2 go round in a circle and never reach"
                                " a claim"),
    "Kialo link to a claim not there": ("a.txt", "1. T\n1.1. Pro: -> See 1.9.\n", "a.txt:2:1: error: the link names"
                                        " claim 1.9, which is not in the export"),
    "Kialo claim without stance": ("a.txt", "1. T\n1.1. x\n", "a.txt:2:6: error: claim 1.1 needs `Pro:` or `Con:`"),
    "SADFace unknown node type": ("a.json", '{"metadata": {}, "nodes": [{"id": "a", "type": "claim"}], "edges": []}',
                                  "a.json:$.nodes[0].type: error: unknown node type 'claim'; SADFace nodes are atom"
                                  " or scheme"),
    "Argdown JSON relation to an unknown statement": (
        "a.json", '{"statements": {}, "arguments": {}, "relations": [{"relationType": "support", "from": "A",'
        ' "fromType": "equivalence-class", "to": "B", "toType": "equivalence-class"}]}',
        "a.json:$.relations[0].from: error: names the statement 'A', which is not among the statements"),
    "Argdown JSON unknown relation type": (
        "a.json", '{"statements": {"A": {"members": [{"text": "a"}]}}, "arguments": {}, "relations": [{"relationType":'
        ' "supports", "from": "A", "fromType": "equivalence-class", "to": "A", "toType": "equivalence-class"}]}',
        "a.json:$.relations[0].relationType: error: unknown relation type 'supports'; Argdown's are support, entails,"
        " attack, contrary, undercut, contradictory"),
    "Argdown JSON range outside the text": (
        "a.json", '{"statements": {"A": {"members": [{"text": "ab", "ranges": [{"type": "bold", "start": 1, "stop": 5}]'
        '}]}}, "arguments": {}, "relations": []}',
        "a.json:$.statements.A.members[0].ranges[0]: error: the range 1..5 is not within the text (2 characters)"),
    "a lone surrogate in a kept field": ("a.json", NODES.replace('"nodes": [', '"nodes": [{"nodeID": "1", "text": "A",'
                                         ' "type": "I", "timestamp": "\\ud800x"}') % ("", ""),
                                         "a.json:$.nodes[0].timestamp: error: holds U+D800, half of a UTF-16 pair"),
    "a lone surrogate in a key": ("a.json", '{"nodes": [{"\\udfff": 1}], "edges": []}',
                                  "a.json:$.nodes[0]: error: a key holds U+DFFF, half of a UTF-16 pair"),
    "NaN": ("a.json", '{"nodes": [{"nodeID": "1", "text": "NaN", "type": "I",\n "x": -Infinity}]}',
            "a.json:2:7: error: -Infinity is not a number JSON can hold (a number must be finite, and a whole number"
            " at most 4,300 digits long)"),
    "a number too large for a float": ("a.json", '{"nodes": [{"nodeID": "1", "text": "1e999", "type": "I",\n'
                                       ' "x": 1e999}]}', "a.json:2:7: error: 1e999 is not a number JSON can hold"),
    "a whole number of 5,000 digits": ("a.json", '{"nodes": [{"nodeID": 1' + "0" * 5000 + ', "type": "I"}]}',
                                       "a.json:1:23: error: 10000000000000000000... is not a number JSON can hold"),
    "a key written twice": ("a.json", '{"nodes": [{"nodeID": "1", "nodeID": "2", "type": "I", "text": "A"}]}',
                            "a.json:$.nodes[0]: error: the key 'nodeID' is written twice in this object"),
    "a key too long for YAML": ("a.json", '{"nodes": [{"nodeID": "1", "text": "A", "type": "I", "' + "k" * 1100 + '": 1}]}',
                                "a.json:$.nodes[0]: error: a key of 1,100 characters ('kkkkkkkkkkkkkkkkkkkk'...);"
                                " a map keeps keys of at most 1,000"),
    "a raw control character": ("a.json", '{"nodes": [{"nodeID": "1", "text": "A\x01", "type": "I"}]}',
                                "a.json:1:38: error: invalid control character\n"),
    "not UTF-8": ("a.argdown", b"[A]: caf\xe9\n", "a.argdown:1:9: error: is not UTF-8 text"),
    "an alias bomb in Argdown's front matter": (
        "a.argdown", "===\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n===\n\n[A]: a\n",
        "a.argdown:5:29: error: the front matter is not YAML argmap reads: aliases expand to more than 10,000 nodes"),
    "Argdown data nested 20,000 deep": ("a.argdown", "[A]: a {x: " + "[" * 20_000 + "]" * 20_000 + "}\n",
                                       "a.argdown:1:1011: error: the data {...} is not YAML argmap reads:"
                                       " nesting deeper than 64 levels"),
    "Argdown data nested 70 deep in blocks": (
        "a.argdown", "[A]: a {\n" + "".join(" " * i + "k:\n" for i in range(1, 71)) + "}\n",
        "a.argdown:66:66: error: the data {...} is not YAML argmap reads: nesting deeper than 64 levels"),
    "a YAML tag in Argdown's front matter": ("a.argdown", "===\ns: !!set {b, a}\n===\n[A]: a\n",
                                            "a.argdown:2:4: error: the front matter is not YAML argmap reads: tag"
                                            " 'tag:yaml.org,2002:set' is not allowed"),
    "unknown format": ("a.json", '{"something": "else"}', "a.json: error: cannot tell the format of 'a.json'; name it"
                       " with -f"),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_refused_in_one_line_at_its_place(name, tmp_path):
    file, content, expected = CASES[name]
    path = tmp_path / file
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    code, out, err = run_cli("import", file, "-o", "out", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith(expected) and err.count("\n") == 1, err
    assert not (tmp_path / "out" / "map.yaml").exists()


def test_a_file_over_the_limit_is_refused_unread(tmp_path):
    path = tmp_path / "big.json"
    with open(path, "wb") as stream:
        stream.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    code, _, err = run_cli("import", "big.json", "-o", "out", cwd=tmp_path)
    assert (code, err) == (2, "big.json: error: is over the 64 MiB limit for files to import\n")


def test_a_folder_with_a_bad_file_imports_the_others_and_exits_2(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in/good.argdown").write_text("[A]: a\n  + [B]: b\n", encoding="utf-8")
    (tmp_path / "in/bad.json").write_text("{", encoding="utf-8")
    code, out, err = run_cli("import", "in", "-o", "out", cwd=tmp_path)
    assert code == 2 and "in/bad.json:1:2: error:" in err and "1 of 2 files imported" in out
    assert (tmp_path / "out/good/map.yaml").is_file()


def test_import_never_writes_over_its_source(tmp_path):
    (tmp_path / "map.yaml").write_text("[A]: a\n", encoding="utf-8")
    code, _, err = run_cli("import", "map.yaml", "-f", "argdown", "-o", ".", cwd=tmp_path)
    assert code == 2 and "already exists" in err and (tmp_path / "map.yaml").read_text() == "[A]: a\n"
    code, _, err = run_cli("import", "map.yaml", "-f", "argdown", "-o", ".", "--force", cwd=tmp_path)
    assert code == 2 and "choose another output" in err and (tmp_path / "map.yaml").read_text() == "[A]: a\n"


@pytest.mark.skipif(os.name != "posix", reason="needs a real process")
def test_no_traceback_from_a_real_process(tmp_path):
    (tmp_path / "x.json").write_text('{"AIF": {"nodes": 3}}', encoding="utf-8")
    code, out, err = run_cli("import", "x.json", "-o", "out", cwd=tmp_path, process=True)
    assert (code, out) == (2, "") and err == "x.json:$.AIF.nodes: error: expected an array, found a number\n"


HOSTILE_TEXTS = {  # blank or control characters where only statement texts used to be cleaned
    "ids.json": NODES % (",".join([STATEMENT % (" ", "A"), STATEMENT % ("2\\u0001", "B"),
                                   '{"nodeID": "3", "type": "RA", "text": "\\u0001 "}']),
                         ",".join([E % (" ", "3"), E % ("3", "2\\u0001")])),
    "titles.argdown": "===\ntitle: \"\\x01\"\n===\n# \\x02\n\n[Ti\x01tle]: text a #(\x01)\n  + [B]: b\n\n"
                      "<Arg\x02>: note \x03\n\n(1) [P]: p\n----\n(2) [C]: c\n",
    "title.txt": "Discussion Title: \x01\n\n1. Thesis\n1.1. Pro: yes\n",
}


def test_blank_or_control_characters_anywhere_are_removed_and_reported(tmp_path):
    (tmp_path / "in").mkdir()
    for name, content in HOSTILE_TEXTS.items():
        (tmp_path / "in" / name).write_text(content, encoding="utf-8")
    code, out, err = run_cli("import", "in", "-o", "out", "-j", "2", cwd=tmp_path)
    assert code == 0 and "3 of 3 files imported" in out and "Traceback" not in err, err
    assert "in/ids.json: $.nodes[0]: not kept: empty text: the id it had in the source was blank and is left out" \
        in err
    assert "in/titles.argdown: 6:1: not kept: control characters: characters no diagram can show were removed" \
           " from the id it had in the source" in err
    assert "in/title.txt: title: not kept: empty text: the title was blank and is left out" in err
    assert run_cli("check", "out", cwd=tmp_path)[0] == 0


def test_what_is_kept_for_export_stays_within_what_check_reads(tmp_path):
    deep: object = "x"
    for _ in range(70):
        deep = [deep]
    nodes = [{"nodeID": "1", "text": "A", "type": "I", "extra": deep, "fine": "kept"},
             {"nodeID": "2", "text": "B", "type": "I", "long": "y" * 200_000},
             {"nodeID": "3", "text": "Default Inference", "type": "RA"}]
    edges = [{"fromID": "1", "toID": "3"}, {"fromID": "3", "toID": "2"}]
    (tmp_path / "a.json").write_text(json.dumps({"nodes": nodes, "edges": edges, "locutions": []}), encoding="utf-8")
    code, _, err = run_cli("import", "a.json", "-o", "out", cwd=tmp_path)
    assert code == 0
    assert "a.json: node-fields.1.extra: not kept: kept data: not kept for export: " in err and \
           "nesting deeper than 64 levels" in err
    assert "a.json: node-fields.2.long: not kept: kept data: not kept for export: a text of 200,000 characters" in err
    assert run_cli("check", "out", cwd=tmp_path)[0] == 0
    assert "fine: kept" in (tmp_path / "out" / "map.yaml").read_text(encoding="utf-8")


def test_files_whose_names_differ_in_case_get_folders_of_their_own(tmp_path):
    (tmp_path / "in").mkdir()
    for name in ("a.json", "a.JSON"):
        (tmp_path / "in" / name).write_text(NODES % (STATEMENT % ("1", name), ""), encoding="utf-8")
    (tmp_path / "in" / "a.argdown").write_text("[A]: a\n", encoding="utf-8")
    code, out, _ = run_cli("import", "in", "-o", "out", cwd=tmp_path)
    assert code == 0 and "3 of 3 files imported" in out
    folders = sorted(p.parent.name for p in (tmp_path / "out").glob("*/map.yaml"))
    assert folders == ["a-argdown", "a-json", "a-json-2"]
    texts = {(tmp_path / "out" / f / "map.yaml").read_text(encoding="utf-8").count("text: a.") for f in folders[1:]}
    assert texts == {1}
    assert {"a.json", "a.JSON"} <= {line for f in folders[1:] for line in
                                    (tmp_path / "out" / f / "map.yaml").read_text(encoding="utf-8").split()}


def test_an_empty_output_name_is_refused(tmp_path):
    (tmp_path / "map.yaml").write_text("argmap: 1\n", encoding="utf-8")
    (tmp_path / "a.argdown").write_text("[A]: a\n", encoding="utf-8")
    code, out, err = run_cli("import", "a.argdown", "-o", "", cwd=tmp_path)
    assert (code, out) == (2, "") and err == ("argmap import: -o names the map folder to write; an empty name names"
                                              " none (use -o . for this folder)\n")
    assert (tmp_path / "map.yaml").read_text(encoding="utf-8") == "argmap: 1\n"


@pytest.mark.skipif(os.name != "posix", reason="needs symbolic links")
def test_a_folder_import_reads_no_file_outside_it_through_a_link(tmp_path):
    """A folder to import (an archive unpacked, a corpus downloaded) may hold links: one to a file outside it is
    refused unread, as `check` does, so that nothing of the user's own files ends up in an imported map."""
    (tmp_path / "secret.argdown").write_text("[Key]: hunter2\n", encoding="utf-8")
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in/sub/real.argdown").write_text("[A]: a\n", encoding="utf-8")
    (tmp_path / "in/inside.argdown").symlink_to("sub/real.argdown")
    (tmp_path / "in/outside.argdown").symlink_to(tmp_path / "secret.argdown")
    code, out, err = run_cli("import", "in", "-o", "out", "-j", "2", cwd=tmp_path)
    assert code == 2 and "2 of 3 files imported" in out
    assert "in/outside.argdown: error: is a link to a file outside the folder, left unread; name that file itself" \
        " to import it\n" in err
    written = [path.read_text(encoding="utf-8") for path in (tmp_path / "out").rglob("*") if path.is_file()]
    assert len(written) == 2 and not any("hunter2" in text for text in written)
    assert run_cli("import", "in/outside.argdown", "-o", "one", cwd=tmp_path)[0] == 0  # named itself, it is read


def test_the_report_is_never_written_over_a_source_or_an_imported_map(tmp_path):
    (tmp_path / "in").mkdir()
    for name in ("a.json", "b.json"):
        (tmp_path / "in" / name).write_text(NODES % (STATEMENT % ("1", name), ""), encoding="utf-8")
    before = (tmp_path / "in" / "b.json").read_text(encoding="utf-8")
    for report in ("in/b.json", "out/a/map.yaml"):
        code, _, err = run_cli("import", "in", "-o", "out", "--report", report, "--force", cwd=tmp_path)
        assert code == 2 and f"cannot write {report}" in err, err
    assert (tmp_path / "in" / "b.json").read_text(encoding="utf-8") == before
    assert (tmp_path / "out" / "a" / "map.yaml").read_text(encoding="utf-8").startswith("argmap: 1")
    assert run_cli("check", "out", cwd=tmp_path)[0] == 0
