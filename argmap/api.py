"""The Python API, every verb: load, check, evaluate, render, dump, diff, import_map and export; the apps (the
command line, the live preview, the language server) are thin layers over these and the composition layer."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Union

from argmap.errors import GraphvizUnavailable

if TYPE_CHECKING:
    from argmap.changes import Changes
    from argmap.config import Config
    from argmap.diagnostics import Diagnostic
    from argmap.formats import Reading, Subject, Written
    from argmap.linter import Result
    from argmap.loader import Workspace
    from argmap.model import ArgumentMap
    from argmap.schemes import Catalogue
    from argmap.semantics.result import Evaluation

__all__ = ["load", "check", "evaluate", "render", "dump", "diff", "import_map", "export", "settings",
           "GraphvizUnavailable"]

PathLike = Union[str, "os.PathLike[str]"]


def _need_map(value: object, verb: str, name: str = "the map") -> None:
    """Refuse, as a UsageError, what is not a map where ``verb`` takes one (a path, a dict, None)."""
    from argmap.errors import UsageError
    from argmap.model import ArgumentMap

    if not isinstance(value, ArgumentMap):
        hint = " (read it with argmap.load first)" if isinstance(value, (str, os.PathLike)) else \
            " (build it with argmap.ArgumentMap.from_data)" if isinstance(value, dict) else ""
        raise UsageError(f"{verb}: {name} must be an ArgumentMap, not {_kind(value)}{hint}")


def _need_path(value: object, verb: str, name: str = "the path") -> None:
    from argmap.errors import UsageError

    if not isinstance(value, (str, os.PathLike)) or not isinstance(os.fspath(value), str):
        raise UsageError(f"{verb}: {name} must be a str or a path, not {_kind(value)}")
    if "\0" in os.fspath(value):
        raise UsageError(f"{verb}: {name} holds a NUL character, which no file name can")


def _need_paths(value: object, verb: str, name: str, what: str = "paths") -> None:
    """Refuse what is not a collection (a lone str would be taken for its characters)."""
    from argmap.errors import UsageError

    if isinstance(value, (str, bytes, os.PathLike)) or not isinstance(value, Iterable):
        raise UsageError(f"{verb}: {name} must be a list of {what}, not {_kind(value)}")


def _need_text(value: object, verb: str, name: str, optional: bool = True) -> None:
    from argmap.errors import UsageError

    if not isinstance(value, str) and not (optional and value is None):
        raise UsageError(f"{verb}: {name} must be a str{' or None' if optional else ''}, not {_kind(value)}")


def _need(value: object, kinds: tuple[type, ...], verb: str, name: str, what: str) -> None:
    """Refuse ``value`` unless it is one of ``kinds`` (a bool is not a number here)."""
    from argmap.errors import UsageError

    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise UsageError(f"{verb}: {name} must be {what}, not {_kind(value)}")


def _kind(value: object) -> str:
    name = type(value).__name__
    return "None" if value is None else f"{'an' if name[:1] in 'aeiou' else 'a'} {name}"


def settings(config: PathLike | Config | bool | None = None, source_dirs: Iterable[PathLike] = ()) -> Config:
    """The configuration to check with: ``None`` finds the nearest ``.argmap.yaml`` (or ``pyproject.toml``)
    from the current folder upward, as the command line does; ``False`` means the defaults; a path names the
    file. Raises :class:`argmap.config.ConfigError` when the file is wrong."""
    from argmap import config as config_module

    _need_paths(source_dirs, "settings", "source_dirs")
    for folder in source_dirs:
        _need_path(folder, "settings", "each of source_dirs")
    if isinstance(config, config_module.Config):
        return config
    if not isinstance(config, (bool, str, os.PathLike)) and config is not None:
        from argmap.errors import UsageError

        raise UsageError(f"the configuration must be a path, a Config, True, False or None, not {_kind(config)}")
    if config is False:
        path = None
    elif config is None or config is True:
        path = config_module.find(Path.cwd())
    else:
        path = Path(config)
        if not os.path.isfile(path):  # never raises, whatever the name
            raise config_module.ConfigError(f"{config}: no such configuration file")
    return config_module.load(path, tuple(Path(d) for d in source_dirs))


def load(path: PathLike, rev: str | None = None) -> ArgumentMap:
    """The map whose root file is ``path`` (or the one map in the folder ``path``), with its includes.

    ``rev`` reads the map and its includes as they are in that git revision (``"HEAD~1"``, a branch,
    a tag), from the repository that holds ``path``. Raises :class:`argmap.errors.MapError`, carrying
    the located diagnostics, when a file cannot be read or validated.
    """
    _need_path(path, "load")
    _need_text(rev, "load", "rev")
    from argmap.errors import MapError
    from argmap.linter import paused_gc
    from argmap.loader import load_map

    with paused_gc():
        workspace, root = _workspace(path, rev)
        amap, problems = load_map(root, workspace)
    if amap is None:
        from argmap.diagnostics import Severity
        from argmap.rules import BY_CODE

        errors = sorted((d.stamped(d.code, BY_CODE[d.code].NAME, Severity.ERROR) for d in problems
                         if BY_CODE[d.code].SEVERITY >= Severity.ERROR), key=lambda d: d.sort_key)
        first = errors[0] if errors else None
        where = f"{first.location}: {first.message}" if first else str(path)
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise MapError(f"the map cannot be read: {where}{more}", errors,
                       summary="the map cannot be read; `argmap check` lists every finding")
    return amap


def _workspace(path: PathLike, rev: str | None) -> tuple[Workspace, Path]:
    """The workspace that reads ``path`` (at ``rev``), and the root file of the one map there."""
    from argmap.pipeline import one_map, workspace

    work = workspace(path, rev)
    return work, Path(one_map(path, None, work))


def check(target: PathLike | Iterable[PathLike] | ArgumentMap, config: PathLike | Config | bool | None = None,
          source_dirs: Iterable[PathLike] = ()) -> Result:
    """Check maps (a file, a folder of maps, several of them, or a map value) against every rule.

    ``config`` None (the default) checks each map under the configuration found from its own folder upward
    (``.argmap.yaml``, or ``pyproject.toml`` with ``[tool.argmap]``), as the command line does; ``False``
    under the defaults; a path or a :class:`~argmap.config.Config` under that. The result holds the
    diagnostics, sorted by place, and ``exit_code(strict)`` gives the command line's exit status. A
    configuration that cannot be read raises :class:`argmap.config.ConfigError`, a
    :class:`argmap.errors.UsageError`.
    """
    from argmap.errors import UsageError
    from argmap.linter import Result, check_loaded, lint, nearest_config, paused_gc, summary
    from argmap.model import ArgumentMap

    _need_paths(source_dirs, "check", "source_dirs")
    for folder in source_dirs:
        _need_path(folder, "check", "each of source_dirs")
    extra = tuple(Path(d) for d in source_dirs)
    chosen = None if config is None else settings(config, source_dirs)
    if isinstance(target, ArgumentMap):
        if chosen is None:
            chosen = nearest_config(target.folder or Path.cwd(), extra)
        with paused_gc():
            checked = check_loaded(target, (), chosen)
        found = tuple(sorted(checked.diagnostics, key=lambda d: d.sort_key))
        return Result(found, tuple(str(f) for f in target.files), (target.id,), summary(found))
    if isinstance(target, (str, os.PathLike)):
        paths = [target]
    elif isinstance(target, Iterable) and not isinstance(target, (bytes, bytearray, dict)):
        paths = list(target)
    else:
        raise UsageError(f"check: the target must be an ArgumentMap, a path or paths, not {_kind(target)}")
    for path in paths:
        _need_path(path, "check", "each path")
    return lint([Path(p) for p in paths], chosen, source_dirs=extra)


def evaluate(amap: ArgumentMap, semantics: str = "grounded", timeout: float | None = 300.0,
             questions: bool = False, schemes: Catalogue | None = None) -> Evaluation:
    """Which statements stand under ``semantics``: grounded, complete, preferred, stable, semi-stable, stage
    or ideal extensions, or dfquad / quadratic-energy / h-categoriser / euler-based strengths. Raises
    :class:`argmap.errors.LimitReached` when the evaluation (the SAT solver, the gradual iteration) finds
    no answer within ``timeout`` seconds.

    With ``questions``, the critical questions of the map's schemes (from ``schemes``, default argmap's
    catalogue) count: an open assumption leaves its inference undecided, or weaker in gradual semantics, and
    a raised question undercuts it (argmap.schemes.evaluation)."""
    _need_map(amap, "evaluate")
    from argmap.errors import UsageError
    from argmap.graph import build
    from argmap.pipeline import time_limit
    from argmap.pipeline.evaluation import SEMANTICS, of_graph

    _need_text(semantics, "evaluate", "semantics", optional=False)
    _need(questions, (bool,), "evaluate", "questions", "True or False")
    if semantics not in SEMANTICS:
        raise UsageError(f"unknown semantics {semantics!r}; available: {', '.join(SEMANTICS)}")
    time_limit(timeout)
    return of_graph(build(amap), amap, semantics, timeout, questions, schemes)


def render(amap: ArgumentMap, format: str = "svg", lang: str | None = None,
           evaluation: Evaluation | str | None = None, focus: str | None = None, depth: int = 2,
           group: str | None = None, legend: bool = True, timeout: float = 120.0, rankdir: str = "auto",
           dpi: int | None = None, findings: Iterable[Diagnostic] = (), previous: bytes | None = None) -> bytes:
    """The diagram of ``amap`` as SVG, PNG or PDF (drawn by Graphviz's ``dot``), as DOT source, or as a
    self-contained interactive HTML page (the SVG of every language of the map, and its texts, quotes and
    relations; ``lang`` is the language it opens in), or as that view in a ``fragment`` to put in another
    HTML page (no ``<html>`` around it, styles apart from the page's, several on one page).

    ``evaluation`` (an :class:`~argmap.semantics.result.Evaluation` of the whole map, or a semantics name)
    shows each node's label, acceptance or strength; ``focus`` and ``depth`` draw the neighbourhood of one
    node, ``group`` one group. ``rankdir`` is where arrows point: ``auto`` (the default: the layout
    whose text reads largest on a screen, among the thesis on top with evidence in one to three rows and
    arrows pointing right), ``bottom-up`` (the thesis on top), ``top-down``, ``left-right`` or
    ``right-left``; ``dpi`` sets a PNG's resolution. ``findings`` (those of
    :func:`check`) mark the nodes whose definition has an error, so that a draft can be drawn; an HTML page
    also lists them. ``previous`` is the drawing this one replaces (the bytes of an SVG or DOT file argmap
    drew): with ``rankdir`` ``auto``, its layout is kept while the map has not grown or shrunk by
    half, so that an edit does not flip the drawing from one layout to another. Raises
    :class:`argmap.errors.UsageError` for an unknown language, node or group, and
    :class:`argmap.errors.LimitReached` when Graphviz is missing, fails or runs out of time.
    """
    _need_map(amap, "render")
    from argmap.diagnostics import Diagnostic
    from argmap.semantics.result import Evaluation

    for name, text in (("format", format), ("rankdir", rankdir)):
        _need_text(text, "render", name, optional=False)
    for name, given in (("lang", lang), ("focus", focus), ("group", group)):
        _need_text(given, "render", name)
    _need(depth, (int,), "render", "depth", "a whole number")
    _need(legend, (bool,), "render", "legend", "True or False")
    if timeout is None:  # any other wrong limit is refused with evaluate's words
        _need(timeout, (int, float), "render", "timeout", "a number of seconds (drawing is always bounded)")
    _need(dpi, (int, type(None)), "render", "dpi", "a whole number or None")
    _need(evaluation, (Evaluation, str, type(None)), "render", "evaluation",
          "an Evaluation (from argmap.evaluate), the name of a semantics, or None")
    _need(previous, (bytes, bytearray, type(None)), "render", "previous", "the bytes of an earlier drawing, or None")
    _need_paths(findings, "render", "findings", "diagnostics")
    findings = tuple(findings)
    for finding in findings:
        _need(finding, (Diagnostic,), "render", "each of findings", "a Diagnostic (from argmap.check)")
    from argmap.pipeline.rendering import render as drawn

    return drawn(amap, format, lang, evaluation, focus, depth, group, legend, timeout, rankdir, dpi, findings,
                 previous=None if previous is None else bytes(previous))


def dump(amap: ArgumentMap) -> str:
    """The map as one canonical YAML file that :func:`load` reads back to an equal map."""
    _need_map(amap, "dump")
    from argmap.canonical import dump as write

    return write(amap)


def diff(old: ArgumentMap, new: ArgumentMap) -> Changes:
    """What changed from ``old`` to ``new`` (statements, inferences, relations, texts, groups, by id), and how
    the thesis's evaluation moved; ``bool(changes)`` is whether anything did."""
    _need_map(old, "diff", "old")
    _need_map(new, "diff", "new")
    from argmap.changes import compare

    return compare(old, new)


def import_map(path: PathLike, format: str | None = None) -> Reading:
    """The map in another tool's file (AIF, OVA, xAIF, Argdown, Argdown JSON, Kialo, SADFace), as ``.amap``, with
    what argmap could not hold of it (``.losses``) and the further files of its map folder (``.files``: a
    source text its quotes point into). ``format`` is told from the suffix and content when not given. Raises
    :class:`argmap.errors.InputError` at the place of a file that is not well-formed, or cannot be read."""
    _need_path(path, "import_map")
    _need_text(format, "import_map", "format")
    from argmap.formats import FORMATS
    from argmap.pipeline import import_file

    if format is not None and (format not in FORMATS or FORMATS[format].import_map is None):
        from argmap.errors import UsageError
        from argmap.formats import names

        raise UsageError(f"cannot import {format!r}; importable formats: {', '.join(names(importable=True))}")
    return import_file(path, format)


def export(target: ArgumentMap | Subject | PathLike, format: str, lang: str | None = None) -> Written:
    """``target`` (a map, or the path of a map or of a framework file) written in an interchange format: AIF,
    OVA, xAIF, Argdown, Kialo, SADFace, GraphML, Mermaid (maps), or ICCMA, APX, TGF (their abstract
    frameworks). The result holds the file's ``.text`` and what the format could not hold (``.losses``);
    ``lang`` chooses the texts' language. Raises :class:`argmap.errors.UsageError` for a format that cannot
    be written or cannot hold the target, or a language the map does not have."""
    from dataclasses import replace

    from argmap.errors import UsageError
    from argmap.formats import FORMATS, Subject, names

    _need_text(format, "export", "format", optional=False)
    _need_text(lang, "export", "lang")
    chosen = FORMATS.get(format)
    if chosen is None or chosen.write is None:
        raise UsageError(f"cannot export {format!r}; formats: {', '.join(names(writable=True))}")
    if lang is not None and chosen.holds != "map":
        raise UsageError(f"a language only goes with {' or '.join(names('map', writable=True))} (formats that hold"
                         f" texts); {format} holds none")
    if not isinstance(target, Subject):
        from argmap.model import ArgumentMap

        if not isinstance(target, ArgumentMap):
            _need_path(target, "export", "the target (a map, or the path of one)")
    subject = target if isinstance(target, Subject) else _subject(target)
    if chosen.holds == "map":
        if subject.amap is None:
            raise UsageError(f"{format.upper()} needs a map (its statements and inferences), not a framework file")
        if lang is not None:
            subject.amap.language(lang)
        subject = replace(subject, lang=lang)
    try:
        return chosen.write(subject)
    except ValueError as error:  # a name the format cannot hold (from an APX file)
        raise UsageError(str(error)) from None


def _subject(target: ArgumentMap | PathLike) -> Subject:
    """A map value, or a path read by the composition layer, as what is exported."""
    from argmap.formats import Subject
    from argmap.model import ArgumentMap

    if isinstance(target, ArgumentMap):
        from argmap.graph import build
        from argmap.semantics.bipolar import framework_from_graph

        graph = build(target)
        return Subject(framework_from_graph(graph), target, graph)
    from argmap.pipeline import subject

    return subject(os.fspath(target), None, "export")
