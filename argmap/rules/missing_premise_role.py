"""An inference that names a scheme but leaves one of its premise roles unfilled (an enthymeme).

What it does:
    For each inference with a `scheme:`, finds the premise that plays each of the scheme's roles
    (those given under `roles:` or `scheme-role:`, then the other premises in the scheme's order),
    and reports each role no premise plays, with the role's pattern and the statement to add.

Why this matters:
    Everyday arguments leave premises unsaid: "the CEO said so" leaves out that the CEO knows the
    field. An analysis that names the scheme should make the unsaid premise explicit, as the
    analyst's statement, so that readers see what the inference takes for granted and can
    attack it.

Example:
    statements:
      ceo-said-so: {text: The CEO said demand will double, supports: demand-doubles, scheme: expert-opinion}

Use instead:
    statements:
      ceo-said-so: {text: The CEO said demand will double}
      ceo-knows-market: {text: The CEO knows this market, by: analyst}
    arguments:
      ceo-forecast:
        premises: [ceo-said-so, ceo-knows-market]
        supports: demand-doubles
        scheme: expert-opinion
        roles: {assertion: ceo-said-so, expertise: ceo-knows-market}

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context
from argmap.schemes import text_of

CODE = "ARG309"
NAME = "missing-premise-role"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    lang = amap.languages[0]
    for use in ctx.scheme_uses().uses.values():
        if use.spec is None:
            continue
        for role in use.missing:
            pattern = text_of(use.spec.roles[role], lang)
            new_id = f"{use.owner}-{role}"
            if use.section == "arguments":
                fix = (f"add it as the analyst's statement (`{new_id}: {{text: ..., by: analyst}}`), list it in"
                       f" `premises:` and give `roles: {{{role}: {new_id}}}`")
            else:
                fix = (f"add it as the analyst's statement (`{new_id}: {{text: ..., by: analyst}}`) and draw"
                       f" {use.inference!r} as an argument (under `arguments:`) with the premises it adds")
            yield amap.problem(CODE, use.owner, "scheme", section=use.section,
                               message=f"{use.inference!r} ({use.scheme}) has no premise for role {role!r}:"
                                       f" \"{pattern}\"; {fix}")
