"""Where a map's files come from: the file system, or a git revision (a map "as of HEAD~1")."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from argmap.codes import UNREADABLE
from argmap.diagnostics import Diagnostic
from argmap.errors import UsageError
from argmap.source import Limits, YamlDocument, fail, os_reason, parse, printable, read, read_bytes, refusal

__all__ = ["Files", "FileSystem", "GitRevision", "RevisionError", "YAML_SUFFIXES", "printable"]

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

    def why_not_a_file(self, path: Path) -> str | None:
        """None when a regular file is at ``path``; else why not, as the end of a sentence naming it."""
        ...

    def is_folder(self, path: Path) -> bool:
        ...

    def absent(self, path: Path) -> bool:
        """Whether nothing at all is at ``path`` (a name the tree refuses is not absent: it is wrong)."""
        ...

    def read(self, path: Path, display: str, limits: Limits) -> YamlDocument:
        """The YAML document at an absolute ``path``; every failure is a located problem in it."""
        ...

    def yaml_files(self, folder: Path, problems: list[Diagnostic]) -> Iterator[Path]:
        """The YAML files below ``folder``, not inside hidden folders; a folder that cannot be listed is
        a problem added to ``problems``."""
        ...


@dataclass(frozen=True)
class FileSystem:
    """The files on disk."""

    label: str = ""

    def absolute(self, path: Path) -> Path:
        try:
            return Path(os.path.realpath(path))
        except (OSError, ValueError):  # a NUL byte, or an unencodable name: then lexically
            return Path(os.path.abspath(path))

    def why_not_a_file(self, path: Path) -> str | None:
        try:
            return refusal(os.stat(path))
        except (OSError, ValueError) as error:
            return os_reason(error, str(path))

    def is_folder(self, path: Path) -> bool:
        try:
            return os.path.isdir(path)
        except ValueError:
            return False

    def absent(self, path: Path) -> bool:
        try:
            os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            return True
        except (OSError, ValueError):
            return False
        return False

    def read(self, path: Path, display: str, limits: Limits) -> YamlDocument:
        return read(str(path), display, limits)

    def yaml_files(self, folder: Path, problems: list[Diagnostic]) -> Iterator[Path]:
        # Iterative, so that no depth of folders exhausts the stack; links to folders are not followed, and a
        # link to a file outside the folder is named, unread: checking a folder reads nothing outside it.
        pending = [folder]
        found: list[Path] = []
        inside = self.absolute(folder)
        while pending:
            current = pending.pop()
            try:
                with os.scandir(current) as entries:
                    listed = list(entries)
            except OSError as error:  # a folder left unchecked must not pass silently
                problems.append(Diagnostic(printable(str(current)), 0, 0, f"folder {os_reason(error)}", UNREADABLE))
                continue
            for entry in listed:
                if entry.name.startswith("."):
                    continue
                if entry.name.endswith(YAML_SUFFIXES):
                    path = current / entry.name
                    if _is_link(entry) and inside not in self.absolute(path).parents:
                        problems.append(Diagnostic(printable(str(path)), 0, 0, "is a link to a file outside the folder,"
                                                   " left unread; name that file itself to read it", UNREADABLE,
                                                   "unreadable-file"))
                    else:
                        found.append(path)
                elif _is_folder(entry):
                    pending.append(current / entry.name)
        return iter(sorted(found))


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


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
            # Named first and peeled after: a suffix written onto `:/message` would be part of the message.
            named = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev).decode().strip()
            commit = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{named}^{{commit}}")
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

    @staticmethod
    def head(path: Path) -> str | None:
        """The commit id that HEAD names in the repository holding ``path`` (None: no repository, no commit)."""
        start = Path(path).absolute()
        while not start.is_dir() and start != start.parent:
            start = start.parent
        try:
            return _git(start, "rev-parse", "--verify", "--quiet", "HEAD").decode().strip() or None
        except RevisionError:
            return None

    def _relative(self, path: Path) -> str | None:
        try:
            return path.relative_to(self.top).as_posix() if path != self.top else ""
        except ValueError:
            return None

    def absolute(self, path: Path) -> Path:
        # The paths of a revision are taken as written: symbolic links in it are not followed.
        cwd = Path(os.path.realpath(Path.cwd()))
        return Path(os.path.normpath(path if path.is_absolute() else cwd / path))

    def why_not_a_file(self, path: Path) -> str | None:
        relative = self._relative(path)
        entry = self.entries.get(relative) if relative is not None else None
        if entry is not None:
            return None if entry[0] in ("100644", "100755") else "is not a regular file in this revision"
        return "is a folder, not a file" if relative in self.folders else "does not exist in this revision"

    def is_folder(self, path: Path) -> bool:
        return self._relative(path) in self.folders

    def absent(self, path: Path) -> bool:
        relative = self._relative(path)
        return relative is None or (relative not in self.entries and relative not in self.folders)

    def read(self, path: Path, display: str, limits: Limits) -> YamlDocument:
        relative = self._relative(path)
        entry = self.entries.get(relative or "")
        if entry is None:
            return fail(YamlDocument(display), UNREADABLE, 0, 0, "no such file in this revision")
        if entry[0] not in ("100644", "100755"):
            return fail(YamlDocument(display), UNREADABLE, 0, 0, "is not a regular file in this revision")
        size = int(_git(self.top, "cat-file", "-s", entry[1]))
        if size > limits.max_file_bytes:
            return fail(YamlDocument(display), UNREADABLE, 0, 0,
                         f"file is {size:,} bytes, over the {limits.max_file_bytes:,}-byte limit")
        return parse(_git(self.top, "cat-file", "blob", entry[1]), display, limits)

    def yaml_files(self, folder: Path, problems: list[Diagnostic]) -> Iterator[Path]:
        relative = self._relative(folder)
        if relative is None:
            return iter(())
        prefix = f"{relative}/" if relative else ""
        return iter(sorted(self.top / name for name in self.entries
                           if name.startswith(prefix) and name.endswith(YAML_SUFFIXES)
                           and not any(part.startswith(".") for part in name[len(prefix):].split("/"))))


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


def disk_text(path: Path) -> str | None:
    """The text of a file on disk, read within a map file's limits (None when it cannot be read)."""
    raw, _ = read_bytes(str(path))
    return None if raw is None else raw.decode("utf-8-sig", "replace")


def text_document(text: str, display: str, limits: Limits) -> YamlDocument:
    """A file's text held in memory (an editor's unsaved buffer) read as a map file: refused over the size
    limit, as the same file on disk would be."""
    raw = text.encode("utf-8", "surrogatepass")
    if len(raw) > limits.max_file_bytes:
        return fail(YamlDocument(display), UNREADABLE, 0, 0,
                    f"file is {len(raw):,} bytes, over the {limits.max_file_bytes:,}-byte limit")
    return parse(raw, display, limits)
