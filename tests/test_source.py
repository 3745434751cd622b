"""The YAML reader: same data as PyYAML's safe loader, exact positions, and no input makes it raise."""

from __future__ import annotations

import datetime

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.source import C_LOADER, Limits, parse

keys = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8)  # text keys, as in maps
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
                         max_leaves=20)


def test_the_c_loader_is_used():
    assert C_LOADER


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from([None, True, False]))
def test_same_data_as_pyyaml(value, flow):
    text = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=True)
    expected = yaml.safe_load(text)
    doc = parse(text.encode("utf-8"), "x.yaml")
    assert not doc.problems
    assert doc.data == expected


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(raw):
    doc = parse(raw, "x.yaml")
    for problem in doc.problems:
        assert problem.line >= 0 and problem.column >= 0 and problem.code.startswith("ARG")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab:-[]{},&*!#|>'\"\n\t ?", max_size=80))
def test_yaml_punctuation_never_raises(text):
    parse(text.encode("utf-8"), "x.yaml")


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True), st.from_regex(r"[a-z]{1,6}", fullmatch=True),
                       min_size=1, max_size=6), st.integers(0, 6))
def test_positions_point_at_keys_and_values(mapping, indent):
    lines = [f"{' ' * indent}{key}:   {value}" for key, value in mapping.items()]
    text = "root:\n" + "\n".join(lines) + "\n" if indent else "\n".join(lines) + "\n"
    doc = parse(text.encode(), "x.yaml")
    prefix = ("root",) if indent else ()
    for number, (key, value) in enumerate(mapping.items(), start=2 if indent else 1):
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


def test_limits_are_configurable():
    doc = parse(b"a: [[[[1]]]]\n", "x.yaml", Limits(max_depth=3))
    assert [p.code for p in doc.problems] == ["ARG004"]
