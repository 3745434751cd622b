"""More than one YAML document in a file.

What it does:
    Reports a second `---` document in a map file; only the first document is checked.

Why this matters:
    A map file is one document; a second one is usually a paste error, and silently ignoring
    it would hide statements from the check and the diagram.

Example:
    argmap: 1
    statements: {a: {text: A}}
    ---
    statements: {b: {text: B}}

Use instead:
    # map.yaml
    argmap: 1
    include: [more.yaml]
    statements: {a: {text: A}}

Options:
    None.
"""

from typing import Any

from argmap import codes
from argmap.diagnostics import Severity

CODE = codes.MULTIPLE_DOCUMENTS
NAME = "multiple-documents"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "reading"  # found while the files are read; the rule reports it
