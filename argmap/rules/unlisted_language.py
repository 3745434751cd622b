"""A text in a language that the map does not list.

What it does:
    In a map that lists its `languages:`, reports each text given in another language (a
    statement's text or note, an argument's label or note, a group's label or description, the
    map's title or description), with the listed language it most resembles.

Why this matters:
    A text under a misspelt or unlisted language (`fe` for `fr`, `de` in an English and French
    map) is never drawn and never checked for completeness: the translation the author wrote is
    silently lost, and `missing-translation` reports the language as missing.

Example:
    languages: [en, fr]
    statements:
      thesis: {role: thesis, text: {en: Start-ups starve., fe: Les start-up ont faim.}}

Use instead:
    languages: [en, fr]
    statements:
      thesis: {role: thesis, text: {en: Start-ups starve., fr: Les start-up ont faim.}}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context

CODE = "ARG306"
NAME = "unlisted-language"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}
INPUT = "map"

_FIELDS = {"statements": ("text", "note"), "arguments": ("label", "note"), "groups": ("label", "description")}


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    listed = amap.declared_languages
    if listed is None:
        return

    def message(lang: str, what: str) -> str:
        # Language codes are too short for a similarity score: one letter off is the likely typo.
        close = [code for code in listed
                 if len(code) == len(lang) and sum(a != b for a, b in zip(code, lang, strict=True)) == 1]
        hint = f"; did you mean {close[0]!r}?" if close else f"; it lists {', '.join(listed)}"
        return f"{what} has a text in {lang!r}, which the map does not list{hint}"

    for name in ("title", "description"):
        text = getattr(amap, name)
        for lang in _unlisted(text, listed):
            yield amap.map_problem(CODE, name, lang, key=True, message=message(lang, f"the {name} of the map"))
    for section, fields in _FIELDS.items():
        for item_id, item in getattr(amap, section).items():
            for name in fields:
                for lang in _unlisted(getattr(item, name), listed):
                    yield amap.problem(CODE, item_id, name, lang, key=True, section=section,
                                       message=message(lang, f"{section[:-1]} {item_id!r}"))


def _unlisted(text: object, listed: tuple[str, ...]) -> list[str]:
    return [lang for lang in text if lang not in listed] if isinstance(text, dict) else []
