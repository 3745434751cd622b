"""Every rule against its case file: tests/rules/cases/<CODE>.yaml lists maps and expected [line, col]."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from argmap import config
from argmap.linter import lint
from tests.conftest import write_tree

CASES = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES.glob("ARG*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(path.stem, case, id=f"{path.stem}-{case['name']}")


@pytest.mark.parametrize(("code", "case"), list(_cases()))
def test_rule_case(code, case, tmp_path):
    write_tree(tmp_path, case["files"])
    settings = config.load(None)
    if "config" in case:
        (tmp_path / ".argmap.yaml").write_text(case["config"], encoding="utf-8")
        settings = config.load(tmp_path / ".argmap.yaml")
    result = _lint_in(tmp_path, case, settings)
    found = sorted([d.line, d.column, d.message] for d in result.diagnostics if d.code == code)
    # Each expected finding pins its place and its message: a broken message or suggestion fails here.
    assert all(len(expected) == 3 for expected in case["expect"]), f"{code} {case['name']}: give [line, col, message]"
    assert found == sorted(case["expect"]), [d.location + " " + d.message for d in result.diagnostics]
    for diagnostic in result.diagnostics:
        assert diagnostic.name and diagnostic.code.startswith("ARG")


def _lint_in(folder: Path, case: dict, settings):
    import os

    previous = Path.cwd()
    os.chdir(folder)
    try:
        return lint(case.get("check", ["map.yaml"]), settings, cwd=folder)
    finally:
        os.chdir(previous)
