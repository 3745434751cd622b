"""What `argmap eval` is asked: its options, and ICCMA's solver command line (`--iccma`) in eval's own options."""

from __future__ import annotations

from dataclasses import dataclass

import click

from argmap.pipeline.evaluation import TASK_SEMANTICS, TASKS

__all__ = ["DEFAULT_TIMEOUT", "EvalOptions", "TASK_SEMANTICS", "TASKS", "ICCMA_FORMATS", "EvalCommand", "iccma_args"]

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

