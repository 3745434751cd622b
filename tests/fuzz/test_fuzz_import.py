"""Fuzzing the importers (every format) and ArgumentMap.from_data with generated hostile documents.

Properties: an import gives a map whose file, as `argmap import` writes it, argmap reads back clean (within the
reader's limits, valid against the schema), that `check` and every exporter handle; or it is refused with a
FormatError whose message is one printable line. ArgumentMap.from_data gives a map or a MapError with located,
one-line findings. Never another exception. ``ARGMAP_FUZZ_EXAMPLES`` sets the number of examples (`make fuzz`
runs many; `make test` a few).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import MapError
from argmap.formats import FORMATS, FormatError, Reading, Subject, names, parse_map
from argmap.graph import build
from argmap.semantics.bipolar import framework_from_graph
from argmap.source import parse
from argmap.validation import validate
from tests.conftest import examples

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", examples(20)))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
CORPUS = Path(__file__).resolve().parents[1] / "formats" / "corpus"

# --- pieces ------------------------------------------------------------------------------------

HOSTILE = ["", " ", "\t", "\u3000", "\x00", "\x01", "\x0b", "\x1b[2J", "\x7f", "\ud800", "\udfff", "\ufffe", "\uffff",
           "\u2028", "\u2029", "\x85", "\u202e", "\ufeff", "e\u0301", "\U0001f600", "日本語", "&amp;", "<b>", "]]>",
           "#", "[", "]", "<", ">", "{", "}", "===", "---", "--", "->", "<-", "+>", "_>", "><", "//", "/*", "*/",
           "<!--", "\\", '"', "'", "`", ":", ",", "1.", "1.1.", "Pro:", "Con:", "-> See 1.", "Discussion Title:",
           "x" * 300, "a\nb", "a\r\nb", "\r", "null", "~", "NaN", "1e999", "&a", "*a", "!!set", "%YAML"]
text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12),
                 st.lists(st.sampled_from(HOSTILE) | st.text(max_size=4), max_size=4).map("".join))
ident = st.one_of(st.sampled_from(["1", "2", "3", "a", "b", " ", "", "\x01", "1\x00", "x" * 200]), st.integers(-3, 5),
                  st.text(max_size=5))
value: Any = st.recursive(st.one_of(text, st.integers(-2**64, 2**64), st.floats(), st.booleans(), st.none()),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
                          max_leaves=10)


def deep(levels: int, leaf: Any = "x") -> Any:
    for _ in range(levels):
        leaf = [leaf]
    return leaf


nesting = st.sampled_from([deep(70), deep(500), {"k": deep(63)}, "y" * 200_001, {"k" * 2000: 1}])
field = st.one_of(value, nesting)


@st.composite
def aif(draw: st.DrawFn) -> bytes:
    types = st.sampled_from(["I", "L", "RA", "CA", "MA", "PA", "YA", "TA", "XA", ""])
    nodes = [{"nodeID": draw(ident), "type": draw(types), "text": draw(text),
              **draw(st.dictionaries(st.sampled_from(["scheme", "timestamp", "extra", "schemeID"]), field, max_size=2))}
             for _ in range(draw(st.integers(0, 6)))]
    known = [n["nodeID"] for n in nodes] or ["1"]
    edges = [{"edgeID": draw(ident), "fromID": draw(st.sampled_from(known) | ident), "toID": draw(st.sampled_from(known))}
             for _ in range(draw(st.integers(0, 6)))]
    document: dict[str, Any] = {"nodes": nodes, "edges": edges, "locutions": []}
    if draw(st.booleans()):  # OVA and xAIF wrap AIF with the analysed text
        document = draw(st.sampled_from([{"AIF": document, "text": draw(text)},
                                         {"AIF": document, "OVA": {"firstname": draw(text)}, "text": {"txt": draw(text)}},
                                         {"aif": document, "text": draw(text)}]))
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


@st.composite
def sadface(draw: st.DrawFn) -> bytes:
    nodes = [{"id": draw(ident), "type": draw(st.sampled_from(["atom", "scheme", "claim"])), "text": draw(text),
              "name": draw(text), "metadata": draw(field)} for _ in range(draw(st.integers(0, 5)))]
    known = [n["id"] for n in nodes] or ["a"]
    edges = [{"id": draw(ident), "source_id": draw(st.sampled_from(known)), "target_id": draw(st.sampled_from(known))}
             for _ in range(draw(st.integers(0, 5)))]
    document = {"metadata": {"core": {"title": draw(text)}, "extra": draw(field)}, "nodes": nodes, "edges": edges,
                "resources": []}
    return json.dumps(document).encode("utf-8", "surrogatepass")


@st.composite
def argdown_json(draw: st.DrawFn) -> bytes:
    titles = draw(st.lists(text, min_size=1, max_size=4, unique=True))
    statements = {t: {"members": [{"text": draw(text), "data": draw(field)}]} for t in titles}
    kinds = st.sampled_from(["support", "attack", "undercut", "contrary", "entails", "contradictory", "x"])
    relations = [{"relationType": draw(kinds), "from": draw(st.sampled_from(titles)), "fromType": "equivalence-class",
                  "to": draw(st.sampled_from(titles)), "toType": "equivalence-class"}
                 for _ in range(draw(st.integers(0, 4)))]
    return json.dumps({"statements": statements, "arguments": {}, "relations": relations}).encode(
        "utf-8", "surrogatepass")


@st.composite
def argdown(draw: st.DrawFn) -> bytes:
    lines = []
    if draw(st.booleans()):
        lines += ["===", *draw(st.lists(st.sampled_from(["title: " + draw(text), "a: &a [x, x]", "b: [*a, *a]",
                                                         "~: null", "n: .nan", "s: !!set {a}", "d: " + "[" * 80,
                                                         draw(text)]), max_size=4)), "==="]
    symbols = st.sampled_from(["+ ", "- ", "_ ", "<+ ", "<- ", "<_ ", "+> ", "-> ", "_> ", ">< ", ""])
    heads = st.sampled_from(["[{}]: ", "<{}>: ", "[{}]", "<{}>", "# ", "## ", "({}) ", "----", "-- {} --", ""])
    for _ in range(draw(st.integers(1, 10))):
        indent = " " * draw(st.sampled_from([0, 0, 2, 4, 3]))
        head = draw(heads).replace("{}", draw(text))
        tail = draw(st.sampled_from(["", " #tag", " #(" + draw(text) + ")", " {x: " + draw(text) + "}",
                                     " {d: " + "[" * 70 + "]" * 70 + "}", " /* " + draw(text)]))
        lines.append(indent + draw(symbols) + head + draw(text) + tail)
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def kialo(draw: st.DrawFn) -> bytes:
    lines = ["Discussion Title: " + draw(text), ""] if draw(st.booleans()) else []
    numbers = ["1."]
    for _ in range(draw(st.integers(0, 8))):
        parent = draw(st.sampled_from(numbers))
        number = draw(st.sampled_from([f"{parent}{len(numbers)}.", "1.9.", "0.", parent]))
        numbers.append(number)
        body = draw(st.sampled_from(["", "-> See 1.", "-> See " + draw(st.sampled_from(numbers)), draw(text)]))
        lines.append(f"{number} {draw(st.sampled_from(['Pro: ', 'Con: ', '']))}{body}")
    return ("\n".join(["1. " + draw(text), *lines[1:]] if lines else ["1. " + draw(text)])).encode(
        "utf-8", "surrogatepass")


GENERATORS = {"aif": aif(), "ova": aif(), "xaif": aif(), "sadface": sadface(), "argdown-json": argdown_json(),
              "argdown": argdown(), "kialo": kialo()}
SUFFIX = {"argdown": ".argdown", "kialo": ".txt"}


def mutated(path: Path) -> st.SearchStrategy[bytes]:
    """A corpus file with a few bytes replaced, removed or spliced in."""
    raw = path.read_bytes()

    @st.composite
    def build_it(draw: st.DrawFn) -> bytes:
        data = bytearray(raw)
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, max(0, len(data) - 1)))
            piece = draw(st.sampled_from(HOSTILE)).encode("utf-8", "surrogatepass")
            data[at:at + draw(st.integers(0, 3))] = piece
        return bytes(data)

    return build_it()


CORPUS_FILES = sorted(path for path in CORPUS.glob("*/*") if path.suffix != ".md")

# --- the properties ----------------------------------------------------------------------------


def imported_cleanly(raw: bytes, name: str, form: str | None) -> None:
    try:
        reading = parse_map(raw, name, form)
    except FormatError as error:
        assert error.message and "\n" not in error.message and "\n" not in error.where, error.message
        return
    assert isinstance(reading, Reading)
    written = argmap.dump(reading.amap)  # what `argmap import` writes
    doc = parse(written.encode("utf-8"), "map.yaml")  # the map file `argmap import` writes reads back clean
    assert not doc.problems, (doc.problems, written[:500])
    assert validate(doc) is not None, doc.problems
    for loss in reading.losses:
        assert "\n" not in loss.where + loss.what
    argmap.check(reading.amap, config=False)
    graph = build(reading.amap)
    subject = Subject(framework_from_graph(graph), reading.amap, graph)
    for chosen in names("map", writable=True):
        writer = FORMATS[chosen].write
        assert writer is not None
        writer(subject)


@FUZZ
@given(st.data())
def test_every_importer_takes_hostile_documents_without_a_traceback(data):
    form = data.draw(st.sampled_from(sorted(GENERATORS)))
    raw = data.draw(GENERATORS[form])
    name = "in" + SUFFIX.get(form, ".json")
    imported_cleanly(raw, name, data.draw(st.sampled_from([form, None])))


@FUZZ
@given(st.data())
def test_mutated_corpus_files_import_or_are_refused_cleanly(data):
    path = data.draw(st.sampled_from(CORPUS_FILES))
    imported_cleanly(data.draw(mutated(path)), path.name, None)


MAPPISH = st.fixed_dictionaries({"argmap": st.sampled_from([1, 1, "1", 2, None, True, 1.0])}, optional={
    "id": field, "title": field, "languages": field, "include": field, "imported": field,
    "statements": st.dictionaries(ident, st.fixed_dictionaries({}, optional={
        "text": field, "supports": field, "attacks": field, "role": field, "tags": field, "base": field,
        "note": field, "group": field}) | field, max_size=4),
    "arguments": st.dictionaries(ident, field, max_size=2), "groups": field, "expect": field, "sources": field})


@FUZZ
@given(st.one_of(MAPPISH, field))
def test_from_data_gives_a_map_or_a_located_map_error(data):
    try:
        amap = argmap.ArgumentMap.from_data(data, "code")
    except MapError as error:
        assert error.diagnostics and "\n" not in str(error)
        assert all(d.path == "code" and "\n" not in d.message for d in error.diagnostics)
        return
    argmap.check(amap, config=False)
    argmap.dump(amap)
