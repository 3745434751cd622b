"""One id defined in two places of a map.

What it does:
    Reports a statement or argument id defined twice across the files of one map (statements
    and arguments share one id space), and a source or group id defined twice.

Why this matters:
    Ids are how relations, diagrams, diffs and tests name things; two things under one name
    make every reference to it ambiguous. (Twice in one file is `duplicate-key`.)

Example:
    # points.yaml
    statements: {startups-starve: {text: Start-ups cannot raise money.}}
    # industry.yaml
    statements: {startups-starve: {text: Few funds can invest.}}

Use instead:
    Give the second statement its own id, such as `few-funds-can-invest`.

Options:
    None.
"""

from typing import Any

from argmap import codes
from argmap.diagnostics import Severity

CODE = codes.DUPLICATE_ID
NAME = "duplicate-id"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "reading"  # found while the files are read; the rule reports it
