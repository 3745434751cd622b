"""Files that include each other in a circle.

What it does:
    Reports an `include:` that leads back to a file already being included, showing the chain.

Why this matters:
    A circle of includes has no root and no order; argmap reads each file once, but the
    circle is almost always a mistake in how the map is split.

Example:
    # a.yaml
    include: [b.yaml]
    # b.yaml
    include: [a.yaml]

Use instead:
    Include every part from the root file only.

Options:
    None.
"""

from typing import Any

from argmap import codes
from argmap.diagnostics import Severity

CODE = codes.INCLUDE_CYCLE
NAME = "include-cycle"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "reading"  # found while the files are read; the rule reports it
