"""DF-QuAD strengths: hand-computed cases, the cyclic fixpoint and its guard, properties, the CLI."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.evaluate.dfquad import dfquad
from tests.conftest import ROOT, run_cli


def graph(statements: dict[str, float | None], relations: list[tuple[list[str], str, str]]) -> nx.DiGraph:
    """A map graph: statements with base scores; (premises, relation, target) inferences."""
    g = nx.DiGraph()
    for sid, base in statements.items():
        g.add_node(sid, kind="statement", role="claim", base=base)
    for index, (premises, relation, target) in enumerate(relations):
        name = f"i{index}"
        g.add_node(name, kind="inference", relation=relation, explicit=len(premises) > 1)
        g.add_edges_from(((p, name) for p in premises), kind="premise")
        g.add_edge(name, target, kind="conclusion")
    return g


def test_hand_computed_support_and_attack():
    # c (0.5) is supported by s (0.8) and attacked by a (0.4): support - attack = 0.4 -> 0.5 + 0.5 * 0.4
    result = dfquad(graph({"c": 0.5, "s": 0.8, "a": 0.4}, [(["s"], "support", "c"), (["a"], "attack", "c")]))
    assert result.converged and result.values["c"] == pytest.approx(0.7)


def test_linked_premises_are_as_strong_as_the_weakest():
    result = dfquad(graph({"c": 0.5, "p": 0.9, "q": 0.2}, [(["p", "q"], "support", "c")]))
    assert result.values["i0"] == pytest.approx(0.2) and result.values["c"] == pytest.approx(0.6)


def test_an_undercut_weakens_the_inference_not_its_premise():
    result = dfquad(graph({"c": 0.5, "p": 1.0, "u": 1.0}, [(["p"], "support", "c"), (["u"], "attack", "i0")]))
    assert (result.values["p"], result.values["i0"], result.values["c"]) == (1.0, 0.0, 0.5)


def test_mutual_attack_reaches_its_fixpoint():
    result = dfquad(graph({"a": 0.5, "b": 0.5}, [(["a"], "attack", "b"), (["b"], "attack", "a")]))
    assert result.converged and result.values["a"] == pytest.approx(1 / 3, abs=1e-6)


def test_the_iteration_is_bounded():
    result = dfquad(graph({"a": 0.5, "b": 0.5}, [(["a"], "attack", "b"), (["b"], "attack", "a")]), max_iterations=3)
    assert (result.converged, result.iterations) == (False, 3)


maps = st.integers(1, 6).flatmap(lambda n: st.tuples(
    st.lists(st.one_of(st.none(), st.floats(0, 1)), min_size=n, max_size=n),
    st.lists(st.tuples(st.lists(st.integers(0, n - 1), min_size=1, max_size=2, unique=True),
                       st.sampled_from(["support", "attack"]), st.integers(0, n - 1)), max_size=6),
))


@settings(max_examples=300, deadline=None)
@given(maps)
def test_strengths_stay_in_range_and_untouched_statements_keep_their_base(spec):
    bases, relations = spec
    statements = {f"s{i}": base for i, base in enumerate(bases)}
    g = graph(statements, [([f"s{p}" for p in ps], rel, f"s{t}") for ps, rel, t in relations if t not in ps])
    result = dfquad(g)
    assert all(0.0 <= v <= 1.0 for v in result.values.values())
    for sid, base in statements.items():
        if not any(data["kind"] == "conclusion" for _, _, data in g.in_edges(sid, data=True)):
            assert result.values[sid] == (0.5 if base is None else base)


def test_eval_cli_on_the_essay():
    code, out, err = run_cli("eval", "-s", "dfquad", "-f", "json", "models/capital-feast/map.yaml", cwd=ROOT)
    result = json.loads(out)
    assert (code, err, result["semantics"], result["converged"]) == (0, "", "dfquad", True)
    strengths = result["strengths"]
    assert strengths["optimists-forecast"] < 0.5 < strengths["feast-only-in-a-shares"]
    assert result["arguments"]["regulation-lifts-popularity"] < 0.5



def test_render_shows_strengths(tmp_path):
    code, _, err = run_cli("render", str(ROOT / "models/capital-feast/map.yaml"), "--eval", "dfquad", "-o", "s.dot",
                           cwd=tmp_path)
    thesis = next(l for l in (tmp_path / "s.dot").read_text().splitlines() if 'id="node-feast-only-in-a-shares"' in l)
    assert (code, err) == (0, "") and "\\n[0.80]" in thesis


def test_dfquad_needs_a_map(tmp_path):
    (tmp_path / "f.af").write_text("p af 1\n")
    code, _, err = run_cli("eval", "-s", "dfquad", "f.af", cwd=tmp_path)
    assert code == 2 and "needs a map" in err
    code, _, err = run_cli("eval", "-s", "dfquad", "--task", "SE-GR", str(ROOT / "models/capital-feast/map.yaml"),
                           cwd=tmp_path)
    assert code == 2 and "grounded semantics" in err
