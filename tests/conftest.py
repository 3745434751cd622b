"""Shared test helpers: write a tree of files, run the CLI as a user would."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def write_tree(base: Path, files: dict) -> None:
    """Write ``{relative path: content}``; content is text, {base64: ...} or {repeat: [head, unit, n, tail]}."""
    for name, content in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict) and "base64" in content:
            path.write_bytes(base64.b64decode(content["base64"]))
        elif isinstance(content, dict) and "repeat" in content:
            head, unit, count, *tail = content["repeat"]
            path.write_text(head + unit * count + "".join(tail), encoding="utf-8")
        else:
            path.write_text(content, encoding="utf-8")


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, stdin: str | None = None) -> tuple[int, str, str]:
    """Run ``python -m argmap ARGS`` in a real subprocess: (exit status, stdout, stderr)."""
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update({"NO_COLOR": "1", "PYTHONPATH": str(ROOT), **(env or {})})
    done = subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, env=environment, input=stdin,
                          capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def tree(tmp_path):
    def make(files: dict) -> Path:
        write_tree(tmp_path, files)
        return tmp_path
    return make


def pytest_collection_modifyitems(config, items):
    """Tests marked ``needs_dot`` are skipped, with the reason, where Graphviz is not installed."""
    import shutil

    if shutil.which("dot") is not None:
        return
    skip = pytest.mark.skip(reason="Graphviz's dot is not installed (make test installs it)")
    for item in items:
        if "needs_dot" in item.keywords:
            item.add_marker(skip)
