"""The starter map that `argmap init` writes: a small map in the chosen languages, its configuration and
the schema that the map's modeline points editors at."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

import yaml

from argmap.fmt.scalars import double_quoted

__all__ = ["MAP", "CONFIG", "SCHEMA", "files", "map_id", "translated"]

MAP = "map.yaml"
CONFIG = ".argmap.yaml"
SCHEMA = "argmap.schema.json"
_PLACEHOLDER = re.compile(r"^( *)(.*)\{\{([a-z-]+)\}\}$", re.MULTILINE)


def _read(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def translated() -> tuple[str, ...]:
    """The languages the starter's texts are written in."""
    texts: dict[str, dict[str, str]] = yaml.safe_load(_read("texts.yaml"))
    return tuple(texts["thesis"])


def map_id(folder_name: str) -> str:
    """A map id made from a folder's name: `My Map` gives `my-map`."""
    slug = re.sub(r"[^a-z0-9]+", "-", folder_name.lower()).strip("-")
    return slug[:60].strip("-") or "my-map"


def files(languages: tuple[str, ...], identifier: str, kind: str = "own") -> dict[str, str]:
    """File name -> text of the starter: the map in ``languages`` (the first is the default; a language
    without starter texts gets the English ones, to translate), of ``kind`` (own or reconstruction), its
    configuration, the JSON Schema."""
    from argmap.fmt import format_text
    from argmap.schema import json_schema
    from argmap.schemes import shipped

    texts: dict[str, dict[str, str]] = yaml.safe_load(_read("texts.yaml"))

    def fill(match: re.Match[str]) -> str:
        indent, head, name = match.groups()
        value: Any
        if name == "id":
            value = identifier
        elif name == "languages":
            return f"{indent}{head}[{', '.join(languages)}]"
        elif name == "kind":
            return f"{indent}{head}{kind}"
        else:
            by_language = texts[name]
            value = {lang: by_language.get(lang.split("-")[0], by_language["en"]) for lang in languages}
        if isinstance(value, str) or len(value) == 1:
            text = value if isinstance(value, str) else next(iter(value.values()))
            return f"{indent}{head}{double_quoted(text)}"
        lines = [f"{indent}{head.rstrip()}"]
        lines += [f"{indent}  {lang}: {double_quoted(text)}" for lang, text in value.items()]
        return "\n".join(lines)

    starter = format_text(_PLACEHOLDER.sub(fill, _read("map.yaml.template")), MAP)
    schema = json.dumps(json_schema(shipped().schemes), indent=2, ensure_ascii=False) + "\n"
    return {MAP: starter, CONFIG: _read("configuration.yaml"), SCHEMA: schema}
