"""SARIF output against the SARIF 2.1.0 object model (sarif-pydantic), with no field the model lacks."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pydantic
from sarif_pydantic import Sarif

from tests.conftest import ROOT, run_cli

BROKEN = """\
argmap: 1
statements:
  thesis: {role: thesis, text: T}
  stray: {text: S, supports: [thesiss]}
  bare: {text: B, supports: thesis}
  a: {text: A, supports: b}
  b: {text: B, supports: a}
"""


def _unknown_fields(model: type[pydantic.BaseModel], data: object, where: str = "") -> list[str]:
    """Keys of ``data`` that the SARIF model does not define (sarif-pydantic itself allows extras)."""
    if not isinstance(data, dict):
        return []
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    fields.update({name: info for name, info in model.model_fields.items()})
    found = []
    for key, value in data.items():
        if key == "$schema" and model is Sarif:
            continue
        info = fields.get(key)
        if info is None:
            found.append(f"{where}.{key}")
            continue
        for inner in _models(info.annotation):
            items = value if isinstance(value, list) else [value]
            for index, item in enumerate(items):
                found += _unknown_fields(inner, item, f"{where}.{key}[{index}]")
    return found


def _models(annotation: object) -> list[type[pydantic.BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def test_sarif_fits_the_sarif_2_1_0_object_model(tmp_path):
    (tmp_path / "map.yaml").write_text(BROKEN, encoding="utf-8")
    code, out, _ = run_cli("check", "-f", "sarif", "--no-config", "map.yaml", cwd=tmp_path)
    document = json.loads(out)
    log = Sarif.model_validate(document)
    assert code == 1 and log.version == "2.1.0"
    assert _unknown_fields(Sarif, document) == []
    [run] = document["runs"]
    assert {r["ruleId"] for r in run["results"]} >= {"ARG101", "ARG201"}
    cycle = next(r for r in run["results"] if r["ruleId"] == "ARG201")
    assert cycle["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 7
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["help"]["markdown"].startswith(f"## {rule['id']} {rule['name']}")


def test_sarif_paths_are_relative_to_the_repository_root_wherever_argmap_runs(tmp_path):
    (tmp_path / ".git").mkdir()  # the repository's top
    maps = tmp_path / "docs" / "maps"
    maps.mkdir(parents=True)
    (maps / "map.yaml").write_text(BROKEN, encoding="utf-8")
    for cwd, given in ((maps, "map.yaml"), (tmp_path, "docs/maps/map.yaml"), (tmp_path / "docs", "maps")):
        _, out, _ = run_cli("check", "-f", "sarif", "--no-config", given, cwd=cwd)
        uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                for result in json.loads(out)["runs"][0]["results"] for loc in result["locations"]}
        assert uris == {"docs/maps/map.yaml"}, cwd


def test_the_essay_in_sarif(tmp_path):
    code, out, _ = run_cli("check", "-f", "sarif", "--no-config", str(ROOT / "models"), cwd=Path(ROOT))
    assert code == 0 and _unknown_fields(Sarif, json.loads(out)) == []
