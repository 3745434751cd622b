"""Fuzzing the YAML reader and the loader: any map, of any files and bytes, is checked or refused cleanly.

Two generators: a grammar of argmap-like YAML (maps with argmap's keys, includes between files,
anchors and aliases, tags, odd scalars, flow and block styles, odd encodings, spliced bytes), and
byte mutations of the bundled essay's files. The property: `argmap check` (in-process) finishes;
every finding names a file of the map with a line and column (only a file that cannot be opened
is reported as a whole), in printable text, and what reading finds is one printable line; the exit
status is 0 or 1; every report format writes without error.
ARGMAP_FUZZ_EXAMPLES sets the number of examples (`make fuzz` runs many); ARGMAP_FUZZ_DEADLINE,
when set, fails an example slower than that many seconds (for the long run only).
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import config
from argmap.errors import USAGE as EXIT_USAGE
from argmap.linter import lint
from argmap.reporters import report
from tests.conftest import examples

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", examples(20)))
DEADLINE = float(os.environ.get("ARGMAP_FUZZ_DEADLINE", "0")) or None
FUZZ = settings(max_examples=EXAMPLES, deadline=DEADLINE and timedelta(seconds=DEADLINE), database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
ESSAY = Path(__file__).resolve().parents[2] / "models" / "capital-feast"
FORMATS = ("text", "parsable", "json", "github", "sarif")
SETTINGS = config.load(None)

# --- the grammar -------------------------------------------------------------------------------

IDS = ["thesis", "a", "b", "c", "s-1", "x-y", "src", "g", "A_B", "-x", "a--b", "1", "no", "on", "null", "~", ""]
FILES = ["map.yaml", "part.yaml", "sub/deep.yaml", "other.yml"]
INCLUDES = [*FILES, "missing.yaml", "../outside.yaml", "sub", "part.yaml/x.yaml", "./part.yaml", "sub/../part.yaml",
            "a\x00b.yaml", "x" * 300, "d/" * 2100 + "x.yaml", "/", ".", "link.yaml", "loop.yaml"]
TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq", "!!binary", "!!timestamp", "!!set",
        "!!omap", "!!merge", "!local", "!", "!<tag:yaml.org,2002:str>", "!!python/object/apply:os.system",
        "!!python/name:os.system"]
ODD_SCALARS = ["", "~", "null", "yes", "No", "on", "OFF", "true", "0x1F", "0o17", "0b101", "1_000", "+1", "-0",
               "1e400", ".nan", "-.inf", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "<<", "=", "0.", "12:30:00",
               "x" * 200, "\t", " ", "#", "- a", "a: b", "{", "[", "&a", "*a", "!x", "%", "@", "`", "'", '"', "|",
               ">", "\\", "\u2028", "\u0085", "\ufeff", "\ufffd", "\U0001f600", "日本語", "e\u0301", "\x1b[2J",
               "\x00", "\x7f", "\u202e", "&#1;", "<b>", "::error::x"]
WORDS = ["T", "A claim", "Une thèse", "論点", "x", "Some evidence, with a comma: and a colon"]
ROLES = ["thesis", "claim", "evidence"]

scalar = st.one_of(st.sampled_from(IDS), st.sampled_from(ODD_SCALARS), st.text(max_size=20),
                   st.integers(-2**70, 2**70), st.floats(), st.booleans(), st.none())
anything = st.recursive(scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.one_of(st.sampled_from(IDS), st.text(max_size=6)), inner, max_size=3), max_leaves=8)


def _mostly(valid, odd=anything, one_in: int = 25):
    """The field's own kind of value, and once in ``one_in`` an odd one (by default anything at all)."""
    return st.sampled_from([False] * (one_in - 1) + [True]).flatmap(lambda is_odd: odd if is_odd else valid)


ident = st.sampled_from(IDS[:8] * 10 + IDS)  # mostly ids that references may find
ids = _mostly(st.one_of(ident, st.lists(ident, max_size=3)))
text = _mostly(st.one_of(st.sampled_from(WORDS), st.dictionaries(st.sampled_from(["en", "fr", "ja"]), st.sampled_from(WORDS),
                                                                  min_size=1, max_size=3)),
               st.one_of(st.text(max_size=30), st.sampled_from(ODD_SCALARS),
                         st.dictionaries(st.sampled_from(["en", "zz", "EN", ""]), st.text(max_size=20), max_size=3)), 8)
role = _mostly(st.sampled_from(ROLES), st.sampled_from(["Thesis", "", "premise"]), 20)
source_id = _mostly(st.sampled_from(["src", "s-1"]), ident, 5)  # few source ids, that quotes find them


def _stray(mapping):
    """A mapping with, once in a while, a key the format does not have."""
    return st.builds(lambda known, stray: known if stray is None else {**known, "bogus": stray},
                     mapping, _mostly(st.none(), anything, 15))


statement = _stray(st.fixed_dictionaries({"text": text}, optional={
    "role": role, "note": text, "group": ident, "tags": _mostly(st.lists(ident, max_size=3)),
    "supports": ids, "attacks": ids, "base": _mostly(st.floats(0, 1), st.one_of(st.floats(), st.just("0.5"), st.booleans())),
    "quotes": _mostly(st.lists(st.fixed_dictionaries({"source": source_id, "text": text}), max_size=2))}))
argument = st.fixed_dictionaries({"premises": _mostly(st.lists(ident, min_size=1, max_size=3))}, optional={
    "supports": ident, "attacks": ident, "label": text, "group": ident, "tags": _mostly(st.lists(ident, max_size=2))})
expectation = st.fixed_dictionaries({"select": _mostly(st.fixed_dictionaries({}, optional={
    "id": ident, "role": role, "tag": ident, "group": ident}))}, optional={
    "count": _mostly(st.integers(0, 5), st.integers(-2, 2**70)), "min": _mostly(st.integers(0, 5)),
    "max": _mostly(st.integers(0, 5)),
    "each": _mostly(st.fixed_dictionaries({}, optional={"supports": ident, "attacks": ident, "reaches": ident,
                                                        "quoted-from": st.lists(ident, max_size=2)})),
    "message": _mostly(st.sampled_from(WORDS), st.text(max_size=30), 4)})
source = st.fixed_dictionaries({}, optional={
    "title": _mostly(st.sampled_from(WORDS)), "language": _mostly(st.sampled_from(["en", "fr"]), st.sampled_from(["zz", ""])),
    "path": _mostly(st.sampled_from(["text.txt", "missing.txt"]),
                    st.sampled_from(["../secret.txt", "/etc/hostname", "a\x00b", "x" * 300, ".", "link.yaml"]), 4),
    "url": _mostly(st.just("https://example.org/")), "sha256": _mostly(st.just("0" * 64))})
document = _stray(st.fixed_dictionaries({
    "argmap": _mostly(st.just(1), st.sampled_from([2, "1", 1.0, True, None])),
    "statements": _mostly(st.builds(lambda thesis, rest: {**rest, **thesis},
                                    _mostly(st.builds(lambda s: {"thesis": {**s, "role": "thesis"}}, statement), st.just({}), 5),
                                    st.dictionaries(ident, _mostly(statement), min_size=1, max_size=6))),
}, optional={
    "id": ident, "title": text, "description": text,
    "languages": _mostly(st.lists(st.sampled_from(["en", "fr", "ja"]), min_size=1, max_size=3, unique=True),
                         st.lists(st.sampled_from(["en", "zz", "EN", ""]), max_size=3), 8),
    "include": _mostly(st.lists(st.sampled_from(FILES), max_size=3), st.lists(st.sampled_from(INCLUDES), max_size=3), 3),
    "sources": _mostly(st.dictionaries(source_id, _mostly(source), max_size=2)),
    "groups": _mostly(st.dictionaries(ident, _mostly(st.fixed_dictionaries({"label": text})), max_size=2)),
    "arguments": _mostly(st.dictionaries(ident, _mostly(argument), max_size=2)),
    "expect": _mostly(st.lists(_mostly(expectation), max_size=2)),
}))

# --- rendering the data as YAML text, with the choices drawn as it goes ----------------------------

_PLAIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_ .\-]*[A-Za-z0-9_.]?")


def _double_quoted(value: str, escape_all: bool) -> str:
    """A YAML double-quoted scalar: what YAML cannot hold raw (or, with ``escape_all``, anything
    outside ASCII) written as an escape; the \\x1b of a text still reaches argmap as the character."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable() and (char.isascii() or not escape_all):
            out.append(char)
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


class Renderer:
    """Write data as YAML: block or flow, plain or quoted, with tags, anchors and aliases drawn.

    Most documents are plain (anchors and their aliases at most); a quarter get odd tags and
    aliases with no anchor too."""

    def __init__(self, draw) -> None:
        self.draw = draw
        self.anchors: list[str] = []
        self.anchoring = draw(st.booleans())
        self.odd = draw(st.sampled_from([False, False, False, True]))

    def chance(self, one_in: int) -> bool:
        return self.draw(st.sampled_from([False] * (one_in - 1) + [True]))

    def decoration(self) -> tuple[str, str | None]:
        """A tag and an anchor to write before a node (or not), and the anchor's name."""
        parts, anchor = [], None
        if self.odd and self.chance(20):
            parts.append(self.draw(st.sampled_from(TAGS)))
        if self.anchoring and self.chance(10):
            anchor = f"a{self.draw(st.integers(0, 3))}"  # a name may be anchored again: YAML allows it
            parts.append("&" + anchor)
        return (" ".join(parts) + " " if parts else ""), anchor

    def done(self, anchor: str | None) -> None:
        if anchor:  # an alias may only follow its anchor's node
            self.anchors.append(anchor)

    def alias(self) -> str | None:
        if self.odd and self.chance(40):
            return "*nowhere"
        if self.anchors and self.chance(10):
            return "*" + self.draw(st.sampled_from(self.anchors))
        return None

    def scalar(self, value) -> str:
        if value is None or isinstance(value, bool):
            return {None: "null", True: "true", False: "false"}[value]
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return {"nan": ".nan", "inf": ".inf", "-inf": "-.inf"}.get(str(value), repr(value))
        style = self.draw(st.sampled_from(["plain", "plain", "double", "single"]))
        if style == "plain" and _PLAIN.fullmatch(value):
            return value
        if style == "single" and value.isprintable() and "\n" not in value:
            return "'" + value.replace("'", "''") + "'"
        return _double_quoted(value, escape_all=self.draw(st.integers(0, 5)) == 0)

    def key(self, value) -> str:
        return self.scalar(value if isinstance(value, str) else str(value))

    def flow(self, value) -> str:
        alias = self.alias()
        if alias:
            return alias
        head, anchor = self.decoration()
        if isinstance(value, dict):
            written = head + "{" + ", ".join(f"{self.key(k)}: {self.flow(v)}" for k, v in value.items()) + "}"
        elif isinstance(value, list):
            written = head + "[" + ", ".join(self.flow(v) for v in value) + "]"
        else:
            written = head + self.scalar(value)
        self.done(anchor)
        return written

    def block(self, value, indent: int) -> str:
        """Lines for a mapping or list at ``indent``; anything else inline."""
        pad = " " * indent
        if isinstance(value, dict) and value and self.draw(st.integers(0, 3)):
            lines = []
            for k, v in value.items():
                lines.append(f"{pad}{self.key(k)}:" + self.after(v, indent + self.draw(st.sampled_from([2, 4]))))
            return "".join(lines)
        if isinstance(value, list) and value and self.draw(st.integers(0, 3)):
            return "".join(f"{pad}-" + self.after(v, indent + 2) for v in value)
        return pad + self.flow(value) + "\n"

    def after(self, value, indent: int) -> str:
        """What follows `key:` or `-`: a nested block on the next lines, or a value on this one."""
        if isinstance(value, (dict, list)) and value and self.draw(st.booleans()):
            alias = self.alias()
            if alias:
                return " " + alias + "\n"
            head, anchor = self.decoration()
            written = (" " + head.rstrip() if head else "") + "\n" + self.block(value, indent)
            self.done(anchor)
            return written
        if isinstance(value, str) and "\n" in value and value.isprintable() is False and self.draw(st.booleans()):
            body = "".join(" " * indent + line + "\n" for line in value.split("\n"))
            return " |\n" + body  # a literal block: lines that start with spaces or a '#' break it, on purpose
        return " " + self.flow(value) + "\n"


INSERTS = [b"\x00", b"\xff", b"\xfe\xff", b"\xed\xa0\x80", b"\xc0\xaf", b"\t", b"\r", b"\x1b", b"\xef\xbb\xbf",
           b"\x85", b"&a ", b"*a", b"*a0", b"!!", b"{", b"}", b"[", b"]", b"- ", b": ", b"\n  ", b"\n", b"---\n",
           b"...\n", b"%YAML 1.1\n", b"%TAG ! tag:x,2000:\n", b"#", b"'", b'"', b"|", b">", b"? ", b"<<: *a0\n", b"\\"]


@st.composite
def mutated(draw, raw: bytes) -> bytes:
    """``raw`` with a few bytes inserted, removed, repeated or replaced."""
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(raw)))
        operation = draw(st.sampled_from(["insert", "insert", "delete", "repeat", "flip", "truncate"]))
        if operation == "insert":
            raw = raw[:at] + draw(st.one_of(st.sampled_from(INSERTS), st.binary(min_size=1, max_size=4))) + raw[at:]
        elif operation == "delete":
            raw = raw[:at] + raw[at + draw(st.integers(1, 16)):]
        elif operation == "repeat":
            raw = raw[:at] + raw[at:at + draw(st.integers(1, 40))] * draw(st.integers(2, 4)) + raw[at:]
        elif operation == "flip" and at < len(raw):
            raw = raw[:at] + bytes([raw[at] ^ (1 << draw(st.integers(0, 7)))]) + raw[at + 1:]
        elif operation == "truncate":
            raw = raw[:at]
    return raw


@st.composite
def yaml_file(draw) -> bytes:
    data = draw(document)
    renderer = Renderer(draw)
    text = ("---\n" if draw(st.integers(0, 9)) == 0 else "") + renderer.block(data, 0)
    encoding = draw(st.sampled_from(["utf-8"] * 12 + ["utf-8-sig", "utf-16", "utf-32-be", "latin-1", "crlf", "crlf"]))
    if encoding == "crlf":
        raw = text.replace("\n", "\r\n").encode("utf-8", "surrogatepass")
    else:
        raw = text.encode(encoding, "replace" if encoding == "latin-1" else "surrogatepass")
    return draw(mutated(raw)) if draw(st.integers(0, 4)) == 0 else raw


# --- the property -----------------------------------------------------------------------------------

def check_folder(folder: Path, roots: list[str], fmt: str) -> None:
    """Check ``roots`` in ``folder`` in-process and assert the property (see the module docstring)."""
    result = lint([str(folder / root) for root in roots], SETTINGS, cwd=folder)
    assert result.exit_code() in (0, 1) and result.exit_code() != EXIT_USAGE
    for d in result.diagnostics:
        assert d.path.isprintable() and d.name and re.fullmatch(r"ARG\d{3}", d.code), d
        if d.code < "ARG100":  # what reading says is one printable line, whatever the map holds
            assert d.message.isprintable(), d
        assert d.message and d.line >= 0 and d.column >= 0, d
        if d.line == 0:  # only a file that cannot be opened or read at all is reported as a whole
            assert d.code == "ARG005" and d.column == 0, d
    report(result, fmt, io.StringIO())


def _write(folder: Path, files: dict[str, bytes]) -> None:
    for name, raw in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    (folder / "link.yaml").symlink_to("part.yaml")
    (folder / "loop.yaml").symlink_to("loop.yaml")
    (folder.parent / "outside.yaml").write_bytes(b"argmap: 1\nstatements: {outside: {text: O}}\n")
    (folder / "text.txt").write_text("The words of a source.\n", encoding="utf-8")


@FUZZ
@given(files=st.dictionaries(st.sampled_from(FILES[1:]), yaml_file(), max_size=2), root=yaml_file(),
       whole_folder=st.booleans(), fmt=st.sampled_from(FORMATS))
def test_generated_maps_are_checked_or_refused_cleanly(files, root, whole_folder, fmt):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "repo"
        _write(folder, {"map.yaml": root, **files})
        check_folder(folder, ["."] if whole_folder else ["map.yaml"], fmt)


ESSAY_FILES = {path.name: path.read_bytes() for path in sorted(ESSAY.glob("*.yaml"))}


@st.composite
def mutated_essay(draw) -> dict[str, bytes]:
    files = dict(ESSAY_FILES)
    for name in draw(st.lists(st.sampled_from(sorted(files)), min_size=1, max_size=3, unique=True)):
        raw = files[name]
        if draw(st.integers(0, 3)) == 0:  # a line of another file spliced in
            lines = raw.splitlines(keepends=True)
            donor = files[draw(st.sampled_from(sorted(files)))].splitlines(keepends=True) or [b"\n"]
            at = draw(st.integers(0, len(lines)))
            raw = b"".join([*lines[:at], draw(st.sampled_from(donor)), *lines[at:]])
        files[name] = draw(mutated(raw))
    return files


@FUZZ
@given(files=mutated_essay(), fmt=st.sampled_from(FORMATS))
def test_the_essay_with_bytes_mutated_is_checked_or_refused_cleanly(files, fmt):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "repo"
        _write(folder, files)
        check_folder(folder, ["map.yaml"], fmt)


# Findings of the long runs, kept as regression cases.

def test_a_source_path_too_long_for_the_file_system_is_a_finding(tmp_path):
    folder = tmp_path / "repo"
    root = ("argmap: 1\nsources:\n  src: {path: " + "x" * 300 + "}\nstatements:\n"
            "  thesis: {role: thesis, text: T, quotes: [{source: src, text: q}]}\n")
    _write(folder, {"map.yaml": root.encode()})
    check_folder(folder, ["map.yaml"], "parsable")
