"""The shape of the package, checked like its behaviour: no import circle between modules, no function over 80
lines unless a benchmark says why (the layers themselves are import-linter's contract, run by `make lint`)."""

from __future__ import annotations

import ast
import re

import grimp
import networkx as nx

from tests.conftest import ROOT

DECLARED = {("argmap.model", "argmap.api")}  # the Jupyter display, the one exception the contract declares
LONGEST = 80


def test_no_import_circle_between_modules():
    graph = grimp.build_graph("argmap")
    imports = nx.DiGraph()
    for module in graph.modules:
        imports.add_edges_from((module, imported) for imported in graph.find_modules_directly_imported_by(module)
                               if (module, imported) not in DECLARED)
    circles = [sorted(component) for component in nx.strongly_connected_components(imports) if len(component) > 1]
    assert circles == []


def test_no_function_over_80_lines_unless_a_benchmark_says_why():
    too_long = []
    for path in sorted((ROOT / "argmap").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                body = "\n".join(lines[node.lineno - 1 : node.end_lineno])
                if node.end_lineno - node.lineno + 1 > LONGEST and not re.search(r"benchmarks/bench_\w+\.py", body):
                    too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert too_long == []
