"""The server's protocol: what pygls keeps of each message is let go once it is handled."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.lsp import create_server


def test_a_handled_notification_leaves_nothing_behind():
    server = create_server()
    seen: list[Any] = []

    @server.feature("argmap/probe")  # a notification handled by a generator, as pygls's own handlers are
    def probe(ls: Any, params: Any) -> Iterator[None]:
        seen.append(params)
        yield from ()

    for number in range(100):  # every edit is such a notification (didChange): none may be kept for good
        server.protocol._handle_notification("argmap/probe", number)
    assert seen == list(range(100))
    assert not server.protocol._request_futures


def test_a_failing_feature_is_logged_shown_once_a_minute_and_answered_with_its_default(caplog):
    from argmap.lsp.server import guarded

    server = create_server()
    logged: list[Any] = []
    shown: list[Any] = []
    server.window_log_message = logged.append  # type: ignore[method-assign]
    server.window_show_message = shown.append  # type: ignore[method-assign]

    @guarded(server, "hover", default=[])
    def broken(ls: Any, params: Any) -> list[str]:
        raise KeyError("no such node")

    assert broken(server, None) == [] and broken(server, None) == []
    assert [m.message for m in logged] == ["argmap: hover failed: KeyError: 'no such node'"] * 2
    assert [m.message for m in shown] == ["argmap: hover failed: KeyError: 'no such node'"]  # not at every keystroke
    assert "Traceback" in caplog.text and "KeyError: 'no such node'" in caplog.text  # the log keeps it whole

    # A connection that fails too leaves the error in the log, never raised into the server's loop.
    def gone(message: Any) -> None:
        raise BrokenPipeError

    server.window_log_message = gone  # type: ignore[method-assign]
    assert broken(server, None) == []
