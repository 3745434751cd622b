"""`argmap serve`'s engine: the map checked and drawn again whenever one of its files changes, and every
update pushed to the open pages as server-sent events."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError, MapError

__all__ = ["Options", "Channel", "Preview", "STEP_MS", "DEBOUNCE_MS"]

STEP_MS = 20
"""Quiet time after a change before redrawing: an editor's save (write, rename) arrives as one change."""
DEBOUNCE_MS = 300
"""The longest a burst of changes is gathered before redrawing anyway."""
_SUFFIXES = {".yaml", ".yml", ".toml"}


@dataclass(frozen=True)
class Options:
    """What to draw, as `argmap render` takes it."""

    lang: str | None = None
    evaluation: str | None = None
    focus: str | None = None
    depth: int = 2
    group: str | None = None
    legend: bool = True
    timeout: float = 120.0
    rankdir: str = "bottom-up"


class Channel:
    """The update channel: each open page has a queue; the last update of each kind is replayed to a page that
    connects, so that it catches up with whatever it missed."""

    def __init__(self, backlog: int = 64) -> None:
        self._lock = threading.Lock()
        self._queues: set[queue.Queue[tuple[str, str] | None]] = set()
        self._last: dict[str, tuple[str, str]] = {}
        self.backlog = backlog

    def subscribe(self) -> queue.Queue[tuple[str, str] | None]:
        mine: queue.Queue[tuple[str, str] | None] = queue.Queue(self.backlog)
        with self._lock:
            for message in self._last.values():
                mine.put_nowait(message)
            self._queues.add(mine)
        return mine

    def unsubscribe(self, mine: queue.Queue[tuple[str, str] | None]) -> None:
        with self._lock:
            self._queues.discard(mine)

    def publish(self, event: str, payload: dict[str, Any], key: str | None = None) -> None:
        message = (event, json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False))
        with self._lock:
            self._last[key or event] = message
            for waiting in list(self._queues):
                try:
                    waiting.put_nowait(message)
                except queue.Full:  # a page that reads nothing is dropped; its browser reconnects
                    self._queues.discard(waiting)
                    _drop(waiting)

    def forget(self, key: str) -> None:
        """No longer replay the last ``key`` update to pages that connect (a language the map dropped)."""
        with self._lock:
            self._last.pop(key, None)

    def close(self) -> None:
        with self._lock:
            for waiting in self._queues:
                _drop(waiting)
            self._queues.clear()


def _drop(waiting: queue.Queue[tuple[str, str] | None]) -> None:
    while True:  # make room for the end-of-stream marker
        try:
            waiting.put_nowait(None)
            return
        except queue.Full:
            with contextlib.suppress(queue.Empty):
                waiting.get_nowait()


class Preview:
    """One map, checked and drawn on demand; the newest data and drawings, and the files to watch."""

    def __init__(self, path: str, options: Options, channel: Channel,
                 log: Callable[[str], None] = lambda line: None) -> None:
        self.path, self.options, self.channel, self.log = path, options, channel, log
        self._lock = threading.Lock()
        self.version = 0
        self.data: dict[str, Any] | None = None
        self.svgs: dict[str, str] = {}
        self.drawn_version = 0
        self.inputs: set[Path] = {Path(path).resolve()}
        self._pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="argmap-draw")

    def close(self) -> None:
        """Stop drawing: drawings not yet started are dropped."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def page(self) -> str:
        """The page as it stands: the newest data and drawings, live."""
        from argmap.diagram.data import blank
        from argmap.diagram.html import page

        with self._lock:
            data = self.data or blank(Path(self.path).name, [])
            return page(data, dict(self.svgs), live=True, version=self.drawn_version)

    def build(self) -> ArgmapError | None:
        """Check and draw the map again; publish the data at once, then the first language's drawing, then
        (in the background, so that a newer save is not kept waiting) the other languages'. Returns the
        error that kept the map from being drawn, if any (it is also published to the pages)."""
        from argmap.linter import paused_gc

        # The collector would rescan every object of the map for each drawing, a quarter of the time of a
        # large one; garbage is collected once the first drawing is out.
        with paused_gc():
            failed = self._build()
        gc.collect()
        return failed

    def _build(self) -> ArgmapError | None:
        from argmap.cli.common import checked_map
        from argmap.diagram.data import blank, findings, page_data
        from argmap.diagram.drawing import prepare
        from argmap.diagram.html import embeddable

        started = time.monotonic()
        with self._lock:
            self.version += 1
            version = self.version
        try:
            checked = checked_map(self.path, "render", allow_errors=True)
            assert checked.amap is not None
            o = self.options
            drawing = prepare(checked.amap, o.lang, o.evaluation, o.focus, o.depth, o.group, o.legend, o.timeout,
                              o.rankdir, None, checked.diagnostics)
        except ArgmapError as error:
            # Nothing new can be drawn: the page keeps its last drawing and lists why.
            found = findings(error.diagnostics) if isinstance(error, MapError) and error.diagnostics else []
            found = found or [{"where": "", "severity": "error", "code": "", "name": "", "message": str(error),
                               "node": None}]
            with self._lock:
                data = dict(self.data or blank(Path(self.path).name, []), findings=found, stale=True)
                self.data = data
            self.channel.publish("map", {"version": version, "data": data})
            if version > 1:
                self.log(f"cannot draw the map: {len(found)} finding{'s' if len(found) != 1 else ''}")
            return error
        self.inputs = {path.resolve() for path in checked.inputs} | {Path(self.path).resolve()}
        data = page_data(drawing)
        with self._lock:
            self.data = data
            # A language the map no longer has is neither served nor replayed; the pages drop it from their
            # switch when the data below reaches them (and a new one appears there, its drawing following).
            for code in [code for code in self.svgs if code not in data["languages"]]:
                del self.svgs[code]
                self.channel.forget(f"svg:{code}")
        self.channel.publish("map", {"version": version, "data": data})
        first, *rest = [drawing.lang, *(code for code in drawing.amap.languages if code != drawing.lang)]

        def draw(lang: str) -> None:
            from argmap.linter import paused_gc

            if self.version != version:
                return  # a newer change is being drawn already
            try:
                with paused_gc():
                    svg = embeddable(drawing.draw("svg", lang, self.options.timeout))
            except ArgmapError as error:
                failed = [*data["findings"], {"where": "", "severity": "error", "code": "", "name": "",
                                              "message": str(error), "node": None}]
                self.channel.publish("map", {"version": version, "data": dict(data, findings=failed)})
                return
            with self._lock:
                if self.version != version:
                    return
                self.svgs[lang] = svg
                self.drawn_version = version
            self.channel.publish("svg", {"version": version, "lang": lang, "svg": svg}, key=f"svg:{lang}")

        draw(first)
        errors = len(checked.errors)
        if version > 1:  # the first drawing is announced with the server's address
            self.log(f"redrawn in {time.monotonic() - started:.2f} s"
                     + (f" ({errors} error{'s' if errors != 1 else ''}, marked)" if errors else ""))
        with contextlib.suppress(RuntimeError):  # the server is stopping: no more drawings
            for lang in rest:
                self._pool.submit(draw, lang)
        return None

    def watch(self, stop: threading.Event) -> None:
        """Redraw whenever a file of the map changes, until ``stop`` is set. The folders that hold the map's
        files are watched (an editor may save by replacing a file), and a new YAML file there may be a
        new include, so it counts too."""
        import watchfiles

        while not stop.is_set():
            inputs = set(self.inputs)
            folders = sorted({path.parent for path in inputs if path.parent.is_dir()})
            if not folders:
                stop.wait(0.5)
                continue
            for changes in watchfiles.watch(*folders, stop_event=stop, step=STEP_MS, debounce=DEBOUNCE_MS,
                                            recursive=False, raise_interrupt=False):
                changed = {Path(name).resolve() for _, name in changes}
                if changed & inputs or any(path.suffix in _SUFFIXES for path in changed):
                    self.build()
                if self.inputs != inputs:
                    break  # the map's files changed (an include added or removed): watch the new set

