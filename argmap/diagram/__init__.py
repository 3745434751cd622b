"""Diagrams of argument maps: the View of what to draw (view.py), DOT built from it (dot.py) and drawn by
Graphviz (graphviz_run.py), the page's data (data.py, html.py). Excerpts (a focus and its depth, a group) are
the graph's vocabulary, in argmap.graph; they are named here too for the drawing's callers."""

from __future__ import annotations

from argmap.graph import group_subgraph, neighbourhood

__all__ = ["neighbourhood", "group_subgraph"]
