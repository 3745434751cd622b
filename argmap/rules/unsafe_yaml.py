"""YAML features that can attack the reader: custom tags, alias bombs, extreme nesting or size.

What it does:
    Reports any tag beyond YAML's plain types (`!!python/object`, `!custom`, ...), which argmap
    never constructs; aliases beyond a small count or expanding to too many nodes; nesting deeper
    than 64 levels; and single values longer than 100,000 characters.

Why this matters:
    Argument maps are shared and checked in CI; a file must not be able to run code, exhaust
    memory ("billion laughs") or hang the checker. Maps need none of these features.

Example:
    statements:
      thesis: !!python/object/apply:os.system ["rm -rf ~"]

Use instead:
    statements:
      thesis: {role: thesis, text: Plain text only.}

Options:
    None. (The limits are fixed so that every checker of a map gives the same verdict.)
"""

from typing import Any

from argmap import codes
from argmap.diagnostics import Severity

CODE = codes.UNSAFE_YAML
NAME = "unsafe-yaml"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "reading"  # found while the files are read; the rule reports it
