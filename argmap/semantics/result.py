"""The Evaluation value: per id a label, an acceptance or a strength, the extensions, the verdict on the thesis."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from argmap.semantics.deadline import Deadline
    from argmap.semantics.framework import Framework

__all__ = ["Evaluation", "evaluate_framework", "evaluate_graph", "EXTENSION_LIMIT", "NAMES"]

EXTENSION_LIMIT = 100
"""Extensions listed before saying "more than": their number can grow exponentially."""
NAMES = {"grounded": "grounded", "complete": "complete", "preferred": "preferred", "stable": "stable",
         "dfquad": "DF-QuAD", "quadratic-energy": "quadratic energy"}


@dataclass(frozen=True)
class Evaluation:
    """What a semantics says of every statement (``rows``) and inference (``arguments``) of a map, or of
    every argument of a framework file (``rows`` only).

    Exactly one family of fields is filled: ``labels`` (grounded); ``credulous``, ``sceptical``,
    ``exists`` and ``extensions`` (complete, preferred, stable); or ``strengths`` (gradual).
    """

    semantics: str
    thesis: str | None
    rows: tuple[str, ...]
    arguments: tuple[str, ...] = ()
    roles: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    credulous: Mapping[str, bool] = field(default_factory=dict)
    sceptical: Mapping[str, bool] = field(default_factory=dict)
    exists: bool = True
    extensions: tuple[tuple[str, ...], ...] = ()
    more_extensions: bool = False
    """True when there are more than EXTENSION_LIMIT extensions (only that many are listed)."""
    strengths: Mapping[str, float] = field(default_factory=dict)
    bases: Mapping[str, float] = field(default_factory=dict)
    converged: bool = True
    iterations: int = 0

    @property
    def gradual(self) -> bool:
        return bool(self.strengths)

    def acceptance(self, node: str) -> str:
        """ACCEPTED in every extension, CREDULOUS in some but not all, REJECTED in none."""
        from argmap.semantics import acceptance_word

        if not self.exists:
            return "REJECTED"
        return acceptance_word(self.credulous[node], self.sceptical[node])

    def annotation(self, node: str) -> str | None:
        """What a diagram shows for ``node``: its label, its acceptance or its strength."""
        if self.labels:
            return self.labels.get(node)
        if self.strengths:
            value = self.strengths.get(node)
            return None if value is None else f"{value:.2f}"
        return self.acceptance(node) if node in self.credulous else None

    def annotations(self) -> dict[str, str]:
        """What a diagram shows for every node evaluated (statements, declared and derived inferences)."""
        nodes = self.labels or self.strengths or self.credulous
        return {node: note for node in nodes if (note := self.annotation(node)) is not None}

    def verdict(self) -> str | None:
        """One sentence on the thesis, or None when there is no thesis."""
        thesis, name = self.thesis, NAMES[self.semantics]
        if thesis is None:
            return None
        if self.labels:
            return f"The thesis {thesis!r} " + {
                "IN": "stands: every objection to it is defeated", "OUT": "is defeated by an accepted objection",
                "UNDEC": "is undecided: its attackers and defenders cancel out"}[self.labels[thesis]] \
                + " (grounded semantics)."
        if self.strengths:
            return f"The thesis {thesis!r} has strength {self.strengths[thesis]:.2f} ({name})."
        if not self.exists:
            return f"There is no {name} extension, so the thesis {thesis!r} is not accepted."
        return f"The thesis {thesis!r} " + {
            "ACCEPTED": f"is accepted: every {name} extension contains it",
            "CREDULOUS": f"is only credulously accepted: some {name} extensions contain it, others do not",
            "REJECTED": f"is rejected: no {name} extension contains it"}[self.acceptance(thesis)] + "."

    def to_json(self) -> dict[str, Any]:
        """The versioned JSON document `argmap eval -f json` writes."""
        thesis = self.thesis
        document: dict[str, Any] = {"version": 1, "semantics": self.semantics}
        if self.labels:
            document["thesis"] = {"id": thesis, "label": self.labels[thesis]} if thesis else None
            document["labels"] = {name: self.labels[name] for name in self.rows}
            if self.arguments:
                document["arguments"] = {aid: self.labels[aid] for aid in self.arguments}
        elif self.strengths:
            from argmap.semantics.gradual import DEFAULT_BASE

            document.update(default_base=DEFAULT_BASE, converged=self.converged, iterations=self.iterations)
            document["thesis"] = {"id": thesis, "strength": self.strengths[thesis]} if thesis else None
            document["strengths"] = {sid: self.strengths[sid] for sid in self.rows}
            document["arguments"] = {aid: self.strengths[aid] for aid in self.arguments}
        else:
            document["thesis"] = {"id": thesis, "acceptance": self.acceptance(thesis)} if thesis else None
            document["extensions"] = {"exist": self.exists,
                                      "count": None if self.more_extensions else len(self.extensions),
                                      "listed": [list(e) for e in self.extensions]}
            document["acceptance"] = {name: {"credulous": self.credulous[name], "sceptical": self.sceptical[name]}
                                      for name in self.rows}
            if self.arguments:
                document["arguments"] = {aid: {"credulous": self.credulous[aid], "sceptical": self.sceptical[aid]}
                                         for aid in self.arguments}
        return document


def evaluate_framework(framework: Framework, semantics: str, timeout: float | Deadline | None = None, *,
                       rows: tuple[str, ...] | None = None, arguments: tuple[str, ...] = (),
                       thesis: str | None = None, roles: Mapping[str, str] | None = None) -> Evaluation:
    """Evaluate an abstract framework under an extension semantics; ``rows`` default to every argument."""
    from argmap.semantics import EXTENSION_SEMANTICS, SEMANTICS
    from argmap.semantics.deadline import Deadline

    if semantics not in EXTENSION_SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; available: {', '.join(SEMANTICS)}")
    deadline = Deadline.of(timeout)
    names = framework.names[:framework.shown]  # the map's nodes (or the file's), not the translation's helpers
    common = {"semantics": semantics, "thesis": thesis, "rows": tuple(names) if rows is None else rows,
              "arguments": arguments, "roles": dict(roles or {})}
    if semantics == "grounded":
        from argmap.semantics.grounded import grounded

        return Evaluation(labels=dict(zip(names, grounded(framework, deadline))), **common)
    from argmap.semantics.extensions import Reasoner

    reasoner = Reasoner(framework, semantics, deadline)
    accepted = reasoner.acceptance()
    listed = [tuple(sorted(framework.members(e))) for e in islice(reasoner.extensions(), EXTENSION_LIMIT + 1)]
    return Evaluation(credulous=dict(zip(names, accepted.credulous)), sceptical=dict(zip(names, accepted.sceptical)),
                      exists=accepted.exists, extensions=tuple(listed[:EXTENSION_LIMIT]),
                      more_extensions=len(listed) > EXTENSION_LIMIT, **common)


def evaluate_graph(graph: nx.DiGraph, semantics: str, timeout: float | Deadline | None = None) -> Evaluation:
    """Evaluate a map's graph: extension semantics on its bipolar translation, or gradual strengths;
    the whole evaluation stops after ``timeout`` seconds (or at a shared Deadline) with Timeout."""
    from argmap.semantics import GRADUAL_SEMANTICS
    from argmap.semantics.deadline import Deadline

    deadline = Deadline.of(timeout)
    nodes = graph.nodes
    rows = tuple(n for n in graph if nodes[n]["kind"] == "statement")
    arguments = tuple(n for n in graph if nodes[n]["kind"] == "inference" and nodes[n].get("explicit"))
    roles = {n: nodes[n].get("role", "claim") for n in rows}
    thesis = next((n for n in rows if roles[n] == "thesis"), None)
    if semantics in GRADUAL_SEMANTICS:
        from argmap.semantics.gradual import DEFAULT_BASE, strengths

        found = strengths(graph, semantics, deadline=deadline)
        bases = {n: DEFAULT_BASE if nodes[n].get("base") is None else nodes[n]["base"] for n in rows}
        return Evaluation(semantics, thesis, rows, arguments, roles, strengths=found.values, bases=bases,
                          converged=found.converged, iterations=found.iterations)
    from argmap.semantics.bipolar import framework_from_graph

    return evaluate_framework(framework_from_graph(graph, deadline), semantics, deadline, rows=rows,
                              arguments=arguments, thesis=thesis, roles=roles)
