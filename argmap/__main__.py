"""Run the command-line interface as ``python -m argmap``; also the console script's entry point."""

import os
import sys


def main() -> None:
    """The command line, with Ctrl-C during its start (while it is being imported) ending it as it does later:
    one line, status 130, never a traceback."""
    try:
        from argmap.cli import run
    except KeyboardInterrupt:
        try:
            sys.stderr.write("argmap: interrupted\n")
            sys.stderr.flush()
        finally:
            os._exit(130)
    run()


if __name__ == "__main__":
    main()
