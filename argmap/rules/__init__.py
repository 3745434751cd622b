"""The rule catalogue: an explicit registry of rule modules, by code and by name."""

from __future__ import annotations

from argmap.rule import Rule
from argmap.rules import (
    conceded_support,
    conflicting_stance,
    dangling_reference,
    double_counted_support,
    duplicate_id,
    duplicate_key,
    failed_expectation,
    include_cycle,
    include_outside_map,
    long_quote,
    missing_include,
    missing_premise_role,
    missing_translation,
    multiple_documents,
    open_critical_question,
    quote_coverage,
    quote_not_found,
    repeated_reference,
    schema_violation,
    self_reference,
    source_outside_map,
    support_cycle,
    thesis_count,
    unknown_answer,
    unknown_scheme,
    unlisted_language,
    unquoted_statement,
    unreachable_claim,
    unreadable_file,
    unsafe_yaml,
    unsupported_claim,
    unverified_quote,
    yaml_syntax,
)

__all__ = ["RULES", "BY_CODE", "BY_NAME", "ALIASES", "lookup"]

RULES: tuple[Rule, ...] = (
    yaml_syntax,
    schema_violation,
    duplicate_key,
    unsafe_yaml,
    unreadable_file,
    multiple_documents,
    missing_include,
    include_outside_map,
    include_cycle,
    source_outside_map,
    dangling_reference,
    duplicate_id,
    self_reference,
    unknown_scheme,
    repeated_reference,
    support_cycle,
    conflicting_stance,
    thesis_count,
    unreachable_claim,
    failed_expectation,
    unknown_answer,
    conceded_support,
    double_counted_support,
    missing_translation,
    quote_not_found,
    unverified_quote,
    unsupported_claim,
    long_quote,
    quote_coverage,
    unquoted_statement,
    unlisted_language,
    missing_premise_role,
    open_critical_question,
)

ALIASES: dict[str, str] = {}
"""Former rule names -> current codes; a rename keeps the old name working."""

BY_CODE = {rule.CODE: rule for rule in RULES}
BY_NAME = {rule.NAME: rule for rule in RULES}


def lookup(key: str) -> Rule:
    """The rule named by a code (``ARG201``, any case) or a name (``support-cycle``)."""
    rule = BY_CODE.get(key.upper()) or BY_NAME.get(key) or BY_CODE.get(ALIASES.get(key, ""))
    if rule is None:
        from argmap.suggest import did_you_mean

        raise KeyError(f"unknown rule {key!r}" + did_you_mean(key, [*BY_CODE, *BY_NAME]))
    return rule
