"""Which claims stand: a map as an abstract argumentation framework, and its semantics."""

from __future__ import annotations

__all__ = ["SEMANTICS", "EXTENSION_SEMANTICS", "GRADUAL_SEMANTICS", "acceptance_word", "annotations"]

EXTENSION_SEMANTICS = ("grounded", "complete", "preferred", "stable")
GRADUAL_SEMANTICS = ("dfquad", "quadratic-energy")
SEMANTICS = EXTENSION_SEMANTICS + GRADUAL_SEMANTICS


def acceptance_word(credulous: bool, sceptical: bool) -> str:
    """ACCEPTED in every extension, CREDULOUS in some but not all, REJECTED in none."""
    return "ACCEPTED" if sceptical and credulous else "CREDULOUS" if credulous else "REJECTED"


def annotations(graph, method: str, timeout=None) -> dict[str, str]:
    """Per node, the text a diagram shows for ``method``: a grounded label (IN/OUT/UNDEC), an
    acceptance (ACCEPTED/CREDULOUS/REJECTED) or a strength. The whole evaluation stops after
    ``timeout`` seconds, or at a Deadline (argmap.semantics.deadline.Timeout)."""
    from argmap.semantics.deadline import Deadline

    deadline = Deadline.of(timeout)
    if method in GRADUAL_SEMANTICS:
        from argmap.semantics.gradual import strengths

        return {node: f"{value:.2f}" for node, value in strengths(graph, method, deadline=deadline).values.items()}
    if method not in EXTENSION_SEMANTICS:
        raise ValueError(f"unknown semantics {method!r}; available: {', '.join(SEMANTICS)}")
    from argmap.semantics.bipolar import framework_from_graph

    framework = framework_from_graph(graph, deadline)
    shown = framework.names[:framework.shown]  # the map's nodes, not the translation's helpers
    if method == "grounded":
        from argmap.semantics.grounded import grounded

        return dict(zip(shown, grounded(framework, deadline)))
    from argmap.semantics.extensions import Reasoner

    accepted = Reasoner(framework, method, deadline).acceptance()
    return {name: acceptance_word(c, s) for name, c, s in zip(shown, accepted.credulous, accepted.sceptical)}
