"""ICCMA tasks for `argmap eval`: their names, their answers, and ICCMA's solver command line (`--iccma`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

import click

from argmap.errors import USAGE

if TYPE_CHECKING:
    from argmap.semantics.deadline import Deadline

__all__ = ["DEFAULT_TIMEOUT", "EvalOptions", "TASK_SEMANTICS", "TASKS", "ICCMA_FORMATS", "EvalCommand", "iccma_args", "no_such", "task"]

DEFAULT_TIMEOUT = 300.0
"""Seconds `argmap eval` may take by default (with --iccma, no limit: the harness keeps time)."""


@dataclass(frozen=True)
class EvalOptions:
    """What `argmap eval` was asked, as click parsed it."""

    path: str | None
    input_format: str | None = None
    task: str | None = None
    argument: str | None = None
    format: str = "text"
    semantics: str | None = None
    sensitivity: bool = False
    threshold: float | None = None  # None: 0.5, and not given (so that it can be refused without --sensitivity)
    top: int | None = None          # None: 10
    timeout: float | None = DEFAULT_TIMEOUT
    iccma: bool = False
    problems: bool = False
    lang: str | None = None  # the language of the texts in text output (default: the map's first)
    questions: bool = False  # critical questions count (argmap.schemes.evaluation)



TASK_SEMANTICS = {"CO": "complete", "PR": "preferred", "ST": "stable", "SST": "semi-stable", "STG": "stage",
                  "GR": "grounded", "ID": "ideal"}
TASKS = tuple(f"{kind}-{code}" for kind in ("DC", "DS", "SE", "EE", "CE") for code in TASK_SEMANTICS)
SUGGEST_LIMIT = 100_000  # "did you mean" looks through at most this many names (it is slow on millions)
ICCMA_FORMATS = {"i23": "iccma", "af": "iccma", "iccma": "iccma", "apx": "apx", "tgf": "tgf"}  # ICCMA's -fo names


def iccma_args(args: list[str]) -> list[str]:
    """ICCMA's solver command line (`-p TASK -f FILE -a ARG`, `--problems`, `-fo FORMAT`) in eval's own options.

    >>> iccma_args(["--iccma", "-p", "DC-PR", "-f", "x.af", "-a", "3"])
    ['--iccma', '--task', 'DC-PR', '-a', '3', '--', 'x.af']
    """
    translated, files = [], []
    words = iter(args)
    for word in words:
        if word in ("-p", "--problem", "-f", "--file", "-fo") or word.startswith(("--problem=", "--file=")):
            name, _, value = word.partition("=")
            value = value or next(words, "")
            if name in ("-f", "--file"):
                files.append(value)
            elif name == "-fo":
                translated += ["--input-format", ICCMA_FORMATS.get(value.lower(), value)]
            else:
                translated += ["--task", value]
        else:
            translated.append(word)
    return translated + (["--", *files] if files else [])


class EvalCommand(click.Command):
    """eval, whose command line is ICCMA's (where -f names the file) when --iccma is given."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--iccma" in args:
            args = iccma_args(args)
        return super().parse_args(ctx, args)


def no_such(name: str | None, candidates: Any, missing: str, stderr: IO[str]) -> int:
    if name is None:
        stderr.write(f"argmap eval: {missing}\n")
    else:
        from argmap.suggest import did_you_mean

        hint = did_you_mean(name, candidates) if len(candidates) <= SUGGEST_LIMIT else ""
        stderr.write(f"argmap eval: no argument {name!r}{hint}\n")
    return USAGE


def task(options: EvalOptions, framework: Any, semantics: str, deadline: Deadline, stdout: IO[str],
          stderr: IO[str]) -> int:
    from argmap.cli import eval_output as output

    assert options.task is not None
    kind = options.task.split("-")[0]
    position = None
    if kind in ("DC", "DS"):
        if options.argument is None or options.argument not in framework.names[:framework.shown]:
            return no_such(options.argument, framework.names, f"{options.task} needs --argument", stderr)
        position = framework.index(options.argument)

    def answer(result: bool | None, extension: Any = None, extensions: Any = None) -> int:
        return output.task(options.task or "", options.argument, options.format, framework, result, extension,
                           extensions, stdout)

    if semantics == "grounded":
        from argmap.semantics.grounded import IN, grounded

        extension = [a for a, label in enumerate(grounded(framework, deadline)) if label == IN]
        # The grounded extension is unique: credulous and sceptical acceptance coincide.
        if kind == "CE":
            return answer(None, None, 1)
        return answer(position in extension if kind in ("DC", "DS") else None, extension, [extension])
    from argmap.semantics.extensions import Reasoner

    reasoner = Reasoner(framework, semantics, deadline)
    if kind == "DC":
        return answer(*reasoner.credulous(position or 0))
    if kind == "DS":
        return answer(*reasoner.sceptical(position or 0))
    if kind == "SE":
        return answer(None, reasoner.one())
    if kind == "EE":
        return answer(None, None, list(reasoner.extensions()))
    return answer(None, None, sum(1 for _ in reasoner.extensions()))
