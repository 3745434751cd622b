"""A reference to an id that the map does not define.

What it does:
    Checks every id the map refers to: `supports:` and `attacks:` targets, argument premises
    and conclusions, statement groups, quote sources, and the ids named in `expect:`. Each
    unknown id is reported where it is written, with the closest existing id as a suggestion.
    A premise must be a statement, not an argument.

Why this matters:
    A misspelt id is a relation that silently vanishes from the diagram and the evaluation;
    other tools draw it as a new, empty node. Either way the argument is not what was written.

Example:
    statements:
      few-funds-can-invest: {text: Few funds can invest., supports: [startup-starve]}

Use instead:
    statements:
      few-funds-can-invest: {text: Few funds can invest., supports: [startups-starve]}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context
from argmap.suggest import did_you_mean

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

CODE = "ARG101"
NAME = "dangling-reference"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "graph"
SUGGESTIONS = 100
"""Dangling references that get a "did you mean" (each costs a comparison with every id)."""


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    # Statements, arguments and the derived ids of one-premise relations (which an undercut may name).
    nodes = set(ctx.graph) | amap.incomplete  # what could not be read is not missing
    groups = amap.groups.keys() | amap.incomplete
    sources = amap.sources.keys() | amap.incomplete
    statements = amap.statements.keys() | amap.incomplete

    suggested = [0]

    def suggestion(ref: str, pool: Iterable[str]) -> str:
        # Each suggestion compares the id with every id of the map: bounded, so that a map of many
        # dangling references stays linear (the first ones are the ones a person reads).
        suggested[0] += 1
        return did_you_mean(ref, pool) if suggested[0] <= SUGGESTIONS else ""

    def missing(ref: str, pool: Iterable[str], what: str, node_id: str, *path: str | int,
                section: str | None = None) -> Diagnostic | None:
        why = _derived(ref, amap, nodes)
        if why == "":
            return None  # a definition the schema refused: that error is the finding
        return amap.problem(CODE, node_id, *path, section=section,
                            message=f"{what} {ref!r} is not defined" + (why or suggestion(ref, pool)))

    for sid, statement in amap.statements.items():
        for field in ("supports", "attacks"):
            for index, target in enumerate(getattr(statement, field)):
                if target not in nodes:
                    yield from _some(missing(target, nodes, f"{field[:-1]} target", sid, field, index))
        if statement.group is not None and statement.group not in groups:
            yield from _some(missing(statement.group, amap.groups, "group", sid, "group"))
        for index, quote in enumerate(statement.quotes):
            if quote.source not in sources:
                yield from _some(missing(quote.source, amap.sources, "source", sid, "quotes", index, "source"))
    for aid, argument in amap.arguments.items():
        for index, premise in enumerate(argument.premises):
            if premise in amap.arguments:
                yield amap.problem(CODE, aid, "premises", index,
                                   message=f"premise {premise!r} is an argument; premises must be statements")
            elif premise not in statements:
                yield from _some(missing(premise, amap.statements, "premise", aid, "premises", index))
        if argument.target not in nodes:
            yield from _some(missing(argument.target, nodes, "conclusion", aid, argument.relation + "s"))
        if argument.group is not None and argument.group not in groups:
            yield from _some(missing(argument.group, amap.groups, "group", aid, "group"))
    for index, expectation in enumerate(amap.expectations):
        select = expectation.select
        refs = [("select", "id", select.id, nodes), ("select", "group", select.group, groups)]
        if expectation.each is not None:
            refs += [("each", name, getattr(expectation.each, name), nodes)
                     for name in ("supports", "attacks", "reaches")]
            refs += [("each", "quoted-from", source, sources) for source in expectation.each.quoted_from]
        for part, name, ref, pool in refs:
            if ref is not None and ref not in pool:
                why = _derived(ref, amap, nodes)
                if why != "":
                    yield amap.expectation_problem(CODE, index, part, name, message=f"{name} {ref!r} is not defined"
                                                   + (why or suggestion(ref, pool)))


def _some(found: Diagnostic | None) -> Iterator[Diagnostic]:
    if found is not None:
        yield found


def _derived(ref: str, amap: ArgumentMap, nodes: set[str]) -> str | None:
    """Why the derived id ``ref`` (``premise--support--target``) does not exist, when another finding is the
    cause: "" when a definition it depends on was refused by the schema (that error is the finding); else
    the end of the message. None when ``ref`` is not a derived id: then a suggestion follows as usual."""
    for relation in ("support", "attack"):
        premise, marker, target = ref.partition(f"--{relation}--")
        if not marker:
            continue
        if premise in amap.incomplete or target in amap.incomplete:
            return ""
        statement = amap.statements.get(premise)
        if statement is None:
            return f": no statement {premise!r}" + did_you_mean(premise, amap.statements)
        written = statement.supports if relation == "support" else statement.attacks
        dangling = [t for t in written if t not in nodes]
        if target in dangling:  # the relation as written, whose target is the finding
            return f", because its target {target!r} is not defined"
        if dangling and target in amap.statements:
            return (f", because {premise!r} {relation}s {dangling[0]!r} (not defined) where {target!r} may be"
                    " meant")
        # A misspelt derived id gets its suggestion; one that names no relation of the map says so.
        return None if did_you_mean(ref, nodes) else f": {premise!r} does not {relation} {target!r}"
    return None
