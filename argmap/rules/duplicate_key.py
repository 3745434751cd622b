"""The same key twice in one mapping.

What it does:
    Reports every repeated key in a YAML mapping, pointing at the repeat and naming the line of
    the first.

Why this matters:
    YAML loaders keep only the last value of a repeated key and say nothing, so a statement
    written twice under one id silently loses its first version. argmap keeps the first and
    reports the second.

Example:
    statements:
      thesis: {role: thesis, text: The feast is in the A-share market.}
      thesis: {text: Start-ups starve.}

Use instead:
    statements:
      thesis: {role: thesis, text: The feast is in the A-share market.}
      startups-starve: {text: Start-ups starve.}

Options:
    None.
"""

from typing import Any

from argmap import codes
from argmap.diagnostics import Severity

CODE = codes.DUPLICATE_KEY
NAME = "duplicate-key"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "reading"  # found while the files are read; the rule reports it
