"""`argmap render`: draw a map with Graphviz; click parses, execute_render() does the work."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import click

from argmap.cli.common import SECONDS
from argmap.evaluate import SEMANTICS

__all__ = ["RenderOptions", "render", "execute_render"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_GRAPHVIZ = 0, 1, 2, 3


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


@click.command()
@click.argument("map_path", metavar="MAP", type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@click.option("-f", "--format", "format_", type=click.Choice(["svg", "png", "pdf", "dot"]),
              help="Output format (default: from the output's extension).")
@click.option("--lang", help="Language of the labels (default: the map's first language).")
@click.option("--focus", metavar="ID", help="Draw only the neighbourhood of this statement or argument.")
@click.option("--depth", type=click.IntRange(0, 100), default=2, show_default=True, help="Steps around --focus.")
@click.option("--group", metavar="GROUP", help="Draw only this group.")
@click.option("--timeout", type=SECONDS, default=120.0, show_default=True, help="Seconds dot may run (and the SAT solver, for --eval).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if OUTPUT differs from a fresh render (stale).")
@click.option("--no-legend", is_flag=True, help="Leave the legend out.")
@click.option("--eval", "evaluation", type=click.Choice(SEMANTICS),
              help="Show each node's evaluation: a grounded label (IN/OUT/UNDEC), an acceptance under complete,"
                   " preferred or stable semantics (ACCEPTED/CREDULOUS/REJECTED), both also as border style;"
                   " or a gradual strength.")
def render(map_path, output, format_, lang, focus, depth, group, timeout, check, no_legend, evaluation) -> None:
    """Draw MAP as a diagram (SVG, PNG, PDF or DOT).

    Exit status: 0 written (or up to date with --check), 1 the map has errors (or the diagram is
    stale), 2 usage error, 3 Graphviz missing or failed (the .dot is written beside OUTPUT).
    """
    options = RenderOptions(map_path, output, format_, lang, focus, depth, group, timeout, check, not no_legend,
                            evaluation)
    sys.exit(execute_render(options, sys.stdout, sys.stderr))


def execute_render(options: RenderOptions, stdout: IO[str], stderr: IO[str]) -> int:
    """Load, check, draw and write; returns the exit status."""
    from argmap.linter import paused_gc

    with paused_gc():
        return _execute(options, stdout, stderr)


def _execute(options: RenderOptions, stdout: IO[str], stderr: IO[str]) -> int:
    output = Path(options.output)
    fmt = options.format or output.suffix.lstrip(".").lower()
    if fmt not in ("svg", "png", "pdf", "dot"):
        stderr.write(f"argmap render: cannot tell the format from {output.name!r}; use -f svg|png|pdf|dot\n")
        return EXIT_USAGE
    from argmap.cli.common import checked_map

    checked = checked_map(options.map, "render", stderr)
    if isinstance(checked, int):
        return checked
    amap, graph = checked.amap, checked.graph
    from argmap.suggest import did_you_mean

    if options.lang is not None and options.lang not in amap.languages:
        stderr.write(f"argmap render: the map has no language {options.lang!r}"
                     f"{did_you_mean(options.lang, amap.languages)}; it has {', '.join(amap.languages)}\n")
        return EXIT_USAGE
    from argmap.render import group_subgraph, neighbourhood

    if options.focus is not None:
        if options.focus not in graph:
            stderr.write(f"argmap render: no statement or argument {options.focus!r}"
                         f"{did_you_mean(options.focus, list(amap.statements) + list(amap.arguments))}\n")
            return EXIT_USAGE
        graph = neighbourhood(graph, options.focus, options.depth)
    if options.group is not None:
        if options.group not in amap.groups:
            stderr.write(f"argmap render: no group {options.group!r}{did_you_mean(options.group, amap.groups)}\n")
            return EXIT_USAGE
        graph = group_subgraph(graph, options.group)
    annotations: dict[str, str] = {}
    if options.evaluation is not None:
        from argmap.evaluate import annotations as evaluate
        from argmap.evaluate.extensions import SolverTimeout

        try:  # the whole map is evaluated, even when only part of it is drawn
            annotations = evaluate(checked.graph, options.evaluation, timeout=options.timeout)
        except SolverTimeout:
            stderr.write(f"argmap render: {options.evaluation} semantics found no answer within {options.timeout:g} s"
                         " (--timeout); the problem is NP-hard on this map\n")
            return EXIT_GRAPHVIZ
    from argmap.render.dot import Style, pick_text, to_dot

    lang = options.lang or amap.languages[0]
    title = pick_text(amap.title, lang, amap.languages[0]) if amap.title else amap.id
    source = to_dot(graph, amap.groups, Style(lang=lang, annotations=annotations, legend=options.legend), title)
    return _emit(source, fmt, output, checked.inputs, options, stdout, stderr)


def _emit(source: str, fmt: str, output: Path, inputs, options: RenderOptions, stdout: IO[str],
          stderr: IO[str]) -> int:
    from argmap.atomic import write_bytes
    from argmap.render.graphviz_run import GraphvizFailed, GraphvizMissing, run_dot
    from argmap.texts import one_line

    shown = one_line(options.output)

    def write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, data, protect=inputs)

    try:
        try:
            data = source.encode("utf-8") if fmt == "dot" else run_dot(source, fmt, options.timeout)
        except GraphvizMissing as missing:
            dot_path = output.with_suffix(".dot")
            stderr.write(f"argmap render: Graphviz's `dot` is not installed; to install it: {missing}\n")
            if not options.check:
                write(dot_path, source.encode("utf-8"))
                stderr.write(f"argmap render: the DOT source is in {one_line(str(dot_path))}\n")
            return EXIT_GRAPHVIZ
        except GraphvizFailed as failed:
            stderr.write(f"argmap render: {one_line(str(failed))}\n")
            return EXIT_GRAPHVIZ
        if options.check:
            current = output.read_bytes() if output.is_file() else None
            if current != data:
                stderr.write(f"argmap render: {shown} is {'missing' if current is None else 'stale'};"
                             " render it again\n")
                return EXIT_FINDINGS
            stdout.write(f"{shown} is up to date\n")
            return EXIT_OK
        write(output, data)
    except OSError as error:
        stderr.write(f"argmap render: cannot write {shown}: {error.strerror or error}\n")
        return EXIT_USAGE
    stdout.write(f"wrote {shown}\n")
    return EXIT_OK
