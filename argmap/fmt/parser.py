"""The YAML parser argmap's reader uses (libyaml's when PyYAML has it), so that the formatter sees a
file exactly as argmap does."""

from __future__ import annotations

__all__ = ["Loader"]

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as Loader  # type: ignore[assignment]
