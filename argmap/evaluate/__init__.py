"""Which claims stand: a map as an abstract argumentation framework, and its semantics."""

from __future__ import annotations

__all__ = ["SEMANTICS", "annotations"]

SEMANTICS = ("grounded", "dfquad")


def annotations(graph, method: str) -> dict[str, str]:
    """Per node, the text a diagram shows for ``method``: ``IN``/``OUT``/``UNDEC``, or a strength."""
    if method == "grounded":
        from argmap.evaluate.bipolar import framework_from_graph
        from argmap.evaluate.grounded import grounded

        framework = framework_from_graph(graph)
        return dict(zip(framework.names, grounded(framework)))
    if method == "dfquad":
        from argmap.evaluate.dfquad import dfquad

        return {node: f"{value:.2f}" for node, value in dfquad(graph).values.items()}
    raise ValueError(f"unknown semantics {method!r}; available: {', '.join(SEMANTICS)}")
