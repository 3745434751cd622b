"""The console examples of the documentation, run as a user would run them."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def console_examples(page: str, section: str) -> list[tuple[str, str]]:
    """The ``$ command`` lines of the console blocks in one section of a documentation page, each with
    the output shown below it."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    examples: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", body, re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command, output))
    return examples


def run_console(command: str, cwd: Path) -> str:
    """What a user sees on the terminal (stdout and stderr as they come) from ``argmap ...``."""
    words = shlex.split(command)
    assert words[0] == "argmap", command
    environment = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    environment.pop("GITHUB_ACTIONS", None)
    done = subprocess.run([sys.executable, "-m", "argmap", *words[1:]], cwd=cwd, env=environment, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    return done.stdout
