"""`argmap serve`: a live preview of a map on the loopback interface, redrawn whenever one of its files is
saved; click parses, execute_serve() does the work."""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass
from typing import IO

import click

from argmap.cli.common import SECONDS
from argmap.cli.render_cmd import view_options
from argmap.pipeline.evaluation import SEMANTICS

__all__ = ["ServeOptions", "serve", "execute_serve", "DEFAULT_PORT"]

DEFAULT_PORT = 8150


@dataclass(frozen=True)
class ServeOptions:
    map: str
    port: int = DEFAULT_PORT
    browser: bool = True
    lang: str | None = None
    focus: str | None = None
    depth: int = 2
    group: str | None = None
    timeout: float = 120.0
    legend: bool = True
    evaluation: str | None = None
    rankdir: str = "auto"


@click.command()
@click.argument("map_path", metavar="MAP", type=click.Path())
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
              help="The port on 127.0.0.1 (0: any free port).")
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@click.option("--lang", help="The language the page opens in (default: the map's first).")
@view_options
@click.option("--timeout", type=SECONDS, default=120.0, show_default=True,
              help="Seconds dot may run for each drawing (and the SAT solver, for --eval).")
@click.option("--eval", "evaluation", type=click.Choice(SEMANTICS), help="Show each node's evaluation.")
def serve(map_path: str, port: int, no_browser: bool, lang: str | None, focus: str | None, depth: int,
          group: str | None, timeout: float, no_legend: bool, evaluation: str | None, rankdir: str) -> None:
    """Show MAP in the browser and redraw it whenever one of its files is saved.

    The page is served on 127.0.0.1 only. A draft with errors is still drawn, its problem nodes
    marked and its findings listed. Ctrl-C stops the server.

    Exit status: 2 usage error (such as a port in use), 3 Graphviz missing, 130 stopped with Ctrl-C.
    """
    options = ServeOptions(map_path, port, not no_browser, lang, focus, depth, group, timeout, not no_legend,
                           evaluation, rankdir)
    sys.exit(execute_serve(options, sys.stdout, sys.stderr))


def execute_serve(options: ServeOptions, stdout: IO[str], stderr: IO[str]) -> int:
    """Serve until interrupted (Ctrl-C reaches the command line, which exits with status 130)."""
    from argmap.cli.common import run

    return run("serve", lambda: _execute(options, stdout), stderr)


def _execute(options: ServeOptions, stdout: IO[str]) -> int:
    from argmap.errors import UsageError
    from argmap.pipeline.rendering import require_dot
    from argmap.serve.live import Channel, Options, Preview
    from argmap.serve.server import PreviewServer

    require_dot()

    def say(line: str) -> None:
        stdout.write(f"argmap serve: {line}\n")
        stdout.flush()

    from argmap.pipeline import one_map

    # A folder is its map's file from the start: a later save that breaks the map must not make the folder
    # ambiguous (its includes look like maps of their own while the root cannot be read).
    preview = Preview(one_map(options.map, "serve"), Options(options.lang, options.evaluation, options.focus, options.depth,
                                           options.group, options.legend, options.timeout, options.rankdir),
                      Channel(), log=say)
    server = PreviewServer(preview, options.port)  # before the first drawing: a port in use fails at once
    stop = threading.Event()
    try:
        started = time.monotonic()
        if isinstance(failed := preview.build(), UsageError):
            raise failed  # an unknown --lang, --focus or --group, a wrong configuration: not a draft to wait on
        state = "cannot be drawn yet" if failed else f"drawn in {time.monotonic() - started:.2f} s"
        say(f"{server.url} shows {options.map} ({state}); Ctrl-C stops")
        watcher = threading.Thread(target=preview.watch, args=(stop,), name="argmap-watch", daemon=True)
        watcher.start()
        if options.browser:
            import webbrowser

            # A console browser would take over the terminal: the page opens beside the server.
            threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
        server.serve_forever(poll_interval=0.2)
    finally:
        stop.set()
        preview.close()
        server.server_close()
    return 0
