"""Find and read the source texts a map quotes, and normalise text for quote matching."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from argmap.loader import ArgumentMap

__all__ = ["SourceText", "BlockIndex", "normalise", "resolve", "matched_prefix", "width", "is_wide", "pick_text"]


def pick_text(text: object, lang: str | None, default: str) -> str:
    """The text in ``lang``, else in the map's default language, else the first given."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for key in (lang, default):
        if key and key in text:
            return text[key]
    return next(iter(text.values()), "")


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
    _index: "BlockIndex | None" = field(default=None, repr=False)
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


def resolve(amap: "ArgumentMap", source_dirs: Iterable[Path] = ()) -> dict[str, SourceText]:
    """Read the text of every source that has a ``path``: beside the file that declares it, or by its
    file name in one of ``source_dirs``. A checksum mismatch makes the text unusable."""
    found: dict[str, SourceText] = {}
    dirs = list(source_dirs)
    for source_id, source in amap.sources.items():
        if source.path is None:
            found[source_id] = SourceText(source_id, None, None, "it has no `path`")
            continue
        declared = amap.defined_in[("sources", source_id)].path.parent
        candidates = [declared / source.path] + [d / Path(source.path).name for d in dirs]
        path = next((c for c in candidates if c.is_file()), None)
        if path is None:
            looked = ", ".join(str(c.parent) for c in candidates)
            found[source_id] = SourceText(source_id, None, None, f"{Path(source.path).name!r} is not in {looked}")
            continue
        raw = path.read_bytes()
        if source.sha256 is not None and hashlib.sha256(raw).hexdigest() != source.sha256:
            found[source_id] = SourceText(source_id, path, None, f"{path.name!r} does not match the map's sha256")
            continue
        found[source_id] = SourceText(source_id, path, normalise(raw.decode("utf-8-sig", "replace")))
    return found


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
