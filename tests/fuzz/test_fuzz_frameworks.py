"""Fuzzing the framework readers (ICCMA, APX, TGF) with text built from their own pieces.

Property: reading gives a Framework that every writer can write back, or a FrameworkError with a
located, one-line, printable message; never another exception. ``ARGMAP_FUZZ_EXAMPLES`` sets the
number of examples per test (200 by default, a couple of seconds; a long run is the same tests
with a large number, such as 100000).
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli.eval_cmd import EvalOptions, execute_eval
from argmap.formats import parse_framework as parse
from argmap.formats import read_framework as read
from argmap.formats.apx import write as to_apx
from argmap.formats.iccma import write as to_iccma
from argmap.formats.tgf import write as to_tgf
from argmap.semantics.framework import UNSAFE, Framework, FrameworkError
from tests.conftest import examples

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", examples(100)))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# Characters that readers and terminals treat specially, next to ordinary ones.
HOSTILE = ["\x00", "\x1b", "\x1b[2J", "\x7f", "\x85", "\x9b", "\t", "\x0b", "\x0c", "\r", "\u00a0", "\u2028",
           "\u202e", "\u2066", "\u200f", "\ufeff", "\ufffe", "\uff12", "\u0663", "#", "%", '"', "\\", ",", "(", ")",
           ".", " ", "é", "日本"]
ATOMS = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6))
NUMBERS = st.one_of(st.integers(-2, 12).map(str), st.sampled_from(["0", "00", "1e3", "+1", "99999999999", "10000001"]),
                    ATOMS)
NAMES = st.one_of(st.from_regex(r"[a-z][A-Za-z0-9_]{0,5}", fullmatch=True), st.integers(0, 20).map(str), ATOMS,
                  st.lists(ATOMS, min_size=1, max_size=3).map("".join))
SPACE = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u3000", ""])
ENDS = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r", "\x0b", "\u2028", "\x85", ""])


def _quoted(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


APX_NAME = st.one_of(NAMES, NAMES.map(_quoted))
ICCMA_LINES = st.one_of(
    st.builds(lambda s, n: f"p{s}af{s}{n}", SPACE, NUMBERS),
    st.builds(lambda a, s, b: f"{a}{s}{b}", NUMBERS, SPACE, NUMBERS),
    st.builds(lambda t: "#" + t, st.text(max_size=10)),
    ATOMS,
)
APX_LINES = st.one_of(
    st.builds(lambda s, n: f"arg({s}{n}{s}).", SPACE, APX_NAME),
    st.builds(lambda a, s, b: f"att({a},{s}{b}).", APX_NAME, SPACE, APX_NAME),
    st.lists(st.builds(lambda n: f"arg({n}).", APX_NAME), max_size=3).map(" ".join),
    st.builds(lambda t: "% " + t, st.text(max_size=10)),
    st.sampled_from(["arg(a)", "att(a).", "arg(a,b).", "arg().", 'arg(").', "arg(a).junk", "att(a,b)"]),
    ATOMS,
)
TGF_LINES = st.one_of(
    NAMES,
    st.builds(lambda n, s, label: f"{n}{s}{label}", NAMES, SPACE, st.text(max_size=6)),
    st.just("#"),
    st.builds(lambda a, s, b: f"{a}{s}{b}", NAMES, SPACE, NAMES),
    ATOMS,
)
LINES = {"iccma": ICCMA_LINES, "apx": APX_LINES, "tgf": TGF_LINES}


def documents(form: str):
    """Text of ``form``: a valid framework written out, its lines shuffled in with made-up ones, and
    a few characters changed here and there."""
    valid = st.builds(_valid, st.sampled_from([form]), st.integers(0, 6), st.lists(st.tuples(st.integers(0, 5),
                                                                                      st.integers(0, 5)), max_size=8))
    lines = st.lists(st.one_of(LINES[form], valid), max_size=12)
    text = st.builds(lambda parts, ends: "".join(p + e for p, e in zip(parts, ends + ["\n"] * len(parts))),
                     lines, st.lists(ENDS, max_size=12))
    return st.builds(_mutate, st.sampled_from(["", "\ufeff"]), text,
                     st.lists(st.tuples(st.integers(0, 400), ATOMS), max_size=3))


def _valid(form: str, n: int, pairs) -> str:
    names = tuple(f"a{i}" for i in range(n))
    attacks = tuple(dict.fromkeys((a, b) for a, b in pairs if a < n and b < n))
    return {"iccma": to_iccma, "apx": to_apx, "tgf": to_tgf}[form](Framework(names, attacks)).rstrip("\n")


def _mutate(bom: str, text: str, edits) -> str:
    for position, atom in edits:
        position %= len(text) + 1
        text = text[:position] + atom + text[position:]
    return bom + text


def check_located(error: FrameworkError, text: str) -> None:
    """A FrameworkError from parse: at a line and column of the text, one printable line."""
    lines = text.removeprefix("\ufeff").splitlines() or [""]
    assert 1 <= error.line <= len(lines) + 1, (error.line, len(lines))
    width = len(lines[error.line - 1]) if error.line <= len(lines) else 0
    assert 1 <= error.column <= width + 1, (error.column, width)
    assert error.message and UNSAFE.search(error.message) is None, error.message


def check_framework(framework: Framework) -> None:
    """What a reader gives: distinct printable names, attacks between them, and text every writer can
    write and read back the same."""
    assert len(set(framework.names)) == len(framework.names)
    assert all(isinstance(name, str) and UNSAFE.search(name) is None for name in framework.names)
    assert all(0 <= a < len(framework) and 0 <= b < len(framework) for a, b in framework.attacks)
    assert len(set(framework.attacks)) == len(framework.attacks)
    # One line per argument and per attack, however the names read: no name can start a line of its own.
    iccma, apx = to_iccma(framework), to_apx(framework)
    assert len(iccma.splitlines()) == 1 + len(framework) + len(framework.attacks)
    assert len([line for line in apx.splitlines() if line]) == len(framework) + len(framework.attacks)
    assert parse(apx, "apx") == framework
    back = parse(iccma, "iccma")
    assert (len(back), back.attacks) == (len(framework), framework.attacks)
    try:
        tgf = to_tgf(framework)
    except ValueError:  # a name with whitespace (from APX) cannot be a TGF node
        assert any(name.split() != [name] or name == "#" for name in framework.names)
    else:
        assert parse(tgf, "tgf") == framework


def _read_text(text: str, form: str) -> None:
    try:
        framework = parse(text, form)
    except FrameworkError as error:
        check_located(error, text)
    else:
        check_framework(framework)


@FUZZ
@given(documents("iccma"))
def test_fuzz_iccma(text):
    _read_text(text, "iccma")


@FUZZ
@given(documents("apx"))
def test_fuzz_apx(text):
    _read_text(text, "apx")


@FUZZ
@given(documents("tgf"))
def test_fuzz_tgf(text):
    _read_text(text, "tgf")


@FUZZ
@given(st.sampled_from(["iccma", "apx", "tgf"]).flatmap(lambda form: st.tuples(st.just(form), documents(form))),
       st.binary(max_size=4), st.integers(0, 400), st.sampled_from(["text", "json"]),
       st.sampled_from([None, "preferred", "stable"]))
def test_fuzz_eval_on_framework_files(case, junk, position, form, semantics):
    """The file as bytes (perhaps not UTF-8) through `argmap eval`: exit 0 with output that is
    printable (and strict JSON), or exit 2 with one line that names the file; nothing else."""
    kind, text = case
    data = text.encode("utf-8", "surrogatepass")
    position %= len(data) + 1
    data = data[:position] + junk + data[position:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"f.{ {'iccma': 'af', 'apx': 'apx', 'tgf': 'tgf'}[kind]}"
        path.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        code = execute_eval(EvalOptions(str(path), format=form, semantics=semantics, timeout=60.0), out, err)
        if code == 0:
            assert err.getvalue() == ""
            assert UNSAFE.search(out.getvalue().replace("\n", "")) is None
            if form == "json":
                json.loads(out.getvalue(), parse_constant=_refuse)
            return
        assert code == 2 and out.getvalue() == ""
        message = err.getvalue()
        assert message.startswith(f"{path}:") and message.endswith("\n") and message.count("\n") == 1
        assert UNSAFE.search(message[:-1]) is None
        try:
            read(path)
        except FrameworkError as error:  # located where the file has a place to point at
            assert message.startswith(f"{path}:{error.line}:{error.column}: error: " if error.line else f"{path}: error: ")


def _refuse(constant: str):
    raise ValueError(f"{constant} is not JSON")
