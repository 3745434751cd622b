"""How one scalar is written: plain where YAML allows it and argmap reads it back the same, else in
double quotes with escapes; numbers and booleans as the author wrote them."""

from __future__ import annotations

import io
import re
from typing import Any

import yaml

from argmap.fmt.tree import Scalar
from argmap.source import _IMPLICIT, _MAY_RESOLVE

__all__ = ["plain_ok", "double_quoted", "scalar_text", "key_text"]

_ANALYSER = yaml.emitter.Emitter(io.StringIO(), allow_unicode=True)
# YAML 1.1 booleans that PyYAML's resolver leaves out but other YAML 1.1 readers take as booleans.
_SHORT_BOOLEANS = {"y", "Y", "n", "N"}
_ESCAPES = {"\0": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v", "\x0c": "f", "\r": "r",
            "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\u2028": "L", "\u2029": "P"}


# What YAML 1.2's core schema (editors' language server, most other tools) reads as a number, a
# boolean or null, where YAML 1.1 may see text: `0o7`, `1e3`.
_CORE_1_2 = re.compile(r"""(?x)^(?: null|Null|NULL|~|true|True|TRUE|false|False|FALSE
    | [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
    | [-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
    | [-+]?\.(?:inf|Inf|INF) | \.nan|\.NaN|\.NAN )$""")


def _resolves(text: str) -> bool:
    """Whether a plain ``text`` would be read as something other than text (a number, a boolean, null, a
    date, ...) by a YAML 1.1 reader, argmap's included, or by a YAML 1.2 one."""
    if text in _SHORT_BOOLEANS or _CORE_1_2.match(text):
        return True
    if text[:1] not in _MAY_RESOLVE:
        return False
    return any(regexp.match(text) for _, regexp in _IMPLICIT.get(text[:1] if text else "", ()))


def plain_ok(text: str, flow: bool) -> bool:
    """Whether ``text`` can be written without quotes (inside a flow collection when ``flow``)."""
    if not text or _resolves(text):
        return False
    analysis = _ANALYSER.analyze_scalar(text)
    if analysis.multiline:
        return False
    return bool(analysis.allow_flow_plain if flow else analysis.allow_block_plain)


def double_quoted(text: str) -> str:
    """``text`` in double quotes: escapes for quotes, backslashes, line breaks and every character YAML
    cannot hold as it is (or that a reader would not see)."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in _ESCAPES:
            out.append("\\" + _ESCAPES[char])
        elif (0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000) \
                and char != "\ufeff":
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02X}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04X}")
        else:  # pragma: no cover - every character above U+FFFF is printable
            out.append(f"\\U{code:08X}")
    out.append('"')
    return "".join(out)


def _tagged(tag: str, text: str) -> str:
    short = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else f"!<{tag}>"
    return f"{short} {double_quoted(text)}"


def _text(value: Any, flow: bool) -> str:
    return value if plain_ok(value, flow) else double_quoted(value)


def scalar_text(scalar: Scalar, flow: bool) -> str:
    """A scalar that is not a block scalar, as the formatter writes it (its anchor included)."""
    anchor = f"&{scalar.anchor} " if scalar.anchor else ""
    value = scalar.value
    if isinstance(value, str):
        return anchor + _text(value, flow)
    if scalar.tag not in (None, "!") or scalar.style:
        return anchor + _tagged(scalar.tag or "tag:yaml.org,2002:str", scalar.text)
    if value is None:
        return anchor + "null"
    return anchor + scalar.text  # a number or a boolean, as written: 0.50 stays 0.50


def key_text(key: Scalar, flow: bool) -> str:
    """A mapping key: argmap reads keys as text, so only its text matters."""
    anchor = f"&{key.anchor} " if key.anchor else ""
    if isinstance(key.value, str):
        return anchor + _text(key.value, flow)
    return anchor + _tagged(key.tag or "tag:yaml.org,2002:str", key.text)
