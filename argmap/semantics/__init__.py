"""Which claims stand: a map as an abstract argumentation framework, and its semantics."""

from __future__ import annotations

from typing import Any

__all__ = ["SEMANTICS", "EXTENSION_SEMANTICS", "GRADUAL_SEMANTICS", "acceptance_word", "annotations"]

EXTENSION_SEMANTICS = ("grounded", "complete", "preferred", "stable")
GRADUAL_SEMANTICS = ("dfquad", "quadratic-energy")
SEMANTICS = EXTENSION_SEMANTICS + GRADUAL_SEMANTICS


def acceptance_word(credulous: bool, sceptical: bool) -> str:
    """ACCEPTED in every extension, CREDULOUS in some but not all, REJECTED in none."""
    return "ACCEPTED" if sceptical and credulous else "CREDULOUS" if credulous else "REJECTED"


def annotations(graph: Any, method: str, timeout: Any = None) -> dict[str, str]:
    """Per node, the text a diagram shows for ``method``: a grounded label (IN/OUT/UNDEC), an
    acceptance (ACCEPTED/CREDULOUS/REJECTED) or a strength. The whole evaluation stops after
    ``timeout`` seconds, or at a Deadline (argmap.semantics.deadline.Timeout)."""
    from argmap.semantics.result import evaluate_graph

    return evaluate_graph(graph, method, timeout).annotations()
