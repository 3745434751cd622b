"""argmap fmt: the canonical layout, comments kept in place, meaning unchanged, idempotent; the command."""

from __future__ import annotations

import random
import re
import shutil

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import argmap
import argmap.canonical
from argmap.errors import MapError
from argmap.fmt import format_bytes, format_text
from argmap.fmt.layout import ordered_data
from argmap.schema import BLANK
from argmap.source import parse
from argmap.validation import validate
from tests.conftest import ROOT, run_cli
from tests.console import console_examples, run_console
from tests.fmt_writer import MODELINE, Writer

ESSAY = ROOT / "models" / "capital-feast"


def read_back(text: str):
    doc = parse(text.encode("utf-8"), "x.yaml")
    assert not doc.problems, doc.problems
    return doc


def same_meaning(before: str, after: str) -> None:
    """The formatted text reads to the same data (types and all, ids and languages in the author's order)
    and validates to the same model, with argmap's own reader and loader."""
    old, new = read_back(before), read_back(after)
    assert ordered_data(old.data) == ordered_data(new.data, "top")
    assert [list(old.data.get(s) or {}) for s in ("sources", "groups", "statements", "arguments")] == \
        [list(new.data.get(s) or {}) for s in ("sources", "groups", "statements", "arguments")]
    assert validate(old) == validate(new)


# --- the layout, by example ---------------------------------------------------------------------

def test_fields_in_order_ids_as_written_comments_with_their_keys():
    before = """\
statements:   # the statements
  zeta:
    supports: alpha
    # the text
    text: "Zeta."
    role: claim
  alpha: {text: Alpha., role: thesis}  # the thesis
id: demo
argmap: 1
"""
    assert format_text(before) == """\
argmap: 1
id: demo
statements:  # the statements
  zeta:
    role: claim
    # the text
    text: Zeta.
    supports: alpha
  alpha:  # the thesis
    role: thesis
    text: Alpha.
"""


@pytest.mark.parametrize("text", ["yes", "no", "on", "off", "y", "N", "true", "null", "~", "1_000", "0x1", "0o7",
                                  "1:20", "1.5", ".inf", "2023-01-01", "=", "<<", "- x", "a: b", "a #b", "#x",
                                  "'x'", " lead", "trail ", "multi\nline", "tab\there", "nel\x85x", "ls\u2028x",
                                  "x\ufeffy", "@x", "`x", "%x", "!x", "&x", "*x", "|x", ">x", "[x",
                                  "{x", "?", ":", "-"])
def test_a_text_that_plain_yaml_would_change_stays_quoted(text):
    before = f'argmap: 1\nstatements:\n  s: {{text: {_json(text or "x")}, note: {_json(text or "x")}}}\n'
    after = format_text(before)
    assert '"' in after.splitlines()[3]
    same_meaning(before, after)


@pytest.mark.parametrize("text", ["a \\ b", "it's", "x-y", "1. The", "日本語、「引用」", "a:b", "a#b", "1e3x", "0o8"])
def test_a_text_that_reads_back_the_same_is_plain(text):
    before = f'argmap: 1\nstatements:\n  s: {{text: {_json(text)}}}\n'
    after = format_text(before)
    assert after.splitlines()[3] == f"    text: {text}"
    same_meaning(before, after)


@settings(deadline=None)
@given(st.text(st.sampled_from(list("ab1 ,:#?[]{}-'\"&*!|>%@`.()\t\n\r\x00\x85\xa0\u2028\u2029\ufeff\ufffe日、"))
               | st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8))
def test_the_quick_answers_on_quoting_agree_with_pyyaml_s_emitter(text):
    from argmap.fmt import scalars

    analysis = scalars._ANALYSER.analyze_scalar(text)
    for flow, quick in ((False, scalars._PLAIN_BLOCK), (True, scalars._PLAIN_FLOW)):
        allowed = bool(analysis.allow_flow_plain if flow else analysis.allow_block_plain) and not analysis.multiline
        if quick.fullmatch(text):
            assert allowed, (text, flow)
        if scalars._NOT_PLAIN.search(text):
            assert not allowed, (text, flow)


def _json(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=True)


def test_plain_where_yaml_allows_double_quotes_otherwise():
    before = """\
argmap: 1
statements:
  s:
    text: {en: "It's a 'quote'.", fr: 'Oui : non', ja: "「資本の饗宴」、A株"}
    quotes: [{source: essay, text: "a, b"}, {text: 'plain words', source: "essay"}]
"""
    assert format_text(before) == """\
argmap: 1
statements:
  s:
    text:
      en: It's a 'quote'.
      fr: "Oui : non"
      ja: 「資本の饗宴」、A株
    quotes:
      - {source: essay, text: "a, b"}
      - {source: essay, text: plain words}
"""


def test_ids_that_yaml_would_read_as_numbers_or_booleans_are_quoted_where_they_are_values():
    before = "argmap: 1\nstatements:\n  1: {text: One}\n  no: {text: No., supports: ['1', 'no'], attacks: 'on'}\n"
    after = format_text(before)
    assert after == ('argmap: 1\nstatements:\n  "1":\n    text: One\n  "no":\n    text: No.\n'
                     '    supports: ["1", "no"]\n    attacks: "on"\n')


def test_numbers_are_kept_as_written_and_null_is_spelt_null():
    before = "argmap: 1\nstatements:\n  s: {text: S, base: 0.50, note: ~}\nexpect:\n  - {select: {}, min: 0x2}\n"
    assert format_text(before) == ("argmap: 1\nstatements:\n  s:\n    text: S\n    note: null\n    base: 0.50\n"
                                   "expect:\n  - {select: {}, min: 0x2}\n")


def test_block_scalars_keep_their_lines_and_are_reindented():
    before = """\
argmap: 1
description:
      en: >-
            A folded text
            keeps its line breaks,

            paragraphs too.
      ja: |
            行は
              そのまま
statements: {}
"""
    assert format_text(before) == """\
argmap: 1
description:
  en: >-
    A folded text
    keeps its line breaks,

    paragraphs too.
  ja: |
    行は
      そのまま
statements: {}
"""


def test_a_long_expectation_is_written_one_field_a_line():
    before = ("argmap: 1\nexpect:\n  - {select: {tag: summary-point}, count: 4}\n"
              "  - {select: {tag: summary-point}, count: 4, each: {supports: feast-only-in-a-shares}, message: four}\n")
    assert format_text(before) == """\
argmap: 1
expect:
  - {select: {tag: summary-point}, count: 4}
  - select: {tag: summary-point}
    count: 4
    each: {supports: feast-only-in-a-shares}
    message: four
"""


def test_a_comment_inside_a_flow_list_turns_it_into_a_block_list():
    before = "argmap: 1\nstatements:\n  s:\n    text: S\n    tags: [a,  # why a\n      b]\n"
    assert format_text(before) == "argmap: 1\nstatements:\n  s:\n    text: S\n    tags:\n      - a  # why a\n      - b\n"


def test_the_header_and_the_modeline_stay_on_top():
    before = f"""\
--- # the map
# about the whole file
{MODELINE}

# about the id
id: demo
argmap: 1
"""
    assert format_text(before) == f"""\
{MODELINE}
# the map
# about the whole file

argmap: 1
# about the id
id: demo
"""


def test_comments_indented_into_a_part_stay_at_its_end_and_blank_lines_are_kept():
    before = """\
argmap: 1
statements:
  a:
    text: A


    # supports: b
  # b is next

  b:
    text: B
# the end
"""
    assert format_text(before) == """\
argmap: 1
statements:
  a:
    text: A

    # supports: b
  # b is next

  b:
    text: B
# the end
"""


def test_crlf_and_a_byte_order_mark_are_read_and_written_as_plain_lines():
    before = "\ufeffargmap: 1\r\nstatements:\r\n  s: {text: S}  # eol\r\n"
    assert format_text(before) == "argmap: 1\nstatements:\n  s:  # eol\n    text: S\n"


def test_anchors_and_aliases_are_kept():
    before = "argmap: 1\nstatements:\n  a: {text: &t Same words., tags: &tags [x, y]}\n  b: {text: *t, tags: *tags}\n"
    after = format_text(before)
    assert "&t Same words." in after and "text: *t" in after
    same_meaning(before, after)


@pytest.mark.parametrize("end", ["text: |\n      x", "text: >\n      x\n      y", "text: |+\n      x\n\n",
                                 "text: >2+\n       x\n\n\n", "text: |-\n      x"])
def test_a_block_text_at_the_end_of_the_file_keeps_its_line_breaks(end):
    before = "argmap: 1\nstatements:\n  t:\n    " + end
    after = format_text(before)
    same_meaning(before, after)
    assert after.endswith("\n") and format_text(after) == after


def test_a_note_after_a_bare_dash_stays_with_its_item():
    before = ("argmap: 1\nstatements:\n  t:\n    text: T\n    quotes:\n      - # q1\n        source: s\n        text: x\n"
              "expect:  # all\n  - # first\n    select: {}\n  - # second\n    select: {id: t}\n    count: 1\n")
    after = format_text(before)
    assert "expect:  # all\n  - {select: {}}  # first\n  - {select: {id: t}, count: 1}  # second\n" in after
    assert "      - {source: s, text: x}  # q1\n" in after
    same_meaning(before, after)


def test_a_map_that_does_not_validate_is_not_formatted_and_the_others_are(tmp_path):
    (tmp_path / "bad.yaml").write_text("argmap: 1\nstatements:\n  u: {text: U, supports: [[u]]}\n", encoding="utf-8")
    (tmp_path / "good.yaml").write_text("statements:\n  u: {text: U}\nargmap: 1\n", encoding="utf-8")
    assert run_cli("fmt", ".", cwd=tmp_path) == (
        2, "", "bad.yaml:3:27: not formatted: statements.u.supports.0: must be text, not a list [ARG002 schema-violation]\n"
        "reformatted good.yaml\n1 file reformatted, 1 file not formatted\n")


def test_an_alias_that_ordering_puts_first_trades_places_with_its_anchor():
    before = ("argmap: 1\nstatements:\n  b: {text: B}\n  c: {text: C, attacks: &targets [b], supports: *targets}\n"
              "description: &D words\ntitle: *D\n")
    after = format_text(before)
    assert "title: &D words\ndescription: *D\n" in after
    assert "    supports: &targets [b]\n    attacks: *targets\n" in after
    same_meaning(before, after)


@pytest.mark.parametrize("text", ["languages: [no, en]\nstatements:\n  a: {text: {no: Byer, en: Cities}}\n",
                                  "id: 1\ntitle: yes\nstatements:\n  no: {text: yes, tags: [yes], note: off}\n"
                                  "  b: {text: 0x1f, supports: no, group: on}\n  c: {text: 1.50, supports: 1}\n"
                                  "  \"1\": {text: 'on'}\ngroups:\n  \"on\": {label: G}\n"])
def test_values_yaml_reads_as_booleans_or_numbers_where_text_is_meant_are_formatted(text):
    # argmap reads them as written (`no` is Norwegian, `1` an id); the formatter must see them so too
    before = "argmap: 1\n" + text
    after = format_text(before)
    same_meaning(before, after)
    assert format_text(after) == after


@pytest.mark.parametrize("text, place, message", [
    ("argmap: 1\nstatements:\n  a: {text: x\n", "3:14", "the { at column 6 is not closed on its line"),
    ("argmap: 1\nstatements:\n  a: {txt: x}\n", "3:6", "missing required field 'text' (and 1 more"),
    ("argmap: 1\nargmap: 1\n", "2:1", "duplicate key 'argmap'"),
    ("argmap: 1\nid: !!python/name:os.system x\n", "2:5", "is not allowed"),
])
def test_a_file_with_an_error_is_not_formatted(text, place, message):
    with pytest.raises(MapError) as raised:
        format_text(text, "bad.yaml")
    assert str(raised.value).startswith(f"bad.yaml:{place}: ") and message in str(raised.value)


# --- the essay's files ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(ESSAY.glob("*.yaml")), ids=lambda p: p.name)
def test_the_essay_files_are_formatted_and_read_the_same(path):
    before = path.read_text(encoding="utf-8")
    after = format_text(before, path.name)
    same_meaning(before, after)
    assert format_text(after) == after
    assert after == before, "the committed essay is formatted: run `argmap fmt models/`"


def test_the_formatted_essay_loads_to_the_same_map(tmp_path):
    copy = tmp_path / "essay"
    shutil.copytree(ESSAY, copy)
    for path in copy.glob("*.yaml"):
        path.write_text(format_text(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert argmap.load(copy / "map.yaml") == argmap.load(ESSAY / "map.yaml")


# --- generated maps, written in every style, with comments --------------------------------------

IDS = st.sampled_from(["a", "b", "c-d", "1", "no", "on", "yes", "0x1", "null", "true", "x-1-y", "e", "1-2"])
LANGS = st.sampled_from(["en", "fr", "ja", "pt-BR", "no"])
TRICKY = ["yes", "no", "On", "y", "true", "null", "~", "1_000", "0x1", "0o7", "1:20", "1.5", "-.inf", "2023-01-01",
          "=", "<<", "- x", "a: b", "a #b", "#x", "'x'", " lead", "trail ", "multi\nline\n", "tab\there",
          "cr\rx", "nel\x85x", "ls\u2028x", "back\\slash", "日本語：テキスト、「引用」", "é, à; ç?", "emoji 😀",
          "\u00a0nbsp", "x\ufeffy", "a  b", "colon:", "1. The", "0", "+1", "1e3", "NaN", "a\n\nb", "line\n  more"]
TEXTS = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn")) | st.sampled_from("\n\t :#-'\","),
            min_size=1, max_size=24).filter(lambda t: not BLANK.fullmatch(t)),  # spaces only: no text, refused
)
TEXT = TEXTS | st.dictionaries(LANGS, TEXTS, min_size=1, max_size=3)
ID_OR_IDS = IDS | st.lists(IDS, max_size=3)
SOURCE = st.fixed_dictionaries({}, optional={
    "title": TEXTS, "language": LANGS, "path": TEXTS, "url": TEXTS,
    "sha256": st.sampled_from(["9" * 64, "0123456789abcdef" * 4, "1" + "0" * 63])})
STATEMENT = st.fixed_dictionaries({"text": TEXT}, optional={
    "role": st.sampled_from(["thesis", "claim", "evidence"]), "note": TEXT,
    "quotes": st.lists(st.fixed_dictionaries({"source": IDS, "text": TEXTS}), max_size=2),
    "group": IDS, "tags": st.lists(IDS, max_size=2), "base": st.floats(0, 1),
    "supports": ID_OR_IDS, "attacks": ID_OR_IDS})
ARGUMENT = st.builds(
    lambda premises, relation, target, rest: {"premises": premises, relation: target, **rest},
    st.lists(IDS, min_size=1, max_size=3), st.sampled_from(["supports", "attacks"]), IDS,
    st.fixed_dictionaries({}, optional={"label": TEXT, "note": TEXT, "group": IDS, "tags": st.lists(IDS, max_size=2)}))
EXPECTATION = st.fixed_dictionaries(
    {"select": st.fixed_dictionaries({}, optional={"id": IDS, "role": st.just("claim"), "tag": IDS, "group": IDS})},
    optional={"count": st.integers(0, 20), "min": st.integers(0, 20), "max": st.integers(0, 20),
              "each": st.fixed_dictionaries({}, optional={"supports": IDS, "reaches": IDS,
                                                          "quoted-from": st.lists(IDS, max_size=2)}),
              "message": TEXTS})
MAPS = st.fixed_dictionaries({"argmap": st.just(1)}, optional={
    "id": IDS, "title": TEXT, "description": TEXT,
    "languages": st.lists(LANGS, min_size=1, max_size=3, unique=True),
    "include": st.lists(TEXTS, max_size=2),
    "sources": st.dictionaries(IDS, SOURCE, max_size=2),
    "groups": st.dictionaries(IDS, st.fixed_dictionaries({"label": TEXT}, optional={"description": TEXT}), max_size=2),
    "statements": st.dictionaries(IDS, STATEMENT, max_size=4),
    "arguments": st.dictionaries(IDS, ARGUMENT, max_size=2),
    "expect": st.lists(EXPECTATION, max_size=2)})

COMMENT = re.compile(r"# c\d+(?!\d)")


def _content_after(lines: list[str], index: int) -> str:
    for line in lines[index + 1 :]:
        if line.strip() and not line.lstrip().startswith("#"):
            return line.strip()
    raise AssertionError("a comment with nothing below it")


def _starts_with_one_of(line: str, keys: tuple[str, ...]) -> bool:
    if "-" in keys and line.startswith("-"):
        return True
    line = line.removeprefix("- ")
    return any(line.startswith((f"{key}:", f'"{key}":')) for key in keys if key != "-")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=MAPS, rnd=st.randoms(use_true_random=False))
def test_generated_maps_keep_their_meaning_and_comments_and_format_once(data, rnd: random.Random):
    writer = Writer(rnd)
    before = writer.document(data)
    done = format_bytes(before.encode("utf-8"), "map.yaml")
    assert done.problem is None, (done.problem, before)
    after = done.after
    assert after is not None
    same_meaning(before, after)
    assert format_text(after) == after, before
    # every comment once, each where it was
    assert sorted(COMMENT.findall(after)) == sorted(COMMENT.findall(before))
    lines = after.splitlines()
    where = {match.group(): index for index, line in enumerate(lines) for match in COMMENT.finditer(line)}
    for comment, keys in writer.above.items():
        assert lines[where[comment]].strip() == comment
        assert _starts_with_one_of(_content_after(lines, where[comment]), keys), (comment, before, after)
    for comment, keys in writer.eol.items():
        assert _starts_with_one_of(lines[where[comment]].strip(), keys), (comment, before, after)
    if before.startswith(MODELINE):
        assert lines[0] == MODELINE


@settings(deadline=None)
@given(st.lists(st.sampled_from(["a\n", "b\n", "c\n", "d\n", "e", "f\n"]), max_size=30),
       st.lists(st.sampled_from(["a\n", "b\n", "c\n", "x\n", "e", "f\n"]), max_size=30))
def test_the_diff_of_check_takes_one_text_to_the_other(before, after):
    from argmap.fmt.patch import unified

    diff = unified("".join(before), "".join(after), "m.yaml", context=10**6)
    if before == after:
        assert diff == ""
        return
    assert _sides(diff) == ("".join(before), "".join(after))


def _sides(diff: str) -> tuple[str, str]:
    """The text before and after, as far as the hunks of a unified diff show them."""
    old: list[str] = []
    new: list[str] = []
    went: list[list[str]] = []
    for line in diff.splitlines(keepends=True):
        if line.startswith(("--- ", "+++ ", "@@ ")):
            continue
        if line.startswith("\\"):  # the line before has no line break
            for side in went:
                side[-1] = side[-1].removesuffix("\n")
            continue
        went = [side for side, marks in ((old, " -"), (new, " +")) if line[0] in marks]
        for side in went:
            side.append(line[1:])
    return "".join(old), "".join(new)


def test_the_diff_of_a_large_map_whose_every_statement_moved_is_quick(tmp_path):
    from argmap.fmt.patch import unified

    blocks = [f"  s{i}:\n    text: Statement {i}.\n    role: claim\n    tags: [a]\n" for i in range(20000)]
    before = "argmap: 1\nstatements:\n" + "".join(blocks)
    after = before.replace("    text: ", "    TEXT: ").replace("    role: claim\n    tags: [a]\n", "    tags: [a]\n    role: claim\n")
    diff = unified(before, after, "m.yaml")  # difflib alone takes minutes here
    assert diff.count("\n-    role: claim\n") == 20000


# --- the command -----------------------------------------------------------------------------

def test_fmt_writes_the_files_of_a_folder_of_maps_and_check_then_passes(tmp_path):
    folder = tmp_path / "maps"
    shutil.copytree(ESSAY, folder / "essay")
    # the first summary point's tags moved below the field that follows them, out of the canonical order
    text = (ESSAY / "points.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(    tags: \[summary-point\]\n)(    \w+: [^\n]*\n)", r"\2\1", text, count=1)
    (folder / "essay" / "points.yaml").write_text(text, encoding="utf-8")
    (folder / "ci.yaml").write_text("on: push\n", encoding="utf-8")  # not a map: left alone, unsaid
    status, out, err = run_cli("fmt", "--check", str(folder))
    assert status == 1
    assert out.startswith(f"--- {folder}/essay/points.yaml\t(as written)\n+++ {folder}/essay/points.yaml\t(formatted)\n")
    before, after = _sides(out)
    assert before in (folder / "essay" / "points.yaml").read_text(encoding="utf-8")
    assert after in (ESSAY / "points.yaml").read_text(encoding="utf-8") and "tags: [summary-point]" in after
    assert err == f"would reformat {folder}/essay/points.yaml\n1 file would be reformatted, 4 files already formatted\n"
    assert run_cli("fmt", str(folder)) == (0, "", f"reformatted {folder}/essay/points.yaml\n"
                                                   "1 file reformatted, 4 files already formatted\n")
    assert run_cli("fmt", "--check", str(folder)) == (0, "", "5 files already formatted\n")
    assert (folder / "ci.yaml").read_text(encoding="utf-8") == "on: push\n"


def test_fmt_reports_a_file_it_cannot_format_in_one_line_and_formats_the_others(tree):
    base = tree({"good.yaml": "argmap: 1\nid: good\n", "tab.yaml": "argmap: 1\nstatements:\n\ta: {text: x}\n",
                 "ugly.yaml": "id: ugly\nargmap: 1\n", "notes.yaml": "title: not a map\n"})
    status, out, err = run_cli("fmt", "tab.yaml", "ugly.yaml", "good.yaml", "notes.yaml", "missing.yaml", cwd=base)
    assert (status, out) == (2, "")
    assert err == ("tab.yaml:3:1: not formatted: a tab character; YAML indents with spaces only [ARG001 yaml-syntax]\n"
                   "reformatted ugly.yaml\n"
                   "missing.yaml: not formatted: no such file or folder [ARG005 unreadable-file]\n"
                   "1 file reformatted, 1 file already formatted, 2 files not formatted,"
                   " 1 other YAML file left alone\n")
    assert run_cli("fmt", "notes.yaml", cwd=base) == (0, "", "no argmap files, 1 other YAML file left alone\n")
    assert (base / "ugly.yaml").read_text(encoding="utf-8") == "argmap: 1\nid: ugly\n"


def test_fmt_that_cannot_write_says_so_in_one_line_and_leaves_the_file(tree, monkeypatch):
    import errno

    import argmap.atomic

    def full_disk(path, data, protect=()):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(argmap.atomic, "write_bytes", full_disk)
    base = tree({"map.yaml": "id: x\nargmap: 1\n"})
    assert run_cli("fmt", "map.yaml", cwd=base) == (
        2, "", "argmap fmt: cannot write map.yaml: No space left on device\n1 file not formatted\n")
    assert (base / "map.yaml").read_text(encoding="utf-8") == "id: x\nargmap: 1\n"


def test_a_link_in_a_folder_to_a_map_outside_it_is_not_written_through(tree):
    base = tree({"elsewhere/map.yaml": "id: x\nargmap: 1\n", "maps/own.yaml": "argmap: 1\n"})
    (base / "maps" / "link.yaml").symlink_to(base / "elsewhere" / "map.yaml")
    assert run_cli("fmt", "maps", cwd=base) == (
        2, "", "maps/link.yaml: not formatted: is a link to a file outside the folder, left unread; name that file"
        " itself to read it [ARG005 unreadable-file]\n1 file already formatted, 1 file not formatted\n")
    assert (base / "elsewhere" / "map.yaml").read_text(encoding="utf-8") == "id: x\nargmap: 1\n"
    assert run_cli("fmt", "maps/link.yaml", cwd=base)[0] == 0  # named: the user chose it
    assert (base / "elsewhere" / "map.yaml").read_text(encoding="utf-8") == "argmap: 1\nid: x\n"


def test_fmt_keeps_a_file_s_permissions(tree):
    base = tree({"map.yaml": "id: x\nargmap: 1\n"})
    (base / "map.yaml").chmod(0o640)
    assert run_cli("fmt", "map.yaml", cwd=base)[0] == 0
    assert (base / "map.yaml").stat().st_mode & 0o777 == 0o640


def test_the_documented_example_is_what_fmt_does():
    section = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split("## argmap fmt", 1)[1].split("\n## ", 1)[0]
    before, after = re.findall(r"```yaml\n(.*?)```", section, re.S)[:2]
    assert format_text(before) == after
    assert format_text(after) == after


def test_the_documented_commands_print_what_the_page_shows(tmp_path):
    shutil.copytree(ESSAY, tmp_path / "models" / "capital-feast")
    points = tmp_path / "models" / "capital-feast" / "points.yaml"
    points.write_text(points.read_text(encoding="utf-8").replace("argmap: 1\n", "", 1) + "argmap: 1\n",
                      encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "map.yaml").write_text("id: draft\nargmap: 1\n", encoding="utf-8")
    (tmp_path / "drafts" / "broken.yaml").write_text("argmap: 1\nstatements:\n  a: {text: x\n", encoding="utf-8")
    examples = console_examples("cli.md", "argmap fmt")
    assert [command for command, _ in examples] == ["argmap fmt models/", "argmap fmt --check drafts/"]
    for command, shown in examples:
        assert run_console(command, tmp_path) == shown


def test_fmt_runs_as_a_real_process(tmp_path):
    (tmp_path / "map.yaml").write_text("id: x\nargmap: 1\n", encoding="utf-8")
    assert run_cli("fmt", "--check", "map.yaml", cwd=tmp_path, process=True)[0] == 1


# --- argmap.dump writes the formatter's layout ---------------------------------------------------

ESCAPED = ["\x7f", "\x80", "\x9f", "\x85", "\u2028", "\u2029", "\ufeff", "\t", "\r", "\n", "\x1b", "\U0010fffd"]
DUMPED_TEXTS = TEXTS | st.lists(st.sampled_from(TRICKY + ESCAPED + ["word" * 40, "長" * 60, ": ", " #", "# "]),
                                min_size=1, max_size=4).map("".join)
DUMPED = MAPS.map(lambda data: {key: value for key, value in data.items() if key != "include"})


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=DUMPED, titles=st.lists(DUMPED_TEXTS, min_size=1, max_size=4))
def test_dump_writes_what_fmt_writes_and_reads_back_to_an_equal_map(data, titles):
    statements = {**data.get("statements", {}), **{f"t{n}": {"text": text} for n, text in enumerate(titles)}}
    try:
        amap = argmap.ArgumentMap.from_data({**data, "title": titles[0], "statements": statements})
    except (ValueError, MapError):
        assume(False)  # a text the map format refuses (most control characters, spaces only)
    text = argmap.dump(amap)
    assert format_text(text) == text
    doc = read_back(text)
    assert argmap.ArgumentMap.from_data(doc.data) == amap
    assert ordered_data(doc.data) == ordered_data(argmap.canonical.data(amap))


def test_the_dumped_essay_passes_fmt_check(tmp_path):
    (tmp_path / "map.yaml").write_text(argmap.dump(argmap.load(ESSAY)), encoding="utf-8")
    status, out, err = run_cli("fmt", "--check", str(tmp_path / "map.yaml"))
    assert (status, out) == (0, ""), out + err
