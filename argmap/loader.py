"""Files -> validated MapFile models -> one ArgumentMap per root file, with located diagnostics."""

from __future__ import annotations

import dataclasses
import os
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pydantic

from argmap.codes import SCHEMA, UNREADABLE, UNSAFE_YAML
from argmap.diagnostics import Diagnostic
from argmap.files import Files, FileSystem
from argmap.model import SECTIONS, ArgumentMap, Where
from argmap.schema import ID_PATTERN, LANG_PATTERN, REF_PATTERN, Expectation, MapFile, as_written
from argmap.source import Limits, YamlDocument, printable
from argmap.suggest import did_you_mean

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

    def node(self, section: str, node_id: str, rest: tuple[Any, ...], key: bool) -> Where:
        return self.defined_in[(section, node_id)].where((section, node_id, *rest), key=key)

    def expectation(self, index: int, rest: tuple[Any, ...], key: bool) -> Where:
        loaded, local = self.expectations[index]
        return loaded.where(("expect", local, *rest), key=key)

    def top(self, rest: tuple[Any, ...], key: bool) -> Where:
        return self.root.where(rest, key=key)

    def folder(self, section: str, node_id: str) -> Path | None:
        return self.defined_in[(section, node_id)].path.parent


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


def validate(doc: YamlDocument) -> MapFile | None:
    """The MapFile model of a parsed document, or None with located schema problems added to it."""
    data = doc.data
    if data is None:
        doc.problems.append(Diagnostic(doc.path, 1, 1, "the file is empty; an argmap file starts with `argmap: 1`", SCHEMA))
        return None
    if not isinstance(data, dict):
        doc.problems.append(doc.problem(SCHEMA, (), f"the top level must be a mapping, not a {_kind(data)}"))
        return None
    as_written(data, doc.spelling)
    try:
        return MapFile.model_validate(data)
    except pydantic.ValidationError as error:
        doc.problems.extend(_schema_problems(doc, error))
        return None


def salvage(doc: YamlDocument) -> tuple[MapFile | None, frozenset[str]]:
    """The model of the parts of a refused document that the schema accepts, and the ids left out: each
    statement, argument, source or group with an error is left out, as is each wrong expectation or
    top-level field, so that the rest can still be checked. None when nothing can be salvaged."""
    data = doc.data
    if not isinstance(data, dict):
        return None, frozenset()
    kept = {key: (dict(value) if isinstance(value, dict) else list(value) if isinstance(value, list) else value)
            for key, value in data.items()}
    dropped: set[str] = set()
    for _ in range(4):  # each round leaves out what failed; a second error under the same part is gone with it
        try:
            return MapFile.model_validate(kept), frozenset(dropped)
        except pydantic.ValidationError as error:
            for item in error.errors(include_url=False):
                loc = item["loc"]
                if not loc or loc[0] == "argmap":
                    return None, frozenset()
                section = kept.get(loc[0])
                if len(loc) > 1 and loc[0] in SECTIONS and isinstance(section, dict) and loc[1] in section:
                    del section[loc[1]]
                    dropped.add(str(loc[1]))
                elif len(loc) > 1 and loc[0] in SECTIONS and str(loc[1]) in dropped:
                    continue  # a second error of a definition already left out (a union's branches)
                else:  # a top-level field, or an expectation (their positions are by index: all go)
                    kept.pop(str(loc[0]), None)
    return None, frozenset()


def _schema_problems(doc: YamlDocument, error: pydantic.ValidationError) -> list[Diagnostic]:
    by_place: dict[tuple[Any, ...], tuple[tuple[Any, ...], list[str], bool]] = {}
    items = error.errors(include_url=False)
    failed_items = {_data_path(doc.data, item["loc"])[:-1] for item in items if isinstance(item["loc"][-1], int)}
    for item in items:
        loc = _data_path(doc.data, item["loc"])
        kind = item["type"]
        value = item.get("input")
        # One id or a list of them (a union, whose branches pydantic names in the loc): report the
        # branch that matches what was written, and a list's own length only when no item failed.
        branch = next((index for index, step in enumerate(item["loc"]) if isinstance(step, str)
                       and ("[" in step or step.startswith(("constrained-", "str", "function-")))), None)
        # (an error on an item inside the list branch is not such a branch: `supports: [[a]]` is reported)
        at_branch = branch is not None and not any(isinstance(step, int) for step in item["loc"][branch + 1:])
        if at_branch and ((kind == "string_type" and isinstance(value, list))
                          or (kind in ("tuple_type", "list_type") and isinstance(value, str))):
            continue
        if kind == "too_short" and loc in failed_items:
            continue
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
        else:
            message = _wording(item)
        place = (loc, key)
        if place in by_place:
            if message not in by_place[place][1]:
                by_place[place][1].append(message.removeprefix("must be "))
        else:
            by_place[place] = (loc, [message], key)
    if not by_place and items:  # never refuse a map without saying why
        first = items[0]
        by_place[(_data_path(doc.data, first["loc"]), False)] = (_data_path(doc.data, first["loc"]),
                                                                 [_wording(first)], False)
    problems = []
    for loc, messages, key in by_place.values():
        dotted = ".".join(printable(str(step)) for step in loc)  # keys are the map's text: kept to one line
        text = " or ".join(messages)
        problems.append(doc.problem(SCHEMA, loc, f"{dotted}: {text}" if dotted else text, key=key))
    return problems


def _wording(item: Any) -> str:
    """What a schema error means, in the project's words (pydantic's own never reach a user)."""
    kind, ctx, value = item["type"], item.get("ctx") or {}, item.get("input")
    pattern = str(ctx.get("pattern", ""))
    if kind == "string_pattern_mismatch":
        if pattern == LANG_PATTERN:
            return f"{value!r} is not a language tag (such as en, fr, ja or pt-BR)"
        if pattern in (ID_PATTERN, REF_PATTERN):
            return f"{value!r} is not a valid id (use lowercase letters, digits and single hyphens)"
        if "0-9a-f" in pattern:
            return "must be a SHA-256 checksum: 64 lowercase hexadecimal digits"
        return f"{value!r} does not have the required form"
    what = _kind(value)
    wording = {
        "string_type": f"must be text, not a {what}",
        "string_too_short": "must not be empty",
        "string_too_long": f"is longer than {ctx.get('max_length')} characters",
        "too_short": "must not be empty" if ctx.get("min_length") == 1 else f"needs at least {ctx.get('min_length')} items",
        "too_long": f"has more than {ctx.get('max_length')} items",
        "tuple_type": f"must be a list, not a {what}",
        "list_type": f"must be a list, not a {what}",
        "dict_type": f"must be a mapping, not a {what}",
        "model_type": f"must be a mapping, not a {what}",
        "model_attributes_type": f"must be a mapping, not a {what}",
        "int_type": "must be a whole number", "int_parsing": "must be a whole number",
        "int_from_float": "must be a whole number",
        "float_type": "must be a number", "float_parsing": "must be a number",
        "finite_number": "must be a finite number",
        "bool_type": "must be true or false", "bool_parsing": "must be true or false",
        "greater_than_equal": f"must be at least {ctx.get('ge')}",
        "less_than_equal": f"must be at most {ctx.get('le')}",
        "greater_than": f"must be more than {ctx.get('gt')}",
        "less_than": f"must be less than {ctx.get('lt')}",
        "literal_error": f"must be {ctx.get('expected')}",
        "union_tag_invalid": "must be a text, or one text per language",
    }.get(kind)
    if wording is not None:
        return wording
    message = str(item["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if message.startswith("Input should be "):
        return "must be " + message.removeprefix("Input should be ")
    return message[:1].lower() + message[1:]


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The part of a pydantic ``loc`` that names real keys and indexes (not union branches)."""
    path: list[Any] = []
    node = data
    for step in loc:
        if (isinstance(node, dict) and step in node) or (isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)):
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


def _allowed_fields(loc: tuple[Any, ...]) -> list[str]:
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
    kinds = {list: "list", dict: "mapping", str: "string", int: "number", float: "number", bool: "boolean"}
    return "null" if value is None else kinds.get(type(value), type(value).__name__)
