"""The rule registry's invariants, and docs/rules.md generated from the rule docstrings."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.diagnostics import Severity
from argmap.ruledocs import SECTIONS, catalogue_markdown, sections
from argmap.rules import ALIASES, BY_CODE, BY_NAME, RULES, lookup

ROOT = Path(__file__).resolve().parent.parent


def test_codes_and_names_are_unique_and_well_formed():
    codes = [rule.CODE for rule in RULES]
    names = [rule.NAME for rule in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"ARG\d{3}", code) for code in codes)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", name) for name in names)
    assert not set(ALIASES) & set(BY_NAME), "an alias must not shadow a current name"


def test_every_rule_declares_its_input_and_only_checkers_have_a_check():
    from argmap.rule import INPUTS

    for rule in RULES:
        assert rule.INPUT in INPUTS, rule.CODE
        assert callable(getattr(rule, "check", None)) == (rule.INPUT != "reading"), rule.CODE


def test_every_rule_is_documented_in_every_section():
    for rule in RULES:
        summary, parts = sections(rule)
        assert summary.endswith("."), rule.CODE
        assert set(parts) == set(SECTIONS), (rule.CODE, set(SECTIONS) - set(parts))
        assert all(parts[name].strip() for name in SECTIONS), rule.CODE


def test_every_rule_has_a_case_file_with_a_failing_and_a_passing_case():
    import yaml

    for rule in RULES:
        path = ROOT / "tests" / "rules" / "cases" / f"{rule.CODE}.yaml"
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert any(case["expect"] for case in cases), f"{rule.CODE} has no failing case"
        assert any(not case["expect"] for case in cases), f"{rule.CODE} has no passing case"


def test_every_rule_declares_its_constants_and_documentation():
    for rule in RULES:
        assert isinstance(rule.OPTIONS, dict) and isinstance(rule.SEVERITY, Severity)
        assert (rule.__doc__ or "").strip()


def test_lookup_by_code_name_and_case():
    assert lookup("arg201") is BY_CODE["ARG201"] is lookup("support-cycle")


def test_docs_rules_md_is_generated_from_docstrings():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == catalogue_markdown(RULES), "docs/rules.md is stale: run `make docs`"


def test_the_formats_registry_is_what_export_offers():
    from argmap.formats import FORMATS, by_suffix
    from tests.conftest import run_cli

    assert all(f.name == name and f.suffixes and all(s.startswith(".") for s in f.suffixes)
               for name, f in FORMATS.items())
    assert by_suffix("x.i23").name == "iccma" and by_suffix("x.APX").name == "apx" and by_suffix("x.docx") is None
    assert by_suffix("x.argdown").name == "argdown" and by_suffix("x.txt", "framework") is None
    code, out, _ = run_cli("export", "--help")
    writable = [f.name for f in FORMATS.values() if f.write is not None]
    assert code == 0 and all(f"  {name} " in out for name in writable)
    assert f"[{'|'.join(writable)}]" in out.replace("\n", "").replace(" ", "")


def test_tests_that_need_dot_are_skipped_with_the_reason_where_graphviz_is_missing(tmp_path):
    import os
    import subprocess
    import sys

    bin_folder = tmp_path / "bin"  # a PATH with Python and git but no dot
    bin_folder.mkdir()
    (bin_folder / "python").symlink_to(sys.executable)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-rs",
                           "tests/render/test_render.py", "-k", "byte_identical"],
                          cwd=ROOT, env={**{k: v for k, v in os.environ.items() if k != "ARGMAP_REQUIRE_TOOLS"},
                                         "PATH": str(bin_folder)},  # a developer's run, where a missing tool may skip
                          capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0 and "skipped" in done.stdout, done.stdout[-800:]
    assert "Graphviz's dot is not installed" in done.stdout


def test_a_test_skipped_for_a_missing_package_says_it_is_a_missing_tool():
    """`importorskip` in the tests gives a reason that starts with TOOL, so that CI fails such a skip instead of
    passing it (ARGMAP_REQUIRE_TOOLS=1); programs are found with needs_tool and skip_tool, which say it themselves."""
    import ast

    unmarked = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "importorskip":
                reason = next((keyword.value for keyword in node.keywords if keyword.arg == "reason"), None)
                if not (isinstance(reason, ast.BinOp) and getattr(reason.left, "id", None) == "TOOL"):
                    unmarked.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert unmarked == []

