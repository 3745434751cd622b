"""A parsed YAML document -> the model of one map file (schema.MapFile), every schema problem a finding at its
place, with the unknown field's near miss; and the parts of a refused document that can still be checked."""

from __future__ import annotations

import typing
from typing import Any

import pydantic

from argmap.codes import SCHEMA
from argmap.diagnostics import Diagnostic
from argmap.schema import ID_PATTERN, LANG_PATTERN, REF_PATTERN, SECTIONS, MapFile, as_written
from argmap.source import YamlDocument, printable
from argmap.suggest import did_you_mean

__all__ = ["validate", "salvage", "first_mistake"]


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


def first_mistake(error: pydantic.ValidationError, data: Any) -> tuple[tuple[Any, ...], str]:
    """The place (a path in ``data``) and the wording of the first mistake, as map files word them (for the other
    files read against a model: a configuration's schemes)."""
    first = error.errors(include_url=False)[0]
    loc = _data_path(data, tuple(first["loc"]))
    if first["type"] == "extra_forbidden":
        return loc, "unknown field"
    if first["type"] == "missing":
        return loc[:-1], f"missing required field {first['loc'][-1]!r}"
    return loc, _wording(first)


def _schema_problems(doc: YamlDocument, error: pydantic.ValidationError) -> list[Diagnostic]:
    by_place: dict[tuple[Any, ...], tuple[tuple[Any, ...], list[str], bool]] = {}
    items = error.errors(include_url=False)
    failed_items = {_data_path(doc.data, item["loc"])[:-1] for item in items
                    if item["loc"] and isinstance(item["loc"][-1], int)}
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
        if kind == "extra_forbidden" and loc[-1] == "<<":
            message = "a merge key (<<) is not read: argmap's YAML has none; write the fields out"
        elif kind == "extra_forbidden":
            allowed = _allowed_fields(loc[:-1])
            message = f"unknown field {loc[-1]!r}" + did_you_mean(str(loc[-1]), allowed)
            if allowed and not did_you_mean(str(loc[-1]), allowed):
                message += f"; allowed: {', '.join(allowed)}"
        elif kind == "missing" and isinstance(item["loc"][-1], int):  # a fixed-length list such as `body: [3]`
            loc = _data_path(doc.data, item["loc"][:-1])
            needed = 1 + max(int(other["loc"][-1]) for other in items
                             if other["type"] == "missing" and other["loc"][:-1] == item["loc"][:-1])
            held: Any = doc.data
            for step in loc:
                held = held[step]
            message = f"needs {needed} items, not {len(held) if isinstance(held, list) else 0}"
        elif kind == "missing":
            message = f"missing required field {item['loc'][-1]!r}"
            loc = loc[:-1]
        elif value is None and kind in _TYPES:  # `supports:` with nothing after it: one message, not one per branch
            message = "has no value: give one, or leave the key out"
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
        text = _either(messages)
        problems.append(doc.problem(SCHEMA, loc, f"{dotted}: {text}" if dotted else text, key=key))
    return problems


_TYPES = frozenset({"string_type", "tuple_type", "list_type", "dict_type", "model_type", "model_attributes_type",
                    "int_type", "float_type", "bool_type", "union_tag_invalid"})
"""The errors of a value of the wrong kind: for a null, one message says what is wrong, whatever was expected."""


def _either(messages: list[str]) -> str:
    """The messages of one place joined: ``must be text or a list, not a number`` (said once what it is not)."""
    kinds = {message.rpartition(", not ")[2] for message in messages}
    if len(messages) > 1 and len(kinds) == 1 and all(", not " in message for message in messages):
        return " or ".join(message.rpartition(", not ")[0] for message in messages) + ", not " + kinds.pop()
    return " or ".join(messages)


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
