"""The self-contained HTML view: dot's SVG per language, the map's data as JSON, the page's own script and
styles inline, and a Content-Security-Policy that allows nothing else (no request of any kind)."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

from argmap.diagram.dot import FONT
from argmap.diagram.pieces import VIRTUAL, pieces

__all__ = ["page", "fragment", "embeddable", "island", "scripted", "large", "policy", "script", "styles",
           "LANGUAGE_NAMES", "SCRIPT"]

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "ja": "日本語", "zh": "中文", "de": "Deutsch", "es": "Español"}
"""How the language switch names a language (in that language); others are shown by their code."""

_PROLOG = re.compile(r"\A.*?(?=<svg[\s>])", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TITLE = re.compile(r"<title>[^<]*</title>\n?")
_FONT = f' font-family="{FONT}"'
_LENGTH = re.compile(r"(?:[1-9][0-9]{0,3}|0)(?:\.[0-9]{1,2})?(?:px|rem|em|vh|cm|mm|in)")


SCRIPT = ("host", "texts", "pieces", "drawing", "zoom", "overview", "tree", "folds", "filters", "select", "panel",
          "verdicts", "findings", "search", "outline", "address", "pointer", "keys", "save", "language", "live", "start")
"""The page's script, module by module (static/page/NAME.js), in the order they run: one function's body, whose
last module starts the view."""


@cache
def script() -> str:
    """The page's script: its modules inlined in order, in one function of their own (no global, no request).
    Every map text reaches the page through textContent, never as markup."""
    folder = files("argmap.diagram").joinpath("static/page")
    body = "".join(folder.joinpath(f"{name}.js").read_text(encoding="utf-8") for name in SCRIPT)
    return f'// argmap\'s HTML view.\n"use strict";\n(function () {{\n{body}}})();\n'


@cache
def styles() -> str:
    return files("argmap.diagram").joinpath("static/page.css").read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(live: bool = False) -> str:
    """The page's Content-Security-Policy: its own script and styles (by hash) and data: images (the
    empty icon); nothing else, so the page makes no request. A live page may also connect to the
    server that sent it, for its updates."""
    connect = "; connect-src 'self'" if live else ""
    return (f"default-src 'none'; script-src {_hash(script())}; style-src {_hash(styles())}; img-src data:;"
            f" base-uri 'none'; form-action 'none'{connect}")


def embeddable(svg: bytes | str) -> str:
    """dot's SVG ready to sit inside an HTML page: without its XML prolog, doctype, comments and ``<title>``
    elements (the generated node names), and with the diagram's font left to the page's style sheet (the
    same fonts, named once instead of on each of thousands of texts: a large drawing parses faster).

    >>> embeddable(b'<?xml version="1.0"?>\\n<!DOCTYPE svg>\\n<!-- x -->\\n<svg width="1"><!-- n0 --><g/></svg>\\n')
    '<svg width="1"><g/></svg>'
    """
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    text = _COMMENT.sub("", _PROLOG.sub("", text, count=1)).strip()
    return _TITLE.sub("", text).replace(_FONT, "")


def island(value: Any) -> str:
    """``value`` as JSON that cannot end the ``<script>`` element holding it, whatever its texts say:
    ``<``, ``>`` and ``&`` are written as escapes, and so are the line separators JavaScript once refused.

    >>> island({"t": "</script><script>alert(1)</script>"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def page(data: Mapping[str, Any], svgs: Mapping[str, str], live: bool = False,
         version: int | Mapping[str, int] = 0) -> str:
    """The whole page: ``data`` (:func:`argmap.diagram.data.page_data`) and the SVG of each language
    (:func:`embeddable`); ``live`` pages take updates from the server that sent them, newer than ``version``
    (each language's, when a mapping)."""
    lang = str(data["lang"])
    return f"""<!DOCTYPE html>
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(policy(live))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="argmap">
<link rel="icon" href="data:,">
<title>{_title(data)}</title>
<style>{styles()}</style>
</head>
<body data-live="{'1' if live else '0'}">
{_view(data, svgs, version)}
<script>{script()}</script>
</body>
</html>
"""


def fragment(data: Mapping[str, Any], svgs: Mapping[str, str], height: str | None = None) -> str:
    """The view as a fragment to put in any HTML page, as many times as there are maps: no ``<html>``
    around it, its markup and styles in the shadow root of its own element (the page's styles cannot reach
    them, and they cannot reach the page), the same script as the page, and nothing it has to fetch.
    ``height`` is the CSS height of its box (default 32rem; a reader can drag it taller)."""
    if height is not None and not _LENGTH.fullmatch(height):
        raise ValueError(f"a height is a CSS length such as 30rem, 480px or 60vh, not {height!r}")
    lang = html.escape(str(data["lang"]))
    box = f' style="--argmap-height: {html.escape(height)}"' if height else ""
    return (f'<div class="argmap-embed" data-map="{html.escape(str(data["id"]))}"{box}>'
            f'<template class="argmap-view"><style>{styles()}</style>'
            f'<div class="embedded" lang="{lang}" data-live="0">\n{_view(data, svgs, 0)}\n</div></template>'
            f'<noscript>{_title(data)}: the interactive argument map needs JavaScript.</noscript>'
            f"<script>{script()}</script></div>\n")


def _title(data: Mapping[str, Any]) -> str:
    lang = str(data["lang"])
    return html.escape(str(data["title"].get(lang) or next(iter(data["title"].values()), "")))


_UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.I)


def scripted(value: Any) -> str:
    """``value`` as JSON to hold in a ``<script>`` element: :func:`island` for markup, which has a ``<`` in
    nearly every string, costs six characters each; here only a ``</`` or ``<!--`` is escaped, which is all
    that could end the element or change how it is read.

    >>> print(scripted(["<g></g>", "<!-- x --></script>"]))
    ["<g><\\/g>","\\u003c!-- x --><\\/script>"]
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("</", "<\\/").replace("<!--", "\\u003c!--")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def large(svg: str) -> dict[str, Any] | None:
    """The pieces of ``svg`` when it has :data:`VIRTUAL` nodes and edges or more, else None."""
    if svg.count(' class="node"') + svg.count(' class="edge"') < VIRTUAL:
        return None
    return pieces(svg)


def _drawing(code: str, svg: str, version: int, shown: bool) -> str:
    """One language's drawing: a ``<template>`` for the language the view opens in, parsed with the page; the
    others as text in an inert ``<script>`` the view parses when asked (a large drawing costs a browser as much
    to parse unseen as seen). dot's SVG escapes every ``<`` of a text, so it never holds ``</script``; should
    one ever, the drawing goes in a template. A drawing of :data:`VIRTUAL` nodes and edges or more comes cut
    in pieces (:func:`argmap.diagram.pieces.pieces`), which the view puts in its document only near the view."""
    attributes = f'class="drawing" data-lang="{html.escape(code)}" data-version="{version}"'
    cut = large(svg)
    if cut is not None:
        return f'<script type="application/json" {attributes} data-pieces="1">{scripted(cut)}</script>'
    if shown or _UNSAFE_IN_SCRIPT.search(svg):
        return f"<template {attributes}>{svg}</template>"
    return f'<script type="text/x-argmap-svg" {attributes}>{svg}</script>'


def _view(data: Mapping[str, Any], svgs: Mapping[str, str], version: int | Mapping[str, int]) -> str:
    """The view's markup, the same on a page and in a fragment: the tools, the findings, the diagram of each
    language and the panel, and the map's data."""
    versions = version if isinstance(version, Mapping) else dict.fromkeys(svgs, version)
    lang = str(data["lang"])
    title = _title(data)
    options = "".join(f'<option value="{html.escape(code)}"{" selected" if code == lang else ""}>'
                      f"{html.escape(LANGUAGE_NAMES.get(code, code))}</option>" for code in data["languages"])
    templates = "".join(_drawing(code, svg, versions.get(code, 0), code == lang) for code, svg in svgs.items())
    return f"""<header class="bar">
<h1 id="title" dir="auto">{title}</h1>
<button type="button" id="tools-toggle" aria-expanded="false" aria-controls="tools">Tools</button>
<div class="tools" id="tools" role="toolbar" aria-label="Diagram tools">
<label class="search">Search <input id="search" type="search" autocomplete="off" spellcheck="false"
 aria-describedby="count" aria-controls="results" placeholder="id or words, any language"></label>
<span id="count" aria-live="polite"></span>
<label>Language <select id="lang">{options}</select></label>
<button type="button" id="zoom-in" aria-label="Zoom in" title="Zoom in (+)">+</button>
<button type="button" id="zoom-out" aria-label="Zoom out" title="Zoom out (−)">−</button>
<button type="button" id="fit" title="Fit to window (0)">Fit</button>
<button type="button" id="outline-toggle" aria-pressed="false" aria-controls="outline"
 title="The thesis, its reasons and objections as a list">Outline</button>
<button type="button" id="focus" aria-pressed="false" aria-controls="viewport"
 title="Show only the selected statement and its neighbours">Focus</button>
<label class="steps">steps <input id="focus-steps" type="number" min="1" max="9" value="2"></label>
<button type="button" id="unfold" hidden>Unfold all</button>
<details id="filters"><summary>Filters <span id="filter-count"></span></summary><div class="filter-box">
<label>Group <select id="filter-group"></select></label> <label>Tag <select id="filter-tag"></select></label>
<label>Role <select id="filter-role"></select></label> <label>Evaluation <select id="filter-label"></select></label>
<button type="button" id="filter-clear">Clear</button></div></details>
<button type="button" id="save-svg" title="Save the drawing as shown, as SVG">Save SVG</button>
<button type="button" id="save-png" title="Save the drawing as shown, as PNG">Save PNG</button>
<span id="status" role="status"></span>
</div>
<ul id="results" aria-label="Search results" hidden></ul>
</header>
<section id="findings" aria-label="Findings" hidden><h2>Findings</h2><ul></ul></section>
<main>
<nav id="outline" aria-label="Outline" hidden>
<ul id="outline-tree" role="tree" aria-label="Outline: the thesis, its reasons and objections"></ul>
</nav>
<div class="stage">
<div id="viewport" tabindex="0" role="application" aria-roledescription="diagram"
 aria-label="Argument map: arrow keys move, + and − zoom, 0 fits, Tab reaches each statement, C folds what lies under it">
<div id="canvas"></div>
</div>
<canvas id="overview" role="img" aria-label="Overview of the whole map; the frame is the part in view (click to move it)" hidden></canvas>
</div>
<aside id="panel" aria-live="polite" aria-label="Selected statement" hidden></aside>
</main>
{templates}
<script type="application/json" id="argmap-data">{island(data)}</script>"""
