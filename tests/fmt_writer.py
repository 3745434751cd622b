"""Write a map's data as YAML the many ways a person might (any key order, flow or block, any quoting,
literal and folded texts, indentation of 2 or 4, indentless lists), with comments sprinkled in, and
remember where each comment was put: the input of the formatter's property tests."""

from __future__ import annotations

import random
from typing import Any

import yaml

MODELINE = "# yaml-language-server: $schema=argmap.schema.json"


def _dump(value: Any, **options: Any) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, width=10**6, **options)
    return text.removesuffix("\n...\n").removesuffix("\n")


class Writer:
    """``Writer(rnd).document(data)`` is YAML text; ``above`` and ``eol`` say where comments belong."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self.lines: list[str] = []
        self.count = 0
        self.above: dict[str, tuple[str, ...]] = {}
        """comment -> the keys (or "-" for a list item) that the line it must stay above may start with."""
        self.eol: dict[str, tuple[str, ...]] = {}
        """comment -> the keys (or "-") that the line it ends may start with."""
        self.free: list[str] = []
        """Comments at any indentation, that must only be kept."""
        self.in_block = False
        """The last line written belongs to a block scalar: a comment indented deeper would be its text."""

    def comment(self) -> str:
        self.count += 1
        return f"# c{self.count}"

    def chance(self, p: float) -> bool:
        return self.rnd.random() < p

    def document(self, data: dict[str, Any]) -> str:
        if self.chance(0.5):
            self.lines.append(MODELINE)
        if self.chance(0.3):
            header = self.comment()
            self.free.append(header)
            self.lines.append(header)
        self.mapping(data, 0, None, top=True)
        if self.chance(0.3):
            tail = self.comment()
            self.free.append(tail)
            self.lines.append(tail)
        return "\n".join(self.lines) + "\n"

    def scalar(self, value: Any, flow: bool) -> str:
        if isinstance(value, bool) or value is None:
            raise AssertionError("maps hold no booleans or nulls here")
        if isinstance(value, int):
            return self.rnd.choice([str(value), hex(value)]) if value > 0 else str(value)
        if isinstance(value, float):
            return f"{value:.{self.rnd.randint(1, 4)}f}"
        # PyYAML writes these line breaks raw unless in double quotes, where they are escaped
        style = '"' if any(c in value for c in "\x85\u2028\u2029") else self.rnd.choice([None, "'", '"'])
        text = _dump([value], default_flow_style=True, default_style=style)[1:-1] if flow \
            else _dump(value, default_style=style)
        return text if "\n" not in text else _dump(value, default_style='"')

    def key(self, key: str) -> str:
        if self.chance(0.7) and key.replace("-", "").isalnum():
            return key  # plain, even `no:` or `1:`: argmap reads keys as text
        return _dump(key, default_style=self.rnd.choice(["'", '"']))

    def flow(self, value: Any) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{self.key(k)}: {self.flow(v)}" for k, v in self.items(value)) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(v) for v in value) + "]"
        return self.scalar(value, flow=True)

    def items(self, data: dict[str, Any]) -> list[tuple[str, Any]]:
        pairs = list(data.items())
        if self.chance(0.5):
            self.rnd.shuffle(pairs)
        return pairs

    def block_text(self, value: str, indent: int) -> list[str] | None:
        """A text as a literal or folded block scalar, or None where PyYAML would not write one plainly."""
        style = self.rnd.choice(["|", ">"])
        if any(c in value for c in "\x85\u2028\u2029"):
            return None
        text = yaml.safe_dump(value, allow_unicode=True, default_style=style, width=30)
        header, _, body = text.partition("\n")
        if not header.startswith(style) or any(c.isdigit() for c in header):
            return None
        lines = body.removesuffix("...\n").split("\n")[:-1] if body else []
        return [header] + [" " * indent + line[2:] if line else "" for line in lines]

    def leading(self, indent: int, keys: tuple[str, ...]) -> None:
        if self.chance(0.15):
            free = self.comment()
            self.free.append(free)
            deeper = [] if self.in_block else [indent + 2, indent + 4]
            self.lines.append(" " * self.rnd.choice([0, indent, *deeper]) + free)
        if self.chance(0.15):
            self.lines.append("")
        if self.chance(0.3):
            above = self.comment()
            self.above[above] = keys
            self.lines.append(" " * indent + above)

    def tail(self, keys: tuple[str, ...]) -> str:
        if not self.chance(0.25):
            return ""
        comment = self.comment()
        self.eol[comment] = keys
        return " " * self.rnd.randint(1, 3) + comment

    def mapping(self, data: dict[str, Any], indent: int, first: str | None, top: bool = False) -> None:
        """``data`` as a block mapping at ``indent``; ``first`` is the dash that starts its first line."""
        # The field that the layout puts first in a list item starts the item's line: so may any.
        keys: tuple[str, ...]
        for index, (key, value) in enumerate(self.items(data)):
            keys = (key, "-") if first is not None else (key,)
            if first is not None and index == 0:
                prefix = first
            else:
                if not (top and index == 0):
                    self.leading(indent, keys)
                prefix = " " * indent
            self.value(f"{prefix}{self.key(key)}:", value, indent, keys)

    def value(self, head: str, value: Any, indent: int, keys: tuple[str, ...]) -> None:
        step = self.rnd.choice([2, 4])
        if isinstance(value, str) and self.chance(0.15):
            block = self.block_text(value, indent + step)
            if block is not None:
                self.lines.append(f"{head} {block[0]}{self.tail(keys)}")
                self.lines.extend(block[1:])
                self.in_block = True
                return
        self.in_block = False
        if not isinstance(value, (dict, list)) or not value or self.chance(0.4):
            self.lines.append(f"{head} {self.flow(value)}{self.tail(keys)}")
            return
        self.lines.append(f"{head}{self.tail(keys)}")
        if isinstance(value, dict):
            self.mapping(value, indent + step, None)
            return
        dash = indent + self.rnd.choice([0, 2]) if head.lstrip()[:1] != "-" else indent + 2
        for item in value:
            self.leading(dash, ("-",))
            if isinstance(item, dict) and item and self.chance(0.6):
                self.mapping(item, dash + 2, " " * dash + "- ")
            else:
                self.lines.append(f"{' ' * dash}- {self.flow(item)}{self.tail(('-',))}")
