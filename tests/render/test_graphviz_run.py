"""A misbehaving `dot` first on the PATH: bounded output, one short message, nothing left running."""

from __future__ import annotations

import _thread
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from argmap.diagram import graphviz_run
from argmap.diagram.graphviz_run import GraphvizFailed, first_message, run_dot
from tests.conftest import run_cli

MAP = "argmap: 1\nstatements:\n  thesis: {role: thesis, text: T}\n"
SOURCE = "digraph { a -> b }\n"


def fake_dot(folder: Path, body: str) -> dict:
    """A `dot` script in ``folder``, and the PATH that puts it first."""
    folder.mkdir(exist_ok=True)
    script = folder / "dot"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return {"PATH": f"{folder}{os.pathsep}/usr/bin{os.pathsep}/bin"}


def gone(pid: int) -> bool:
    """Whether process ``pid`` has ended (a zombie waiting for its reaper counts as ended)."""
    for _ in range(3000):  # dying takes a moment after SIGKILL (longer on a busy machine); this bounds the wait
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        stat_file = Path(f"/proc/{pid}/stat")
        if stat_file.exists() and stat_file.read_text().rsplit(")", 1)[-1].split()[0] == "Z":
            return True
        time.sleep(0.01)
    return False


def spawner(tmp_path: Path) -> tuple[dict, Path]:
    """A dot that starts a sleeping child (holding dot's pipes open), notes its pid, and hangs."""
    pid_file = tmp_path / "child.pid"
    env = fake_dot(tmp_path / "bin", f"sleep 300 &\necho $! > '{pid_file}'\nsleep 300")
    return env, pid_file


def read_pid(pid_file: Path) -> int:
    for _ in range(3000):
        if pid_file.exists() and pid_file.read_text().strip():
            return int(pid_file.read_text())
        time.sleep(0.01)
    raise AssertionError("the fake dot never started its child")


def test_a_stderr_flood_is_one_short_line(tmp_path):
    (tmp_path / "map.yaml").write_text(MAP)
    env = fake_dot(tmp_path / "bin",
                   "printf 'Warning: first\\nError: bad \\033[2J\\033]0;owned\\007 \\342\\200\\256input\\n' >&2\n"
                   "yes 'Error: flooding the terminal' | head -c 20000000 >&2\nexit 1")
    code, out, err = run_cli("render", "map.yaml", "-o", "map.svg", cwd=tmp_path, env=env)
    assert (code, out) == (3, "")
    # the first error, one line, with no terminal control (clear screen, set title) or bidi override
    assert err == "argmap render: map.yaml: dot failed (exit 1): Error: bad ?[2J?]0;owned? ?input\n"
    assert not (tmp_path / "map.svg").exists()


def test_a_long_message_is_cut():
    line = first_message(b"Error: " + b"x" * 10_000 + b"\nError: second\n")
    assert line.startswith("Error: xxx") and line.endswith("…") and len(line) <= 300


def test_a_message_without_error_is_its_first_line():
    assert first_message(b"\n\n  Warning: only this  \nmore\n") == "Warning: only this"
    assert first_message(b"") == "no message"
    assert first_message(b"\xff\xfe broken bytes") == "\ufffd\ufffd broken bytes"


def test_a_stdout_flood_is_stopped_at_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", fake_dot(tmp_path / "bin", "cat /dev/zero")["PATH"])
    monkeypatch.setattr(graphviz_run, "MAX_OUTPUT", 1024 * 1024)
    with pytest.raises(GraphvizFailed, match=r"^map.yaml: dot's drawing passed 1 MiB and was stopped"):
        run_dot(SOURCE, "svg", 60, name="map.yaml")


def test_output_just_under_the_limit_is_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", fake_dot(tmp_path / "bin", "cat >/dev/null; head -c 1048576 /dev/zero")["PATH"])
    monkeypatch.setattr(graphviz_run, "MAX_OUTPUT", 1024 * 1024)
    assert run_dot(SOURCE * 10_000, "svg", 60) == bytes(1024 * 1024)


def test_a_hanging_dot_and_its_children_are_killed(tmp_path):
    (tmp_path / "map.yaml").write_text(MAP)
    env, pid_file = spawner(tmp_path)
    code, _, err = run_cli("render", "map.yaml", "-o", "map.svg", "--timeout", "0.5", cwd=tmp_path, env=env)
    assert code == 3 and "dot took longer than 0.5 s and was stopped" in err
    assert gone(read_pid(pid_file))


def test_children_left_behind_by_a_dot_that_exited_are_killed(tmp_path, monkeypatch):
    pid_file = tmp_path / "child.pid"
    monkeypatch.setenv("PATH", fake_dot(tmp_path / "bin", f"sleep 300 &\necho $! > '{pid_file}'\necho '<svg/>'")["PATH"])
    assert run_dot(SOURCE, "svg", 60) == b"<svg/>\n"
    assert gone(read_pid(pid_file))


def test_ctrl_c_during_dot_kills_the_group_and_is_raised_again(tmp_path, monkeypatch):
    env, pid_file = spawner(tmp_path)
    monkeypatch.setenv("PATH", env["PATH"])
    pid: list[int] = []

    def interrupt() -> None:
        pid.append(read_pid(pid_file))
        _thread.interrupt_main()  # what Ctrl-C does to the main thread

    threading.Thread(target=interrupt, daemon=True).start()
    with pytest.raises(KeyboardInterrupt):
        run_dot(SOURCE, "svg", 60)
    assert gone(pid[0])


def test_failures_name_the_map_and_the_cause(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", fake_dot(tmp_path / "bin", "kill -SEGV $$")["PATH"])
    with pytest.raises(GraphvizFailed, match=r"^map.yaml: dot failed \(killed by signal 11\): no message$"):
        run_dot(SOURCE, "svg", 60, name="map.yaml")
    monkeypatch.setenv("PATH", fake_dot(tmp_path / "bin", "cat >/dev/null; echo 'Warning: nothing to draw' >&2")["PATH"])
    with pytest.raises(GraphvizFailed, match=r"^m: dot wrote nothing: Warning: nothing to draw$"):
        run_dot(SOURCE, "png", 60, name="m")


def test_a_dot_that_ignores_its_input_still_ends(tmp_path, monkeypatch):
    # dot exits without reading a large input: writing the rest must not block or raise
    monkeypatch.setenv("PATH", fake_dot(tmp_path / "bin", "echo '<svg/>'")["PATH"])
    assert run_dot("x" * 5_000_000, "svg", 60) == b"<svg/>\n"
