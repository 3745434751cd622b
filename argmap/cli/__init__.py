"""The ``argmap`` command group; each subcommand lives in its own module, imported on use."""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import signal
import sys
from typing import Any

import click

from argmap.errors import INTERRUPTED, USAGE
from argmap.version import __version__

__all__ = ["main", "run"]

# name -> "module:attribute"; a subcommand's module (and what it imports) loads only when run,
# so that `argmap --version` and `argmap rules` stay fast.
COMMANDS = {
    "check": "argmap.cli.check_cmd:check",
    "render": "argmap.cli.render_cmd:render",
    "serve": "argmap.cli.serve_cmd:serve",
    "eval": "argmap.cli.eval_cmd:eval_",
    "export": "argmap.cli.export_cmd:export",
    "import": "argmap.cli.import_cmd:import_",
    "diff": "argmap.cli.diff_cmd:diff",
    "fmt": "argmap.cli.fmt_cmd:fmt",
    "init": "argmap.cli.init_cmd:init",
    "schema": "argmap.cli.schema_cmd:schema",
    "rules": "argmap.cli.rules_cmd:rules",
    "explain": "argmap.cli.rules_cmd:explain",
    "lsp": "argmap.cli.lsp_cmd:lsp",
    "config": "argmap.cli.config_cmd:config",
    "schemes": "argmap.cli.schemes_cmd:schemes",
}


class Interrupted(Exception):
    """Ctrl-C inside a command; raised instead of KeyboardInterrupt so that click does not turn it into
    "Aborted!" with exit status 1, which means findings."""


class LazyGroup(click.Group):
    """A click group whose subcommands are imported the first time they are needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if _available(name))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None or not _available(cmd_name):
            return None
        module, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted() from None


def _available(name: str) -> bool:
    module = COMMANDS[name].split(":")[0]
    return importlib.util.find_spec(module) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="argmap")
def main() -> None:
    """Model arguments as YAML graphs: check them, evaluate them, draw them."""


def run() -> None:
    """The console entry point: main(), with running out of memory and Ctrl-C reported in one line."""
    pressed: list[bool] = []

    def ctrl_c(signum: int, frame: object) -> None:
        pressed.append(True)
        raise KeyboardInterrupt

    # Ctrl-C is remembered as well as raised: a library may turn the KeyboardInterrupt into an error of its own
    # (a failed import, a value that "does not validate") or drop it, and the command must not then report
    # that error, or findings, or success.
    previous = None
    with contextlib.suppress(ValueError):  # not the main thread: the default handling stays
        previous = signal.signal(signal.SIGINT, ctrl_c)
    try:
        main()
    except MemoryError:
        _leave("argmap: out of memory; the input is too large for this machine\n", USAGE)
    except (Interrupted, KeyboardInterrupt):
        _leave("argmap: interrupted\n", INTERRUPTED)
    except BaseException:  # SystemExit with the command's status included
        if pressed:
            _leave("argmap: interrupted\n", INTERRUPTED)
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _leave(message: str, status: int) -> None:
    with contextlib.suppress(OSError, ValueError, KeyboardInterrupt):
        sys.stdout.flush()
    with contextlib.suppress(OSError, ValueError, KeyboardInterrupt):
        sys.stderr.write(message)
        sys.stderr.flush()
    # Leave at once: a second Ctrl-C during the interpreter's shutdown would print a traceback.
    os._exit(status)
