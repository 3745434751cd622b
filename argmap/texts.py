"""Find and read the source texts a map quotes, and normalise text for quote matching."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["shorten", "one_line", "SourceText", "BlockIndex", "normalise", "resolve", "matched_prefix", "width", "is_wide", "text_in",
           "pick_text"]


def pick_text(text: object, lang: str | None, default: str) -> str:
    """The text in ``lang``, else in the map's default language, else the first given."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if not isinstance(text, Mapping):
        return str(text)
    for key in (lang, default):
        if key and key in text:
            return str(text[key])
    return str(next(iter(text.values()), ""))


def text_in(text: object, lang: str, default: str) -> tuple[str, str | None]:
    """The text in ``lang``, and None; or, when it has none in ``lang``, the text it has and its language.

    A plain string is in the map's default language.

    >>> text_in({"en": "Yes", "fr": "Oui"}, "fr", "en"), text_in("Yes", "fr", "en"), text_in("Yes", "en", "en")
    (('Oui', None), ('Yes', 'en'), ('Yes', None))
    """
    if text is None:
        return "", None
    if isinstance(text, str):
        return text, (None if lang == default else default)
    if isinstance(text, Mapping):
        if lang in text:
            return str(text[lang]), None
        for key in (default, *text):
            if key in text:
                return str(text[key]), str(key)
        return "", None
    return str(text), None


_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = {c: f"\\u{c:04x}" for c in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *map(ord, _BIDI)]}
_UNSAFE.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})


def one_line(text: str) -> str:
    """``text`` safe to print on one line of a terminal or a log: line breaks, control characters and
    bidirectional overrides are shown as escapes, so no text can start a line of its own, fake a
    finding or a CI workflow command, or steer the terminal.

    >>> one_line("a\\nb::error::x\\x1b[2J\\u202e")
    'a\\\\nb::error::x\\\\u001b[2J\\\\u202e'
    """
    return text if text.isprintable() else text.translate(_UNSAFE)


def width(text: str) -> int:
    """Display width in columns: East Asian wide and full-width characters count double.

    >>> width("abc"), width("日本語"), width("ＡＢ")
    (3, 6, 4)
    """
    if text.isascii():
        return len(text)
    return sum(2 if is_wide(c) else 1 for c in text)


@lru_cache(maxsize=8192)
def is_wide(char: str) -> bool:
    """Whether ``char`` takes two columns (East Asian wide or full-width)."""
    return unicodedata.east_asian_width(char) in "WF"


def normalise(text: str) -> str:
    """Text as quotes are compared: compatibility forms folded (full-width -> ASCII), no whitespace.

    >>> normalise("Ｌｅ  modèle\\nd'IA")
    "Lemodèled'IA"
    """
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return "".join(text.split())


@dataclass
class SourceText:
    """A source's text once found, or why it could not be used."""

    source_id: str
    path: Path | None
    normalised: str | None
    reason: str = ""
    outside: bool = False
    """True when the source's path leads outside the map's folder (it was not read)."""
    body: Body | None = None
    """The lines the source's `body:` names, when it names some."""
    _index: BlockIndex | None = field(default=None, repr=False)
    _searches: int = field(default=0, repr=False)

    @property
    def available(self) -> bool:
        return self.normalised is not None

    def contains(self, quote: str) -> bool:
        """Whether the normalised ``quote`` occurs in the normalised text.

        A plain scan costs the text's length per quote; a source quoted many times gets a block
        index instead, so that a map with thousands of quotes is checked in linear time.
        """
        assert self.normalised is not None
        self._searches += 1
        if self._index is None and self._searches > 32 and len(self.normalised) > 1_000_000:
            self._index = BlockIndex(self.normalised)
        if self._index is not None and len(quote) >= 2 * BlockIndex.K - 1:
            return self._index.contains(quote)
        return quote in self.normalised


@dataclass(frozen=True)
class Body:
    """The lines of a source's text that hold the work itself (its `body:`), normalised as quotes are."""

    first: int
    last: int
    lines: int
    """How many lines the whole text has: ``normalised`` is None when the body runs past them."""
    normalised: str | None


def _body(text: str, lines: tuple[int, int] | None) -> Body | None:
    """The normalised text of lines ``first`` to ``last`` (1-based, inclusive) of ``text``.

    >>> _body("Title\\n\\nOne\\ntwo\\nMenu\\n", (3, 4))
    Body(first=3, last=4, lines=5, normalised='Onetwo')
    >>> _body("One line", (1, 3)).normalised is None
    True
    """
    if lines is None:
        return None
    first, last = lines
    # lines as editors and `sed -n` number them: a page break (\f) or U+2028 inside a line does not end it
    split = re.split(r"\r\n|\r|\n", text.removesuffix("\n").removesuffix("\r"))
    inside = last <= len(split)
    return Body(first, last, len(split), normalise("\n".join(split[first - 1 : last])) if inside else None)


class BlockIndex:
    """Positions of the text's K-character blocks that start at multiples of K.

    Any occurrence of a quote at least 2K-1 long covers one whole aligned block, at some offset
    o < K inside the quote; so K dictionary look-ups find every candidate start.

    >>> BlockIndex("abcdefghijklmnopqrstuvwxyz" * 4).contains("mnopqrstuvwxyzabcdefghijklmnopqrstu")
    True
    >>> BlockIndex("abcdefghijklmnopqrstuvwxyz" * 4).contains("mnopqrstuvwxyzabcdefghijklmnopqrstX")
    False
    """

    K = 16

    def __init__(self, text: str) -> None:
        self.text = text
        blocks: dict[str, list[int]] = {}
        k = self.K
        for start in range(0, len(text) - k + 1, k):
            blocks.setdefault(text[start : start + k], []).append(start)
        self.blocks = blocks

    def contains(self, quote: str) -> bool:
        k, text, blocks = self.K, self.text, self.blocks
        for offset in range(k):
            # Every aligned block inside the quote must match; start from the rarest one.
            options = [(blocks.get(quote[at : at + k], ()), at) for at in range(offset, len(quote) - k + 1, k)]
            starts, at = min(options, key=lambda option: len(option[0]))
            for start in starts:
                if start >= at and text.startswith(quote, start - at):
                    return True
        return False


MAX_SOURCE_BYTES = 64 * 1024 * 1024
"""Source texts larger than this are not read (the same bound as map files)."""


def resolve(amap: ArgumentMap, source_dirs: Iterable[Path] = ()) -> dict[str, SourceText]:
    """Read the text of every source that has a ``path``: beside the file that declares it, or by its
    file name in one of ``source_dirs``. Only regular files inside the map's folder or a source folder
    are read; a path that reaches elsewhere is refused unread, and a checksum mismatch makes the text
    unusable."""
    found: dict[str, SourceText] = {}
    folder = amap.folder
    dirs = [_real(d) for d in source_dirs]
    for source_id, source in amap.sources.items():
        if source.path is None:
            found[source_id] = SourceText(source_id, None, None, "it has no `path`")
            continue
        declared = amap.locator.folder("sources", source_id)  # None for a map built in code
        candidates: list[tuple[Path | None, Path | None]] = []
        if declared is not None:
            beside = _real(declared / source.path)
            if beside is None or not _inside(beside, folder):
                found[source_id] = SourceText(source_id, None, None, "its path leads outside the map's folder",
                                              outside=True)
                continue
            candidates.append((beside, folder))
        name = Path(source.path).name
        candidates += [(_real(d / name), d) for d in dirs if d is not None and name]
        raw: bytes | None = None
        path, reason = None, ""
        for candidate, within in candidates:
            if candidate is None or not _inside(candidate, within):
                continue
            raw, reason = _read_regular(candidate)
            if raw is not None:
                path = candidate
                break
            if reason:
                break
        if path is None:
            if not reason:
                looked = ", ".join(_shown(Path(c).parent) for c, _ in candidates if c is not None)
                folders = [c for c, _ in candidates if c is not None and c.is_dir()]
                reason = (f"{name!r} is a folder in {_shown(folders[0].parent)}, not a text file" if folders
                          else f"{name!r} is not in {looked}" if looked else "the map was not read from a folder")
            found[source_id] = SourceText(source_id, None, None, reason)
            continue
        assert raw is not None
        if source.sha256 is not None and hashlib.sha256(raw).hexdigest() != source.sha256:
            found[source_id] = SourceText(source_id, path, None, f"{path.name!r} does not match the map's sha256")
            continue
        text = raw.decode("utf-8-sig", "replace")
        found[source_id] = SourceText(source_id, path, normalise(text), body=_body(text, source.body))
    return found


def _shown(folder: Path) -> str:
    """A folder as a message shows it: relative to the current folder, as the user typed paths."""
    try:
        relative = os.path.relpath(folder)
    except ValueError:  # another drive on Windows
        return str(folder)
    return "the current folder" if relative == "." else relative


def _real(path: Path) -> Path | None:
    """``path`` with every symbolic link and ``..`` resolved; None when no such path can exist."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):  # a NUL byte, a name too long, a loop of links
        return None


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and (path == folder or folder in path.parents)


def _read_regular(path: Path) -> tuple[bytes | None, str]:
    """The bytes of a regular file of bounded size; else None and why ("" when it does not exist)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        return None, ""
    except (OSError, ValueError) as error:
        if isinstance(error, OSError) and error.errno in (errno.ENOTDIR, errno.ENOENT):
            return None, ""
        return None, f"{path.name!r} cannot be read ({getattr(error, 'strerror', None) or error})"
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            return None, ""
        if not stat.S_ISREG(info.st_mode):
            return None, f"{path.name!r} is not a regular file"
        if info.st_size > MAX_SOURCE_BYTES:
            return None, f"{path.name!r} is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MiB"
        chunks, size = [], 0
        while size <= MAX_SOURCE_BYTES and (chunk := os.read(descriptor, 1 << 20)):
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_SOURCE_BYTES:  # it grew while being read
            return None, f"{path.name!r} is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MiB"
        return b"".join(chunks), ""
    except OSError as error:
        return None, f"{path.name!r} cannot be read ({error.strerror or error})"
    finally:
        os.close(descriptor)


def matched_prefix(quote: str, text: str) -> int:
    """How many leading characters of normalised ``quote`` occur in normalised ``text`` (binary search).

    >>> matched_prefix("abcxyz", "--abcd--")
    3
    """
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return low


def shorten(text: str, columns: int) -> str:
    """``text`` on one line of at most ``columns`` display columns: line breaks and runs of whitespace made
    one space, other control characters escaped (as in every line of text output), an ellipsis where it is cut.
    It is cut between whole characters as a reader sees them (a letter and its accents, an emoji sequence),
    never inside an escape.

    >>> shorten("The  thesis\\nstands", 40), shorten("A long statement", 9), shorten("日本語の文", 7)
    ('The thesis stands', 'A long…', '日本語…')
    >>> shorten("evil\\x1b[2J", 40), shorten("ab\\u202ecd", 8), shorten("e\\u0301" * 10, 6)
    ('evil\\\\u001b[2J', 'ab…', 'e\u0301e\u0301e\u0301e\u0301e\u0301…')
    """
    flat = " ".join(text.split())
    shown = [(one_line(cluster), cluster) for cluster in _clusters(flat)]
    widths = [len(escaped) if escaped != cluster else _columns(cluster) for escaped, cluster in shown]
    if sum(widths) <= columns:
        return "".join(escaped for escaped, _ in shown)
    kept, used = [], 1  # the ellipsis's column
    for (escaped, _), size in zip(shown, widths, strict=True):
        used += size
        if used > columns:
            break
        kept.append(escaped)
    cut = "".join(kept)
    space = cut.rfind(" ")
    if space > 0 and space > len(cut) - 16:  # a word cut near its end is cut at its start instead
        cut = cut[:space]
    return cut.rstrip() + "…"


def _clusters(text: str) -> list[str]:
    """``text`` as the characters a reader sees: each with the combining marks, variation selectors and
    joined characters (ZWJ) that follow it."""
    clusters: list[str] = []
    joined = False
    for char in text:
        if clusters and (joined or _attached(char)):
            clusters[-1] += char
        else:
            clusters.append(char)
        joined = char == "\u200d"
    return clusters


def _attached(char: str) -> bool:
    return (unicodedata.combining(char) > 0 or unicodedata.category(char) in ("Mn", "Me")
            or char == "\u200d" or "\ufe00" <= char <= "\ufe0f")


def _columns(cluster: str) -> int:
    """A cluster's display columns: its first character's (marks and joined characters add none, a joined
    sequence such as an emoji family shows as one)."""
    return 2 if is_wide(cluster[0]) else 1
