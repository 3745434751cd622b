"""Files -> validated MapFile models -> one ArgumentMap per root file, with located diagnostics."""

from __future__ import annotations

import os
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import pydantic

from argmap.diagnostics import Diagnostic
from argmap.schema import Argument, Expectation, Group, MapFile, Source, Statement
from argmap.source import SCHEMA, UNREADABLE, UNSAFE_YAML, Limits, YamlDocument, os_reason, printable, read, refusal
from argmap.suggest import did_you_mean

__all__ = ["LoadedFile", "ArgumentMap", "Workspace", "load_map", "discover"]

MISSING_INCLUDE = "ARG010"
INCLUDE_OUTSIDE = "ARG011"
INCLUDE_CYCLE = "ARG012"
DUPLICATE_ID = "ARG102"
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadedFile:
    """One file of a map: its position-indexed YAML and, when the schema accepted it, its model."""

    path: Path
    display: str
    doc: YamlDocument
    model: MapFile | None = None

    def where(self, data_path: tuple | list, *, key: bool = False) -> tuple[str, int, int]:
        line, column = self.doc.locate(data_path, key=key)
        return self.display, line, column

    def problem(self, code: str, data_path: tuple | list, message: str, *, key: bool = False) -> Diagnostic:
        return Diagnostic(*self.where(data_path, key=key), message, code)


@dataclass
class ArgumentMap:
    """A whole map: the root file and everything it includes, merged into one id space."""

    root: LoadedFile
    files: list[LoadedFile]
    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    expectations: list[tuple[Expectation, LoadedFile, int]] = field(default_factory=list)
    defined_in: dict[tuple[str, str], LoadedFile] = field(default_factory=dict)
    """(section, id) -> the file that defines it; section is statements, arguments, sources or groups."""

    @property
    def model(self) -> MapFile:
        assert self.root.model is not None
        return self.root.model

    @property
    def id(self) -> str:
        return self.model.id or self.root.path.stem

    @property
    def languages(self) -> tuple[str, ...]:
        return self.model.languages or ("en",)

    def node_file(self, node_id: str) -> tuple[str, LoadedFile]:
        section = "statements" if node_id in self.statements else "arguments"
        return section, self.defined_in[(section, node_id)]

    def where(self, node_id: str, *rest: Any, key: bool = False, section: str | None = None) -> tuple[str, int, int]:
        """file, line and column of a statement or argument (or of a path inside it)."""
        if section is None:
            section, loaded = self.node_file(node_id)
        else:
            loaded = self.defined_in[(section, node_id)]
        return loaded.where((section, node_id, *rest), key=key or not rest)

    def problem(self, code: str, node_id: str, *rest: Any, message: str, section: str | None = None,
                key: bool = False) -> Diagnostic:
        return Diagnostic(*self.where(node_id, *rest, section=section, key=key), message, code)


class Workspace:
    """Reads and validates each file once, however many maps include it."""

    def __init__(self, limits: Limits = Limits(), cwd: Path | None = None) -> None:
        self.limits = limits
        self.cwd = (cwd or Path.cwd()).resolve()
        self.files: dict[Path, LoadedFile] = {}

    def display(self, path: Path) -> str:
        try:
            shown = os.path.relpath(path, self.cwd) if path.is_absolute() else str(path)
        except ValueError:  # another drive on Windows
            shown = str(path)
        return printable(shown)

    def file(self, path: Path) -> LoadedFile:
        path = _real(path)
        loaded = self.files.get(path)
        if loaded is None:
            doc = read(str(path), self.display(path), self.limits)
            loaded = LoadedFile(path, doc.path, doc)
            if not doc.fatal:
                loaded.model = validate(doc)
            self.files[path] = loaded
        return loaded

    def problems(self) -> list[Diagnostic]:
        return [problem for loaded in self.files.values() for problem in loaded.doc.problems]


def discover(paths: Iterable[str | os.PathLike], workspace: Workspace) -> tuple[list[Path], list[Diagnostic]]:
    """The root map files among ``paths`` (files, or folders searched for YAML maps)."""
    roots: list[Path] = []
    problems: list[Diagnostic] = []
    for given in paths:
        path = Path(given)
        if os.path.isdir(path):
            found = sorted(_yaml_files(path, problems))
            candidates = [p for p in found if _looks_like_map(workspace.file(p))]
            if not candidates:
                problems.append(Diagnostic(printable(str(given)), 0, 0, "no argmap files in this folder", UNREADABLE))
            included = {target for p in candidates for target in _include_targets(workspace.file(p))}
            roots.extend(p for p in candidates if workspace.file(p).path not in included)
        elif _absent(path):
            problems.append(Diagnostic(printable(str(given)), 0, 0, "no such file or folder", UNREADABLE))
        else:
            roots.append(path)  # a file, or a name the file system refuses: reading says which
    unique: dict[Path, Path] = {}
    for root in roots:
        unique.setdefault(workspace.file(root).path, root)
    return list(unique.values()), problems


def _yaml_files(folder: Path, problems: list[Diagnostic]) -> Iterator[Path]:
    """The YAML files under ``folder``, hidden files and folders left out, symbolic links to folders
    not followed; iterative, so that no depth of folders exhausts the stack."""
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError as error:  # a folder left unchecked must not pass silently
            problems.append(Diagnostic(printable(str(current)), 0, 0, f"folder {os_reason(error)}", UNREADABLE))
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            if entry.name.endswith(YAML_SUFFIXES):
                yield current / entry.name
            elif _is_folder(entry):
                pending.append(current / entry.name)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _absent(path: Path) -> bool:
    """Whether nothing at all is at ``path`` (a name the file system refuses is not absent: it is wrong)."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except (OSError, ValueError):
        return False
    return False


def _real(path: Path) -> Path:
    """``path`` made absolute, its symbolic links followed when it exists; never raises on a bad name."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return path.absolute()
    return Path(os.path.realpath(path))


def _resolve(path: Path) -> Path:
    """``path`` made absolute and normal, its symbolic links followed as far as they exist."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):  # a NUL byte, or an unencodable name: then lexically
        return Path(os.path.abspath(path))


def _shown(entry: str, limit: int = 80) -> str:
    """An include entry quoted for a message, cut short when long (a name may be 100,000 characters)."""
    return repr(entry) if len(entry) <= limit else repr(entry[:limit]) + f"... ({len(entry):,} characters)"


def _looks_like_map(loaded: LoadedFile) -> bool:
    # Other YAML in a folder (CI files, configs) is not ours; a file that failed to parse may be.
    data = loaded.doc.data
    return loaded.doc.fatal or (isinstance(data, dict) and "argmap" in data)


def _include_targets(loaded: LoadedFile) -> list[Path]:
    if loaded.model is None:
        return []
    return [_resolve(loaded.path.parent / entry) for entry in loaded.model.include]


def load_map(root: str | os.PathLike, workspace: Workspace | None = None) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Load one root file and its includes. The map is None when any file could not be validated."""
    workspace = workspace or Workspace()
    problems: list[Diagnostic] = []
    root_file = workspace.file(Path(root))
    order, whole = _walk(root_file, workspace, problems)
    for loaded in order:
        # An included file's problems with no line (it cannot be opened, it is too big) were
        # reported at the include entry that names it.
        problems.extend(p for p in loaded.doc.problems if p.line or loaded is root_file)
    if not whole or any(loaded.model is None for loaded in order) or any(p.code in _FATAL_INCLUDE for p in problems):
        return None, problems
    amap = ArgumentMap(root_file, order)
    for loaded in order:
        _merge(amap, loaded, problems)
    return amap, problems


_FATAL_INCLUDE = {MISSING_INCLUDE, INCLUDE_OUTSIDE}


def _walk(root: LoadedFile, workspace: Workspace, problems: list[Diagnostic]) -> tuple[list[LoadedFile], bool]:
    """The files of the map in depth-first order, each once, and whether all of them were read.

    Iterative, so that a chain of includes of any length cannot exhaust the stack; every
    include entry that cannot be followed is a problem at that entry."""
    folder = root.path.parent
    order, seen = [root], {root.path}
    nodes, limit = root.doc.nodes, workspace.limits.max_nodes
    # The includes being followed: each file with the entries it has left, and where it is on the stack.
    stack: list[tuple[LoadedFile, Iterator[tuple[int, str]]]] = []
    depth: dict[Path, int] = {}

    def enter(loaded: LoadedFile) -> None:
        if loaded.model is not None:
            depth[loaded.path] = len(stack)
            stack.append((loaded, iter(enumerate(loaded.model.include))))

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
        target = _resolve(loaded.path.parent / entry)
        if folder != target and folder not in target.parents:
            problems.append(loaded.problem(INCLUDE_OUTSIDE, at, f"include {_shown(entry)} lies outside the map's folder"))
            continue
        if target in depth:
            chain = _chain([workspace.display(f.path) for f, _ in stack[depth[target]:]] + [workspace.display(target)])
            problems.append(loaded.problem(INCLUDE_CYCLE, at, f"include cycle: {chain}"))
            continue
        why = _why_not_a_file(target)
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


def _why_not_a_file(path: Path) -> str | None:
    try:
        return refusal(os.stat(path))
    except (OSError, ValueError) as error:
        return os_reason(error, str(path))


def _chain(names: list[str], most: int = 9) -> str:
    """The files of an include cycle joined by arrows; a long cycle shows its ends only."""
    if len(names) > most:
        names = [*names[:4], f"... ({len(names) - 8} more)", *names[-4:]]
    return " -> ".join(names)


def _merge(amap: ArgumentMap, loaded: LoadedFile, problems: list[Diagnostic]) -> None:
    model = loaded.model
    assert model is not None
    # Statements and arguments share one id space; sources and groups have their own.
    spaces = {"statements": ("statements", "arguments"), "arguments": ("statements", "arguments"),
              "sources": ("sources",), "groups": ("groups",)}
    for section, clashing in spaces.items():
        target: dict = getattr(amap, section)
        for node_id, value in getattr(model, section).items():
            first = next(((s, amap.defined_in[(s, node_id)]) for s in clashing if (s, node_id) in amap.defined_in), None)
            if first is not None:
                where, line, _ = first[1].where((first[0], node_id), key=True)
                problems.append(loaded.problem(
                    DUPLICATE_ID, (section, node_id), f"duplicate id {node_id!r} (first defined at {where}:{line})", key=True))
                continue
            target[node_id] = value
            amap.defined_in[(section, node_id)] = loaded
    amap.expectations.extend((expectation, loaded, index) for index, expectation in enumerate(model.expect))


def validate(doc: YamlDocument) -> MapFile | None:
    """The MapFile model of a parsed document, or None with located schema problems added to it."""
    data = doc.data
    if data is None:
        doc.problems.append(Diagnostic(doc.path, 1, 1, "the file is empty; an argmap file starts with `argmap: 1`", SCHEMA))
        return None
    if not isinstance(data, dict):
        doc.problems.append(doc.problem(SCHEMA, (), f"the top level must be a mapping, not a {_kind(data)}"))
        return None
    try:
        return MapFile.model_validate(data)
    except pydantic.ValidationError as error:
        doc.problems.extend(_schema_problems(doc, error))
        return None


def _schema_problems(doc: YamlDocument, error: pydantic.ValidationError) -> list[Diagnostic]:
    by_place: dict[tuple, tuple[tuple, list[str], bool]] = {}
    for item in error.errors(include_url=False):
        loc = _data_path(doc.data, item["loc"])
        kind = item["type"]
        key = kind == "extra_forbidden" or item["loc"][-1:] == ("[key]",)
        if kind == "extra_forbidden":
            allowed = _allowed_fields(loc[:-1])
            message = f"unknown field {loc[-1]!r}" + did_you_mean(str(loc[-1]), allowed)
            if allowed and not did_you_mean(str(loc[-1]), allowed):
                message += f"; allowed: {', '.join(allowed)}"
        elif kind == "missing":
            message = f"missing required field {item['loc'][-1]!r}"
            loc = loc[:-1]
        elif kind == "literal_error" and loc == ("argmap",):
            message = "`argmap:` must be 1 (the file-format version)"
        elif kind == "string_pattern_mismatch" and "a-z0-9" in str(item.get("ctx", {}).get("pattern", "")):
            message = f"{item['input']!r} is not a valid id (use lowercase letters, digits and single hyphens)"
        else:
            message = item["msg"][0].lower() + item["msg"][1:]
            message = message.replace("Value error, ", "").replace("value error, ", "")
        place = (loc, key)
        if place in by_place:
            if message not in by_place[place][1]:
                by_place[place][1].append(message.removeprefix("input should be "))
        else:
            by_place[place] = (loc, [message], key)
    problems = []
    for loc, messages, key in by_place.values():
        dotted = ".".join(printable(str(step)) for step in loc)  # keys are the map's text: kept to one line
        text = " or ".join(messages)
        problems.append(doc.problem(SCHEMA, loc, f"{dotted}: {text}" if dotted else text, key=key))
    return problems


def _data_path(data: Any, loc: tuple) -> tuple:
    """The part of a pydantic ``loc`` that names real keys and indexes (not union branches)."""
    path: list = []
    node = data
    for step in loc:
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        elif isinstance(node, dict) and isinstance(step, str) and step not in node and step.isidentifier() is False:
            continue  # a union branch such as 'dict[str,str]' or 'function-after[...]'
        elif isinstance(node, dict):
            path.append(step)  # a missing or unknown key: keep it for the message
            break
        else:
            continue
        path.append(step)
    return tuple(path)


def _allowed_fields(loc: tuple) -> list[str]:
    """The field names of the model found at ``loc`` inside a MapFile."""
    annotation: Any = MapFile
    for step in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
            info = annotation.model_fields.get(step) or next(
                (f for f in annotation.model_fields.values() if f.alias == step), None)
            if info is None:
                return []
            annotation = info.annotation
        else:
            args = [a for a in typing.get_args(annotation) if a is not Ellipsis]
            annotation = args[-1] if args else None
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return [info.alias or name for name, info in annotation.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin is typing.Union or (origin is not None and str(origin) == "<class 'types.UnionType'>"):
            models = [a for a in typing.get_args(annotation)
                      if isinstance(a, type) and issubclass(a, pydantic.BaseModel)]
            others = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = models[0] if models else (others[-1] if others else None)
        else:
            return annotation


def _kind(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(type(value), type(value).__name__)
