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
