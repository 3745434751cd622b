"""The Sphinx extension: ``.. argmap:: path`` (or a map written inline) draws a map into the page, checks it during
the build (findings are warnings with their file and line, so ``-W`` fails), and rebuilds the page when a file of
the map changes. Add ``"argmap.embed.sphinx"`` to ``extensions`` in conf.py."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any, ClassVar

from argmap.embed import needs

try:
    from docutils import nodes
    from docutils.parsers.rst import directives
    from sphinx.application import Sphinx
    from sphinx.util import logging
    from sphinx.util.docutils import SphinxDirective, SphinxTranslator
except ImportError:  # pragma: no cover - said to whoever adds the extension without Sphinx
    raise needs("Sphinx", "sphinx", "Sphinx extension") from None

import argmap
from argmap.diagnostics import Diagnostic
from argmap.embed.core import Drawn, EmbedError, Source, describe, draw, figure_name, markup, options, site_language

__all__ = ["setup", "ArgmapDirective"]

logger = logging.getLogger(__name__)
_SAID: weakref.WeakKeyDictionary[Any, set[Diagnostic]] = weakref.WeakKeyDictionary()
"""The findings said in a build (its environment): a map shown on several pages is warned about once."""


class argmap_map(nodes.General, nodes.Element):  # docutils names its node classes in lower case
    """A map in a document: how to draw it (``source``, ``options``) and, for HTML, its drawing once made."""


def _flag(argument: str | None) -> str:
    return directives.flag(argument) or ""


class ArgmapDirective(SphinxDirective):
    """``.. argmap:: [path]`` with ``argmap render``'s options; the map is the path, or the directive's content."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "lang": directives.unchanged, "focus": directives.unchanged, "depth": directives.unchanged,
        "group": directives.unchanged, "eval": directives.unchanged, "rankdir": directives.unchanged,
        "no-legend": _flag, "static": _flag, "interactive": _flag, "height": directives.unchanged,
        "alt": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        document = self.env.doc2path(self.env.docname)
        if bool(self.arguments) == bool(self.content):
            return self._refused("give the map's path, or write the map in the directive, not both nor neither")
        try:
            chosen = options(self.options, self.config.argmap_default_view)
        except EmbedError as wrong:
            return self._refused(str(wrong))
        if self.arguments:
            _, path = self.env.relfn2path(self.arguments[0], self.env.docname)
            source = Source(path=Path(path), document=str(document), line=self.lineno)
            self.env.note_dependency(path)
        else:
            source = Source(text="\n".join(self.content) + "\n", document=str(document), line=self.content_offset + 1,
                            folder=Path(document).parent)
        html_build = self.env.app.builder.format == "html"
        fmt = ("svg" if chosen.mode == "static" else "fragment") if html_build else "pdf"
        node = argmap_map(source=source, options=chosen, drawn=None, format=fmt)
        self.set_source_info(node)
        try:
            drawn = draw(source, chosen, fmt, site_language(self.config.language), self.config.argmap_config)
        except EmbedError as wrong:  # said once, here: the page keeps a note in its place, not a map to retry
            return self._refused(str(wrong))
        for each in drawn.files:
            self.env.note_dependency(str(each))  # a change to any file of the map rebuilds this page
        for finding in drawn.findings:
            self._warn(finding, source)
        if drawn.output is None:
            return self._refused("the map cannot be read, so it is not drawn")
        node["drawn"] = drawn  # written as it is, by the builder that read it
        return [node]

    def _warn(self, finding: Diagnostic, source: Source) -> None:
        """A finding as a warning of the build, once per build even when several pages show the same map."""
        said_before = _SAID.setdefault(self.env, set())
        if finding in said_before and source.text is None:
            return
        said_before.add(finding)
        said = describe(finding) if finding.line > 0 else f"{finding.path}: {describe(finding)}"
        logger.warning(said, location=self._location(finding, source), type="argmap", subtype=finding.code)

    def _location(self, finding: Diagnostic, source: Source) -> str | tuple[str, int]:
        """Where Sphinx says a finding is: its file and line, or the directive when it has no line."""
        if finding.line <= 0:
            return self.env.docname, self.lineno
        if source.text is not None and finding.path == source.document:
            return self.env.docname, finding.line
        return f"{finding.path}:{finding.line}"

    def _refused(self, why: str) -> list[nodes.Node]:
        logger.warning(f"argmap: {why}", location=(self.env.docname, self.lineno), type="argmap")
        return [nodes.paragraph(text=f"(argument map not drawn: {why})", classes=["argmap-missing"])]


def _drawing(translator: SphinxTranslator, node: argmap_map, fmt: str) -> Drawn | None:
    """The node's drawing in ``fmt``: the one made while reading, else (a page read by another builder) made now."""
    chosen, held = node["options"], node["drawn"]
    if held is not None and node.get("format") == fmt:
        return held  # type: ignore[no-any-return]
    config = translator.builder.config
    try:
        return draw(node["source"], chosen, fmt, site_language(config.language), config.argmap_config)
    except EmbedError as wrong:
        logger.warning(f"argmap: {wrong}", location=node, type="argmap")
        return None


def visit_html(translator: Any, node: argmap_map) -> None:
    chosen = node["options"]
    drawn = _drawing(translator, node, "svg" if chosen.mode == "static" else "fragment")
    if drawn is not None and drawn.output is not None:
        translator.body.append(markup(drawn, chosen))
    raise nodes.SkipNode


def visit_latex(translator: Any, node: argmap_map) -> None:
    """A vector figure: the map as PDF beside the .tex file, included at the width of the text."""
    drawn = _drawing(translator, node, "pdf")
    if drawn is not None and drawn.output is not None:
        name = figure_name(drawn.output, "pdf")
        (Path(translator.builder.outdir) / name).write_bytes(drawn.output)
        translator.body.append("\n\\begin{figure}[htbp]\\centering\n"
                               f"\\includegraphics[width=\\linewidth,height=0.8\\textheight,keepaspectratio]{{{name}}}\n"
                               "\\end{figure}\n")
    raise nodes.SkipNode


def visit_text(translator: Any, node: argmap_map) -> None:
    """Builders without drawings (text, man, texinfo) leave the map out."""
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive, its node and the settings ``argmap_config`` and ``argmap_default_view``."""
    app.add_config_value("argmap_config", None, "env", types=[str, type(None)])
    app.add_config_value("argmap_default_view", "interactive", "env", types=[str])
    skip = (visit_text, None)
    app.add_node(argmap_map, html=(visit_html, None), latex=(visit_latex, None), text=skip, man=skip, texinfo=skip)
    app.add_directive("argmap", ArgmapDirective)
    return {"version": argmap.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
