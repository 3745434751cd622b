"""The GitHub Action (action.yml): valid against the schema GitHub's actions follow, its scripts run as a
runner runs them, and the workflow that docs/ci.md shows valid too."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, needs_tool

ACTION = ROOT / "action.yml"
needs_validator = needs_tool(importlib.util.find_spec("check_jsonschema"),
                             "check-jsonschema is not installed (make test installs it)")
needs_bash = needs_tool(shutil.which("bash"), "bash is not installed")

CLEAN = "argmap: 1\nstatements:\n  t: {role: thesis, text: T}\n  e: {role: evidence, text: E, supports: t}\n"
WARNING = "argmap: 1\nstatements:\n  t: {role: thesis, text: T}\n"
BROKEN = "argmap: 1\nstatements:\n  t: {role: thesis, text: T}\n  e: {role: evidence, text: E, supports: tt}\n"


def validate(path: Path, schema: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, timeout=120)


@needs_validator
def test_the_action_is_valid_and_a_broken_one_is_not(tmp_path):
    done = validate(ACTION, "vendor.github-actions")
    assert done.returncode == 0, done.stdout + done.stderr
    broken = tmp_path / "action.yml"
    broken.write_text(ACTION.read_text(encoding="utf-8").replace("using: composite", "using: compost"),
                      encoding="utf-8")
    assert validate(broken, "vendor.github-actions").returncode == 1


@needs_validator
def test_the_documented_workflow_is_valid(tmp_path):
    page = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    [workflow] = [block for block in re.findall(r"```yaml\n(.*?)```", page, re.S) if "jobs:" in block]
    (tmp_path / "maps.yml").write_text(workflow, encoding="utf-8")
    done = validate(tmp_path / "maps.yml", "vendor.github-workflows")
    assert done.returncode == 0, done.stdout + done.stderr
    steps = yaml.safe_load(workflow)["jobs"]["check"]["steps"]
    inputs = yaml.safe_load(ACTION.read_text(encoding="utf-8"))["inputs"]
    assert set(steps[1]["with"]) <= set(inputs)


def test_inputs_reach_the_scripts_through_the_environment_only():
    for step in yaml.safe_load(ACTION.read_text(encoding="utf-8"))["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step["name"]


def script(name: str) -> str:
    [step] = [s for s in yaml.safe_load(ACTION.read_text(encoding="utf-8"))["runs"]["steps"] if s["name"] == name]
    return step["run"]


def run_step(name: str, cwd: Path, **env: str) -> tuple[int, str, str, dict[str, str]]:
    """Run one step's script with bash as the runner does, with this checkout's argmap on the PATH;
    returns the status, stdout, stderr and what the step set as outputs."""
    shim = cwd.parent / "bin"
    shim.mkdir(exist_ok=True)
    (shim / "argmap").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m argmap "$@"\n', encoding="utf-8")
    (shim / "argmap").chmod(0o755)
    outputs = cwd.parent / "outputs"
    outputs.write_text("", encoding="utf-8")
    environment = {**os.environ, "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(ROOT),
                   "RUNNER_TEMP": str(cwd.parent), "GITHUB_OUTPUT": str(outputs), "GITHUB_ACTIONS": "true", **env}
    done = subprocess.run(["bash", "-e", "-c", script(name)], cwd=cwd, env=environment, capture_output=True,
                          text=True, timeout=120)
    lines = outputs.read_text(encoding="utf-8").splitlines()
    return done.returncode, done.stdout, done.stderr, dict(line.split("=", 1) for line in lines)


@pytest.fixture
def maps(tmp_path):
    folder = tmp_path / "work"
    (folder / "maps").mkdir(parents=True)
    (folder / "maps" / "clean.yaml").write_text(CLEAN, encoding="utf-8")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "warning.yaml").write_text(WARNING, encoding="utf-8")
    (folder / "drafts" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


@needs_bash
def test_the_check_step_annotates_and_fails_on_errors(maps):
    assert run_step("Check the maps", maps, PATHS="maps/", STRICT="false")[:2] == (0, "")
    status, out, _, _ = run_step("Check the maps", maps, PATHS="maps/clean.yaml drafts/broken.yaml", STRICT="false")
    assert status == 1
    assert any(line.startswith("::error file=drafts/broken.yaml,line=4,col=42,title=ARG101 dangling-reference::")
               for line in out.splitlines()), out


@needs_bash
def test_the_strict_input_fails_on_warnings(maps):
    assert run_step("Check the maps", maps, PATHS="drafts/warning.yaml", STRICT="false")[0] == 0
    status, out, _, _ = run_step("Check the maps", maps, PATHS="drafts/warning.yaml", STRICT="true")
    assert status == 1 and out.startswith("::warning file=drafts/warning.yaml,line=3,col=3,title=ARG304")


@needs_bash
def test_each_map_is_checked_under_its_own_folders_configuration(maps):
    # Run from the repository's top, as the Action runs: drafts/.argmap.yaml applies to drafts/ only.
    (maps / "drafts" / ".argmap.yaml").write_text("rules:\n  dangling-reference: warning\n", encoding="utf-8")
    (maps / "maps" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    status, out, _, _ = run_step("Check the maps", maps, PATHS="drafts/broken.yaml", STRICT="false")
    assert status == 0 and "::warning file=drafts/broken.yaml,line=4,col=42,title=ARG101 " in out, out
    status, out, _, _ = run_step("Check the maps", maps, PATHS="maps/broken.yaml", STRICT="false")
    assert status == 1 and "::error file=maps/broken.yaml,line=4,col=42,title=ARG101 " in out, out


@needs_bash
def test_paths_are_words_never_patterns_or_commands(maps):
    status, out, _, _ = run_step("Check the maps", maps, PATHS="maps/* $(touch pwned)", STRICT="false")
    assert status == 1 and "maps/*" in out and not (maps / "pwned").exists()


@needs_bash
def test_the_sarif_step_writes_the_findings_and_lets_the_upload_run(maps):
    status, _, _, outputs = run_step("Check the maps for code scanning", maps, PATHS="maps/ drafts/broken.yaml")
    assert status == 0
    sarif = json.loads(Path(outputs["file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert any(result["ruleId"] == "ARG101" for result in sarif["runs"][0]["results"])


@needs_bash
def test_the_sarif_step_fails_on_a_usage_error(maps):
    (maps / ".argmap.yaml").write_text("rules: {no-such-rule: error}\n", encoding="utf-8")
    status, _, _, outputs = run_step("Check the maps for code scanning", maps, PATHS="maps/")
    assert status == 2 and "file" not in outputs
