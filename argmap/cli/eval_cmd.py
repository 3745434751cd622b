"""`argmap eval` and `argmap export`: which claims stand, and a map's framework in solver formats."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import click

__all__ = ["EvalOptions", "eval_", "export", "execute_eval", "execute_export"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
TASKS = ("DC-GR", "DS-GR", "SE-GR", "EE-GR")
MAP_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class EvalOptions:
    path: str
    input_format: str | None = None
    task: str | None = None
    argument: str | None = None
    format: str = "text"
    semantics: str = "grounded"


@click.command("eval")
@click.argument("path", type=click.Path())
@click.option("--input-format", type=click.Choice(["iccma", "apx", "tgf"]),
              help="For a framework file: its format (default: from the extension .af/.i23, .apx, .tgf).")
@click.option("--task", type=click.Choice(TASKS, case_sensitive=False),
              help="Answer one ICCMA task: DC/DS credulous/sceptical acceptance of --argument, SE one extension, EE all.")
@click.option("-a", "--argument", help="The argument (map id, or framework name/number) for DC and DS tasks.")
@click.option("-f", "--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-s", "--semantics", type=click.Choice(["grounded", "dfquad"]), default="grounded", show_default=True,
              help="grounded labelling, or DF-QuAD gradual strengths from the statements' base scores (maps only).")
def eval_(path, input_format, task, argument, format_, semantics) -> None:
    """Evaluate which statements of a map (or arguments of a framework file) stand.

    Exit status: 0 evaluated, 1 the map has errors, 2 usage error or unreadable framework.
    """
    options = EvalOptions(path, input_format, task.upper() if task else None, argument, format_, semantics)
    sys.exit(execute_eval(options, sys.stdout, sys.stderr))


def execute_eval(options: EvalOptions, stdout: IO[str], stderr: IO[str]) -> int:
    """Load, evaluate and report; returns the exit status."""
    loaded = _load(options.path, options.input_format, stderr)
    if isinstance(loaded, int):
        return loaded
    framework, amap, graph = loaded
    if options.semantics == "dfquad":
        if amap is None:
            stderr.write("argmap eval: DF-QuAD needs a map (its supports and base scores), not a framework file\n")
            return EXIT_USAGE
        if options.task is not None:
            stderr.write("argmap eval: the ICCMA tasks are answered under grounded semantics; drop -s dfquad\n")
            return EXIT_USAGE
        return _strengths(amap, graph, options, stdout, stderr)
    from argmap.evaluate.grounded import IN, grounded

    labels = grounded(framework)
    if options.task is not None:
        return _task(options, framework, labels, stdout, stderr)
    rows = [(name, labels[i]) for i, name in enumerate(framework.names)
            if amap is None or name in amap.statements]
    thesis = next((sid for sid, s in amap.statements.items() if s.role == "thesis"), None) if amap else None
    verdict = None
    if thesis is not None:
        status = labels[framework.index(thesis)]
        verdict = {IN: "stands: every objection to it is defeated", "OUT": "is defeated by an accepted objection",
                   "UNDEC": "is undecided: its attackers and defenders cancel out"}[status]
    if options.format == "json":
        document = {"version": 1, "semantics": "grounded",
                    "thesis": {"id": thesis, "label": labels[framework.index(thesis)]} if thesis else None,
                    "labels": {name: label for name, label in rows}}
        if amap is not None:
            document["arguments"] = {aid: labels[framework.index(aid)] for aid in amap.arguments}
        stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    if thesis is not None:
        stdout.write(f"The thesis {thesis!r} {verdict} (grounded semantics).\n\n")
    width = max((len(name) for name, _ in rows), default=4)
    for name, label in rows:
        role = f"  {amap.statements[name].role}" if amap else ""
        stdout.write(f"{label:<6} {name:<{width}}{role}\n")
    counts = {label: sum(1 for _, l in rows if l == label) for label in ("IN", "OUT", "UNDEC")}
    stdout.write(f"\n{counts['IN']} in, {counts['OUT']} out, {counts['UNDEC']} undecided\n")
    return EXIT_OK


def _strengths(amap, graph, options: EvalOptions, stdout: IO[str], stderr: IO[str]) -> int:
    from argmap.evaluate.dfquad import DEFAULT_BASE, dfquad

    result = dfquad(graph)
    if not result.converged:
        stderr.write(f"argmap eval: DF-QuAD did not converge in {result.iterations} iterations; the strengths are"
                     " the last iteration's\n")
    thesis = next((sid for sid, s in amap.statements.items() if s.role == "thesis"), None)
    rows = [(sid, result.values[sid]) for sid in amap.statements]
    if options.format == "json":
        document = {"version": 1, "semantics": "dfquad", "default_base": DEFAULT_BASE, "converged": result.converged,
                    "iterations": result.iterations,
                    "thesis": {"id": thesis, "strength": result.values[thesis]} if thesis else None,
                    "strengths": dict(rows), "arguments": {aid: result.values[aid] for aid in amap.arguments}}
        stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    if thesis is not None:
        stdout.write(f"The thesis {thesis!r} has strength {result.values[thesis]:.2f} (DF-QuAD; statements without"
                     f" `base:` start at {DEFAULT_BASE}).\n\n")
    width = max((len(sid) for sid, _ in rows), default=4)
    for sid, value in rows:
        base = amap.statements[sid].base
        stdout.write(f"{value:5.2f}  {sid:<{width}}  base {DEFAULT_BASE if base is None else base:.2f}\n")
    return EXIT_OK


def _task(options: EvalOptions, framework, labels: list[str], stdout: IO[str], stderr: IO[str]) -> int:
    kind = options.task.split("-")[0]
    if kind in ("DC", "DS"):
        if options.argument is None:
            stderr.write(f"argmap eval: {options.task} needs --argument\n")
            return EXIT_USAGE
        try:
            position = framework.index(options.argument)
        except KeyError:
            from argmap.suggest import did_you_mean

            stderr.write(f"argmap eval: no argument {options.argument!r}{did_you_mean(options.argument, framework.names)}\n")
            return EXIT_USAGE
        # The grounded extension is unique: credulous and sceptical acceptance coincide.
        answer = labels[position] == "IN"
        stdout.write(json.dumps({"task": options.task, "argument": options.argument, "accepted": answer}) + "\n"
                     if options.format == "json" else ("YES\n" if answer else "NO\n"))
        return EXIT_OK
    extension = [name for name, label in zip(framework.names, labels) if label == "IN"]
    if options.format == "json":
        key = "extension" if kind == "SE" else "extensions"
        stdout.write(json.dumps({"task": options.task, key: extension if kind == "SE" else [extension]}) + "\n")
    else:
        line = "w " + " ".join(extension)
        stdout.write(line.rstrip() + "\n" if kind == "SE" else f"[{line.rstrip()}]\n")
    return EXIT_OK


def _load(path: str, input_format: str | None, stderr: IO[str]):
    """(framework, map, graph) — map and graph None for a framework file — or an exit status after
    reporting why not."""
    from argmap.evaluate.framework import FrameworkError, read

    if input_format is None and Path(path).suffix.lower() in MAP_SUFFIXES:
        from argmap.cli.common import checked_map
        from argmap.evaluate.bipolar import framework_from_graph

        checked = checked_map(path, "eval", stderr)
        if isinstance(checked, int):
            return checked
        return framework_from_graph(checked.graph), checked.amap, checked.graph
    try:
        return read(path, input_format), None, None
    except FrameworkError as error:
        where = f"{path}:{error.line}:{error.column}" if error.line else path
        stderr.write(f"{where}: error: {error.message}\n")
        return EXIT_USAGE
    except OSError as error:
        stderr.write(f"{path}: error: {error.strerror or error}\n")
        return EXIT_USAGE


@click.command()
@click.argument("map_path", metavar="MAP", type=click.Path())
@click.option("-f", "--format", "format_", type=click.Choice(["iccma", "apx", "tgf"]), default="iccma", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
def export(map_path, format_, output) -> None:
    """Write the abstract argumentation framework of a map for other solvers (ICCMA 2023, APX or TGF)."""
    sys.exit(execute_export(map_path, format_, output, sys.stdout, sys.stderr))


def execute_export(map_path: str, form: str, output: str | None, stdout: IO[str], stderr: IO[str]) -> int:
    from argmap.evaluate.framework import to_apx, to_iccma, to_tgf

    loaded = _load(map_path, None, stderr)
    if isinstance(loaded, int):
        return loaded
    text = {"iccma": to_iccma, "apx": to_apx, "tgf": to_tgf}[form](loaded[0])
    if output is None:
        stdout.write(text)
        return EXIT_OK
    from argmap.atomic import write_text

    try:
        write_text(output, text)
    except OSError as error:
        stderr.write(f"argmap export: cannot write {output}: {error.strerror}\n")
        return EXIT_USAGE
    return EXIT_OK
