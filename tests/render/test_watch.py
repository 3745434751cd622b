"""`argmap serve` loses no save: one made while the first drawing is made, before anything watches the map, or
while a drawing moves the watch to the folders of a new include, is drawn as soon as the watch starts."""

from __future__ import annotations

import contextlib
import json
import queue
import threading
from collections.abc import Iterator

import pytest

from argmap.serve.live import Channel, Options, Preview
from tests.render.test_render import SMALL, write_map
from tests.render.test_serve import save

pytestmark = pytest.mark.needs_dot

WAIT = 60.0
"""Seconds a drawing may take to come out on a loaded machine (a lost save never comes)."""
EXTRA = "argmap: 1\nstatements:\n  extra: {text: {en: EXTRA, fr: EXTRA}, supports: thesis}\n"


@pytest.fixture(autouse=True)
def inside(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def drawn(updates: queue.Queue, version: int) -> dict:
    """The map's data as drawn at ``version``, from the update channel."""
    while True:
        message = updates.get(timeout=WAIT)
        assert message is not None
        payload = json.loads(message[1])
        if message[0] == "map" and payload["version"] >= version:
            assert payload["version"] == version, "a version came that no save made"
            return payload["data"]


def shows(data: dict, text: str) -> bool:
    """Whether a statement of the map's data says ``text``."""
    return text in json.dumps(data["nodes"], ensure_ascii=False)


@pytest.fixture
def during(monkeypatch):
    """``during(version, act)``: ``act()`` runs while ``version`` is being drawn, after its files were read."""
    saves: dict[int, object] = {}
    settled = Preview._settled

    def drawing(self, drawing):
        act = saves.pop(self.version, None)
        if act is not None:
            act()
        return settled(self, drawing)

    monkeypatch.setattr(Preview, "_settled", drawing)
    return saves.__setitem__


@contextlib.contextmanager
def watching(preview: Preview) -> Iterator[None]:
    """``preview`` watched, as `argmap serve` watches it once its first drawing is out."""
    stop = threading.Event()
    thread = threading.Thread(target=preview.watch, args=(stop,), daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(10)
        preview.close()


def test_a_save_made_while_the_first_drawing_is_made_is_drawn(tmp_path, during):
    path = write_map(tmp_path)
    preview = Preview(str(path), Options(), Channel())
    updates = preview.channel.subscribe()
    during(1, lambda: save(path, SMALL.replace("The thesis holds", "The thesis is held")))
    preview.build()  # `argmap serve` draws the map, then watches it
    assert shows(drawn(updates, 1), "The thesis holds")
    with watching(preview):
        assert shows(drawn(updates, 2), "The thesis is held")
        save(path, path.read_text(encoding="utf-8"))  # saved unchanged: nothing to draw
        save(path, SMALL.replace("The thesis holds", "The thesis stands"))
        assert shows(drawn(updates, 3), "The thesis stands")  # the next save is the next version


@pytest.mark.parametrize(("include", "saved"), [
    ("more.yaml", "map.yaml"),  # an include beside the map: the same folder is watched
    ("parts/more.yaml", "map.yaml"),  # an include in another folder: the watch moves
    ("parts/more.yaml", "parts/more.yaml"),  # and the include itself is saved as it is first drawn
])
def test_a_save_made_while_a_new_include_is_drawn_is_drawn(tmp_path, during, include, saved):
    path = write_map(tmp_path)
    (tmp_path / include).parent.mkdir(exist_ok=True)
    save(tmp_path / include, EXTRA)
    preview = Preview(str(path), Options(), Channel())
    updates = preview.channel.subscribe()
    preview.build()
    drawn(updates, 1)
    with watching(preview):
        during(2, lambda: save(tmp_path / saved, (tmp_path / saved).read_text(encoding="utf-8").replace(
            "EXTRA", "SAVED").replace("The thesis holds", "SAVED")))
        save(path, SMALL + f"include: [{include}]\n")
        second = drawn(updates, 2)
        assert shows(second, "EXTRA") and not shows(second, "SAVED")
        assert shows(drawn(updates, 3), "SAVED")
