"""`argmap eval` and `argmap export`: which claims stand, and a map's framework in solver formats."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

import click

from argmap.cli.common import SECONDS
from argmap.errors import LIMIT, USAGE
from argmap.formats import names
from argmap.semantics import GRADUAL_SEMANTICS, SEMANTICS

if TYPE_CHECKING:
    from argmap.semantics.deadline import Deadline

__all__ = ["EvalOptions", "eval_", "execute_eval"]

TASK_SEMANTICS = {"CO": "complete", "PR": "preferred", "ST": "stable", "GR": "grounded"}
TASKS = tuple(f"{kind}-{code}" for kind in ("DC", "DS", "SE", "EE") for code in TASK_SEMANTICS)
SUGGEST_LIMIT = 100_000  # "did you mean" looks through at most this many names (it is slow on millions)


class Share(click.FloatRange):
    """A FloatRange that also refuses nan, which compares false with both bounds and so would pass."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if number != number:
            self.fail(f"{value!r} is not a number", param, ctx)
        return number


@dataclass(frozen=True)
class EvalOptions:
    path: str
    input_format: str | None = None
    task: str | None = None
    argument: str | None = None
    format: str = "text"
    semantics: str | None = None
    sensitivity: bool = False
    threshold: float | None = None  # None: 0.5, and not given (so that it can be refused without --sensitivity)
    top: int | None = None          # None: 10
    timeout: float | None = 300.0


@click.command("eval")
@click.argument("path", type=click.Path())
@click.option("-s", "--semantics", type=click.Choice(SEMANTICS),
              help="grounded (the default), complete, preferred or stable extensions; or gradual strengths from the"
                   " statements' base scores: dfquad or quadratic-energy (maps only).")
@click.option("--task", type=click.Choice(TASKS, case_sensitive=False), metavar="TASK",
              help="Answer one ICCMA task, such as DS-PR: DC/DS credulous/sceptical acceptance of --argument, SE one"
                   " extension, EE all; under CO complete, PR preferred, ST stable or GR grounded semantics.")
@click.option("-a", "--argument", help="The argument for DC and DS tasks (map id, or framework name or number);"
                                       " with --sensitivity, the statement to analyse (default: the thesis).")
@click.option("--sensitivity", is_flag=True,
              help="Rank the base scores by how far they move the thesis's strength, and find the smallest change to"
                   " one that flips its acceptance (gradual semantics; dfquad unless -s says otherwise).")
@click.option("--threshold", type=Share(0, 1, max_open=True),
              help="With --sensitivity: a statement is accepted when its strength is above this (default 0.5).")
@click.option("--top", type=click.IntRange(min=1),
              help="With --sensitivity: how many statements to list (default 10; JSON lists all).")
@click.option("--timeout", type=SECONDS, default=300.0, show_default=True,
              help="Seconds the whole evaluation may take: reading, solving (complete, preferred and stable semantics"
                   " are NP-hard), iterating, sensitivity.")
@click.option("-f", "--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--input-format", type=click.Choice(names("framework", readable=True)),
              help="For a framework file: its format (default: from the extension .af/.i23, .apx, .tgf).")
def eval_(path, semantics, task, argument, sensitivity, threshold, top, timeout, format_, input_format) -> None:
    """Evaluate which statements of a map (or arguments of a framework file) stand.

    PATH is a map file, a folder holding one map, or a framework file (ICCMA, APX, TGF).
    Exit status: 0 evaluated, 1 the map has errors, 2 usage error or unreadable framework, 3 no
    answer within --timeout.
    """
    options = EvalOptions(path, input_format, task.upper() if task else None, argument, format_, semantics,
                          sensitivity, threshold, top, timeout)
    sys.exit(execute_eval(options, sys.stdout, sys.stderr))


def execute_eval(options: EvalOptions, stdout: IO[str], stderr: IO[str]) -> int:
    """Load, evaluate and report, all within ``options.timeout`` seconds; returns the exit status.
    Output is written only once it is complete, so a time-out leaves stdout empty."""
    from argmap.cli.common import run
    from argmap.semantics.deadline import Deadline, Timeout

    deadline = Deadline(options.timeout)
    semantics = _semantics(options, stderr)
    if isinstance(semantics, int):
        return semantics
    try:
        return run("eval", lambda: _evaluate(options, semantics, deadline, stdout, stderr), stderr)
    except Timeout:
        why = (f"{semantics} semantics is NP-hard and this is a hard instance; grounded semantics is always fast"
               if semantics in ("complete", "preferred", "stable") else "a larger --timeout gives it more time")
        stderr.write(f"argmap eval: no answer within {options.timeout:g} s (--timeout); {why}\n")
        return LIMIT


def _evaluate(options: EvalOptions, semantics: str, deadline, stdout: IO[str], stderr: IO[str]) -> int:
    from argmap.cli import eval_output as output

    loaded = _load(options.path, options.input_format, stderr, deadline)
    if isinstance(loaded, int):
        return loaded
    framework, amap, graph = loaded
    if semantics in GRADUAL_SEMANTICS:
        if amap is None:
            stderr.write(f"argmap eval: {semantics} needs a map (its supports and base scores), not a framework file\n")
            return USAGE
        from argmap.semantics.gradual import Model

        model = Model(graph, deadline)
        if options.sensitivity:
            target = options.argument or _thesis(amap)
            if target is None or target not in amap.statements:
                return _no_such(target, list(amap.statements), "--sensitivity needs a statement (-a ID)", stderr)
            from argmap.semantics.sensitivity import sensitivity

            threshold = 0.5 if options.threshold is None else options.threshold
            result = sensitivity(model, semantics, target, threshold, deadline)
            return output.sensitivity(result, semantics, options.format, options.top or 10, stdout, stderr)
        values, converged, iterations = model.evaluate(semantics, deadline=deadline)
        return output.strengths(amap, dict(zip(model.names, values)), converged, iterations, semantics,
                                _thesis(amap), options.format, stdout, stderr)
    if options.task is not None:
        return _task(options, framework, semantics, deadline, stdout, stderr)
    if semantics == "grounded":
        from argmap.semantics.grounded import grounded

        return output.labels(framework, amap, grounded(framework, deadline), _thesis(amap), options.format, stdout)
    from argmap.semantics.extensions import Reasoner

    reasoner = Reasoner(framework, semantics, deadline)
    return output.acceptance(framework, amap, reasoner, _thesis(amap), options.format, stdout)


def _semantics(options: EvalOptions, stderr: IO[str]) -> str | int:
    """The semantics the options ask for, or USAGE after saying why they disagree."""
    chosen = options.semantics
    kind = options.task.split("-")[0] if options.task else None
    if options.argument is not None and kind not in ("DC", "DS") and not options.sensitivity:
        stderr.write("argmap eval: --argument has no effect here: it names the argument of a DC or DS task, or the"
                     " statement --sensitivity analyses\n")
        return USAGE
    unused = [flag for flag, value in (("--threshold", options.threshold), ("--top", options.top)) if value is not None]
    if unused and not options.sensitivity:
        stderr.write(f"argmap eval: {' and '.join(unused)} only go{'es' if len(unused) == 1 else ''} with --sensitivity\n")
        return USAGE
    if options.task is not None:
        from_task = TASK_SEMANTICS[options.task.split("-")[1]]
        if chosen is not None and chosen != from_task:
            stderr.write(f"argmap eval: --task {options.task} is answered under {from_task} semantics, not {chosen};"
                         " drop -s\n")
            return USAGE
        if options.sensitivity:
            stderr.write("argmap eval: --sensitivity is about gradual strengths; it does not go with --task\n")
            return USAGE
        return from_task
    if options.sensitivity:
        if chosen is not None and chosen not in GRADUAL_SEMANTICS:
            stderr.write(f"argmap eval: --sensitivity needs gradual semantics ({' or '.join(GRADUAL_SEMANTICS)}),"
                         f" not {chosen}\n")
            return USAGE
        return chosen or "dfquad"
    return chosen or "grounded"


def _thesis(amap) -> str | None:
    if amap is None:
        return None
    return next((sid for sid, s in amap.statements.items() if s.role == "thesis"), None)


def _no_such(name: str | None, names, missing: str, stderr: IO[str]) -> int:
    if name is None:
        stderr.write(f"argmap eval: {missing}\n")
    else:
        from argmap.suggest import did_you_mean

        hint = did_you_mean(name, names) if len(names) <= SUGGEST_LIMIT else ""
        stderr.write(f"argmap eval: no argument {name!r}{hint}\n")
    return USAGE


def _task(options: EvalOptions, framework, semantics: str, deadline, stdout: IO[str], stderr: IO[str]) -> int:
    from argmap.cli import eval_output as output

    kind = options.task.split("-")[0]
    position = None
    if kind in ("DC", "DS"):
        if options.argument is None or options.argument not in framework.names:
            return _no_such(options.argument, framework.names, f"{options.task} needs --argument", stderr)
        position = framework.index(options.argument)
    if semantics == "grounded":
        from argmap.semantics.grounded import IN, grounded

        extension = [a for a, label in enumerate(grounded(framework, deadline)) if label == IN]
        # The grounded extension is unique: credulous and sceptical acceptance coincide.
        answer = {"DC": position in extension, "DS": position in extension}.get(kind)
        return output.task(options, framework, answer, extension, [extension], stdout)
    from argmap.semantics.extensions import Reasoner

    reasoner = Reasoner(framework, semantics, deadline)
    if kind == "DC":
        answer, witness = reasoner.credulous(position)
        return output.task(options, framework, answer, witness, None, stdout)
    if kind == "DS":
        answer, counter = reasoner.sceptical(position)
        return output.task(options, framework, answer, counter, None, stdout)
    if kind == "SE":
        return output.task(options, framework, None, reasoner.one(), None, stdout)
    return output.task(options, framework, None, None, reasoner.extensions(), stdout)


def _load(path: str, input_format: str | None, stderr: IO[str], deadline: Deadline | None = None):
    """(framework, map, graph) — map and graph None for a framework file. Past ``deadline`` (a map's
    checking included), Timeout."""
    from argmap.cli.common import load_subject

    subject = load_subject(path, input_format, "eval", deadline)
    return subject.framework, subject.amap, subject.graph
