"""Where a map's files come from: the file system, or a git revision (a map "as of HEAD~1")."""

from __future__ import annotations

import os
import stat
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from argmap.errors import UsageError
from argmap.source import UNREADABLE, Limits, YamlDocument, _fail, parse, read

__all__ = ["Kind", "Files", "FileSystem", "GitRevision", "RevisionError", "YAML_SUFFIXES"]

Kind = Literal["file", "folder", "special", "missing", "unreadable"]
YAML_SUFFIXES = (".yaml", ".yml")


class Files(Protocol):
    """A tree of files a map can be read from."""

    @property
    def label(self) -> str:
        """Put before every path shown to a user ("" for the file system, "REV:" for a git revision)."""
        ...

    def absolute(self, path: Path) -> Path:
        """``path`` made absolute, with ``..`` (and, where the tree has them, symbolic links) resolved."""
        ...

    def kind(self, path: Path) -> Kind:
        """What is at an absolute ``path``."""
        ...

    def read(self, path: Path, display: str, limits: Limits) -> YamlDocument:
        """The YAML document at an absolute ``path``; every failure is a located problem in it."""
        ...

    def yaml_files(self, folder: Path) -> list[Path]:
        """The YAML files below ``folder``, not inside hidden folders, sorted."""
        ...


@dataclass(frozen=True)
class FileSystem:
    """The files on disk."""

    label: str = ""

    def absolute(self, path: Path) -> Path:
        try:
            return Path(os.path.realpath(path))
        except (OSError, ValueError):  # a NUL byte or a loop of links: kind() tells
            return Path(os.path.abspath(path))

    def kind(self, path: Path) -> Kind:
        try:
            mode = os.stat(path).st_mode
        except (FileNotFoundError, NotADirectoryError):
            return "missing"
        except (OSError, ValueError):
            return "unreadable"
        return "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "special"

    def read(self, path: Path, display: str, limits: Limits) -> YamlDocument:
        return read(str(path), display, limits)

    def yaml_files(self, folder: Path) -> list[Path]:
        return sorted(p for suffix in YAML_SUFFIXES for p in folder.rglob(f"*{suffix}")
                      if not any(part.startswith(".") for part in p.relative_to(folder).parts))


class RevisionError(UsageError):
    """A git revision that cannot be read: not a repository, no such revision, git missing."""


@dataclass
class GitRevision:
    """The files of one commit of a git repository, read with ``git`` itself (nothing is checked out)."""

    top: Path
    rev: str
    commit: str
    entries: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Path relative to ``top`` -> (mode, blob id)."""
    folders: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return f"{self.rev}:"

    @classmethod
    def containing(cls, path: Path, rev: str) -> GitRevision:
        """Revision ``rev`` of the repository that holds ``path``. Raises :class:`RevisionError`."""
        if rev.startswith("-") or "\0" in rev:
            raise RevisionError(f"{rev!r} is not a git revision")
        start = Path(path).absolute()
        while not start.is_dir() and start != start.parent:
            start = start.parent
        top = Path(_git(start, "rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip())
        try:
            commit = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
        except RevisionError:
            raise RevisionError(f"{rev!r} is not a revision of the repository at {top}") from None
        tree = cls(Path(os.path.realpath(top)), rev, commit.decode().strip())
        listing = _git(top, "ls-tree", "-r", "-z", "--full-tree", tree.commit)
        for line in listing.split(b"\0"):
            if not line:
                continue
            info, _, name = line.partition(b"\t")
            mode, _, blob = info.decode().split(" ")
            relative = name.decode("utf-8", "surrogateescape")
            tree.entries[relative] = (mode, blob)
            parts = relative.split("/")
            tree.folders.update("/".join(parts[:i]) for i in range(len(parts)))
        return tree

    def _relative(self, path: Path) -> str | None:
        try:
            return path.relative_to(self.top).as_posix() if path != self.top else ""
        except ValueError:
            return None

    def absolute(self, path: Path) -> Path:
        # The paths of a revision are taken as written: symbolic links in it are not followed.
        cwd = Path(os.path.realpath(Path.cwd()))
        return Path(os.path.normpath(path if path.is_absolute() else cwd / path))

    def kind(self, path: Path) -> Kind:
        relative = self._relative(path)
        if relative is None:
            return "missing"
        if relative in self.entries:
            return "file" if self.entries[relative][0] in ("100644", "100755") else "special"
        return "folder" if relative in self.folders else "missing"

    def read(self, path: Path, display: str, limits: Limits) -> YamlDocument:
        relative = self._relative(path)
        entry = self.entries.get(relative or "")
        if entry is None:
            return _fail(YamlDocument(display), UNREADABLE, 0, 0, "no such file in this revision")
        if entry[0] not in ("100644", "100755"):
            return _fail(YamlDocument(display), UNREADABLE, 0, 0, "is not a regular file in this revision")
        size = int(_git(self.top, "cat-file", "-s", entry[1]))
        if size > limits.max_file_bytes:
            return _fail(YamlDocument(display), UNREADABLE, 0, 0,
                         f"file is {size:,} bytes, over the {limits.max_file_bytes:,}-byte limit")
        return parse(_git(self.top, "cat-file", "blob", entry[1]), display, limits)

    def yaml_files(self, folder: Path) -> list[Path]:
        relative = self._relative(folder)
        if relative is None:
            return []
        prefix = f"{relative}/" if relative else ""
        return sorted(self.top / name for name in self.entries
                      if name.startswith(prefix) and name.endswith(YAML_SUFFIXES)
                      and not any(part.startswith(".") for part in name[len(prefix):].split("/")))


def _git(folder: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, timeout=60, check=False)
    except FileNotFoundError:
        raise RevisionError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise RevisionError(f"git {args[0]} took longer than 60 s") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(message[0] if message else f"git {args[0]} failed")
    return done.stdout
