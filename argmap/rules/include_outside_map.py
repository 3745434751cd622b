"""An `include:` that reaches outside the map's folder.

What it does:
    Reports included paths that resolve (after `..` and symbolic links) outside the folder of
    the map's root file.

Why this matters:
    A map and its parts travel together; an include that reaches elsewhere breaks on another
    machine, and in a shared repository it could read files the map's author does not own.

Example:
    include: [../../other-project/secrets.yaml]

Use instead:
    Move the file into the map's folder, and include it from there.

Options:
    None.
"""

from typing import Any

from argmap import codes
from argmap.diagnostics import Severity

CODE = codes.INCLUDE_OUTSIDE
NAME = "include-outside-map"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "reading"  # found while the files are read; the rule reports it
