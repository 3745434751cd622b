"""Fuzzing the configuration reader: any .argmap.yaml or [tool.argmap] table is a clean refusal or a check.

The property: `argmap check` with the configuration exits 0, 1 or 2; exit 2 writes one line,
`argmap: configuration error: FILE...`, and nothing else; no exception escapes. ARGMAP_FUZZ_EXAMPLES
sets the number of examples (`make fuzz` runs many); ARGMAP_FUZZ_DEADLINE, when set, fails an
example slower than that many seconds (for the long run only: tests never assert time).
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import config
from argmap.cli.check_cmd import CheckOptions, execute_check
from tests.conftest import examples

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", examples(20)))
DEADLINE = float(os.environ.get("ARGMAP_FUZZ_DEADLINE", "0")) or None
FUZZ = settings(max_examples=EXAMPLES, deadline=DEADLINE and timedelta(seconds=DEADLINE), database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])

MAP = "argmap: 1\nstatements:\n  thesis: {role: thesis, text: T}\n  a: {text: A, supports: thesis}\n"

# The configuration's grammar: its four settings, rule keys and options, and odd values anywhere.
odd = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(), st.text(max_size=12),
                st.just("\x00"), st.just("x" * 300), st.lists(st.integers(), max_size=2),
                st.dictionaries(st.text(max_size=4), st.integers(), max_size=2))
rule_keys = st.sampled_from(["ARG001", "ARG101", "ARG203", "ARG304", "unsupported-claim", "thesis-count",
                             "long-quote", "arg203", "ARG999", "", "no-such-rule", "1"])
severities = st.sampled_from(["error", "warning", "info", "off", "ERROR", " off ", "bogus", ""])
options = st.dictionaries(st.sampled_from(["severity", "level", "max", "min", "max-length", "bogus"]),
                          st.one_of(severities, st.integers(-5, 10**20), odd), max_size=3)
rule_values = st.one_of(severities, st.just(False), st.just(True), options, odd)
config_files = ["base.yaml", "sub/other.yaml", ".argmap.yaml", "missing.yaml", "sub", "../outside.yaml",
                "base.yaml/x.yaml", "a\x00b.yaml", "x" * 300 + ".yaml", "d/" * 2100 + "x.yaml", "loop.yaml", "pyproject.toml"]
extends = st.one_of(st.sampled_from(["default", "strict", "relaxed", "Strict"]), st.sampled_from(config_files), odd)
settings_ = st.fixed_dictionaries({}, optional={
    "extends": extends,
    "rules": st.one_of(st.dictionaries(rule_keys, rule_values, max_size=4), odd),
    "per-file-ignores": st.one_of(st.dictionaries(st.sampled_from(["*.yaml", "drafts/*", "", "[", "**"]),
                                                  st.one_of(rule_keys, st.lists(rule_keys, max_size=3), odd), max_size=3), odd),
    "source-dirs": st.one_of(st.lists(st.sampled_from(["texts", "../texts", "", "\x00", "x" * 300]), max_size=3), odd),
    "bogus-setting": odd,
})


def _toml(value) -> str:
    """``value`` as a TOML value (inline tables and arrays); None is not TOML, so it becomes a string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(str(value), repr(value))
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))} = {_toml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps("" if value is None else value)


def _write(folder: Path, name: str, data: dict, as_toml: bool, noise: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if as_toml:
        text = "[project]\nname = 'x'\n\n[tool.argmap]\n" + "".join(f"{json.dumps(k)} = {_toml(v)}\n" for k, v in data.items())
    else:
        text = yaml.safe_dump(data, allow_unicode=True) if data else ""
    raw = text.encode("utf-8", "surrogatepass")
    if noise:  # some bytes spliced in where the data says, to reach the reader's refusals too
        at = noise[0] * len(raw) // 256
        raw = raw[:at] + noise[1:] + raw[at:]
    path.write_bytes(raw)
    return path


def run_check(folder: Path, config_path: str | None) -> tuple[int, str, str]:
    """``argmap check map.yaml`` in ``folder``, in-process; the configuration found or named."""
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(folder)
    try:
        code = execute_check(CheckOptions(("map.yaml",), "parsable", config=config_path), out, err)
    finally:
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue()


def assert_clean(code: int, out: str, err: str) -> None:
    assert code in (0, 1, 2)
    if code == 2:
        assert out == "" and err.startswith("argmap: configuration error: ") and err.count("\n") == 1, err
    else:
        assert err == "", err
        for line in out.splitlines():
            assert line.startswith("map.yaml:"), line


@FUZZ
@given(main=settings_, base=settings_, other=settings_, as_toml=st.booleans(), named=st.booleans(),
       noise=st.one_of(st.just(b""), st.binary(min_size=1, max_size=6),
                       st.sampled_from([b"\x00\x00", b"\x80\xff", b"\x40\xed\xa0\x80", b"\x10\t", b"\x30\n- [", b"\x00\xff\xfe"])))
def test_any_configuration_is_a_check_or_one_line_refusal(main, base, other, as_toml, named, noise):
    with tempfile.TemporaryDirectory() as name:
        root = Path(name) / "repo"
        root.mkdir()
        (root / "map.yaml").write_text(MAP, encoding="utf-8")
        (root / "loop.yaml").symlink_to("loop.yaml")
        (root.parent / "outside.yaml").write_text("rules: {ARG304: off}\n", encoding="utf-8")
        _write(root, "base.yaml", base, False, b"")
        _write(root, "sub/other.yaml", other, False, noise)
        path = _write(root, "pyproject.toml" if as_toml else ".argmap.yaml", main, as_toml, noise)
        assert_clean(*run_check(root, str(path) if named else None))


# Regressions: each was a traceback, or a loop without end.

def _config(tmp_path: Path, text: str, name: str = ".argmap.yaml") -> tuple[int, str, str]:
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    return run_check(tmp_path, None)


@pytest.mark.parametrize(("extends", "message"), [
    ('"a\\0b.yaml"', "extends: 'a\\x00b.yaml' has a NUL byte in its name"),
    ("x" * 300, "has a name longer than the file system allows"),
    ("d/" * 2100 + "x.yaml", "has a name longer than the file system allows"),
    ("loop.yaml", "extends: 'loop.yaml' is a loop of symbolic links"),
    ("map.yaml/x.yaml", "extends: 'map.yaml/x.yaml' does not exist (a part of its path is a file, not a folder)"),
    ("sub", "extends: 'sub' is a folder, not a file"),
    ("missing.yaml", "extends: 'missing.yaml' is neither a preset (default, strict, relaxed) nor a file"),
    ("[strict]", "extends: extends must be a preset name"),
])
def test_extends_that_cannot_be_read_is_one_located_line(tmp_path, extends, message):
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    (tmp_path / "sub").mkdir()
    code, out, err = _config(tmp_path, f"extends: {extends}\n")
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert err.startswith("argmap: configuration error: .argmap.yaml:1:1: ") and message in err
    assert len(err) < 300  # a 4,000-character name is cut short


def test_an_extends_chain_deeper_than_the_stack_is_read(tmp_path):
    for i in range(300):
        (tmp_path / f"c{i}.yaml").write_text(f"extends: c{i + 1}.yaml\n" if i < 299 else "rules: {ARG304: off}\n")
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(120)  # far below the chain's length: reading must not recurse per file
    try:
        loaded = config.load(tmp_path / "c0.yaml")
    finally:
        sys.setrecursionlimit(previous)
    assert str(loaded.setting("ARG304").severity) == "off"


def test_an_extends_cycle_is_named(tmp_path):
    (tmp_path / "a.yaml").write_text("extends: b.yaml\n")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\n")
    with pytest.raises(config.ConfigError, match="`extends:` leads back to this file"):
        config.load((tmp_path / "a.yaml").resolve())


@pytest.mark.parametrize(("text", "name", "message"), [
    ("per-file-ignores: [a.yaml]\n", ".argmap.yaml", ".argmap.yaml:1:1: per-file-ignores: must map file patterns"),
    ("[tool.argmap]\nper-file-ignores = ['a.yaml']\n", "pyproject.toml", "[tool.argmap] per-file-ignores: must map"),
    ("[tool.argmap]\na = " + "[" * 5000 + "]" * 5000 + "\n", "pyproject.toml", "pyproject.toml: nested too deeply"),
    ('rules: {"\\n": 0}\n', ".argmap.yaml", ".argmap.yaml:1:9: rules.\\n: unknown rule '\\n'"),  # found by the long run
    ('[tool.argmap]\nrules = {"a\\u001b[2Jb" = "off"}\n', "pyproject.toml", "[tool.argmap] rules.a\\x1b[2Jb: unknown rule"),
    ("tool = 1  # [tool.argmap]\n", "pyproject.toml", None),
    ("[tool]\nargmap = 'strict'  # [tool.argmap\n", "pyproject.toml", "pyproject.toml: [tool.argmap] must be a table"),
    ("[tool.argmap]\nrules = {ARG304 = 'off'}\n" + "# padding\n" * 10, "pyproject.toml", None),
])
def test_odd_configurations_are_refused_in_one_line(tmp_path, text, name, message):
    code, out, err = _config(tmp_path, text, name)
    if message is None:
        assert code in (0, 1) and err == ""
    else:
        assert (code, out) == (2, "") and err.count("\n") == 1 and message in err, err


def test_a_pyproject_that_cannot_be_read_is_not_taken_for_the_configuration(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.argmap]\nextends = 'strict'\n")
    real_open = os.open

    def denied(path, *args, **kwargs):
        if str(path).endswith("pyproject.toml"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    assert config.find(tmp_path) is None
    with pytest.raises(config.ConfigError, match=r"pyproject\.toml: cannot be read: permission denied"):
        config.load(tmp_path / "pyproject.toml")
