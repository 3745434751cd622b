"""The interchange formats the apps offer, read from the formats registry (argmap/formats): every format
with what it holds and can do, the names for a command's choices, one format by name, and the Subject (a map
or a framework) that eval and export work on."""

from __future__ import annotations

from argmap.formats import FORMATS, Format, Subject, lookup, names

__all__ = ["FORMATS", "Format", "Subject", "names", "lookup"]
