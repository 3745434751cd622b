"""`argmap serve`'s watcher: the folders that hold the map's files, watched for saves, none of them missed; a save
made while nothing watched (during the first drawing, or while the watch moves to other folders) is found by
comparing the files with what the last drawing read."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from argmap.files import disk_text

if TYPE_CHECKING:
    from watchfiles._rust_notify import RustNotify

__all__ = ["STEP_MS", "DEBOUNCE_MS", "SUFFIXES", "places", "folders", "Seen", "watch"]

STEP_MS = 20
"""Quiet time after a change before redrawing: an editor's save (write, rename) arrives as one change."""
DEBOUNCE_MS = 300
"""The longest a burst of changes is gathered before redrawing anyway."""
SUFFIXES = frozenset({".yaml", ".yml", ".toml"})
"""A file of these beside the map's files counts as a change of the map: it may be a new include."""


def places(path: Path) -> set[Path]:
    """Where a file is: its absolute path and, when that is a link, where the link leads (a loop of links
    leads nowhere). A change is named by either: an include replaced by a link to a file of another name
    is still the include."""
    absolute = Path(os.path.abspath(path))
    try:
        return {absolute, absolute.resolve()}
    except (OSError, RuntimeError):  # RuntimeError: a loop of links (Python before 3.13)
        return {absolute}


def folders(inputs: Iterable[Path]) -> list[Path]:
    """The folders to watch for the files ``inputs``: those that hold them."""
    return sorted({path.parent for path in inputs if path.parent.is_dir()})


_CHANGED = b""
"""The content of a file changed as a drawing read it: never the same as now (a digest is never empty)."""


def _content(path: Path) -> bytes | None:
    text = disk_text(path)  # within a map file's limits: nothing large, no FIFO, is read
    return None if text is None else hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _changed(path: Path) -> int:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return 0
    return max(info.st_mtime_ns, info.st_ctime_ns)


def _names(folder: Path) -> frozenset[str]:
    try:
        with os.scandir(folder) as entries:
            return frozenset(entry.name for entry in entries if Path(entry.name).suffix in SUFFIXES)
    except OSError:
        return frozenset()


@dataclass(frozen=True)
class Seen:
    """The map's files as a drawing read them: each one's content (a digest; None when it could not be read)
    and the names of the files beside them that count (see :data:`SUFFIXES`)."""

    started: int
    """When the drawing started to read them (ns since the epoch)."""
    contents: Mapping[Path, bytes | None]
    names: Mapping[Path, frozenset[str]]

    @classmethod
    def of(cls, inputs: Iterable[Path]) -> Seen:
        """The files ``inputs`` as they are now, before a drawing reads them."""
        inputs = set(inputs)
        return cls(time.time_ns(), {path: _content(path) for path in inputs},
                   {folder: _names(folder) for folder in folders(inputs)})

    def after(self, inputs: Iterable[Path]) -> Seen:
        """These files once the drawing has read them and ``inputs``, the files it found it reads (an include):
        each as it is now, or as changed if it changed since the drawing started (it may have been saved after
        it was read: what the drawing read is not known)."""
        inputs = set(inputs) | set(self.contents)
        contents = {path: self._read(path) for path in inputs}
        names = {folder: _names(folder) for folder in folders(inputs) if folder not in self.names}
        return replace(self, contents=contents, names={**self.names, **names})

    def _read(self, path: Path) -> bytes | None:
        if path in self.contents:
            now = _content(path)
            return now if now == self.contents[path] else _CHANGED
        return _CHANGED if _changed(path) >= self.started else _content(path)

    def outdated(self, inputs: Iterable[Path]) -> bool:
        """Whether one of the files ``inputs`` changed since, or a file that counts came or went beside them."""
        inputs = set(inputs)
        return (any(_content(path) != seen for path, seen in self.contents.items() if path in inputs)
                or any(_names(folder) != seen for folder, seen in self.names.items() if folder in folders(inputs)))


class Watched(Protocol):
    """What the watcher redraws: the map's files, what its last drawing read of them, and the redraw."""

    inputs: set[Path]
    seen: Seen | None

    def build(self) -> Any: ...


def watch(preview: Watched, stop: threading.Event) -> None:
    """Redraw ``preview`` whenever one of its files changes, until ``stop`` is set. One watch runs on the
    folders that hold the map's files (an editor may save by replacing a file, and a new YAML file there may
    be a new include); it moves only when those folders change, the new one started before the old one ends.
    Once a watch has started, whatever changed since the last drawing read the files is drawn; a change is drawn
    only if a file is not as the last drawing read it."""
    notify: RustNotify | None = None
    watched: list[Path] = []
    try:
        while not stop.is_set():
            wanted = folders(preview.inputs)
            if notify is None or wanted != watched:
                started = _started(wanted)
                if notify is not None:
                    notify.close()
                notify, watched = started, wanted
                if notify is None:  # no folder to watch (yet)
                    stop.wait(0.5)
                    continue
                if preview.seen is None or preview.seen.outdated(preview.inputs):
                    preview.build()  # saved while nothing watched
                continue
            changes = notify.watch(DEBOUNCE_MS, STEP_MS, 0, stop)
            if _counts(changes, preview.inputs) and (preview.seen is None or preview.seen.outdated(preview.inputs)):
                preview.build()  # (a change already drawn, its file as the last drawing read it, is not drawn again)
    finally:
        if notify is not None:
            notify.close()


def _counts(changes: set[tuple[int, str]] | str, inputs: set[Path]) -> bool:
    """Whether ``changes`` (a word: the watch stopped or waited in vain) are to one of the map's files ``inputs`` or
    to a file that counts beside them."""
    if isinstance(changes, str):
        return False
    changed = {place for _, name in changes for place in places(Path(name))}
    return bool(changed & inputs) or any(path.suffix in SUFFIXES for path in changed)


def _started(wanted: list[Path]) -> RustNotify | None:
    """A watch of the folders ``wanted``, collecting every change from now on (None: none to watch)."""
    from watchfiles._rust_notify import RustNotify  # watchfiles' own core: it watches from the moment it is made
    from watchfiles.main import _default_force_polling, _default_poll_delay_ms

    if not wanted:
        return None
    try:
        return RustNotify([str(folder) for folder in wanted], False, _default_force_polling(None),
                          _default_poll_delay_ms(300), False, False)
    except FileNotFoundError:  # a folder went meanwhile
        return None
