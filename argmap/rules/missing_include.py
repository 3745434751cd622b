"""An `include:` entry whose file does not exist.

What it does:
    Reports each included path (relative to the including file) that is missing or is a folder.

Why this matters:
    A missing part of a map is missing statements; checking the rest would report dangling
    references everywhere instead of the one real cause.

Example:
    include: [points.yml]     # the file is points.yaml

Use instead:
    include: [points.yaml]

Options:
    None.
"""

from typing import Any

from argmap import codes
from argmap.diagnostics import Severity

CODE = codes.MISSING_INCLUDE
NAME = "missing-include"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "reading"  # found while the files are read; the rule reports it
