"""The Evaluation value: per id a label, an acceptance or a strength, the extensions, verdicts on thesis or roots."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:

    from argmap.graph import Graph
    from argmap.semantics.deadline import Deadline
    from argmap.semantics.framework import Framework

from argmap.semantics.registry import NAMES  # each semantics' name in prose, read from the one table

__all__ = ["Evaluation", "evaluate_framework", "evaluate_graph", "framework_roots", "EXTENSION_LIMIT", "NAMES"]

EXTENSION_LIMIT = 100
"""Extensions listed before saying "more than": their number can grow exponentially."""
LABEL_WORDS = {"IN": "stands: every objection to it is defeated", "OUT": "is defeated by an accepted objection",
               "UNDEC": "is undecided: an objection to it is itself undecided"}
UNATTACKED_WORDS = "stands: nothing attacks it"
"""What grounded semantics says of an IN node that no argument attacks (it has no objection to defeat)."""
UNSUPPORTED_WORDS = ", but no argument for it stands"
"""Added when every argument the map gives for an IN node is defeated or undecided: it stands unsupported."""


@dataclass(frozen=True)
class Evaluation:
    """What a semantics says of every statement (``rows``) and inference (``arguments``) of a map, or of
    every argument of a framework file (``rows`` only).

    Exactly one family of fields is filled: ``labels`` (grounded); ``credulous``, ``sceptical``,
    ``exists`` and ``extensions`` (the other extension semantics); or ``strengths`` (gradual, None
    where the iteration did not settle). ``roots`` are the statements (or arguments) that support
    or attack nothing: a map's thesis is one, and a map or framework without a thesis is reported
    root by root.
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
    strengths: Mapping[str, float | None] = field(default_factory=dict)
    bases: Mapping[str, float] = field(default_factory=dict)
    converged: bool = True
    iterations: int = 0
    dynamics: str = ""
    """How strengths were found: 'acyclic' (exactly, one pass), 'continuous' or 'iterated' (see gradual.py)."""
    roots: tuple[str, ...] = ()
    framework: Framework | None = field(default=None, compare=False, repr=False)
    """The framework evaluated (extension semantics), which the reasons are read from."""
    graph: Graph | None = field(default=None, compare=False, repr=False)
    """The map's graph, when a map was evaluated."""

    def reasons(self, deadline: float | Deadline | None = None) -> dict[str, dict[str, Any]]:
        """Why each row and argument has its verdict, as JSON values (argmap.semantics.reasons); past
        ``deadline`` (a witness searched for when more extensions exist than are listed), Timeout."""
        from argmap.semantics import reasons

        if self.gradual:
            return {} if self.graph is None else reasons.strength_reasons(self, self.graph)
        if self.framework is None:
            return {}
        search = None
        if self.more_extensions and not self.labels:
            from argmap.semantics.extensions import Reasoner

            search = Reasoner(self.framework, self.semantics, deadline)
        return reasons.reasons(self, self.framework, self.graph, search)

    def unattacked(self, node: str) -> bool:
        """Whether no argument of the framework evaluated attacks ``node`` (False without a framework)."""
        if self.framework is None or node not in self.framework.names:
            return False
        position = self.framework.index(node)
        return all(target != position for _, target in self.framework.attacks)

    def unsupported(self, node: str) -> bool:
        """Whether ``node`` has arguments for it in the map and none of them stands (grounded labels): support is
        evidential, so the claim is not defeated by that, but it is left without a reason."""
        graph = self.graph
        if graph is None or node not in graph:
            return False
        nodes = graph.nodes
        reasons = [i for i in graph.predecessors(node)
                   if nodes[i].get("kind") == "inference" and nodes[i].get("relation") == "support"]
        return bool(reasons) and all(self.labels.get(i) != "IN" for i in reasons)

    @property
    def gradual(self) -> bool:
        from argmap.semantics.registry import GRADUAL_SEMANTICS

        return self.semantics in GRADUAL_SEMANTICS

    def acceptance(self, node: str) -> str:
        """ACCEPTED in every extension, CREDULOUS in some but not all, REJECTED in none."""
        from argmap.semantics import acceptance_word

        if not self.exists:
            return "REJECTED"
        return acceptance_word(self.credulous[node], self.sceptical[node])

    def annotation(self, node: str) -> str | None:
        """What a diagram shows for ``node``: its label, its acceptance or its strength ('none' where
        the strengths did not settle)."""
        if self.labels:
            return self.labels.get(node)
        if self.gradual:
            if node not in self.strengths:
                return None
            value = self.strengths[node]
            return "none" if value is None else f"{value:.2f}"
        return self.acceptance(node) if node in self.credulous else None

    def annotations(self) -> dict[str, str]:
        """What a diagram shows for every node evaluated (statements, declared and derived inferences); the
        framework's auxiliary arguments (``p--defeated``, see bipolar.py) are no node of the map and are left out."""
        nodes = self.labels or self.strengths or self.credulous
        helpers = set(self.framework.names[self.framework.shown:]) if self.framework is not None else set()
        return {node: note for node in nodes if node not in helpers and (note := self.annotation(node)) is not None}

    def verdict(self) -> str | None:
        """One sentence on the thesis, or None when there is no thesis."""
        return None if self.thesis is None else self.sentence(self.thesis, "thesis")

    def verdicts(self) -> list[str]:
        """The sentence on the thesis; without one, a sentence on each root."""
        if self.thesis is not None:
            return [self.sentence(self.thesis, "thesis")]
        return [self.sentence(root, "root") for root in self.roots]

    def sentence(self, node: str, what: str) -> str:
        """What the semantics says of ``node`` (the thesis, or a root) in plain words."""
        name = NAMES[self.semantics]
        if self.labels:
            label = self.labels[node]
            words = UNATTACKED_WORDS if label == "IN" and self.unattacked(node) else LABEL_WORDS[label]
            if label == "IN" and self.unsupported(node):
                words += UNSUPPORTED_WORDS
            return f"The {what} {node!r} {words} (grounded semantics)."
        if self.gradual:
            value = self.strengths[node]
            if value is None:
                return (f"The {what} {node!r} has no {name} strength: the strengths on this map's cycles did not"
                        f" settle in {self.iterations} steps.")
            return f"The {what} {node!r} has strength {value:.2f} ({name})."
        if not self.exists:
            return f"There is no {name} extension, so the {what} {node!r} is not accepted."
        return f"The {what} {node!r} " + {
            "ACCEPTED": f"is accepted: every {name} extension contains it",
            "CREDULOUS": f"is only credulously accepted: some {name} extensions contain it, others do not",
            "REJECTED": f"is rejected: no {name} extension contains it"}[self.acceptance(node)] + "."

    def value(self, node: str) -> dict[str, Any]:
        """``node``'s entry in JSON: its id and its label, acceptance or strength."""
        if self.labels:
            return {"id": node, "label": self.labels[node]}
        if self.gradual:
            return {"id": node, "strength": self.strengths[node]}
        return {"id": node, "acceptance": self.acceptance(node)}

    def to_json(self) -> dict[str, Any]:
        """The versioned JSON document `argmap eval -f json` writes."""
        thesis = self.thesis
        document: dict[str, Any] = {"version": 1, "semantics": self.semantics}
        if self.gradual:
            from argmap.semantics.gradual import DEFAULT_BASE

            document.update(default_base=DEFAULT_BASE, converged=self.converged, iterations=self.iterations,
                            dynamics=self.dynamics)
        document["thesis"] = self.value(thesis) if thesis else None
        document["roots"] = [self.value(root) for root in self.roots]
        if self.labels:
            document["labels"] = {name: self.labels[name] for name in self.rows}
            if self.arguments:
                document["arguments"] = {aid: self.labels[aid] for aid in self.arguments}
        elif self.gradual:
            document["strengths"] = {sid: self.strengths[sid] for sid in self.rows}
            document["arguments"] = {aid: self.strengths[aid] for aid in self.arguments}
        else:
            document["extensions"] = {"exist": self.exists,
                                      "count": None if self.more_extensions else len(self.extensions),
                                      "listed": [list(e) for e in self.extensions]}
            document["acceptance"] = {name: {"credulous": self.credulous[name], "sceptical": self.sceptical[name]}
                                      for name in self.rows}
            if self.arguments:
                document["arguments"] = {aid: {"credulous": self.credulous[aid], "sceptical": self.sceptical[aid]}
                                         for aid in self.arguments}
        document["why"] = self.reasons()
        return document


def framework_roots(framework: Framework) -> tuple[str, ...]:
    """The shown arguments of a framework that attack nothing."""
    attacking = {attacker for attacker, _ in framework.attacks}
    return tuple(name for a, name in enumerate(framework.names[:framework.shown]) if a not in attacking)


def evaluate_framework(framework: Framework, semantics: str, timeout: float | Deadline | None = None, *,
                       rows: tuple[str, ...] | None = None, arguments: tuple[str, ...] = (),
                       thesis: str | None = None, roles: Mapping[str, str] | None = None,
                       roots: tuple[str, ...] | None = None) -> Evaluation:
    """Evaluate an abstract framework under an extension semantics; ``rows`` default to every shown
    argument, ``roots`` to those that attack nothing. ``timeout``: seconds, or a shared Deadline."""
    from argmap.semantics.deadline import Deadline
    from argmap.semantics.registry import EXTENSION_SEMANTICS, SEMANTICS

    if semantics not in EXTENSION_SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; available: {', '.join(SEMANTICS)}")
    deadline = Deadline.of(timeout)
    names = framework.names
    common: dict[str, Any] = {
        "semantics": semantics, "thesis": thesis, "rows": tuple(names[:framework.shown]) if rows is None else rows,
        "arguments": arguments, "roles": dict(roles or {}),
        "roots": framework_roots(framework) if roots is None else roots}
    if semantics == "grounded":
        from argmap.semantics.grounded import grounded

        return Evaluation(labels=dict(zip(names, grounded(framework, deadline), strict=True)), framework=framework,
                          **common)
    from argmap.semantics.extensions import Reasoner

    reasoner = Reasoner(framework, semantics, deadline)
    accepted = reasoner.acceptance()
    listed = [tuple(sorted(framework.members(e))) for e in islice(reasoner.extensions(), EXTENSION_LIMIT + 1)]
    credulous = dict(zip(names, accepted.credulous, strict=True))
    sceptical = dict(zip(names, accepted.sceptical, strict=True))
    return Evaluation(credulous=credulous, sceptical=sceptical,
                      exists=accepted.exists, extensions=tuple(listed[:EXTENSION_LIMIT]),
                      more_extensions=len(listed) > EXTENSION_LIMIT, framework=framework, **common)


def evaluate_graph(graph: Graph, semantics: str, timeout: float | Deadline | None = None) -> Evaluation:
    """Evaluate a map's graph: extension semantics on its bipolar translation, or gradual strengths."""
    from argmap.semantics.deadline import Deadline
    from argmap.semantics.registry import GRADUAL_SEMANTICS

    deadline = Deadline.of(timeout)
    nodes = graph.nodes
    rows = tuple(n for n in graph if nodes[n]["kind"] == "statement")
    arguments = tuple(n for n in graph if nodes[n]["kind"] == "inference" and nodes[n].get("explicit"))
    roles = {n: nodes[n].get("role", "claim") for n in rows}
    thesis = next((n for n in rows if roles[n] == "thesis"), None)
    roots = tuple(n for n in rows if graph.out_degree(n) == 0)  # a premise of nothing: it supports or attacks nothing
    if semantics in GRADUAL_SEMANTICS:
        from argmap.semantics.gradual import DEFAULT_BASE, Model

        found = Model(graph, deadline).settle(semantics, deadline=deadline)
        bases = {n: DEFAULT_BASE if nodes[n].get("base") is None else nodes[n]["base"] for n in rows}
        return Evaluation(semantics, thesis, rows, arguments, roles, strengths=found.values, bases=bases,
                          converged=found.converged, iterations=found.iterations, dynamics=found.dynamics,
                          roots=roots, graph=graph)
    from argmap.semantics.bipolar import framework_from_graph

    # Stage semantics needs the secondary attacks written out (bipolar.py).
    framework = framework_from_graph(graph, deadline, helpers=semantics != "stage")
    evaluation = evaluate_framework(framework, semantics, deadline, rows=rows, arguments=arguments, thesis=thesis,
                                    roles=roles, roots=roots)
    return replace(evaluation, graph=graph)
