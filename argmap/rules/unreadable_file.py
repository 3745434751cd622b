"""A path that cannot be read as UTF-8 text.

What it does:
    Reports a missing path, a folder given where a file is expected, a binary file, a file over
    the size limit, UTF-16 text, and bytes that are not valid UTF-8 (at the line and column of the
    first bad byte). A UTF-8 byte-order mark and CRLF line endings are fine.

Why this matters:
    A map that only one editor can read is not a map others can check; and a wrong path in CI
    must fail loudly rather than check nothing.

Example:
    A map saved as Latin-1: `text: "Caf\xe9"`

Use instead:
    Save the file as UTF-8: `text: "Café"`

Options:
    None.
"""

from typing import Any

from argmap import codes
from argmap.diagnostics import Severity

CODE = codes.UNREADABLE
NAME = "unreadable-file"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "reading"  # found while the files are read; the rule reports it
