"""The Argdown argmap writes, read by Argdown's own command line (`@argdown/cli`, installed by `make test`):
the same statements, word for word, and the same relations and premise-conclusion structures."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from argmap.formats import Subject, lookup, read_map
from argmap.graph import build
from argmap.model import ArgumentMap
from tests.conftest import ROOT, needs_tool

CLI = ROOT / ".venv" / "argdown" / "node_modules" / ".bin" / "argdown"
pytestmark = needs_tool(CLI.exists() and shutil.which("node"),
                        "Argdown's command line (`make test` installs it when npm is present)")
HERE = Path(__file__).parent

TRICKY = ArgumentMap.from_data({"argmap": 1, "id": "tricky", "statements": {
    "t": {"text": "Cities should tax cars *by weight* [see #3] e.g. 1.5 t; a//b /* c */ <!-- d --> {e: 1}"},
    "a": {"text": "- Heavier cars kill more: .~. & :happy: @[x] <y> \\ back_slash", "supports": "t"},
    "b": {"text": "(1) It taxes families; 2. fairly?", "attacks": "t"},
    "c": {"text": "A rebate_per_child answers that.", "attacks": "b"},
    "p": {"text": "Roads wear 4^4 times faster."}, "q": {"text": "Road repair is paid by all."},
    "u": {"text": "Taxes are the wrong tool.", "attacks": "joint"},
    # Argdown reads === anywhere as front matter: each of these once lost a statement and its relations
    "f1": {"text": "--- ===", "supports": "t"}, "f2": {"text": "===", "attacks": "a"},
    "f3": {"text": "a ==== b = c == d =====", "supports": "f2"},
    "w": {"text": "Weight is not what wears roads.", "attacks": "a--support--t"},
    "m": {"text": "Mass matters.", "supports": ["t", "c"]}, "v": {"text": "Not here.", "attacks": "m--support--t"}},
    "arguments": {"joint": {"premises": ["p", "q"], "supports": "t"}}})


def maps() -> list[ArgumentMap]:
    from argmap.api import load

    return [TRICKY, load(ROOT / "models/capital-feast/map.yaml"),
            *(read_map(path).amap for path in sorted((HERE / "corpus").glob("*/*")) if path.suffix != ".md")]


def test_argdown_reads_what_argmap_writes(tmp_path):
    written = {}
    for amap in maps():
        text = lookup("argdown").write(Subject(None, amap, build(amap))).text
        (tmp_path / f"{amap.id}.argdown").write_text(text, encoding="utf-8")
        written[amap.id] = amap
    done = subprocess.run([str(CLI), "json", str(tmp_path / "*.argdown"), str(tmp_path / "out")], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    for name, amap in written.items():
        parsed = json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))
        expected = _ours(amap)
        got = _theirs(parsed, expected[2][1])
        if _strict(amap):
            expected, got = _unordered(expected), _unordered(got)
        assert got == expected, name


def _strict(amap: ArgumentMap) -> bool:
    model = amap.imported.kept.get("front-matter", {}).get("model") if amap.imported else None
    return isinstance(model, dict) and model.get("mode") == "strict"


def _unordered(found: tuple) -> tuple:
    """In strict mode Argdown reads a statement's attack on a statement as contrariness, which runs both ways:
    two statements that attack each other are one relation to it. Attacks are compared as unordered pairs."""
    texts, relations, structures = found
    return texts, {(frozenset((a, b)), kind, "") if kind == "attack" else (a, kind, b) for a, kind, b in relations}, \
        structures


def _ours(amap: ArgumentMap) -> tuple:
    from argmap.texts import pick_text

    default = amap.languages[0]
    titles = {k: amap.imported.ids.get(k, k) if amap.imported and amap.imported.format == "argdown" else k
              for k in [*amap.statements, *amap.arguments]}
    sketched = set(amap.imported.kept.get("arguments", ())) if amap.imported and amap.imported.format == "argdown" \
        else set()
    texts = {titles[sid]: " ".join(pick_text(s.text, None, default).split()) for sid, s in amap.statements.items()
             if sid not in sketched}
    relations = set()
    undercut_structures: dict[str, tuple[list[str], str]] = {}
    for sid, statement in amap.statements.items():
        for target in statement.supports:
            relations.add((titles[sid], "support", titles[target]))
        for target in statement.attacks:
            premise, _, concluded = target.partition("--support--")
            if concluded and premise in amap.statements and len(amap.statements[premise].supports) + len(
                    amap.statements[premise].attacks) > 1:  # written as a structure of its own, undercut by name
                relations.add((titles[sid], "undercut", target))
                undercut_structures[target] = ([titles[premise]], titles[concluded])
            elif "--" in target:
                relations.add((titles[sid], "undercut", titles[target.split("--")[0]]))
            else:
                kind = "undercut" if target in amap.arguments else "attack"
                relations.add((titles[sid], kind, titles[target]))
    # an argument Argdown cannot reconstruct (a linked attack) is written as a sketched one: a reported loss
    sketchy = {titles[aid] for aid, a in amap.arguments.items() if a.supports not in amap.statements}
    relations = {r for r in relations if r[2] not in sketchy}
    structures = {titles[aid]: ([titles[p] for p in a.premises], titles[a.target]) for aid, a in amap.arguments.items()
                  if titles[aid] not in sketchy}
    structures |= undercut_structures
    relations -= {(premises[0], "support", conclusion) for premises, conclusion in undercut_structures.values()}
    return texts, relations, (structures, sketchy)


def _theirs(parsed: dict, sketchy: set[str]) -> tuple:
    texts = {}
    for title, statement in parsed["statements"].items():
        members = [m for m in statement["members"] if m.get("text", "").strip()]
        if members:  # Argdown keeps tags in the text; argmap writes a statement's tags after it
            texts[title] = " ".join(_TRAILING_TAGS.sub("", members[0]["text"]).split())
    reconstructed = {title for title, a in parsed["arguments"].items() if a.get("pcs")}
    relations = {(r["from"], _STRICT.get(r["relationType"], r["relationType"]), r["to"]) for r in parsed["relations"]
                 if r["from"] not in reconstructed and r["to"] not in sketchy and r["from"] not in sketchy}
    structures = {}
    for title, argument in parsed["arguments"].items():
        pcs = argument.get("pcs") or []
        if pcs:
            structures[title] = ([s["title"] for s in pcs[:-1]], pcs[-1]["title"])
    return texts, relations, (structures, sketchy)


# a map whose front matter says `model: {mode: strict}` (the Semmelweis reconstruction) has Argdown name a
# statement's support and attack of a statement by their logical names, which argmap's import of its JSON reads so
_STRICT = {"entails": "support", "contrary": "attack"}
_TRAILING_TAGS = re.compile(r"(\s+#(\([^)]*\)|[\w-]+))+\s*$")


def test_an_undercut_under_a_statement_reads_as_argdown_reads_it(tmp_path):
    """`_ [Quotas]` under a statement that supports one other undercuts that support, as Argdown's own JSON says;
    written back, it is the same undercut; one under a statement that supports nothing is an attack, reported."""
    from argmap.formats import parse_map

    source = "[Thesis]: T\n  + [Reason]: R\n    _ [Quotas]: Q\n\n[Other]: O\n  _ [Alone]: A\n"
    (tmp_path / "u.argdown").write_text(source, encoding="utf-8")
    done = subprocess.run([str(CLI), "json", str(tmp_path / "u.argdown"), str(tmp_path / "out")], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    theirs = json.loads((tmp_path / "out" / "u.json").read_text(encoding="utf-8"))
    assert {(r["from"], r["relationType"], r["to"]) for r in theirs["relations"]} == {
        ("Quotas", "undercut", "Reason"), ("Reason", "support", "Thesis"), ("Alone", "undercut", "Other")}
    for reading in (parse_map(source.encode(), "u.argdown"), read_map(tmp_path / "out" / "u.json")):
        amap = reading.amap
        assert amap.statements["quotas"].attacks == ("reason--support--thesis",)
        assert amap.statements["alone"].attacks == ("other",)
        assert [(loss.what, loss.where) for loss in reading.losses] in ([("undercut", "6:3")],
                                                                        [("undercut", "$.relations[2]")])
    amap = parse_map(source.encode(), "u.argdown").amap
    written = lookup("argdown").write(Subject(None, amap, build(amap)))
    assert "[Quotas]: Q\n  _> [Reason]\n" in written.text and not written.losses
    assert parse_map(written.text.encode(), "u.argdown").amap.statements["quotas"].attacks == (
        "reason--support--thesis",)


KEPT = """===
title: Kept
mode: strict
===

[A]: first wording {x: 1, list: [a, 2.5, null], yes: yes, t: 12:30, o: 0o17, e: 1e3, q: "1e3", on: On}
  + [B]: b

[A]: second wording of A

<Sketch>: a sketch {k: v}
  +> [C]

<Steps>: in two steps {weight: 2}

(1) [P]: p
(2) [Q]: q
-- first rule {uses: [2]} --
(3) [I]: i
(4) [R]: r
--
second, third {uses: [3, 4], note: hi}
--
(5) [C]: c
"""


def argdown_json(tmp_path: Path, name: str, text: str) -> dict:
    (tmp_path / f"{name}.argdown").write_text(text, encoding="utf-8")
    done = subprocess.run([str(CLI), "json", str(tmp_path / f"{name}.argdown"), str(tmp_path / "out")], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))


def test_what_an_import_kept_of_each_statement_argument_and_inference_is_written_back(tmp_path):
    """Data after a statement or an argument, a statement's other wordings, and an inference's rules and data
    (on one line or on several) are kept as Argdown reads them and written back, so that Argdown reads them as
    it read the original; `uses` numbers the premises of each inference as it is written."""
    from argmap.formats import parse_map

    reading = parse_map(KEPT.encode(), "kept.argdown")
    amap = reading.amap
    assert amap.arguments["steps-step-1"].premises == ("q",)  # `uses: [2]` on the one-line inference
    assert amap.statements["q"].text == "q"
    written = lookup("argdown").write(Subject(None, amap, build(amap)))
    assert not written.losses
    theirs, ours = argdown_json(tmp_path, "kept", KEPT), argdown_json(tmp_path, "written", written.text)

    def kept_of(model: dict) -> tuple:
        statements = {title: (s.get("data"), sorted(m["text"].strip() for m in s["members"] if m.get("text")))
                      for title, s in model["statements"].items()}
        arguments = {title: a.get("data") for title, a in model["arguments"].items() if a.get("data")}
        inferences = sorted((step["inference"]["inferenceRules"],
                             {k: v for k, v in (step["inference"].get("data") or {}).items() if k != "uses"})
                            for a in model["arguments"].values() for step in a.get("pcs", [])
                            if step.get("inference", {}).get("inferenceRules"))
        return statements, arguments, inferences

    assert kept_of(ours) == kept_of(theirs)
    # Argdown reads YAML 1.2 (js-yaml): `yes` and `12:30` are text, `0o17` and `1e3` numbers; argmap keeps that
    data = {"x": 1, "list": ["a", 2.5, None], "yes": "yes", "t": "12:30", "o": 15, "e": 1000, "q": "1e3", "on": "On"}
    assert kept_of(theirs)[0]["A"] == (data, ["first wording", "second wording of A"])
    assert amap.imported.kept["data"]["a"] == [data]
    assert len(kept_of(theirs)[2]) == 2
    again = parse_map(written.text.encode(), "written.argdown").amap
    assert (again.statements, again.arguments) == (amap.statements, amap.arguments)
    assert again.imported.kept["data"] == amap.imported.kept["data"]
    assert again.imported.kept["members"] == amap.imported.kept["members"]
