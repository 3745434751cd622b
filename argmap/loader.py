"""Files -> validated MapFile models -> one ArgumentMap per root file, with located diagnostics."""

from __future__ import annotations

import dataclasses
import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.codes import UNREADABLE, UNSAFE_YAML
from argmap.diagnostics import Diagnostic
from argmap.files import Files, FileSystem
from argmap.model import SECTIONS, ArgumentMap, Where
from argmap.schema import Expectation, MapFile
from argmap.source import Limits, YamlDocument, printable
from argmap.validation import salvage, validate

__all__ = ["LoadedFile", "YamlLocator", "ArgumentMap", "Workspace", "load_map", "discover"]

from argmap.codes import DUPLICATE_ID, INCLUDE_CYCLE, INCLUDE_OUTSIDE, MISSING_INCLUDE


@dataclass
class LoadedFile:
    """One file of a map: its position-indexed YAML and, when the schema accepted it, its model."""

    path: Path
    display: str
    doc: YamlDocument
    model: MapFile | None = None
    partial: MapFile | None = None
    """When the schema refused the file: the model of every part it accepted (for checking what can be)."""
    dropped: frozenset[str] = frozenset()
    """The ids declared in the file whose definitions the schema refused."""

    @property
    def usable(self) -> MapFile | None:
        return self.model or self.partial

    def where(self, data_path: tuple[Any, ...] | list[Any], *, key: bool = False) -> tuple[str, int, int]:
        line, column = self.doc.locate(data_path, key=key)
        return self.display, line, column

    def problem(self, code: str, data_path: tuple[Any, ...] | list[Any], message: str, *, key: bool = False) -> Diagnostic:
        return Diagnostic(*self.where(data_path, key=key), message, code)


@dataclass
class YamlLocator:
    """Where each part of a map read from YAML files was written: file, line and column."""

    root: LoadedFile
    defined_in: dict[tuple[str, str], LoadedFile] = field(default_factory=dict)
    """(section, id) -> the file that defines it; section is statements, arguments, sources or groups."""
    expectations: list[tuple[LoadedFile, int]] = field(default_factory=list)
    """For each expectation of the map, the file that holds it and its index there."""
    _owners: dict[str, list[tuple[int, int, str | None]]] | None = field(default=None, repr=False, compare=False)

    def node(self, section: str, node_id: str, rest: tuple[Any, ...], key: bool) -> Where:
        return self.defined_in[(section, node_id)].where((section, node_id, *rest), key=key)

    def expectation(self, index: int, rest: tuple[Any, ...], key: bool) -> Where:
        loaded, local = self.expectations[index]
        return loaded.where(("expect", local, *rest), key=key)

    def top(self, rest: tuple[Any, ...], key: bool) -> Where:
        return self.root.where(rest, key=key)

    def folder(self, section: str, node_id: str) -> Path | None:
        return self.defined_in[(section, node_id)].path.parent

    def owner(self, path: str, line: int, column: int) -> str | None:
        """A definition runs from its key to the next key of its file at the same level (another definition,
        or a top-level key such as ``expect:``), so a place at a node's ``supports:`` belongs to that node."""
        known = self._starts().get(path)
        if not known or line <= 0:
            return None
        at = bisect_right(known, (line, column), key=lambda place: place[:2])
        return known[at - 1][2] if at else None

    def _starts(self) -> dict[str, list[tuple[int, int, str | None]]]:
        """Per file as shown, where each definition and each top-level key starts, in order (made once)."""
        if self._owners is None:
            starts: dict[str, list[tuple[int, int, str | None]]] = {}
            files = {id(loaded): loaded for loaded in (self.root, *self.defined_in.values())}
            for loaded in files.values():
                data = loaded.doc.data
                if isinstance(data, dict):
                    starts.setdefault(loaded.display, []).extend(
                        (*loaded.where((key,), key=True)[1:], None) for key in data)
            for (section, node_id), loaded in self.defined_in.items():
                _, line, column = loaded.where((section, node_id), key=True)
                starts.setdefault(loaded.display, []).append(
                    (line, column, node_id if section in ("statements", "arguments") else None))
            for places in starts.values():
                places.sort(key=lambda place: place[:2])
            self._owners = starts
        return self._owners


class Workspace:
    """Reads and validates each file once, however many maps include it."""

    def __init__(self, limits: Limits | None = None, cwd: Path | None = None, files: Files | None = None) -> None:
        self.limits = limits or Limits()
        self.cwd = (cwd or Path.cwd()).resolve()
        self.files: Files = files or FileSystem()
        self.loaded: dict[Path, LoadedFile] = {}

    def display(self, path: Path) -> str:
        try:
            shown = os.path.relpath(path, self.cwd) if path.is_absolute() else str(path)
        except ValueError:  # another drive on Windows
            shown = str(path)
        return self.files.label + printable(shown)

    def file(self, path: Path) -> LoadedFile:
        path = self.files.absolute(path)
        loaded = self.loaded.get(path)
        if loaded is None:
            doc = self.files.read(path, self.display(path), self.limits)
            loaded = LoadedFile(path, doc.path, doc)
            if not doc.fatal:
                loaded.model = validate(doc)
                if loaded.model is None:
                    loaded.partial, loaded.dropped = salvage(doc)
            self.loaded[path] = loaded
        return loaded

    def problems(self) -> list[Diagnostic]:
        return [problem for loaded in self.loaded.values() for problem in loaded.doc.problems]


def discover(paths: Iterable[str | os.PathLike[str]], workspace: Workspace) -> tuple[list[Path], list[Diagnostic]]:
    """The root map files among ``paths`` (files, or folders searched for YAML maps)."""
    roots: list[Path] = []
    problems: list[Diagnostic] = []
    files = workspace.files
    for given in paths:
        path = Path(given)
        if files.is_folder(files.absolute(path)):
            listing: list[Diagnostic] = []
            found = list(files.yaml_files(files.absolute(path), listing))
            # what the folder's listing refused is named as the files read from it are: from where argmap runs
            problems.extend(dataclasses.replace(d, path=workspace.display(Path(d.path))) for d in listing)
            candidates = [p for p in found if _looks_like_map(workspace.file(p))]
            if not candidates:
                problems.append(Diagnostic(printable(str(given)), 0, 0, "no argmap files in this folder", UNREADABLE))
            included = {target for p in candidates for target in _include_targets(workspace.file(p), files)}
            roots.extend(p for p in candidates if workspace.file(p).path not in included)
        elif files.absent(files.absolute(path)) and not os.path.islink(path):
            problems.append(Diagnostic(printable(str(given)), 0, 0, "no such file or folder", UNREADABLE))
        else:
            roots.append(path)  # a file, or a name the file system refuses: reading says which
    unique: dict[Path, Path] = {}
    for root in roots:
        unique.setdefault(workspace.file(root).path, root)
    return list(unique.values()), problems


def _shown(entry: str, limit: int = 80) -> str:
    """An include entry quoted for a message, cut short when long (a name may be 100,000 characters)."""
    return repr(entry) if len(entry) <= limit else repr(entry[:limit]) + f"... ({len(entry):,} characters)"


def _looks_like_map(loaded: LoadedFile) -> bool:
    # Other YAML in a folder (CI files, configs) is not ours; a file that failed to parse may be.
    data = loaded.doc.data
    return loaded.doc.fatal or (isinstance(data, dict) and "argmap" in data)


def _include_targets(loaded: LoadedFile, files: Files) -> list[Path]:
    if loaded.model is None:
        return []
    return [files.absolute(loaded.path.parent / entry) for entry in loaded.model.include]


def load_map(root: str | os.PathLike[str], workspace: Workspace | None = None,
             partial: bool = False) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Load one root file and its includes. The map is None when any file could not be validated, unless
    ``partial``: then it holds every part the schema accepted, and ``incomplete`` names what it lacks."""
    workspace = workspace or Workspace()
    problems: list[Diagnostic] = []
    root_file = workspace.file(Path(root))
    order, whole = _walk(root_file, workspace, problems)
    for loaded in order:
        # An included file's problems with no line (it cannot be opened, it is too big) were
        # reported at the include entry that names it.
        problems.extend(p for p in loaded.doc.problems if p.line or loaded is root_file)
    refused = any(loaded.model is None for loaded in order)
    if not whole or (refused and (not partial or any(loaded.usable is None for loaded in order))):
        return None, problems
    if any(p.code in _FATAL_INCLUDE for p in problems) and not partial:
        return None, problems
    locator = YamlLocator(root_file)
    parts: dict[str, dict[str, Any]] = {section: {} for section in SECTIONS}
    expectations: list[Expectation] = []
    for loaded in order:
        _merge(parts, expectations, locator, loaded, problems)
    root_model = root_file.usable
    assert root_model is not None
    amap = ArgumentMap.from_parts(root_model, root_file.path.stem, parts, expectations, locator,
                                  tuple(loaded.path for loaded in order), root_file.path.parent)
    if refused or any(p.code in _FATAL_INCLUDE for p in problems):
        amap.incomplete = frozenset().union(*(loaded.dropped for loaded in order)) | {"*"}
    return amap, problems


_FATAL_INCLUDE = {MISSING_INCLUDE, INCLUDE_OUTSIDE}


def _walk(root: LoadedFile, workspace: Workspace, problems: list[Diagnostic]) -> tuple[list[LoadedFile], bool]:
    """The files of the map in depth-first order, each once, and whether all of them were read.

    Iterative, so that a chain of includes of any length cannot exhaust the stack; every
    include entry that cannot be followed is a problem at that entry."""
    folder = root.path.parent
    files = workspace.files
    order, seen = [root], {root.path}
    nodes, limit = root.doc.nodes, workspace.limits.max_nodes
    # The includes being followed: each file with the entries it has left, and where it is on the stack.
    stack: list[tuple[LoadedFile, Iterator[tuple[int, str]]]] = []
    depth: dict[Path, int] = {}

    def enter(loaded: LoadedFile) -> None:
        if loaded.usable is not None:
            depth[loaded.path] = len(stack)
            stack.append((loaded, iter(enumerate(loaded.usable.include))))

    enter(root)
    while stack:
        loaded, entries = stack[-1]
        step = next(entries, None)
        if step is None:
            stack.pop()
            del depth[loaded.path]
            continue
        index, entry = step
        at = ("include", index)
        target = files.absolute(loaded.path.parent / entry)
        if folder != target and folder not in target.parents:
            problems.append(loaded.problem(INCLUDE_OUTSIDE, at, f"include {_shown(entry)} lies outside the map's folder"))
            continue
        if target in depth:
            chain = _chain([workspace.display(f.path) for f, _ in stack[depth[target]:]] + [workspace.display(target)])
            problems.append(loaded.problem(INCLUDE_CYCLE, at, f"include cycle: {chain}"))
            continue
        why = files.why_not_a_file(target)
        if why:
            problems.append(loaded.problem(MISSING_INCLUDE, at, f"included file {_shown(entry)} {why}"))
            continue
        if target in seen:
            continue
        child = workspace.file(target)
        seen.add(child.path)
        order.append(child)
        problems.extend(loaded.problem(p.code, at, f"included file {_shown(entry)} {p.message}")
                        for p in child.doc.problems if not p.line)
        nodes += child.doc.nodes
        if nodes > limit:  # each file is within the limit, so the map's cost stops at twice it
            problems.append(loaded.problem(UNSAFE_YAML, at, f"with the included file {_shown(entry)} the map holds "
                                           f"more than {limit:,} YAML nodes (keys, values, lists and mappings)"))
            return order, False
        enter(child)
    return order, True


def _chain(names: list[str], most: int = 9) -> str:
    """The files of an include cycle joined by arrows; a long cycle shows its ends only."""
    if len(names) > most:
        names = [*names[:4], f"... ({len(names) - 8} more)", *names[-4:]]
    return " -> ".join(names)


def _merge(parts: dict[str, dict[str, Any]], expectations: list[Expectation], locator: YamlLocator,
           loaded: LoadedFile, problems: list[Diagnostic]) -> None:
    model = loaded.usable
    assert model is not None
    # Statements and arguments share one id space; sources and groups have their own.
    spaces = {"statements": ("statements", "arguments"), "arguments": ("statements", "arguments"),
              "sources": ("sources",), "groups": ("groups",)}
    defined_in = locator.defined_in
    for section, clashing in spaces.items():
        target = parts[section]
        for node_id, value in getattr(model, section).items():
            first = next(((s, defined_in[(s, node_id)]) for s in clashing if (s, node_id) in defined_in), None)
            if first is not None:
                where, line, _ = first[1].where((first[0], node_id), key=True)
                problems.append(loaded.problem(
                    DUPLICATE_ID, (section, node_id), f"duplicate id {node_id!r} (first defined at {where}:{line})", key=True))
                continue
            target[node_id] = value
            defined_in[(section, node_id)] = loaded
    for index, expectation in enumerate(model.expect):
        expectations.append(expectation)
        locator.expectations.append((loaded, index))
