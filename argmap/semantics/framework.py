"""Abstract argumentation frameworks: arguments as 0..n-1, attacks as pairs; ICCMA, APX and TGF text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from argmap.semantics.deadline import Deadline

__all__ = ["Framework", "FrameworkError", "parse", "read", "to_iccma", "to_apx", "to_tgf", "FORMATS", "UNSAFE"]

FORMATS = ("iccma", "apx", "tgf")
MAX_BYTES = 512 * 1024 * 1024  # larger than any ICCMA 2023 instance
MAX_ARGUMENTS = 10_000_000
_APX_NAME = r'"(?:[^"\\]|\\.)*"|[^,()\s"%.]+'
_APX_FACT = re.compile(rf"\s*(arg|att)\(\s*({_APX_NAME})\s*(?:,\s*({_APX_NAME})\s*)?\)\s*\.")
_APX_PLAIN = re.compile(r"^(?:[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*)$")  # an ASP constant that needs no quotes
_FIELD = re.compile(r"\S+")
# Characters refused in argument names, because eval prints names to a terminal and export writes
# them into line-based formats: C0 and C1 controls (escape sequences, line breaks), surrogates,
# line and paragraph separators, the bidirectional formatting controls of "Trojan Source", and the
# byte-order mark (which a reader drops at the start of a file, and with it a name's first character).
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


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
    auxiliary: int = 0  # the last ``auxiliary`` arguments are helpers of a map's translation (bipolar.py)
    _positions: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.names)

    @property
    def shown(self) -> int:
        """How many arguments, from the first, are the map's own (or the file's): those output shows."""
        return len(self.names) - self.auxiliary

    def members(self, extension) -> list[str]:
        """The names of the shown arguments of ``extension``, in argument order."""
        return [self.names[a] for a in sorted(extension) if a < self.shown]

    def attackers(self) -> list[list[int]]:
        """For each argument, the arguments that attack it."""
        result: list[list[int]] = [[] for _ in self.names]
        for attacker, target in self.attacks:
            result[target].append(attacker)
        return result

    def index(self, name: str) -> int:
        """The position of argument ``name`` (KeyError when there is none), in constant time."""
        if not self._positions and self.names:
            self._positions.update((n, i) for i, n in enumerate(self.names))
        return self._positions[name]


def read(path: str | Path, form: str | None = None, deadline: Deadline | None = None) -> Framework:
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
    return parse(text, form, deadline)


def parse(text: str, form: str, deadline: Deadline | None = None) -> Framework:
    """Parse framework text in ``form`` (iccma, apx or tgf); a leading byte-order mark is ignored.
    Every problem is a FrameworkError with a one-line message; past ``deadline``, Timeout."""
    text = text.removeprefix("\ufeff")
    return {"iccma": _parse_iccma, "apx": _parse_apx, "tgf": _parse_tgf}[form](text, deadline or Deadline())


def _natural(field: str) -> bool:
    return field.isascii() and field.isdigit()


def _fields(line: str) -> list[tuple[str, int]]:
    """The whitespace-separated fields of ``line``, each with its 1-based column."""
    return [(match.group(), match.start() + 1) for match in _FIELD.finditer(line)]


def _lines(text: str, deadline: Deadline):
    """(1-based number, line) of ``text``, checking the deadline as it goes."""
    for number, line in enumerate(text.splitlines(), start=1):
        deadline.tick()
        yield number, line


def _parse_iccma(text: str, deadline: Deadline) -> Framework:
    count: int | None = None
    attacks: list[tuple[int, int]] = []
    for number, line in _lines(text, deadline):
        fields = _fields(line.split("#", 1)[0])
        if not fields:
            continue
        words = [word for word, _ in fields]
        if count is None:
            if len(fields) != 3 or words[:2] != ["p", "af"] or not _natural(words[2]):
                raise FrameworkError(number, fields[0][1], "expected the header `p af N`")
            count = int(words[2])
            if count > MAX_ARGUMENTS:
                raise FrameworkError(number, fields[2][1], f"{count:,} arguments is over the limit of {MAX_ARGUMENTS:,}")
            continue
        if len(fields) != 2 or not all(_natural(word) for word in words):
            raise FrameworkError(number, fields[0][1], "expected an attack `a b` (two argument numbers)")
        a, b = int(words[0]), int(words[1])
        for value, (_, column) in zip((a, b), fields):
            if not 1 <= value <= count:
                raise FrameworkError(number, column, f"argument {value} is not between 1 and {count}")
        attacks.append((a - 1, b - 1))
    if count is None:
        raise FrameworkError(1, 1, "no `p af N` header")
    return Framework(tuple(str(i) for i in range(1, count + 1)), tuple(dict.fromkeys(attacks)))


def _declare(names: dict[str, int], where: dict[str, int], name: str, column: int, number: int, what: str) -> None:
    """Add argument ``name`` declared at ``number``:``column``; refuse a second declaration, a name
    no output could show safely, and one argument too many."""
    if name in names:
        raise FrameworkError(number, column, f"{what} {name!r} is declared twice (first on line {where[name]})")
    unsafe = UNSAFE.search(name)
    if unsafe:
        raise FrameworkError(number, column + unsafe.start(),
                             f"{what} name {name!r} holds U+{ord(unsafe.group()):04X}, which argmap refuses in names"
                             " (a control, separator, bidirectional-formatting or byte-order character)")
    if len(names) == MAX_ARGUMENTS:
        raise FrameworkError(number, column, f"more than {MAX_ARGUMENTS:,} arguments is over the limit")
    names[name] = len(names)
    where[name] = number


def _parse_apx(text: str, deadline: Deadline) -> Framework:
    names: dict[str, int] = {}
    where: dict[str, int] = {}
    pending: list[tuple[str, str, int, int, int]] = []
    for number, line in _lines(text, deadline):
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
                _declare(names, where, _unquote(first), match.start(2) + (first[0] == '"') + 1, number, "argument")
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


def _parse_tgf(text: str, deadline: Deadline) -> Framework:
    lines = [(number, _fields(line)) for number, line in _lines(text, deadline)]
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
            _declare(names, where, *fields[0], number=number, what="node")
            continue
        if len(fields) < 2:
            raise FrameworkError(number, fields[0][1], "expected an edge `a b`")
        for name, column in fields[:2]:
            if name not in names:
                raise FrameworkError(number, column, f"node {name!r} is not declared before `#`")
        attacks.append((names[fields[0][0]], names[fields[1][0]]))
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
    """Trivial Graph Format: nodes, `#`, edges. A name TGF cannot hold (empty, `#`, or with
    whitespace, which separates fields) is a ValueError."""
    for name in framework.names:
        if name == "#" or name.split() != [name]:
            raise ValueError(f"TGF cannot hold the argument name {name!r} (names there are single words,"
                             " other than `#`); use -f apx or iccma")
    lines = list(framework.names) + ["#"] + [f"{framework.names[a]} {framework.names[b]}" for a, b in framework.attacks]
    return "\n".join(lines) + "\n"
