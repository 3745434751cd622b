"""Reading: the YAML reader gives PyYAML's data with exact positions, and no input, name or file makes reading raise."""

from __future__ import annotations

import datetime
import json
import os
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import config
from argmap.codes import DUPLICATE_KEY, MULTIPLE_DOCUMENTS, SCHEMA, YAML_SYNTAX
from argmap.linter import lint
from argmap.loader import Workspace, discover, load_map
from argmap.source import C_LOADER, Limits, parse, read
from argmap.validation import validate
from tests.conftest import examples, write_tree

keys = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8)  # text keys, as in maps
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
                         max_leaves=20)


def test_the_c_loader_is_used():
    assert C_LOADER


@settings(deadline=None)
@given(documents, st.sampled_from([None, True, False]))
def test_same_data_as_pyyaml(value, flow):
    text = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=True)
    expected = yaml.safe_load(text)
    doc = parse(text.encode("utf-8"), "x.yaml")
    assert not doc.problems
    assert doc.data == expected


@settings(deadline=None)
@given(documents.filter(lambda value: isinstance(value, dict | list)), st.sampled_from([None, True, False]))
def test_same_data_as_pyyaml_through_anchors_and_aliases(value, flow):
    """A container written twice is dumped once with an anchor, then as aliases: read back as PyYAML does."""
    text = yaml.safe_dump({"a": value, "b": [value, {"c": value}]}, default_flow_style=flow, allow_unicode=True)
    assert "*id001" in text
    doc = parse(text.encode("utf-8"), "x.yaml")
    assert not doc.problems
    assert doc.data == yaml.safe_load(text)


@pytest.mark.parametrize("text", [
    "plain", "&s 12", "!!str 12", "[a, &x b, *x, &y {k: v}, *y]", "k: &v yes\nl: *v\n", "- !!str 1\n- !!int '2'\n",
    "? &k key\n: *k\n",
])
def test_roots_tags_and_anchored_scalars_read_as_pyyaml_reads_them(text):
    doc = parse(text.encode("utf-8"), "x.yaml")
    assert not doc.problems
    assert doc.data == yaml.safe_load(text)


def test_a_key_that_is_not_a_scalar_and_a_duplicate_key_are_reported_and_left_out():
    doc = parse(b"a: 1\n? [x]\n: 2\n? {y: 1}\n: 3\na: 4\nb: [&l [1], *l]\n", "x.yaml")
    assert [(p.line, p.column, p.code) for p in doc.problems] == [(2, 3, SCHEMA), (4, 3, SCHEMA), (6, 1, DUPLICATE_KEY)]
    assert doc.data == {"a": 1, "b": [[1], [1]]}
    assert "first defined at line 1" in doc.problems[2].message


def test_reading_stops_at_a_second_document():
    doc = parse(b"a: 1\n---\nb: 2\n", "x.yaml")
    assert [(p.line, p.column, p.code) for p in doc.problems] == [(2, 1, MULTIPLE_DOCUMENTS)]
    assert doc.data == {"a": 1} and doc.nodes == 3


@settings(deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(raw):
    doc = parse(raw, "x.yaml")
    for problem in doc.problems:
        assert problem.line >= 0 and problem.column >= 0 and problem.code.startswith("ARG")


@settings(deadline=None)
@given(st.text(alphabet="ab:-[]{},&*!#|>'\"\n\t ?", max_size=80))
def test_yaml_punctuation_never_raises(text):
    parse(text.encode("utf-8"), "x.yaml")


@settings(deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True), st.from_regex(r"[a-z]{1,6}", fullmatch=True),
                       min_size=1, max_size=6), st.integers(0, 6))
def test_positions_point_at_keys_and_values(mapping, indent):
    lines = [f"{' ' * indent}{key}:   {value}" for key, value in mapping.items()]
    text = "root:\n" + "\n".join(lines) + "\n" if indent else "\n".join(lines) + "\n"
    doc = parse(text.encode(), "x.yaml")
    prefix = ("root",) if indent else ()
    for number, (key, _value) in enumerate(mapping.items(), start=2 if indent else 1):
        assert doc.locate((*prefix, key), key=True) == (number, indent + 1)
        assert doc.locate((*prefix, key)) == (number, indent + len(key) + 5)


def test_missing_paths_locate_at_nearest_ancestor():
    doc = parse(b"a:\n  b: [x, {c: 1}]\n", "x.yaml")
    assert doc.locate(("a", "b", 1, "c")) == (2, 14)
    assert doc.locate(("a", "b", 1, "zzz")) == (2, 10)
    assert doc.locate(("a", "b", 7)) == (2, 6)
    assert doc.locate(("nothing",)) == (1, 1)


def test_keys_stay_text():
    doc = parse(b"no: 1\non: 2\n3: x\nnull: y\n&k yes: z\n", "x.yaml")
    assert doc.data == {"no": 1, "on": 2, "3": "x", "null": "y", "yes": "z"}


def test_yaml_11_booleans_and_quoted_strings():
    doc = parse(b"a: yes\nb: 'no'\nc: ~\nd: 0x1F\ne: 1_000\nf: .inf\ng: 2023-01-01\n", "x.yaml")
    assert doc.data["a"] is True and doc.data["b"] == "no" and doc.data["c"] is None
    assert doc.data["d"] == 31 and doc.data["e"] == 1000 and doc.data["f"] == float("inf")
    assert doc.data["g"] == "2023-01-01"  # dates stay text: argmap's format has none
    assert not isinstance(doc.data["g"], datetime.date)


def test_an_empty_number_with_a_standard_tag_stays_text():
    """Found by fuzzing: PyYAML's constructors index the text, and an empty `!!int` raised IndexError."""
    doc = parse(b"a: !!int\nb: !!float ''\nc: [!!int , !!float ]\nd: !!int '-'\ne: !!int 0x\n", "x.yaml")
    assert doc.data == {"a": "", "b": "", "c": ["", ""], "d": "-", "e": "0x"} and not doc.problems


def test_a_number_too_long_for_any_map_stays_text():
    """A sexagesimal float past a float's range raised OverflowError; a long hexadecimal or sexagesimal integer was
    read (in time that grows with it) into a value too large to print in a message."""
    long_float = "1" + ":0" * 180 + ".5"
    long_hex, long_sexagesimal = "0x" + "f" * 4000, "1" + ":59" * 3000
    doc = parse(f"a: {long_float}\nb: {long_hex}\nc: {long_sexagesimal}\nd: 0x{'f' * 20}\n".encode(), "x.yaml")
    assert doc.data == {"a": long_float, "b": long_hex, "c": long_sexagesimal, "d": 16**20 - 1} and not doc.problems


def test_limits_are_configurable():
    doc = parse(b"a: [[[[1]]]]\n", "x.yaml", Limits(max_depth=3))
    assert [p.code for p in doc.problems] == ["ARG004"]


# Encodings and raw characters: each refusal names the real encoding or points at the character.

@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_are_named_with_or_without_a_bom(codec):
    doc = parse("argmap: 1\ntitle: Café\n".encode(codec), "x.yaml")
    expected = f"is encoded as {codec[:6].upper()}; save it as UTF-8"
    assert [(p.line, p.column, p.message, p.code) for p in doc.problems] == [(1, 1, expected, "ARG005")]


@pytest.mark.parametrize(("raw", "what"), [
    (b"a: \xed\xa0\x80\n", "an encoded surrogate"),  # CESU-8 / WTF-8 style U+D800
    (b"a: \xed\xbf\xbf\n", "an encoded surrogate"),
    (b"a: \xc0\xaf\n", "an overlong encoding"),  # '/' in two bytes
    (b"a: \xe0\x80\xaf\n", "an overlong encoding"),
    (b"a: \xf0\x80\x80\xaf\n", "an overlong encoding"),
    (b"a: \xf4\x90\x80\x80\n", "beyond U+10FFFF"),
    (b"a: \xf8\x88\x80\x80\x80\n", "a byte UTF-8 never uses"),
    (b"a: \x80\n", "a continuation byte with no lead byte"),
    (b"a: \xe2\x82\n", "a sequence cut short"),
])
def test_invalid_utf8_is_located_and_explained(raw, what):
    doc = parse(b"b: 1\n" + raw, "x.yaml")
    [problem] = doc.problems
    assert (problem.line, problem.column, problem.code) == (2, 4, "ARG005") and what in problem.message


_REFUSED = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0)]]


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff\ufffe\uffff"),
                        max_size=12), min_size=1, max_size=5),
       st.sampled_from([*_REFUSED, "\ufffe", "\uffff"]), st.data())
def test_a_raw_control_character_is_located(lines, bad, data):
    """Anywhere in the text, with any characters before it on its line (libyaml counts in bytes)."""
    row = data.draw(st.integers(0, len(lines) - 1))
    column = data.draw(st.integers(0, len(lines[row])))
    lines[row] = lines[row][:column] + bad + lines[row][column:]
    raw = "\n".join(lines).encode("utf-8")
    doc = parse(raw, "x.yaml")
    # a NUL near the start: a binary file, still located
    expected_code = "ARG005" if bad == "\x00" and raw.find(b"\x00") < 8192 else "ARG001"
    assert [(p.line, p.column, p.code) for p in doc.problems] == [(row + 1, column + 1, expected_code)]


def test_a_control_character_message_says_how_to_write_it():
    [problem] = parse(b"argmap: 1\ntitle: bell\x07\n", "x.yaml").problems
    assert problem.location == "x.yaml:2:12"
    assert problem.message == ("a control character U+0007 is not allowed raw in YAML; "
                               "write it as an escape (\\u0007) in double quotes")


# Files on disk: no name, link or permission makes reading raise.

def _hostile_names(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "file.yaml").write_text("a: 1\n")
    (tmp_path / "folder").mkdir()
    os.symlink("loop-b", tmp_path / "loop-a")
    os.symlink("loop-a", tmp_path / "loop-b")
    os.symlink("nowhere", tmp_path / "dangling")
    os.mkfifo(tmp_path / "fifo")
    return {
        "a\0b.yaml": "has a NUL byte in its name",
        "a" * 300 + ".yaml": "has a name longer than the file system allows",
        "b/" * 2100 + "x.yaml": "has a name longer than the file system allows",
        "loop-a": "is a loop of symbolic links",
        "file.yaml/x.yaml": "does not exist (a part of its path is a file, not a folder)",
        "folder": "is a folder, not a file",
        "fifo": "is not a regular file",
        "dangling": "does not exist",
        "\udcff.yaml": "does not exist",  # a file name that is not UTF-8, as the command line passes it
        "\ud800.yaml": "has a name the file system cannot take",  # noqa: F601  (a different key; ruff conflates surrogates)
    }


def test_read_turns_every_file_system_refusal_into_one_problem(tmp_path):
    for name, reason in _hostile_names(tmp_path).items():
        doc = read(str(tmp_path / name), "shown.yaml")
        assert [(p.path, p.line, p.column, p.message, p.code) for p in doc.problems] == [
            ("shown.yaml", 0, 0, reason, "ARG005")], name
        assert doc.fatal


def test_includes_that_cannot_be_followed_are_located_at_their_entry(tmp_path):
    names = _hostile_names(tmp_path)
    # YAML text holds no surrogate, and the schema refuses a NUL in any text (schema-violation, at its place)
    entries = [name for name in names if not name.startswith(("\ud800", "\udcff")) and "\0" not in name]
    text = "argmap: 1\ninclude:\n" + "".join(f"  - {json.dumps(e)}\n" for e in entries)
    (tmp_path / "map.yaml").write_text(text + "statements:\n  t: {role: thesis, text: T}\n", encoding="utf-8")
    amap, problems = load_map(tmp_path / "map.yaml", Workspace(cwd=tmp_path))
    assert amap is None
    found = {(p.line, p.column): p for p in problems}
    for row, entry in enumerate(entries, start=3):
        problem = found[(row, 5)]
        assert problem.path == "map.yaml" and problem.code == "ARG010" and problem.message.endswith(names[entry])
        assert len(problem.message) < 200  # a 4,000-character name is cut short


def test_an_include_that_cannot_be_opened_is_reported_at_the_include(tmp_path, monkeypatch):
    write_tree(tmp_path, {
        "map.yaml": "argmap: 1\ninclude: [closed.yaml, blob.yaml]\nstatements:\n  t: {role: thesis, text: T}\n",
        "closed.yaml": "argmap: 1\n", "blob.yaml": {"base64": "AAECAw=="}})
    real_open = os.open

    def denied(path, *args, **kwargs):
        if str(path).endswith("closed.yaml"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    _, problems = load_map(tmp_path / "map.yaml", Workspace(cwd=tmp_path))
    assert [(p.location, p.code, p.message) for p in problems] == [
        ("map.yaml:2:11", "ARG005", "included file 'closed.yaml' cannot be read: permission denied"),
        ("blob.yaml:1:1", "ARG005", "is a binary file (a NUL byte), not YAML text"),  # a problem inside it stays there
    ]


def _chain(tmp_path: Path, length: int, back_to: int | None = None) -> None:
    for i in range(length):
        target = f"f{i + 1}.yaml" if i + 1 < length else (f"f{back_to}.yaml" if back_to is not None else None)
        include = f"include: [{target}]\n" if target else ""
        body = "  s0: {role: thesis, text: T}\n" if i == 0 else f"  s{i}: {{text: S, supports: s{i - 1}}}\n"
        (tmp_path / f"f{i}.yaml").write_text(f"argmap: 1\n{include}statements:\n{body}")


def test_an_include_chain_deeper_than_the_stack_is_read(tmp_path):
    _chain(tmp_path, 400)
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(150)  # far below the chain's length: the walk must not recurse per include
    try:
        amap, problems = load_map(tmp_path / "f0.yaml", Workspace(cwd=tmp_path))
    finally:
        sys.setrecursionlimit(previous)
    assert amap is not None and not problems and len(amap.statements) == 400


def test_a_long_include_cycle_is_named_by_its_ends(tmp_path):
    _chain(tmp_path, 30, back_to=0)
    _, problems = load_map(tmp_path / "f0.yaml", Workspace(cwd=tmp_path))
    [cycle] = [p for p in problems if p.code == "ARG012"]
    assert cycle.location == "f29.yaml:2:11"
    assert cycle.message == ("include cycle: f0.yaml -> f1.yaml -> f2.yaml -> f3.yaml -> ... (23 more) -> "
                             "f27.yaml -> f28.yaml -> f29.yaml -> f0.yaml")


def test_a_deep_folder_tree_is_searched_without_recursion(tmp_path):
    deep = tmp_path.joinpath(*["d"] * 300)
    deep.mkdir(parents=True)
    (deep / "map.yaml").write_text("argmap: 1\nstatements:\n  t: {role: thesis, text: T}\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "map.yaml").write_text("argmap: 1\n")
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(150)
    try:
        roots, problems = discover([tmp_path], Workspace(cwd=tmp_path))
    finally:
        sys.setrecursionlimit(previous)
    assert roots == [deep / "map.yaml"] and not problems


def test_names_that_are_not_utf8_or_not_printable_are_shown_escaped(tmp_path):
    names = {os.fsdecode(b"caf\xe9.yaml"): "caf\\xe9.yaml", "two\nlines.yaml": "two\\nlines.yaml",
             "\x1b[2J.yaml": "\\x1b[2J.yaml", "\u202egnp.yaml": "\\u202egnp.yaml"}
    for name in names:
        (tmp_path / name).write_text("argmap: 1\nstatements:\n  t: {role: thesis, text: T}\n  a: {text: A}\n")
    result = lint([tmp_path], config.load(None), cwd=tmp_path)
    assert set(result.files) == set(names.values())
    assert {d.path for d in result.diagnostics} == set(names.values())


def test_a_key_with_a_line_break_is_reported_on_one_line():
    doc = parse(b'argmap: 1\nstatements:\n  "a\\nb": {text: T}\n  c: {"\\u202e": 1, text: T}\n', "x.yaml")
    validate(doc)
    assert doc.problems and all(p.message.isprintable() for p in doc.problems)
    assert [p.message.split(":")[0] for p in doc.problems] == ["statements.a\\nb", "statements.c.\\u202e"]


# The node limit: counted while reading, per file and for a whole map.

def test_a_file_over_the_node_limit_stops_where_it_crosses_it():
    doc = parse(b"a: [1, 2, 3]\nb: [4, 5, 6]\n", "x.yaml", Limits(max_nodes=6))
    assert [(p.line, p.column, p.code) for p in doc.problems] == [(2, 1, "ARG004")]
    assert "more than 6 YAML nodes" in doc.problems[0].message and doc.fatal


def test_aliases_count_as_the_nodes_they_repeat():
    assert parse(b"a: &x [1, 2]\nb: *x\nc: *x\n", "x.yaml").nodes == 13
    assert parse(b"a: &x [1, 2]\nb: *x\nc: *x\n", "x.yaml", Limits(max_nodes=12)).fatal


def test_a_map_over_the_node_limit_is_refused_at_the_include_that_crosses_it(tmp_path):
    _chain(tmp_path, 5)
    nodes = parse((tmp_path / "f1.yaml").read_bytes(), "f1.yaml").nodes  # 11 per file
    amap, problems = load_map(tmp_path / "f0.yaml", Workspace(Limits(max_nodes=3 * nodes), cwd=tmp_path))
    assert amap is None
    assert [(p.location, p.code) for p in problems] == [("f2.yaml:2:11", "ARG004")]
    assert problems[0].message == f"with the included file 'f3.yaml' the map holds more than {3 * nodes:,} YAML nodes" \
                                  " (keys, values, lists and mappings)"


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(st.lists(st.sampled_from(["x", "é", "\x85", "\u2028", "\u2029", " "]), max_size=6).map("".join),
                min_size=1, max_size=4), st.sampled_from(["dup", "bell", "tag"]))
def test_positions_count_lines_as_grep_does_after_yamls_other_line_breaks(texts, kind):
    """YAML also breaks lines at U+0085, U+2028 and U+2029; editors and `grep -n` do not, and neither do positions."""
    lines = ["argmap: 1", *(f'k{n}: "{text}"' for n, text in enumerate(texts))]
    bad = {"dup": "k0: again", "bell": 'bell: "a\x07"', "tag": "t: !!set {a}"}[kind]
    row = len(lines)
    lines.append(bad)
    raw = "\n".join(lines).encode("utf-8")
    doc = parse(raw, "x.yaml")
    grep_line = raw.split(b"\n").index(bad.encode("utf-8")) + 1
    column = {"dup": 1, "bell": 9, "tag": 4}[kind]
    assert [(p.line, p.column) for p in doc.problems] == [(grep_line, column)], doc.problems
    assert grep_line == row + 1
    if kind == "dup":  # and the positions of the values read
        assert doc.locate(("k0",)) == (2, 5)


TAB_LED = ["text: |\n\ttabbed line\n", "text: |\n \tx\n", "text: >\n  a\n \tb\n", "- |\n\tx\n", "text: |\n\n\t\n  x\n",
           "text: |2\n  \tx\n", "text: |\n  a\n  \tb\n", "a: 'x\tb'\n"]


@pytest.mark.parametrize("text", TAB_LED)
def test_the_pure_loader_reads_tab_led_block_scalars_as_the_c_loader_does(text, monkeypatch):
    import argmap.yaml.events
    import argmap.yaml.syntax
    from argmap.source import PureLoader

    with_c = parse(text.encode("utf-8"), "x.yaml")
    monkeypatch.setattr(argmap.yaml.events, "Loader", PureLoader)
    monkeypatch.setattr(argmap.yaml.syntax, "C_LOADER", False)
    pure = parse(text.encode("utf-8"), "x.yaml")
    assert (pure.data, pure.problems) == (with_c.data, with_c.problems)
    if with_c.problems:
        assert with_c.problems[0].message.startswith("a tab character; YAML indents with spaces only")


@pytest.mark.parametrize("text", ["a: !!str {b: 1}\n", "a: !!seq x\n", "a: !!map [1]\n", "!!int [1]\n"])
def test_a_standard_tag_on_a_node_of_another_kind_is_refused_as_pyyaml_refuses_it(text):
    with pytest.raises(yaml.YAMLError):
        yaml.safe_load(text)
    doc = parse(text.encode("utf-8"), "x.yaml")
    assert [problem.code for problem in doc.problems] == [YAML_SYNTAX]
    assert "cannot stand on a" in doc.problems[0].message
