"""The translation of a map into a framework: the same semantics as secondary attacks written out, in linear size."""

from __future__ import annotations

import io
import json

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli.eval_cmd import EvalOptions, execute_eval
from argmap.cli.export_cmd import execute_export
from argmap.formats import parse_framework as parse
from argmap.graph import build
from argmap.loader import load_map
from argmap.semantics.bipolar import DEFEATED, framework_from_graph
from argmap.semantics.extensions import Reasoner
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import grounded
from argmap.semantics.result import evaluate_graph
from tests.conftest import examples
from tests.evaluate.brute import brute_force


def secondary_attacks_written_out(graph: nx.DiGraph) -> Framework:
    """The framework of docs/evaluation.md taken literally: each attacker of a premise attacks each
    inference that needs it (the translation argmap had before, cubic on dense maps)."""
    names = tuple(graph)
    index = {name: i for i, name in enumerate(names)}
    direct = {name: [n for n in graph.predecessors(name) if graph.nodes[n].get("relation") == "attack"
                     and graph.edges[n, name]["kind"] == "conclusion"] for name in names}
    attacks = set()
    for node in names:
        attacks.update((index[a], index[node]) for a in direct[node])
        for premise in graph.predecessors(node):
            if graph.edges[premise, node]["kind"] == "premise":
                attacks.update((index[a], index[node]) for a in direct[premise])
    return Framework(names, tuple(sorted(attacks)))


@st.composite
def map_graphs(draw) -> nx.DiGraph:
    """Small map graphs: statements, and inferences from one or two of them to a statement (mostly:
    premises attacked twice or more are what the translation is about) or to another inference."""
    statements = [f"s{i}" for i in range(draw(st.integers(2, 4)))]
    g = nx.DiGraph()
    g.add_nodes_from(statements, kind="statement")
    inferences = [f"i{i}" for i in range(draw(st.integers(0, 6)))]
    for name in inferences:
        g.add_node(name, kind="inference", relation=draw(st.sampled_from(["attack", "attack", "support"])))
    for name in inferences:
        target = draw(st.sampled_from(statements) | st.sampled_from(statements + [i for i in inferences if i != name]))
        premises = draw(st.lists(st.sampled_from([s for s in statements if s != target]), min_size=1, max_size=2,
                                 unique=True))
        g.add_edges_from(((p, name) for p in premises), kind="premise")
        g.add_edge(name, target, kind="conclusion")
    return g


@settings(max_examples=examples(60), deadline=None)
@given(map_graphs())
def test_the_translation_keeps_every_semantics_of_secondary_attacks(graph):
    framework = framework_from_graph(graph)
    reference = secondary_attacks_written_out(graph)
    shown = framework.shown
    assert framework.names[:shown] == reference.names
    assert all(name.endswith(DEFEATED) for name in framework.names[shown:])
    assert grounded(framework)[:shown] == grounded(reference)
    expected = brute_force(reference)
    for semantics, extensions in expected.items():
        if semantics == "grounded":
            continue
        # Stage semantics is evaluated without the helpers, which keep complete labellings only.
        used = framework_from_graph(graph, helpers=False) if semantics == "stage" else framework
        found = [frozenset(a for a in e if a < shown) for e in Reasoner(used, semantics).extensions()]
        assert sorted(map(sorted, found)) == sorted(map(sorted, extensions)), semantics


def complete_attack_map(n: int) -> str:
    """Every statement attacks every other: n (n - 1) attack inferences, each needing a premise that
    n - 1 attacks target."""
    lines = ["argmap: 1", "statements:"]
    for i in range(n):
        others = ", ".join(f"s{j}" for j in range(n) if j != i)
        lines.append(f"  s{i}: {{role: {'thesis' if i == 0 else 'claim'}, text: S{i}, attacks: [{others}]}}")
    return "\n".join(lines) + "\n"


def test_the_framework_grows_with_the_graph_not_faster(tmp_path):
    for n in (5, 20, 40):
        (tmp_path / "map.yaml").write_text(complete_attack_map(n))
        amap, _ = load_map(tmp_path / "map.yaml")
        graph = build(amap)
        framework = framework_from_graph(graph)
        statements = len(amap.statements)
        # Written out, the secondary attacks alone would be n (n - 1)²: 59,280 for n = 40.
        assert len(framework) <= graph.number_of_nodes() + statements
        assert len(framework.attacks) <= graph.number_of_edges() + statements


def test_a_premise_attacked_twice_gets_an_argument_that_output_leaves_out(tmp_path):
    (tmp_path / "map.yaml").write_text("""\
argmap: 1
statements:
  t: {role: thesis, text: T}
  p: {text: P, attacks: t}
  a: {text: A, attacks: p}
  b: {text: B, attacks: p}
  c: {text: C, attacks: b}
""")
    path = str(tmp_path / "map.yaml")

    def run(**options) -> str:
        out, err = io.StringIO(), io.StringIO()
        assert execute_eval(EvalOptions(path, **options), out, err) == 0, err.getvalue()
        return out.getvalue()

    assert DEFEATED not in run(format="json") + run(semantics="preferred", format="json") + run(semantics="stable")
    # c defeats b, so a alone attacks p: p falls, with it the attack on t (through p--defeated).
    extension = ["t", "a", "c", "a--attack--p", "c--attack--b"]
    assert json.loads(run(task="EE-PR", format="json"))["extensions"] == [extension]
    assert run(task="SE-ST") == "w " + " ".join(extension) + "\n"
    assert DEFEATED not in run(task="DS-CO", argument="t")
    graph = build(load_map(path)[0])
    assert set(graph) <= set(evaluate_graph(graph, "preferred").annotations())  # every node drawn has its note
    # The export holds the helper (solvers need it), named in the ICCMA comment and in APX.
    out, err = io.StringIO(), io.StringIO()
    assert execute_export(path, "iccma", None, out, err) == 0
    exported = out.getvalue()
    assert f"# 10 p{DEFEATED}" in exported and parse(exported, "iccma").attacks == framework_from_graph(graph).attacks
    out = io.StringIO()
    assert execute_export(path, "apx", None, out, err) == 0 and f'arg("p{DEFEATED}").' in out.getvalue()
