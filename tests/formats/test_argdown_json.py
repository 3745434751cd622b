"""Argdown's JSON export, made by Argdown's own command line (`argdown json`, installed by `make test`) from the
committed .argdown files, imports to the map the .argdown file imports to: the same statements, word for word,
and the same relations and inferences."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.formats import detect, read_map
from tests.conftest import ROOT, needs_tool, run_cli
from tests.formats.test_roundtrip import canonical

CLI = ROOT / ".venv" / "argdown" / "node_modules" / ".bin" / "argdown"
needs_argdown = needs_tool(CLI.exists() and shutil.which("node"),
                           "Argdown's command line (`make test` installs it when npm is present)")
CORPUS = sorted((Path(__file__).parent / "corpus" / "argdown").glob("*.argdown"))
# Argdown's JSON says that words are bold or italic, not whether the author typed ** or __, * or _: the import
# writes ** and *, so the .argdown side is compared with its emphasis spelt that way (nothing else is changed).
EMPHASIS = re.compile(r"(?<![\w*\\])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def spelt_as_imported(text: str) -> str:
    def respell(match: re.Match[str]) -> str:
        mark = "**" if len(match.group(1)) == 2 else "*"
        return f"{mark}{match.group(2)}{mark}"

    return EMPHASIS.sub(respell, text)


def grouped(amap) -> dict[str, str]:
    return {s.text: amap.groups[s.group].label if s.group else "" for s in amap.statements.values()}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """The JSON export of each corpus file, by `argdown json` (one run for all of them)."""
    folder = tmp_path_factory.mktemp("argdown-json")
    for path in CORPUS:
        shutil.copy(path, folder / path.name)
    done = subprocess.run([str(CLI), "json", str(folder / "*.argdown"), str(folder)], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return folder


@needs_argdown
@pytest.mark.parametrize("source", CORPUS, ids=lambda p: p.name)
def test_the_json_export_imports_to_the_map_the_argdown_file_imports_to(source, exported):
    produced = exported / f"{source.stem}.json"
    assert detect(produced, produced.read_text(encoding="utf-8")).name == "argdown-json"
    from_text = read_map(source).amap
    from_json = read_map(produced).amap
    statements, inferences = canonical(from_text)
    assert canonical(from_json) == (frozenset(map(spelt_as_imported, statements)), frozenset(
        (frozenset(map(spelt_as_imported, premises)), relation,
         spelt_as_imported(target) if isinstance(target, str) else target)
        for premises, relation, target in inferences))
    # byte for byte, one statement for one statement
    assert sorted(s.text for s in from_json.statements.values()) == sorted(
        spelt_as_imported(s.text) for s in from_text.statements.values())
    # headings are groups, each statement in its own; Argdown's JSON has emoji codes drawn (:heart: is ❤)
    assert grouped(from_json) == {spelt_as_imported(text): label.replace(":heart:", "\u2764")
                                  for text, label in grouped(from_text).items()}


@needs_argdown
def test_argmap_import_reads_argdown_json_by_its_content_and_the_map_checks(exported, tmp_path):
    produced = exported / "state-censorship.json"
    code, out, err = run_cli("import", str(produced), "-o", str(tmp_path / "m"))
    assert code == 0, err
    assert "(argdown)" in out
    code, _, err = run_cli("check", "--no-config", str(tmp_path / "m/map.yaml"))
    assert code == 0, err


UNDERCUT = {
    "statements": {"P": {"members": [{"text": "P holds."}]}, "C": {"members": [{"text": "C holds."}]},
                   "U": {"members": [{"text": "The step does not follow."}]}},
    "arguments": {"A": {"members": [], "pcs": [{"title": "P", "role": "premise"},
                                               {"title": "C", "role": "main-conclusion",
                                                "inference": {"inferenceRules": ["Modus ponens"]}}]}},
    "relations": [{"relationType": "undercut", "from": "U", "fromType": "equivalence-class", "to": "A",
                   "toType": "inference", "conclusionIndex": 1},
                  {"relationType": "contradictory", "from": "U", "fromType": "equivalence-class", "to": "P",
                   "toType": "equivalence-class"}],
}


def test_an_undercut_of_an_inference_stays_an_undercut(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(UNDERCUT), encoding="utf-8")
    amap = read_map(tmp_path / "a.json").amap
    (step,) = amap.arguments
    assert amap.arguments[step].premises == ("p",) and amap.statements["u"].attacks == (step, "p")
    assert amap.statements["p"].attacks == ("u",)  # contradictory: each attacks the other
    assert amap.imported.kept["inferences"][step] == {"rules": "Modus ponens"}
