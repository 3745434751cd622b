"""ASPARTIX's APX framework format: `arg(a).` and `att(a,b).` facts, names as ASP terms."""

from __future__ import annotations

import re

from argmap.formats._lines import declare, lines
from argmap.semantics.deadline import Deadline
from argmap.semantics.framework import Framework, FrameworkError

__all__ = ["read", "write", "SUFFIXES"]

SUFFIXES = (".apx",)
_APX_NAME = r'"(?:[^"\\]|\\.)*"|[^,()\s"%.]+'
_APX_FACT = re.compile(rf"\s*(arg|att)\(\s*({_APX_NAME})\s*(?:,\s*({_APX_NAME})\s*)?\)\s*\.")
_APX_PLAIN = re.compile(r"^(?:[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*)$")  # an ASP constant that needs no quotes


def read(text: str, deadline: Deadline) -> Framework:
    names: dict[str, int] = {}
    where: dict[str, int] = {}
    pending: list[tuple[str, str, int, int, int]] = []
    for number, line in lines(text, deadline):
        position = 0
        while True:
            rest = line[position:]
            if not rest.strip() or rest.lstrip().startswith("%"):
                break
            match = _APX_FACT.match(line, position)
            if match is None:
                column = position + len(rest) - len(rest.lstrip()) + 1
                raise FrameworkError(number, column, "expected `arg(a).` or `att(a,b).`")
            kind, first, second = match.groups()
            if kind == "arg" and second is None:
                # A quoted name's column is that of its first character (escapes before a refused
                # character leave its column approximate).
                declare(names, where, _unquote(first), match.start(2) + (first[0] == '"') + 1, number, "argument")
            elif kind == "att" and second is not None:
                pending.append((_unquote(first), _unquote(second), number, match.start(2) + 1, match.start(3) + 1))
            else:
                raise FrameworkError(number, match.start(1) + 1,
                                     f"`{kind}` takes {'one argument' if kind == 'arg' else 'two arguments'}")
            position = match.end()
    attacks = []
    for first, second, number, first_column, second_column in pending:
        deadline.tick()
        for name, column in ((first, first_column), (second, second_column)):
            if name not in names:
                raise FrameworkError(number, column, f"{name!r} is attacked or attacks but has no arg(...) fact")
        attacks.append((names[first], names[second]))
    return Framework(tuple(names), tuple(dict.fromkeys(attacks)))


def _unquote(name: str) -> str:
    if name.startswith('"'):
        return re.sub(r"\\(.)", r"\1", name[1:-1])
    return name


def _apx_name(name: str) -> str:
    """A name as an ASP term: plain when it is a constant already, else a quoted string."""
    if _APX_PLAIN.match(name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(framework: Framework) -> str:
    """ASPARTIX facts: ``arg(a).`` and ``att(a,b).``; names that are not ASP constants are quoted."""
    names = [_apx_name(name) for name in framework.names]
    lines = [f"arg({name})." for name in names]
    lines += [f"att({names[a]},{names[b]})." for a, b in framework.attacks]
    return "\n".join(lines) + "\n"


