"""Mermaid and GraphML are written from the View the diagram draws: the same nodes, junctions and lines with their
relation as the diagram (a concession, the question and its answers included), read back from each file."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap.diagram.view import view
from argmap.graph import build

RICH = {"argmap": 1, "id": "rich", "title": {"en": "A rich map", "fr": "Une carte"}, "languages": ["en", "fr"],
        "question": {"text": {"en": "Is it so?", "fr": "Est-ce ainsi ?"}, "answers": ["t"]},
        "groups": {"g1": {"label": {"en": "Group one", "fr": "Groupe un"}}},
        "statements": {
            "t": {"role": "thesis", "text": {"en": "Thesis", "fr": "Thèse"}},
            "a": {"text": {"en": "A reason", "fr": "Une raison"}, "group": "g1"},
            "b": {"text": {"en": "B premise", "fr": "B prémisse"}, "group": "g1"},
            "c": {"role": "evidence", "text": {"en": "C evidence", "fr": "C preuve"}, "supports": "a"},
            "o": {"text": {"en": "An objection", "fr": "Une objection"}, "attacks": "t"},
            "u": {"text": {"en": "An undercutter", "fr": "Un contre"}, "attacks": "inf1"},
            "k": {"text": {"en": "Conceded point", "fr": "Point concédé"}, "concedes": ["t"]}},
        "arguments": {"inf1": {"premises": ["a", "b"], "supports": "t", "label": {"en": "linked", "fr": "lié"}}}}
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def drawn(amap: argmap.ArgumentMap, lang: str):
    """What the diagram shows of ``amap`` in ``lang``: its nodes (id, kind, text) and lines."""
    shown = view(build(amap), amap.groups, lang, "title")
    return ({(n.id, n.kind, n.text) for n in shown.nodes},
            sorted((e.source, e.target, e.relation, e.part) for e in shown.edges))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_graphml_holds_what_the_diagram_draws(lang):
    amap = argmap.ArgumentMap.from_data(RICH)
    root = ET.fromstring(argmap.export(amap, "graphml", lang).text)
    data = lambda item: {d.get("key"): d.text or "" for d in item.findall(f"{GRAPHML}data")}  # noqa: E731
    nodes = {(n.get("id"), data(n)["kind"].replace("inference", "junction"), data(n)["label"])
             for n in root.iter(f"{GRAPHML}node")}
    edges = sorted((e.get("source"), e.get("target"), data(e)["edge-relation"], data(e)["edge-kind"])
                   for e in root.iter(f"{GRAPHML}edge"))
    assert (nodes, edges) == drawn(amap, lang)
    # The linked inference is a junction; the evidence's single-premise support is a plain line, as drawn.
    assert ("inf1", "junction", "lié" if lang == "fr" else "linked") in nodes and ("c", "a", "support", "direct") in edges
    assert ("u", "inf1", "undercut", "direct") in edges and ("k", "t", "concede", "direct") in edges


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_mermaid_holds_what_the_diagram_draws(lang):
    amap = argmap.ArgumentMap.from_data(RICH)
    text = argmap.export(amap, "mermaid", lang).text
    shown = view(build(amap), amap.groups, lang, "title")
    ids = {f"n{number}": node.id for number, node in enumerate(shown.nodes)}
    arrows = {"-->": "support", "-.->": "dotted", "==>": "answer", "---": "premise"}
    lines = [re.fullmatch(r"  (n\d+) (-->|-\.->|==>|---) (n\d+)", line) for line in text.splitlines()]
    found = [(ids[m[1]], ids[m[3]], arrows[m[2]]) for m in lines if m]
    expected = [(e.source, e.target, "premise" if e.part == "premise" else e.relation) for e in shown.edges]
    dotted = {"attack", "undercut", "concede"}
    assert [(s, t, "dotted" if r in dotted else r) for s, t, r in expected] == found
    styles = dict(re.findall(r"linkStyle ([\d,]+) stroke:(#\w+)", text))
    colour = {number: c for numbers, c in styles.items() for number in map(int, numbers.split(","))}
    for number, (_, _, relation) in enumerate(expected):  # attack, undercut and concession told apart by colour
        assert colour.get(number) == {"attack": "#c0392b", "undercut": "#8e44ad", "concede": "#555555",
                                      "answer": "#555555"}.get(relation)
    assert ('{{"Est-ce ainsi ?"}}' if lang == "fr" else '{{"Is it so?"}}') in text  # the question
    assert re.search(r'subgraph g_n\d+\["Groupe un"\]' if lang == "fr" else r'subgraph g_n\d+\["Group one"\]', text)
