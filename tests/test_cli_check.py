"""`argmap check` from the outside: real files, a real subprocess, (exit status, stdout, stderr)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli

CLEAN = """\
argmap: 1
id: small
statements:
  thesis: {role: thesis, text: T}
  reason: {text: R, supports: thesis}
  fact: {role: evidence, text: F, supports: reason}
"""
BROKEN = CLEAN + "  stray: {text: S, supports: [thesiss]}\n  bare: {text: B, supports: thesis}\n"
WARNED = CLEAN + "  bare: {text: B, supports: thesis}\n"


def test_clean_map(tree):
    folder = tree({"map.yaml": CLEAN})
    assert run_cli("check", "map.yaml", cwd=folder) == (0, "no problems in 1 file, 1 map\n", "")


def test_text_report_groups_by_file_and_summarises(tree):
    folder = tree({"map.yaml": BROKEN})
    code, out, err = run_cli("check", "map.yaml", cwd=folder)
    assert (code, err) == (1, "")
    assert out.splitlines()[0] == "map.yaml"
    assert "7:31" in out and "ARG101" in out and "did you mean 'thesis'?" in out
    assert out.rstrip().endswith("1 error, 1 warning in 1 file, 1 map")
    assert "\033[" not in out


def test_parsable_format(tree):
    folder = tree({"map.yaml": BROKEN})
    assert run_cli("check", "-f", "parsable", "map.yaml", cwd=folder) == (
        1,
        "map.yaml:7:31: error ARG101 support target 'thesiss' is not defined; did you mean 'thesis'? [dangling-reference]\n"
        "map.yaml:8:3: warning ARG304 claim 'bare' has no support or evidence [unsupported-claim]\n",
        "",
    )


def test_json_format_is_versioned(tree):
    folder = tree({"map.yaml": BROKEN})
    code, out, err = run_cli("check", "--format", "json", "map.yaml", cwd=folder)
    document = json.loads(out)
    assert (code, err, document["version"], document["summary"]["error"]) == (1, "", 1, 1)
    finding = document["diagnostics"][0]
    assert {k: finding[k] for k in ("path", "line", "column", "code", "name", "severity")} == {
        "path": "map.yaml", "line": 7, "column": 31, "code": "ARG101", "name": "dangling-reference", "severity": "error"}


def test_github_format_and_auto_under_actions(tree):
    folder = tree({"map.yaml": BROKEN})
    expected = "::error file=map.yaml,line=7,col=31,title=ARG101 dangling-reference::support target 'thesiss' is not defined; did you mean 'thesis'?\n"
    code, out, _ = run_cli("check", "-f", "github", "map.yaml", cwd=folder)
    assert code == 1 and expected in out
    assert run_cli("check", "map.yaml", cwd=folder, env={"GITHUB_ACTIONS": "true"})[1] == out


def test_sarif_format(tree):
    folder = tree({"map.yaml": BROKEN})
    code, out, _ = run_cli("check", "-f", "sarif", "map.yaml", cwd=folder)
    sarif = json.loads(out)
    run = sarif["runs"][0]
    assert (code, sarif["version"]) == (1, "2.1.0")
    rules = run["tool"]["driver"]["rules"]
    result = next(r for r in run["results"] if r["ruleId"] == "ARG101")
    assert rules[result["ruleIndex"]]["id"] == "ARG101"
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "map.yaml", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 7, "startColumn": 31}}


def test_warnings_pass_unless_strict(tree):
    folder = tree({"map.yaml": WARNED})
    assert run_cli("check", "map.yaml", cwd=folder)[0] == 0
    assert run_cli("check", "--strict", "map.yaml", cwd=folder)[0] == 1


def test_usage_errors_exit_2(tree):
    folder = tree({"map.yaml": CLEAN})
    code, out, err = run_cli("check", "-f", "xml", "map.yaml", cwd=folder)
    assert (code, out) == (2, "") and "Invalid value for '-f' / '--format'" in err
    assert run_cli("check", cwd=folder)[0] == 2


def test_folder_of_maps_checks_roots_once(tree):
    folder = tree({
        "maps/a/map.yaml": "argmap: 1\ninclude: [part.yaml]\nstatements:\n  thesis: {role: thesis, text: T}\n",
        "maps/a/part.yaml": "argmap: 1\nstatements:\n  p: {text: P, supports: [thesiss]}\n",
        "maps/b.yaml": CLEAN,
        "maps/ci.yaml": "on: push\njobs: {}\n",
    })
    code, out, _ = run_cli("check", "-f", "parsable", "maps", cwd=folder)
    assert code == 1
    assert out.count("ARG101") == 1 and "maps/a/part.yaml:3:27" in out
    assert "ci.yaml" not in out


@pytest.mark.parametrize(("content", "code_in_output"), [
    (b"argmap: 1\nstatements:\n\tthesis: x\n", "ARG001"),
    (b"\x00\x01\x02binary", "ARG005"),
    (b"argmap: 1\ntitle: caf\xe9\n", "ARG005"),
    (b"argmap: 1\nx: !!python/object/apply:os.system [echo]\n", "ARG004"),
    (b"a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
     b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n", "ARG004"),
    (b"x: " + b"[" * 100, "ARG004"),
    (b"x: " + b"[" * 100000, "ARG004"),  # libyaml's own depth limit speaks first: unsafe YAML all the same
    (b"argmap: 1\n---\nargmap: 1\n", "ARG006"),
    (b"", "ARG002"),
    (b"argmap: 1\nstatements: 5\n", "ARG002"),
])
def test_hostile_input_is_a_located_finding_never_a_traceback(tmp_path, content, code_in_output):
    (tmp_path / "map.yaml").write_bytes(content)
    code, out, err = run_cli("check", "-f", "parsable", "map.yaml", cwd=tmp_path)
    assert (code, err) == (1, "")
    assert out.startswith("map.yaml:") and code_in_output in out
    assert "Traceback" not in out + err


def test_directory_given_as_file_and_missing_path(tmp_path):
    (tmp_path / "empty").mkdir()
    code, out, err = run_cli("check", "-f", "parsable", "empty", "missing.yaml", cwd=tmp_path)
    assert (code, err) == (1, "")
    assert "empty:0:0: error ARG005 no argmap files in this folder" in out
    assert "missing.yaml:0:0: error ARG005 no such file or folder" in out


def test_configuration_changes_severity_ignores_and_presets(tree):
    folder = tree({"map.yaml": WARNED, "drafts/map.yaml": BROKEN})
    (folder / ".argmap.yaml").write_text(
        "extends: strict\nrules:\n  ARG101: warning\nper-file-ignores:\n  'drafts/*.yaml': [dangling-reference]\n")
    code, out, _ = run_cli("check", "-f", "parsable", "map.yaml", "drafts", cwd=folder)
    assert code == 1
    assert "map.yaml:7:3: error ARG304" in out  # strict makes unsupported-claim an error
    assert "ARG101" not in out


def test_pyproject_configuration(tree):
    folder = tree({"map.yaml": WARNED, "pyproject.toml": "[tool.argmap]\nrules = {unsupported-claim = 'off'}\n"})
    assert run_cli("check", "map.yaml", cwd=folder) == (0, "no problems in 1 file, 1 map\n", "")


@pytest.mark.parametrize(("config", "message"), [
    ("rules:\n  thesis-count: {maxx: 2}\n",
     ".argmap.yaml:2:18: rules.thesis-count.maxx: rule ARG203 (thesis-count) has no option 'maxx'; it has severity, min, max"),
    ("rules:\n  suport-cycle: off\n", ".argmap.yaml:2:3: rules.suport-cycle: unknown rule 'suport-cycle'; did you mean 'support-cycle'?"),
    ("rules:\n  ARG201: loud\n", ".argmap.yaml:2:3: rules.ARG201: rule ARG201 (support-cycle): unknown severity 'loud'"),
    ("rulez: {}\n", ".argmap.yaml:1:1: rulez: unknown setting; did you mean 'rules'?"),
    ("extends: nonsense\n", ".argmap.yaml:1:1: extends: 'nonsense' is neither a preset"),
    ("rules:\n  thesis-count: {max: two}\n", "option 'max' of rule ARG203 (thesis-count) must be a int"),
])
def test_bad_configuration_names_the_rule_and_option(tree, config, message):
    folder = tree({"map.yaml": CLEAN, ".argmap.yaml": config})
    code, out, err = run_cli("check", "map.yaml", cwd=folder)
    assert (code, out) == (2, "")
    assert err.startswith("argmap: configuration error: ") and message in err, err


def test_rules_and_explain():
    code, out, _ = run_cli("rules")
    assert code == 0 and "ARG201  support-cycle" in out
    code, out, _ = run_cli("explain", "support-cycle")
    assert code == 0 and out.startswith("ARG201 support-cycle (default: error)") and "Use instead:" in out
    assert run_cli("explain", "ARG999")[0] == 2


def test_version():
    from argmap import __version__

    assert run_cli("--version") == (0, f"argmap, version {__version__}\n", "")


def test_special_files_are_refused_not_read(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.yaml")
    code, out, err = run_cli("check", "-f", "parsable", "pipe.yaml", cwd=tmp_path)
    assert (code, out, err) == (1, "pipe.yaml:0:0: error ARG005 is not a regular file [unreadable-file]\n", "")


def test_an_included_fifo_is_named_for_what_it_is(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "map.yaml").write_text("argmap: 1\ninclude: [pipe.yaml]\nstatements:\n  t: {role: thesis, text: T}\n")
    code, out, _ = run_cli("check", "-f", "parsable", "map.yaml", cwd=tmp_path)
    assert code == 1 and "map.yaml:2:11: error ARG010 included file 'pipe.yaml' is not a regular file" in out


def test_a_real_process_checks_and_reports(tree):
    """The other CLI tests run in-process; this one starts the interpreter as a user's shell does."""
    folder = tree({"map.yaml": BROKEN})
    code, out, err = run_cli("check", "-f", "parsable", "map.yaml", cwd=folder, process=True)
    assert (code, err) == (1, "") and "map.yaml:7:31: error ARG101" in out


def test_a_schema_error_does_not_hide_what_can_still_be_checked(tree):
    folder = tree({"map.yaml": (
        "argmap: 1\nstatements:\n  thesis: {role: thesis, text: T}\n"
        "  bad: {role: boss, text: B, supports: thesis}\n"
        "  a: {text: A, supports: b}\n  b: {text: B, supports: a}\n"
        "  c: {role: evidence, text: C, supports: bad}\n  d: {role: evidence, text: D, supports: nowhere}\n")})
    code, out, _ = run_cli("check", "-f", "parsable", "--no-config", "map.yaml", cwd=folder)
    assert code == 1
    # the schema error, and the graph's own findings; nothing about 'bad' being missing, nor about
    # what is absent (a thesis, support), which the refused part might have held
    assert [line.split(" [")[0] for line in out.splitlines()] == [
        "map.yaml:4:15: error ARG002 statements.bad.role: must be 'thesis', 'claim' or 'evidence'",
        "map.yaml:5:3: error ARG201 circular support: a -> b -> a",
        "map.yaml:8:42: error ARG101 support target 'nowhere' is not defined"]
    assert run_cli("render", "map.yaml", "-o", "m.dot", cwd=folder)[0] == 1  # never drawn as if whole
