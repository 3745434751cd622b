"""One verdict wherever a map is checked: the configuration is found from the map's own folder upward."""

from __future__ import annotations

import json

import argmap
from argmap.pipeline import checked_map
from tests.conftest import run_cli, write_tree

# A map whose thesis nothing supports (ARG304, a warning by default) and with two theses at most allowed.
MAP = "argmap: 1\nid: m\nstatements:\n  t: {role: thesis, text: Cities should tax cars by weight.}\n"
CONFIG = "rules:\n  unsupported-claim: error\n  thesis-count: {max: 2}\n"
TREE = {"maps/map.yaml": MAP, "maps/.argmap.yaml": CONFIG, "other/map.yaml": MAP}


def test_check_from_the_top_obeys_each_maps_own_configuration(tmp_path):
    write_tree(tmp_path, TREE)
    code, out, err = run_cli("check", "-f", "parsable", "maps", "other", cwd=tmp_path)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "maps/map.yaml:4:3: error ARG304 thesis 't' has no support or evidence [unsupported-claim]",
        "other/map.yaml:4:3: warning ARG304 thesis 't' has no support or evidence [unsupported-claim]"]
    # Named on the command line, one file applies to every map, as before.
    code, out, _ = run_cli("check", "-f", "parsable", "--config", "maps/.argmap.yaml", "other", cwd=tmp_path)
    assert " error ARG304 " in out


def test_the_api_and_the_composition_layer_obey_it_too(tmp_path, monkeypatch):
    write_tree(tmp_path, TREE)
    monkeypatch.chdir(tmp_path)
    assert [str(d.severity) for d in argmap.check("maps").diagnostics] == ["error"]
    assert [str(d.severity) for d in argmap.check("other").diagnostics] == ["warning"]
    assert [str(d.severity) for d in argmap.check("maps", config=False).diagnostics] == ["warning"]
    amap = argmap.load("maps/map.yaml")
    assert [str(d.severity) for d in argmap.check(amap).diagnostics] == ["error"]
    checked = checked_map("maps/map.yaml", allow_errors=True)
    assert [str(d.severity) for d in checked.diagnostics] == ["error"]


def test_a_wrong_configuration_beside_a_map_is_a_usage_error(tmp_path):
    write_tree(tmp_path, {**TREE, "maps/.argmap.yaml": "rules:\n  unsupported-claim: loud\n"})
    code, out, err = run_cli("check", "maps", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith("argmap: configuration error: ") and "maps/.argmap.yaml:2:3: rules.unsupported-claim: rule ARG304 (unsupported-claim): unknown severity" in err


def test_init_writes_the_configuration_that_check_then_finds(tmp_path):
    assert run_cli("init", "maps", cwd=tmp_path)[0] == 0
    (tmp_path / "maps" / ".argmap.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "maps" / "map.yaml").write_text(MAP, encoding="utf-8")
    code, out, _ = run_cli("check", "-f", "parsable", "maps/", cwd=tmp_path)
    assert code == 1 and " error ARG304 " in out


def test_config_says_which_file_applies_and_what_it_changes(tmp_path):
    write_tree(tmp_path, TREE)
    assert run_cli("config", "maps/map.yaml", cwd=tmp_path) == (0, (
        "maps/map.yaml: configured by maps/.argmap.yaml (the nearest from maps upward)\n"
        "\n"
        "rules changed from their defaults:\n"
        "  ARG203 thesis-count           error    min=0, max=2\n"
        "  ARG304 unsupported-claim      error\n"), "")
    assert run_cli("config", "other", cwd=tmp_path) == (
        0, "other: no configuration file from other upward; the defaults apply\n", "")
    code, out, _ = run_cli("config", "-f", "json", "maps", cwd=tmp_path)
    found = json.loads(out)
    assert code == 0 and found["configuration"].endswith(".argmap.yaml") and set(found["rules"]) == {"ARG203", "ARG304"}
    code, _, err = run_cli("config", "missing", cwd=tmp_path)
    assert (code, err) == (2, "argmap config: missing: no such file or folder\n")
