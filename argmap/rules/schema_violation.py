"""A file that does not follow the argmap file format.

What it does:
    Validates every file against the file format (the models `argmap schema` prints as JSON
    Schema) and reports each wrong type, unknown field, missing field or malformed id at the
    line and column of the offending key or value, with a suggestion for misspelt fields.

Why this matters:
    A field argmap does not know is a field it silently ignores in other tools; here it is an
    error, so that a typo such as `support:` for `supports:` cannot drop a relation from the map.

Example:
    statements:
      few-funds:
        text: Few funds can invest.
        support: [startups-starve]

Use instead:
    statements:
      few-funds:
        text: Few funds can invest.
        supports: [startups-starve]

Options:
    None.
"""

from typing import Any

from argmap import codes
from argmap.diagnostics import Severity

CODE = codes.SCHEMA
NAME = "schema-violation"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "reading"  # found while the files are read; the rule reports it
