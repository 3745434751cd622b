"""The loopback HTTP server of `argmap serve`: its page and its update channel, nothing else, and only to
requests that name it by its loopback name (so that no other site can reach it through DNS rebinding)."""

from __future__ import annotations

import contextlib
import errno
import queue
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from argmap.diagram.html import policy
from argmap.serve.live import Channel, Preview

__all__ = ["PreviewServer", "HOST", "KEEPALIVE", "CONNECTIONS", "TIMEOUT"]

HOST = "127.0.0.1"
KEEPALIVE = 15.0
"""Seconds between comments on an idle update channel, so that a closed page is noticed."""
CONNECTIONS = 64
"""Connections served at once (a thread each); more are answered 503 and closed."""
TIMEOUT = 30.0
"""Seconds a connection may keep the server waiting for a request, or for a write to be taken."""
_BUSY = b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\nRetry-After: 1\r\n\r\n"


class PreviewServer(ThreadingHTTPServer):
    """Serves one :class:`Preview` on ``127.0.0.1:port`` (0: any free port), a thread per connection."""

    daemon_threads = True

    def __init__(self, preview: Preview, port: int) -> None:
        from argmap.errors import UsageError

        self.preview = preview
        self.closing = threading.Event()
        self._slots = threading.BoundedSemaphore(CONNECTIONS)
        try:
            super().__init__((HOST, port), Handler)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise UsageError(f"port {port} on {HOST} is in use; choose another with --port"
                                 " (--port 0 picks a free one)") from None
            raise UsageError(f"cannot listen on {HOST}:{port}: {error.strerror or error}") from None
        self.port = self.server_address[1]
        self.hosts = {f"{HOST}:{self.port}", f"localhost:{self.port}"}

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    @property
    def channel(self) -> Channel:
        return self.preview.channel

    def process_request(self, request: Any, client_address: Any) -> None:
        """A thread for the connection while there are fewer than :data:`CONNECTIONS`; else 503 and closed."""
        if not self._slots.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.settimeout(1.0)
                request.sendall(_BUSY)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A page closed or reloaded mid-answer is no error; anything else is a bug, shown as one."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    def server_close(self) -> None:
        self.closing.set()
        self.channel.close()
        super().server_close()


class Handler(BaseHTTPRequestHandler):
    """``/`` is the page and ``/events`` its update channel; anything else is refused."""

    server: PreviewServer
    protocol_version = "HTTP/1.1"
    server_version = "argmap"
    sys_version = ""
    timeout = TIMEOUT

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _refuse(self, status: int, reason: str, allow: str | None = None) -> None:
        body = f"{status} {reason}\n".encode()
        self.send_response(status)
        self._headers("text/plain; charset=utf-8", len(body))
        if allow:
            self.send_header("Allow", allow)
        self.end_headers()
        self.wfile.write(body)

    def _headers(self, kind: str, length: int | None) -> None:
        self.send_header("Content-Type", kind)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", policy(live=True) + "; frame-ancestors 'none'")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")

    def _answer(self, body: bool) -> None:
        hosts = self.headers.get_all("Host") or [""]
        if len(hosts) > 1:
            self._refuse(400, "a request names one host")
            return
        if hosts[0] not in self.server.hosts:
            # DNS rebinding: a page of another site whose name now points at 127.0.0.1 sends its own Host.
            self._refuse(403, "this server answers only to its loopback address")
            return
        path = self.path.split("?", 1)[0]
        if path == "/":
            page = self.server.preview.page().encode("utf-8")
            self.send_response(200)
            self._headers("text/html; charset=utf-8", len(page))
            self.end_headers()
            if body:
                self.wfile.write(page)
        elif path == "/events" and body:
            self._stream()
        else:
            self._refuse(404, "not found: this server has its page (/) and its updates (/events) only")

    def _stream(self) -> None:
        self.send_response(200)
        self._headers("text/event-stream; charset=utf-8", None)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        mine = self.server.channel.subscribe()
        try:
            while not self.server.closing.is_set():
                try:
                    message = mine.get(timeout=KEEPALIVE)
                except queue.Empty:
                    self.wfile.write(b": idle\n\n")
                    self.wfile.flush()
                    continue
                if message is None:
                    return
                event, data = message
                self.wfile.write(f"event: {event}\ndata: {data}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return  # the page was closed
        finally:
            self.server.channel.unsubscribe(mine)

    def do_POST(self) -> None:
        self._refuse(405, "method not allowed", allow="GET, HEAD")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_POST

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not logged: the terminal shows the redraws."""
