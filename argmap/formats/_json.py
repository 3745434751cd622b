"""Reading JSON formats: parse with a line:col error, and take fields with their JSON path in every refusal."""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.formats._common import FormatError

__all__ = ["parse", "path", "field", "obj", "array", "text", "ident", "optional_text"]


def parse(text: str) -> Any:
    """The JSON document of ``text``; malformed JSON is a FormatError at its line:col.

    >>> try:
    ...     parse('{"a": [1, 2,]}')
    ... except FormatError as error:
    ...     print(error.where, error.message)
    1:13 expecting value
    """
    flagged: dict[int, str] = {}  # id() of an object with a key written twice or too long -> what is wrong
    try:
        document = json.loads(text, parse_constant=_not_json, parse_float=_finite, parse_int=_whole,
                              object_pairs_hook=lambda pairs: _object(pairs, flagged))
    except json.JSONDecodeError as error:
        message = _lower(error.msg).removesuffix(" at")  # "Invalid control character at": the place follows
        raise FormatError(f"{error.lineno}:{error.colno}", message) from None
    except _Constant as constant:
        raise FormatError(_place_of_constant(text, str(constant)), f"{constant} is not a number JSON can hold"
                          " (a number must be finite, and a whole number at most 4,300 digits long)") from None
    except RecursionError:
        raise FormatError("1:1", "the JSON is nested too deeply to read") from None
    if flagged or "\\u" in text:  # only an escape can make a lone surrogate, which no UTF-8 file can hold
        _walk(document, flagged)
    return document


KEY_LIMIT = 1000
"""The longest key a map can keep: YAML writes a key on one line of at most 1,024 characters."""


def _object(pairs: list[tuple[str, Any]], flagged: dict[int, str]) -> dict[str, Any]:
    made = dict(pairs)
    if len(made) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                flagged[id(made)] = f"the key {key!r} is written twice in this object"
                break
            seen.add(key)
    long = next((key for key, _ in pairs if len(key) > KEY_LIMIT), None)
    if long is not None:
        flagged[id(made)] = (f"a key of {len(long):,} characters ({long[:20]!r}...); a map keeps keys of at most"
                             f" {KEY_LIMIT:,}")
    return made


def _finite(literal: str) -> float:
    number = float(literal)
    if number in (float("inf"), float("-inf")):
        raise _Constant(literal)
    return number


def _whole(literal: str) -> int:
    if len(literal.lstrip("-")) > 4300:  # Python's own limit on turning digits into a number
        raise _Constant(literal[:20] + "...")
    return int(literal)


class _Constant(Exception):
    """NaN, Infinity or -Infinity, which Python's reader takes and JSON does not have."""


def _not_json(constant: str) -> Any:
    raise _Constant(constant)


def _place_of_constant(text: str, constant: str) -> str:
    """line:col of the first ``constant`` (NaN, Infinity, a number) outside a string."""
    start = re.escape(constant.removesuffix("..."))
    for found in re.finditer(r'"(?:[^"\\]|\\.)*"|' + start, text):
        if not found.group().startswith('"'):
            line = text.count("\n", 0, found.start()) + 1
            return f"{line}:{found.start() - (text.rfind(chr(10), 0, found.start()) + 1) + 1}"
    return "1:1"


_SURROGATE = re.compile("[\ud800-\udfff]")


def _walk(document: Any, flagged: dict[int, str]) -> None:
    """A FormatError at the JSON path of the first object flagged while reading (a key written twice, or too
    long to keep), or of a string (or key) holding half of a UTF-16 pair."""
    pending: list[tuple[Any, str]] = [(document, "$")]
    while pending:
        value, where = pending.pop()
        if isinstance(value, dict):
            if id(value) in flagged:
                raise FormatError(where, flagged[id(value)])
            for key, item in value.items():
                step = path(where, key)
                if _SURROGATE.search(key):
                    raise FormatError(where, f"a key holds {_surrogate(key)}")
                pending.append((item, step))
        elif isinstance(value, list):
            pending.extend((item, path(where, index)) for index, item in enumerate(value))
        elif isinstance(value, str) and _SURROGATE.search(value):
            raise FormatError(where, f"holds {_surrogate(value)}")


def _surrogate(value: str) -> str:
    found = _SURROGATE.search(value)
    assert found is not None
    return f"U+{ord(found.group()):04X}, half of a UTF-16 pair (an escape such as \\ud800 alone), which is not a character"


def _lower(message: str) -> str:
    return message[:1].lower() + message[1:]


def path(parent: str, step: str | int) -> str:
    """A JSON path one step further: ``$.nodes`` and 3 give ``$.nodes[3]``."""
    if isinstance(step, int):
        return f"{parent}[{step}]"
    if step.isidentifier():
        return f"{parent}.{step}"
    return f"{parent}[{json.dumps(step, ensure_ascii=False)}]"


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FormatError(where, f"expected an object, found {_kind(value)}")
    return value


def array(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise FormatError(where, f"expected an array, found {_kind(value)}")
    return value


def field(container: dict[str, Any], key: str, where: str) -> Any:
    """``container[key]``, or a FormatError naming the missing field at ``where``."""
    if key not in container:
        raise FormatError(where, f"the field {key!r} is missing")
    return container[key]


def text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise FormatError(where, f"expected a string, found {_kind(value)}")
    return value


def optional_text(container: dict[str, Any], key: str, where: str, default: str = "") -> str:
    value = container.get(key)
    return default if value is None else text(value, path(where, key))


def ident(value: Any, where: str) -> str:
    """An id written as a string or a whole number (AIFdb writes both), kept as text."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise FormatError(where, f"expected an id (a string or a whole number), found {_kind(value)}")
    return str(value)
