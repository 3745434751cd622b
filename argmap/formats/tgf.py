"""The Trivial Graph Format for frameworks: node ids (and labels), a line `#`, then edges `a b`."""

from __future__ import annotations

from argmap.formats._lines import declare
from argmap.formats._lines import fields as split_fields
from argmap.formats._lines import lines as numbered
from argmap.semantics.deadline import Deadline
from argmap.semantics.framework import Framework, FrameworkError

__all__ = ["read", "write", "SUFFIXES"]

SUFFIXES = (".tgf",)


def read(text: str, deadline: Deadline) -> Framework:
    lines = [(number, split_fields(line)) for number, line in numbered(text, deadline)]
    if not any(len(fields) == 1 and fields[0][0] == "#" for _, fields in lines):
        # Without it the edges would be read as nodes: point at the first line that looks like an edge.
        number, column = next(((n, fields[0][1]) for n, fields in lines if len(fields) > 1), (len(lines) + 1, 1))
        raise FrameworkError(number, column,
                             "no `#` line: TGF lists the nodes, then a line `#`, then the edges (even with no edges)")
    names: dict[str, int] = {}
    where: dict[str, int] = {}
    attacks: list[tuple[int, int]] = []
    in_edges = False
    for number, fields in lines:
        deadline.tick()
        if not fields:
            continue
        if len(fields) == 1 and fields[0][0] == "#":
            if in_edges:
                raise FrameworkError(number, fields[0][1], "a second `#`: TGF has one line between nodes and edges")
            in_edges = True
            continue
        if not in_edges:  # a node: its id, then an optional label (which argmap does not use)
            declare(names, where, *fields[0], number=number, what="node")
            continue
        if len(fields) < 2:
            raise FrameworkError(number, fields[0][1], "expected an edge `a b`")
        for name, column in fields[:2]:
            if name not in names:
                raise FrameworkError(number, column, f"node {name!r} is not declared before `#`")
        attacks.append((names[fields[0][0]], names[fields[1][0]]))
    return Framework(tuple(names), tuple(dict.fromkeys(attacks)))


def write(framework: Framework) -> str:
    """Trivial Graph Format: nodes, `#`, edges. A name TGF cannot hold (empty, `#`, or with
    whitespace, which separates fields) is a ValueError."""
    for name in framework.names:
        if name == "#" or name.split() != [name]:
            raise ValueError(f"TGF cannot hold the argument name {name!r} (names there are single words,"
                             " other than `#`); use -f apx or iccma")
    lines = list(framework.names) + ["#"] + [f"{framework.names[a]} {framework.names[b]}" for a, b in framework.attacks]
    return "\n".join(lines) + "\n"
