"""The scheme catalogue: the schemes argmap ships, a team's additions and overrides, lookups by id and AIF name."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.schemes.spec import AifNames, CriticalQuestion, QuestionType, SchemesFile, SchemeSpec
from argmap.texts import pick_text

__all__ = ["Catalogue", "SchemeSpec", "CriticalQuestion", "AifNames", "QuestionType", "SchemesFile", "shipped",
           "CATALOGUE_FILE", "text_of"]

CATALOGUE_FILE = Path(__file__).parent / "catalogue.yaml"


def text_of(text: object, lang: str) -> str:
    """A catalogue text in ``lang``, else in English (a plain string is English)."""
    return pick_text(text, lang, "en")


def _aif_key(name: str) -> str:
    """How AIF names are compared: case, spacing, punctuation and a leading "argument from" aside."""
    words = re.sub(r"[^a-z0-9]+", " ", name.lower()).split()
    while words[:2] == ["argument", "from"]:
        words = words[2:]
    return " ".join(words)


@dataclass(frozen=True)
class Catalogue:
    """Schemes by id, the works they cite, and where each scheme was defined."""

    schemes: Mapping[str, SchemeSpec] = field(default_factory=dict)
    references: Mapping[str, str] = field(default_factory=dict)
    origins: Mapping[str, str] = field(default_factory=dict)
    """Scheme id -> "argmap" (shipped) or the file (or configuration) that defined or overrode it."""

    def __contains__(self, scheme_id: object) -> bool:
        return scheme_id in self.schemes

    def get(self, scheme_id: str | None) -> SchemeSpec | None:
        return self.schemes.get(scheme_id) if scheme_id is not None else None

    def merged(self, extra: SchemesFile, origin: str) -> Catalogue:
        """This catalogue with ``extra``'s schemes added, replacing those of the same id whole."""
        return Catalogue({**self.schemes, **extra.schemes}, {**self.references, **extra.references},
                         {**self.origins, **{sid: origin for sid in extra.schemes}})

    @functools.cached_property
    def _by_aif(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for sid, spec in self.schemes.items():
            for name in (*spec.aif.names, sid, pick_text(spec.name, "en", "en")):
                found.setdefault(_aif_key(name), sid)
            for number in spec.aif.ids:
                found.setdefault(f"#{number}", sid)
        return found

    def from_aif(self, name: str | None, number: Any = None) -> str | None:
        """The catalogue scheme an AIF node names, by AIFdb's scheme number or by its scheme name or text."""
        digits = str(number).strip() if number is not None else ""
        if re.fullmatch(r"[0-9]{1,18}", digits):  # ASCII digits only: int() refuses "²" and very long numbers
            found = self._by_aif.get(f"#{int(digits)}")
            if found is not None:
                return found
        if name:
            return self._by_aif.get(_aif_key(name))
        return None

    def aif_name(self, scheme_id: str) -> str:
        """The name AIF files give the scheme (for export)."""
        spec = self.schemes[scheme_id]
        return spec.aif.names[0] if spec.aif.names else pick_text(spec.name, "en", "en")

    def aif_number(self, scheme_id: str) -> int | None:
        spec = self.schemes[scheme_id]
        return spec.aif.ids[0] if spec.aif.ids else None


def read_file(data: Any) -> SchemesFile:
    """A schemes file's data, validated (raises ``pydantic.ValidationError``)."""
    return SchemesFile.model_validate(data)


@functools.cache
def shipped() -> Catalogue:
    """The catalogue argmap ships (argmap/schemes/catalogue.yaml)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(CATALOGUE_FILE.read_text(encoding="utf-8"), Loader=loader)
    return Catalogue().merged(read_file(data), "argmap")
