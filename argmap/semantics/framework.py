"""Abstract argumentation frameworks: arguments as 0..n-1, attacks as pairs; ICCMA, APX and TGF text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Framework", "FrameworkError", "parse", "read", "to_iccma", "to_apx", "to_tgf", "FORMATS"]

FORMATS = ("iccma", "apx", "tgf")
MAX_BYTES = 512 * 1024 * 1024  # larger than any ICCMA 2023 instance
MAX_ARGUMENTS = 10_000_000
_APX_NAME = r'"(?:[^"\\]|\\.)*"|[^,()\s"%.]+'
_APX_FACT = re.compile(rf"\s*(arg|att)\(\s*({_APX_NAME})\s*(?:,\s*({_APX_NAME})\s*)?\)\s*\.")
_APX_PLAIN = re.compile(r"^(?:[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*)$")  # an ASP constant that needs no quotes


class FrameworkError(ValueError):
    """A framework file that cannot be read; carries the 1-based line and column."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


@dataclass(frozen=True)
class Framework:
    """Arguments ``0..len(names)-1`` named by ``names``; ``attacks`` as (attacker, target) pairs."""

    names: tuple[str, ...]
    attacks: tuple[tuple[int, int], ...]

    def __len__(self) -> int:
        return len(self.names)

    def attackers(self) -> list[list[int]]:
        """For each argument, the arguments that attack it."""
        result: list[list[int]] = [[] for _ in self.names]
        for attacker, target in self.attacks:
            result[target].append(attacker)
        return result

    def index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(name) from None


def read(path: str | Path, form: str | None = None) -> Framework:
    """Read a framework file; the format comes from ``form`` or the extension (.af/.i23, .apx, .tgf)."""
    path = Path(path)
    if form is None:
        form = {".af": "iccma", ".i23": "iccma", ".iccma": "iccma", ".apx": "apx", ".tgf": "tgf"}.get(path.suffix.lower())
        if form is None:
            raise FrameworkError(0, 0, f"cannot tell the format of {path.name!r}; use --input-format iccma|apx|tgf")
    if path.exists() and not path.is_file():
        raise FrameworkError(0, 0, "is not a regular file")
    if path.is_file() and path.stat().st_size > MAX_BYTES:
        raise FrameworkError(0, 0, f"is over the {MAX_BYTES // (1024 * 1024):,} MiB limit for framework files")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise FrameworkError(0, 0, f"is not UTF-8 text (byte {error.start})") from None
    return parse(text, form)


def parse(text: str, form: str) -> Framework:
    """Parse framework text in ``form`` (iccma, apx or tgf); a leading byte-order mark is ignored."""
    text = text.removeprefix("\ufeff")
    return {"iccma": _parse_iccma, "apx": _parse_apx, "tgf": _parse_tgf}[form](text)


def _natural(field: str) -> bool:
    return field.isascii() and field.isdigit()


def _parse_iccma(text: str) -> Framework:
    count: int | None = None
    attacks: list[tuple[int, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.split("#", 1)[0].strip()
        if not stripped:
            continue
        fields = stripped.split()
        if count is None:
            if len(fields) != 3 or fields[:2] != ["p", "af"] or not _natural(fields[2]):
                raise FrameworkError(number, 1, "expected the header `p af N`")
            count = int(fields[2])
            if count > MAX_ARGUMENTS:
                raise FrameworkError(number, line.index(fields[2]) + 1,
                                     f"{count:,} arguments is over the limit of {MAX_ARGUMENTS:,}")
            continue
        if len(fields) != 2 or not all(_natural(f) for f in fields):
            raise FrameworkError(number, 1, "expected an attack `a b` (two argument numbers)")
        a, b = int(fields[0]), int(fields[1])
        for value, column in ((a, 1), (b, line.index(fields[1]) + 1)):
            if not 1 <= value <= count:
                raise FrameworkError(number, column, f"argument {value} is not between 1 and {count}")
        attacks.append((a - 1, b - 1))
    if count is None:
        raise FrameworkError(1, 1, "no `p af N` header")
    return Framework(tuple(str(i) for i in range(1, count + 1)), tuple(dict.fromkeys(attacks)))


def _parse_apx(text: str) -> Framework:
    names: dict[str, int] = {}
    pending: list[tuple[str, str, int, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
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
                names.setdefault(_unquote(first), len(names))
            elif kind == "att" and second is not None:
                pending.append((_unquote(first), _unquote(second), number, match.start(2) + 1))
            else:
                raise FrameworkError(number, match.start(1) + 1,
                                     f"`{kind}` takes {'one argument' if kind == 'arg' else 'two arguments'}")
            position = match.end()
    attacks = []
    for first, second, number, column in pending:
        for name in (first, second):
            if name not in names:
                raise FrameworkError(number, column, f"{name!r} is attacked or attacks but has no arg({name}).")
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


def _parse_tgf(text: str) -> Framework:
    names: dict[str, int] = {}
    attacks: list[tuple[int, int]] = []
    in_edges = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped == "#":
            if in_edges:
                raise FrameworkError(number, 1, "a second `#`: TGF has one line between nodes and edges")
            in_edges = True
            continue
        fields = stripped.split()
        if not in_edges:
            names.setdefault(fields[0], len(names))
            continue
        if len(fields) < 2:
            raise FrameworkError(number, 1, "expected an edge `a b`")
        for name in fields[:2]:
            if name not in names:
                raise FrameworkError(number, line.index(name) + 1, f"node {name!r} is not declared before `#`")
        attacks.append((names[fields[0]], names[fields[1]]))
    return Framework(tuple(names), tuple(dict.fromkeys(attacks)))


def to_iccma(framework: Framework) -> str:
    """ICCMA 2023 text; argument i is numbered i+1 and its name is given in a comment."""
    lines = [f"p af {len(framework)}"]
    lines += [f"# {i + 1} {name}" for i, name in enumerate(framework.names)]
    lines += [f"{a + 1} {b + 1}" for a, b in framework.attacks]
    return "\n".join(lines) + "\n"


def to_apx(framework: Framework) -> str:
    """ASPARTIX facts: ``arg(a).`` and ``att(a,b).``; names that are not ASP constants are quoted."""
    names = [_apx_name(name) for name in framework.names]
    lines = [f"arg({name})." for name in names]
    lines += [f"att({names[a]},{names[b]})." for a, b in framework.attacks]
    return "\n".join(lines) + "\n"


def to_tgf(framework: Framework) -> str:
    """Trivial Graph Format: nodes, `#`, edges."""
    lines = list(framework.names) + ["#"] + [f"{framework.names[a]} {framework.names[b]}" for a, b in framework.attacks]
    return "\n".join(lines) + "\n"
