"""A scheme on the drawing: its short name and open questions on the junction, answers drawn to it, and the
page's data listing each question with its status."""

from __future__ import annotations

import json

import argmap
from argmap.diagram.data import page_data
from argmap.diagram.drawing import prepare
from argmap.model import ArgumentMap

MAP = {
    "argmap": 1, "languages": ["en", "fr", "ja"],
    "statements": {
        "t": {"role": "thesis", "text": "Valuations are too high"},
        "quote": {"text": "The analyst says so"},
        "record": {"text": "The analyst has covered the sector for years"},
        "filings": {"text": "The figures come from filings", "answers": {"a": ["evidence", "opinion"]}},
        "rival": {"text": "Another analyst disagrees", "attacks": "a", "raises": "consistency"},
        "talks": {"text": "First-hand talks with investors", "supports": "t", "scheme": "position-to-know"},
    },
    "arguments": {"a": {"premises": ["quote", "record"], "supports": "t", "scheme": "expert-opinion"}},
}


def test_the_junction_shows_the_scheme_and_its_open_assumptions_in_each_language():
    drawing = prepare(ArgumentMap.from_data(MAP))
    nodes = {node.id: node for node in drawing.view("en").nodes}
    assert nodes["a"].caption == ("‹expert opinion›", "2 open")
    # a one-premise relation with a scheme is drawn with a junction, to carry its name
    assert nodes["talks--support--t"].kind == "junction"
    assert nodes["talks--support--t"].caption == ("‹position to know›", "2 open")
    assert {n.id: n for n in drawing.view("fr").nodes}["a"].caption == ("‹avis d'expert›", "2 en suspens")
    assert {n.id: n for n in drawing.view("ja").nodes}["a"].caption == ("‹専門家の意見›", "未解決2")


def test_a_statement_that_answers_a_question_is_drawn_answering_the_junction():
    edges = {(e.source, e.target, e.relation) for e in prepare(ArgumentMap.from_data(MAP)).view("en").edges}
    assert ("filings", "a", "answer") in edges and ("rival", "a", "undercut") in edges


def test_answered_questions_leave_no_count():
    answered = {**MAP, "statements": {**MAP["statements"], "more": {
        "text": "The analyst is ranked first", "answers": {"a": ["expertise", "field"]}}}}
    nodes = {node.id: node for node in prepare(ArgumentMap.from_data(answered)).view("en").nodes}
    assert nodes["a"].caption == ("‹expert opinion›",)


def test_the_dot_source_carries_the_caption():
    source = argmap.render(ArgumentMap.from_data(MAP), "dot").decode("utf-8")
    assert "‹expert opinion›\\n2 open" in source


def test_the_page_data_lists_each_question_with_its_status_and_statements():
    entry = page_data(prepare(ArgumentMap.from_data(MAP)))["nodes"]["a"]["scheme"]
    assert entry["id"] == "expert-opinion" and entry["short"]["fr"] == "avis d'expert"
    assert entry["roles"] == {"assertion": "quote", "expertise": "record"} and entry["missing"] == []
    questions = {q["id"]: q for q in entry["questions"]}
    assert questions["evidence"] == {"id": "evidence", "type": "assumption", "status": "answered",
                                     "text": questions["evidence"]["text"], "answered_by": ["filings"],
                                     "raised_by": []}
    assert set(questions["evidence"]["text"]) == {"en", "fr", "ja"}
    assert questions["consistency"]["status"] == "raised" and questions["consistency"]["raised_by"] == ["rival"]
    assert questions["expertise"]["status"] == "open"
    talks = page_data(prepare(ArgumentMap.from_data(MAP)))["nodes"]["talks--support--t"]["scheme"]
    assert talks["roles"] == {"assertion": "talks"} and talks["missing"] == ["position"]


def test_render_lets_questions_count_in_the_drawn_evaluation(tmp_path):
    import json

    from tests.conftest import run_cli

    (tmp_path / "map.yaml").write_text(json.dumps(MAP), encoding="utf-8")
    code, _, err = run_cli("render", "map.yaml", "--eval", "grounded", "-o", "plain.dot", cwd=tmp_path)
    assert (code, err) == (0, "")
    code, _, err = run_cli("render", "map.yaml", "--eval", "grounded", "--questions", "-o", "counted.dot", cwd=tmp_path)
    assert (code, err) == (0, "")
    plain, counted = ((tmp_path / name).read_text(encoding="utf-8") for name in ("plain.dot", "counted.dot"))
    # `a` is undercut by the objection that raises `consistency` ("rival"): OUT either way; the one-premise
    # relation from `talks` has its two assumptions open: undecided only when questions count
    assert "‹position to know›\\n2 open\\n[IN]" in plain and "‹position to know›\\n2 open\\n[UNDEC]" in counted
    assert run_cli("render", "map.yaml", "--questions", "-o", "x.dot", cwd=tmp_path) == (
        2, "", "argmap render: --questions lets critical questions count in an evaluation; give --eval too\n")


def test_a_teams_scheme_is_drawn_and_counted_as_check_finds_it(tmp_path):
    # the configuration beside the map, not in the folder the command runs from
    from tests.conftest import run_cli

    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / ".argmap.yaml").write_text(
        "schemes:\n  market-signal:\n    name: Argument from a market signal\n    short: market signal\n"
        "    roles: {signal: The market did S.}\n    conclusion: A holds.\n"
        "    questions:\n      liquid: {type: assumption, text: Is the market liquid enough to say anything?}\n",
        encoding="utf-8")
    (folder / "map.yaml").write_text(
        "argmap: 1\nstatements:\n  t: {role: thesis, text: Investors are cautious}\n"
        "  flat: {text: Valuations stayed flat, supports: t, scheme: market-signal}\n", encoding="utf-8")
    code, _, err = run_cli("render", "maps/map.yaml", "-o", "map.dot", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert 'label="‹market signal›\\n1 open"' in (tmp_path / "map.dot").read_text(encoding="utf-8")
    code, _, err = run_cli("render", "maps/map.yaml", "--eval", "grounded", "--questions", "-o", "counted.dot",
                           cwd=tmp_path)
    assert (code, err) == (0, "")
    assert 'label="‹market signal›\\n1 open\\n[UNDEC]"' in (tmp_path / "counted.dot").read_text(encoding="utf-8")
    code, out, _ = run_cli("eval", "maps/map.yaml", "--questions", "-f", "json", cwd=tmp_path)
    assert code == 0 and json.loads(out)["questions"] == {
        "flat--support--t": {"verdict": "UNDEC", "assumptions": {"liquid": "UNDEC"}}}
