"""What every integration shares: a map's options as a document writes them, and the map drawn with argmap's API,
with its findings placed in the map's files or in the document that holds the map."""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from argmap import api
from argmap.config import find as find_config
from argmap.diagnostics import Diagnostic, Severity
from argmap.errors import ArgmapError, MapError

__all__ = ["Options", "Source", "Drawn", "EmbedError", "options", "draw", "site_language", "markup",
           "describe", "figure_name", "OPTIONS", "INLINE_NAME"]

MODES = ("interactive", "static")
OPTIONS = ("lang", "focus", "depth", "group", "eval", "rankdir", "no-legend", "static", "interactive", "height", "alt")
"""The options a document gives a map (those of ``argmap render``, and how it sits in the page)."""
INLINE_NAME = "inline.yaml"
_LENGTH = re.compile(r"(?:[1-9][0-9]{0,3}|0)(?:\.[0-9]{1,2})?(?:px|rem|em|vh|cm|mm|in)")


class EmbedError(ArgmapError):
    """A map that cannot be drawn as the document asks (an unknown option, language or node, no Graphviz)."""


@dataclass(frozen=True)
class Options:
    """How to draw one map: ``argmap render``'s choices, the view (interactive or a static SVG) and its height."""

    lang: str | None = None
    focus: str | None = None
    depth: int = 2
    group: str | None = None
    evaluation: str | None = None
    rankdir: str = "auto"
    legend: bool = True
    mode: str = "interactive"
    height: str | None = None
    alt: str | None = None


@dataclass(frozen=True)
class Source:
    """A map in a file (``path``), or written in the document itself (``text``, from line ``line`` of ``document``,
    which lies in ``folder``: a map written there is checked with the configuration found from there upward)."""

    path: Path | None = None
    text: str | None = None
    document: str = ""
    line: int = 1
    folder: Path | None = None


@dataclass(frozen=True)
class Drawn:
    """A drawn map: the drawing (None when the map cannot be read), its findings, and every file it was read from."""

    output: bytes | None
    findings: tuple[Diagnostic, ...]
    files: tuple[Path, ...]
    title: str = ""


def options(given: Mapping[str, str | None], default_mode: str = "interactive") -> Options:
    """The options written in a document (names as in :data:`OPTIONS`; flags have no value). Raises EmbedError."""
    unknown = sorted(set(given) - set(OPTIONS))
    if unknown:
        raise EmbedError(f"unknown option {unknown[0]!r}; the options are {', '.join(OPTIONS)}")
    if "static" in given and "interactive" in given:
        raise EmbedError("a map is either static or interactive, not both")
    mode = "static" if "static" in given else "interactive" if "interactive" in given else default_mode
    if mode not in MODES:
        raise EmbedError(f"unknown view {mode!r}; use {' or '.join(MODES)}")
    depth = given.get("depth") or "2"
    if not depth.isdigit() or not 0 <= int(depth) <= 100:
        raise EmbedError(f"depth is a number of steps from 0 to 100, not {depth!r}")
    height = given.get("height")
    if height is not None and not _LENGTH.fullmatch(height):
        raise EmbedError(f"height is a CSS length such as 30rem, 480px or 60vh, not {height!r}")
    for flag in ("no-legend", "static", "interactive"):
        if given.get(flag) not in (None, ""):
            raise EmbedError(f"{flag} takes no value (it was given {given[flag]!r})")
    return Options(lang=given.get("lang") or None, focus=given.get("focus") or None, depth=int(depth),
                   group=given.get("group") or None, evaluation=given.get("eval") or None,
                   rankdir=given.get("rankdir") or "auto", legend="no-legend" not in given, mode=mode,
                   height=height, alt=given.get("alt"))


def site_language(code: str | None) -> str | None:
    """A site's language as a map names its languages: ``fr_FR`` and ``pt-BR`` are ``fr`` and ``pt``.

    >>> site_language("fr_FR"), site_language("ja"), site_language(None)
    ('fr', 'ja', None)
    """
    return re.split(r"[_-]", code, maxsplit=1)[0].lower() if code else None


def draw(source: Source, chosen: Options, format: str, site_lang: str | None = None,
         config: str | None = None) -> Drawn:
    """Check the map and draw it as ``format`` (``fragment``, ``svg``, ``pdf``, ``png``): in ``chosen.lang``, else
    the site's language where the map has it, else its first. Findings at warning level and above are returned,
    placed; a map with errors is drawn with them marked. Raises EmbedError when it cannot be drawn as asked."""
    settings, settings_file = _configured(source, config)
    if source.text is None:
        assert source.path is not None
        drawn = _draw_file(source.path, chosen, format, site_lang, settings, source)
        return replace(drawn, files=drawn.files + settings_file)
    with tempfile.TemporaryDirectory(prefix="argmap-inline-") as folder:
        path = Path(folder) / INLINE_NAME
        path.write_text(source.text, encoding="utf-8")
        drawn = _draw_file(path, chosen, format, site_lang, settings, source)
        moved = tuple(_moved(d, path, source) for d in drawn.findings)
        return replace(drawn, findings=moved, files=settings_file)


def _configured(source: Source, config: str | None) -> tuple[str | bool | None, tuple[Path, ...]]:
    """How to check the map: the configuration given, else the nearest from the map's folder upward (from the
    document's, for a map written in it; none found: the defaults); and its file, which the drawing depends on."""
    if config is not None:
        return config, (Path(config).resolve(),)
    if source.path is not None:  # the check finds the same file, as `argmap check` does
        found = find_config(source.path if source.path.is_dir() else source.path.parent)
        return None, (found.resolve(),) if found is not None else ()
    found = find_config(source.folder or Path.cwd())
    return (str(found), (found.resolve(),)) if found is not None else (False, ())


def _draw_file(path: Path, chosen: Options, format: str, site_lang: str | None, config: str | bool | None,
               source: Source) -> Drawn:
    try:
        result = api.check(path, config=config)
    except ArgmapError as refused:  # a configuration that cannot be read, a folder with several maps
        raise EmbedError(str(refused)) from None
    found = tuple(d for d in result.diagnostics if d.severity >= Severity.WARNING)
    files = tuple(Path(f).resolve() for f in result.files)
    try:
        amap = api.load(path)
    except MapError as unreadable:
        said = found if any(d.severity >= Severity.ERROR for d in found) else _merged(found, unreadable.diagnostics)
        return Drawn(None, said, files)
    except ArgmapError as refused:
        raise EmbedError(str(refused)) from None
    files = tuple(dict.fromkeys([*files, *(Path(f).resolve() for f in amap.files)]))
    lang = chosen.lang or (site_lang if site_lang in amap.languages else None)
    errors = [d for d in found if d.severity >= Severity.ERROR]
    try:
        output = api.render(amap, format, lang=lang, evaluation=chosen.evaluation, focus=chosen.focus,
                            depth=chosen.depth, group=chosen.group, legend=chosen.legend, rankdir=chosen.rankdir,
                            findings=found if errors else ())
    except ArgmapError as refused:
        raise EmbedError(str(refused)) from None
    title = amap.title.get(lang or amap.languages[0], "") if isinstance(amap.title, Mapping) else str(amap.title or "")
    return Drawn(output, found, files, title or amap.id)


def _merged(first: Iterable[Diagnostic], second: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(set(first) | set(second), key=lambda d: d.sort_key))


def _moved(finding: Diagnostic, path: Path, source: Source) -> Diagnostic:
    """A finding in a map written inline, placed in the document: its line counted from the map's first line."""
    if Path(finding.path).name != INLINE_NAME and Path(finding.path).resolve() != path.resolve():
        return finding
    line = source.line + finding.line - 1 if finding.line > 0 else source.line
    return replace(finding, path=source.document, line=line, column=0)


def markup(drawn: Drawn, chosen: Options) -> str:
    """A drawn map as HTML to put in a page: the interactive fragment (at ``chosen.height``), or the static SVG."""
    assert drawn.output is not None
    if chosen.mode == "static":
        return svg_markup(drawn.output, drawn.title, chosen.alt)
    text = drawn.output.decode("utf-8")
    if chosen.height:  # checked by options(): a CSS length, nothing else
        text = text.replace('class="argmap-embed"', f'class="argmap-embed" style="--argmap-height: {chosen.height}"', 1)
    return text


def svg_markup(svg: bytes, title: str, alt: str | None) -> str:
    """dot's SVG as markup for an HTML page: no XML prolog, scaled to the column, named for screen readers."""
    import html

    text = svg.decode("utf-8")
    text = text[text.index("<svg"):]
    label = html.escape(alt or f"{title}: argument map", quote=True)
    text = text.replace("<svg", f'<svg role="img" aria-label="{label}" style="max-width:100%;height:auto"', 1)
    text = text.replace("<a ", '<a style="text-decoration:none" ')  # a page's underlined links leave the boxes alone
    return f'<figure class="argmap-static">{text}</figure>\n'


def figure_name(output: bytes, kind: str) -> str:
    """The file name of a drawing written beside a document: the same each time the same drawing is made (a PDF's
    creation date aside), so that building a document again replaces its figures instead of adding to them."""
    steady = re.sub(rb"/CreationDate \(D:[^)]*\)", b"", output)
    return f"argmap-{hashlib.sha256(steady).hexdigest()[:16]}.{kind}"


def describe(finding: Diagnostic) -> str:
    """A finding as a build tool's warning says it, after the place: its rule, then what it says."""
    rule = f" [{finding.code} {finding.name}]" if finding.code else ""
    return f"{finding.severity}: {finding.message}{rule}"

