"""Rule documentation from rule docstrings: the sections, one rule's text, and docs/rules.md."""

from __future__ import annotations

import re

from argmap.rule import Rule

__all__ = ["SECTIONS", "sections", "explain", "anchor", "rule_markdown", "help_uri", "catalogue_markdown"]

SECTIONS = ("What it does", "Why this matters", "Example", "Use instead", "Options")
_HEADING = re.compile(r"^({}):\s*$".format("|".join(re.escape(s) for s in SECTIONS)), re.M)


def sections(rule: Rule) -> tuple[str, dict[str, str]]:
    """A rule's summary line and its documentation sections, dedented."""
    doc = (rule.__doc__ or "").strip("\n")
    summary, _, body = doc.partition("\n")
    parts = _HEADING.split(body)
    found = {parts[i]: _dedent(parts[i + 1]) for i in range(1, len(parts) - 1, 2)}
    return summary.strip(), found


def _dedent(text: str) -> str:
    lines = text.strip("\n").splitlines()
    indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    return "\n".join(line[indent:] for line in lines).strip("\n")


def explain(rule: Rule) -> str:
    """One rule's documentation as plain text, for `argmap explain`."""
    summary, parts = sections(rule)
    out = [f"{rule.CODE} {rule.NAME} (default: {rule.SEVERITY})", "", summary]
    for name in SECTIONS:
        body = parts.get(name, "")
        out += ["", f"{name}:", *("    " + line if line else "" for line in body.splitlines())]
    return "\n".join(out) + "\n"


def anchor(rule: Rule) -> str:
    """The id of the rule's section in docs/rules.md."""
    return f"{rule.CODE.lower()}-{rule.NAME}"


def rule_markdown(rule: Rule) -> list[str]:
    """One rule's section of docs/rules.md, as lines (also the help of SARIF's rule descriptors)."""
    summary, parts = sections(rule)
    out = [f"## {rule.CODE} {rule.NAME}", "", f"{summary} Default severity: **{rule.SEVERITY}**."]
    for name in SECTIONS[:2]:
        out += ["", f"**{name}.** " + " ".join(parts.get(name, "").split())]
    for name in ("Example", "Use instead"):
        out += ["", f"**{name}:**", "", "```yaml", parts.get(name, ""), "```"]
    out += ["", "**Options:** " + " ".join(parts.get("Options", "None.").split())]
    return out


def help_uri(rule: Rule) -> str | None:
    """The address of the rule's section in the published rules page, when the installed package
    declares where its documentation is published (``Project-URL: Documentation``)."""
    from importlib import metadata

    try:
        urls = metadata.metadata("argmap").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return f"{url.strip().rstrip('/')}/rules.md#{anchor(rule)}"
    return None


def catalogue_markdown(rules: tuple[Rule, ...]) -> str:
    """docs/rules.md: an index table, then every rule's sections; generated, never edited by hand."""
    out = [
        "# Rules",
        "",
        "<!-- Generated from the rule docstrings by `make docs`; a test fails when it is stale. -->",
        "",
        "Configure them in `.argmap.yaml` by code or name (see [configuration](configuration.md)).",
        "",
        "| code | name | default | summary |",
        "|---|---|---|---|",
    ]
    for rule in rules:
        summary, _ = sections(rule)
        out.append(f"| [{rule.CODE}](#{anchor(rule)}) | `{rule.NAME}` | {rule.SEVERITY} | {summary} |")
    for rule in rules:
        out += ["", *rule_markdown(rule)]
    return "\n".join(out) + "\n"
