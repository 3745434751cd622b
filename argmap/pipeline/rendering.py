"""A map drawn, composed once for every app: the options checked, the drawing prepared on the map's graph (the
check's, when the map was checked: it is built once), and written as SVG, PNG, PDF, DOT, an HTML page or a
fragment of one."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from argmap.diagram.dot import RANKDIRS
from argmap.errors import UsageError

if TYPE_CHECKING:
    import threading

    from argmap.diagnostics import Diagnostic
    from argmap.diagram.drawing import Drawing
    from argmap.graph import Graph
    from argmap.model import ArgumentMap
    from argmap.schemes import Catalogue
    from argmap.semantics.result import Evaluation

__all__ = ["RENDER_FORMATS", "RANKDIRS", "render", "require_dot"]

RENDER_FORMATS = ("svg", "png", "pdf", "dot", "html", "fragment")
"""What a map can be drawn as."""


def render(amap: ArgumentMap, format: str = "svg", lang: str | None = None,
           evaluation: Evaluation | str | None = None, focus: str | None = None, depth: int = 2,
           group: str | None = None, legend: bool = True, timeout: float = 120.0, rankdir: str = "auto",
           dpi: int | None = None, findings: Iterable[Diagnostic] = (), graph: Graph | None = None,
           previous: bytes | None = None, catalogue: Catalogue | None = None) -> bytes:
    """The diagram of ``amap`` (see :func:`argmap.api.render`); ``graph`` is the map's graph when a check has
    built it already; ``previous``: the drawing this one replaces, whose layout is kept; ``catalogue``: the
    schemes its junctions name (default: argmap's own). UsageError for options that cannot be honoured,
    LimitReached when Graphviz is missing, fails or runs out of time."""
    from argmap.diagram.drawing import prepare
    from argmap.pipeline import time_limit

    if format not in RENDER_FORMATS:
        raise UsageError(f"unknown format {format!r}; use {', '.join(RENDER_FORMATS)}")
    if dpi is not None and format != "png":
        raise UsageError(f"a resolution (dpi) is for PNG output only, not {format}")
    if dpi is not None and not 1 <= dpi <= 2400:
        raise UsageError(f"a resolution of {dpi} dpi is out of range; use 1 to 2400")
    time_limit(timeout)
    if isinstance(evaluation, str):
        from argmap.semantics import SEMANTICS

        if evaluation not in SEMANTICS:
            raise UsageError(f"unknown semantics {evaluation!r}; available: {', '.join(SEMANTICS)}")
    # The layout is chosen once, on the first language's view: every language is drawn alike.
    from dataclasses import replace

    from argmap.diagram.layout import recorded

    drawing = prepare(amap, lang, evaluation, focus, depth, group, legend, timeout, rankdir, dpi, findings, graph=graph,
                      catalogue=catalogue)
    if previous is not None:
        from argmap.diagram.steady import placed, started

        drawing = replace(drawing, previous=recorded(previous), places=placed(previous), started=started(previous))
    drawing = drawing.settled(timeout=timeout)
    if format == "dot":
        return drawing.source().encode("utf-8")
    if format in ("html", "fragment"):
        return _page(amap, drawing, format, timeout).encode("utf-8")
    return drawing.draw(format, timeout=timeout)


def _page(amap: ArgumentMap, drawing: Drawing, format: str, timeout: float) -> str:
    """The self-contained HTML page (or fragment) of ``drawing``: the SVG of every language of the map."""
    import functools

    from argmap import interrupts
    from argmap.diagram.data import page_data
    from argmap.diagram.html import embeddable, fragment, page

    # Each language is laid out by dot for its own texts (their widths differ), so each has its SVG.
    languages = [drawing.lang, *(code for code in amap.languages if code != drawing.lang)]
    tasks = [functools.partial(_drawn_svg, drawing, code, timeout) for code in languages]
    drawn = interrupts.pooled(tasks, os.cpu_count() or 1)
    svgs = {code: embeddable(svg) for code, svg in zip(languages, drawn, strict=True)}
    return fragment(page_data(drawing), svgs) if format == "fragment" else page(page_data(drawing), svgs)


def _drawn_svg(drawing: Drawing, lang: str, timeout: float, stop: threading.Event) -> bytes:
    """``drawing``'s SVG in ``lang``; setting ``stop`` stops dot."""
    return drawing.draw("svg", lang, timeout, cancel=stop)


def require_dot() -> None:
    """LimitReached, naming the command that installs Graphviz, when its `dot` is not on the PATH (an app that
    draws for a long time, such as the live preview, says so before it starts)."""
    import shutil

    from argmap.diagram.graphviz_run import install_hint
    from argmap.errors import LimitReached

    if shutil.which("dot") is None:
        raise LimitReached(f"Graphviz's `dot` is not installed; to install it: {install_hint()}")
