"""A map made ready to draw: the part to draw, its evaluation and flagged nodes, then DOT per language."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic, Severity
from argmap.diagram.dot import RANKDIRS, write
from argmap.diagram.layout import COLUMNS, Layout
from argmap.diagram.view import View, view
from argmap.texts import pick_text

if TYPE_CHECKING:
    from argmap.graph import Graph
    from argmap.model import ArgumentMap
    from argmap.schemes import Catalogue
    from argmap.schemes.uses import SchemeUse
    from argmap.semantics.result import Evaluation

__all__ = ["Drawing", "prepare"]


@dataclass(frozen=True)
class Drawing:
    """What ``render`` draws, before a language is chosen: every language's diagram comes from it."""

    amap: ArgumentMap
    whole: Graph
    """The whole map's graph."""
    graph: Graph
    """The part drawn: the whole graph, or an excerpt (``focus``, ``group``)."""
    lang: str
    """The language drawn first (``lang``, else the map's first)."""
    evaluation: Evaluation | None = None
    findings: tuple[Diagnostic, ...] = ()
    problems: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Node id -> the codes of the errors found in its definition."""
    legend: bool = True
    rankdir: str = "auto"
    """dot's rankdir, or ``auto``: the layout that suits the map (:func:`argmap.diagram.choose.choose`)."""
    dpi: int | None = None
    sized: bool = False
    """Statement boxes get their size from argmap's wrapping (:func:`argmap.diagram.measure.node_size`), not
    from dot's measure of their texts, so that an edit that keeps the size keeps the layout (`serve`)."""
    layout: Layout | None = None
    """The layout chosen already (`serve` keeps one across saves), when ``rankdir`` is ``auto``."""
    previous: tuple[Layout, int] | None = None
    """The layout of the drawing this one replaces, and its number of nodes (:func:`argmap.diagram.layout.recorded`):
    kept, when ``rankdir`` is ``auto``, while the map has not grown or shrunk by half since."""
    places: Mapping[str, tuple[float, float]] | None = None
    """The places of the statements in the drawing this one replaces (:func:`argmap.diagram.steady.placed`):
    of the ways into the group boxes, the one that keeps most of its order is taken."""
    started: int = 0
    """The way into the group boxes the drawing it replaces took (kept on a tie)."""
    start: int | None = None
    """The way dot is led into the group boxes (:func:`argmap.diagram.dot.write`), once decided."""
    schemes: Mapping[str, SchemeUse] = field(default_factory=dict)
    """Inference id -> its scheme, roles and critical questions (argmap.schemes.uses)."""

    @property
    def excerpt(self) -> bool:
        return self.graph is not self.whole

    def title(self, lang: str) -> str:
        amap = self.amap
        return pick_text(amap.title, lang, amap.languages[0]) if amap.title else amap.id

    def annotations(self) -> dict[str, str]:
        return dict(self.evaluation.annotations()) if self.evaluation is not None else {}

    def view(self, lang: str | None = None, columns: int | None = None) -> View:
        """What the diagram in ``lang`` (default: :attr:`lang`) shows, before it is written as DOT: its texts
        wrapped to ``columns``, by default to the width of the layout decided (:data:`COLUMNS` before)."""
        chosen = lang or self.lang
        width = columns or (self.layout.columns if self.layout is not None else COLUMNS)
        return view(self.graph, self.amap.groups, chosen, self.title(chosen), self.annotations(), width,
                    self.whole if self.excerpt else None, self.problems, self.scheme_captions(chosen),
                    self.attacks_first())

    def attacks_first(self) -> frozenset[str]:
        """The statements whose ``attacks:`` are written before their ``supports:`` (in the same file)."""
        amap = self.amap
        found = set()
        for sid, statement in amap.statements.items():
            if statement.supports and statement.attacks:
                supports, attacks = amap.where(sid, "supports", key=True), amap.where(sid, "attacks", key=True)
                if supports[0] == attacks[0] and attacks[1:] < supports[1:]:
                    found.add(sid)
        return frozenset(found)

    def scheme_captions(self, lang: str) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Inference id -> what its junction says of its scheme in ``lang`` (the short name, and how many of
        its assumptions are open, a line each), and the statements that answer its questions."""
        from argmap.diagram.words import words
        from argmap.schemes import text_of

        said = words(lang)["open"]
        captions, answers = {}, self.answers()
        for iid, use in self.schemes.items():
            short = text_of(use.spec.short, lang) if use.spec is not None else use.scheme
            count = len(use.open_questions())
            captions[iid] = (f"‹{short}›" + (f"\n{said.format(n=count)}" if count else ""), answers[iid])
        return captions

    def answers(self) -> dict[str, tuple[str, ...]]:
        """Inference id (with a scheme) -> the statements that answer its critical questions."""
        return {iid: tuple(dict.fromkeys(a for q in use.questions for a in q.answered_by))
                for iid, use in self.schemes.items()}

    def settled(self, shown: View | None = None, timeout: float = 120.0) -> Drawing:
        """This drawing with its layout decided: the one asked for, the one kept, else the one that suits
        the map's view ``shown`` (in the first language) best."""
        from dataclasses import replace

        settled = self
        if self.rankdir != "auto":
            settled = replace(self, layout=Layout(self.rankdir))
        elif self.layout is None:
            from argmap.diagram.choose import choose, kept

            first = shown = shown or self.view()
            layout = kept(self.previous, len(shown.nodes)) or choose(shown, self.legend, timeout,
                                                                     lambda columns: self.view(first.lang, columns))
            settled = replace(self, layout=layout)
        assert settled.layout is not None
        if shown is not None and shown.columns != settled.layout.columns:
            shown = settled.view(shown.lang)  # the texts wrapped to the layout's width
        if settled.start is not None or self.places is None:
            return settled  # without an earlier drawing, dot leads itself into the boxes (start 0)
        from argmap.diagram.steady import steadiest

        assert settled.layout is not None
        return replace(settled, start=steadiest(shown or self.view(), settled.layout, self.places, self.legend, timeout,
                                                       self.started))

    def source(self, lang: str | None = None, shown: View | None = None) -> str:
        """The DOT source of the diagram in ``lang`` (default: :attr:`lang`); ``shown``: its view, if made."""
        drawn = shown or self.view(lang)
        settled = self.settled(drawn)
        assert settled.layout is not None
        if drawn.columns != settled.layout.columns:
            drawn = settled.view(lang)
        return write(drawn, settled.layout, legend=self.legend, dpi=self.dpi, sized=self.sized, start=settled.start or 0)

    def draw(self, format: str, lang: str | None = None, timeout: float = 120.0, shown: View | None = None,
             cancel: threading.Event | None = None) -> bytes:
        """The diagram in ``lang`` (its view ``shown``, if made) drawn by dot as ``format`` (svg, png, pdf).
        Raises :class:`argmap.errors.GraphvizUnavailable` without dot, LimitReached when dot fails or runs too
        long, or when ``cancel`` is set (then :class:`argmap.diagram.graphviz_run.Cancelled`)."""
        from argmap.diagram.graphviz_run import Cancelled, GraphvizFailed, GraphvizMissing, run_dot
        from argmap.errors import GraphvizUnavailable, LimitReached

        source = self.source(lang, shown)
        try:
            return run_dot(source, format, timeout, name=self.amap.locator.top((), False)[0], cancel=cancel)
        except GraphvizMissing as missing:
            raise GraphvizUnavailable(f"Graphviz's `dot` is not installed; to install it: {missing}",
                                      source.encode("utf-8")) from None
        except Cancelled:
            raise
        except GraphvizFailed as failed:
            raise LimitReached(str(failed)) from None


def prepare(amap: ArgumentMap, lang: str | None = None, evaluation: Evaluation | str | None = None,
            focus: str | None = None, depth: int = 2, group: str | None = None, legend: bool = True,
            timeout: float = 120.0, rankdir: str = "auto", dpi: int | None = None,
            findings: Iterable[Diagnostic] = (), graph: Graph | None = None,
            catalogue: Catalogue | None = None) -> Drawing:
    """The :class:`Drawing` of ``amap`` (see :func:`argmap.render`); raises UsageError for an unknown
    language, node, group or direction, LimitReached when the evaluation runs out of ``timeout``.
    ``graph``: the map's graph, when the check has built it already; ``catalogue``: the schemes (default:
    argmap's own)."""
    from argmap.diagram import group_subgraph, neighbourhood
    from argmap.errors import LimitReached, UsageError
    from argmap.graph import build
    from argmap.suggest import did_you_mean

    amap.language(lang)  # refuses one the map does not have
    direction = RANKDIRS.get(rankdir, rankdir)
    if direction not in RANKDIRS.values():
        raise UsageError(f"unknown direction {rankdir!r}; use {', '.join(RANKDIRS)}")
    graph = whole = build(amap) if graph is None else graph
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
            from argmap.semantics.registry import timeout_reason

            raise LimitReached(f"{semantics} semantics found no answer within {timeout:g} s (--timeout);"
                               f" {timeout_reason(semantics)}") from None
    found = tuple(findings)
    from argmap.diagram.problems import problem_nodes

    problems = problem_nodes(amap, [d for d in found if d.severity >= Severity.ERROR])
    from argmap.schemes import shipped
    from argmap.schemes.uses import resolve

    uses = resolve(amap, catalogue or shipped()).uses
    return Drawing(amap, whole, graph, lang or amap.languages[0], evaluation, found, problems, legend, direction,
                   dpi, schemes=uses)
