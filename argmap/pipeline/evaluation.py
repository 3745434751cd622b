"""Evaluation composed once for every app: a subject under one semantics (its critical questions counted or
not), an ICCMA task's answer, a sensitivity analysis, the other semantics a verdict is compared with, and a
time-out said once from the registry of semantics."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from argmap.errors import LimitReached, UsageError
from argmap.semantics.deadline import Deadline
from argmap.semantics.registry import EXTENSION_SEMANTICS, GRADUAL_SEMANTICS, NAMES, SEMANTICS, timeout_reason
from argmap.semantics.result import EXTENSION_LIMIT, Evaluation

if TYPE_CHECKING:
    from argmap.formats import Subject
    from argmap.graph import Graph
    from argmap.model import ArgumentMap
    from argmap.schemes import Catalogue
    from argmap.semantics.framework import Framework
    from argmap.semantics.sensitivity import Sensitivity

__all__ = ["SEMANTICS", "EXTENSION_SEMANTICS", "GRADUAL_SEMANTICS", "NAMES", "EXTENSION_LIMIT", "TASK_SEMANTICS",
           "TASKS", "Evaluation", "Deadline", "Answer", "bounded", "default_base", "of_graph", "of_subject", "with_questions",
           "answer", "sensitivity", "compared", "no_such"]

TASK_SEMANTICS = {"CO": "complete", "PR": "preferred", "ST": "stable", "SST": "semi-stable", "STG": "stage",
                  "GR": "grounded", "ID": "ideal"}
"""ICCMA's semantics codes, as a task names them (DS-PR: sceptical acceptance under preferred semantics)."""
TASKS = tuple(f"{kind}-{code}" for kind in ("DC", "DS", "SE", "EE", "CE") for code in TASK_SEMANTICS)
"""The ICCMA tasks argmap answers."""
SUGGEST_LIMIT = 100_000  # "did you mean" looks through at most this many names (it is slow on millions)


def no_such(name: str | None, candidates: Sequence[str], missing: str) -> UsageError:
    """The error for an argument or statement ``name`` that is not among ``candidates`` (``missing`` says
    what is needed when none was named)."""
    if name is None:
        return UsageError(missing)
    from argmap.suggest import did_you_mean

    hint = did_you_mean(name, candidates) if len(candidates) <= SUGGEST_LIMIT else ""
    return UsageError(f"no argument {name!r}{hint}")


def default_base() -> float:
    """Where a statement without ``base:`` starts in gradual semantics."""
    from argmap.semantics.gradual import DEFAULT_BASE

    return DEFAULT_BASE


@contextmanager
def bounded(timeout: float | None, semantics: str) -> Iterator[Deadline]:
    """A deadline ``timeout`` seconds from now (None: no limit) for a whole evaluation, reading included;
    running past it raises LimitReached saying what that means under ``semantics``."""
    from argmap.semantics.deadline import Timeout

    try:
        yield Deadline(timeout)
    except Timeout:
        raise LimitReached(f"no answer within {timeout:g} s (--timeout); {timeout_reason(semantics)}") from None


def of_graph(graph: Graph, amap: ArgumentMap | None, semantics: str, timeout: float | None,
             questions: bool = False, schemes: Catalogue | None = None) -> Evaluation:
    """A map's graph evaluated under ``semantics`` within ``timeout`` seconds; with ``questions``, the critical
    questions of the map's schemes (from ``schemes``, default argmap's catalogue) count. Past the time,
    LimitReached."""
    from argmap.semantics.deadline import Timeout
    from argmap.semantics.result import evaluate_graph

    if questions:
        from argmap.schemes import shipped
        from argmap.schemes.evaluation import counting_questions

        assert amap is not None  # the questions are the map's schemes'
        graph = counting_questions(graph, amap, schemes or shipped(), semantics not in GRADUAL_SEMANTICS)
    try:
        return evaluate_graph(graph, semantics, timeout)
    except Timeout:
        raise LimitReached(f"{semantics} semantics found no answer within {timeout:g} s;"
                           f" {timeout_reason(semantics)}") from None


def with_questions(subject: Subject, semantics: str, deadline: Deadline, schemes: Catalogue | None = None) -> Subject:
    """``subject`` (a map) with the critical questions of its schemes counting (argmap.schemes.evaluation); the
    schemes are ``schemes``, by default those of the configuration that applies in the current folder."""
    from argmap.pipeline import configuration
    from argmap.schemes.evaluation import counting_questions
    from argmap.semantics.bipolar import framework_from_graph

    if subject.amap is None or subject.graph is None:
        raise UsageError("--questions needs a map (its schemes and critical questions), not a framework file")
    catalogue = schemes if schemes is not None else configuration().schemes
    graph = counting_questions(subject.graph, subject.amap, catalogue, semantics not in GRADUAL_SEMANTICS)
    return replace(subject, graph=graph, framework=framework_from_graph(graph, deadline))


def of_subject(subject: Subject, semantics: str, deadline: Deadline) -> Evaluation:
    """A map's graph, or a framework file's framework, evaluated under ``semantics`` before ``deadline``."""
    from argmap.semantics.result import evaluate_framework, evaluate_graph

    if subject.amap is not None and subject.graph is not None:
        return evaluate_graph(subject.graph, semantics, deadline)
    return evaluate_framework(subject.framework, semantics, deadline)


@dataclass(frozen=True)
class Answer:
    """An ICCMA task's answer: acceptance (DC, DS), with its witness or counter-example; an extension (SE); all
    of them (EE) or their number (CE). Extensions hold the framework's argument numbers."""

    task: str
    argument: str | None
    framework: Framework
    accepted: bool | None = None
    extension: list[int] | None = None
    extensions: list[list[int]] | int | None = None

    def members(self, extension: list[int]) -> list[str]:
        """The names of an extension's arguments."""
        return list(self.framework.members(extension))


def answer(subject: Subject, task: str, argument: str | None, deadline: Deadline) -> Answer:
    """The answer to ICCMA ``task`` (such as DS-PR) about ``subject``, for ``argument`` in DC and DS tasks;
    UsageError when that argument is missing or not the framework's."""
    kind, code = task.split("-")
    semantics = TASK_SEMANTICS[code]
    framework = subject.framework
    if subject.graph is not None and semantics == "stage":
        from argmap.semantics.bipolar import framework_from_graph

        framework = framework_from_graph(subject.graph, deadline, helpers=False)  # as evaluate_graph does for stage
    position = None
    if kind in ("DC", "DS"):
        if argument is None or argument not in framework.names[:framework.shown]:
            raise no_such(argument, framework.names, f"{task} needs --argument")
        position = framework.index(argument)
    said = Answer(task, argument, framework)
    if semantics == "grounded":
        from argmap.semantics.grounded import IN, grounded

        extension = [a for a, label in enumerate(grounded(framework, deadline)) if label == IN]
        # The grounded extension is unique: credulous and sceptical acceptance coincide.
        if kind == "CE":
            return replace(said, extensions=1)
        return replace(said, accepted=position in extension if kind in ("DC", "DS") else None, extension=extension,
                       extensions=[extension])
    from argmap.semantics.extensions import Reasoner

    reasoner = Reasoner(framework, semantics, deadline)
    if kind in ("DC", "DS"):
        accepted, witness = (reasoner.credulous if kind == "DC" else reasoner.sceptical)(position or 0)
        return replace(said, accepted=accepted, extension=witness)
    if kind == "SE":
        return replace(said, extension=reasoner.one())
    if kind == "EE":
        return replace(said, extensions=list(reasoner.extensions()))
    return replace(said, extensions=sum(1 for _ in reasoner.extensions()))


def sensitivity(subject: Subject, semantics: str, target: str, threshold: float, deadline: Deadline) -> Sensitivity:
    """How far each base score moves ``target``'s strength under gradual ``semantics``, and the smallest change
    to one that flips its acceptance at ``threshold``; LimitReached when the semantics does not settle."""
    from argmap.semantics.gradual import Model, Unsettled
    from argmap.semantics.sensitivity import sensitivity as analyse

    assert subject.graph is not None  # gradual semantics needs a map
    try:
        return analyse(Model(subject.graph, deadline), semantics, target, threshold, deadline)
    except Unsettled:
        raise LimitReached(f"{NAMES[semantics]} does not settle on this map's cycles, so {target!r} has no"
                           " strength to analyse") from None


def compared(evaluation: Evaluation) -> Evaluation | None:
    """The evaluation a map's verdict is compared with: DF-QuAD's beside grounded semantics', and grounded's
    beside DF-QuAD's (they can disagree on the thesis); None for other semantics or a framework file."""
    from argmap.semantics.result import evaluate_graph

    if evaluation.graph is None or evaluation.semantics not in ("grounded", "dfquad"):
        return None
    return evaluate_graph(evaluation.graph, "dfquad" if evaluation.semantics == "grounded" else "grounded")
