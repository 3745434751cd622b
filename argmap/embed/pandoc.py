"""The pandoc filter (``pandoc --filter argmap-pandoc``): a code block of class ``argmap`` (a map written inside it,
or ``path=map.yaml``), an image whose target is a map, or a link to one of class ``argmap``, becomes the map: the
interactive view or an SVG in HTML, a vector PDF figure in LaTeX and PDF, a PNG elsewhere. Findings go to stderr;
an error fails the conversion."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from argmap.embed import needs

try:
    import panflute as pf
except ImportError:  # pragma: no cover - said to whoever runs the filter without panflute
    raise needs("panflute", "pandoc", "pandoc filter") from None

from argmap.diagnostics import Severity
from argmap.embed.core import EmbedError, Source, describe, draw, figure_name, markup, options, site_language

__all__ = ["main", "action"]

HTML = ("html", "html4", "html5", "revealjs", "slidy", "slideous", "s5", "dzslides", "epub", "epub2", "epub3")
VECTOR = ("latex", "beamer", "context")  # the formats that take a PDF figure
MAP_SUFFIXES = (".yaml", ".yml")


class _State:
    """What the conversion has met: the number of blocks (to name those written inline) and whether one failed."""

    def __init__(self) -> None:
        self.blocks = 0
        self.failed = False


def _say(text: str) -> None:
    sys.stderr.write(f"argmap-pandoc: {text}\n")


def drawn(given: dict[str, str], text: str | None, doc: pf.Doc, state: _State) -> pf.Block | None:
    """The block that shows one map in the document's output format, or None (said on stderr) when it cannot."""
    state.blocks += 1
    name = f"argmap block {state.blocks}"
    given = dict(given)
    path = given.pop("path", None)
    try:
        chosen = options({k: v for k, v in given.items() if k not in ("caption",)})
        if bool(path) == bool(text and text.strip()):
            raise EmbedError("give the map's path (path=map.yaml), or write the map in the block, not both nor neither")
        source = Source(path=Path(path)) if path else Source(text=str(text) + "\n", document=name, line=1)
        fmt = doc.format
        kind = ("svg" if chosen.mode == "static" else "fragment") if fmt in HTML else "pdf" if fmt in VECTOR else "png"
        result = draw(source, chosen, kind, site_language(str(doc.get_metadata("lang", "") or "")) or None)
    except EmbedError as wrong:
        _say(f"{path or name}: {wrong}")
        state.failed = True
        return None
    for finding in result.findings:
        _say(f"{finding.location}: {describe(finding)}")
        state.failed = state.failed or finding.severity >= Severity.ERROR
    if result.output is None:
        state.failed = True
        return None
    if kind in ("svg", "fragment"):
        return pf.RawBlock(markup(result, chosen), format="html")
    folder = Path(str(doc.get_metadata("argmap-figures", "argmap-figures")))
    figure = folder / figure_name(result.output, kind)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        figure.write_bytes(result.output)
    except OSError as refused:
        _say(f"{path or name}: the figure cannot be written in {folder} ({refused.strerror or refused}); "
             "name another folder with the metadata argmap-figures")
        state.failed = True
        return None
    return _figure(figure.as_posix(), given.get("caption") or result.title, doc)


def _figure(url: str, caption: str, doc: pf.Doc) -> pf.Block:
    """A figure of the drawing, as pandoc's own (so its writer loads what it needs, such as LaTeX's graphicx, and
    scales it to the page): a Figure in pandoc 3, a paragraph of one image titled ``fig:`` before."""
    if doc.api_version[:2] >= (1, 23):
        return pf.Figure(pf.Plain(pf.Image(pf.Str(caption), url=url)), caption=pf.Caption(pf.Plain(pf.Str(caption))))
    return pf.Para(pf.Image(pf.Str(caption), url=url, title="fig:"))


def action(elem: pf.Element, doc: pf.Doc) -> Any:
    """A map's code block, or a paragraph that is only an image of a map (or a link to one, of class argmap), becomes
    the map."""
    state: _State = doc.argmap
    if isinstance(elem, pf.CodeBlock) and "argmap" in elem.classes:
        return drawn(_given(elem), elem.text, doc, state) or []
    image = _only_image(elem)
    if image is not None and (isinstance(image, pf.Link) or os.path.splitext(image.url)[1].lower() in MAP_SUFFIXES):
        given = _given(image)
        given["path"] = image.url
        alt = pf.stringify(image)
        if alt:
            given.setdefault("alt", alt)
            given.setdefault("caption", alt)
        return drawn(given, None, doc, state) or []
    return None


def _only_image(elem: pf.Element) -> Any:
    """The image (or link of class argmap) that is the whole of a paragraph (or of a figure, in pandoc 3), else None."""
    figure = getattr(pf, "Figure", None)
    if figure is not None and isinstance(elem, figure) and len(elem.content) == 1:
        elem = elem.content[0]
    if isinstance(elem, pf.Para | pf.Plain) and len(elem.content) == 1:
        inner = elem.content[0]
        if isinstance(inner, pf.Image) or (isinstance(inner, pf.Link) and "argmap" in inner.classes):
            return inner
    return None


def _given(elem: Any) -> dict[str, str]:
    """An element's options: its attributes, and its classes as flags (``{.argmap .static lang=fr}``)."""
    given = {str(k): str(v) for k, v in elem.attributes.items()}
    for flag in ("static", "interactive", "no-legend"):
        if flag in elem.classes:
            given[flag] = ""
    return given


def main(doc: pf.Doc | None = None) -> int:
    """Run as pandoc's filter: the document in on stdin, out on stdout; 1 when a map failed (pandoc stops)."""
    state = _State()

    def prepare(document: pf.Doc) -> None:
        document.argmap = state

    pf.run_filter(action, prepare=prepare, doc=doc)
    if state.failed:
        _say("a map has errors or cannot be drawn (see above)")
        return 1
    return 0


def run() -> None:
    sys.exit(main())
