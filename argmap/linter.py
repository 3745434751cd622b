"""Run the enabled rules over maps, stamp code, name and severity, and sort into a result."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from argmap.collector import paused_gc  # named here too, for the stages that pause it around a check
from argmap.config import Config
from argmap.diagnostics import Diagnostic, Severity
from argmap.errors import CLEAN, FINDINGS
from argmap.rule import CheckingRule, Context

if TYPE_CHECKING:

    from argmap.graph import Graph
    from argmap.loader import Workspace
    from argmap.model import ArgumentMap
    from argmap.schemes import Catalogue

__all__ = ["Result", "MapCheck", "lint", "nearest_config", "check_map", "check_loaded", "summary", "paused_gc"]


@dataclass(frozen=True)
class Result:
    """Every finding, sorted by file, line and column, and the files that were checked."""

    diagnostics: tuple[Diagnostic, ...]
    files: tuple[str, ...] = ()
    maps: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    def exit_code(self, strict: bool = False) -> int:
        worst = max((d.severity for d in self.diagnostics), default=Severity.OFF)
        threshold = Severity.WARNING if strict else Severity.ERROR
        return FINDINGS if worst >= threshold else CLEAN


def lint(paths: Iterable[str | Path], config: Config | None, cwd: Path | None = None,
         source_dirs: tuple[Path, ...] = ()) -> Result:
    """Check every map found under ``paths`` (files or folders), each under ``config``, or (None) under the
    configuration found from its own folder upward, with ``source_dirs`` added. A configuration that
    cannot be read raises :class:`argmap.config.ConfigError`."""
    with paused_gc():
        return _lint(paths, config, cwd, source_dirs)


def nearest_config(folder: Path, source_dirs: tuple[Path, ...] = (),
                   cache: dict[Path | None, Config] | None = None) -> Config:
    """The configuration that applies in ``folder``: the nearest file from there upward (as ruff and ESLint
    find theirs), or the defaults; each file read once per ``cache``."""
    from argmap import config as config_module

    path = config_module.find(folder)
    cache = {} if cache is None else cache
    if path not in cache:
        cache[path] = config_module.load(path, source_dirs)
    return cache[path]


def _lint(paths: Iterable[str | Path], config: Config | None, cwd: Path | None,
          source_dirs: tuple[Path, ...]) -> Result:
    from argmap.loader import Workspace, discover

    workspace = Workspace(cwd=cwd)
    roots, problems = discover(paths, workspace)
    configs: dict[Path | None, Config] = {}

    def settings(folder: Path) -> Config:
        return config if config is not None else nearest_config(folder, source_dirs, configs)

    found: list[Diagnostic] = [_stamp_unknown(p, settings(workspace.cwd)) for p in problems]
    seen: set[Diagnostic] = set(problems)
    maps: list[str] = []
    for root in roots:
        checked = check_map(root, workspace, settings(workspace.files.absolute(Path(root)).parent))
        if checked.amap is not None:
            maps.append(checked.amap.id)
        for diagnostic in checked.diagnostics:
            if diagnostic not in seen:  # a file shared by two maps reports its problems once
                seen.add(diagnostic)
                found.append(diagnostic)
    found.sort(key=lambda d: d.sort_key)
    files = tuple(sorted(loaded.display for loaded in workspace.loaded.values()))
    return Result(tuple(found), files, tuple(maps), summary(found))


def summary(found: Iterable[Diagnostic]) -> dict[str, int]:
    """How many findings there are at each severity."""
    counts = {str(s): 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    for diagnostic in found:
        if diagnostic.severity is not Severity.OFF:
            counts[str(diagnostic.severity)] += 1
    return counts


@dataclass(frozen=True)
class MapCheck:
    """One map's check: the map and graph (None when reading failed) and its stamped findings."""

    amap: ArgumentMap | None
    graph: Graph | None
    diagnostics: tuple[Diagnostic, ...]
    inputs: tuple[Path, ...] = ()
    """Every file the check read: the map's files, its source texts and the configuration."""
    schemes: Catalogue | None = None
    """The scheme catalogue the check used: argmap's, with the configuration's schemes."""

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity >= Severity.ERROR)


def check_map(root: str | Path, workspace: Workspace, config: Config) -> MapCheck:
    """Read one root file and its includes, build the graph, and run every enabled rule on it."""
    from argmap.loader import load_map

    amap, reading = load_map(root, workspace, partial=True)
    if amap is None:
        return _run_rules(None, reading, config)
    return check_loaded(amap, reading, config)


def check_loaded(amap: ArgumentMap, reading: Iterable[Diagnostic], config: Config) -> MapCheck:
    """Run every enabled rule on a map already read (or built in code); ``reading`` is what reading found."""
    return _run_rules(amap, reading, config)


def _run_rules(amap: ArgumentMap | None, reading: Iterable[Diagnostic], config: Config) -> MapCheck:
    from argmap.graph import build
    from argmap.rules import RULES
    from argmap.texts import resolve

    graph = build(amap) if amap is not None else None
    texts = resolve(amap, config.source_dirs) if amap is not None else {}
    reported: dict[str, list[Diagnostic]] = defaultdict(list)
    for problem in reading:
        reported[problem.code].append(problem)
    context = (Context(amap, graph, texts, reported, config.catalogue)
               if amap is not None and graph is not None else None)
    found: list[Diagnostic] = []
    for rule in RULES:
        setting = config.setting(rule.CODE)
        if setting.severity is Severity.OFF:
            continue
        if rule.INPUT == "reading":
            produced: Iterable[Diagnostic] = reported.get(rule.CODE, ())
        elif context is None:
            continue  # the map could not be read; reading's own findings say why
        elif amap is not None and amap.incomplete and getattr(rule, "WHOLE", False):
            continue  # it reasons about what is absent, and parts could not be read
        else:
            produced = cast(CheckingRule, rule).check(context, setting.options)
        for diagnostic in produced:
            if not config.ignored(diagnostic.path, rule.CODE):
                found.append(diagnostic.stamped(rule.CODE, rule.NAME, setting.severity))
    inputs = list(amap.files) if amap is not None else []
    inputs += [text.path for text in texts.values() if text.path is not None]
    if config.path is not None:
        inputs.append(config.path)
    return MapCheck(amap, graph, tuple(found), tuple(inputs), config.schemes)


def _stamp_unknown(diagnostic: Diagnostic, config: Config) -> Diagnostic:
    from argmap.rules import BY_CODE

    rule = BY_CODE[diagnostic.code]
    return diagnostic.stamped(rule.CODE, rule.NAME, config.setting(rule.CODE).severity)
