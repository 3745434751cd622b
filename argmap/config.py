"""Configuration from .argmap.yaml or [tool.argmap] in pyproject.toml; presets in argmap/conf/."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from argmap.diagnostics import Severity
from argmap.errors import UsageError

if TYPE_CHECKING:
    from argmap.rule import Rule
    from argmap.schemes import Catalogue

Where = Callable[[tuple[Any, ...]], str]
"""Where a setting is: its file, line and column, and its path in the configuration."""

__all__ = ["RuleSetting", "Config", "ConfigError", "find", "load", "PRESETS"]

CONFIG_NAMES = (".argmap.yaml", ".argmap.yml")
PRESETS = ("default", "strict", "relaxed")
_KEYS = ("extends", "rules", "per-file-ignores", "source-dirs", "schemes")


class ConfigError(UsageError):
    """A configuration mistake; its message starts with the file (and line:col when known). A usage error
    (exit status 2) for the API's callers as for the command line."""


@dataclass(frozen=True)
class RuleSetting:
    severity: Severity
    options: dict[str, Any]


@dataclass(frozen=True)
class Config:
    """Resolved settings: a severity and options for every rule, ignores and source folders."""

    path: Path | None = None
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    source_dirs: tuple[Path, ...] = ()
    catalogue: Catalogue | None = None
    """The scheme catalogue with the team's additions and overrides (None: the one argmap ships)."""

    @property
    def schemes(self) -> Catalogue:
        from argmap.schemes import shipped

        return self.catalogue if self.catalogue is not None else shipped()

    def setting(self, code: str) -> RuleSetting:
        return self.rules[code]

    def ignored(self, display_path: str, code: str) -> bool:
        if not self.per_file_ignores:
            return False
        posix = PurePosixPath(display_path.replace("\\", "/"))
        return any(code in codes and (posix.match(pattern) or fnmatch.fnmatch(str(posix), pattern))
                   for pattern, codes in self.per_file_ignores)


def find(start: Path) -> Path | None:
    """The nearest .argmap.yaml, or pyproject.toml with a [tool.argmap] table, from ``start`` upward."""
    from argmap.source import read_bytes

    for folder in [start.resolve(), *start.resolve().parents]:
        for name in CONFIG_NAMES:
            if os.path.isfile(folder / name):
                return folder / name
        pyproject = folder / "pyproject.toml"
        if os.path.isfile(pyproject):
            raw, _ = read_bytes(str(pyproject))  # one that cannot be read is not ours
            if raw is not None and b"[tool.argmap" in raw:
                return pyproject
    return None


def load(path: Path | None, extra_source_dirs: tuple[Path, ...] = ()) -> Config:
    """Read and check a configuration file (None: the defaults); raises ConfigError naming what is wrong."""
    from argmap.rules import RULES

    settings = {rule.CODE: RuleSetting(rule.SEVERITY, dict(rule.OPTIONS)) for rule in RULES}
    ignores: list[tuple[str, frozenset[str]]] = []
    dirs: list[Path] = []
    catalogue = None
    if path is not None:
        from argmap.schemes import shipped
        from argmap.schemes.settings import apply_schemes

        catalogue = shipped()
        for layer_path, data, where in _layers(path, set()):
            _apply(data, where, settings, ignores, dirs, layer_path.parent)
            if data.get("schemes") is not None:
                catalogue = apply_schemes(catalogue, data["schemes"], where, layer_path, ConfigError)
    return Config(path, settings, tuple(ignores), tuple(dirs) + tuple(extra_source_dirs) + environment_source_dirs(),
                  catalogue)


SOURCE_DIRS_VARIABLE = "ARGMAP_SOURCE_DIRS"


def environment_source_dirs() -> tuple[Path, ...]:
    """The folders that ``ARGMAP_SOURCE_DIRS`` names (separated as PATH is), for CI jobs that keep
    source texts outside the repository."""
    value = os.environ.get(SOURCE_DIRS_VARIABLE, "")
    return tuple(Path(part) for part in value.split(os.pathsep) if part)


def _layers(path: Path, seen: set[Path]) -> Iterator[tuple[Path, Any, Where]]:
    """The chain of files and presets that ``path`` extends, most general first (iteratively, so
    that no length of chain exhausts the stack)."""
    chain = []
    current: Path | None = path
    while current is not None:
        if current in seen:
            raise ConfigError(f"{_name(current)}: `extends:` leads back to this file")
        seen.add(current)
        data, where = _read(current)
        chain.append((current, data, where))
        current = _parent(current, data, where)
    return iter(reversed(chain))


def _parent(path: Path, data: Any, where: Where) -> Path | None:
    """The file that the configuration at ``path`` extends (None: the defaults)."""
    from argmap.source import os_reason, refusal

    parent = data.get("extends")
    if parent is None or parent == "default":
        return None
    if not isinstance(parent, str):
        raise ConfigError(f"{where(('extends',))}: extends must be a preset name ({', '.join(PRESETS)}) or a file")
    if parent in PRESETS:
        return Path(__file__).parent / "conf" / f"{parent}.yaml"
    try:
        candidate = Path(os.path.realpath(path.parent / parent))
        why = refusal(os.stat(candidate))
    except FileNotFoundError:
        raise ConfigError(f"{where(('extends',))}: {_shown(parent)} is neither a preset ({', '.join(PRESETS)}) "
                          "nor a file") from None
    except (OSError, ValueError) as error:
        why = os_reason(error, parent)
    if why:
        raise ConfigError(f"{where(('extends',))}: {_shown(parent)} {why}")
    return candidate


def _name(path: Path) -> str:
    """A configuration file as messages name it: from the current folder when it lies below it."""
    from argmap.source import printable

    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        relative = str(path)
    return printable(str(path) if relative.startswith("..") else relative)


def _dotted(data_path: tuple[Any, ...]) -> str:
    """Where a setting is, as `rules.ARG203.max`; keys are the configuration's text, so kept to one line."""
    from argmap.source import printable

    return ".".join(printable(str(step)) for step in data_path)


def _shown(name: str, limit: int = 80) -> str:
    return repr(name) if len(name) <= limit else repr(name[:limit]) + f"... ({len(name):,} characters)"


def _read(path: Path) -> tuple[Any, Where]:
    from argmap.source import read, read_bytes

    if path.name == "pyproject.toml":
        import tomllib

        raw, why = read_bytes(str(path))
        if raw is None:
            raise ConfigError(f"{_name(path)}: {why}")
        try:
            document = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"{_name(path)}: {error}") from None
        except RecursionError:  # tomllib reads nested arrays and tables recursively
            raise ConfigError(f"{_name(path)}: nested too deeply") from None
        tool = document.get("tool", {})
        table = tool.get("argmap", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{_name(path)}: [tool.argmap] must be a table")
        return table, lambda data_path: f"{_name(path)}: [tool.argmap] {_dotted(data_path)}"
    doc = read(str(path), _name(path))
    if doc.problems:
        first = doc.problems[0]
        raise ConfigError(f"{first.location}: {first.message}")
    data = {} if doc.data is None else doc.data
    if not isinstance(data, dict):
        raise ConfigError(f"{_name(path)}:1:1: the configuration must be a mapping")

    def where(data_path: tuple[Any, ...]) -> str:
        line, column = doc.locate(data_path, key=True)
        return f"{_name(path)}:{line}:{column}: {_dotted(data_path)}"

    return data, where


def _apply(data: dict[str, Any], where: Where, settings: dict[str, RuleSetting], ignores: list[Any], dirs: list[Any],
           base: Path) -> None:
    from argmap.rules import lookup
    from argmap.suggest import did_you_mean

    for key in data:
        if key not in _KEYS:
            raise ConfigError(f"{where((key,))}: unknown setting" + did_you_mean(str(key), _KEYS)
                              + f"; settings are {', '.join(_KEYS)}")
    rules = data.get("rules") or {}
    if not isinstance(rules, dict):
        raise ConfigError(f"{where(('rules',))}: must map rule codes or names to a severity or options")
    for key, value in rules.items():
        rule = _rule(lookup, str(key), where)
        settings[rule.CODE] = _setting(rule, value, settings[rule.CODE], where, ("rules", key))
    patterns = data.get("per-file-ignores") or {}
    if not isinstance(patterns, dict):
        raise ConfigError(f"{where(('per-file-ignores',))}: must map file patterns to rule codes or names")
    for pattern, codes in patterns.items():
        codes = [codes] if isinstance(codes, str) else codes
        if not isinstance(codes, list):
            raise ConfigError(f"{where(('per-file-ignores', pattern))}: must list rule codes or names")
        ignores.append((str(pattern), frozenset(_rule(lookup, str(c), where).CODE for c in codes)))
    source_dirs = data.get("source-dirs") or []
    if not isinstance(source_dirs, list) or not all(isinstance(d, str) for d in source_dirs):
        raise ConfigError(f"{where(('source-dirs',))}: must be a list of folders")
    dirs.extend((base / d) for d in source_dirs)


def _rule(lookup: Callable[[str], Rule], key: str, where: Where) -> Rule:
    try:
        return lookup(key)
    except KeyError as error:
        raise ConfigError(f"{where(('rules', key))}: {error.args[0]}") from None


def _setting(rule: Rule, value: Any, current: RuleSetting, where: Where, data_path: tuple[Any, ...]) -> RuleSetting:
    label = f"rule {rule.CODE} ({rule.NAME})"
    if isinstance(value, str) or value is False:
        return RuleSetting(_severity("off" if value is False else value, label, where, data_path), current.options)
    if not isinstance(value, dict):
        raise ConfigError(f"{where(data_path)}: {label} takes a severity (error, warning, info, off) or a mapping")
    options = dict(current.options)
    severity = current.severity
    for name, option in value.items():
        if name in ("severity", "level"):
            severity = _severity(option, label, where, (*data_path, name))
        elif name in rule.OPTIONS:
            default = rule.OPTIONS[name]
            if type(option) is not type(default):
                raise ConfigError(f"{where((*data_path, name))}: option {name!r} of {label} must be a "
                                  f"{type(default).__name__}, not {option!r}")
            options[name] = option
        else:
            known = ", ".join(["severity", *rule.OPTIONS])
            raise ConfigError(f"{where((*data_path, name))}: {label} has no option {name!r}; it has {known}")
    return RuleSetting(severity, options)


def _severity(value: Any, label: str, where: Where, data_path: tuple[Any, ...]) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError as error:
        raise ConfigError(f"{where(data_path)}: {label}: {error}") from None
