"""`argmap eval`: which claims stand, the ICCMA tasks, and ICCMA's solver interface (`--iccma -p TASK -f FILE`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from argmap.cli.common import SECONDS
from argmap.cli.eval_tasks import DEFAULT_TIMEOUT, TASK_SEMANTICS, TASKS, EvalCommand, EvalOptions, iccma_args
from argmap.errors import UsageError
from argmap.pipeline.evaluation import GRADUAL_SEMANTICS, SEMANTICS
from argmap.pipeline.exchange import names

if TYPE_CHECKING:
    from argmap.pipeline.evaluation import Deadline
    from argmap.pipeline.exchange import Subject

# EvalOptions, TASKS, TASK_SEMANTICS and iccma_args live in eval_tasks and are named here for callers of this module.
__all__ = ["EvalOptions", "eval_", "execute_eval", "TASKS", "TASK_SEMANTICS", "iccma_args"]


class Share(click.FloatRange):
    """A FloatRange that also refuses nan, which compares false with both bounds and so would pass."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        number = super().convert(value, param, ctx)
        if number != number:
            self.fail(f"{value!r} is not a number", param, ctx)
        return number


@click.command("eval", cls=EvalCommand)
@click.argument("path", type=click.Path(), required=False)
@click.option("-s", "--semantics", type=click.Choice(SEMANTICS),
              help="grounded (the default), complete, preferred, stable, semi-stable, stage or ideal extensions; or"
                   " gradual strengths from the statements' base scores: dfquad, quadratic-energy, h-categoriser or"
                   " euler-based (maps only).")
@click.option("--task", type=click.Choice(TASKS, case_sensitive=False), metavar="TASK",
              help="Answer one ICCMA task, such as DS-PR: DC/DS credulous/sceptical acceptance of --argument, SE one"
                   " extension, EE all, CE their number; under CO complete, PR preferred, ST stable, SST semi-stable,"
                   " STG stage, GR grounded or ID ideal semantics.")
@click.option("-a", "--argument", help="The argument for DC and DS tasks (map id, or framework name or number);"
                                       " with --sensitivity, the statement to analyse (default: the thesis).")
@click.option("--sensitivity", is_flag=True,
              help="Rank the base scores by how far they move the thesis's strength, and find the smallest change to"
                   " one that flips its acceptance (gradual semantics; dfquad unless -s says otherwise).")
@click.option("--threshold", type=Share(0, 1, max_open=True),
              help="With --sensitivity: a statement is accepted when its strength is above this (default 0.5).")
@click.option("--top", type=click.IntRange(min=1),
              help="With --sensitivity: how many statements to list (default 10; JSON lists all).")
@click.option("--timeout", type=SECONDS,
              help="Seconds the whole evaluation may take: reading, solving (every extension semantics but grounded"
                   " needs the SAT solver), iterating, sensitivity. Default 300; with --iccma, none (the harness keeps"
                   " time).")
@click.option("-f", "--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", help="Language of the statements' texts in text output (default: the map's first language).")
@click.option("--input-format", type=click.Choice(names("framework", readable=True)),
              help="For a framework file: its format (default: from the extension .af/.i23, .apx, .tgf).")
@click.option("--iccma", is_flag=True,
              help="ICCMA's solver interface: `argmap eval --iccma -p TASK -f FILE [-a ARG]` and"
                   " `argmap eval --iccma --problems`; answers only, in ICCMA 2023's form.")
@click.option("--problems", is_flag=True, help="With --iccma: list the supported tasks, as ICCMA asks.")
@click.option("--questions", is_flag=True,
              help="Let the critical questions of the map's schemes count: an open assumption leaves its inference"
                   " undecided (weaker, in gradual semantics), a raised question undercuts it (docs/evaluation.md).")
def eval_(path: str | None, semantics: str | None, task: str | None, argument: str | None, sensitivity: bool,
          threshold: float | None, top: int | None, timeout: float | None, format_: str, input_format: str | None,
          iccma: bool, problems: bool, lang: str | None, questions: bool) -> None:
    """Evaluate which statements of a map (or arguments of a framework file) stand.

    PATH is a map file, a folder holding one map, or a framework file (ICCMA, APX, TGF).
    Exit status: 0 evaluated, 1 the map has errors, 2 usage error or unreadable framework, 3 no
    answer within --timeout.
    """
    if timeout is None:
        timeout = None if iccma else DEFAULT_TIMEOUT
    options = EvalOptions(path, input_format, task.upper() if task else None, argument, format_, semantics,
                          sensitivity, threshold, top, timeout, iccma, problems, lang, questions)
    sys.exit(execute_eval(options, sys.stdout, sys.stderr))


def execute_eval(options: EvalOptions, stdout: IO[str], stderr: IO[str]) -> int:
    """Load, evaluate and report, all within ``options.timeout`` seconds; returns the exit status.
    Output is written only once it is complete, so a time-out leaves stdout empty."""
    from argmap.cli.common import run

    return run("eval", lambda: _execute(options, stdout, stderr), stderr)


def _execute(options: EvalOptions, stdout: IO[str], stderr: IO[str]) -> int:
    from argmap.pipeline.evaluation import bounded

    semantics = _semantics(options)
    if options.problems:
        from argmap.cli import eval_output as output

        return output.problems(TASKS, stdout)
    with bounded(options.timeout, semantics) as deadline:
        return _evaluate(options, semantics, deadline, stdout, stderr)


def _evaluate(options: EvalOptions, semantics: str, deadline: Deadline, stdout: IO[str], stderr: IO[str]) -> int:
    from argmap.atomic import refuse_stream
    from argmap.cli import eval_output as output
    from argmap.pipeline import evaluation
    from argmap.pipeline import subject as read_subject

    assert options.path is not None
    subject = read_subject(options.path, options.input_format, "eval", deadline)
    amap = subject.amap
    try:
        refuse_stream(stdout, amap.files if amap is not None else [options.path])
    except OSError as error:
        raise UsageError(f"cannot write {error.filename}: {error.strerror}") from None
    if options.lang is not None:
        _verify_lang(options.lang, amap)
    if options.questions:
        from argmap.pipeline import configuration, one_map

        schemes = configuration(Path(one_map(options.path, "eval")).absolute().parent).schemes  # as `check` finds it
        subject = evaluation.with_questions(subject, semantics, deadline, schemes)
    if semantics in GRADUAL_SEMANTICS:
        if amap is None:
            raise UsageError(f"{semantics} needs a map (its supports and base scores), not a framework file")
        if options.sensitivity:
            return _sensitivity(options, semantics, subject, deadline, stdout)
    if options.task is not None:
        return output.task(evaluation.answer(subject, options.task, options.argument, deadline), options.format,
                           stdout)
    return output.report(evaluation.of_subject(subject, semantics, deadline), options.format, stdout, stderr, amap,
                         options.lang, options.questions)


def _sensitivity(options: EvalOptions, semantics: str, subject: Subject, deadline: Deadline, stdout: IO[str]) -> int:
    from argmap.cli import eval_output as output
    from argmap.pipeline import evaluation

    amap = subject.amap
    assert amap is not None  # gradual semantics needs a map
    target = options.argument or _thesis(amap)
    if target is None or target not in amap.statements:
        raise evaluation.no_such(target, list(amap.statements), "--sensitivity needs a statement (-a ID)")
    threshold = 0.5 if options.threshold is None else options.threshold
    result = evaluation.sensitivity(subject, semantics, target, threshold, deadline)
    return output.sensitivity(result, semantics, options.format, options.top or 10, stdout,
                              output.Said(amap, options.lang))


def _verify_lang(lang: str, amap: Any) -> None:
    """Refuse a --lang the map does not have, or one given for a framework file, which has no texts."""
    from argmap.errors import UsageError

    if amap is None:
        raise UsageError("--lang is for a map's texts; a framework file has none")
    amap.language(lang)


def _semantics(options: EvalOptions) -> str:
    """The semantics the options ask for; UsageError saying why when they disagree."""
    chosen = options.semantics
    kind = options.task.split("-")[0] if options.task else None
    if options.problems or options.iccma:
        if options.problems and not options.iccma:
            raise UsageError("--problems is part of the ICCMA interface: argmap eval --iccma --problems")
        clash = [flag for flag, value in (("-s", chosen), ("--sensitivity", options.sensitivity),
                                          ("--threshold", options.threshold), ("--top", options.top),
                                          ("--lang", options.lang)) if value]
        if options.format != "text":
            clash.append("--format")
        if clash:
            raise UsageError(f"{', '.join(clash)} do{'es' if len(clash) == 1 else ''} not go with --iccma,"
                             " whose answers are ICCMA's")
        if options.problems:
            return "grounded"
        if options.task is None or options.path is None:
            raise UsageError("--iccma needs -p TASK and -f FILE (or --problems)")
    if options.path is None:
        raise UsageError("missing PATH (a map, a folder holding one, or a framework file)")
    if options.argument is not None and kind not in ("DC", "DS") and not options.sensitivity:
        raise UsageError("--argument has no effect here: it names the argument of a DC or DS task, or the"
                         " statement --sensitivity analyses")
    unused = [flag for flag, value in (("--threshold", options.threshold), ("--top", options.top)) if value is not None]
    if unused and not options.sensitivity:
        verb = "goes" if len(unused) == 1 else "go"
        raise UsageError(f"{' and '.join(unused)} only {verb} with --sensitivity")
    if options.task is not None:
        from_task = TASK_SEMANTICS[options.task.split("-")[1]]
        if chosen is not None and chosen != from_task:
            raise UsageError(f"--task {options.task} is answered under {from_task} semantics, not {chosen};"
                             " drop -s")
        if options.sensitivity:
            raise UsageError("--sensitivity is about gradual strengths; it does not go with --task")
        return from_task
    if options.sensitivity:
        if chosen is not None and chosen not in GRADUAL_SEMANTICS:
            raise UsageError(f"--sensitivity needs gradual semantics ({', '.join(GRADUAL_SEMANTICS)}),"
                             f" not {chosen}")
        return chosen or "dfquad"
    return chosen or "grounded"


def _thesis(amap: Any) -> str | None:
    if amap is None:
        return None
    return next((sid for sid, s in amap.statements.items() if s.role == "thesis"), None)

