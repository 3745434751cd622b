"""Run the command-line interface as ``python -m argmap``."""

from argmap.cli import run

if __name__ == "__main__":
    run()
