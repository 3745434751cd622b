"""Untrusted maps: nothing read outside the map, nothing overwritten that is not ours, one-line output."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from argmap import config
from argmap.cli.check_cmd import CheckOptions, execute_check

QUOTING = """\
argmap: 1
sources:
  secret: {{path: {path}}}
statements:
  thesis: {{role: thesis, text: T, quotes: [{{source: secret, text: "{quote}"}}]}}
"""


def _check(folder: Path, *paths: str, source_dirs: tuple[str, ...] = ()) -> tuple[int, str]:
    previous = Path.cwd()
    os.chdir(folder)
    try:
        out, err = io.StringIO(), io.StringIO()
        code = execute_check(CheckOptions(paths or ("map.yaml",), "parsable", no_config=True,
                                          source_dirs=source_dirs), out, err)
        return code, out.getvalue() + err.getvalue()
    finally:
        os.chdir(previous)


@pytest.fixture
def secret(tmp_path):
    """A file outside the map's folder whose content a hostile map would like to learn."""
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text("TOKEN=hunter2-and-more\n", encoding="utf-8")
    (tmp_path / "map").mkdir()
    return path


@pytest.mark.parametrize("spelling", [
    "../outside/secret.txt",
    "./../outside/./secret.txt",
    "sub/../../outside/secret.txt",
    "{absolute}",
    "/proc/self/environ",
    "/etc/passwd",
    "'../outside//secret.txt'",
])
def test_a_source_path_outside_the_map_is_refused_unread(secret, spelling):
    folder = secret.parent.parent / "map"
    (folder / "sub").mkdir()
    path = spelling.format(absolute=secret)
    (folder / "map.yaml").write_text(QUOTING.format(path=path, quote="TOKEN=hunter2-X"), encoding="utf-8")
    code, out = _check(folder)
    assert code == 1
    assert "ARG013" in out and "leads outside the map's folder" in out
    # nothing about the file's content, not even how much of the quote matched
    assert "ARG302" not in out and "characters match" not in out and "hunter2" not in out.replace("hunter2-X", "")


def test_a_symbolic_link_inside_the_map_that_points_outside_is_refused(secret):
    folder = secret.parent.parent / "map"
    (folder / "essay.txt").symlink_to(secret)
    (folder / "map.yaml").write_text(QUOTING.format(path="essay.txt", quote="TOKEN=hunter2-X"), encoding="utf-8")
    code, out = _check(folder)
    assert code == 1 and "ARG013" in out and "characters match" not in out


def test_a_link_in_a_source_folder_that_points_outside_it_is_not_followed(secret):
    folder = secret.parent.parent / "map"
    (folder / "texts").mkdir()
    (folder / "texts" / "essay.txt").symlink_to(secret)
    (folder / "map.yaml").write_text(QUOTING.format(path="essay.txt", quote="TOKEN=hunter2-X"), encoding="utf-8")
    # the map's folder itself holds no essay.txt, the source folder's one leads out of it
    (folder / "elsewhere").mkdir()
    _, out = _check(folder, source_dirs=("texts",))
    assert "characters match" not in out and "ARG302" not in out
    assert "ARG303" in out  # unverified: the text was not found where it may be read


def test_checking_a_folder_reads_no_file_outside_it_through_a_link(secret):
    folder = secret.parent.parent / "map"
    outside = secret.parent / "other.yaml"  # a map elsewhere, with a finding that would reveal its content
    outside.write_text("argmap: 1\nid: o\nstatements:\n  t: {role: thesis, text: T, supports: hunter2}\n",
                       encoding="utf-8")
    (folder / "other.yaml").symlink_to(outside)
    (folder / "gone.yaml").symlink_to(secret.parent / "missing.yaml")
    (folder / "map.yaml").write_text("argmap: 1\nid: m\nstatements:\n  t: {role: thesis, text: T}\n", encoding="utf-8")
    (folder / "same.yaml").symlink_to("map.yaml")  # a link inside the folder is read (once)
    code, out = _check(folder, ".")
    assert code == 1 and "hunter2" not in out and "missing" not in out
    refusal = "error ARG005 is a link to a file outside the folder, left unread; name that file itself to read it [unreadable-file]"
    assert out.splitlines() == [f"gone.yaml:0:0: {refusal}",
                                "map.yaml:4:3: warning ARG304 thesis 't' has no support or evidence [unsupported-claim]",
                                f"other.yaml:0:0: {refusal}"]


@pytest.mark.parametrize("special", ["fifo", "folder", "device"])
def test_special_files_are_not_read_as_source_texts(tmp_path, special):
    if special == "fifo":
        os.mkfifo(tmp_path / "essay.txt")
    elif special == "folder":
        (tmp_path / "essay.txt").mkdir()
    else:
        (tmp_path / "essay.txt").symlink_to("/dev/zero")
    (tmp_path / "map.yaml").write_text(QUOTING.format(path="essay.txt", quote="q"), encoding="utf-8")
    _, out = _check(tmp_path)
    # /dev/zero lies outside the map's folder; a FIFO is not a regular file; a folder is no text
    assert re.search(r"ARG013|ARG303", out), out
    assert "ARG302" not in out


@pytest.mark.parametrize("path", ["a\\u0000b.txt", "{long}.txt", "{long}/{long}/x.txt"])
def test_impossible_source_paths_are_findings_not_tracebacks(tmp_path, path):
    path = path.format(long="x" * 300)
    (tmp_path / "map.yaml").write_text(QUOTING.replace("{{path: {path}}}", '{{path: "{path}"}}').format(
        path=path, quote="q"), encoding="utf-8")
    code, out = _check(tmp_path)
    assert code in (0, 1) and "Traceback" not in out
    assert "ARG303" in out or "ARG002" in out or "ARG013" in out


def test_a_text_inside_the_map_is_still_verified(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "essay.txt").write_text("the words of the author\n", encoding="utf-8")
    (tmp_path / "map.yaml").write_text(QUOTING.format(path="texts/essay.txt", quote="words of the writer"),
                                       encoding="utf-8")
    code, out = _check(tmp_path)
    assert code == 1 and "ARG302" in out and "its first 10 characters match" in out


# --- outputs: never over an input, special files written into, errors in one line -------------

from argmap.cli.export_cmd import execute_export  # noqa: E402
from argmap.cli.render_cmd import RenderOptions, execute_render  # noqa: E402

SMALL = """\
argmap: 1
include: [parts/more.yaml]
statements:
  thesis: {role: thesis, text: T}
"""
MORE = """\
argmap: 1
statements:
  reason: {text: R, supports: thesis}
  fact: {role: evidence, text: F, supports: reason}
"""


@pytest.fixture
def small_map(tmp_path, monkeypatch):
    (tmp_path / "parts").mkdir()
    (tmp_path / "map.yaml").write_text(SMALL, encoding="utf-8")
    (tmp_path / "parts" / "more.yaml").write_text(MORE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _render(output: str, fmt: str | None = "dot", **options) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = execute_render(RenderOptions("map.yaml", output, fmt, **options), out, err)
    return code, out.getvalue(), err.getvalue()


def _export(output: str, form: str = "iccma") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = execute_export("map.yaml", form, output, out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("spelling", ["map.yaml", "./map.yaml", "parts/../map.yaml", "parts/more.yaml",
                                      "{folder}/parts/more.yaml", "../{name}/map.yaml", "link.svg", "hard.svg"])
@pytest.mark.parametrize("command", ["render", "export"])
def test_no_output_overwrites_a_file_of_the_map(small_map, spelling, command):
    (small_map / "link.svg").symlink_to("parts/more.yaml")
    os.link(small_map / "map.yaml", small_map / "hard.svg")
    before = {p: p.read_bytes() for p in (small_map / "map.yaml", small_map / "parts" / "more.yaml")}
    output = spelling.format(folder=small_map, name=small_map.name)
    code, out, err = _render(output) if command == "render" else _export(output)
    assert (code, out) == (2, "")
    assert err == f"argmap {command}: cannot write {output}: it is a file of the map being read; choose another output\n"
    assert {p: p.read_bytes() for p in before} == before
    assert (small_map / "link.svg").is_symlink()


def test_standard_output_redirected_into_the_map_is_refused(small_map):
    import subprocess
    import sys

    from tests.conftest import ROOT

    before = (small_map / "map.yaml").read_bytes()
    with open(small_map / "map.yaml", "ab") as stream:
        done = subprocess.run([sys.executable, "-m", "argmap", "render", "map.yaml", "-o", "/dev/stdout", "-f", "dot"],
                              stdout=stream, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
                              timeout=60, check=False)
    assert done.returncode == 2 and b"file of the map being read" in done.stderr
    assert (small_map / "map.yaml").read_bytes() == before


def test_export_and_eval_appended_to_the_map_by_the_shell_are_refused(small_map, monkeypatch):
    # `argmap export map.yaml -f tgf >> map.yaml`: standard output is the map, opened for appending
    from argmap.cli.eval_cmd import EvalOptions, execute_eval
    from argmap.cli.export_cmd import execute_export

    monkeypatch.chdir(small_map)
    before = (small_map / "map.yaml").read_bytes()
    for command in (lambda out, err: execute_export("map.yaml", "tgf", None, out, err, None, None),
                    lambda out, err: execute_eval(EvalOptions("map.yaml"), out, err)):
        err = io.StringIO()
        with open(small_map / "map.yaml", "a", encoding="utf-8") as appended:
            assert command(appended, err) == 2
        assert err.getvalue().endswith(": cannot write standard output: it is a file of the map being read;"
                                       " choose another output\n")
        assert (small_map / "map.yaml").read_bytes() == before
    with open(small_map / "out.tgf", "w", encoding="utf-8") as elsewhere:  # any other file is written
        assert execute_export("map.yaml", "tgf", None, elsewhere, io.StringIO(), None, None) == 0
    assert (small_map / "out.tgf").read_text(encoding="utf-8").startswith("thesis")


def test_a_fifo_output_is_written_into_not_replaced(small_map):
    import threading

    os.mkfifo(small_map / "out.dot")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append((small_map / "out.dot").read_bytes()))
    reader.start()
    assert _render("out.dot")[0] == 0
    reader.join(10)
    assert received and received[0].startswith(b"digraph")
    assert (small_map / "out.dot").is_fifo()


def test_a_character_device_output_stays_a_device(small_map):
    assert _render("/dev/null") == (0, "wrote /dev/null\n", "")
    assert Path("/dev/null").is_char_device()


def test_a_symbolic_link_output_is_followed_not_replaced(small_map):
    (small_map / "out").mkdir()
    (small_map / "latest.dot").symlink_to("out/real.dot")
    assert _render("latest.dot")[0] == 0
    assert (small_map / "latest.dot").is_symlink()
    assert (small_map / "out" / "real.dot").read_text(encoding="utf-8").startswith("digraph")


def test_the_longest_file_name_is_written(small_map):
    name = "d" * 251 + ".dot"
    assert _render(name)[0] == 0 and (small_map / name).is_file()
    assert [p.name for p in small_map.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(("output", "reason"), [
    ("/dev/full", "No space left on device"),
    ("/proc/argmap-test.dot", ""),
    ("parts", "it is a folder"),
    ("{long}/x.dot", "File name too long"),
])
@pytest.mark.parametrize("command", ["render", "export"])
def test_write_failures_are_one_line_with_exit_2(small_map, output, reason, command):
    output = output.format(long="l" * 300)
    code, out, err = _render(output) if command == "render" else _export(output)
    assert (code, out) == (2, "")
    assert err.startswith(f"argmap {command}: cannot write {output}: ") and err.count("\n") == 1
    assert reason in err


@pytest.mark.parametrize("fault", ["fsync", "replace"])
def test_a_failed_write_keeps_the_old_output_and_leaves_no_temporary(small_map, monkeypatch, fault):
    import errno

    (small_map / "out.dot").write_text("old drawing", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise OSError(errno.ENOSPC if fault == "fsync" else errno.EROFS, os.strerror(
            errno.ENOSPC if fault == "fsync" else errno.EROFS))

    monkeypatch.setattr(os, fault, refuse)
    code, out, err = _render("out.dot")
    assert (code, out) == (2, "") and err.count("\n") == 1 and "cannot write out.dot" in err
    assert (small_map / "out.dot").read_text(encoding="utf-8") == "old drawing"
    assert [p.name for p in small_map.iterdir() if p.name.endswith(".tmp")] == []


# --- Ctrl-C: exit 130 and one line, whatever is running ------------------------------------------


def _interrupt(args: list[str], cwd: Path, env: dict, after: float | Path | str) -> tuple[int, str]:
    """Start ``argmap ARGS``, press Ctrl-C once ``after`` holds (the file ``after`` exists, or the process has
    loaded the library named ``after``, or ``after`` seconds have passed), and return its exit status and
    standard error."""
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    process = subprocess.Popen([sys.executable, "-m", "argmap", *args], cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT), **env})
    maps = Path(f"/proc/{process.pid}/maps")
    if isinstance(after, str) and not maps.exists():
        after = 1.0  # no /proc (macOS): give the process time enough to reach the library
    if isinstance(after, Path | str):
        def ready() -> bool:
            if isinstance(after, Path):
                return after.exists()
            try:
                return after in maps.read_text(errors="replace")
            except OSError:
                return False
        deadline = time.monotonic() + 60
        while not ready() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
    else:
        time.sleep(after)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    return process.returncode, err.decode()


def test_ctrl_c_while_dot_runs(small_map):
    bin_folder = small_map / "bin"
    bin_folder.mkdir()
    started = small_map / "dot-started"
    (bin_folder / "dot").write_text(f"#!/bin/sh\n: > '{started}'\nexec sleep 60\n", encoding="utf-8")
    (bin_folder / "dot").chmod(0o755)
    code, err = _interrupt(["render", "map.yaml", "-o", "out.svg"], small_map,
                           {"PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}"}, started)
    assert (code, err) == (130, "argmap: interrupted\n")
    assert not (small_map / "out.svg").exists()


@pytest.mark.parametrize("swallowed_as", ["an error", "findings", "success"])
def test_ctrl_c_that_a_library_swallows_still_ends_the_command_as_interrupted(monkeypatch, swallowed_as):
    # Libraries may turn a KeyboardInterrupt into an error of their own (a failed import, pydantic's "does not
    # validate") or drop it (a callback's "Exception ignored"): the command must still end as interrupted.
    import signal
    import sys

    import argmap.cli

    def command() -> None:
        try:
            signal.raise_signal(signal.SIGINT)
        except KeyboardInterrupt:
            if swallowed_as == "an error":
                raise RuntimeError("Error calling __set_name__") from None
        sys.exit(1 if swallowed_as == "findings" else 0)

    left: list[tuple[str, int]] = []

    def leave(message: str, status: int) -> None:
        left.append((message, status))
        raise SystemExit(status)  # instead of os._exit, which would end the test run

    monkeypatch.setattr(argmap.cli, "main", command)
    monkeypatch.setattr(argmap.cli, "_leave", leave)
    before = signal.getsignal(signal.SIGINT)
    with pytest.raises(SystemExit):
        argmap.cli.run()
    assert left == [("argmap: interrupted\n", 130)]
    assert signal.getsignal(signal.SIGINT) is before


def test_ctrl_c_while_the_solver_runs(tmp_path):
    import random

    rng = random.Random(7)
    n = 400
    attacks = {(rng.randrange(n), rng.randrange(n)) for _ in range(6 * n)}
    (tmp_path / "hard.af").write_text(f"p af {n}\n" + "".join(f"{a + 1} {b + 1}\n" for a, b in attacks),
                                      encoding="utf-8")
    code, err = _interrupt(["eval", "hard.af", "--task", "EE-PR"], tmp_path, {}, "pysolvers")  # the SAT solver
    assert (code, err) == (130, "argmap: interrupted\n")


# --- every message is one line, in every format -------------------------------------------------

import json  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from argmap.diagnostics import Diagnostic, Severity  # noqa: E402
from argmap.linter import Result  # noqa: E402
from argmap.reporters import REPORTERS_BY_NAME  # noqa: E402
from tests.conftest import examples  # noqa: E402

HOSTILE = [
    "fine\nmap.yaml:1:1: error ARG101 a forged finding",
    "x\r\n::add-mask::secret",
    "x\n::error file=map.yaml,line=1::forged",
    "\x1b]0;title\x07\x1b[2J cleared",
    "\u202eevil\u2066 \u2028 \u2029 \x85 \x00 \x7f",
]


def _steers(char: str) -> bool:
    """A character that breaks a line, controls a terminal or reorders text."""
    import unicodedata

    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or unicodedata.bidirectional(char) in (
        "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI") or char in "\u200e\u200f\u061c"


def _strict_json(text: str) -> object:
    def refuse(constant: str) -> None:
        raise ValueError(f"non-standard JSON constant {constant}")

    return json.loads(text, parse_constant=refuse)


def _lines_per_finding(name: str, result: Result) -> list[str]:
    stream = io.StringIO()
    REPORTERS_BY_NAME[name](result, stream, False)
    return stream.getvalue().splitlines()


def _assert_one_line_each(result: Result) -> None:
    count = len(result.diagnostics)
    assert len(_lines_per_finding("parsable", result)) == count
    assert len(_lines_per_finding("github", result)) == count
    text = _lines_per_finding("text", result)
    assert len(text) == 2 * len({d.path for d in result.diagnostics}) + count + 1  # file, findings, blank; summary
    for line in text + _lines_per_finding("parsable", result) + _lines_per_finding("github", result):
        assert not any(_steers(c) for c in line), line
    for name in ("json", "sarif"):
        stream = io.StringIO()
        REPORTERS_BY_NAME[name](result, stream, False)
        _strict_json(stream.getvalue())


@pytest.mark.parametrize("message", HOSTILE)
def test_an_expectation_message_cannot_start_a_line(tmp_path, message):
    (tmp_path / "map.yaml").write_text(
        "argmap: 1\nstatements:\n  thesis: {role: thesis, text: T}\n"
        f"expect:\n  - {{select: {{role: claim}}, min: 1, message: {json.dumps(message)}}}\n", encoding="utf-8")
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        from argmap.linter import lint

        result = lint(["map.yaml"], config.load(None))
    finally:
        os.chdir(previous)
    # a message with characters no diagram can show is refused by the schema; either way it is one line
    assert any(d.code in ("ARG205", "ARG002") for d in result.diagnostics)
    _assert_one_line_each(result)


def test_a_file_name_with_a_line_break_is_one_line(tmp_path):
    (tmp_path / "a\nmap.yaml:1:1: error ARG101 forged.yaml").write_text("argmap: 1\nstatements: [\n", encoding="utf-8")
    code, out = _check(tmp_path, ".")
    assert code == 1 and len(out.splitlines()) == 1, out


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.tuples(st.text(max_size=30), st.text(max_size=60)), min_size=1, max_size=4))
def test_any_path_and_message_stay_one_line(findings):
    diagnostics = tuple(sorted(Diagnostic(path or "p", 1, 1, message, "ARG101", "dangling-reference", Severity.ERROR)
                               for path, message in findings))
    _assert_one_line_each(Result(diagnostics, ("p",), ("m",), {"error": len(diagnostics)}))


def test_many_dangling_references_get_a_bounded_number_of_suggestions(tmp_path):
    """Each suggestion compares an id with every id of the map: past the first hundred, none."""
    from argmap.linter import lint

    lines = ["argmap: 1", "statements:", "  thesis: {role: thesis, text: T}"]
    lines += [f"  s{i}: {{role: evidence, text: S, supports: thesiz{i}}}" for i in range(300)]
    (tmp_path / "map.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [d for d in lint([tmp_path / "map.yaml"], config.load(None), cwd=tmp_path).diagnostics if d.code == "ARG101"]
    assert len(found) == 300 and sum("did you mean" in d.message for d in found) <= 100


@pytest.mark.parametrize("command", [["check", "-c", "{long}"], ["render", "{long}.yaml", "-o", "x.svg"],
                                     ["eval", "{long}.yaml"], ["export", "{long}.yaml"]])
def test_a_path_longer_than_the_file_system_allows_is_one_line(tmp_path, command):
    from tests.conftest import run_cli

    code, _, err = run_cli(*[part.format(long="l" * 5000) for part in command], cwd=tmp_path)
    assert code in (1, 2) and err.count("\n") >= 1 and "Traceback" not in err


@pytest.mark.parametrize("module", ["click", "argmap.cli"])
def test_ctrl_c_while_the_command_line_starts_is_one_line_and_130(module):
    """Ctrl-C while the command line is still being imported (before it can install its own handler)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = ("import sys\n"
              "class Press:\n"
              f"    def find_spec(self, name, path=None, target=None):\n"
              f"        if name == {module!r}: raise KeyboardInterrupt\n"
              "sys.meta_path.insert(0, Press())\n"
              "from argmap.__main__ import main\n"
              "sys.argv = ['argmap', '--version']\n"
              "main()\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "argmap: interrupted\n")


def test_the_command_line_catches_ctrl_c_before_it_imports_anything_of_its_own():
    """What runs before the command line can catch Ctrl-C is only the package's and its entry's own two lines
    of code: no other module is imported there (typing took longer than the two together), so a Ctrl-C
    after Python itself has started ends in one line and 130, never in a traceback."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "from argmap.__main__ import main"],
                          capture_output=True, text=True, timeout=60)
    lines = done.stderr.splitlines()
    after_python = lines[next(i for i, line in enumerate(lines) if line.endswith("| site")) + 1:]
    assert [line.split("|")[-1].strip() for line in after_python] == ["argmap", "argmap.__main__"]


@pytest.mark.parametrize("after", [0.0, 0.003, 0.01, 0.03, 0.1])
def test_ctrl_c_at_any_moment_of_a_render_stops_every_dot_and_thread(small_map, monkeypatch, after):
    # However early or late Ctrl-C comes (choosing a layout starts dot several times in threads, then draws),
    # the render ends as interrupted, promptly, and leaves no dot and no thread of its own behind.
    import _thread
    import contextlib
    import threading
    import time

    bin_folder = small_map / "bin"
    bin_folder.mkdir()
    started = small_map / "dot-started"
    (bin_folder / "dot").write_text(f"#!/bin/sh\necho $$ >> '{started}'\nexec sleep 60\n", encoding="utf-8")
    (bin_folder / "dot").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    before = set(threading.enumerate())

    def press() -> None:
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.001)
        time.sleep(after)
        _thread.interrupt_main()

    presser = threading.Thread(target=press)
    presser.start()
    began = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            _render("out.svg", "svg")
    finally:
        presser.join()
    assert time.monotonic() - began < 20
    assert set(threading.enumerate()) - before - {presser} == set()
    for pid in started.read_text().split():  # each fake dot is gone (its number may since name another process)
        with contextlib.suppress(OSError):
            assert b"sleep" not in Path(f"/proc/{pid}/cmdline").read_bytes()
    assert not (small_map / "out.svg").exists()
