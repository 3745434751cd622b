"""The ICCMA 2023 framework format: `p af N`, then one attack `a b` a line (arguments numbered 1..N)."""

from __future__ import annotations

from argmap.formats._lines import fields as split_fields
from argmap.formats._lines import lines, natural
from argmap.semantics.deadline import Deadline
from argmap.semantics.framework import MAX_ARGUMENTS, Framework, FrameworkError

__all__ = ["read", "write", "SUFFIXES"]

SUFFIXES = (".af", ".i23", ".iccma")


def read(text: str, deadline: Deadline) -> Framework:
    count: int | None = None
    attacks: list[tuple[int, int]] = []
    for number, line in lines(text, deadline):
        fields = split_fields(line.split("#", 1)[0])
        if not fields:
            continue
        words = [word for word, _ in fields]
        if count is None:
            if len(fields) != 3 or words[:2] != ["p", "af"] or not natural(words[2]):
                raise FrameworkError(number, fields[0][1], "expected the header `p af N`")
            count = int(words[2])
            if count > MAX_ARGUMENTS:
                raise FrameworkError(number, fields[2][1], f"{count:,} arguments is over the limit of {MAX_ARGUMENTS:,}")
            continue
        if len(fields) != 2 or not all(natural(word) for word in words):
            raise FrameworkError(number, fields[0][1], "expected an attack `a b` (two argument numbers)")
        a, b = int(words[0]), int(words[1])
        for value, (_, column) in zip((a, b), fields):
            if not 1 <= value <= count:
                raise FrameworkError(number, column, f"argument {value} is not between 1 and {count}")
        attacks.append((a - 1, b - 1))
    if count is None:
        raise FrameworkError(1, 1, "no `p af N` header")
    return Framework(tuple(str(i) for i in range(1, count + 1)), tuple(dict.fromkeys(attacks)))


def write(framework: Framework) -> str:
    """ICCMA 2023 text; argument i is numbered i+1 and its name is given in a comment."""
    lines = [f"p af {len(framework)}"]
    lines += [f"# {i + 1} {name}" for i, name in enumerate(framework.names)]
    lines += [f"{a + 1} {b + 1}" for a, b in framework.attacks]
    return "\n".join(lines) + "\n"


