"""How one scalar is written: plain where YAML allows it and argmap reads it back the same, else in
double quotes with escapes; numbers and booleans as the author wrote them."""

from __future__ import annotations

import functools
import io
import re
from typing import Any

import yaml

from argmap.fmt.nodes import Scalar
from argmap.yaml.dialect import IMPLICIT as _IMPLICIT
from argmap.yaml.dialect import MAY_RESOLVE as _MAY_RESOLVE

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


# Texts that PyYAML's emitter would certainly write plain: no indicator first, no ':' or '#', no
# control or line-break character, no space at either end. Most texts are such, and the emitter's own
# analysis, a Python loop over every character, is the slow part of formatting a large map.
_BODY = "[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff\U0010ffff:#%s]"
_FIRST = "[A-Za-z0-9(\u00a1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]"
_FLOW_INDICATORS = ",?\\[\\]{}"
_PLAIN_BLOCK = re.compile(_FIRST + "(?:" + _BODY % "" + "*" + _BODY % " " + ")?")
_PLAIN_FLOW = re.compile(_FIRST + "(?:" + _BODY % _FLOW_INDICATORS + "*" + _BODY % (" " + _FLOW_INDICATORS) + ")?")


# ...and texts it would certainly quote, in block context as in flow: a character it does not print, a
# space at either end, an indicator first, ": " or " #" inside.
_WHITE = "\\0 \\t\\r\\n\\x85\\u2028\\u2029"
_NOT_PLAIN = re.compile(
    "[^\\x20-\\x7e\\xa0-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd\\U00010000-\\U0010fffe]|^ | $"
    "|^[#,\\[\\]{}&*!|>'\"%@`]|^(?:---|\\.\\.\\.)|^[-?:](?:[" + _WHITE + "]|$)|:(?:[" + _WHITE + "]|$)"
    "|[" + _WHITE + "]#")


@functools.lru_cache(maxsize=4096)  # ids and field names come back again and again
def plain_ok(text: str, flow: bool) -> bool:
    """Whether ``text`` can be written without quotes (inside a flow collection when ``flow``)."""
    if not text or _resolves(text):
        return False
    if (_PLAIN_FLOW if flow else _PLAIN_BLOCK).fullmatch(text):
        return True
    if _NOT_PLAIN.search(text):
        return False
    analysis = _ANALYSER.analyze_scalar(text)
    if analysis.multiline:
        return False
    return bool(analysis.allow_flow_plain if flow else analysis.allow_block_plain)


# What a double-quoted text cannot hold as it is: quotes and backslashes, and every character that YAML
# does not print or that a reader would take for a line break or a byte-order mark.
_ESCAPED = re.compile('["\\\\\x85\u2028\u2029\ufeff]|[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]')


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return "\\" + _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"  # every character above U+FFFF is printable


def double_quoted(text: str) -> str:
    """``text`` in double quotes: escapes for quotes, backslashes, line breaks and every character YAML
    cannot hold as it is (or that a reader would not see)."""
    return '"' + _ESCAPED.sub(_escape, text) + '"'


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
