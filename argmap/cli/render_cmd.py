"""`argmap render`: draw a map with Graphviz, or as an interactive HTML page; click parses, execute_render() does
the work."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import click

from argmap.cli.common import SECONDS
from argmap.pipeline.evaluation import SEMANTICS
from argmap.pipeline.rendering import RANKDIRS, RENDER_FORMATS

__all__ = ["RenderOptions", "render", "execute_render"]


@dataclass(frozen=True)
class RenderOptions:
    map: str
    output: str
    format: str | None = None
    lang: str | None = None
    focus: str | None = None
    depth: int = 2
    group: str | None = None
    timeout: float = 120.0
    check: bool = False
    legend: bool = True
    evaluation: str | None = None
    allow_errors: bool = False
    rankdir: str = "auto"
    dpi: int | None = None
    questions: bool = False


def view_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that choose what a drawing shows and how it is laid out, the same for render and serve."""
    for option in reversed([
        click.option("--focus", metavar="ID", help="Draw only the neighbourhood of this statement or argument."),
        click.option("--depth", type=click.IntRange(0, 100), default=2, show_default=True, help="Steps around --focus."),
        click.option("--group", metavar="GROUP", help="Draw only this group."),
        click.option("--no-legend", is_flag=True, help="Leave the legend out."),
        click.option("--rankdir", type=click.Choice(list(RANKDIRS)), default="auto", show_default=True,
                     help="Where the arrows point: bottom-up puts the thesis on top; auto chooses per map the layout"
                          " whose text reads largest on a screen (bottom-up, evidence in rows, or left-right).")
    ]):
        command = option(command)
    return command


@click.command()
@click.argument("map_path", metavar="MAP", type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@click.option("-f", "--format", "format_", type=click.Choice(RENDER_FORMATS),
              help="Output format (default: from the output's extension); fragment: the interactive view to paste into"
                   " another HTML page.")
@click.option("--lang", help="Language of the labels (default: the map's first language).")
@view_options
@click.option("--timeout", type=SECONDS, default=120.0, show_default=True,
              help="Seconds dot may run (and the SAT solver, for --eval).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if OUTPUT differs from a fresh render (stale).")
@click.option("--eval", "evaluation", type=click.Choice(SEMANTICS),
              help="Show each node's evaluation: a grounded label (IN/OUT/UNDEC), an acceptance under complete,"
                   " preferred or stable semantics (ACCEPTED/CREDULOUS/REJECTED), both also as border style;"
                   " or a gradual strength.")
@click.option("--allow-errors", is_flag=True,
              help="Draw a map that has errors: the nodes they are in are marked, and they are listed.")
@click.option("--dpi", type=click.IntRange(1, 2400), help="Resolution of a PNG (Graphviz's default: 96).")
@click.option("--questions", is_flag=True,
              help="With --eval: let the critical questions of the map's schemes count, as `eval --questions` does.")
def render(map_path: str, output: str, format_: str | None, lang: str | None, focus: str | None, depth: int,
           group: str | None, timeout: float, check: bool, no_legend: bool, evaluation: str | None,
           allow_errors: bool, rankdir: str, dpi: int | None, questions: bool) -> None:
    """Draw MAP as a diagram (SVG, PNG, PDF or DOT), as an interactive HTML page (.html), or as that view for
    another page (-f fragment).

    Exit status: 0 written (or up to date with --check), 1 the map has errors (or the diagram is
    stale), 2 usage error, 3 Graphviz missing or failed (the .dot is written beside OUTPUT).
    """
    options = RenderOptions(map_path, output, format_, lang, focus, depth, group, timeout, check, not no_legend,
                            evaluation, allow_errors, rankdir, dpi, questions)
    sys.exit(execute_render(options, sys.stdout, sys.stderr))


def execute_render(options: RenderOptions, stdout: IO[str], stderr: IO[str]) -> int:
    """Load, check, draw and write; returns the exit status."""
    from argmap.cli.common import run
    from argmap.linter import paused_gc

    with paused_gc():
        return run("render", lambda: _execute(options, stdout, stderr), stderr)


def _execute(options: RenderOptions, stdout: IO[str], stderr: IO[str]) -> int:
    from argmap.errors import CLEAN, FINDINGS, LIMIT, GraphvizUnavailable, UsageError
    from argmap.pipeline import checked_map
    from argmap.pipeline.rendering import render
    from argmap.texts import one_line

    output = Path(options.output)
    fmt = options.format or {"htm": "html"}.get(output.suffix.lstrip(".").lower(), output.suffix.lstrip(".").lower())
    if fmt not in RENDER_FORMATS:
        raise UsageError(f"cannot tell the format from {output.name!r}; use -f {'|'.join(RENDER_FORMATS)}")
    if options.dpi is not None and fmt != "png":
        raise UsageError(f"--dpi sets the resolution of a PNG; the output is {fmt}")
    if options.questions and options.evaluation is None:
        raise UsageError("--questions lets critical questions count in an evaluation; give --eval too")
    checked = checked_map(options.map, "render", allow_errors=options.allow_errors)
    assert checked.amap is not None  # checked_map refuses a map that could not be read
    evaluation: Any = options.evaluation
    if options.questions:
        from argmap.pipeline.evaluation import of_graph

        assert checked.graph is not None  # a map that was read has its graph
        evaluation = of_graph(checked.graph, checked.amap, options.evaluation or "grounded", options.timeout,
                              questions=True, schemes=checked.schemes)
    for problem in sorted(checked.errors, key=lambda d: d.sort_key):  # drawn anyway, said anyway
        stderr.write(f"{one_line(problem.location)}: error: {one_line(problem.message)}"
                     f" [{problem.code} {problem.name}]\n")
    try:
        data = render(checked.amap, fmt, lang=options.lang, evaluation=evaluation, focus=options.focus,
                      depth=options.depth, group=options.group, legend=options.legend, timeout=options.timeout,
                      rankdir=options.rankdir, dpi=options.dpi,
                      findings=checked.diagnostics if options.allow_errors else (), graph=checked.graph,
                      previous=_previous(output, fmt), catalogue=checked.schemes)
    except GraphvizUnavailable as missing:
        stderr.write(f"argmap render: {missing}\n")
        if not options.check:
            dot_path = output.with_suffix(".dot")
            _write(dot_path, missing.source, checked.inputs, str(dot_path))
            stderr.write(f"argmap render: the DOT source is in {_shown(str(dot_path))}\n")
        return LIMIT
    if options.check:
        absent = not os.path.isfile(output)
        if absent or not _holds(output, data):
            stderr.write(f"argmap render: {_shown(options.output)} is {'missing' if absent else 'stale'};"
                         " render it again\n")
            return FINDINGS
        stdout.write(f"{_shown(options.output)} is up to date\n")
        return CLEAN
    _write(output, data, checked.inputs, options.output)
    errors = len(checked.errors)
    marked = f" (with {errors} error{'s' if errors > 1 else ''}, marked)" if errors else ""
    stdout.write(f"wrote {_shown(options.output)}{marked}\n")
    return CLEAN


def _holds(output: Path, data: bytes) -> bool:
    """Whether the file ``output`` holds ``data``: read only when its size is the same (a file of any size may be
    there, committed with the map)."""
    try:
        return output.stat().st_size == len(data) and output.read_bytes() == data
    except OSError:
        return False


def _previous(output: Path, fmt: str) -> bytes | None:
    """The drawing the output replaces (up to 32 MiB): an SVG or DOT file records its layout, which is kept, and an
    SVG shows where its statements are, whose order is kept."""
    if fmt not in ("svg", "dot"):
        return None
    try:
        if not output.is_file():
            return None
        with output.open("rb") as drawn:
            return drawn.read(1 << 25)  # the layout it records, and where its statements are
    except OSError:
        return None


def _shown(path: str) -> str:
    from argmap.texts import one_line

    return one_line(path)


def _write(path: Path, data: bytes, inputs: Iterable[Path], spelled: str) -> None:
    """Write the output (never over one of ``inputs``); a failure is one line with exit status 2."""
    from argmap.atomic import write_bytes
    from argmap.errors import UsageError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, data, protect=inputs)
    except OSError as error:
        raise UsageError(f"cannot write {spelled}: {error.strerror or error}") from None
