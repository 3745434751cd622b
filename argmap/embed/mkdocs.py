"""The MkDocs plugin (``plugins: [argmap]``): ```` ```argmap ```` blocks in pages become maps, checked at each build
(their warnings are the build's, so ``--strict`` fails on them; an error stops the build with its place), and
``mkdocs serve`` rebuilds when any file of a map is saved."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from argmap.embed import needs

try:
    from mkdocs.config import config_options
    from mkdocs.config.base import Config
    from mkdocs.exceptions import PluginError
    from mkdocs.plugins import BasePlugin, get_plugin_logger
except ImportError:  # pragma: no cover - said to whoever adds the plugin without MkDocs
    raise needs("MkDocs", "mkdocs", "MkDocs plugin") from None

from argmap.diagnostics import Severity
from argmap.embed.core import describe
from argmap.embed.markdown import MapFailed, drawn_fence, fences

__all__ = ["ArgmapPlugin"]

log = get_plugin_logger("argmap")
_MARK = "<!-- argmap-map {} -->"


class ArgmapConfig(Config):
    config = config_options.Optional(config_options.File(exists=True))
    """The .argmap.yaml to check maps with (default: the nearest one from the map's folder upward)."""
    default_view = config_options.Choice(("interactive", "static"), default="interactive")


class ArgmapPlugin(BasePlugin[ArgmapConfig]):
    """Draws each page's argmap blocks, and tells ``mkdocs serve`` which files the maps are read from."""

    def __init__(self) -> None:
        self.drawings: dict[str, list[str]] = {}
        self.files: set[Path] = set()
        self.server: Any = None

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Any) -> str:
        """Each block is drawn and left as a mark in the Markdown, replaced by its drawing once the page is HTML."""
        lines = markdown.split("\n")
        found = list(fences(lines))
        if not found:
            return markdown
        source = Path(page.file.abs_src_path)
        document = os.path.relpath(source)  # as a build's messages name files: from where mkdocs runs
        first = _first_line(source, markdown)
        made: list[str] = []
        for fence in found:
            try:
                drawn, findings, map_files = drawn_fence(fence, source.parent, document, first, _language(config),
                                                         self.config.config, self.config.default_view)
            except MapFailed as failed:
                raise PluginError(str(failed)) from None
            errors = [f"{d.location}: {describe(d)}" for d in findings if d.severity >= Severity.ERROR]
            if errors:  # a map with errors stops the build, each error at its place
                raise PluginError("argmap: the map has errors:\n" + "\n".join(errors))
            for finding in findings:
                log.warning(f"{finding.location}: {describe(finding)}")
            self.files.update(map_files)
            made.append(drawn)
        for index, fence in reversed(list(enumerate(found))):  # from the end: the lines before keep their numbers
            lines[fence.start:fence.end + 1] = [fence.indent + _MARK.format(index)]
        self.drawings[page.file.src_uri] = made
        return "\n".join(lines)

    def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Any) -> str:
        for index, drawn in enumerate(self.drawings.pop(page.file.src_uri, [])):
            html = html.replace(_MARK.format(index), drawn, 1)
        return html

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        self.server = server
        self._watch()
        return server

    def on_post_build(self, *, config: Any) -> None:
        self._watch()  # a file a map started to include since the server started is watched too

    def _watch(self) -> None:
        if self.server is None:
            return
        for file in sorted(self.files):  # each file, not its folder: other files written there rebuild nothing
            self.server.watch(str(file), recursive=False)


def _language(config: Any) -> str | None:
    """The site's language: Material's ``theme.language``, or MkDocs' ``theme.locale``."""
    theme = config.theme
    code = theme.get("language") if hasattr(theme, "get") else None
    locale = getattr(theme, "locale", None)
    return str(code or (locale.language if locale is not None else "") or "") or None


def _first_line(source: Path, markdown: str) -> int:
    """The line of the file where ``markdown`` (the page without its front matter) starts."""
    try:
        whole = source.read_text(encoding="utf-8-sig")
    except OSError:
        return 1
    at = whole.find(markdown[:200]) if markdown else -1
    return whole.count("\n", 0, at) + 1 if at > 0 else 1
