"""Framework files as untrusted input: duplicates, a missing `#`, names that would drive a terminal; export's refusals."""

from __future__ import annotations

import io

import pytest

from argmap.cli.eval_cmd import EvalOptions, execute_eval
from argmap.cli.export_cmd import execute_export
from argmap.formats import parse_framework as parse
from argmap.formats.tgf import write as to_tgf
from argmap.semantics.framework import UNSAFE, Framework, FrameworkError
from tests.conftest import ROOT, run_cli

ESSAY = str(ROOT / "models/capital-feast/map.yaml")


@pytest.mark.parametrize(("text", "form", "where", "words"), [
    ("arg(a).\narg(b).\n  arg(a).\n", "apx", (3, 7), "argument 'a' is declared twice (first on line 1)"),
    ('arg(a). arg("a").\n', "apx", (1, 14), "argument 'a' is declared twice"),
    ("a\nb label\n a other label\n#\n", "tgf", (3, 2), "node 'a' is declared twice (first on line 1)"),
    # Without `#`, the edges would be read as nodes: the error points at the first edge-like line.
    ("a\nb\na b\n", "tgf", (3, 1), "no `#` line"),
    ("a\nb\n", "tgf", (3, 1), "no `#` line"),
    ("", "tgf", (1, 1), "no `#` line"),
    ("a\n#\nab a\n", "tgf", (3, 1), "node 'ab' is not declared"),
    ("a\n#\na ab\n", "tgf", (3, 3), "node 'ab' is not declared"),  # the column of the second field itself
    ("p af 11\n11 1x\n", "iccma", (2, 1), "expected an attack"),
    ("p af 11\n11 12\n", "iccma", (2, 4), "argument 12 is not between 1 and 11"),
    ("arg(a).\natt(b,a).\n", "apx", (2, 5), "'b' is attacked or attacks but has no arg(...) fact"),
])
def test_duplicates_and_a_missing_separator_are_located(text, form, where, words):
    with pytest.raises(FrameworkError) as caught:
        parse(text, form)
    assert (caught.value.line, caught.value.column) == where and words in caught.value.message


HOSTILE_NAMES = ["\x1b[2J", "a\x1b]0;title\x07", "\x9b31m", "a\x7f", "evil\u202eexe.txt", "\u2066x\u2069", "x\u200f",
                 "a\u061cb", "tab\there", "\ufeffa", "nul\x00"]  # "\ufeffa": found by tests/fuzz (lost as a BOM in TGF)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_names_that_could_drive_a_terminal_are_refused_where_they_stand(name):
    quoted = '"' + name + '"'
    with pytest.raises(FrameworkError) as caught:
        parse(f"arg(ok). arg({quoted}).\n", "apx")
    offset = UNSAFE.search(name).start()
    assert (caught.value.line, caught.value.column) == (1, 15 + offset)
    message = caught.value.message
    assert f"U+{ord(UNSAFE.search(name).group()):04X}" in message and repr(name) in message
    assert UNSAFE.search(message) is None  # the message shows the name escaped
    if not any(c.isspace() for c in name):
        with pytest.raises(FrameworkError) as caught:
            parse(f"ok\n  {name} label\n#\n", "tgf")
        assert (caught.value.line, caught.value.column) == (2, 3 + offset)


def test_a_hostile_name_reaches_neither_stdout_nor_stderr(tmp_path):
    (tmp_path / "f.apx").write_text('arg(a).\narg("\x1b[2J\u202e").\natt(a,"\x1b[2J\u202e").\n', encoding="utf-8")
    code, out, err = run_cli("eval", "f.apx", cwd=tmp_path)
    assert (code, out) == (2, "") and err.startswith("f.apx:2:6: error: argument name '\\x1b[2J\\u202e' holds U+001B")
    assert UNSAFE.search(err.rstrip("\n")) is None and err.count("\n") == 1
    # An attack on a name never declared is echoed escaped too.
    (tmp_path / "g.apx").write_text('arg(a).\natt(a,"\x9b2J").\n', encoding="utf-8")
    code, out, err = run_cli("eval", "g.apx", cwd=tmp_path)
    assert (code, err) == (2, "g.apx:2:7: error: '\\x9b2J' is attacked or attacks but has no arg(...) fact\n")
    assert run_cli("eval", "-a", "\x1b[2J", "--task", "DC-GR", "g.apx", cwd=tmp_path)[2].count("\x1b") == 0


def test_names_with_spaces_and_quotes_are_printed_as_read(tmp_path):
    (tmp_path / "f.apx").write_text('arg("x y"). arg("q\\"z"). arg("#"). att("x y","q\\"z").\n')
    assert run_cli("eval", "f.apx", cwd=tmp_path) == (0, (
        "No thesis; 2 roots (arguments that attack nothing):\n"
        "  The root 'q\"z' is defeated by an accepted objection (grounded semantics).\n"
        "  The root '#' stands: nothing attacks it (grounded semantics).\n\n"
        'IN     x y\nOUT    q"z\nIN     #\n\n2 in, 1 out, 0 undecided\n\n'
        "Why:\n  x y  nothing attacks it\n  q\"z  defeated by 'x y' (IN)\n  #    nothing attacks it\n"), "")
    # ... but TGF holds single words only: export refuses rather than write a different framework.
    code, out, err = run_cli("export", "f.apx", "-f", "tgf", cwd=tmp_path)
    assert (code, out) == (2, "") and "TGF cannot hold the argument name 'x y'" in err
    with pytest.raises(ValueError, match="'#'"):
        to_tgf(Framework(("#",), ()))
    with pytest.raises(ValueError):
        to_tgf(Framework(("",), ()))
    code, out, _ = run_cli("export", "f.apx", "-f", "apx", cwd=tmp_path)
    assert code == 0 and parse(out, "apx") == parse((tmp_path / "f.apx").read_text(), "apx")


@pytest.mark.parametrize(("args", "message"), [
    (["-f", "aif", "--lang", "zz"], "argmap export: the map has no language 'zz'; it has en, fr, ja\n"),
    (["-f", "aif", "--lang", "jp"], "argmap export: the map has no language 'jp'"),
    (["-f", "aif", "--lang", "fr-"], "did you mean 'fr'?"),
    (["-f", "iccma", "--lang", "fr"], "argmap export: --lang only goes with -f aif"),
    (["--lang", "fr"], "argmap export: --lang only goes with -f aif"),
])
def test_export_refuses_a_language_as_render_does(args, message):
    code, out, err = run_cli("export", ESSAY, *args)
    assert (code, out) == (2, "") and message in err and err.count("\n") == 1


def test_in_process_export_and_eval_agree_on_refusals(tmp_path):
    (tmp_path / "f.tgf").write_text("a\nb\na b\n")
    out, err = io.StringIO(), io.StringIO()
    assert execute_eval(EvalOptions(str(tmp_path / "f.tgf")), out, err) == 2
    assert err.getvalue() == f"{tmp_path / 'f.tgf'}:3:1: error: no `#` line: TGF lists the nodes, then a line `#`," \
                             " then the edges (even with no edges)\n"
    assert execute_export(str(tmp_path / "f.tgf"), "iccma", None, io.StringIO(), io.StringIO()) == 2


def test_no_suggestion_is_searched_for_among_a_huge_number_of_names(tmp_path):
    (tmp_path / "many.af").write_text("p af 100001\n")
    out, err = io.StringIO(), io.StringIO()
    options = EvalOptions(str(tmp_path / "many.af"), task="DC-GR", argument="100002")
    assert execute_eval(options, out, err) == 2 and err.getvalue() == "argmap eval: no argument '100002'\n"
    (tmp_path / "few.af").write_text("p af 100\n")
    err = io.StringIO()
    assert execute_eval(EvalOptions(str(tmp_path / "few.af"), task="DC-GR", argument="1000"), out, err) == 2
    assert "did you mean '100'?" in err.getvalue()
