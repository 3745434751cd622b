"""Run Graphviz's dot on DOT source, bounded in time and output; the install hint when it is missing."""

from __future__ import annotations

import contextlib
import os
import platform
import shutil
import signal
import subprocess
import threading
import time
from typing import IO

from argmap import interrupts

__all__ = ["GraphvizMissing", "GraphvizFailed", "Cancelled", "run_dot", "install_hint", "FORMATS", "MAX_OUTPUT", "MAX_MESSAGE"]

FORMATS = ("svg", "png", "pdf", "dot")

MAX_OUTPUT = 256 * 1024 * 1024
"""Bytes of drawing dot may write; beyond them it is stopped (a real map's drawing is far smaller)."""

MAX_MESSAGE = 4096
"""Bytes of dot's error output kept; the rest is read and dropped, so dot never blocks on it."""

_CHUNK = 1 << 16
_LINE = 300  # characters of dot's message shown


class GraphvizMissing(Exception):
    """No ``dot`` program on the PATH."""


class GraphvizFailed(Exception):
    """dot exited with an error, was stopped (time limit, output limit), or wrote nothing."""


class Cancelled(GraphvizFailed):
    """dot was stopped because its drawing was no longer wanted (`serve`: a newer save came)."""


def install_hint() -> str:
    """The command that installs Graphviz (and a CJK font) on this platform."""
    system = platform.system()
    if system == "Darwin":
        return "brew install graphviz"
    if system == "Linux" and shutil.which("apt-get"):
        return "sudo apt-get install graphviz fonts-noto-cjk"
    return "install Graphviz from https://graphviz.org/download/ and make sure `dot` is on the PATH"


def run_dot(source: str, output_format: str, timeout: float, name: str | None = None,
            cancel: threading.Event | None = None) -> bytes:
    """The rendered bytes of ``source`` in ``output_format`` (svg, png or pdf).

    dot runs in a process group of its own, which is killed whenever the call ends (done, failed,
    timed out, over :data:`MAX_OUTPUT`, or interrupted by Ctrl-C, which is raised again), so that
    nothing dot started outlives it. ``name`` (the map) starts every failure message. Setting ``cancel``
    stops dot too (:class:`Cancelled`).
    """
    executable = shutil.which("dot")
    if executable is None:
        raise GraphvizMissing(install_hint())
    prefix = f"{name}: " if name else ""
    # Ctrl-C is held from dot's start to its end and taken here between looks (see interrupts.held): raised
    # anywhere, it could come inside Popen, a thread's start or a wait, leaving dot or a lock behind.
    with interrupts.held() as hold:
        process = subprocess.Popen([executable, f"-T{output_format}"], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        drawing = _Collector(process.stdout, MAX_OUTPUT)
        errors = _Collector(process.stderr, MAX_MESSAGE, drain=True)
        threads = [threading.Thread(target=_feed, args=(process.stdin, source.encode("utf-8")), daemon=True),
                   threading.Thread(target=drawing.run, daemon=True), threading.Thread(target=errors.run, daemon=True)]
        try:
            for thread in threads:
                thread.start()
            deadline = time.monotonic() + timeout
            while not _ended(process) and not drawing.over and not hold.pressed:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise GraphvizFailed(f"{prefix}dot took longer than {timeout:g} s and was stopped; draw part of the"
                                         " map with --focus or --group, or raise --timeout")
                if cancel is not None and cancel.is_set():
                    raise Cancelled(f"{prefix}dot was stopped: its drawing is no longer wanted")
                if drawing.wake.is_set():
                    time.sleep(0.002)  # the drawing is complete and dot is exiting
                else:
                    drawing.wake.wait(min(left, 0.02))
        finally:
            _kill_group(process)
            # The pipes close with the group; a process that left it is waited for a few seconds only.
            until = time.monotonic() + 5
            started = [thread for thread in threads if thread.ident is not None]  # one may have failed to start
            for thread in started:
                thread.join(max(0.0, until - time.monotonic()))
            escaped = any(thread.is_alive() for thread in started)
            if not escaped:
                for stream in (process.stdin, process.stdout, process.stderr):
                    _close(stream)
    if escaped:
        raise GraphvizFailed(f"{prefix}dot left a process running that holds its output open")
    if drawing.over:
        raise GraphvizFailed(f"{prefix}dot's drawing passed {MAX_OUTPUT // (1024 * 1024)} MiB and was stopped;"
                             " draw part of the map with --focus or --group")
    if process.returncode != 0:
        status = (f"killed by signal {-process.returncode}" if process.returncode < 0
                  else f"exit {process.returncode}")
        raise GraphvizFailed(f"{prefix}dot failed ({status}): {first_message(bytes(errors.data))}")
    if not drawing.data:
        raise GraphvizFailed(f"{prefix}dot wrote nothing: {first_message(bytes(errors.data))}")
    return bytes(drawing.data)


def first_message(stderr: bytes) -> str:
    """The line of dot's error output that says what went wrong, as one short printable line.

    >>> first_message(b"Warning: x\\nError: <stdin>: syntax error in line 3 \\x1b[2J\\n... more")
    'Error: <stdin>: syntax error in line 3 ?[2J'
    """
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    line = next((line for line in lines if line.lower().startswith("error")), lines[0] if lines else "no message")
    # dot may quote the input back: no terminal control or bidi override reaches the user's screen
    line = "".join(char if char.isprintable() else "?" for char in line)
    return line if len(line) <= _LINE else line[: _LINE - 1] + "…"


class _Collector:
    """Reads one of dot's outputs: keeps up to ``limit`` bytes, then stops (or, with ``drain``, reads on
    and drops the rest)."""

    def __init__(self, stream: IO[bytes] | None, limit: int, drain: bool = False) -> None:
        self.stream, self.limit, self.drain = stream, limit, drain
        self.data = bytearray()
        self.over = False
        self.wake = threading.Event()

    def run(self) -> None:
        assert self.stream is not None
        try:
            while chunk := self.stream.read1(_CHUNK):  # type: ignore[attr-defined]
                room = self.limit - len(self.data)
                self.data += chunk[: max(room, 0)]
                if len(chunk) > room and not self.drain:
                    self.over = True
                    break
        except (OSError, ValueError):  # the pipe was closed under us
            pass
        finally:
            self.wake.set()


def _feed(stdin: IO[bytes] | None, data: bytes) -> None:
    assert stdin is not None
    try:
        stdin.write(data)
        stdin.close()
    except (OSError, ValueError):  # dot ended (or was stopped) before reading everything
        pass


def _ended(process: subprocess.Popen[bytes]) -> bool:
    """Whether dot has exited, without reaping it: until it is reaped its process id, and so the
    id of its group, cannot be given to another process, so the group may still be killed."""
    if hasattr(os, "waitid") and hasattr(os, "WNOWAIT"):
        try:
            return os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
        except ChildProcessError:
            return True
    return process.poll() is not None


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill dot and everything it started, then reap dot."""
    if hasattr(os, "killpg"):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    elif process.poll() is None:
        process.kill()
    process.wait()


def _close(stream: IO[bytes] | None) -> None:
    try:
        if stream is not None:
            stream.close()
    except (OSError, ValueError):  # stdin's last bytes could not be delivered: dot is gone
        pass
