"""The scheme catalogue: every scheme complete in three languages, docs/schemes.md current, teams' schemes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap import config
from argmap.schemes import CATALOGUE_FILE, shipped, text_of
from argmap.schemes.docs import LANGUAGES, catalogue_markdown
from argmap.schemes.uses import resolve
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
SCHEMES = list(shipped().schemes.items())


def test_the_catalogue_has_the_schemes_aifdb_corpora_use_most():
    catalogue = shipped()
    assert len(catalogue.schemes) >= 25
    for sid in ("expert-opinion", "position-to-know", "witness-testimony", "popular-opinion", "example", "analogy",
                "cause-to-effect", "correlation-to-cause", "sign", "verbal-classification", "positive-consequences",
                "negative-consequences", "practical-reasoning", "values", "commitment", "ad-hominem",
                "slippery-slope", "precedent", "established-rule"):
        assert sid in catalogue, sid


@pytest.mark.parametrize(("sid", "spec"), SCHEMES, ids=[sid for sid, _ in SCHEMES])
def test_each_scheme_is_whole_in_english_french_and_japanese(sid, spec):
    texts = [spec.name, spec.short, spec.about, spec.conclusion, *spec.roles.values(),
             *(q.text for q in spec.questions.values())]
    for text in texts:
        assert isinstance(text, dict) and set(text) == set(LANGUAGES), (sid, text)
        assert all(value.strip() for value in text.values())
    assert len(spec.questions) >= 2 and {q.type for q in spec.questions.values()} <= {"assumption", "exception"}
    assert any(q.type == "assumption" for q in spec.questions.values()), sid
    assert all(text_of(q.text, "en").endswith("?") for q in spec.questions.values())
    assert all(text_of(q.text, "ja").endswith(("。", "か")) for q in spec.questions.values())
    references = shipped().references
    assert spec.cite and all(cite.split()[0] in references for cite in spec.cite), sid
    assert spec.aif.names, f"{sid} has no AIF name to be imported by"


def test_aif_names_are_unique_across_the_catalogue():
    catalogue = shipped()
    for sid, spec in SCHEMES:
        for name in spec.aif.names:
            assert catalogue.from_aif(name) == sid, name
    assert catalogue.from_aif("ARGUMENT FROM  expert-opinion") == "expert-opinion"
    assert catalogue.from_aif("Default Inference") is None and catalogue.from_aif(None) is None


def test_docs_schemes_md_is_generated_from_the_catalogue():
    committed = (ROOT / "docs" / "schemes.md").read_text(encoding="utf-8")
    assert committed == catalogue_markdown(shipped()), "docs/schemes.md is stale: run `make docs`"


def test_the_editor_schema_offers_the_catalogue():
    schema = json.loads((ROOT / "docs" / "argmap.schema.json").read_text(encoding="utf-8"))
    for model in ("Statement", "Argument"):
        assert schema["$defs"][model]["properties"]["scheme"]["examples"] == [sid for sid, _ in SCHEMES]
    assert {"raises", "answers", "scheme-role"} <= set(schema["$defs"]["Statement"]["properties"])
    assert "roles" in schema["$defs"]["Argument"]["properties"]


def test_schemes_command_lists_and_shows(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("schemes")
    assert (code, err) == (0, "") and len(out.splitlines()) == len(SCHEMES)
    assert out.startswith("expert-opinion ") and "4 assumptions, 2 exceptions" in out.splitlines()[0]
    code, out, err = run_cli("schemes", "sign", "--lang", "fr")
    assert code == 0 and out.startswith("sign: Argument par le signe\n")
    assert "  other-explanations (exception): Autre chose que A pourrait-il expliquer B ici ?" in out
    assert run_cli("schemes", "expert-opinon") == (2, "", "argmap schemes: unknown scheme 'expert-opinon'; did you"
                                                         " mean 'expert-opinion'?\n")
    code, out, _ = run_cli("schemes", "sign", "-f", "json")
    assert code == 0 and json.loads(out)["sign"]["questions"]["strength"]["type"] == "assumption"



def test_schemes_in_a_language_no_scheme_is_written_in_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_cli("schemes", "--lang", "fe") == (2, "", "argmap schemes: no scheme has a text in 'fe'; they are"
                                                         " written in en, fr, ja; did you mean 'fr'?\n")
    (tmp_path / ".argmap.yaml").write_text(
        "schemes:\n  rumour:\n    name: {en: Rumour, de: Gerücht}\n    short: {en: rumour, de: Gerücht}\n"
        "    roles: {claim: {en: Someone says A}}\n    conclusion: {en: A}\n", encoding="utf-8")
    code, out, err = run_cli("schemes", "--lang", "de")  # a team's own scheme brings its language
    assert (code, err) == (0, "") and "Gerücht" in out


def test_the_listing_lines_up_japanese_names_by_the_columns_they_take(tmp_path, monkeypatch):
    from argmap.texts import width

    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("schemes", "--lang", "ja")
    assert code == 0 and len({width(line.split(" roles:")[0]) for line in out.splitlines()}) == 1

SCHEMES_FILE = """\
references:
  house: Our own guide to market arguments (2026).
schemes:
  market-signal:
    name: {en: Argument from a market signal}
    short: market signal
    roles: {signal: The market shows S}
    conclusion: Investors expect C
    questions:
      noise: {type: exception, text: Is S noise?}
      liquidity: {type: assumption, text: {en: Is the market liquid?, fr: Le marché est-il liquide ?}}
    cite: [house]
  sign:
    name: Argument from sign (our version)
    short: sign
    roles: {finding: B is found}
    conclusion: A holds
    questions:
      base-rate: {type: assumption, text: How often does B occur without A?}
"""
INLINE = "schemes:\n" + SCHEMES_FILE.split("schemes:\n", 1)[1]


def test_a_team_adds_and_overrides_schemes_in_a_file(tmp_path, monkeypatch):
    (tmp_path / "ours.yaml").write_text(SCHEMES_FILE, encoding="utf-8")
    (tmp_path / ".argmap.yaml").write_text("schemes: ours.yaml\n", encoding="utf-8")
    catalogue = config.load(tmp_path / ".argmap.yaml").schemes
    assert "market-signal" in catalogue and list(catalogue.schemes["sign"].questions) == ["base-rate"]
    assert catalogue.origins["sign"] == "ours.yaml" and catalogue.origins["analogy"] == "argmap"
    assert "house" in catalogue.references and len(catalogue.schemes) == len(SCHEMES) + 1
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("schemes")
    assert code == 0 and "market-signal" in out and "(ours.yaml)" in out


def test_a_team_defines_schemes_inline_and_the_map_checks_against_them(tmp_path):
    (tmp_path / ".argmap.yaml").write_text(INLINE, encoding="utf-8")
    settings = config.load(tmp_path / ".argmap.yaml")
    from argmap.model import ArgumentMap

    amap = ArgumentMap.from_data({"argmap": 1, "statements": {
        "t": {"role": "thesis", "text": "T"}, "s": {"text": "S", "supports": "t", "scheme": "market-signal"},
        "q": {"text": "Q", "answers": {"s--support--t": "liquidity"}}}})
    use = resolve(amap, settings.schemes).uses["s--support--t"]
    assert [(q.id, q.status) for q in use.questions] == [("noise", "open"), ("liquidity", "answered")]
    assert use.open_questions() == []


@pytest.mark.parametrize(("content", "message"), [
    ("schemes:\n  bad id: {}\n", ".argmap.yaml:2:3: schemes.bad id: 'bad id' is not a valid id"),
    ("schemes:\n  x:\n    name: X\n    short: x\n    roles: {}\n    conclusion: C\n",
     ".argmap.yaml:5:5: schemes.x.roles: must not be empty"),
    ("schemes: [missing.yaml]\n", "missing.yaml"),
    ("rules: {}\nschemes:\n  - missing.yaml\n", ".argmap.yaml:3:5: schemes.0: "),  # at the entry that names it
    ("schemes: missing.yaml\n", ".argmap.yaml:1:1: schemes: "),
    ("schemes: 3\n", ".argmap.yaml:1:1: schemes: must map scheme ids to definitions, or name files of schemes"),
])
def test_a_mistake_in_a_team_scheme_is_a_located_configuration_error(tmp_path, content, message):
    (tmp_path / ".argmap.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(config.ConfigError) as raised:
        config.load(tmp_path / ".argmap.yaml")
    assert message in str(raised.value)


def test_a_mistake_in_a_schemes_file_names_its_line(tmp_path):
    (tmp_path / "ours.yaml").write_text("schemes:\n  x:\n    name: X\n    short: x\n    roles: {a: A}\n"
                                        "    conclusion: C\n    questions:\n      q: {type: maybe, text: Q?}\n",
                                        encoding="utf-8")
    (tmp_path / ".argmap.yaml").write_text("schemes: [ours.yaml]\n", encoding="utf-8")
    with pytest.raises(config.ConfigError, match=r"^.*ours\.yaml:8:\d+: schemes\.x\.questions\.q\.type: "):
        config.load(tmp_path / ".argmap.yaml")


def test_the_shipped_catalogue_is_package_data():
    assert CATALOGUE_FILE.name == "catalogue.yaml" and CATALOGUE_FILE.parent.name == "schemes"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"schemes/*.yaml"' in pyproject


def test_only_the_first_hundred_references_to_no_inference_get_a_suggestion():
    # each "did you mean" compares the reference with every inference: bounded, so that a map of many such
    # references resolves in linear time (the first findings are the ones a person reads)
    from argmap.model import ArgumentMap
    from argmap.schemes.uses import SUGGESTIONS

    statements: dict = {"t": {"role": "thesis", "text": "T"}}
    for i in range(SUGGESTIONS + 5):
        statements[f"p{i}"] = {"text": "P", "supports": "t", "scheme": "sign"}
        statements[f"a{i}"] = {"text": "A", "answers": {f"q{i}--support--t": ["strength"]}}
    problems = resolve(ArgumentMap.from_data({"argmap": 1, "statements": statements}), shipped()).problems
    assert len(problems) == SUGGESTIONS + 5
    assert problems[0].message == ("answers questions of 'q0--support--t', which is not an inference with a scheme;"
                                   " did you mean 'p0--support--t'?")
    assert [p.message.endswith("?") for p in problems] == [True] * SUGGESTIONS + [False] * 5
    assert problems[-1].message == f"answers questions of 'q{SUGGESTIONS + 4}--support--t', which is not an" \
                                   " inference with a scheme"
