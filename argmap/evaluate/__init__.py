"""Which claims stand: a map as an abstract argumentation framework, and its semantics."""

from __future__ import annotations

__all__ = ["SEMANTICS", "annotations"]

SEMANTICS = ("grounded",)


def annotations(graph, method: str) -> dict[str, str]:
    """Per node, the text a diagram shows for ``method`` (``IN``, ``OUT`` or ``UNDEC``)."""
    from argmap.evaluate.bipolar import framework_from_graph
    from argmap.evaluate.grounded import grounded

    if method not in SEMANTICS:
        raise ValueError(f"unknown semantics {method!r}; available: {', '.join(SEMANTICS)}")
    framework = framework_from_graph(graph)
    return dict(zip(framework.names, grounded(framework)))
