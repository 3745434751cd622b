"""Run Graphviz's dot on DOT source, with a time limit; the install hint when it is missing."""

from __future__ import annotations

import platform
import shutil
import subprocess

__all__ = ["GraphvizMissing", "GraphvizFailed", "run_dot", "install_hint", "FORMATS"]

FORMATS = ("svg", "png", "pdf", "dot")


class GraphvizMissing(Exception):
    """No ``dot`` program on the PATH."""


class GraphvizFailed(Exception):
    """dot exited with an error, or ran past the time limit."""


def install_hint() -> str:
    """The command that installs Graphviz (and a CJK font) on this platform."""
    system = platform.system()
    if system == "Darwin":
        return "brew install graphviz"
    if system == "Linux" and shutil.which("apt-get"):
        return "sudo apt-get install graphviz fonts-noto-cjk"
    return "install Graphviz from https://graphviz.org/download/ and make sure `dot` is on the PATH"


def run_dot(source: str, output_format: str, timeout: float) -> bytes:
    """The rendered bytes of ``source`` in ``output_format`` (svg, png or pdf)."""
    executable = shutil.which("dot")
    if executable is None:
        raise GraphvizMissing(install_hint())
    try:
        done = subprocess.run([executable, f"-T{output_format}"], input=source.encode("utf-8"),
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise GraphvizFailed(f"dot took longer than {timeout:g} s and was stopped; draw part of the map with"
                             " --focus or --group, or raise --timeout") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GraphvizFailed(f"dot failed (exit {done.returncode}): {message[0] if message else 'no message'}")
    return done.stdout
