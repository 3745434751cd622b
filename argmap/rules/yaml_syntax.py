"""YAML that cannot be parsed.

What it does:
    Reports the first place where a file stops being valid YAML, with the parser's reason.

Why this matters:
    Nothing else in a file can be checked until it parses; argmap stops checking that file here.

Example:
    statements:
      thesis:
    	text: a tab indents this line

Use instead:
    statements:
      thesis:
        text: spaces indent this line

Options:
    None.
"""

from typing import Any

from argmap import codes
from argmap.diagnostics import Severity

CODE = codes.YAML_SYNTAX
NAME = "yaml-syntax"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "reading"  # found while the files are read; the rule reports it
