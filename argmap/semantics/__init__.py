"""Which claims stand: a map as an abstract argumentation framework, and its semantics."""

# No `from __future__ import annotations` here: it would shadow the function of that name.
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

    from argmap.semantics.deadline import Deadline


__all__ = ["SEMANTICS", "EXTENSION_SEMANTICS", "GRADUAL_SEMANTICS", "acceptance_word", "annotations"]

EXTENSION_SEMANTICS = ("grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal")
GRADUAL_SEMANTICS = ("dfquad", "quadratic-energy", "h-categoriser", "euler-based")
SEMANTICS = EXTENSION_SEMANTICS + GRADUAL_SEMANTICS


def acceptance_word(credulous: bool, sceptical: bool) -> str:
    """ACCEPTED in every extension, CREDULOUS in some but not all, REJECTED in none."""
    return "ACCEPTED" if sceptical and credulous else "CREDULOUS" if credulous else "REJECTED"


def annotations(graph: "nx.DiGraph", method: str, timeout: "float | Deadline | None" = None) -> dict[str, str]:
    """Per node, the text a diagram shows for ``method``: a grounded label (IN/OUT/UNDEC), an
    acceptance (ACCEPTED/CREDULOUS/REJECTED) or a strength ('none' where it did not settle). The whole
    evaluation stops after ``timeout`` seconds, or at a Deadline (argmap.semantics.deadline.Timeout)."""
    if method not in SEMANTICS:
        raise ValueError(f"unknown semantics {method!r}; available: {', '.join(SEMANTICS)}")
    from argmap.semantics.result import evaluate_graph

    evaluation = evaluate_graph(graph, method, timeout)
    shown = [*evaluation.rows, *(n for n in graph if graph.nodes[n]["kind"] == "inference")]
    return {node: note for node in shown if (note := evaluation.annotation(node)) is not None}
