"""Each verdict's reason as data a reader can follow: who defeats a statement, what defends it, the cycle
that leaves it undecided, an extension that holds it, named by map ids (or a framework's own names).

On a map the framework's arguments are statements, inferences and helpers (bipolar.py); a reader
knows statements, so an attacking inference is shown by its premises (``from``) and the place it
strikes (``on``: its target, or the premise of the inference it defeats), and a helper
``p--defeated`` by the attackers that defeat ``p``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from argmap.semantics.why import Why, acceptance_why, grounded_why

if TYPE_CHECKING:

    from argmap.graph import Graph
    from argmap.semantics.framework import Framework


class Evaluation(Protocol):
    """What the reasons are read from: an evaluation (argmap.semantics.result.Evaluation, which calls this
    module, so that this one does not import it back)."""

    @property
    def rows(self) -> tuple[str, ...]: ...
    @property
    def arguments(self) -> tuple[str, ...]: ...
    @property
    def labels(self) -> Mapping[str, str]: ...
    @property
    def credulous(self) -> Mapping[str, bool]: ...
    @property
    def sceptical(self) -> Mapping[str, bool]: ...
    @property
    def exists(self) -> bool: ...
    @property
    def extensions(self) -> tuple[tuple[str, ...], ...]: ...
    @property
    def more_extensions(self) -> bool: ...
    @property
    def strengths(self) -> Mapping[str, float | None]: ...
    @property
    def bases(self) -> Mapping[str, float]: ...
    def acceptance(self, node: str) -> str: ...

__all__ = ["reasons", "SEARCHED"]

SEARCHED = 200
"""Up to this many rows, a witness not among the extensions listed is searched for; beyond, it is left out."""


class _Names:
    """How one framework argument is shown: the statements it stands for, where it strikes."""

    def __init__(self, framework: Framework, graph: Graph | None) -> None:
        self.framework, self.graph = framework, graph
        self.names = framework.names

    def origin(self, a: int) -> list[str]:
        """The statements behind argument ``a``: an inference's premises, a statement itself."""
        name = self.names[a]
        graph = self.graph
        if graph is None or name not in graph:
            return [name.removesuffix("--defeated")] if graph is not None else [name]
        if graph.nodes[name]["kind"] == "inference":
            return [p for p in graph.predecessors(name) if graph.edges[p, name]["kind"] == "premise"]
        return [name]

    def target(self, a: int) -> str | None:
        graph, name = self.graph, self.names[a]
        if graph is None or name not in graph:
            return None
        return next(iter(graph.successors(name)), None)

    def attack(self, a: int, label: str | None = None) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": self.names[a], "from": self.origin(a)}
        if label is not None:
            entry["label"] = label
        return entry

    def is_helper(self, a: int) -> bool:
        return a >= self.framework.shown

    def members(self, extension: tuple[int, ...] | None, rows: set[str]) -> list[str] | None:
        if extension is None:
            return None
        return [self.names[a] for a in extension if self.names[a] in rows]


def reasons(evaluation: Evaluation, framework: Framework, graph: Graph | None = None,
            search: object = None) -> dict[str, dict[str, Any]]:
    """The reason for the verdict on every row and argument of ``evaluation`` (not for gradual strengths:
    see :func:`strength_reasons`), as JSON values."""
    names = _Names(framework, graph)
    wanted = [*evaluation.rows, *evaluation.arguments]
    positions = [framework.index(n) for n in wanted]
    if evaluation.labels:
        labels = [evaluation.labels[n] for n in framework.names]
        found = grounded_why(framework, labels, positions)
        return {n: _grounded(found[a], labels, names, a) for n, a in zip(wanted, positions, strict=True)}
    credulous = [evaluation.credulous.get(n, False) for n in framework.names]
    sceptical = [evaluation.sceptical.get(n, False) for n in framework.names]
    extensions = [[framework.index(m) for m in e] for e in evaluation.extensions]
    if not evaluation.more_extensions or len(wanted) > SEARCHED:
        search = None
    found = acceptance_why(credulous, sceptical, evaluation.exists, extensions, positions, search)
    shown = set(evaluation.rows)
    return {n: _accepted(found[a], evaluation.acceptance(n), names, shown) for n, a in zip(wanted, positions, strict=True)}


def _grounded(why: Why, labels: list[str], names: _Names, a: int) -> dict[str, Any]:
    entry: dict[str, Any] = {"label": labels[a], "because": why.kind}
    if why.kind == "defeated":
        entry["by"] = _attacks(why.attackers, labels, names)
    elif why.kind == "defended":
        attackers: dict[str, dict[str, Any]] = {}
        every = names.framework.attackers()
        for b, defenders in zip(why.attackers, why.defenders, strict=True):
            # a helper ``p--defeated`` stands for the attackers of its premise p, each defeated in its own way
            pairs = ([(d, tuple(c for c in every[d] if labels[c] == "IN")) for d in every[every[b][0]]]
                     if names.is_helper(b) else [(b, defenders)])
            for d, against in pairs:
                item = names.attack(d, labels[d])
                item["defeated_by"] = _defences(d, against, labels, names)
                attackers.setdefault(names.names[d], item)
        entry["attackers"] = list(attackers.values())
    elif why.kind == "cycle":
        entry["by"] = _attacks(why.attackers, labels, names)
        cycle: list[str] = []
        for k, member in enumerate(why.cycle):
            # a linked inference is on the cycle through its undecided premises, not those that stand; an
            # undercut one is on it as itself (what is attacked is the inference, not its premises)
            origin = names.origin(member)
            if names.target(why.cycle[k - 1]) == names.names[member]:
                origin = [names.names[member]]
            for name in [o for o in origin if labels[names.framework.index(o)] == "UNDEC"] or origin:
                if not cycle or cycle[-1] != name:
                    cycle.append(name)
        while len(cycle) > 1 and cycle[0] == cycle[-1]:
            cycle.pop()
        me = names.names[a]
        if me in cycle:  # told from the statement itself
            at = cycle.index(me)
            cycle = cycle[at:] + cycle[:at]
        entry["cycle"] = cycle
        entry["on_cycle"] = me in cycle
    return entry


def _attacks(arguments: tuple[int, ...], labels: list[str], names: _Names) -> list[dict[str, Any]]:
    """Attackers as a reader meets them; a helper stands for the attackers of its premise."""
    shown: dict[str, dict[str, Any]] = {}
    attackers = names.framework.attackers() if any(names.is_helper(b) for b in arguments) else []
    for b in arguments:
        for c in ([d for d in attackers[attackers[b][0]] if labels[d] == labels[b]] if names.is_helper(b) else [b]):
            shown.setdefault(names.names[c], names.attack(c, labels[c]))
    return list(shown.values())


def _defences(attacker: int, defenders: tuple[int, ...], labels: list[str], names: _Names) -> list[dict[str, Any]]:
    """What defeats ``attacker``: an undercut of it, or an attack on one of its premises (``on``)."""
    found: dict[str, dict[str, Any]] = {}
    framework = names.framework
    for c in defenders:
        if names.is_helper(c):
            premise = framework.names[c].removesuffix("--defeated")
            hits = [d for d in framework.attackers()[framework.index(premise)] if labels[d] == "IN"]
        else:
            hits = [c]
        for d in hits:
            item = names.attack(d)
            on = names.target(d)
            if on is not None:
                item["on"] = on
            found.setdefault(names.names[d], item)
    return list(found.values())


def _accepted(why: Why, acceptance: str, names: _Names, rows: set[str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"acceptance": acceptance, "because": why.kind}
    if why.witness is not None:
        entry["witness"] = names.members(why.witness, rows)
    if why.counter is not None:
        entry["counterexample"] = names.members(why.counter, rows)
    return entry


def strength_reasons(evaluation: Evaluation, graph: Graph) -> dict[str, dict[str, Any]]:
    """For gradual strengths: each statement's base score, and the inferences that raise (support) or lower
    (attack) it with their strengths, strongest first."""
    strengths: Mapping[str, float | None] = evaluation.strengths
    found: dict[str, dict[str, Any]] = {}
    for node in [*evaluation.rows, *evaluation.arguments]:
        entry: dict[str, Any] = {"strength": strengths.get(node), "base": evaluation.bases.get(node),
                                 "supports": [], "attacks": []}
        for via in graph.predecessors(node):
            data = graph.nodes[via]
            if data["kind"] != "inference":
                continue
            item = {"id": via, "from": [p for p in graph.predecessors(via) if graph.edges[p, via]["kind"] == "premise"],
                    "strength": strengths.get(via)}
            entry["supports" if data["relation"] == "support" else "attacks"].append(item)
        for key in ("supports", "attacks"):
            entry[key].sort(key=lambda i: -(i["strength"] or 0.0))
        found[node] = entry
    return found
