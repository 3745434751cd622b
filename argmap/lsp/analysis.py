"""The analysis of one map as the editor holds it: findings, the map, its graph and where every id is."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.loader import LoadedFile, Workspace
from argmap.lsp.documents import Documents, EditorFiles, Stamp
from argmap.lsp.index import Index, build_index

if TYPE_CHECKING:
    from argmap.changes import Stale
    from argmap.config import Config
    from argmap.linter import MapCheck
    from argmap.model import ArgumentMap

__all__ = ["Analysis", "Analyzer"]

HEAD_LOOK = 2.0
"""Seconds between looks at which commit HEAD names (a commit changes no file the editor watches)."""

MAX_CACHED_FILES = 2_000
"""Files kept read between analyses (beyond this, the least recently used are read again when needed)."""


@dataclass(eq=False)
class Analysis:
    """One check of one map: its root file, the check's result, and the text and index of each of its files."""

    root: Path
    checked: MapCheck
    config: Config
    config_problem: tuple[Path | None, int, int, str] | None
    """A configuration that could not be read: its file, line, column and why (the defaults were used)."""
    files: dict[Path, LoadedFile]
    texts: dict[Path, str]
    displays: dict[str, Path]
    stamps: dict[Path, Stamp] = field(default_factory=dict)
    """Every input the analysis read (map files, source texts, configuration) and how it was then."""
    stale: tuple[Stale, ...] = ()
    """Texts changed since the last commit in some languages and not in others."""

    @cached_property
    def index(self) -> Index:
        """Where every id is written: built when a feature first asks (findings alone do not need it)."""
        return build_index(self.files, self.texts, self.checked.amap)

    def path_of(self, display: str) -> Path | None:
        """The file a finding names."""
        return self.displays.get(display)

    @cached_property
    def labels(self) -> dict[str, str]:
        """Each node's label under grounded semantics (empty when the map could not be built)."""
        from argmap.pipeline.evaluation import of_graph

        if self.checked.graph is None:
            return {}
        try:
            evaluation = of_graph(self.checked.graph, self.checked.amap, "grounded", 2.0)
        except Exception:  # an evaluation that fails leaves the hover without a label, nothing more
            return {}
        return {node: str(label) for node, label in getattr(evaluation, "labels", {}).items()}


class Analyzer:
    """Checks maps as the editor holds them, reading each unchanged file once across analyses."""

    def __init__(self, documents: Documents, cwd: Path, folders: tuple[Path, ...] = ()) -> None:
        self.documents = documents
        self.cwd = cwd
        self.folders = folders
        self._cache: dict[Path, tuple[Stamp, LoadedFile, str]] = {}
        self._configs: dict[Path | None, tuple[Stamp, Config | None, str]] = {}
        self._committed: dict[Path, tuple[float, str | None, ArgumentMap | None]] = {}
        """Per root: when HEAD was last looked at, the commit it named, and the map as of that commit."""

    def files(self) -> EditorFiles:
        return EditorFiles(self.documents)

    def workspace(self) -> Workspace:
        """A workspace that reads the editor's files, holding every file read before that has not changed."""
        workspace = Workspace(cwd=self.cwd, files=self.files())
        for path, (stamp, loaded, _) in self._cache.items():
            if self.documents.stamp(path) == stamp:
                workspace.loaded[path] = loaded
        return workspace

    def _remember(self, workspace: Workspace) -> None:
        for path, loaded in workspace.loaded.items():
            cached = self._cache.get(path)
            if cached is not None and cached[1] is loaded:
                self._cache[path] = self._cache.pop(path)  # most recently used last
                continue
            text = self.documents.text(path)
            self._cache[path] = (self.documents.stamp(path), loaded, text or "")
        while len(self._cache) > MAX_CACHED_FILES:
            del self._cache[next(iter(self._cache))]

    def forget(self, path: Path) -> None:
        self._cache.pop(path, None)
        self._committed.clear()  # a commit or a checkout changes files on disk: read the last commit again

    def committed(self, root: Path) -> ArgumentMap | None:
        """The map as of the last commit (git's HEAD), read again when files change on disk or HEAD names another
        commit (looked at every :data:`HEAD_LOOK` seconds at most); None outside git or when it cannot be read."""
        from argmap.files import GitRevision

        now = time.monotonic()
        cached = self._committed.get(root)
        if cached is not None and now - cached[0] < HEAD_LOOK:
            return cached[2]
        head = GitRevision.head(root)
        if cached is not None and cached[1] == head:
            self._committed[root] = (now, head, cached[2])
            return cached[2]
        amap = None
        if head is not None:
            from argmap.errors import ArgmapError
            from argmap.loader import load_map

            try:
                amap, _ = load_map(root, Workspace(cwd=self.cwd, files=GitRevision.containing(root, head)))
            except (ArgmapError, OSError, ValueError):
                amap = None
        self._committed[root] = (now, head, amap)
        return amap

    def root_of(self, path: Path) -> Path:
        """The root file of the map that ``path`` belongs to: the farthest map file, in ``path``'s folder or
        one above it (within the editor's folder), whose includes reach ``path``; else ``path`` itself."""
        workspace = self.workspace()
        root = path
        for folder in self._ancestors(path):
            for candidate in self._map_files(folder, workspace):
                if candidate != root and path in self._reach(candidate, workspace):
                    root = candidate
                    break
        self._remember(workspace)
        return root

    def _ancestors(self, path: Path) -> list[Path]:
        stop = next((f for f in self.folders if f == path.parent or f in path.parents), None)
        found: list[Path] = []
        for folder in path.parents:
            found.append(folder)
            if folder == stop or (stop is None and (len(found) >= 3 or (folder / ".git").exists())):
                break
        return found

    @staticmethod
    def _map_files(folder: Path, workspace: Workspace) -> list[Path]:
        from argmap.files import YAML_SUFFIXES

        try:
            names = sorted(entry.name for entry in os.scandir(folder)
                           if entry.name.endswith(YAML_SUFFIXES) and not entry.name.startswith(".") and entry.is_file())
        except OSError:
            return []
        found = []
        for name in names[:200]:  # a folder of data files is not searched without end
            loaded = workspace.file(folder / name)
            if loaded.usable is not None and loaded.usable.include:
                found.append(loaded.path)
        return found

    @staticmethod
    def _reach(root: Path, workspace: Workspace) -> set[Path]:
        seen: set[Path] = set()
        pending = [root]
        while pending and len(seen) < 10_000:
            current = workspace.file(pending.pop())
            if current.path in seen:
                continue
            seen.add(current.path)
            if current.usable is not None:
                for entry in current.usable.include:
                    target = workspace.files.absolute(current.path.parent / entry)
                    if root.parent in target.parents and workspace.files.why_not_a_file(target) is None:
                        pending.append(target)
        return seen

    def config_for(self, root: Path) -> tuple[Config, tuple[Path | None, int, int, str] | None]:
        """The configuration found from the map's own folder upward (the defaults when it is wrong)."""
        from argmap import config as config_module
        from argmap import pipeline
        from argmap.errors import UsageError

        path = config_module.find(root.parent)
        stamp = self.documents.stamp(path) if path is not None else ("none",)
        cached = self._configs.get(path)
        if cached is None or cached[0] != stamp:
            try:
                cached = (stamp, pipeline.configuration(root.parent), "")
            except UsageError as error:
                cached = (stamp, None, str(error).removeprefix("configuration error: "))
            self._configs[path] = cached
        if cached[1] is not None:
            return cached[1], None
        return config_module.load(None), _where(path, cached[2])

    def analyse(self, path: Path) -> Analysis:
        """Check the map that ``path`` belongs to, as the editor holds its files."""
        from argmap.linter import check_map, paused_gc

        with paused_gc():
            root = self.root_of(path)
            config, problem = self.config_for(root)
            workspace = self.workspace()
            checked = check_map(root, workspace, config)
        self._remember(workspace)
        paths = list(checked.amap.files) if checked.amap is not None else []
        paths += [p for p in self._reach(root, workspace) if p not in paths]  # not a neighbour read to find the root
        files = {p: workspace.loaded[p] for p in paths if p in workspace.loaded}
        texts = {p: self._cache[p][2] if p in self._cache else (self.documents.text(p) or "") for p in files}
        displays = {loaded.display: p for p, loaded in files.items()}
        from argmap import config as config_module

        found = config_module.find(root.parent)  # a wrong one too: its fix must be seen
        stamps = {p: self.documents.stamp(p) for p in [*files, *checked.inputs, *([found] if found else [])]}
        from argmap.changes import stale

        before = self.committed(root) if checked.amap is not None else None
        changed = tuple(stale(before, checked.amap)) if before is not None and checked.amap is not None else ()
        return Analysis(root, checked, config, problem, files, texts, displays, stamps, changed)


def _where(path: Path | None, message: str) -> tuple[Path | None, int, int, str]:
    """A configuration error's file, line and column, read from its message (``file:line:col: why``)."""
    import re

    found = re.match(r"^(.*?):(\d+):(\d+): (.*)$", message, re.S)
    if found is not None:
        return path, int(found[2]), int(found[3]), found[4]
    return path, 1, 1, message.split(": ", 1)[-1] if path is not None and message.startswith(str(path)) else message
