"""A first run is green everywhere: a test whose tool is missing is skipped with its reason for a developer, and
fails where every tool must be there (CI sets ARGMAP_REQUIRE_TOOLS=1)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

MISSING = """\
from tests.conftest import needs_tool, skip_tool


@needs_tool(False, "frobnicate is not installed")
def test_marked():
    pass


def test_skipped_inside():
    skip_tool("frobnicate is not installed")


def test_present():
    pass
"""


def run(tmp_path, require: bool) -> tuple[int, str]:
    (tmp_path / "test_missing.py").write_text(MISSING, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    environment.pop("ARGMAP_REQUIRE_TOOLS", None)
    if require:
        environment["ARGMAP_REQUIRE_TOOLS"] = "1"
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "tests.conftest", "-c", os.devnull,
                           "--rootdir", str(tmp_path), "-p", "no:cacheprovider", str(tmp_path / "test_missing.py")],
                          cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout


def test_a_developer_sees_the_missing_tool_skipped_with_its_reason(tmp_path):
    status, out = run(tmp_path, require=False)
    assert status == 0, out
    assert out.count("needs a tool: frobnicate is not installed") == 2 and "1 passed, 2 skipped" in out


def test_ci_fails_a_test_skipped_for_a_missing_tool(tmp_path):
    status, out = run(tmp_path, require=True)
    assert status == 1, out
    assert out.count("ARGMAP_REQUIRE_TOOLS=1 (CI) runs every test") >= 2, out
    assert out.rstrip().splitlines()[-1].startswith("1 failed, 1 passed, 1 error")  # none passes by being skipped


def _planned(target: str, tmp_path) -> str:
    """What `make TARGET` would run on a machine with nothing installed yet (make's dry run, a new environment)."""
    done = subprocess.run(["make", "-n", "-C", str(ROOT), f"VENV={tmp_path / 'venv'}", target], capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stdout


def test_make_run_installs_what_running_needs_and_make_test_the_tools_of_the_tests(tmp_path):
    run_plan, test_plan = _planned("run", tmp_path), _planned("test", tmp_path)
    assert "pip install --quiet -e .\n" in run_plan and "graphviz fonts-noto-cjk" in run_plan
    for test_only in ("[dev]", "npm install", "chromium", "neovim", "pandoc", "texlive", "poppler-utils", "mermaid"):
        assert test_only not in run_plan, test_only
        assert test_only in test_plan, test_only
