"""`argmap serve`'s engine: the map checked and drawn again whenever one of its files changes, and every
update pushed to the open pages as server-sent events."""

from __future__ import annotations

import concurrent.futures
import contextlib
import gc
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError, MapError
from argmap.serve.channel import Channel
from argmap.serve.watch import DEBOUNCE_MS, STEP_MS, Seen, places, watch

if TYPE_CHECKING:
    from argmap.diagram.drawing import Drawing
    from argmap.diagram.layout import Layout
    from argmap.diagram.view import View

__all__ = ["Options", "Channel", "Preview", "STEP_MS", "DEBOUNCE_MS", "places"]


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
    rankdir: str = "auto"


class Preview:
    """One map, checked and drawn on demand; the newest data and drawings, and the files to watch.

    A save that changes only texts, each box keeping its size, is sent as a patch (the new texts of those
    boxes) that the pages apply to the drawing they hold, without dot; dot then draws the map again in the
    background, and only if its drawing is not the patched one (which the boxes' sizes being argmap's own
    make rare) is the new drawing sent. Anything else (a relation, a group, a box's size) is drawn in full.
    """

    def __init__(self, path: str, options: Options, channel: Channel,
                 log: Callable[[str], None] = lambda line: None) -> None:
        self.path, self.options, self.channel, self.log = path, options, channel, log
        self._lock = threading.Lock()
        self.version = 0
        self.data: dict[str, Any] | None = None
        self.svgs: dict[str, str] = {}
        """Each language's drawing as the pages hold it (before any patch)."""
        self.starts: dict[str, int] = {}
        """The way into the group boxes each language's drawing took (argmap.diagram.steady)."""
        self.bases: dict[str, tuple[int, View]] = {}
        """Each language's drawing's version and view: what patches apply to."""
        self.touched: dict[str, frozenset[str]] = {}
        """The boxes patched since each language's drawing was made."""
        self.inputs: set[Path] = places(Path(path))
        self.seen: Seen | None = None
        """The map's files as the last drawing read them: what the watcher compares them with when it starts."""
        self.kept: tuple[Layout, int] | None = None
        """The layout chosen for the map (``--rankdir auto``) and its number of nodes then: kept across saves."""
        self._cancel = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="argmap-draw")
        self._pending: list[Future[object]] = []

    def close(self) -> None:
        """Stop drawing: drawings not yet started are dropped, the ones running stopped."""
        self._cancel.set()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def settle(self, timeout: float = 60.0) -> None:
        """Wait until the drawings and checks running in the background are done."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:  # a background update may start a check of its own
            with self._lock:
                pending = [future for future in self._pending if not future.done()]
                self._pending = pending
            if not pending:
                return
            concurrent.futures.wait(pending, end - time.monotonic())

    def page(self) -> str:
        """The page as it stands: the newest data and drawings, live."""
        from argmap.diagram.data import blank
        from argmap.diagram.html import page

        with self._lock:
            data = self.data or blank(Path(self.path).name, [])
            versions = {lang: version for lang, (version, _) in self.bases.items()}
            return page(data, dict(self.svgs), live=True, version=versions)

    def build(self) -> ArgmapError | None:
        """Check the map again; publish the first language's patch and then the map's data, or the data and
        then the first language's new drawing; then (in the background, so that a newer save is not kept
        waiting) the other languages'. Returns the error that kept the map from being drawn, if any (it is
        also published to the pages)."""
        from argmap.linter import paused_gc

        # The collector would rescan every object of the map for each drawing, a quarter of the time of a
        # large one; garbage is collected once the first drawing is out.
        with paused_gc():
            failed = self._build()
        gc.collect()
        return failed

    def _build(self) -> ArgmapError | None:
        from argmap.diagram.data import blank, findings, page_data
        from argmap.diagram.drawing import prepare
        from argmap.pipeline import checked_map

        started = time.monotonic()
        with self._lock:
            self.version += 1
            version = self.version
            self._cancel.set()  # what older saves still draw is not wanted any more
            cancel = self._cancel = threading.Event()
        seen, inputs = Seen.of(self.inputs), self.inputs  # before they are read: a save from now on is newer
        try:
            checked = checked_map(self.path, "render", allow_errors=True)
            assert checked.amap is not None
            inputs = {place for path in [*checked.inputs, Path(self.path)] for place in places(path)}
            self.seen = seen.after(inputs)
            o = self.options
            drawing = self._settled(replace(prepare(checked.amap, o.lang, o.evaluation, o.focus, o.depth, o.group,
                                                    o.legend, o.timeout, o.rankdir, None, checked.diagnostics,
                                                    checked.graph, checked.schemes), sized=True))
        except ArgmapError as error:
            self.seen = seen.after(inputs)
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
        self.inputs = inputs
        first, *rest = [drawing.lang, *(code for code in drawing.amap.languages if code != drawing.lang)]
        # A patch goes out before the data (the page's texts, findings and panel), which a page takes longer
        # to read than to apply a patch; a new drawing waits for dot, so the data goes out first.
        shown, patched = self._patch(drawing, first, version, cancel)
        sent = time.monotonic()
        data = page_data(drawing)
        with self._lock:
            self.data = data
            # A language the map no longer has is neither served nor replayed; the pages drop it from their
            # switch when the data below reaches them (and a new one appears there, its drawing following).
            for code in [code for code in self.svgs if code not in data["languages"]]:
                del self.svgs[code]
                self.starts.pop(code, None)
                self.bases.pop(code, None)
                self.touched.pop(code, None)
                self.channel.forget(f"svg:{code}")
                self.channel.forget(f"patch:{code}")
        self.channel.publish("map", {"version": version, "data": data})
        if not patched:
            self._draw(drawing, first, shown, version, cancel)
            sent = time.monotonic()
        errors = len(checked.errors)
        if version > 1:  # the first drawing is announced with the server's address; the time is until it was sent
            self.log(f"redrawn in {sent - started:.2f} s" + (" (texts only)" if patched else "")
                     + (f" ({errors} error{'s' if errors != 1 else ''}, marked)" if errors else ""))
        for lang in rest:
            self._submit(self._update, drawing, lang, version, cancel)
        return None

    def _settled(self, drawing: Drawing) -> Drawing:
        """``drawing`` with the layout the previous saves were drawn in, so that a save never flips it; it is
        chosen again only once the map has grown or shrunk by half since."""
        from argmap.diagram.choose import kept

        nodes = drawing.graph.number_of_nodes()
        if (layout := kept(self.kept, nodes)) is not None:
            drawing = replace(drawing, layout=layout)
        drawing = drawing.settled(timeout=self.options.timeout)
        if drawing.layout is not None and (self.kept is None or drawing.layout != self.kept[0]):
            self.kept = (drawing.layout, nodes)
        return drawing

    def _submit(self, work: Callable[..., object], *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the server is stopping: no more drawings
            future = self._pool.submit(work, *args)
            with self._lock:
                self._pending = [*(f for f in self._pending if not f.done()), future]

    def _update(self, drawing: Drawing, lang: str, version: int, cancel: threading.Event) -> None:
        """Bring the pages' drawing in ``lang`` up to ``version``: a patch, else a new drawing."""
        shown, patched = self._patch(drawing, lang, version, cancel)
        if not patched:
            self._draw(drawing, lang, shown, version, cancel)

    def _patch(self, drawing: Drawing, lang: str, version: int, cancel: threading.Event) -> tuple[View, bool]:
        """``lang``'s view of ``version``, and whether a patch brought the pages up to it: when only texts
        changed (then checked by dot in the background), or the change is already outdated."""
        from argmap.serve.patch import patch

        shown = drawing.view(lang)
        with self._lock:
            base, touched = self.bases.get(lang), self.touched.get(lang, frozenset())
        changes = patch(base[1], shown, touched) if base is not None else None
        if base is None or changes is None:
            return shown, self.version != version
        with self._lock:
            if self.version != version:
                return shown, True  # a newer change is being drawn already
            self.touched[lang] = touched | set(changes)
        self.channel.publish("patch", {"version": version, "lang": lang, "base": base[0], "nodes": changes},
                             key=f"patch:{lang}")
        self._submit(self._verify, drawing, lang, shown, version, base[0], changes, cancel)
        return shown, True

    def _verify(self, drawing: Drawing, lang: str, shown: View, version: int, base: int, changes: dict[str, Any],
                cancel: threading.Event) -> None:
        """Draw ``version`` in full and compare it with the patched drawing; send it only if they differ."""
        from argmap.serve.patch import verify

        svg = self._svg(drawing, lang, shown, version, cancel)
        if svg is None or cancel.is_set():
            return  # not wanted any more: a newer save is being checked, and this would slow it down
        with self._lock:
            held = self.svgs.get(lang) if self.bases.get(lang, (None,))[0] == base else None
        if held is not None and verify(held, svg, changes):
            return  # the pages show exactly this drawing already
        self.log(f"the layout changed: {lang} drawn in full")
        self._commit(lang, shown, version, svg)

    def _draw(self, drawing: Drawing, lang: str, shown: View, version: int, cancel: threading.Event) -> bool:
        svg = self._svg(drawing, lang, shown, version, cancel)
        return svg is not None and self._commit(lang, shown, version, svg)

    def _svg(self, drawing: Drawing, lang: str, shown: View, version: int, cancel: threading.Event) -> str | None:
        """dot's drawing of ``shown``, or None when it is no longer wanted or failed (then said on the page)."""
        from argmap.diagram.graphviz_run import Cancelled
        from argmap.diagram.html import embeddable
        from argmap.linter import paused_gc

        if self.version != version:
            return None
        try:
            with paused_gc():
                drawing = self._steadied(drawing, lang, shown)
                svg = embeddable(drawing.draw("svg", lang, self.options.timeout, shown, cancel))
            with self._lock:
                self.starts[lang] = drawing.start or 0
            return svg
        except Cancelled:
            return None
        except ArgmapError as error:
            with self._lock:
                data = self.data if self.version == version else None
            if data is not None:
                failed = [*data["findings"], {"where": "", "severity": "error", "code": "", "name": "",
                                              "message": str(error), "node": None}]
                self.channel.publish("map", {"version": version, "data": dict(data, findings=failed)})
            return None

    def _steadied(self, drawing: Drawing, lang: str, shown: View) -> Drawing:
        """``drawing`` in ``lang`` led into its group boxes the way that keeps most of the order of the drawing
        the pages hold (on a tie, the way that drawing took), so that a save does not mirror the boxes."""
        from argmap.diagram.steady import placed

        with self._lock:
            held, earlier = self.svgs.get(lang), self.starts.get(lang, 0)
        if held is not None and drawing.start is None:
            drawing = replace(drawing, places=placed(held.encode("utf-8")), started=earlier)
        return drawing.settled(shown, timeout=self.options.timeout)

    def _commit(self, lang: str, shown: View, version: int, svg: str) -> bool:
        """Make ``svg`` the drawing of ``lang`` that pages hold and patches apply to, and send it."""
        from argmap.diagram.html import large

        with self._lock:
            if self.version != version:
                return False
            self.svgs[lang] = svg
            self.bases[lang] = (version, shown)
            self.touched[lang] = frozenset()
            self.channel.forget(f"patch:{lang}")
        # A large drawing goes out in pieces, as the page holds it (argmap.diagram.pieces).
        cut = large(svg)
        drawn = {"pieces": cut} if cut is not None else {"svg": svg}
        self.channel.publish("svg", {"version": version, "lang": lang, **drawn}, key=f"svg:{lang}")
        return True

    def watch(self, stop: threading.Event) -> None:
        """Redraw whenever a file of the map changes, until ``stop`` is set (:func:`argmap.serve.watch.watch`)."""
        watch(self, stop)
