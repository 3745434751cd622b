"""Argdown's groups: headings (over several lines; ``isGroup: false`` makes one no group) and the front matter's
``group: {regroup: [...]}``, as Argdown's own reader makes them; argmap's groups are flat."""

from __future__ import annotations

from typing import Any, Protocol

from argmap.formats._common import Loss, MapBuilder, slug

__all__ = ["group_id", "enter_section", "regroup"]


class _Grouping(Protocol):
    builder: MapBuilder
    group: str | None
    sections: list[tuple[int, str | None]]
    classes: dict[str, str]
    arguments: dict[str, Any]


def group_id(groups: dict[str, Any], label: str) -> str:
    """The id of the group labelled ``label``: its label's first words, numbered when a group with another label
    has them already (two headings of one label are one group)."""
    base = slug(label) or "section"
    gid, number = base, 1
    while gid in groups and groups[gid].get("label") != label:
        number += 1
        gid = f"{base}-{number}"
    return gid


def enter_section(reader: _Grouping, label: str, level: int, data: Any, line: int) -> None:
    """A heading of ``level`` read: what follows is in its group, or, when its data say ``isGroup: false``, in the
    group of the nearest heading above it that is one (none if none is). Its other data are reported, not kept."""
    while reader.sections and reader.sections[-1][0] >= level:
        reader.sections.pop()
    settings = data if isinstance(data, dict) else {}
    gid = None
    if settings.get("isGroup") is not False:
        gid = group_id(reader.builder.groups, label)
        reader.builder.groups.setdefault(gid, {"label": label})
    for key in settings:
        if key != "isGroup":
            reader.builder.losses.append(Loss("heading data", f"{line}:1", f"{key!r} of the heading {label!r}: argmap's"
                                              " groups have no such setting"))
    reader.sections.append((level, gid))
    reader.group = next((group for _, group in reversed(reader.sections) if group), None)


def regroup(reader: _Grouping, settings: Any) -> None:
    """Argdown's ``group: {regroup: [...]}`` setting: its groups replace the headings'; the statements and
    arguments it names by title are in them, all others in none (groups inside groups are read flat)."""
    sections = settings.get("regroup") if isinstance(settings, dict) else None
    if not isinstance(sections, list) or not sections:
        return
    builder = reader.builder
    builder.groups.clear()
    for entry in builder.statements.values():
        entry.pop("group", None)
    for argument in reader.arguments.values():
        argument.group = None
    pending = [section for section in sections if isinstance(section, dict)]
    while pending:
        section = pending.pop(0)
        label = str(section.get("title") or "section")
        gid = group_id(builder.groups, label)
        builder.groups.setdefault(gid, {"label": label})
        for title in _listed(section.get("statements")):
            if title in reader.classes:
                builder.statements[reader.classes[title]]["group"] = gid
        for title in _listed(section.get("arguments")):
            if title in reader.arguments:
                reader.arguments[title].group = gid
        children = section.get("children")
        pending[:0] = [child for child in children if isinstance(child, dict)] if isinstance(children, list) else []


def _listed(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
