"""The YAML argmap reads and writes: the standard tags it allows, and how a plain scalar resolves (YAML 1.1's
core schema, as PyYAML resolves it), said once for the reader (events.py) and the writer (argmap.fmt)."""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["STANDARD_TAGS", "KIND_TAGS", "NULLS", "TRUE", "FALSE", "IMPLICIT", "MAY_RESOLVE", "scalar"]

STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "!",
}
KIND_TAGS = {
    "scalar": STANDARD_TAGS - {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"},
    "mapping": {"tag:yaml.org,2002:map", "!"},
    "sequence": {"tag:yaml.org,2002:seq", "!"},
}
"""The standard tags each kind of node may carry: YAML's loaders refuse `!!str` on a mapping, `!!map` on text."""
NULLS = {"", "~", "null", "Null", "NULL"}
TRUE = {"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}
FALSE = {"no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}
IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
MAY_RESOLVE = frozenset(key for key in IMPLICIT if key is not None) | {""}
CONSTRUCTOR = yaml.constructor.SafeConstructor()


NUMBER_DIGITS = 100
"""The longest plain scalar read as a number: Python reads no longer a decimal integer than 4,300 digits, but a
hexadecimal or sexagesimal one (`0xfff…`, `1:0:0…`) of any length, in time that grows with it, into a value too
large to print or to be a float; a count, a line number or a score has a few digits."""


def scalar(event: yaml.ScalarEvent) -> Any:
    """Construct the value of a scalar the way YAML's core schema does, without leaving plain data."""
    value = event.value
    tag = event.tag
    if tag is None or tag == "!":
        if not event.implicit[0] or value[:1] not in MAY_RESOLVE:
            return value  # quoted, or plain text that no implicit type can start with
        for candidate, regexp in IMPLICIT.get(value[:1] or "", ()) if value else IMPLICIT.get("", ()):
            if regexp.match(value):
                tag = candidate
                break
        else:
            return value
    if tag == "tag:yaml.org,2002:str":
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        if value in TRUE or value in FALSE:
            return value in TRUE
        return value
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and len(value) > NUMBER_DIGITS:
        return value  # no number a map needs: kept as the text it is (its value would cost time, or overflow)
    if tag == "tag:yaml.org,2002:int":
        try:
            return CONSTRUCTOR.construct_yaml_int(yaml.ScalarNode(tag, value))
        except (ValueError, IndexError):  # PyYAML indexes the text: an empty `!!int` raises IndexError
            return value
    if tag == "tag:yaml.org,2002:float":
        try:
            return CONSTRUCTOR.construct_yaml_float(yaml.ScalarNode(tag, value))
        except (ValueError, IndexError, OverflowError):  # `!!float` empty, or sexagesimal past a float's range
            return value
    return value  # timestamps, merge keys, '=': kept as the text they are
