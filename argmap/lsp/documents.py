"""The editor's documents: the text of each open file, read in place of the copy on disk."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from argmap.diagnostics import Diagnostic
from argmap.files import FileSystem, disk_text, text_document
from argmap.yaml.document import Limits, YamlDocument

__all__ = ["Documents", "EditorFiles", "Stamp"]

Stamp = tuple[object, ...]
"""What a file's text was when it was read: the editor's version of an open file, or size and time on disk."""


@dataclass
class Documents:
    """The open documents by real path: their text and the editor's version of it."""

    texts: dict[Path, tuple[int, str]] = field(default_factory=dict)

    def put(self, path: Path, version: int, text: str) -> None:
        self.texts[path] = (version, text)

    def close(self, path: Path) -> None:
        self.texts.pop(path, None)

    def is_open(self, path: Path) -> bool:
        return path in self.texts

    def text(self, path: Path) -> str | None:
        """The text of ``path``: the editor's when it is open, else the file's (None when it cannot be read)."""
        opened = self.texts.get(path)
        if opened is not None:
            return opened[1]
        return disk_text(path)

    def stamp(self, path: Path) -> Stamp:
        opened = self.texts.get(path)
        if opened is not None:
            return ("open", opened[0], len(opened[1]), hash(opened[1]))
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return ("absent",)
        return ("disk", info.st_mtime_ns, info.st_size, info.st_ino)


@dataclass(frozen=True)
class EditorFiles:
    """The file system as the editor sees it: an open document is read from the editor, even unsaved."""

    documents: Documents
    disk: FileSystem = field(default_factory=FileSystem)

    @property
    def label(self) -> str:
        return ""

    def absolute(self, path: Path) -> Path:
        return self.disk.absolute(path)

    def why_not_a_file(self, path: Path) -> str | None:
        return None if self.documents.is_open(path) else self.disk.why_not_a_file(path)

    def is_folder(self, path: Path) -> bool:
        return not self.documents.is_open(path) and self.disk.is_folder(path)

    def absent(self, path: Path) -> bool:
        return not self.documents.is_open(path) and self.disk.absent(path)

    def read(self, path: Path, display: str, limits: Limits) -> YamlDocument:
        opened = self.documents.texts.get(path)
        if opened is None:
            return self.disk.read(path, display, limits)
        return text_document(opened[1], display, limits)

    def yaml_files(self, folder: Path, problems: list[Diagnostic]) -> Iterator[Path]:
        return self.disk.yaml_files(folder, problems)
