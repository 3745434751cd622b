"""Argument schemes through AIF, OVA3 and xAIF: node texts and AIFdb's scheme numbers map to catalogue schemes,
export writes them back, and OVA3's critical-question answers survive, proven on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.formats import read_map
from argmap.model import ArgumentMap
from argmap.schemes import shipped
from argmap.schemes.uses import resolve

HERE = Path(__file__).parent
DUNGEONS = HERE / "corpus" / "ova" / "dungeons-and-dragons.json"


def _export(amap: ArgumentMap, form: str) -> dict:
    written = argmap.export(amap, form)
    return json.loads(written if isinstance(written, str) else written.text)


def test_a_real_ova3_analysis_imports_with_its_schemes():
    # Jacky Visser's OVA3 analysis: RA nodes named by scheme, AIFdb numbers in `schemefulfillments`.
    amap = read_map(DUNGEONS).amap
    original = json.loads(DUNGEONS.read_text(encoding="utf-8"))["AIF"]
    ids = {v: k for k, v in amap.imported.ids.items()}
    found = {node["text"]: amap.arguments[ids[node["nodeID"]]].scheme
             for node in original["nodes"] if node["type"] == "RA"}
    assert found == {"Consequences": "consequences", "Analogy": "analogy", "Verbal Classification":
                     "verbal-classification", "Sign": "sign", "Expert Opinion": "expert-opinion",
                     "Correlation To Cause": "correlation-to-cause"}
    assert all(a.label is None for a in amap.arguments.values())
    conflicts = [a for a in amap.arguments.values() if a.attacks is not None]
    assert conflicts and all(a.scheme is None for a in conflicts)  # "Default Conflict" names no scheme
    uses = resolve(amap, shipped()).uses
    assert len(uses) == 9 and all(use.spec is not None for use in uses.values())


def test_the_ova3_analysis_goes_back_to_ova3_as_it_came():
    original = json.loads(DUNGEONS.read_text(encoding="utf-8"))
    back = _export(read_map(DUNGEONS).amap, "ova")
    def by_id(nodes):  # statements are written before inferences: the same nodes, in another order
        return sorted(nodes, key=lambda node: node["nodeID"])

    assert by_id(back["AIF"]["nodes"]) == by_id(original["AIF"]["nodes"])
    assert back["AIF"]["schemefulfillments"] == original["AIF"]["schemefulfillments"]
    assert sorted((e["fromID"], e["toID"]) for e in back["AIF"]["edges"]) == \
        sorted((e["fromID"], e["toID"]) for e in original["AIF"]["edges"])
    assert "wrapper" not in back["AIF"] and back["Skeptic"] == original["Skeptic"]


def test_plain_aif_export_writes_aifdb_scheme_fields():
    document = _export(read_map(DUNGEONS).amap, "aif")
    expert = next(n for n in document["nodes"] if n.get("text") == "Expert Opinion")
    assert (expert["type"], expert["scheme"], expert["schemeID"]) == ("RA", "Argument From Expert Opinion", "15")


def test_a_scheme_name_as_aifdb_and_the_argument_mining_pipeline_write_it():
    # AIFdb's own names ("Argument From Sign", in the committed OVA3 file), ARG-tech's scheme classifier's
    # lowercase ones, and "Default Inference" (nodeset 6064), which names none.
    assert read_map(HERE / "corpus" / "ova" / "because-b.json").amap.arguments["for-the-bridge-must-be"].scheme == "sign"
    assert {a.scheme for a in read_map(HERE / "corpus" / "aif" / "nodeset6064.json").amap.arguments.values()} == {None}
    catalogue = shipped()
    assert [catalogue.from_aif(name) for name in ("expert opinion", "direct ad hominem", "best explanation", "waste",
                                                 "sunk costs", "threat")] == [
        "expert-opinion", "ad-hominem", "best-explanation", "sunk-costs", "sunk-costs", None]


MAP = {
    "argmap": 1,
    "statements": {
        "t": {"role": "thesis", "text": "The rituals are authentic"},
        "said": {"text": "A former high priest says so"},
        "priest": {"text": "He practised for eleven years", "by": "analyst"},
        "record": {"text": "His coven's records confirm it", "answers": {"a": ["evidence", "expertise"]}},
        "signs": {"text": "The books contain rituals", "supports": "t", "scheme": "sign"},
    },
    "arguments": {"a": {"premises": ["said", "priest"], "supports": "t", "scheme": "expert-opinion",
                        "roles": {"assertion": "said", "expertise": "priest"}}},
}


@pytest.mark.parametrize("form", ["ova", "xaif", "aif"])
def test_schemes_and_answers_round_trip_through_each_aif_form(form, tmp_path):
    amap = ArgumentMap.from_data(MAP)
    document = _export(amap, form)
    aif = document["AIF"] if form != "aif" else document
    by_text = {n["text"]: n for n in aif["nodes"]}
    assert by_text["Argument From Expert Opinion"]["type"] == by_text["Argument From Sign"]["type"] == "RA"
    if form != "aif":
        assert {(e["nodeID"], e["schemeID"]) for e in aif["schemefulfillments"]} == {("a", "15"), ("signs--support--t", "30")}
        # AIFdb's descriptor numbers of expert opinion's questions: 61 (evidence) and 59 (credibility)
        assert sorted((e["nodeID"], e["descriptorID"], e["selectedID"]) for e in aif["cqdescriptorfulfillments"]) == [
            ("a", "59", "record"), ("a", "61", "record")]
    path = tmp_path / f"map.{form}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    back = read_map(path, form).amap
    ids = {v: k for k, v in back.imported.ids.items()}
    assert back.arguments[ids["a"]].scheme == "expert-opinion"
    assert back.arguments[ids["signs--support--t"]].scheme == "sign"
    if form != "aif":  # plain AIF has no place for answers
        answers = back.statements[ids["record"]].answers
        assert list(answers) == [ids["a"]] and set(answers[ids["a"]]) == {"evidence", "expertise"}


def test_an_ova3_answer_selecting_a_premise_gives_its_role(tmp_path):
    document = _export(ArgumentMap.from_data(MAP), "ova")
    # OVA3 fills a premise descriptor that asks a question (62: "What did E assert that implies A?") with
    # the premise itself: that is the premise's role, not an answer.
    document["AIF"]["cqdescriptorfulfillments"].append({"nodeID": "a", "descriptorID": "62", "selectedID": "said"})
    document["AIF"]["cqdescriptorfulfillments"].append({"nodeID": "a", "descriptorID": "999", "selectedID": "said"})
    path = tmp_path / "map.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    back = read_map(path, "ova").amap
    ids = {v: k for k, v in back.imported.ids.items()}
    assert back.arguments[ids["a"]].roles["assertion"] == ids["said"]
    assert back.statements[ids["said"]].answers is None
    # what argmap cannot read is kept, and written back as it was
    assert back.imported.kept["cqdescriptorfulfillments"] == [{"nodeID": "a", "descriptorID": "999", "selectedID": "said"}]
    again = _export(back, "ova")["AIF"]["cqdescriptorfulfillments"]
    assert {"nodeID": "a", "descriptorID": "999", "selectedID": "said"} in again


def test_the_catalogue_numbers_expert_opinion_questions_as_aifdb_does():
    # AIFdb's form edges of scheme 15 (as OVA3 received them): each question the catalogue numbers is the one
    # AIFdb asks under that number.
    edges = json.loads((HERE / "aifdb" / "scheme-15-formedges.json").read_text(encoding="utf-8"))["formedges"]
    asked = {int(e["descriptorID"]): e for e in edges if e["CQ"] is not None or e["formEdgeTypeID"] in ("3", "4")}
    spec = shipped().schemes["expert-opinion"]
    assert shipped().aif_number("expert-opinion") == int(edges[0]["schemeID"]) == 15
    numbered = {q.aif[0]: qid for qid, q in spec.questions.items() if q.aif}
    assert set(numbered) == set(asked)
    assert asked[61]["name"] == "ExpertiseBackUpEvidence" and numbered[61] == "evidence"
    assert asked[60]["name"] == "ExpertiseInconsistency" and numbered[60] == "consistency"
    assert asked[60]["formEdgeTypeID"] == "4" and spec.questions["consistency"].type == "exception"
    assert asked[63]["name"] == "FieldExpertise" and numbered[63] == "field"
    assert asked[62]["name"] == "KnowledgeAssertion" and numbered[62] == "opinion"


HOSTILE = {"nodes": [{"nodeID": "1", "text": "Claim", "type": "I"}, {"nodeID": "2", "text": "Premise", "type": "I"},
                     {"nodeID": "3", "text": "Default Inference", "type": "RA"}],
           "edges": [{"edgeID": "e1", "fromID": "2", "toID": "3"}, {"edgeID": "e2", "fromID": "3", "toID": "1"}],
           "locutions": []}


@pytest.mark.parametrize("extra", [
    {"schemefulfillments": 5}, {"cqdescriptorfulfillments": 5}, {"schemefulfillments": {"3": "15"}},
    {"schemefulfillments": [{"nodeID": "3", "schemeID": "²"}]},  # a digit to str.isdigit, not to int()
    {"schemefulfillments": [{"nodeID": "3", "schemeID": "9" * 5000}]},  # over int()'s limit of digits
], ids=["fulfilments-a-number", "answers-a-number", "fulfilments-a-mapping", "superscript-id", "huge-id"])
@pytest.mark.parametrize("form", ["aif", "ova"])
def test_scheme_fields_of_any_shape_import_and_go_back_as_they_came(extra, form, tmp_path):
    document = {**HOSTILE, **extra}
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document if form == "aif" else {"AIF": document, "OVA": {}}), encoding="utf-8")
    back = read_map(path, form).amap
    assert [a.scheme for a in back.arguments.values()] == [None]
    written = _export(back, form)
    again = written if form == "aif" else written["AIF"]
    for key, value in extra.items():
        assert again[key] == value


@pytest.mark.parametrize("form", ["aif", "ova", "xaif"])
def test_a_scheme_argmap_does_not_ship_is_a_loss_of_the_export(form):
    amap = ArgumentMap.from_data({"argmap": 1, "statements": {
        "t": {"text": "T"}, "s": {"text": "S", "supports": "t", "scheme": "market-signal"},
        "w": {"text": "W", "supports": "t", "scheme": "sign"}}})
    written = argmap.export(amap, form)
    assert [(loss.what, loss.where) for loss in written.losses if loss.what == "schemes"] == [
        ("schemes", "'s--support--t'")]
