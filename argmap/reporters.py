"""Write a lint result as text, parsable lines, JSON, GitHub annotations or SARIF 2.1.0."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from itertools import groupby
from pathlib import Path
from typing import IO, Any

from argmap.diagnostics import Severity
from argmap.jsonout import json_text
from argmap.linter import Result
from argmap.texts import one_line
from argmap.version import __version__

__all__ = ["REPORTERS_BY_NAME", "FORMATS", "report", "pick_auto", "JSON_VERSION"]

JSON_VERSION = 1
_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"


def text(result: Result, stream: IO[str], colour: bool = False) -> None:
    """Findings grouped by file, then a one-line summary."""

    def paint(code: str, value: str) -> str:
        return f"{code}{value}{_RESET}" if colour else value

    for path, items in groupby(result.diagnostics, key=lambda d: d.path):
        stream.write(paint(_BOLD, one_line(path)) + "\n")
        for d in items:
            where = f"{d.line}:{d.column}" if d.line else "-"
            severity = paint(_COLOURS.get(d.severity, ""), f"{d.severity!s:<7}")
            stream.write(f"  {where:<9} {severity} {d.code}  {one_line(d.message)}  {paint(_DIM, d.name)}\n")
            for related in d.related:
                see = f"see {one_line(related[0])}:{related[1]}:{related[2]}"
                stream.write(paint(_DIM, f"  {'':<9} {'':<7} {'':<6} {see}") + "\n")
        stream.write("\n")
    stream.write(_summary(result) + "\n")


def _summary(result: Result) -> str:
    errors, warnings = result.counts.get("error", 0), result.counts.get("warning", 0)
    files = len(result.files)
    checked = f"{files} file{'s' if files != 1 else ''}, {len(result.maps)} map{'s' if len(result.maps) != 1 else ''}"
    if not result.diagnostics:
        return f"no problems in {checked}"
    return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''} in {checked}"


def parsable(result: Result, stream: IO[str], colour: bool = False) -> None:
    """One ``file:line:col: severity CODE message [name]`` line per finding (for editors and grep)."""
    for d in result.diagnostics:
        where = f"{one_line(d.path)}:{d.line}:{d.column}"
        stream.write(f"{where}: {d.severity} {d.code} {one_line(d.message)} [{d.name}]\n")


def as_json(result: Result, stream: IO[str], colour: bool = False) -> None:
    """A versioned JSON document: the findings, the files and maps checked, and the counts."""
    document = {
        "version": JSON_VERSION,
        "tool": {"name": "argmap", "version": __version__},
        "summary": {**result.counts, "files": len(result.files), "maps": len(result.maps)},
        "files": list(result.files),
        "diagnostics": [
            {
                "path": d.path, "line": d.line, "column": d.column, "severity": str(d.severity),
                "code": d.code, "name": d.name, "message": d.message,
                "related": [{"path": p, "line": line, "column": column} for p, line, column in d.related],
            }
            for d in result.diagnostics
        ],
    }
    stream.write(json_text(document))


def github(result: Result, stream: IO[str], colour: bool = False) -> None:
    """GitHub Actions workflow commands, which annotate the lines of a pull request."""
    for d in result.diagnostics:
        level = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(d.severity, "notice")
        place = f"file={escape_property(d.path)}"
        if d.line:
            place += f",line={d.line}" + (f",col={d.column}" if d.column else "")
        title = escape_property(f"{d.code} {d.name}")
        stream.write(f"::{level} {place},title={title}::{escape_data(d.message)}\n")


def escape_data(value: str) -> str:
    # Line breaks are the only way out of a workflow command; other control characters are escaped
    # so that the log shows them instead of acting on them.
    escaped = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return one_line(escaped)


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def sarif(result: Result, stream: IO[str], colour: bool = False) -> None:
    """SARIF 2.1.0, for code-scanning upload."""
    from argmap.ruledocs import help_uri, rule_markdown
    from argmap.rules import RULES

    index = {rule.CODE: position for position, rule in enumerate(RULES)}
    root = repository_root(Path.cwd())
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    rules = [
        {
            "id": rule.CODE,
            "name": rule.NAME,
            "shortDescription": {"text": (rule.__doc__ or "").strip().splitlines()[0]},
            "fullDescription": {"text": " ".join((rule.__doc__ or "").split())},
            "defaultConfiguration": {"level": levels.get(rule.SEVERITY, "none")},
            "help": {"text": f"argmap explain {rule.CODE}", "markdown": "\n".join(rule_markdown(rule))},
            **({"helpUri": uri} if (uri := help_uri(rule)) else {}),
        }
        for rule in RULES
    ]

    def location(path: str, line: int, column: int) -> dict[str, Any]:
        # Relative to the repository's root, as code scanning attaches results to its files, wherever argmap ran.
        uri = Path(os.path.relpath(Path(path).absolute(), root)).as_posix()
        physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}}
        if line:
            physical["region"] = {"startLine": line, **({"startColumn": column} if column else {})}
        return {"physicalLocation": physical}

    results = [
        {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": levels.get(d.severity, "none"),
            "message": {"text": d.message},
            "locations": [location(d.path, d.line, d.column)],
            **({"relatedLocations": [{"id": i, **location(*r)} for i, r in enumerate(d.related)]} if d.related else {}),
        }
        for d in result.diagnostics
    ]
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "argmap", "version": __version__, "rules": rules}},
            "results": results,
        }],
    }
    stream.write(json_text(document))


def repository_root(start: Path) -> Path:
    """The top folder of the git repository that holds ``start`` (``start`` itself outside one)."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


Reporter = Callable[[Result, IO[str], bool], None]
REPORTERS_BY_NAME: dict[str, Reporter] = {
    "text": text, "parsable": parsable, "json": as_json, "github": github, "sarif": sarif,
}
FORMATS = ("auto", *REPORTERS_BY_NAME)


def pick_auto(stream: IO[str], environ: Mapping[str, str] | None = None) -> tuple[str, bool]:
    """``github`` under GitHub Actions, else ``text``; colour only on a terminal without NO_COLOR."""
    environ = os.environ if environ is None else environ
    if environ.get("GITHUB_ACTIONS") == "true":
        return "github", False
    terminal = bool(getattr(stream, "isatty", lambda: False)())
    colour = terminal and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"
    return "text", colour


def report(result: Result, name: str, stream: IO[str], environ: Mapping[str, str] | None = None) -> None:
    """Write ``result`` in the format called ``name`` (``auto`` picks one) to ``stream``."""
    colour = False
    if name == "auto":
        name, colour = pick_auto(stream, environ)
    elif name == "text":
        _, colour = pick_auto(stream, environ)
    REPORTERS_BY_NAME[name](result, stream, colour)
