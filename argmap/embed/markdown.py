"""The Python-Markdown extension: a fenced block ```` ```argmap path=map.yaml lang=fr ```` (or with the map written
inside it) becomes the map's drawing. MkDocs sites use the plugin (argmap.embed.mkdocs), which builds on this."""

from __future__ import annotations

import logging
import re
import shlex
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.embed import needs

try:
    from markdown import Markdown
    from markdown.extensions import Extension
    from markdown.preprocessors import Preprocessor
except ImportError:  # pragma: no cover - said to whoever adds the extension without Markdown
    raise needs("Markdown", "markdown", "Markdown extension") from None

from argmap.diagnostics import Diagnostic, Severity
from argmap.embed.core import EmbedError, Options, Source, describe, draw, markup, options, site_language

__all__ = ["Fence", "fences", "ArgmapExtension", "makeExtension", "drawn_fence", "MapFailed"]

logger = logging.getLogger("argmap.embed")
_FENCE = re.compile(r"^((?:[ \t]*>)*[ \t]*)(`{3,}|~{3,})(.*)$")  # in quotes (>), lists, admonitions
_ARGMAP = re.compile(r"[ \t]*\{?[ \t]*\.?argmap\b([^`]*?)\}?[ \t]*")


try:  # in an MkDocs build, a map that fails is a build error, said without a traceback
    from mkdocs.exceptions import BuildError as _Failure
except ImportError:
    _Failure = Exception  # type: ignore[assignment,misc]


class MapFailed(_Failure):
    """A map in a document that has errors, cannot be read, or is asked for with wrong options: the message names
    the file and line, so the build that stops on it says where."""


@dataclass(frozen=True)
class Fence:
    """An ```` ```argmap ```` block: its lines (0-based, the closing fence included), options and the text inside."""

    start: int
    end: int
    indent: str
    attrs: str
    body: str


def fences(lines: list[str]) -> Iterator[Fence]:
    """Every argmap block in ``lines``, also in quotes and indented blocks; those of other languages are passed over.

    >>> [(f.start, f.end, f.attrs, f.body) for f in fences(["```argmap path=a.yaml", "```", "~~~yaml", "```argmap", "~~~"])]
    [(0, 1, 'path=a.yaml', '')]
    >>> [(f.indent, f.body) for f in fences(["> ```argmap", "> argmap: 1", ">   x: y", ">```"])]
    [('> ', 'argmap: 1\\n  x: y')]
    """
    index = 0
    while index < len(lines):
        opened = _FENCE.match(lines[index])
        if opened is None:
            index += 1
            continue
        indent, marker, info = opened.groups()
        quotes = indent.count(">")
        prefix = rf"(?:[ \t]*>){{{quotes}}}[ \t]*" if quotes else re.escape(indent)  # a quote's > may be spaced
        close = re.compile(rf"^{prefix}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$")
        end = next((i for i in range(index + 1, len(lines)) if close.match(lines[i])), len(lines))
        ours = _ARGMAP.fullmatch(info)
        if ours is not None:
            body = "\n".join(_inside(line, indent) for line in lines[index + 1:end])
            yield Fence(index, min(end, len(lines) - 1), indent, ours.group(1).strip(), body)
        index = end + 1


def _inside(line: str, indent: str) -> str:
    """A line of a block without what puts the block where it is: the quotes' ``>`` and the indentation."""
    quotes = indent.count(">")
    if quotes:
        marks = re.match(rf"(?:[ \t]*>){{{quotes}}}", line)
        line = line[marks.end():] if marks else line
        indent = indent[indent.rindex(">") + 1:]
    return line[len(indent):] if line.startswith(indent) else line.lstrip()


def parsed(attrs: str) -> dict[str, str | None]:
    """A fence's options, ``path=map.yaml lang="fr" static`` (or ``path: map.yaml``): name to value, flags None.

    >>> parsed('path="my map.yaml" lang=fr static')
    {'path': 'my map.yaml', 'lang': 'fr', 'static': None}
    """
    try:
        words = shlex.split(attrs.replace(": ", "="))
    except ValueError as wrong:
        raise EmbedError(f"the block's options cannot be read ({wrong}): {attrs}") from None
    given: dict[str, str | None] = {}
    for word in words:
        name, equals, value = word.partition("=")
        given[name.lstrip(".")] = value if equals else None
    return given


def drawn_fence(fence: Fence, folder: Path, document: str, first_line: int, site_lang: str | None,
                config: str | None, default_view: str) -> tuple[str, tuple[Diagnostic, ...], tuple[Path, ...]]:
    """The HTML of one block, its findings and its map's files. Raises MapFailed when it cannot be drawn."""
    line = first_line + fence.start
    try:
        given = parsed(fence.attrs)
        path = given.pop("path", None)
        chosen: Options = options({k: ("" if v is None else v) for k, v in given.items()}, default_view)
        if bool(path) == bool(fence.body.strip()):
            raise EmbedError("give the map's path (path=map.yaml), or write the map in the block, not both nor neither")
        if path:
            source = Source(path=folder / path, document=document, line=line)
        else:
            source = Source(text=fence.body + "\n", document=document, line=line + 1, folder=folder)
        drawn = draw(source, chosen, "svg" if chosen.mode == "static" else "fragment", site_lang, config)
    except EmbedError as wrong:
        raise MapFailed(f"{document}:{line}: argmap: {wrong}") from None
    if drawn.output is None:
        errors = [f"{d.location}: {describe(d)}" for d in drawn.findings if d.severity >= Severity.ERROR]
        raise MapFailed(f"{document}:{line}: the map cannot be read: " + "; ".join(errors))
    return markup(drawn, chosen), drawn.findings, drawn.files


class _Blocks(Preprocessor):
    def __init__(self, md: Markdown, extension: ArgmapExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        found = list(fences(lines))
        for fence in reversed(found):
            made = self.extension.drawn(fence)
            lines[fence.start:fence.end + 1] = ["", fence.indent + self.md.htmlStash.store(made), ""]
        return lines


class ArgmapExtension(Extension):
    """``markdown.markdown(text, extensions=["argmap.embed.markdown"])``: argmap blocks become drawings. Paths are
    read from ``base_dir``; a map with errors (or one that cannot be drawn) stops the conversion with its place,
    its warnings are logged (or given to ``report``)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "base_dir": [".", "The folder that paths in blocks start from"],
            "document": ["", "The name of the document, for the places of findings in maps written inside it"],
            "lang": ["", "The site's language: maps that have it are drawn in it"],
            "config": ["", "The .argmap.yaml to check maps with (default: the nearest from the map's folder upward)"],
            "default_view": ["interactive", "interactive or static"],
            # Not None: Python-Markdown reads an option whose default is None (or a bool) as a yes/no, so a function
            # given here became True.
            "report": ["", "A function given each finding (default: logged as a warning)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown names it
        md.registerExtension(self)
        md.preprocessors.register(_Blocks(md, self), "argmap", 27)  # after the whitespace is normalised (30), before fenced code (25)

    def drawn(self, fence: Fence) -> str:
        setting = self.getConfigs()
        made, findings, _ = drawn_fence(fence, Path(setting["base_dir"]), setting["document"] or "<markdown>", 1,
                                        site_language(setting["lang"] or None), setting["config"] or None,
                                        setting["default_view"])
        errors = [f"{d.location}: {describe(d)}" for d in findings if d.severity >= Severity.ERROR]
        if errors:
            raise MapFailed("the map has errors: " + "; ".join(errors))
        report: Callable[[Diagnostic], None] = setting["report"] or _log
        for finding in findings:
            report(finding)
        return made


def _log(finding: Diagnostic) -> None:
    """A finding as a warning: MkDocs' own (so that ``--strict`` fails on it) in an MkDocs build."""
    import sys

    chosen = logging.getLogger("mkdocs.extensions.argmap") if "mkdocs" in sys.modules else logger
    chosen.warning("%s: %s", finding.location, describe(finding))


def makeExtension(**kwargs: Any) -> ArgmapExtension:  # Python-Markdown names it
    return ArgmapExtension(**kwargs)
