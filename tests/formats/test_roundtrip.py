"""Round trips on generated maps: map -> export -> import says the same (texts byte for byte, relations), minus
the losses the format reports; and import -> export -> import is a fixpoint."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats import Subject, lookup, parse_map
from argmap.graph import build
from argmap.model import ArgumentMap
from tests.conftest import examples

SUFFIX = {"aif": ".json", "ova": ".json", "xaif": ".json", "sadface": ".json", "argdown": ".argdown", "kialo": ".txt"}
EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", examples(25)))
# Letters and every character that means something in one of the formats (escaping is what is tested).
ALPHABET = "abcXYZ019 .,;:!?'\"*_[]<>#@{}()/\\+-=%&|~^$é中"


def _text(draw: st.DrawFn) -> str:
    return " ".join(draw(st.text(ALPHABET, min_size=1, max_size=30)).split()) or "x"


@st.composite
def maps(draw: st.DrawFn, linked: bool = True, undercuts: bool = True) -> ArgumentMap:
    count = draw(st.integers(1, 7))
    texts: list[str] = []
    while len(texts) < count:
        text = _text(draw)
        if text not in texts:
            texts.append(text)
    ids = [f"s{n}" for n in range(count)]
    statements: dict[str, dict] = {sid: {"text": text} for sid, text in zip(ids, texts, strict=True)}
    for n in range(1, count):  # a forest: each statement supports or attacks an earlier one
        if draw(st.booleans()):
            key = draw(st.sampled_from(["supports", "attacks"]))
            statements[ids[n]][key] = ids[draw(st.integers(0, n - 1))]
    arguments: dict[str, dict] = {}
    if linked and count >= 3 and draw(st.booleans()):
        arguments["joint"] = {"premises": [ids[-1], ids[-2]], "supports": ids[0]}
        if undercuts and count >= 4 and draw(st.booleans()) and "supports" not in statements[ids[1]] \
                and "attacks" not in statements[ids[1]]:
            statements[ids[1]]["attacks"] = "joint"
    return ArgumentMap.from_data({"argmap": 1, "id": "m", "statements": statements, "arguments": arguments})


def canonical(amap: ArgumentMap) -> tuple[frozenset, frozenset]:
    """What a map says, by texts: its statements, and each inference as (premises, relation, what it concludes)."""
    graph = build(amap)

    def key(node: str) -> object:
        data = graph.nodes[node]
        if data["kind"] == "statement":
            return data["text"]
        premises = frozenset(graph.nodes[p]["text"] for p in graph.predecessors(node)
                             if graph.edges[p, node]["kind"] == "premise")
        return (premises, data["relation"], key(next(iter(graph.successors(node)))))

    inferences = frozenset(key(n) for n, kind in graph.nodes(data="kind") if kind == "inference")
    return frozenset(s.text for s in amap.statements.values()), inferences


def export(amap: ArgumentMap, form: str):
    return lookup(form).write(Subject(None, amap, build(amap)))


def round_trip(amap: ArgumentMap, form: str) -> ArgumentMap:
    written = export(amap, form)
    assert not written.losses, written.losses
    return parse_map(written.text.encode("utf-8"), "m" + SUFFIX[form], form).amap


def check_round_trip(amap: ArgumentMap, form: str) -> None:
    once = round_trip(amap, form)
    assert canonical(once) == canonical(amap)
    twice = round_trip(once, form)
    assert twice == once  # import -> export -> import is a fixpoint


def _property(form: str, **options: bool):
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(maps(**options))
    def test(amap: ArgumentMap) -> None:
        check_round_trip(amap, form)
    return test


test_aif_round_trip = _property("aif")
test_ova_round_trip = _property("ova")
test_xaif_round_trip = _property("xaif")
test_sadface_round_trip = _property("sadface")
test_argdown_round_trip = _property("argdown")
test_kialo_round_trip = _property("kialo", linked=False)


def test_kialo_lists_linked_premises_and_undercuts_as_losses():
    amap = ArgumentMap.from_data({"argmap": 1, "id": "m", "statements": {
        "t": {"text": "T"}, "a": {"text": "A"}, "b": {"text": "B"}, "u": {"text": "U", "attacks": "j"}},
        "arguments": {"j": {"premises": ["a", "b"], "supports": "t"}}})
    losses = {(loss.what, loss.where) for loss in export(amap, "kialo").losses}
    assert losses == {("linked premises", "j"), ("undercut", "u")}
    assert {(loss.what, loss.where) for loss in export(amap, "argdown").losses} == set()


def test_the_dialogue_layer_survives_a_round_trip_through_every_aif_format():
    from pathlib import Path

    source = Path(__file__).parent / "corpus/aif/nodeset6064.json"
    first = parse_map(source.read_bytes(), source.name).amap
    for form in ("aif", "ova", "xaif"):
        again = parse_map(export(first, form).text.encode(), "m.json", form).amap
        assert again.statements == first.statements and again.arguments == first.arguments
        assert again.imported.kept["nodes"] == first.imported.kept["nodes"]
        assert again.imported.ids == first.imported.ids


def test_kept_front_matter_is_written_back_meaning_what_it_meant():
    from argmap.api import dump
    from argmap.source import parse

    source = ('===\ntitle: T\n~: a null key\n"a: b": 1\nn: .nan\nlow: -.inf\nlist: [1, "x", {k: null}]\n'
              'line: "one\\u2028two"\n===\n\n[A]: a\n')
    first = parse_map(source.encode("utf-8"), "fm.argdown").amap
    written = lookup("argdown").write(Subject(None, first, build(first))).text
    assert written.startswith('===\ntitle: "T"\n~: "a null key"\n"a: b": 1\nn: .nan\nlow: -.inf\n'
                              'list: [1, "x", {k: null}]\nline: "one\\u2028two"\n===\n')
    again = parse_map(written.encode("utf-8"), "fm.argdown").amap
    assert repr(again.imported.kept) == repr(first.imported.kept)  # repr: nan is not equal to itself
    # and through the map file import writes: .nan stays .nan
    dumped = dump(first)
    assert '"n": .nan' in dumped and "low: -.inf" in dumped
    reloaded = ArgumentMap.from_data(parse(dumped.encode("utf-8"), "map.yaml").data)
    assert repr(reloaded.imported.kept) == repr(first.imported.kept)


def test_argdown_front_matter_keeps_the_meaning_argdowns_own_reader_gives_it():
    """Argdown reads its YAML as YAML 1.2 (js-yaml): what a map file would read as a boolean or a sexagesimal
    number stays text, what YAML 1.1 leaves as text but YAML 1.2 reads as a number is a number; quoted stays
    quoted; and written back, each means the same to Argdown."""
    from argmap.formats import Subject, lookup, parse_map
    from argmap.graph import build

    source = ("===\ntitle: T\nanswer: yes\nat: 12:30\nmode: 0o17\nscale: 1e3\nplain: True\nquoted: \"yes\"\n"
              "list: [on, &n 0x1F, *n, .NaN, ~]\n===\n\n[A]: a {when: 1:30, n: 017}\n")
    amap = parse_map(source.encode(), "f.argdown").amap
    front = amap.imported.kept["front-matter"]
    assert {key: front[key] for key in ("answer", "at", "mode", "scale", "plain", "quoted")} == {
        "answer": "yes", "at": "12:30", "mode": 15, "scale": 1000.0, "plain": True, "quoted": "yes"}
    assert front["list"][:3] == ["on", 31, 31] and front["list"][3] != front["list"][3] and front["list"][4] is None
    assert amap.imported.kept["data"]["a"] == [{"when": "1:30", "n": 17}]
    written = lookup("argdown").write(Subject(None, amap, build(amap))).text
    again = parse_map(written.encode(), "f.argdown").amap.imported.kept
    assert again["data"] == amap.imported.kept["data"]
    assert {k: v for k, v in again["front-matter"].items() if k != "list"} == \
           {k: v for k, v in front.items() if k != "list"}


@given(st.text(alphabet=st.sampled_from("- \tx{}\u3000"), max_size=14))
def test_an_inference_on_one_line_is_found_as_argdowns_pattern_says(line):
    """`-- rules {data} --`: two or more dashes, a space, the body, a space, two or more dashes (the pattern as
    a regular expression is the oracle; the reader finds it without one, in time linear in the line)."""
    import re

    from argmap.formats.argdown_read import _one_line_inference

    found = re.fullmatch(r"-{2,}\s+(\S.*?)\s+-{2,}\s*", line)
    assert _one_line_inference(line) == ((found.start(1), found.group(1)) if found else None)


def test_a_long_line_of_spaces_between_dashes_in_a_structure_is_read_at_once():
    from argmap.formats import parse_map

    source = "<A>\n\n(1) [P]: p\n-- x" + " " * 200_000 + "-x\n----\n(2) [C]: c\n"
    amap = parse_map(source.encode(), "a.argdown").amap  # a regular expression took hours over this line
    assert amap.arguments["a"].premises == ("p",) and amap.statements["p"].text == "p -- x -x"


_LINK_PATTERN = r"\[[^\]\n]+?\]\([^)\n]+?\)"
_TAG_PATTERN = r"(?<![\w\\])#(?:\(([^)\n]+)\)|([\w\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))"


@given(st.lists(st.sampled_from(["[", "]", "(", ")", "x", "\n", " ", "#", "\\", "é", "-", "日", "#(", "]("]),
                max_size=16).map("".join))
def test_links_and_tags_are_found_as_their_patterns_find_them(text):
    """Markdown links and tags in Argdown texts: the patterns as regular expressions are the oracle; argmap
    finds them without one, in time linear in the text."""
    import re

    from argmap.formats.argdown_lex import _Links, _tags

    assert _Links(text).spans() == [m.span() for m in re.finditer(_LINK_PATTERN, text)]
    assert _tags(text) == [(m.start(), m.end(), m.group(1) or m.group(2)) for m in re.finditer(_TAG_PATTERN, text)]


@pytest.mark.parametrize("line", ["[=_" * 20_000, "#(" * 30_000, "[a](" * 15_000, "x [a](b) #t" * 6_000])
def test_a_long_line_of_brackets_or_tags_is_read_at_once(line):
    """Each of these lines took minutes (a regular expression scanned to the end of the line from each `[` or
    `#(`); as a statement's text, a title's and a relation's."""
    from argmap.formats import parse_map

    for source in (f"[A]: {line}\n", f"[A]: a\n  + {line}\n", f"<B>: {line}\n"):
        assert parse_map(source.encode(), "a.argdown").amap.statements


def test_many_statements_with_the_same_words_get_their_ids_at_once():
    """Ids are numbered on from the last one given (each counted up from 2 again: the square of their number)."""
    from argmap.formats import parse_map

    amap = parse_map(("[A]: a\n" + "  + same\n" * 20_000).encode(), "a.argdown").amap
    assert {"same", "same-2", "same-20000"} <= set(amap.statements) and len(amap.statements) == 20_001
