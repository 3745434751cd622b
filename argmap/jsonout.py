"""Every JSON argmap writes: standard JSON (no NaN or Infinity), readable, and safe to print."""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["json_text"]

# What could drive a terminal or reorder a line: C1 controls, bidirectional controls, line separators,
# surrogates, the byte-order mark (json itself escapes C0 controls inside strings).
_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def json_text(document: Any) -> str:
    """``document`` as standard JSON, indented, not ASCII-only yet safe to print: NaN and Infinity are
    refused (ValueError), and characters that could drive a terminal are written as \\u escapes,
    which mean the same.

    >>> json_text({"a": "x\\u202ey"})
    '{\\n  "a": "x\\\\u202ey"\\n}\\n'
    """
    text = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"
