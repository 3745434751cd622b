"""`argmap serve` over HTTP: loopback only, its own two paths only, foreign Host refused, redrawn on save,
a port in use and Ctrl-C as one line and an exit status."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.serve.live import Channel, Options, Preview
from argmap.serve.server import PreviewServer
from tests.conftest import ROOT, run_cli
from tests.render.test_render import SMALL, write_map

pytestmark = pytest.mark.needs_dot


@pytest.fixture(autouse=True)
def inside(tmp_path, monkeypatch):
    """Places are shown relative to the current folder, as they are for a user who serves a map there."""
    monkeypatch.chdir(tmp_path)


@contextlib.contextmanager
def serving(path: Path, options: Options | None = None) -> Iterator[PreviewServer]:
    """``argmap serve`` in this process on a free port, its watcher running, stopped afterwards."""
    preview = Preview(str(path), options or Options(), Channel())
    server = PreviewServer(preview, 0)
    stop = threading.Event()
    preview.build()
    threads = [threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True),
               threading.Thread(target=preview.watch, args=(stop,), daemon=True)]
    for thread in threads:
        thread.start()
    try:
        yield server
    finally:
        stop.set()
        preview.close()
        server.shutdown()
        server.server_close()
        for thread in threads:
            thread.join(5)


def save(path: Path, text: str) -> None:
    """Save ``path`` as an editor that replaces the file does, so that a watcher never reads it half-written (a
    file written in place, read between being emptied and filled, is drawn first as the broken map it then is)."""
    staged = path.with_name(f".{path.name}.saving")
    staged.write_text(text, encoding="utf-8")
    os.replace(staged, path)


def request(server: PreviewServer, path: str, host: str | None = None, method: str = "GET") -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    if host != "":
        connection.putheader("Host", host or f"127.0.0.1:{server.port}")
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def events(server: PreviewServer, until: int, languages: int = 2, deadline: float = 30.0) -> list[tuple[str, dict]]:
    """The update channel's events until version ``until`` is complete: drawn in every language, or found
    impossible to draw."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=deadline)
    connection.request("GET", "/events", headers={"Host": f"localhost:{server.port}"})
    response = connection.getresponse()
    assert response.status == 200 and response.getheader("Content-Type") == "text/event-stream; charset=utf-8"
    seen: list[tuple[str, dict]] = []
    event = ""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        line = response.fp.readline().decode("utf-8").rstrip("\n")
        if line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: "):
            seen.append((event, json.loads(line[6:])))
            done = [payload for kind, payload in seen if payload["version"] >= until
                    and (kind in ("svg", "patch") or payload["data"]["stale"])]
            if len(done) >= languages or any("data" in payload for payload in done):
                break
    connection.close()
    return seen


def test_only_the_page_and_its_updates_are_served_to_the_loopback_name(tmp_path):
    with serving(write_map(tmp_path)) as server:
        status, headers, body = request(server, "/")
        assert status == 200 and body.startswith(b"<!DOCTYPE html>") and b'data-live="1"' in body
        assert headers["Content-Security-Policy"].startswith("default-src 'none'; script-src 'sha256-")
        assert "connect-src 'self'" in headers["Content-Security-Policy"] and headers["X-Content-Type-Options"] == "nosniff"
        assert request(server, "/", host=f"localhost:{server.port}")[0] == 200
        for host in ("evil.example", f"evil.example:{server.port}", f"127.0.0.1.evil.example:{server.port}",
                     "127.0.0.1", f"[::1]:{server.port}", ""):
            status, _, body = request(server, "/", host=host)
            assert (status, body) == (403, b"403 this server answers only to its loopback address\n"), host
        for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/map.yaml", "//etc/passwd", "/index.html",
                     f"http://127.0.0.1:{server.port}/../map.yaml", "/events/../map.yaml"):
            status, _, body = request(server, path)
            assert status == 404 and b"map.yaml" not in body and b"root:" not in body, path
        assert request(server, "/", method="POST")[0] == 405
        assert server.server_address[0] == "127.0.0.1"


def test_a_save_is_pushed_to_the_open_pages(tmp_path):
    path = write_map(tmp_path)
    with serving(path) as server:
        first = events(server, 1)
        assert [event for event, _ in first] == ["map", "svg", "svg"]
        assert {payload["lang"] for event, payload in first if event == "svg"} == {"en", "fr"}
        save(tmp_path / "map.yaml", SMALL.replace("The thesis holds", "The thesis is held"))
        update = events(server, 2)
        patched = {payload["lang"]: payload for event, payload in update if event == "patch" and payload["version"] == 2}
        assert patched["en"]["base"] == 1 and patched["en"]["nodes"] == {
            "thesis": {"lines": ["The thesis is held"], "title": "thesis", "label": "The thesis is held"}}
        assert patched["fr"]["nodes"] == {}  # nothing changed in French
        server.preview.settle()  # dot draws it in the background: the same layout, so nothing more is sent
        replayed = events(server, 2)
        assert [(event, payload["version"]) for event, payload in replayed if event != "map"] == [
            ("svg", 1), ("svg", 1), ("patch", 2), ("patch", 2)]
        status, _, page = request(server, "/")
        assert status == 200 and b"The thesis is held" in page
        # A text that needs a larger box is drawn in full (its language only), and so is a new relation.
        for version, text, drawn in (
                (3, SMALL.replace("The thesis holds", "The thesis holds " + "and holds " * 9), {"en": "svg", "fr": "patch"}),
                (4, SMALL.replace("attacks: objection, supports: thesis", "attacks: objection"), {"en": "svg", "fr": "svg"})):
            save(tmp_path / "map.yaml", text)
            update = events(server, version)
            assert {payload["lang"]: event for event, payload in update
                    if event != "map" and payload["version"] == version} == drawn


def test_a_large_drawing_goes_to_the_pages_in_pieces(tmp_path, monkeypatch):
    import argmap.diagram.html as html_module

    monkeypatch.setattr(html_module, "VIRTUAL", 1)  # this small map counts as large
    with serving(write_map(tmp_path)) as server:
        first = [payload for event, payload in events(server, 1) if event == "svg"]
        assert len(first) == 2 and all("svg" not in payload for payload in first)
        assert all("node-thesis" in payload["pieces"]["ids"] for payload in first)
        assert b'data-pieces="1"' in request(server, "/")[2]


def test_a_patch_that_dot_does_not_confirm_is_followed_by_the_drawing(tmp_path, monkeypatch):
    from argmap.serve import patch

    path = write_map(tmp_path)
    with serving(path) as server:
        events(server, 1)
        monkeypatch.setattr(patch, "verify", lambda before, after, changes: False)  # as if the layout moved
        save(path, SMALL.replace("The thesis holds", "The thesis is held"))
        events(server, 2)
        server.preview.settle()
        update = events(server, 2)
        assert [(event, payload["version"]) for event, payload in update if event != "map"] == [
            ("svg", 2), ("svg", 2)]
        assert "The thesis is held" in next(payload["svg"] for event, payload in update if event == "svg")


def test_a_broken_save_keeps_the_drawing_and_lists_the_located_finding(tmp_path):
    path = write_map(tmp_path)
    with serving(path) as server:
        events(server, 1)
        save(tmp_path / "map.yaml", SMALL.replace("  thesis: {role", "  thesis: [{role"))
        data = [payload["data"] for event, payload in events(server, 2) if event == "map" and payload["version"] == 2]
        assert data[0]["stale"] is True and data[0]["nodes"]  # the last drawing stays
        assert data[0]["findings"][0]["where"] == "map.yaml:8:76" and data[0]["findings"][0]["code"] == "ARG001"
        save(tmp_path / "map.yaml", SMALL.replace("supports: thesis, group", "supports: thesiss, group"))
        data = [payload["data"] for event, payload in events(server, 3) if event == "map" and payload["version"] == 3]
        assert data[0]["stale"] is False and data[0]["problems"] == {"reason": ["ARG101"]}
        errors = [(f["where"], f["code"], f["node"]) for f in data[0]["findings"] if f["severity"] == "error"]
        assert errors == [("map.yaml:9:60", "ARG101", "reason")]
        assert {f["severity"] for f in data[0]["findings"]} >= {"error", "warning"}  # every finding is listed


def test_an_include_added_later_is_watched_too(tmp_path):
    path = write_map(tmp_path, SMALL + "include: [more.yaml]\n")
    save(tmp_path / "more.yaml", "argmap: 1\nstatements:\n  extra: {text: {en: E, fr: E}, supports: thesis}\n")
    with serving(path) as server:
        assert "extra" in events(server, 1)[0][1]["data"]["nodes"]
        save(tmp_path / "more.yaml", "argmap: 1\nstatements:\n  added: {text: {en: A, fr: A}, supports: thesis}\n")
        data = [payload["data"] for event, payload in events(server, 2) if event == "map" and payload["version"] == 2]
        assert "added" in data[0]["nodes"] and "extra" not in data[0]["nodes"]


def test_a_folder_is_served_as_its_map_and_a_broken_root_stays_located(tmp_path):
    from argmap.pipeline import one_map

    folder = tmp_path / "sv"
    folder.mkdir()
    broken = SMALL.replace("  thesis: {role", "  thesis: [{role")
    save(folder / "map.yaml", broken)  # broken from the start
    assert one_map("sv", "serve") == "sv/map.yaml"  # what `argmap serve sv` serves: the root, however it reads
    with serving(Path(one_map("sv", "serve"))) as server:
        first = next(p["data"] for e, p in events(server, 1) if e == "map")
        assert first["findings"][0]["where"] == "sv/map.yaml:8:76" and first["findings"][0]["code"] == "ARG001"
        # Each save is drawn (two saves in quick succession may be drawn as one: not here).
        save(folder / "part.yaml", "argmap: 1\nstatements:\n  extra: {text: {en: E, fr: E}, supports: thesis}\n")
        data = [p["data"] for e, p in events(server, 2) if e == "map" and p["version"] == 2]
        assert data[0]["stale"] is True  # a new file beside the root is checked again: still broken
        save(folder / "map.yaml", SMALL + "include: [part.yaml]\n")  # mended, and more
        data = [p["data"] for e, p in events(server, 3) if e == "map" and p["version"] == 3]
        assert "extra" in data[0]["nodes"] and not [f for f in data[0]["findings"] if f["severity"] == "error"]
        save(folder / "map.yaml", broken + "include: [part.yaml]\n")  # broken again
        data = [p["data"] for e, p in events(server, 4) if e == "map" and p["version"] == 4]
        assert data[0]["findings"][0]["where"] == "sv/map.yaml:8:76" and data[0]["stale"] is True
    # While the root cannot be read, its include looks like a map of its own: a folder is chosen at the start.
    code, out, err = run_cli("serve", "sv", "--port", "0", "--no-browser", cwd=tmp_path)
    assert (code, out) == (2, "") and err == ("argmap serve: sv: argmap serve takes one map, and this folder holds 2"
                                              " (sv/map.yaml, sv/part.yaml); name the map's file\n")


def test_options_that_name_nothing_stop_at_once(tmp_path):
    write_map(tmp_path)
    code, out, err = run_cli("serve", "map.yaml", "--port", "0", "--no-browser", "--lang", "de", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == "argmap serve: the map has no language 'de'; it has en, fr\n"


def test_a_port_in_use_is_one_line_and_status_2(tmp_path):
    write_map(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = run_cli("serve", "map.yaml", "--port", str(port), "--no-browser", cwd=tmp_path)
    assert (code, out, err) == (2, "", f"argmap serve: port {port} on 127.0.0.1 is in use; choose another with --port"
                                       " (--port 0 picks a free one)\n")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is a POSIX signal")
def test_ctrl_c_stops_the_server_cleanly(tmp_path):
    write_map(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    process = subprocess.Popen([sys.executable, "-m", "argmap", "serve", "map.yaml", "--port", "0", "--no-browser"],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith("argmap serve: http://127.0.0.1:") and " shows map.yaml (drawn in " in line
        assert line.endswith(" s); Ctrl-C stops\n")
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert (process.returncode, err) == (130, "argmap: interrupted\n")


def test_a_forgotten_update_is_not_replayed_to_a_page_that_connects():
    channel = Channel()
    for key in ("svg:en", "svg:fr"):
        channel.publish("svg", {"lang": key[4:]}, key=key)
    channel.forget("svg:fr")
    mine = channel.subscribe()
    assert [json.loads(mine.get_nowait()[1]) for _ in range(mine.qsize())] == [{"lang": "en"}]


def reset(port: int, sent: bytes, wait: float = 0.0) -> None:
    """A client that sends ``sent`` and then resets its connection (a page reloaded mid-load)."""
    with socket.create_connection(("127.0.0.1", port)) as client:
        client.sendall(sent)
        time.sleep(wait)
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_a_page_that_resets_its_connection_leaves_no_traceback(tmp_path, capfd):
    with serving(write_map(tmp_path)) as server:
        host = f"Host: 127.0.0.1:{server.port}\r\n\r\n".encode()
        for _ in range(3):
            reset(server.port, b"GET / HTTP/1.1\r\n" + host)
            reset(server.port, b"GET /events HTTP/1.1\r\n" + host, wait=0.2)
            reset(server.port, b"GET / HTT")
        assert request(server, "/")[0] == 200  # still serving
    assert capfd.readouterr().err == ""


def test_a_request_names_one_host_and_connections_are_bounded(tmp_path, monkeypatch):
    from argmap.serve import server as served

    monkeypatch.setattr(served, "CONNECTIONS", 2)
    monkeypatch.setattr(served.Handler, "timeout", 3.0)
    with serving(write_map(tmp_path)) as server:
        idle = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(2)]
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as third:
            assert third.recv(200).startswith(b"HTTP/1.1 503 ")
        for client in idle:  # a connection that sends nothing is closed after the handler's timeout
            assert client.recv(200) == b""
            client.close()
        end = time.monotonic() + 10
        while request(server, "/")[0] != 200 and time.monotonic() < end:  # their threads end just after
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as client:
            client.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nHost: evil.example\r\n\r\n".encode())
            assert client.recv(200).startswith(b"HTTP/1.1 400 ")


def test_links_in_the_folder_neither_stop_the_watcher_nor_hide_an_include(tmp_path):
    path = write_map(tmp_path, SMALL + "include: [more.yaml]\n")
    save(tmp_path / "more.yaml", "argmap: 1\nstatements:\n  extra: {text: {en: E, fr: E}, supports: thesis}\n")
    with serving(path) as server:
        events(server, 1)
        (tmp_path / "loop-a").symlink_to("loop-b")  # a loop of links appears beside the map
        (tmp_path / "loop-b").symlink_to("loop-a")
        (tmp_path / "self").symlink_to("self")
        save(path, SMALL.replace("The thesis holds", "The thesis is held") + "include: [more.yaml]\n")
        assert [p for e, p in events(server, 2) if e == "map" and p["version"] == 2]
        # The include replaced by a link to a file whose name is not a YAML one.
        (tmp_path / "kept").mkdir()
        save(tmp_path / "kept" / "more",
             "argmap: 1\nstatements:\n  linked: {text: {en: L, fr: L}, supports: thesis}\n")
        (tmp_path / ".more.yaml.link").symlink_to("kept/more")
        os.replace(tmp_path / ".more.yaml.link", tmp_path / "more.yaml")  # at once, as an editor replaces a file
        data = [p["data"] for e, p in events(server, 3) if e == "map" and p["version"] == 3]
        assert "linked" in data[0]["nodes"] and "extra" not in data[0]["nodes"]


def test_a_save_keeps_the_layout_chosen_until_the_map_grows_by_half(tmp_path, monkeypatch):
    """serve chooses the layout once and keeps it across saves, so that no save flips the drawing from one
    layout to another; a map that has grown by half is laid out afresh."""
    import argmap.diagram.choose as choosing
    from argmap.diagram.layout import Layout

    chosen: list[int] = []

    def choose(shown, legend=True, timeout=120.0, wrapped=None):
        chosen.append(len(shown.nodes))
        return Layout("LR", 1, 2)

    monkeypatch.setattr(choosing, "choose", choose)
    path = write_map(tmp_path)
    preview = Preview(str(path), Options(), Channel())
    try:
        preview.build()
        assert preview.kept is not None and preview.kept[0] == Layout("LR", 1, 2) and len(chosen) == 1
        save(path, SMALL.replace("  rebuttal:", "  more: {text: One more reason, supports: thesis}\n  rebuttal:"))
        preview.build()
        assert len(chosen) == 1  # one more statement: the layout is kept
        more = "".join(f"  extra-{n}: {{text: Reason {n}, supports: thesis}}\n" for n in range(8))
        save(path, SMALL.replace("  rebuttal:", more + "  rebuttal:"))
        preview.build()
        assert len(chosen) == 2  # twice as many statements: chosen again
    finally:
        preview.close()


@contextlib.contextmanager
def imported(source: Path, folder: Path) -> Iterator[tuple[Path, Preview, str, str]]:
    """A corpus file imported into ``folder`` and previewed once: (its map, the preview, the language, the SVG)."""
    assert run_cli("import", str(source), "-o", "imported", cwd=folder)[0] == 0
    path = folder / "imported" / "map.yaml"
    preview = Preview(str(path), Options(), Channel())
    try:
        preview.build()
        (lang, first), = preview.svgs.items()
        yield path, preview, lang, first
    finally:
        preview.close()


def test_a_save_keeps_the_order_of_the_group_boxes(tmp_path):
    """A save that removes one statement of a debate in 13 groups: dot alone would draw the boxes mirrored;
    serve leads it into them the way that keeps the order of the drawing the pages hold."""
    import yaml

    from tests.render.test_steady import DEBATE, REMOVED, share

    with imported(DEBATE, tmp_path) as (path, preview, lang, first):
        assert preview.starts[lang] == 0  # a first drawing: dot's own way
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        del document["statements"][REMOVED]
        save(path, yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
        preview.build()
        assert share(first, preview.svgs[lang]) >= 0.9 and preview.starts[lang] > 0


def test_a_save_that_joins_two_parts_keeps_the_order_of_every_rank(tmp_path):
    """A save that makes a statement standing apart support one in another group's box (Argdown's primer,
    drawn left to right): the pages' drawing keeps the order of every rank, inside the boxes too."""
    import yaml

    from tests.render.test_steady import PRIMER, order_kept, ranks

    with imported(PRIMER, tmp_path) as (path, preview, lang, first):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        document["statements"]["so-far-we-have-ignored-the"]["supports"] = "this-argdown-document-only"
        save(path, yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
        preview.build()
        kept, pairs = order_kept(ranks(first, "LR"), ranks(preview.svgs[lang], "LR"))
        assert pairs > 20 and kept == pairs
