"""The one table of semantics: every name in it evaluates, and eval, render --eval, the API and the page
read their names, families and time-out explanations from it."""

from __future__ import annotations

import json
import re

import pytest

import argmap
from argmap.cli.eval_cmd import eval_
from argmap.cli.render_cmd import render
from argmap.semantics.registry import EXTENSION_SEMANTICS, GRADUAL_SEMANTICS, REGISTRY, timeout_reason
from tests.test_api import BUILT


def test_the_table_says_which_are_np_hard_and_what_a_time_out_means():
    assert [name for name, s in REGISTRY.items() if s.np_hard] == [n for n in EXTENSION_SEMANTICS if n != "grounded"]
    assert set(GRADUAL_SEMANTICS) == {name for name, s in REGISTRY.items() if s.family == "gradual"}
    assert timeout_reason("stage") == "stage semantics is NP-hard and this is a hard instance; grounded semantics is always fast"
    assert "NP-hard" not in timeout_reason("grounded") and "NP-hard" not in timeout_reason("dfquad")
    assert "DF-QuAD" in timeout_reason("dfquad")


@pytest.mark.parametrize("name", list(REGISTRY))
def test_every_semantics_in_the_table_evaluates_and_is_named_as_it_says(name):
    evaluation = argmap.evaluate(argmap.ArgumentMap.from_data(BUILT), name)
    assert evaluation.semantics == name and evaluation.gradual == (REGISTRY[name].family == "gradual")
    assert re.search(rf"\b{re.escape(REGISTRY[name].display)}\b", evaluation.verdict())


def test_the_commands_offer_the_names_of_the_table():
    for command, option in ((eval_, "semantics"), (render, "evaluation")):
        choice = next(p for p in command.params if p.name == option)
        assert tuple(choice.type.choices) == tuple(REGISTRY)  # type: ignore[attr-defined]


def test_the_page_data_names_the_semantics_and_its_family():
    page = argmap.render(argmap.ArgumentMap.from_data(BUILT), "html", evaluation="dfquad").decode()
    data = json.loads(re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', page, re.S)[1])
    assert {k: data["evaluation"][k] for k in ("semantics", "name", "family")} == {
        "semantics": "dfquad", "name": "DF-QuAD", "family": "gradual"}
