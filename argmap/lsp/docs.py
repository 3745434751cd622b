"""The rules' documentation as a file an editor can open: the checkout's docs/rules.md, or one written for
the installed version into the user's cache folder."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

__all__ = ["rules_document", "rule_line"]


@cache
def rules_document() -> Path | None:
    """The Markdown catalogue of the rules (None when no place can hold it)."""
    from argmap import __version__
    from argmap.ruledocs import catalogue_markdown
    from argmap.rules import RULES

    text = catalogue_markdown(RULES)
    checkout = Path(__file__).resolve().parent.parent.parent / "docs" / "rules.md"
    try:
        if checkout.is_file() and checkout.read_text(encoding="utf-8") == text:
            return checkout
    except OSError:
        pass
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "argmap"
    target = base / f"rules-{__version__}.md"
    try:
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            return target
        base.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        return None
    return target


def rule_line(document: Path, code: str) -> int:
    """The 0-based line of a rule's heading in the catalogue (0 when it is not there)."""
    try:
        lines = document.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    return next((i for i, line in enumerate(lines) if line.startswith(f"## {code} ")), 0)
