"""A map made ready to draw: the part to draw, its evaluation and flagged nodes, then DOT per language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import networkx as nx

from argmap.diagnostics import Diagnostic, Severity
from argmap.diagram.dot import RANKDIRS, Style, to_dot
from argmap.texts import pick_text

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.semantics.result import Evaluation

__all__ = ["Drawing", "prepare"]


@dataclass(frozen=True)
class Drawing:
    """What ``render`` draws, before a language is chosen: every language's diagram comes from it."""

    amap: ArgumentMap
    whole: nx.DiGraph
    """The whole map's graph."""
    graph: nx.DiGraph
    """The part drawn: the whole graph, or an excerpt (``focus``, ``group``)."""
    lang: str
    """The language drawn first (``lang``, else the map's first)."""
    evaluation: Evaluation | None = None
    findings: tuple[Diagnostic, ...] = ()
    problems: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Node id -> the codes of the errors found in its definition."""
    legend: bool = True
    rankdir: str = "BT"
    dpi: int | None = None

    @property
    def excerpt(self) -> bool:
        return self.graph is not self.whole

    def title(self, lang: str) -> str:
        amap = self.amap
        return pick_text(amap.title, lang, amap.languages[0]) if amap.title else amap.id

    def source(self, lang: str | None = None) -> str:
        """The DOT source of the diagram in ``lang`` (default: :attr:`lang`)."""
        chosen = lang or self.lang
        annotations = self.evaluation.annotations() if self.evaluation is not None else {}
        style = Style(lang=chosen, annotations=annotations, legend=self.legend, rankdir=self.rankdir, dpi=self.dpi)
        return to_dot(self.graph, self.amap.groups, style, self.title(chosen),
                      whole=self.whole if self.excerpt else None, problems=self.problems)

    def draw(self, format: str, lang: str | None = None, timeout: float = 120.0) -> bytes:
        """The diagram in ``lang`` drawn by dot as ``format`` (svg, png, pdf). Raises
        :class:`argmap.api.GraphvizUnavailable` without dot, LimitReached when dot fails or runs too long."""
        from argmap.api import GraphvizUnavailable
        from argmap.diagram.graphviz_run import GraphvizFailed, GraphvizMissing, run_dot
        from argmap.errors import LimitReached

        source = self.source(lang)
        try:
            return run_dot(source, format, timeout, name=self.amap.locator.top((), False)[0])
        except GraphvizMissing as missing:
            raise GraphvizUnavailable(f"Graphviz's `dot` is not installed; to install it: {missing}",
                                      source.encode("utf-8")) from None
        except GraphvizFailed as failed:
            raise LimitReached(str(failed)) from None


def prepare(amap: ArgumentMap, lang: str | None = None, evaluation: Evaluation | str | None = None,
            focus: str | None = None, depth: int = 2, group: str | None = None, legend: bool = True,
            timeout: float = 120.0, rankdir: str = "bottom-up", dpi: int | None = None,
            findings: Iterable[Diagnostic] = ()) -> Drawing:
    """The :class:`Drawing` of ``amap`` (see :func:`argmap.render`); raises UsageError for an unknown
    language, node, group or direction, LimitReached when the evaluation runs out of ``timeout``."""
    from argmap.diagram import group_subgraph, neighbourhood
    from argmap.errors import LimitReached, UsageError
    from argmap.graph import build
    from argmap.suggest import did_you_mean

    if lang is not None and lang not in amap.languages:
        raise UsageError(f"the map has no language {lang!r}{did_you_mean(lang, amap.languages)};"
                         f" it has {', '.join(amap.languages)}")
    direction = RANKDIRS.get(rankdir, rankdir)
    if direction not in RANKDIRS.values():
        raise UsageError(f"unknown direction {rankdir!r}; use {', '.join(RANKDIRS)}")
    graph = whole = build(amap)
    if focus is not None:
        if focus not in graph:
            raise UsageError(f"no statement or argument {focus!r}"
                             f"{did_you_mean(focus, list(amap.statements) + list(amap.arguments))}")
        graph = neighbourhood(graph, focus, depth)
    if group is not None:
        if group not in amap.groups:
            raise UsageError(f"no group {group!r}{did_you_mean(group, amap.groups)}")
        graph = group_subgraph(graph, group)
    if isinstance(evaluation, str):
        from argmap.semantics.extensions import SolverTimeout
        from argmap.semantics.result import evaluate_graph

        semantics = evaluation
        try:  # the whole map is evaluated, even when only part of it is drawn
            evaluation = evaluate_graph(whole, semantics, timeout)
        except SolverTimeout:
            from argmap.api import why_slow

            raise LimitReached(f"{semantics} semantics found no answer within {timeout:g} s (--timeout);"
                               f" {why_slow(semantics)}") from None
    found = tuple(findings)
    from argmap.diagram.problems import problem_nodes

    problems = problem_nodes(amap, [d for d in found if d.severity >= Severity.ERROR])
    return Drawing(amap, whole, graph, lang or amap.languages[0], evaluation, found, problems, legend, direction,
                   dpi)
