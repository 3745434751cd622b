"""A scheme, premise role or critical question that the scheme catalogue does not know.

What it does:
    Checks every `scheme:` against the scheme catalogue (argmap's own, with the schemes the
    configuration adds), every role under `roles:` or `scheme-role:` against the scheme's roles
    and the argument's premises, and every question under `raises:` or `answers:` against the
    questions of the inference it names; reports each that names nothing, with the closest name.
    An objection that raises a question by its id alone must attack exactly one inference whose
    scheme asks it (directly, or through a premise or the conclusion).

Why this matters:
    A misspelt scheme carries no critical questions, so the inference would pass every check it
    should face; a misspelt answer leaves its question open and its statement answering nothing.

Example:
    arguments:
      analyst-says:
        premises: [analyst-quote, analyst-record]
        supports: valuations-too-high
        scheme: expert-opinon
        roles: {expert: analyst-record}

Use instead:
    arguments:
      analyst-says:
        premises: [analyst-quote, analyst-record]
        supports: valuations-too-high
        scheme: expert-opinion
        roles: {expertise: analyst-record}

Options:
    None. `argmap schemes` lists the catalogue; `schemes:` in the configuration adds to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context

CODE = "ARG104"
NAME = "unknown-scheme"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    for problem in ctx.scheme_uses().problems:
        yield amap.problem(CODE, problem.node_id, *problem.rest, message=problem.message, section=problem.section,
                           key=problem.key)
