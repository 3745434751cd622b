"""Shared test helpers: write a tree of files, run the CLI as a user would."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"

TOOL = "needs a tool: "
"""How the reason of a skip for a missing tool (Chromium, Node tools, pre-commit, git...) begins. A developer's
`make test` skips such a test and prints why; CI (.ci/run sets ARGMAP_REQUIRE_TOOLS=1) fails it instead, so that
no test passes there by being skipped."""
REQUIRE_TOOLS = os.environ.get("ARGMAP_REQUIRE_TOOLS") == "1"


def needs_tool(available: object, reason: str) -> pytest.MarkDecorator:
    """Skip where a tool is missing (``available`` false), saying ``reason``; a failure in CI."""
    return pytest.mark.skipif(not available, reason=TOOL + reason)


def skip_tool(reason: str) -> None:
    """Skip the running test for a missing tool (a failure in CI)."""
    pytest.skip(TOOL + reason)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Where every tool must be there (CI), a test skipped for a missing one fails, with the reason."""
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_TOOLS and report.skipped and TOOL in str(report.longrepr):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"{reason}; ARGMAP_REQUIRE_TOOLS=1 (CI) runs every test, so the tool must be installed"

# How deep the property tests go. `make test` runs the default profile (a developer's quick run); CI and
# `make fuzz` go deeper by naming a profile in ARGMAP_HYPOTHESIS_PROFILE. A test that does not say tries
# the profile's number of examples; one whose examples are costly says fewer with examples(n), which the
# profile scales alike.
PROFILES = {"default": 50, "ci": 400, "thorough": 2000}
PROFILE = os.environ.get("ARGMAP_HYPOTHESIS_PROFILE", "default")
for _name, _count in PROFILES.items():
    settings.register_profile(_name, max_examples=_count)
settings.load_profile(PROFILE)


def examples(n: int) -> int:
    """``n`` examples where hypothesis would try 100, scaled to the profile that runs (half in `make test`)."""
    return max(5, n * PROFILES[PROFILE] // 100)


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


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, stdin: str | None = None,
            process: bool = False) -> tuple[int, str, str]:
    """Run ``argmap ARGS`` as a user would: (exit status, stdout, stderr).

    In-process through click's runner (fast); ``process=True`` starts a real ``python -m argmap``,
    for what only a process shows (the interpreter's start-up, signals, the console entry point).
    An exception that escapes a command fails the test: argmap must never print a traceback.
    """
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update({"NO_COLOR": "1", "PYTHONPATH": str(ROOT), **(env or {})})
    if process:
        done = subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, env=environment, input=stdin,
                              capture_output=True, text=True, timeout=120)
        return done.returncode, done.stdout, done.stderr
    from click.testing import CliRunner

    from argmap.cli import main

    previous = Path.cwd()
    os.chdir(cwd or previous)
    try:
        overrides = {k: v for k, v in environment.items() if os.environ.get(k) != v}
        overrides.update({k: None for k in os.environ if k not in environment})
        result = CliRunner().invoke(main, list(args), input=stdin, env=overrides, catch_exceptions=False)
    finally:
        os.chdir(previous)
    return result.exit_code, result.stdout, result.stderr


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
    skip = pytest.mark.skip(reason=TOOL + "Graphviz's dot is not installed (make test installs it)")
    for item in items:
        if "needs_dot" in item.keywords:
            item.add_marker(skip)
