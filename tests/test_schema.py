"""The JSON Schema that editors use agrees with the pydantic models, and the committed copy is current."""

from __future__ import annotations

import functools
import json

import jsonschema
import pydantic
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.schema import MapFile, as_written, json_schema
from argmap.schemes import shipped
from tests.conftest import ROOT, run_cli

VALID = [
    "argmap: 1\n",
    "argmap: 1\nid: m\ntitle: {en: T, fr: T}\nlanguages: [en, fr]\nstatements:\n  thesis: {role: thesis, text: T, base: 0.5}\n",
    "argmap: 1\nstatements:\n  a: {text: A, supports: b, attacks: [c, d]}\narguments:\n  x: {premises: [a], attacks: y, label: {ja: 論証}}\n",
    "argmap: 1\nexpect:\n  - {select: {tag: t}, count: 4, each: {supports: thesis, quoted-from: [s]}}\n",
    'argmap: 1\nstatements:\n  a: {text: "tab\\tline\\n\\r \\U0001F600 \\U0001FFFE \\x7f", base: 1}\n',
]
INVALID = [
    "argmap: 2\n",
    "statements: {}\n",
    "argmap: 1\nstatements:\n  Bad_Id: {text: T}\n",
    "argmap: 1\nstatements:\n  a: {text: T, support: [b]}\n",
    "argmap: 1\nstatements:\n  a: {text: T, role: conclusion}\n",
    "argmap: 1\nstatements:\n  a: {text: {EN!: T}}\n",
    "argmap: 1\nstatements:\n  a: {text: T, base: 1.5}\n",
    "argmap: 1\narguments:\n  x: {premises: [], supports: a}\n",
    "argmap: 1\nexpect:\n  - {select: {colour: red}}\n",
    'argmap: 1\nstatements:\n  a: {text: "bell\\x07"}\n',
    'argmap: 1\nstatements:\n  a: {text: {en: "\\uFFFE"}}\n',
    'argmap: 1\ngroups:\n  g: {label: "nul\\0"}\n',
    "argmap: 1\nstatements:\n  a: {text: T, base: true}\n",
    "argmap: 1\nstatements:\n  a: {text: T, base: '0.5'}\n",
    "argmap: 1\nexpect:\n  - {select: {}, count: true}\n",
    "argmap: 1\nexpect:\n  - {select: {}, min: '2'}\n",
]


@functools.lru_cache(maxsize=1)
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "docs" / "argmap.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_is_current():
    committed = json.loads((ROOT / "docs" / "argmap.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(shipped().schemes), "docs/argmap.schema.json is stale: run `argmap schema -o docs/argmap.schema.json`"


def test_schema_command_prints_it():
    code, out, err = run_cli("schema")
    assert (code, err) == (0, "") and json.loads(out) == json_schema(shipped().schemes)


@pytest.mark.parametrize("text", VALID)
def test_editor_schema_accepts_what_argmap_accepts(text):
    data = yaml.safe_load(text)
    MapFile.model_validate(data)
    assert not list(validator().iter_errors(data))


@pytest.mark.parametrize("text", INVALID)
def test_editor_schema_rejects_what_argmap_rejects(text):
    data = yaml.safe_load(text)
    with pytest.raises(Exception):
        MapFile.model_validate(data)
    assert list(validator().iter_errors(data))


def test_bundled_maps_validate_against_the_editor_schema():
    files = sorted((ROOT / "models").rglob("*.yaml"))
    check = validator()
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert not list(check.iter_errors(data)), path


def xml_char(char: str) -> bool:
    """XML 1.0's Char production, the oracle for what a text may hold."""
    code = ord(char)
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


@settings(deadline=None)
@given(st.text(st.characters(blacklist_categories=()), min_size=1, max_size=20))
@example("bell\x07")
@example("\ud800")
@example("\uffff")
@example("\U0001fffe")
@example("\t\r\n")
@example("\u3000")
@example("\x85")
def test_a_text_is_accepted_exactly_when_xml_can_carry_it_and_it_is_not_blank(text):
    data = {"argmap": 1, "statements": {"a": {"text": text}}}
    blank = all(c in "\t\n\x0b\x0c\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff" or "\u2000" <= c <= "\u200a"
                for c in text)  # what JavaScript's \s matches
    try:
        MapFile.model_validate(data)
        accepted = True
    except pydantic.ValidationError as error:
        accepted = False
        assert "U+" in str(error) or (blank and "it holds only spaces" in str(error))
    assert accepted == (all(xml_char(c) for c in text) and not blank)
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in text):  # editors see no lone surrogates (see schema.py)
        assert accepted == (not list(validator().iter_errors(data)))


@pytest.mark.parametrize("value", [True, 1.0])
def test_the_version_is_the_integer_1(value):
    with pytest.raises(pydantic.ValidationError, match="Input should be 1"):
        MapFile.model_validate({"argmap": value})


def test_numbers_and_booleans_where_text_is_expected_are_put_back_as_written():
    data = yaml.safe_load(
        "argmap: 1\ntitle: 1984\nsources:\n  s: {title: S, path: 2024}\ngroups:\n  g: {label: {en: yes}}\n"
        "statements:\n  '1': {text: no, supports: 1, attacks: [0x1f, on], group: g, tags: [7], base: 1,"
        " quotes: [{source: 12, text: 3.50}], note: ~}\n"
        "arguments:\n  x: {premises: [1, true], supports: 010, label: 1.0e+3}\n"
        "expect:\n  - {select: {id: 1, tag: 2}, count: 1, each: {reaches: 3, quoted-from: [4]}, message: false}\n")
    # what YAML 1.1 read, and how each was written in the file
    written = {("title",): "1984", ("sources", "s", "path"): "2024", ("groups", "g", "label", "en"): "yes",
               ("statements", "1", "text"): "no", ("statements", "1", "supports"): "1",
               ("statements", "1", "attacks", 0): "0x1f", ("statements", "1", "attacks", 1): "on",
               ("statements", "1", "tags", 0): "7", ("statements", "1", "quotes", 0, "source"): "12",
               ("statements", "1", "quotes", 0, "text"): "3.50", ("arguments", "x", "premises", 0): "1",
               ("arguments", "x", "premises", 1): "true", ("arguments", "x", "supports"): "010",
               ("arguments", "x", "label"): "1.0e+3", ("expect", 0, "select", "id"): "1", ("expect", 0, "select", "tag"): "2",
               ("expect", 0, "each", "reaches"): "3", ("expect", 0, "each", "quoted-from", 0): "4",
               ("expect", 0, "message"): "false"}
    asked = []
    as_written(data, lambda path: asked.append(path) or written.get(path))
    assert sorted(asked, key=str) == sorted(written, key=str)  # exactly the text places: not base, count, argmap, null
    model = MapFile.model_validate(data)
    assert model.statements["1"].supports == ("1",) and model.statements["1"].attacks == ("0x1f", "on")
    assert model.arguments["x"].premises == ("1", "true") and model.arguments["x"].target == "010"
    assert model.statements["1"].base == 1.0 and model.statements["1"].note is None and model.title == "1984"


def test_numbers_and_booleans_name_ids_as_keys_do(tmp_path):
    """`supports: 1` names the statement `1:`, `010` stays `010` (not 8), `text: yes` says "yes"."""
    from argmap import api

    (tmp_path / "map.yaml").write_text(
        "argmap: 1\nstatements:\n  '1': {role: thesis, text: yes}\n  no: {role: evidence, text: F, supports: [1]}\n"
        "  '010': {role: evidence, text: G, supports: 8}\n  on: {role: evidence, text: H, supports: [no, 010]}\n",
        encoding="utf-8")
    amap = api.load(tmp_path / "map.yaml")
    assert amap.statements["1"].text == "yes" and amap.statements["no"].supports == ("1",)
    assert amap.statements["on"].supports == ("no", "010")
    result = api.check(tmp_path / "map.yaml", config=False)
    assert [(d.code, d.message) for d in result.diagnostics if d.severity >= 3] == [
        ("ARG101", "support target '8' is not defined")]


def test_an_over_long_value_is_reported_once(tmp_path):
    from argmap import api

    (tmp_path / "map.yaml").write_text("argmap: 1\nstatements:\n  t: {role: thesis, text: " + "x" * 100_001 + "}\n",
                                       encoding="utf-8")
    result = api.check(tmp_path / "map.yaml", config=False)
    assert [(d.line, d.column, d.code) for d in result.diagnostics] == [(3, 27, "ARG004")]


def test_no_pydantic_wording_reaches_a_user(tmp_path):
    """Every schema error speaks the project's words: no "input should be", "validation", "tuple"."""
    from argmap import api

    (tmp_path / "map.yaml").write_text(
        "argmap: 1\nlanguages: [english]\ntitle: [x]\ninclude: 5\nstatements:\n"
        "  thesis: {role: thesis, text: '', base: 2}\n"
        "  a: {text: A, supports: [Bad_Id], tags: {x: 1}, quotes: [{source: s}]}\n"
        "  b: {text: B, base: x, group: [5]}\n"
        "sources:\n  s: {sha256: abc, url: [1]}\n"
        "arguments:\n  j: {premises: [], supports: thesis, label: {en: ''}}\n"
        "expect:\n  - {select: {role: boss}, count: -1, min: 1.5}\n", encoding="utf-8")
    found = api.check(tmp_path / "map.yaml", config=False).diagnostics
    assert len(found) >= 15
    for diagnostic in found:
        message = diagnostic.message.lower()
        assert not any(word in message for word in ("input should", "validation", "tuple", "dict", "str ")), message
